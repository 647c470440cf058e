/* The symmetric group of a small block inside the isotypic blocks: the
   chain's groups split G's small block r of size p into p singletons (rows
   and, when the block is paired, their columns), so S_p permuting them
   acts on the parameters of every level and commutes with every block's
   Hessian and with the swap of the two singled indices.  The orbits of
   S_p (its trivial component) or of S_{p-1}, the stabiliser of the first
   singleton (the trivial component and one copy of the standard one),
   give the bases of the compressed blocks, and orbit_block builds them. */
#include <config.h>
#include <stdlib.h>
#include <string.h>
#include "internal.h"
#include "certify/certify_impl.h"

/* The small blocks whose symmetric group can be separated: integral row
   blocks of size >= 2 other than the large block.  Returns the size p of
   block r, or 0 when r is not such a block. */
int
lsc_cert_small_size (const lsc_young *G, int r)
{
  if (r <= 0 || (size_t) r >= G->nrb)
    return 0;
  double p = G->rsize[r];
  if (!(p >= 2 && p <= LSC_YOUNG_MAX && p == (double) (int) p))
    return 0;
  return (int) p;
}

static int
find (int *u, int i)
{
  while (u[i] != i)
    i = u[i] = u[u[i]];
  return i;
}

static void
unite (int *u, int i, int j)
{
  i = find (u, i);
  j = find (u, j);
  if (i < j)
    u[j] = i;
  else if (j < i)
    u[i] = j;
}

/* Orbits of level q's parameters (group Gq, rows' and columns' root
   blocks of G in rroot and croot) under the transpositions of adjacent
   singletons of block r, from the first (S_p) or the second (S_{p-1}). */
static int
level_orbits (int *orb, const lsc_young *Gq, const int *rroot,
              const lsc_young *G, int r, int from)
{
  size_t n = lsc_young_nparams (Gq);
  int sing[LSC_YOUNG_MAX], ns = 0, paired = G->pair[r] >= 0;
  for (size_t f = 1; f < Gq->nrb; f++)
    if (rroot[f] == r)
      sing[ns++] = (int) f;
  if (ns != lsc_cert_small_size (G, r))
    return LSC_EINVAL;
  for (size_t i = 0; i < n; i++)
    orb[i] = (int) i;
  for (int a = from; a + 1 < ns; a++)
    {
      int ra = sing[a], rb = sing[a + 1];
      int ca = paired ? Gq->pair[ra] : -2, cb = paired ? Gq->pair[rb] : -2;
      for (size_t i = 0; i < n; i++)
        {
          lsc_param_info pi;
          lsc_young_param (&pi, Gq, i);
          int rr = pi.rb == ra ? rb : pi.rb == rb ? ra : pi.rb;
          int cc = pi.cb == ca ? cb : pi.cb == cb ? ca : pi.cb;
          int j = lsc_young_param_index (Gq, rr, cc, pi.kind);
          if (j < 0)
            return LSC_EINVAL;
          unite (orb, (int) i, j);
        }
    }
  for (size_t i = 0; i < n; i++)
    orb[i] = find (orb, (int) i);
  return LSC_SUCCESS;
}

int
lsc_cert_small_orbits (int *orb[3], const lsc_isochain *ch,
                       const lsc_young *G, int r, int stab)
{
  orb[0] = orb[1] = orb[2] = NULL;
  if (!lsc_cert_small_size (G, r))
    return LSC_EINVAL;
  int rp[3][LSC_YOUNG_MAX], cp[3][LSC_YOUNG_MAX];
  lsc_young Gq[3];
  int rc = lsc_isochain_groups (Gq, rp, cp, G, 8);
  size_t nq[3] = { ch->n0, ch->n1, ch->n2 };
  for (int q = 0; !rc && q < 3; q++)
    if (lsc_young_nparams (&Gq[q]) != nq[q])
      rc = LSC_EINVAL;
  for (int q = 0; !rc && q < 3; q++)
    {
      int root[LSC_YOUNG_MAX];
      for (size_t f = 0; f < Gq[q].nrb; f++)
        {
          int b = (int) f;
          for (int l = q; l >= 0; l--)
            b = rp[l][b];
          root[f] = b;
        }
      orb[q] = malloc ((nq[q] ? nq[q] : 1) * sizeof (int));
      if (!orb[q])
        rc = LSC_ENOMEM;
      else
        rc = level_orbits (orb[q], &Gq[q], root, G, r,
                           stab == LSC_CERT_SYM_STD ? 1 : 0);
    }
  /* the swap of the singled indices must map orbits onto orbits */
  for (size_t i = 0; !rc && i < ch->n2; i++)
    for (size_t j = 0; j < ch->n2; j++)
      if (orb[2][i] == orb[2][j]
          && orb[2][ch->swap[i]] != orb[2][ch->swap[j]])
        {
          rc = LSC_EINVAL;
          break;
        }
  if (rc)
    for (int q = 0; q < 3; q++)
      {
        free (orb[q]);
        orb[q] = NULL;
      }
  return rc;
}

int
lsc_cert_orbit_block (arb_mat_t B, const arb_mat_t H, const int *orb,
                      const int *swap, size_t n, int parity, slong prec)
{
  int *cls = malloc ((n ? n : 1) * sizeof *cls),
      *sgn = malloc ((n ? n : 1) * sizeof *sgn),
      *num = malloc ((n ? n : 1) * sizeof *num);
  if (!cls || !sgn || !num)
    {
      free (cls);
      free (sgn);
      free (num);
      arb_mat_init (B, 0, 0);
      return LSC_ENOMEM;
    }
  /* the class of i: its orbit O and swap(O), represented by the smaller
     orbit label; sign -1 on swap(O) for the odd part; the odd part of a
     swap-invariant orbit is 0 */
  for (size_t i = 0; i < n; i++)
    num[i] = -1;
  for (size_t i = 0; i < n; i++)
    {
      int o = orb ? orb[i] : (int) i;
      int so = swap ? (orb ? orb[swap[i]] : swap[i]) : o;
      int rep = o < so ? o : so;
      cls[i] = parity == 1 && o == so ? -1 : rep;
      sgn[i] = o == rep || parity != 1 ? 1 : -1;
      if (cls[i] >= 0)
        num[cls[i]] = 0;
    }
  slong m = 0;
  for (size_t i = 0; i < n; i++)
    if (num[i] == 0)
      num[i] = (int) m++;
  arb_mat_init (B, m, m);
  for (size_t i = 0; i < n; i++)
    {
      if (cls[i] < 0)
        continue;
      slong a = num[cls[i]];
      for (size_t j = 0; j < n; j++)
        {
          if (cls[j] < 0)
            continue;
          arb_ptr e = arb_mat_entry (B, a, num[cls[j]]);
          if (sgn[i] == sgn[j])
            arb_add (e, e, arb_mat_entry (H, i, j), prec);
          else
            arb_sub (e, e, arb_mat_entry (H, i, j), prec);
        }
    }
  free (cls);
  free (sgn);
  free (num);
  return LSC_SUCCESS;
}
