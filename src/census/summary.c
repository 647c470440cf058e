/* Census results aggregated: the families met with their counts and loss
   ranges, the totals (global minimum, spurious minima, saddles, failed
   runs) and the spurious fraction, one rule for every report
   (landscape-census's summary and totals, its --fractions table, the
   Python package). */
#include <config.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "internal.h"
#include "landscape/lsc_census.h"

double
lsc_census_loss_noise (size_t k)
{
  return ldexp ((double) (k + 1) * (double) (k + 1), -45);
}

int
lsc_census_outcome (const lsc_census_run *r)
{
  if (!r || !r->done || r->kind < 0)
    return LSC_CENSUS_FAILED;
  if (r->kind == LSC_CLASS_GLOBAL)
    return LSC_CENSUS_GLOBAL;
  return r->index == 0 ? LSC_CENSUS_SPURIOUS : LSC_CENSUS_SADDLE;
}

void
lsc_census_summary_clear (lsc_census_summary *s)
{
  if (!s)
    return;
  free (s->fam);
  s->fam = NULL;
  s->nfam = 0;
}

int
lsc_census_summarize (lsc_census_summary *s, const lsc_census_run *runs,
                      size_t n, size_t k)
{
  if (!s || (!runs && n))
    LSC_ERROR ("lsc_census_summarize: NULL argument", LSC_EFAULT);
  memset (s, 0, sizeof *s);
  s->runs = n;
  s->noise = lsc_census_loss_noise (k);
  s->fam = malloc ((n ? n : 1) * sizeof *s->fam);
  if (!s->fam)
    LSC_ERROR ("lsc_census_summarize: out of memory", LSC_ENOMEM);
  for (size_t i = 0; i < n; i++)
    {
      const lsc_census_run *r = &runs[i];
      int o = lsc_census_outcome (r);
      s->count[o]++;
      if (o == LSC_CENSUS_FAILED)
        continue;
      size_t j = 0;
      while (j < s->nfam && (strcmp (s->fam[j].family, r->family)
                             || s->fam[j].outcome != o))
        j++;
      lsc_census_family_share *f = &s->fam[j];
      if (j == s->nfam)
        {
          memset (f, 0, sizeof *f);
          snprintf (f->family, sizeof f->family, "%s", r->family);
          snprintf (f->isotropy, sizeof f->isotropy, "%s", r->isotropy);
          f->first = i;
          f->loss = f->loss_lo = f->loss_hi = r->loss;
          f->index = r->index;
          f->min_eig = r->min_eig;
          f->kind = r->kind;
          f->outcome = o;
          s->nfam++;
        }
      f->count++;
      f->loss_lo = fmin (f->loss_lo, r->loss);
      f->loss_hi = fmax (f->loss_hi, r->loss);
    }
  /* by increasing loss of the first run (stable: ties keep run order) */
  for (size_t a = 1; a < s->nfam; a++)
    for (size_t b = a; b > 0 && s->fam[b].loss < s->fam[b - 1].loss; b--)
      {
        lsc_census_family_share t = s->fam[b];
        s->fam[b] = s->fam[b - 1];
        s->fam[b - 1] = t;
      }
  for (size_t j = 0; j < s->nfam; j++)
    s->fam[j].fraction = n ? (double) s->fam[j].count / (double) n : NAN;
  s->spurious_fraction = n ? (double) s->count[LSC_CENSUS_SPURIOUS]
                             / (double) n : NAN;
  return LSC_SUCCESS;
}
