/* Internals of the scan job: the MPFR refinement of a solved row. */
#ifndef LSC_SCAN_IMPL_H
#define LSC_SCAN_IMPL_H

#include "landscape/lsc_scan.h"

/* MPFR path of a row solved in double at the group G (at r->d): refine the
   point by lsc_newton_refine_mpfr at o->prec bits, then the loss, the
   residual and lsc_isotypic_spectrum_mpfr (replacing r->ev, kept as
   rounded doubles, and filling the decimals).  Returns the status. */
int lsc_scan_refine_mpfr (lsc_scan_row *r, const lsc_young *G,
                          const lsc_scan_opts *o);

/* Large d: the point refined at 128 bits and the loss and spectrum from
   the MPFR path, rounded to double (no decimals kept).  The double point
   alone is only a critical point to ~eps, which moves the O(1)
   eigenvalues by ~ d eps; this restores them to ~1 ulp. */
int lsc_scan_refine_accurate (lsc_scan_row *r, const lsc_young *G);

#endif
