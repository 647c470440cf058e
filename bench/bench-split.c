/* bench-split: time of the splitting table (lsc_overparam_split_table) for
   type A at d = 20 and d = 1e6, and of the split curvature
   (lsc_overparam_curvature) of one neuron at k = d = 20, 50, 100. */
#define _POSIX_C_SOURCE 200809L
#include <config.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include "landscape.h"

static double
now (void)
{
  struct timespec t;
  clock_gettime (CLOCK_MONOTONIC, &t);
  return t.tv_sec + 1e-9 * t.tv_nsec;
}

int
main (void)
{
  char err[256];
  lsc_catalogue *cat = NULL;
  if (lsc_catalogue_read_file (&cat, LSC_SRCDIR "/data/families.tsv", err,
                               sizeof err))
    {
      fprintf (stderr, "bench-split: %s\n", err);
      return 2;
    }
  const lsc_family *A = lsc_catalogue_find (cat, "A");
  lsc_overparam_split_row rows[LSC_OVERPARAM_SPLIT_MAXROWS (2)];
  size_t n;
  const double ds[2] = { 20, 1e6 };
  for (int i = 0; i < 2; i++)
    {
      double t0 = now ();
      int st = lsc_overparam_split_table (rows, &n, A, ds[i], ds[i] <= 200);
      printf ("split table A d=%g: %zu rows, status %d, %.3f s\n", ds[i], n,
              st, now () - t0);
    }
  const size_t dd[3] = { 20, 50, 100 };
  for (int i = 0; i < 3; i++)
    {
      size_t d = dd[i];
      lsc_young G = A->G;
      double p[LSC_FAMILY_MAXP];
      lsc_family_ws *w = lsc_family_ws_alloc (A->nparams);
      if (lsc_young_set_d (&G, (double) d) || lsc_family_at (p, A, (double) d, w))
        return 1;
      lsc_family_ws_free (w);
      double *W = malloc (d * d * sizeof *W), *ev = malloc (d * sizeof *ev);
      lsc_young_embed (W, p, &G);
      lsc_problem pr = { d, d, d, NULL, NULL, NULL };
      double t0 = now ();
      int reps = 20;
      for (int r = 0; r < reps; r++)
        lsc_overparam_curvature (ev, W, &pr, 0);
      printf ("curvature k=d=%zu: %.3f ms per neuron\n", d,
              1e3 * (now () - t0) / reps);
      free (W);
      free (ev);
    }
  lsc_catalogue_free (cat);
  return 0;
}
