/* Shared helper of the symmetry test programs: family-shaped points of a
   fixed-point space. */
#ifndef LSC_TESTUTIL_YOUNG_H
#define LSC_TESTUTIL_YOUNG_H

#include <gsl/gsl_rng.h>
#include <gsl/gsl_randist.h>
#include "landscape/lsc_young.h"

/* A random point of Fix(G) shaped like the families: diagonals near +1
   (70%) or -0.8, other entries small. */
static inline void
random_params (double *p, const lsc_young *G, gsl_rng *rng)
{
  size_t np = lsc_young_nparams (G);
  for (size_t i = 0; i < np; i++)
    {
      lsc_param_info pi;
      lsc_young_param (&pi, G, i);
      p[i] = pi.kind == LSC_PARAM_DIAG
                 ? (gsl_rng_uniform (rng) < 0.7 ? 1 : -0.8)
                       + 0.1 * gsl_ran_gaussian (rng, 1)
                 : 0.15 * gsl_ran_gaussian (rng, 1);
    }
}

#endif
