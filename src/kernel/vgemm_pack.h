/* Private to src/kernel: the panel packing of the dense products of
   vgemm.c (vgemm_pack.c): the operands as the driver sees them, and the
   packed layouts its AVX-512 micro-kernel reads. */
#ifndef LSC_VGEMM_PACK_H
#define LSC_VGEMM_PACK_H

#include <stddef.h>

#if defined(__x86_64__) && defined(__GNUC__)
#define LSC_VG_AVX512 1
#include <immintrin.h>
#include "lanes.h"
#endif

/* Rows of an A panel, columns of a B panel. */
enum { LSC_VG_MR = 8, LSC_VG_NR = 24 };

/* What the driver multiplies: A (M x K) and B (K x N) read from the
   loss's arrays. */
typedef struct
{
  const double *a;      /* A rows (ROWS) or upper-stored symmetric T  */
  size_t lda, M, ksym;  /* A[i][p] = a[p lda + i] when p < i < ksym   */
  const double *y;      /* B[p][j] = gam[p] y[p ldy + j] (gam NULL: 1; */
  size_t ldy, N;        /* the Gram product: B = A^T, y unused)       */
  const double *gam;
} lsc_vg_operands;

#ifdef LSC_VG_AVX512
/* Panel of LSC_VG_MR rows of A from row i0, columns pc .. pc + kc - 1:
   ap[q MR + r] = A[i0 + r][pc + q], zero rows past M. */
void lsc_vg_pack_a (double *ap, const lsc_vg_operands *o, size_t i0,
                    size_t pc, size_t kc);

/* The diagonal block of a full panel of the symmetric A (rows i0 ..
   i0 + MR - 1, columns p in [i0, i0 + MR) within [pc, pc + kc)), packed
   as lsc_vg_pack_a would: the micro-kernel reads the rest of the panel in
   place (left of the block from columns of the upper triangle, right of
   it from rows).  Returns the number of columns packed. */
size_t lsc_vg_pack_diag (double *dg, const lsc_vg_operands *o, size_t i0,
                         size_t pc, size_t kc);

/* Panel of LSC_VG_NR columns of B = diag(gam) Y from column j0, rows pc ..
   pc + kc - 1: bp[q NR + j] (zero columns past N). */
void lsc_vg_pack_b_rows (double *bp, const lsc_vg_operands *o, size_t j0,
                         size_t pc, size_t kc);
#endif

#endif
