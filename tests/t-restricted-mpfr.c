/* Tests of the MPFR restricted loss: two precisions agree (also near
   theta = 0, where the evaluator must add bits), agreement with the double
   restricted code at moderate d, equality with the full MPFR library on the
   embedded W at integer sizes, central differences at real d with h^2
   decay, exact zeros at W = I at d = 1e7 + 0.5, error statuses. */
#include <config.h>
#include <stdlib.h>
#include <float.h>
#include <gsl/gsl_rng.h>
#include <gsl/gsl_randist.h>
#include "landscape.h"
#include "testutil.h"
#include "testutil-young.h"
#include "testutil-mpfr.h"
#include "tgeneric.h"

#define NG 5
#define NPM 64


/* Groups at d: Delta S_d, type A, B2, (L,1,2), k = d + 1. */
static lsc_young
group (int t, double d)
{
  lsc_young G = { 0 };
  double s[3];
  switch (t)
    {
    case 0: s[0] = d; lsc_young_init_kd (&G, s, 1); break;
    case 1: s[0] = d - 1; s[1] = 1; lsc_young_init_kd (&G, s, 2); break;
    case 2: s[0] = d - 2; s[1] = 2; lsc_young_init_kd (&G, s, 2); break;
    case 3: s[0] = d - 3; s[1] = 1; s[2] = 2; lsc_young_init_kd (&G, s, 3); break;
    default:
      G.nrb = 3; G.ncb = 2;
      G.rsize[0] = G.csize[0] = d - 1;
      G.rsize[1] = G.csize[1] = 1;
      G.rsize[2] = 1;
      G.pair[0] = 0; G.pair[1] = 1; G.pair[2] = -1;
      break;
    }
  return G;
}


/* L, g, Hp at prec bits from double parameters. */
static int
eval (mpfr_t L, mpfr_t *g, mpfr_t *H, const double *p, const lsc_young *G,
      double d, mpfr_prec_t prec)
{
  size_t np = lsc_young_nparams (G);
  mpfr_t *pm = vnew (np, prec), dm;
  mpfr_init2 (dm, prec);
  mpfr_set_d (dm, d, MPFR_RNDN);
  for (size_t i = 0; i < np; i++)
    mpfr_set_d (pm[i], p[i], MPFR_RNDN);
  int rc = lsc_restricted_eval_mpfr (L, g, H, (const mpfr_t *) pm, G, dm);
  vfree (pm, np);
  mpfr_clear (dm);
  return rc;
}

/* max |x - y| / max(1, |y|) over n values, as a double. */
static double
vdiff (const mpfr_t *x, const mpfr_t *y, size_t n)
{
  mpfr_t t, s;
  mpfr_inits2 (64, t, s, (mpfr_ptr) 0);
  double m = 0;
  for (size_t i = 0; i < n; i++)
    {
      mpfr_sub (t, x[i], y[i], MPFR_RNDN);
      double sc = fmax (1, fabs (mpfr_get_d (y[i], MPFR_RNDN)));
      m = fmax (m, fabs (mpfr_get_d (t, MPFR_RNDN)) / sc);
    }
  mpfr_clears (t, s, (mpfr_ptr) 0);
  return m;
}

/* The generic two-precision harness (tgeneric.h): loss, gradient and
   Hessian at a random p in [64, 320] and at p + 64 agree to the claimed
   2^(8-p) relative to max(1, |value|) (2^-120 at 128 bits), at random
   points of Fix(G) and at the edge input within 1e-25 of W = I (angles
   are tiny and the evaluator takes its retry path with more bits). */
typedef struct
{
  lsc_young G;
  double d;
} tg_ctx;

static int
tg_eval (mpfr_t *y, size_t *ny, const double *x, mpfr_prec_t prec,
         void *data)
{
  tg_ctx *c = data;
  size_t np = lsc_young_nparams (&c->G);
  *ny = 1 + np + np * np;
  return eval (y[0], y + 1, y + 1 + np, x, &c->G, c->d, prec);
}

static void
tg_random (double *x, gsl_rng *r, void *data)
{
  random_params (x, &((tg_ctx *) data)->G, r);
}

static void
test_two_precisions (void)
{
  gsl_rng *rng = gsl_rng_alloc (gsl_rng_mt19937);
  gsl_rng_set (rng, 11);
  double ds[] = { 20.5, 1e3 + 0.25, 1e6 + 0.5 }, worst = 0;
  for (int t = 0; t < NG; t++)
    for (size_t k = 0; k < 3; k++)
      {
        tg_ctx c = { group (t, ds[k]), ds[k] };
        size_t np = lsc_young_nparams (&c.G);
        double edge[NPM];   /* W = I + 1e-25 (off-diagonal entries) */
        for (size_t i = 0; i < np; i++)
          {
            lsc_param_info pi;
            lsc_young_param (&pi, &c.G, i);
            edge[i] = pi.kind == LSC_PARAM_DIAG ? 1 : 1e-25;
            if (c.G.pair[pi.rb] < 0)
              edge[i] = 0.3;
          }
        char name[64];
        snprintf (name, sizeof name, "restricted group %d d=%g", t, ds[k]);
        lsc_tg tg = { name, np, 1 + np + np * np, tg_eval, tg_random, edge,
                      1, 8, 1.0, 0.0, 64, 320, 64, 1, &c };
        double w;
        CU_ASSERT_EQUAL (lsc_tg_run (&tg, rng, &w), 0);
        worst = fmax (worst, w);
      }
  printf ("\n  worst: %.3g of the claimed bound\n", worst);
  gsl_rng_free (rng);
}

/* MPFR (rounded) vs the double restricted code at d = 20.5 and 100.25:
   gradient and Hessian within 1e-13 of their largest entry, loss within
   16 eps d^2. */
static void
test_vs_double (void)
{
  gsl_rng *rng = gsl_rng_alloc (gsl_rng_mt19937);
  gsl_rng_set (rng, 5);
  double ds[] = { 20.5, 100.25 };
  for (int t = 0; t < NG; t++)
    for (size_t k = 0; k < 2; k++)
      {
        lsc_young G = group (t, ds[k]);
        size_t np = lsc_young_nparams (&G);
        double p[NPM], g[NPM], H[NPM * NPM], Ld;
        random_params (p, &G, rng);
        CU_ASSERT_EQUAL_FATAL (lsc_restricted_grad (&Ld, g, p, &G), 0);
        CU_ASSERT_EQUAL_FATAL (lsc_restricted_hess (H, p, &G), 0);
        mpfr_t L;
        mpfr_t *gm = vnew (np, 128), *Hm = vnew (np * np, 128);
        mpfr_init2 (L, 128);
        CU_ASSERT_EQUAL_FATAL (eval (L, gm, Hm, p, &G, ds[k], 128), 0);
        double gs = 0, hs = 0, ge = 0, he = 0;
        for (size_t i = 0; i < np; i++)
          {
            gs = fmax (gs, fabs (g[i]));
            ge = fmax (ge, fabs (g[i] - mpfr_get_d (gm[i], MPFR_RNDN)));
          }
        for (size_t i = 0; i < np * np; i++)
          {
            hs = fmax (hs, fabs (H[i]));
            he = fmax (he, fabs (H[i] - mpfr_get_d (Hm[i], MPFR_RNDN)));
          }
        double le = fabs (Ld - mpfr_get_d (L, MPFR_RNDN));
        /* the double loss sums ~d^2 terms of size ~1: absolute 16 eps d^2 */
        double ltol = 16 * DBL_EPSILON * ds[k] * ds[k];
        CU_ASSERT (le <= ltol);
        CU_ASSERT (ge <= 1e-13 * gs);
        CU_ASSERT (he <= 1e-13 * hs);
        if (ge > 1e-13 * gs || he > 1e-13 * hs || le > ltol)
          printf ("group %d d=%g: loss %g grad %g (scale %g) hess %g (%g)\n",
                  t, ds[k], le, ge, gs, he, hs);
        vfree (gm, np);
        vfree (Hm, np * np);
        mpfr_clear (L);
      }
  gsl_rng_free (rng);
}

/* At integer sizes the MPFR restricted loss is the full MPFR loss of the
   embedded W, the gradient its orbit sums and the Hessian E^T H E (E the
   0/1 orbit masks), to the working precision (2^-(prec-8) relative). */
static void
test_equals_full_mpfr (void)
{
  gsl_rng *rng = gsl_rng_alloc (gsl_rng_mt19937);
  gsl_rng_set (rng, 2);
  const mpfr_prec_t prec = 160;
  const double tol = ldexp (1, -(int) prec + 8);
  for (int t = 0; t < NG; t++)
    {
      double d = t == 3 ? 7 : 6;
      lsc_young G = group (t, d);
      size_t k = (size_t) lsc_young_k (&G), n = k * (size_t) d;
      size_t np = lsc_young_nparams (&G);
      double p[NPM], W[NPM], *E = malloc (n * np * sizeof *E);
      random_params (p, &G, rng);
      lsc_young_embed (W, p, &G);
      for (size_t j = 0; j < np; j++)
        {
          double e[NPM] = { 0 }, col[NPM];
          e[j] = 1;
          lsc_young_embed (col, e, &G);
          for (size_t i = 0; i < n; i++)
            E[i * np + j] = col[i];
        }
      mpfr_t Lr, Lf, s;
      mpfr_inits2 (prec, Lr, Lf, (mpfr_ptr) 0);
      mpfr_init2 (s, 2 * prec);
      mpfr_t *Wm = vnew (n, prec), *Gf = vnew (n, prec);
      mpfr_t *Hf = vnew (n * n, prec), *gr = vnew (np, prec);
      mpfr_t *Hr = vnew (np * np, prec), *ref = vnew (np * np, prec);
      for (size_t i = 0; i < n; i++)
        mpfr_set_d (Wm[i], W[i], MPFR_RNDN);
      lsc_problem_mpfr pr = { k, (size_t) d, (size_t) d, NULL, NULL, NULL };
      CU_ASSERT_EQUAL_FATAL (lsc_loss_grad_mpfr (Lf, Gf, (const mpfr_t *) Wm, &pr), 0);
      CU_ASSERT_EQUAL_FATAL (lsc_loss_hessian_mpfr (Hf, (const mpfr_t *) Wm, &pr), 0);
      CU_ASSERT_EQUAL_FATAL (eval (Lr, gr, Hr, p, &G, d, prec), 0);
      CU_ASSERT (vdiff (&Lr, (const mpfr_t *) &Lf, 1) <= tol);
      /* orbit sums of the full gradient */
      for (size_t a = 0; a < np; a++)
        {
          mpfr_set_zero (s, 1);
          for (size_t i = 0; i < n; i++)
            if (E[i * np + a] != 0)
              mpfr_add (s, s, Gf[i], MPFR_RNDN);
          mpfr_set (ref[a], s, MPFR_RNDN);
        }
      double eg = vdiff (gr, (const mpfr_t *) ref, np);
      CU_ASSERT (eg <= tol);
      /* E^T H E */
      for (size_t a = 0; a < np; a++)
        for (size_t b = 0; b < np; b++)
          {
            mpfr_set_zero (s, 1);
            for (size_t i = 0; i < n; i++)
              if (E[i * np + a] != 0)
                for (size_t j = 0; j < n; j++)
                  if (E[j * np + b] != 0)
                    mpfr_add (s, s, Hf[i * n + j], MPFR_RNDN);
            mpfr_set (ref[a * np + b], s, MPFR_RNDN);
          }
      double eh = vdiff (Hr, (const mpfr_t *) ref, np * np);
      CU_ASSERT (eh <= tol);
      if (eg > tol || eh > tol)
        printf ("group %d: restricted vs full: grad %g hess %g\n", t, eg, eh);
      vfree (Wm, n); vfree (Gf, n); vfree (Hf, n * n); vfree (gr, np);
      vfree (Hr, np * np); vfree (ref, np * np);
      mpfr_clears (Lr, Lf, s, (mpfr_ptr) 0);
      free (E);
    }
  gsl_rng_free (rng);
}

/* f = L(p + h v) - L(p - h v) etc. at 256 bits: directional derivatives of
   the loss and of the gradient by central differences at real d; the error
   against g.v and H v falls like h^2 (ratio 4 +- 1 when h halves). */
static void
test_central_differences (void)
{
  gsl_rng *rng = gsl_rng_alloc (gsl_rng_mt19937);
  gsl_rng_set (rng, 9);
  const mpfr_prec_t prec = 256;
  double ds[] = { 20.5, 1e3 + 0.25 };
  for (int t = 0; t < NG; t++)
    for (size_t k = 0; k < 2; k++)
      {
        lsc_young G = group (t, ds[k]);
        size_t np = lsc_young_nparams (&G);
        double p[NPM], v[NPM];
        random_params (p, &G, rng);
        for (size_t i = 0; i < np; i++)
          v[i] = gsl_ran_gaussian (rng, 1);
        mpfr_t L0, Lp, Lm, dm, t1, t2;
        mpfr_inits2 (prec, L0, Lp, Lm, dm, t1, t2, (mpfr_ptr) 0);
        mpfr_set_d (dm, ds[k], MPFR_RNDN);
        mpfr_t *pm = vnew (np, prec), *g0 = vnew (np, prec);
        mpfr_t *gp = vnew (np, prec), *gm = vnew (np, prec);
        mpfr_t *H = vnew (np * np, prec);
        for (size_t i = 0; i < np; i++)
          mpfr_set_d (pm[i], p[i], MPFR_RNDN);
        CU_ASSERT_EQUAL_FATAL (lsc_restricted_eval_mpfr (L0, g0, H, (const mpfr_t *) pm, &G, dm), 0);
        double eL[3], eH[3];
        for (int s = 0; s < 3; s++)
          {
            double h = ldexp (1, -24 - s); /* exact: h v[i] is a double */
            for (int sg = 1; sg >= -1; sg -= 2)
              {
                for (size_t i = 0; i < np; i++)
                  {
                    mpfr_set_d (pm[i], p[i], MPFR_RNDN);
                    mpfr_set_d (t1, sg * h * v[i], MPFR_RNDN);
                    mpfr_add (pm[i], pm[i], t1, MPFR_RNDN);
                  }
                CU_ASSERT_EQUAL_FATAL (lsc_restricted_eval_mpfr (sg > 0 ? Lp : Lm, sg > 0 ? gp : gm, NULL, (const mpfr_t *) pm, &G, dm), 0);
              }
            /* (Lp - Lm)/(2h) - g.v */
            mpfr_sub (t1, Lp, Lm, MPFR_RNDN);
            mpfr_div_d (t1, t1, 2 * h, MPFR_RNDN);
            for (size_t i = 0; i < np; i++)
              {
                mpfr_mul_d (t2, g0[i], v[i], MPFR_RNDN);
                mpfr_sub (t1, t1, t2, MPFR_RNDN);
              }
            eL[s] = fabs (mpfr_get_d (t1, MPFR_RNDN));
            eH[s] = 0;
            for (size_t i = 0; i < np; i++)
              {
                mpfr_sub (t1, gp[i], gm[i], MPFR_RNDN);
                mpfr_div_d (t1, t1, 2 * h, MPFR_RNDN);
                for (size_t j = 0; j < np; j++)
                  {
                    mpfr_mul_d (t2, H[i * np + j], v[j], MPFR_RNDN);
                    mpfr_sub (t1, t1, t2, MPFR_RNDN);
                  }
                eH[s] = fmax (eH[s], fabs (mpfr_get_d (t1, MPFR_RNDN)));
              }
          }
        for (int s = 0; s < 2; s++)
          {
            double rL = eL[s] / eL[s + 1], rH = eH[s] / eH[s + 1];
            CU_ASSERT (rL > 3 && rL < 5);
            CU_ASSERT (rH > 3 && rH < 5);
            if (!(rL > 3 && rL < 5 && rH > 3 && rH < 5))
              printf ("group %d d=%g: FD ratios %g %g (errors %g %g)\n", t,
                      ds[k], rL, rH, eL[s], eH[s]);
          }
        vfree (pm, np); vfree (g0, np); vfree (gp, np); vfree (gm, np);
        vfree (H, np * np);
        mpfr_clears (L0, Lp, Lm, dm, t1, t2, (mpfr_ptr) 0);
      }
  gsl_rng_free (rng);
}

/* W = I at d = 1e7 + 0.5 (and 20): loss and gradient are zero to the
   precision (|value| <= 2^-prec) although the terms are ~d^2. */
static void
test_identity_zero (void)
{
  double ds[] = { 20, 1e7 + 0.5 };
  mpfr_prec_t precs[] = { 64, 128, 256 };
  for (int t = 0; t < 4; t++)
    for (size_t k = 0; k < 2; k++)
      for (size_t q = 0; q < 3; q++)
        {
          lsc_young G = group (t, ds[k]);
          size_t np = lsc_young_nparams (&G);
          double p[NPM];
          for (size_t i = 0; i < np; i++)
            {
              lsc_param_info pi;
              lsc_young_param (&pi, &G, i);
              p[i] = pi.kind == LSC_PARAM_DIAG;
            }
          mpfr_t L;
          mpfr_init2 (L, precs[q]);
          mpfr_t *g = vnew (np, precs[q]);
          CU_ASSERT_EQUAL_FATAL (eval (L, g, NULL, p, &G, ds[k], precs[q]), 0);
          mpfr_exp_t lim = -(mpfr_exp_t) precs[q];
          CU_ASSERT (mpfr_zero_p (L) || mpfr_get_exp (L) <= lim);
          for (size_t i = 0; i < np; i++)
            CU_ASSERT (mpfr_zero_p (g[i]) || mpfr_get_exp (g[i]) <= lim);
          mpfr_clear (L);
          vfree (g, np);
        }
}

static void
test_errors (void)
{
  lsc_young G = group (1, 10), bad = G;
  bad.nrb = 0;
  size_t np = lsc_young_nparams (&G);
  mpfr_t L, d, *p = vnew (np, 64), *g = vnew (np, 64);
  mpfr_inits2 (64, L, d, (mpfr_ptr) 0);
  mpfr_set_d (d, 10, MPFR_RNDN);
  for (size_t i = 0; i < np; i++)
    mpfr_set_d (p[i], i == 0 ? 1 : 0.1, MPFR_RNDN);
  const mpfr_t *pc = (const mpfr_t *) p;
  CU_ASSERT_EQUAL (lsc_restricted_eval_mpfr (L, g, NULL, pc, &G, d), 0);
  CU_ASSERT_EQUAL (lsc_restricted_eval_mpfr (L, g, NULL, NULL, &G, d), LSC_EFAULT);
  CU_ASSERT_EQUAL (lsc_restricted_eval_mpfr (L, g, NULL, pc, NULL, d), LSC_EFAULT);
  CU_ASSERT_EQUAL (lsc_restricted_eval_mpfr (L, g, NULL, pc, &G, NULL), LSC_EFAULT);
  CU_ASSERT_EQUAL (lsc_restricted_eval_mpfr (NULL, NULL, NULL, pc, &G, d), LSC_EFAULT);
  CU_ASSERT_EQUAL (lsc_restricted_eval_mpfr (L, g, NULL, pc, &bad, d), LSC_EINVAL);
  mpfr_set_inf (d, 1);
  CU_ASSERT_EQUAL (lsc_restricted_eval_mpfr (L, g, NULL, pc, &G, d), LSC_ENONFINITE);
  mpfr_set_d (d, 1, MPFR_RNDN); /* large block of size 0 */
  CU_ASSERT_EQUAL (lsc_restricted_eval_mpfr (L, g, NULL, pc, &G, d), LSC_EDOM);
  mpfr_set_d (d, 10, MPFR_RNDN);
  mpfr_set_nan (p[2]);
  CU_ASSERT_EQUAL (lsc_restricted_eval_mpfr (L, g, NULL, pc, &G, d), LSC_ENONFINITE);
  for (size_t i = 0; i < np; i++) /* all rows zero */
    mpfr_set_zero (p[i], 1);
  CU_ASSERT_EQUAL (lsc_restricted_eval_mpfr (L, g, NULL, pc, &G, d), LSC_EDOM);
  mpfr_clears (L, d, (mpfr_ptr) 0);
  vfree (p, np);
  vfree (g, np);
}

int
main (void)
{
  static const lsc_test_case cases[] = {
    { "two precisions, tgeneric harness (also near theta = 0)", test_two_precisions },
    { "MPFR vs double restricted", test_vs_double },
    { "restricted = full MPFR library at integer sizes", test_equals_full_mpfr },
    { "central differences with h^2 decay at real d", test_central_differences },
    { "W = I: zero loss and gradient at d = 1e7 + 0.5", test_identity_zero },
    { "error statuses", test_errors },
    { NULL, NULL }
  };
  return lsc_test_run ("restricted-mpfr", cases);
}
