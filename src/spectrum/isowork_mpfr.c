/* Steps of the MPFR isotypic spectrum (isowork_mpfr.h): the workspace,
   a level's normalised restricted Hessian, Jacobi eigenvalues (MPFR or
   double-double) and one component's eigenvalues, split by the small
   blocks' symmetric groups. */
#include <config.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "internal.h"
#include "kernel/kernel_mpfr.h"
#include "spectrum/linalg_mpfr.h"
#include "spectrum/linalg_dd.h"
#include "spectrum/isotypic_dd.h"
#include "spectrum/isochain.h"
#include "spectrum/isosplit.h"
#include "landscape/lsc_isotypic.h"
#include "landscape/lsc_restricted.h"

#include "spectrum/isowork_mpfr.h"


#define WORK_VECS(X)                                                         \
  X (N, n * n) X (S, n * n) X (cand, n * n) X (C, n * n) X (Kv, n * n)        \
  X (K, n * n) X (ev, n) X (sm, n) X (smc, n) X (pf, n) X (pc, n)         \
  X (B, n * n) X (rep, n)

void
lsc_isowork_clear (lsc_isowork *w)
{
#define FREE_V(f, len) lsc_mpfr_scratch_free (w->f);
  WORK_VECS (FREE_V)
  free (w->dh);
  free (w->kp);
  free (w->mult);
  free (w->repw);
  mpfr_clears (w->Lq, w->t, (mpfr_ptr) 0);
}

int
lsc_isowork_init (lsc_isowork *w, size_t n, mpfr_prec_t wp, int dd)
{
  memset (w, 0, sizeof *w);
  w->nmax = n;
  w->dd = dd;
  if (dd && (w->dh = malloc ((2 * n * n + 2 * n + 1) * sizeof *w->dh)))
    {
      w->dl = w->dh + n * n;
      w->eh = w->dl + n * n;
      w->el = w->eh + n;
    }
  mpfr_inits2 (wp, w->Lq, w->t, (mpfr_ptr) 0);
#define ALLOC_V(f, len) w->f = lsc_mpfr_scratch_alloc ((len), wp);
  WORK_VECS (ALLOC_V)
#define CHECK_V(f, len) || !w->f
  w->kp = malloc ((n + 1) * sizeof *w->kp);
  w->mult = malloc ((n + 1) * sizeof *w->mult);
  w->repw = malloc ((n + 1) * sizeof *w->repw);
  if ((dd && !w->dh) || !w->kp || !w->mult || !w->repw WORK_VECS (CHECK_V))
    return LSC_ENOMEM;
  return LSC_SUCCESS;
}

/* w->N = M^{-1/2} H M^{-1/2} on Fix(Gq) at d (H by the MPFR restricted
   code), with w->sm = sqrt(metric) of Gq.  p (length nq) in w->pf. */
int
lsc_isowork_hessian (lsc_isowork *w, const lsc_young *Gq, size_t nq,
                     const mpfr_t d, mpfr_t Lq)
{
  int rc = lsc_restricted_eval_mpfr (NULL, NULL, w->N, (const mpfr_t *) w->pf,
                                     Gq, d);
  if (rc)
    return rc;
  lsc_isochain_sqrt_metric (w->sm, Gq, Lq, w->t);
  for (size_t i = 0; i < nq; i++)
    if (mpfr_nan_p (w->sm[i]))
      return LSC_EDOM;
  /* an empty orbit (metric 0: block 0 of size 1 has no off-diagonal) is
     no direction at all: its row and column are dropped (set to 0) */
  for (size_t i = 0; i < nq; i++)
    for (size_t j = 0; j < nq; j++)
      {
        mpfr_ptr x = w->N[i * nq + j];
        if (mpfr_zero_p (w->sm[i]) || mpfr_zero_p (w->sm[j]))
          mpfr_set_zero (x, 1);
        else
          {
            mpfr_div (x, x, w->sm[i], MPFR_RNDN);
            mpfr_div (x, x, w->sm[j], MPFR_RNDN);
          }
      }
  return LSC_SUCCESS;
}

/* Eigenvalues of the k x k matrix w->K (destroyed) into w->ev: MPFR
   Jacobi at the working precision, or, in the accurate double mode, the
   double-double Jacobi on K rounded to double-double (its 2^-100
   relative accuracy is far below the double output's ulp). */
static int
eigs (lsc_isowork *w, size_t k)
{
  if (!w->dd)
    return lsc_mpfr_jacobi (w->ev, w->K, k);
  for (size_t i = 0; i < k * k; i++)
    {
      w->dh[i] = mpfr_get_d (w->K[i], MPFR_RNDN);
      mpfr_sub_d (w->t, w->K[i], w->dh[i], MPFR_RNDN);
      w->dl[i] = mpfr_get_d (w->t, MPFR_RNDN);
    }
  int rc = lsc_dd_jacobi (w->eh, w->el, w->dh, w->dl, k);
  for (size_t i = 0; !rc && i < k; i++)
    {
      mpfr_set_d (w->ev[i], w->eh[i], MPFR_RNDN);
      mpfr_add_d (w->ev[i], w->ev[i], w->el[i], MPFR_RNDN);
    }
  return rc;
}

/* Eigenvalues of C^T N C (C: k orthonormal vectors of length n, stored one
   after another) into w->ev[0..k). */
static int
compressed_eigs (lsc_isowork *w, const mpfr_t *C, size_t n,
                 size_t k)
{
  for (size_t j = 0; j < k; j++) /* Kv_j = N c_j */
    for (size_t i = 0; i < n; i++)
      {
        mpfr_set_zero (w->t, 1);
        for (size_t l = 0; l < n; l++)
          mpfr_fma (w->t, w->N[i * n + l], C[j * n + l], w->t, MPFR_RNDN);
        mpfr_set (w->Kv[j * n + i], w->t, MPFR_RNDN);
      }
  for (size_t a = 0; a < k; a++)
    for (size_t b = a; b < k; b++)
      {
        mpfr_set_zero (w->t, 1);
        for (size_t l = 0; l < n; l++)
          mpfr_fma (w->t, C[a * n + l], w->Kv[b * n + l], w->t, MPFR_RNDN);
        mpfr_set (w->K[a * k + b], w->t, MPFR_RNDN);
        mpfr_set (w->K[b * k + a], w->t, MPFR_RNDN);
      }
  return eigs (w, k);
}

/* Raw (unmerged) eigenvalues by component, appended to vals/irr with
   their weights (wt: NULL for 1 each) into w->wt. */
static void
append (lsc_isowork *w, mpfr_t *vals, int *irr, size_t *cnt,
        const mpfr_t *ev, const double *wt, size_t k, int irrep);

/* The eigenvalues of the component spanned by C (k orthonormal vectors of
   length n in Fix(Gq)'s orbit coordinates; C = NULL: all of Fix(Gq), k =
   n), appended ascending to raw/irr.  With small blocks of size >= 2 the
   component is split by their symmetric groups first (isosplit.h): each
   piece's compression is solved alone and its eigenvalues weighted by the
   irreducible's dimension, exactly.  The compressions are orthogonal
   similarities of blocks of C^T N C at the working precision, so the
   eigenvalues are those of the unsplit solve to its accuracy; what changes
   is the cost (order 122 -> at most the number of small-block-invariant
   directions, about 20 for the catalogue's Y families; with the chain's
   compressed small blocks, lsc_isochain_make_small, the Hessians
   themselves shrink, 170 -> 42 parameters for L,10). */
int
lsc_isowork_component (lsc_isowork *w, const lsc_young *Gq,
                       const lsc_isosplit_blocks *sb, size_t n,
                       const mpfr_t *C, size_t k, int irrep, mpfr_t *raw,
                       int *irr, size_t *cnt)
{
  int rc;
  if (sb->nb == 0)
    {
      if (C)
        rc = compressed_eigs (w, C, n, k);
      else
        {
          for (size_t i = 0; i < n * n; i++)
            mpfr_set (w->K[i], w->N[i], MPFR_RNDN);
          rc = eigs (w, n);
        }
      if (!rc)
        append (w, raw, irr, cnt, (const mpfr_t *) w->ev, NULL, C ? k : n,
                irrep);
      return rc;
    }
  if (!C)
    {
      for (size_t i = 0; i < n; i++)
        for (size_t j = 0; j < n; j++)
          mpfr_set_ui (w->C[i * n + j], i == j, MPFR_RNDN);
      C = (const mpfr_t *) w->C;
      k = n;
    }
  size_t np, off = 0, m = 0;
  if ((rc = lsc_isosplit (w->B, w->kp, w->mult, &np, C, k, n, Gq, sb,
                          mpfr_get_prec (w->t))))
    return rc;
  /* each piece's eigenvalues once, weighted by the dimension of its
     irreducible of the small blocks' groups */
  for (size_t q = 0; q < np; q++)
    {
      if ((rc = compressed_eigs (w, (const mpfr_t *) w->B + off * n, n,
                                 w->kp[q])))
        return rc;
      off += w->kp[q];
      for (size_t j = 0; j < w->kp[q] && m < k; j++, m++)
        {
          mpfr_set (w->rep[m], w->ev[j], MPFR_RNDN);
          w->repw[m] = w->mult[q];
        }
    }
  if (m != off)
    return LSC_EFAILED;
  for (size_t i = 1; i < m; i++) /* ascending, as one solve gives them */
    for (size_t j = i; j > 0 && mpfr_greater_p (w->rep[j - 1], w->rep[j]);
         j--)
      {
        mpfr_swap (w->rep[j - 1], w->rep[j]);
        double t = w->repw[j - 1];
        w->repw[j - 1] = w->repw[j];
        w->repw[j] = t;
      }
  append (w, raw, irr, cnt, (const mpfr_t *) w->rep, w->repw, m, irrep);
  return LSC_SUCCESS;
}

/* Number of nonempty orbits (nonzero metric). */
size_t
lsc_isowork_nonempty (const mpfr_t *sm, size_t n)
{
  size_t z = 0;
  for (size_t i = 0; i < n; i++)
    z += !mpfr_zero_p (sm[i]);
  return z;
}

static void
append (lsc_isowork *w, mpfr_t *vals, int *irr, size_t *cnt,
        const mpfr_t *ev, const double *wt, size_t k, int irrep)
{
  for (size_t j = 0; j < k; j++, (*cnt)++)
    {
      mpfr_set (vals[*cnt], ev[j], MPFR_RNDN);
      irr[*cnt] = irrep;
      w->wt[*cnt] = wt ? wt[j] : 1;
    }
}

