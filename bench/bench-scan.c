/* bench-scan: time of landscape-scan's work in-process - every catalogue
   family at d = k = 20 (with and without the full-Hessian check), and over
   d ranges (linear 6:30:1, logarithmic 1e2..1e6 with 10 points per decade). */
#define _POSIX_C_SOURCE 200809L
#include <config.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "landscape.h"
#include "bench.h"


/* Scan every family with k = d at the nd dimensions d; returns seconds,
   counts the rows and failed rows. */
static double
scan_all (const lsc_catalogue *cat, const double *d, size_t nd, int full,
          size_t *nrows, size_t *nfail)
{
  lsc_scan_opts o;
  lsc_scan_opts_init (&o);
  o.full = full;
  lsc_scan_row *rows = calloc (nd, sizeof *rows);
  double *ds = malloc (nd * sizeof *ds);
  if (!rows || !ds)
    {
      fprintf (stderr, "bench-scan: out of memory\n");
      exit (3);
    }
  double t0 = now ();
  *nrows = *nfail = 0;
  for (size_t i = 0; i < cat->n; i++)
    {
      const lsc_family *f = &cat->fam[i];
      size_t m = 0;
      for (size_t j = 0; j < nd; j++)
        {
          double k;
          if (lsc_scan_family_exists (f, d[j], &k) && fabs (k - d[j]) < 1e-9)
            ds[m++] = d[j];
        }
      if (!m)
        continue;
      if (lsc_scan_family (rows, f, ds, m, &o) != 0)
        {
          fprintf (stderr, "bench-scan: out of memory\n");
          exit (3);
        }
      for (size_t j = 0; j < m; j++)
        *nfail += rows[j].status != 0
                  || (full && rows[j].full == LSC_SCAN_FULL_MISMATCH);
      *nrows += m;
      lsc_scan_rows_clear (rows, m);
    }
  double t = now () - t0;
  free (rows);
  free (ds);
  return t;
}

static int
cmp (const void *a, const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

int
main (int argc, char **argv)
{
  const char *path = argc > 1 ? argv[1] : getenv ("LANDSCAPE_FAMILIES");
  char err[512];
  lsc_catalogue *cat = NULL;
  if (!path)
    path = LSC_SRCDIR "/data/families.tsv";
  if (lsc_catalogue_read_file (&cat, path, err, sizeof err) != 0)
    {
      fprintf (stderr, "bench-scan: %s\n", err);
      return 2;
    }
  size_t nr, nf;
  double d20 = 20, t[7];
  for (int full = 0; full <= 1; full++)
    {
      for (int r = 0; r < 7; r++)
        t[r] = scan_all (cat, &d20, 1, full, &nr, &nf);
      qsort (t, 7, sizeof *t, cmp);
      printf ("d = k = 20%s: %zu families, %zu failed, median %.2f ms "
              "(min %.2f) of 7\n", full ? " --full" : "", nr, nf,
              1e3 * t[3], 1e3 * t[0]);
    }
  double lin[25], lg[41];
  for (int i = 0; i < 25; i++)
    lin[i] = 6 + i;
  for (int i = 0; i <= 40; i++)
    lg[i] = 100 * pow (10, i / 10.0);
  double tl = scan_all (cat, lin, 25, 0, &nr, &nf);
  printf ("d = 6:30:1: %zu rows, %zu failed, %.1f ms\n", nr, nf, 1e3 * tl);
  tl = scan_all (cat, lin, 25, 1, &nr, &nf);
  printf ("d = 6:30:1 --full: %zu rows, %zu failed, %.1f ms\n", nr, nf,
          1e3 * tl);
  tl = scan_all (cat, lg, 41, 0, &nr, &nf);
  printf ("d = 1e2:1e6:log10: %zu rows, %zu failed, %.1f ms\n", nr, nf,
          1e3 * tl);
  lsc_catalogue_free (cat);
  return 0;
}
