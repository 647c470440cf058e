/* Private to src/kernel: the AVX2 + FMA versions of vmath.h's arithmetic
   kernels (vmath256.c), compiled with a target attribute and chosen by
   vmath.c's dispatch at run time.  Each gives the bits of the scalar code
   in vmath.c or its documented accuracy (the same algorithm four lanes
   wide).  Also the TwoSum step both use. */
#ifndef LSC_VMATH256_H
#define LSC_VMATH256_H

#include <stddef.h>

/* TwoSum (Knuth): s + e = a + b exactly. */
#define TWOSUM(s, e, a, b)                                              \
  do {                                                                  \
    double s_ = (a) + (b), bb_ = s_ - (a);                              \
    (e) = ((a) - (s_ - bb_)) + ((b) - bb_);                             \
    (s) = s_;                                                           \
  } while (0)

#if defined(__x86_64__) && defined(__GNUC__) && defined(HAVE_SLEEF)
#define LSC_VM_AVX2 1
#define LSC_AVX2 __attribute__ ((target ("avx2,fma")))

/* As lsc_vm_dot2, lsc_vm_axpy, lsc_vm_axpy3, lsc_vm_lincomb2, lsc_vm_div,
   lsc_vm_sumsq, lsc_vm_acc2, lsc_vm_dist2 and lsc_vm_maxabs. */
double lsc_vm256_dot2 (const double *x, const double *y, size_t n,
                       double *lo);
void lsc_vm256_axpy (double *y, double a, const double *x, size_t n);
double lsc_vm256_axpy3 (double *y, double a, const double *x, double b,
                        const double *u, double c, const double *v, size_t n);
void lsc_vm256_lincomb2 (double *y, double a, const double *p, double b,
                         const double *q, size_t n);
void lsc_vm256_div (double *dst, const double *src, double q, size_t n);
double lsc_vm256_sumsq (const double *x, size_t n, double scale, double *lo);
void lsc_vm256_acc2 (double *s, double *c, double a, const double *y,
                     size_t n);
double lsc_vm256_dist2 (const double *u, const double *v, size_t n,
                        double *dp);
double lsc_vm256_maxabs (const double *x, size_t n);
#endif

#endif
