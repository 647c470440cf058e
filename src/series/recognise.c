/* Closed forms of series coefficients: integer relations over the basis
   1, pi^-1, ..., pi^-6 by LLL (FLINT fmpz_lll), kept only when they
   persist from half to full precision and are small. */
#include <config.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <flint/fmpz.h>
#include <flint/fmpz_mat.h>
#include <flint/fmpz_lll.h>
#include "internal.h"
#include "landscape/lsc_series.h"

#define NB 8 /* x, 1, pi^-1, ..., pi^-6 */

/* The shortest relation found by LLL on [I | round(10^D b)] into a;
   returns 0 when the first reduced row's last entry is not small. */
static int
relation (long a[NB], const mpfr_t x, int D)
{
  mpfr_prec_t wp = (mpfr_prec_t) (D * 3.33) + 64;
  mpfr_t b, ipi, s, t;
  mpfr_inits2 (wp, b, ipi, s, t, (mpfr_ptr) 0);
  fmpz_mat_t B;
  fmpz_mat_init (B, NB, NB + 1);
  mpz_t z;
  mpz_init (z);
  mpfr_const_pi (ipi, MPFR_RNDN);
  mpfr_ui_div (ipi, 1, ipi, MPFR_RNDN);
  mpfr_ui_pow_ui (s, 10, (unsigned long) D, MPFR_RNDN);
  for (int i = 0; i < NB; i++)
    {
      if (i == 0)
        mpfr_set (b, x, MPFR_RNDN);
      else
        mpfr_pow_ui (b, ipi, (unsigned long) (i - 1), MPFR_RNDN);
      mpfr_mul (t, b, s, MPFR_RNDN);
      mpfr_get_z (z, t, MPFR_RNDN);
      fmpz_set_mpz (fmpz_mat_entry (B, i, NB), z);
      fmpz_one (fmpz_mat_entry (B, i, i));
    }
  fmpz_lll_t fl;
  fmpz_lll_context_init_default (fl);
  fmpz_lll (B, NULL, fl);
  int ok = 1;
  for (int i = 0; i < NB; i++)
    {
      if (!fmpz_fits_si (fmpz_mat_entry (B, 0, i)))
        ok = 0;
      else
        a[i] = fmpz_get_si (fmpz_mat_entry (B, 0, i));
    }
  /* The residual sum a_i round(10^D b_i) must be at most a few units per
     coefficient: it is the rounding of the scaled basis. */
  double sumabs = 0;
  for (int i = 0; ok && i < NB; i++)
    sumabs += fabs ((double) a[i]);
  if (ok && fmpz_bits (fmpz_mat_entry (B, 0, NB)) > 0
      && fmpz_get_d (fmpz_mat_entry (B, 0, NB)) > 4 * sumabs + 4)
    ok = 0;
  if (ok && a[0] < 0)
    for (int i = 0; i < NB; i++)
      a[i] = -a[i];
  fmpz_mat_clear (B);
  mpz_clear (z);
  mpfr_clears (b, ipi, s, t, (mpfr_ptr) 0);
  return ok && a[0] != 0;
}

static long
gcdl (long a, long b)
{
  a = labs (a), b = labs (b);
  while (b)
    {
      long r = a % b;
      a = b, b = r;
    }
  return a;
}

int
lsc_series_recognise (char *buf, size_t len, const mpfr_t x, int digits)
{
  if (buf && len)
    buf[0] = 0;
  if (!buf || !x || digits < 24 || !mpfr_number_p (x))
    return 0;
  if (digits > 300)
    digits = 300;
  long a1[NB], a2[NB];
  if (!relation (a1, x, digits / 2) || !relation (a2, x, digits))
    return 0;
  double size = 0;
  for (int i = 0; i < NB; i++)
    {
      if (a1[i] != a2[i])
        return 0;
      size += log10 (1.0 + fabs ((double) a1[i]));
    }
  if (size > digits / 3.0)
    return 0;
  /* x = -(a1 + a2/pi + ...) / a0, each term reduced. */
  size_t k = 0;
  if (mpfr_zero_p (x))
    return 0;
  for (int i = 1; i < NB; i++)
    {
      long num = -a1[i], den = a1[0];
      if (num == 0)
        continue;
      long g = gcdl (num, den);
      num /= g, den /= g;
      const char *sg = num < 0 ? (k ? " - " : "-") : (k ? " + " : "");
      long an = labs (num);
      char pw[16] = "";
      if (i == 2)
        snprintf (pw, sizeof pw, "pi");
      else if (i > 2)
        snprintf (pw, sizeof pw, "pi^%d", i - 1);
      int n;
      if (i == 1)
        n = den == 1 ? snprintf (buf + k, len - k, "%s%ld", sg, an)
                     : snprintf (buf + k, len - k, "%s%ld/%ld", sg, an, den);
      else if (den == 1)
        n = snprintf (buf + k, len - k, "%s%ld/%s", sg, an, pw);
      else
        n = snprintf (buf + k, len - k, "%s%ld/(%ld %s)", sg, an, den, pw);
      if (n < 0 || (size_t) n >= len - k)
        {
          buf[0] = 0;
          return 0;
        }
      k += (size_t) n;
    }
  return k > 0;
}
