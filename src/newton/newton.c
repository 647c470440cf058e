/* Damped Newton and Levenberg-Marquardt for small square systems: the
   solver object, its two algorithm types and the convenience driver. */
#include <config.h>
#include <stdlib.h>
#include <string.h>
#include <math.h>
#include <gsl/gsl_linalg.h>
#include "landscape/lsc_newton.h"
#include "internal.h"

struct lsc_newton_type
{
  const char *name;
  int (*iterate) (lsc_newton *s);
};

struct lsc_newton
{
  const lsc_newton_type *type;
  size_t n;
  lsc_newton_function f;
  lsc_newton_params par;
  double *x, *g, *J;          /* current point                           */
  double *xt, *gt, *Jt;       /* trial point (swapped in on acceptance)  */
  double *dx;
  double *cs;                 /* column scales: SVD of J diag(1/cs)      */
  gsl_matrix *U, *V;          /* SVD of J: J = U diag(S) V^T             */
  gsl_vector *S, *work, *tmp;
  double resid;
  double mu;                  /* Levenberg-Marquardt: lambda = mu |g|^2 */
  size_t iter;
  int xconv;                  /* converged by the epsx test              */
};

void
lsc_newton_params_init (lsc_newton_params *par)
{
  par->epsabs = 1e-13;
  par->epsx = 0.0;
  par->maxiter = 50;
  par->rcond = 1e-13;
  par->tmin = 1e-8;
  par->lambda0 = 1e-3;
}

/* Residuals span 1e-300 .. 1e+300 in the tests: the scaled norm. */
static double
norm2 (const double *v, size_t n)
{
  return lsc_norm2 (v, n);
}

lsc_newton *
lsc_newton_alloc (const lsc_newton_type *T, size_t n)
{
  if (T == NULL || n == 0)
    {
      lsc_error ("lsc_newton_alloc: NULL type or n = 0", __FILE__, __LINE__,
                 LSC_EINVAL);
      return NULL;
    }
  lsc_newton *s = calloc (1, sizeof *s);
  if (s == NULL)
    goto fail;
  s->type = T;
  s->n = n;
  s->x = malloc (n * sizeof (double));
  s->g = malloc (n * sizeof (double));
  s->xt = malloc (n * sizeof (double));
  s->gt = malloc (n * sizeof (double));
  s->dx = malloc (n * sizeof (double));
  s->cs = malloc (n * sizeof (double));
  s->J = malloc (n * n * sizeof (double));
  s->Jt = malloc (n * n * sizeof (double));
  s->U = gsl_matrix_alloc (n, n);
  s->V = gsl_matrix_alloc (n, n);
  s->S = gsl_vector_alloc (n);
  s->work = gsl_vector_alloc (n);
  s->tmp = gsl_vector_alloc (n);
  if (!s->x || !s->g || !s->xt || !s->gt || !s->dx || !s->cs || !s->J || !s->Jt
      || !s->U || !s->V || !s->S || !s->work || !s->tmp)
    goto fail;
  lsc_newton_params_init (&s->par);
  return s;
fail:
  lsc_newton_free (s);
  lsc_error ("lsc_newton_alloc: out of memory", __FILE__, __LINE__,
             LSC_ENOMEM);
  return NULL;
}

void
lsc_newton_free (lsc_newton *s)
{
  if (s == NULL)
    return;
  free (s->x);
  free (s->g);
  free (s->xt);
  free (s->gt);
  free (s->dx);
  free (s->cs);
  free (s->J);
  free (s->Jt);
  if (s->U)
    gsl_matrix_free (s->U);
  if (s->V)
    gsl_matrix_free (s->V);
  if (s->S)
    gsl_vector_free (s->S);
  if (s->work)
    gsl_vector_free (s->work);
  if (s->tmp)
    gsl_vector_free (s->tmp);
  free (s);
}

const char *
lsc_newton_name (const lsc_newton *s)
{
  return s->type->name;
}

/* Evaluate at xt into gt, Jt; nonzero status or non-finite values reject. */
static int
eval_trial (lsc_newton *s)
{
  int st = s->f.fdf (s->gt, s->Jt, s->xt, s->f.params);
  if (st)
    return st;
  if (!lsc_all_finite (s->gt, s->n) || !lsc_all_finite (s->Jt, s->n * s->n))
    return LSC_ENONFINITE;
  return 0;
}

static void
accept_trial (lsc_newton *s, double rt)
{
  double *t;
  t = s->x, s->x = s->xt, s->xt = t;
  t = s->g, s->g = s->gt, s->gt = t;
  t = s->J, s->J = s->Jt, s->Jt = t;
  s->resid = rt;
}

int
lsc_newton_set (lsc_newton *s, const lsc_newton_function *f,
                const double *x0, const lsc_newton_params *par)
{
  if (s == NULL || f == NULL || f->fdf == NULL || x0 == NULL)
    LSC_ERROR ("lsc_newton_set: NULL argument", LSC_EFAULT);
  if (f->n != s->n)
    LSC_ERROR ("lsc_newton_set: system size differs from the solver's",
               LSC_EBADLEN);
  if (par)
    {
      if (!(par->epsabs >= 0) || !(par->epsx >= 0) || !(par->rcond >= 0)
          || !(par->rcond < 1) || !(par->tmin > 0) || !(par->tmin < 1)
          || !(par->lambda0 > 0) || !isfinite (par->lambda0))
        LSC_ERROR ("lsc_newton_set: tolerance out of range", LSC_EBADTOL);
      s->par = *par;
    }
  else
    lsc_newton_params_init (&s->par);
  s->f = *f;
  s->iter = 0;
  s->xconv = 0;
  memcpy (s->xt, x0, s->n * sizeof (double));
  int st = eval_trial (s);
  if (st)
    LSC_ERROR ("lsc_newton_set: evaluation at the start failed", st);
  accept_trial (s, norm2 (s->gt, s->n));
  s->mu = -1.0;          /* set from the first SVD (Levenberg-Marquardt) */
  return LSC_SUCCESS;
}

/* SVD of the current J, columns equilibrated (J = U S V^T diag(cs)), so
   the singularity test does not depend on the units of the unknowns;
   LSC_ESING if numerically singular. */
static int
svd_current (lsc_newton *s)
{
  size_t n = s->n;
  for (size_t j = 0; j < n; j++)
    {
      s->cs[j] = 0.0;
      for (size_t i = 0; i < n; i++)
        s->cs[j] = fmax (s->cs[j], fabs (s->J[i * n + j]));
      if (s->cs[j] == 0.0)
        return LSC_ESING;
    }
  for (size_t i = 0; i < n; i++)
    for (size_t j = 0; j < n; j++)
      gsl_matrix_set (s->U, i, j, s->J[i * n + j] / s->cs[j]);
  if (n == 1)
    {
      /* GSL's SVD needs no special case, but keep signs simple. */
      double a = s->J[0] / s->cs[0];
      gsl_matrix_set (s->U, 0, 0, a < 0 ? -1.0 : 1.0);
      gsl_matrix_set (s->V, 0, 0, 1.0);
      gsl_vector_set (s->S, 0, fabs (a));
    }
  else if (gsl_linalg_SV_decomp (s->U, s->V, s->S, s->work) != 0)
    return LSC_EFAILED;
  double smax = gsl_vector_get (s->S, 0), smin = gsl_vector_get (s->S, n - 1);
  if (!(smax > 0) || smin < s->par.rcond * smax)
    return LSC_ESING;
  return 0;
}

/* dx = -diag(1/cs) V diag(S / (S^2 + lambda)) U^T g  (lambda = 0: the
   Newton step; lambda > 0: Levenberg-Marquardt in the scaled unknowns). */
static void
svd_step (lsc_newton *s, double lambda)
{
  size_t n = s->n;
  for (size_t k = 0; k < n; k++)
    {
      double ug = 0.0;
      for (size_t i = 0; i < n; i++)
        ug += gsl_matrix_get (s->U, i, k) * s->g[i];
      double sk = gsl_vector_get (s->S, k);
      gsl_vector_set (s->tmp, k, ug * sk / (sk * sk + lambda));
    }
  for (size_t j = 0; j < n; j++)
    {
      double v = 0.0;
      for (size_t k = 0; k < n; k++)
        v += gsl_matrix_get (s->V, j, k) * gsl_vector_get (s->tmp, k);
      s->dx[j] = -v / s->cs[j];
    }
}

/* The epsx test on the step dx; on success take the step if it does not
   increase the residual and mark convergence. */
static int
check_xconv (lsc_newton *s)
{
  if (s->par.epsx <= 0)
    return 0;
  if (norm2 (s->dx, s->n) > s->par.epsx * (1.0 + norm2 (s->x, s->n)))
    return 0;
  for (size_t i = 0; i < s->n; i++)
    s->xt[i] = s->x[i] + s->dx[i];
  if (eval_trial (s) == 0)
    {
      double rt = norm2 (s->gt, s->n);
      if (rt <= s->resid)
        accept_trial (s, rt);
    }
  s->xconv = 1;
  return 1;
}

static int
damped_iterate (lsc_newton *s)
{
  int st = svd_current (s);
  if (st)
    LSC_ERROR ("damped Newton: singular Jacobian", st);
  svd_step (s, 0.0);
  s->iter++;
  if (check_xconv (s))
    return 0;
  double r2 = s->resid * s->resid;
  for (double t = 1.0; t >= s->par.tmin; t *= 0.5)
    {
      for (size_t i = 0; i < s->n; i++)
        s->xt[i] = s->x[i] + t * s->dx[i];
      if (eval_trial (s) != 0)
        continue;
      double rt = norm2 (s->gt, s->n);
      if (rt * rt <= (1.0 - 0.5 * t) * r2)
        {
          accept_trial (s, rt);
          return 0;
        }
    }
  LSC_ERROR ("damped Newton: no acceptable step (line search failed)",
             LSC_ENOCONV);
}

static int
lm_iterate (lsc_newton *s)
{
  int st = svd_current (s);
  if (st)
    LSC_ERROR ("Levenberg-Marquardt: singular Jacobian", st);
  double r2 = s->resid * s->resid;
  double smax = gsl_vector_get (s->S, 0);
  if (s->mu < 0)
    s->mu = r2 > 0 ? s->par.lambda0 * smax * smax / r2 : 0.0;
  s->iter++;
  svd_step (s, 0.0);
  double newton_norm = norm2 (s->dx, s->n);
  if (check_xconv (s))
    return 0;
  for (int tries = 0; tries < 200; tries++)
    {
      svd_step (s, s->mu * r2);
      if (norm2 (s->dx, s->n) < s->par.tmin * newton_norm)
        break;
      for (size_t i = 0; i < s->n; i++)
        s->xt[i] = s->x[i] + s->dx[i];
      if (eval_trial (s) == 0)
        {
          double rt = norm2 (s->gt, s->n);
          if (rt < s->resid)
            {
              accept_trial (s, rt);
              s->mu *= 0.25;
              return 0;
            }
        }
      s->mu = s->mu > 0 ? 4.0 * s->mu : s->par.lambda0 * smax * smax / r2;
    }
  LSC_ERROR ("Levenberg-Marquardt: no acceptable step", LSC_ENOCONV);
}

static const lsc_newton_type damped_type = { "damped-newton", damped_iterate };
static const lsc_newton_type lm_type = { "levenberg-marquardt", lm_iterate };
const lsc_newton_type *lsc_newton_damped = &damped_type;
const lsc_newton_type *lsc_newton_lm = &lm_type;

int
lsc_newton_iterate (lsc_newton *s)
{
  return s->type->iterate (s);
}

int
lsc_newton_test (const lsc_newton *s)
{
  return (s->resid <= s->par.epsabs || s->xconv) ? LSC_SUCCESS
                                                 : LSC_NEWTON_CONTINUE;
}

const double *
lsc_newton_x (const lsc_newton *s)
{
  return s->x;
}

const double *
lsc_newton_g (const lsc_newton *s)
{
  return s->g;
}

double
lsc_newton_residual (const lsc_newton *s)
{
  return s->resid;
}

size_t
lsc_newton_iter (const lsc_newton *s)
{
  return s->iter;
}

int
lsc_newton_solve (double *x, lsc_newton_result *res, const lsc_newton_type *T,
                  const lsc_newton_function *f, const lsc_newton_params *par)
{
  lsc_newton_result r = { LSC_SUCCESS, 0, NAN };
  if (x == NULL || f == NULL)
    LSC_ERROR ("lsc_newton_solve: NULL argument", LSC_EFAULT);
  lsc_newton *s = lsc_newton_alloc (T, f->n);
  if (s == NULL)
    {
      r.status = T == NULL || f->n == 0 ? LSC_EINVAL : LSC_ENOMEM;
      goto done;
    }
  r.status = lsc_newton_set (s, f, x, par);
  if (r.status == LSC_SUCCESS)
    {
      while ((r.status = lsc_newton_test (s)) == LSC_NEWTON_CONTINUE)
        {
          if (s->iter >= s->par.maxiter)
            {
              r.status = LSC_EMAXITER;
              lsc_error ("lsc_newton_solve: iteration limit reached",
                         __FILE__, __LINE__, r.status);
              break;
            }
          r.status = lsc_newton_iterate (s);
          if (r.status)
            break;
        }
      memcpy (x, s->x, f->n * sizeof (double));
      r.iter = s->iter;
      r.residual = s->resid;
    }
  lsc_newton_free (s);
done:
  if (res)
    *res = r;
  return r.status;
}
