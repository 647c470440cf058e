/* A family's large-d results as the fields of table rows: the point at
   one d, and each eigenvalue's limit compared with the global minimum's
   (the numerical decisions of landscape-series' tables). */
#include <config.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "internal.h"
#include "landscape/lsc_restricted.h"
#include "landscape/lsc_series.h"

void
lsc_series_order_str (char *buf, size_t len, int lead, int allzero)
{
  if (allzero)
    snprintf (buf, len, "0");
  else if (lead == 0)
    snprintf (buf, len, "1");
  else if (lead == -2)
    snprintf (buf, len, "d");
  else if (lead % 2 == 0)
    snprintf (buf, len, "d^%d", -lead / 2);
  else
    snprintf (buf, len, "d^%d/2", -lead);
}

void
lsc_series_opts_limits (lsc_series_opts *o)
{
  lsc_series_opts_init (o);
  o->nterms = 4;
  o->nodes = 16;
  o->prec1 = 256;
  o->prec2 = 384;
}

/* The global minimum's eigenvalue of the same growth whose coefficients
   agree with Q's longest (the same component preferred on ties); the
   order (power of eps) of the first coefficient where they differ into
   *pw (1 << 30: none within the terms both have). */
static const lsc_series_quantity *
match_global (int *pw, const lsc_series_quantity *Q,
              const lsc_series_expansion *g)
{
  const lsc_series_quantity *best = NULL;
  size_t bestj = 0;
  int bestsame = 0;
  for (size_t i = 0; g && i < g->nq; i++)
    {
      const lsc_series_quantity *R = &g->q[i];
      if (R->kind != LSC_SERIES_EIGEN || R->lead != Q->lead || R->allzero
          || Q->allzero)
        continue;
      size_t n = R->n < Q->n ? R->n : Q->n;
      size_t j = 0;
      mpfr_t t;
      mpfr_init2 (t, mpfr_get_prec (Q->c[0]));
      for (; j < n; j++)
        {
          mpfr_sub (t, Q->c[j], R->c[j], MPFR_RNDN);
          if (fabs (mpfr_get_d (t, MPFR_RNDN))
              > 8 * (Q->err[j] + R->err[j]))
            break;
        }
      mpfr_clear (t);
      int same = R->irrep == Q->irrep;
      /* longest agreement first, then the same component */
      if (j > 0 && (j > bestj || (j == bestj && same && !bestsame)))
        {
          best = R;
          bestj = j;
          bestsame = same;
          *pw = j < n ? Q->lead + (int) j : 1 << 30;
        }
    }
  return best;
}

/* "O(1)", "O(d^-1/2)", ... for a difference of order eps^pw. */
static void
diff_str (char *buf, size_t len, int pw, size_t n)
{
  if (pw == 1 << 30)
    snprintf (buf, len, "none in %zu terms", n);
  else if (pw == 0)
    snprintf (buf, len, "O(1)");
  else if (pw % 2 == 0)
    snprintf (buf, len, "O(d^%d)", -pw / 2);
  else
    snprintf (buf, len, "O(d^%d/2)", -pw);
}

void
lsc_series_limit_describe (lsc_series_limit *L, const lsc_series_quantity *Q,
                           const lsc_series_expansion *global)
{
  memset (L, 0, sizeof *L);
  /* every coefficient within its bound of zero: a zero (A-split-kd1's
     split ratio, bounds ~1e-150) or, when the two routes differ by more
     than rounding, an eigenvalue they do not resolve */
  int unres = Q->allzero && Q->n > 0 && !(Q->err[0] <= 1e-30);
  /* share of the k d = d^2 + x d eigenvalues as d -> infinity */
  L->share = (double) Q->mult.c2 / (double) Q->mult.den;
  if (unres)
    snprintf (L->growth, sizeof L->growth, "unresolved");
  else if (Q->allzero)
    snprintf (L->growth, sizeof L->growth, "0");
  else if (Q->lead == -2)
    snprintf (L->growth, sizeof L->growth, "Theta(d)");
  else if (Q->lead == 0)
    snprintf (L->growth, sizeof L->growth, "Theta(1)");
  else if (Q->lead % 2 == 0)
    snprintf (L->growth, sizeof L->growth, "Theta(d^%d)", -Q->lead / 2);
  else
    snprintf (L->growth, sizeof L->growth, "Theta(d^%d/2)", -Q->lead);
  L->digits = Q->allzero ? 0 : Q->digits[0];
  /* the leading coefficient: the limit of a Theta(1) eigenvalue, the
     slope of a Theta(d) one, the coefficient of d^-1/2 of one that
     vanishes like d^-1/2 */
  if (Q->allzero && !unres)
    snprintf (L->leading, sizeof L->leading, "0");
  else if (!unres)
    mpfr_snprintf (L->leading, sizeof L->leading, "%.*Rg",
                   L->digits < 20 ? L->digits : 20, Q->c[0]);
  snprintf (L->global, sizeof L->global, "-");
  snprintf (L->difference, sizeof L->difference, "-");
  int pw;
  const lsc_series_quantity *R = global ? match_global (&pw, Q, global)
                                        : NULL;
  if (R)
    {
      snprintf (L->global, sizeof L->global, "=%s", R->name);
      diff_str (L->difference, sizeof L->difference, pw, Q->n);
    }
  L->status = unres ? LSC_EPREC : LSC_SUCCESS;
  if (unres)
    snprintf (L->note, sizeof L->note, "no coefficient resolved: the two "
              "routes differ by %.1e or the eigenvalue is not analytic in "
              "the windows (a near crossing)", Q->err[0]);
  else if (Q->partner[0])
    snprintf (L->note, sizeof L->note, "near crossing with %s in the "
              "windows: fitted with it as a pair (sum and squared "
              "difference)", Q->partner);
}

int
lsc_series_point_eval (lsc_series_point *r, const lsc_family *f,
                       const mpfr_t d, mpfr_prec_t prec)
{
  memset (r, 0, sizeof *r);
  mpfr_init2 (r->loss, prec);
  mpfr_set_zero (r->loss, 1);
  /* outside the catalogue's domain (beyond a fold, an edge or a branch
     point): absent, as in landscape-scan */
  r->absent = !lsc_series_in_domain (f, mpfr_get_d (d, MPFR_RNDN), r->note,
                                     sizeof r->note);
  if (r->absent)
    return r->status = LSC_SUCCESS;
  int rc = LSC_SUCCESS;
  size_t np = lsc_young_nparams (&f->G);
  lsc_series_path *P = lsc_series_path_alloc (f, &rc);
  mpfr_t p[LSC_FAMILY_MAXP];
  for (size_t j = 0; j < np; j++)
    mpfr_init2 (p[j], prec);
  if (P)
    rc = lsc_series_path_point (p, P, d);
  if (P && !rc)
    rc = lsc_restricted_eval_mpfr (r->loss, NULL, NULL, (const mpfr_t *) p,
                                   &f->G, d);
  if (P && !rc)
    {
      r->sp = lsc_series_spectrum_alloc (&f->G, prec);
      rc = r->sp ? lsc_series_spectrum_compute (
                       r->sp, (const mpfr_t *) p, &f->G, d,
                       strcmp (f->kind, "global-minimum") == 0)
                 : LSC_ENOMEM;
    }
  if (rc)
    {
      lsc_series_spectrum_free (r->sp);
      r->sp = NULL;
    }
  for (size_t j = 0; j < np; j++)
    mpfr_clear (p[j]);
  lsc_series_path_free (P);
  return r->status = rc;
}

void
lsc_series_point_clear (lsc_series_point *r)
{
  if (!r)
    return;
  lsc_series_spectrum_free (r->sp);
  r->sp = NULL;
  mpfr_clear (r->loss);
}

int
lsc_series_spectrum_digits (const lsc_series_spectrum *s, size_t j)
{
  double a = fabs (mpfr_get_d (s->values[j], MPFR_RNDN));
  double er = s->comp_err[s->info[j].irrep];
  int dg = a > er ? (int) floor (log10 (a / er)) : 1;
  return dg < 1 ? 1 : dg > 20 ? 20 : dg;
}
