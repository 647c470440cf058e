/* Full kd x kd Hessian of the loss in double precision, neuron-major,
   exactly symmetric, or its lower triangle only. */
#include <config.h>
#include <math.h>
#include <cblas.h>
#include "landscape/lsc_loss.h"
#include "loss_impl.h"
#include "internal.h"
#include "../kernel/vmath.h"

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

/* landscape(7), MODEL with the stable forms of lsc_kernel_hess:
     H_ii = 1/2 alpha_i^2 I + sum_{b != i} alpha_i gam_b h1(w_i, y_b),
       h1 = |y| s/(2 pi |w|) (I - w^ w^T + n n^T),  n = sh p^ - ch q^,
     H_ij = alpha_i alpha_j h2(w_i, w_j),
       h2 = ((pi - theta) I + s (p^ p^T - q^ q^T))/(2 pi).
   The rank-(k+m) sum of n n^T is one dgemm per i.  Only the blocks on and
   below the block diagonal are computed (row-major lower triangle: the
   triangle lsc_eigen_symm hands to LAPACK); each row of an off-diagonal
   block is one vectorised combination a p^ + b q^ plus its diagonal
   entry.  Accuracy: a few ulps times the sum of absolute values of the
   terms of each entry (about (k + m)/(2 pi)).
   Finiteness is checked where it can fail: an off-diagonal entry is
   bounded by |alpha_i alpha_j| (pi + 2)/(2 pi), so only those products and
   the diagonal blocks (entries ~ |w_b| / |w_i|) are scanned. */
/* The block row of neuron i into Hi (d rows of stride kd): the diagonal
   block and the off-diagonal blocks H_ib for b < i, or for every b != i
   when all is set.  Returns 0 when a scanned entry is not finite. */
static int
block_row (double *Hi, size_t i, int all, lsc_loss_workspace *ws)
{
  size_t k = ws->k, d = ws->d, nr = ws->nr, kd = k * d;
  int finite = 1;
  double *Hii = Hi + i * d;
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
      if (b < k && (b < i || all))
        {
          /* off-diagonal block H_ib = alpha_i alpha_b h2(w_i, w_b) */
          double f = ai * ws->gam[b] / LSC_2PI, fs = f * g.s;
          double *Hib = Hi + b * d;
          finite &= isfinite (f);
          for (size_t x = 0; x < d; x++)
            {
              double *row = Hib + x * kd;
              lsc_vm_lincomb2 (row, fs * ws->p[x], ws->p, -fs * ws->q[x],
                               ws->q, d);
              row[x] += f * (LSC_PI - g.theta);
            }
        }
    }
  for (size_t x = 0; x < d; x++)
    for (size_t z = 0; z < d; z++)
      Hii[x * kd + z] = (x == z ? 0.5 * ai * ai + sigma : 0.0)
                        - sigma * wh[x] * wh[z];
  cblas_dgemm (CblasRowMajor, CblasTrans, CblasNoTrans, (int) d, (int) d,
               (int) nr, 1.0, ws->N, (int) d, ws->M, (int) d, 1.0, Hii,
               (int) kd);
  for (size_t x = 0; x < d; x++)
    finite &= lsc_all_finite (Hii + x * kd, d);
  return finite;
}

int
lsc_loss_hessian_lower (double *H, const double *W, const lsc_problem *p,
                        lsc_loss_workspace *ws)
{
  if (!H)
    LSC_ERROR ("lsc_loss_hessian: NULL output", LSC_EFAULT);
  int rc = lsc_loss_prepare (ws, W, p);
  if (rc)
    return rc;
  size_t k = ws->k, d = ws->d, kd = k * d;
  int finite = 1;
  for (size_t i = 0; i < k; i++)
    finite &= block_row (H + i * d * kd, i, 0, ws);
  /* Entries scale like |w_b| / |w_i|: a row of subnormal norm overflows. */
  if (!finite)
    LSC_ERROR ("lsc_loss_hessian: Hessian overflows a double", LSC_ERANGE);
  return LSC_SUCCESS;
}

/* Rows i d .. i d + d - 1 of the full Hessian (the block row of neuron i,
   d x kd row-major), as lsc_loss_hessian would give them (same
   arithmetic entry by entry).  Cost O((k + m) d^2), no kd x kd array. */
int
lsc_loss_hessian_rows (double *R, size_t i, const double *W,
                       const lsc_problem *p, lsc_loss_workspace *ws)
{
  if (!R)
    LSC_ERROR ("lsc_loss_hessian_rows: NULL output", LSC_EFAULT);
  int rc = lsc_loss_prepare (ws, W, p);
  if (rc)
    return rc;
  if (i >= ws->k)
    LSC_ERROR ("lsc_loss_hessian_rows: neuron out of range", LSC_EINVAL);
  if (!block_row (R, i, 1, ws))
    LSC_ERROR ("lsc_loss_hessian_rows: Hessian overflows a double",
               LSC_ERANGE);
  return LSC_SUCCESS;
}

/* The full Hessian: the lower triangle, mirrored in 64 x 64 tiles, so H
   is exactly symmetric. */
int
lsc_loss_hessian (double *H, const double *W, const lsc_problem *p,
                  lsc_loss_workspace *ws)
{
  int rc = lsc_loss_hessian_lower (H, W, p, ws);
  if (rc)
    return rc;
  const size_t tb = 64, kd = ws->k * ws->d;
  for (size_t r0 = 0; r0 < kd; r0 += tb)
    for (size_t c0 = r0; c0 < kd; c0 += tb)
      for (size_t r = r0; r < r0 + tb && r < kd; r++)
        for (size_t c = c0 > r + 1 ? c0 : r + 1; c < c0 + tb && c < kd; c++)
          H[r * kd + c] = H[c * kd + r];
  return LSC_SUCCESS;
}
