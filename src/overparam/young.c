/* Neuron splits of Young-type fixed points in parameters: the group and
   point of a split at real d (equal shares, or a ratio t). */
#include <config.h>
#include <math.h>
#include <string.h>
#include "landscape/lsc_overparam.h"
#include "landscape/lsc_detect.h"
#include "internal.h"

/* Single the neuron out of paired block b (when b has other rows): G1, p1
   receive the finer group and point, *s the neuron's paired singleton
   row block. */
static int
single (lsc_young *G1, double *p1, size_t *s, const lsc_young *G,
        const double *p, size_t b)
{
  int rc = lsc_young_check (G);
  if (rc)
    return rc;
  if (b >= G->nrb || G->pair[b] < 0)
    LSC_ERROR ("lsc_overparam_split_young: the block to split must be a "
               "paired row block", LSC_EINVAL);
  size_t np = lsc_young_nparams (G);
  if (b != 0 && G->rsize[b] == 1.0)
    {
      *G1 = *G;
      memcpy (p1, p, np * sizeof *p1);
      *s = b;
      return LSC_SUCCESS;
    }
  int rpar[LSC_YOUNG_MAX], cpar[LSC_YOUNG_MAX];
  if ((rc = lsc_young_single_out (G1, rpar, cpar, G, b, 1)) != 0)
    return rc;
  size_t nf = lsc_young_nparams (G1);
  double A[LSC_DETECT_MAXPARAMS * 8];
  if (nf * np > sizeof A / sizeof A[0])
    LSC_ERROR ("lsc_overparam_split_young: too many parameters",
               LSC_EINVAL);
  if ((rc = lsc_young_param_map (A, G1, rpar, cpar, G)) != 0)
    return rc;
  for (size_t f = 0; f < nf; f++)
    {
      double v = 0.0;
      for (size_t c = 0; c < np; c++)
        v += A[f * np + c] * p[c];
      p1[f] = v;
    }
  *s = G->nrb;
  return LSC_SUCCESS;
}

/* Value in (G1, p1) of the entries of row block r on column block c. */
static double
entry (const lsc_young *G1, const double *p1, int r, int c)
{
  int j = lsc_young_param_index (G1, r, c, G1->pair[r] == c
                                 ? LSC_PARAM_DIAG : LSC_PARAM_CONST);
  return j < 0 ? NAN : p1[j];
}

/* The split group H checked, with a parameter count that fits. */
static int
split_group_check (const lsc_young *H)
{
  int rc = lsc_young_check (H);
  if (rc)
    return rc;
  if (lsc_young_nparams (H) > LSC_DETECT_MAXPARAMS)
    LSC_ERROR ("lsc_overparam: too many parameters in the split group",
               LSC_EINVAL);
  return LSC_SUCCESS;
}

/* The parameter of G1 at H's (row block, column block, kind) of pi. */
static int
same_param (double *v, const lsc_young *G1, const double *p1,
            const lsc_param_info *pi)
{
  int j = lsc_young_param_index (G1, pi->rb, pi->cb, pi->kind);
  if (j < 0)
    LSC_ERROR ("lsc_overparam: parameter layout", LSC_EINVAL);
  *v = p1[j];
  return LSC_SUCCESS;
}

int
lsc_overparam_split_young (lsc_young *Gs, double *ps, const lsc_young *G,
                           const double *p, size_t b, size_t q)
{
  if (!Gs || !ps || !G || !p)
    LSC_ERROR ("lsc_overparam_split_young: NULL argument", LSC_EFAULT);
  if (q < 2)
    LSC_ERROR ("lsc_overparam_split_young: q must be at least 2",
               LSC_EINVAL);
  lsc_young G1;
  double p1[LSC_DETECT_MAXPARAMS];
  size_t s;
  int rc = single (&G1, p1, &s, G, p, b);
  if (rc)
    return rc;
  lsc_young H = G1;
  H.rsize[s] = (double) q;
  H.pair[s] = -1;
  if ((rc = split_group_check (&H)) != 0)
    return rc;
  size_t nh = lsc_young_nparams (&H);
  for (size_t i = 0; i < nh; i++)
    {
      lsc_param_info pi;
      if ((rc = lsc_young_param (&pi, &H, i)) != 0)
        return rc;
      if ((size_t) pi.rb == s)
        ps[i] = entry (&G1, p1, pi.rb, pi.cb) / (double) q;
      else
        {
          if ((rc = same_param (&ps[i], &G1, p1, &pi)) != 0)
            return rc;
        }
      if (!isfinite (ps[i]))
        LSC_ERROR ("lsc_overparam_split_young: non-finite parameter",
                   LSC_ENONFINITE);
    }
  *Gs = H;
  return LSC_SUCCESS;
}

int
lsc_overparam_split_young_ratio (lsc_young *Gs, double *ps,
                                 const lsc_young *G, const double *p,
                                 size_t b, double t)
{
  if (!Gs || !ps || !G || !p)
    LSC_ERROR ("lsc_overparam_split_young_ratio: NULL argument",
               LSC_EFAULT);
  if (!(t > 0.0 && t < 1.0))
    LSC_ERROR ("lsc_overparam_split_young_ratio: t must lie in (0, 1)",
               LSC_EINVAL);
  lsc_young G1;
  double p1[LSC_DETECT_MAXPARAMS];
  size_t s;
  int rc = single (&G1, p1, &s, G, p, b);
  if (rc)
    return rc;
  if (G1.nrb + 1 > LSC_YOUNG_MAX)
    LSC_ERROR ("lsc_overparam_split_young_ratio: too many blocks",
               LSC_EINVAL);
  lsc_young H = G1;
  size_t n = H.nrb++;
  H.rsize[n] = 1.0;
  H.pair[n] = -1;
  if ((rc = split_group_check (&H)) != 0)
    return rc;
  size_t nh = lsc_young_nparams (&H);
  for (size_t i = 0; i < nh; i++)
    {
      lsc_param_info pi;
      if ((rc = lsc_young_param (&pi, &H, i)) != 0)
        return rc;
      if ((size_t) pi.rb == n)
        ps[i] = (1.0 - t) * entry (&G1, p1, (int) s, pi.cb);
      else
        {
          if ((rc = same_param (&ps[i], &G1, p1, &pi)) != 0)
            return rc;
          if ((size_t) pi.rb == s)
            ps[i] *= t;
        }
      if (!isfinite (ps[i]))
        LSC_ERROR ("lsc_overparam_split_young_ratio: non-finite parameter",
                   LSC_ENONFINITE);
    }
  *Gs = H;
  return LSC_SUCCESS;
}

/* Values of a row of block r on each column block (ncb), or 0 when the
   row is not constant on its paired column block (a paired block of more
   than one row: its rows are not multiples of a constant pattern). */
static int
pattern (double *v, const lsc_young *G, const double *p, size_t r)
{
  for (size_t c = 0; c < G->ncb; c++)
    {
      if (G->pair[r] == (int) c && (r == 0 || G->rsize[r] != 1.0))
        return 0;
      v[c] = entry (G, p, (int) r, (int) c);
      if (!isfinite (v[c]))
        return 0;
    }
  double s = 0.0;
  for (size_t c = 0; c < G->ncb; c++)
    s += G->csize[c] * v[c] * v[c];
  if (!(s > 0.0))
    return 0;
  s = sqrt (s);
  for (size_t c = 0; c < G->ncb; c++)
    v[c] /= s;
  return 1;
}

int
lsc_overparam_young_nsplit (double *nsplit, const lsc_young *G,
                            const double *p, double tol)
{
  if (!nsplit || !G || !p)
    LSC_ERROR ("lsc_overparam_young_nsplit: NULL argument", LSC_EFAULT);
  int rc = lsc_young_check (G);
  if (rc)
    return rc;
  if (!(tol > 0.0 && tol < 1.0))
    LSC_ERROR ("lsc_overparam_young_nsplit: tol must lie in (0, 1)",
               LSC_EINVAL);
  double v[LSC_YOUNG_MAX][LSC_YOUNG_MAX];
  int ok[LSC_YOUNG_MAX], par[LSC_YOUNG_MAX];
  for (size_t r = 0; r < G->nrb; r++)
    {
      ok[r] = pattern (v[r], G, p, r);
      par[r] = (int) r;
    }
  for (size_t r = 0; r < G->nrb; r++)
    for (size_t s = r + 1; ok[r] && s < G->nrb; s++)
      {
        if (!ok[s])
          continue;
        double e = 0.0;
        for (size_t c = 0; c < G->ncb; c++)
          e += G->csize[c] * (v[r][c] - v[s][c]) * (v[r][c] - v[s][c]);
        if (e <= tol * tol)
          {
            int a = par[r], b = par[s];
            while (par[a] != a)
              a = par[a];
            while (par[b] != b)
              b = par[b];
            if (a != b)
              par[a > b ? a : b] = a < b ? a : b;
          }
      }
  /* each group of mutually parallel rows (R rows) has R - 1 split
     ratios; rows of one unpaired block are equal, hence parallel */
  double rows[LSC_YOUNG_MAX] = { 0 };
  for (size_t r = 0; r < G->nrb; r++)
    if (ok[r])
      {
        int a = (int) r;
        while (par[a] != a)
          a = par[a];
        rows[a] += G->rsize[r];
      }
  double n = 0.0;
  for (size_t r = 0; r < G->nrb; r++)
    if (rows[r] > 0)
      n += rows[r] - 1.0;
  *nsplit = n;
  return LSC_SUCCESS;
}
