/* Polynomial interpolation in eps = d^{-1/2}: the coefficients of the
   polynomial through a fitting window's nodes (lsc_series_expand). */
#include <config.h>
#include "internal.h"
#include "mpfr/mpfr_vec.h"
#include "series/track.h"

/* Coefficients c[k] (k < n) of the interpolating polynomial of
   (t[j], y[j]) in powers of eps = h t: Newton divided differences, then
   the monomial form by Horner's scheme on the Newton basis.  Returns
   LSC_SUCCESS or LSC_ENOMEM. */
int
lsc_series_interpolate (mpfr_t *c, const mpfr_t *t, const mpfr_t *y,
                        size_t n, double h)
{
  mpfr_prec_t wp = mpfr_get_prec (c[0]);
  mpfr_t *a = lsc_mpfr_vec_alloc (n, wp), u, hk;
  if (!a)
    LSC_ERROR ("out of memory", LSC_ENOMEM);
  mpfr_inits2 (wp, u, hk, (mpfr_ptr) 0);
  for (size_t j = 0; j < n; j++)
    mpfr_set (a[j], y[j], MPFR_RNDN);
  for (size_t l = 1; l < n; l++)
    for (size_t j = n - 1; j >= l; j--)
      {
        mpfr_sub (a[j], a[j], a[j - 1], MPFR_RNDN);
        mpfr_sub (u, t[j], t[j - l], MPFR_RNDN);
        mpfr_div (a[j], a[j], u, MPFR_RNDN);
      }
  /* p(t) = a0 + (t - t0)(a1 + (t - t1)(a2 + ...)): c <- c (t - t_j) + a_j */
  for (size_t k = 0; k < n; k++)
    mpfr_set_zero (c[k], 1);
  for (size_t j = n; j-- > 0;)
    {
      /* c <- c * (t - t_j) */
      for (size_t k = n - 1; k > 0; k--)
        {
          mpfr_mul (u, c[k], t[j], MPFR_RNDN);
          mpfr_sub (c[k], c[k - 1], u, MPFR_RNDN);
        }
      mpfr_mul (c[0], c[0], t[j], MPFR_RNDN);
      mpfr_neg (c[0], c[0], MPFR_RNDN);
      mpfr_add (c[0], c[0], a[j], MPFR_RNDN);
    }
  /* In eps: c_k / h^k. */
  mpfr_set_d (hk, h, MPFR_RNDN);
  mpfr_ui_div (hk, 1, hk, MPFR_RNDN);
  mpfr_set_ui (u, 1, MPFR_RNDN);
  for (size_t k = 0; k < n; k++)
    {
      mpfr_mul (c[k], c[k], u, MPFR_RNDN);
      mpfr_mul (u, u, hk, MPFR_RNDN);
    }
  lsc_mpfr_vec_free (a, n);
  mpfr_clears (u, hk, (mpfr_ptr) 0);
  return LSC_SUCCESS;
}
