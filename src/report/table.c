/* The table writer (lsc_table.h): outputs and tables, their sticky status
   and scratch buffers; cells and rows are in table_cell.c, escaping and the
   buffered formats in table_fmt.c, column selection in table_sel.c. */
#define _POSIX_C_SOURCE 200809L
#include <config.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "internal.h"
#include "report_impl.h"

int
lsc_rpt_fail (lsc_table_output *o, const char *reason, int status,
              const char *file, int line)
{
  lsc_error (reason, file, line, status);
  if (o && o->status == LSC_SUCCESS)
    o->status = status;
  return o ? o->status : status;
}

void *
lsc_rpt_malloc (lsc_table_output *o, size_t n)
{
  void *p = malloc (n ? n : 1);
  if (!p)
    LSC_RPT_FAIL (o, "out of memory", LSC_ENOMEM);
  return p;
}

char *
lsc_rpt_strdup (lsc_table_output *o, const char *s)
{
  size_t n = strlen (s) + 1;
  char *p = lsc_rpt_malloc (o, n);
  return p ? memcpy (p, s, n) : NULL;
}

lsc_table_output *
lsc_table_output_alloc (FILE *out, lsc_table_format fmt,
                        const lsc_table_opts *opts)
{
  static const lsc_table_opts defaults;
  if (!opts)
    opts = &defaults;
  if (!out || (unsigned) fmt > LSC_TABLE_MARKDOWN)
    {
      lsc_error ("no stream or an invalid table format", __FILE__, __LINE__,
                 LSC_EINVAL);
      return NULL;
    }
  lsc_table_output *o = calloc (1, sizeof *o);
  if (!o)
    {
      lsc_error ("out of memory", __FILE__, __LINE__, LSC_ENOMEM);
      return NULL;
    }
  int digits = opts->digits;
  o->out = out;
  o->fmt = fmt;
  if (digits <= 0 && fmt == LSC_TABLE_LATEX)
    digits = LSC_TABLE_LATEX_DIGITS;
  o->digits = digits > 0 && digits <= 17 ? digits : 17;
  o->ddigits = digits > 0 ? digits : 0;
  o->standalone = opts->standalone && fmt == LSC_TABLE_LATEX;
  if ((opts->columns && !(o->columns = lsc_rpt_strdup (o, opts->columns)))
      || (opts->label && !(o->label = lsc_rpt_strdup (o, opts->label))))
    {
      free (o->columns);
      free (o);
      return NULL;
    }
  return o;
}

int
lsc_table_output_free (lsc_table_output *o)
{
  if (!o)
    return LSC_SUCCESS;
  if (o->standalone && o->status == LSC_SUCCESS)
    lsc_rpt_standalone_end (o);
  int st = o->status;
  free (o->columns);
  free (o->label);
  free (o);
  return st;
}

lsc_table_format
lsc_table_output_format (const lsc_table_output *o)
{
  return o->fmt;
}

int
lsc_table_output_status (const lsc_table_output *o)
{
  return o ? o->status : LSC_EFAULT;
}

size_t
lsc_table_output_demoted (const lsc_table_output *o)
{
  return o ? o->demoted : 0;
}

/* Append n bytes to the scratch buffer. */
void
lsc_rpt_put (lsc_table *t, const char *s, size_t n)
{
  if (t->rowlen + n + 1 > t->rowcap)
    {
      size_t nc = 2 * (t->rowlen + n + 1);
      char *nb = realloc (t->row, nc);
      if (!nb)
        {
          LSC_RPT_FAIL (t->o, "out of memory", LSC_ENOMEM);
          return;
        }
      t->row = nb;
      t->rowcap = nc;
    }
  memcpy (t->row + t->rowlen, s, n);
  t->rowlen += n;
  t->row[t->rowlen] = '\0';
}

void
lsc_rpt_puts (lsc_table *t, const char *s)
{
  lsc_rpt_put (t, s, strlen (s));
}

char *
lsc_rpt_take (lsc_table *t)
{
  char *s = lsc_rpt_strdup (t->o, t->row ? t->row : "");
  t->rowlen = 0;
  if (t->row)
    t->row[0] = '\0';
  return s;
}

int
lsc_rpt_numeric (lsc_table_coltype ty)
{
  return ty == LSC_TABLE_INT || ty == LSC_TABLE_REAL
         || ty == LSC_TABLE_DECIMAL;
}

void
lsc_rpt_keep (lsc_table *t, char *s)
{
  if (!s)
    return;
  if (t->ncells == t->cap)
    {
      size_t nc = t->cap ? 2 * t->cap : 64;
      char **nb = realloc (t->cells, nc * sizeof *nb);
      if (!nb)
        {
          free (s);
          LSC_RPT_FAIL (t->o, "out of memory", LSC_ENOMEM);
          return;
        }
      t->cells = nb;
      t->cap = nc;
    }
  t->cells[t->ncells++] = s;
}

static void
table_free (lsc_table *t)
{
  for (size_t i = 0; i < t->ncells; i++)
    free (t->cells[i]);
  free (t->cells);
  free (t->lf);
  free (t->head);
  free (t->caption);
  free (t->prevgroup);
  for (size_t j = 0; t->cols && j < t->ncols; j++)
    {
      free ((char *) t->cols[j].name);
      free ((char *) t->cols[j].tex);
      if (t->cur)
        free (t->cur[j]);
    }
  free (t->cols);
  free (t->cur);
  free (t->sel);
  free (t->name);
  free (t->row);
  free (t);
}

static lsc_table *
begin (lsc_table_output *o, const char *name, const char *caption,
       const lsc_table_pcolumn *cols, size_t ncols, int longtab)
{
  if (!o || o->status)
    return NULL;
  if (!name || (ncols && !cols))
    {
      LSC_RPT_FAIL (o, "table without a name or columns", LSC_EINVAL);
      return NULL;
    }
  for (size_t j = 0; j < ncols; j++)
    if (!cols[j].name || (unsigned) cols[j].type > LSC_TABLE_STATUS)
      {
        LSC_RPT_FAIL (o, "column without a name or of no type", LSC_EINVAL);
        return NULL;
      }
  lsc_table *t = calloc (1, sizeof *t);
  if (!t)
    {
      LSC_RPT_FAIL (o, "out of memory", LSC_ENOMEM);
      return NULL;
    }
  t->o = o;
  t->ncols = ncols;
  t->name = lsc_rpt_strdup (o, name);
  t->cols = calloc (ncols ? ncols : 1, sizeof *cols);
  t->cur = calloc (ncols ? ncols : 1, sizeof *t->cur);
  if (!t->cols || !t->cur)
    LSC_RPT_FAIL (o, "out of memory", LSC_ENOMEM);
  for (size_t j = 0; t->cols && j < ncols; j++)
    {
      t->cols[j] = cols[j];
      t->cols[j].name = lsc_rpt_strdup (o, cols[j].name);
      t->cols[j].tex = cols[j].tex ? lsc_rpt_strdup (o, cols[j].tex) : NULL;
    }
  if (o->status || lsc_rpt_select (t) != LSC_SUCCESS)
    {
      table_free (t);
      return NULL;
    }
  if (o->ntables++ == 0 && o->standalone)
    lsc_rpt_standalone_begin (o);
  else if (o->ntables > 1 && o->fmt != LSC_TABLE_JSON)
    fputc ('\n', o->out);
  if (o->fmt == LSC_TABLE_LATEX)
    {
      t->captioned = caption != NULL;
      t->longtab = longtab;
      if (caption)
        t->lf = calloc (t->nsel ? t->nsel : 1, sizeof *t->lf);
      if (caption && !t->lf)
        LSC_RPT_FAIL (o, "out of memory", LSC_ENOMEM);
    }
  if (o->fmt != LSC_TABLE_TEXT && o->fmt != LSC_TABLE_JSON)
    {
      lsc_rpt_header (t, caption);
      if (t->captioned)
        t->head = lsc_rpt_take (t); /* written with the column spec at the end */
      else
        {
          fputs (t->row ? t->row : "", o->out);
          free (lsc_rpt_take (t));
        }
    }
  if (o->status)
    {
      table_free (t);
      return NULL;
    }
  return t;
}

lsc_table *
lsc_table_begin (lsc_table_output *o, const char *name,
                 const lsc_table_column *cols, size_t ncols)
{
  return lsc_table_begin_captioned (o, name, NULL, cols, ncols);
}

lsc_table *
lsc_table_begin_captioned (lsc_table_output *o, const char *name,
                           const char *caption, const lsc_table_column *cols,
                           size_t ncols)
{
  if (!o || o->status)
    return NULL;
  if (ncols && !cols)
    {
      LSC_RPT_FAIL (o, "table without columns", LSC_EINVAL);
      return NULL;
    }
  lsc_table_pcolumn *pc = lsc_rpt_malloc (o, (ncols ? ncols : 1) * sizeof *pc);
  if (!pc)
    return NULL;
  for (size_t j = 0; j < ncols; j++)
    pc[j] = (lsc_table_pcolumn) { cols[j].name, cols[j].type, NULL, 0 };
  lsc_table *t = begin (o, name, caption, pc, ncols, 0);
  free (pc);
  return t;
}

lsc_table *
lsc_table_begin_paper (lsc_table_output *o, const char *name,
                       const char *caption, const lsc_table_pcolumn *cols,
                       size_t ncols, int longtab)
{
  return begin (o, name, longtab && !caption ? "" : caption, cols, ncols,
                longtab);
}

int
lsc_table_end (lsc_table *t)
{
  if (!t)
    return LSC_SUCCESS;
  lsc_table_output *o = t->o;
  if (o->status == LSC_SUCCESS && t->col != 0)
    LSC_RPT_FAIL (o, "table ended inside a row", LSC_EINVAL);
  if (o->status == LSC_SUCCESS)
    {
      if (o->fmt == LSC_TABLE_TEXT)
        lsc_rpt_write_text (t);
      else if (o->fmt == LSC_TABLE_LATEX)
        {
          if (t->lf)
            lsc_rpt_write_latex (t);
          fputs (t->longtab ? "\\bottomrule\n\\end{longtable}\n}\n"
                 : t->captioned
                 ? "\\bottomrule\n\\end{tabular}\n\\end{table}\n"
                 : "\\bottomrule\n\\end{tabular}\n", o->out);
        }
    }
  table_free (t);
  return o->status;
}
