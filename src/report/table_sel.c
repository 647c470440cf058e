/* The table writer, column part (report_impl.h): which columns a table
   shows (the column list and the per-format defaults), the check of a
   column list, the standalone LaTeX document and the format names. */
#define _POSIX_C_SOURCE 200809L
#include <config.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "internal.h"
#include "report_impl.h"

/* The next name of the comma list *p (length in *n), or NULL at its end. */
static const char *
next_name (const char **p, size_t *n)
{
  while (**p == ',')
    ++*p;
  if (!**p)
    return NULL;
  const char *s = *p, *e = strchr (s, ',');
  *n = e ? (size_t) (e - s) : strlen (s);
  *p = s + *n;
  return s;
}

static int
is_word (const char *s, size_t n, const char *w)
{
  return strlen (w) == n && strncmp (s, w, n) == 0;
}

static int
list_is (const char *list, const char *w)
{
  return list && strcmp (list, w) == 0;
}

int
lsc_rpt_select (lsc_table *t)
{
  const char *list = t->o->columns;
  t->sel = lsc_rpt_malloc (t->o, (t->ncols ? t->ncols : 1) * sizeof *t->sel);
  t->nsel = 0;
  if (!t->sel)
    return t->o->status;
  if (list && !list_is (list, "all") && !list_is (list, "default"))
    {
      const char *p = list, *s;
      size_t n;
      while ((s = next_name (&p, &n)))
        for (size_t j = 0; j < t->ncols; j++)
          if (is_word (s, n, t->cols[j].name))
            {
              size_t i = 0;
              while (i < t->nsel && t->sel[i] != j)
                i++;
              if (i == t->nsel)
                t->sel[t->nsel++] = j;
            }
      if (t->nsel)
        return LSC_SUCCESS;
    }
  int paper = 0;
  if (t->o->fmt == LSC_TABLE_LATEX && !list_is (list, "all"))
    for (size_t j = 0; j < t->ncols; j++)
      paper |= (t->cols[j].flags & LSC_TABLE_PAPER) != 0;
  for (size_t j = 0; j < t->ncols; j++)
    if (paper ? (t->cols[j].flags & LSC_TABLE_PAPER) != 0
        : list_is (list, "all") || !(t->cols[j].flags & LSC_TABLE_EXTRA))
      t->sel[t->nsel++] = j;
  return LSC_SUCCESS;
}

int
lsc_table_columns_check (char *err, size_t errlen, const char *columns,
                         const lsc_table_pcolumn *const *tabs,
                         const size_t *ncols, size_t ntab)
{
  const char *list = columns, *p = list, *s;
  if (errlen)
    err[0] = '\0';
  if (!list || (ntab && (!tabs || !ncols)))
    LSC_ERROR ("no column list or no tables", LSC_EINVAL);
  if (!*list)
    {
      snprintf (err, errlen, "invalid argument '' for --columns: no column "
                "named");
      LSC_ERROR ("empty column list", LSC_EINVAL);
    }
  if (list_is (list, "all") || list_is (list, "default"))
    return LSC_SUCCESS;
  size_t n;
  while ((s = next_name (&p, &n)))
    {
      int found = 0;
      char known[2048] = "";
      for (size_t k = 0; k < ntab; k++)
        {
          const lsc_table_pcolumn *c = tabs[k];
          for (size_t j = 0; j < ncols[k]; j++)
            {
              found |= is_word (s, n, c[j].name);
              if (strlen (known) + strlen (c[j].name) + 3 < sizeof known
                  && !strstr (known, c[j].name))
                {
                  if (*known)
                    strcat (known, ", ");
                  strcat (known, c[j].name);
                }
            }
        }
      if (!found)
        {
          snprintf (err, errlen, "invalid argument '%s' for --columns: "
                    "no column '%.*s' (columns: %s; or all, default)", list,
                    (int) n, s, known);
          LSC_ERROR ("unknown column", LSC_EINVAL);
        }
    }
  return LSC_SUCCESS;
}

void
lsc_rpt_standalone_begin (lsc_table_output *o)
{
  fputs ("\\documentclass[10pt]{article}\n"
         "\\usepackage[T1]{fontenc}\n"
         "\\usepackage[textwidth=12.2cm]{geometry}\n"
         "\\usepackage{amsmath,booktabs,longtable,siunitx}\n"
         "\\begin{document}\n", o->out);
}

void
lsc_rpt_standalone_end (lsc_table_output *o)
{
  if (o->ntables == 0)
    lsc_rpt_standalone_begin (o);
  fputs ("\\end{document}\n", o->out);
}

static const char *const format_names[] = { "text", "tsv", "json", "latex",
                                            "markdown" };

int
lsc_table_format_parse (lsc_table_format *fmt, const char *name)
{
  for (int i = 0; name && i < 5; i++)
    if (strcmp (name, format_names[i]) == 0)
      {
        *fmt = (lsc_table_format) i;
        return LSC_SUCCESS;
      }
  LSC_ERROR ("unknown table format", LSC_EINVAL);
}

const char *
lsc_table_format_name (lsc_table_format fmt)
{
  return (unsigned) fmt < 5 ? format_names[fmt] : "?";
}

int
lsc_table_format_from_path (lsc_table_format *fmt, const char *path)
{
  static const struct
  {
    const char *ext;
    lsc_table_format fmt;
  } ext[] = {
    { ".tsv", LSC_TABLE_TSV },     { ".txt", LSC_TABLE_TEXT },
    { ".json", LSC_TABLE_JSON },   { ".jsonl", LSC_TABLE_JSON },
    { ".tex", LSC_TABLE_LATEX },   { ".md", LSC_TABLE_MARKDOWN },
  };
  if (!path)
    LSC_ERROR ("no file name", LSC_EINVAL);
  const char *base = strrchr (path, '/');
  base = base ? base + 1 : path;
  const char *dot = strrchr (base, '.');
  for (size_t i = 0; dot && i < sizeof ext / sizeof ext[0]; i++)
    if (strcmp (dot, ext[i].ext) == 0)
      {
        *fmt = ext[i].fmt;
        return LSC_SUCCESS;
      }
  return LSC_EINVAL;            /* no table extension: not a failure to trace */
}
