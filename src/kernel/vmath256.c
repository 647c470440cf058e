/* The AVX2 + FMA versions of the arithmetic kernels of vmath.h
   (declared in vmath256.h): compensated dot products and sums of squares,
   compensated row accumulation, axpy forms, quotients, distances and the
   maximum modulus, four lanes wide. */
#include <config.h>
#include <math.h>
#include "vmath256.h"

#ifdef LSC_VM_AVX2
#include <immintrin.h>

/* hi + l += a b lanewise: TwoProduct (FMA) and TwoSum, the errors
   collected in l (Ogita, Rump & Oishi's Dot2). */
LSC_AVX2 static inline __attribute__ ((always_inline)) void
twoprod_acc (__m256d *hi, __m256d *l, __m256d a, __m256d b)
{
  __m256d p = _mm256_mul_pd (a, b), pl = _mm256_fmsub_pd (a, b, p);
  __m256d s = _mm256_add_pd (*hi, p), bb = _mm256_sub_pd (s, *hi);
  __m256d e = _mm256_add_pd (_mm256_sub_pd (*hi, _mm256_sub_pd (s, bb)),
                             _mm256_sub_pd (p, bb));
  *l = _mm256_add_pd (*l, _mm256_add_pd (e, pl));
  *hi = s;
}

/* The four lanes of hi + l summed left to right into *H + *L. */
LSC_AVX2 static inline __attribute__ ((always_inline)) void
fold (double *H, double *L, __m256d hi, __m256d l)
{
  double h[4], lw[4], e;
  _mm256_storeu_pd (h, hi);
  _mm256_storeu_pd (lw, l);
  *H = 0.0;
  *L = 0.0;
  for (int j = 0; j < 4; j++)
    {
      TWOSUM (*H, e, *H, h[j]);
      *L += e + lw[j];
    }
}

LSC_AVX2 double
lsc_vm256_dot2 (const double *x, const double *y, size_t n, double *lo)
{
  __m256d hi = _mm256_setzero_pd (), l = _mm256_setzero_pd ();
  size_t i = 0;
  for (; i + 4 <= n; i += 4)
    {
      __m256d a = _mm256_loadu_pd (x + i), b = _mm256_loadu_pd (y + i);
      twoprod_acc (&hi, &l, a, b);
    }
  double H, L, e;
  fold (&H, &L, hi, l);
  for (; i < n; i++)
    {
      double p = x[i] * y[i], pl = fma (x[i], y[i], -p);
      TWOSUM (H, e, H, p);
      L += e + pl;
    }
  *lo = L;
  return H;
}

LSC_AVX2 void
lsc_vm256_axpy (double *y, double a, const double *x, size_t n)
{
  __m256d av = _mm256_set1_pd (a);
  size_t i = 0;
  /* multiply and add rounded separately, as in the scalar code */
  for (; i + 4 <= n; i += 4)
    _mm256_storeu_pd (y + i, _mm256_add_pd (_mm256_loadu_pd (y + i),
                                            _mm256_mul_pd (av, _mm256_loadu_pd (x + i))));
  for (; i < n; i++)
    y[i] += a * x[i];
}

LSC_AVX2 double
lsc_vm256_axpy3 (double *y, double a, const double *x, double b, const double *u,
            double c, const double *v, size_t n)
{
  __m256d av = _mm256_set1_pd (a), bv = _mm256_set1_pd (b);
  __m256d cv = _mm256_set1_pd (c);
  size_t i = 0;
  for (; i + 4 <= n; i += 4)
    {
      __m256d s = _mm256_add_pd (_mm256_loadu_pd (y + i),
                                 _mm256_mul_pd (av, _mm256_loadu_pd (x + i)));
      s = _mm256_add_pd (s, _mm256_mul_pd (bv, _mm256_loadu_pd (u + i)));
      if (c != 0.0)
        s = _mm256_add_pd (s, _mm256_mul_pd (cv, _mm256_loadu_pd (v + i)));
      _mm256_storeu_pd (y + i, s);
    }
  for (; i < n; i++)
    y[i] = ((y[i] + a * x[i]) + b * u[i]) + (c != 0.0 ? c * v[i] : 0.0);
  return lsc_vm256_maxabs (y, n);
}

LSC_AVX2 void
lsc_vm256_lincomb2 (double *y, double a, const double *p, double b,
               const double *q, size_t n)
{
  __m256d av = _mm256_set1_pd (a), bv = _mm256_set1_pd (b);
  size_t i = 0;
  for (; i + 4 <= n; i += 4)
    _mm256_storeu_pd (y + i,
                      _mm256_add_pd (_mm256_mul_pd (av, _mm256_loadu_pd (p + i)),
                                     _mm256_mul_pd (bv, _mm256_loadu_pd (q + i))));
  for (; i < n; i++)
    y[i] = a * p[i] + b * q[i];
}

LSC_AVX2 void
lsc_vm256_div (double *dst, const double *src, double q, size_t n)
{
  __m256d qv = _mm256_set1_pd (q);
  size_t i = 0;
  for (; i + 4 <= n; i += 4)
    _mm256_storeu_pd (dst + i, _mm256_div_pd (_mm256_loadu_pd (src + i), qv));
  for (; i < n; i++)
    dst[i] = src[i] / q;
}

LSC_AVX2 double
lsc_vm256_sumsq (const double *x, size_t n, double scale, double *lo)
{
  __m256d hi = _mm256_setzero_pd (), l = _mm256_setzero_pd ();
  __m256d sc = _mm256_set1_pd (scale);
  size_t i = 0;
  for (; i + 4 <= n; i += 4)
    {
      __m256d y = _mm256_mul_pd (sc, _mm256_loadu_pd (x + i));
      twoprod_acc (&hi, &l, y, y);
    }
  double H, L, e;
  fold (&H, &L, hi, l);
  for (; i < n; i++)
    {
      double y = scale * x[i], ph = y * y, pl = fma (y, y, -ph);
      TWOSUM (H, e, H, ph);
      L += e + pl;
    }
  *lo = L;
  return H;
}

LSC_AVX2 void
lsc_vm256_acc2 (double *s, double *c, double a, const double *y, size_t n)
{
  __m256d av = _mm256_set1_pd (a);
  size_t x = 0;
  for (; x + 4 <= n; x += 4)
    {
      __m256d yv = _mm256_loadu_pd (y + x), sv = _mm256_loadu_pd (s + x);
      __m256d p = _mm256_mul_pd (av, yv), pl = _mm256_fmsub_pd (av, yv, p);
      __m256d t = _mm256_add_pd (sv, p), bb = _mm256_sub_pd (t, sv);
      __m256d e = _mm256_add_pd (_mm256_sub_pd (sv, _mm256_sub_pd (t, bb)),
                                 _mm256_sub_pd (p, bb));
      _mm256_storeu_pd (s + x, t);
      _mm256_storeu_pd (c + x, _mm256_add_pd (_mm256_loadu_pd (c + x),
                                              _mm256_add_pd (e, pl)));
    }
  for (; x < n; x++)
    {
      double p = a * y[x], pl = fma (a, y[x], -p), e;
      TWOSUM (s[x], e, s[x], p);
      c[x] += e + pl;
    }
}

LSC_AVX2 double
lsc_vm256_dist2 (const double *u, const double *v, size_t n, double *dp)
{
  __m256d m = _mm256_setzero_pd (), p = _mm256_setzero_pd ();
  size_t i = 0;
  for (; i + 4 <= n; i += 4)
    {
      __m256d a = _mm256_loadu_pd (u + i), b = _mm256_loadu_pd (v + i);
      __m256d dm = _mm256_sub_pd (a, b), dq = _mm256_add_pd (a, b);
      m = _mm256_fmadd_pd (dm, dm, m);
      p = _mm256_fmadd_pd (dq, dq, p);
    }
  double mb[4], pb[4];
  _mm256_storeu_pd (mb, m);
  _mm256_storeu_pd (pb, p);
  double M = (mb[0] + mb[1]) + (mb[2] + mb[3]);
  double P = (pb[0] + pb[1]) + (pb[2] + pb[3]);
  for (; i < n; i++)
    {
      double a = u[i] - v[i], b = u[i] + v[i];
      M = fma (a, a, M);
      P = fma (b, b, P);
    }
  *dp = P;
  return M;
}

LSC_AVX2 double
lsc_vm256_maxabs (const double *x, size_t n)
{
  const __m256d absmask = _mm256_castsi256_pd (_mm256_set1_epi64x (0x7fffffffffffffffLL));
  __m256d m = _mm256_setzero_pd (), bad = _mm256_setzero_pd ();
  size_t i = 0;
  for (; i + 4 <= n; i += 4)
    {
      __m256d a = _mm256_and_pd (_mm256_loadu_pd (x + i), absmask);
      bad = _mm256_or_pd (bad, _mm256_cmp_pd (a, a, _CMP_UNORD_Q));
      m = _mm256_max_pd (m, a);
    }
  if (_mm256_movemask_pd (bad))
    return NAN;
  double mb[4];
  _mm256_storeu_pd (mb, m);
  double r = fmax (fmax (mb[0], mb[1]), fmax (mb[2], mb[3]));
  for (; i < n; i++)
    {
      double a = fabs (x[i]);
      if (isnan (a))
        return a;
      r = a > r ? a : r;
    }
  return r;
}
#endif
