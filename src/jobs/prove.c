/* Proofs of a job's rows in ball arithmetic: a scan row's critical point
   and Morse index, a crossing d* to its printed digits (lsc_jobs(3)). */
#include <config.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "landscape.h"
#include "landscape/lsc_certify.h"
#include "landscape/lsc_jobs.h"

const char *
lsc_prove_token (int outcome)
{
  return outcome == LSC_PROVE_PROVED ? "proved"
         : outcome == LSC_PROVE_CONTRADICTED ? "contradicted" : "not-proved";
}

int
lsc_prove_scan_row (const lsc_scan_row *r)
{
  if (r->status != 0 || r->absent || r->np == 0
      || strcmp (r->fam->kind, "global-minimum") == 0)
    return LSC_PROVE_NOT;
  lsc_young G = r->fam->G;
  if (lsc_young_set_d (&G, r->d))
    return LSC_PROVE_NOT;
  lsc_cert_crit cr;
  if (lsc_cert_crit_init (&cr, r->np))
    return LSC_PROVE_NOT;
  arb_t d;
  arb_init (d);
  arb_set_d (d, r->d);
  for (size_t i = 0; i < r->np; i++)
    arb_set_d (cr.box + i, r->p[i]);
  int res = LSC_PROVE_NOT;
  lsc_cert_morse m;
  if (!lsc_certify_newton (cr.box, &G, d, NULL)
      && !lsc_certify_critical (&cr, &G, cr.box, d, NULL) && cr.proved
      && !lsc_certify_morse (&m, &G, cr.box, d, NULL) && m.proved)
    {
      /* the proved index must be the row's (a different one means the
         row's spectrum is wrong: say so) */
      double idx = lsc_cert_morse_index (&m, G.rsize[0]);
      res = fabs (idx - r->index) <= 1e-9 * fmax (1, idx) && r->zero == 0
              ? LSC_PROVE_PROVED : LSC_PROVE_CONTRADICTED;
    }
  lsc_cert_crit_clear (&cr);
  arb_clear (d);
  return res;
}

int
lsc_prove_crossing (const lsc_family *f, const char *d)
{
  lsc_cert_dstar r;
  lsc_cert_dstar_init (&r);
  int ok = !lsc_certify_dstar (&r, &f->G, f->p, f->d, d, NULL) && r.proved;
  if (ok)
    {
      /* the proved interval must lie within half a unit in the last
         printed digit of d */
      const char *dot = strchr (d, '.'), *e = strpbrk (d, "eE");
      long frac = dot ? (long) ((e ? e : d + strlen (d)) - dot - 1) : 0;
      long ex = e ? strtol (e + 1, NULL, 10) : 0;
      arb_t c;
      arb_init (c);
      arb_set_str (c, d, 512);
      mag_set_d (arb_radref (c), 0.5 * pow (10.0, (double) (ex - frac)));
      ok = arb_contains (c, r.dstar);
      arb_clear (c);
    }
  lsc_cert_dstar_clear (&r);
  return ok;
}
