/* The glue between the restricted loss and the solvers: the restricted
   gradient of a Young-type fixed space as a (metric-scaled) Newton system
   (lsc_restricted_system_*, lsc_newton_restricted) and, with the large
   block following d, as a continuation family (lsc_cont_restricted_init).
   The solvers (src/newton/, src/continuation/) see only the problem
   interfaces lsc_newton_function(_mpfr) and lsc_cont_function. */
#include <config.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "landscape/lsc_newton.h"
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

/* ---- the restricted system ---- */

int
lsc_restricted_system_init (lsc_restricted_system *sys, const lsc_young *G)
{
  double metric[LSC_YOUNG_MAX * LSC_YOUNG_MAX * 2];
  if (sys == NULL || G == NULL)
    LSC_ERROR ("lsc_restricted_system_init: NULL argument", LSC_EFAULT);
  int st = lsc_young_check (G);
  if (st)
    LSC_ERROR ("lsc_restricted_system_init: invalid group", st);
  sys->G = *G;
  sys->n = lsc_young_nparams (G);
  st = lsc_young_metric (metric, G);
  if (st)
    LSC_ERROR ("lsc_restricted_system_init: metric failed", st);
  for (size_t i = 0; i < sys->n; i++)
    {
      if (!(metric[i] > 0))
        LSC_ERROR ("lsc_restricted_system_init: empty orbit", LSC_EDOM);
      sys->isqm[i] = 1.0 / sqrt (metric[i]);
    }
  return LSC_SUCCESS;
}

static int
rs_fdf (double *g, double *J, const double *x, void *params)
{
  lsc_restricted_system *sys = params;
  size_t n = sys->n;
  int st = lsc_restricted_grad (NULL, g, x, &sys->G);
  if (st)
    return st;
  for (size_t i = 0; i < n; i++)
    g[i] *= sys->isqm[i];
  if (J)
    {
      st = lsc_restricted_hess (J, x, &sys->G);
      if (st)
        return st;
      for (size_t i = 0; i < n; i++)
        for (size_t j = 0; j < n; j++)
          J[i * n + j] *= sys->isqm[i];
    }
  return 0;
}

static int
rs_f_mpfr (mpfr_t *g, const mpfr_t *x, void *params)
{
  lsc_restricted_system *sys = params;
  mpfr_t d, L;
  /* d is a double (exactly representable); the precision only matters for
     the large block's size arithmetic inside the evaluator. */
  mpfr_init2 (d, mpfr_get_prec (g[0]));
  mpfr_init2 (L, mpfr_get_prec (g[0]));
  mpfr_set_d (d, lsc_young_d (&sys->G), MPFR_RNDN);
  int st = lsc_restricted_eval_mpfr (L, g, NULL, x, &sys->G, d);
  for (size_t i = 0; st == 0 && i < sys->n; i++)
    mpfr_mul_d (g[i], g[i], sys->isqm[i], MPFR_RNDN);
  mpfr_clear (d);
  mpfr_clear (L);
  return st;
}

static int
rs_df_mpfr (double *J, const mpfr_t *x, void *params)
{
  lsc_restricted_system *sys = params;
  double p[LSC_YOUNG_MAX * LSC_YOUNG_MAX * 2];
  double g[LSC_YOUNG_MAX * LSC_YOUNG_MAX * 2];
  for (size_t i = 0; i < sys->n; i++)
    p[i] = mpfr_get_d (x[i], MPFR_RNDN);
  return rs_fdf (g, J, p, sys);
}

void
lsc_restricted_system_function (lsc_newton_function *f,
                                lsc_newton_function_mpfr *fm,
                                lsc_restricted_system *sys)
{
  if (f)
    {
      f->n = sys->n;
      f->fdf = rs_fdf;
      f->params = sys;
    }
  if (fm)
    {
      fm->n = sys->n;
      fm->f = rs_f_mpfr;
      fm->df = rs_df_mpfr;
      fm->params = sys;
    }
}

int
lsc_newton_restricted (double *p, lsc_newton_result *res, const lsc_young *G,
                       const lsc_newton_params *par)
{
  lsc_restricted_system sys;
  lsc_newton_function f;
  int st = lsc_restricted_system_init (&sys, G);
  if (st)
    {
      if (res)
        *res = (lsc_newton_result) { st, 0, NAN };
      return st;
    }
  lsc_restricted_system_function (&f, NULL, &sys);
  return lsc_newton_solve (p, res, lsc_newton_damped, &f, par);
}
