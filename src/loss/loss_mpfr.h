/* Internal evaluation context shared by the MPFR loss, gradient and Hessian. */
#ifndef LSC_LOSS_MPFR_INTERNAL_H
#define LSC_LOSS_MPFR_INTERNAL_H

#include "landscape/lsc_loss.h"
#include "kernel/kernel_mpfr.h"

/* Everything one evaluation needs at its working precision wp: row norms
   and unit rows of W and V (V = I materialised when p->V is NULL), the
   output weights, and one pair geometry. */
typedef struct
{
  size_t k, d, m;
  mpfr_prec_t wp;
  mpfr_t *nw, *nw2, *uw;        /* k, k, k*d */
  mpfr_t *nx, *nx2, *ux;        /* m, m, m*d */
  mpfr_t *a, *b;                /* k, m      */
  int ident;                    /* V = I: (W, V) pairs in O(1) from   */
  mpfr_t *pre, *suf;            /* sum_{c<j} uw_ic^2, sum_{c>j} (k*d) */
  lsc_mpfr_pair g;
  int have_pair;
} lsc_mpfr_ctx;

/* Fill c at working precision wp from a checked problem; LSC_ENOMEM on
   failure (nothing left allocated).  _clear releases everything. */
int lsc_mpfr_ctx_init (lsc_mpfr_ctx *c, const mpfr_t *W,
                       const lsc_problem_mpfr *p, mpfr_prec_t wp);
void lsc_mpfr_ctx_clear (lsc_mpfr_ctx *c);

/* Geometry (no vectors) of the pair (w_i, v_j) into c->g. */
void lsc_mpfr_pair_wv (lsc_mpfr_ctx *c, size_t i, size_t j);

/* Validate W and p (reports through the hook): LSC_EFAULT, LSC_EBADLEN,
   LSC_ENONFINITE, LSC_EDOM. */
int lsc_mpfr_problem_check (const mpfr_t *W, const lsc_problem_mpfr *p);

/* Guard bits for sums of (k+m)^2 terms of size ~1 cancelling to ~1e-4. */
mpfr_prec_t lsc_mpfr_guard_bits (const lsc_problem_mpfr *p);

#endif
