/* Fixed-point spaces of Young-type groups: embedding, projection,
   refinement by singling out indices, and the inclusion of parameters. */
#include <config.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "internal.h"
#include "symmetry/cells.h"
#include "landscape/lsc_young.h"

int
lsc_young_param_index (const lsc_young *G, int rb, int cb, int kind)
{
  int n = 0;
  for (int r = 0; r < (int) G->nrb; r++)
    for (int c = 0; c < (int) G->ncb; c++)
      {
        if (G->pair[r] == c)
          {
            if (r == rb && c == cb && kind == LSC_PARAM_DIAG)
              return n;
            n++;
            if (r == 0 || G->rsize[r] != 1)
              {
                if (r == rb && c == cb && kind == LSC_PARAM_OFFDIAG)
                  return n;
                n++;
              }
          }
        else
          {
            if (r == rb && c == cb && kind == LSC_PARAM_CONST)
              return n;
            n++;
          }
      }
  return -1;
}

/* Offsets of blocks in the embedded matrix; sizes must be integral. */
static void
offsets (size_t *roff, size_t *coff, const lsc_young *G)
{
  size_t o = 0;
  for (size_t r = 0; r < G->nrb; r++)
    {
      roff[r] = o;
      o += (size_t) G->rsize[r];
    }
  o = 0;
  for (size_t c = 0; c < G->ncb; c++)
    {
      coff[c] = o;
      o += (size_t) G->csize[c];
    }
}

/* Parameter index of entry (t, u) of block pair (r, c): t-th row of row
   block r, u-th column of column block c. */
static int
entry_param (const lsc_young *G, size_t r, size_t c, size_t t, size_t u)
{
  int kind = G->pair[r] == (int) c ? (t == u ? LSC_PARAM_DIAG
                                             : LSC_PARAM_OFFDIAG)
                                   : LSC_PARAM_CONST;
  return lsc_young_param_index (G, (int) r, (int) c, kind);
}

int
lsc_young_embed (double *W, const double *p, const lsc_young *G)
{
  if (!W || !p)
    LSC_ERROR ("NULL argument", LSC_EFAULT);
  int rc = lsc_young_check (G);
  if (rc)
    return rc;
  if (!lsc_young_is_integral (G))
    LSC_ERROR ("embedding needs integer block sizes", LSC_EDOM);
  size_t roff[LSC_YOUNG_MAX], coff[LSC_YOUNG_MAX];
  offsets (roff, coff, G);
  size_t d = (size_t) lsc_young_d (G);
  for (size_t r = 0; r < G->nrb; r++)
    for (size_t c = 0; c < G->ncb; c++)
      for (size_t t = 0; t < (size_t) G->rsize[r]; t++)
        for (size_t u = 0; u < (size_t) G->csize[c]; u++)
          W[(roff[r] + t) * d + coff[c] + u] = p[entry_param (G, r, c, t, u)];
  return LSC_SUCCESS;
}

int
lsc_young_project (double *p, double *dist, const double *W,
                   const lsc_young *G)
{
  if (!W || !p)
    LSC_ERROR ("NULL argument", LSC_EFAULT);
  int rc = lsc_young_check (G);
  if (rc)
    return rc;
  if (!lsc_young_is_integral (G))
    LSC_ERROR ("projection needs integer block sizes", LSC_EDOM);
  size_t np = lsc_young_nparams (G);
  double metric[LSC_YOUNG_MAX * LSC_YOUNG_MAX * 2];
  lsc_young_metric (metric, G);
  size_t roff[LSC_YOUNG_MAX], coff[LSC_YOUNG_MAX];
  offsets (roff, coff, G);
  size_t d = (size_t) lsc_young_d (G);
  for (size_t i = 0; i < np; i++)
    p[i] = 0;
  for (size_t r = 0; r < G->nrb; r++)
    for (size_t c = 0; c < G->ncb; c++)
      for (size_t t = 0; t < (size_t) G->rsize[r]; t++)
        for (size_t u = 0; u < (size_t) G->csize[c]; u++)
          {
            double x = W[(roff[r] + t) * d + coff[c] + u];
            if (!isfinite (x))
              LSC_ERROR ("non-finite entry in W", LSC_ENONFINITE);
            p[entry_param (G, r, c, t, u)] += x;
          }
  for (size_t i = 0; i < np; i++)
    p[i] = metric[i] > 0 ? p[i] / metric[i] : 0; /* empty orbit (size-1 block 0) */
  if (dist)
    {
      double s = 0;
      for (size_t r = 0; r < G->nrb; r++)
        for (size_t c = 0; c < G->ncb; c++)
          for (size_t t = 0; t < (size_t) G->rsize[r]; t++)
            for (size_t u = 0; u < (size_t) G->csize[c]; u++)
              {
                double e = W[(roff[r] + t) * d + coff[c] + u]
                           - p[entry_param (G, r, c, t, u)];
                s += e * e;
              }
      *dist = sqrt (s);
    }
  return LSC_SUCCESS;
}

int
lsc_young_single_out (lsc_young *fine, int *rparent, int *cparent,
                      const lsc_young *coarse, size_t b, size_t q)
{
  if (!fine || !coarse)
    LSC_ERROR ("NULL argument", LSC_EFAULT);
  int rc = lsc_young_check (coarse);
  if (rc)
    return rc;
  if (b >= coarse->nrb || coarse->pair[b] < 0)
    LSC_ERROR ("block to refine must be an existing paired block",
               LSC_EINVAL);
  if (q < 1 || coarse->nrb + q > LSC_YOUNG_MAX
      || coarse->ncb + q > LSC_YOUNG_MAX)
    LSC_ERROR ("too many blocks after refinement", LSC_EINVAL);
  int cb = coarse->pair[b];
  if (!(coarse->rsize[b] - (double) q >= 1))
    LSC_ERROR ("block too small to single out that many indices", LSC_EDOM);
  lsc_young f = *coarse;
  f.rsize[b] -= (double) q;
  f.csize[cb] -= (double) q;
  for (size_t t = 0; t < q; t++)
    {
      f.rsize[coarse->nrb + t] = 1;
      f.csize[coarse->ncb + t] = 1;
      f.pair[coarse->nrb + t] = (int) (coarse->ncb + t);
    }
  f.nrb = coarse->nrb + q;
  f.ncb = coarse->ncb + q;
  if (rparent)
    for (size_t r = 0; r < f.nrb; r++)
      rparent[r] = r < coarse->nrb ? (int) r : (int) b;
  if (cparent)
    for (size_t c = 0; c < f.ncb; c++)
      cparent[c] = c < coarse->ncb ? (int) c : cb;
  *fine = f;
  return LSC_SUCCESS;
}

int
lsc_young_param_map (double *A, const lsc_young *fine, const int *rparent,
                     const int *cparent, const lsc_young *coarse)
{
  if (!A || !fine || !rparent || !cparent || !coarse)
    LSC_ERROR ("NULL argument", LSC_EFAULT);
  size_t nf = lsc_young_nparams (fine), nc = lsc_young_nparams (coarse);
  memset (A, 0, nf * nc * sizeof *A);
  for (size_t i = 0; i < nf; i++)
    {
      lsc_param_info pi;
      int rc = lsc_young_param (&pi, fine, i);
      if (rc)
        return rc;
      int r = rparent[pi.rb], c = cparent[pi.cb];
      if (r < 0 || r >= (int) coarse->nrb || c < 0 || c >= (int) coarse->ncb)
        LSC_ERROR ("parent block out of range", LSC_EINVAL);
      int kind = coarse->pair[r] == c
                     ? (pi.kind == LSC_PARAM_DIAG ? LSC_PARAM_DIAG
                                                  : LSC_PARAM_OFFDIAG)
                     : LSC_PARAM_CONST;
      int j = lsc_young_param_index (coarse, r, c, kind);
      if (j < 0)
        LSC_ERROR ("refinement inconsistent with coarse group", LSC_EINVAL);
      A[i * nc + (size_t) j] = 1;
    }
  return LSC_SUCCESS;
}

int
lsc_young_split_small (lsc_young *fine, int *rparent, int *cparent,
                       const lsc_young *coarse)
{
  if (!fine || !coarse)
    LSC_ERROR ("NULL argument", LSC_EFAULT);
  int rc = lsc_young_check (coarse);
  if (rc)
    return rc;
  lsc_young f = { 0 };
  int rp[LSC_YOUNG_MAX], cp[LSC_YOUNG_MAX];
  int cfirst[LSC_YOUNG_MAX]; /* first fine column of each coarse column */
  size_t nr = 0, nc = 0;
  /* columns: block pair[0] stays whole, the others become singletons */
  for (size_t c = 0; c < coarse->ncb; c++)
    {
      size_t m = (int) c == coarse->pair[0] ? 1 : (size_t) coarse->csize[c];
      if ((int) c != coarse->pair[0] && coarse->csize[c] != floor (coarse->csize[c]))
        LSC_ERROR ("small blocks must have integer sizes", LSC_EINVAL);
      if (nc + m > LSC_YOUNG_MAX)
        LSC_ERROR ("too many blocks after splitting", LSC_EINVAL);
      cfirst[c] = (int) nc;
      for (size_t t = 0; t < m; t++, nc++)
        {
          f.csize[nc] = (int) c == coarse->pair[0] ? coarse->csize[c] : 1;
          cp[nc] = (int) c;
        }
    }
  for (size_t r = 0; r < coarse->nrb; r++)
    {
      size_t m = r == 0 ? 1 : (size_t) coarse->rsize[r];
      if (r != 0 && coarse->rsize[r] != floor (coarse->rsize[r]))
        LSC_ERROR ("small blocks must have integer sizes", LSC_EINVAL);
      if (nr + m > LSC_YOUNG_MAX)
        LSC_ERROR ("too many blocks after splitting", LSC_EINVAL);
      for (size_t t = 0; t < m; t++, nr++)
        {
          f.rsize[nr] = r == 0 ? coarse->rsize[0] : 1;
          f.pair[nr] = coarse->pair[r] < 0 ? -1 : cfirst[coarse->pair[r]] + (int) t;
          rp[nr] = (int) r;
        }
    }
  f.nrb = nr;
  f.ncb = nc;
  if (rparent)
    memcpy (rparent, rp, nr * sizeof *rp);
  if (cparent)
    memcpy (cparent, cp, nc * sizeof *cp);
  *fine = f;
  return LSC_SUCCESS;
}
