/* The symmetry-breaking events of a family: the crossings found along the
   branch by lsc_bif_scan, refined to d* by lsc_bif_crossing. */
#include <config.h>
#include <stdlib.h>
#include <string.h>
#include <math.h>
#include <mpfr.h>
#include "landscape/lsc_branch.h"
#include "landscape/lsc_bifurcation.h"
#include "internal.h"

#define MAXBR 32

int
lsc_branch_events (lsc_branch_event *ev, size_t *nev, size_t max,
                   const lsc_young *G, const double *p0, double d0,
                   double d_lo, double d_hi)
{
  if (!ev || !nev || !G || !p0)
    LSC_ERROR ("lsc_branch_events: NULL argument", LSC_EFAULT);
  *nev = 0;
  lsc_bif_bracket *br = malloc (MAXBR * sizeof *br);
  if (!br)
    LSC_ERROR ("lsc_branch_events: out of memory", LSC_ENOMEM);
  size_t nb = 0;
  int rc = lsc_bif_scan (br, &nb, MAXBR, G, p0, d0, fmin (d_lo, d0),
                         fmax (d_hi, d0));
  lsc_bif_options bo;
  lsc_bif_options_init (&bo);
  bo.digits = 20;
  mpfr_prec_t wp = lsc_bif_prec (&bo, 1);
  size_t np = lsc_young_nparams (G);
  mpfr_t ds, ps[LSC_FAMILY_MAXP];
  mpfr_init2 (ds, wp);
  for (size_t i = 0; i < np; i++)
    mpfr_init2 (ps[i], wp);
  for (size_t b = 0; !rc && b < nb && *nev < max; b++)
    {
      if (br[b].fold)
        continue;
      lsc_branch_event *e = &ev[*nev];
      memset (e, 0, sizeof *e);
      e->irrep = br[b].irrep;
      e->inner = (size_t) br[b].inner;
      e->index_lo = br[b].index_lo;
      e->index_hi = br[b].index_hi;
      lsc_bif_family fam;
      lsc_bif_restricted rr;
      lsc_bif_restricted_init (&fam, &rr, G, br[b].irrep);
      lsc_bif_result res;
      e->status = lsc_bif_crossing (ds, ps, &res, &fam, br[b].d_lo,
                                    br[b].d_hi, br[b].p_lo, br[b].p_hi, &bo);
      if (e->status == LSC_SUCCESS || e->status == LSC_EPREC)
        {
          e->dstar = mpfr_get_d (ds, MPFR_RNDN);
          for (size_t i = 0; i < np; i++)
            e->pstar[i] = mpfr_get_d (ps[i], MPFR_RNDN);
        }
      else
        e->dstar = NAN;
      (*nev)++;
    }
  mpfr_clear (ds);
  for (size_t i = 0; i < np; i++)
    mpfr_clear (ps[i]);
  free (br);
  return rc;
}
