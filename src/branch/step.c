/* Stepping onto a bifurcating branch: Newton on the system g(x; d) = 0
   with a pinning condition along the tangent, unknowns (x, d). */
#include <config.h>
#include <stdlib.h>
#include <string.h>
#include <math.h>
#include "landscape/lsc_branch.h"
#include "internal.h"
#include "branch_internal.h"

typedef struct
{
  const lsc_branch_space *S;
  const double *xstar, *w;      /* w = M v: the pin's covector */
  double s;
  double *gp, *gm, *xd;         /* scratch (n each) */
} pin_ctx;

/* dg/dd at (x, d) (the function's dd, else a central difference). */
static int
g_d (double *gd, pin_ctx *c, const double *x, double d)
{
  const lsc_cont_function *f = c->S->f;
  size_t n = f->n;
  if (f->dd)
    return f->dd (gd, x, d, f->params);
  double h = 1e-5 * fmax (1, fabs (d));
  int st = f->fdf (c->gp, NULL, x, d + h, f->params);
  if (!st)
    st = f->fdf (c->gm, NULL, x, d - h, f->params);
  if (st)
    return st;
  for (size_t i = 0; i < n; i++)
    gd[i] = (c->gp[i] - c->gm[i]) / (2 * h);
  return 0;
}

static int
pin_fdf (double *g, double *J, const double *z, void *params)
{
  pin_ctx *c = params;
  const lsc_cont_function *f = c->S->f;
  size_t n = f->n, m = n + 1;
  double d = z[n];
  int st;
  if (J)
    {
      /* the n x n block is written into rows of length n; spread it */
      if ((st = f->fdf (g, J, z, d, f->params)) != 0)
        return st;
      for (size_t i = n; i-- > 0;)
        for (size_t j = n; j-- > 0;)
          J[i * m + j] = J[i * n + j];
      if ((st = g_d (c->xd, c, z, d)) != 0)
        return st;
      for (size_t i = 0; i < n; i++)
        J[i * m + n] = c->xd[i];
      for (size_t j = 0; j < n; j++)
        J[n * m + j] = c->w[j];
      J[n * m + n] = 0;
    }
  else if ((st = f->fdf (g, NULL, z, d, f->params)) != 0)
    return st;
  double s = 0;
  for (size_t j = 0; j < n; j++)
    s += c->w[j] * (z[j] - c->xstar[j]);
  g[n] = s - c->s;
  return 0;
}

int
lsc_branch_step (double *x1, double *d1, lsc_newton_result *res,
                 const lsc_branch_space *S, const double *xstar,
                 double dstar, const double *v, double s,
                 const lsc_newton_params *par)
{
  if (!x1 || !d1 || !S || !S->f || !xstar || !v)
    LSC_ERROR ("lsc_branch_step: NULL argument", LSC_EFAULT);
  size_t n = S->f->n;
  int rc;
  double *buf = malloc ((6 * n + 2) * sizeof *buf);
  if (!buf)
    LSC_ERROR ("lsc_branch_step: out of memory", LSC_ENOMEM);
  double *w = buf, *gp = w + n, *gm = gp + n, *xd = gm + n, *z = xd + n;
  double *sqm = z + n + 1;
  if ((rc = lsc_branch_sqm (sqm, S, dstar)) != 0)
    goto cleanup;
  for (size_t i = 0; i < n; i++)
    {
      w[i] = sqm[i] * sqm[i] * v[i];
      z[i] = xstar[i] + s * v[i];
    }
  z[n] = dstar;
  pin_ctx c = { S, xstar, w, s, gp, gm, xd };
  lsc_newton_function nf = { n + 1, pin_fdf, &c };
  lsc_newton_params np;
  if (par)
    np = *par;
  else
    {
      lsc_newton_params_init (&np);
      np.epsabs = 1e-12;
      np.epsx = 1e-14;
    }
  lsc_newton_result r;
  rc = lsc_newton_solve (z, &r, lsc_newton_damped, &nf, &np);
  if (res)
    *res = r;
  memcpy (x1, z, n * sizeof *x1);
  *d1 = z[n];
cleanup:
  free (buf);
  return rc;
}
