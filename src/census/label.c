/* Census job: labels of the runs whose class has no catalogue name. */
#include <config.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include "landscape.h"

void
lsc_census_label (lsc_census_run *r, lsc_census_labels *nf, double ptol)
{
  if (r->kind == LSC_CLASS_NOSYM)
    strcpy (r->family, "none");
  else if (r->kind == LSC_CLASS_UNSUP)
    strcpy (r->family, "unclassified");
  if (r->kind != LSC_CLASS_NEW)
    return;
  for (size_t i = 0; i < nf->n; i++)
    {
      const lsc_census_run *f = nf->first[i];
      if (strcmp (f->isotropy, r->isotropy) || f->np != r->np)
        continue;
      double dev = 0;
      for (size_t j = 0; j < r->np; j++)
        dev = fmax (dev, fabs (f->p[j] - r->p[j]));
      if (dev <= ptol)
        {
          snprintf (r->family, sizeof r->family, "new-%zu", i + 1);
          return;
        }
    }
  if (nf->n == sizeof nf->first / sizeof nf->first[0])
    {
      /* no number left: never reuse another family's */
      strcpy (r->family, "new");
      return;
    }
  nf->first[nf->n++] = r;
  snprintf (r->family, sizeof r->family, "new-%zu", nf->n);
}
