/* Internal: the MPFR isotypic spectrum with the double-double eigen-solver,
   for the accurate double path (values rounded to double afterwards). */
#ifndef LSC_ISOTYPIC_DD_H
#define LSC_ISOTYPIC_DD_H

#include "landscape/lsc_isotypic.h"

/* lsc_isotypic_spectrum_mpfr, except that the eigenvalues of each reduced
   block come from lsc_dd_jacobi (about 2^-100 |block| accurate) instead
   of MPFR Jacobi at the working precision: for callers that round the
   values to double. */
int lsc_isotypic_spectrum_mpfr_dd (mpfr_t *values, lsc_iso_eigen *info,
                                   size_t *nout, const mpfr_t *p,
                                   const lsc_young *G, const mpfr_t d,
                                   double rtol, double atol);

#endif
