/* Private to liblandscape: vectorised elementary kernels for the loss
   (AVX-512 or AVX2 + FMA when the CPU has them, selected at run time; the
   same algorithms in scalar code otherwise). */
#ifndef LSC_VMATH_H
#define LSC_VMATH_H

#include <stddef.h>

/* For n cosines c: t = asin c, oms = 1 - sqrt(1 - c^2) computed as
   c^2 / (1 + sqrt((1 - c)(1 + c))), and, when f != NULL, f = t c - oms.
   asin is, for |c| <= 1/2, lsc_vm_asin_half evaluated in vector lanes
   (below 1 ulp), and for |c| > 1/2 SLEEF's u10 routine (<= 1.0 ulp by its
   documentation) or libm's when SLEEF is absent.  Meant for |c| <= 1/2,
   where every output is well conditioned; the loss recomputes nearly
   (anti)parallel pairs from the vectors.  Returns the number of entries
   with |c| > 1/2 and, when near != NULL (room for n indices), stores their
   indices there in increasing order; the outputs at those indices are
   then finite but unspecified (the caller recomputes them, so no time is
   spent on them). */
size_t lsc_vm_pairs (double *t, double *oms, double *f, const double *c,
                     size_t n, size_t *near);

/* asin x for |x| <= 1/2 (no division: SLEEF's minimax polynomial by
   Estrin's scheme, see vmath.c), below 1 ulp there (tested against MPFR);
   the same bits as the vector paths of lsc_vm_pairs. */
double lsc_vm_asin_half (double x);

/* Returns sum_i (u[i] - v[i])^2 and stores sum_i (u[i] + v[i])^2 in *dp
   (FMA in four interleaved partial sums; the same bits on every path). */
double lsc_vm_dist2 (const double *u, const double *v, size_t n, double *dp);

/* max_i |x[i]| (0 for n = 0); NaN when some x[i] is NaN, +inf when some
   |x[i]| is infinite and none is NaN. */
double lsc_vm_maxabs (const double *x, size_t n);

/* Sum of squares of scale * x[0..n-1] as a double-double hi + *lo:
   products exact (FMA), sums by TwoSum in 4 lanes, so the result is
   within a few units of 2^-104 relative (all terms are positive). */
double lsc_vm_sumsq (const double *x, size_t n, double scale, double *lo);

/* One pass over a row src[0..n-1] for the loss's preparation: copies it
   to y (not overlapping src), stores its sum of squares as a
   double-double *hi + *lo (the algorithm and bits of lsc_vm_sumsq with
   scale 1), adds a src to s + c (the bits of lsc_vm_acc2) and returns
   max |src[i]| (as lsc_vm_maxabs: NaN or +inf when such entries occur,
   and then the other outputs are meaningless).  The sum of squares is
   only as accurate as lsc_vm_sumsq's when no square overflows or
   underflows: the caller checks the maximum. */
double lsc_vm_rowpass (double *y, const double *src, size_t n, double *hi,
                       double *lo, double *s, double *c, double a);

/* Compensated accumulation s[x] + c[x] += a y[x] for x < n (exact
   product by FMA, TwoSum on the running sum). */
void lsc_vm_acc2 (double *s, double *c, double a, const double *y, size_t n);

/* Compensated dot product sum_i x[i] y[i] as hi + *lo (Ogita, Rump &
   Oishi's Dot2 in 4 lanes: as if computed in twice the working precision,
   then rounded to a double-double). */
double lsc_vm_dot2 (const double *x, const double *y, size_t n, double *lo);

/* dst[i] = src[i] / q for i < n (correctly rounded quotients). */
void lsc_vm_div (double *dst, const double *src, double q, size_t n);

/* y[i] += a x[i] for i < n. */
void lsc_vm_axpy (double *y, double a, const double *x, size_t n);

/* y[i] += a x[i] + b u[i] + c v[i] for i < n, summed left to right with
   each product rounded (v is not read when c == 0).  Returns max_i |y[i]|
   of the result, as lsc_vm_maxabs would (NaN when some y[i] is NaN), so
   that a caller checks finiteness without a second pass. */
double lsc_vm_axpy3 (double *y, double a, const double *x, double b,
                     const double *u, double c, const double *v, size_t n);

/* y[i] = a p[i] + b q[i] for i < n (each product rounded, then the sum). */
void lsc_vm_lincomb2 (double *y, double a, const double *p, double b,
                      const double *q, size_t n);

/* 1 when the AVX2 + FMA paths are in use (for benchmarks and tests). */
int lsc_vm_vectorised (void);

#endif
