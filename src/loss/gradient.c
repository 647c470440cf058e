/* Gradient of the loss in double precision, arranged like the loss so that
   the large terms cancel analytically (one dgemm for the rest). */
#include <config.h>
#include <math.h>
#include <cblas.h>
#include "landscape/lsc_loss.h"
#include "loss_impl.h"
#include "internal.h"

/* grad_{w_i} L = alpha_i sum_b gam_b grad_1 kappa(w_i, y_b) (b over all
   students and targets, b = i included: grad_1 kappa(w, w) = w/2 gives the
   1/2 alpha_i^2 w_i of MATH.md section 1).  With t = pi/2 - theta,
     grad_1 kappa(w, y) = y/4 + (|y| s w^ + t y)/(2 pi),
   and s = 1 - (1 - s), so
     grad_{w_i} L = alpha_i [ r/4 + (S - u_i) w^_i/(2 pi) + (T Y)_i/(2 pi) ]
   where r = sum_b gam_b y_b, S = sum_b gam_b |y_b| (compensated sums),
   u_i = sum_b gam_b |y_b| (1 - s_ib) and T_ib = gam_b t_ib.  For nearly
   orthogonal pairs 1 - s and t are small, so the dgemm T Y and u_i carry
   no large cancelling terms.  Accuracy: absolute error a few ulps times
   (|r| + |S| + sum_b |gam_b| |y_b| (|t_ib| + 1 - s_ib)), about 1e-15 near
   the minima of MATH.md section 4 at d = 100. */
int
lsc_loss_grad (double *L, double *G, const double *W, const lsc_problem *p,
               lsc_loss_workspace *ws)
{
  if (!G)
    LSC_ERROR ("lsc_loss_grad: NULL output", LSC_EFAULT);
  int rc = lsc_loss_prepare (ws, W, p);
  if (rc)
    return rc;
  size_t k = ws->k, d = ws->d, nr = ws->nr;
  double S = 0.0, Sc = 0.0;
  for (size_t a = 0; a < nr; a++)
    lsc_kahan_add (&S, &Sc, ws->gam[a] * ws->nrm[a]);
  S += Sc;
  for (size_t x = 0; x < d; x++)
    {
      double s = 0.0, c = 0.0;
      for (size_t a = 0; a < nr; a++)
        lsc_kahan_add (&s, &c, ws->gam[a] * ws->Y[a * d + x]);
      ws->r[x] = s + c;
    }
  /* T and u_i (u_i kept in ws->sc) */
  for (size_t i = 0; i < k; i++)
    {
      double u = 0.0;
      for (size_t b = 0; b < nr; b++)
        {
          lsc_pair g;
          lsc_loss_pair (&g, ws, i, b);
          ws->T[i * nr + b] = ws->gam[b] * g.t;
          u += ws->gam[b] * ws->nrm[b] * g.oms;
        }
      ws->sc[i] = u;
    }
  cblas_dgemm (CblasRowMajor, CblasNoTrans, CblasNoTrans, (int) k, (int) d,
               (int) nr, 1.0, ws->T, (int) nr, ws->Y, (int) d, 0.0, G,
               (int) d);
  for (size_t i = 0; i < k; i++)
    {
      double cw = (S - ws->sc[i]) / LSC_2PI;
      for (size_t x = 0; x < d; x++)
        G[i * d + x] = ws->gam[i]
                       * (0.25 * ws->r[x] + cw * ws->Yh[i * d + x]
                          + G[i * d + x] / LSC_2PI);
    }
  if (L)
    *L = lsc_loss_prepared (ws);
  /* Overflow of the loss or gradient (rows near 1e155 and beyond). */
  if ((L && !isfinite (*L)) || !lsc_all_finite (G, k * d))
    LSC_ERROR ("lsc_loss_grad: result overflows a double", LSC_ERANGE);
  return LSC_SUCCESS;
}
