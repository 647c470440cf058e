/* Benchmark of the spectrum module: dsyevd solves (values, values+vectors) and the loss Hessian eigensolve. */
#define _POSIX_C_SOURCE 200809L
#include <config.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <float.h>
#include <math.h>
#include <gsl/gsl_rng.h>
#include <gsl/gsl_randist.h>
#include "landscape/lsc_errno.h"
#include "landscape/lsc_loss.h"
#include "landscape/lsc_spectrum.h"
#include "bench.h"

/* Usage: bench-spectrum [NMAX]   (default 10000; sizes above NMAX are
   skipped, e.g. "bench-spectrum 3600" for a run of a few seconds).
   Output: one TSV row per measurement.  Runtime at the default is a few
   minutes on two cores, dominated by the n = 10000 solves (run once). */


static void
report (const char *reason, const char *file, int line, int status)
{
  fprintf (stderr, "bench-spectrum: %s:%d: %s (%s)\n", file, line, reason,
           lsc_status_token (status));
}

/* Mean time of reps solves of the GOE-like matrix A0 (A is scratch). */
static int
time_solve (double *sec, double *A, const double *A0, size_t n, int vectors,
            int reps)
{
  lsc_eigen_workspace *ws = lsc_eigen_workspace_alloc (n, vectors);
  double *ev = malloc (n * sizeof *ev);
  int rc = (ws && ev) ? LSC_SUCCESS : LSC_ENOMEM;
  double total = 0.0;
  for (int r = 0; r < reps && rc == LSC_SUCCESS; r++)
    {
      memcpy (A, A0, n * n * sizeof *A);
      double t0 = now ();
      rc = lsc_eigen_symm (ev, vectors ? A : NULL, A, n, ws);
      total += now () - t0;
    }
  *sec = total / reps;
  free (ev);
  lsc_eigen_workspace_free (ws);
  return rc;
}

/* Hessian of the loss at W = I (k = d, V = I): assembly time, values-only
   eigensolve time, and the grouped spectrum (the W = I closed forms of lsc_isotypic(3) predict six
   distinct eigenvalues with multiplicities d(d-1)/2, d(d-3)/2, d-1, d-1,
   1, 1), printed as a check that the pieces fit together. */
static int
bench_hessian (size_t d)
{
  size_t n = d * d;
  if (n > 20000)
    {
      printf ("hessian\t%zu\t%zu\tskipped: H would take %.1f GB\n", d, n,
              (double) n * (double) n * 8e-9);
      return LSC_SUCCESS;
    }
  double *W = calloc (n, sizeof *W), *H = malloc (n * n * sizeof *H);
  double *ev = malloc (n * sizeof *ev);
  lsc_eigen_cluster *g = malloc (n * sizeof *g);
  lsc_loss_workspace *lw = lsc_loss_workspace_alloc (d, d, d);
  lsc_eigen_workspace *ws = lsc_eigen_workspace_alloc (n, 0);
  lsc_problem p = { d, d, d, NULL, NULL, NULL };
  int rc = (W && H && ev && g && lw && ws) ? LSC_SUCCESS : LSC_ENOMEM;
  double ta = 0.0, te = 0.0;
  int reps = d <= 20 ? 20 : d <= 60 ? 3 : 1;
  for (size_t i = 0; i < d; i++)
    W[i * d + i] = 1.0;
  for (int r = 0; r < reps && rc == LSC_SUCCESS; r++)
    {
      double t0 = now ();
      rc = lsc_loss_hessian (H, W, &p, lw);
      double t1 = now ();
      if (rc == LSC_SUCCESS)
        rc = lsc_eigen_symm (ev, NULL, H, n, ws);
      ta += t1 - t0;
      te += now () - t1;
    }
  size_t ng = 0;
  lsc_inertia in = { 0, 0, 0 };
  if (rc == LSC_SUCCESS)
    rc = lsc_eigen_group (g, &ng, ev, n, 1e3 * (double) n * DBL_EPSILON,
                          0.0);
  if (rc == LSC_SUCCESS)
    rc = lsc_inertia_count (&in, ev, n, 1e3 * (double) n * DBL_EPSILON
                            * fmax (fabs (ev[0]), fabs (ev[n - 1])));
  if (rc == LSC_SUCCESS)
    {
      printf ("hessian\t%zu\t%zu\tassembly %.4g s\teigvals %.4g s\t"
              "total %.4g s\tinertia %zu/%zu/%zu\tgroups", d, n, ta / reps,
              te / reps, (ta + te) / reps, in.neg, in.zero, in.pos);
      for (size_t i = 0; i < ng; i++)
        printf (" %.12g(x%zu, spread %.1e)", g[i].value, g[i].mult,
                g[i].spread);
      printf ("\n");
    }
  lsc_eigen_workspace_free (ws);
  lsc_loss_workspace_free (lw);
  free (W), free (H), free (ev), free (g);
  return rc;
}

int
main (int argc, char **argv)
{
  size_t nmax = argc > 1 ? (size_t) strtoul (argv[1], NULL, 10) : 10000;
  static const size_t sizes[] = { 400, 1600, 3600, 10000 };
  const char *thr = getenv ("OPENBLAS_NUM_THREADS");
  lsc_set_error_handler (report);
  printf ("# bench-spectrum: values only via dsyevd (dsyevd_2stage from "
          "n = 2000), vectors via dsyevd; OPENBLAS_NUM_THREADS=%s\n",
          thr ? thr : "(unset)");
  printf ("# kind\tn\tvalues s/solve\tvectors s/solve\treps\n");
  fflush (stdout);

  gsl_rng *r = gsl_rng_alloc (gsl_rng_mt19937);
  gsl_rng_set (r, 1);
  int rc = LSC_SUCCESS;
  for (size_t s = 0; s < sizeof sizes / sizeof sizes[0]; s++)
    {
      size_t n = sizes[s];
      if (n > nmax)
        continue;
      int reps = n <= 400 ? 10 : n <= 1600 ? 3 : 1;
      double *A0 = malloc (n * n * sizeof *A0), *A = malloc (n * n * sizeof *A);
      if (!A0 || !A)
        {
          free (A0), free (A);
          fprintf (stderr, "bench-spectrum: out of memory at n = %zu\n", n);
          rc = LSC_ENOMEM;
          break;
        }
      /* A GOE matrix: Gaussian, symmetrised (a spectrum without
         structure, the typical cost). */
      for (size_t i = 0; i < n; i++)
        for (size_t j = 0; j <= i; j++)
          A0[i * n + j] = A0[j * n + i] = gsl_ran_gaussian (r, 1.0);
      double tv = 0.0, tw = 0.0;
      rc = time_solve (&tv, A, A0, n, 0, reps);
      if (rc == LSC_SUCCESS)
        rc = time_solve (&tw, A, A0, n, 1, reps);
      if (rc == LSC_SUCCESS)
        printf ("random\t%zu\t%.4g\t%.4g\t%d\n", n, tv, tw, reps);
      fflush (stdout);
      free (A0), free (A);
      if (rc != LSC_SUCCESS)
        break;
    }
  gsl_rng_free (r);

  printf ("# Hessian at W = I (k = d): assembly, eigenvalues, grouped "
          "spectrum\n");
  static const size_t dims[] = { 20, 60, 100, 200 };
  for (size_t s = 0; rc == LSC_SUCCESS && s < 4; s++)
    if (dims[s] * dims[s] <= nmax || dims[s] * dims[s] > 20000)
      {
        rc = bench_hessian (dims[s]);
        fflush (stdout);
      }
  return rc == LSC_SUCCESS ? 0 : 1;
}
