/* Saved censuses (lsc_census(3)): a resume file read back, checked
   against the catalogue that labelled it, and summarized; censuses
   ordered by k - d and d. */
#define _POSIX_C_SOURCE 200809L
#include <config.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "landscape.h"
#include "internal.h"

/* The header fields of a format-3 resume file. */
static int
read_header (lsc_census_saved *c, const char *line,
             unsigned long long cat_hash, char *err, size_t errlen)
{
  char method[16];
  unsigned long long tgt;
  const char *tp = strstr (line, "\ttarget=");
  const char *hp = strstr (line, "\ttarget-fnv1a64=");
  if (strncmp (line, "#landscape-census-resume 3\t", 27) != 0 || !tp || !hp
      || sscanf (line, "#landscape-census-resume 3\tk=%zu\td=%zu\tm=%zu\t"
                 "seed=%llu\tmethod=%15[a-z]\t", &c->k, &c->d, &c->m,
                 &c->seed, method) != 5
      || sscanf (hp, "\ttarget-fnv1a64=%llx\tcatalogue-fnv1a64=%llx",
                 &tgt, &c->catalogue_hash) != 2)
    {
      snprintf (err, errlen, "%s: not a census resume file of format 3 "
                "(landscape-census --resume writes them)", c->path);
      return LSC_EINVAL;
    }
  snprintf (c->method, sizeof c->method, "%s", method);
  snprintf (c->target, sizeof c->target, "%s",
            strncmp (tp, "\ttarget=identity\t", 17) ? "file" : "identity");
  if (c->catalogue_hash != cat_hash)
    {
      snprintf (err, errlen, "%s: labelled with another family catalogue "
                "than the one given (its family names may be stale): give "
                "that catalogue (--catalogue) or rerun the census", c->path);
      return LSC_EINVAL;
    }
  return LSC_SUCCESS;
}

/* The lines after the header: the runs, each once. */
static int
read_runs (lsc_census_saved *c, FILE *f, unsigned long long cat_hash,
           char *line, size_t cap, size_t *lineno, char *err, size_t errlen)
{
  size_t alloc = 0;
  int st;
  while (fgets (line, (int) cap, f))
    {
      size_t len = strlen (line);
      ++*lineno;
      if (len == 0 || line[len - 1] != '\n')
        break;                  /* a torn last line: not a run */
      line[len - 1] = '\0';
      if (*lineno == 1)
        {
          if ((st = read_header (c, line, cat_hash, err, errlen)) != 0)
            return st;
          continue;
        }
      if (c->n == alloc)
        {
          alloc = alloc ? 2 * alloc : 64;
          lsc_census_run *r = realloc (c->runs, alloc * sizeof *c->runs);
          if (!r)
            {
              snprintf (err, errlen, "out of memory");
              return LSC_ENOMEM;
            }
          c->runs = r;
        }
      if (lsc_census_parse_line (&c->runs[c->n], line) != 0)
        {
          snprintf (err, errlen, "%s:%zu: malformed census line", c->path,
                    *lineno);
          return LSC_EINVAL;
        }
      for (size_t j = 0; j < c->n; j++)
        if (c->runs[j].run == c->runs[c->n].run)
          {
            snprintf (err, errlen, "%s:%zu: run %zu appears twice", c->path,
                      *lineno, c->runs[c->n].run);
            return LSC_EINVAL;
          }
      c->n++;
    }
  return LSC_SUCCESS;
}

int
lsc_census_saved_read (lsc_census_saved *c, const char *path,
                       unsigned long long cat_hash, char *err, size_t errlen)
{
  memset (c, 0, sizeof *c);
  c->path = path;
  FILE *f = fopen (path, "r");
  if (!f)
    {
      snprintf (err, errlen, "%s: %s", path, strerror (errno));
      return LSC_EINVAL;
    }
  size_t cap = 16384, lineno = 0;
  char *line = malloc (cap);
  int st = line ? read_runs (c, f, cat_hash, line, cap, &lineno, err, errlen)
    : LSC_ENOMEM;
  if (!line)
    snprintf (err, errlen, "out of memory");
  free (line);
  if (!st && ferror (f))
    {
      snprintf (err, errlen, "%s: %s", path, strerror (errno));
      st = LSC_EFAILED;
    }
  fclose (f);
  if (!st && lineno == 0)
    {
      snprintf (err, errlen, "%s: empty file, not a census resume file",
                path);
      st = LSC_EINVAL;
    }
  if (!st && lsc_census_summarize (&c->sm, c->runs, c->n, c->k) != 0)
    {
      snprintf (err, errlen, "out of memory");
      st = LSC_ENOMEM;
    }
  return st;
}

void
lsc_census_saved_clear (lsc_census_saved *c)
{
  if (!c)
    return;
  lsc_census_summary_clear (&c->sm);
  free (c->runs);
  c->runs = NULL;
  c->n = 0;
}

static int
by_extra_d (const void *a, const void *b)
{
  const lsc_census_saved *x = a, *y = b;
  long ex = (long) x->k - (long) x->d, ey = (long) y->k - (long) y->d;
  if (ex != ey)
    return ex < ey ? -1 : 1;
  return x->d < y->d ? -1 : x->d > y->d;
}

int
lsc_census_saved_sort (lsc_census_saved *c, size_t n, char *err,
                       size_t errlen)
{
  if (n > 1)
    qsort (c, n, sizeof *c, by_extra_d);
  for (size_t i = 1; i < n; i++)
    if (c[i].k == c[i - 1].k && c[i].d == c[i - 1].d)
      {
        snprintf (err, errlen, "%s and %s: two censuses at k = %zu, d = %zu",
                  c[i - 1].path, c[i].path, c[i].k, c[i].d);
        return LSC_EINVAL;
      }
  return LSC_SUCCESS;
}
