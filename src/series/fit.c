/* Coefficients of a family's expansions in eps = d^{-1/2}: interpolation
   at Chebyshev nodes of two windows and two precisions, compared. */
#include <config.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "internal.h"
#include "kernel/kernel_mpfr.h"
#include "landscape/lsc_restricted.h"
#include "landscape/lsc_series.h"
#include "series/track.h"

/* A coefficient is nonzero (and may lead) only when it exceeds its
   bound by this factor (three verified digits). */
#define LEAD_FACTOR 1e3

void
lsc_series_opts_init (lsc_series_opts *o)
{
  o->nterms = 6;
  o->nodes = 0;
  o->h1 = 1e-3;
  o->h2 = 4e-4;
  o->prec1 = 0;
  o->prec2 = 0;
  o->recognise = 1;
  o->spectrum = 1;
}

/* Fill in the defaults that depend on nterms. */
static void
opts_resolve (lsc_series_opts *o)
{
  if (o->nodes == 0)
    o->nodes = o->nterms + 20;
  if (o->prec1 == 0)
    o->prec1 = 256 + 32 * (long) o->nterms;
  if (o->prec2 == 0)
    o->prec2 = 2 * o->prec1;
}

/* One route's samples: y[q * nodes + j] for quantity q at node j. */
typedef struct
{
  size_t nodes, nq, nev;
  mpfr_t *t;             /* nodes in (0, 1): eps = h t          */
  mpfr_t *y;
  lsc_iso_eigen *shape;  /* eigenvalue components of node 0     */
} samples;

static void
samples_clear (samples *S)
{
  lsc_mpfr_vec_free (S->t, S->t ? S->nodes : 0);
  lsc_mpfr_vec_free (S->y, S->y ? S->nq * S->nodes : 0);
  free (S->shape);
}

/* Solve the family at every node of the window h at precision prec. */
static int
sample (samples *S, lsc_series_path *P, double h, long prec, size_t nodes,
        int spectrum)
{
  const lsc_young *G = lsc_series_path_group (P);
  size_t np = lsc_series_path_nparams (P);
  size_t cap = spectrum ? lsc_isotypic_max_mpfr (G) : 0;
  long wp = prec + 64;
  int rc = LSC_SUCCESS;
  mpfr_t *p = lsc_mpfr_vec_alloc (np, wp);
  mpfr_t *ev = cap ? lsc_mpfr_vec_alloc (cap, wp) : NULL;
  lsc_iso_eigen *info = cap ? calloc (cap, sizeof *info) : NULL;
  size_t *perm = malloc ((cap ? cap : 1) * sizeof *perm);
  mpfr_t eps, d, L;
  mpfr_inits2 (wp, eps, d, L, (mpfr_ptr) 0);
  *S = (samples){ .nodes = nodes };
  S->t = lsc_mpfr_vec_alloc (nodes, wp);
  if (!p || !S->t || !perm || (cap && (!ev || !info)))
    LSC_FAIL ("out of memory", LSC_ENOMEM);
  for (size_t j = 0; j < nodes; j++)
    {
      /* t_j = (1 - cos(pi (2j + 1) / (2 nodes))) / 2, increasing. */
      mpfr_const_pi (S->t[j], MPFR_RNDN);
      mpfr_mul_ui (S->t[j], S->t[j], 2 * j + 1, MPFR_RNDN);
      mpfr_div_ui (S->t[j], S->t[j], 2 * nodes, MPFR_RNDN);
      mpfr_cos (S->t[j], S->t[j], MPFR_RNDN);
      mpfr_ui_sub (S->t[j], 1, S->t[j], MPFR_RNDN);
      mpfr_div_2ui (S->t[j], S->t[j], 1, MPFR_RNDN);
      mpfr_mul_d (eps, S->t[j], h, MPFR_RNDN);
      mpfr_sqr (d, eps, MPFR_RNDN);
      mpfr_ui_div (d, 1, d, MPFR_RNDN);
      rc = lsc_series_path_point (p, P, d);
      if (rc)
        goto cleanup;
      rc = lsc_restricted_eval_mpfr (L, NULL, NULL, (const mpfr_t *) p, G,
                                     d);
      if (rc)
        goto cleanup;
      size_t n = 0;
      if (cap)
        {
          rc = lsc_isotypic_spectrum_mpfr (ev, info, &n, (const mpfr_t *) p,
                                           G, d, ldexp (1.0, 24 - (int) wp),
                                           0.0);
          if (rc)
            goto cleanup;
        }
      if (j == 0)
        {
          S->nev = n;
          S->nq = np + 1 + n;
          S->y = lsc_mpfr_vec_alloc (S->nq * nodes, wp);
          S->shape = calloc (n + 1, sizeof *S->shape);
          if (!S->y || !S->shape)
            LSC_FAIL ("out of memory", LSC_ENOMEM);
          if (n)                /* info is NULL without eigenvalues */
            memcpy (S->shape, info, n * sizeof *info);
        }
      else if (n != S->nev)
        LSC_FAIL ("the number of distinct eigenvalues changes in the window",
                  LSC_EFAILED);
      for (size_t i = 0; i < np; i++)
        mpfr_set (S->y[i * nodes + j], p[i], MPFR_RNDN);
      mpfr_set (S->y[np * nodes + j], L, MPFR_RNDN);
      for (size_t i = 0; i < n; i++) /* eps^2 lambda: finite limits */
        mpfr_div (ev[i], ev[i], d, MPFR_RNDN);
      /* each eigenvalue followed by continuity, not by its rank: two
         that cross inside the window keep their own analytic tracks */
      rc = lsc_series_track_match (perm, (const mpfr_t *) ev, info, n,
                                   S->shape, (const mpfr_t *) &S->y[(np + 1)
                                                                    * nodes],
                                   (const mpfr_t *) S->t, nodes, j, h);
      if (rc)
        goto cleanup;
      for (size_t i = 0; i < n; i++)
        mpfr_set (S->y[(np + 1 + i) * nodes + j], ev[perm[i]], MPFR_RNDN);
    }
cleanup:
  lsc_mpfr_vec_free (p, p ? np : 0);
  lsc_mpfr_vec_free (ev, ev ? cap : 0);
  free (info);
  free (perm);
  mpfr_clears (eps, d, L, (mpfr_ptr) 0);
  return rc;
}

static void
param_name (char *buf, size_t len, const lsc_young *G, size_t i)
{
  lsc_param_info in;
  lsc_young_param (&in, G, i);
  if (in.kind == LSC_PARAM_DIAG)
    snprintf (buf, len, "diag[%d]", in.rb);
  else if (in.kind == LSC_PARAM_OFFDIAG)
    snprintf (buf, len, "off[%d]", in.rb);
  else
    snprintf (buf, len, "const[%d,%d]", in.rb, in.cb);
}

/* Compare the two routes' coefficients of one quantity into q. */
static void
combine (lsc_series_quantity *q, mpfr_t *c1, mpfr_t *c2, size_t n,
         int shift, size_t nterms, long prec1, int recognise)
{
  mpfr_t t;
  mpfr_init2 (t, mpfr_get_prec (c2[0]));
  double err[4 * LSC_SERIES_MAXTERMS + 64];
  int lead = -1;
  for (size_t k = 0; k < n; k++)
    {
      mpfr_sub (t, c1[k], c2[k], MPFR_RNDN);
      err[k] = fabs (mpfr_get_d (t, MPFR_RNDN))
               + ldexp (fabs (mpfr_get_d (c2[k], MPFR_RNDN)), 8 - (int) prec1);
      if (lead < 0 && fabs (mpfr_get_d (c2[k], MPFR_RNDN))
                          > LEAD_FACTOR * err[k])
        lead = (int) k;
    }
  q->allzero = lead < 0;
  if (lead < 0)
    lead = shift;
  q->lead = lead - shift;
  q->n = 0;
  for (size_t j = 0; j < nterms && (size_t) lead + j < n; j++)
    {
      size_t k = (size_t) lead + j;
      mpfr_init2 (q->c[j], mpfr_get_prec (c2[k]));
      mpfr_set (q->c[j], c2[k], MPFR_RNDN);
      q->err[j] = err[k];
      double a = fabs (mpfr_get_d (c2[k], MPFR_RNDN));
      q->digits[j] = a > err[k] ? (int) floor (log10 (a / err[k])) : 0;
      q->closed[j][0] = 0;
      if (recognise && q->digits[j] >= 24)
        lsc_series_recognise (q->closed[j], sizeof q->closed[j], q->c[j],
                              q->digits[j]);
      q->n++;
    }
  mpfr_clear (t);
}

int
lsc_series_expand (lsc_series_expansion **e, const lsc_family *f,
                   const lsc_series_opts *opts)
{
  if (!e || !f)
    LSC_ERROR ("NULL argument", LSC_EFAULT);
  *e = NULL;
  lsc_series_opts o;
  if (opts)
    o = *opts;
  else
    lsc_series_opts_init (&o);
  opts_resolve (&o);
  if (o.nterms < 1 || o.nterms > LSC_SERIES_MAXTERMS - 4
      || o.nodes < o.nterms + 8 || o.nodes > 4 * LSC_SERIES_MAXTERMS + 32
      || !(o.h1 > 0 && o.h1 <= 0.01) || !(o.h2 > 0 && o.h2 <= 0.01)
      || o.prec1 < 64 || o.prec2 < 64 || o.prec1 > 65536
      || o.prec2 > 65536)
    LSC_ERROR ("bad series options", LSC_EINVAL);
  if (!lsc_series_has_large_d (f, NULL, 0))
    LSC_ERROR ("the family's branch ends below large d (its catalogue "
               "domain is closed above): no expansion", LSC_EDOM);
  int rc;
  samples S1 = { 0 }, S2 = { 0 };
  lsc_series_expansion *E = NULL;
  mpfr_t **C1 = NULL, **C2 = NULL;
  size_t *pair = NULL, *partner = NULL;
  size_t nn = o.nodes, nq = 0;
  lsc_series_path *P = lsc_series_path_alloc (f, &rc);
  if (!P)
    return rc;
  rc = sample (&S1, P, o.h1, o.prec1, nn, o.spectrum);
  if (!rc)
    rc = sample (&S2, P, o.h2, o.prec2, nn, o.spectrum);
  if (rc)
    goto cleanup;
  if (S1.nq != S2.nq)
    LSC_FAIL ("the two windows see different spectra", LSC_EFAILED);
  E = calloc (1, sizeof *E);
  if (!E || !(E->q = calloc (S1.nq, sizeof *E->q)))
    LSC_FAIL ("out of memory", LSC_ENOMEM);
  E->nparams = lsc_series_path_nparams (P);
  size_t np1 = E->nparams + 1;
  nq = S1.nq;
  C1 = calloc (nq, sizeof *C1);
  C2 = calloc (nq, sizeof *C2);
  pair = malloc ((S1.nev ? S1.nev : 1) * sizeof *pair);
  partner = malloc ((S1.nev ? S1.nev : 1) * sizeof *partner);
  if (!C1 || !C2 || !pair || !partner)
    LSC_FAIL ("out of memory", LSC_ENOMEM);
  for (size_t q = 0; q < nq; q++)
    {
      if (!(C1[q] = lsc_mpfr_vec_alloc (nn, o.prec2 + 64))
          || !(C2[q] = lsc_mpfr_vec_alloc (nn, o.prec2 + 64)))
        LSC_FAIL ("out of memory", LSC_ENOMEM);
      if ((rc = lsc_series_interpolate (C1[q], (const mpfr_t *) S1.t,
                                        (const mpfr_t *) &S1.y[q * nn], nn,
                                        o.h1))
          || (rc = lsc_series_interpolate (C2[q], (const mpfr_t *) S2.t,
                                           (const mpfr_t *) &S2.y[q * nn],
                                           nn, o.h2)))
        goto cleanup;
    }
  /* window 2's tracks named in its order at its smallest eps; window 1's
     track of each found by its polynomial, not by its rank */
  if ((rc = lsc_series_track_pair (pair, C1 + np1, C2 + np1, S1.shape,
                                   S2.shape, S1.nev, nn, o.h2)))
    goto cleanup;
  /* two tracks that nearly cross in the windows: refitted as a pair */
  if ((rc = lsc_series_pair_refit (partner, C1 + np1, C2 + np1,
                                   (const mpfr_t *) &S1.y[np1 * nn],
                                   (const mpfr_t *) S1.t, o.h1,
                                   (const mpfr_t *) &S2.y[np1 * nn],
                                   (const mpfr_t *) S2.t, o.h2, pair,
                                   S2.shape, S1.nev, nn)))
    goto cleanup;
  const lsc_young *G = lsc_series_path_group (P);
  size_t cnt[4] = { 0 };
  for (size_t q = 0; q < nq; q++)
    {
      lsc_series_quantity *Q = &E->q[q];
      int shift = 0;
      size_t q1 = q;
      if (q < E->nparams)
        {
          Q->kind = LSC_SERIES_PARAM;
          param_name (Q->name, sizeof Q->name, G, q);
        }
      else if (q == E->nparams)
        {
          Q->kind = LSC_SERIES_LOSS;
          snprintf (Q->name, sizeof Q->name, "loss");
        }
      else
        {
          const lsc_iso_eigen *ie = &S2.shape[q - np1];
          Q->kind = LSC_SERIES_EIGEN;
          Q->irrep = ie->irrep;
          lsc_series_mult (&Q->mult, ie, G);
          snprintf (Q->name, sizeof Q->name, "%s%zu",
                    lsc_irrep_name (ie->irrep), ++cnt[ie->irrep & 3]);
          shift = 2;
          q1 = np1 + pair[q - np1];
        }
      combine (Q, C1[q1], C2[q], nn, shift, o.nterms, o.prec1, o.recognise);
      E->nq = q + 1;
    }
  for (size_t i = 0; i < S1.nev; i++)
    if (partner[i] != (size_t) -1)
      snprintf (E->q[np1 + i].partner, sizeof E->q[np1 + i].partner, "%s",
                E->q[np1 + partner[i]].name);
  *e = E;
  E = NULL;
cleanup:
  for (size_t q = 0; q < nq; q++)
    {
      lsc_mpfr_vec_free (C1 ? C1[q] : NULL, C1 && C1[q] ? nn : 0);
      lsc_mpfr_vec_free (C2 ? C2[q] : NULL, C2 && C2[q] ? nn : 0);
    }
  free (C1);
  free (C2);
  free (pair);
  free (partner);
  samples_clear (&S1);
  samples_clear (&S2);
  lsc_series_expansion_free (E);
  lsc_series_path_free (P);
  return rc;
}

void
lsc_series_expansion_free (lsc_series_expansion *e)
{
  if (!e)
    return;
  for (size_t q = 0; q < e->nq; q++)
    for (size_t j = 0; j < e->q[q].n; j++)
      mpfr_clear (e->q[q].c[j]);
  free (e->q);
  free (e);
}
