/* The tools' table writer (cli-table.h): outputs, tables, cells and rows;
   escaping, headers and the buffered formats are in cli-table-fmt.c, the
   column selection and the standalone document in cli-table-sel.c. */
#define _POSIX_C_SOURCE 200809L
#include <config.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <math.h>
#include <unistd.h>
#include "landscape/lsc_errno.h"
#include "cli-table-impl.h"

static const char *const format_names[] = { "text", "tsv", "json", "latex",
                                            "markdown" };

const char *cli_table_columns;
int cli_table_standalone;

cli_format
cli_parse_format (const char *opt, const char *arg)
{
  for (int i = 0; i < 5; i++)
    if (strcmp (arg, format_names[i]) == 0)
      return (cli_format) i;
  cli_fatal (CLI_EXIT_USAGE, "invalid argument '%s' for %s: expected text, "
             "tsv, json, latex or markdown", arg, opt);
}

cli_format
cli_default_format (void)
{
  return isatty (STDOUT_FILENO) ? CLI_FMT_TEXT : CLI_FMT_TSV;
}

cli_output *
cli_output_new (FILE *out, cli_format fmt, int digits)
{
  cli_output *o = cli_xmalloc (sizeof *o);
  memset (o, 0, sizeof *o);
  o->out = out;
  o->fmt = fmt;
  if (digits <= 0 && fmt == CLI_FMT_LATEX)
    digits = CLI_LATEX_DIGITS;
  o->digits = digits > 0 && digits <= 17 ? digits : 17;
  o->ddigits = digits > 0 ? digits : 0;
  o->columns = cli_table_columns;
  o->standalone = cli_table_standalone && fmt == CLI_FMT_LATEX;
  return o;
}

void
cli_output_free (cli_output *o)
{
  if (o && o->standalone)
    cli_standalone_end (o);
  free (o);
}

cli_format
cli_output_get_format (const cli_output *o)
{
  return o->fmt;
}

/* Append n bytes to the scratch buffer. */
void
cli_row_put (cli_table *t, const char *s, size_t n)
{
  if (t->rowlen + n + 1 > t->rowcap)
    {
      size_t nc = 2 * (t->rowlen + n + 1);
      char *nb = realloc (t->row, nc);
      if (!nb)
        cli_fatal (CLI_EXIT_SYSTEM, "out of memory");
      t->row = nb;
      t->rowcap = nc;
    }
  memcpy (t->row + t->rowlen, s, n);
  t->rowlen += n;
  t->row[t->rowlen] = '\0';
}

void
cli_row_puts (cli_table *t, const char *s)
{
  cli_row_put (t, s, strlen (s));
}

int
cli_col_numeric (cli_coltype ty)
{
  return ty == CLI_COL_INT || ty == CLI_COL_REAL || ty == CLI_COL_DECIMAL;
}

void
cli_keep (cli_table *t, char *s)
{
  if (t->ncells == t->cap)
    {
      size_t nc = t->cap ? 2 * t->cap : 64;
      char **nb = realloc (t->cells, nc * sizeof *nb);
      if (!nb)
        cli_fatal (CLI_EXIT_SYSTEM, "out of memory");
      t->cells = nb;
      t->cap = nc;
    }
  t->cells[t->ncells++] = s;
}

/* The scratch buffer as a string, and reset. */
static char *
take (cli_table *t)
{
  char *s = cli_xstrdup (t->row ? t->row : "");
  t->rowlen = 0;
  if (t->row)
    t->row[0] = '\0';
  return s;
}

static cli_table *
begin (cli_output *o, const char *name, const char *caption,
       const cli_pcolumn *cols, size_t ncols, int longtab)
{
  cli_table *t = cli_xmalloc (sizeof *t);
  memset (t, 0, sizeof *t);
  t->o = o;
  t->name = cli_xstrdup (name);
  t->ncols = ncols;
  t->cols = cli_xmalloc ((ncols ? ncols : 1) * sizeof *cols);
  t->cur = cli_xmalloc ((ncols ? ncols : 1) * sizeof *t->cur);
  for (size_t j = 0; j < ncols; j++)
    {
      t->cols[j] = cols[j];
      t->cols[j].name = cli_xstrdup (cols[j].name);
      t->cols[j].tex = cols[j].tex ? cli_xstrdup (cols[j].tex) : NULL;
      t->cur[j] = NULL;
    }
  cli_select (t);
  if (o->ntables++ == 0 && o->standalone)
    cli_standalone_begin (o);
  else if (o->ntables > 1 && o->fmt != CLI_FMT_JSON)
    fputc ('\n', o->out);
  if (o->fmt == CLI_FMT_LATEX)
    {
      t->captioned = caption != NULL;
      t->longtab = longtab;
      if (caption)
        {
          t->lf = cli_xmalloc ((t->nsel ? t->nsel : 1) * sizeof *t->lf);
          memset (t->lf, 0, (t->nsel ? t->nsel : 1) * sizeof *t->lf);
        }
    }
  if (o->fmt != CLI_FMT_TEXT && o->fmt != CLI_FMT_JSON)
    {
      cli_header (t, caption);
      if (t->captioned)
        t->head = take (t);   /* written with the column spec at the end */
      else
        {
          fputs (t->row ? t->row : "", o->out);
          free (take (t));
        }
    }
  return t;
}

cli_table *
cli_table_begin (cli_output *o, const char *name, const cli_column *cols,
                 size_t ncols)
{
  return cli_table_begin_captioned (o, name, NULL, cols, ncols);
}

cli_table *
cli_table_begin_captioned (cli_output *o, const char *name,
                           const char *caption, const cli_column *cols,
                           size_t ncols)
{
  cli_pcolumn *pc = cli_xmalloc ((ncols ? ncols : 1) * sizeof *pc);
  for (size_t j = 0; j < ncols; j++)
    pc[j] = (cli_pcolumn) { cols[j].name, cols[j].type, NULL, 0 };
  cli_table *t = begin (o, name, caption, pc, ncols, 0);
  free (pc);
  return t;
}

cli_table *
cli_table_begin_paper (cli_output *o, const char *name, const char *caption,
                       const cli_pcolumn *cols, size_t ncols, int longtab)
{
  return begin (o, name, longtab && !caption ? "" : caption, cols, ncols,
                longtab);
}

/* Add one cell (text: the value, unescaped); json_bare says whether JSON
   may print it without quotes; tex, when given, is the LaTeX cell. */
static void
add_cell (cli_table *t, cli_coltype ty, const char *text, int json_bare,
          const char *tex)
{
  if (t->col >= t->ncols || t->cols[t->col].type != ty)
    cli_fatal (CLI_EXIT_SYSTEM, "internal error: cell %zu of table '%s' "
               "has the wrong type or is too many", t->col, t->name);
  size_t j = t->col++;
  cli_format f = t->o->fmt;
  if (ty == CLI_COL_STATUS)
    {
      /* remembered so that cli_row_end can replace an ok (see there) */
      t->row_ok = strcmp (text, "ok") == 0;
      t->status_col = j;
    }
  char *r = NULL;
  if (ty == CLI_COL_DECIMAL && t->o->ddigits
      && !(t->cols[j].flags & CLI_COLF_EXACT))
    text = r = cli_round_decimal (text, t->o->ddigits);
  t->rowlen = 0;
  if (f == CLI_FMT_JSON && !json_bare)
    cli_row_puts (t, "\"");
  if (f == CLI_FMT_LATEX && tex)
    cli_row_puts (t, tex);
  else if (cli_col_numeric (ty) || ty == CLI_COL_STATUS)
    cli_row_puts (t, text);         /* numbers and tokens need no escaping */
  else
    cli_put_escaped (t, text);
  if (f == CLI_FMT_JSON && !json_bare)
    cli_row_puts (t, "\"");
  free (t->cur[j]);
  t->cur[j] = take (t);
  free (r);
}

void
cli_cell_int (cli_table *t, long long v)
{
  char b[32];
  snprintf (b, sizeof b, "%lld", v);
  add_cell (t, CLI_COL_INT, b, 1, NULL);
}

/* v as text: an integer below 1e15 exactly, else %.{digits}g, or the
   shortest of %.15g..%.17g that reads back
   as v (5.6, not 5.5999999999999996). */
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

void
cli_cell_real (cli_table *t, double v)
{
  char b[40];
  if (!isfinite (v))
    {
      /* never a NaN in a table: a missing value, and the row's ok (if
         any) is replaced at cli_row_end */
      t->row_nonfinite = 1;
      add_cell (t, CLI_COL_REAL, t->o->fmt == CLI_FMT_JSON ? "null" : "", 1,
                NULL);
      return;
    }
  size_t j = t->col < t->ncols ? t->col : 0;
  fmt_real (b, sizeof b, t->cols[j].flags & CLI_COLF_EXACT ? 17
            : t->o->digits, v);
  add_cell (t, CLI_COL_REAL, b, 1, NULL);
}

/* The formats read by people (text, LaTeX, Markdown) print noise as 0;
   TSV and JSON keep every value as computed (the bindings' contract). */
static int
shows_noise (const cli_table *t)
{
  return t->o->fmt == CLI_FMT_TSV || t->o->fmt == CLI_FMT_JSON;
}

void
cli_cell_real_err (cli_table *t, double v, double err)
{
  cli_cell_real (t, !shows_noise (t) && isfinite (v) && fabs (v) <= err
                 ? 0.0 : v);
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

void
cli_cell_decimal (cli_table *t, const char *s)
{
  if (decimal_nonfinite (s))
    {
      t->row_nonfinite = 1;
      add_cell (t, CLI_COL_DECIMAL, t->o->fmt == CLI_FMT_JSON ? "null" : "",
                1, NULL);
      return;
    }
  add_cell (t, CLI_COL_DECIMAL, s, cli_is_json_number (s), NULL);
}

void
cli_cell_decimal_err (cli_table *t, const char *s, double err)
{
  double v = strtod (s, NULL);
  cli_cell_decimal (t, !shows_noise (t) && !decimal_nonfinite (s)
                    && fabs (v) <= err ? "0" : s);
}

void
cli_cell_string (cli_table *t, const char *s)
{
  add_cell (t, CLI_COL_STRING, s, 0, NULL);
}

void
cli_cell_string_tex (cli_table *t, const char *s, const char *tex)
{
  add_cell (t, CLI_COL_STRING, s, 0, tex);
}

void
cli_cell_status (cli_table *t, int status)
{
  add_cell (t, CLI_COL_STATUS, lsc_status_token (status), 0, NULL);
}

void
cli_cell_status_token (cli_table *t, const char *token)
{
  add_cell (t, CLI_COL_STATUS, token, 0, NULL);
}

void
cli_cell_empty (cli_table *t)
{
  if (t->col >= t->ncols)
    cli_fatal (CLI_EXIT_SYSTEM, "internal error: too many cells in table "
               "'%s'", t->name);
  cli_coltype ty = t->cols[t->col].type;
  add_cell (t, ty, t->o->fmt == CLI_FMT_JSON ? "null" : "", 1, NULL);
}

static size_t demoted;

size_t
cli_table_demoted_rows (void)
{
  return demoted;
}

/* The row holds a non-finite value and the status ok: write enonfinite in
   the status cell instead (an ok row is one whose numbers are all
   there). */
static void
demote (cli_table *t)
{
  const char *tok = lsc_status_token (LSC_ENONFINITE);
  demoted++;
  free (t->cur[t->status_col]);
  if (t->o->fmt == CLI_FMT_JSON)
    {
      t->rowlen = 0;
      cli_row_puts (t, "\"");
      cli_row_puts (t, tok);
      cli_row_puts (t, "\"");
      t->cur[t->status_col] = take (t);
    }
  else
    t->cur[t->status_col] = cli_xstrdup (tok);
}

void
cli_row_end (cli_table *t)
{
  if (t->col != t->ncols)
    cli_fatal (CLI_EXIT_SYSTEM, "internal error: row of table '%s' has %zu "
               "of %zu cells", t->name, t->col, t->ncols);
  t->col = 0;
  if (t->row_nonfinite && t->row_ok)
    demote (t);
  t->row_nonfinite = t->row_ok = 0;
  cli_format f = t->o->fmt;
  t->rowlen = 0;
  if (f == CLI_FMT_LATEX && t->longtab && t->nsel)
    {
      const char *g = t->cur[t->sel[0]];
      int same = t->prevgroup && strcmp (g, t->prevgroup) == 0;
      if (t->prevgroup && !same)
        cli_row_puts (t, "\\addlinespace\n");
      free (t->prevgroup);
      t->prevgroup = cli_xstrdup (g);
      if (same)
        t->cur[t->sel[0]][0] = '\0';
    }
  for (size_t i = 0; i < t->nsel; i++)
    {
      size_t j = t->sel[i];
      const char *c = t->cur[j];
      switch (f)
        {
        case CLI_FMT_TEXT:
          cli_keep (t, cli_xstrdup (c));
          break;
        case CLI_FMT_TSV:
          cli_row_puts (t, i ? "\t" : "");
          break;
        case CLI_FMT_MARKDOWN:
          cli_row_puts (t, i ? " | " : "| ");
          break;
        case CLI_FMT_LATEX:
          cli_row_puts (t, i ? " & " : "");
          if (t->lf && cli_col_numeric (t->cols[j].type))
            cli_latex_measure (&t->lf[i], c);
          break;
        case CLI_FMT_JSON:
          if (i == 0)
            {
              cli_row_puts (t, "{\"table\":\"");
              cli_put_escaped (t, t->name);
              cli_row_puts (t, "\"");
            }
          cli_row_puts (t, ",\"");
          cli_put_escaped (t, t->cols[j].name);
          cli_row_puts (t, "\":");
          break;
        }
      if (f != CLI_FMT_TEXT)
        cli_row_puts (t, c);
    }
  for (size_t j = 0; j < t->ncols; j++)
    {
      free (t->cur[j]);
      t->cur[j] = NULL;
    }
  if (f == CLI_FMT_TEXT)
    return;
  cli_row_puts (t, f == CLI_FMT_TSV ? "\n" : f == CLI_FMT_JSON ? "}\n"
                : f == CLI_FMT_LATEX ? " \\\\\n" : " |\n");
  if (t->lf)
    cli_keep (t, take (t));   /* captioned LaTeX: kept for cli_table_end */
  else
    fputs (t->row, t->o->out);
}

void
cli_table_end (cli_table *t)
{
  if (!t)
    return;
  if (t->col != 0)
    cli_fatal (CLI_EXIT_SYSTEM, "internal error: unfinished row in table "
               "'%s'", t->name);
  if (t->o->fmt == CLI_FMT_TEXT)
    cli_write_text (t);
  else if (t->o->fmt == CLI_FMT_LATEX)
    {
      if (t->lf)
        cli_write_latex (t);
      fputs (t->longtab ? "\\bottomrule\n\\end{longtable}\n}\n"
             : t->captioned ? "\\bottomrule\n\\end{tabular}\n\\end{table}\n"
             : "\\bottomrule\n\\end{tabular}\n", t->o->out);
    }
  for (size_t i = 0; i < t->ncells; i++)
    free (t->cells[i]);
  free (t->cells);
  free (t->lf);
  free (t->head);
  free (t->caption);
  free (t->prevgroup);
  for (size_t j = 0; j < t->ncols; j++)
    {
      free ((char *) t->cols[j].name);
      free ((char *) t->cols[j].tex);
      free (t->cur[j]);
    }
  free (t->cols);
  free (t->cur);
  free (t->sel);
  free (t->name);
  free (t->row);
  free (t);
}
