/* Tests of pseudo-arclength continuation: a known fold located and passed,
   log-scale steps to d = 1e7, failure statuses, and the type-A family. */
#include <config.h>
#include <math.h>
#include "landscape.h"
#include "testutil.h"

/* Fold system (n = 3): g0 = x0^2 + x1 + d - 1 - 0.3 x2^2, g1 = x1 - 0.2 x0,
   g2 = x2 - 0.5 x0.  On the branch x1 = 0.2 u, x2 = 0.5 u with
   0.925 u^2 + 0.2 u + d - 1 = 0: fold at u* = -0.2/1.85,
   d* = 1 + 0.04/3.7. */
static const double ustar = -0.2 / 1.85, dstar = 1.0 + 0.04 / 3.7;

static int
fold_fdf (double *g, double *J, const double *x, double d, void *params)
{
  (void) params;
  g[0] = x[0] * x[0] + x[1] + d - 1 - 0.3 * x[2] * x[2];
  g[1] = x[1] - 0.2 * x[0];
  g[2] = x[2] - 0.5 * x[0];
  if (J)
    {
      double Jv[9] = { 2 * x[0], 1, -0.6 * x[2], -0.2, 1, 0, -0.5, 0, 1 };
      for (int i = 0; i < 9; i++)
        J[i] = Jv[i];
    }
  return 0;
}

static int
fold_dd (double *gd, const double *x, double d, void *params)
{
  (void) x, (void) d, (void) params;
  gd[0] = 1, gd[1] = 0, gd[2] = 0;
  return 0;
}

static double
branch_u (double d, int sign)
{
  return (-0.2 + sign * sqrt (0.04 - 3.7 * (d - 1))) / 1.85;
}

typedef struct
{
  size_t npts, nfold;
  double worst;             /* largest |on-curve defect| or residual */
  double maxd;
} fold_log;

static int
fold_cb (const lsc_cont_point *pt, void *data)
{
  fold_log *lg = data;
  double u = pt->p[0];
  double defect = fabs (0.925 * u * u + 0.2 * u + pt->d - 1);
  lg->worst = fmax (lg->worst, fmax (defect, pt->residual));
  lg->maxd = fmax (lg->maxd, pt->d);
  lg->npts++;
  lg->nfold += pt->fold;
  return 0;
}

static void
check_fold_located (int analytic)
{
  lsc_cont_function f = { 3, fold_fdf, analytic ? fold_dd : NULL, NULL, NULL };
  double u0 = branch_u (0, 1), x0[3] = { u0 + 0.01, 0.2 * u0, 0.5 * u0 };
  lsc_cont *c = lsc_cont_alloc (3);
  CU_ASSERT_FATAL (c != NULL);
  CU_ASSERT_EQUAL_FATAL (lsc_cont_set (c, &f, x0, 0.0, 1, NULL), 0);
  fold_log lg = { 0, 0, 0, -1e300 };
  CU_ASSERT_EQUAL (lsc_cont_run (c, 2.0, fold_cb, &lg), LSC_EFOLD);
  const lsc_cont_point *pt = lsc_cont_current (c);
  CU_ASSERT (pt->fold == 1 && pt->status == LSC_EFOLD);
  CU_ASSERT (fabs (pt->d - dstar) < 1e-12);
  CU_ASSERT (fabs (pt->p[0] - ustar) < 1e-7);
  CU_ASSERT (fabs (pt->tangent_d) < 1e-6);
  CU_ASSERT (lg.worst < 1e-12);
  CU_ASSERT (lg.nfold == 1);
  CU_ASSERT (lg.maxd <= dstar + 1e-12);
  lsc_cont_free (c);
}

static void
test_fold_located (void)
{
  check_fold_located (1);
  check_fold_located (0);
}

/* Pass the fold and come back down on the other branch to d = -1. */
static void
test_fold_passed (void)
{
  lsc_cont_function f = { 3, fold_fdf, NULL, NULL, NULL };
  double u0 = branch_u (0, 1), x0[3] = { u0, 0.2 * u0, 0.5 * u0 };
  lsc_cont_params par;
  lsc_cont_params_init (&par);
  par.stop_at_fold = 0;
  lsc_cont *c = lsc_cont_alloc (3);
  CU_ASSERT_EQUAL_FATAL (lsc_cont_set (c, &f, x0, 0.0, 1, &par), 0);
  fold_log lg = { 0, 0, 0, -1e300 };
  CU_ASSERT_EQUAL (lsc_cont_run (c, -1.0, fold_cb, &lg), LSC_SUCCESS);
  const lsc_cont_point *pt = lsc_cont_current (c);
  CU_ASSERT_EQUAL (pt->d, -1.0);
  CU_ASSERT (fabs (pt->p[0] - branch_u (-1.0, -1)) < 1e-12);
  CU_ASSERT (lg.nfold == 1);
  CU_ASSERT (lg.maxd > dstar - 0.05 && lg.maxd <= dstar + 1e-12);
  CU_ASSERT (lg.worst < 1e-12);
  lsc_cont_free (c);
}

/* Log scale: g0 = x0 (1 + x1) - log d, g1 = x1 - 1/d (closed form
   x1 = 1/d, x0 = log d / (1 + 1/d)). */
static int
log_fdf (double *g, double *J, const double *x, double d, void *params)
{
  int *limit = params;
  if (limit && d > *limit)
    return *limit == 5 ? LSC_EDOM : LSC_ERANGE;
  g[0] = x[0] * (1 + x[1]) - log (d);
  g[1] = x[1] - 1 / d;
  if (J)
    J[0] = 1 + x[1], J[1] = x[0], J[2] = 0, J[3] = 1;
  return 0;
}

static int
count_cb (const lsc_cont_point *pt, void *data)
{
  size_t *n = data;
  (*n)++;
  double x1 = 1 / pt->d, x0 = log (pt->d) / (1 + x1);
  CU_ASSERT (fabs (pt->p[0] - x0) < 1e-11 * (1 + fabs (x0)));
  CU_ASSERT (fabs (pt->p[1] - x1) < 1e-12);
  return 0;
}

static void
test_log_scale (void)
{
  lsc_cont_function f = { 2, log_fdf, NULL, NULL, NULL };
  double x0[2] = { 3, 0.05 };
  lsc_cont *c = lsc_cont_alloc (2);
  CU_ASSERT_EQUAL_FATAL (lsc_cont_set (c, &f, x0, 20.0, 1, NULL), 0);
  size_t npts = 0;
  CU_ASSERT_EQUAL (lsc_cont_run (c, 1e7, count_cb, &npts), LSC_SUCCESS);
  CU_ASSERT_EQUAL (lsc_cont_current (c)->d, 1e7);
  CU_ASSERT (npts > 10 && npts < 400);
  lsc_cont_free (c);
}

static int
stop_cb (const lsc_cont_point *pt, void *data)
{
  (void) data;
  return pt->d > 3 ? 42 : 0;
}

/* NaN everywhere. */
static int
nan_fdf (double *g, double *J, const double *x, double d, void *params)
{
  (void) x; (void) d; (void) params;
  g[0] = g[1] = NAN;
  if (J)
    J[0] = J[1] = J[2] = J[3] = 1;
  return 0;
}

static void
test_statuses (void)
{
  lsc_cont *c = lsc_cont_alloc (2);
  double x0[2] = { 1, 0.5 };
  int lim = 5;
  lsc_cont_function f = { 2, log_fdf, NULL, NULL, &lim };
  /* Domain ends at d = 5: the branch degenerates (LSC_EDOM). */
  CU_ASSERT_EQUAL (lsc_cont_set (c, &f, x0, 2.0, 1, NULL), 0);
  CU_ASSERT_EQUAL (lsc_cont_run (c, 10.0, NULL, NULL), LSC_EDOM);
  CU_ASSERT (lsc_cont_current (c)->d > 5 - 1e-6);
  /* Other failures beyond d = 6: step underflow. */
  lim = 6;
  CU_ASSERT_EQUAL (lsc_cont_set (c, &f, x0, 2.0, 1, NULL), 0);
  CU_ASSERT_EQUAL (lsc_cont_run (c, 10.0, NULL, NULL), LSC_ESTEPUNDER);
  /* Callback stop, point limit. */
  CU_ASSERT_EQUAL (lsc_cont_set (c, &f, x0, 2.0, 1, NULL), 0);
  CU_ASSERT_EQUAL (lsc_cont_run (c, 5.5, stop_cb, NULL), 42);
  lsc_cont_params par;
  lsc_cont_params_init (&par);
  par.max_points = 3;
  CU_ASSERT_EQUAL (lsc_cont_set (c, &f, x0, 2.0, 1, &par), 0);
  CU_ASSERT_EQUAL (lsc_cont_run (c, 5.5, NULL, NULL), LSC_EMAXITER);
  /* d_stop behind the direction of travel with folds stopping the run:
     refused at once (it used to wander to the point limit); d_stop equal
     to the current d: success at once; a non-finite d_stop: refused. */
  CU_ASSERT_EQUAL (lsc_cont_set (c, &f, x0, 2.0, 1, NULL), 0);
  CU_ASSERT_EQUAL (lsc_cont_run (c, 1.0, NULL, NULL), LSC_EINVAL);
  CU_ASSERT_EQUAL (lsc_cont_run (c, 2.0, NULL, NULL), LSC_SUCCESS);
  CU_ASSERT_EQUAL (lsc_cont_current (c)->d, 2.0);
  CU_ASSERT_EQUAL (lsc_cont_run (c, NAN, NULL, NULL), LSC_EINVAL);
  /* NULL arguments; a family whose values are NaN at the start (the
     Newton start reports it) */
  CU_ASSERT_EQUAL (lsc_cont_set (NULL, &f, x0, 2.0, 1, NULL), LSC_EFAULT);
  CU_ASSERT_EQUAL (lsc_cont_set (c, NULL, x0, 2.0, 1, NULL), LSC_EFAULT);
  CU_ASSERT_EQUAL (lsc_cont_set (c, &f, NULL, 2.0, 1, NULL), LSC_EFAULT);
  lsc_cont_function fnan = { 2, nan_fdf, NULL, NULL, NULL };
  CU_ASSERT_EQUAL (lsc_cont_set (c, &fnan, x0, 2.0, 1, NULL), LSC_ENONFINITE);
  /* Argument errors. */
  par.max_points = 100;
  par.shrink = 1.5;
  CU_ASSERT_EQUAL (lsc_cont_set (c, &f, x0, 2.0, 1, &par), LSC_EBADTOL);
  CU_ASSERT_EQUAL (lsc_cont_set (c, &f, x0, 2.0, 0, NULL), LSC_EINVAL);
  lsc_cont_function f3 = { 3, fold_fdf, NULL, NULL, NULL };
  CU_ASSERT_EQUAL (lsc_cont_set (c, &f3, x0, 2.0, 1, NULL), LSC_EBADLEN);
  lsc_cont_free (c);
  lsc_cont_free (NULL);
  CU_ASSERT (lsc_cont_alloc (0) == NULL);
}

/* g = x^2 - d^2 at (0, 0): [J | g_d] = 0, no tangent (LSC_ESING). */
static int
cross_fdf (double *g, double *J, const double *x, double d, void *params)
{
  (void) params;
  g[0] = x[0] * x[0] - d * d;
  if (J)
    J[0] = 2 * x[0];
  return 0;
}

static void
test_singular (void)
{
  lsc_cont *c = lsc_cont_alloc (1);
  lsc_cont_function f = { 1, cross_fdf, NULL, NULL, NULL };
  double x0 = 0;
  CU_ASSERT_EQUAL (lsc_cont_set (c, &f, &x0, 0.0, 1, NULL), LSC_ESING);
  lsc_cont_free (c);
}

/* A loss that cannot be computed beyond d = 3 (NaN): no point past it is
   ever reported, the run ends there as the edge of the domain (LSC_EDOM);
   issue 11's "loss nan, status ok" rows. */
static int
nan_loss (double *L, const double *x, double d, void *params)
{
  (void) params;
  *L = d > 3 ? NAN : x[0];
  return 0;
}

static int
finite_cb (const lsc_cont_point *pt, void *data)
{
  size_t *bad = data;
  if (!isfinite (pt->loss) || pt->d > 3 || pt->status != LSC_SUCCESS)
    (*bad)++;
  return 0;
}

static void
test_nan_loss_never_ok (void)
{
  lsc_cont *c = lsc_cont_alloc (2);
  double x0[2] = { 1, 0.5 };
  lsc_cont_function f = { 2, log_fdf, NULL, nan_loss, NULL };
  size_t bad = 0;
  CU_ASSERT_EQUAL (lsc_cont_set (c, &f, x0, 2.0, 1, NULL), 0);
  CU_ASSERT_EQUAL (lsc_cont_run (c, 10.0, finite_cb, &bad), LSC_EDOM);
  CU_ASSERT_EQUAL (bad, 0);
  CU_ASSERT (lsc_cont_current (c)->d > 3 - 1e-6);
  lsc_cont_free (c);
}

/* Two branches x = +-e (d - 1) ... crossing nowhere, but close: g = (x -
   a)(x - a - eps) with a = sin d; the corrector must not jump from the
   branch x = a to x = a + eps when the steps are long (hmax 2): the
   contraction and distance tests shorten them.  Closed form on the way. */
static int
twin_fdf (double *g, double *J, const double *x, double d, void *params)
{
  double eps = *(double *) params, a = sin (3 * d);
  g[0] = (x[0] - a) * (x[0] - a - eps);
  if (J)
    J[0] = 2 * x[0] - 2 * a - eps;
  return 0;
}

static int
twin_cb (const lsc_cont_point *pt, void *data)
{
  double *worst = data;
  *worst = fmax (*worst, fabs (pt->p[0] - sin (3 * pt->d)));
  return 0;
}

static void
test_no_branch_jump (void)
{
  double eps = 0.05, worst = 0, x0 = sin (3 * 0.0);
  lsc_cont *c = lsc_cont_alloc (1);
  lsc_cont_function f = { 1, twin_fdf, NULL, NULL, &eps };
  CU_ASSERT_EQUAL (lsc_cont_set (c, &f, &x0, 0.0, 1, NULL), 0);
  CU_ASSERT_EQUAL (lsc_cont_run (c, 6.0, twin_cb, &worst), LSC_SUCCESS);
  CU_ASSERT (worst < 1e-9);
  lsc_cont_free (c);
}

int
main (void)
{
  static const lsc_test_case cases[] = {
    { "fold located (analytic and difference dg/dd)", test_fold_located },
    { "fold passed, other branch reached", test_fold_passed },
    { "log-scale steps reach d = 1e7", test_log_scale },
    { "statuses: edom, stepunder, callback, emaxiter, args", test_statuses },
    { "no tangent at a crossing: esing", test_singular },
    { "a point whose loss is NaN is never reported", test_nan_loss_never_ok },
    { "no jump to a nearby branch", test_no_branch_jump },
    { NULL, NULL } };
  return lsc_test_run ("continuation", cases);
}
