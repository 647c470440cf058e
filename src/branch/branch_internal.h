/* Internals shared by the files of src/branch/. */
#ifndef LSC_BRANCH_INTERNAL_H
#define LSC_BRANCH_INTERNAL_H

#include "landscape/lsc_branch.h"

/* Largest parameter count handled by the Young layer (children and
   parents); larger groups give LSC_EUNSUP. */
#define LSC_BRANCH_NP 96

/* Square roots of the Gram metric of S at d (all 1 without a metric). */
int lsc_branch_sqm (double *sqm, const lsc_branch_space *S, double d);

#endif
