/* Isotypic labels of a full spectrum's distinct eigenvalues from the
   reduced spectrum at the detected isotropy: the one implementation used
   by landscape-eval's component column and the Python package's
   spectrum(). */
#include <config.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "internal.h"
#include "landscape/lsc_detect.h"
#include "landscape/lsc_isotypic.h"
#include "landscape/lsc_spectrum.h"

int
lsc_isotypic_cluster_labels (char (*label)[LSC_LABEL_LEN], lsc_young *Gout,
                             const lsc_eigen_cluster *grp,
                             size_t ng, const double *W, size_t k, size_t d,
                             double etol, double dtol)
{
  if (!label || (ng && !grp) || !W || !k || !d)
    LSC_ERROR ("lsc_isotypic_cluster_labels: NULL argument or empty W",
               LSC_EFAULT);
  for (size_t g = 0; g < ng; g++)
    label[g][0] = '\0';
  if (Gout)
    memset (Gout, 0, sizeof *Gout);
  double wmax = 1;
  for (size_t i = 0; i < k * d; i++)
    {
      if (!isfinite (W[i]))
        LSC_ERROR ("lsc_isotypic_cluster_labels: non-finite entry in W",
                   LSC_ENONFINITE);
      wmax = fmax (wmax, fabs (W[i]));
    }
  lsc_detect_workspace *dw = lsc_detect_alloc (k, d);
  if (!dw)
    LSC_ERROR ("lsc_isotypic_cluster_labels: out of memory", LSC_ENOMEM);
  lsc_young G;
  double p[LSC_DETECT_MAXPARAMS];
  int st = lsc_detect (&G, NULL, NULL, p, NULL, W, k, d, dtol * wmax, dw);
  lsc_detect_free (dw);
  if (st || G.rsize[0] < 3)
    return LSC_SUCCESS;         /* no Young isotropy with a large block */
  lsc_isotypic_workspace *iw = lsc_isotypic_alloc (&G);
  lsc_iso_eigen *out = iw ? malloc (lsc_isotypic_max (iw) * sizeof *out)
                          : NULL;
  size_t nout = 0;
  if (!out || lsc_isotypic_spectrum (out, &nout, p, &G, 1e-10, 0, iw))
    nout = 0;
  for (size_t g = 0; g < ng && nout; g++)
    {
      double msum = 0;
      int seen[4] = { 0, 0, 0, 0 };
      for (size_t i = 0; i < nout; i++)
        if (fabs (out[i].value - grp[g].value) <= etol)
          {
            msum += out[i].mult;
            seen[out[i].irrep] = 1;
          }
      if (fabs (msum - (double) grp[g].mult) > 0.5)
        {
          snprintf (label[g], LSC_LABEL_LEN, "?");
          continue;
        }
      for (int r = 0; r < 4; r++)
        if (seen[r])
          {
            size_t l = strlen (label[g]);
            snprintf (label[g] + l, LSC_LABEL_LEN - l, "%s%s",
                      l ? "+" : "", lsc_irrep_name (r));
          }
    }
  if (nout && Gout)
    *Gout = G;
  free (out);
  lsc_isotypic_free (iw);
  return LSC_SUCCESS;
}
