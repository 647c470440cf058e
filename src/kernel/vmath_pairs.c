/* The pair functions of a cosine (lsc_vm_pairs, lsc_vm_asin_half):
   asin c, 1 - sqrt(1 - c^2) and their combination, in scalar code and
   AVX2 and AVX-512 lanes, one algorithm giving the same bits on every
   path. */
#include <config.h>
#include <math.h>
#include "vmath.h"
#include "vmath256.h"

#ifdef HAVE_SLEEF
#include <sleef.h>
#endif

#ifdef LSC_VM_AVX2
#include <immintrin.h>
/* Declared here because sleef.h only declares its AVX2 entry points when
   the whole file is compiled with -mavx2. */
__m256d Sleef_asind4_u10avx2 (__m256d);
__m512d Sleef_asind8_u10avx512f (__m512d);
#endif

static double
asin1 (double c)
{
#ifdef HAVE_SLEEF
  return Sleef_asin_u10 (c);
#else
  return asin (c);
#endif
}

/* asin on |x| <= 1/2 without branches or divisions: x + (x x^2) P(x^2)
   with SLEEF's degree-11 minimax polynomial P (sleefdp.c, xasin; Boost
   Software License 1.0), the evaluation SLEEF's asin_u1 uses on this
   interval, for which SLEEF documents a maximum error of 1.0 ulp.  P is
   evaluated by Estrin's scheme with FMA, in the same order on every path
   (so all paths give the same bits).  The correction x x^2 P is at most
   0.048 |x| and carries a few ulps of its own size, so the final rounding
   of x + x x^2 P dominates: below 1 ulp in all (tested against MPFR in
   t-vmath, including a dense sweep of the whole interval).  It replaced
   fdlibm's rational approximation, whose division cost a fifth of the
   pair functions' time. */
#define ASIN_C0 0.1666666666666497543e+0
#define ASIN_C1 0.7500000000378581611e-1
#define ASIN_C2 0.4464285681377102438e-1
#define ASIN_C3 0.3038195928038132237e-1
#define ASIN_C4 0.2237176181932048341e-1
#define ASIN_C5 0.1735956991223614604e-1
#define ASIN_C6 0.1388715184501609218e-1
#define ASIN_C7 0.1215360525577377331e-1
#define ASIN_C8 0.6606077476277170610e-2
#define ASIN_C9 0.1929045477267910674e-1
#define ASIN_C10 -0.1581918243329996643e-1
#define ASIN_C11 0.3161587650653934628e-1

static inline __attribute__ ((always_inline)) double
asin_half (double x)
{
  double x2 = x * x, x4 = x2 * x2, x8 = x4 * x4;
  double p0 = fma (x2, ASIN_C1, ASIN_C0), p1 = fma (x2, ASIN_C3, ASIN_C2);
  double p2 = fma (x2, ASIN_C5, ASIN_C4), p3 = fma (x2, ASIN_C7, ASIN_C6);
  double p4 = fma (x2, ASIN_C9, ASIN_C8), p5 = fma (x2, ASIN_C11, ASIN_C10);
  double q0 = fma (x4, p1, p0), q1 = fma (x4, p3, p2), q2 = fma (x4, p5, p4);
  double u = fma (x8, fma (x8, q2, q1), q0);
  return fma (u, x * x2, x);
}

static size_t
pairs_scalar (double *t, double *oms, double *f, const double *c, size_t n,
              size_t *near)
{
  size_t nn = 0;
  for (size_t i = 0; i < n; i++)
    {
      double x = c[i], a = asin_half (x);
      if (fabs (x) > 0.5)
        {
          if (near)
            near[nn] = i;
          else
            a = asin1 (x);
          nn++;
        }
      double s = sqrt ((1.0 - x) * (1.0 + x)), o = x * x / (1.0 + s);
      t[i] = a;
      oms[i] = o;
      if (f)
        f[i] = a * x - o;
    }
  return nn;
}

#ifdef LSC_VM_AVX2

#define ESTRIN(W, T)                                                    \
  do {                                                                  \
    T x2 = W##_mul_pd (x, x), x4 = W##_mul_pd (x2, x2);                 \
    T x8 = W##_mul_pd (x4, x4);                                         \
    T p0 = W##_fmadd_pd (x2, W##_set1_pd (ASIN_C1), W##_set1_pd (ASIN_C0)); \
    T p1 = W##_fmadd_pd (x2, W##_set1_pd (ASIN_C3), W##_set1_pd (ASIN_C2)); \
    T p2 = W##_fmadd_pd (x2, W##_set1_pd (ASIN_C5), W##_set1_pd (ASIN_C4)); \
    T p3 = W##_fmadd_pd (x2, W##_set1_pd (ASIN_C7), W##_set1_pd (ASIN_C6)); \
    T p4 = W##_fmadd_pd (x2, W##_set1_pd (ASIN_C9), W##_set1_pd (ASIN_C8)); \
    T p5 = W##_fmadd_pd (x2, W##_set1_pd (ASIN_C11), W##_set1_pd (ASIN_C10)); \
    T q0 = W##_fmadd_pd (x4, p1, p0), q1 = W##_fmadd_pd (x4, p3, p2);   \
    T q2 = W##_fmadd_pd (x4, p5, p4);                                   \
    T u = W##_fmadd_pd (x8, W##_fmadd_pd (x8, q2, q1), q0);             \
    return W##_fmadd_pd (u, W##_mul_pd (x, x2), x);                     \
  } while (0)

LSC_AVX2 static inline __m256d
asin_half4 (__m256d x)
{
  ESTRIN (_mm256, __m256d);
}

/* near != 0: some lane has |x| > 1/2 and takes SLEEF's asin */
LSC_AVX2 static inline __m256d
pairs4 (__m256d x, __m256d *o, __m256d *f, unsigned near)
{
  const __m256d one = _mm256_set1_pd (1.0);
  __m256d a = asin_half4 (x);
  if (near)
    {
      const __m256d absmask = _mm256_castsi256_pd (_mm256_set1_epi64x (0x7fffffffffffffffLL));
      __m256d big = _mm256_cmp_pd (_mm256_and_pd (x, absmask),
                                   _mm256_set1_pd (0.5), _CMP_GT_OQ);
      a = _mm256_blendv_pd (a, Sleef_asind4_u10avx2 (x), big);
    }
  __m256d s = _mm256_sqrt_pd (_mm256_mul_pd (_mm256_sub_pd (one, x),
                                             _mm256_add_pd (one, x)));
  *o = _mm256_div_pd (_mm256_mul_pd (x, x), _mm256_add_pd (one, s));
  *f = _mm256_sub_pd (_mm256_mul_pd (a, x), *o);
  return a;
}

/* Append the indices base + j of the set bits j of mask to near. */
static inline size_t
push_near (size_t *near, size_t nn, unsigned mask, size_t base)
{
  while (mask)
    {
      if (near)
        near[nn] = base + (size_t) __builtin_ctz (mask);
      nn++;
      mask &= mask - 1;
    }
  return nn;
}

LSC_AVX2 static size_t
pairs_avx2 (double *t, double *oms, double *f, const double *c, size_t n,
            size_t *near)
{
  size_t i = 0, nn = 0;
  __m256d o, g;
  const __m256d half = _mm256_set1_pd (0.5);
  const __m256d absmask = _mm256_castsi256_pd (_mm256_set1_epi64x (0x7fffffffffffffffLL));
  for (; i + 4 <= n; i += 4)
    {
      __m256d x = _mm256_loadu_pd (c + i);
      unsigned mk = (unsigned) _mm256_movemask_pd (
          _mm256_cmp_pd (_mm256_and_pd (x, absmask), half, _CMP_GT_OQ));
      if (mk)
        nn = push_near (near, nn, mk, i);
      __m256d a = pairs4 (x, &o, &g, near ? 0u : mk);
      _mm256_storeu_pd (t + i, a);
      _mm256_storeu_pd (oms + i, o);
      if (f)
        _mm256_storeu_pd (f + i, g);
    }
  if (i < n)
    {
      /* the tail through the same vector code (same rounding everywhere) */
      double xb[4] = { 0, 0, 0, 0 }, tb[4], ob[4], fb[4];
      for (size_t j = 0; j < n - i; j++)
        xb[j] = c[i + j];
      __m256d xv = _mm256_loadu_pd (xb);
      __m256d a = pairs4 (xv, &o, &g, near ? 0u : (unsigned) _mm256_movemask_pd (
          _mm256_cmp_pd (_mm256_and_pd (xv, absmask), half, _CMP_GT_OQ)));
      _mm256_storeu_pd (tb, a);
      _mm256_storeu_pd (ob, o);
      _mm256_storeu_pd (fb, g);
      for (size_t j = 0; j < n - i; j++)
        {
          if (fabs (xb[j]) > 0.5)
            nn = push_near (near, nn, 1u, i + j);
          t[i + j] = tb[j];
          oms[i + j] = ob[j];
          if (f)
            f[i + j] = fb[j];
        }
    }
  return nn;
}

/* The same pair functions eight lanes wide (SLEEF's AVX-512F asin, the
   same u10 algorithm and bound). */
#define LSC_AVX512 __attribute__ ((target ("avx512f,avx2,fma")))

LSC_AVX512 static inline __m512d
asin_half8 (__m512d x)
{
  ESTRIN (_mm512, __m512d);
}

/* lanes of near (|x| > 1/2) take SLEEF's asin */
LSC_AVX512 static inline __m512d
pairs8 (__m512d x, __m512d *o, __m512d *f, __mmask8 near)
{
  const __m512d one = _mm512_set1_pd (1.0);
  __m512d a = asin_half8 (x);
  if (near)
    a = _mm512_mask_blend_pd (near, a, Sleef_asind8_u10avx512f (x));
  __m512d s = _mm512_sqrt_pd (_mm512_mul_pd (_mm512_sub_pd (one, x),
                                             _mm512_add_pd (one, x)));
  *o = _mm512_div_pd (_mm512_mul_pd (x, x), _mm512_add_pd (one, s));
  *f = _mm512_sub_pd (_mm512_mul_pd (a, x), *o);
  return a;
}

/* Eight entries from i (lanes m) of pairs_avx512. */
LSC_AVX512 static inline __attribute__ ((always_inline)) size_t
pairs8_at (double *t, double *oms, double *f, const double *c, size_t i,
           __mmask8 m, size_t *near, size_t nn)
{
  __m512d o, g, x = _mm512_maskz_loadu_pd (m, c + i);
  unsigned mk = (unsigned) _mm512_mask_cmp_pd_mask (
      m, _mm512_abs_pd (x), _mm512_set1_pd (0.5), _CMP_GT_OQ);
  if (mk)
    nn = push_near (near, nn, mk, i);
  __m512d a = pairs8 (x, &o, &g, near ? (__mmask8) 0 : (__mmask8) mk);
  _mm512_mask_storeu_pd (t + i, m, a);
  _mm512_mask_storeu_pd (oms + i, m, o);
  if (f)
    _mm512_mask_storeu_pd (f + i, m, g);
  return nn;
}

/* Whole vectors, then the masked tail (the same operations: the mask is
   no longer recomputed at every step). */
LSC_AVX512 static size_t
pairs_avx512 (double *t, double *oms, double *f, const double *c, size_t n,
              size_t *near)
{
  size_t i = 0, nn = 0;
  for (; i + 8 <= n; i += 8)
    nn = pairs8_at (t, oms, f, c, i, (__mmask8) 0xff, near, nn);
  if (i < n)
    nn = pairs8_at (t, oms, f, c, i, (__mmask8) ((1u << (n - i)) - 1u),
                    near, nn);
  return nn;
}
#endif

#ifdef LSC_VM_AVX2
/* the same code with the FMA instruction instead of libm's fma() */
LSC_AVX2 static double
asin_half_fma (double x)
{
  return asin_half (x);
}
#endif

double
lsc_vm_asin_half (double x)
{
#ifdef LSC_VM_AVX2
  if (lsc_vm_vectorised ())
    return asin_half_fma (x);
#endif
  return asin_half (x);
}

size_t
lsc_vm_pairs (double *t, double *oms, double *f, const double *c, size_t n,
              size_t *near)
{
#ifdef LSC_VM_AVX2
  if (lsc_vm_vectorised () && __builtin_cpu_supports ("avx512f"))
    return pairs_avx512 (t, oms, f, c, n, near);
  if (lsc_vm_vectorised ())
    return pairs_avx2 (t, oms, f, c, n, near);
#endif
  return pairs_scalar (t, oms, f, c, n, near);
}
