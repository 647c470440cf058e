/* Tests of the Newton solvers: quadratic convergence, failure statuses, MPFR
   refinement (synthetic systems here; real families in t-families). */
#include <config.h>
#include <math.h>
#include <mpfr.h>
#include "landscape.h"
#include "landscape/lsc_newton.h"
#include "testutil.h"

/* A regular root at xs: g_i = sum_j A_ij e_j + e_i^2 + sin(e_i) e_{i+1},
   e = x - xs.  J(xs) = A, nonsingular. */
#define N4 4
static const double xs4[N4] = { 0.3, -1.2, 2.0, 0.7 };
static const double A4[N4][N4] = { { 3, 1, 0, 0.5 }, { 1, 4, -1, 0 },
                                   { 0, -1, 2.5, 1 }, { 0.5, 0, 1, 3.5 } };

static int
fdf4 (double *g, double *J, const double *x, void *params)
{
  (void) params;
  double e[N4];
  for (int i = 0; i < N4; i++)
    e[i] = x[i] - xs4[i];
  for (int i = 0; i < N4; i++)
    {
      int ip = (i + 1) % N4;
      g[i] = e[i] * e[i] + sin (e[i]) * e[ip];
      for (int j = 0; j < N4; j++)
        g[i] += A4[i][j] * e[j];
      if (J)
        {
          for (int j = 0; j < N4; j++)
            J[i * N4 + j] = A4[i][j];
          J[i * N4 + i] += 2 * e[i] + cos (e[i]) * e[ip];
          J[i * N4 + ip] += sin (e[i]);
        }
    }
  return 0;
}

static void
check_quadratic (const lsc_newton_type *T)
{
  lsc_newton_function f = { N4, fdf4, NULL };
  double x0[N4] = { 0.6, -0.9, 1.7, 1.0 };
  lsc_newton *s = lsc_newton_alloc (T, N4);
  CU_ASSERT_FATAL (s != NULL);
  CU_ASSERT_EQUAL (lsc_newton_set (s, &f, x0, NULL), 0);
  double r[64];
  size_t m = 0;
  r[m++] = lsc_newton_residual (s);
  while (lsc_newton_test (s) == LSC_NEWTON_CONTINUE && m < 40)
    {
      CU_ASSERT_EQUAL_FATAL (lsc_newton_iterate (s), 0);
      r[m++] = lsc_newton_residual (s);
    }
  CU_ASSERT_EQUAL (lsc_newton_test (s), LSC_SUCCESS);
  CU_ASSERT (lsc_newton_iter (s) <= 12);
  /* Once in the quadratic regime (r < 0.1) and above the rounding floor
     (r > 1e-12), r_{k+1} / r_k^2 stays bounded by |J^-1| |g''| ~ 1. */
  int checked = 0;
  for (size_t k = 0; k + 1 < m; k++)
    if (r[k] < 0.1 && r[k] > 1e-7)
      {
        CU_ASSERT (r[k + 1] / (r[k] * r[k]) < 1.0);   /* observed 0.115 */
        checked++;
      }
  CU_ASSERT (checked >= 2);
  CU_ASSERT (r[m - 1] <= 1e-13);
  for (int i = 0; i < N4; i++)
    CU_ASSERT (fabs (lsc_newton_x (s)[i] - xs4[i]) < 1e-14);
  lsc_newton_free (s);
}

static void
test_quadratic_damped (void)
{
  check_quadratic (lsc_newton_damped);
}

static void
test_quadratic_lm (void)
{
  check_quadratic (lsc_newton_lm);
}

/* A rank-deficient system: g = (x0 + x1 - 1, 2 x0 + 2 x1 - 3). */
static int
fdf_sing (double *g, double *J, const double *x, void *params)
{
  (void) params;
  g[0] = x[0] + x[1] - 1;
  g[1] = 2 * x[0] + 2 * x[1] - 3;
  if (J)
    J[0] = 1, J[1] = 1, J[2] = 2, J[3] = 2;
  return 0;
}

/* Wrong Jacobian sign: every step is uphill, the line search must fail. */
static int
fdf_wrong (double *g, double *J, const double *x, void *params)
{
  (void) params;
  g[0] = x[0];
  if (J)
    J[0] = -1;
  return 0;
}

/* g = log x + 1 (root 1/e), LSC_EDOM for x <= 0: full steps from x = 5
   leave the domain and must be damped. */
static int
fdf_log (double *g, double *J, const double *x, void *params)
{
  int *ndom = params;
  if (x[0] <= 0)
    {
      (*ndom)++;
      return LSC_EDOM;
    }
  g[0] = log (x[0]) + 1;
  if (J)
    J[0] = 1 / x[0];
  return 0;
}

/* NaN residual everywhere: LSC_ENONFINITE at the start. */
static int
fdf_nan (double *g, double *J, const double *x, void *params)
{
  (void) x; (void) params;
  g[0] = NAN;
  if (J)
    J[0] = 1;
  return 0;
}

static void
test_statuses (void)
{
  lsc_newton_result res;
  double x[2] = { 0, 0 };
  lsc_newton_function fs = { 2, fdf_sing, NULL };
  CU_ASSERT_EQUAL (lsc_newton_solve (x, &res, lsc_newton_damped, &fs, NULL),
                   LSC_ESING);
  CU_ASSERT_EQUAL (res.status, LSC_ESING);
  CU_ASSERT_EQUAL (lsc_newton_solve (x, &res, lsc_newton_lm, &fs, NULL),
                   LSC_ESING);

  lsc_newton_function fw = { 1, fdf_wrong, NULL };
  x[0] = 1;
  CU_ASSERT_EQUAL (lsc_newton_solve (x, &res, lsc_newton_damped, &fw, NULL),
                   LSC_ENOCONV);
  x[0] = 1;
  CU_ASSERT_EQUAL (lsc_newton_solve (x, &res, lsc_newton_lm, &fw, NULL),
                   LSC_ENOCONV);

  lsc_newton_params par;
  lsc_newton_params_init (&par);
  par.maxiter = 2;
  double y[N4] = { 0.6, -0.9, 1.7, 1.0 };
  lsc_newton_function f4 = { N4, fdf4, NULL };
  CU_ASSERT_EQUAL (lsc_newton_solve (y, &res, lsc_newton_damped, &f4, &par),
                   LSC_EMAXITER);
  CU_ASSERT_EQUAL (res.iter, 2);
  CU_ASSERT (res.residual > 1e-13 && res.residual < 1);

  int ndom = 0;
  lsc_newton_function fl = { 1, fdf_log, &ndom };
  x[0] = 5;
  CU_ASSERT_EQUAL (lsc_newton_solve (x, &res, lsc_newton_damped, &fl, NULL),
                   LSC_SUCCESS);
  CU_ASSERT (ndom > 0);
  CU_ASSERT (fabs (x[0] - exp (-1.0)) < 1e-15);
  x[0] = -1;
  CU_ASSERT_EQUAL (lsc_newton_solve (x, &res, lsc_newton_damped, &fl, NULL),
                   LSC_EDOM);

  par.maxiter = 50;
  par.epsabs = -1;
  CU_ASSERT_EQUAL (lsc_newton_solve (y, &res, lsc_newton_damped, &f4, &par),
                   LSC_EBADTOL);
  lsc_newton *s = lsc_newton_alloc (lsc_newton_damped, 3);
  CU_ASSERT_EQUAL (lsc_newton_set (s, &f4, y, NULL), LSC_EBADLEN);
  /* NULL arguments, non-finite values at the start */
  CU_ASSERT_EQUAL (lsc_newton_set (NULL, &f4, y, NULL), LSC_EFAULT);
  CU_ASSERT_EQUAL (lsc_newton_solve (NULL, &res, lsc_newton_damped, &f4, NULL),
                   LSC_EFAULT);
  CU_ASSERT_EQUAL (lsc_newton_solve (y, &res, lsc_newton_damped, NULL, NULL),
                   LSC_EFAULT);
  lsc_newton_function fn = { 1, fdf_nan, NULL };
  x[0] = 1;
  CU_ASSERT_EQUAL (lsc_newton_solve (x, &res, lsc_newton_damped, &fn, NULL),
                   LSC_ENONFINITE);
  lsc_newton_free (s);
  lsc_newton_free (NULL);
  CU_ASSERT (lsc_newton_alloc (lsc_newton_damped, 0) == NULL);
  CU_ASSERT (lsc_newton_alloc (NULL, 2) == NULL);
}

/* epsx: with epsabs = 0 the residual test can never pass; the step test
   ends the iteration at the rounding floor. */
static void
test_epsx (void)
{
  lsc_newton_params par;
  lsc_newton_params_init (&par);
  par.epsabs = 0;
  par.epsx = 1e-12;
  lsc_newton_result res;
  double y[N4] = { 0.6, -0.9, 1.7, 1.0 };
  lsc_newton_function f4 = { N4, fdf4, NULL };
  CU_ASSERT_EQUAL (lsc_newton_solve (y, &res, lsc_newton_damped, &f4, &par),
                   LSC_SUCCESS);
  CU_ASSERT (res.residual < 1e-14);
  CU_ASSERT (res.iter < 12);
}

/* MPFR system with root (sqrt 2, cbrt 3, 1):
   g0 = x0^2 - 2, g1 = x1^3 - 3 + (x0^2 - 2) x1 / 10,
   g2 = x2 + x0 x1 - c, c = sqrt2 cbrt3 + 1 computed at the working
   precision. */
static int
f3_mpfr (mpfr_t *g, const mpfr_t *x, void *params)
{
  (void) params;
  mpfr_prec_t p = mpfr_get_prec (g[0]);
  mpfr_t t, c;
  mpfr_inits2 (p + 32, t, c, (mpfr_ptr) 0);
  mpfr_sqr (t, x[0], MPFR_RNDN);
  mpfr_sub_ui (g[0], t, 2, MPFR_RNDN);
  mpfr_mul (t, g[0], x[1], MPFR_RNDN);
  mpfr_div_ui (t, t, 10, MPFR_RNDN);
  mpfr_pow_ui (c, x[1], 3, MPFR_RNDN);
  mpfr_sub_ui (c, c, 3, MPFR_RNDN);
  mpfr_add (g[1], c, t, MPFR_RNDN);
  mpfr_sqrt_ui (c, 2, MPFR_RNDN);
  mpfr_cbrt (t, (mpfr_set_ui (t, 3, MPFR_RNDN), t), MPFR_RNDN);
  mpfr_mul (c, c, t, MPFR_RNDN);
  mpfr_add_ui (c, c, 1, MPFR_RNDN);
  mpfr_mul (t, x[0], x[1], MPFR_RNDN);
  mpfr_add (t, t, x[2], MPFR_RNDN);
  mpfr_sub (g[2], t, c, MPFR_RNDN);
  mpfr_clears (t, c, (mpfr_ptr) 0);
  return 0;
}

static int
df3 (double *J, const mpfr_t *x, void *params)
{
  (void) params;
  double a = mpfr_get_d (x[0], MPFR_RNDN), b = mpfr_get_d (x[1], MPFR_RNDN);
  J[0] = 2 * a, J[1] = 0, J[2] = 0;
  J[3] = 0.2 * a * b, J[4] = 3 * b * b + (a * a - 2) / 10, J[5] = 0;
  J[6] = b, J[7] = a, J[8] = 1;
  return 0;
}

static void
refine_at (mpfr_prec_t prec, long margin, size_t maxiter, int want,
           long want_bits)
{
  lsc_newton_function_mpfr f = { 3, f3_mpfr, df3, NULL };
  mpfr_t x[3], ex;
  for (int i = 0; i < 3; i++)
    mpfr_init2 (x[i], prec);
  mpfr_init2 (ex, prec + 64);
  /* Start from double-accurate values, as after a double Newton solve. */
  mpfr_set_d (x[0], sqrt (2.0), MPFR_RNDN);
  mpfr_set_d (x[1], cbrt (3.0), MPFR_RNDN);
  mpfr_set_d (x[2], 1.0 + 1e-15, MPFR_RNDN);
  double resid = -1;
  size_t it = 0;
  CU_ASSERT_EQUAL (lsc_newton_refine_mpfr (x, &resid, &it, &f, margin,
                                           maxiter), want);
  if (want == LSC_SUCCESS)
    {
      CU_ASSERT (resid >= 0 && resid <= ldexp (1.0, (int) (margin - prec)));
      /* Independent oracle: the closed-form root. */
      mpfr_sqrt_ui (ex, 2, MPFR_RNDN);
      mpfr_sub (ex, ex, x[0], MPFR_RNDN);
      mpfr_abs (ex, ex, MPFR_RNDN);
      CU_ASSERT (mpfr_cmp_si_2exp (ex, 1, -want_bits) < 0);
      mpfr_set_ui (ex, 3, MPFR_RNDN);
      mpfr_cbrt (ex, ex, MPFR_RNDN);
      mpfr_sub (ex, ex, x[1], MPFR_RNDN);
      mpfr_abs (ex, ex, MPFR_RNDN);
      CU_ASSERT (mpfr_cmp_si_2exp (ex, 1, -want_bits) < 0);
      mpfr_sub_ui (ex, x[2], 1, MPFR_RNDN);
      mpfr_abs (ex, ex, MPFR_RNDN);
      CU_ASSERT (mpfr_cmp_si_2exp (ex, 1, -want_bits) < 0);
      /* Linear convergence gaining ~13 digits a step. */
      CU_ASSERT (it >= 2 && it <= (size_t) (prec / 40 + 2));
    }
  for (int i = 0; i < 3; i++)
    mpfr_clear (x[i]);
  mpfr_clear (ex);
}

static void
test_refine_mpfr (void)
{
  refine_at (256, 8, 20, LSC_SUCCESS, 240);
  refine_at (128, 8, 20, LSC_SUCCESS, 112);
  refine_at (2000, 8, 200, LSC_SUCCESS, 1980);   /* below double range */
  /* A target below the attainable floor of the evaluation: LSC_EPREC. */
  refine_at (256, -40, 10, LSC_EPREC, 0);
}

int
main (void)
{
  static const lsc_test_case cases[] = {
    { "damped Newton converges quadratically", test_quadratic_damped },
    { "Levenberg-Marquardt converges quadratically", test_quadratic_lm },
    { "failure statuses: esing, noconv, emaxiter, edom, ebadtol, ebadlen",
      test_statuses },
    { "epsx step test stops at the rounding floor", test_epsx },
    { "MPFR refinement reaches the precision target", test_refine_mpfr },
    { NULL, NULL } };
  return lsc_test_run ("newton", cases);
}
