/* Shared internals of liblandscape: error macros and small helpers. */
#ifndef LSC_INTERNAL_H
#define LSC_INTERNAL_H

#include <stddef.h>
#include <math.h>
#include "landscape/lsc_errno.h"

/* Report an error through the hook and return status from the function. */
#define LSC_ERROR(reason, status)                                  \
  do {                                                             \
    lsc_error((reason), __FILE__, __LINE__, (status));             \
    return (status);                                               \
  } while (0)

/* Report and jump to the single cleanup label with rc set. */
#define LSC_FAIL(reason, status)                                   \
  do {                                                             \
    rc = (status);                                                 \
    lsc_error((reason), __FILE__, __LINE__, rc);                   \
    goto cleanup;                                                  \
  } while (0)

#define LSC_PI 3.14159265358979323846264338327950288
#define LSC_2PI 6.28318530717958647692528676655900577

/* 1 if all n entries are finite. */
static inline int
lsc_all_finite (const double *x, size_t n)
{
  for (size_t i = 0; i < n; i++)
    if (!isfinite (x[i]))
      return 0;
  return 1;
}

/* Euclidean norm with the running scaling of LAPACK's dnrm2 (no overflow
   or underflow for entries from 1e-300 to 1e300). */
static inline double
lsc_norm2 (const double *v, size_t n)
{
  double scale = 0.0, ssq = 1.0;
  for (size_t i = 0; i < n; i++)
    if (v[i] != 0.0)
      {
        double a = fabs (v[i]);
        if (scale < a)
          {
            ssq = 1.0 + ssq * (scale / a) * (scale / a);
            scale = a;
          }
        else
          ssq += (a / scale) * (a / scale);
      }
  return scale * sqrt (ssq);
}

#endif
