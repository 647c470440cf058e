/* The tools' table writer (cli-table.h): outputs, tables, cells and rows;
   the format-specific escaping and buffered formats are in cli-table-fmt.c. */
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
  o->out = out;
  o->fmt = fmt;
  o->digits = digits > 0 && digits <= 17 ? digits : 17;
  o->ntables = 0;
  return o;
}

void
cli_output_free (cli_output *o)
{
  free (o);
}

/* Append n bytes to the current row buffer. */
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

/* Write s escaped for the output format (strings and names only). */

int
cli_col_numeric (cli_coltype ty)
{
  return ty == CLI_COL_INT || ty == CLI_COL_REAL || ty == CLI_COL_DECIMAL;
}

/* Emit the complete row buffer (streaming formats) and reset it. */
static void
row_flush (cli_table *t)
{
  fputs (t->row ? t->row : "", t->o->out);
  t->rowlen = 0;
  if (t->row)
    t->row[0] = '\0';
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
  cli_table *t = cli_xmalloc (sizeof *t);
  memset (t, 0, sizeof *t);
  t->o = o;
  t->name = cli_xstrdup (name);
  t->ncols = ncols;
  t->cols = cli_xmalloc (ncols * sizeof *cols);
  for (size_t j = 0; j < ncols; j++)
    {
      t->cols[j].type = cols[j].type;
      t->cols[j].name = cli_xstrdup (cols[j].name);
    }
  if (o->ntables++ > 0 && o->fmt != CLI_FMT_JSON)
    fputc ('\n', o->out);
  switch (o->fmt)
    {
    case CLI_FMT_TSV:
    case CLI_FMT_MARKDOWN:
      for (size_t j = 0; j < ncols; j++)
        {
          cli_row_puts (t, o->fmt == CLI_FMT_TSV ? (j ? "\t" : "")
                    : (j ? " | " : "| "));
          cli_put_escaped (t, cols[j].name);
        }
      cli_row_puts (t, o->fmt == CLI_FMT_TSV ? "\n" : " |\n");
      if (o->fmt == CLI_FMT_MARKDOWN)
        {
          cli_row_puts (t, "|");
          for (size_t j = 0; j < ncols; j++)
            cli_row_puts (t, cli_col_numeric (cols[j].type) ? " ---: |" : " :--- |");
          cli_row_puts (t, "\n");
        }
      break;
    case CLI_FMT_LATEX:
      t->captioned = caption != NULL;
      cli_row_puts (t, "% table: ");
      cli_put_escaped (t, name);
      if (caption)
        {
          cli_row_puts (t, "\n\\begin{table}[htbp]\n\\centering\n\\caption{");
          cli_row_puts (t, caption);
          cli_row_puts (t, "}");
        }
      if (caption)
        {
          /* the column spec needs the widths of all numbers: the tabular
             is written by cli_table_end */
          cli_row_puts (t, "\n");
          row_flush (t);
          t->lf = cli_xmalloc (ncols * sizeof *t->lf);
          memset (t->lf, 0, ncols * sizeof *t->lf);
        }
      else
        {
          cli_row_puts (t, "\n\\begin{tabular}{");
          for (size_t j = 0; j < ncols; j++)
            cli_row_puts (t, cli_col_numeric (cols[j].type) ? "r" : "l");
          cli_row_puts (t, "}\n\\toprule\n");
        }
      for (size_t j = 0; j < ncols; j++)
        {
          int brace = caption && cli_col_numeric (cols[j].type);
          if (j)
            cli_row_puts (t, " & ");
          if (brace)
            cli_row_puts (t, "{");
          cli_put_escaped (t, cols[j].name);
          if (brace)
            cli_row_puts (t, "}");
        }
      cli_row_puts (t, " \\\\\n\\midrule\n");
      if (caption)
        {
          t->head = cli_xstrdup (t->row);
          t->rowlen = 0;
          t->row[0] = '\0';
        }
      break;
    default:
      break;
    }
  row_flush (t);
  return t;
}

/* Add one formatted cell; numeric says whether JSON may print it bare. */
static void
add_cell (cli_table *t, cli_coltype ty, const char *text, int json_bare)
{
  if (t->col >= t->ncols || t->cols[t->col].type != ty)
    cli_fatal (CLI_EXIT_SYSTEM, "internal error: cell %zu of table '%s' "
               "has the wrong type or is too many", t->col, t->name);
  cli_format f = t->o->fmt;
  size_t j = t->col++;
  if (ty == CLI_COL_STATUS)
    {
      /* remembered so that cli_row_end can replace an ok (see there) */
      t->row_ok = strcmp (text, "ok") == 0;
      t->status_at = t->ncells;
    }
  if (f == CLI_FMT_TEXT)
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
      size_t start = t->rowlen;
      cli_row_put (t, "", 0);       /* terminate: an empty cell is "" */
      cli_put_escaped (t, text);
      t->cells[t->ncells++] = cli_xstrdup (t->row + start);
      t->rowlen = 0;
      return;
    }
  if (f == CLI_FMT_TSV)
    cli_row_puts (t, j ? "\t" : "");
  else if (f == CLI_FMT_MARKDOWN)
    cli_row_puts (t, j ? " | " : "| ");
  else if (f == CLI_FMT_LATEX)
    cli_row_puts (t, j ? " & " : "");
  else
    {
      if (j == 0)
        {
          cli_row_puts (t, "{\"table\":\"");
          cli_put_escaped (t, t->name);
          cli_row_puts (t, "\"");
        }
      cli_row_puts (t, ",\"");
      cli_put_escaped (t, t->cols[j].name);
      cli_row_puts (t, "\":");
      if (!json_bare)
        cli_row_puts (t, "\"");
    }
  if (f == CLI_FMT_LATEX && t->lf && cli_col_numeric (ty))
    cli_latex_measure (&t->lf[j], text);
  if (ty == CLI_COL_STATUS)
    t->status_at = t->rowlen;
  if (cli_col_numeric (ty) || ty == CLI_COL_STATUS)
    cli_row_puts (t, text);         /* numbers and tokens need no escaping */
  else
    cli_put_escaped (t, text);
  if (f == CLI_FMT_JSON && !json_bare)
    cli_row_puts (t, "\"");
}

void
cli_cell_int (cli_table *t, long long v)
{
  char b[32];
  snprintf (b, sizeof b, "%lld", v);
  add_cell (t, CLI_COL_INT, b, 1);
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
      add_cell (t, CLI_COL_REAL, t->o->fmt == CLI_FMT_JSON ? "null" : "", 1);
      return;
    }
  if (t->o->digits < 17)
    snprintf (b, sizeof b, "%.*g", t->o->digits, v);
  else
    /* The shortest of %.15g, %.16g, %.17g that reads back as v (5.6, not
       5.5999999999999996). */
    for (int p = 15; p <= 17; p++)
      {
        snprintf (b, sizeof b, "%.*g", p, v);
        if (strtod (b, NULL) == v)
          break;
      }
  add_cell (t, CLI_COL_REAL, b, 1);
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
                1);
      return;
    }
  add_cell (t, CLI_COL_DECIMAL, s, cli_is_json_number (s));
}

void
cli_cell_string (cli_table *t, const char *s)
{
  add_cell (t, CLI_COL_STRING, s, 0);
}

void
cli_cell_status (cli_table *t, int status)
{
  add_cell (t, CLI_COL_STATUS, lsc_status_token (status), 0);
}

void
cli_cell_status_token (cli_table *t, const char *token)
{
  add_cell (t, CLI_COL_STATUS, token, 0);
}

void
cli_cell_empty (cli_table *t)
{
  if (t->col >= t->ncols)
    cli_fatal (CLI_EXIT_SYSTEM, "internal error: too many cells in table "
               "'%s'", t->name);
  cli_coltype ty = t->cols[t->col].type;
  add_cell (t, ty, t->o->fmt == CLI_FMT_JSON ? "null" : "", 1);
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
  if (t->o->fmt == CLI_FMT_TEXT)
    {
      free (t->cells[t->status_at]);
      t->cells[t->status_at] = cli_xstrdup (tok);
      return;
    }
  /* splice tok over the two bytes of "ok" at status_at */
  size_t tail = t->rowlen - (t->status_at + 2);
  char *rest = cli_xstrdup (t->row + t->status_at + 2);
  t->rowlen = t->status_at;
  cli_row_puts (t, tok);
  cli_row_put (t, rest, tail);
  free (rest);
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
  switch (t->o->fmt)
    {
    case CLI_FMT_TEXT:
      return;
    case CLI_FMT_TSV:
      cli_row_puts (t, "\n");
      break;
    case CLI_FMT_JSON:
      cli_row_puts (t, "}\n");
      break;
    case CLI_FMT_LATEX:
      cli_row_puts (t, " \\\\\n");
      if (t->lf) /* kept for cli_table_end */
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
          t->cells[t->ncells++] = cli_xstrdup (t->row);
          t->rowlen = 0;
          t->row[0] = '\0';
          return;
        }
      break;
    case CLI_FMT_MARKDOWN:
      cli_row_puts (t, " |\n");
      break;
    }
  row_flush (t);
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
      fputs (t->captioned ? "\\bottomrule\n\\end{tabular}}\n\\end{table}\n"
             : "\\bottomrule\n\\end{tabular}\n", t->o->out);
    }
  for (size_t i = 0; i < t->ncells; i++)
    free (t->cells[i]);
  free (t->cells);
  free (t->lf);
  free (t->head);
  for (size_t j = 0; j < t->ncols; j++)
    free ((char *) t->cols[j].name);
  free (t->cols);
  free (t->name);
  free (t->row);
  free (t);
}
