/* Eigenvalues followed by continuity through the nodes of a fitting
   window, and matched between the two windows of lsc_series_expand. */
#include <config.h>
#include <math.h>
#include <stdlib.h>
#include "internal.h"
#include "mpfr/mpfr_vec.h"
#include "series/track.h"

/* Prediction of one track at t[j] from its values at the previous
   nodes into w[0].  An eigenvalue's sample is y = eps^2 lambda: for a
   Theta(d) one y = s + c0 eps^2 + c1 eps^3 + ..., for a Theta(1) one
   y = c0 eps^2 + c1 eps^3 + ..., for a Theta(d^1/2) one y = a eps + ....
   y itself is dominated by its eps^2 term, which a low-degree
   extrapolation gets wrong by about as much as two close eigenvalues
   differ.  So three modes: 0 extrapolates lambda = y / eps^2 (up to the
   constant h^2: y / t^2), smooth for Theta(1); 1 the divided difference
   (y - y[0]) / (t^2 - t[0]^2), nearly constant for Theta(d); 2 y itself;
   each by Neville's scheme on the last TRACK_ORDER nodes available
   (after node 0 in mode 1), mapped back to y. */
#define TRACK_ORDER 6

static void
predict_mode (const mpfr_t *y, const mpfr_t *t, size_t j, int mode,
              mpfr_t *w, mpfr_t u, mpfr_t v)
{
  size_t avail = mode == 1 ? j - 1 : j;
  size_t m = avail < TRACK_ORDER ? avail : TRACK_ORDER, b = j - m;
  mpfr_t t0s;
  mpfr_init2 (t0s, mpfr_get_prec (u));
  mpfr_sqr (t0s, t[0], MPFR_RNDN);
  if (mode != 1)
    mpfr_set_zero (t0s, 1);
  for (size_t a = 0; a < m; a++)
    {
      if (mode == 1)
        mpfr_sub (w[a], y[b + a], y[0], MPFR_RNDN);
      else
        mpfr_set (w[a], y[b + a], MPFR_RNDN);
      if (mode == 2)
        continue;
      mpfr_sqr (u, t[b + a], MPFR_RNDN);
      mpfr_sub (u, u, t0s, MPFR_RNDN);
      mpfr_div (w[a], w[a], u, MPFR_RNDN);
    }
  /* w[a] <- ((t - t[b+a]) w[a+1] - (t - t[b+a+l]) w[a]) / (t[b+a+l] - t[b+a]) */
  for (size_t l = 1; l < m; l++)
    for (size_t a = 0; a + l < m; a++)
      {
        mpfr_sub (u, t[j], t[b + a], MPFR_RNDN);
        mpfr_mul (u, u, w[a + 1], MPFR_RNDN);
        mpfr_sub (v, t[j], t[b + a + l], MPFR_RNDN);
        mpfr_mul (v, v, w[a], MPFR_RNDN);
        mpfr_sub (w[a], u, v, MPFR_RNDN);
        mpfr_sub (u, t[b + a + l], t[b + a], MPFR_RNDN);
        mpfr_div (w[a], w[a], u, MPFR_RNDN);
      }
  if (mode != 2)
    {
      mpfr_sqr (u, t[j], MPFR_RNDN);
      mpfr_sub (u, u, t0s, MPFR_RNDN);
      mpfr_mul (w[0], w[0], u, MPFR_RNDN);
    }
  if (mode == 1)
    mpfr_add (w[0], w[0], y[0], MPFR_RNDN);
  mpfr_clear (t0s);
}

/* Predict node j (j >= 3) in the mode that predicted node j - 1 best
   from the nodes before it: each track takes the mode that follows its
   own growth. */
static void
predict (const mpfr_t *y, const mpfr_t *t, size_t j, mpfr_t *w, mpfr_t u,
         mpfr_t v)
{
  int best = 0;
  double ebest = INFINITY;
  for (int m = 0; m < 3; m++)
    {
      predict_mode (y, t, j - 1, m, w, u, v);
      mpfr_sub (u, w[0], y[j - 1], MPFR_RNDN);
      double e = fabs (mpfr_get_d (u, MPFR_RNDN));
      if (e < ebest)
        ebest = e, best = m;
    }
  predict_mode (y, t, j, best, w, u, v);
}

/* |x - y| as a double (the distances only rank candidates). */
static double
dist (const mpfr_t x, const mpfr_t y, mpfr_t u)
{
  mpfr_sub (u, x, y, MPFR_RNDN);
  return fabs (mpfr_get_d (u, MPFR_RNDN));
}

/* Assign the candidates of one group (same component and inner
   multiplicity) to its tracks: greedily by the smallest distance D[t][c]
   (n x n), then every pair of assignments checked against its swap. */
static int
assign (size_t *to, const double *D, size_t n, size_t *used)
{
  for (size_t c = 0; c < n; c++)
    used[c] = 0;
  for (size_t t = 0; t < n; t++)
    to[t] = (size_t) -1;
  for (size_t r = 0; r < n; r++)
    {
      size_t bt = 0, bc = 0;
      double best = INFINITY;
      for (size_t t = 0; t < n; t++)
        for (size_t c = 0; to[t] == (size_t) -1 && c < n; c++)
          if (!used[c] && !(D[t * n + c] >= best))
            best = D[t * n + c], bt = t, bc = c;
      to[bt] = bc;
      used[bc] = 1;
    }
  /* A swap no worse than twice the chosen distances: the prediction
     cannot tell the two values apart. */
  for (size_t a = 0; a < n; a++)
    for (size_t b = a + 1; b < n; b++)
      {
        double keep = fmax (D[a * n + to[a]], D[b * n + to[b]]);
        double swap = fmax (D[a * n + to[b]], D[b * n + to[a]]);
        if (!(swap > 2 * keep))
          return LSC_EFAILED;
      }
  return LSC_SUCCESS;
}

int
lsc_series_track_match (size_t *perm, const mpfr_t *yj,
                        const lsc_iso_eigen *info, size_t n,
                        const lsc_iso_eigen *shape, const mpfr_t *y,
                        const mpfr_t *t, size_t nodes, size_t j, double h)
{
  (void) h;
  int rc = LSC_SUCCESS;
  size_t *trk = malloc ((n ? n : 1) * sizeof *trk);
  size_t *cand = malloc ((n ? n : 1) * sizeof *cand);
  size_t *to = malloc ((n ? n : 1) * sizeof *to);
  size_t *used = malloc ((n ? n : 1) * sizeof *used);
  double *D = malloc ((n ? n * n : 1) * sizeof *D);
  mpfr_prec_t wp = mpfr_get_prec (t[0]);
  mpfr_t *pred = lsc_mpfr_vec_alloc (n ? n : 1, wp);
  mpfr_t *w = lsc_mpfr_vec_alloc (TRACK_ORDER, wp);
  mpfr_t u, v;
  mpfr_inits2 (wp, u, v, (mpfr_ptr) 0);
  if (!trk || !cand || !to || !used || !D || !pred || !w)
    LSC_FAIL ("out of memory", LSC_ENOMEM);
  for (size_t i = 0; i < n; i++)
    perm[i] = (size_t) -1;
  if (j >= 3)
    for (size_t i = 0; i < n; i++)
      {
        predict (&y[i * nodes], t, j, w, u, v);
        mpfr_set (pred[i], w[0], MPFR_RNDN);
      }
  for (size_t i = 0; i < n; i++)
    {
      if (perm[i] != (size_t) -1)
        continue;
      /* the group of track i: tracks and candidates of its component
         and inner multiplicity, both in ascending order */
      size_t nt = 0, nc = 0;
      for (size_t a = i; a < n; a++)
        if (shape[a].irrep == shape[i].irrep
            && shape[a].inner == shape[i].inner)
          trk[nt++] = a;
      for (size_t c = 0; c < n; c++)
        if (info[c].irrep == shape[i].irrep
            && info[c].inner == shape[i].inner)
          cand[nc++] = c;
      if (nc != nt)
        LSC_FAIL ("the eigenvalues' components change in the window",
                  LSC_EFAILED);
      if (j < 3) /* nodes 0 to 2 lie deep in the asymptotic regime */
        for (size_t a = 0; a < nt; a++)
          perm[trk[a]] = cand[a];
      else
        {
          for (size_t a = 0; a < nt; a++)
            for (size_t c = 0; c < nc; c++)
              D[a * nt + c] = dist (pred[trk[a]], yj[cand[c]], u);
          /* predictions that cannot tell two values apart (a swap no
             worse than twice the chosen distances): the order of the
             predictions, value for value; the two windows' difference
             judges the result */
          if (assign (to, D, nt, used))
            for (size_t a = 0; a < nt; a++)
              {
                size_t r = 0;
                for (size_t b = 0; b < nt; b++)
                  r += mpfr_cmp (pred[trk[b]], pred[trk[a]]) < 0
                       || (b < a && mpfr_equal_p (pred[trk[b]],
                                                  pred[trk[a]]));
                to[a] = r;
              }
          for (size_t a = 0; a < nt; a++)
            perm[trk[a]] = cand[to[a]];
        }
    }
cleanup:
  free (trk);
  free (cand);
  free (to);
  free (used);
  free (D);
  lsc_mpfr_vec_free (pred, pred ? (n ? n : 1) : 0);
  lsc_mpfr_vec_free (w, w ? TRACK_ORDER : 0);
  mpfr_clears (u, v, (mpfr_ptr) 0);
  return rc;
}

int
lsc_series_track_pair (size_t *m, mpfr_t *const *c1, mpfr_t *const *c2,
                       const lsc_iso_eigen *s1, const lsc_iso_eigen *s2,
                       size_t n, size_t nc, double h)
{
  int rc = LSC_SUCCESS;
  size_t *trk = malloc ((n ? n : 1) * sizeof *trk);
  size_t *cand = malloc ((n ? n : 1) * sizeof *cand);
  size_t *to = malloc ((n ? n : 1) * sizeof *to);
  size_t *used = malloc ((n ? n : 1) * sizeof *used);
  double *D = malloc ((n ? n * n : 1) * sizeof *D);
  mpfr_t u;
  mpfr_init2 (u, n ? mpfr_get_prec (c1[0][0]) : 64);
  if (!trk || !cand || !to || !used || !D)
    LSC_FAIL ("out of memory", LSC_ENOMEM);
  for (size_t i = 0; i < n; i++)
    m[i] = (size_t) -1;
  for (size_t i = 0; i < n; i++)
    {
      if (m[i] != (size_t) -1)
        continue;
      size_t nt = 0, ncand = 0;
      for (size_t a = i; a < n; a++)
        if (s2[a].irrep == s2[i].irrep && s2[a].inner == s2[i].inner)
          trk[nt++] = a;
      for (size_t c = 0; c < n; c++)
        if (s1[c].irrep == s2[i].irrep && s1[c].inner == s2[i].inner)
          cand[ncand++] = c;
      if (ncand != nt)
        LSC_FAIL ("the two windows see different spectra", LSC_EFAILED);
      /* distance of two polynomials on (0, h]: max_k |a_k - b_k| h^k */
      for (size_t a = 0; a < nt; a++)
        for (size_t c = 0; c < nt; c++)
          {
            double s = 0, hk = 1;
            for (size_t k = 0; k < nc; k++, hk *= h)
              s = fmax (s, dist (c2[trk[a]][k], c1[cand[c]][k], u) * hk);
            D[a * nt + c] = s;
          }
      /* tracks the polynomials cannot pair (they are not analytic
         through the window: an avoided crossing) keep their rank; the
         two routes then differ and their rows say so */
      if (assign (to, D, nt, used))
        for (size_t a = 0; a < nt; a++)
          to[a] = a;
      for (size_t a = 0; a < nt; a++)
        m[trk[a]] = cand[to[a]];
    }
cleanup:
  free (trk);
  free (cand);
  free (to);
  free (used);
  free (D);
  mpfr_clear (u);
  return rc;
}

