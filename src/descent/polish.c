/* Newton polish of a descent end point with the exact full Hessian, and
   the Hessian spectrum used by the classification (dense route: lower
   triangle assembled, LAPACK workspace queried once at allocation). */
#include <config.h>
#include <string.h>
#include <math.h>
#include <cblas.h>
#include "descent_impl.h"
#include "internal.h"

int
lsc_descent_hessian_eigen (double *eval, const double *W,
                           const lsc_problem *p, lsc_descent_workspace *ws)
{
  if (!eval || !W || !p || !ws)
    LSC_ERROR ("lsc_descent_hessian_eigen: NULL argument", LSC_EFAULT);
  if (!ws->hessian)
    LSC_ERROR ("lsc_descent_hessian_eigen: workspace without Hessian",
               LSC_EINVAL);
  if (p->k != ws->k || p->d != ws->d || p->m != ws->m)
    LSC_ERROR ("lsc_descent_hessian_eigen: sizes differ", LSC_EBADLEN);
  int st = lsc_descent_need_eigen (ws);
  if (st)
    return st;
  st = lsc_loss_hessian_lower (ws->H, W, p, ws->lw);
  if (st)
    return st;
  return lsc_eigen_symm (eval, NULL, ws->H, ws->n, ws->ew);
}

/* dir = -H^{-1} G through H = Q diag(ev) Q^T (Q in ws->H, eigenvectors
   in its columns), |ev| floored. */
static void
newton_direction (lsc_descent_workspace *ws)
{
  const size_t n = ws->n;
  double emax = fmax (fabs (ws->ev[0]), fabs (ws->ev[n - 1]));
  double floor = 1e-12 * emax;
  if (floor == 0.0)
    floor = 1e-300;
  cblas_dgemv (CblasRowMajor, CblasTrans, (int) n, (int) n, 1.0, ws->H,
               (int) n, ws->G, 1, 0.0, ws->t, 1);
  for (size_t j = 0; j < n; j++)
    {
      double l = ws->ev[j];
      if (fabs (l) < floor)
        l = l < 0 ? -floor : floor;
      ws->t[j] /= -l;
    }
  cblas_dgemv (CblasRowMajor, CblasNoTrans, (int) n, (int) n, 1.0, ws->H,
               (int) n, ws->t, 1, 0.0, ws->dir, 1);
}

int
lsc_descent_newton (double *W, lsc_descent_result *res, const lsc_problem *p,
                    const lsc_descent_params *par, lsc_descent_workspace *ws)
{
  lsc_descent_result r = { 0, 0, 0, NAN, NAN };
  int st = lsc_descent_check (W, p, par, ws);
  if (st)
    return st;
  if (!ws->hessian)
    LSC_ERROR ("lsc_descent_newton: workspace without Hessian", LSC_EINVAL);
  if ((st = lsc_descent_need_eigen (ws)))
    return st;
  const size_t n = ws->n;
  double L, Lt;
  st = lsc_loss_grad (&L, ws->G, W, p, ws->lw);
  r.nfev++;
  if (st)
    goto done;
  r.loss = L;
  r.gnorm = lsc_descent_norm (ws->G, n);
  while (r.gnorm > par->newton_tol)
    {
      if (r.iter >= par->newton_maxiter)
        {
          st = r.gnorm <= par->newton_accept ? LSC_SUCCESS : LSC_EMAXITER;
          if (st)
            lsc_error ("lsc_descent_newton: iteration limit", __FILE__,
                       __LINE__, st);
          goto done;
        }
      /* the lower triangle is all LAPACK reads; the eigenvectors
         overwrite the matrix (no second n x n array) */
      if ((st = lsc_loss_hessian_lower (ws->H, W, p, ws->lw)) != 0
          || (st = lsc_eigen_symm (ws->ev, ws->H, ws->H, n, ws->ew)) != 0)
        goto done;
      newton_direction (ws);
      double dnorm = lsc_descent_norm (ws->dir, n);
      double t = 1.0, gt = INFINITY;
      int ok = 0;
      for (int h = 0; h <= 30; h++, t *= 0.5)
        {
          for (size_t i = 0; i < n; i++)
            ws->Wt[i] = W[i] + t * ws->dir[i];
          int s2 = lsc_loss_grad (&Lt, ws->Gt, ws->Wt, p, ws->lw);
          r.nfev++;
          if (s2 == LSC_EDOM)
            continue;
          if (s2)
            {
              st = s2;
              goto done;
            }
          gt = lsc_descent_norm (ws->Gt, n);
          if (gt < r.gnorm)
            {
              ok = 1;
              break;
            }
        }
      if (!ok)
        {
          /* No step decreases |grad|: the rounding floor. */
          st = r.gnorm <= par->newton_accept ? LSC_SUCCESS : LSC_ENOCONV;
          if (st)
            lsc_error ("lsc_descent_newton: no decreasing step", __FILE__,
                       __LINE__, st);
          goto done;
        }
      memcpy (W, ws->Wt, n * sizeof (double));
      memcpy (ws->G, ws->Gt, n * sizeof (double));
      r.loss = Lt;
      r.gnorm = gt;
      r.iter++;
      if (t == 1.0
          && dnorm <= par->newton_tol_x * (1.0 + lsc_descent_norm (W, n)))
        break;
    }
done:
  r.status = st;
  if (res)
    *res = r;
  return st;
}
