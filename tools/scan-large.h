/* landscape-scan at large d: rows solved by the series module. */
#ifndef LSC_SCAN_LARGE_H
#define LSC_SCAN_LARGE_H

#include "scan.h"

/* Above this d the double continuation and spectrum are not used: the
   point comes from lsc_series_path_point (scaled MPFR Newton seeded from
   the family's expansion in d^{-1/2}) and the spectrum from
   lsc_series_spectrum_compute (two precisions, absolute error bound, exact
   multiplicities).  The double path's O(1) eigenvalues carry d eps of
   the largest (1e-10 at d = 1e6, useless beyond 1e8) and its
   continuation stops near 1e7. */
#define SCAN_LARGE_D 1e6

/* Solve and evaluate r (r->fam, r->d set) by the series module; *path
   is the family's branch, allocated on first use (free it with
   lsc_series_path_free).  Fills the point, loss, residual, spectrum,
   index, zero count, type, the exact index as a decimal (r->index_dec),
   the eigenvalues' error bound (r->ev_err) and, with o->prec, the
   decimals (at most as many digits as the error bound leaves).  Sets and
   returns r->status. */
int scan_large_row (scan_row *r, lsc_series_path **path, const scan_opts *o);

#endif
