/* Tests of the descent module: Xavier statistics and stream seeds, gradient
   descent steps, L-BFGS convergence, quadratic Newton polish, and the
   classification of permuted catalogue points; every error status. */
#define _POSIX_C_SOURCE 200809L
#include <config.h>
#include <math.h>
#include <string.h>
#include <gsl/gsl_rng.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_permutation.h>
#include "landscape.h"
#include "testutil.h"

#define CATALOGUE LSC_SRCDIR "/data/families.tsv"

static lsc_catalogue *
load (void)
{
  char err[256];
  lsc_catalogue *cat = NULL;
  int st = lsc_catalogue_read_file (&cat, CATALOGUE, err, sizeof err);
  if (st)
    fprintf (stderr, "%s\n", err);
  CU_ASSERT_EQUAL_FATAL (st, 0);
  return cat;
}

static double
fnorm (const double *v, size_t n)
{
  double s = 0;
  for (size_t i = 0; i < n; i++)
    s += v[i] * v[i];
  return sqrt (s);
}

/* Xavier entries: sample mean and variance of 40000 entries against
   N(0, 1/d) (4.5 standard errors; the variance's standard error is
   sqrt(2/n)/d), and the fourth moment 3/d^2 (Gaussian, not uniform). */
static void
test_xavier (void)
{
  size_t k = 200, d = 200, n = k * d;
  double *W = malloc (n * sizeof *W);
  gsl_rng *r = gsl_rng_alloc (gsl_rng_mt19937);
  gsl_rng_set (r, lsc_descent_stream_seed (7, 0));
  CU_ASSERT_EQUAL (lsc_descent_xavier (W, k, d, r), 0);
  double m = 0, v = 0, q = 0;
  for (size_t i = 0; i < n; i++)
    m += W[i];
  m /= n;
  for (size_t i = 0; i < n; i++)
    {
      v += (W[i] - m) * (W[i] - m);
      q += W[i] * W[i] * W[i] * W[i];
    }
  v /= n - 1;
  q /= n;
  double s2 = 1.0 / d;
  CU_ASSERT (fabs (m) < 4.5 * sqrt (s2 / n));
  CU_ASSERT (fabs (v - s2) < 4.5 * sqrt (2.0 / n) * s2);
  CU_ASSERT (fabs (q - 3 * s2 * s2) < 4.5 * sqrt (96.0 / n) * s2 * s2);
  /* Same seed, same matrix; stream seeds differ across runs and seeds. */
  double *W2 = malloc (n * sizeof *W2);
  gsl_rng_set (r, lsc_descent_stream_seed (7, 0));
  lsc_descent_xavier (W2, k, d, r);
  CU_ASSERT (memcmp (W, W2, n * sizeof *W) == 0);
  unsigned long s[64];
  for (size_t i = 0; i < 32; i++)
    {
      s[i] = lsc_descent_stream_seed (7, i);
      s[32 + i] = lsc_descent_stream_seed (8, i);
    }
  int dup = 0;
  for (size_t i = 0; i < 64; i++)
    for (size_t j = 0; j < i; j++)
      dup += s[i] == s[j];
  CU_ASSERT_EQUAL (dup, 0);
  CU_ASSERT_EQUAL (lsc_descent_stream_seed (7, 5), s[5]);
  CU_ASSERT_EQUAL (lsc_descent_xavier (NULL, k, d, r), LSC_EFAULT);
  CU_ASSERT_EQUAL (lsc_descent_xavier (W, 0, d, r), LSC_EINVAL);
  free (W);
  free (W2);
  gsl_rng_free (r);
}

/* One GD step is W - (c/k) grad (checked against lsc_loss_grad); with a
   small step the loss decreases at every one of 300 steps. */
static void
test_gd_monotone (void)
{
  size_t k = 6, d = 6, n = k * d;
  lsc_problem p = { k, d, d, NULL, NULL, NULL };
  lsc_descent_workspace *ws = lsc_descent_alloc (k, d, d, 0, 0);
  lsc_loss_workspace *lw = lsc_loss_workspace_alloc (k, d, d);
  double W[36], W0[36], G[36], L0, L;
  gsl_rng *r = gsl_rng_alloc (gsl_rng_mt19937);
  gsl_rng_set (r, lsc_descent_stream_seed (1, 3));
  lsc_descent_xavier (W, k, d, r);
  lsc_descent_params par;
  lsc_descent_params_init (&par);
  par.method = LSC_DESCENT_GD;
  par.step_c = 0.5;
  par.maxiter = 1;
  lsc_descent_result res;
  memcpy (W0, W, sizeof W);
  lsc_loss_grad (&L0, G, W0, &p, lw);
  CU_ASSERT_EQUAL (lsc_descent_gd (W, &res, &p, &par, ws), LSC_EMAXITER);
  double dev = 0;
  for (size_t i = 0; i < n; i++)
    dev = fmax (dev, fabs (W[i] - (W0[i] - par.step_c / k * G[i])));
  CU_ASSERT (dev <= 1e-15);
  CU_ASSERT_EQUAL (res.iter, 1);
  CU_ASSERT_EQUAL (res.nfev, 2);
  lsc_loss (&L, W, &p, lw);
  CU_ASSERT_EQUAL (res.loss, L);
  int bad = 0;
  for (int it = 0; it < 300; it++)
    {
      double Lprev = L;
      lsc_descent_gd (W, &res, &p, &par, ws);
      L = res.loss;
      bad += !(L <= Lprev);
    }
  CU_ASSERT_EQUAL (bad, 0);
  CU_ASSERT (L < L0);
  lsc_loss_workspace_free (lw);
  lsc_descent_free (ws);
  gsl_rng_free (r);
}

/* L-BFGS from 5 Xavier starts at k = d = 10 reaches |grad| <= 1e-9, as
   recomputed independently by lsc_loss_grad; GD from the first start
   also reaches it, in more iterations. */
static void
test_lbfgs (void)
{
  size_t k = 10, d = 10, n = k * d;
  lsc_problem p = { k, d, d, NULL, NULL, NULL };
  lsc_descent_workspace *ws = lsc_descent_alloc (k, d, d, 10, 0);
  lsc_loss_workspace *lw = lsc_loss_workspace_alloc (k, d, d);
  double W[100], W0[100], G[100], L;
  gsl_rng *r = gsl_rng_alloc (gsl_rng_mt19937);
  lsc_descent_params par;
  lsc_descent_params_init (&par);
  par.gtol = 1e-9;
  for (int run = 0; run < 5; run++)
    {
      gsl_rng_set (r, lsc_descent_stream_seed (2, run));
      lsc_descent_xavier (W, k, d, r);
      memcpy (W0, W, sizeof W);
      lsc_descent_result res;
      CU_ASSERT_EQUAL (lsc_descent_lbfgs (W, &res, &p, &par, ws), 0);
      lsc_loss_grad (&L, G, W, &p, lw);
      CU_ASSERT (fnorm (G, n) <= 1e-9);
      CU_ASSERT (fabs (res.gnorm - fnorm (G, n)) <= 1e-15);
      CU_ASSERT_EQUAL (res.loss, L);
      CU_ASSERT (res.iter < 1000);
      if (run == 0)
        {
          lsc_descent_params pg = par;
          pg.method = LSC_DESCENT_GD;
          lsc_descent_result rg;
          CU_ASSERT_EQUAL (lsc_descent_run (W0, &rg, &p, &pg, ws), 0);
          CU_ASSERT (rg.iter > res.iter);
          CU_ASSERT (rg.gnorm <= 1e-9);
        }
    }
  lsc_loss_workspace_free (lw);
  lsc_descent_free (ws);
  gsl_rng_free (r);
}

/* Newton polish from type A at d = 20 perturbed by 1e-4: one iteration at
   a time, |g_{j+1}| <= C |g_j|^2 with a bounded C, down to 1e-13. */
static void
test_newton_quadratic (void)
{
  lsc_catalogue *cat = load ();
  const lsc_family *A = lsc_catalogue_find (cat, "A");
  CU_ASSERT_PTR_NOT_NULL_FATAL (A);
  size_t k = 20, d = 20, n = k * d;
  lsc_problem p = { k, d, d, NULL, NULL, NULL };
  double *W = malloc (n * sizeof *W);
  CU_ASSERT_EQUAL_FATAL (lsc_young_embed (W, A->p, &A->G), 0);
  gsl_rng *r = gsl_rng_alloc (gsl_rng_mt19937);
  gsl_rng_set (r, 11);
  for (size_t i = 0; i < n; i++)
    W[i] += 1e-4 * gsl_ran_gaussian (r, 1.0);
  lsc_descent_workspace *ws = lsc_descent_alloc (k, d, d, 0, 1);
  lsc_descent_params par;
  lsc_descent_params_init (&par);
  par.newton_maxiter = 1;
  par.newton_accept = INFINITY;
  double g[8], G[400];
  size_t ng = 0;
  lsc_descent_result res;
  lsc_loss_workspace *lw = lsc_loss_workspace_alloc (k, d, d);
  lsc_loss_grad (NULL, G, W, &p, lw);
  lsc_loss_workspace_free (lw);
  g[ng++] = fnorm (G, n);
  for (int it = 0; it < 6 && ng < 8; it++)
    {
      CU_ASSERT_EQUAL (lsc_descent_newton (W, &res, &p, &par, ws), 0);
      if (ng == 0 || res.gnorm < g[ng - 1])
        g[ng++] = res.gnorm;
      if (res.gnorm <= par.newton_tol)
        break;
    }
  CU_ASSERT (ng >= 3);
  CU_ASSERT (g[ng - 1] <= 1e-13);
  /* Quadratic: while above the rounding floor, g1/g0^2 stays O(1). */
  for (size_t j = 0; j + 1 < ng && g[j + 1] > 1e-12; j++)
    CU_ASSERT (g[j + 1] <= 10.0 * g[j] * g[j]);
  CU_ASSERT (g[1] < 1e-5 && g[0] > 1e-4);
  CU_ASSERT (fabs (res.loss - A->loss) <= 1e-12 * A->loss);
  free (W);
  lsc_descent_free (ws);
  gsl_rng_free (r);
  lsc_catalogue_free (cat);
}

/* Every catalogue family at k = d = 20, embedded, permuted in rows and
   columns independently (the loss is invariant for V = I), polished and
   classified: its own name, the Morse index stated in the catalogue's
   description (full Hessian at d = 20), and the catalogue loss. */
static void
test_classify_catalogue (void)
{
  lsc_catalogue *cat = load ();
  size_t k = 20, d = 20, n = k * d;
  lsc_problem p = { k, d, d, NULL, NULL, NULL };
  lsc_classifier *c = lsc_classifier_alloc (cat, k, d, NULL);
  CU_ASSERT_PTR_NOT_NULL_FATAL (c);
  lsc_descent_workspace *ws = lsc_descent_alloc (k, d, d, 0, 1);
  double *W = malloc (n * sizeof *W), *Wp = malloc (n * sizeof *Wp);
  double *ev = malloc (n * sizeof *ev);
  gsl_rng *r = gsl_rng_alloc (gsl_rng_mt19937);
  gsl_rng_set (r, 5);
  gsl_permutation *pr = gsl_permutation_calloc (k), *pc =
    gsl_permutation_calloc (d);
  lsc_descent_params par;
  lsc_descent_params_init (&par);
  size_t tested = 0;
  for (size_t f = 0; f < cat->n; f++)
    {
      const lsc_family *fam = &cat->fam[f];
      if (lsc_young_k (&fam->G) != k)
        continue;
      lsc_young_embed (W, fam->p, &fam->G);
      gsl_ran_shuffle (r, pr->data, k, sizeof (size_t));
      gsl_ran_shuffle (r, pc->data, d, sizeof (size_t));
      for (size_t i = 0; i < k; i++)
        for (size_t j = 0; j < d; j++)
          Wp[i * d + j] = W[pr->data[i] * d + pc->data[j]];
      lsc_descent_result res;
      CU_ASSERT_EQUAL (lsc_descent_newton (Wp, &res, &p, &par, ws), 0);
      CU_ASSERT_EQUAL (lsc_descent_hessian_eigen (ev, Wp, &p, ws), 0);
      lsc_class cl;
      CU_ASSERT_EQUAL_FATAL (lsc_classify (&cl, Wp, ev, res.loss, &p, c),
                             0);
      const char *mi = strstr (fam->description, "Morse index ");
      size_t idx = mi ? strtoul (mi + 12, NULL, 10) : 0;
      CU_ASSERT_EQUAL (cl.index, idx);
      if (strcmp (fam->name, "global") == 0)
        {
          CU_ASSERT_EQUAL (cl.kind, LSC_CLASS_GLOBAL);
          CU_ASSERT_STRING_EQUAL (cl.isotropy, "kd:L");
        }
      else
        {
          CU_ASSERT_EQUAL (cl.kind, LSC_CLASS_CATALOGUE);
          CU_ASSERT_PTR_EQUAL (cl.family, fam);
          CU_ASSERT_STRING_EQUAL (cl.isotropy, fam->isotropy);
          CU_ASSERT (fabs (res.loss - fam->loss) <= 1e-12 * fam->loss);
          CU_ASSERT (cl.min_eig == ev[0]);
        }
      tested++;
    }
  size_t kd_families = 0;
  for (size_t f = 0; f < cat->n; f++)
    kd_families += lsc_young_k (&cat->fam[f].G) == k;
  CU_ASSERT_EQUAL (tested, kd_families);
  CU_ASSERT (tested >= 11); /* global, A, B2-B6, F3-F6 */
  /* A generic matrix: no symmetry; a non-identity target: unsupported. */
  for (size_t i = 0; i < n; i++)
    Wp[i] = gsl_ran_gaussian (r, 1.0);
  lsc_class cl;
  CU_ASSERT_EQUAL (lsc_descent_hessian_eigen (ev, Wp, &p, ws), 0);
  CU_ASSERT_EQUAL (lsc_classify (&cl, Wp, ev, 1.0, &p, c), 0);
  CU_ASSERT_EQUAL (cl.kind, LSC_CLASS_NOSYM);
  CU_ASSERT_STRING_EQUAL (cl.isotropy, "");
  double beta[20];
  for (size_t i = 0; i < d; i++)
    beta[i] = 2.0;
  lsc_problem p2 = { k, d, d, NULL, NULL, beta };
  CU_ASSERT_EQUAL (lsc_classify (&cl, Wp, ev, 1.0, &p2, c), 0);
  CU_ASSERT_EQUAL (cl.kind, LSC_CLASS_UNSUP);
  /* Errors. */
  lsc_problem p3 = { k, d - 1, d - 1, NULL, NULL, NULL };
  CU_ASSERT_EQUAL (lsc_classify (&cl, Wp, ev, 1.0, &p3, c), LSC_EBADLEN);
  CU_ASSERT_EQUAL (lsc_classify (NULL, Wp, ev, 1.0, &p, c), LSC_EFAULT);
  CU_ASSERT_PTR_NULL (lsc_classifier_alloc (cat, 0, d, NULL));
  char buf[4];
  CU_ASSERT_EQUAL (lsc_isotropy_format (buf, sizeof buf, &cat->fam[1].G),
                   LSC_ERANGE);
  free (W);
  free (Wp);
  free (ev);
  gsl_permutation_free (pr);
  gsl_permutation_free (pc);
  gsl_rng_free (r);
  lsc_descent_free (ws);
  lsc_classifier_free (c);
  lsc_catalogue_free (cat);
}

/* Away from the catalogue's d: type A at d = 12 found by restricted Newton
   from its d = 20 values (an independent route to the continued point) is
   classified as A by the continued catalogue. */
static void
test_classify_other_d (void)
{
  lsc_catalogue *cat = load ();
  const lsc_family *A = lsc_catalogue_find (cat, "A");
  size_t k = 12, d = 12, n = k * d;
  lsc_problem p = { k, d, d, NULL, NULL, NULL };
  lsc_young G;
  char err[64];
  CU_ASSERT_EQUAL_FATAL (lsc_isotropy_parse (&G, "kd:L,1", 12, err,
                                             sizeof err), 0);
  double q[LSC_FAMILY_MAXP];
  memcpy (q, A->p, A->nparams * sizeof (double));
  CU_ASSERT_EQUAL_FATAL (lsc_newton_restricted (q, NULL, &G, NULL), 0);
  double *W = malloc (n * sizeof *W), *ev = malloc (n * sizeof *ev);
  lsc_young_embed (W, q, &G);
  /* Reverse rows: a permutation the detection must undo. */
  for (size_t i = 0; i < k / 2; i++)
    for (size_t j = 0; j < d; j++)
      {
        double t = W[i * d + j];
        W[i * d + j] = W[(k - 1 - i) * d + j];
        W[(k - 1 - i) * d + j] = t;
      }
  lsc_classifier *c = lsc_classifier_alloc (cat, k, d, NULL);
  CU_ASSERT_PTR_NOT_NULL_FATAL (c);
  CU_ASSERT (lsc_classifier_nfamilies (c) >= 2);
  lsc_descent_workspace *ws = lsc_descent_alloc (k, d, d, 0, 1);
  lsc_descent_params par;
  lsc_descent_params_init (&par);
  lsc_descent_result res;
  CU_ASSERT_EQUAL (lsc_descent_newton (W, &res, &p, &par, ws), 0);
  CU_ASSERT_EQUAL (lsc_descent_hessian_eigen (ev, W, &p, ws), 0);
  lsc_class cl;
  CU_ASSERT_EQUAL (lsc_classify (&cl, W, ev, res.loss, &p, c), 0);
  CU_ASSERT_EQUAL (cl.kind, LSC_CLASS_CATALOGUE);
  CU_ASSERT_PTR_EQUAL (cl.family, A);
  for (size_t i = 0; i < A->nparams; i++)
    CU_ASSERT (fabs (cl.p[i] - q[i]) <= 1e-12);
  free (W);
  free (ev);
  lsc_descent_free (ws);
  lsc_classifier_free (c);
  lsc_catalogue_free (cat);
}

/* One run: stream, Xavier, L-BFGS, polish; the final W. */
static void
one_run (double *W, size_t k, size_t run, lsc_descent_workspace *ws)
{
  lsc_problem p = { k, k, k, NULL, NULL, NULL };
  lsc_descent_params par;
  lsc_descent_params_init (&par);
  gsl_rng *r = gsl_rng_alloc (gsl_rng_mt19937);
  gsl_rng_set (r, lsc_descent_stream_seed (42, run));
  lsc_descent_xavier (W, k, k, r);
  lsc_descent_run (W, NULL, &p, &par, ws);
  lsc_descent_newton (W, NULL, &p, &par, ws);
  gsl_rng_free (r);
}

/* Runs depend only on (seed, run): made in reverse order with a reused
   workspace they give bit-identical end points, as in forward order with
   fresh workspaces (what any thread schedule of a census amounts to). */
static void
test_streams_order (void)
{
  size_t k = 8, n = k * k, N = 4;
  double Wf[4][64], Wb[64];
  for (size_t run = 0; run < N; run++)
    {
      lsc_descent_workspace *ws = lsc_descent_alloc (k, k, k, 10, 1);
      one_run (Wf[run], k, run, ws);
      lsc_descent_free (ws);
    }
  lsc_descent_workspace *ws = lsc_descent_alloc (k, k, k, 10, 1);
  int same = 0;
  for (size_t run = N; run-- > 0;)
    {
      one_run (Wb, k, run, ws);
      same += memcmp (Wb, Wf[run], n * sizeof (double)) == 0;
    }
  CU_ASSERT_EQUAL (same, (int) N);
  CU_ASSERT (memcmp (Wf[0], Wf[1], n * sizeof (double)) != 0);
  lsc_descent_free (ws);
}

/* The symmetric route (lsc_descent_polish_symmetric) against the dense
   one (lsc_descent_newton + lsc_descent_hessian_eigen) from the same
   point: the same polished W, loss and full spectrum (eigenvalue by
   eigenvalue, relative to the largest), hence the same classification.
   Points: every catalogue family at k = d = 20, permuted in rows and
   columns and perturbed by 1e-9 (the isotypic reduction of one large
   block), and two L-BFGS end points at k = d = 30 whose isotropy
   Delta(S_16 x S_14) has two large blocks (the orbit compression of the
   Hessian).  Failures leave W unchanged: a generic point (no isotropy)
   and another target. */
static void
sym_vs_dense (const double *W0, size_t k, const lsc_problem *p,
              const lsc_classifier *c, lsc_descent_workspace *ws,
              const char *iso)
{
  size_t n = k * k;
  double *Ws = malloc (n * sizeof *Ws), *Wd = malloc (n * sizeof *Wd);
  double *es = malloc (n * sizeof *es), *ed = malloc (n * sizeof *ed);
  memcpy (Ws, W0, n * sizeof *Ws);
  memcpy (Wd, W0, n * sizeof *Wd);
  lsc_descent_params par;
  lsc_descent_params_init (&par);
  lsc_descent_result rs, rd;
  CU_ASSERT_EQUAL_FATAL (lsc_descent_polish_symmetric (Ws, es, &rs, p, &par,
                                                       1e-6, ws), 0);
  CU_ASSERT_EQUAL_FATAL (lsc_descent_newton (Wd, &rd, p, &par, ws), 0);
  CU_ASSERT_EQUAL_FATAL (lsc_descent_hessian_eigen (ed, Wd, p, ws), 0);
  CU_ASSERT (rs.gnorm <= 1e-12);
  CU_ASSERT (fabs (rs.loss - rd.loss) <= 1e-12 * fmax (rd.loss, 1e-3));
  double scale = 1, dev = 0, wdev = 0;
  for (size_t i = 0; i < n; i++)
    {
      scale = fmax (scale, fabs (ed[i]));
      dev = fmax (dev, fabs (es[i] - ed[i]));
      wdev = fmax (wdev, fabs (Ws[i] - Wd[i]));
    }
  CU_ASSERT (dev <= 1e-12 * scale);
  CU_ASSERT (wdev <= 1e-11);
  lsc_class a, b;
  CU_ASSERT_EQUAL_FATAL (lsc_classify (&a, Ws, es, rs.loss, p, c), 0);
  CU_ASSERT_EQUAL_FATAL (lsc_classify (&b, Wd, ed, rd.loss, p, c), 0);
  CU_ASSERT_EQUAL (a.kind, b.kind);
  CU_ASSERT_PTR_EQUAL (a.family, b.family);
  CU_ASSERT_EQUAL (a.index, b.index);
  CU_ASSERT_EQUAL (a.nzero, b.nzero);
  CU_ASSERT_STRING_EQUAL (a.isotropy, b.isotropy);
  if (iso)
    CU_ASSERT_STRING_EQUAL (a.isotropy, iso);
  free (Ws);
  free (Wd);
  free (es);
  free (ed);
}

static void
test_polish_symmetric (void)
{
  lsc_catalogue *cat = load ();
  size_t k = 20, n = k * k;
  lsc_problem p = { k, k, k, NULL, NULL, NULL };
  lsc_classifier *c = lsc_classifier_alloc (cat, k, k, NULL);
  lsc_descent_workspace *ws = lsc_descent_alloc (k, k, k, 10, 1);
  double *W = malloc (900 * sizeof *W), *Wp = malloc (900 * sizeof *Wp);
  double *ev = malloc (900 * sizeof *ev);
  gsl_rng *r = gsl_rng_alloc (gsl_rng_mt19937);
  gsl_rng_set (r, 9);
  gsl_permutation *pr = gsl_permutation_calloc (k), *pc =
    gsl_permutation_calloc (k);
  size_t tested = 0;
  for (size_t f = 0; f < cat->n; f++)
    {
      const lsc_family *fam = &cat->fam[f];
      if (lsc_young_k (&fam->G) != k || lsc_young_d (&fam->G) != k)
        continue;
      lsc_young_embed (W, fam->p, &fam->G);
      gsl_ran_shuffle (r, pr->data, k, sizeof (size_t));
      gsl_ran_shuffle (r, pc->data, k, sizeof (size_t));
      for (size_t i = 0; i < k; i++)
        for (size_t j = 0; j < k; j++)
          Wp[i * k + j] = W[pr->data[i] * k + pc->data[j]]
                          + 1e-9 * (gsl_rng_uniform (r) - 0.5);
      sym_vs_dense (Wp, k, &p, c, ws, fam->isotropy[0] ? fam->isotropy
                                                        : NULL);
      tested++;
    }
  CU_ASSERT (tested >= 11);
  /* no isotropy: LSC_EUNSUP, W unchanged; another target likewise */
  for (size_t i = 0; i < n; i++)
    W[i] = Wp[i] = gsl_ran_gaussian (r, 1.0);
  lsc_descent_params par;
  lsc_descent_params_init (&par);
  CU_ASSERT_EQUAL (lsc_descent_polish_symmetric (Wp, ev, NULL, &p, &par,
                                                 1e-6, ws), LSC_EUNSUP);
  CU_ASSERT_EQUAL (memcmp (W, Wp, n * sizeof *W), 0);
  double beta[20];
  for (size_t i = 0; i < k; i++)
    beta[i] = 2.0;
  lsc_problem p2 = { k, k, k, NULL, NULL, beta };
  CU_ASSERT_EQUAL (lsc_descent_polish_symmetric (Wp, ev, NULL, &p2, &par,
                                                 1e-6, ws), LSC_EUNSUP);
  CU_ASSERT_EQUAL (lsc_descent_polish_symmetric (Wp, NULL, NULL, &p, &par,
                                                 1e-6, ws), LSC_EFAULT);
  CU_ASSERT_EQUAL (lsc_descent_polish_symmetric (Wp, ev, NULL, &p, &par,
                                                 0.0, ws), LSC_EBADTOL);
  lsc_descent_free (ws);
  lsc_classifier_free (c);
  /* two large blocks: L-BFGS end points at k = d = 30 (runs 6 and 9 of
     stream seed 1 end at Delta(S_16 x S_14)) */
  k = 30;
  lsc_problem p3 = { k, k, k, NULL, NULL, NULL };
  c = lsc_classifier_alloc (cat, k, k, NULL);
  ws = lsc_descent_alloc (k, k, k, 10, 1);
  for (size_t run = 6; run <= 9; run += 3)
    {
      gsl_rng_set (r, lsc_descent_stream_seed (1, run));
      lsc_descent_xavier (W, k, k, r);
      CU_ASSERT_EQUAL (lsc_descent_run (W, NULL, &p3, &par, ws), 0);
      sym_vs_dense (W, k, &p3, c, ws, "kd:L,14");
    }
  lsc_descent_free (ws);
  lsc_classifier_free (c);
  free (W);
  free (Wp);
  free (ev);
  gsl_permutation_free (pr);
  gsl_permutation_free (pc);
  gsl_rng_free (r);
  lsc_catalogue_free (cat);
}

/* Every documented status of the descent routines. */
static void
test_errors (void)
{
  size_t k = 4, d = 4, n = k * d;
  lsc_problem p = { k, d, d, NULL, NULL, NULL };
  lsc_descent_workspace *ws = lsc_descent_alloc (k, d, d, 5, 0);
  lsc_descent_workspace *wh = lsc_descent_alloc (k, d, d, 0, 1);
  double W[16], ev[16];
  gsl_rng *r = gsl_rng_alloc (gsl_rng_mt19937);
  gsl_rng_set (r, 3);
  lsc_descent_xavier (W, k, d, r);
  lsc_descent_params par;
  lsc_descent_params_init (&par);
  lsc_descent_result res;
  CU_ASSERT_PTR_NULL (lsc_descent_alloc (0, d, d, 5, 0));
  lsc_descent_free (NULL);
  CU_ASSERT_EQUAL (lsc_descent_gd (NULL, &res, &p, &par, ws), LSC_EFAULT);
  lsc_problem pb = { k, d + 1, d + 1, NULL, NULL, NULL };
  CU_ASSERT_EQUAL (lsc_descent_lbfgs (W, &res, &pb, &par, ws), LSC_EBADLEN);
  lsc_descent_params bad = par;
  bad.gtol = -1;
  CU_ASSERT_EQUAL (lsc_descent_run (W, &res, &p, &bad, ws), LSC_EBADTOL);
  bad = par;
  bad.armijo = 1.5;
  CU_ASSERT_EQUAL (lsc_descent_run (W, &res, &p, &bad, ws), LSC_EBADTOL);
  bad = par;
  bad.maxiter = 0;
  CU_ASSERT_EQUAL (lsc_descent_run (W, &res, &p, &bad, ws), LSC_EINVAL);
  bad = par;
  bad.method = (lsc_descent_method) 7;
  CU_ASSERT_EQUAL (lsc_descent_run (W, &res, &p, &bad, ws), LSC_EINVAL);
  /* Zero row: the loss is not differentiable there. */
  double Z[16];
  memcpy (Z, W, sizeof Z);
  memset (Z + 4, 0, 4 * sizeof (double));
  CU_ASSERT_EQUAL (lsc_descent_gd (Z, &res, &p, &par, ws), LSC_EDOM);
  Z[5] = NAN;
  CU_ASSERT_EQUAL (lsc_descent_gd (Z, &res, &p, &par, ws), LSC_ENONFINITE);
  /* No L-BFGS memory, no Hessian storage. */
  CU_ASSERT_EQUAL (lsc_descent_lbfgs (W, &res, &p, &par, wh), LSC_EINVAL);
  CU_ASSERT_EQUAL (lsc_descent_newton (W, &res, &p, &par, ws), LSC_EINVAL);
  CU_ASSERT_EQUAL (lsc_descent_hessian_eigen (ev, W, &p, ws), LSC_EINVAL);
  CU_ASSERT_EQUAL (lsc_descent_hessian_eigen (ev, W, &pb, wh), LSC_EBADLEN);
  CU_ASSERT_EQUAL (lsc_descent_hessian_eigen (NULL, W, &p, wh), LSC_EFAULT);
  /* Iteration limits. */
  double W1[16];
  memcpy (W1, W, sizeof W1);
  bad = par;
  bad.maxiter = 2;
  CU_ASSERT_EQUAL (lsc_descent_lbfgs (W1, &res, &p, &bad, ws), LSC_EMAXITER);
  CU_ASSERT_EQUAL (res.iter, 2);
  bad.method = LSC_DESCENT_GD;
  CU_ASSERT_EQUAL (lsc_descent_run (W1, &res, &p, &bad, ws), LSC_EMAXITER);
  memcpy (W1, W, sizeof W1);
  bad = par;
  bad.newton_maxiter = 1;
  bad.newton_accept = 0;
  CU_ASSERT_EQUAL (lsc_descent_newton (W1, &res, &p, &bad, wh),
                   LSC_EMAXITER);
  /* A huge GD step overflows: ERANGE. */
  memcpy (W1, W, sizeof W1);
  bad = par;
  bad.method = LSC_DESCENT_GD;
  bad.step_c = 1e300;
  int st = lsc_descent_gd (W1, &res, &p, &bad, ws);
  CU_ASSERT (st == LSC_ERANGE || st == LSC_ENONFINITE);
  /* gtol = 0: L-BFGS reaches the rounding floor and runs to its
     iteration limit (a random target, so that the minimum is not a point
     with exact zeros like W = I, where the gradient can vanish). */
  double V[16];
  for (size_t i = 0; i < n; i++)
    V[i] = gsl_ran_gaussian (r, 1.0);
  lsc_problem pv = { k, d, d, V, NULL, NULL };
  memcpy (W1, W, sizeof W1);
  bad = par;
  bad.gtol = 0;
  bad.maxiter = 3000;
  CU_ASSERT_EQUAL (lsc_descent_lbfgs (W1, &res, &pv, &bad, ws),
                   LSC_EMAXITER);
  CU_ASSERT (res.gnorm < 1e-12);
  /* No tolerance and no acceptance: Newton stops at the floor, ENOCONV. */
  bad.newton_tol = 0;
  bad.newton_tol_x = 0;
  bad.newton_accept = 0;
  bad.newton_maxiter = 100;
  CU_ASSERT_EQUAL (lsc_descent_newton (W1, &res, &pv, &bad, wh),
                   LSC_ENOCONV);
  /* A line search allowed no halving and an Armijo constant near 1 finds
     no acceptable step: ESTEPUNDER. */
  memcpy (W1, W, sizeof W1);
  bad = par;
  bad.ls_max = 0;
  bad.armijo = 0.999;
  CU_ASSERT_EQUAL (lsc_descent_lbfgs (W1, &res, &p, &bad, ws),
                   LSC_ESTEPUNDER);
  (void) n;
  lsc_descent_free (ws);
  lsc_descent_free (wh);
  gsl_rng_free (r);
}

int
main (void)
{
  static const lsc_test_case cases[] = {
    { "xavier statistics and stream seeds", test_xavier },
    { "gradient descent step and monotone loss", test_gd_monotone },
    { "L-BFGS reaches the tolerance", test_lbfgs },
    { "Newton polish converges quadratically", test_newton_quadratic },
    { "classification of permuted catalogue points",
      test_classify_catalogue },
    { "classification at d = 12 through continuation",
      test_classify_other_d },
    { "runs independent of order and workspace", test_streams_order },
    { "symmetric route equals the dense one", test_polish_symmetric },
    { "error statuses", test_errors },
    { NULL, NULL }
  };
  return lsc_test_run ("descent", cases);
}
