/* Plain gradient descent with constant step c/k (the protocol of Safran &
   Shamir's experiments, for comparability) and the method dispatcher. */
#include <config.h>
#include <math.h>
#include "descent_impl.h"
#include "internal.h"

int
lsc_descent_gd (double *W, lsc_descent_result *res, const lsc_problem *p,
                const lsc_descent_params *par, lsc_descent_workspace *ws)
{
  lsc_descent_result r = { 0, 0, 0, NAN, NAN };
  int st = lsc_descent_check (W, p, par, ws);
  if (st)
    return st;
  const size_t n = ws->n;
  const double h = par->step_c / (double) ws->k;
  double L;
  for (;;)
    {
      st = lsc_loss_grad (&L, ws->G, W, p, ws->lw);
      r.nfev++;
      if (st)
        break;
      r.loss = L;
      r.gnorm = lsc_descent_norm (ws->G, n);
      if (!isfinite (L) || !isfinite (r.gnorm))
        {
          st = LSC_ERANGE;
          lsc_error ("lsc_descent_gd: loss diverged (step too large?)",
                     __FILE__, __LINE__, st);
          break;
        }
      if (r.gnorm <= par->gtol)
        break;
      if (r.iter >= par->maxiter)
        {
          st = LSC_EMAXITER;
          lsc_error ("lsc_descent_gd: iteration limit", __FILE__, __LINE__,
                     st);
          break;
        }
      for (size_t i = 0; i < n; i++)
        W[i] -= h * ws->G[i];
      r.iter++;
    }
  r.status = st;
  if (res)
    *res = r;
  return st;
}

int
lsc_descent_run (double *W, lsc_descent_result *res, const lsc_problem *p,
                 const lsc_descent_params *par, lsc_descent_workspace *ws)
{
  if (par && par->method == LSC_DESCENT_GD)
    return lsc_descent_gd (W, res, p, par, ws);
  return lsc_descent_lbfgs (W, res, p, par, ws);
}
