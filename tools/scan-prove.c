/* landscape-scan --prove: the "proved" column of the summary, a ball
   arithmetic proof (lsc_certify) of the row's critical point and its
   Morse index at that d. */
#include <config.h>
#include <math.h>
#include <string.h>
#include "landscape.h"
#include "landscape/lsc_certify.h"
#include "landscape/lsc_scan.h"
#include "scan-out.h"

int scan_prove = 0;

const char *
scan_prove_row (const lsc_scan_row *r)
{
  if (r->status != 0 || strcmp (r->fam->kind, "global-minimum") == 0)
    return "not-proved";
  lsc_young G = r->fam->G;
  if (lsc_young_set_d (&G, r->d))
    return "not-proved";
  lsc_cert_crit cr;
  if (lsc_cert_crit_init (&cr, r->np))
    return "not-proved";
  arb_t d;
  arb_init (d);
  arb_set_d (d, r->d);
  for (size_t i = 0; i < r->np; i++)
    arb_set_d (cr.box + i, r->p[i]);
  const char *res = "not-proved";
  lsc_cert_morse m;
  if (!lsc_certify_newton (cr.box, &G, d, NULL)
      && !lsc_certify_critical (&cr, &G, cr.box, d, NULL) && cr.proved
      && !lsc_certify_morse (&m, &G, cr.box, d, NULL) && m.proved)
    {
      /* the proved index must be the row's (a different one means the
         row's spectrum is wrong: say so) */
      double idx = lsc_cert_morse_index (&m, G.rsize[0]);
      res = fabs (idx - r->index) <= 1e-9 * fmax (1, idx) && r->zero == 0
                ? "proved" : "contradicted";
    }
  lsc_cert_crit_clear (&cr);
  arb_clear (d);
  return res;
}
