/* The descent workspace, default parameters and shared vector helpers. */
#include <config.h>
#include <stdint.h>
#include <stdlib.h>
#include <math.h>
#include "descent_impl.h"
#include "internal.h"
#include "../kernel/vmath.h"

void
lsc_descent_params_init (lsc_descent_params *par)
{
  par->method = LSC_DESCENT_LBFGS;
  par->step_c = 2.0;
  par->gtol = 1e-8;
  par->maxiter = 100000;
  par->lbfgs_m = 10;
  par->armijo = 1e-4;
  par->ls_max = 60;
  par->newton_tol = 1e-13;
  par->newton_tol_x = 1e-15;
  par->newton_maxiter = 30;
  par->newton_accept = 1e-10;
}

/* |v| in two vectorised passes (the gradient norm of every descent step):
   the largest |v_i| gives an exact power-of-two scale 2^-e, the scaled
   squares are summed in double-double (lsc_vm_sumsq), so the result is
   the correctly scaled square root of a sum accurate to ~2^-100: within
   one ulp, without overflow or underflow.  NaN or +inf when v has a NaN
   or an infinite entry.  Scales that are not normal doubles (entries
   beyond 2^1000 or below 2^-1000) take lsc_norm2's running scaling. */
double
lsc_descent_norm (const double *v, size_t n)
{
  double big = lsc_vm_maxabs (v, n);
  if (!isfinite (big) || big == 0.0)
    return big;
  int e = 0;
  frexp (big, &e);
  if (e <= -1000 || e >= 1000)
    return lsc_norm2 (v, n);
  double lo, hi = lsc_vm_sumsq (v, n, ldexp (1.0, -e), &lo);
  return ldexp (sqrt (hi + lo), e);
}

double
lsc_descent_dot (const double *a, const double *b, size_t n)
{
  double s = 0.0;
  for (size_t i = 0; i < n; i++)
    s += a[i] * b[i];
  return s;
}

lsc_descent_workspace *
lsc_descent_alloc (size_t k, size_t d, size_t m, size_t lbfgs_m, int hessian)
{
  if (k == 0 || d == 0 || m == 0 || k > SIZE_MAX / d)
    {
      lsc_error ("lsc_descent_alloc: bad sizes", __FILE__, __LINE__,
                 LSC_EINVAL);
      return NULL;
    }
  size_t n = k * d;
  if (lbfgs_m > SIZE_MAX / sizeof (double) / n
      || (hessian && n > SIZE_MAX / sizeof (double) / n))
    {
      lsc_error ("lsc_descent_alloc: sizes overflow", __FILE__, __LINE__,
                 LSC_EINVAL);
      return NULL;
    }
  lsc_descent_workspace *ws = calloc (1, sizeof *ws);
  if (!ws)
    goto nomem;
  ws->k = k;
  ws->d = d;
  ws->m = m;
  ws->n = n;
  ws->mem = lbfgs_m;
  ws->hessian = hessian != 0;
  ws->lw = lsc_loss_workspace_alloc (k, d, m);
  ws->G = malloc (n * sizeof (double));
  ws->Wt = malloc (n * sizeof (double));
  ws->Gt = malloc (n * sizeof (double));
  ws->dir = malloc (n * sizeof (double));
  ws->det = lsc_detect_alloc (k, d);
  ws->rowperm = malloc (k * sizeof (size_t));
  ws->colperm = malloc (d * sizeof (size_t));
  ws->grp = malloc (n * sizeof *ws->grp);
  ws->comp = malloc (n * sizeof *ws->comp);
  if (!ws->lw || !ws->G || !ws->Wt || !ws->Gt || !ws->dir || !ws->det
      || !ws->rowperm || !ws->colperm || !ws->grp || !ws->comp)
    goto nomem;
  if (lbfgs_m)
    {
      ws->S = malloc (lbfgs_m * n * sizeof (double));
      ws->Y = malloc (lbfgs_m * n * sizeof (double));
      ws->rho = malloc (lbfgs_m * sizeof (double));
      ws->alpha = malloc (lbfgs_m * sizeof (double));
      if (!ws->S || !ws->Y || !ws->rho || !ws->alpha)
        goto nomem;
    }
  if (ws->hessian)
    {
      ws->H = malloc (n * n * sizeof (double));
      ws->ev = malloc (n * sizeof (double));
      ws->t = malloc (n * sizeof (double));
      if (!ws->H || !ws->ev || !ws->t)
        goto nomem;
    }
  return ws;
nomem:
  lsc_descent_free (ws);
  lsc_error ("lsc_descent_alloc: out of memory", __FILE__, __LINE__,
             LSC_ENOMEM);
  return NULL;
}

void
lsc_descent_free (lsc_descent_workspace *ws)
{
  if (!ws)
    return;
  lsc_loss_workspace_free (ws->lw);
  free (ws->G);
  free (ws->Wt);
  free (ws->Gt);
  free (ws->dir);
  free (ws->S);
  free (ws->Y);
  free (ws->rho);
  free (ws->alpha);
  free (ws->H);
  lsc_detect_free (ws->det);
  free (ws->rowperm);
  free (ws->colperm);
  free (ws->grp);
  free (ws->comp);
  free (ws->ev);
  free (ws->t);
  lsc_eigen_workspace_free (ws->ew);
  free (ws);
}

/* The LAPACK workspace of the dense route (eigenvectors: 2 n^2 doubles),
   queried and allocated once, at the first dense solve: a census whose
   end points all take the symmetric route never needs it. */
int
lsc_descent_need_eigen (lsc_descent_workspace *ws)
{
  if (!ws->hessian)
    LSC_ERROR ("descent: workspace without Hessian", LSC_EINVAL);
  if (!ws->ew && !(ws->ew = lsc_eigen_workspace_alloc (ws->n, 1)))
    LSC_ERROR ("descent: out of memory for the eigen workspace",
               LSC_ENOMEM);
  return LSC_SUCCESS;
}

int
lsc_descent_check (const double *W, const lsc_problem *p,
                   const lsc_descent_params *par,
                   const lsc_descent_workspace *ws)
{
  if (!W || !p || !par || !ws)
    LSC_ERROR ("descent: NULL argument", LSC_EFAULT);
  if (p->k != ws->k || p->d != ws->d || p->m != ws->m)
    LSC_ERROR ("descent: problem sizes differ from the workspace",
               LSC_EBADLEN);
  if (!(par->gtol >= 0.0) || !isfinite (par->gtol)
      || !(par->newton_tol >= 0.0) || !(par->newton_tol_x >= 0.0)
      || !(par->newton_accept >= 0.0) || !(par->armijo > 0.0)
      || !(par->armijo < 1.0))
    LSC_ERROR ("descent: tolerance out of range", LSC_EBADTOL);
  if (par->maxiter == 0 || !(par->step_c > 0.0) || !isfinite (par->step_c)
      || (par->method != LSC_DESCENT_GD && par->method != LSC_DESCENT_LBFGS))
    LSC_ERROR ("descent: invalid parameter", LSC_EINVAL);
  return lsc_problem_check (p, W);
}
