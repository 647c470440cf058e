/* The arc-cosine kernel in double precision: stable pair geometry, value,
   gradient and the Hessian blocks h1, h2 (landscape(7), MODEL). */
#include <config.h>
#include <math.h>
#include "landscape/lsc_kernel.h"
#include "internal.h"

/* Double-double helpers (error-free transformations with fma). */
typedef struct
{
  double hi, lo;
} dd;

static void
dd_add (dd *acc, double x)
{
  double s = acc->hi + x, bb = s - acc->hi;
  acc->lo += (acc->hi - (s - bb)) + (x - bb);
  acc->hi = s;
}

/* Weighted sum of squares of x * 2^-e in double-double, then its square
   root as hi + lo (one Newton correction with an exact fma residual). */
static dd
dd_norm (const double *x, const double *wt, size_t n, int e)
{
  dd acc = { 0.0, 0.0 };
  for (size_t c = 0; c < n; c++)
    {
      double y = ldexp (x[c], -e), w = wt ? wt[c] : 1.0;
      double ph = y * y, pl = fma (y, y, -ph);
      double qh = w * ph, ql = fma (w, ph, -qh) + w * pl;
      dd_add (&acc, qh);
      acc.lo += ql;
    }
  double a = acc.hi + acc.lo, al = acc.lo - (a - acc.hi);
  dd r;
  r.hi = sqrt (a);
  r.lo = r.hi > 0.0 ? (fma (-r.hi, r.hi, a) + al) / (2.0 * r.hi) : 0.0;
  return r;
}

/* Exponent e with max |x| * 2^-e in [0.5, 1): scaling by 2^-e is exact. */
static int
scale_exp (const double *x, size_t n)
{
  double big = 0.0;
  for (size_t c = 0; c < n; c++)
    big = fmax (big, fabs (x[c]));
  int e = 0;
  if (big > 0.0)
    frexp (big, &e);
  return e;
}

/* x / (h + l) as a double-double (q, ql). */
static double
dd_div (double x, dd n, double *ql)
{
  double q = x / n.hi;
  *ql = (fma (-q, n.hi, x) - q * n.lo) / n.hi;
  return q;
}

/* Geometry of (u, v).  The unit vectors are formed in double-double, so
   u^ - v^ is accurate to a few ulps of its own size even when the angle is
   tiny; sh and ch are |u^ - v^|/2 and |u^ + v^|/2 rescaled by their common
   hypotenuse, so sh^2 + ch^2 = 1 to rounding; theta = 2 atan2(sh, ch),
   s = 2 sh ch and c = (ch - sh)(ch + sh) carry a few ulps of relative error
   each, also for theta near 0 and pi, where acos(u^.v^) would lose half
   the digits (tested against MPFR for angles down to 1e-12). */
int
lsc_kernel_geom_init (lsc_kernel_geom *g, const double *u, const double *v,
                      const double *wt, size_t n)
{
  if (!g || !u || !v)
    LSC_ERROR ("lsc_kernel_geom_init: NULL pointer", LSC_EFAULT);
  if (!lsc_all_finite (u, n) || !lsc_all_finite (v, n)
      || (wt && !lsc_all_finite (wt, n)))
    LSC_ERROR ("lsc_kernel_geom_init: non-finite entry", LSC_ENONFINITE);
  /* Negative cell weights are allowed: the symmetry-reduced code continues
     block sizes analytically below their integer minimum (a cell of size
     L - 2 at L < 2).  The weighted squared norms must still be positive. */
  int eu = scale_exp (u, n), ev = scale_exp (v, n);
  dd nu = dd_norm (u, wt, n, eu), nv = dd_norm (v, wt, n, ev);
  if (!(nu.hi > 0.0) || !(nv.hi > 0.0))
    LSC_ERROR ("lsc_kernel_geom_init: zero vector (or weighted norm not "
               "positive)", LSC_EDOM);
  double dm = 0.0, dp = 0.0;
  for (size_t c = 0; c < n; c++)
    {
      double al, bl, w = wt ? wt[c] : 1.0;
      double a = dd_div (ldexp (u[c], -eu), nu, &al);
      double b = dd_div (ldexp (v[c], -ev), nv, &bl);
      double m = (a - b) + (al - bl), p = (a + b) + (al + bl);
      dm += w * m * m;
      dp += w * p * p;
    }
  double sh = 0.5 * sqrt (fmax (dm, 0.0)), ch = 0.5 * sqrt (fmax (dp, 0.0));
  if (sh == 0.0 && ch == 0.0)
    LSC_ERROR ("lsc_kernel_geom_init: degenerate weighted geometry", LSC_EDOM);
  double rho = hypot (sh, ch);
  sh /= rho;
  ch /= rho;
  g->nu = ldexp (nu.hi + nu.lo, eu);
  g->nv = ldexp (nv.hi + nv.lo, ev);
  g->sh = sh;
  g->ch = ch;
  g->theta = 2.0 * atan2 (sh, ch);
  g->s = 2.0 * sh * ch;
  g->c = (ch - sh) * (ch + sh);
  return LSC_SUCCESS;
}

/* kappa = |u||v| B / (2 pi) with B = s + (pi - theta) c, landscape(7), MODEL.
   For theta > pi/2 the two terms of B cancel (B ~ e^3/3 with e = pi -
   theta): there e = 2 atan2(ch, sh) is formed directly (relative accuracy)
   and B = sin e - e cos e is summed as its Taylor series for e < 1. */
double
lsc_kernel_geom_value (const lsc_kernel_geom *g)
{
  double B;
  if (g->c >= 0.0)
    B = g->s + (LSC_PI - g->theta) * g->c;
  else
    {
      double e = 2.0 * atan2 (g->ch, g->sh);
      if (e < 1.0)
        {
          /* sin e - e cos e = sum_{j>=1} (-1)^(j+1) 2j e^(2j+1)/(2j+1)! */
          double e2 = e * e, term = e * e2 / 6.0, sum = 0.0;
          for (int j = 1; j <= 12; j++)
            {
              sum += 2.0 * j * term;
              term *= -e2 / ((2.0 * j + 2.0) * (2.0 * j + 3.0));
            }
          B = sum;
        }
      else
        B = sin (e) - e * cos (e);
    }
  return g->nu * g->nv * B / LSC_2PI;
}

/* kappa(u, v) for d-vectors; accurate to a few ulps relative on all of
   [0, pi] (tested against MPFR near 0 and pi). */
int
lsc_kernel (double *kappa, const double *u, const double *v, size_t d)
{
  if (!kappa)
    LSC_ERROR ("lsc_kernel: NULL output", LSC_EFAULT);
  lsc_kernel_geom g;
  int rc = lsc_kernel_geom_init (&g, u, v, NULL, d);
  if (rc)
    return rc;
  *kappa = lsc_kernel_geom_value (&g);
  if (!isfinite (*kappa))
    LSC_ERROR ("lsc_kernel: |u||v| overflows a double", LSC_ERANGE);
  return LSC_SUCCESS;
}

/* grad_w kappa(w, v) = (|v| s w^ + (pi - theta) v) / (2 pi), landscape(7), MODEL. */
int
lsc_kernel_grad (double *grad, const double *w, const double *v, size_t d)
{
  if (!grad)
    LSC_ERROR ("lsc_kernel_grad: NULL output", LSC_EFAULT);
  lsc_kernel_geom g;
  int rc = lsc_kernel_geom_init (&g, w, v, NULL, d);
  if (rc)
    return rc;
  if ((rc = lsc_kernel_grad_w (grad, &g, w, v, d)) != LSC_SUCCESS)
    return rc;
  if (!lsc_all_finite (grad, d))
    LSC_ERROR ("lsc_kernel_grad: gradient overflows a double", LSC_ERANGE);
  return LSC_SUCCESS;
}

/* Hessian blocks in the stable form.  With p^ = (w^+v^)/(2 ch),
   q^ = (w^-v^)/(2 sh) (orthonormal; a factor is set to 0 when its norm is
   0, where it is multiplied by s = 0 anyway):
     n  = (v^ - c w^)/s = sh p^ - ch q^
     h1 = |v| s / (2 pi |w|) (I - w^ w^T + n n^T)
     h2 = ((pi - theta) I + m v^T + n w^T) / (2 pi)
        = ((pi - theta) I + s (p^ p^T - q^ q^T)) / (2 pi)   (symmetric),
   using m = sh p^ + ch q^, w^ = ch p^ + sh q^, v^ = ch p^ - sh q^.
   No 0/0 occurs: at theta = 0, h1 = 0 and h2 = I/2; at pi both vanish. */
int
lsc_kernel_hess (double *h1, double *h2, const double *w, const double *v,
                 size_t d)
{
  lsc_kernel_geom g;
  int rc = lsc_kernel_geom_init (&g, w, v, NULL, d);
  if (rc)
    return rc;
  double fp = g.ch > 0.0 ? 0.5 / g.ch : 0.0;
  double fq = g.sh > 0.0 ? 0.5 / g.sh : 0.0;
  double lam = g.nv * g.s / (LSC_2PI * g.nu);
  for (size_t a = 0; a < d; a++)
    {
      double ua = w[a] / g.nu, va = v[a] / g.nv;
      double pa = (ua + va) * fp, qa = (ua - va) * fq;
      double na = g.sh * pa - g.ch * qa;
      for (size_t b = 0; b < d; b++)
        {
          double ub = w[b] / g.nu, vb = v[b] / g.nv;
          double pb = (ub + vb) * fp, qb = (ub - vb) * fq;
          double nb = g.sh * pb - g.ch * qb;
          double id = a == b ? 1.0 : 0.0;
          if (h1)
            h1[a * d + b] = lam * (id - ua * ub + na * nb);
          if (h2)
            h2[a * d + b]
                = ((LSC_PI - g.theta) * id + g.s * (pa * pb - qa * qb))
                  / LSC_2PI;
        }
    }
  /* h1 ~ |v| / |w|: overflows when |w| is subnormal and |v| is not. */
  if ((h1 && !lsc_all_finite (h1, d * d)) || (h2 && !lsc_all_finite (h2, d * d)))
    LSC_ERROR ("lsc_kernel_hess: Hessian block overflows a double",
               LSC_ERANGE);
  return LSC_SUCCESS;
}
