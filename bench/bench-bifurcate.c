/* Benchmark of the bifurcation solvers: type A's d* to 100 digits, and the
   scan plus every bracket of every catalogue family to 30 digits (issue 5:
   each under 10 s).  Prints seconds (wall, monotonic clock). */
#define _POSIX_C_SOURCE 200809L
#include <config.h>
#include <stdio.h>
#include <stdlib.h>
#include "landscape.h"
#include "landscape/lsc_families.h"
#include "bench.h"

int
main (int argc, char **argv)
{
  char err[256];
  const char *path = argc > 1 ? argv[1] : LSC_SRCDIR "/data/families.tsv";
  lsc_catalogue *cat;
  if (lsc_catalogue_read_file (&cat, path, err, sizeof err))
    {
      fprintf (stderr, "bench-bifurcate: %s\n", err);
      return 1;
    }
  lsc_bif_options o;
  lsc_bif_options_init (&o);
  /* type A, 100 digits (scan included) */
  const lsc_family *A = lsc_catalogue_find (cat, "A");
  double t0 = now ();
  lsc_bif_bracket br[32];
  size_t nb;
  lsc_bif_scan (br, &nb, 32, &A->G, A->p, A->d, 2, 20);
  double tscan = now () - t0;
  lsc_bif_family fam;
  lsc_bif_restricted r;
  lsc_bif_restricted_init (&fam, &r, &A->G, br[0].irrep);
  mpfr_t ds;
  mpfr_init2 (ds, 1200);
  lsc_bif_result res;
  static const unsigned dlist[] = { 30, 100, 300 };
  for (size_t q = 0; q < sizeof dlist / sizeof dlist[0]; q++)
    {
      unsigned digits = dlist[q];
      o.digits = digits;
      double t1 = now ();
      int st = lsc_bif_crossing (ds, NULL, &res, &fam, br[0].d_lo, br[0].d_hi,
                                 br[0].p_lo, br[0].p_hi, &o);
      double t = now () - t1;
      mpfr_printf ("A %3u digits: %.3f s (scan %.3f s) status %d agreed %d "
                   "d* = %.20Rg...\n", digits, t, tscan, st, res.agreed, ds);
    }
  /* every family, scan + all brackets, 30 digits */
  o.digits = 30;
  t0 = now ();
  size_t nsolved = 0, nok = 0;
  for (size_t f = 0; f < cat->n; f++)
    {
      const lsc_family *F = &cat->fam[f];
      double tf = now ();
      if (lsc_bif_scan (br, &nb, 32, &F->G, F->p, F->d, 2, 100))
        continue;
      for (size_t b = 0; b < nb; b++)
        {
          lsc_bif_restricted_init (&fam, &r, &F->G, br[b].irrep);
          int st = br[b].fold
                       ? lsc_bif_fold (ds, NULL, &res, &fam, br[b].d_lo,
                                       br[b].p_lo, NULL, &o)
                       : lsc_bif_crossing (ds, NULL, &res, &fam, br[b].d_lo,
                                           br[b].d_hi, br[b].p_lo, br[b].p_hi,
                                           &o);
          nsolved++;
          nok += st == 0;
        }
      printf ("  %-12s %zu brackets %.3f s\n", F->name, nb, now () - tf);
    }
  printf ("all families, 30 digits: %.3f s (%zu brackets, %zu agreed)\n",
          now () - t0, nsolved, nok);
  mpfr_clear (ds);
  lsc_catalogue_free (cat);
  return 0;
}
