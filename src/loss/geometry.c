/* The pair geometry of the loss, computed once for loss and gradient:
   S, and t = pi/2 - theta, 1 - sin theta and the loss term of
   every pair, vectorised over rows of the Gram cosines. */
#include <config.h>
#include <string.h>
#include <math.h>
#include "landscape/lsc_loss.h"
#include "loss_impl.h"
#include "internal.h"
#include "../kernel/vmath.h"

/* Loss term of a near pair: -D(phi) with phi = min(theta, pi - theta),
   D = pi sin^2(phi/2) - (sin phi - phi cos phi), see loss.c. */
static double
near_term (const lsc_pair *g)
{
  double phi = g->phi;
  double h = sin (0.5 * phi);
  return -(LSC_PI * h * h - (sin (phi) - phi * cos (phi)));
}

/* Row a of the pair quantities for columns b in (a, nr): vectorised from
   the cosines, then the near pairs redone in the stable form. */
static void
pair_row (lsc_loss_workspace *ws, size_t a, int want_loss)
{
  size_t nr = ws->nr, n = nr - a - 1;
  const double *c = ws->C + a * nr + a + 1;
  double *t = a < ws->k ? ws->T + a * nr + a + 1 : ws->N;
  double *o = a < ws->k ? ws->OM + a * nr + a + 1 : ws->M;
  double *f = want_loss ? ws->F + a * nr + a + 1 : NULL;
  size_t nn = lsc_vm_pairs (t, o, f, c, n, ws->nearidx);
  ws->nnear[a] = nn;
  for (size_t q = 0; q < nn; q++)
    {
      size_t j = ws->nearidx[q];
      lsc_pair g;
      lsc_loss_pair (&g, ws, a, a + 1 + j);
      t[j] = g.t;
      o[j] = g.oms;
      if (f)
        f[j] = near_term (&g);
    }
}

void
lsc_loss_geometry (lsc_loss_workspace *ws, const lsc_problem *p,
                   int want_loss, double *S)
{
  size_t k = ws->k, m = ws->m, nr = ws->nr;
  /* S = sum_a gam_a |y_a| (compensated) */
  double Sh = 0.0, Sl = 0.0;
  for (size_t a = 0; a < nr; a++)
    {
      double x = ws->gn[a], t = Sh + x, bb = t - Sh;
      Sl += (Sh - (t - bb)) + (x - bb);
      Sh = t;
    }
  *S = Sh + Sl;
  /* student rows: full pair rows; target rows only for the loss of a
     general V (for V = I the target pairs are orthogonal: t = 0, term 0) */
  for (size_t i = 0; i < k; i++)
    {
      pair_row (ws, i, want_loss);
      ws->T[i * nr + i] = LSC_PI / 2;
      ws->OM[i * nr + i] = 1.0;
    }
  for (size_t j = 0; j < m; j++)
    {
      if (want_loss && p->V)
        pair_row (ws, k + j, 1);
      else
        ws->nnear[k + j] = 0;
    }
}
