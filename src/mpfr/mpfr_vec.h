/* MPFR vector helpers of the library (internal): the bottom module of the
   MPFR layer, below kernel/, loss/, spectrum/ and bifurcation/. */
#ifndef LSC_MPFR_VEC_H
#define LSC_MPFR_VEC_H

#include <stddef.h>
#include <mpfr.h>

/* Heap vector of n values initialised at prec; NULL if allocation fails.
   _free(NULL, n) is a no-op. */
mpfr_t *lsc_mpfr_vec_alloc (size_t n, mpfr_prec_t prec);
void lsc_mpfr_vec_free (mpfr_t *x, size_t n);

/* Largest precision among n values (n > 0). */
mpfr_prec_t lsc_mpfr_vec_prec (const mpfr_t *x, size_t n);

/* 1 if all n values are finite numbers (not NaN, not inf). */
int lsc_mpfr_vec_finite (const mpfr_t *x, size_t n);

/* ceil(log2(n)) for n >= 1. */
unsigned lsc_mpfr_clog2 (size_t n);

#endif
