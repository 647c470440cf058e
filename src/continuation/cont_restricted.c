/* The restricted gradient of a Young-type fixed space, with the large block
   following d, as a continuation family (metric-scaled equations). */
#include <config.h>
#include <math.h>
#include "landscape/lsc_continuation.h"
#include "landscape/lsc_restricted.h"
#include "internal.h"

#define NPMAX (LSC_YOUNG_MAX * LSC_YOUNG_MAX * 2)
#define LSC_CONT_L_EDGE 1e-6

/* The group at dimension d and 1/sqrt(metric); LSC_EDOM when the large
   block would drop to one index or below (its off-diagonal orbit empty). */
static int
at_d (lsc_young *G, double *isqm, const lsc_cont_restricted *r, double d)
{
  *G = r->G;
  int st = lsc_young_set_d (G, d);
  if (st)
    return st;
  if (isqm)
    {
      size_t n = lsc_young_nparams (G);
      if ((st = lsc_young_metric (isqm, G)) != 0)
        return st;
      for (size_t i = 0; i < n; i++)
        {
          /* an empty orbit (block 0 of size 1): the scaled system is
             singular there, the end of the family's domain; branches that
             run into it approach it asymptotically, so a block within
             LSC_CONT_L_EDGE of size 1 counts as the edge */
          if (!(isqm[i] > 0) || G->rsize[0] - 1 < LSC_CONT_L_EDGE)
            return LSC_EDOM;
          isqm[i] = 1.0 / sqrt (isqm[i]);
        }
    }
  return 0;
}

static int
r_fdf (double *g, double *J, const double *p, double d, void *params)
{
  lsc_young G;
  double isqm[NPMAX];
  int st = at_d (&G, isqm, params, d);
  if (st)
    return st;
  size_t n = lsc_young_nparams (&G);
  if ((st = lsc_restricted_grad (NULL, g, p, &G)) != 0)
    return st;
  for (size_t i = 0; i < n; i++)
    g[i] *= isqm[i];
  if (J)
    {
      if ((st = lsc_restricted_hess (J, p, &G)) != 0)
        return st;
      for (size_t i = 0; i < n; i++)
        for (size_t j = 0; j < n; j++)
          J[i * n + j] *= isqm[i];
    }
  return 0;
}

static int
r_loss (double *L, const double *p, double d, void *params)
{
  lsc_young G;
  int st = at_d (&G, NULL, params, d);
  /* the reported loss: accurate (the double sum loses ~ eps d^2) */
  return st ? st : lsc_restricted_loss_accurate (L, p, &G);
}

int
lsc_cont_restricted_init (lsc_cont_function *f, lsc_cont_restricted *r,
                          const lsc_young *G)
{
  if (f == NULL || r == NULL || G == NULL)
    LSC_ERROR ("lsc_cont_restricted_init: NULL argument", LSC_EFAULT);
  int st = lsc_young_check (G);
  if (st)
    LSC_ERROR ("lsc_cont_restricted_init: invalid group", st);
  r->G = *G;
  f->n = lsc_young_nparams (G);
  f->fdf = r_fdf;
  f->dd = NULL;
  f->loss = r_loss;
  f->params = r;
  return LSC_SUCCESS;
}
