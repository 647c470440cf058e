/* Near crossings in the fitting windows of lsc_series_expand: two
   eigenvalues of one group fitted through their sum and squared
   difference, which stay analytic where the two meet. */
#include <config.h>
#include <math.h>
#include <stdlib.h>
#include "internal.h"
#include "mpfr/mpfr_vec.h"
#include "series/track.h"

/* Two eigenvalues of one component and inner multiplicity that come
   close in a window are, near there, the eigenvalues of a 2 x 2 block
   of an analytic matrix: each is analytic only up to the branch points
   of sqrt(D), D = (lambda_a - lambda_b)^2, which lie within about the
   smallest gap (over the slope of the gap) of the near crossing - close
   to the real axis, so that a polynomial through the nodes converges
   badly or not at all.  Their sum S and D are analytic there (symmetric
   functions of the pair, as long as no third eigenvalue of the group
   comes near).  Hence: S and D interpolated like any track, the square
   root of D's series taken formally (D(0) > 0: the limits differ), and
   the two recovered as (S -+ sqrt(D)) / 2, the lower limit to the track
   that is lower at window 2's smallest eps.  Both windows do this, so
   the two routes' difference still bounds every coefficient.

   A near crossing: the pair's gap has a nonzero limit as eps -> 0 (the
   limits differ) and, over the nodes of both windows, shrinks below
   PAIR_DIP times that limit (the two approach a crossing, real or
   avoided, inside the windows or beyond them); every other eigenvalue
   of the group stays farther from both than the pair's largest gap.
   Pairs of equal limits (a gap of order eps) keep their own fits: the
   square root would lose half their digits. */
#define PAIR_DIP 0.75

/* lambda = y / (h t)^2 at node j of track i (as a double: the decision
   only compares gaps of 1e-8 and more relative). */
static double
lam (const mpfr_t *y, const mpfr_t *t, double h, size_t nodes, size_t i,
     size_t j, mpfr_t u)
{
  mpfr_mul_d (u, t[j], h, MPFR_RNDN);
  mpfr_sqr (u, u, MPFR_RNDN);
  mpfr_div (u, y[i * nodes + j], u, MPFR_RNDN);
  return mpfr_get_d (u, MPFR_RNDN);
}

/* Smallest and largest |lambda_a - lambda_b| over both windows' nodes
   (a, b window-2 tracks; m maps them to window 1's). */
static void
gaps (double *gmin, double *gmax, const double *L1, const double *L2,
      const size_t *m, size_t a, size_t b, size_t nodes)
{
  *gmin = INFINITY;
  *gmax = 0;
  for (size_t j = 0; j < nodes; j++)
    {
      double g1 = fabs (L1[m[a] * nodes + j] - L1[m[b] * nodes + j]);
      double g2 = fabs (L2[a * nodes + j] - L2[b * nodes + j]);
      *gmin = fmin (*gmin, fmin (g1, g2));
      *gmax = fmax (*gmax, fmax (g1, g2));
    }
}

/* The coefficients (in eps, y-form) of tracks a and b of one window
   from their node values: S = y_a + y_b and D = (lambda_a - lambda_b)^2
   interpolated, r = sqrt(D) by the series recurrence
   r_0 = sqrt(D_0), r_k = (D_k - sum_{0<i<k} r_i r_{k-i}) / (2 r_0),
   then y_lo = (S - eps^2 r) / 2 and y_hi = (S + eps^2 r) / 2.  Returns 0
   when D_0 <= 0 (no distinct limits to recover: the pair is left as it
   was); -1 out of memory. */
static int
refit_window (mpfr_t *clo, mpfr_t *chi, const mpfr_t *y, const mpfr_t *t,
              double h, size_t nodes, size_t a, size_t b, mpfr_t *w,
              mpfr_t *cs, mpfr_t *cd, mpfr_t *r)
{
  mpfr_prec_t wp = mpfr_get_prec (clo[0]);
  mpfr_t u, v;
  mpfr_inits2 (wp, u, v, (mpfr_ptr) 0);
  for (size_t j = 0; j < nodes; j++)
    {
      mpfr_add (w[j], y[a * nodes + j], y[b * nodes + j], MPFR_RNDN);
      mpfr_sub (w[nodes + j], y[a * nodes + j], y[b * nodes + j],
                MPFR_RNDN);
      mpfr_mul_d (u, t[j], h, MPFR_RNDN);
      mpfr_sqr (u, u, MPFR_RNDN);
      mpfr_div (w[nodes + j], w[nodes + j], u, MPFR_RNDN);
      mpfr_sqr (w[nodes + j], w[nodes + j], MPFR_RNDN);
    }
  int ok = 0;
  if (lsc_series_interpolate (cs, t, w, nodes, h)
      || lsc_series_interpolate (cd, t, w + nodes, nodes, h))
    ok = -1;
  else
    ok = mpfr_sgn (cd[0]) > 0;
  if (ok > 0)
    {
      mpfr_sqrt (r[0], cd[0], MPFR_RNDN);
      mpfr_mul_2ui (v, r[0], 1, MPFR_RNDN);
      for (size_t k = 1; k < nodes; k++)
        {
          mpfr_set (u, cd[k], MPFR_RNDN);
          for (size_t i = 1; i < k; i++)
            {
              mpfr_mul (r[k], r[i], r[k - i], MPFR_RNDN);
              mpfr_sub (u, u, r[k], MPFR_RNDN);
            }
          mpfr_div (r[k], u, v, MPFR_RNDN);
        }
      for (size_t k = 0; k < nodes; k++)
        {
          mpfr_set (clo[k], cs[k], MPFR_RNDN);
          mpfr_set (chi[k], cs[k], MPFR_RNDN);
          if (k >= 2)
            {
              mpfr_sub (clo[k], clo[k], r[k - 2], MPFR_RNDN);
              mpfr_add (chi[k], chi[k], r[k - 2], MPFR_RNDN);
            }
          mpfr_div_2ui (clo[k], clo[k], 1, MPFR_RNDN);
          mpfr_div_2ui (chi[k], chi[k], 1, MPFR_RNDN);
        }
    }
  mpfr_clears (u, v, (mpfr_ptr) 0);
  return ok;
}

int
lsc_series_pair_refit (size_t *partner, mpfr_t *const *c1,
                       mpfr_t *const *c2, const mpfr_t *y1, const mpfr_t *t1,
                       double h1, const mpfr_t *y2, const mpfr_t *t2,
                       double h2, const size_t *m, const lsc_iso_eigen *shape,
                       size_t n, size_t nodes)
{
  int rc = LSC_SUCCESS;
  mpfr_prec_t wp = n ? mpfr_get_prec (c2[0][0]) : 64;
  double *L1 = malloc ((n ? n * nodes : 1) * sizeof *L1);
  double *L2 = malloc ((n ? n * nodes : 1) * sizeof *L2);
  mpfr_t *w = lsc_mpfr_vec_alloc (2 * nodes, wp);
  mpfr_t *buf = lsc_mpfr_vec_alloc (7 * nodes, wp);
  mpfr_t u;
  mpfr_init2 (u, wp);
  for (size_t i = 0; i < n; i++)
    partner[i] = (size_t) -1;
  if (!L1 || !L2 || !w || !buf)
    LSC_FAIL ("out of memory", LSC_ENOMEM);
  for (size_t i = 0; i < n; i++)
    for (size_t j = 0; j < nodes; j++)
      {
        L1[i * nodes + j] = lam (y1, t1, h1, nodes, i, j, u);
        L2[i * nodes + j] = lam (y2, t2, h2, nodes, i, j, u);
      }
  for (size_t a = 0; a < n; a++)
    for (size_t b = a + 1; b < n; b++)
      {
        if (shape[a].irrep != shape[b].irrep
            || shape[a].inner != shape[b].inner
            || partner[a] != (size_t) -1 || partner[b] != (size_t) -1)
          continue;
        double gmin, gmax;
        gaps (&gmin, &gmax, L1, L2, m, a, b, nodes);
        /* the gap has a nonzero limit as eps -> 0 (nearly the same at
           window 2's two smallest nodes, whose eps differ ninefold: not
           a gap of order eps, nor one that grows like d or d^1/2) and
           shrinks below PAIR_DIP of it inside the windows */
        double g0 = fabs (L2[a * nodes] - L2[b * nodes]);
        double g1 = fabs (L2[a * nodes + 1] - L2[b * nodes + 1]);
        if (!(g0 > 0 && g1 >= 0.5 * g0 && g1 <= 2 * g0
              && gmin < PAIR_DIP * g0))
          continue;
        /* no third eigenvalue of the group as near as the pair's gap */
        int alone = 1;
        for (size_t c = 0; c < n && alone; c++)
          if (c != a && c != b && shape[c].irrep == shape[a].irrep
              && shape[c].inner == shape[a].inner)
            {
              double ga, gb, x, y;
              gaps (&ga, &x, L1, L2, m, a, c, nodes);
              gaps (&gb, &y, L1, L2, m, b, c, nodes);
              alone = fmin (ga, gb) > gmax;
            }
        if (!alone)
          continue;
        /* the lower at window 2's smallest eps takes the lower limit */
        size_t lo = L2[a * nodes] <= L2[b * nodes] ? a : b;
        size_t hi = lo == a ? b : a;
        mpfr_t *n1lo = buf, *n1hi = buf + nodes, *n2lo = buf + 2 * nodes,
               *n2hi = buf + 3 * nodes;
        mpfr_t *cs = buf + 4 * nodes, *cd = buf + 5 * nodes,
               *r = buf + 6 * nodes;
        int ok1 = refit_window (n1lo, n1hi, y1, t1, h1, nodes, m[lo], m[hi],
                                w, cs, cd, r);
        int ok2 = ok1 > 0 ? refit_window (n2lo, n2hi, y2, t2, h2, nodes, lo,
                                          hi, w, cs, cd, r)
                          : 0;
        if (ok1 < 0 || ok2 < 0)
          LSC_FAIL ("out of memory", LSC_ENOMEM);
        if (!ok1 || !ok2)
          continue;
        for (size_t k = 0; k < nodes; k++)
          {
            mpfr_set (c1[m[lo]][k], n1lo[k], MPFR_RNDN);
            mpfr_set (c1[m[hi]][k], n1hi[k], MPFR_RNDN);
            mpfr_set (c2[lo][k], n2lo[k], MPFR_RNDN);
            mpfr_set (c2[hi][k], n2hi[k], MPFR_RNDN);
          }
        partner[a] = b;
        partner[b] = a;
      }
cleanup:
  free (L1);
  free (L2);
  lsc_mpfr_vec_free (w, w ? 2 * nodes : 0);
  lsc_mpfr_vec_free (buf, buf ? 7 * nodes : 0);
  mpfr_clear (u);
  return rc;
}
