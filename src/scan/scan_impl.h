/* Internals of the scan job: the MPFR refinement of a solved row. */
#ifndef LSC_SCAN_IMPL_H
#define LSC_SCAN_IMPL_H

#include "landscape/lsc_scan.h"
#include "landscape/lsc_series.h"

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

/* x as a decimal with at most digits significant digits (0: those that
   identify it at its precision) and no more than the absolute error err
   leaves (0: no error); NULL on allocation failure. */
char *lsc_scan_decimal (const mpfr_t x, int digits, double err);

/* Solve and evaluate r (r->fam, r->d set; d > LSC_SCAN_LARGE_D) by the
   series module; *path is the family's branch, allocated on first use
   (free it with lsc_series_path_free).  Fills the point, loss, residual,
   spectrum, index, zero count, type, the exact index as a decimal
   (r->index_dec), the eigenvalues' error bound (r->ev_err) and, with
   o->prec, the decimals (at most as many digits as the error bound
   leaves).  Sets and returns r->status. */
int lsc_scan_large_row (lsc_scan_row *r, lsc_series_path **path,
                        const lsc_scan_opts *o);

#endif
