/* Tests of the dense products of the loss (src/kernel/vgemm.c, private:
   compiled into this test directly): the Gram product and the gradient's
   T Z product, on every path this CPU has (the AVX-512 micro-kernels and
   CBLAS), at sizes that hit every edge of the 8 x 24 tiles and the
   blocking over K (K > 256).  Two oracles: each entry against an exact
   dot product (MPFR, 256 bits) within the a-priori bound
   (K + 2) u sum |a_p b_p| of any summation order, and the two paths
   against each other within twice that bound.  Entries the products must
   not read (T's strictly lower triangle, C and G before the call) hold
   NaN, and the Gram product's lower triangle must be left alone or equal
   to its mirror. */
#include <config.h>
#include <stdlib.h>
#include <math.h>
#include <mpfr.h>
#include <gsl/gsl_rng.h>
#include "testutil.h"
#include "../src/kernel/vgemm.c"

static const double U = 0x1p-53;

/* The CBLAS path on any CPU: a buffer with the native path switched off. */
static lsc_vg_buf *
alloc_path (size_t rows, size_t d, int native)
{
  lsc_vg_buf *b = lsc_vg_alloc (rows, d);
  if (b && !native && b->native)
    {
      b->native = 0;
      b->z = malloc (rows * d * sizeof (double));
    }
  return b;
}

/* exact sum_p x[p xs] y[p ys] (times s) rounded, and sum |x y| */
static double
exact_dot (const double *x, size_t xs, const double *y, size_t ys,
           const double *gam, size_t n, double s, double *absum)
{
  mpfr_t acc, t;
  mpfr_inits2 (256, acc, t, (mpfr_ptr) 0);
  mpfr_set_zero (acc, 1);
  double a = 0.0;
  for (size_t p = 0; p < n; p++)
    {
      double yp = gam ? gam[p] * y[p * ys] : y[p * ys];   /* as packed */
      mpfr_set_d (t, x[p * xs], MPFR_RNDN);
      mpfr_mul_d (t, t, yp, MPFR_RNDN);
      mpfr_add (acc, acc, t, MPFR_RNDN);
      a += fabs (x[p * xs] * yp);
    }
  mpfr_mul_d (acc, acc, s, MPFR_RNDN);
  double r = mpfr_get_d (acc, MPFR_RNDN);
  mpfr_clears (acc, t, (mpfr_ptr) 0);
  *absum = fabs (s) * a;
  return r;
}

static void
check_gram (gsl_rng *rng, size_t n, size_t d, int native)
{
  size_t ldc = n + 3;
  double *Y = malloc (n * d * sizeof *Y), *C = malloc (n * ldc * sizeof *C);
  for (size_t i = 0; i < n * d; i++)
    Y[i] = gsl_rng_uniform (rng) - 0.5;
  for (size_t i = 0; i < n * ldc; i++)
    C[i] = NAN;
  lsc_vg_buf *b = alloc_path (n, d, native);
  CU_ASSERT_FATAL (b != NULL);
  lsc_vg_gram (b, C, ldc, Y, d, n, d);
  double worst = 0.0;
  int bad_lower = 0;
  for (size_t i = 0; i < n; i++)
    for (size_t j = 0; j < n; j++)
      {
        double cij = C[i * ldc + j];
        if (j < i)
          {
            if (!isnan (cij) && cij != C[j * ldc + i])
              bad_lower = 1;
            continue;
          }
        double ab, e = exact_dot (Y + i * d, 1, Y + j * d, 1, NULL, d, 1.0,
                                  &ab);
        worst = fmax (worst, fabs (cij - e) / ((d + 2) * U * ab));
      }
  for (size_t i = 0; i < n; i++)
    for (size_t j = n; j < ldc; j++)
      CU_ASSERT (isnan (C[i * ldc + j]));   /* nothing past column n */
  CU_ASSERT (worst <= 1.0);   /* also false on NaN */
  CU_ASSERT (!bad_lower);
  lsc_vg_free (b);
  free (Y);
  free (C);
}

/* G = s T diag(gam) Y with T k x K, its k x k block upper-stored (NaN
   below the diagonal); returns G for the comparison of the paths. */
static double *
check_tprod (gsl_rng *rng, size_t k, size_t K, size_t d, int withgam,
             int native, double *bound)
{
  size_t ldt = K + 1;
  double *T = malloc (k * ldt * sizeof *T), *Y = malloc (K * d * sizeof *Y);
  double *G = malloc (k * d * sizeof *G), *gam = malloc (K * sizeof *gam);
  double *Tf = malloc (k * K * sizeof *Tf);
  gsl_rng_set (rng, 7 + k + 1000 * K + 100000 * d);
  for (size_t i = 0; i < k; i++)
    for (size_t p = 0; p < ldt; p++)
      T[i * ldt + p] = p < i || p >= K ? NAN : gsl_rng_uniform (rng) - 0.5;
  for (size_t i = 0; i < k; i++)
    for (size_t p = 0; p < K; p++)
      Tf[i * K + p] = p < i && p < k ? T[p * ldt + i] : T[i * ldt + p];
  for (size_t i = 0; i < K * d; i++)
    Y[i] = gsl_rng_uniform (rng) - 0.5;
  for (size_t p = 0; p < K; p++)
    gam[p] = p < k ? 0.5 + gsl_rng_uniform (rng) : -1.0;
  for (size_t i = 0; i < k * d; i++)
    G[i] = NAN;
  lsc_vg_buf *b = alloc_path (K, d, native);
  CU_ASSERT_FATAL (b != NULL);
  const double s = 0.15915494309189535;
  lsc_vg_tprod (b, G, s, T, ldt, k, K, withgam ? gam : NULL, Y, d);
  double worst = 0.0;
  for (size_t i = 0; i < k; i++)
    for (size_t x = 0; x < d; x++)
      {
        double ab, e = exact_dot (Tf + i * K, 1, Y + x, d,
                                  withgam ? gam : NULL, K, s, &ab);
        double bnd = (K + 2) * U * ab;
        bound[i * d + x] = bnd;
        worst = fmax (worst, fabs (G[i * d + x] - e) / bnd);
      }
  CU_ASSERT (worst <= 1.0);
  lsc_vg_free (b);
  free (T);
  free (Tf);
  free (Y);
  free (gam);
  return G;
}

static void
test_products (void)
{
  static const size_t sizes[][2] = {
    { 1, 1 }, { 1, 9 }, { 7, 5 }, { 8, 8 }, { 9, 24 }, { 23, 25 },
    { 24, 17 }, { 25, 48 }, { 37, 37 }, { 100, 100 }, { 41, 300 },
    { 130, 61 }, { 260, 9 }
  };
  gsl_rng *rng = gsl_rng_alloc (gsl_rng_mt19937);
  gsl_rng_set (rng, 18);
  int paths = 1;
  lsc_vg_buf *probe = lsc_vg_alloc (4, 4);
  if (probe && probe->native)
    paths = 2;
  lsc_vg_free (probe);
  printf ("\n  paths: CBLAS%s", paths == 2 ? ", AVX-512" : "");
  double agree = 0.0;
  for (size_t c = 0; c < sizeof sizes / sizeof sizes[0]; c++)
    {
      size_t k = sizes[c][0], d = sizes[c][1];
      for (int path = 0; path < paths; path++)
        check_gram (rng, k, d, path);
      /* V = I (K = k) and a general V (K = 2k), with and without weights */
      for (size_t K = k; K <= 2 * k; K += k)
        for (int wg = 0; wg < 2; wg++)
          {
            double *bnd = malloc (k * d * sizeof *bnd);
            double *G[2] = { NULL, NULL };
            for (int path = 0; path < paths; path++)
              G[path] = check_tprod (rng, k, K, d, wg, path, bnd);
            if (G[1])
              for (size_t i = 0; i < k * d; i++)
                agree = fmax (agree, fabs (G[0][i] - G[1][i]) / (2 * bnd[i]));
            free (G[0]);
            free (G[1]);
            free (bnd);
          }
    }
  printf (", paths' difference %.2f of the bound\n", agree);
  CU_ASSERT (agree <= 1.0);
  gsl_rng_free (rng);
}

int
main (void)
{
  static const lsc_test_case cases[] = {
    { "Gram and T Z products vs MPFR on every path", test_products },
    { NULL, NULL },
  };
  int rc = lsc_test_run ("vgemm", cases);
  mpfr_free_cache ();
  return rc;
}
