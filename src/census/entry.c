/* landscape-catalogue's job: a catalogue line (landscape-families(5))
   from a critical point, unless the point is a catalogue family already
   (lsc_census(3)). */
#define _POSIX_C_SOURCE 200809L
#include <config.h>
#include <stdio.h>
#include <string.h>
#include "landscape/lsc_census.h"
#include "landscape/lsc_branch.h"
#include "internal.h"

/* A derived name already taken by a family of cat: NAME-2, NAME-3, ...
   (the derived description, which opens with "NAME:", follows). */
static void
unique_name (lsc_family *fam, const lsc_catalogue *cat, int own_desc)
{
  char base[51];
  memcpy (base, fam->name, sizeof base - 1);
  base[sizeof base - 1] = 0;
  for (int i = 2; lsc_catalogue_find (cat, fam->name); i++)
    snprintf (fam->name, sizeof fam->name, "%.50s-%d", base, i % 1000);
  size_t bl = strlen (base);
  if (!own_desc && strncmp (fam->description, base, bl) == 0
      && fam->description[bl] == ':')
    {
      char tmp[sizeof fam->description];
      snprintf (tmp, sizeof tmp, "%s%s", fam->name, fam->description + bl);
      memcpy (fam->description, tmp, sizeof tmp);
    }
}

/* The line must read back as a catalogue entry. */
static int
reads_back (const char *line, char *err, size_t errlen)
{
  char buf[9000], e[512] = "";
  snprintf (buf, sizeof buf, "name\tisotropy\td\tparams\tloss\tkind\t"
            "description\tdstar\n%s\n", line);
  FILE *mf = fmemopen (buf, strlen (buf), "r");
  lsc_catalogue *chk = NULL;
  int st = mf ? lsc_catalogue_read (&chk, mf, "(new line)", e, sizeof e)
              : LSC_EFAILED;
  if (mf)
    fclose (mf);
  lsc_catalogue_free (chk);
  if (st)
    snprintf (err, errlen, "internal error: %s", e);
  return st ? LSC_EFAILED : LSC_SUCCESS;
}

int
lsc_census_catalogue_entry (lsc_family *fam, const char **known,
                            char *line, size_t len, const double *W,
                            size_t k, size_t d, const lsc_catalogue *cat,
                            double dref, const char *name, const char *desc,
                            char *err, size_t errlen)
{
  if (!fam || !known || !line || !W || !cat || !err)
    LSC_ERROR ("lsc_census_catalogue_entry: NULL argument", LSC_EFAULT);
  *known = NULL;
  line[0] = 0;
  /* already a catalogue family?  The census's own test */
  lsc_classifier *cl = lsc_classifier_alloc (cat, k, d, NULL);
  lsc_class c;
  int st = cl ? lsc_census_classify_point (&c, W, k, d, cl) : LSC_ENOMEM;
  lsc_classifier_free (cl);
  if (st == LSC_ENOMEM)
    {
      snprintf (err, errlen, "out of memory");
      return st;
    }
  if (st)
    {
      snprintf (err, errlen, "the point cannot be evaluated: %s",
                lsc_strerror (st));
      return LSC_EDOM;
    }
  if (c.kind == LSC_CLASS_CATALOGUE || c.kind == LSC_CLASS_GLOBAL)
    {
      *known = c.kind == LSC_CLASS_GLOBAL ? "global" : c.family->name;
      return LSC_SUCCESS;
    }
  st = lsc_branch_entry (fam, W, k, d, dref, err, errlen);
  if (st)
    return st == LSC_ENOMEM || st == LSC_EUNSUP || st == LSC_EINVAL
           ? st : LSC_ENOCONV;
  if (name)
    snprintf (fam->name, sizeof fam->name, "%s", name);
  if (desc)
    snprintf (fam->description, sizeof fam->description, "%s", desc);
  if (!name && lsc_catalogue_find (cat, fam->name))
    unique_name (fam, cat, desc != NULL);
  if (lsc_branch_entry_format (line, len, fam))
    {
      snprintf (err, errlen, "catalogue line too long");
      return LSC_EFAILED;
    }
  return reads_back (line, err, errlen);
}
