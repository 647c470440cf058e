/* Benchmark of the MPFR layer: loss, gradient and Hessian at 128/256 bits. */
#define _POSIX_C_SOURCE 200809L
#include <config.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <math.h>
#include <gsl/gsl_rng.h>
#include "landscape/lsc_errno.h"
#include "landscape/lsc_loss.h"
#include "bench.h"

/* Usage: bench-mpfr [--hessian]
   Output: one TSV row per measurement (k = d = m, V = I, W = I + 1e-3
   noise, mt19937 seed 2013): d, bits, what, seconds per call, and the
   double-precision time of the same call for comparison.  With --hessian
   the MPFR Hessian at d = 100 is timed too (about a minute). */


static void
report (const char *reason, const char *file, int line, int status)
{
  fprintf (stderr, "bench-mpfr: %s:%d: %s (%s)\n", file, line, reason,
           lsc_status_token (status));
}

enum { LOSS, GRAD, LOSSGRAD, HESS };
static const char *const what_name[] = { "loss", "grad", "loss+grad",
                                         "hessian" };

/* Seconds per call of one MPFR evaluation (repeated to >= 0.2 s). */
static double
time_mpfr (int what, size_t d, mpfr_prec_t prec, const double *W)
{
  size_t kd = d * d, nout = what == HESS ? kd * kd : kd;
  lsc_problem_mpfr p = { d, d, d, NULL, NULL, NULL };
  mpfr_t *Wm = malloc (kd * sizeof *Wm), *out = malloc (nout * sizeof *out);
  mpfr_t L;
  mpfr_init2 (L, prec);
  for (size_t i = 0; i < kd; i++)
    mpfr_init_set_d (Wm[i], W[i], MPFR_RNDN);
  for (size_t i = 0; i < nout; i++)
    mpfr_init2 (out[i], prec);
  const mpfr_t *cW = (const mpfr_t *) Wm;
  int reps = 0, rc = 0;
  double t0 = now (), t;
  do
    {
      switch (what)
        {
        case LOSS: rc = lsc_loss_mpfr (L, cW, &p); break;
        case GRAD: rc = lsc_loss_grad_mpfr (NULL, out, cW, &p); break;
        case LOSSGRAD: rc = lsc_loss_grad_mpfr (L, out, cW, &p); break;
        default: rc = lsc_loss_hessian_mpfr (out, cW, &p); break;
        }
      reps++;
      t = now () - t0;
    }
  while (rc == LSC_SUCCESS && t < 0.2);
  for (size_t i = 0; i < kd; i++)
    mpfr_clear (Wm[i]);
  for (size_t i = 0; i < nout; i++)
    mpfr_clear (out[i]);
  mpfr_clear (L);
  free (Wm);
  free (out);
  return rc == LSC_SUCCESS ? t / reps : NAN;
}

/* The same for the double library. */
static double
time_double (int what, size_t d, const double *W)
{
  size_t kd = d * d;
  lsc_problem p = { d, d, d, NULL, NULL, NULL };
  lsc_loss_workspace *ws = lsc_loss_workspace_alloc (d, d, d);
  double L, *out = malloc ((what == HESS ? kd * kd : kd) * sizeof *out);
  int reps = 0, rc = ws && out ? 0 : LSC_ENOMEM;
  double t0 = now (), t = 0;
  while (rc == LSC_SUCCESS && t < 0.2)
    {
      switch (what)
        {
        case LOSS: rc = lsc_loss (&L, W, &p, ws); break;
        case GRAD: rc = lsc_loss_grad (NULL, out, W, &p, ws); break;
        case LOSSGRAD: rc = lsc_loss_grad (&L, out, W, &p, ws); break;
        default: rc = lsc_loss_hessian (out, W, &p, ws); break;
        }
      reps++;
      t = now () - t0;
    }
  free (out);
  lsc_loss_workspace_free (ws);
  return rc == LSC_SUCCESS ? t / reps : NAN;
}

int
main (int argc, char **argv)
{
  int hess100 = argc > 1 && strcmp (argv[1], "--hessian") == 0;
  lsc_set_error_handler (report);
  static const size_t dims[] = { 20, 100 };
  static const mpfr_prec_t precs[] = { 128, 256 };
  printf ("d\tbits\twhat\tseconds\tdouble_seconds\n");
  for (int a = 0; a < 2; a++)
    {
      size_t d = dims[a];
      double *W = malloc (d * d * sizeof *W);
      gsl_rng *r = gsl_rng_alloc (gsl_rng_mt19937);
      gsl_rng_set (r, 2013);
      for (size_t i = 0; i < d * d; i++)
        W[i] = (i % (d + 1) == 0) + 1e-3 * (2 * gsl_rng_uniform (r) - 1);
      gsl_rng_free (r);
      for (int b = 0; b < 2; b++)
        for (int what = LOSS; what <= HESS; what++)
          {
            if (what == HESS && d > 20 && !hess100)
              continue;
            double tm = time_mpfr (what, d, precs[b], W);
            double td = time_double (what, d, W);
            printf ("%zu\t%ld\t%s\t%.3e\t%.3e\n", d, (long) precs[b],
                    what_name[what], tm, td);
            fflush (stdout);
          }
      free (W);
    }
  mpfr_free_cache ();
  return 0;
}
