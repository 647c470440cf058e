/* Benchmark of lsc_certify: the proofs at d = 20 for every catalogue family
   (Krawczyk and Morse index, separately timed), the proved d* of type A,
   and range theorems for type A (subintervals per second and their
   widths) from d = 20 to 1e9 (Taylor models in d: widths of 1% of d at
   1e3, 0.25% at 1e6). */
#define _POSIX_C_SOURCE 200809L
#include <config.h>
#include <stdio.h>
#include <string.h>
#include "bench.h"
#include "landscape.h"
#include "landscape/lsc_families.h"
#include "landscape/lsc_certify.h"

static int
count (const lsc_cert_piece *pc, void *arg)
{
  size_t *n = arg;
  n[0]++;
  n[1] += pc->proved;
  return 0;
}

int
main (void)
{
  char err[512];
  lsc_catalogue *cat;
  if (lsc_catalogue_read_file (&cat, LSC_SRCDIR "/data/families.tsv", err,
                               sizeof err))
    {
      fprintf (stderr, "%s\n", err);
      return 1;
    }
  printf ("%-12s %8s %10s %10s %8s %4s %s\n", "family", "d", "krawczyk_s",
          "morse_s", "index", "flat", "proved");
  double ds[] = { 20, 1e4 };
  for (size_t k = 0; k < 2; k++)
    for (size_t f = 0; f < cat->n; f++)
      {
        const lsc_family *F = &cat->fam[f];
        lsc_cert_crit cr;
        lsc_cert_crit_init (&cr, F->nparams);
        arb_t d;
        arb_init (d);
        arb_set_d (d, ds[k]);
        /* the global minimum: its exact point W = V, no Krawczyk box */
        double t0 = now ();
        lsc_certify_target (&cr, &F->G, F->p);
        if (!cr.proved)
          {
            lsc_certify_follow (cr.box, &F->G, F->p, F->d, ds[k], NULL);
            t0 = now ();
            lsc_certify_critical (&cr, &F->G, cr.box, d, NULL);
          }
        double t1 = now ();
        lsc_cert_morse m;
        memset (&m, 0, sizeof m);
        if (cr.proved)
          lsc_certify_morse (&m, &F->G, cr.box, d, NULL);
        double t2 = now ();
        lsc_young G = F->G;
        lsc_young_set_d (&G, ds[k]);
        printf ("%-12s %8g %10.4f %10.4f %8g %4zu %d\n", F->name, ds[k],
                t1 - t0, t2 - t1,
                m.proved ? lsc_cert_morse_index (&m, G.rsize[0]) : -1,
                m.nzero[0], cr.proved && m.proved);
        arb_clear (d);
        lsc_cert_crit_clear (&cr);
      }
  const lsc_family *A = lsc_catalogue_find (cat, "A");
  lsc_cert_dstar r;
  lsc_cert_dstar_init (&r);
  double t0 = now ();
  lsc_certify_dstar (&r, &A->G, A->p, A->d, A->dstar_text, NULL);
  printf ("d* of A (width 1e-31): %.3f s, proved %d\n", now () - t0, r.proved);
  lsc_cert_dstar_clear (&r);
  /* crossings of multiplicity p - 1 (the standard representation of the
     small block's S_p), proved in the S_{p-1}-fixed compression */
  const char *multi[] = { "Y3e1_af-2", "Y4e1_af", "Y7e1_af" };
  for (size_t k = 0; k < sizeof multi / sizeof *multi; k++)
    {
      const lsc_family *M = lsc_catalogue_find (cat, multi[k]);
      if (!M)
        continue;
      lsc_cert_dstar_init (&r);
      t0 = now ();
      lsc_certify_dstar (&r, &M->G, M->p, M->d, M->dstar_text, NULL);
      printf ("d* of %s (width 1e-31, multiplicity %zu): %.3f s, proved %d\n",
              M->name, r.multiplicity, now () - t0, r.proved);
      lsc_cert_dstar_clear (&r);
    }
  double ranges[][2] = { { 20, 21 }, { 1e3, 1.1e3 }, { 1e4, 1.05e4 },
                         { 1e6, 1.02e6 }, { 1e8, 1.02e8 },
                         { 1e9, 1.02e9 } };
  for (size_t k = 0; k < sizeof ranges / sizeof *ranges; k++)
    {
      size_t n[2] = { 0, 0 };
      int proved;
      t0 = now ();
      lsc_certify_range (&proved, &A->G, A->p, A->d, ranges[k][0],
                         ranges[k][1], LSC_CERT_MINIMUM, count, n, NULL);
      double s = now () - t0;
      printf ("range A [%g, %g]: %zu subintervals (%zu proved) in %.2f s, "
              "%.1f per second, proved %d\n", ranges[k][0], ranges[k][1],
              n[0], n[1], s, (double) n[0] / s, proved);
    }
  lsc_catalogue_free (cat);
  return 0;
}
