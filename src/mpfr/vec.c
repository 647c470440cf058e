/* MPFR vectors: allocation, precision and finiteness of arrays of mpfr_t
   (the bottom of the MPFR layer; every module above uses these). */
#include <config.h>
#include <stdlib.h>
#include "mpfr/mpfr_vec.h"

mpfr_t *
lsc_mpfr_vec_alloc (size_t n, mpfr_prec_t prec)
{
  mpfr_t *x = malloc ((n ? n : 1) * sizeof *x);
  if (!x)
    return NULL;
  for (size_t i = 0; i < n; i++)
    mpfr_init2 (x[i], prec);
  return x;
}

void
lsc_mpfr_vec_free (mpfr_t *x, size_t n)
{
  if (!x)
    return;
  for (size_t i = 0; i < n; i++)
    mpfr_clear (x[i]);
  free (x);
}

mpfr_prec_t
lsc_mpfr_vec_prec (const mpfr_t *x, size_t n)
{
  mpfr_prec_t p = MPFR_PREC_MIN;
  for (size_t i = 0; i < n; i++)
    if (mpfr_get_prec (x[i]) > p)
      p = mpfr_get_prec (x[i]);
  return p;
}

int
lsc_mpfr_vec_finite (const mpfr_t *x, size_t n)
{
  for (size_t i = 0; i < n; i++)
    if (!mpfr_number_p (x[i]))
      return 0;
  return 1;
}

unsigned
lsc_mpfr_clog2 (size_t n)
{
  unsigned b = 0;
  while (b < 64 && ((size_t) 1 << b) < n)
    b++;
  return b;
}
