/* Vectorised elementary kernels of the loss: compensated sums of squares
   and dot products, compensated row accumulation, axpy forms, quotients.
   One algorithm each, in portable scalar code (here) and in AVX2 + FMA
   (vmath256.c) and AVX-512 (vmath512.c) intrinsics, compiled with target
   attributes and chosen here at run time, so the library still runs on
   any x86-64.  The pair functions of a cosine are in vmath_pairs.c. */
#include <config.h>
#include <math.h>
#include "vmath.h"
#include "vmath256.h"
#include "vmath512.h"

int
lsc_vm_vectorised (void)
{
#ifdef LSC_VM_AVX2
  return __builtin_cpu_supports ("avx2") && __builtin_cpu_supports ("fma");
#else
  return 0;
#endif
}

/* ---------------------------------------------------------- scalar */

static double
dot2_scalar (const double *x, const double *y, size_t n, double *lo)
{
  double hi = 0.0, l = 0.0;
  for (size_t i = 0; i < n; i++)
    {
      double p = x[i] * y[i], pl = fma (x[i], y[i], -p), e;
      TWOSUM (hi, e, hi, p);
      l += e + pl;
    }
  *lo = l;
  return hi;
}

static void
axpy_scalar (double *y, double a, const double *x, size_t n)
{
  for (size_t i = 0; i < n; i++)
    y[i] += a * x[i];
}

static double maxabs_scalar (const double *x, size_t n);

static double
axpy3_scalar (double *y, double a, const double *x, double b, const double *u,
              double c, const double *v, size_t n)
{
  for (size_t i = 0; i < n; i++)
    y[i] = ((y[i] + a * x[i]) + b * u[i]) + (c != 0.0 ? c * v[i] : 0.0);
  return maxabs_scalar (y, n);
}

static void
lincomb2_scalar (double *y, double a, const double *p, double b,
                 const double *q, size_t n)
{
  for (size_t i = 0; i < n; i++)
    y[i] = a * p[i] + b * q[i];
}

static void
div_scalar (double *dst, const double *src, double q, size_t n)
{
  for (size_t i = 0; i < n; i++)
    dst[i] = src[i] / q;
}


static double
sumsq_scalar (const double *x, size_t n, double scale, double *lo)
{
  double hi = 0.0, l = 0.0;
  for (size_t i = 0; i < n; i++)
    {
      double y = scale * x[i], ph = y * y, pl = fma (y, y, -ph), e;
      TWOSUM (hi, e, hi, ph);
      l += e + pl;
    }
  *lo = l;
  return hi;
}

static void
acc2_scalar (double *s, double *c, double a, const double *y, size_t n)
{
  for (size_t x = 0; x < n; x++)
    {
      double p = a * y[x], pl = fma (a, y[x], -p), e;
      TWOSUM (s[x], e, s[x], p);
      c[x] += e + pl;
    }
}

/* Four interleaved partial sums (lane x % 4), combined as (0 + 1) + (2 + 3):
   the order of the AVX2 code, so both paths give the same bits. */
static double
dist2_scalar (const double *u, const double *v, size_t n, double *dp)
{
  double m[4] = { 0, 0, 0, 0 }, p[4] = { 0, 0, 0, 0 };
  size_t i = 0;
  for (; i + 4 <= n; i += 4)
    for (int l = 0; l < 4; l++)
      {
        double a = u[i + l] - v[i + l], b = u[i + l] + v[i + l];
        m[l] = fma (a, a, m[l]);
        p[l] = fma (b, b, p[l]);
      }
  double M = (m[0] + m[1]) + (m[2] + m[3]), P = (p[0] + p[1]) + (p[2] + p[3]);
  for (; i < n; i++)
    {
      double a = u[i] - v[i], b = u[i] + v[i];
      M = fma (a, a, M);
      P = fma (b, b, P);
    }
  *dp = P;
  return M;
}

static double
maxabs_scalar (const double *x, size_t n)
{
  double m = 0.0;
  for (size_t i = 0; i < n; i++)
    {
      double a = fabs (x[i]);
      if (isnan (a))
        return a;
      m = a > m ? a : m;
    }
  return m;
}

/* ---------------------------------------------------------- dispatch */

double
lsc_vm_dist2 (const double *u, const double *v, size_t n, double *dp)
{
#ifdef LSC_VM_AVX2
  if (lsc_vm_vectorised ())
    return lsc_vm256_dist2 (u, v, n, dp);
#endif
  return dist2_scalar (u, v, n, dp);
}

double
lsc_vm_maxabs (const double *x, size_t n)
{
#ifdef LSC_VM_AVX2
  if (lsc_vm_vectorised () && __builtin_cpu_supports ("avx512f"))
    return lsc_vm512_maxabs (x, n);
  if (lsc_vm_vectorised ())
    return lsc_vm256_maxabs (x, n);
#endif
  return maxabs_scalar (x, n);
}


double
lsc_vm_dot2 (const double *x, const double *y, size_t n, double *lo)
{
#ifdef LSC_VM_AVX2
  if (lsc_vm_vectorised ())
    return lsc_vm256_dot2 (x, y, n, lo);
#endif
  return dot2_scalar (x, y, n, lo);
}

void
lsc_vm_div (double *dst, const double *src, double q, size_t n)
{
#ifdef LSC_VM_AVX2
  if (lsc_vm_vectorised () && __builtin_cpu_supports ("avx512f"))
    {
      lsc_vm512_div (dst, src, q, n);
      return;
    }
  if (lsc_vm_vectorised ())
    {
      lsc_vm256_div (dst, src, q, n);
      return;
    }
#endif
  div_scalar (dst, src, q, n);
}

double
lsc_vm_sumsq (const double *x, size_t n, double scale, double *lo)
{
#ifdef LSC_VM_AVX2
  if (lsc_vm_vectorised () && __builtin_cpu_supports ("avx512f"))
    return lsc_vm512_sumsq (x, n, scale, lo);
  if (lsc_vm_vectorised ())
    return lsc_vm256_sumsq (x, n, scale, lo);
#endif
  return sumsq_scalar (x, n, scale, lo);
}

double
lsc_vm_rowpass (double *y, const double *src, size_t n, double *hi,
                double *lo, double *s, double *c, double a)
{
#ifdef LSC_VM_AVX2
  if (lsc_vm_vectorised () && __builtin_cpu_supports ("avx512f"))
    return lsc_vm512_rowpass (y, src, n, hi, lo, s, c, a);
#endif
  /* the separate passes (the same results) */
  double big = lsc_vm_maxabs (src, n);
  for (size_t i = 0; i < n; i++)
    y[i] = src[i];
  *hi = lsc_vm_sumsq (src, n, 1.0, lo);
  lsc_vm_acc2 (s, c, a, src, n);
  return big;
}

void
lsc_vm_acc2 (double *s, double *c, double a, const double *y, size_t n)
{
#ifdef LSC_VM_AVX2
  if (lsc_vm_vectorised () && __builtin_cpu_supports ("avx512f"))
    {
      lsc_vm512_acc2 (s, c, a, y, n);
      return;
    }
  if (lsc_vm_vectorised ())
    {
      lsc_vm256_acc2 (s, c, a, y, n);
      return;
    }
#endif
  acc2_scalar (s, c, a, y, n);
}

void
lsc_vm_axpy (double *y, double a, const double *x, size_t n)
{
#ifdef LSC_VM_AVX2
  if (lsc_vm_vectorised () && __builtin_cpu_supports ("avx512f"))
    {
      lsc_vm512_axpy (y, a, x, n);
      return;
    }
  if (lsc_vm_vectorised ())
    {
      lsc_vm256_axpy (y, a, x, n);
      return;
    }
#endif
  axpy_scalar (y, a, x, n);
}

double
lsc_vm_axpy3 (double *y, double a, const double *x, double b, const double *u,
              double c, const double *v, size_t n)
{
#ifdef LSC_VM_AVX2
  if (lsc_vm_vectorised () && __builtin_cpu_supports ("avx512f"))
    return lsc_vm512_axpy3 (y, a, x, b, u, c, v, n);
  if (lsc_vm_vectorised ())
    return lsc_vm256_axpy3 (y, a, x, b, u, c, v, n);
#endif
  return axpy3_scalar (y, a, x, b, u, c, v, n);
}

void
lsc_vm_lincomb2 (double *y, double a, const double *p, double b,
                 const double *q, size_t n)
{
#ifdef LSC_VM_AVX2
  if (lsc_vm_vectorised ())
    {
      lsc_vm256_lincomb2 (y, a, p, b, q, n);
      return;
    }
#endif
  lincomb2_scalar (y, a, p, b, q, n);
}