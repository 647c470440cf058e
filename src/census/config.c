/* A census's settings turned into descent parameters, with the target
   checked (lsc_census(3)). */
#include <config.h>
#include <stdio.h>
#include <string.h>
#include "landscape/lsc_census.h"
#include "internal.h"

int
lsc_census_config_params (lsc_descent_params *par,
                          const lsc_census_config *cf, const double *V,
                          char *err, size_t errlen)
{
  if (!par || !cf || !cf->method || !err)
    LSC_ERROR ("lsc_census_config_params: NULL argument", LSC_EFAULT);
  if (strcmp (cf->method, "gd") && strcmp (cf->method, "lbfgs"))
    {
      snprintf (err, errlen, "method '%s': expected gd or lbfgs",
                cf->method);
      return LSC_EINVAL;
    }
  lsc_descent_params_init (par);
  par->method = strcmp (cf->method, "gd") ? LSC_DESCENT_LBFGS
                                          : LSC_DESCENT_GD;
  par->step_c = cf->step;
  par->gtol = cf->gtol;
  par->maxiter = cf->maxiter;
  /* a zero row of V: the loss is not differentiable along it */
  for (size_t i = 0; V && i < cf->m; i++)
    {
      size_t j = 0;
      while (j < cf->d && V[i * cf->d + j] == 0.0)
        j++;
      if (j == cf->d)
        {
          snprintf (err, errlen, "%s: row %zu of the target is zero",
                    cf->target ? cf->target : "target", i + 1);
          return LSC_EDOM;
        }
    }
  return LSC_SUCCESS;
}
