/* Private to src/kernel: AVX-512 versions of the elementwise kernels of
   vmath.h (vmath512.c), chosen by vmath.c's dispatch when the CPU has
   AVX-512F.  Each gives the same bits as the scalar and AVX2 code
   (entrywise operations in the same order, a maximum, correctly rounded
   quotients). */
#ifndef LSC_VMATH512_H
#define LSC_VMATH512_H

#include <stddef.h>

#if defined(__x86_64__) && defined(__GNUC__)
#define LSC_VM512 1

/* As lsc_vm_maxabs, lsc_vm_acc2, lsc_vm_axpy, lsc_vm_axpy3. */
double lsc_vm512_maxabs (const double *x, size_t n);
void lsc_vm512_acc2 (double *s, double *c, double a, const double *y,
                     size_t n);
void lsc_vm512_axpy (double *y, double a, const double *x, size_t n);
double lsc_vm512_axpy3 (double *y, double a, const double *x, double b,
                        const double *u, double c, const double *v, size_t n);

/* As lsc_vm_sumsq (eight lanes: the same accuracy bound, not always the
   same last bits as the four-lane code). */
double lsc_vm512_sumsq (const double *x, size_t n, double scale, double *lo);

/* As lsc_vm_rowpass (the bits of lsc_vm512_sumsq and lsc_vm512_acc2). */
double lsc_vm512_rowpass (double *y, const double *src, size_t n,
                          double *hi, double *lo, double *s, double *c,
                          double a);

/* As lsc_vm_div: dst[i] = src[i] / q, correctly rounded. */
void lsc_vm512_div (double *dst, const double *src, double q, size_t n);
#endif

#endif
