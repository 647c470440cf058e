/* A census's settings: their defaults, and turned into descent
   parameters with the settings and the target checked (lsc_census(3)). */
#include <config.h>
#include <stdio.h>
#include <string.h>
#include <stdlib.h>
#include "landscape/lsc_census.h"
#include "landscape/lsc_io.h"
#include "internal.h"

void
lsc_census_config_init (lsc_census_config *cf)
{
  memset (cf, 0, sizeof *cf);
  cf->seed = 1;
  cf->method = "lbfgs";
  cf->step = 2.0;
  cf->gtol = 1e-8;
  cf->maxiter = 100000;
  cf->target = "identity";
}

int
lsc_census_config_sizes (lsc_census_config *cf, double **V, size_t k,
                         size_t d, const lsc_io_limits *lim, char *err,
                         size_t errlen)
{
  *V = NULL;
  cf->k = k;
  cf->m = 0;
  cf->target_hash = 0;
  if (cf->target && strcmp (cf->target, "identity") != 0)
    {
      size_t rows, cols;
      int st = lsc_matrix_read_file_limited (V, &rows, &cols, NULL,
                                             cf->target, lim, err, errlen);
      if (st)
        return st;
      /* the resume file records the target by its bytes */
      cf->target_hash = lsc_census_hash (*V, rows * cols * sizeof **V);
      if (d && d != cols)
        {
          snprintf (err, errlen, "%s: target has %zu columns, --d is %zu",
                    cf->target, cols, d);
          free (*V);
          *V = NULL;
          return LSC_EINVAL;
        }
      d = cols;
      cf->m = rows;
    }
  cf->d = d ? d : k;
  if (!cf->m)
    cf->m = cf->d;
  return LSC_SUCCESS;
}

int
lsc_census_config_params (lsc_descent_params *par,
                          const lsc_census_config *cf, const double *V,
                          char *err, size_t errlen)
{
  if (!par || !cf || !cf->method || !err)
    LSC_ERROR ("lsc_census_config_params: NULL argument", LSC_EFAULT);
  if (strcmp (cf->method, "gd") && strcmp (cf->method, "lbfgs"))
    {
      snprintf (err, errlen, "invalid argument '%s' for --method: "
                "expected gd or lbfgs",
                cf->method);
      return LSC_EINVAL;
    }
  if (!(cf->step > 0) || !(cf->gtol > 0) || cf->maxiter < 1)
    {
      snprintf (err, errlen, "invalid argument '%g' for --%s: must be "
                "positive", !(cf->step > 0) ? cf->step : !(cf->gtol > 0)
                ? cf->gtol : (double) cf->maxiter, !(cf->step > 0) ? "step"
                : !(cf->gtol > 0) ? "gtol" : "maxiter");
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
