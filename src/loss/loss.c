/* The population loss in double precision, summed in a cancellation-free
   arrangement so that it stays accurate at spurious minima. */
#include <config.h>
#include <math.h>
#include "landscape/lsc_loss.h"
#include "loss_impl.h"
#include "internal.h"

/* Arrangement (derivation in the comments of lsc_loss).  With
   g(theta) = sin theta + (pi/2 - theta) cos theta,
     kappa(u, v) = u.v/4 + |u||v| g(theta) / (2 pi),
   g(pi - theta) = g(theta), g(pi/2) = 1, g(0) = pi/2.  Writing y_a for all
   rows (students, then targets) with signed weights gam_a:
     L = |r|^2/8 + S^2/(4 pi) + (1/(2 pi)) sum_{a<=b}' gam_a gam_b n_a n_b q_ab
   with r = sum_a gam_a y_a, S = sum_a gam_a |y_a|, q = g - 1 (the primed sum
   halves the diagonal).  The bilinear part and the "1" part of g are thus
   squares of residuals computed directly; q = t sin t - (1 - cos t) with
   t = pi/2 - theta is O(t^2) for nearly orthogonal pairs.  Nearly
   (anti)parallel pairs have q ~ q0 = pi/2 - 1: they are grouped into
   connected components C of the relation |cos| > LSC_NEAR_COS, and within a
   component q = q0 - (g(0) - g(theta)), whose q0 parts sum to the square
   q0/2 (sum_{a in C} gam_a n_a)^2, and the rest D(phi) = g(0) - g(phi) =
   pi sin^2(phi/2) - (sin phi - phi cos phi), phi = min(theta, pi - theta),
   is O(phi^2).  Every remaining term is small where L is small, and all
   sums are compensated. */

static size_t
find (size_t *parent, size_t a)
{
  while (parent[a] != a)
    {
      parent[a] = parent[parent[a]];
      a = parent[a];
    }
  return a;
}

double
lsc_loss_prepared (lsc_loss_workspace *ws)
{
  size_t k = ws->k, d = ws->d, nr = ws->nr;
  (void) k;
  const double q0 = LSC_PI / 2 - 1.0;
  /* residual r and |r|^2 */
  double rr = 0.0, rrc = 0.0;
  for (size_t x = 0; x < d; x++)
    {
      double s = 0.0, c = 0.0;
      for (size_t a = 0; a < nr; a++)
        lsc_kahan_add (&s, &c, ws->gam[a] * ws->Y[a * d + x]);
      s += c;
      ws->r[x] = s;
      lsc_kahan_add (&rr, &rrc, s * s);
    }
  rr += rrc;
  /* S and the components of the near relation */
  double S = 0.0, Sc = 0.0;
  for (size_t a = 0; a < nr; a++)
    {
      ws->comp[a] = a;
      lsc_kahan_add (&S, &Sc, ws->gam[a] * ws->nrm[a]);
      ws->sc[a] = 0.0;
      ws->scc[a] = 0.0;
    }
  S += Sc;
  for (size_t a = 0; a < nr; a++)
    for (size_t b = a + 1; b < nr; b++)
      if (fabs (ws->C[a * nr + b]) > LSC_NEAR_COS)
        {
          size_t ra = find (ws->comp, a), rb = find (ws->comp, b);
          if (ra != rb)
            ws->comp[ra < rb ? rb : ra] = ra < rb ? ra : rb;
        }
  for (size_t a = 0; a < nr; a++)
    {
      size_t ra = find (ws->comp, a);
      ws->comp[a] = ra;   /* flatten: comp[] now holds roots */
      lsc_kahan_add (&ws->sc[ra], &ws->scc[ra], ws->gam[a] * ws->nrm[a]);
    }
  /* the pair sum */
  double P = 0.0, Pc = 0.0;
  for (size_t a = 0; a < nr; a++)
    {
      if (ws->comp[a] == a)
        {
          double sa = ws->sc[a] + ws->scc[a];
          lsc_kahan_add (&P, &Pc, 0.5 * q0 * sa * sa);
        }
      for (size_t b = a + 1; b < nr; b++)
        {
          double coef = ws->gam[a] * ws->gam[b] * ws->nrm[a] * ws->nrm[b];
          if (coef == 0.0)
            continue;
          lsc_pair g;
          lsc_loss_pair (&g, ws, a, b);
          double term;
          if (ws->comp[a] != ws->comp[b])
            term = g.t * g.c - g.oms;
          else if (g.near)
            {
              double lo = fmin (g.sh, g.ch), hi = fmax (g.sh, g.ch);
              double phi = 2.0 * atan2 (lo, hi);
              double h = sin (0.5 * phi);
              term = -(LSC_PI * h * h - (sin (phi) - phi * cos (phi)));
            }
          else
            term = (g.t * g.c - g.oms) - q0;
          lsc_kahan_add (&P, &Pc, coef * term);
        }
    }
  P += Pc;
  double L = 0.0, Lc = 0.0;
  lsc_kahan_add (&L, &Lc, rr / 8.0);
  lsc_kahan_add (&L, &Lc, S * S / (2.0 * LSC_2PI));
  lsc_kahan_add (&L, &Lc, P / LSC_2PI);
  return L + Lc;
}

/* L(W) = 1/2 E[(f(x;W,alpha) - f(x;V,beta))^2], MATH.md section 1, in the
   arrangement described above.  Accuracy: relative 1e-12 or better near
   spurious minima up to k = d = 100 (tested against a quad-precision
   oracle); the absolute error is a few ulps of (|r|^2 + S^2 + small
   terms), not of the d^2/(2 pi) size of the raw kernel terms. */
int
lsc_loss (double *L, const double *W, const lsc_problem *p,
          lsc_loss_workspace *ws)
{
  if (!L)
    LSC_ERROR ("lsc_loss: NULL output", LSC_EFAULT);
  int rc = lsc_loss_prepare (ws, W, p);
  if (rc)
    return rc;
  *L = lsc_loss_prepared (ws);
  /* Rows near 1e155 and beyond overflow the d^2-size terms. */
  if (!isfinite (*L))
    LSC_ERROR ("lsc_loss: loss overflows a double", LSC_ERANGE);
  return LSC_SUCCESS;
}
