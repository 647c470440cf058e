/* Neuron splitting on weight matrices: the split itself, the split groups
   (rows that are positive multiples of each other), the merged neurons and
   the canonical equal-share representative. */
#include <config.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "landscape/lsc_overparam.h"
#include "internal.h"

int
lsc_overparam_split (double *Ws, const double *W, size_t k, size_t d,
                     size_t i, const double *t, size_t q)
{
  if (!Ws || !W)
    LSC_ERROR ("lsc_overparam_split: NULL argument", LSC_EFAULT);
  if (k == 0 || d == 0 || i >= k || q < 2)
    LSC_ERROR ("lsc_overparam_split: bad sizes, row or number of shares",
               LSC_EINVAL);
  double sum = 0.0;
  for (size_t a = 0; t && a < q; a++)
    {
      if (!(t[a] > 0.0 && t[a] < 1.0))
        LSC_ERROR ("lsc_overparam_split: a share is outside (0, 1)",
                   LSC_EINVAL);
      sum += t[a];
    }
  if (t && !(fabs (sum - 1.0) <= 1e-12))
    LSC_ERROR ("lsc_overparam_split: the shares do not sum to 1",
               LSC_EINVAL);
  if (!(lsc_norm2 (W + i * d, d) > 0.0))
    LSC_ERROR ("lsc_overparam_split: the row to split is zero (or not "
               "finite)", LSC_EDOM);
  /* W may not alias Ws: copy the k rows first, then scale. */
  memmove (Ws, W, k * d * sizeof *Ws);
  const double *w = Ws + i * d;
  for (size_t a = 1; a < q; a++)
    {
      double s = t ? t[a] : 1.0 / (double) q;
      double *dst = Ws + (k + a - 1) * d;
      for (size_t j = 0; j < d; j++)
        dst[j] = s * w[j];
    }
  double s0 = t ? t[0] : 1.0 / (double) q;
  for (size_t j = 0; j < d; j++)
    Ws[i * d + j] *= s0;
  return LSC_SUCCESS;
}

/* Union-find root with path halving. */
static size_t
root (size_t *par, size_t i)
{
  while (par[i] != i)
    {
      par[i] = par[par[i]];
      i = par[i];
    }
  return i;
}

int
lsc_overparam_groups (size_t *group, size_t *nsplit, const double *W,
                      size_t k, size_t d, double tol)
{
  if (!group || !W)
    LSC_ERROR ("lsc_overparam_groups: NULL argument", LSC_EFAULT);
  if (k == 0 || d == 0 || !(tol > 0.0 && tol < 1.0))
    LSC_ERROR ("lsc_overparam_groups: k, d must be positive and tol in "
               "(0, 1)", LSC_EINVAL);
  if (!lsc_all_finite (W, k * d))
    LSC_ERROR ("lsc_overparam_groups: W is not finite", LSC_ENONFINITE);
  double *nrm = malloc (k * sizeof *nrm);
  if (!nrm)
    LSC_ERROR ("lsc_overparam_groups: out of memory", LSC_ENOMEM);
  for (size_t i = 0; i < k; i++)
    if (!((nrm[i] = lsc_norm2 (W + i * d, d)) > 0.0))
      {
        free (nrm);
        LSC_ERROR ("lsc_overparam_groups: a zero row", LSC_EDOM);
      }
  for (size_t i = 0; i < k; i++)
    group[i] = i;
  /* O(k^2 d): census end points are small; the distance of the unit
     directions, sqrt(sum (u_j - v_j)^2), has no cancellation trouble for
     nearly parallel rows (unlike 1 - cos). */
  for (size_t i = 0; i < k; i++)
    for (size_t j = i + 1; j < k; j++)
      {
        double s = 0.0;
        for (size_t c = 0; c < d && s <= tol * tol; c++)
          {
            double e = W[i * d + c] / nrm[i] - W[j * d + c] / nrm[j];
            s += e * e;
          }
        if (s <= tol * tol)
          {
            size_t a = root (group, i), b = root (group, j);
            if (a != b)
              group[a > b ? a : b] = a < b ? a : b;
          }
      }
  size_t ng = 0;
  for (size_t i = 0; i < k; i++)
    {
      group[i] = root (group, i);
      ng += group[i] == i;
    }
  if (nsplit)
    *nsplit = k - ng;
  free (nrm);
  return LSC_SUCCESS;
}

int
lsc_overparam_merge (double *Wm, size_t *km, const double *W, size_t k,
                     size_t d, double tol)
{
  if (!Wm || !km || !W)
    LSC_ERROR ("lsc_overparam_merge: NULL argument", LSC_EFAULT);
  size_t *g = malloc ((k ? k : 1) * sizeof *g);
  if (!g)
    LSC_ERROR ("lsc_overparam_merge: out of memory", LSC_ENOMEM);
  int rc = lsc_overparam_groups (g, NULL, W, k, d, tol);
  if (rc)
    {
      free (g);
      return rc;
    }
  /* Group roots are their smallest rows, so roots appear in row order;
     sums are formed in a scratch copy because Wm may alias W. */
  double *S = calloc (k * d, sizeof *S);
  size_t *slot = malloc (k * sizeof *slot);
  if (!S || !slot)
    {
      free (S);
      free (slot);
      free (g);
      LSC_ERROR ("lsc_overparam_merge: out of memory", LSC_ENOMEM);
    }
  size_t n = 0;
  for (size_t i = 0; i < k; i++)
    slot[i] = g[i] == i ? n++ : slot[g[i]];
  for (size_t i = 0; i < k; i++)
    for (size_t j = 0; j < d; j++)
      S[slot[i] * d + j] += W[i * d + j];
  memcpy (Wm, S, n * d * sizeof *Wm);
  *km = n;
  free (S);
  free (slot);
  free (g);
  return LSC_SUCCESS;
}

int
lsc_overparam_canonical (double *Wc, size_t *nsplit, const double *W,
                         size_t k, size_t d, double tol)
{
  if (!Wc || !W)
    LSC_ERROR ("lsc_overparam_canonical: NULL argument", LSC_EFAULT);
  size_t *g = malloc ((k ? k : 1) * sizeof *g);
  if (!g)
    LSC_ERROR ("lsc_overparam_canonical: out of memory", LSC_ENOMEM);
  size_t ns = 0;
  int rc = lsc_overparam_groups (g, &ns, W, k, d, tol);
  if (rc)
    {
      free (g);
      return rc;
    }
  double *S = calloc (k * d, sizeof *S);
  size_t *cnt = calloc (k, sizeof *cnt);
  if (!S || !cnt)
    {
      free (S);
      free (cnt);
      free (g);
      LSC_ERROR ("lsc_overparam_canonical: out of memory", LSC_ENOMEM);
    }
  for (size_t i = 0; i < k; i++)
    {
      cnt[g[i]]++;
      for (size_t j = 0; j < d; j++)
        S[g[i] * d + j] += W[i * d + j];
    }
  for (size_t i = 0; i < k; i++)
    for (size_t j = 0; j < d; j++)
      Wc[i * d + j] = S[g[i] * d + j] / (double) cnt[g[i]];
  if (nsplit)
    *nsplit = ns;
  free (S);
  free (cnt);
  free (g);
  return LSC_SUCCESS;
}
