/* Population loss of a two-layer ReLU student fitted to a ReLU target under
   Gaussian inputs: value, gradient and Hessian, double and MPFR.  MATH.md 1. */
#ifndef LSC_LOSS_H
#define LSC_LOSS_H

#include <stddef.h>
#include <mpfr.h>

#ifdef __cplusplus
extern "C" {
#endif
#pragma GCC visibility push(default)

/* The problem: k student neurons in R^d fitted to m target neurons.
   Matrices are row-major, row = neuron.  V == NULL means V = I (then m must
   equal d); alpha == NULL / beta == NULL mean all ones. */
typedef struct
{
  size_t k, d, m;
  const double *V;       /* m x d or NULL  */
  const double *alpha;   /* k or NULL      */
  const double *beta;    /* m or NULL      */
} lsc_problem;

/* Workspace sized from (k, d, m); reused across calls, no allocation in the
   evaluation routines.  _free(NULL) is a no-op. */
typedef struct lsc_loss_workspace lsc_loss_workspace;
lsc_loss_workspace *lsc_loss_workspace_alloc (size_t k, size_t d, size_t m);
void lsc_loss_workspace_free (lsc_loss_workspace *ws);

/* Check a problem and W: sizes nonzero and matching the workspace, entries
   finite (LSC_ENONFINITE), no zero row in W or V (LSC_EDOM). */
int lsc_problem_check (const lsc_problem *p, const double *W);

/* Loss L(W).  Accurate to relative 1e-12 near spurious minima at k = d = 100
   (terms are combined in difference form and summed with compensation). */
int lsc_loss (double *L, const double *W, const lsc_problem *p,
              lsc_loss_workspace *ws);

/* Loss (L may be NULL) and gradient G (k x d, row-major). */
int lsc_loss_grad (double *L, double *G, const double *W, const lsc_problem *p,
                   lsc_loss_workspace *ws);

/* Full Hessian H (kd x kd, row-major, neuron-major ordering: index i*d + a),
   exactly symmetric.
   All three return the statuses of lsc_problem_check, and LSC_ERANGE when
   a result overflows a double (loss and gradient for rows of norm near
   1e155 and beyond; Hessian entries ~ |w_b| / |w_i| for a row of
   subnormal norm); outputs are then unspecified. */
int lsc_loss_hessian (double *H, const double *W, const lsc_problem *p,
                      lsc_loss_workspace *ws);

/* The same Hessian, only its row-major lower triangle and diagonal blocks
   written (entries H[r * kd + c] with c <= r, and the whole d x d diagonal
   blocks): what lsc_eigen_symm reads, at about half the memory traffic.
   The other entries are left as they were. */
int lsc_loss_hessian_lower (double *H, const double *W, const lsc_problem *p,
                            lsc_loss_workspace *ws);

/* Rows i d .. i d + d - 1 of the full Hessian (neuron i's block row, d x kd
   row-major, R with stride kd), entry for entry those of
   lsc_loss_hessian, at O((k + m) d^2) cost without the kd x kd matrix:
   for Hessian-vector work at a few neurons (e.g. the orbit compression of
   a symmetric point, where one row per orbit suffices).  Statuses as
   lsc_loss_hessian, plus LSC_EINVAL for i >= k. */
int lsc_loss_hessian_rows (double *R, size_t i, const double *W,
                           const lsc_problem *p, lsc_loss_workspace *ws);

/* ---- MPFR ----  W, V, alpha, beta given as mpfr arrays (V, alpha, beta may
   be NULL with the meanings above); outputs at their own precision.
   lsc_loss_mpfr is within 1 ulp (relative) or returns LSC_EPREC when the
   cancellation exceeds its precision cap of 8 p + 1024 bits; gradient and
   Hessian entries within 1 ulp plus 2^-(p+40) times the sum of the
   magnitudes of their terms (see lsc_mpfr(3)). */
typedef struct
{
  size_t k, d, m;
  const mpfr_t *V;
  const mpfr_t *alpha;
  const mpfr_t *beta;
} lsc_problem_mpfr;

int lsc_loss_mpfr (mpfr_t L, const mpfr_t *W, const lsc_problem_mpfr *p);
int lsc_loss_grad_mpfr (mpfr_t L, mpfr_t *G, const mpfr_t *W,
                        const lsc_problem_mpfr *p);   /* L may be NULL */
int lsc_loss_hessian_mpfr (mpfr_t *H, const mpfr_t *W,
                           const lsc_problem_mpfr *p);

#pragma GCC visibility pop
#ifdef __cplusplus
}
#endif
#endif
