/* landscape-scan's rows above LSC_SCAN_LARGE_D: the family's point from the
   series module, its spectrum with an absolute error bound, the exact
   Morse index. */
#define _POSIX_C_SOURCE 200809L
#include <config.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <mpfr.h>
#include "landscape.h"
#include "scan_impl.h"

char *
lsc_scan_decimal (const mpfr_t x, int digits, double err)
{
  int nd = digits ? digits : (int) mpfr_get_str_ndigits (10, mpfr_get_prec (x));
  double a = fabs (mpfr_get_d (x, MPFR_RNDN));
  if (err > 0)
    {
      /* log10 a - log10 err: a / err overflows at d = 1e100 (a ~ d,
         err ~ 1e-236), and (int) inf cut every value to one digit */
      double q = log10 (a) - log10 (err);
      int v = q > 1 ? (q < 1e6 ? (int) floor (q) : 1000000) : 1;
      if (v < nd)
        nd = v < 1 ? 1 : v;
    }
  char *s = NULL, *out;
  if (mpfr_asprintf (&s, "%.*Re", nd - 1, x) < 0)
    return NULL;
  out = strdup (s);
  mpfr_free_str (s);
  return out;
}

static int
fill (lsc_scan_row *r, lsc_series_path *P, const lsc_scan_opts *o)
{
  const lsc_young *G = &r->fam->G;
  size_t np = r->np;
  mpfr_t d;
  mpfr_init2 (d, 128);
  mpfr_set_d (d, r->d, MPFR_RNDN);
  long lg = (long) ceil (log2 (fmax (r->d, 2)));
  mpfr_prec_t prec = 128 + 3 * lg;
  if (o->prec > prec)
    prec = o->prec;
  mpfr_t p[LSC_FAMILY_MAXP], g[LSC_FAMILY_MAXP], L, t, s2;
  for (size_t i = 0; i < np; i++)
    mpfr_inits2 (prec, p[i], g[i], (mpfr_ptr) 0);
  mpfr_inits2 (prec, L, t, s2, (mpfr_ptr) 0);
  lsc_series_spectrum *sp = NULL;
  double metric[LSC_FAMILY_MAXP];
  lsc_young Gd = *G;
  int st = lsc_series_path_point (p, P, d);
  if (!st)
    st = lsc_restricted_eval_mpfr (L, g, NULL, (const mpfr_t *) p, G, d);
  if (!st)
    {
      /* The loss again 64 bits higher: a loss within a few times the
         difference of zero (W = I) is zero, not rounding noise. */
      mpfr_set_prec (t, prec + 64);
      st = lsc_restricted_eval_mpfr (t, NULL, NULL, (const mpfr_t *) p, G, d);
      if (!st)
        {
          mpfr_sub (t, t, L, MPFR_RNDN);
          mpfr_mul_ui (t, t, 8, MPFR_RNDN);
          if (mpfr_cmpabs (L, t) <= 0)
            mpfr_set_zero (L, 1);
        }
      mpfr_set_prec (t, prec);
    }
  if (!st)
    st = lsc_young_set_d (&Gd, r->d);
  if (!st)
    st = lsc_young_metric (metric, &Gd);
  if (!st && !(sp = lsc_series_spectrum_alloc (G, prec)))
    st = LSC_ENOMEM;
  if (!st)
    st = lsc_series_spectrum_compute (sp, (const mpfr_t *) p, G, d,
                                      strcmp (r->fam->kind,
                                              "global-minimum") == 0);
  if (st)
    goto done;
  /* residual: |full gradient|_F = sqrt(sum g_i^2 / metric_i) */
  mpfr_set_zero (s2, 1);
  for (size_t i = 0; i < np; i++)
    if (metric[i] > 0)
      {
        mpfr_sqr (t, g[i], MPFR_RNDN);
        mpfr_div_d (t, t, metric[i], MPFR_RNDN);
        mpfr_add (s2, s2, t, MPFR_RNDN);
      }
  mpfr_sqrt (s2, s2, MPFR_RNDN);
  if (sp->n > lsc_isotypic_max_mpfr (G))
    {
      st = LSC_EFAILED;
      goto done;
    }
  lsc_iso_eigen *ev = realloc (r->ev, (sp->n ? sp->n : 1) * sizeof *ev);
  if (!ev)
    {
      st = LSC_ENOMEM;
      goto done;
    }
  r->ev = ev;
  for (size_t i = 0; i < np; i++)
    r->p[i] = mpfr_get_d (p[i], MPFR_RNDN);
  r->loss = mpfr_get_d (L, MPFR_RNDN);
  r->resid = mpfr_get_d (s2, MPFR_RNDN);
  r->nev = sp->n;
  /* eig_err bounds the error of every printed eigenvalue: its
     component's bound plus the rounding to double (half an ulp), the
     sum rounded up (sp->err alone, e.g. 9e-236 at d = 1e100, bounds the
     MPFR values, not the doubles the row holds). */
  r->ev_err = 0;
  r->index = r->zero = r->total = 0;
  r->min_eig = INFINITY;
  r->min_irrep = -1;
  lsc_series_poly total = { 0, 0, 0, 1 };
  for (size_t i = 0; i < sp->n; i++)
    {
      r->ev[i] = sp->info[i];
      r->ev[i].value = mpfr_get_d (sp->values[i], MPFR_RNDN);
      double v = r->ev[i].value;
      double e = sp->comp_err[sp->info[i].irrep]
                 + (v != 0 && isfinite (v) ? ldexp (1, ilogb (v) - 53) : 0);
      r->ev_err = fmax (r->ev_err, e * (1 + 0x1p-50));
      lsc_series_poly m;
      lsc_series_mult (&m, &sp->info[i], G);
      lsc_series_poly_add (&total, &m);
      if (r->ev[i].value < r->min_eig)
        {
          r->min_eig = r->ev[i].value;
          r->min_irrep = r->ev[i].irrep;
          r->min_idx = i;
        }
    }
  /* Counts as doubles (rounded beyond 2^53); the exact index kept. */
  char buf[128], ibuf[128];
  lsc_series_poly_eval_str (ibuf, sizeof ibuf, &sp->index, d);
  r->index = strtod (ibuf, NULL);
  lsc_series_poly_eval_str (buf, sizeof buf, &sp->zero, d);
  r->zero = strtod (buf, NULL);
  lsc_series_poly_eval_str (buf, sizeof buf, &total, d);
  r->total = strtod (buf, NULL);
  r->type = sp->type;
  st = LSC_ENOMEM;
  if (!(r->index_dec = strdup (ibuf)))
    goto done;
  if (o->prec)
    {
      if (!(r->ev_dec = calloc (sp->n ? sp->n : 1, sizeof *r->ev_dec)))
        goto done;
      for (size_t i = 0; i < sp->n; i++)
        if (!(r->ev_dec[i] = lsc_scan_decimal (sp->values[i], o->digits,
                                      sp->comp_err[sp->info[i].irrep])))
          goto done;
      if (!(r->loss_dec = lsc_scan_decimal (L, o->digits, 0))
          || !(r->resid_dec = lsc_scan_decimal (s2, o->digits ? o->digits : 17, 0)))
        goto done;
    }
  st = LSC_SUCCESS;
done:
  for (size_t i = 0; i < np; i++)
    mpfr_clears (p[i], g[i], (mpfr_ptr) 0);
  mpfr_clears (L, t, s2, d, (mpfr_ptr) 0);
  lsc_series_spectrum_free (sp);
  return st;
}

int
lsc_scan_large_row (lsc_scan_row *r, lsc_series_path **path, const lsc_scan_opts *o)
{
  int st = LSC_SUCCESS;
  /* Beyond a fold, an edge or a branch point of the catalogue's domain
     the family does not exist: absent (as below LSC_SCAN_LARGE_D, where
     the continuation finds the same ends), not a failed solve. */
  if (!lsc_series_in_domain (r->fam, r->d, r->note, sizeof r->note))
    {
      r->absent = 1;
      r->status = LSC_SUCCESS;
      r->nev = 0;
      return LSC_SUCCESS;
    }
  if (!*path)
    *path = lsc_series_path_alloc (r->fam, &st);
  if (*path)
    st = fill (r, *path, o);
  r->status = st;
  if (st)
    r->nev = 0;
  return st;
}
