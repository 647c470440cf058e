/* Internals shared by the files of src/branch/. */
#ifndef LSC_BRANCH_INTERNAL_H
#define LSC_BRANCH_INTERNAL_H

#include "landscape/lsc_branch.h"

/* Largest parameter count handled by the Young layer (children and
   parents); larger groups give LSC_EUNSUP. */
#define LSC_BRANCH_NP 96

/* Square roots of the Gram metric of S at d (all 1 without a metric). */
int lsc_branch_sqm (double *sqm, const lsc_branch_space *S, double d);

/* At integer d = di: embed p (Fix(H)), set pt->grad_full (Frobenius norm
   of the full gradient), pt->index_full (NaN with a zero eigenvalue) and
   pt->agree (full inertia = pt->index, which the caller has set from the
   isotypic spectrum); with a workspace holding a catalogue, also the
   family and the detected isotropy.  pt->integer = 1 on success; LSC_EDOM
   when the sizes are not integral. */
int lsc_branch_integer_point (lsc_branch_point *pt, const lsc_young *H,
                              const double *p, long di,
                              lsc_branch_workspace *w, double zero_rtol);

#endif
