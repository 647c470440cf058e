/* The split curvature D_i = H_ii - I/2 of a neuron, from the kernel
   Hessians: the inertia a neuron split adds to a critical point. */
#include <config.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "landscape/lsc_overparam.h"
#include "landscape/lsc_kernel.h"
#include "landscape/lsc_spectrum.h"
#include "internal.h"

int
lsc_overparam_curvature (double *eval, const double *W, const lsc_problem *p,
                         size_t i)
{
  if (!eval || !W || !p)
    LSC_ERROR ("lsc_overparam_curvature: NULL argument", LSC_EFAULT);
  int rc = lsc_problem_check (p, W);
  if (rc)
    return rc;
  if (i >= p->k)
    LSC_ERROR ("lsc_overparam_curvature: no such row", LSC_EINVAL);
  for (size_t j = 0; p->alpha && j < p->k; j++)
    if (p->alpha[j] != 1.0)
      LSC_ERROR ("lsc_overparam_curvature: output weights must be 1 (a "
                 "split keeps the function only then)", LSC_EINVAL);
  const size_t d = p->d;
  double *D = calloc (d * d, sizeof *D), *h = malloc (d * d * sizeof *h);
  double *e = NULL;
  lsc_eigen_workspace *ew = lsc_eigen_workspace_alloc (d, 0);
  if (!D || !h || !ew)
    LSC_FAIL ("lsc_overparam_curvature: out of memory", LSC_ENOMEM);
  if (!p->V && !(e = calloc (d, sizeof *e)))
    LSC_FAIL ("lsc_overparam_curvature: out of memory", LSC_ENOMEM);
  const double *wi = W + i * d;
  for (size_t j = 0; j < p->k; j++)
    {
      if (j == i)
        continue;
      if ((rc = lsc_kernel_hess (h, NULL, wi, W + j * d, d)) != 0)
        goto cleanup;
      for (size_t a = 0; a < d * d; a++)
        D[a] += h[a];
    }
  for (size_t j = 0; j < p->m; j++)
    {
      const double *v = p->V ? p->V + j * d : e;
      if (!p->V)
        {
          memset (e, 0, d * sizeof *e);
          e[j] = 1.0;
        }
      double b = p->beta ? p->beta[j] : 1.0;
      if ((rc = lsc_kernel_hess (h, NULL, wi, v, d)) != 0)
        goto cleanup;
      for (size_t a = 0; a < d * d; a++)
        D[a] -= b * h[a];
    }
  /* h1 is symmetric in exact arithmetic; symmetrise the rounding. */
  for (size_t a = 0; a < d; a++)
    for (size_t c = a + 1; c < d; c++)
      D[a * d + c] = D[c * d + a] = 0.5 * (D[a * d + c] + D[c * d + a]);
  if (!lsc_all_finite (D, d * d))
    LSC_FAIL ("lsc_overparam_curvature: non-finite curvature",
              LSC_ENONFINITE);
  rc = lsc_eigen_symm (eval, NULL, D, d, ew);
cleanup:
  lsc_eigen_workspace_free (ew);
  free (e);
  free (h);
  free (D);
  return rc;
}
