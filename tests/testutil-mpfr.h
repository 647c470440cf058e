/* Shared helpers of the MPFR test programs: vectors of mpfr values. */
#ifndef LSC_TESTUTIL_MPFR_H
#define LSC_TESTUTIL_MPFR_H

#include <stdlib.h>
#include <mpfr.h>

/* n values initialised at prec (at least one slot is allocated). */
static inline mpfr_t *
vnew (size_t n, mpfr_prec_t prec)
{
  mpfr_t *x = malloc ((n ? n : 1) * sizeof *x);
  for (size_t i = 0; i < n; i++)
    mpfr_init2 (x[i], prec);
  return x;
}

static inline void
vfree (mpfr_t *x, size_t n)
{
  for (size_t i = 0; i < n; i++)
    mpfr_clear (x[i]);
  free (x);
}

#endif
