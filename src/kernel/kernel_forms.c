/* Weighted-cell forms of the kernel derivatives for symmetry-reduced code:
   per-cell gradient and the bilinear forms x^T h1 y, x^T h2 y. */
#include <config.h>
#include <math.h>
#include "landscape/lsc_kernel.h"
#include "internal.h"

/* Per-cell value of grad_u kappa(u, v) = (|v| s u^ + (pi - theta) v)/(2 pi).
   A cell vector stands for wt[c] equal coordinates; the gradient of the
   expanded vector has the same value in each copy, so no weights enter
   here beyond those already in g.  Accurate to a few ulps of the largest
   term.  landscape(7), MODEL. */
int
lsc_kernel_grad_w (double *grad, const lsc_kernel_geom *g, const double *u,
                   const double *v, size_t n)
{
  if (!grad || !g || !u || !v)
    LSC_ERROR ("lsc_kernel_grad_w: NULL pointer", LSC_EFAULT);
  /* u[c] / |u| first: |v| s / |u| overflows for a subnormal |u|, while
     the gradient itself stays below |v| (pi + 1) / (2 pi). */
  double a = g->nv * g->s / LSC_2PI;
  double b = (LSC_PI - g->theta) / LSC_2PI;
  for (size_t c = 0; c < n; c++)
    grad[c] = a * (u[c] / g->nu) + b * v[c];
  return LSC_SUCCESS;
}

/* The four weighted products of x with u^ = u/|u|, v^ = v/|v|, turned into
   x.u^, x.p^, x.q^ with p^ = (u^+v^)/(2 ch), q^ = (u^-v^)/(2 sh) (set to 0
   when ch or sh vanishes: those terms then carry a factor s = 0). */
typedef struct
{
  double xu, xp, xq;
} proj;

static proj
project (const lsc_kernel_geom *g, const double *u, const double *v,
         const double *x, const double *wt, size_t n)
{
  double xu = 0.0, xs = 0.0, xd = 0.0;
  for (size_t c = 0; c < n; c++)
    {
      double w = wt ? wt[c] : 1.0;
      double ua = u[c] / g->nu, va = v[c] / g->nv;
      xu += w * x[c] * ua;
      xs += w * x[c] * (ua + va);
      xd += w * x[c] * (ua - va);
    }
  proj p;
  p.xu = xu;
  p.xp = g->ch > 0.0 ? xs * 0.5 / g->ch : 0.0;
  p.xq = g->sh > 0.0 ? xd * 0.5 / g->sh : 0.0;
  return p;
}

static double
wdot (const double *x, const double *y, const double *wt, size_t n)
{
  double acc = 0.0;
  for (size_t c = 0; c < n; c++)
    acc += (wt ? wt[c] : 1.0) * x[c] * y[c];
  return acc;
}

/* x^T h1(u,v) y = |v| s/(2 pi |u|) (x.y - (x.u^)(y.u^) + (x.n)(y.n)) with
   n = sh p^ - ch q^ (see lsc_kernel_hess).  Inputs are not checked: g must
   come from lsc_kernel_geom_init with the same u, v, wt, n. */
double
lsc_kernel_h1_form (const lsc_kernel_geom *g, const double *u,
                    const double *v, const double *x, const double *y,
                    const double *wt, size_t n)
{
  proj px = project (g, u, v, x, wt, n), py = project (g, u, v, y, wt, n);
  double xn = g->sh * px.xp - g->ch * px.xq;
  double yn = g->sh * py.xp - g->ch * py.xq;
  double lam = g->nv * g->s / (LSC_2PI * g->nu);
  return lam * (wdot (x, y, wt, n) - px.xu * py.xu + xn * yn);
}

/* x^T h2(u,v) y = ((pi - theta) x.y + s ((x.p^)(y.p^) - (x.q^)(y.q^)))/(2 pi).
   Inputs are not checked (as for lsc_kernel_h1_form). */
double
lsc_kernel_h2_form (const lsc_kernel_geom *g, const double *u,
                    const double *v, const double *x, const double *y,
                    const double *wt, size_t n)
{
  proj px = project (g, u, v, x, wt, n), py = project (g, u, v, y, wt, n);
  return ((LSC_PI - g->theta) * wdot (x, y, wt, n)
          + g->s * (px.xp * py.xp - px.xq * py.xq))
         / LSC_2PI;
}
