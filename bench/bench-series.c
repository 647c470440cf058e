/* Benchmark of the large-d module: per catalogue family, the ladder to
   d = 1e6, the point and the two-precision spectrum at d = 1e8, 1e12,
   1e20 and 1e30 (CPU seconds, the type and the exact index), the
   expansion of type A's loss (6 terms, both routes), and the limits
   expansion of three families whose close pair is fitted as a pair. */
#define _POSIX_C_SOURCE 200809L
#include <config.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "landscape.h"
#include "bench.h"

/* Usage: bench-series [CATALOGUE].  Output: TSV, one row per (family, d)
   with the seconds of the point and of the spectrum (the ladder's
   seconds on the d = 1e8 row), the type, the index and the error bound;
   then type A's loss expansion time and the digits of its coefficients.
   Runtime about a minute on one core (B5 and B6 dominate: the MPFR
   isotypic spectrum singles out the indices of their small blocks). */

static double
cpu (void)
{
  struct timespec t;
  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &t);
  return (double) t.tv_sec + 1e-9 * (double) t.tv_nsec;
}

int
main (int argc, char **argv)
{
  const char *path = argc > 1 ? argv[1] : LSC_SRCDIR "/data/families.tsv";
  char err[256];
  lsc_catalogue *cat = NULL;
  if (lsc_catalogue_read_file (&cat, path, err, sizeof err))
    {
      fprintf (stderr, "bench-series: %s\n", err);
      return 2;
    }
  static const char *ds[] = { "1e8", "1e12", "1e20", "1e30" };
  printf ("family\td\tladder_s\tpoint_s\tspectrum_s\ttype\tindex\terr\n");
  for (size_t k = 0; k < cat->n; k++)
    {
      const lsc_family *f = &cat->fam[k];
      double t0 = cpu (), wall = now ();
      int st;
      lsc_series_path *P = lsc_series_path_alloc (f, &st);
      double tl = cpu () - t0;
      (void) wall;
      if (!P)
        {
          printf ("%s\t-\t%.3f\t\t\tfailed:%s\t\t\n", f->name, tl,
                  lsc_status_token (st));
          continue;
        }
      for (size_t j = 0; j < 4; j++)
        {
          mpfr_t d, p[LSC_FAMILY_MAXP];
          mpfr_init2 (d, 256);
          mpfr_set_str (d, ds[j], 10, MPFR_RNDN);
          mpfr_prec_t prec = 128 + 3 * (mpfr_prec_t) mpfr_get_exp (d);
          for (size_t i = 0; i < f->nparams; i++)
            mpfr_init2 (p[i], prec);
          double t1 = cpu ();
          int rc = lsc_series_path_point (p, P, d);
          double t2 = cpu ();
          lsc_series_spectrum *s = lsc_series_spectrum_alloc (&f->G, prec);
          if (!rc)
            rc = lsc_series_spectrum_compute (
                s, (const mpfr_t *) p, &f->G, d,
                strcmp (f->kind, "global-minimum") == 0);
          double t3 = cpu ();
          char ib[128] = "";
          if (!rc)
            lsc_series_poly_eval_str (ib, sizeof ib, &s->index, d);
          printf ("%s\t%s\t%.3f\t%.3f\t%.3f\t%s\t%s\t%.3g\n", f->name, ds[j],
                  j == 0 ? tl : 0.0, t2 - t1, t3 - t2,
                  rc ? lsc_status_token (rc) : s->type, ib,
                  rc ? NAN : s->err);
          lsc_series_spectrum_free (s);
          for (size_t i = 0; i < f->nparams; i++)
            mpfr_clear (p[i]);
          mpfr_clear (d);
        }
      lsc_series_path_free (P);
    }
  const lsc_family *A = lsc_catalogue_find (cat, "A");
  if (A)
    {
      lsc_series_opts o;
      lsc_series_opts_init (&o);
      o.spectrum = 0;
      lsc_series_expansion *e = NULL;
      double t0 = cpu ();
      int rc = lsc_series_expand (&e, A, &o);
      double t1 = cpu ();
      printf ("\nexpansion\tseconds\tloss_digits\n");
      printf ("A (no spectrum)\t%.3f\t", t1 - t0);
      for (size_t j = 0; !rc && j < e->q[e->nparams].n; j++)
        printf ("%s%d", j ? "," : "", e->q[e->nparams].digits[j]);
      printf ("\n");
      lsc_series_expansion_free (e);
    }
  /* The spectral-concentration expansion (lsc_series_opts_limits) of
     the families whose close standard pair nearly crosses in the
     windows: seconds, and the pair (named by its partner field) with
     the verified digits of its two limits. */
  printf ("\nlimits expansion\tseconds\tpair\tdigits\n");
  static const char *near[] = { "Y7e1_fa", "Y8e1_fa", "Y10e1_af" };
  for (size_t k = 0; k < sizeof near / sizeof near[0]; k++)
    {
      const lsc_family *f = lsc_catalogue_find (cat, near[k]);
      if (!f)
        continue;
      lsc_series_opts o;
      lsc_series_opts_limits (&o);
      lsc_series_expansion *e = NULL;
      double t0 = cpu ();
      int rc = lsc_series_expand (&e, f, &o);
      double t1 = cpu ();
      printf ("%s\t%.3f\t", f->name, t1 - t0);
      for (size_t q = 0; !rc && q < e->nq; q++)
        if (e->q[q].partner[0])
          printf ("%s:%d ", e->q[q].name, e->q[q].digits[0]);
      printf ("%s\n", rc ? lsc_status_token (rc) : "");
      lsc_series_expansion_free (e);
    }
  lsc_catalogue_free (cat);
  return 0;
}
