/* Benchmark of the reduced (isotypic) Hessian spectrum: double path, MPFR
   at 128 and 256 bits, the accurate double mode, and the full LAPACK
   spectrum at small d, for Delta(S_{d-1} x S_1) and Delta(S_{d-5} x S_5). */
#define _POSIX_C_SOURCE 200809L
#include <config.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <math.h>
#include "landscape.h"
#include "bench.h"

/* Usage: bench-isotypic [--no-full].  Output: TSV, one row per (group, d,
   method): mean seconds per call and the largest relative difference of a
   distinct eigenvalue (rounded to double) from the 256-bit value (full:
   the largest difference from the reduced 256-bit multiset relative to
   the largest |eigenvalue|).  Runtime about a minute on one core (the full
   spectrum at d = 60 is a 3600 x 3600 eigensolve). */


static void
report (const char *reason, const char *file, int line, int status)
{
  fprintf (stderr, "bench-isotypic: %s:%d: %s (%s)\n", file, line, reason,
           lsc_status_token (status));
}

/* Point of Fix(G): type A values of landscape-families(5) for p = 1; for p = 5 the
   analogous pattern (bulk diagonal ~1, flipped block ~ -0.8, small
   couplings). */
static void
point (double *x, const lsc_young *G, int p)
{
  static const double typeA[5] = { 1.0030, -0.00366, 0.0932, 0.0637, -0.8100 };
  size_t np = lsc_young_nparams (G);
  for (size_t i = 0; i < np; i++)
    {
      lsc_param_info pi;
      lsc_young_param (&pi, G, i);
      if (p == 1)
        x[i] = typeA[i];
      else
        x[i] = pi.kind == LSC_PARAM_DIAG ? (pi.rb == 0 ? 1.004 : -0.82)
               : pi.kind == LSC_PARAM_OFFDIAG ? (pi.rb == 0 ? -0.008 : 0.08)
                                              : 0.07;
    }
}

static double
maxdiff (const lsc_iso_eigen *a, size_t na, const lsc_iso_eigen *ref,
         size_t nr)
{
  double e = 0;
  if (na != nr)
    return NAN;
  for (size_t i = 0; i < nr; i++)
    e = fmax (e, fabs (a[i].value - ref[i].value) / fabs (ref[i].value));
  return e;
}

static int
cmp (const void *a, const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

/* Full spectrum at integer d: Hessian assembly + values-only eigensolve;
   error against the reduced 256-bit multiset. */
static void
full (const lsc_young *G, const double *x, const lsc_iso_eigen *ref,
      size_t nr, int p)
{
  size_t d = (size_t) lsc_young_d (G), n = d * d;
  double *W = malloc (n * sizeof *W), *H = malloc (n * n * sizeof *H);
  double *ev = malloc (n * sizeof *ev), *red = malloc (n * sizeof *red);
  lsc_problem pr = { d, d, d, NULL, NULL, NULL };
  lsc_loss_workspace *lws = lsc_loss_workspace_alloc (d, d, d);
  lsc_eigen_workspace *ews = lsc_eigen_workspace_alloc (n, 0);
  lsc_young_embed (W, x, G);
  double t0 = now ();
  int rc = lsc_loss_hessian (H, W, &pr, lws);
  if (!rc)
    rc = lsc_eigen_symm (ev, NULL, H, n, ews);
  double t = now () - t0;
  size_t m = 0;
  double scale = 0, e = 0;
  for (size_t i = 0; i < nr; i++)
    {
      scale = fmax (scale, fabs (ref[i].value));
      for (long j = 0; j < lround (ref[i].mult) && m < n; j++)
        red[m++] = ref[i].value;
    }
  if (m == n && !rc)
    {
      qsort (red, n, sizeof *red, cmp);
      for (size_t i = 0; i < n; i++)
        e = fmax (e, fabs (red[i] - ev[i]));
    }
  printf ("S_%d\t%zu\tfull\t%.3g\t%.3g\n", p, d, t,
          (m == n && !rc) ? e / scale : NAN);
  lsc_loss_workspace_free (lws);
  lsc_eigen_workspace_free (ews);
  free (W); free (H); free (ev); free (red);
}

int
main (int argc, char **argv)
{
  int want_full = !(argc > 1 && strcmp (argv[1], "--no-full") == 0);
  lsc_set_error_handler (report);
  double ds[] = { 20, 40, 60, 1e3, 1e6 };
  printf ("group\td\tmethod\tseconds\tmaxerr_rel\n");
  for (int p = 1; p <= 5; p += 4)
    for (size_t k = 0; k < 5; k++)
      {
        double d = ds[k], sz[2] = { d - p, p }, x[64];
        lsc_young G;
        lsc_young_init_kd (&G, sz, 2);
        point (x, &G, p);
        size_t np = lsc_young_nparams (&G), nm = lsc_isotypic_max_mpfr (&G);
        lsc_iso_eigen ref[256], out[256];
        size_t nr = 0, no;
        mpfr_t dm, *pm = malloc (np * sizeof *pm), *v = malloc (nm * sizeof *v);
        mpfr_init2 (dm, 64);
        mpfr_set_d (dm, d, MPFR_RNDN);
        for (size_t i = 0; i < np; i++)
          {
            mpfr_init2 (pm[i], 53);
            mpfr_set_d (pm[i], x[i], MPFR_RNDN);
          }
        /* MPFR at 256 (reference) then 128 bits */
        for (int pass = 0; pass < 2; pass++)
          {
            mpfr_prec_t prec = pass ? 128 : 256;
            for (size_t i = 0; i < nm; i++)
              mpfr_init2 (v[i], prec);
            int reps = 0, rc = 0;
            double t0 = now (), t = 0;
            do
              {
                rc = lsc_isotypic_spectrum_mpfr (v, pass ? out : ref,
                                                 pass ? &no : &nr,
                                                 (const mpfr_t *) pm, &G, dm,
                                                 ldexp (1, -(int) prec / 2), 0);
                reps++;
              }
            while (!rc && (t = now () - t0) < 0.3);
            printf ("S_%d\t%.17g\tmpfr%ld\t%.3g\t%.3g\n", p, d, (long) prec,
                    rc ? NAN : t / reps, pass ? maxdiff (out, no, ref, nr) : 0.0);
            for (size_t i = 0; i < nm; i++)
              mpfr_clear (v[i]);
          }
        /* accurate double mode */
        {
          int reps = 0, rc;
          double t0 = now (), t = 0;
          do
            {
              rc = lsc_isotypic_spectrum_accurate (out, &no, x, &G, 1e-12, 0);
              reps++;
            }
          while (!rc && (t = now () - t0) < 0.3);
          printf ("S_%d\t%.17g\taccurate\t%.3g\t%.3g\n", p, d,
                  rc ? NAN : t / reps, maxdiff (out, no, ref, nr));
        }
        /* double path */
        {
          lsc_isotypic_workspace *ws = lsc_isotypic_alloc (&G);
          int reps = 0, rc;
          double t0 = now (), t = 0;
          do
            {
              rc = lsc_isotypic_spectrum (out, &no, x, &G, 1e-10, 0, ws);
              reps++;
            }
          while (!rc && (t = now () - t0) < 0.3);
          printf ("S_%d\t%.17g\tdouble\t%.3g\t%.3g\n", p, d,
                  rc ? NAN : t / reps, maxdiff (out, no, ref, nr));
          lsc_isotypic_free (ws);
        }
        if (d <= 60 && want_full)
          full (&G, x, ref, nr, p);
        fflush (stdout);
        for (size_t i = 0; i < np; i++)
          mpfr_clear (pm[i]);
        mpfr_clear (dm);
        free (pm);
        free (v);
      }
  return 0;
}
