/* AVX-512 versions of vmath's elementwise kernels (vmath512.h): eight
   lanes and masked tails, the same operations in the same order as the
   scalar code, so the same bits. */
#include <config.h>
#include <math.h>
#include "vmath512.h"
#include "lanes.h"

#ifdef LSC_VM512
#include <immintrin.h>

#define LSC_512 __attribute__ ((target ("avx512f")))

/* STEP (i, lanes) over x[0..n): whole vectors of eight, then the masked
   tail once (the mask is not recomputed at every step; the same
   operations on the same lanes as a loop masked throughout). */
#define BY_VECTORS(n, STEP)                                             \
  do {                                                                  \
    size_t i_ = 0;                                                      \
    for (; i_ + 8 <= (n); i_ += 8)                                      \
      STEP (i_, (__mmask8) 0xff);                                       \
    if (i_ < (n))                                                       \
      STEP (i_, lsc_lanes8 ((n) - i_));                                 \
  } while (0)

/* Four running maxima (independent dependency chains), NaN lanes
   collected in a mask. */
LSC_512 double
lsc_vm512_maxabs (const double *x, size_t n)
{
  __m512d m0 = _mm512_setzero_pd (), m1 = m0, m2 = m0, m3 = m0;
  __mmask8 bad = 0;
  size_t i = 0;
  for (; i + 32 <= n; i += 32)
    {
      __m512d a0 = _mm512_abs_pd (_mm512_loadu_pd (x + i));
      __m512d a1 = _mm512_abs_pd (_mm512_loadu_pd (x + i + 8));
      __m512d a2 = _mm512_abs_pd (_mm512_loadu_pd (x + i + 16));
      __m512d a3 = _mm512_abs_pd (_mm512_loadu_pd (x + i + 24));
      bad |= _mm512_cmp_pd_mask (a0, a1, _CMP_UNORD_Q)
             | _mm512_cmp_pd_mask (a2, a3, _CMP_UNORD_Q);
      m0 = _mm512_max_pd (m0, a0);
      m1 = _mm512_max_pd (m1, a1);
      m2 = _mm512_max_pd (m2, a2);
      m3 = _mm512_max_pd (m3, a3);
    }
  for (; i < n; i += 8)
    {
      __mmask8 k = lsc_lanes8 (n - i);
      __m512d a = _mm512_abs_pd (_mm512_maskz_loadu_pd (k, x + i));
      bad |= _mm512_cmp_pd_mask (a, a, _CMP_UNORD_Q);
      m0 = _mm512_max_pd (m0, a);
    }
  if (bad)
    return NAN;
  return _mm512_reduce_max_pd (_mm512_max_pd (_mm512_max_pd (m0, m1),
                                              _mm512_max_pd (m2, m3)));
}

/* Sum of squares of scale x as a double-double, as sumsq_avx2 but in
   eight lanes (products exact by FMA, TwoSum per lane, the lanes then
   summed by TwoSum in order): within a few units of 2^-104 relative, as
   the other paths, though not always the same last bits of the low
   part. */
LSC_512 double
lsc_vm512_sumsq (const double *x, size_t n, double scale, double *lo)
{
  __m512d hi = _mm512_setzero_pd (), l = _mm512_setzero_pd ();
  __m512d sc = _mm512_set1_pd (scale);
  for (size_t i = 0; i < n; i += 8)
    {
      __m512d y = _mm512_mul_pd (
          sc, _mm512_maskz_loadu_pd (lsc_lanes8 (n - i), x + i));
      __m512d ph = _mm512_mul_pd (y, y), pl = _mm512_fmsub_pd (y, y, ph);
      __m512d s = _mm512_add_pd (hi, ph), bb = _mm512_sub_pd (s, hi);
      __m512d e = _mm512_add_pd (_mm512_sub_pd (hi, _mm512_sub_pd (s, bb)),
                                 _mm512_sub_pd (ph, bb));
      l = _mm512_add_pd (l, _mm512_add_pd (e, pl));
      hi = s;
    }
  double h[8], lw[8];
  _mm512_storeu_pd (h, hi);
  _mm512_storeu_pd (lw, l);
  double H = 0.0, L = 0.0;
  for (int j = 0; j < 8; j++)
    {
      double t = H + h[j], bb = t - H;
      L += ((H - (t - bb)) + (h[j] - bb)) + lw[j];
      H = t;
    }
  *lo = L;
  return H;
}

/* s + c += a y: exact product (FMA) and TwoSum, as acc2_scalar. */
LSC_512 void
lsc_vm512_acc2 (double *s, double *c, double a, const double *y, size_t n)
{
  __m512d av = _mm512_set1_pd (a);
  for (size_t x = 0; x < n; x += 8)
    {
      __mmask8 k = lsc_lanes8 (n - x);
      __m512d yv = _mm512_maskz_loadu_pd (k, y + x);
      __m512d sv = _mm512_maskz_loadu_pd (k, s + x);
      __m512d p = _mm512_mul_pd (av, yv), pl = _mm512_fmsub_pd (av, yv, p);
      __m512d t = _mm512_add_pd (sv, p), bb = _mm512_sub_pd (t, sv);
      __m512d e = _mm512_add_pd (_mm512_sub_pd (sv, _mm512_sub_pd (t, bb)),
                                 _mm512_sub_pd (p, bb));
      _mm512_mask_storeu_pd (s + x, k, t);
      _mm512_mask_storeu_pd (c + x, k,
                             _mm512_add_pd (_mm512_maskz_loadu_pd (k, c + x),
                                            _mm512_add_pd (e, pl)));
    }
}

/* y += a x, the product rounded before the sum (as axpy_scalar). */
LSC_512 void
lsc_vm512_axpy (double *y, double a, const double *x, size_t n)
{
  __m512d av = _mm512_set1_pd (a);
  for (size_t i = 0; i < n; i += 8)
    {
      __mmask8 k = lsc_lanes8 (n - i);
      __m512d p = _mm512_mul_pd (av, _mm512_maskz_loadu_pd (k, x + i));
      _mm512_mask_storeu_pd (y + i, k,
                             _mm512_add_pd (_mm512_maskz_loadu_pd (k, y + i), p));
    }
}

/* y = ((y + a x) + b u) + c v, each product rounded (as axpy3_scalar),
   and max |y| of the result (as lsc_vm512_maxabs). */
/* One vector (lanes k) of lsc_vm512_axpy3 from i. */
#define AXPY3_AT(i, k)                                                  \
  do {                                                                  \
    __m512d s = _mm512_add_pd (_mm512_maskz_loadu_pd (k, y + i),        \
                               _mm512_mul_pd (av, _mm512_maskz_loadu_pd (k, x + i))); \
    s = _mm512_add_pd (s, _mm512_mul_pd (bv, _mm512_maskz_loadu_pd (k, u + i))); \
    if (c != 0.0)                                                       \
      s = _mm512_add_pd (s, _mm512_mul_pd (cv, _mm512_maskz_loadu_pd (k, v + i))); \
    _mm512_mask_storeu_pd (y + i, k, s);                                \
    __m512d as = _mm512_abs_pd (s);                                     \
    bad |= _mm512_cmp_pd_mask (as, as, _CMP_UNORD_Q);                   \
    m = _mm512_max_pd (m, as);                                          \
  } while (0)

LSC_512 double
lsc_vm512_axpy3 (double *y, double a, const double *x, double b,
                 const double *u, double c, const double *v, size_t n)
{
  __m512d av = _mm512_set1_pd (a), bv = _mm512_set1_pd (b);
  __m512d cv = _mm512_set1_pd (c), m = _mm512_setzero_pd ();
  __mmask8 bad = 0;
  BY_VECTORS (n, AXPY3_AT);
  return bad ? NAN : _mm512_reduce_max_pd (m);
}

/* One vector (lanes k) of lsc_vm512_rowpass from i. */
#define ROWPASS_AT(i, k)                                                \
  do {                                                                  \
    __m512d x = _mm512_maskz_loadu_pd (k, src + i);                     \
    _mm512_mask_storeu_pd (y + i, k, x);                                \
    __m512d ax = _mm512_abs_pd (x);                                     \
    bad |= _mm512_cmp_pd_mask (ax, ax, _CMP_UNORD_Q);                   \
    m = _mm512_max_pd (m, ax);                                          \
    /* sum of squares, as lsc_vm512_sumsq */                            \
    __m512d ph = _mm512_mul_pd (x, x), pl = _mm512_fmsub_pd (x, x, ph); \
    __m512d t = _mm512_add_pd (hi, ph), bb = _mm512_sub_pd (t, hi);     \
    __m512d e = _mm512_add_pd (_mm512_sub_pd (hi, _mm512_sub_pd (t, bb)), \
                               _mm512_sub_pd (ph, bb));                 \
    l = _mm512_add_pd (l, _mm512_add_pd (e, pl));                       \
    hi = t;                                                             \
    /* s + c += a x, as lsc_vm512_acc2 */                               \
    __m512d sv = _mm512_maskz_loadu_pd (k, s + i);                      \
    __m512d p = _mm512_mul_pd (av, x), ql = _mm512_fmsub_pd (av, x, p); \
    __m512d u = _mm512_add_pd (sv, p), ub = _mm512_sub_pd (u, sv);      \
    __m512d f = _mm512_add_pd (_mm512_sub_pd (sv, _mm512_sub_pd (u, ub)), \
                               _mm512_sub_pd (p, ub));                  \
    _mm512_mask_storeu_pd (s + i, k, u);                                \
    _mm512_mask_storeu_pd (c + i, k,                                    \
                           _mm512_add_pd (_mm512_maskz_loadu_pd (k, c + i), \
                                          _mm512_add_pd (f, ql)));      \
  } while (0)

/* lsc_vm512_maxabs, a copy, lsc_vm512_sumsq (scale 1) and lsc_vm512_acc2
   in one pass: the same operations lane by lane, so the same bits (the
   maximum is exact in any order). */
LSC_512 double
lsc_vm512_rowpass (double *y, const double *src, size_t n, double *hi_out,
                   double *lo_out, double *s, double *c, double a)
{
  __m512d m = _mm512_setzero_pd (), hi = m, l = m;
  __m512d av = _mm512_set1_pd (a);
  __mmask8 bad = 0;
  BY_VECTORS (n, ROWPASS_AT);
  double h[8], lw[8];
  _mm512_storeu_pd (h, hi);
  _mm512_storeu_pd (lw, l);
  double H = 0.0, L = 0.0;
  for (int j = 0; j < 8; j++)
    {
      double t = H + h[j], bb = t - H;
      L += ((H - (t - bb)) + (h[j] - bb)) + lw[j];
      H = t;
    }
  *hi_out = H;
  *lo_out = L;
  return bad ? NAN : _mm512_reduce_max_pd (m);
}

/* Correctly rounded quotients by the vector division: eight lanes per
   instruction (on CPUs that split 512-bit operations, still well over
   twice the quotients per cycle of the four-lane division). */
LSC_512 void
lsc_vm512_div (double *dst, const double *src, double q, size_t n)
{
  __m512d qv = _mm512_set1_pd (q);
#define DIV_AT(i, k)                                                    \
  _mm512_mask_storeu_pd (dst + i, k,                                    \
                         _mm512_div_pd (_mm512_maskz_loadu_pd (k, src + i), qv))
  BY_VECTORS (n, DIV_AT);
#undef DIV_AT
}
#endif
