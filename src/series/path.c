/* The branch of a catalogue family in log d: a ladder of MPFR points from
   the reference dimension, then one seeded Newton solve at any larger d. */
#include <config.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "internal.h"
#include "kernel/kernel_mpfr.h"
#include "landscape/lsc_newton.h"
#include "landscape/lsc_series.h"

#define RUNG_MAX 256
#define NEWTON_MAXITER 40
/* A solve is on the branch only when it moves no parameter from its seed
   by more than SEED_DEV times the largest parameter (the seed is the
   branch extrapolated in eps; a larger move is a jump to another
   branch, as from F3 to W = I when a rung is too long). */
#define SEED_DEV 1e-3

struct lsc_series_path
{
  lsc_young G;
  lsc_family dom;           /* the family's domain (name, has_domain,
                               domain: what lsc_series_in_domain reads) */
  size_t np;
  size_t n;                 /* rungs so far                         */
  mpfr_t eps[RUNG_MAX];     /* eps = d^{-1/2} of each rung           */
  mpfr_t d[RUNG_MAX];
  mpfr_t *p[RUNG_MAX];      /* np values each                        */
};

/* Polynomial through (xs[j], ys[j][i]), j < m, evaluated at x, for every
   component i < np (Neville), into out at out's precision. */
static void
neville (mpfr_t *out, mpfr_t *const *ys, const mpfr_t *xs, size_t m,
         size_t np, const mpfr_t x)
{
  mpfr_prec_t wp = mpfr_get_prec (out[0]) + 32;
  mpfr_t q[LSC_SERIES_NSEED + 8], a, b;
  mpfr_inits2 (wp, a, b, (mpfr_ptr) 0);
  for (size_t j = 0; j < m; j++)
    mpfr_init2 (q[j], wp);
  for (size_t i = 0; i < np; i++)
    {
      for (size_t j = 0; j < m; j++)
        mpfr_set (q[j], ys[j][i], MPFR_RNDN);
      for (size_t l = 1; l < m; l++)
        for (size_t j = m - 1; j >= l; j--)
          {
            /* q[j] = ((x - xs[j-l]) q[j] - (x - xs[j]) q[j-1])
                      / (xs[j] - xs[j-l]) */
            mpfr_sub (a, x, xs[j - l], MPFR_RNDN);
            mpfr_mul (a, a, q[j], MPFR_RNDN);
            mpfr_sub (b, x, xs[j], MPFR_RNDN);
            mpfr_mul (b, b, q[j - 1], MPFR_RNDN);
            mpfr_sub (a, a, b, MPFR_RNDN);
            mpfr_sub (b, xs[j], xs[j - l], MPFR_RNDN);
            mpfr_div (q[j], a, b, MPFR_RNDN);
          }
      mpfr_set (out[i], q[m - 1], MPFR_RNDN);
    }
  for (size_t j = 0; j < m; j++)
    mpfr_clear (q[j]);
  mpfr_clears (a, b, (mpfr_ptr) 0);
}

/* Seed at eps from the rungs [lo, lo + m). */
static void
seed_from (mpfr_t *out, const lsc_series_path *P, size_t lo, size_t m,
           const mpfr_t eps)
{
  neville (out, (mpfr_t *const *) &P->p[lo], &P->eps[lo], m, P->np, eps);
}

static void
eps_of (mpfr_t eps, const mpfr_t d)
{
  mpfr_rec_sqrt (eps, d, MPFR_RNDN);
}

/* Newton from the seed already in p, then the branch test above. */
static int
solve_on_branch (mpfr_t *p, const lsc_series_path *P, const mpfr_t d)
{
  size_t np = P->np;
  double seed[2 * LSC_YOUNG_MAX * LSC_YOUNG_MAX];
  for (size_t i = 0; i < np; i++)
    seed[i] = mpfr_get_d (p[i], MPFR_RNDN);
  int rc = lsc_series_newton (p, NULL, &P->G, d, NEWTON_MAXITER);
  if (rc)
    return rc;
  double dev = 0, big = 0;
  for (size_t i = 0; i < np; i++)
    {
      double v = mpfr_get_d (p[i], MPFR_RNDN);
      if (fabs (v - seed[i]) > dev)
        dev = fabs (v - seed[i]);
      if (fabs (v) > big)
        big = fabs (v);
    }
  if (!(dev <= SEED_DEV * big))
    LSC_ERROR ("Newton left the branch (moved far from its seed)",
               LSC_ENOCONV);
  return LSC_SUCCESS;
}

/* Append a rung at d (seeded by extrapolation from the last rungs). */
static int
add_rung (lsc_series_path *P, const mpfr_t d)
{
  if (P->n >= RUNG_MAX)
    LSC_ERROR ("too many rungs on the large-d ladder", LSC_EMAXITER);
  size_t r = P->n;
  mpfr_t *p = lsc_mpfr_vec_alloc (P->np, LSC_SERIES_LADDER_PREC);
  if (!p)
    LSC_ERROR ("out of memory", LSC_ENOMEM);
  mpfr_init2 (P->eps[r], LSC_SERIES_LADDER_PREC);
  mpfr_init2 (P->d[r], mpfr_get_prec (d));
  mpfr_set (P->d[r], d, MPFR_RNDN);
  eps_of (P->eps[r], d);
  size_t m = r < LSC_SERIES_NSEED ? r : LSC_SERIES_NSEED;
  seed_from (p, P, r - m, m, P->eps[r]);
  int rc = solve_on_branch (p, P, d);
  if (rc)
    {
      lsc_mpfr_vec_free (p, P->np);
      mpfr_clears (P->eps[r], P->d[r], (mpfr_ptr) 0);
      return rc;
    }
  P->p[r] = p;
  P->n++;
  return LSC_SUCCESS;
}

/* Climb from the last rung to dt by factors of at most `factor`, halving
   the step in log d (at most 8 times) when a solve fails. */
static int
climb (lsc_series_path *P, const mpfr_t dt, double factor, double first)
{
  mpfr_t dn;
  mpfr_init2 (dn, mpfr_get_prec (dt) + 64);
  int rc = LSC_SUCCESS;
  double fac = first;
  int halvings = 0;
  while (mpfr_cmp (P->d[P->n - 1], dt) < 0)
    {
      mpfr_mul_d (dn, P->d[P->n - 1], fac, MPFR_RNDN);
      if (mpfr_cmp (dn, dt) > 0)
        mpfr_set (dn, dt, MPFR_RNDN);
      rc = add_rung (P, dn);
      if (rc == LSC_ENOMEM)
        break;
      if (rc)
        {
          if (++halvings > 8)
            break;
          /* halve the step actually tried (capped at the target) */
          mpfr_div (dn, dn, P->d[P->n - 1], MPFR_RNDN);
          fac = sqrt (fmin (fac, mpfr_get_d (dn, MPFR_RNDN)));
          continue;
        }
      if (halvings == 0 && fac < factor)
        fac = fac * fac > factor ? factor : fac * fac;
      halvings = 0;
    }
  mpfr_clear (dn);
  if (rc)
    LSC_ERROR ("the family's branch could not be followed in log d", rc);
  return rc;
}

/* One side of the domain: d beyond an end of this kind is outside. */
static int
end_closed (int end)
{
  return end == LSC_END_FOLD || end == LSC_END_EDGE || end == LSC_END_BRANCH;
}

static void
outside_note (char *note, size_t len, double at, int end)
{
  if (note && len)
    snprintf (note, len, "outside the family's domain: its branch ends at "
              "d = %.17g (%s)", at, lsc_family_end_name (end));
}

int
lsc_series_in_domain (const lsc_family *f, double d, char *note, size_t len)
{
  if (note && len)
    note[0] = 0;
  if (!f || !f->has_domain || isnan (d))
    return 1;
  if (d > f->domain.hi && end_closed (f->domain.end_hi))
    {
      outside_note (note, len, f->domain.hi, f->domain.end_hi);
      return 0;
    }
  if (d < f->domain.lo && end_closed (f->domain.end_lo))
    {
      outside_note (note, len, f->domain.lo, f->domain.end_lo);
      return 0;
    }
  return 1;
}

int
lsc_series_has_large_d (const lsc_family *f, char *note, size_t len)
{
  return lsc_series_in_domain (f, INFINITY, note, len);
}

lsc_series_path *
lsc_series_path_alloc (const lsc_family *f, int *status)
{
  int rc = LSC_SUCCESS;
  lsc_series_path *P = NULL;
  mpfr_t d;
  mpfr_init2 (d, 128);
  if (!f)
    {
      rc = LSC_EFAULT;
      lsc_error ("NULL argument", __FILE__, __LINE__, rc);
      goto done;
    }
  P = calloc (1, sizeof *P);
  if (!P)
    {
      rc = LSC_ENOMEM;
      lsc_error ("out of memory", __FILE__, __LINE__, rc);
      goto done;
    }
  P->G = f->G;
  memcpy (P->dom.name, f->name, sizeof f->name);
  P->dom.has_domain = f->has_domain;
  P->dom.domain = f->domain;
  P->np = lsc_young_nparams (&f->G);
  /* Rung 0: the catalogue point refined in MPFR. */
  mpfr_t *p0 = lsc_mpfr_vec_alloc (P->np, LSC_SERIES_LADDER_PREC);
  if (!p0)
    {
      rc = LSC_ENOMEM;
      lsc_error ("out of memory", __FILE__, __LINE__, rc);
      goto done;
    }
  for (size_t i = 0; i < P->np; i++)
    mpfr_set_d (p0[i], f->p[i], MPFR_RNDN);
  mpfr_set_d (d, f->d, MPFR_RNDN);
  rc = lsc_series_newton (p0, NULL, &P->G, d, NEWTON_MAXITER);
  if (rc)
    {
      lsc_mpfr_vec_free (p0, P->np);
      goto done;
    }
  mpfr_init2 (P->eps[0], LSC_SERIES_LADDER_PREC);
  mpfr_init2 (P->d[0], 128);
  mpfr_set (P->d[0], d, MPFR_RNDN);
  eps_of (P->eps[0], d);
  P->p[0] = p0;
  P->n = 1;
  /* The ladder only where the branch goes on: a family whose domain is
     closed above (a fold, as Y6-1_aff's at 23.64) keeps its one rung,
     and its points inside the domain are solved from it. */
  mpfr_set_d (d, LSC_SERIES_LADDER_END, MPFR_RNDN);
  if (lsc_series_has_large_d (f, NULL, 0))
    rc = climb (P, d, 2.0, 1.02);
done:
  mpfr_clear (d);
  if (status)
    *status = rc;
  if (rc)
    {
      lsc_series_path_free (P);
      return NULL;
    }
  return P;
}

void
lsc_series_path_free (lsc_series_path *P)
{
  if (!P)
    return;
  for (size_t r = 0; r < P->n; r++)
    {
      lsc_mpfr_vec_free (P->p[r], P->np);
      mpfr_clears (P->eps[r], P->d[r], (mpfr_ptr) 0);
    }
  free (P);
}

size_t
lsc_series_path_nparams (const lsc_series_path *P)
{
  return P ? P->np : 0;
}

const lsc_young *
lsc_series_path_group (const lsc_series_path *P)
{
  return P ? &P->G : NULL;
}

int
lsc_series_path_point (mpfr_t *p, lsc_series_path *P, const mpfr_t d)
{
  if (!p || !P || !d)
    LSC_ERROR ("NULL argument", LSC_EFAULT);
  if (!mpfr_number_p (d))
    LSC_ERROR ("d is not finite", LSC_ENONFINITE);
  if (mpfr_cmp (d, P->d[0]) < 0)
    LSC_ERROR ("d below the family's reference dimension", LSC_EDOM);
  if (!lsc_series_in_domain (&P->dom, mpfr_get_d (d, MPFR_RNDN), NULL, 0))
    LSC_ERROR ("d outside the family's domain", LSC_EDOM);
  mpfr_t eps;
  mpfr_init2 (eps, mpfr_get_prec (p[0]) + 32);
  eps_of (eps, d);
  int rc;
  for (int attempt = 0;; attempt++)
    {
      /* Rungs around eps (interpolation) or the last ones (the series). */
      size_t hi = 0;
      while (hi < P->n && mpfr_cmp (P->eps[hi], eps) >= 0)
        hi++;
      size_t m = P->n < LSC_SERIES_NSEED ? P->n : LSC_SERIES_NSEED;
      size_t lo = hi >= m / 2 ? hi - m / 2 : 0;
      if (lo + m > P->n)
        lo = P->n - m;
      seed_from (p, P, lo, m, eps);
      rc = solve_on_branch (p, P, d);
      if (!rc || attempt > 0 || mpfr_cmp (d, P->d[P->n - 1]) <= 0)
        break;
      /* Out of the basin of the extrapolated seed: climb to d first. */
      rc = climb (P, d, 10.0, 10.0);
      if (rc)
        break;
    }
  mpfr_clear (eps);
  return rc;
}
