/* Gradient of the loss in double precision, arranged like the loss so that
   the large terms cancel analytically (one matrix product for the rest). */
#include <config.h>
#include <math.h>
#include <cblas.h>
#include "landscape/lsc_loss.h"
#include "loss_impl.h"
#include "internal.h"
#include "../kernel/vmath.h"
#include "../kernel/vgemm.h"

/* grad_{w_i} L = alpha_i sum_b gam_b grad_1 kappa(w_i, y_b) (b over all
   students and targets, b = i included: grad_1 kappa(w, w) = w/2 gives the
   1/2 alpha_i^2 w_i of landscape(7), MODEL).  With t = pi/2 - theta,
     grad_1 kappa(w, y) = y/4 + (|y| s w^ + t y)/(2 pi),
   and s = 1 - (1 - s), so
     grad_{w_i} L = alpha_i [ r/4 + (S - u_i) w^_i/(2 pi) + (T Y)_i/(2 pi) ]
   where r = sum_b gam_b y_b, S = sum_b gam_b |y_b| (compensated sums),
   u_i = sum_b gam_b |y_b| (1 - s_ib) and T_ib = gam_b t_ib.  For nearly
   orthogonal pairs 1 - s and t are small, so the dgemm T Y and u_i carry
   no large cancelling terms.  Accuracy: absolute error a few ulps times
   (|r| + |S| + sum_b |gam_b| |y_b| (|t_ib| + 1 - s_ib)), about 1e-15 near
   the minima of landscape-families(5) at d = 100. */
int
lsc_loss_grad (double *L, double *G, const double *W, const lsc_problem *p,
               lsc_loss_workspace *ws)
{
  if (!G)
    LSC_ERROR ("lsc_loss_grad: NULL output", LSC_EFAULT);
  int rc = lsc_loss_prepare (ws, W, p);
  if (rc)
    return rc;
  size_t k = ws->k, d = ws->d, m = ws->m, nr = ws->nr;
  double S;
  lsc_loss_geometry (ws, p, L != NULL, &S);
  /* u = OM (gam |y|): symmetric student block (upper triangle), then
     the student-target block */
  cblas_dsymv (CblasRowMajor, CblasUpper, (int) k, 1.0, ws->OM, (int) nr,
               ws->gn, 1, 0.0, ws->sc, 1);
  cblas_dgemv (CblasRowMajor, CblasNoTrans, (int) k, (int) m, 1.0,
               ws->OM + k, (int) nr, ws->gn + k, 1, 1.0, ws->sc, 1);
  /* G <- sum_b gam_b t_ib y_b / (2 pi) over the students, and over the
     targets too for a general V (one product, lsc_vg_tprod); for V = I
     the target part is entrywise */
  const double c2 = 1.0 / LSC_2PI;
  lsc_vg_tprod (ws->vg, G, c2, ws->T, nr, k, p->V ? nr : k,
                p->alpha || p->V ? ws->gam : NULL, ws->Y, d);
  if (!p->V && p->beta)
    for (size_t i = 0; i < k; i++)
      {
        const double *ti = ws->T + i * nr + k;
        double *gi = G + i * d;
        for (size_t x = 0; x < d; x++)
          gi[x] += c2 * (ws->gam[k + x] * ti[x]);
      }
  /* the rest, and the finiteness check of each row while it is in the
     cache */
  int finite = 1;
  for (size_t i = 0; i < k; i++)
    {
      double *gi = G + i * d;
      double big = lsc_vm_axpy3 (gi, 0.25, ws->r, (S - ws->sc[i]) * c2,
                                 ws->Yh + i * d,
                                 !p->V && !p->beta ? -c2 : 0.0,
                                 ws->T + i * nr + k, d);
      if (p->alpha)
        {
          for (size_t x = 0; x < d; x++)
            gi[x] *= ws->gam[i];
          big = lsc_vm_maxabs (gi, d);
        }
      finite &= isfinite (big);
    }
  if (L)
    *L = lsc_loss_from_geometry (ws, p, S);
  /* Overflow of the loss or gradient (rows near 1e155 and beyond). */
  if ((L && !isfinite (*L)) || !finite)
    LSC_ERROR ("lsc_loss_grad: result overflows a double", LSC_ERANGE);
  return LSC_SUCCESS;
}
