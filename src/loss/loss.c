/* The population loss in double precision, summed in a cancellation-free
   arrangement so that it stays accurate at spurious minima. */
#include <config.h>
#include <math.h>
#include "landscape/lsc_loss.h"
#include "loss_impl.h"
#include "internal.h"
#include "../kernel/vmath.h"

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

/* The loss from the geometry of lsc_loss_geometry (want_loss set). */
double
lsc_loss_from_geometry (lsc_loss_workspace *ws, const lsc_problem *p,
                        double S)
{
  size_t k = ws->k, d = ws->d, nr = ws->nr;
  size_t rows = p->V ? nr : k;  /* V = I: target pairs contribute 0 */
  const double q0 = LSC_PI / 2 - 1.0;
  double rl, rr = lsc_vm_dot2 (ws->r, ws->r, d, &rl);
  rr += rl;
  /* components of the near relation (only rows that have near pairs) */
  for (size_t a = 0; a < nr; a++)
    ws->comp[a] = a;
  for (size_t a = 0; a < rows; a++)
    if (ws->nnear[a])
      for (size_t b = a + 1; b < nr; b++)
        if (fabs (ws->C[a * nr + b]) > LSC_NEAR_COS)
          {
            size_t ra = find (ws->comp, a), rb = find (ws->comp, b);
            if (ra != rb)
              ws->comp[ra < rb ? rb : ra] = ra < rb ? ra : rb;
          }
  for (size_t a = 0; a < nr; a++)
    {
      ws->sc[a] = 0.0;
      ws->scc[a] = 0.0;
    }
  for (size_t a = 0; a < nr; a++)
    {
      size_t ra = find (ws->comp, a);
      ws->comp[a] = ra;   /* flatten: comp[] now holds roots */
      lsc_kahan_add (&ws->sc[ra], &ws->scc[ra], ws->gn[a]);
    }
  /* the pair sum: rows of F by a compensated dot product, accumulated in
     double-double (exact products by fma) */
  double P = 0.0, Pl = 0.0;
  for (size_t a = 0; a < rows; a++)
    {
      double lo, hi = lsc_vm_dot2 (ws->gn + a + 1, ws->F + a * nr + a + 1,
                                   nr - a - 1, &lo);
      double g = ws->gn[a], x = g * hi, xl = fma (g, hi, -x) + g * lo;
      double t = P + x, bb = t - P;
      Pl += (P - (t - bb)) + (x - bb) + xl;
      P = t;
    }
  /* q0 parts: + q0/2 (sum_{a in C} gam_a |y_a|)^2 per component, and
     - q0 gam_a gam_b |y_a||y_b| for the far pairs inside a component */
  /* members of each component as a linked list (link[a] = next member
     after a, nr at the end; head[root] = first member) */
  size_t *head = ws->head, *link = ws->link;
  for (size_t a = 0; a < nr; a++)
    head[a] = nr;
  for (size_t a = nr; a-- > 0;)
    {
      link[a] = head[ws->comp[a]];
      head[ws->comp[a]] = a;
    }
  for (size_t a = 0; a < nr; a++)
    {
      if (ws->comp[a] == a)
        {
          double sa = ws->sc[a] + ws->scc[a];
          lsc_kahan_add (&P, &Pl, 0.5 * q0 * sa * sa);
        }
      for (size_t b = link[a]; b < nr; b = link[b])
        if (fabs (ws->C[a * nr + b]) <= LSC_NEAR_COS)
          lsc_kahan_add (&P, &Pl, -q0 * ws->gn[a] * ws->gn[b]);
    }
  P += Pl;
  double L = 0.0, Lc = 0.0;
  lsc_kahan_add (&L, &Lc, rr / 8.0);
  lsc_kahan_add (&L, &Lc, S * S / (2.0 * LSC_2PI));
  lsc_kahan_add (&L, &Lc, P / LSC_2PI);
  return L + Lc;
}

/* L(W) = 1/2 E[(f(x;W,alpha) - f(x;V,beta))^2], landscape(7), MODEL, in the
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
  double S;
  lsc_loss_geometry (ws, p, 1, &S);
  *L = lsc_loss_from_geometry (ws, p, S);
  /* Rows near 1e155 and beyond overflow the d^2-size terms. */
  if (!isfinite (*L))
    LSC_ERROR ("lsc_loss: loss overflows a double", LSC_ERANGE);
  return LSC_SUCCESS;
}
