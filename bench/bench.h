/* Shared helpers of the benchmark programs: a monotonic wall clock (the
   program defines _POSIX_C_SOURCE before its first include). */
#ifndef LSC_BENCH_H
#define LSC_BENCH_H

#include <time.h>

/* Seconds on the monotonic clock. */
static inline double
now (void)
{
  struct timespec t;
  clock_gettime (CLOCK_MONOTONIC, &t);
  return (double) t.tv_sec + 1e-9 * (double) t.tv_nsec;
}

#endif
