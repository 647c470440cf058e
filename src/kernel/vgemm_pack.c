/* The panel packing of vgemm.c's products (vgemm_pack.h): panels of A
   from rows (8 x 8 transposes in registers) or from a symmetric matrix's
   upper triangle, the diagonal blocks of a symmetric A read in place, and
   panels of B scaled by the output weights. */
#include <config.h>
#include "vgemm_pack.h"

#ifdef LSC_VG_AVX512
enum { MR = LSC_VG_MR, NR = LSC_VG_NR };

/* Panel of MR rows of A from row i0, columns pc .. pc + kc - 1:
   ap[q MR + r] = A[i0 + r][pc + q], zero rows past M (any panel). */
static void
pack_a_any (double *ap, const lsc_vg_operands *o, size_t i0, size_t pc,
            size_t kc)
{
  for (size_t r = 0; r < MR; r++)
    {
      size_t i = i0 + r;
      if (i >= o->M)
        {
          for (size_t q = 0; q < kc; q++)
            ap[q * MR + r] = 0.0;
          continue;
        }
      const double *row = o->a + i * o->lda;
      size_t q = 0;
      /* the strictly lower part of the symmetric block, from its column */
      for (; q < kc && pc + q < i && pc + q < o->ksym; q++)
        ap[q * MR + r] = o->a[(pc + q) * o->lda + i];
      for (; q < kc; q++)
        ap[q * MR + r] = row[pc + q];
    }
}

/* dst[q 8 + r] = src[r ld + q] for r, q < 8: an 8 x 8 transpose in
   registers, written out (no arrays: GCC at -O2 kept loop-indexed vector
   arrays on the stack, which made the packing a sixth of the Gram
   product's time). */
__attribute__ ((target ("avx512f"))) static inline void
tr8 (double *dst, const double *src, size_t ld)
{
  const __m512i lo2 = _mm512_set_epi64 (13, 12, 5, 4, 9, 8, 1, 0);
  const __m512i hi2 = _mm512_set_epi64 (15, 14, 7, 6, 11, 10, 3, 2);
  const __m512i lo4 = _mm512_set_epi64 (11, 10, 9, 8, 3, 2, 1, 0);
  const __m512i hi4 = _mm512_set_epi64 (15, 14, 13, 12, 7, 6, 5, 4);
  __m512d r0 = _mm512_loadu_pd (src), r1 = _mm512_loadu_pd (src + ld);
  __m512d r2 = _mm512_loadu_pd (src + 2 * ld);
  __m512d r3 = _mm512_loadu_pd (src + 3 * ld);
  __m512d r4 = _mm512_loadu_pd (src + 4 * ld);
  __m512d r5 = _mm512_loadu_pd (src + 5 * ld);
  __m512d r6 = _mm512_loadu_pd (src + 6 * ld);
  __m512d r7 = _mm512_loadu_pd (src + 7 * ld);
  __m512d t0 = _mm512_unpacklo_pd (r0, r1), t1 = _mm512_unpackhi_pd (r0, r1);
  __m512d t2 = _mm512_unpacklo_pd (r2, r3), t3 = _mm512_unpackhi_pd (r2, r3);
  __m512d t4 = _mm512_unpacklo_pd (r4, r5), t5 = _mm512_unpackhi_pd (r4, r5);
  __m512d t6 = _mm512_unpacklo_pd (r6, r7), t7 = _mm512_unpackhi_pd (r6, r7);
  __m512d u0 = _mm512_permutex2var_pd (t0, lo2, t2);
  __m512d u1 = _mm512_permutex2var_pd (t1, lo2, t3);
  __m512d u2 = _mm512_permutex2var_pd (t0, hi2, t2);
  __m512d u3 = _mm512_permutex2var_pd (t1, hi2, t3);
  __m512d u4 = _mm512_permutex2var_pd (t4, lo2, t6);
  __m512d u5 = _mm512_permutex2var_pd (t5, lo2, t7);
  __m512d u6 = _mm512_permutex2var_pd (t4, hi2, t6);
  __m512d u7 = _mm512_permutex2var_pd (t5, hi2, t7);
  _mm512_store_pd (dst, _mm512_permutex2var_pd (u0, lo4, u4));
  _mm512_store_pd (dst + 8, _mm512_permutex2var_pd (u1, lo4, u5));
  _mm512_store_pd (dst + 16, _mm512_permutex2var_pd (u2, lo4, u6));
  _mm512_store_pd (dst + 24, _mm512_permutex2var_pd (u3, lo4, u7));
  _mm512_store_pd (dst + 32, _mm512_permutex2var_pd (u0, hi4, u4));
  _mm512_store_pd (dst + 40, _mm512_permutex2var_pd (u1, hi4, u5));
  _mm512_store_pd (dst + 48, _mm512_permutex2var_pd (u2, hi4, u6));
  _mm512_store_pd (dst + 56, _mm512_permutex2var_pd (u3, hi4, u7));
}

/* A panel; a full one (i0 + MR <= M) fast: the part left of the
   symmetric block's diagonal block is a copy of rows of its upper
   triangle, the rest 8 x 8 transposes. */
__attribute__ ((target ("avx512f"))) void
lsc_vg_pack_a (double *ap, const lsc_vg_operands *o, size_t i0, size_t pc,
               size_t kc)
{
  if (i0 + MR > o->M)
    {
      pack_a_any (ap, o, i0, pc, kc);
      return;
    }
  size_t q = 0, lda = o->lda;
  if (o->ksym)
    {
      for (; q < kc && pc + q < i0; q++)
        _mm512_store_pd (ap + q * MR,
                         _mm512_loadu_pd (o->a + (pc + q) * lda + i0));
      for (; q < kc && pc + q < i0 + MR; q++)
        for (size_t r = 0; r < MR; r++)
          {
            size_t p = pc + q, i = i0 + r;
            ap[q * MR + r] = p < i ? o->a[p * lda + i] : o->a[i * lda + p];
          }
    }
  const double *src = o->a + i0 * lda + pc;
  for (; q + 8 <= kc; q += 8)
    tr8 (ap + q * MR, src + q, lda);
  for (; q < kc; q++)
    for (size_t r = 0; r < MR; r++)
      ap[q * MR + r] = src[r * lda + q];
}

size_t
lsc_vg_pack_diag (double *dg, const lsc_vg_operands *o, size_t i0,
                  size_t pc, size_t kc)
{
  size_t p0 = i0 > pc ? i0 : pc, p1 = i0 + MR < pc + kc ? i0 + MR : pc + kc;
  if (p1 <= p0)
    return 0;
  for (size_t p = p0; p < p1; p++)
    for (size_t r = 0; r < MR; r++)
      {
        size_t i = i0 + r;
        dg[(p - p0) * MR + r] = p < i ? o->a[p * o->lda + i]
                                      : o->a[i * o->lda + p];
      }
  return p1 - p0;
}

__attribute__ ((target ("avx512f"))) void
lsc_vg_pack_b_rows (double *bp, const lsc_vg_operands *o, size_t j0,
                    size_t pc, size_t kc)
{
  size_t nc = o->N - j0 < NR ? o->N - j0 : NR;
  __mmask8 m0 = lsc_lanes8 (nc), m1 = lsc_lanes8 (nc > 8 ? nc - 8 : 0);
  __mmask8 m2 = lsc_lanes8 (nc > 16 ? nc - 16 : 0);
  for (size_t q = 0; q < kc; q++)
    {
      const double *row = o->y + (pc + q) * o->ldy + j0;
      __m512d g = _mm512_set1_pd (o->gam ? o->gam[pc + q] : 1.0);
      double *dst = bp + q * NR;
      _mm512_store_pd (dst, _mm512_mul_pd (g, _mm512_maskz_loadu_pd (m0, row)));
      _mm512_store_pd (dst + 8, _mm512_mul_pd (g, _mm512_maskz_loadu_pd (m1, row + 8)));
      _mm512_store_pd (dst + 16, _mm512_mul_pd (g, _mm512_maskz_loadu_pd (m2, row + 16)));
    }
}
#endif
