/* Benchmark of branch switching: for each catalogue family, the time to
   find and refine its crossings (lsc_branch_events), to analyse the
   candidate children (lsc_branch_analyse) and to follow every axial
   child's two halves to d = 20 without and with the integer-d full-Hessian
   checks; then the totals of a whole-catalogue run.  Seconds (wall,
   monotonic clock). */
#define _POSIX_C_SOURCE 200809L
#include <config.h>
#include <stdio.h>
#include <stdlib.h>
#include "landscape.h"
#include "bench.h"

int
main (int argc, char **argv)
{
  char err[256];
  const char *path = argc > 1 ? argv[1] : LSC_SRCDIR "/data/families.tsv";
  lsc_catalogue *cat;
  if (lsc_catalogue_read_file (&cat, path, err, sizeof err))
    {
      fprintf (stderr, "bench-branch: %s\n", err);
      return 1;
    }
  lsc_branch_workspace *w = lsc_branch_workspace_alloc (cat);
  lsc_branch_event *ev = malloc (32 * sizeof *ev);
  lsc_branch_child *ch = malloc (LSC_BRANCH_MAXCHILD * sizeof *ch);
  if (!w || !ev || !ch)
    return 1;
  printf ("family\tevents\taxial\tt_events\tt_analyse\tt_follow\t"
          "t_follow_checked\n");
  double T[4] = { 0, 0, 0, 0 };
  size_t NE = 0, NA = 0;
  for (size_t f = 0; f < cat->n; f++)
    {
      const lsc_family *F = &cat->fam[f];
      double t0 = now (), t[4] = { 0, 0, 0, 0 };
      size_t nev = 0, nax = 0;
      lsc_branch_events (ev, &nev, 32, &F->G, F->p, F->d, 2, 20);
      t[0] = now () - t0;
      for (size_t e = 0; e < nev; e++)
        {
          if (ev[e].status && ev[e].status != LSC_EPREC)
            continue;
          size_t nch;
          t0 = now ();
          if (lsc_branch_analyse (ch, &nch, LSC_BRANCH_MAXCHILD, &F->G,
                                  ev[e].pstar, ev[e].dstar, NULL))
            continue;
          t[1] += now () - t0;
          for (size_t c = 0; c < nch; c++)
            if (ch[c].axial)
              {
                lsc_branch_half h[2];
                lsc_branch_options o;
                lsc_branch_options_init (&o);
                nax++;
                for (int chk = 0; chk < 2; chk++)
                  {
                    o.integer_checks = chk;
                    t0 = now ();
                    lsc_branch_follow_child (h, &ch[c], (int) c, &F->G,
                                             ev[e].pstar, ev[e].dstar, w, &o,
                                             NULL, NULL);
                    t[2 + chk] += now () - t0;
                  }
              }
        }
      printf ("%s\t%zu\t%zu\t%.3f\t%.3f\t%.3f\t%.3f\n", F->name, nev, nax,
              t[0], t[1], t[2], t[3]);
      for (int i = 0; i < 4; i++)
        T[i] += t[i];
      NE += nev;
      NA += nax;
    }
  printf ("total\t%zu\t%zu\t%.3f\t%.3f\t%.3f\t%.3f\n", NE, NA, T[0], T[1],
          T[2], T[3]);
  free (ev);
  free (ch);
  lsc_branch_workspace_free (w);
  lsc_catalogue_free (cat);
  return 0;
}
