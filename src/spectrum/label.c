/* Isotypic labels of the full Hessian's eigenspaces from the eigenvectors'
   behaviour under the isotropy group: dimensions of their projections onto
   the fixed spaces of S_n, S_{n-1} and S_{n-2} (and the swap). */
#include <config.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <gsl/gsl_linalg.h>
#include "internal.h"
#include "landscape/lsc_isotypic.h"
#include "landscape/lsc_spectrum.h"

/* Position in G's block order of each index of the fine group's block order
   when the last q indices of block 0 (rows of block 0, columns of block
   pair[0]) are moved to the end; rows: perm_r (k), columns: perm_c (d). */
static void
single_out_perm (size_t *perm_r, size_t *perm_c, const lsc_young *G,
                 size_t q)
{
  size_t k = (size_t) lsc_young_k (G), d = (size_t) lsc_young_d (G);
  size_t L = (size_t) G->rsize[0];
  size_t c0 = 0;
  for (int c = 0; c < G->pair[0]; c++)
    c0 += (size_t) G->csize[c];
  /* fine position f -> coarse position */
  size_t f = 0;
  for (size_t i = 0; i < k; i++)
    if (!(i >= L - q && i < L))
      perm_r[f++] = i;
  for (size_t i = L - q; i < L; i++)
    perm_r[f++] = i;
  f = 0;
  for (size_t j = 0; j < d; j++)
    if (!(j >= c0 + L - q && j < c0 + L))
      perm_c[f++] = j;
  for (size_t j = c0 + L - q; j < c0 + L; j++)
    perm_c[f++] = j;
}

/* Numerical rank of the m x r matrix A (row-major, overwritten) with
   singular values above tol. */
static size_t
rank_of (double *A, size_t m, size_t r, double tol)
{
  if (m == 0 || r == 0)
    return 0;
  /* gsl wants m >= n: work on A^T A's eigenvalues via SVD of the r x r
     Gram matrix instead (r is the eigenspace dimension, small enough) */
  gsl_matrix *S = gsl_matrix_alloc (r, r), *V = gsl_matrix_alloc (r, r);
  gsl_vector *s = gsl_vector_alloc (r), *w = gsl_vector_alloc (r);
  size_t rk = 0;
  if (S && V && s && w)
    {
      for (size_t a = 0; a < r; a++)
        for (size_t b = 0; b < r; b++)
          {
            double t = 0;
            for (size_t i = 0; i < m; i++)
              t += A[i * r + a] * A[i * r + b];
            gsl_matrix_set (S, a, b, t);
          }
      gsl_linalg_SV_decomp (S, V, s, w);
      for (size_t a = 0; a < r; a++)
        if (gsl_vector_get (s, a) > tol * tol)
          rk++;
    }
  gsl_matrix_free (S);
  gsl_matrix_free (V);
  gsl_vector_free (s);
  gsl_vector_free (w);
  return rk;
}

int
lsc_isotypic_label_full (size_t *counts, const double *evec,
                         const lsc_eigen_cluster *grp, size_t ng,
                         const lsc_young *G)
{
  if (!counts || !evec || !grp || !G)
    LSC_ERROR ("NULL argument", LSC_EFAULT);
  int rc = lsc_young_check (G);
  if (rc)
    return rc;
  if (!lsc_young_is_integral (G) || G->rsize[0] < 3)
    LSC_ERROR ("needs integer sizes and a large block of at least 3",
               LSC_EDOM);
  size_t k = (size_t) lsc_young_k (G), d = (size_t) lsc_young_d (G);
  size_t n = k * d;
  lsc_young Gq[3];
  int rp[LSC_YOUNG_MAX], cp[LSC_YOUNG_MAX];
  if ((rc = lsc_young_split_small (&Gq[0], rp, cp, G))
      || (rc = lsc_young_single_out (&Gq[1], rp, cp, &Gq[0], 0, 1))
      || (rc = lsc_young_single_out (&Gq[2], rp, cp, &Gq[1], 0, 1)))
    return rc;
  size_t np[3], npmax = 0;
  for (int q = 0; q < 3; q++)
    {
      np[q] = lsc_young_nparams (&Gq[q]);
      npmax = np[q] > npmax ? np[q] : npmax;
    }
  size_t maxmult = 0;
  for (size_t g = 0; g < ng; g++)
    maxmult = grp[g].mult > maxmult ? grp[g].mult : maxmult;
  double *Wv = malloc (n * sizeof *Wv), *metric = malloc (npmax * sizeof *metric);
  double *Z = malloc (npmax * maxmult * sizeof *Z);
  double *Zs = malloc (npmax * maxmult * sizeof *Zs);
  size_t *pr = malloc ((k + d) * sizeof *pr), *swap = malloc (npmax * sizeof *swap);
  double *pq = malloc (npmax * sizeof *pq);
  if (!Wv || !metric || !Z || !Zs || !pr || !swap || !pq)
    LSC_FAIL ("out of memory", LSC_ENOMEM);
  size_t *pc = pr + k;
  /* the swap of the two singled indices of G2 on its parameters */
  {
    int s1 = (int) Gq[2].nrb - 2, s2 = (int) Gq[2].nrb - 1;
    int c1 = Gq[2].pair[s1], c2 = Gq[2].pair[s2];
    for (size_t i = 0; i < np[2]; i++)
      {
        lsc_param_info pi;
        lsc_young_param (&pi, &Gq[2], i);
        int r = pi.rb == s1 ? s2 : pi.rb == s2 ? s1 : pi.rb;
        int c = pi.cb == c1 ? c2 : pi.cb == c2 ? c1 : pi.cb;
        swap[i] = (size_t) lsc_young_param_index (&Gq[2], r, c, pi.kind);
      }
  }
  double tol = 1e-6; /* ranks of projections of unit vectors: 0 or ~1 */
  for (size_t g = 0; g < ng; g++)
    {
      size_t r = grp[g].mult, rk[3] = { 0, 0, 0 }, rsym = 0, ranti = 0;
      for (int q = 0; q < 3; q++)
        {
          single_out_perm (pr, pc, G, (size_t) q);
          lsc_young_metric (metric, &Gq[q]);
          for (size_t a = 0; a < r; a++)
            {
              size_t col = grp[g].first + a;
              for (size_t i = 0; i < k; i++)
                for (size_t j = 0; j < d; j++)
                  Wv[i * d + j] = evec[(pr[i] * d + pc[j]) * n + col];
              if ((rc = lsc_young_project (pq, NULL, Wv, &Gq[q])))
                goto cleanup;
              for (size_t i = 0; i < np[q]; i++) /* orthonormal coords */
                Z[i * r + a] = pq[i] * sqrt (fmax (metric[i], 0));
            }
          if (q < 2)
            rk[q] = rank_of (Z, np[q], r, tol);
          else
            {
              for (int odd = 0; odd < 2; odd++)
                {
                  for (size_t i = 0; i < np[2]; i++)
                    for (size_t a = 0; a < r; a++)
                      Zs[i * r + a] = odd ? Z[i * r + a] - Z[swap[i] * r + a]
                                          : Z[i * r + a] + Z[swap[i] * r + a];
                  size_t rr = rank_of (Zs, np[2], r, tol);
                  if (odd)
                    ranti = rr;
                  else
                    rsym = rr;
                }
            }
        }
      size_t mt = rk[0], ms = rk[1] - rk[0];
      counts[4 * g + LSC_IRREP_T] = mt;
      counts[4 * g + LSC_IRREP_S] = ms;
      counts[4 * g + LSC_IRREP_X] = ranti >= ms ? ranti - ms : 0;
      counts[4 * g + LSC_IRREP_Y] = rsym >= mt + ms ? rsym - mt - ms : 0;
    }
cleanup:
  free (Wv);
  free (metric);
  free (Z);
  free (Zs);
  free (pr);
  free (swap);
  free (pq);
  return rc;
}
