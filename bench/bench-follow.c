/* Benchmark: one restricted Newton solve (type A, d = 20) and a
   continuation of type A from d = 20 down to its end and up to d = 1e7. */
#define _POSIX_C_SOURCE 200809L
#include <config.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include "landscape.h"
#include "bench.h"


int
main (int argc, char **argv)
{
  const char *path = argc > 1 ? argv[1] : LSC_SRCDIR "/data/families.tsv";
  char err[256];
  lsc_catalogue *cat;
  if (lsc_catalogue_read_file (&cat, path, err, sizeof err))
    {
      fprintf (stderr, "bench-follow: %s\n", err);
      return 2;
    }
  const lsc_family *A = lsc_catalogue_find (cat, "A");
  /* Newton from the rounded catalogue values. */
  const double p0[5] = { 1.0030, -0.00366, 0.0932, 0.0637, -0.8100 };
  int reps = 2000;
  lsc_newton_result res;
  double t0 = now ();
  for (int i = 0; i < reps; i++)
    {
      double p[5];
      memcpy (p, p0, sizeof p);
      lsc_newton_restricted (p, &res, &A->G, NULL);
    }
  double tn = (now () - t0) / reps;
  printf ("newton type A d=20: %.3g us per solve (%zu iterations, "
          "residual %.2g)\n", 1e6 * tn, res.iter, res.residual);
  /* The whole domain of every family (lsc_family_follow, nd = 0: both
     ends from the reference point, up to d = 1e7). */
  for (size_t i = 0; i < cat->n; i++)
    {
      const lsc_family *F = &cat->fam[i];
      lsc_family_ws *w = lsc_family_ws_alloc (F->nparams);
      lsc_family_domain dom;
      int creps = 3;
      double t1 = now ();
      for (int r = 0; r < creps; r++)
        lsc_family_follow (NULL, NULL, &dom, F, NULL, 0, NULL, w);
      double tc = (now () - t1) / creps;
      printf ("domain %-12s [%.10g (%s), %.3g (%s)]: %.3g ms\n", F->name,
              dom.lo, lsc_family_end_name (dom.end_lo), dom.hi,
              lsc_family_end_name (dom.end_hi), 1e3 * tc);
      lsc_family_ws_free (w);
    }
  /* A grid of 361 d on 2:20:0.05 for type A in one call. */
  {
    double d[361], *P = malloc (361 * A->nparams * sizeof *P);
    int st[361];
    for (int i = 0; i < 361; i++)
      d[i] = 2 + 0.05 * i;
    lsc_family_ws *w = lsc_family_ws_alloc (A->nparams);
    double t2 = now ();
    lsc_family_follow (P, st, NULL, A, d, 361, NULL, w);
    printf ("type A at 361 d on 2:20:0.05: %.3g ms\n", 1e3 * (now () - t2));
    lsc_family_ws_free (w);
    free (P);
  }
  lsc_catalogue_free (cat);
  return 0;
}
