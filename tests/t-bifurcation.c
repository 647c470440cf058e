/* Tests of the bifurcation solvers: synthetic families with known analytic
   crossings and folds (to 100 digits), the type A crossing agreed at two
   precisions and confirmed by the full Hessian's inertia at the integers on
   both sides, every catalogue d* found by two independent algorithms
   (secant on the crossing eigenvalue along the branch, Newton on the
   augmented system), error statuses. */
#include <config.h>
#include <stdlib.h>
#include <string.h>
#include <gsl/gsl_linalg.h>
#include "landscape.h"
#include "landscape/lsc_continuation.h"
#include "landscape/lsc_families.h"
#include "testutil.h"

/* Leading significant decimal digits on which a and b agree. */
static size_t
lsc_bif_digits_agree_test (const mpfr_t a, const mpfr_t b, unsigned digits)
{
  mpfr_exp_t ea, eb;
  char *sa = mpfr_get_str (NULL, &ea, 10, digits, a, MPFR_RNDN);
  char *sb = mpfr_get_str (NULL, &eb, 10, digits, b, MPFR_RNDN);
  size_t k = 0;
  if (ea == eb)
    while (sa[k] && sa[k] == sb[k])
      k++;
  mpfr_free_str (sa);
  mpfr_free_str (sb);
  return k;
}

/* ---- synthetic crossing: p = (d, d^2), lambda = p1 - 2 (d* = sqrt 2) or
   lambda = 3 - p0^3 (d* = cbrt 3, decreasing) ---- */
static int
syn_g (mpfr_t *g, const mpfr_t *p, const mpfr_t d, void *params)
{
  (void) params;
  mpfr_sub (g[0], p[0], d, MPFR_RNDN);
  mpfr_sqr (g[1], p[0], MPFR_RNDN);
  mpfr_sub (g[1], p[1], g[1], MPFR_RNDN);
  return 0;
}
static int
syn_jac (double *J, const double *p, double d, void *params)
{
  (void) d; (void) params;
  J[0] = 1; J[1] = 0; J[2] = -2 * p[0]; J[3] = 1;
  return 0;
}
static int
syn_eig_up (mpfr_t lam, const mpfr_t *p, const mpfr_t d, void *params)
{
  (void) d; (void) params;
  mpfr_sub_ui (lam, p[1], 2, MPFR_RNDN);
  return 0;
}
/* An eigenvalue callback whose error does not shrink with the precision
   as it should (an offset of 2^-(prec/3)): the two solves then disagree
   beyond about 15 digits, and the agreement check must say so. */
static int
syn_eig_sloppy (mpfr_t lam, const mpfr_t *p, const mpfr_t d, void *params)
{
  (void) d; (void) params;
  mpfr_t e;
  mpfr_init2 (e, 64);
  mpfr_set_ui_2exp (e, 1, -(mpfr_exp_t) (mpfr_get_prec (lam) / 3), MPFR_RNDN);
  mpfr_sub_ui (lam, p[1], 2, MPFR_RNDN);
  mpfr_add (lam, lam, e, MPFR_RNDN);
  mpfr_clear (e);
  return 0;
}
static int
syn_eig_down (mpfr_t lam, const mpfr_t *p, const mpfr_t d, void *params)
{
  (void) d; (void) params;
  mpfr_pow_ui (lam, p[0], 3, MPFR_RNDN);
  mpfr_ui_sub (lam, 3, lam, MPFR_RNDN);
  return 0;
}

static void
test_synthetic_crossing (void)
{
  lsc_bif_family fam = { 2, syn_g, syn_jac, syn_eig_up, NULL, NULL };
  lsc_bif_options o;
  lsc_bif_options_init (&o);
  o.digits = 100;
  double plo[2] = { 1, 1 }, phi[2] = { 2, 4 };
  mpfr_t ds, ref;
  mpfr_init2 (ds, 500);
  mpfr_init2 (ref, 500);
  lsc_bif_result res;
  CU_ASSERT_EQUAL (lsc_bif_crossing (ds, NULL, &res, &fam, 1, 2, plo, phi, &o), 0);
  mpfr_sqrt_ui (ref, 2, MPFR_RNDN);
  CU_ASSERT (res.agreed);
  CU_ASSERT_EQUAL (res.direction, 1);
  CU_ASSERT (lsc_bif_digits_agree_test (ds, ref, 100) >= 100);
  CU_ASSERT (res.lam_abs < 1e-100);
  /* the failure status of the agreement check, provoked */
  fam.eig_mpfr = syn_eig_sloppy;
  o.digits = 30;
  CU_ASSERT_EQUAL (lsc_bif_crossing (ds, NULL, &res, &fam, 1, 2, plo, phi, &o),
                   LSC_EPREC);
  CU_ASSERT_EQUAL (res.status, LSC_EPREC);
  CU_ASSERT (!res.agreed);
  CU_ASSERT (res.digits_agree >= 10 && res.digits_agree < 30);
  o.digits = 100;
  fam.eig_mpfr = syn_eig_down;
  CU_ASSERT_EQUAL (lsc_bif_crossing (ds, NULL, &res, &fam, 1, 2, plo, phi, &o), 0);
  mpfr_set_ui (ref, 3, MPFR_RNDN);
  mpfr_cbrt (ref, ref, MPFR_RNDN);
  CU_ASSERT_EQUAL (res.direction, -1);
  CU_ASSERT (lsc_bif_digits_agree_test (ds, ref, 100) >= 100);
  mpfr_clears (ds, ref, (mpfr_ptr) 0);
}

/* ---- synthetic fold: g = (p0^2 + p1^2 + d - 2, p1 - 1): fold at d = 1,
   p = (0, 1), null vector (1, 0) of J = [[2 p0, 2 p1], [0, 1]] ---- */
static int
fold_g (mpfr_t *g, const mpfr_t *p, const mpfr_t d, void *params)
{
  (void) params;
  mpfr_sqr (g[0], p[0], MPFR_RNDN);
  mpfr_fma (g[0], p[1], p[1], g[0], MPFR_RNDN);
  mpfr_add (g[0], g[0], d, MPFR_RNDN);
  mpfr_sub_ui (g[0], g[0], 2, MPFR_RNDN);
  mpfr_sub_ui (g[1], p[1], 1, MPFR_RNDN);
  return 0;
}
static int
fold_jac (double *J, const double *p, double d, void *params)
{
  (void) d; (void) params;
  J[0] = 2 * p[0]; J[1] = 2 * p[1]; J[2] = 0; J[3] = 1;
  return 0;
}
static int
fold_jac_mpfr (mpfr_t *J, const mpfr_t *p, const mpfr_t d, void *params)
{
  (void) d; (void) params;
  mpfr_mul_2ui (J[0], p[0], 1, MPFR_RNDN);
  mpfr_mul_2ui (J[1], p[1], 1, MPFR_RNDN);
  mpfr_set_ui (J[2], 0, MPFR_RNDN);
  mpfr_set_ui (J[3], 1, MPFR_RNDN);
  return 0;
}

static void
test_synthetic_fold (void)
{
  lsc_bif_family fam = { 2, fold_g, fold_jac, NULL, fold_jac_mpfr, NULL };
  lsc_bif_options o;
  lsc_bif_options_init (&o);
  o.digits = 60;
  double p0[2] = { 0.1, 1.0 }, v0[2] = { 1, 0.05 };
  mpfr_t ds, ps[2], one;
  mpfr_init2 (ds, 400);
  mpfr_init2 (ps[0], 400);
  mpfr_init2 (ps[1], 400);
  mpfr_init2 (one, 400);
  mpfr_set_ui (one, 1, MPFR_RNDN);
  lsc_bif_result res;
  CU_ASSERT_EQUAL (lsc_bif_fold (ds, ps, &res, &fam, 0.99, p0, v0, &o), 0);
  CU_ASSERT (res.agreed);
  CU_ASSERT (lsc_bif_digits_agree_test (ds, one, 60) >= 60);
  CU_ASSERT (mpfr_cmpabs_ui (ps[0], 0) >= 0 && fabs (mpfr_get_d (ps[0], MPFR_RNDN)) < 1e-60);
  CU_ASSERT (res.lam_abs < 1e-60);
  mpfr_clears (ds, ps[0], ps[1], one, (mpfr_ptr) 0);
}

/* ---- type A ---- */
static const lsc_family *
family_A (lsc_catalogue **cat)
{
  char err[256];
  char path[1024];
  snprintf (path, sizeof path, "%s/data/families.tsv", LSC_SRCDIR);
  if (lsc_catalogue_read_file (cat, path, err, sizeof err))
    return NULL;
  return lsc_catalogue_find (*cat, "A");
}

/* Morse index of the family's full Hessian at integer d (continued). */
static long
full_index (const lsc_family *F, double d)
{
  double p[LSC_FAMILY_MAXP];
  lsc_family_ws *fw = lsc_family_ws_alloc (F->nparams);
  int st = fw ? lsc_family_at (p, F, d, fw) : LSC_ENOMEM;
  lsc_family_ws_free (fw);
  if (st)
    return -1;
  lsc_young G = F->G;
  lsc_young_set_d (&G, d);
  size_t k = (size_t) lsc_young_k (&G), dd = (size_t) d, n = k * dd;
  double *W = malloc (n * sizeof *W), *H = malloc (n * n * sizeof *H);
  double *ev = malloc (n * sizeof *ev);
  lsc_young_embed (W, p, &G);
  lsc_problem pr = { k, dd, dd, NULL, NULL, NULL };
  lsc_loss_workspace *ws = lsc_loss_workspace_alloc (k, dd, dd);
  lsc_eigen_workspace *ew = lsc_eigen_workspace_alloc (n, 0);
  long neg = -1;
  if (!lsc_loss_hessian (H, W, &pr, ws) && !lsc_eigen_symm (ev, NULL, H, n, ew))
    {
      lsc_inertia in;
      lsc_inertia_count (&in, ev, n, 1e-10);
      neg = (long) in.neg;
    }
  lsc_eigen_workspace_free (ew);
  lsc_loss_workspace_free (ws);
  free (W); free (H); free (ev);
  return neg;
}

static void
test_type_a (void)
{
  lsc_catalogue *cat = NULL;
  const lsc_family *A = family_A (&cat);
  CU_ASSERT_PTR_NOT_NULL_FATAL (A);
  lsc_bif_bracket br[8];
  size_t nb;
  CU_ASSERT_EQUAL_FATAL (lsc_bif_scan (br, &nb, 8, &A->G, A->p, A->d, 3, 20), 0);
  CU_ASSERT_EQUAL_FATAL (nb, 1);
  CU_ASSERT_EQUAL (br[0].irrep, LSC_IRREP_S);
  lsc_bif_family fam;
  lsc_bif_restricted r;
  CU_ASSERT_EQUAL (lsc_bif_restricted_init (&fam, &r, &A->G, br[0].irrep), 0);
  lsc_bif_options o30, o50;
  lsc_bif_options_init (&o30);
  lsc_bif_options_init (&o50);
  o50.digits = 50;
  mpfr_t d30, d50;
  mpfr_init2 (d30, 300);
  mpfr_init2 (d50, 300);
  lsc_bif_result r30, r50;
  CU_ASSERT_EQUAL (lsc_bif_crossing (d30, NULL, &r30, &fam, br[0].d_lo, br[0].d_hi, br[0].p_lo, br[0].p_hi, &o30), 0);
  CU_ASSERT_EQUAL (lsc_bif_crossing (d50, NULL, &r50, &fam, br[0].d_lo, br[0].d_hi, br[0].p_lo, br[0].p_hi, &o50), 0);
  CU_ASSERT (r30.agreed && r50.agreed);
  CU_ASSERT (lsc_bif_digits_agree_test (d30, d50, 30) >= 30);
  CU_ASSERT (r30.lam_abs < 1e-30);
  CU_ASSERT_EQUAL (r30.direction, 1);
  double ds = mpfr_get_d (d30, MPFR_RNDN);
  CU_ASSERT (ds > 5 && ds < 6);
  /* the full Hessian at the integers around d*: the s eigenvalue (mult
     n - 1 = 3 at d = 5, L = 4) is negative below d* and positive above */
  CU_ASSERT_EQUAL (full_index (A, 5), 3);
  CU_ASSERT_EQUAL (full_index (A, 6), 0);
  mpfr_clears (d30, d50, (mpfr_ptr) 0);
  lsc_catalogue_free (cat);
}

/* Every catalogue family with a dstar: the full Hessian (LAPACK, embedded W
   continued to the integers around d*) has index 0 at ceil(d*) and a
   positive index at floor(d*) - an independent confirmation of the type
   change at every agreed d* of the catalogue. */
static void
test_catalogue_dstar_inertia (void)
{
  lsc_catalogue *cat = NULL;
  CU_ASSERT_PTR_NOT_NULL_FATAL (family_A (&cat));
  size_t checked = 0;
  for (size_t i = 0; i < cat->n; i++)
    {
      const lsc_family *F = &cat->fam[i];
      if (isnan (F->dstar))
        continue;
      double lo = floor (F->dstar), hi = ceil (F->dstar);
      lsc_young G = F->G;
      long ihi = full_index (F, hi);
      CU_ASSERT_EQUAL (ihi, 0);
      if (!lsc_young_set_d (&G, lo) && G.rsize[0] >= 2)
        {
          long ilo = full_index (F, lo);
          CU_ASSERT (ilo > 0);
          if (!(ilo > 0) || ihi != 0)
            printf ("%s: index %ld at %g, %ld at %g\n", F->name, ilo, lo, ihi, hi);
        }
      checked++;
    }
  CU_ASSERT (checked >= 7);
  lsc_catalogue_free (cat);
}

/* ---- d* by Newton on the augmented system ----
   Unknowns x = (p, d), equations F(x) = (g(p, d), lambda(p, d)) = 0: the
   restricted gradient and the eigenvalue of the crossing component nearest
   zero, both in MPFR at prec bits.  The Jacobian is a forward difference
   (step 2^-40 relative) at the same precision, refreshed at the first two
   iterations and then kept (chord Newton); the iteration stops when the
   step in d falls below 2^-(prec - 20) d.  Independent of lsc_bif_crossing:
   no bracket, no secant, no inner solve of p(d). */
static int
aug_eval (mpfr_t *F, mpfr_t *x, const lsc_bif_family *fam, mpfr_prec_t prec)
{
  size_t n = fam->n;
  int st = fam->g_mpfr (F, x, x[n], fam->params);
  if (!st)
    st = fam->eig_mpfr (F[n], x, x[n], fam->params);
  (void) prec;
  return st;
}

static int
dstar_newton (mpfr_t ds, const lsc_bif_family *fam, const double *p0,
              double d0, mpfr_prec_t prec)
{
  size_t n = fam->n, m = n + 1;
  mpfr_t *x = malloc (m * sizeof *x), *F = malloc (m * sizeof *F),
         *Fh = malloc (m * sizeof *Fh), h, t;
  gsl_matrix *J = gsl_matrix_alloc (m, m);
  gsl_vector *b = gsl_vector_alloc (m), *dx = gsl_vector_alloc (m);
  gsl_permutation *perm = gsl_permutation_alloc (m);
  mpfr_inits2 (prec, h, t, (mpfr_ptr) 0);
  for (size_t i = 0; i < m; i++)
    {
      mpfr_inits2 (prec, x[i], F[i], Fh[i], (mpfr_ptr) 0);
      mpfr_set_d (x[i], i < n ? p0[i] : d0, MPFR_RNDN);
    }
  int st = LSC_EMAXITER, sg;
  for (int it = 0; it < 60; it++)
    {
      if ((st = aug_eval (F, x, fam, prec)) != 0)
        break;
      if (it < 2)
        {
          for (size_t j = 0; j < m; j++)
            {
              double hj = ldexp (fmax (1, fabs (mpfr_get_d (x[j], MPFR_RNDN))),
                                 -40);
              mpfr_set (t, x[j], MPFR_RNDN);
              mpfr_set_d (h, hj, MPFR_RNDN);
              mpfr_add (x[j], x[j], h, MPFR_RNDN);
              st = aug_eval (Fh, x, fam, prec);
              mpfr_set (x[j], t, MPFR_RNDN);
              if (st)
                break;
              for (size_t i = 0; i < m; i++)
                {
                  mpfr_sub (Fh[i], Fh[i], F[i], MPFR_RNDN);
                  gsl_matrix_set (J, i, j, mpfr_get_d (Fh[i], MPFR_RNDN) / hj);
                }
            }
          if (st || gsl_linalg_LU_decomp (J, perm, &sg))
            {
              st = st ? st : LSC_ESING;
              break;
            }
        }
      for (size_t i = 0; i < m; i++)
        gsl_vector_set (b, i, mpfr_get_d (F[i], MPFR_RNDN));
      if (gsl_linalg_LU_solve (J, perm, b, dx))
        {
          st = LSC_ESING;
          break;
        }
      for (size_t i = 0; i < m; i++)
        {
          mpfr_set_d (t, gsl_vector_get (dx, i), MPFR_RNDN);
          mpfr_sub (x[i], x[i], t, MPFR_RNDN);
        }
      double step = fabs (gsl_vector_get (dx, n));
      if (it >= 2 && step <= ldexp (fabs (mpfr_get_d (x[n], MPFR_RNDN)),
                                    -(int) prec + 20))
        {
          st = LSC_SUCCESS;
          break;
        }
    }
  mpfr_set (ds, x[n], MPFR_RNDN);
  for (size_t i = 0; i < m; i++)
    mpfr_clears (x[i], F[i], Fh[i], (mpfr_ptr) 0);
  mpfr_clears (h, t, (mpfr_ptr) 0);
  free (x); free (F); free (Fh);
  gsl_matrix_free (J);
  gsl_vector_free (b);
  gsl_vector_free (dx);
  gsl_permutation_free (perm);
  return st;
}

/* |a - b| <= tol * 10^floor(log10 |b|), tol in units of that decade. */
static int
close_decade (const mpfr_t a, const mpfr_t b, double tol)
{
  mpfr_t e;
  mpfr_init2 (e, mpfr_get_prec (a));
  mpfr_sub (e, a, b, MPFR_RNDN);
  double r = mpfr_get_d (e, MPFR_RNDU);
  mpfr_clear (e);
  double dec = pow (10, floor (log10 (fabs (mpfr_get_d (b, MPFR_RNDN)))));
  return fabs (r) <= tol * dec;
}

/* One catalogue d*: (1) lsc_bif_scan brackets the index change along the
   branch and lsc_bif_crossing solves it (secant on the eigenvalue, p(d) by
   Newton at each d); (2) the augmented Newton from the branch's point at
   d* + 0.01 (the component: the one of the eigenvalue nearest zero there).
   Both must agree to 1e-27 of d*'s decade, and with the catalogue's 30
   digits within one unit of the last. */
static void
dstar_two_ways (const lsc_family *F)
{
  /* (1) */
  lsc_bif_bracket *br = malloc (32 * sizeof *br);
  size_t nb = 0;
  double dlo = fmax (2, floor (F->dstar) - 1);
  int st = lsc_bif_scan (br, &nb, 32, &F->G, F->p, F->d, fmin (dlo, F->d),
                         F->d);
  CU_ASSERT_EQUAL (st, 0);
  long best = -1;
  for (size_t b = 0; !st && b < nb; b++)
    if (!br[b].fold && br[b].index_lo > 0 && br[b].index_hi == 0
        && (best < 0 || br[b].d_lo > br[best].d_lo))
      best = (long) b;
  CU_ASSERT (best >= 0);
  lsc_bif_options o;
  lsc_bif_options_init (&o);
  mpfr_t d1, d2, cat;
  mpfr_init2 (d1, lsc_bif_prec (&o, 1));
  mpfr_init2 (d2, 200);
  mpfr_init2 (cat, 200);
  mpfr_set_str (cat, F->dstar_text, 10, MPFR_RNDN);
  int irrep1 = best >= 0 ? br[best].irrep : -1;
  lsc_bif_family bf;
  lsc_bif_restricted rr;
  lsc_bif_result res;
  if (best >= 0)
    {
      CU_ASSERT_EQUAL (lsc_bif_restricted_init (&bf, &rr, &F->G, irrep1), 0);
      CU_ASSERT_EQUAL (lsc_bif_crossing (d1, NULL, &res, &bf, br[best].d_lo,
                                         br[best].d_hi, br[best].p_lo,
                                         br[best].p_hi, &o), 0);
      CU_ASSERT (res.agreed);
    }
  free (br);
  /* (2) */
  double d0 = F->dstar + 0.01, p0[LSC_FAMILY_MAXP];
  lsc_family_ws *fw = lsc_family_ws_alloc (F->nparams);
  CU_ASSERT_EQUAL_FATAL (lsc_family_at (p0, F, d0, fw), 0);
  lsc_family_ws_free (fw);
  lsc_young G = F->G;
  CU_ASSERT_EQUAL_FATAL (lsc_young_set_d (&G, d0), 0);
  lsc_isotypic_workspace *iw = lsc_isotypic_alloc (&G);
  CU_ASSERT_PTR_NOT_NULL_FATAL (iw);
  lsc_iso_eigen *ev = malloc (lsc_isotypic_max (iw) * sizeof *ev);
  size_t nev = 0, near = 0;
  CU_ASSERT_EQUAL (lsc_isotypic_spectrum (ev, &nev, p0, &G, 1e-10, 0, iw), 0);
  for (size_t i = 1; i < nev; i++)
    if (fabs (ev[i].value) < fabs (ev[near].value))
      near = i;
  int irrep2 = nev ? ev[near].irrep : -1;
  free (ev);
  lsc_isotypic_free (iw);
  CU_ASSERT_EQUAL (irrep2, irrep1);
  CU_ASSERT_EQUAL (lsc_bif_restricted_init (&bf, &rr, &F->G, irrep2), 0);
  CU_ASSERT_EQUAL (dstar_newton (d2, &bf, p0, d0, 200), 0);
  int ok12 = best >= 0 && close_decade (d1, d2, 1e-27);
  int ok1c = best >= 0 && close_decade (d1, cat, 1e-29);
  int ok2c = close_decade (d2, cat, 1e-29);
  CU_ASSERT (ok12);
  CU_ASSERT (ok1c);
  CU_ASSERT (ok2c);
  if (!ok12 || !ok1c || !ok2c)
    mpfr_printf ("%s: secant %.32Rg, augmented Newton %.32Rg, catalogue %s\n",
                 F->name, d1, d2, F->dstar_text);
  mpfr_clears (d1, d2, cat, (mpfr_ptr) 0);
}

/* make check: a sample of k = d and k = d + 1 families; the expensive
   tier: every catalogue d*. */
static void
test_dstar_two_algorithms (void)
{
  static const char *const sample[] = { "A", "F4", "Y1e1_af", "Y2e1_af" };
  lsc_catalogue *cat = NULL;
  CU_ASSERT_PTR_NOT_NULL_FATAL (family_A (&cat));
  size_t done = 0;
  for (size_t i = 0; i < cat->n; i++)
    {
      const lsc_family *F = &cat->fam[i];
      if (isnan (F->dstar) || !F->dstar_text[0])
        continue;
      int want = lsc_test_expensive ();
      for (size_t j = 0; !want && j < sizeof sample / sizeof *sample; j++)
        want = strcmp (F->name, sample[j]) == 0;
      if (!want)
        continue;
      dstar_two_ways (F);
      done++;
    }
  CU_ASSERT (done >= (lsc_test_expensive () ? 25 : 4));
  lsc_catalogue_free (cat);
}

static void
test_errors (void)
{
  lsc_bif_family fam = { 2, syn_g, syn_jac, syn_eig_up, NULL, NULL };
  double plo[2] = { 1, 1 }, phi[2] = { 2, 4 };
  mpfr_t ds;
  mpfr_init2 (ds, 200);
  lsc_bif_result res;
  lsc_bif_options o;
  lsc_bif_options_init (&o);
  CU_ASSERT_EQUAL (lsc_bif_crossing (NULL, NULL, &res, &fam, 1, 2, plo, phi, &o), LSC_EFAULT);
  CU_ASSERT_EQUAL (lsc_bif_crossing (ds, NULL, &res, &fam, 2, 1, plo, phi, &o), LSC_EINVAL);
  double p3[2] = { 3, 9 };
  CU_ASSERT_EQUAL (lsc_bif_crossing (ds, NULL, &res, &fam, 2, 3, phi, p3, &o), LSC_EINVAL);
  /* one secant step cannot reach 30 digits (the exact bracket ends need
     no Newton step, so the limit hit is the secant's) */
  o.maxiter = 1;
  CU_ASSERT_EQUAL (lsc_bif_crossing (ds, NULL, &res, &fam, 1, 2, plo, phi, &o), LSC_EMAXITER);
  CU_ASSERT_EQUAL (res.status, LSC_EMAXITER);
  o.maxiter = 200;
  o.digits = 0;
  CU_ASSERT_EQUAL (lsc_bif_crossing (ds, NULL, &res, &fam, 1, 2, plo, phi, &o), LSC_EINVAL);
  lsc_bif_family nofold = { 2, fold_g, fold_jac, NULL, NULL, NULL };
  CU_ASSERT_EQUAL (lsc_bif_fold (ds, NULL, &res, &nofold, 1, plo, NULL, NULL), LSC_EFAULT);
  lsc_young G;
  double s[2] = { 9, 1 };
  lsc_young_init_kd (&G, s, 2);
  lsc_bif_restricted r;
  CU_ASSERT_EQUAL (lsc_bif_restricted_init (&fam, &r, &G, 7), LSC_EINVAL);
  lsc_bif_bracket br[2];
  size_t nb;
  double p[5] = { 1, 0, 0, 0, -0.8 };
  CU_ASSERT_EQUAL (lsc_bif_scan (br, &nb, 2, &G, p, 10, 11, 20), LSC_EINVAL);
  mpfr_clear (ds);
}

int
main (void)
{
  static const lsc_test_case cases[] = {
    { "synthetic crossings sqrt 2 and cbrt 3 to 100 digits", test_synthetic_crossing },
    { "synthetic fold d = 1 to 60 digits", test_synthetic_fold },
    { "type A: d*, two precisions, full-Hessian inertia at 5 and 6", test_type_a },
    { "catalogue d*: full-Hessian index 0 above, > 0 below", test_catalogue_dstar_inertia },
    { "catalogue d*: secant and augmented Newton agree, and with the catalogue", test_dstar_two_algorithms },
    { "errors", test_errors },
    { NULL, NULL },
  };
  return lsc_test_run ("bifurcation", cases);
}
