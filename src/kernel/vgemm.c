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
#include "vgemm_pack.h"


enum { MR = LSC_VG_MR, NR = LSC_VG_NR, KC = 256, MAXMN = 1024 };
typedef lsc_vg_operands operands;

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
  __mmask8 m0 = lsc_lanes8 (nc), m1 = lsc_lanes8 (nc > 8 ? nc - 8 : 0);
  __mmask8 m2 = lsc_lanes8 (nc > 16 ? nc - 16 : 0);
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
            lsc_vg_pack_b_rows (w->bp + jp * kc * NR, o, jp * NR, pc, kc);
      /* the symmetric T of the T Z product: only the diagonal blocks of
         full panels are packed, the micro-kernel reads the rest of T in
         place (the last panel, if partial, is packed whole) */
      int inplace = !gram && o->ksym == M;
      double *apart = w->ap + mp * MR * MR;
      for (size_t ip = 0; ip < mp; ip++)
        if (inplace && ip * MR + MR <= M)
          lsc_vg_pack_diag (w->ap + ip * MR * MR, o, ip * MR, pc, kc);
        else
          lsc_vg_pack_a (inplace ? apart : w->ap + ip * kc * MR, o, ip * MR,
                         pc, kc);
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
