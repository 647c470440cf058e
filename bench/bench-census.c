/* Benchmark: one gradient-descent and one L-BFGS run at k = d = 20 and 60
   (wall time, gradient evaluations); the classification routes of an
   L-BFGS end point (symmetric: fixed-space Newton and isotypic or orbit
   spectrum; dense: Newton with the kd x kd Hessian and its
   eigendecomposition, up to k = 40) at k = d = 30, 60, 100; and the census
   k = d = 20, N = 200 with 1 and 2 threads (identical results checked).
   Run with OPENBLAS_NUM_THREADS=1. */
#define _POSIX_C_SOURCE 200809L
#include <config.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <math.h>
#ifdef _OPENMP
#include <omp.h>
#endif
#include "landscape.h"
#include "bench.h"


/* One descent (no polish) from the stream (1, 0). */
static void
one_descent (size_t k, lsc_descent_method m)
{
  lsc_problem p = { k, k, k, NULL, NULL, NULL };
  lsc_descent_params par;
  lsc_descent_params_init (&par);
  par.method = m;
  lsc_descent_workspace *ws = lsc_descent_alloc (k, k, k, 10, 0);
  double *W = malloc (k * k * sizeof *W);
  gsl_rng *r = gsl_rng_alloc (gsl_rng_mt19937);
  gsl_rng_set (r, lsc_descent_stream_seed (1, 0));
  lsc_descent_xavier (W, k, k, r);
  lsc_descent_result res;
  double t0 = now ();
  int st = lsc_descent_run (W, &res, &p, &par, ws);
  double t = now () - t0;
  printf ("%-6s k = d = %3zu: %8.3f s  %7zu iterations  %7zu gradients  "
          "%.3g us/gradient  loss %.10g  |g| %.2g  %s\n",
          m == LSC_DESCENT_GD ? "gd" : "lbfgs", k, t, res.iter, res.nfev,
          1e6 * t / res.nfev, res.loss, res.gnorm, lsc_status_token (st));
  free (W);
  gsl_rng_free (r);
  lsc_descent_free (ws);
}

/* The end point of L-BFGS run 'run' (stream seed 1) at k = d, then the
   symmetric route and (k <= 40) the dense one from it: wall times, the
   isotropy, and the largest eigenvalue difference between the routes. */
static void
routes (size_t k, size_t run)
{
  size_t n = k * k;
  lsc_problem p = { k, k, k, NULL, NULL, NULL };
  lsc_descent_params par;
  lsc_descent_params_init (&par);
  lsc_descent_workspace *ws = lsc_descent_alloc (k, k, k, 10, k <= 40);
  double *W = malloc (n * sizeof *W), *W2 = malloc (n * sizeof *W2);
  double *e1 = malloc (n * sizeof *e1), *e2 = malloc (n * sizeof *e2);
  gsl_rng *r = gsl_rng_alloc (gsl_rng_mt19937);
  gsl_rng_set (r, lsc_descent_stream_seed (1, run));
  lsc_descent_xavier (W, k, k, r);
  lsc_descent_run (W, NULL, &p, &par, ws);
  memcpy (W2, W, n * sizeof *W);
  lsc_descent_result res;
  double t0 = now ();
  int st = lsc_descent_polish_symmetric (W, e1, &res, &p, &par, 1e-6, ws);
  double ts = now () - t0, td = NAN, dev = NAN;
  if (k <= 40)
    {
      t0 = now ();
      if (!lsc_descent_newton (W2, NULL, &p, &par, ws)
          && !lsc_descent_hessian_eigen (e2, W2, &p, ws))
        {
          td = now () - t0;
          dev = 0;
          for (size_t i = 0; i < n; i++)
            dev = fmax (dev, fabs (e1[i] - e2[i]));
        }
    }
  char iso[160] = "";
  lsc_detect_workspace *dw = lsc_detect_alloc (k, k);
  lsc_young G;
  if (dw && !lsc_detect (&G, NULL, NULL, NULL, NULL, W, k, k, 1e-6, dw))
    lsc_isotropy_format (iso, sizeof iso, &G);
  lsc_detect_free (dw);
  printf ("routes k = d = %3zu run %zu (%s): symmetric %.4f s (%s, "
          "|grad| %.2g), dense %.4f s, max eigenvalue difference %.2g\n",
          k, run, iso, ts, lsc_status_token (st), res.gnorm, td, dev);
  free (W);
  free (W2);
  free (e1);
  free (e2);
  gsl_rng_free (r);
  lsc_descent_free (ws);
}

/* The census k = d = 20, N runs with T threads; returns wall seconds. */
static double
census (lsc_census_run *runs, size_t N, int T, const lsc_classifier *cl)
{
  lsc_problem p = { 20, 20, 20, NULL, NULL, NULL };
  lsc_descent_params par;
  lsc_descent_params_init (&par);
#ifdef _OPENMP
  omp_set_num_threads (T);
#else
  (void) T;
#endif
  double t0 = now ();
#pragma omp parallel
  {
    lsc_census_workspace *w = lsc_census_alloc (20, 20, 20, &par);
#pragma omp for schedule(dynamic, 1)
    for (long i = 0; i < (long) N; i++)
      lsc_census_do_run (&runs[i], 1, (size_t) i, &p, &par, cl, w);
    lsc_census_free (w);
  }
  return now () - t0;
}

int
main (int argc, char **argv)
{
  const char *path = argc > 1 ? argv[1] : LSC_SRCDIR "/data/families.tsv";
  char err[256];
  lsc_catalogue *cat;
  if (lsc_catalogue_read_file (&cat, path, err, sizeof err))
    {
      fprintf (stderr, "bench-census: %s\n", err);
      return 2;
    }
  one_descent (20, LSC_DESCENT_GD);
  one_descent (60, LSC_DESCENT_GD);
  one_descent (20, LSC_DESCENT_LBFGS);
  one_descent (60, LSC_DESCENT_LBFGS);
  routes (30, 0);   /* one large block: isotypic reduction */
  routes (30, 6);   /* Delta(S_16 x S_14): orbit compression */
  routes (60, 0);
  routes (100, 0);
  routes (100, 1);

  size_t N = 200;
  lsc_classifier *cl = lsc_classifier_alloc (cat, 20, 20, NULL);
  lsc_census_run *r1 = calloc (N, sizeof *r1), *r2 = calloc (N, sizeof *r2);
  double t1 = census (r1, N, 1, cl);
  double t2 = census (r2, N, 2, cl);
  size_t same = 0, ok = 0, spur = 0, glob = 0;
  double tpol = 0;
  for (size_t i = 0; i < N; i++)
    {
      r1[i].time = r2[i].time = 0;
      same += memcmp (&r1[i], &r2[i], sizeof r1[i]) == 0;
      ok += r1[i].status == 0;
      glob += r1[i].kind == LSC_CLASS_GLOBAL;
      spur += r1[i].kind > LSC_CLASS_GLOBAL && r1[i].index == 0;
      tpol += r1[i].nfev;
    }
  printf ("census k = d = 20, N = %zu: 1 thread %.2f s, 2 threads %.2f s "
          "(speed-up %.2f); %zu/%zu runs identical, %zu ok, %zu global, "
          "%zu spurious minima (fraction %.3f), %.0f gradients/run\n", N, t1,
          t2, t1 / t2, same, N, ok, glob, spur, (double) spur / N, tpol / N);
  free (r1);
  free (r2);
  lsc_classifier_free (cl);
  lsc_catalogue_free (cat);
  return same == N ? 0 : 1;
}
