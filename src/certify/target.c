/* The global minimum W = V as a theorem: no enclosure is needed for its
   critical point, which is exact and the same for every d. */
#include <config.h>
#include <stdio.h>
#include "internal.h"
#include "landscape/lsc_certify.h"

int
lsc_certify_target (lsc_cert_crit *res, const lsc_young *G, const double *p)
{
  if (!res || !G || !p || !res->box)
    LSC_ERROR ("NULL argument", LSC_EFAULT);
  int rc = lsc_young_check (G);
  if (rc)
    return rc;
  size_t np = lsc_young_nparams (G);
  if (res->np != np)
    LSC_ERROR ("result sized for another group", LSC_EINVAL);
  res->proved = 0;
  res->radius = 0;
  res->reason[0] = 0;
  int target = 1;
  for (size_t r = 0; r < G->nrb; r++)
    target = target && G->pair[r] >= 0; /* k = d: every row has its column */
  for (size_t i = 0; i < np && target; i++)
    {
      lsc_param_info in;
      if ((rc = lsc_young_param (&in, G, i)))
        return rc;
      /* W = V = I: the diagonal of every paired block 1, all else 0
         (exact doubles: an exact statement about the point) */
      target = p[i] == (in.kind == LSC_PARAM_DIAG ? 1.0 : 0.0);
    }
  for (size_t i = 0; i < np; i++)
    arb_set_d (res->box + i, p[i]);
  if (!target)
    {
      snprintf (res->reason, sizeof res->reason,
                "the point is not the target W = V");
      arb_indeterminate (res->loss);
      return LSC_SUCCESS;
    }
  /* f_W = f_V: the loss is 0, its least value, and it is continuously
     differentiable at W (no zero row), so its gradient vanishes there */
  arb_zero (res->loss);
  res->proved = 1;
  return LSC_SUCCESS;
}
