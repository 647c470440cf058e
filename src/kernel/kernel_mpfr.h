/* Internal MPFR kernel machinery shared by kernel_mpfr.c and loss_mpfr.c. */
#ifndef LSC_KERNEL_MPFR_INTERNAL_H
#define LSC_KERNEL_MPFR_INTERNAL_H

#include <stddef.h>
#include <mpfr.h>

/* Vector helpers (lsc_mpfr_vec_*, lsc_mpfr_clog2): the bottom module. */
#include "mpfr/mpfr_vec.h"

/* nrm = |u| and uh = u/|u| at the precisions of nrm and uh; nrm2 (may be
   NULL) = |u|^2.  Returns LSC_EDOM if u = 0. */
int lsc_mpfr_unit (mpfr_t nrm, mpfr_t nrm2, mpfr_t *uh, const mpfr_t *u,
                   size_t d);

/* Geometry of a pair of unit vectors (uh, vh), all at one working
   precision.  The angle is taken from the stable pair
   dm = |uh - vh| = 2 sin(theta/2), dp = |uh + vh| = 2 cos(theta/2):
   theta = 2 atan2(dm, dp) when dm <= dp, otherwise phi = pi - theta =
   2 atan2(dp, dm); s and c come algebraically from dm, dp, so that they
   keep full relative accuracy at both ends. */
typedef struct
{
  size_t d;
  mpfr_t *dmv, *dpv;    /* uh - vh and uh + vh                    */
  mpfr_t *nv;           /* n = (vh - c uh)/|vh - c uh| (by _normal) */
  mpfr_t dm, dp;        /* |uh - vh|, |uh + vh|                    */
  mpfr_t theta, phi;    /* angle and pi - angle                    */
  mpfr_t s, c;          /* sin theta, cos theta                    */
  mpfr_t pi, twopi;
  mpfr_t t, t2, t3;     /* scratch                                 */
} lsc_mpfr_pair;

/* Initialise/clear a pair of dimension d at precision prec.  _init returns
   LSC_ENOMEM on failure (and leaves nothing allocated). */
int lsc_mpfr_pair_init (lsc_mpfr_pair *g, size_t d, mpfr_prec_t prec);
void lsc_mpfr_pair_clear (lsc_mpfr_pair *g);

/* Fill dmv, dpv, dm, dp, theta, phi, s, c for the unit vectors uh, vh. */
void lsc_mpfr_pair_set (lsc_mpfr_pair *g, const mpfr_t *uh, const mpfr_t *vh);

/* The same without the vectors dmv, dpv (enough for kappa and gradients). */
void lsc_mpfr_pair_set_scalar (lsc_mpfr_pair *g, const mpfr_t *uh,
                               const mpfr_t *vh);

/* theta, phi, s, c from dm and dp already in g (clobbers t, t2). */
void lsc_mpfr_pair_angles (lsc_mpfr_pair *g);

/* Number of bits lost to cancellation near theta = 0 or pi:
   max(0, -exponent(min(dm, dp))) (0 if that minimum is exactly zero). */
long lsc_mpfr_pair_loss_bits (const lsc_mpfr_pair *g);

/* r = kappa(uh, vh) = (s + (pi - theta) c) / (2 pi) for the unit vectors. */
void lsc_mpfr_pair_kappa1 (mpfr_t r, lsc_mpfr_pair *g);

/* Fill g->nv with n = (vh - c uh)/|vh - c uh| for the uh of the last _set,
   computed in difference form (vh - c uh = -dmv + (dm^2/2) uh, or
   dpv - (dp^2/2) uh) without cancellation.  Returns 0 if s = 0 (n is
   undefined and every term using it carries the factor s), 1 otherwise. */
int lsc_mpfr_pair_normal (lsc_mpfr_pair *g, const mpfr_t *uh);

#endif
