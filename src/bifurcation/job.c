/* Bifurcate job: the brackets of a family's type changes, each located by
   the crossing or fold solver, with the loss and parameters at d*. */
#define _POSIX_C_SOURCE 200809L
#include <config.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <mpfr.h>
#include "landscape.h"
#include "internal.h"

void
lsc_bifurcate_opts_init (lsc_bifurcate_opts *o)
{
  o->from = 2;
  o->to = 100;
  o->digits = 30;
  o->params = 0;
  o->max_brackets = 32;
}

int
lsc_bifurcate_opts_check (const lsc_bifurcate_opts *o, char *err,
                          size_t errlen)
{
  if (errlen)
    err[0] = '\0';
  if (!(o->from >= 1) || !(o->to > o->from) || !isfinite (o->to))
    {
      snprintf (err, errlen, "the scan range needs 1 <= --from < --to");
      return LSC_EINVAL;
    }
  if (o->digits < 1 || o->digits > 1000)
    {
      snprintf (err, errlen, "invalid argument '%u' for --digits: must be "
                "in [1, 1000]", o->digits);
      return LSC_EINVAL;
    }
  return LSC_SUCCESS;
}

/* Name of the type change of a bracket from the Morse indices on both
   sides (as d grows). */
static const char *
change_name (const lsc_bif_bracket *b)
{
  if (b->fold)
    return "fold";
  if (isnan (b->index_lo) || isnan (b->index_hi))
    return "unknown";
  if (b->index_lo > 0 && b->index_hi == 0)
    return "saddle->minimum";
  if (b->index_lo == 0 && b->index_hi > 0)
    return "minimum->saddle";
  return "saddle->saddle";
}

/* x with digits significant digits (malloc'd; NULL when out of memory). */
static char *
decimal (const mpfr_t x, unsigned digits)
{
  size_t len = digits + 32;
  char *s = malloc (len);
  if (s)
    mpfr_snprintf (s, len, "%.*Rg", (int) digits, x);
  return s;
}

void
lsc_bifurcate_events_free (lsc_bifurcate_event *ev, size_t nev)
{
  if (!ev)
    return;
  for (size_t i = 0; i < nev; i++)
    {
      free (ev[i].d_star);
      free (ev[i].loss);
      for (size_t j = 0; ev[i].p && j < ev[i].np; j++)
        free (ev[i].p[j]);
      free (ev[i].p);
    }
  free (ev);
}

/* Solve bracket b of F into e. */
static int
solve (lsc_bifurcate_event *e, const lsc_family *F, const lsc_bif_bracket *b,
       const lsc_bifurcate_opts *o, const lsc_bif_options *bo)
{
  lsc_bif_family fam;
  lsc_bif_restricted rr;
  int st = lsc_bif_restricted_init (&fam, &rr, &F->G, b->irrep);
  if (st)
    return e->status = st, LSC_SUCCESS;
  mpfr_prec_t wp = lsc_bif_prec (bo, 1);
  mpfr_t ds, L;
  mpfr_t *ps = malloc ((fam.n ? fam.n : 1) * sizeof (mpfr_t));
  if (!ps)
    return LSC_ENOMEM;
  mpfr_init2 (ds, wp);
  mpfr_init2 (L, wp);
  for (size_t i = 0; i < fam.n; i++)
    mpfr_init2 (ps[i], wp);
  lsc_bif_result res;
  memset (&res, 0, sizeof res);
  if (b->fold)
    st = lsc_bif_fold (ds, ps, &res, &fam, b->d_lo, b->p_lo, NULL, bo);
  else
    st = lsc_bif_crossing (ds, ps, &res, &fam, b->d_lo, b->d_hi, b->p_lo,
                           b->p_hi, bo);
  int have = st == LSC_SUCCESS || st == LSC_EPREC, rc = LSC_SUCCESS;
  e->status = st;
  e->digits_agree = res.digits_agree;
  if (have)
    {
      lsc_young G = F->G;
      e->d = mpfr_get_d (ds, MPFR_RNDN);
      e->residual = res.lam_abs;
      if (!b->fold && !lsc_young_set_d (&G, e->d))
        e->mult = b->inner * lsc_irrep_dim (b->irrep, G.rsize[0]);
      if (!(e->d_star = decimal (ds, o->digits)))
        rc = LSC_ENOMEM;
      mpfr_snprintf (e->d_star20, sizeof e->d_star20, "%.20Rg", ds);
      G = F->G;
      if (!lsc_young_set_d (&G, e->d)
          && !lsc_restricted_eval_mpfr (L, NULL, NULL, (const mpfr_t *) ps,
                                        &G, ds)
          && !(e->loss = decimal (L, o->digits)))
        rc = LSC_ENOMEM;
      if (o->params && !rc)
        {
          e->np = fam.n;
          if (!(e->p = calloc (fam.n ? fam.n : 1, sizeof *e->p)))
            rc = LSC_ENOMEM;
          for (size_t i = 0; !rc && i < fam.n; i++)
            if (!(e->p[i] = decimal (ps[i], o->digits)))
              rc = LSC_ENOMEM;
        }
    }
  for (size_t i = 0; i < fam.n; i++)
    mpfr_clear (ps[i]);
  free (ps);
  mpfr_clears (ds, L, (mpfr_ptr) 0);
  return rc;
}

int
lsc_bifurcate_family (lsc_bifurcate_event **ev, size_t *nev,
                      const lsc_family *F, const lsc_bifurcate_opts *o)
{
  *ev = NULL;
  *nev = 0;
  if (!F || !o || !(o->from >= 1) || !(o->to > o->from)
      || !isfinite (o->to) || o->digits < 1 || o->digits > 1000
      || o->max_brackets < 1)
    LSC_ERROR ("lsc_bifurcate_family: needs 1 <= from < to, digits in "
               "1..1000", LSC_EINVAL);
  lsc_bif_options bo;
  lsc_bif_options_init (&bo);
  bo.digits = o->digits;
  lsc_bif_bracket *br = malloc (o->max_brackets * sizeof *br);
  lsc_bifurcate_event *e = calloc (o->max_brackets, sizeof *e);
  size_t nb = 0;
  int rc = LSC_SUCCESS;
  if (!br || !e)
    LSC_FAIL ("lsc_bifurcate_family: out of memory", LSC_ENOMEM);
  double lo = fmin (o->from, F->d), hi = fmax (o->to, F->d);
  int st = lsc_bif_scan (br, &nb, o->max_brackets, &F->G, F->p, F->d, lo,
                         hi);
  if (st)
    {
      e[0] = (lsc_bifurcate_event) { .fam = F, .event = "scan",
                                     .irrep = -1, .mult = NAN, .d = NAN,
                                     .change = "unknown",
                                     .index_below = NAN, .index_above = NAN,
                                     .residual = NAN, .status = st };
      nb = 1;
      goto cleanup;
    }
  for (size_t b = 0; b < nb; b++)
    {
      e[b] = (lsc_bifurcate_event) {
        .fam = F, .event = br[b].fold ? "fold" : "crossing",
        .irrep = br[b].irrep, .inner = (size_t) br[b].inner, .mult = NAN,
        .d = NAN, .change = change_name (&br[b]),
        .index_below = br[b].index_lo, .index_above = br[b].index_hi,
        .residual = NAN };
      if ((rc = solve (&e[b], F, &br[b], o, &bo)) != 0)
        {
          nb = b + 1;
          goto cleanup;
        }
    }
cleanup:
  free (br);
  if (rc)
    {
      lsc_bifurcate_events_free (e, nb);
      return rc;
    }
  *ev = e;
  *nev = nb;
  return LSC_SUCCESS;
}
