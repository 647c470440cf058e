/* Proved inertia of a symmetric ball matrix: an exact congruence by
   power-of-two scaling and double eigenvectors, then LDL^T without
   pivoting in ball (jet) arithmetic; Sylvester's law of inertia. */
#include <config.h>
#include <math.h>
#include <stdlib.h>
#include "internal.h"
#include "certify/certify_impl.h"
#include "landscape/lsc_spectrum.h"

/* order[] lists the eigen-directions with the one of smallest |lambda|
   last (the others by decreasing |lambda|). */
static int
by_abs_desc (const void *a, const void *b)
{
  double x = fabs (*(const double *) a), y = fabs (*(const double *) b);
  return x < y ? 1 : x > y ? -1 : 0;
}

int
lsc_ball_inertia (size_t *nneg, size_t *npos, const arb_mat_t A,
                  const arb_mat_t Ad, arb_t last, arb_t dlast, slong prec)
{
  slong n = arb_mat_nrows (A);
  *nneg = *npos = 0;
  if (n == 0)
    return 1;
  int proved = 0;
  double *M = malloc ((size_t) (n * n) * sizeof *M),
         *Q = malloc ((size_t) (n * n) * sizeof *Q),
         *ev = malloc ((size_t) n * sizeof *ev),
         *key = malloc ((size_t) (2 * n) * sizeof *key);
  slong *sc = malloc ((size_t) n * sizeof *sc), *ord = malloc ((size_t) n * sizeof *ord);
  lsc_jet *C = lsc_jet_vec_init ((size_t) (n * n)), *L = lsc_jet_vec_init ((size_t) (n * n)),
          *D = lsc_jet_vec_init ((size_t) n);
  lsc_eigen_workspace *ws = lsc_eigen_workspace_alloc ((size_t) n, 1);
  arb_t t;
  arb_init (t);
  lsc_jet tj;
  lsc_jet_init (&tj);
  if (!M || !Q || !ev || !key || !sc || !ord || !C || !L || !D || !ws)
    goto cleanup;
  /* exact scaling S = diag(2^-sc) with (S A S)_ii ~ 1 */
  for (slong i = 0; i < n; i++)
    {
      double a = fabs (arf_get_d (arb_midref (arb_mat_entry (A, i, i)),
                                  ARF_RND_NEAR));
      int e = 0;
      if (a > 0 && isfinite (a))
        frexp (sqrt (a), &e);
      sc[i] = e;
    }
  for (slong i = 0; i < n; i++)
    for (slong j = 0; j < n; j++)
      {
        arb_mul_2exp_si (t, arb_mat_entry (A, i, j), -(sc[i] + sc[j]));
        M[i * n + j] = arf_get_d (arb_midref (t), ARF_RND_NEAR);
        if (!arb_is_finite (t) || !isfinite (M[i * n + j]))
          goto cleanup;
      }
  /* symmetrise the midpoint (the eigenvectors need not be exact) */
  for (slong i = 0; i < n; i++)
    for (slong j = 0; j < i; j++)
      M[i * n + j] = M[j * n + i] = 0.5 * (M[i * n + j] + M[j * n + i]);
  if (lsc_eigen_symm (ev, Q, M, (size_t) n, ws))
    goto cleanup;
  for (slong j = 0; j < n; j++)
    {
      key[2 * j] = ev[j];
      key[2 * j + 1] = (double) j;
    }
  qsort (key, (size_t) n, 2 * sizeof *key, by_abs_desc);
  for (slong j = 0; j < n; j++)
    ord[j] = (slong) key[2 * j + 1];
  /* C = (S Q)^T A (S Q), the columns of Q in the chosen order: an exact
     congruence (S Q is a matrix of doubles scaled by powers of two) */
  {
    arb_mat_t SQ, SQt, T, Cm;
    arb_mat_init (SQ, n, n);
    arb_mat_init (SQt, n, n);
    arb_mat_init (T, n, n);
    arb_mat_init (Cm, n, n);
    for (slong i = 0; i < n; i++)
      for (slong a = 0; a < n; a++)
        {
          arb_set_d (arb_mat_entry (SQ, i, a), Q[i * n + ord[a]]);
          arb_mul_2exp_si (arb_mat_entry (SQ, i, a), arb_mat_entry (SQ, i, a),
                           -sc[i]);
        }
    arb_mat_transpose (SQt, SQ);
    arb_mat_mul (T, A, SQ, prec);
    arb_mat_mul (Cm, SQt, T, prec);
    for (slong a = 0; a < n; a++)
      for (slong b = 0; b <= a; b++)
        lsc_jet_set_arb (&C[a * n + b], arb_mat_entry (Cm, a, b), NULL);
    if (Ad)
      {
        arb_mat_mul (T, Ad, SQ, prec);
        arb_mat_mul (Cm, SQt, T, prec);
        for (slong a = 0; a < n; a++)
          for (slong b = 0; b <= a; b++)
            {
              arb_set (&C[a * n + b].c[1], arb_mat_entry (Cm, a, b));
              C[a * n + b].n = 2;
            }
      }
    arb_mat_clear (SQ);
    arb_mat_clear (SQt);
    arb_mat_clear (T);
    arb_mat_clear (Cm);
  }
  /* LDL^T without pivoting: D_k = C_kk - sum_j L_kj^2 D_j,
     L_ik = (C_ik - sum_j L_ij L_kj D_j) / D_k */
  proved = 1;
  for (slong k = 0; k < n && proved; k++)
    {
      lsc_jet_set (&D[k], &C[k * n + k]);
      for (slong j = 0; j < k; j++)
        {
          lsc_jet_mul (&tj, &L[k * n + j], &L[k * n + j], prec);
          lsc_jet_mul (&tj, &tj, &D[j], prec);
          lsc_jet_sub (&D[k], &D[k], &tj, prec);
        }
      if (!arb_is_finite (LSC_JV (&D[k])))
        proved = 0;
      else if (arb_is_positive (LSC_JV (&D[k])))
        (*npos)++;
      else if (arb_is_negative (LSC_JV (&D[k])))
        (*nneg)++;
      else if (k < n - 1 || !last)
        proved = 0;
      for (slong i = k + 1; i < n && proved; i++)
        {
          lsc_jet_set (&L[i * n + k], &C[i * n + k]);
          for (slong j = 0; j < k; j++)
            {
              lsc_jet_mul (&tj, &L[i * n + j], &L[k * n + j], prec);
              lsc_jet_mul (&tj, &tj, &D[j], prec);
              lsc_jet_sub (&L[i * n + k], &L[i * n + k], &tj, prec);
            }
          lsc_jet_div (&L[i * n + k], &L[i * n + k], &D[k], prec);
        }
    }
  if (last)
    {
      arb_set (last, LSC_JV (&D[n - 1]));
      if (dlast)
        lsc_jet_get_coef (dlast, &D[n - 1], 1);
      /* an undecided last pivot is the caller's business (d*) */
      if (proved && *nneg + *npos < (size_t) n)
        proved = 2;
    }
cleanup:
  free (M);
  free (Q);
  free (ev);
  free (key);
  free (sc);
  free (ord);
  lsc_jet_vec_clear (C, (size_t) (n * n));
  lsc_jet_vec_clear (L, (size_t) (n * n));
  lsc_jet_vec_clear (D, (size_t) n);
  lsc_eigen_workspace_free (ws);
  arb_clear (t);
  lsc_jet_clear (&tj);
  return proved;
}
