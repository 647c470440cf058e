/* Private to src/kernel: the lane mask of a vector tail, shared by the
   AVX-512 kernels of vmath512.c and the products of vgemm.c. */
#ifndef LSC_LANES_H
#define LSC_LANES_H

#include <stddef.h>

#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>

/* The first n of eight lanes (all eight for n >= 8). */
static inline __mmask8
lsc_lanes8 (size_t n)
{
  return n >= 8 ? (__mmask8) 0xff : (__mmask8) ((1u << n) - 1u);
}
#endif

#endif
