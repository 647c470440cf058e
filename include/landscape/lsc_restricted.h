/* The loss restricted to the fixed-point space of a Young-type group, as an
   analytic function of real block sizes; double and MPFR.  landscape(7). */
#ifndef LSC_RESTRICTED_H
#define LSC_RESTRICTED_H

#include <stddef.h>
#include <mpfr.h>
#include "landscape/lsc_young.h"

#ifdef __cplusplus
extern "C" {
#endif
#pragma GCC visibility push(default)

/* L_G(p) = L(embed(p)) for V = I_d, alpha = beta = 1 (k = sum of row
   sizes may differ from d), extended analytically to real block sizes.
   Returns LSC_EDOM when a row of the embedded W would be zero, LSC_EINVAL
   for a bad group, LSC_ENONFINITE for non-finite parameters, LSC_ERANGE
   when a result overflows a double (here and in the two below; block
   sizes near 1e150 and beyond). */
int lsc_restricted_loss (double *L, const double *p, const lsc_young *G);

/* Loss (may be NULL) and gradient g[i] = dL_G/dp_i.  At integer sizes
   g[i] = sum of the full gradient over the entries of parameter i's orbit, so
   g[i] / metric[i] is the full gradient's value there (symmetric
   criticality). */
int lsc_restricted_grad (double *L, double *g, const double *p,
                         const lsc_young *G);

/* Hessian Hp[i][j] = d2 L_G / dp_i dp_j (nparams x nparams row-major,
   symmetric).  With M = diag(metric), the eigenvalues of
   M^{-1/2} Hp M^{-1/2} are the eigenvalues of the full Hessian on Fix(G). */
int lsc_restricted_hess (double *Hp, const double *p, const lsc_young *G);

/* The loss at double inputs computed through the MPFR evaluator at 128
   bits (plus its guard bits) and rounded: correct to about 1 ulp.  The
   double lsc_restricted_loss sums terms of size ~ d^2 / (2 pi), so its
   absolute error is about eps d^2 (1e-14 at d = 20, 1e-3 at d = 1e7) -
   use this one for every loss that is printed. */
int lsc_restricted_loss_accurate (double *L, const double *p,
                                  const lsc_young *G);

/* MPFR: the large block's size is set from d (an mpfr value, as in
   lsc_young_set_d); p and outputs are mpfr arrays of length nparams;
   precision is taken from the outputs. L or g or Hp may be NULL. */
int lsc_restricted_eval_mpfr (mpfr_t L, mpfr_t *g, mpfr_t *Hp, const mpfr_t *p,
                              const lsc_young *G, const mpfr_t d);

#pragma GCC visibility pop
#ifdef __cplusplus
}
#endif
#endif
