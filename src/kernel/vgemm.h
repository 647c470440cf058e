/* Private to liblandscape: the two dense products of the loss and its
   gradient, by AVX-512 micro-kernels on packed panels when the CPU has
   AVX-512F (chosen at run time) and the sizes are moderate, and by
   CBLAS (dsyrk, dsymm, dgemm) otherwise.  At k, d <= 512 the whole problem
   fits in the second-level cache, where one core's AVX-512 FMA throughput
   is up to twice that of the AVX2 kernels a generic BLAS build may run. */
#ifndef LSC_VGEMM_H
#define LSC_VGEMM_H

#include <stddef.h>

/* Buffers for the products of a loss workspace with `rows` rows (students
   and targets) of length d.  NULL when memory runs out. */
typedef struct lsc_vg_buf lsc_vg_buf;
lsc_vg_buf *lsc_vg_alloc (size_t rows, size_t d);
void lsc_vg_free (lsc_vg_buf *b);

/* Upper triangle (j >= i) of C = Y Y^T for the n x d rows Y (leading
   dimension ldy), into C with leading dimension ldc.  Entries below the
   diagonal are either left alone or set to their symmetric value. */
void lsc_vg_gram (lsc_vg_buf *b, double *C, size_t ldc, const double *Y,
                  size_t ldy, size_t n, size_t d);

/* G = s T Z for the k x d output G (leading dimension d), where T is k x K
   (leading dimension ldt) with its leading k x k block symmetric and
   stored as the upper triangle, and row b of Z is gam[b] Y[b] (gam NULL:
   1) for the K x d rows Y (leading dimension d).  K >= k. */
void lsc_vg_tprod (lsc_vg_buf *b, double *G, double s, const double *T,
                   size_t ldt, size_t k, size_t K, const double *gam,
                   const double *Y, size_t d);

/* 1 when the AVX-512 micro-kernels are in use for this buffer's sizes. */
int lsc_vg_native (const lsc_vg_buf *b);

#endif
