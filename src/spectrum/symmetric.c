/* The full Hessian spectrum at a point with Young-type isotropy, by the
   isotypic route instead of a dense eigensolve (study target: V = I,
   alpha = beta = 1, integer k and d). */
#include <config.h>
#include <stdlib.h>
#include <math.h>
#include "landscape/lsc_isotypic.h"
#include "landscape/lsc_detect.h"
#include "internal.h"

static int
cmp_value (const void *a, const void *b)
{
  const lsc_iso_eigen *x = a, *y = b;
  return (x->value > y->value) - (x->value < y->value);
}

/* Whether the finest group of the isotypic chain can be represented: the
   small blocks split into singletons (they must have integer sizes) and
   two indices of block 0 singled out, within LSC_YOUNG_MAX row and column
   blocks (lsc_young_split_small, lsc_young_single_out).  Consulted only
   when the workspace cannot be made, to tell this structural limit
   (LSC_EUNSUP) from a lack of memory. */
static int
chain_fits (const lsc_young *G)
{
  double nr = 3.0, nc = 3.0;
  for (size_t r = 1; r < G->nrb; r++)
    {
      if (G->rsize[r] != floor (G->rsize[r]))
        return 0;
      nr += G->rsize[r];
    }
  for (size_t c = 0; c < G->ncb; c++)
    if ((int) c != G->pair[0])
      {
        if (G->csize[c] != floor (G->csize[c]))
          return 0;
        nc += G->csize[c];
      }
  return nr <= LSC_YOUNG_MAX && nc <= LSC_YOUNG_MAX;
}

/* Contract in lsc_isotypic.h. */
int
lsc_isotypic_full (lsc_eigen_cluster *grp, unsigned *comp, size_t *ng,
                   lsc_young *G, const double *W, size_t k, size_t d,
                   double dtol, double rtol, double atol)
{
  if (!grp || !comp || !ng || !G || !W)
    LSC_ERROR ("lsc_isotypic_full: NULL pointer", LSC_EFAULT);
  if (k == 0 || d == 0)
    LSC_ERROR ("lsc_isotypic_full: zero size", LSC_EBADLEN);
  if (!(dtol > 0.0) || !isfinite (dtol) || !(rtol >= 0.0) || !(atol >= 0.0))
    LSC_ERROR ("lsc_isotypic_full: bad tolerance", LSC_EBADTOL);
  *ng = 0;
  int rc = LSC_SUCCESS;
  lsc_detect_workspace *dw = lsc_detect_alloc (k, d);
  lsc_isotypic_workspace *iw = NULL;
  lsc_iso_eigen *out = NULL;
  double p[LSC_DETECT_MAXPARAMS];
  if (!dw)
    LSC_FAIL ("lsc_isotypic_full: out of memory", LSC_ENOMEM);
  if ((rc = lsc_detect (G, NULL, NULL, p, NULL, W, k, d, dtol, dw)))
    goto cleanup;
  /* The reduction singles out up to two indices of block 0, and every
     eigenvalue must be accounted for: block 0 of 3 or more. */
  if (G->rsize[0] < 3)
    LSC_FAIL ("lsc_isotypic_full: isotropy too small for the isotypic "
              "route (large block below 3)", LSC_EUNSUP);
  iw = lsc_isotypic_alloc (G);
  if (!iw && !chain_fits (G))
    LSC_FAIL ("lsc_isotypic_full: isotropy with more small-block indices "
              "than the isotypic route handles", LSC_EUNSUP);
  out = iw ? malloc (lsc_isotypic_max (iw) * sizeof *out) : NULL;
  if (!out)
    LSC_FAIL ("lsc_isotypic_full: out of memory", LSC_ENOMEM);
  size_t nout = 0;
  /* merge nothing inside the components: the grouping below is the one
     of lsc_eigen_group on the combined list */
  if ((rc = lsc_isotypic_spectrum (out, &nout, p, G, 0.0, 0.0, iw)))
    goto cleanup;
  qsort (out, nout, sizeof *out, cmp_value);
  double scale = 0.0, total = 0.0;
  for (size_t i = 0; i < nout; i++)
    {
      scale = fmax (scale, fabs (out[i].value));
      total += out[i].mult;
    }
  if (fabs (total - (double) (k * d)) > 0.5)
    LSC_FAIL ("lsc_isotypic_full: component multiplicities do not add up "
              "to k d", LSC_EFAILED);
  double tol = fmax (atol, rtol * scale);
  size_t g = 0;
  for (size_t i = 0; i < nout;)
    {
      size_t j = i + 1;
      while (j < nout && out[j].value - out[j - 1].value <= tol)
        j++;
      double sum = 0.0, mult = 0.0, lo = out[i].value, hi = out[j - 1].value;
      unsigned mask = 0;
      for (size_t q = i; q < j; q++)
        {
          sum += out[q].mult * out[q].value;
          mult += out[q].mult;
          mask |= 1u << out[q].irrep;
          lo = fmin (lo, out[q].value - out[q].spread);
          hi = fmax (hi, out[q].value + out[q].spread);
        }
      grp[g].value = sum / mult;
      grp[g].mult = (size_t) llround (mult);
      grp[g].spread = hi - lo;
      grp[g].first = 0;
      comp[g] = mask;
      g++;
      i = j;
    }
  /* first = index of the group's first member in the ascending full list */
  size_t first = 0;
  for (size_t q = 0; q < g; q++)
    {
      grp[q].first = first;
      first += grp[q].mult;
    }
  *ng = g;
cleanup:
  free (out);
  lsc_isotypic_free (iw);
  lsc_detect_free (dw);
  return rc;
}
