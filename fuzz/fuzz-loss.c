/* libFuzzer harness: kernel, loss, gradient and Hessian on hostile values.
   Input: byte 0 = k-1 (mod 4), byte 1 = d-1 (mod 4), byte 2 = m-1 (mod 4)
   and flags (bit 2: explicit V, bit 3: alpha, bit 4: beta), then raw
   doubles (any bit pattern: NaN, inf, subnormals, 1e300) for W, V, alpha,
   beta.  Every call must return an error status or finite results. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <math.h>
#include "landscape.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static void
quiet (const char *reason, const char *file, int line, int status)
{
}

static void
need_finite (const double *x, size_t n)
{
  for (size_t i = 0; i < n; i++)
    if (!isfinite (x[i]))
      abort ();
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  lsc_set_error_handler (quiet);
  if (size < 3)
    return 0;
  size_t k = (data[0] & 3) + 1, d = (data[1] & 3) + 1;
  size_t m = (data[2] & 3) + 1;
  int hasV = (data[2] >> 2) & 1, hasA = (data[2] >> 3) & 1;
  int hasB = (data[2] >> 4) & 1;
  if (!hasV)
    m = d;
  size_t nW = k * d, nV = hasV ? m * d : 0, nA = hasA ? k : 0;
  size_t nB = hasB ? m : 0, n = nW + nV + nA + nB;
  if (size - 3 < n * sizeof (double))
    return 0;
  double x[64 + 16 + 8], G[16], H[256], kap, g[4], h1[16], h2[16];
  memcpy (x, data + 3, n * sizeof (double));
  const double *W = x, *V = hasV ? x + nW : NULL;
  const double *A = hasA ? x + nW + nV : NULL;
  const double *B = hasB ? x + nW + nV + nA : NULL;

  /* Kernel between the first rows of W and of V (or W's second row). */
  const double *v = V ? V : (k > 1 ? W + d : W);
  if (lsc_kernel (&kap, W, v, d) == LSC_SUCCESS)
    need_finite (&kap, 1);
  if (lsc_kernel_grad (g, W, v, d) == LSC_SUCCESS)
    need_finite (g, d);
  if (lsc_kernel_hess (h1, h2, W, v, d) == LSC_SUCCESS)
    {
      need_finite (h1, d * d);
      need_finite (h2, d * d);
    }

  lsc_problem p = { k, d, m, V, A, B };
  lsc_loss_workspace *ws = lsc_loss_workspace_alloc (k, d, m);
  if (!ws)
    abort ();
  double L;
  if (lsc_loss (&L, W, &p, ws) == LSC_SUCCESS)
    need_finite (&L, 1);
  if (lsc_loss_grad (&L, G, W, &p, ws) == LSC_SUCCESS)
    {
      need_finite (&L, 1);
      need_finite (G, nW);
    }
  if (lsc_loss_hessian (H, W, &p, ws) == LSC_SUCCESS)
    {
      need_finite (H, nW * nW);
      for (size_t i = 0; i < nW; i++)
        for (size_t j = 0; j < i; j++)
          if (H[i * nW + j] != H[j * nW + i])
            abort ();
    }
  lsc_loss_workspace_free (ws);
  return 0;
}
