/* Scan job over a catalogue: the selected families at the dimensions where
   they exist with the requested k, each by lsc_scan_family. */
#include <config.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "landscape.h"
#include "internal.h"

void
lsc_scan_k_init (lsc_scan_k *k)
{
  k->relative = 1;
  k->value = 0;
}

/* k = d + N is decided on the group's structure - its rows outside the
   large block minus its columns outside it, an exact small integer -
   never on k - d, which rounds to N = 0 for a k = d + 1 family at
   d = 1e16 (and within a relative tolerance from d = 1e9). */
int
lsc_scan_k_matches (const lsc_scan_k *ks, const lsc_family *f, double k)
{
  if (ks->relative)
    {
      double extra = 0;
      for (size_t r = 1; r < f->G.nrb; r++)
        extra += f->G.rsize[r];
      for (size_t c = 0; c < f->G.ncb; c++)
        if ((int) c != f->G.pair[0])
          extra -= f->G.csize[c];
      return extra == ks->value;
    }
  return fabs (k - ks->value) <= 1e-9 * fmax (1, ks->value);
}

void
lsc_scan_sets_free (lsc_scan_set *sets, size_t nsets)
{
  if (!sets)
    return;
  for (size_t i = 0; i < nsets; i++)
    if (sets[i].rows)
      {
        lsc_scan_rows_clear (sets[i].rows, sets[i].n);
        free (sets[i].rows);
      }
  free (sets);
}

/* The selection: families in names order without duplicates (all when
   names is NULL); LSC_EINVAL for an unknown name. */
static int
select_families (const lsc_family **sel, size_t *nsel,
                 const lsc_catalogue *cat, const char *const *names,
                 size_t nnames)
{
  size_t n = 0;
  if (!names)
    {
      for (size_t i = 0; i < cat->n; i++)
        sel[n++] = &cat->fam[i];
      *nsel = n;
      return LSC_SUCCESS;
    }
  for (size_t i = 0; i < nnames; i++)
    {
      const lsc_family *f = names[i] ? lsc_catalogue_find (cat, names[i])
        : NULL;
      if (!f)
        LSC_ERROR ("lsc_scan_catalogue: unknown family name", LSC_EINVAL);
      int dup = 0;
      for (size_t j = 0; j < n; j++)
        dup |= sel[j] == f;
      if (!dup)
        sel[n++] = f;
    }
  *nsel = n;
  return LSC_SUCCESS;
}

int
lsc_scan_catalogue (lsc_scan_set **sets, size_t *nsets,
                    const lsc_catalogue *cat, const char *const *names,
                    size_t nnames, const double *d, size_t nd,
                    const lsc_scan_k *ks, const lsc_scan_opts *o,
                    lsc_scan_progress *progress, void *data)
{
  *sets = NULL;
  *nsets = 0;
  if (!cat || !d || !ks || !o || nd == 0 || (names && nnames == 0))
    LSC_ERROR ("lsc_scan_catalogue: empty selection or missing argument",
               LSC_EINVAL);
  for (size_t j = 0; j < nd; j++)
    if (!(d[j] > 0) || !isfinite (d[j]))
      LSC_ERROR ("lsc_scan_catalogue: d must be positive and finite",
                 LSC_EINVAL);
  size_t nmax = names ? nnames : cat->n, nf = 0, nrows = 0;
  const lsc_family **sel = malloc ((nmax ? nmax : 1) * sizeof *sel);
  lsc_scan_set *s = calloc (nmax ? nmax : 1, sizeof *s);
  double *dsub = malloc (nd * sizeof *dsub);
  int rc = LSC_SUCCESS;
  if (!sel || !s || !dsub)
    LSC_FAIL ("lsc_scan_catalogue: out of memory", LSC_ENOMEM);
  if ((rc = select_families (sel, &nf, cat, names, nnames)) != 0)
    goto cleanup;
  for (size_t i = 0; i < nf; i++)
    {
      s[i].fam = sel[i];
      for (size_t j = 0; j < nd; j++)
        {
          double kf;
          if (lsc_scan_family_exists (sel[i], d[j], &kf)
              && lsc_scan_k_matches (ks, sel[i], kf))
            s[i].n++;
        }
      nrows += s[i].n;
    }
  if (nrows == 0)
    LSC_FAIL ("lsc_scan_catalogue: no selected family exists at these d "
              "with this k", LSC_EDOM);
  for (size_t i = 0; i < nf; i++)
    {
      size_t m = 0;
      if (!(s[i].rows = calloc (s[i].n ? s[i].n : 1, sizeof *s[i].rows)))
        LSC_FAIL ("lsc_scan_catalogue: out of memory", LSC_ENOMEM);
      for (size_t j = 0; j < nd; j++)
        {
          double kf;
          if (lsc_scan_family_exists (sel[i], d[j], &kf)
              && lsc_scan_k_matches (ks, sel[i], kf))
            dsub[m++] = d[j];
        }
      if (progress)
        progress (sel[i], i, nf, data);
      if (m && (rc = lsc_scan_family (s[i].rows, sel[i], dsub, m, o)) != 0)
        goto cleanup;
    }
cleanup:
  free (sel);
  free (dsub);
  if (rc)
    {
      lsc_scan_sets_free (s, nf);
      return rc;
    }
  *sets = s;
  *nsets = nf;
  return LSC_SUCCESS;
}

double
lsc_scan_crossing (const lsc_scan_set *s)
{
  for (size_t i = 1; i < s->n; i++)
    {
      const lsc_scan_row *a = &s->rows[i - 1], *b = &s->rows[i];
      if (a->status || b->status || !(b->d > a->d))
        continue;
      if (a->index > 0 && b->index == 0 && a->min_eig < 0 && b->min_eig > 0)
        return a->d + (b->d - a->d) * (-a->min_eig) / (b->min_eig
                                                       - a->min_eig);
    }
  return NAN;
}
