/* Structural flat directions of split rows.  When Fix(G) keeps m student
   rows identical (w = r_1 = ... = r_m, the split rows of a k = d + m
   family), every direction z_j = (r_1 += w, r_j -= w) leaves the network
   function unchanged (relu((1 + e) w.x) + relu((1 - e) w.x) = 2 relu(w.x)
   for |e| < 1, positive homogeneity) and leaves every row's gradient
   unchanged (it depends on the function and on the row's sign pattern
   only).  So H z_j = 0 exactly at every point of Fix(G), not only at the
   critical point.  The same holds for the restricted formula at real d
   (the analytic continuation in the large block's size): kappa is
   positively homogeneous of degree 1 in each argument for any cell
   weights, so kappa(r_1, x) + kappa(r_j, x) = 2 kappa(w, x), the self and
   mutual terms give 2 |w|^2 (theta = 0 between r_1 and r_j), and every
   gradient term depends on r_1, r_j through their direction or their
   sum.  With T = [z_2 .. z_m, e_i (i not deleted)], where z_j
   is the only column with a component on the deleted coordinate k_j (row
   j at a cell c with w_c != 0), T is nonsingular and
   T^T H T = diag(0, H') with H' the principal submatrix of H without the
   coordinates k_j: by Sylvester's law the inertia of H is that of H' plus
   m - 1 zero eigenvalues.  The z_j lie in Fix(G0) (w is constant on the
   large block's columns), hence in the t component, and are even under
   the swap of G2. */
#include <config.h>
#include <stdlib.h>
#include <string.h>
#include "internal.h"
#include "certify/certify_impl.h"
#include "spectrum/isochain.h"
#include "landscape/lsc_isotypic.h"

/* A without the rows and columns flagged in del (n x n), in place. */
static void
drop (arb_mat_t A, const char *del, size_t n)
{
  size_t m = 0;
  for (size_t i = 0; i < n; i++)
    m += !del[i];
  arb_mat_t B;
  arb_mat_init (B, (slong) m, (slong) m);
  for (size_t i = 0, a = 0; i < n; i++)
    if (!del[i])
      {
        for (size_t j = 0, b = 0; j < n; j++)
          if (!del[j])
            arb_set (arb_mat_entry (B, (slong) a, (slong) b++),
                     arb_mat_entry (A, (slong) i, (slong) j));
        a++;
      }
  arb_mat_swap (A, B);
  arb_mat_clear (B);
}

/* Flag in del (nq) the coordinates k_j of the identical unpaired singleton
   rows of Gq (rows whose parameters copy the same parameters of G: root);
   P: G's parameters over the box.  Returns the number flagged, or -1 when
   no cell of a group is proved nonzero. */
static long
flag_level (char *del, const lsc_young *Gq, const int *root, size_t nq,
            arb_srcptr P)
{
  memset (del, 0, nq);
  long nz = 0;
  char done[LSC_YOUNG_MAX] = { 0 };
  for (size_t r = 0; r < Gq->nrb; r++)
    {
      if (done[r] || Gq->pair[r] >= 0 || Gq->rsize[r] != 1)
        continue;
      int cell = -1;
      for (size_t s = r + 1; s < Gq->nrb; s++)
        {
          if (done[s] || Gq->pair[s] >= 0 || Gq->rsize[s] != 1)
            continue;
          int same = 1;
          for (size_t c = 0; c < Gq->ncb && same; c++)
            {
              int a = lsc_young_param_index (Gq, (int) r, (int) c,
                                             LSC_PARAM_CONST),
                  b = lsc_young_param_index (Gq, (int) s, (int) c,
                                             LSC_PARAM_CONST);
              same = a >= 0 && b >= 0 && root[a] == root[b];
            }
          if (!same)
            continue;
          done[s] = 1;
          if (cell < 0)
            for (size_t c = 0; c < Gq->ncb && cell < 0; c++)
              {
                int a = lsc_young_param_index (Gq, (int) r, (int) c,
                                               LSC_PARAM_CONST);
                if (!arb_contains_zero (P + root[a]))
                  cell = (int) c;
              }
          if (cell < 0)
            return -1;
          int b = lsc_young_param_index (Gq, (int) s, cell, LSC_PARAM_CONST);
          if ((size_t) b >= nq)
            return -1;
          del[b] = 1;
          nz++;
        }
    }
  return nz;
}

int
lsc_cert_deflate (arb_mat_t *A, size_t *nzero, const lsc_young *G,
                  arb_srcptr box, const arb_t d, const int *ks, slong prec)
{
  for (int c = 0; c < 4; c++)
    nzero[c] = 0;
  lsc_isochain ch;
  int rc = lsc_cert_chain (&ch, G, d);
  if (rc)
    return rc;
  size_t np = lsc_young_nparams (G), nq[3] = { ch.n0, ch.n1, ch.n2 };
  const int *par[3] = { ch.par0, ch.par1, ch.par2 };
  const lsc_young *Gq[3] = { &ch.G0, &ch.G1, &ch.G2 };
  arb_ptr P = _arb_vec_init ((slong) np);
  arb_t s;
  arb_init (s);
  /* the parameters p (scaled unknowns: p = c + q d^-k) */
  for (size_t i = 0; i < np; i++)
    {
      arb_set (P + i, box + i);
      if (ks)
        {
          arb_pow_ui (s, d, (ulong) ks[i], prec);
          arb_div (P + i, P + i, s, prec);
          arb_add_si (P + i, P + i, ks[np + i], prec);
        }
    }
  arb_clear (s);
  int *root[3] = { NULL, NULL, NULL };
  char *del[3] = { NULL, NULL, NULL };
  long nz[3] = { 0, 0, 0 };
  rc = LSC_SUCCESS;
  for (int q = 0; q < 3 && !rc; q++)
    {
      root[q] = malloc ((nq[q] ? nq[q] : 1) * sizeof (int));
      del[q] = malloc (nq[q] ? nq[q] : 1);
      if (!root[q] || !del[q])
        {
          rc = LSC_ENOMEM;
          break;
        }
      for (size_t i = 0; i < nq[q]; i++)
        root[q][i] = q ? root[q - 1][par[q][i]] : par[0][i];
      nz[q] = flag_level (del[q], Gq[q], root[q], nq[q], P);
      if (nz[q] < 0 || nz[q] != nz[0])
        rc = LSC_EDOM;
    }
  /* the flat directions are even under G2's swap: their coordinates are
     fixed points of it (the split rows are not in the large block) */
  for (size_t i = 0; !rc && i < nq[2]; i++)
    if (del[2][i] && ch.swap[i] != (int) i)
      rc = LSC_EDOM;
  if (!rc && nz[0] > 0)
    {
      drop (A[0], del[0], nq[0]);
      drop (A[1], del[1], nq[1]);
      /* the even basis of Fix(G2): e_i + e_swap(i) (i < swap(i)) and e_i
         at fixed points, in the order of i */
      size_t ne = (size_t) arb_mat_nrows (A[3]), m = 0;
      char *de = calloc (ne ? ne : 1, 1);
      if (!de)
        rc = LSC_ENOMEM;
      for (size_t i = 0; !rc && i < nq[2]; i++)
        if (ch.swap[i] >= (int) i)
          {
            if (m < ne)
              de[m] = del[2][i];
            m++;
          }
      if (!rc && m != ne)
        rc = LSC_EINVAL;
      if (!rc)
        drop (A[3], de, ne);
      free (de);
      nzero[LSC_IRREP_T] = (size_t) nz[0];
    }
  for (int q = 0; q < 3; q++)
    {
      free (root[q]);
      free (del[q]);
    }
  _arb_vec_clear (P, (slong) np);
  lsc_isochain_free (&ch);
  return rc;
}
