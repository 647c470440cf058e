/* The isotypic blocks of the Hessian over a box of parameters and a
   ball of d: the restricted Hessian on the finest level Fix(G2) of the
   refinement chain Fix(G0) < Fix(G1) < Fix(G2), the coarser levels' by
   congruence, and the odd and even parts of Fix(G2) under the swap of
   the two singled indices. */
#include <config.h>
#include <stdlib.h>
#include "internal.h"
#include "certify/certify_impl.h"
#include "spectrum/isochain.h"

/* The Hessian of Gq over the mapped box: centered (centre xq, box Xq),
   or, when xd != NULL, over the box with its derivative in the direction
   (xd, 1) into Ad.  alias[i]: the parameter of G (the root of the chain)
   that Gq's parameter i copies, so that rows which Fix(G) keeps equal
   (the split rows of a k = d + m family, free in Fix(G0)) are known to be
   identical.  The centered form runs over G's nr parameters (the box
   is the image of G's box: the level's Hessian is a function of those),
   not over the level's nq. */
static int
hess_q (arb_mat_t A, arb_mat_t Ad, const lsc_young *Gq, arb_srcptr x,
        arb_srcptr X, arb_srcptr xd, const int *par, const int *alias,
        size_t nr, size_t nq,
        const arb_t dm, const arb_t D, const int *ks, int N, slong prec)
{
  arb_ptr xq = _arb_vec_init ((slong) nq), Xq = _arb_vec_init ((slong) nq),
          Dq = _arb_vec_init ((slong) nq), H = _arb_vec_init ((slong) (nq * nq)),
          Hd = _arb_vec_init ((slong) (nq * nq));
  arb_t one;
  arb_init (one);
  arb_one (one);
  for (size_t i = 0; i < nq; i++)
    {
      arb_set (xq + i, x + par[i]);
      arb_set (Xq + i, X + par[i]);
      if (xd)
        arb_set (Dq + i, xd + par[i]);
    }
  int rc = xd ? lsc_cert_eval (NULL, NULL, NULL, NULL, H, Hd, Xq, Dq, Gq, D,
                               one, ks, alias, prec)
              : lsc_cert_eval_centered (NULL, NULL, H, xq, dm, Xq, D, Gq,
                                        ks, alias, alias, nr, N, prec);
  for (size_t i = 0; !rc && i < nq; i++)
    for (size_t j = 0; j < nq; j++)
      {
        arb_set (arb_mat_entry (A, i, j), H + i * nq + j);
        if (xd)
          arb_set (arb_mat_entry (Ad, i, j), Hd + i * nq + j);
      }
  _arb_vec_clear (xq, (slong) nq);
  _arb_vec_clear (Xq, (slong) nq);
  _arb_vec_clear (Dq, (slong) nq);
  _arb_vec_clear (H, (slong) (nq * nq));
  _arb_vec_clear (Hd, (slong) (nq * nq));
  arb_clear (one);
  return rc;
}

/* B = E^T H E (B initialised, m x m) for the inclusion E of the coarse
   level: (E y)_i = y_par[i], i < n. */
static void
fibre_sum (arb_mat_t B, const arb_mat_t H, const int *par, size_t n,
           slong prec)
{
  arb_mat_zero (B);
  for (size_t i = 0; i < n; i++)
    for (size_t j = 0; j < n; j++)
      arb_add (arb_mat_entry (B, par[i], par[j]),
               arb_mat_entry (B, par[i], par[j]),
               arb_mat_entry ((arb_mat_struct *) H, i, j), prec);
}

void
lsc_cert_blocks_clear (arb_mat_t *A, arb_mat_t *Ad)
{
  for (int c = 0; c < 4; c++)
    {
      arb_mat_clear (A[c]);
      if (Ad)
        arb_mat_clear (Ad[c]);
    }
}

/* The isotypic chain of G at the ball d's midpoint (the large block's
   size L = d - the other blocks, at least 4 so that the chain exists
   while d's ball reaches below), with the paired small blocks of size
   p >= 4 split into singletons or (compress) into (p - 2, 1, 1).  On
   failure nothing is left to free. */
static int
chain_make (lsc_isochain *ch, const lsc_young *G, const arb_t d, int compress)
{
  double other = 0;
  for (size_t c = 0; c < G->ncb; c++)
    if ((int) c != G->pair[0])
      other += G->csize[c];
  double Ld = arf_get_d (arb_midref (d), ARF_RND_NEAR) - other;
  int rc = compress ? lsc_isochain_make_small (ch, G, Ld > 4 ? Ld : 4)
                    : lsc_isochain_make (ch, G, Ld > 4 ? Ld : 4);
  if (rc)
    lsc_isochain_free (ch);
  return rc;
}

int
lsc_cert_chain (lsc_isochain *ch, const lsc_young *G, const arb_t d)
{
  return chain_make (ch, G, d, 0);
}

static void
blocks_empty (arb_mat_t *A, arb_mat_t *Ad)
{
  for (int c = 0; c < 4; c++)
    {
      arb_mat_init (A[c], 0, 0);
      if (Ad)
        arb_mat_init (Ad[c], 0, 0);
    }
}

static int on_chain (arb_mat_t *A, arb_mat_t *Ad, const lsc_isochain *ch,
                     int *const orb[3], const lsc_young *G, arb_srcptr box,
                     arb_srcptr xd, const arb_t d, const int *ks, int N,
                     slong prec);

int
lsc_cert_blocks (arb_mat_t *A, arb_mat_t *Ad, const lsc_young *G,
                 arb_srcptr box, arb_srcptr xd, const arb_t d,
                 const int *ks, int N, slong prec)
{
  return lsc_cert_blocks_sym (A, Ad, G, box, xd, d, ks, N, 0,
                              LSC_CERT_SYM_NONE, prec);
}

int
lsc_cert_blocks_sym (arb_mat_t *A, arb_mat_t *Ad, const lsc_young *G,
                     arb_srcptr box, arb_srcptr xd, const arb_t d,
                     const int *ks, int N, int r, int stab, slong prec)
{
  lsc_isochain ch;
  int rc = lsc_cert_chain (&ch, G, d);
  if (rc)
    {
      blocks_empty (A, Ad);
      return rc;
    }
  int *orb[3] = { NULL, NULL, NULL };
  if (stab != LSC_CERT_SYM_NONE
      && (rc = lsc_cert_small_orbits (orb, &ch, G, r, stab)))
    {
      lsc_isochain_free (&ch);
      blocks_empty (A, Ad);
      return rc;
    }
  rc = on_chain (A, Ad, &ch, orb, G, box, xd, d, ks, N, prec);
  for (int q = 0; q < 3; q++)
    free (orb[q]);
  lsc_isochain_free (&ch);
  return rc;
}

int
lsc_cert_blocks_small (arb_mat_t *A, size_t full[4], const lsc_young *G,
                       arb_srcptr box, const arb_t d, const int *ks, int N,
                       slong prec)
{
  lsc_isochain ch, cs;
  int rc = lsc_cert_chain (&ch, G, d);
  if (rc)
    {
      blocks_empty (A, NULL);
      return rc;
    }
  /* the whole blocks' sizes: the odd part of Fix(G2) has one vector per
     2-cycle of the swap, the even part one per cycle */
  size_t two = 0;
  for (size_t i = 0; i < ch.n2; i++)
    two += ch.swap[i] > (int) i;
  full[0] = ch.n0;
  full[1] = ch.n1;
  full[2] = two;
  full[3] = ch.n2 - two;
  size_t n2 = ch.n2;
  lsc_isochain_free (&ch);
  if ((rc = chain_make (&cs, G, d, 1)))
    {
      blocks_empty (A, NULL);
      return rc;
    }
  if (cs.n2 == n2)
    {
      /* no small block to compress */
      lsc_isochain_free (&cs);
      blocks_empty (A, NULL);
      return LSC_EUNSUP;
    }
  int *none[3] = { NULL, NULL, NULL };
  rc = on_chain (A, NULL, &cs, none, G, box, NULL, d, ks, N, prec);
  lsc_isochain_free (&cs);
  return rc;
}

/* The four blocks on the chain ch (orb: the small block's orbits on
   each level, or NULL). */
static int
on_chain (arb_mat_t *A, arb_mat_t *Ad, const lsc_isochain *ch,
          int *const orb[3], const lsc_young *G, arb_srcptr box,
          arb_srcptr xd, const arb_t d, const int *ks, int N, slong prec)
{
  int rc;
  size_t np = lsc_young_nparams (G), nq[3] = { ch->n0, ch->n1, ch->n2 };
  const int *par[3] = { ch->par0, ch->par1, ch->par2 };
  const lsc_young *Gq[3] = { &ch->G0, &ch->G1, &ch->G2 };
  arb_ptr x[4], X[4], xdq[4];
  arb_t dm;
  arb_init (dm);
  arf_set (arb_midref (dm), arb_midref (d));
  x[0] = _arb_vec_init ((slong) np);
  X[0] = _arb_vec_init ((slong) np);
  xdq[0] = _arb_vec_init ((slong) np);
  for (size_t i = 0; i < np; i++)
    {
      arf_set (arb_midref (x[0] + i), arb_midref (box + i));
      arb_set (X[0] + i, box + i);
      if (xd)
        arb_set (xdq[0] + i, xd + i);
    }
  /* the scaling exponents of each level from its root parameter's */
  int *kq[4] = { NULL, NULL, NULL, NULL };
  if (ks)
    {
      kq[0] = (int *) ks;
      for (int q = 0; q < 3; q++)
        {
          size_t nparent = q ? nq[q - 1] : np;
          kq[q + 1] = flint_malloc ((2 * nq[q] + 1) * sizeof (int));
          for (size_t i = 0; i < nq[q]; i++)
            {
              kq[q + 1][i] = kq[q][par[q][i]];
              kq[q + 1][nq[q] + i] = kq[q][nparent + (size_t) par[q][i]];
            }
        }
    }
  /* the parameters of each level from its parent's */
  for (int q = 0; q < 3; q++)
    {
      x[q + 1] = _arb_vec_init ((slong) nq[q]);
      X[q + 1] = _arb_vec_init ((slong) nq[q]);
      xdq[q + 1] = _arb_vec_init ((slong) nq[q]);
      for (size_t i = 0; i < nq[q]; i++)
        {
          arb_set (x[q + 1] + i, x[q] + par[q][i]);
          arb_set (X[q + 1] + i, X[q] + par[q][i]);
          arb_set (xdq[q + 1] + i, xdq[q] + par[q][i]);
        }
    }
  arb_mat_t H2, H2d;
  arb_mat_init (A[0], (slong) ch->n0, (slong) ch->n0);
  arb_mat_init (A[1], (slong) ch->n1, (slong) ch->n1);
  arb_mat_init (H2, (slong) ch->n2, (slong) ch->n2);
  arb_mat_init (H2d, (slong) ch->n2, (slong) ch->n2);
  if (Ad)
    {
      arb_mat_init (Ad[0], (slong) ch->n0, (slong) ch->n0);
      arb_mat_init (Ad[1], (slong) ch->n1, (slong) ch->n1);
    }
  /* each level's parameters as copies of G's (the composed parent maps) */
  int *root[3];
  for (int q = 0; q < 3; q++)
    {
      root[q] = flint_malloc ((nq[q] ? nq[q] : 1) * sizeof (int));
      for (size_t i = 0; i < nq[q]; i++)
        root[q][i] = q ? root[q - 1][par[q][i]] : par[0][i];
    }
  /* hess_q maps level q's parameters from level q - 1 (x[q]); only the
     finest level is evaluated: Fix(G0) < Fix(G1) < Fix(G2) with the
     copies as inclusions E (0/1, one 1 per row), L_q = L_(q+1) o E, so
     that the coarser Hessians are the exact congruences E^T H E (sums of
     entries over the fibres of par) */
  rc = hess_q (H2, H2d, Gq[2], x[2], X[2], xd ? xdq[2] : NULL, par[2],
               root[2], np, nq[2], dm, d, kq[3], N, prec);
  if (!rc)
    {
      fibre_sum (A[1], H2, par[2], nq[2], prec);
      fibre_sum (A[0], A[1], par[1], nq[1], prec);
      if (Ad)
        {
          fibre_sum (Ad[1], H2d, par[2], nq[2], prec);
          fibre_sum (Ad[0], Ad[1], par[1], nq[1], prec);
        }
    }
  for (int q = 0; q < 3; q++)
    flint_free (root[q]);
  /* the odd and even parts of Fix(G2) under the swap; with a small
     block's group, every level compressed onto its fixed vectors */
  int bad = lsc_cert_orbit_block (A[2], H2, orb[2], ch->swap, ch->n2, 1, prec);
  bad |= lsc_cert_orbit_block (A[3], H2, orb[2], ch->swap, ch->n2, 2, prec);
  if (Ad)
    {
      bad |= lsc_cert_orbit_block (Ad[2], H2d, orb[2], ch->swap, ch->n2, 1,
                                   prec);
      bad |= lsc_cert_orbit_block (Ad[3], H2d, orb[2], ch->swap, ch->n2, 2,
                                   prec);
    }
  for (int q = 0; q < 2 && orb[0]; q++)
    for (int k = 0; k < (Ad ? 2 : 1); k++)
      {
        arb_mat_struct *M = k ? Ad[q] : A[q];
        arb_mat_t T;
        bad |= lsc_cert_orbit_block (T, M, orb[q], NULL,
                                     (size_t) arb_mat_nrows (M), 0, prec);
        arb_mat_swap (M, T);
        arb_mat_clear (T);
      }
  if (bad && !rc)
    rc = LSC_ENOMEM;
  arb_mat_clear (H2);
  arb_mat_clear (H2d);
  _arb_vec_clear (x[0], (slong) np);
  _arb_vec_clear (X[0], (slong) np);
  _arb_vec_clear (xdq[0], (slong) np);
  for (int q = 0; q < 3; q++)
    {
      _arb_vec_clear (x[q + 1], (slong) nq[q]);
      _arb_vec_clear (X[q + 1], (slong) nq[q]);
      _arb_vec_clear (xdq[q + 1], (slong) nq[q]);
    }
  for (int q = 1; q < 4; q++)
    if (kq[q])
      flint_free (kq[q]);
  arb_clear (dm);
  return rc;
}
