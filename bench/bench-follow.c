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
  /* Newton from the rounded MATH.md values. */
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
  lsc_cont_function f;
  lsc_cont_restricted r;
  lsc_cont_restricted_init (&f, &r, &A->G);
  lsc_cont *c = lsc_cont_alloc (f.n);
  int creps = 20;
  int sd = 0, su = 0;
  double dend = 0, t1 = now ();
  for (int i = 0; i < creps; i++)
    {
      lsc_cont_set (c, &f, A->p, 20, -1, NULL);
      sd = lsc_cont_run (c, 1.5, NULL, NULL);
      dend = lsc_cont_current (c)->d;
      /* From the end of the branch up to 1e7. */
      double p[5];
      memcpy (p, lsc_cont_current (c)->p, sizeof p);
      lsc_cont_set (c, &f, p, dend, 1, NULL);
      su = lsc_cont_run (c, 1e7, NULL, NULL);
    }
  double tc = (now () - t1) / creps;
  printf ("continuation type A d=%.6g .. 1e7 (down: %s, up: %s): %.3g ms\n",
          dend, lsc_status_token (sd), lsc_status_token (su), 1e3 * tc);
  lsc_cont_free (c);
  lsc_catalogue_free (cat);
  return 0;
}
