/* Private to src/spectrum: the workspace of the MPFR isotypic spectrum
   (isotypic_mpfr.c) and its steps (isowork_mpfr.c): a level's normalised
   restricted Hessian, and the eigenvalues of one isotypic component,
   split by the small blocks' symmetric groups. */
#ifndef LSC_ISOWORK_MPFR_H
#define LSC_ISOWORK_MPFR_H

#include <stddef.h>
#include <mpfr.h>
#include "landscape/lsc_young.h"
#include "spectrum/isosplit.h"

/* Workspace of one spectrum call, all at working precision wp. */
typedef struct
{
  size_t nmax;
  mpfr_t *N, *S, *cand, *C, *Kv, *K, *ev, *sm, *smc, *pf, *pc, *B, *rep;
  mpfr_t Lq, t;
  size_t *kp;      /* the small blocks' pieces of a component: sizes */
  double *mult;    /* and multiplicity factors */
  int dd;          /* eigenvalues by the double-double Jacobi */
  double *dh, *dl; /* its n x n matrix (hi, lo) */
  double *eh, *el; /* and its n eigenvalues */
  double *repw;    /* weights of rep */
  double *wt;      /* the raw list's weights (multiplicity factors) */
} lsc_isowork;

/* Allocates every array for orders up to n at precision wp (dd: the
   double-double Jacobi's arrays too).  LSC_ENOMEM leaves w for
   lsc_isowork_clear. */
int lsc_isowork_init (lsc_isowork *w, size_t n, mpfr_prec_t wp, int dd);
void lsc_isowork_clear (lsc_isowork *w);

/* w->N = M^{-1/2} H M^{-1/2} on Fix(Gq) at d, w->sm = sqrt(metric); the
   parameters (length nq) in w->pf. */
int lsc_isowork_hessian (lsc_isowork *w, const lsc_young *Gq, size_t nq,
                         const mpfr_t d, mpfr_t Lq);

/* The eigenvalues of the component spanned by C (k orthonormal vectors
   of length n; C = NULL: all of Fix(Gq)), appended ascending to raw/irr
   with their weights in w->wt. */
int lsc_isowork_component (lsc_isowork *w, const lsc_young *Gq,
                           const lsc_isosplit_blocks *sb, size_t n,
                           const mpfr_t *C, size_t k, int irrep, mpfr_t *raw,
                           int *irr, size_t *cnt);

/* Number of nonempty orbits (nonzero entries of sm[0..n)). */
size_t lsc_isowork_nonempty (const mpfr_t *sm, size_t n);

#endif
