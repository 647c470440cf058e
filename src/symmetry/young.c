/* Young-type groups: construction, validation, sizes, parameters, metric. */
#include <config.h>
#include <math.h>
#include <string.h>
#include "internal.h"
#include "landscape/lsc_young.h"

int
lsc_young_init_kd (lsc_young *G, const double *sizes, size_t r)
{
  if (!G || !sizes)
    LSC_ERROR ("NULL argument", LSC_EFAULT);
  if (r < 1 || r > LSC_YOUNG_MAX)
    LSC_ERROR ("number of blocks out of range", LSC_EINVAL);
  memset (G, 0, sizeof *G);
  G->nrb = G->ncb = r;
  for (size_t i = 0; i < r; i++)
    {
      G->rsize[i] = G->csize[i] = sizes[i];
      G->pair[i] = (int) i;
    }
  return lsc_young_check (G);
}

int
lsc_young_check (const lsc_young *G)
{
  if (!G)
    LSC_ERROR ("NULL group", LSC_EFAULT);
  if (G->nrb < 1 || G->nrb > LSC_YOUNG_MAX || G->ncb < 1
      || G->ncb > LSC_YOUNG_MAX)
    LSC_ERROR ("number of blocks out of range", LSC_EINVAL);
  int used[LSC_YOUNG_MAX] = { 0 };
  for (size_t r = 0; r < G->nrb; r++)
    {
      if (!isfinite (G->rsize[r]) || !(G->rsize[r] >= (r == 0 ? 0x1p-60 : 1)))
        LSC_ERROR ("row block size must be finite and >= 1", LSC_EINVAL);
      int c = G->pair[r];
      if (c < -1 || c >= (int) G->ncb)
        LSC_ERROR ("pairing refers to a missing column block", LSC_EINVAL);
      if (c >= 0)
        {
          if (used[c]++)
            LSC_ERROR ("column block paired twice", LSC_EINVAL);
          if (G->rsize[r] != G->csize[c])
            LSC_ERROR ("paired blocks differ in size", LSC_EINVAL);
        }
    }
  for (size_t c = 0; c < G->ncb; c++)
    if (!isfinite (G->csize[c])
        || !(G->csize[c] >= ((int) c == G->pair[0] ? 0x1p-60 : 1)))
      LSC_ERROR ("column block size must be finite and >= 1", LSC_EINVAL);
  if (G->pair[0] < 0)
    LSC_ERROR ("block 0 (the large block) must be paired", LSC_EINVAL);
  return LSC_SUCCESS;
}

double
lsc_young_k (const lsc_young *G)
{
  double k = 0;
  for (size_t r = 0; r < G->nrb; r++)
    k += G->rsize[r];
  return k;
}

double
lsc_young_d (const lsc_young *G)
{
  double d = 0;
  for (size_t c = 0; c < G->ncb; c++)
    d += G->csize[c];
  return d;
}

size_t
lsc_young_nparams (const lsc_young *G)
{
  size_t n = 0;
  for (size_t r = 0; r < G->nrb; r++)
    for (size_t c = 0; c < G->ncb; c++)
      n += (G->pair[r] == (int) c) ? ((r == 0 || G->rsize[r] != 1) ? 2 : 1) : 1;
  return n;
}

int
lsc_young_param (lsc_param_info *info, const lsc_young *G, size_t idx)
{
  if (!info || !G)
    LSC_ERROR ("NULL argument", LSC_EFAULT);
  size_t n = 0;
  for (size_t r = 0; r < G->nrb; r++)
    for (size_t c = 0; c < G->ncb; c++)
      {
        int kinds[2], nk = 0;
        if (G->pair[r] == (int) c)
          {
            kinds[nk++] = LSC_PARAM_DIAG;
            if (r == 0 || G->rsize[r] != 1)
              kinds[nk++] = LSC_PARAM_OFFDIAG;
          }
        else
          kinds[nk++] = LSC_PARAM_CONST;
        for (int t = 0; t < nk; t++, n++)
          if (n == idx)
            {
              info->rb = (int) r;
              info->cb = (int) c;
              info->kind = kinds[t];
              return LSC_SUCCESS;
            }
      }
  LSC_ERROR ("parameter index out of range", LSC_EINVAL);
}

int
lsc_young_set_d (lsc_young *G, double d)
{
  if (!G)
    LSC_ERROR ("NULL group", LSC_EFAULT);
  if (!isfinite (d))
    LSC_ERROR ("dimension is not finite", LSC_ENONFINITE);
  int c0 = G->pair[0];
  if (c0 < 0)
    LSC_ERROR ("block 0 is not paired", LSC_EINVAL);
  double rest = 0;
  for (size_t c = 0; c < G->ncb; c++)
    if ((int) c != c0)
      rest += G->csize[c];
  double L = d - rest;
  if (!(L >= 1))
    LSC_ERROR ("dimension leaves the large block below size 1", LSC_EDOM);
  G->rsize[0] = G->csize[c0] = L;
  return LSC_SUCCESS;
}

int
lsc_young_is_integral (const lsc_young *G)
{
  for (size_t r = 0; r < G->nrb; r++)
    if (G->rsize[r] != floor (G->rsize[r]))
      return 0;
  for (size_t c = 0; c < G->ncb; c++)
    if (G->csize[c] != floor (G->csize[c]))
      return 0;
  return 1;
}

int
lsc_young_metric (double *metric, const lsc_young *G)
{
  if (!metric)
    LSC_ERROR ("NULL argument", LSC_EFAULT);
  int rc = lsc_young_check (G);
  if (rc)
    return rc;
  size_t n = lsc_young_nparams (G);
  for (size_t i = 0; i < n; i++)
    {
      lsc_param_info pi;
      lsc_young_param (&pi, G, i);
      double nr = G->rsize[pi.rb], mc = G->csize[pi.cb];
      metric[i] = pi.kind == LSC_PARAM_DIAG      ? nr
                  : pi.kind == LSC_PARAM_OFFDIAG ? nr * (nr - 1)
                                                 : nr * mc;
    }
  return LSC_SUCCESS;
}
