/* Hessian spectrum by isotypic components of S_n in MPFR: the chain
   algorithm of isotypic.c with MPFR restricted Hessians, Gram-Schmidt
   complements and Jacobi eigenvalues, at any real d. */
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

/* Workspace of one call, all at working precision wp. */
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
} work;

#define WORK_VECS(X)                                                         \
  X (N, n * n) X (S, n * n) X (cand, n * n) X (C, n * n) X (Kv, n * n)        \
  X (K, n * n) X (ev, n) X (sm, n) X (smc, n) X (pf, n) X (pc, n)         \
  X (B, n * n) X (rep, n)

static void
work_clear (work *w)
{
#define FREE_V(f, len) lsc_mpfr_scratch_free (w->f);
  WORK_VECS (FREE_V)
  free (w->dh);
  free (w->kp);
  free (w->mult);
  free (w->repw);
  mpfr_clears (w->Lq, w->t, (mpfr_ptr) 0);
}

static int
work_init (work *w, size_t n, mpfr_prec_t wp, int dd)
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
static int
normalized_hessian (work *w, const lsc_young *Gq, size_t nq, const mpfr_t d,
                    mpfr_t Lq)
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
eigs (work *w, size_t k)
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
compressed_eigs (work *w, const mpfr_t *C, size_t n, size_t k)
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
append (work *w, mpfr_t *vals, int *irr, size_t *cnt, const mpfr_t *ev,
        const double *wt, size_t k, int irrep);

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
static int
component_eigs (work *w, const lsc_young *Gq, const lsc_isosplit_blocks *sb,
                size_t n, const mpfr_t *C, size_t k, int irrep, mpfr_t *raw,
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
static size_t
nonempty (const mpfr_t *sm, size_t n)
{
  size_t z = 0;
  for (size_t i = 0; i < n; i++)
    z += !mpfr_zero_p (sm[i]);
  return z;
}

static void
append (work *w, mpfr_t *vals, int *irr, size_t *cnt, const mpfr_t *ev,
        const double *wt, size_t k, int irrep)
{
  for (size_t j = 0; j < k; j++, (*cnt)++)
    {
      mpfr_set (vals[*cnt], ev[j], MPFR_RNDN);
      irr[*cnt] = irrep;
      w->wt[*cnt] = wt ? wt[j] : 1;
    }
}

size_t
lsc_isotypic_max_mpfr (const lsc_young *G)
{
  lsc_isochain ch;
  if (!G || lsc_young_check (G))
    return 0;
  size_t n = lsc_isochain_make_small (&ch, G, 4) ? 0
                                                 : ch.n0 + ch.n1 + ch.n2;
  lsc_isochain_free (&ch);
  return n;
}

/* Merge raw eigenvalues of each component within max(atol, rtol scale)
   into values/info (see lsc_isotypic_spectrum). */
static void
merge (mpfr_t *values, lsc_iso_eigen *info, size_t *nout, mpfr_t *raw,
       const int *irr, const double *wt, size_t cnt, double rtol,
       double atol, double L, mpfr_t t)
{
  double scale = 0;
  for (size_t i = 0; i < cnt; i++)
    scale = fmax (scale, fabs (mpfr_get_d (raw[i], MPFR_RNDN)));
  double tol = fmax (atol, rtol * scale);
  size_t w = 0, g = 0;
  while (g < cnt)
    {
      size_t h = g + 1;
      while (h < cnt && irr[h] == irr[g])
        {
          mpfr_sub (t, raw[h], raw[h - 1], MPFR_RNDN);
          if (mpfr_cmp_d (t, tol) > 0)
            break;
          h++;
        }
      /* the weighted mean (weights: the small integers that repeat an
         eigenvalue of a piece, added as that many copies) */
      double tw = 0;
      mpfr_set_zero (t, 1);
      for (size_t j = g; j < h; j++)
        for (double r = 0; r < wt[j]; r++, tw++)
          mpfr_add (t, t, raw[j], MPFR_RNDN);
      mpfr_div_d (values[w], t, tw, MPFR_RNDN);
      mpfr_sub (t, raw[h - 1], raw[g], MPFR_RNDN);
      info[w].value = mpfr_get_d (values[w], MPFR_RNDN);
      info[w].irrep = irr[g];
      info[w].inner = (size_t) tw;
      info[w].mult = tw * lsc_irrep_dim (irr[g], L);
      info[w].spread = mpfr_get_d (t, MPFR_RNDU);
      w++;
      g = h;
    }
  *nout = w;
}

/* The body of lsc_isotypic_spectrum_mpfr once inputs are checked. */
static int
spectrum (mpfr_t *raw, int *irr, size_t *cnt, const mpfr_t *p, const lsc_isochain *ch,
          const mpfr_t d, const mpfr_t L, work *w, int only)
{
  /* only < 0: every component; otherwise the eigenvalues of that component
     alone (the finer levels that it does not need are skipped) */
  size_t n0 = ch->n0, n1 = ch->n1, n2 = ch->n2, k, z0, z1, z2;
  int rc;
  /* t: Fix(G0) */
  for (size_t i = 0; i < n0; i++)
    mpfr_set (w->pf[i], p[ch->par0[i]], MPFR_RNDN);
  mpfr_set (w->Lq, L, MPFR_RNDN);
  if ((rc = normalized_hessian (w, &ch->G0, n0, d, w->Lq)))
    return rc;
  z0 = nonempty (w->sm, n0);
  if ((only < 0 || only == LSC_IRREP_T)
      && (rc = component_eigs (w, &ch->G0, &ch->sb[0], n0, NULL, n0,
                               LSC_IRREP_T, raw, irr, cnt)))
    return rc;
  if (only == LSC_IRREP_T || mpfr_cmp_ui (L, 2) < 0) /* s needs n >= 2 */
    return LSC_SUCCESS;

  /* s: Fix(G1) minus the image of Fix(G0), B = M1^{1/2} A10 M0^{-1/2} */
  for (size_t i = 0; i < n0; i++)
    {
      mpfr_set (w->pc[i], w->pf[i], MPFR_RNDN);
      mpfr_set (w->smc[i], w->sm[i], MPFR_RNDN);
    }
  for (size_t i = 0; i < n1; i++)
    mpfr_set (w->pf[i], w->pc[ch->par1[i]], MPFR_RNDN);
  mpfr_sub_ui (w->Lq, L, 1, MPFR_RNDN);
  if ((rc = normalized_hessian (w, &ch->G1, n1, d, w->Lq)))
    return rc;
  for (size_t j = 0; j < n0; j++)
    for (size_t i = 0; i < n1; i++)
      {
        mpfr_ptr s = w->S[j * n1 + i];
        mpfr_set_zero (s, 1);
        if (ch->par1[i] == (int) j && !mpfr_zero_p (w->smc[j]))
          mpfr_div (s, w->sm[i], w->smc[j], MPFR_RNDN);
      }
  z1 = 0;
  for (size_t j = 0; j < n1; j++)
    if (!mpfr_zero_p (w->sm[j]))
      {
        for (size_t i = 0; i < n1; i++)
          mpfr_set_ui (w->cand[z1 * n1 + i], i == j, MPFR_RNDN);
        z1++;
      }
  if ((rc = lsc_mpfr_complement (w->C, &k, (const mpfr_t *) w->S, n0,
                                 (const mpfr_t *) w->cand, z1, n1,
                                 mpfr_get_prec (w->t))))
    return rc;
  if (k != z1 - z0)
    return LSC_EFAILED;
  if ((only < 0 || only == LSC_IRREP_S)
      && (rc = component_eigs (w, &ch->G1, &ch->sb[1], n1,
                               (const mpfr_t *) w->C, k, LSC_IRREP_S, raw,
                               irr, cnt)))
    return rc;
  if (only == LSC_IRREP_S)
    return LSC_SUCCESS;

  if (mpfr_cmp_ui (L, 3) < 0) /* x and y need two singled indices */
    return LSC_SUCCESS;

  /* x, y: Fix(G2) minus the two copies of Fix(G1); tau (the swap of the
     two singled indices) splits it into odd (x) and even (y) parts:
     x = odd part minus {b - tau b}, y = even part minus {b + tau b}. */
  for (size_t i = 0; i < n1; i++)
    {
      mpfr_set (w->pc[i], w->pf[i], MPFR_RNDN);
      mpfr_set (w->smc[i], w->sm[i], MPFR_RNDN);
    }
  for (size_t i = 0; i < n2; i++)
    mpfr_set (w->pf[i], w->pc[ch->par2[i]], MPFR_RNDN);
  mpfr_sub_ui (w->Lq, L, 2, MPFR_RNDN);
  if ((rc = normalized_hessian (w, &ch->G2, n2, d, w->Lq)))
    return rc;
  size_t ktot = 0;
  z2 = nonempty (w->sm, n2);
  for (int odd = 1; odd >= 0; odd--)
    {
      int irrep = odd ? LSC_IRREP_X : LSC_IRREP_Y;
      for (size_t j = 0; j < n1; j++)
        for (size_t i = 0; i < n2; i++)
          {
            mpfr_ptr s = w->S[j * n2 + i];
            size_t ti = (size_t) ch->swap[i];
            mpfr_set_zero (s, 1);
            if (ch->par2[i] == (int) j && !mpfr_zero_p (w->smc[j]))
              mpfr_div (s, w->sm[i], w->smc[j], MPFR_RNDN);
            if (ch->par2[ti] == (int) j && !mpfr_zero_p (w->smc[j]))
              {
                mpfr_div (w->t, w->sm[ti], w->smc[j], MPFR_RNDN);
                if (odd)
                  mpfr_sub (s, s, w->t, MPFR_RNDN);
                else
                  mpfr_add (s, s, w->t, MPFR_RNDN);
              }
          }
      size_t nc = 0;
      for (size_t i = 0; i < n2; i++)
        {
          size_t ti = (size_t) ch->swap[i];
          if (ti < i || (odd && ti == i) || mpfr_zero_p (w->sm[i]))
            continue;
          for (size_t l = 0; l < n2; l++)
            mpfr_set_si (w->cand[nc * n2 + l],
                         l == i ? 1 : l == ti ? (odd ? -1 : 1) : 0,
                         MPFR_RNDN);
          nc++;
        }
      if ((rc = lsc_mpfr_complement (w->C, &k, (const mpfr_t *) w->S, n1,
                                     (const mpfr_t *) w->cand, nc, n2,
                                     mpfr_get_prec (w->t))))
        return rc;
      ktot += k;
      if (lsc_irrep_dim (irrep, mpfr_get_d (L, MPFR_RNDN)) <= 0
          || (only >= 0 && only != irrep))
        continue;
      if ((rc = component_eigs (w, &ch->G2, &ch->sb[2], n2,
                                (const mpfr_t *) w->C, k, irrep, raw, irr,
                                cnt)))
        return rc;
    }
  return ktot + 2 * z1 == z2 + z0 ? LSC_SUCCESS : LSC_EFAILED;
}

static int
spectrum_mpfr (mpfr_t *values, lsc_iso_eigen *info, size_t *nout,
               const mpfr_t *p, const lsc_young *G, const mpfr_t d,
               double rtol, double atol, int only, int dd);

int
lsc_isotypic_spectrum_mpfr (mpfr_t *values, lsc_iso_eigen *info,
                            size_t *nout, const mpfr_t *p, const lsc_young *G,
                            const mpfr_t d, double rtol, double atol)
{
  return spectrum_mpfr (values, info, nout, p, G, d, rtol, atol, -1, 0);
}

int
lsc_isotypic_spectrum_mpfr_dd (mpfr_t *values, lsc_iso_eigen *info,
                               size_t *nout, const mpfr_t *p,
                               const lsc_young *G, const mpfr_t d,
                               double rtol, double atol)
{
  return spectrum_mpfr (values, info, nout, p, G, d, rtol, atol, -1, 1);
}

int
lsc_isotypic_component_mpfr (mpfr_t *values, lsc_iso_eigen *info,
                             size_t *nout, const mpfr_t *p,
                             const lsc_young *G, const mpfr_t d, int irrep,
                             double rtol, double atol)
{
  if (irrep < LSC_IRREP_T || irrep > LSC_IRREP_Y)
    LSC_ERROR ("unknown isotypic component", LSC_EINVAL);
  return spectrum_mpfr (values, info, nout, p, G, d, rtol, atol, irrep, 0);
}

static int
spectrum_mpfr (mpfr_t *values, lsc_iso_eigen *info, size_t *nout,
               const mpfr_t *p, const lsc_young *G, const mpfr_t d,
               double rtol, double atol, int only, int dd)
{
  if (!values || !info || !nout || !p || !G || !d)
    LSC_ERROR ("NULL argument", LSC_EFAULT);
  int rc = lsc_young_check (G);
  if (rc)
    return rc;
  if (!(rtol >= 0) || !(atol >= 0))
    LSC_ERROR ("tolerances must be >= 0", LSC_EBADTOL);
  size_t np = lsc_young_nparams (G);
  if (!mpfr_number_p (d) || !lsc_mpfr_vec_finite (p, np))
    LSC_ERROR ("non-finite parameter or d", LSC_ENONFINITE);
  double Ld = mpfr_get_d (d, MPFR_RNDN);
  for (size_t c = 0; c < G->ncb; c++)
    if ((int) c != G->pair[0])
      Ld -= G->csize[c];
  if (!(Ld >= 1) || !isfinite (Ld) || (only > LSC_IRREP_T && !(Ld >= 2)))
    LSC_ERROR ("the large block is too small (t needs n >= 1, s n >= 2, x "
               "and y n >= 3)", LSC_EDOM);
  lsc_isochain ch;
  if ((rc = lsc_isochain_make_small (&ch, G, Ld)))
    {
      lsc_isochain_free (&ch);
      LSC_ERROR ("cannot refine the group", rc);
    }
  if (ch.np != np)
    {
      lsc_isochain_free (&ch);
      LSC_ERROR ("G's block 0 size does not match d (lsc_young_set_d)",
                 LSC_EINVAL);
    }
  size_t nmax = ch.n0 + ch.n1 + ch.n2, cnt = 0;
  int e2;
  frexp (Ld + 2, &e2);
  mpfr_prec_t wp = lsc_mpfr_vec_prec (values, nmax) + 2 * (mpfr_prec_t) e2
                   + 32 + lsc_mpfr_clog2 (ch.n2);
  work w;
  mpfr_t L, *raw = lsc_mpfr_vec_alloc (nmax, wp);
  int *irr = malloc (nmax * sizeof *irr);
  mpfr_init2 (L, wp);
  rc = work_init (&w, ch.n2, wp, dd);
  double *wt = malloc (nmax * sizeof *wt);
  w.wt = wt;
  if (!raw || !irr || !wt || rc)
    {
      rc = LSC_ENOMEM;
      lsc_error ("out of memory", __FILE__, __LINE__, rc);
    }
  else
    {
      mpfr_set (L, d, MPFR_RNDN);
      for (size_t c = 0; c < G->ncb; c++)
        if ((int) c != G->pair[0])
          mpfr_sub_d (L, L, G->csize[c], MPFR_RNDN);
      rc = spectrum (raw, irr, &cnt, p, &ch, d, L, &w, only);
      if (rc)
        lsc_error ("reduced spectrum failed (restricted Hessian, rank or "
                   "Jacobi)", __FILE__, __LINE__, rc);
      else
        merge (values, info, nout, raw, irr, wt, cnt, rtol, atol, Ld, w.t);
    }
  work_clear (&w);
  lsc_mpfr_vec_free (raw, raw ? nmax : 0);
  free (irr);
  free (wt);
  mpfr_clear (L);
  lsc_isochain_free (&ch);
  return rc;
}

int
lsc_isotypic_spectrum_accurate (lsc_iso_eigen *out, size_t *nout,
                                const double *p, const lsc_young *G,
                                double rtol, double atol)
{
  if (!out || !nout || !p || !G)
    LSC_ERROR ("NULL argument", LSC_EFAULT);
  int rc = lsc_young_check (G);
  if (rc)
    return rc;
  size_t np = lsc_young_nparams (G), nmax = lsc_isotypic_max_mpfr (G);
  if (!lsc_all_finite (p, np))
    LSC_ERROR ("non-finite parameter", LSC_ENONFINITE);
  if (!nmax)
    LSC_ERROR ("the group cannot be refined for the reduced spectrum (more "
               "than LSC_YOUNG_MAX blocks)", LSC_EUNSUP);
  mpfr_t *v = lsc_mpfr_vec_alloc (nmax, 128), *pm = lsc_mpfr_vec_alloc (np, 53);
  mpfr_t d;
  mpfr_init2 (d, 64);
  mpfr_set_d (d, lsc_young_d (G), MPFR_RNDN);
  if (!v || !pm)
    {
      rc = LSC_ENOMEM;
      lsc_error ("out of memory", __FILE__, __LINE__, rc);
    }
  else
    {
      for (size_t i = 0; i < np; i++)
        mpfr_set_d (pm[i], p[i], MPFR_RNDN);
      rc = lsc_isotypic_spectrum_mpfr_dd (v, out, nout, (const mpfr_t *) pm,
                                          G, d, rtol, atol);
    }
  lsc_mpfr_vec_free (v, v ? nmax : 0);
  lsc_mpfr_vec_free (pm, pm ? np : 0);
  mpfr_clear (d);
  return rc;
}
