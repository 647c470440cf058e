/* The dense products of the loss and gradient (vgemm.h): Goto-style
   blocking with panels packed from the loss's own layouts (the transposed
   rows of the Gram product, rows scaled by their output weights on the
   fly; of the upper-stored symmetric T only the diagonal blocks, the rest
   read in place) and an 8 x 24 AVX-512 micro-kernel
   that keeps its 24 accumulators in registers; CBLAS otherwise.  Every
   entry is an ordinary floating-point dot product (FMA accumulation in a
   fixed order, then one multiplication by the scale), so the error bound
   is the usual |error| <= K u sum |a||b| of any BLAS. */
#include <config.h>
#include <stdlib.h>
#include <string.h>
#include <cblas.h>
#include "vgemm.h"

#if defined(__x86_64__) && defined(__GNUC__)
#define LSC_VG_AVX512 1
#include <immintrin.h>
#endif

enum { MR = 8, NR = 24, KC = 256, MAXMN = 1024 };

struct lsc_vg_buf
{
  int native;
  size_t rows, d;
  double *ap, *bp;      /* packed panels (native path)                 */
  double *z;            /* rows x d scaled rows (CBLAS path)           */
};

static size_t
roundup (size_t n, size_t q)
{
  return (n + q - 1) / q * q;
}

lsc_vg_buf *
lsc_vg_alloc (size_t rows, size_t d)
{
  lsc_vg_buf *b = calloc (1, sizeof *b);
  if (!b)
    return NULL;
  b->rows = rows;
  b->d = d;
  size_t mn = rows > d ? rows : d;
#ifdef LSC_VG_AVX512
  b->native = __builtin_cpu_supports ("avx512f") && mn <= MAXMN;
#endif
  if (b->native)
    {
      b->ap = aligned_alloc (64, roundup (mn, NR) * KC * sizeof (double));
      b->bp = aligned_alloc (64, roundup (mn, NR) * KC * sizeof (double));
      if (!b->ap || !b->bp)
        {
          lsc_vg_free (b);
          return NULL;
        }
    }
  else if (!(b->z = malloc (rows * d * sizeof (double))))
    {
      lsc_vg_free (b);
      return NULL;
    }
  return b;
}

void
lsc_vg_free (lsc_vg_buf *b)
{
  if (!b)
    return;
  free (b->ap);
  free (b->bp);
  free (b->z);
  free (b);
}

int
lsc_vg_native (const lsc_vg_buf *b)
{
  return b->native;
}

/* ------------------------------------------------------------ packing */

/* What the driver multiplies: A (M x K) and B (K x N) read from the
   loss's arrays. */
typedef struct
{
  const double *a;      /* A rows (ROWS) or upper-stored symmetric T  */
  size_t lda, M, ksym;  /* A[i][p] = a[p lda + i] when p < i < ksym   */
  const double *y;      /* B[p][j] = gam[p] y[p ldy + j] (gam NULL: 1; */
  size_t ldy, N;        /* the Gram product: B = A^T, y unused)       */
  const double *gam;
} operands;

/* Panel of MR rows of A from row i0, columns pc .. pc + kc - 1:
   ap[q MR + r] = A[i0 + r][pc + q], zero rows past M (any panel). */
static void
pack_a_any (double *ap, const operands *o, size_t i0, size_t pc, size_t kc)
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

/* ------------------------------------------------------- micro-kernel */

#ifdef LSC_VG_AVX512
#define ROW(r, RS)                                                      \
  do {                                                                  \
    __m512d ar = _mm512_set1_pd (a[(r) * (RS)]);                        \
    c##r##0 = _mm512_fmadd_pd (ar, b0, c##r##0);                        \
    if (nv > 1)                                                         \
      c##r##1 = _mm512_fmadd_pd (ar, b1, c##r##1);                      \
    if (nv > 2)                                                         \
      c##r##2 = _mm512_fmadd_pd (ar, b2, c##r##2);                      \
  } while (0)

#define STORE(r)                                                        \
  do {                                                                  \
    if (r < mr)                                                         \
      {                                                                 \
        double *cr = c + r * ldc;                                       \
        __m512d v0 = _mm512_mul_pd (vs, c##r##0);                       \
        __m512d v1 = _mm512_mul_pd (vs, c##r##1);                       \
        __m512d v2 = _mm512_mul_pd (vs, c##r##2);                       \
        if (accum)                                                      \
          {                                                             \
            v0 = _mm512_add_pd (v0, _mm512_maskz_loadu_pd (m0, cr));    \
            if (nv > 1)                                                 \
              v1 = _mm512_add_pd (v1, _mm512_maskz_loadu_pd (m1, cr + 8)); \
            if (nv > 2)                                                 \
              v2 = _mm512_add_pd (v2, _mm512_maskz_loadu_pd (m2, cr + 16)); \
          }                                                             \
        _mm512_mask_storeu_pd (cr, m0, v0);                             \
        if (nv > 1)                                                     \
          _mm512_mask_storeu_pd (cr + 8, m1, v1);                       \
        if (nv > 2)                                                     \
          _mm512_mask_storeu_pd (cr + 16, m2, v2);                      \
      }                                                                 \
  } while (0)

static __mmask8
lanes (size_t n)
{
  return n >= 8 ? (__mmask8) 0xff : (__mmask8) ((1u << n) - 1u);
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

/* pack_a_any for a full panel (i0 + MR <= M): the part left of the
   symmetric block's diagonal block is a copy of rows of its upper
   triangle, the rest 8 x 8 transposes. */
__attribute__ ((target ("avx512f"))) static void
pack_a (double *ap, const operands *o, size_t i0, size_t pc, size_t kc)
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

/* The diagonal block of a full panel of the symmetric A (rows i0 ..
   i0 + MR - 1, columns p in [i0, i0 + MR) within [pc, pc + kc)), packed
   as pack_a would: the micro-kernel reads the rest of the panel in place
   (left of the block from columns of the upper triangle, right of it from
   rows).  Returns the number of columns packed. */
static size_t
pack_diag (double *dg, const operands *o, size_t i0, size_t pc, size_t kc)
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

/* pack_b for B = diag(gam) Y (not the Gram product), in vector lanes. */
__attribute__ ((target ("avx512f"))) static void
pack_b_rows (double *bp, const operands *o, size_t j0, size_t pc, size_t kc)
{
  size_t nc = o->N - j0 < NR ? o->N - j0 : NR;
  __mmask8 m0 = lanes (nc), m1 = lanes (nc > 8 ? nc - 8 : 0);
  __mmask8 m2 = lanes (nc > 16 ? nc - 16 : 0);
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

/* One step q of the micro-kernel: the B vectors, then the MR rows of A
   broadcast from a[r RS]; a advances by QS. */
#define KSTEP(RS, QS)                                                   \
  do {                                                                  \
    __m512d b0 = _mm512_loadu_pd (b);                                   \
    __m512d b1 = nv > 1 ? _mm512_loadu_pd (bb) : b0;                    \
    __m512d b2 = nv > 2 ? _mm512_loadu_pd (bc) : b0;                    \
    ROW (0, RS);                                                        \
    ROW (1, RS);                                                        \
    ROW (2, RS);                                                        \
    ROW (3, RS);                                                        \
    ROW (4, RS);                                                        \
    ROW (5, RS);                                                        \
    ROW (6, RS);                                                        \
    ROW (7, RS);                                                        \
    a += (QS);                                                          \
    b += bs;                                                            \
    bb += bs;                                                           \
    bc += bs;                                                           \
  } while (0)

/* C[0..mr)[0..nc) (+)= s (A panel x B panel) over n1 + n2 + n3 steps,
   nc <= 8 nv; the B panel's groups of 8 columns are read from b, bb and
   bc (b + 8, b + 16 with bs = 24: a packed B panel; with bs = ldy: the
   rows of an unscaled B in place) or from A panels (bs = 8: the Gram
   product, where B is A transposed).  The A panel's rows come in three
   runs of steps, in this order: n1 steps from columns of a stored matrix
   (A[r][q] = a1[q lda + r]: the part of a symmetric T left of its
   diagonal block, read from its upper triangle in place), n2 steps from a
   packed panel a2 (a2[q MR + r]) and n3 steps from rows of a stored
   matrix (A[r][q] = a3[r lda + q]: the part right of it, in place).  The
   products are accumulated in the order of the steps, so the bits do not
   depend on how the steps are split into runs. */
__attribute__ ((target ("avx512f"), always_inline)) static inline void
ukernel (size_t n1, const double *a1, size_t n2, const double *a2,
         size_t n3, const double *a3, size_t lda, const double *restrict b,
         const double *restrict bb, const double *restrict bc, size_t bs,
         double *c, size_t ldc, size_t mr, size_t nc, double s, int accum,
         const int nv)
{
  __m512d c00 = _mm512_setzero_pd (), c01 = c00, c02 = c00;
  __m512d c10 = c00, c11 = c00, c12 = c00, c20 = c00, c21 = c00, c22 = c00;
  __m512d c30 = c00, c31 = c00, c32 = c00, c40 = c00, c41 = c00, c42 = c00;
  __m512d c50 = c00, c51 = c00, c52 = c00, c60 = c00, c61 = c00, c62 = c00;
  __m512d c70 = c00, c71 = c00, c72 = c00;
  const double *a = a1;
  for (size_t q = 0; q < n1; q++)
    KSTEP (1, lda);
  a = a2;
  for (size_t q = 0; q < n2; q++)
    KSTEP (1, MR);
  a = a3;
  for (size_t q = 0; q < n3; q++)
    KSTEP (lda, 1);
  __m512d vs = _mm512_set1_pd (s);
  __mmask8 m0 = lanes (nc), m1 = lanes (nc > 8 ? nc - 8 : 0);
  __mmask8 m2 = lanes (nc > 16 ? nc - 16 : 0);
  STORE (0);
  STORE (1);
  STORE (2);
  STORE (3);
  STORE (4);
  STORE (5);
  STORE (6);
  STORE (7);
}

/* The micro-kernel for one, two and three vectors of columns. */
#define UKERNEL(NV)                                                     \
  __attribute__ ((target ("avx512f"))) static void                      \
  ukernel##NV (size_t n1, const double *a1, size_t n2, const double *a2, \
               size_t n3, const double *a3, size_t lda, const double *b, \
               const double *bb, const double *bc, size_t bs, double *c, \
               size_t ldc, size_t mr, size_t nc, double s, int accum)   \
  {                                                                     \
    ukernel (n1, a1, n2, a2, n3, a3, lda, b, bb, bc, bs, c, ldc, mr, nc, \
             s, accum, NV);                                             \
  }
UKERNEL (1)
UKERNEL (2)
UKERNEL (3)

/* C (+)= s A B, M x N, blocked over K by KC; with gram set B = A^T, read
   from the A panels, and only the tiles that meet the upper triangle
   j >= i are computed. */
static void
drive (lsc_vg_buf *w, const operands *o, size_t K, double s, double *C,
       size_t ldc, int gram)
{
  size_t M = o->M, N = o->N, np = (N + NR - 1) / NR, mp = (M + MR - 1) / MR;
  if (gram)
    mp = np * (NR / MR);   /* zero panels up to the last B panel's width */
  for (size_t pc = 0; pc < K; pc += KC)
    {
      size_t kc = K - pc < KC ? K - pc : KC;
      /* B = Y unscaled: full panels are read in place (rows of 24
         consecutive entries, stride ldy), only a narrower last panel is
         packed (a full-width read would run past the end of Y) */
      int direct = !gram && !o->gam;
      if (!gram)
        for (size_t jp = 0; jp < np; jp++)
          if (!direct || N - jp * NR < NR)
            pack_b_rows (w->bp + jp * kc * NR, o, jp * NR, pc, kc);
      /* the symmetric T of the T Z product: only the diagonal blocks of
         full panels are packed, the micro-kernel reads the rest of T in
         place (the last panel, if partial, is packed whole) */
      int inplace = !gram && o->ksym == M;
      double *apart = w->ap + mp * MR * MR;
      for (size_t ip = 0; ip < mp; ip++)
        if (inplace && ip * MR + MR <= M)
          pack_diag (w->ap + ip * MR * MR, o, ip * MR, pc, kc);
        else
          pack_a (inplace ? apart : w->ap + ip * kc * MR, o, ip * MR, pc,
                  kc);
      for (size_t jp = 0; jp < np; jp++)
        {
          size_t j0 = jp * NR, nc = N - j0 < NR ? N - j0 : NR;
          const double *b0, *b1, *b2;
          size_t bs;
          if (gram)
            {
              b0 = w->ap + (j0 / MR) * kc * MR;
              b1 = b0 + kc * MR;
              b2 = b1 + kc * MR;
              bs = MR;
            }
          else if (direct && nc == NR)
            {
              b0 = o->y + pc * o->ldy + j0;
              b1 = b0 + 8;
              b2 = b0 + 16;
              bs = o->ldy;
            }
          else
            {
              b0 = w->bp + jp * kc * NR;
              b1 = b0 + 8;
              b2 = b0 + 16;
              bs = NR;
            }
          for (size_t ip = 0; ip < mp && ip * MR < M; ip++)
            {
              size_t i0 = ip * MR, mr = M - i0 < MR ? M - i0 : MR;
              if (gram && i0 >= j0 + nc)
                break;
              /* Gram tiles on the diagonal: only the column vectors from
                 i0 on (no work below the diagonal blocks) */
              size_t off = gram && i0 > j0 ? (i0 - j0) / 8 : 0;
              const double *bv[3] = { b0, b1, b2 };
              size_t n1 = nc - 8 * off, nv = (n1 + 7) / 8;
              const double *p0 = bv[off];
              const double *p1 = off + 1 < 3 ? bv[off + 1] : p0;
              const double *p2 = off + 2 < 3 ? bv[off + 2] : p0;
              double *ct = C + i0 * ldc + j0 + 8 * off;
              /* the steps of the panel: all packed, or (T in place) left
                 of the diagonal block, the block, right of it */
              size_t s1 = 0, s2 = kc, s3 = 0, lda = o->lda;
              const double *a1 = NULL, *a2 = w->ap + ip * kc * MR, *a3 = NULL;
              if (inplace && mr == MR)
                {
                  s1 = i0 > pc ? (i0 - pc < kc ? i0 - pc : kc) : 0;
                  size_t p0d = i0 > pc ? i0 : pc;
                  size_t p1d = i0 + MR < pc + kc ? i0 + MR : pc + kc;
                  s2 = p1d > p0d ? p1d - p0d : 0;
                  s3 = kc - s1 - s2;
                  a1 = s1 ? o->a + pc * lda + i0 : NULL;
                  a2 = w->ap + ip * MR * MR;
                  a3 = o->a + i0 * lda + pc + s1 + s2;
                }
              else if (inplace)
                a2 = apart;
              if (nv == 3)
                ukernel3 (s1, a1, s2, a2, s3, a3, lda, p0, p1, p2, bs, ct, ldc,
                          mr, n1, s, pc > 0);
              else if (nv == 2)
                ukernel2 (s1, a1, s2, a2, s3, a3, lda, p0, p1, p2, bs, ct, ldc,
                          mr, n1, s, pc > 0);
              else
                ukernel1 (s1, a1, s2, a2, s3, a3, lda, p0, p1, p2, bs, ct, ldc,
                          mr, n1, s, pc > 0);
            }
        }
    }
}
#endif

/* ------------------------------------------------------------ products */

void
lsc_vg_gram (lsc_vg_buf *b, double *C, size_t ldc, const double *Y,
             size_t ldy, size_t n, size_t d)
{
#ifdef LSC_VG_AVX512
  if (b->native)
    {
      operands o = { Y, ldy, n, 0, NULL, 0, n, NULL };
      drive (b, &o, d, 1.0, C, ldc, 1);
      return;
    }
#endif
  cblas_dsyrk (CblasRowMajor, CblasUpper, CblasNoTrans, (int) n, (int) d,
               1.0, Y, (int) ldy, 0.0, C, (int) ldc);
}

void
lsc_vg_tprod (lsc_vg_buf *b, double *G, double s, const double *T,
              size_t ldt, size_t k, size_t K, const double *gam,
              const double *Y, size_t d)
{
#ifdef LSC_VG_AVX512
  if (b->native)
    {
      operands o = { T, ldt, k, k, Y, d, d, gam };
      drive (b, &o, K, s, G, d, 0);
      return;
    }
#endif
  const double *Z = Y;
  if (gam)
    {
      for (size_t a = 0; a < K; a++)
        for (size_t x = 0; x < d; x++)
          b->z[a * d + x] = gam[a] * Y[a * d + x];
      Z = b->z;
    }
  cblas_dsymm (CblasRowMajor, CblasLeft, CblasUpper, (int) k, (int) d, s,
               T, (int) ldt, Z, (int) d, 0.0, G, (int) d);
  if (K > k)
    cblas_dgemm (CblasRowMajor, CblasNoTrans, CblasNoTrans, (int) k, (int) d,
                 (int) (K - k), s, T + k, (int) ldt, Z + k * d, (int) d, 1.0,
                 G, (int) d);
}
