/* Tests of the MPFR reduced (isotypic) spectrum: W = I closed forms of
   the W = I closed forms (lsc_isotypic(3)) (computed here in MPFR) to 1e-30 at 128 bits up to d = 1e6 and
   at real d; 128 vs 256 bits; MPFR vs the double path (values,
   components, multiplicities); the accurate double mode; the internal
   Jacobi and Gram-Schmidt routines on prescribed spectra; error statuses. */
#include <config.h>
#include <stdlib.h>
#include <float.h>
#include <gsl/gsl_rng.h>
#include <gsl/gsl_randist.h>
#include "landscape.h"
#include "spectrum/linalg_mpfr.h"
#include "testutil.h"
#include "testutil-mpfr.h"
#include "tgeneric.h"


/* Groups at d: 0 Delta S_d, 1 type A, 2 B2, 3 (L,1,2), 4 k = d + 1,
   5 Delta(S_{d-5} x S_5), 6 rows L,2 (unpaired: A-split-kd1's), 7 (L,3,4)
   (two small blocks split at once, S_3's sign piece). */
static lsc_young
group (int t, double d)
{
  lsc_young G = { 0 };
  double s[3];
  if (t == 7)
    {
      double s3[3] = { d - 7, 3, 4 };
      lsc_young_init_kd (&G, s3, 3);
      return G;
    }
  switch (t)
    {
    case 0: s[0] = d; lsc_young_init_kd (&G, s, 1); break;
    case 1: s[0] = d - 1; s[1] = 1; lsc_young_init_kd (&G, s, 2); break;
    case 2: s[0] = d - 2; s[1] = 2; lsc_young_init_kd (&G, s, 2); break;
    case 3: s[0] = d - 3; s[1] = 1; s[2] = 2; lsc_young_init_kd (&G, s, 3); break;
    case 4:
      G.nrb = 3; G.ncb = 2;
      G.rsize[0] = G.csize[0] = d - 1;
      G.rsize[1] = G.csize[1] = 1;
      G.rsize[2] = 1;
      G.pair[0] = 0; G.pair[1] = 1; G.pair[2] = -1;
      break;
    case 6:
      G.nrb = 2; G.ncb = 2;
      G.rsize[0] = G.csize[0] = d - 1;
      G.rsize[1] = 2; G.csize[1] = 1;
      G.pair[0] = 0; G.pair[1] = -1;
      break;
    default: s[0] = d - 5; s[1] = 5; lsc_young_init_kd (&G, s, 2); break;
    }
  return G;
}

static void
random_params (double *p, const lsc_young *G, gsl_rng *rng)
{
  size_t np = lsc_young_nparams (G);
  for (size_t i = 0; i < np; i++)
    {
      lsc_param_info pi;
      lsc_young_param (&pi, G, i);
      p[i] = pi.kind == LSC_PARAM_DIAG
                 ? (i % 3 ? 1 : -0.8) + 0.05 * gsl_ran_gaussian (rng, 1)
                 : 0.1 * gsl_ran_gaussian (rng, 1);
    }
}

/* Reduced spectrum in MPFR at prec for double parameters at d. */
static int
run (mpfr_t *v, lsc_iso_eigen *info, size_t *n, const double *p,
     const lsc_young *G, double d, mpfr_prec_t prec)
{
  size_t np = lsc_young_nparams (G);
  mpfr_t *pm = vnew (np, 64), dm;
  mpfr_init2 (dm, 64);
  mpfr_set_d (dm, d, MPFR_RNDN);
  for (size_t i = 0; i < np; i++)
    mpfr_set_d (pm[i], p[i], MPFR_RNDN);
  int rc = lsc_isotypic_spectrum_mpfr (v, info, n, (const mpfr_t *) pm, G,
                                       dm, ldexp (1, -(int) prec / 2), 0);
  vfree (pm, np);
  mpfr_clear (dm);
  return rc;
}

/* the W = I closed forms (lsc_isotypic(3)) at W = I, in MPFR at prec: six values, multiplicities. */
static void
closed_forms (mpfr_t *val, double *mult, double d, mpfr_prec_t prec)
{
  mpfr_t pi, r, a, b, e, tr, det;
  mpfr_inits2 (prec, pi, r, a, b, e, tr, det, (mpfr_ptr) 0);
  mpfr_const_pi (pi, MPFR_RNDN);
  mpfr_ui_div (r, 1, pi, MPFR_RNDN);
  mpfr_div_2ui (r, r, 1, MPFR_RNDN); /* 1/(2 pi) */
  mpfr_set_d (val[0], 0.25, MPFR_RNDN);
  mpfr_sub (val[0], val[0], r, MPFR_RNDN);
  mpfr_set_d (val[1], 0.25, MPFR_RNDN);
  mpfr_add (val[1], val[1], r, MPFR_RNDN);
  mult[0] = d * (d - 1) / 2;
  mult[1] = d * (d - 3) / 2;
  /* [pi (d + 2) -+ sqrt(pi^2 d^2 - 16 pi + 16)] / (8 pi) */
  mpfr_mul_d (a, pi, d, MPFR_RNDN);
  mpfr_sqr (a, a, MPFR_RNDN);
  mpfr_mul_ui (b, pi, 16, MPFR_RNDN);
  mpfr_sub (a, a, b, MPFR_RNDN);
  mpfr_add_ui (a, a, 16, MPFR_RNDN);
  mpfr_sqrt (a, a, MPFR_RNDN);
  mpfr_mul_d (b, pi, d + 2, MPFR_RNDN);
  mpfr_sub (val[2], b, a, MPFR_RNDN);
  mpfr_add (val[3], b, a, MPFR_RNDN);
  mpfr_mul_ui (b, pi, 8, MPFR_RNDN);
  mpfr_div (val[2], val[2], b, MPFR_RNDN);
  mpfr_div (val[3], val[3], b, MPFR_RNDN);
  mult[2] = mult[3] = d - 1;
  /* eigenvalues of [[1/2 + (d-1)/(2 pi), (d-1)/4], [1/4, d/4 + 1/(2 pi)]] */
  mpfr_mul_d (a, r, d - 1, MPFR_RNDN);
  mpfr_add_d (a, a, 0.5, MPFR_RNDN);
  mpfr_set_d (e, d / 4, MPFR_RNDN);
  mpfr_add (e, e, r, MPFR_RNDN);
  mpfr_add (tr, a, e, MPFR_RNDN);
  mpfr_mul (det, a, e, MPFR_RNDN);
  mpfr_set_d (b, (d - 1) / 16, MPFR_RNDN);
  mpfr_sub (det, det, b, MPFR_RNDN);
  mpfr_div_2ui (tr, tr, 1, MPFR_RNDN);
  mpfr_sqr (b, tr, MPFR_RNDN);
  mpfr_sub (b, b, det, MPFR_RNDN);
  mpfr_sqrt (b, b, MPFR_RNDN);
  mpfr_sub (val[4], tr, b, MPFR_RNDN);
  mpfr_add (val[5], tr, b, MPFR_RNDN);
  mult[4] = mult[5] = 1;
  mpfr_clears (pi, r, a, b, e, tr, det, (mpfr_ptr) 0);
}

/* |x - y| <= tol * max(1, |y|) ? (x, y mpfr) */
static int
close_to (const mpfr_t x, const mpfr_t y, double tol)
{
  mpfr_t t;
  mpfr_init2 (t, 64);
  mpfr_sub (t, x, y, MPFR_RNDN);
  double e = fabs (mpfr_get_d (t, MPFR_RNDN));
  mpfr_clear (t);
  return e <= tol * fmax (1, fabs (mpfr_get_d (y, MPFR_RNDN)));
}

/* W = I under Delta S_d: every value within 1e-30 (relative to max(1,|v|))
   of a closed form at 128 bits, and the multiplicities of each closed
   form add up; the accurate double mode rounds to within 1 ulp. */
static void
test_identity_closed_forms (void)
{
  double ds[] = { 4, 20, 1e3, 1e6, 7.5 };
  for (size_t t = 0; t < sizeof ds / sizeof ds[0]; t++)
    {
      double d = ds[t], mult[6], msum[6] = { 0 }, total = 0;
      lsc_young G = group (0, d);
      double p[2] = { 1, 0 };
      mpfr_t *val = vnew (6, 256), *v = vnew (lsc_isotypic_max_mpfr (&G), 128);
      lsc_iso_eigen info[64], acc[64];
      size_t n, na;
      closed_forms (val, mult, d, 256);
      CU_ASSERT_EQUAL_FATAL (run (v, info, &n, p, &G, d, 128), 0);
      for (size_t i = 0; i < n; i++)
        {
          int hit = -1;
          for (int j = 0; j < 6; j++)
            if (close_to (v[i], val[j], 1e-30))
              hit = j;
          CU_ASSERT (hit >= 0);
          if (hit < 0)
            mpfr_printf ("d=%g: %s %.40Rg not a closed form\n", d,
                         lsc_irrep_name (info[i].irrep), v[i]);
          else
            msum[hit] += info[i].mult;
          total += info[i].mult;
        }
      for (int j = 0; j < 6; j++)
        CU_ASSERT (fabs (msum[j] - mult[j]) <= 1e-9 * d * d);
      CU_ASSERT (fabs (total - d * d) <= 1e-9 * d * d);
      /* accurate double mode: the same values rounded (1 ulp) */
      CU_ASSERT_EQUAL_FATAL (lsc_isotypic_spectrum_accurate (acc, &na, p, &G, 1e-12, 0), 0);
      CU_ASSERT_EQUAL (na, n);
      for (size_t i = 0; i < na && i < n; i++)
        {
          double x = mpfr_get_d (v[i], MPFR_RNDN);
          CU_ASSERT (fabs (acc[i].value - x) <= DBL_EPSILON * fabs (x));
          CU_ASSERT_EQUAL (acc[i].irrep, info[i].irrep);
          CU_ASSERT_EQUAL (acc[i].mult, info[i].mult);
        }
      vfree (val, 6);
      vfree (v, lsc_isotypic_max_mpfr (&G));
    }
}

/* The generic two-precision harness (tgeneric.h): the reduced spectrum of
   type-A-like and B2-like points (landscape-families(5) values as edge
   inputs, and random points of Fix(G)) at d = 20 and 1e3 + 0.5, at a
   random p in [128, 256] bits and at p + 64, agree to the claimed
   2^(12 - p) relative to max(|value|, 1e-3 max |value|) (1e-35 at 128
   bits); the components and inner indices are outputs too, exact (a
   code (irrep 64 + inner) 2^-40 that any change moves far beyond the
   bound). */
typedef struct
{
  lsc_young G;
  double d;
  size_t nm;
} tg_ctx;

static int
tg_eval (mpfr_t *y, size_t *ny, const double *x, mpfr_prec_t prec,
         void *data)
{
  tg_ctx *c = data;
  lsc_iso_eigen info[64];
  size_t n = 0;
  int st = run (y, info, &n, x, &c->G, c->d, prec);
  if (st)
    return st;
  if (2 * n > 2 * c->nm || n > 64)
    return LSC_EBADLEN;
  for (size_t i = 0; i < n; i++)
    mpfr_set_d (y[n + i], ldexp ((double) (info[i].irrep * 64
                                           + info[i].inner), -40),
                MPFR_RNDN);
  *ny = 2 * n;
  return 0;
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
  gsl_rng_set (rng, 17);
  const double typeA[5] = { 1.0030, -0.00366, 0.0932, 0.0637, -0.8100 };
  const double B2[6] = { 1.0048, -0.00780, 0.0946, 0.0647, -0.8215,
                         0.0819 };
  double ds[] = { 20, 1e3 + 0.5 }, worst = 0;
  for (int t = 1; t <= 2; t++)
    for (size_t k = 0; k < 2; k++)
      {
        tg_ctx c = { group (t, ds[k]), ds[k], 0 };
        c.nm = lsc_isotypic_max_mpfr (&c.G);
        size_t np = lsc_young_nparams (&c.G);
        CU_ASSERT_FATAL (np == (t == 1 ? 5u : 6u));
        char name[64];
        snprintf (name, sizeof name, "isotypic group %d d=%g", t, ds[k]);
        lsc_tg tg = { name, np, 2 * c.nm, tg_eval, tg_random,
                      t == 1 ? typeA : B2, 1, 12, 0.0, 1e-3, 128, 256, 64,
                      2, &c };
        double w;
        CU_ASSERT_EQUAL (lsc_tg_run (&tg, rng, &w), 0);
        worst = fmax (worst, w);
      }
  printf ("\n  worst: %.3g of the claimed bound\n", worst);
  gsl_rng_free (rng);
}

/* MPFR vs the double path at d = 20, 20.5 and small d (block 0 of size
   2 to 3.5: no x, y below 3; deflated empty orbits at 2 and 3) for every
   group at random points: the same components, inner counts and
   multiplicities, values within the double path's 8 d eps * scale. */
static void
test_vs_double (void)
{
  gsl_rng *rng = gsl_rng_alloc (gsl_rng_mt19937);
  gsl_rng_set (rng, 23);
  double ds[] = { 20, 20.5, 4, 4.5, 5, 5.5 };
  for (int t = 0; t < 8; t++)
    for (size_t k = 0; k < 6; k++)
      {
        double d = ds[k];
        lsc_young G = group (t, d);
        if (G.rsize[0] < 2)
          continue;
        size_t nm = lsc_isotypic_max_mpfr (&G), nd, n;
        double p[64];
        random_params (p, &G, rng);
        lsc_isotypic_workspace *ws = lsc_isotypic_alloc (&G);
        CU_ASSERT_PTR_NOT_NULL_FATAL (ws);
        lsc_iso_eigen *od = malloc (lsc_isotypic_max (ws) * sizeof *od);
        lsc_iso_eigen *om = malloc (nm * sizeof *om);
        mpfr_t *v = vnew (nm, 128);
        CU_ASSERT_EQUAL_FATAL (lsc_isotypic_spectrum (od, &nd, p, &G, 1e-10, 0, ws), 0);
        CU_ASSERT_EQUAL_FATAL (run (v, om, &n, p, &G, d, 128), 0);
        CU_ASSERT_EQUAL (n, nd);
        double scale = 0;
        for (size_t i = 0; i < n; i++)
          scale = fmax (scale, fabs (om[i].value));
        int bad = 0;
        for (size_t i = 0; i < n && i < nd; i++)
          {
            bad += om[i].irrep != od[i].irrep || om[i].inner != od[i].inner
                   || fabs (om[i].mult - od[i].mult) > 1e-9 * d * d
                   || fabs (om[i].value - od[i].value)
                          > 8 * d * DBL_EPSILON * scale;
          }
        CU_ASSERT_EQUAL (bad, 0);
        if (bad || n != nd)
          printf ("group %d d=%g: %d entries differ (%zu vs %zu)\n", t, d,
                  bad, n, nd);
        vfree (v, nm);
        free (od);
        free (om);
        lsc_isotypic_free (ws);
      }
  gsl_rng_free (rng);
}

/* Internal routines: Gram-Schmidt of random vectors gives an orthonormal
   Q; A = Q diag(lambda) Q^T with repeated, clustered (1e-30 apart), tiny
   and negative lambda; Jacobi returns lambda within 2^-(prec-8) |A|;
   a complement is orthonormal and orthogonal to what it excludes; a NaN
   matrix gives LSC_ENOCONV. */
static void
test_linalg (void)
{
  const mpfr_prec_t prec = 200;
  const size_t k = 9;
  double lam[9] = { -3, 1e-20, 1, 1, 1, 2, 2, 5, 40 }; /* lam[6] += 1e-30 */
  gsl_rng *rng = gsl_rng_alloc (gsl_rng_mt19937);
  gsl_rng_set (rng, 4);
  mpfr_t *R = vnew (k * k, prec), *Q = vnew (k * k, prec);
  mpfr_t *A = vnew (k * k, prec), *ev = vnew (k, prec), t;
  mpfr_t *lm = vnew (k, prec);
  mpfr_init2 (t, prec);
  for (size_t i = 0; i < k; i++)
    mpfr_set_d (lm[i], lam[i], MPFR_RNDN);
  mpfr_set_d (t, 1e-30, MPFR_RNDN);
  mpfr_add (lm[6], lm[6], t, MPFR_RNDN);
  for (size_t i = 0; i < k * k; i++)
    mpfr_set_d (R[i], gsl_ran_gaussian (rng, 1), MPFR_RNDN);
  size_t nc;
  CU_ASSERT_EQUAL_FATAL (lsc_mpfr_complement (Q, &nc, NULL, 0, (const mpfr_t *) R, k, k, prec), 0);
  CU_ASSERT_EQUAL_FATAL (nc, k);
  double orth = 0;
  for (size_t a = 0; a < k; a++)
    for (size_t b = 0; b < k; b++)
      {
        mpfr_set_si (t, -(a == b), MPFR_RNDN);
        for (size_t i = 0; i < k; i++)
          mpfr_fma (t, Q[a * k + i], Q[b * k + i], t, MPFR_RNDN);
        orth = fmax (orth, fabs (mpfr_get_d (t, MPFR_RNDN)));
      }
  CU_ASSERT (orth <= ldexp (1, -(int) prec + 4));
  for (size_t i = 0; i < k; i++)
    for (size_t j = 0; j < k; j++)
      {
        mpfr_set_zero (A[i * k + j], 1);
        for (size_t l = 0; l < k; l++)
          {
            mpfr_mul (t, Q[l * k + i], Q[l * k + j], MPFR_RNDN);
            mpfr_fma (A[i * k + j], t, lm[l], A[i * k + j], MPFR_RNDN);
          }
      }
  for (size_t i = 0; i < k; i++) /* exactly symmetric input */
    for (size_t j = 0; j < i; j++)
      mpfr_set (A[i * k + j], A[j * k + i], MPFR_RNDN);
  CU_ASSERT_EQUAL_FATAL (lsc_mpfr_jacobi (ev, A, k), 0);
  for (size_t i = 0; i < k; i++)
    {
      mpfr_sub (t, ev[i], lm[i], MPFR_RNDN);
      CU_ASSERT (fabs (mpfr_get_d (t, MPFR_RNDN)) <= ldexp (41, -(int) prec + 8));
    }
  /* the 1e-30 cluster is resolved: 200 bits is 60 digits */
  mpfr_sub (t, ev[6], ev[5], MPFR_RNDN);
  CU_ASSERT (fabs (mpfr_get_d (t, MPFR_RNDN) - 1e-30) <= 1e-40);
  /* complement of two vectors in R^5 from the unit vectors */
  const size_t n = 5;
  mpfr_t *S = vnew (2 * n, prec), *E = vnew (n * n, prec), *C = vnew (n * n, prec);
  for (size_t i = 0; i < 2 * n; i++)
    mpfr_set_d (S[i], gsl_ran_gaussian (rng, 1), MPFR_RNDN);
  for (size_t i = 0; i < n * n; i++)
    mpfr_set_ui (E[i], i % (n + 1) == 0, MPFR_RNDN);
  CU_ASSERT_EQUAL_FATAL (lsc_mpfr_complement (C, &nc, (const mpfr_t *) S, 2, (const mpfr_t *) E, n, n, prec), 0);
  CU_ASSERT_EQUAL (nc, 3);
  double worst = 0;
  for (size_t a = 0; a < nc; a++)
    for (size_t b = 0; b < nc + 2; b++)
      {
        const mpfr_t *y = b < nc ? C + b * n : S + (b - nc) * n;
        mpfr_set_si (t, -(a == b), MPFR_RNDN);
        for (size_t i = 0; i < n; i++)
          mpfr_fma (t, C[a * n + i], y[i], t, MPFR_RNDN);
        worst = fmax (worst, fabs (mpfr_get_d (t, MPFR_RNDN)));
      }
  CU_ASSERT (worst <= ldexp (1, -(int) prec + 6));
  /* NaN: no convergence */
  mpfr_set_nan (A[1]);
  mpfr_set_nan (A[k]);
  CU_ASSERT_EQUAL (lsc_mpfr_jacobi (ev, A, k), LSC_ENOCONV);
  vfree (lm, k);
  vfree (R, k * k); vfree (Q, k * k); vfree (A, k * k); vfree (ev, k);
  vfree (S, 2 * n); vfree (E, n * n); vfree (C, n * n);
  mpfr_clear (t);
  gsl_rng_free (rng);
}

/* The spectra of the large-d end: a few eigenvalues of order 1e20
   beside order-1 ones that cluster on several scales (1e-10 and 1e-20
   apart, and exact repeats), k = 40 at 420 bits, as the t blocks of the
   Y families at d = 1e20: both levels of the preconditioning run (the
   whole block, then its 36 order-1 rows).  Every constructed eigenvalue
   within k 2^-(prec-8) |A|_F (which resolves the 1e-20 gaps), and their
   sum is the trace (a second oracle).  (A random Q does not reproduce
   the real blocks' slow plain sweeps: that regression is checked by
   series.sh's expensive tier, the Y families at 1e12 and 1e20.) */
static void
test_linalg_scales (void)
{
  const mpfr_prec_t prec = 420;
  const size_t k = 40;
  gsl_rng *rng = gsl_rng_alloc (gsl_rng_mt19937);
  gsl_rng_set (rng, 12);
  mpfr_t *R = vnew (k * k, prec), *Q = vnew (k * k, prec);
  mpfr_t *A = vnew (k * k, prec), *ev = vnew (k, prec), *lm = vnew (k, prec);
  mpfr_t t, tr, fro;
  mpfr_inits2 (prec, t, tr, fro, (mpfr_ptr) 0);
  /* lm ascending: 36 order-1 values in clusters, then 4 of order 1e20 */
  const double base[6] = { -0.0274, 0.0908, 0.0908, 0.25, 0.409, 0.409 };
  for (size_t i = 0; i < 36; i++)
    {
      mpfr_set_d (lm[i], base[i / 6], MPFR_RNDN);
      mpfr_set_d (t, 1e-10 * (double) (i % 3), MPFR_RNDN);   /* 1e-10 */
      mpfr_add (lm[i], lm[i], t, MPFR_RNDN);
      mpfr_set_d (t, 1e-20 * (double) ((i % 6) / 3), MPFR_RNDN); /* 1e-20 */
      mpfr_add (lm[i], lm[i], t, MPFR_RNDN);
      if (i / 6 == 2) /* distinct from the block before by 1e-12 */
        {
          mpfr_set_d (t, 1e-12, MPFR_RNDN);
          mpfr_add (lm[i], lm[i], t, MPFR_RNDN);
        }
    }
  const double big[4] = { 1.5915494309189533e19, 2.5e19, 2.5e19, 2.5e19 };
  const double plus[4] = { 0, 0.25, 0.25, 0.847 };
  for (size_t i = 0; i < 4; i++)
    {
      mpfr_set_d (lm[36 + i], big[i], MPFR_RNDN);
      mpfr_add_d (lm[36 + i], lm[36 + i], plus[i], MPFR_RNDN);
    }
  for (size_t i = 1; i < k; i++) /* ascending, as Jacobi returns them */
    for (size_t j = i; j > 0 && mpfr_greater_p (lm[j - 1], lm[j]); j--)
      mpfr_swap (lm[j - 1], lm[j]);
  for (size_t i = 0; i < k * k; i++)
    mpfr_set_d (R[i], gsl_ran_gaussian (rng, 1), MPFR_RNDN);
  size_t nc;
  CU_ASSERT_EQUAL_FATAL (lsc_mpfr_complement (Q, &nc, NULL, 0, (const mpfr_t *) R, k, k, prec), 0);
  CU_ASSERT_EQUAL_FATAL (nc, k);
  mpfr_set_zero (fro, 1);
  for (size_t i = 0; i < k; i++)
    for (size_t j = i; j < k; j++)
      {
        mpfr_set_zero (A[i * k + j], 1);
        for (size_t l = 0; l < k; l++)
          {
            mpfr_mul (t, Q[l * k + i], Q[l * k + j], MPFR_RNDN);
            mpfr_fma (A[i * k + j], t, lm[l], A[i * k + j], MPFR_RNDN);
          }
        mpfr_set (A[j * k + i], A[i * k + j], MPFR_RNDN);
      }
  mpfr_set_zero (tr, 1);
  for (size_t i = 0; i < k; i++)
    mpfr_add (tr, tr, A[i * k + i], MPFR_RNDN);
  for (size_t i = 0; i < k * k; i++)
    mpfr_fma (fro, A[i], A[i], fro, MPFR_RNDN);
  mpfr_sqrt (fro, fro, MPFR_RNDN);
  double tol = ldexp (mpfr_get_d (fro, MPFR_RNDN) * (double) k, -(int) prec + 8);
  CU_ASSERT_FATAL (tol < 1e-80);
  CU_ASSERT_EQUAL_FATAL (lsc_mpfr_jacobi (ev, A, k), LSC_SUCCESS);
  double worst = 0;
  for (size_t i = 0; i < k; i++)
    {
      mpfr_sub (t, ev[i], lm[i], MPFR_RNDN);
      worst = fmax (worst, fabs (mpfr_get_d (t, MPFR_RNDN)));
      mpfr_sub (tr, tr, ev[i], MPFR_RNDN);
    }
  CU_ASSERT (worst <= tol);
  CU_ASSERT (fabs (mpfr_get_d (tr, MPFR_RNDN)) <= tol);
  /* both splittings are resolved: ev[1] - ev[0] = 1e-20 and
     ev[2] - ev[0] = 1e-10 (the lowest cluster: -0.0274 + {0, 1e-20,
     1e-10, 1e-10 + 1e-20, ...}) */
  mpfr_sub (t, ev[1], ev[0], MPFR_RNDN);
  CU_ASSERT (fabs (mpfr_get_d (t, MPFR_RNDN) - 1e-20) <= 1e-30);
  mpfr_sub (t, ev[2], ev[0], MPFR_RNDN);
  CU_ASSERT (fabs (mpfr_get_d (t, MPFR_RNDN) - 1e-10) <= 1e-30);
  vfree (R, k * k); vfree (Q, k * k); vfree (A, k * k);
  vfree (ev, k); vfree (lm, k);
  mpfr_clears (t, tr, fro, (mpfr_ptr) 0);
  gsl_rng_free (rng);
}

static void
test_errors (void)
{
  lsc_young G = group (1, 10), bad = G;
  bad.nrb = 0;
  size_t nm = lsc_isotypic_max_mpfr (&G), n;
  CU_ASSERT (nm > 0);
  CU_ASSERT_EQUAL (lsc_isotypic_max_mpfr (&bad), 0);
  CU_ASSERT_EQUAL (lsc_isotypic_max_mpfr (NULL), 0);
  mpfr_t *v = vnew (nm, 64), *p = vnew (5, 64), d;
  lsc_iso_eigen info[64];
  double pd[5] = { 1, 0, 0.1, 0.1, -0.8 };
  mpfr_init2 (d, 64);
  mpfr_set_d (d, 10, MPFR_RNDN);
  for (size_t i = 0; i < 5; i++)
    mpfr_set_d (p[i], pd[i], MPFR_RNDN);
  const mpfr_t *pc = (const mpfr_t *) p;
  CU_ASSERT_EQUAL (lsc_isotypic_spectrum_mpfr (v, info, &n, pc, &G, d, 1e-9, 0), 0);
  CU_ASSERT_EQUAL (lsc_isotypic_spectrum_mpfr (NULL, info, &n, pc, &G, d, 1e-9, 0), LSC_EFAULT);
  CU_ASSERT_EQUAL (lsc_isotypic_spectrum_mpfr (v, info, &n, pc, &G, NULL, 1e-9, 0), LSC_EFAULT);
  CU_ASSERT_EQUAL (lsc_isotypic_spectrum_mpfr (v, info, &n, pc, &bad, d, 1e-9, 0), LSC_EINVAL);
  CU_ASSERT_EQUAL (lsc_isotypic_spectrum_mpfr (v, info, &n, pc, &G, d, -1, 0), LSC_EBADTOL);
  CU_ASSERT_EQUAL (lsc_isotypic_spectrum_mpfr (v, info, &n, pc, &G, d, 1e-9, NAN), LSC_EBADTOL);
  mpfr_set_d (d, 2.5, MPFR_RNDN); /* L = 1.5 < 2: t only, as in the double path */
  CU_ASSERT_EQUAL (lsc_isotypic_spectrum_mpfr (v, info, &n, pc, &G, d, 1e-9, 0), 0);
  for (size_t i = 0; i < n; i++)
    CU_ASSERT_EQUAL (info[i].irrep, LSC_IRREP_T);
  CU_ASSERT_EQUAL (lsc_isotypic_component_mpfr (v, info, &n, pc, &G, d, LSC_IRREP_T, 1e-9, 0), 0);
  CU_ASSERT_EQUAL (lsc_isotypic_component_mpfr (v, info, &n, pc, &G, d, LSC_IRREP_S, 1e-9, 0), LSC_EDOM);
  CU_ASSERT_EQUAL (lsc_isotypic_component_mpfr (v, info, &n, pc, &G, d, 9, 1e-9, 0), LSC_EINVAL);
  mpfr_set_d (d, 1.5, MPFR_RNDN); /* L = 0.5 < 1 */
  CU_ASSERT_EQUAL (lsc_isotypic_spectrum_mpfr (v, info, &n, pc, &G, d, 1e-9, 0), LSC_EDOM);
  mpfr_set_inf (d, 1);
  CU_ASSERT_EQUAL (lsc_isotypic_spectrum_mpfr (v, info, &n, pc, &G, d, 1e-9, 0), LSC_ENONFINITE);
  mpfr_set_d (d, 10, MPFR_RNDN);
  mpfr_set_nan (p[3]);
  CU_ASSERT_EQUAL (lsc_isotypic_spectrum_mpfr (v, info, &n, pc, &G, d, 1e-9, 0), LSC_ENONFINITE);
  for (size_t i = 0; i < 5; i++)
    mpfr_set_zero (p[i], 1);
  CU_ASSERT_EQUAL (lsc_isotypic_spectrum_mpfr (v, info, &n, pc, &G, d, 1e-9, 0), LSC_EDOM);
  /* accurate double mode */
  CU_ASSERT_EQUAL (lsc_isotypic_spectrum_accurate (info, &n, pd, &G, 1e-9, 0), 0);
  CU_ASSERT_EQUAL (lsc_isotypic_spectrum_accurate (NULL, &n, pd, &G, 1e-9, 0), LSC_EFAULT);
  CU_ASSERT_EQUAL (lsc_isotypic_spectrum_accurate (info, &n, pd, &bad, 1e-9, 0), LSC_EINVAL);
  CU_ASSERT_EQUAL (lsc_isotypic_spectrum_accurate (info, &n, pd, &G, -1, 0), LSC_EBADTOL);
  pd[2] = NAN;
  CU_ASSERT_EQUAL (lsc_isotypic_spectrum_accurate (info, &n, pd, &G, 1e-9, 0), LSC_ENONFINITE);
  vfree (v, nm);
  vfree (p, 5);
  mpfr_clear (d);
}

/* One component alone equals that component of the full list (the cheap
   path used by the bifurcation solver), for every component and group. */
static void
test_component (void)
{
  gsl_rng *rng = gsl_rng_alloc (gsl_rng_mt19937);
  gsl_rng_set (rng, 17);
  for (int t = 1; t < 6; t++)
    {
      lsc_young G = group (t, 12.25);
      size_t np = lsc_young_nparams (&G), nmax = lsc_isotypic_max_mpfr (&G);
      mpfr_t *p = vnew (np, 64), *v = vnew (nmax, 128), *w = vnew (nmax, 128);
      lsc_iso_eigen *info = malloc (nmax * sizeof *info);
      lsc_iso_eigen *winfo = malloc (nmax * sizeof *winfo);
      for (size_t i = 0; i < np; i++)
        {
          lsc_param_info pi;
          lsc_young_param (&pi, &G, i);
          mpfr_set_d (p[i], pi.kind == LSC_PARAM_DIAG ? 1 + 0.1 * gsl_ran_gaussian (rng, 1)
                                                      : 0.1 * gsl_ran_gaussian (rng, 1),
                      MPFR_RNDN);
        }
      mpfr_t d;
      mpfr_init2 (d, 64);
      mpfr_set_d (d, lsc_young_d (&G), MPFR_RNDN);
      size_t n, m;
      CU_ASSERT_EQUAL_FATAL (lsc_isotypic_spectrum_mpfr (v, info, &n, (const mpfr_t *) p, &G, d, 0, 0), 0);
      for (int irrep = 0; irrep < 4; irrep++)
        {
          CU_ASSERT_EQUAL_FATAL (lsc_isotypic_component_mpfr (w, winfo, &m, (const mpfr_t *) p, &G, d, irrep, 0, 0), 0);
          size_t j = 0;
          for (size_t i = 0; i < n; i++)
            if (info[i].irrep == irrep)
              {
                CU_ASSERT_FATAL (j < m);
                CU_ASSERT (mpfr_equal_p (v[i], w[j]));
                CU_ASSERT_EQUAL (winfo[j].irrep, irrep);
                j++;
              }
          CU_ASSERT_EQUAL (j, m);
        }
      mpfr_clear (d);
      vfree (p, np); vfree (v, nmax); vfree (w, nmax);
      free (info); free (winfo);
    }
  gsl_rng_free (rng);
}

int
main (void)
{
  static const lsc_test_case cases[] = {
    { "W = I closed forms to 1e-30 (d = 4 .. 1e6, 7.5)", test_identity_closed_forms },
    { "two precisions (tgeneric): p vs p + 64 bits within 2^(12-p)",
      test_two_precisions },
    { "MPFR vs double reduced spectrum", test_vs_double },
    { "Jacobi and Gram-Schmidt on prescribed spectra", test_linalg },
    { "Jacobi on spectra with scales 1e20, 1, 1e-10, 1e-20", test_linalg_scales },
    { "one component = its part of the full list", test_component },
    { "error statuses", test_errors },
    { NULL, NULL }
  };
  return lsc_test_run ("isotypic-mpfr", cases);
}
