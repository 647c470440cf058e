/* Census job: labels of the runs whose class has no catalogue name: a
   name derived from the isotropy (lsc_branch_family_name). */
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
  /* the name of the family: derived from its isotropy and the signs of
     its block diagonals (lsc_branch_family_name), so that one family gets
     one name in every census whatever the order of its runs */
  char name[64] = "new";
  lsc_young G;
  char err[128];
  /* the name does not depend on d (only on the small blocks, which the
     spec gives): parse at a d that leaves the large block L >= 1 */
  lsc_error_handler_t *old = lsc_set_error_handler (NULL);
  if ((lsc_isotropy_parse (&G, r->isotropy, 1e6, err, sizeof err) == 0
       || lsc_isotropy_parse (&G, r->isotropy, 1e12, err, sizeof err) == 0)
      && lsc_young_nparams (&G) == r->np
      && lsc_branch_family_name (name, sizeof name, &G, r->p) != 0)
    strcpy (name, "new");
  lsc_set_error_handler (old);
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
          memcpy (r->family, f->family, sizeof r->family);
          return;
        }
    }
  /* another family met before has this name (same isotropy and signs,
     other parameters): told apart by the loss */
  for (size_t i = 0; i < nf->n; i++)
    if (strcmp (nf->first[i]->family, name) == 0)
      {
        char tmp[64];
        snprintf (tmp, sizeof tmp, "%.40s/L%.6g", name, r->loss);
        memcpy (name, tmp, sizeof name);
        break;
      }
  if (nf->n == sizeof nf->first / sizeof nf->first[0])
    {
      /* no number left: never reuse another family's */
      snprintf (r->family, sizeof r->family, "%s", name);
      return;
    }
  snprintf (r->family, sizeof r->family, "%s", name);
  nf->first[nf->n++] = r;
}

void
lsc_census_label_catalogue (lsc_census_run *r, lsc_census_labels *nf,
                            double ptol, const lsc_catalogue *cat)
{
  lsc_census_label (r, nf, ptol);
  /* The classifier called the point new, so a catalogue family bearing
     its derived name (Y4e1_af at d = 18, a second rows:L,4,1 af branch,
     once) is another family: told apart by the loss.  Later runs of the
     same family copy the amended name from its first run. */
  if (r->kind == LSC_CLASS_NEW && cat && lsc_catalogue_find (cat, r->family))
    {
      char tmp[64];
      snprintf (tmp, sizeof tmp, "%.40s/L%.6g", r->family, r->loss);
      snprintf (r->family, sizeof r->family, "%s", tmp);
    }
}
