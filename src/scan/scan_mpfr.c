/* Scan job, MPFR path: the critical point refined at the requested
   precision, its loss, residual and isotypic spectrum as decimals. */
#define _POSIX_C_SOURCE 200809L
#include <config.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <mpfr.h>
#include "landscape.h"
#include "scan_impl.h"
#include "spectrum/isotypic_dd.h"

/* x as a decimal with digits significant digits (0: those that identify
   it at its precision); NULL on allocation failure. */
static char *
decimal (mpfr_t x, int digits)
{
  char *s = NULL, *out;
  int nd = digits ? digits
    : (int) mpfr_get_str_ndigits (10, mpfr_get_prec (x));
  if (mpfr_asprintf (&s, "%.*Re", nd - 1, x) < 0)
    return NULL;
  out = strdup (s);
  mpfr_free_str (s);
  return out;
}

/* The point refined by MPFR Newton at prec bits, then loss and spectrum in
   MPFR; with decimals, the values are also kept as decimal strings. */
static int
refine_core (lsc_scan_row *r, const lsc_young *G, long precbits, int digits,
             int decimals)
{
  mpfr_prec_t prec = (mpfr_prec_t) precbits;
  size_t np = r->np, nmax = lsc_isotypic_max_mpfr (G);
  lsc_restricted_system sys;
  lsc_newton_function f;
  lsc_newton_function_mpfr fm;
  mpfr_t *p = malloc ((np + nmax + 2) * sizeof *p);
  lsc_iso_eigen *info = malloc ((nmax ? nmax : 1) * sizeof *info);
  char **dec = calloc (nmax ? nmax : 1, sizeof *dec);
  int st = LSC_ENOMEM;
  size_t ninit = 0, nout = 0;
  if (!p || !info || !dec || !nmax)
    goto done;
  for (; ninit < np + nmax + 2; ninit++)
    mpfr_init2 (p[ninit], prec);
  mpfr_t *val = p + np, *L = val + nmax, *d = L + 1;
  for (size_t i = 0; i < np; i++)
    mpfr_set_d (p[i], r->p[i], MPFR_RNDN);
  mpfr_set_d (*d, r->d, MPFR_RNDN);
  if ((st = lsc_restricted_system_init (&sys, G)) != 0)
    goto done;
  lsc_restricted_system_function (&f, &fm, &sys);
  /* The restricted terms grow like d^2: leave 2 log2 d + 16 bits. */
  long margin = 16 + 2 * (long) ceil (log2 (fmax (r->d, 2)));
  double resid;
  st = lsc_newton_refine_mpfr (p, &resid, NULL, &fm, margin, 20);
  if (st)
    goto done;
  if ((st = lsc_restricted_eval_mpfr (*L, NULL, NULL, (const mpfr_t *) p, G,
                                      *d)) != 0)
    goto done;
  /* the accurate double path (no decimals) takes the double-double
     eigen-solver: its 2^-100 relative accuracy is far below a double's
     ulp, and it is 20-50 times faster than MPFR Jacobi at 128+ bits */
  st = (decimals ? lsc_isotypic_spectrum_mpfr : lsc_isotypic_spectrum_mpfr_dd)
    (val, info, &nout, (const mpfr_t *) p, G, *d,
     ldexp (1.0, (int) (-precbits / 2)), 0);
  if (st)
    goto done;
  st = LSC_ENOMEM;
  for (size_t i = 0; decimals && i < nout; i++)
    if (!(dec[i] = decimal (val[i], digits)))
      goto done;
  mpfr_set_d (val[0], resid, MPFR_RNDN);
  if (decimals
      && (!(r->loss_dec = decimal (*L, digits))
          || !(r->resid_dec = decimal (val[0], digits ? digits : 17))))
    goto done;
  for (size_t i = 0; i < np; i++)
    r->p[i] = mpfr_get_d (p[i], MPFR_RNDN);
  r->loss = mpfr_get_d (*L, MPFR_RNDN);
  r->resid = resid;
  memcpy (r->ev, info, nout * sizeof *info);
  r->nev = nout;
  if (decimals)
    {
      r->ev_dec = dec;
      dec = NULL;
    }
  st = LSC_SUCCESS;
done:
  if (dec)
    for (size_t i = 0; i < nmax; i++)
      free (dec[i]);
  free (dec);
  for (size_t i = 0; i < ninit; i++)
    mpfr_clear (p[i]);
  free (p);
  free (info);
  return st;
}

int
lsc_scan_refine_mpfr (lsc_scan_row *r, const lsc_young *G, const lsc_scan_opts *o)
{
  return refine_core (r, G, o->prec, o->digits, 1);
}

int
lsc_scan_refine_accurate (lsc_scan_row *r, const lsc_young *G)
{
  return refine_core (r, G, 128, 0, 0);
}
