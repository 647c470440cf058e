/* The dimension grids of a scan (D, A:B:STEP, A:B:logN) and the rounding
   noise floor of its loss and gradient columns (lsc_jobs(3)). */
#include <config.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "landscape/lsc_jobs.h"
#include "internal.h"

/* Round to 12 significant digits: 5.5 + 3 * 0.1 is 5.8. */
static double
round12 (double x)
{
  char b[40];
  snprintf (b, sizeof b, "%.12g", x);
  return strtod (b, NULL);
}

int
lsc_grid (double **v, size_t *n, double a, double b, double step,
          long perdec)
{
  *v = NULL;
  *n = 0;
  int lg = perdec > 0;
  if (!(a > 0) || !(b >= a) || !isfinite (b) || (a < b && !lg && !(step > 0))
      || !isfinite (step))
    LSC_ERROR ("lsc_grid: need 0 < a <= b and a positive step", LSC_EINVAL);
  double count = 1;
  if (a < b)
    {
      count = lg ? floor ((double) perdec * log10 (b / a) + 1e-9) + 1
                 : floor ((b - a) / step + 1e-9) + 1;
      /* the end point is always included: the grid's last point is
         snapped to it when within rounding, else it is added */
      double last = lg ? a * pow (10, (count - 1) / (double) perdec)
                       : a + (count - 1) * step;
      count += !(fabs (b - last) <= 1e-9 * b);
    }
  if (!(count <= LSC_GRID_MAX))
    return LSC_ELIMIT;
  *n = (size_t) count;
  if (!(*v = malloc (*n * sizeof **v)))
    {
      *n = 0;
      return LSC_ENOMEM;
    }
  for (size_t i = 0; i < *n; i++)
    (*v)[i] = lg ? (i ? a * pow (10, (double) i / (double) perdec) : a)
                 : round12 (a + (double) i * step);
  (*v)[*n - 1] = b;
  return LSC_SUCCESS;
}

double
lsc_scan_noise_bound (const lsc_scan_opts *o, double k)
{
  long p = o->fast ? 53 : o->prec ? o->prec : 128;
  return ldexp ((k + 1) * (k + 1), (int) (8 - p));
}
