/* The arc-cosine kernel kappa(w,v) = E[relu(w.x) relu(v.x)], x ~ N(0,I), and
   its derivatives, in double and MPFR.  landscape(7). */
#ifndef LSC_KERNEL_H
#define LSC_KERNEL_H

#include <stddef.h>
#include <mpfr.h>

#ifdef __cplusplus
extern "C" {
#endif
#pragma GCC visibility push(default)

/* Geometry of a pair (u, v) of vectors of n "cells" with weights wt
   (cell c stands for wt[c] equal coordinates; wt == NULL means all ones, the
   ordinary case).  All inner products are sum_c wt[c] x[c] y[c].
   theta is computed stably as 2 atan2(|u^ - v^|, |u^ + v^|), never as the
   acos of a rounded cosine, so it is accurate to a few ulps near 0 and pi. */
typedef struct
{
  double nu, nv;        /* |u|, |v|                                         */
  double theta;         /* angle in [0, pi]                                 */
  double s, c;          /* sin(theta), cos(theta)                           */
  double sh, ch;        /* sin(theta/2) = |u^-v^|/2, cos(theta/2) = |u^+v^|/2 */
} lsc_kernel_geom;

/* Fill g for (u, v).  Returns LSC_EDOM if u or v is zero (kappa is not
   differentiable there), LSC_ENONFINITE for NaN/inf entries, LSC_EFAULT for
   NULL pointers. */
int lsc_kernel_geom_init (lsc_kernel_geom *g, const double *u, const double *v,
                          const double *wt, size_t n);

/* kappa from a filled geometry: |u||v| (sin t + (pi - t) cos t) / (2 pi). */
double lsc_kernel_geom_value (const lsc_kernel_geom *g);

/* kappa(u, v) for ordinary vectors of length d. */
int lsc_kernel (double *kappa, const double *u, const double *v, size_t d);

/* grad_w kappa(w, v) = (|v| sin t w^ + (pi - t) v) / (2 pi), length d. */
int lsc_kernel_grad (double *grad, const double *w, const double *v, size_t d);

/* Hessian blocks, d x d row-major: h1 = d2/dw dw kappa(w,v),
   h2 = d2/dw dv kappa(w,v) (row index from w, column index from v).
   Either output may be NULL.  Limits: theta -> 0 gives h1 = 0, h2 = I/2;
   theta -> pi gives h1 = 0, h2 = 0; evaluated without 0/0 in both.
   lsc_kernel, lsc_kernel_grad and lsc_kernel_hess return LSC_ERANGE when
   a result overflows a double (kappa for |u||v| beyond 1e308, h1 ~ |v|/|w|
   for a subnormal |w|), besides the statuses of lsc_kernel_geom_init. */
int lsc_kernel_hess (double *h1, double *h2, const double *w, const double *v,
                     size_t d);

/* Weighted-cell forms for the symmetry-reduced code: with u, v, x, y cell
   vectors and weights wt (NULL = ones), compute
     grad[c] = (grad_u kappa)[c]                (cell value, length n)
     x^T h1(u,v) y   and   x^T h2(u,v) y
   using the same stable formulas as the ordinary routines. */
int lsc_kernel_grad_w (double *grad, const lsc_kernel_geom *g, const double *u,
                       const double *v, size_t n);
double lsc_kernel_h1_form (const lsc_kernel_geom *g, const double *u,
                           const double *v, const double *x, const double *y,
                           const double *wt, size_t n);
double lsc_kernel_h2_form (const lsc_kernel_geom *g, const double *u,
                           const double *v, const double *x, const double *y,
                           const double *wt, size_t n);

/* ---- MPFR ----
   Same quantities at the precision p of the output(s) (the largest, if
   they differ); the routines work with p + 32 + log2 d guard bits (more
   near theta = 0, pi) and round once.  Error bounds (see lsc_mpfr(3)):
   kappa within 1 ulp; entries of grad, h1, h2 within 2^-p times |v|,
   |v|/|w|, 1 respectively.  Same statuses as the double routines, plus
   LSC_EBADLEN for d = 0. */
int lsc_kernel_mpfr (mpfr_t kappa, const mpfr_t *u, const mpfr_t *v, size_t d);
int lsc_kernel_grad_mpfr (mpfr_t *grad, const mpfr_t *w, const mpfr_t *v,
                          size_t d);
int lsc_kernel_hess_mpfr (mpfr_t *h1, mpfr_t *h2, const mpfr_t *w,
                          const mpfr_t *v, size_t d);

#pragma GCC visibility pop
#ifdef __cplusplus
}
#endif
#endif
