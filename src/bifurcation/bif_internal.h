/* Internal helpers shared by the bifurcation solvers. */
#ifndef LSC_BIF_INTERNAL_H
#define LSC_BIF_INTERNAL_H

#include <mpfr.h>
#include "landscape/lsc_bifurcation.h"

/* Number of leading significant decimal digits (up to digits) on which a
   and b agree, comparing their correctly rounded digits-digit strings. */
size_t lsc_bif_digits_agree (const mpfr_t a, const mpfr_t b, unsigned digits);

/* Refine p (n values at their precision) to a root of g(.; d) by Newton
   with g in MPFR and the family's double Jacobian. */
int lsc_bif_refine_p (mpfr_t *p, const lsc_bif_family *fam, const mpfr_t d,
                      size_t maxiter);

#endif
