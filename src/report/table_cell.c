/* The table writer's cells and rows (lsc_table.h): typed cells formatted
   and escaped for the output's format, the "no NaN on an ok row" rule,
   and complete rows written (or kept, for the buffered formats). */
#define _POSIX_C_SOURCE 200809L
#include <config.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "internal.h"
#include "report_impl.h"

/* Add one cell (text: the value, unescaped); json_bare says whether JSON
   may print it without quotes; tex, when given, is the LaTeX cell. */
static int
add_cell (lsc_table *t, lsc_table_coltype ty, const char *text,
          int json_bare, const char *tex)
{
  lsc_table_output *o = t->o;
  if (o->status)
    return o->status;
  if (t->col >= t->ncols || t->cols[t->col].type != ty)
    return LSC_RPT_FAIL (o, "a cell of the wrong type or one too many",
                         LSC_EINVAL);
  size_t j = t->col++;
  lsc_table_format f = o->fmt;
  if (ty == LSC_TABLE_STATUS)
    {
      /* remembered so that the row's end can replace an ok */
      t->row_ok = strcmp (text, "ok") == 0;
      t->status_col = j;
    }
  char *r = NULL;
  if (ty == LSC_TABLE_DECIMAL && o->ddigits
      && !(t->cols[j].flags & LSC_TABLE_EXACT))
    {
      text = r = lsc_rpt_round_decimal (text, o->ddigits);
      if (!r)
        return LSC_RPT_FAIL (o, "out of memory", LSC_ENOMEM);
    }
  t->rowlen = 0;
  if (f == LSC_TABLE_JSON && !json_bare)
    lsc_rpt_puts (t, "\"");
  if (f == LSC_TABLE_LATEX && tex)
    lsc_rpt_puts (t, tex);
  else if (lsc_rpt_numeric (ty) || ty == LSC_TABLE_STATUS)
    lsc_rpt_puts (t, text);     /* numbers and tokens need no escaping */
  else
    lsc_rpt_escaped (t, text);
  if (f == LSC_TABLE_JSON && !json_bare)
    lsc_rpt_puts (t, "\"");
  free (t->cur[j]);
  t->cur[j] = lsc_rpt_take (t);
  free (r);
  return o->status;
}

int
lsc_table_cell_int (lsc_table *t, long long v)
{
  if (!t)
    return LSC_EFAULT;
  char b[32];
  snprintf (b, sizeof b, "%lld", v);
  return add_cell (t, LSC_TABLE_INT, b, 1, NULL);
}

/* v as text: an integer below 1e15 exactly, else %.{digits}g, or the
   shortest of %.15g..%.17g that reads back as v (5.6, not
   5.5999999999999996). */
static void
fmt_real (char *b, size_t len, int digits, double v)
{
  if (v == nearbyint (v) && fabs (v) < 1e15)
    snprintf (b, len, "%.0f", v);   /* integers (counts) exactly */
  else if (digits < 17)
    snprintf (b, len, "%.*g", digits, v);
  else
    for (int p = 15; p <= 17; p++)
      {
        snprintf (b, len, "%.*g", p, v);
        if (strtod (b, NULL) == v)
          break;
      }
}

int
lsc_table_cell_real (lsc_table *t, double v)
{
  if (!t)
    return LSC_EFAULT;
  char b[40];
  if (!isfinite (v))
    {
      /* never a NaN in a table: a missing value, and the row's ok (if
         any) is replaced at the row's end */
      if (t->o->status == LSC_SUCCESS)
        t->row_nonfinite = 1;
      return add_cell (t, LSC_TABLE_REAL,
                       t->o->fmt == LSC_TABLE_JSON ? "null" : "", 1, NULL);
    }
  size_t j = t->col < t->ncols ? t->col : 0;
  fmt_real (b, sizeof b, t->ncols && (t->cols[j].flags & LSC_TABLE_EXACT)
            ? 17 : t->o->digits, v);
  return add_cell (t, LSC_TABLE_REAL, b, 1, NULL);
}

/* The formats read by people (text, LaTeX, Markdown) print noise as 0;
   TSV and JSON keep every value as computed. */
static int
shows_noise (const lsc_table *t)
{
  return t->o->fmt == LSC_TABLE_TSV || t->o->fmt == LSC_TABLE_JSON;
}

int
lsc_table_cell_real_err (lsc_table *t, double v, double err)
{
  if (!t)
    return LSC_EFAULT;
  return lsc_table_cell_real (t, !shows_noise (t) && isfinite (v)
                              && fabs (v) <= err ? 0.0 : v);
}

/* 1 if the decimal string s (an MPFR value) is not a finite number. */
static int
decimal_nonfinite (const char *s)
{
  for (; *s; s++)
    if (*s == '@' || *s == 'n' || *s == 'N' || *s == 'i' || *s == 'I')
      return 1;                 /* @NaN@, nan, inf, @Inf@ */
  return 0;
}

int
lsc_table_cell_decimal (lsc_table *t, const char *s)
{
  if (!t)
    return LSC_EFAULT;
  if (!s)
    return LSC_RPT_FAIL (t->o, "a NULL decimal cell", LSC_EINVAL);
  if (decimal_nonfinite (s))
    {
      if (t->o->status == LSC_SUCCESS)
        t->row_nonfinite = 1;
      return add_cell (t, LSC_TABLE_DECIMAL,
                       t->o->fmt == LSC_TABLE_JSON ? "null" : "", 1, NULL);
    }
  return add_cell (t, LSC_TABLE_DECIMAL, s, lsc_table_number_syntax (s, LSC_TABLE_NUMBER_JSON),
                   NULL);
}

int
lsc_table_cell_decimal_err (lsc_table *t, const char *s, double err)
{
  if (!t)
    return LSC_EFAULT;
  if (!s)
    return LSC_RPT_FAIL (t->o, "a NULL decimal cell", LSC_EINVAL);
  double v = strtod (s, NULL);
  return lsc_table_cell_decimal (t, !shows_noise (t) && !decimal_nonfinite (s)
                                 && fabs (v) <= err ? "0" : s);
}

int
lsc_table_cell_string (lsc_table *t, const char *s)
{
  if (!t)
    return LSC_EFAULT;
  if (!s)
    return LSC_RPT_FAIL (t->o, "a NULL string cell", LSC_EINVAL);
  return add_cell (t, LSC_TABLE_STRING, s, 0, NULL);
}

int
lsc_table_cell_string_tex (lsc_table *t, const char *s, const char *tex)
{
  if (!t)
    return LSC_EFAULT;
  if (!s)
    return LSC_RPT_FAIL (t->o, "a NULL string cell", LSC_EINVAL);
  return add_cell (t, LSC_TABLE_STRING, s, 0, tex);
}

int
lsc_table_cell_status (lsc_table *t, int status)
{
  if (!t)
    return LSC_EFAULT;
  return add_cell (t, LSC_TABLE_STATUS, lsc_status_token (status), 0, NULL);
}

int
lsc_table_cell_status_token (lsc_table *t, const char *token)
{
  if (!t)
    return LSC_EFAULT;
  if (!token)
    return LSC_RPT_FAIL (t->o, "a NULL status token", LSC_EINVAL);
  return add_cell (t, LSC_TABLE_STATUS, token, 0, NULL);
}

int
lsc_table_cell_empty (lsc_table *t)
{
  if (!t)
    return LSC_EFAULT;
  if (t->o->status)
    return t->o->status;
  if (t->col >= t->ncols)
    return LSC_RPT_FAIL (t->o, "a cell too many", LSC_EINVAL);
  lsc_table_coltype ty = t->cols[t->col].type;
  return add_cell (t, ty, t->o->fmt == LSC_TABLE_JSON ? "null" : "", 1,
                   NULL);
}

/* The row holds a non-finite value and the status ok: write enonfinite in
   the status cell instead (an ok row is one whose numbers are all
   there). */
static void
demote (lsc_table *t)
{
  const char *tok = lsc_status_token (LSC_ENONFINITE);
  t->o->demoted++;
  free (t->cur[t->status_col]);
  t->rowlen = 0;
  if (t->o->fmt == LSC_TABLE_JSON)
    lsc_rpt_puts (t, "\"");
  lsc_rpt_puts (t, tok);
  if (t->o->fmt == LSC_TABLE_JSON)
    lsc_rpt_puts (t, "\"");
  t->cur[t->status_col] = lsc_rpt_take (t);
}

/* The row's cells joined in the format's way into the scratch buffer
   (text: kept cell by cell). */
static void
join (lsc_table *t)
{
  lsc_table_format f = t->o->fmt;
  t->rowlen = 0;
  if (f == LSC_TABLE_LATEX && t->longtab && t->nsel)
    {
      const char *g = t->cur[t->sel[0]];
      int same = t->prevgroup && strcmp (g, t->prevgroup) == 0;
      if (t->prevgroup && !same)
        lsc_rpt_puts (t, "\\addlinespace\n");
      free (t->prevgroup);
      t->prevgroup = lsc_rpt_strdup (t->o, g);
      if (same)
        t->cur[t->sel[0]][0] = '\0';
    }
  for (size_t i = 0; i < t->nsel && t->o->status == LSC_SUCCESS; i++)
    {
      size_t j = t->sel[i];
      const char *c = t->cur[j];
      switch (f)
        {
        case LSC_TABLE_TEXT:
          lsc_rpt_keep (t, lsc_rpt_strdup (t->o, c));
          break;
        case LSC_TABLE_TSV:
          lsc_rpt_puts (t, i ? "\t" : "");
          break;
        case LSC_TABLE_MARKDOWN:
          lsc_rpt_puts (t, i ? " | " : "| ");
          break;
        case LSC_TABLE_LATEX:
          lsc_rpt_puts (t, i ? " & " : "");
          if (t->lf && lsc_rpt_numeric (t->cols[j].type))
            lsc_rpt_latex_measure (&t->lf[i], c);
          break;
        case LSC_TABLE_JSON:
          if (i == 0)
            {
              lsc_rpt_puts (t, "{\"table\":\"");
              lsc_rpt_escaped (t, t->name);
              lsc_rpt_puts (t, "\"");
            }
          lsc_rpt_puts (t, ",\"");
          lsc_rpt_escaped (t, t->cols[j].name);
          lsc_rpt_puts (t, "\":");
          break;
        }
      if (f != LSC_TABLE_TEXT)
        lsc_rpt_puts (t, c);
    }
}

int
lsc_table_row_end (lsc_table *t)
{
  if (!t)
    return LSC_EFAULT;
  lsc_table_output *o = t->o;
  if (o->status)
    return o->status;
  if (t->col != t->ncols)
    return LSC_RPT_FAIL (o, "a row ended before its last cell", LSC_EINVAL);
  t->col = 0;
  if (t->row_nonfinite && t->row_ok)
    demote (t);
  t->row_nonfinite = t->row_ok = 0;
  lsc_table_format f = o->fmt;
  if (o->status == LSC_SUCCESS)
    join (t);
  for (size_t j = 0; j < t->ncols; j++)
    {
      free (t->cur[j]);
      t->cur[j] = NULL;
    }
  if (f == LSC_TABLE_TEXT || o->status)
    return o->status;
  lsc_rpt_puts (t, f == LSC_TABLE_TSV ? "\n" : f == LSC_TABLE_JSON ? "}\n"
                : f == LSC_TABLE_LATEX ? " \\\\\n" : " |\n");
  if (t->lf)
    lsc_rpt_keep (t, lsc_rpt_take (t)); /* captioned LaTeX: kept to the end */
  else if (o->status == LSC_SUCCESS)
    fputs (t->row, o->out);
  return o->status;
}
