/* Limited-memory BFGS with Armijo backtracking on the full loss. */
#include <config.h>
#include <string.h>
#include <math.h>
#include <float.h>
#include "descent_impl.h"
#include "internal.h"

/* dir = -H_k grad by the two-loop recursion over the stored pairs
   (Nocedal & Wright, Numerical Optimization, Algorithm 7.4); oldest pair at
   ring position (head - cnt) mod mem.  H_k^0 = gamma I with
   gamma = s.y / y.y of the newest pair (1 when there is none). */
static void
two_loop (lsc_descent_workspace *ws, size_t head, size_t cnt)
{
  const size_t n = ws->n, mem = ws->mem;
  double *q = ws->dir;
  for (size_t i = 0; i < n; i++)
    q[i] = -ws->G[i];
  for (size_t j = 0; j < cnt; j++)
    {
      size_t s = (head + mem - 1 - j) % mem;
      double a = ws->rho[s] * lsc_descent_dot (ws->S + s * n, q, n);
      ws->alpha[s] = a;
      const double *y = ws->Y + s * n;
      for (size_t i = 0; i < n; i++)
        q[i] -= a * y[i];
    }
  double gamma = 1.0;
  if (cnt)
    {
      size_t s = (head + mem - 1) % mem;
      const double *y = ws->Y + s * n;
      gamma = 1.0 / (ws->rho[s] * lsc_descent_dot (y, y, n));
    }
  for (size_t i = 0; i < n; i++)
    q[i] *= gamma;
  for (size_t j = cnt; j-- > 0;)
    {
      size_t s = (head + mem - 1 - j) % mem;
      double b = ws->rho[s] * lsc_descent_dot (ws->Y + s * n, q, n);
      const double *sv = ws->S + s * n;
      double c = ws->alpha[s] - b;
      for (size_t i = 0; i < n; i++)
        q[i] += c * sv[i];
    }
}

int
lsc_descent_lbfgs (double *W, lsc_descent_result *res, const lsc_problem *p,
                   const lsc_descent_params *par, lsc_descent_workspace *ws)
{
  lsc_descent_result r = { 0, 0, 0, NAN, NAN };
  int st = lsc_descent_check (W, p, par, ws);
  if (st)
    return st;
  if (ws->mem == 0 || par->lbfgs_m == 0)
    LSC_ERROR ("lsc_descent_lbfgs: workspace has no L-BFGS memory",
               LSC_EINVAL);
  const size_t n = ws->n;
  const size_t mem = par->lbfgs_m < ws->mem ? par->lbfgs_m : ws->mem;
  size_t head = 0, cnt = 0;
  double L, Lt;
  st = lsc_loss_grad (&L, ws->G, W, p, ws->lw);
  r.nfev++;
  if (st)
    goto done;
  r.loss = L;
  r.gnorm = lsc_descent_norm (ws->G, n);
  /* Rounding level of L: its terms are of the order of the starting
     loss (the descent starts far from the minimum). */
  const double epsf = 4 * DBL_EPSILON * (fabs (L) + 1.0);
  size_t napprox = 0;
  while (r.gnorm > par->gtol)
    {
      if (r.iter >= par->maxiter)
        {
          st = LSC_EMAXITER;
          lsc_error ("lsc_descent_lbfgs: iteration limit", __FILE__,
                     __LINE__, st);
          goto done;
        }
      /* The ring uses the first mem slots of the workspace's memory. */
      size_t wsmem = ws->mem;
      ws->mem = mem;
      two_loop (ws, head, cnt);
      ws->mem = wsmem;
      double slope = lsc_descent_dot (ws->G, ws->dir, n);
      if (!(slope < 0.0))
        {
          /* Not a descent direction (rounding): restart from -grad. */
          for (size_t i = 0; i < n; i++)
            ws->dir[i] = -ws->G[i];
          slope = -r.gnorm * r.gnorm;
          cnt = 0;
        }
      /* First iteration: a step of length 1/|g| (scale-free start). */
      double t = cnt ? 1.0 : fmin (1.0, 1.0 / r.gnorm);
      size_t h;
      for (h = 0; h <= par->ls_max; h++, t *= 0.5)
        {
          for (size_t i = 0; i < n; i++)
            ws->Wt[i] = W[i] + t * ws->dir[i];
          int s2 = lsc_loss_grad (&Lt, ws->Gt, ws->Wt, p, ws->lw);
          r.nfev++;
          if (s2 == LSC_EDOM)
            continue;          /* a zero row: off the domain, shorten */
          if (s2)
            {
              st = s2;
              goto done;
            }
          if (isfinite (Lt) && Lt <= L + par->armijo * t * slope)
            {
              napprox = 0;
              break;
            }
          /* Near the minimum the decrease (~ |g|^2 / lambda) falls below
             the rounding of L: accept a step that keeps L within
             4 eps (|L0| + 1) and decreases |grad| (the "approximate Armijo" idea
             of Hager & Zhang, SIAM J. Optim. 16 (2005)). */
          if (isfinite (Lt) && Lt <= L + epsf
              && lsc_descent_norm (ws->Gt, n) < r.gnorm)
            {
              napprox++;
              break;
            }
        }
      if (h > par->ls_max || napprox > 100)
        {
          st = LSC_ESTEPUNDER;
          lsc_error ("lsc_descent_lbfgs: line search found no decrease",
                     __FILE__, __LINE__, st);
          goto done;
        }
      /* New pair s = Wt - W, y = Gt - G, stored at head. */
      double *s = ws->S + head * n, *y = ws->Y + head * n;
      for (size_t i = 0; i < n; i++)
        {
          s[i] = ws->Wt[i] - W[i];
          y[i] = ws->Gt[i] - ws->G[i];
        }
      double sy = lsc_descent_dot (s, y, n);
      if (sy > 1e-300)
        {
          ws->rho[head] = 1.0 / sy;
          head = (head + 1) % mem;
          if (cnt < mem)
            cnt++;
        }
      memcpy (W, ws->Wt, n * sizeof (double));
      memcpy (ws->G, ws->Gt, n * sizeof (double));
      L = Lt;
      r.loss = L;
      r.gnorm = lsc_descent_norm (ws->G, n);
      r.iter++;
    }
done:
  r.status = st;
  if (res)
    *res = r;
  return st;
}
