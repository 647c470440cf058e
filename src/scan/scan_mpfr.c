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
  lsc_series_spectrum *sp = NULL;
  if (!nmax)   /* the reduced spectrum cannot refine G (too many blocks) */
    {
      st = LSC_EUNSUP;
      goto done;
    }
  if (!p || !info || !dec)
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
  /* The accurate double path (no decimals) takes the double-double
     eigen-solver: its 2^-100 relative accuracy is far below a double's
     ulp, and it is 20-50 times faster than MPFR Jacobi at 128+ bits
     (its values merged within 2^-64 of the largest eigenvalue: at most
     1.4e-14 at d = 1e6).  --prec (decimals) takes the spectrum with an
     absolute error bound per isotypic component (two precisions
     compared, lsc_series_spectrum_compute): eigenvalues are one distinct
     value only within twice their component's bound, never within a
     fraction of the largest eigenvalue (which merged distinct O(1)
     eigenvalues once that was ~d). */
  if (!decimals)
    st = lsc_isotypic_spectrum_mpfr_dd (val, info, &nout, (const mpfr_t *) p,
                                        G, *d,
                                        ldexp (1.0, (int) (-precbits / 2)), 0);
  else if (!(sp = lsc_series_spectrum_alloc (G, prec)))
    st = LSC_ENOMEM;
  else if (!(st = lsc_series_spectrum_compute (sp, (const mpfr_t *) p, G, *d,
                                               0)))
    {
      nout = sp->n;
      if (nout > nmax)
        st = LSC_EFAILED;
      else
        {
          memcpy (info, sp->info, nout * sizeof *info);
          for (size_t i = 0; i < nout; i++)
            mpfr_set (val[i], sp->values[i], MPFR_RNDN);
        }
    }
  if (st)
    goto done;
  st = LSC_ENOMEM;
  for (size_t i = 0; decimals && i < nout; i++)
    if (!(dec[i] = lsc_scan_decimal (val[i], digits,
                                     sp->comp_err[info[i].irrep])))
      goto done;
  mpfr_set_d (val[0], resid, MPFR_RNDN);
  if (decimals
      && (!(r->loss_dec = lsc_scan_decimal (*L, digits, 0))
          || !(r->resid_dec = lsc_scan_decimal (val[0], digits ? digits : 17,
                                                  0))))
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
  lsc_series_spectrum_free (sp);
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
