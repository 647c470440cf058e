/* Internal: weighted-cell kernel geometry and forms in MPFR, the MPFR
   counterpart of lsc_kernel_geom_init / lsc_kernel_grad_w /
   lsc_kernel_h1_form / lsc_kernel_h2_form, for symmetry-reduced code. */
#ifndef LSC_KERNEL_FORMS_MPFR_H
#define LSC_KERNEL_FORMS_MPFR_H

#include <stddef.h>
#include <mpfr.h>
#include "kernel/kernel_mpfr.h"

/* Geometry of a pair (u, v) of cell vectors with real weights wt (cell a
   stands for wt[a] equal coordinates; weights may be any real numbers, as
   in the analytic continuation to real block sizes: every inner product is
   sum_a wt[a] x[a] y[a], no square roots of weights are taken).  All values
   live at one working precision fixed at _init. */
typedef struct
{
  size_t cap;               /* capacity in cells                         */
  size_t n;                 /* cells of the last _set                    */
  lsc_mpfr_pair g;          /* dm, dp, theta, phi, s, c, pi (no vectors) */
  mpfr_t nu, nv;            /* weighted norms |u|, |v|                   */
  mpfr_t lam;               /* |v| s / (2 pi |u|)                        */
  mpfr_t *dmv, *dpv;        /* u^ - v^, u^ + v^ (per cell)               */
  mpfr_t *U, *P, *Q, *N;    /* wt x (u^, p^, q^, n) per cell (_forms)    */
} lsc_mpfr_cells;

/* Initialise for up to cap cells at precision wp; LSC_ENOMEM on failure
   (nothing left allocated). */
int lsc_mpfr_cells_init (lsc_mpfr_cells *c, size_t cap, mpfr_prec_t wp);
void lsc_mpfr_cells_clear (lsc_mpfr_cells *c);

/* Geometry of (u, v) over n <= cap cells: norms, unit differences and the
   stable angle (lsc_mpfr_pair_angles).  LSC_EDOM when |u|^2 or |v|^2 is not
   positive (a zero row; or weights so negative that the continuation has
   no norm). */
int lsc_mpfr_cells_set (lsc_mpfr_cells *c, const mpfr_t *u, const mpfr_t *v,
                        const mpfr_t *wt, size_t n);

/* Bits lost to cancellation near theta = 0 or pi (lsc_mpfr_pair_loss_bits):
   the difference forms lose up to three times this many. */
long lsc_mpfr_cells_loss_bits (const lsc_mpfr_cells *c);

/* kappa(u, v) = |u||v| (s + (pi - theta) c) / (2 pi). */
void lsc_mpfr_cells_kappa (mpfr_t r, lsc_mpfr_cells *c);

/* Per-cell gradient grad_u kappa = a u + b v with a = |v| s/(2 pi |u|),
   b = (pi - theta)/(2 pi) (landscape(7), MODEL); also leaves a in c->lam. */
void lsc_mpfr_cells_grad_coef (mpfr_t a, mpfr_t b, lsc_mpfr_cells *c);

/* Prepare the per-cell vectors U, P, Q, N used by the forms below (call
   after _set, with the same wt). */
void lsc_mpfr_cells_forms (lsc_mpfr_cells *c, const mpfr_t *wt);

/* e_a^T h1(u, v) e_b = lam (wt_a [a = b] - U_a U_b + N_a N_b) and
   e_a^T h2(u, v) e_b = ((pi - theta) wt_a [a = b]
                         + s (P_a P_b - Q_a Q_b)) / (2 pi),
   the formulas of lsc_kernel_h1_form / lsc_kernel_h2_form (p^, q^ the unit
   bisectors, n = sin(theta/2) p^ - cos(theta/2) q^).  r must not alias. */
void lsc_mpfr_cells_h1 (mpfr_t r, lsc_mpfr_cells *c, const mpfr_t *wt,
                        size_t a, size_t b);
void lsc_mpfr_cells_h2 (mpfr_t r, lsc_mpfr_cells *c, const mpfr_t *wt,
                        size_t a, size_t b);

#endif
