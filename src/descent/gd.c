/* Plain gradient descent with constant step c/k (the protocol of Safran &
   Shamir's experiments, for comparability) and the method dispatcher. */
#include <config.h>
#include <math.h>
#include "descent_impl.h"
#include "internal.h"
#include "../kernel/vmath.h"

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
  /* Each step needs the gradient only: lsc_loss_grad reports a
     non-finite gradient (LSC_ERANGE), so the loss is evaluated once, at
     the returned W. */
  for (;;)
    {
      st = lsc_loss_grad (NULL, ws->G, W, p, ws->lw);
      r.nfev++;
      if (st == LSC_ERANGE)
        lsc_error ("lsc_descent_gd: gradient diverged (step too large?)",
                   __FILE__, __LINE__, st);
      if (st)
        break;
      r.gnorm = lsc_descent_norm (ws->G, n);
      if (!isfinite (r.gnorm))
        {
          st = LSC_ERANGE;
          lsc_error ("lsc_descent_gd: gradient diverged (step too large?)",
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
      lsc_vm_axpy (W, -h, ws->G, n);   /* W -= h G, vectorised */
      r.iter++;
    }
  if (st == LSC_SUCCESS || st == LSC_EMAXITER)
    {
      double L;
      int s2 = lsc_loss (&L, W, p, ws->lw);
      if (s2)
        st = s2;
      else
        r.loss = L;
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
