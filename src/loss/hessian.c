/* Full kd x kd Hessian of the loss in double precision, neuron-major,
   exactly symmetric. */
#include <config.h>
#include <math.h>
#include <cblas.h>
#include "landscape/lsc_loss.h"
#include "loss_impl.h"
#include "internal.h"

/* p^ = (w^_i + y^_b)/(2 ch), q^ = (w^_i - y^_b)/(2 sh) into ws->p, ws->q
   (0 where ch or sh vanish: those terms carry a factor s = 0). */
static void
pq_vectors (lsc_loss_workspace *ws, const lsc_pair *g, size_t i, size_t b)
{
  size_t d = ws->d;
  const double *u = ws->Yh + i * d, *v = ws->Yh + b * d;
  double fp = g->ch > 0.0 ? 0.5 / g->ch : 0.0;
  double fq = g->sh > 0.0 ? 0.5 / g->sh : 0.0;
  for (size_t x = 0; x < d; x++)
    {
      ws->p[x] = (u[x] + v[x]) * fp;
      ws->q[x] = (u[x] - v[x]) * fq;
    }
}

/* MATH.md section 1 with the stable forms of lsc_kernel_hess:
     H_ii = 1/2 alpha_i^2 I + sum_{b != i} alpha_i gam_b h1(w_i, y_b),
       h1 = |y| s/(2 pi |w|) (I - w^ w^T + n n^T),  n = sh p^ - ch q^,
     H_ij = alpha_i alpha_j h2(w_i, w_j),
       h2 = ((pi - theta) I + s (p^ p^T - q^ q^T))/(2 pi).
   The rank-(k+m) sum of n n^T is one dgemm per i.  Blocks on and above the
   block diagonal are computed, then the upper triangle is mirrored, so H is
   exactly symmetric.  Accuracy: a few ulps times the sum of absolute
   values of the terms of each entry (about (k + m)/(2 pi)). */
int
lsc_loss_hessian (double *H, const double *W, const lsc_problem *p,
                  lsc_loss_workspace *ws)
{
  if (!H)
    LSC_ERROR ("lsc_loss_hessian: NULL output", LSC_EFAULT);
  int rc = lsc_loss_prepare (ws, W, p);
  if (rc)
    return rc;
  size_t k = ws->k, d = ws->d, nr = ws->nr, kd = k * d;
  for (size_t i = 0; i < k; i++)
    {
      double *Hii = H + i * d * kd + i * d;
      const double *wh = ws->Yh + i * d;
      double ai = ws->gam[i], sigma = 0.0;
      for (size_t b = 0; b < nr; b++)
        {
          double *nb = ws->N + b * d, *mb = ws->M + b * d;
          if (b == i)
            {
              for (size_t x = 0; x < d; x++)
                nb[x] = mb[x] = 0.0;
              continue;
            }
          lsc_pair g;
          lsc_loss_pair (&g, ws, i, b);
          pq_vectors (ws, &g, i, b);
          double lam = ai * ws->gam[b] * ws->nrm[b] * g.s
                       / (LSC_2PI * ws->nrm[i]);
          sigma += lam;
          for (size_t x = 0; x < d; x++)
            {
              nb[x] = g.sh * ws->p[x] - g.ch * ws->q[x];
              mb[x] = lam * nb[x];
            }
          if (b > i && b < k)
            {
              /* off-diagonal block H_ib = alpha_i alpha_b h2(w_i, w_b) */
              double f = ai * ws->gam[b] / LSC_2PI;
              double *Hib = H + i * d * kd + b * d;
              for (size_t x = 0; x < d; x++)
                for (size_t z = 0; z < d; z++)
                  Hib[x * kd + z]
                      = f * ((x == z ? LSC_PI - g.theta : 0.0)
                             + g.s * (ws->p[x] * ws->p[z]
                                      - ws->q[x] * ws->q[z]));
            }
        }
      for (size_t x = 0; x < d; x++)
        for (size_t z = 0; z < d; z++)
          Hii[x * kd + z] = (x == z ? 0.5 * ai * ai + sigma : 0.0)
                            - sigma * wh[x] * wh[z];
      cblas_dgemm (CblasRowMajor, CblasTrans, CblasNoTrans, (int) d, (int) d,
                   (int) nr, 1.0, ws->N, (int) d, ws->M, (int) d, 1.0, Hii,
                   (int) kd);
    }
  /* mirror the upper triangle in 64 x 64 tiles (cache-friendly) */
  const size_t tb = 64;
  for (size_t r0 = 0; r0 < kd; r0 += tb)
    for (size_t c0 = 0; c0 <= r0; c0 += tb)
      for (size_t r = r0; r < r0 + tb && r < kd; r++)
        for (size_t c = c0; c < c0 + tb && c < r; c++)
          H[r * kd + c] = H[c * kd + r];
  /* Entries scale like |w_b| / |w_i|: a row of subnormal norm overflows. */
  if (!lsc_all_finite (H, kd * kd))
    LSC_ERROR ("lsc_loss_hessian: Hessian overflows a double", LSC_ERANGE);
  return LSC_SUCCESS;
}
