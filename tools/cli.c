/* Shared helpers of the landscape-* tools: messages, exit codes, checked
   option parsing, --version, and the table writer of landscape-formats(5). */
#define _POSIX_C_SOURCE 200809L
#include <config.h>
#include <errno.h>
#include <limits.h>
#include <locale.h>
#include <signal.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <math.h>
#include <unistd.h>
#include <gsl/gsl_version.h>
#include <mpfr.h>
#include <lapacke.h>
#include "landscape/lsc_errno.h"
#include "landscape/lsc_families.h"
#include "cli.h"

static const char *program_name = "landscape";

void
cli_init (const char *argv0)
{
  if (argv0 && *argv0)
    {
      const char *slash = strrchr (argv0, '/');
      program_name = slash ? slash + 1 : argv0;
      /* libtool wrappers run the real binary as "lt-NAME". */
      if (strncmp (program_name, "lt-", 3) == 0 && program_name[3])
        program_name += 3;
    }
  /* A closed pipe makes writes fail with EPIPE instead of killing the
     tool silently: cli_finish then reports it and exits 3 (issue 8). */
  signal (SIGPIPE, SIG_IGN);
}

const char *
cli_program_name (void)
{
  return program_name;
}

static void
verror (const char *fmt, va_list ap)
{
  fflush (stdout);
  fprintf (stderr, "%s: ", program_name);
  vfprintf (stderr, fmt, ap);
  fputc ('\n', stderr);
}

void
cli_error (const char *fmt, ...)
{
  va_list ap;
  va_start (ap, fmt);
  verror (fmt, ap);
  va_end (ap);
}

_Noreturn void
cli_fatal (int status, const char *fmt, ...)
{
  va_list ap;
  va_start (ap, fmt);
  verror (fmt, ap);
  va_end (ap);
  exit (status);
}

static void *
xmalloc (size_t n)
{
  void *p = malloc (n ? n : 1);
  if (!p)
    cli_fatal (CLI_EXIT_SYSTEM, "out of memory");
  return p;
}

static char *
xstrdup (const char *s)
{
  size_t n = strlen (s) + 1;
  return memcpy (xmalloc (n), s, n);
}

/* ---------------------------------------------------------------- parsing */

static int
is_digit (char c)
{
  return c >= '0' && c <= '9';
}

/* 1 if s is empty or an exponent [eE][+-]?d+ and nothing more (the common
   tail of the number grammars below). */
static int
exponent_ends (const char *s)
{
  if (*s == 'e' || *s == 'E')
    {
      s++;
      if (*s == '+' || *s == '-')
        s++;
      if (!is_digit (*s))
        return 0;
      while (is_digit (*s))
        s++;
    }
  return *s == '\0';
}

/* 1 if s is a decimal literal [+-](d+[.d*]|.d+)([eE][+-]d+)?. */
static int
is_decimal (const char *s)
{
  size_t mant = 0;
  if (*s == '+' || *s == '-')
    s++;
  for (; is_digit (*s); s++)
    mant++;
  if (*s == '.')
    for (s++; is_digit (*s); s++)
      mant++;
  if (mant == 0)
    return 0;
  return exponent_ends (s);
}

double
cli_parse_double (const char *opt, const char *arg)
{
  if (!is_decimal (arg))
    cli_fatal (CLI_EXIT_USAGE, "invalid argument '%s' for %s: not a decimal "
               "number", arg, opt);
  /* strtod follows LC_NUMERIC: parse under a thread-local C locale. */
  locale_t c = newlocale (LC_NUMERIC_MASK, "C", (locale_t) 0);
  if (c == (locale_t) 0)
    cli_fatal (CLI_EXIT_SYSTEM, "cannot create the C locale");
  locale_t old = uselocale (c);
  char *end;
  errno = 0;
  double v = strtod (arg, &end);
  int err = errno;
  uselocale (old);
  freelocale (c);
  if (*end != '\0')
    cli_fatal (CLI_EXIT_USAGE, "invalid argument '%s' for %s", arg, opt);
  if (!isfinite (v) || (err == ERANGE && fabs (v) > 1.0))
    cli_fatal (CLI_EXIT_USAGE, "invalid argument '%s' for %s: out of range",
               arg, opt);
  return v;
}

long
cli_parse_long (const char *opt, const char *arg, long min, long max)
{
  const char *s = arg;
  if (*s == '+' || *s == '-')
    s++;
  if (!is_digit (*s))
    cli_fatal (CLI_EXIT_USAGE, "invalid argument '%s' for %s: not an integer",
               arg, opt);
  for (; is_digit (*s); s++)
    ;
  if (*s != '\0')
    cli_fatal (CLI_EXIT_USAGE, "invalid argument '%s' for %s: not an integer",
               arg, opt);
  errno = 0;
  long v = strtol (arg, NULL, 10);
  if (errno == ERANGE || v < min || v > max)
    cli_fatal (CLI_EXIT_USAGE, "invalid argument '%s' for %s: must be in "
               "[%ld, %ld]", arg, opt, min, max);
  return v;
}

/* ---------------------------------------------------------------- version */

void
cli_version (void)
{
  lapack_int maj = 0, min = 0, pat = 0;
  LAPACKE_ilaver (&maj, &min, &pat);
  printf ("%s (%s) %s\n", program_name, PACKAGE_NAME, PACKAGE_VERSION);
  printf ("liblandscape %s\n", PACKAGE_VERSION);
  printf ("GSL %s", gsl_version);
  if (strcmp (gsl_version, GSL_VERSION) != 0)
    printf (" (built with %s)", GSL_VERSION);
  printf ("\nMPFR %s", mpfr_get_version ());
  if (strcmp (mpfr_get_version (), MPFR_VERSION_STRING) != 0)
    printf (" (built with %s)", MPFR_VERSION_STRING);
  printf ("\nLAPACK %d.%d.%d\n", (int) maj, (int) min, (int) pat);
}

int
cli_finish (int status)
{
  int e = 0;
  if (fflush (stdout) != 0)
    e = errno ? errno : EIO;
  int bad = e || ferror (stdout);
  if (fclose (stdout) != 0 && !bad)
    {
      bad = 1;
      e = errno;
    }
  if (bad)
    {
      if (e)
        fprintf (stderr, "%s: write error: %s\n", program_name, strerror (e));
      else
        fprintf (stderr, "%s: write error\n", program_name);
      return CLI_EXIT_SYSTEM;
    }
  return status;
}

/* ---------------------------------------------------------------- tables */

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

struct cli_output
{
  FILE *out;
  cli_format fmt;
  int digits;
  size_t ntables;
};

struct cli_table
{
  cli_output *o;
  char *name;
  cli_column *cols;
  size_t ncols;
  size_t col;            /* next column of the current row           */
  char **cells;          /* text format: all cells, row-major        */
  size_t ncells, cap;
  char *row;             /* streaming formats: current row, built up */
  size_t rowlen, rowcap;
  int captioned;         /* LaTeX: table float with siunitx columns  */
  /* captioned LaTeX: rows are kept until the end, when each numeric
     column gets S[table-format=...] from the widest number in it */
  char *head;            /* the header line (column names)           */
  struct latex_fmt
  {
    int intd, decd, expd, neg, expneg, any;
  } *lf;
};

cli_output *
cli_output_new (FILE *out, cli_format fmt, int digits)
{
  cli_output *o = xmalloc (sizeof *o);
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
static void
row_put (cli_table *t, const char *s, size_t n)
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

static void
row_puts (cli_table *t, const char *s)
{
  row_put (t, s, strlen (s));
}

/* Write s escaped for the output format (strings and names only). */
static void
put_escaped (cli_table *t, const char *s)
{
  for (; *s; s++)
    {
      char c = *s;
      switch (t->o->fmt)
        {
        case CLI_FMT_JSON:
          if (c == '"' || c == '\\')
            {
              row_put (t, "\\", 1);
              row_put (t, s, 1);
            }
          else if ((unsigned char) c < 0x20)
            {
              char u[8];
              snprintf (u, sizeof u, "\\u%04x", (unsigned) c);
              row_puts (t, u);
            }
          else
            row_put (t, s, 1);
          break;
        case CLI_FMT_LATEX:
          if (strchr ("&%$#_{}", c))
            {
              row_put (t, "\\", 1);
              row_put (t, s, 1);
            }
          else if (c == '-' && s[1] == '>')
            {
              row_puts (t, "$\\to$"); /* "a->b" as an arrow */
              s++;
            }
          else if (c == '<' || c == '>')
            row_puts (t, c == '<' ? "\\textless{}" : "\\textgreater{}");
          else if (c == '\\' || c == '~' || c == '^')
            row_puts (t, c == '\\' ? "\\textbackslash{}"
                      : c == '~' ? "\\textasciitilde{}"
                      : "\\textasciicircum{}");
          else
            row_put (t, (unsigned char) c < 0x20 ? " " : s, 1);
          break;
        case CLI_FMT_MARKDOWN:
          if (c == '|')
            row_put (t, "\\", 1);
          row_put (t, (unsigned char) c < 0x20 ? " " : s, 1);
          break;
        default:              /* TSV and text: no TABs or newlines */
          row_put (t, (unsigned char) c < 0x20 ? " " : s, 1);
        }
    }
}

static int
is_numeric (cli_coltype ty)
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
  cli_table *t = xmalloc (sizeof *t);
  memset (t, 0, sizeof *t);
  t->o = o;
  t->name = xstrdup (name);
  t->ncols = ncols;
  t->cols = xmalloc (ncols * sizeof *cols);
  for (size_t j = 0; j < ncols; j++)
    {
      t->cols[j].type = cols[j].type;
      t->cols[j].name = xstrdup (cols[j].name);
    }
  if (o->ntables++ > 0 && o->fmt != CLI_FMT_JSON)
    fputc ('\n', o->out);
  switch (o->fmt)
    {
    case CLI_FMT_TSV:
    case CLI_FMT_MARKDOWN:
      for (size_t j = 0; j < ncols; j++)
        {
          row_puts (t, o->fmt == CLI_FMT_TSV ? (j ? "\t" : "")
                    : (j ? " | " : "| "));
          put_escaped (t, cols[j].name);
        }
      row_puts (t, o->fmt == CLI_FMT_TSV ? "\n" : " |\n");
      if (o->fmt == CLI_FMT_MARKDOWN)
        {
          row_puts (t, "|");
          for (size_t j = 0; j < ncols; j++)
            row_puts (t, is_numeric (cols[j].type) ? " ---: |" : " :--- |");
          row_puts (t, "\n");
        }
      break;
    case CLI_FMT_LATEX:
      t->captioned = caption != NULL;
      row_puts (t, "% table: ");
      put_escaped (t, name);
      if (caption)
        {
          row_puts (t, "\n\\begin{table}[htbp]\n\\centering\n\\caption{");
          row_puts (t, caption);
          row_puts (t, "}");
        }
      if (caption)
        {
          /* the column spec needs the widths of all numbers: the tabular
             is written by cli_table_end */
          row_puts (t, "\n");
          row_flush (t);
          t->lf = xmalloc (ncols * sizeof *t->lf);
          memset (t->lf, 0, ncols * sizeof *t->lf);
        }
      else
        {
          row_puts (t, "\n\\begin{tabular}{");
          for (size_t j = 0; j < ncols; j++)
            row_puts (t, is_numeric (cols[j].type) ? "r" : "l");
          row_puts (t, "}\n\\toprule\n");
        }
      for (size_t j = 0; j < ncols; j++)
        {
          int brace = caption && is_numeric (cols[j].type);
          if (j)
            row_puts (t, " & ");
          if (brace)
            row_puts (t, "{");
          put_escaped (t, cols[j].name);
          if (brace)
            row_puts (t, "}");
        }
      row_puts (t, " \\\\\n\\midrule\n");
      if (caption)
        {
          t->head = xstrdup (t->row);
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

/* Widen the table-format of a numeric LaTeX column to hold text: integer
   and decimal digits, exponent digits, signs (siunitx). */
static void
latex_measure (struct latex_fmt *f, const char *text)
{
  const char *s = text;
  int neg = 0, in = 0, de = 0, ex = 0, exneg = 0;
  if (*s == '-' || *s == '+')
    neg = *s++ == '-';
  while (is_digit (*s))
    s++, in++;
  if (*s == '.')
    for (s++; is_digit (*s); s++)
      de++;
  if (*s == 'e' || *s == 'E')
    {
      s++;
      if (*s == '-' || *s == '+')
        exneg = *s++ == '-';
      while (is_digit (*s))
        s++, ex++;
    }
  if (*s || (in == 0 && de == 0))
    return; /* not a plain number (nan, inf, empty): siunitx prints it as text */
  f->any = 1;
  f->neg |= neg;
  f->expneg |= exneg;
  f->intd = f->intd > in ? f->intd : in;
  f->decd = f->decd > de ? f->decd : de;
  f->expd = f->expd > ex ? f->expd : ex;
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
      row_put (t, "", 0);       /* terminate: an empty cell is "" */
      put_escaped (t, text);
      t->cells[t->ncells++] = xstrdup (t->row + start);
      t->rowlen = 0;
      return;
    }
  if (f == CLI_FMT_TSV)
    row_puts (t, j ? "\t" : "");
  else if (f == CLI_FMT_MARKDOWN)
    row_puts (t, j ? " | " : "| ");
  else if (f == CLI_FMT_LATEX)
    row_puts (t, j ? " & " : "");
  else
    {
      if (j == 0)
        {
          row_puts (t, "{\"table\":\"");
          put_escaped (t, t->name);
          row_puts (t, "\"");
        }
      row_puts (t, ",\"");
      put_escaped (t, t->cols[j].name);
      row_puts (t, "\":");
      if (!json_bare)
        row_puts (t, "\"");
    }
  if (f == CLI_FMT_LATEX && t->lf && is_numeric (ty))
    latex_measure (&t->lf[j], text);
  if (is_numeric (ty) || ty == CLI_COL_STATUS)
    row_puts (t, text);         /* numbers and tokens need no escaping */
  else
    put_escaped (t, text);
  if (f == CLI_FMT_JSON && !json_bare)
    row_puts (t, "\"");
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
  if (isnan (v))
    strcpy (b, t->o->fmt == CLI_FMT_JSON ? "null" : "nan");
  else if (isinf (v))
    strcpy (b, t->o->fmt == CLI_FMT_JSON ? "null" : v > 0 ? "inf" : "-inf");
  else if (t->o->digits < 17)
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

/* 1 if s is a number in JSON's grammar: -?(0|[1-9]d*)(.d+)?([eE][+-]?d+)? */
static int
is_json_number (const char *s)
{
  if (*s == '-')
    s++;
  if (*s == '0')
    s++;
  else if (*s >= '1' && *s <= '9')
    while (is_digit (*s))
      s++;
  else
    return 0;
  if (*s == '.')
    {
      if (!is_digit (*++s))
        return 0;
      while (is_digit (*s))
        s++;
    }
  return exponent_ends (s);
}

void
cli_cell_decimal (cli_table *t, const char *s)
{
  add_cell (t, CLI_COL_DECIMAL, s, is_json_number (s));
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
cli_cell_empty (cli_table *t)
{
  if (t->col >= t->ncols)
    cli_fatal (CLI_EXIT_SYSTEM, "internal error: too many cells in table "
               "'%s'", t->name);
  cli_coltype ty = t->cols[t->col].type;
  add_cell (t, ty, t->o->fmt == CLI_FMT_JSON ? "null" : "", 1);
}

void
cli_row_end (cli_table *t)
{
  if (t->col != t->ncols)
    cli_fatal (CLI_EXIT_SYSTEM, "internal error: row of table '%s' has %zu "
               "of %zu cells", t->name, t->col, t->ncols);
  t->col = 0;
  switch (t->o->fmt)
    {
    case CLI_FMT_TEXT:
      return;
    case CLI_FMT_TSV:
      row_puts (t, "\n");
      break;
    case CLI_FMT_JSON:
      row_puts (t, "}\n");
      break;
    case CLI_FMT_LATEX:
      row_puts (t, " \\\\\n");
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
          t->cells[t->ncells++] = xstrdup (t->row);
          t->rowlen = 0;
          t->row[0] = '\0';
          return;
        }
      break;
    case CLI_FMT_MARKDOWN:
      row_puts (t, " |\n");
      break;
    }
  row_flush (t);
}

/* The tabular of a captioned LaTeX table: S[table-format=...] columns from
   the measured numbers, the header, the kept rows; shrunk to the line width
   when wider (needs graphicx). */
static void
write_latex (cli_table *t)
{
  FILE *o = t->o->out;
  fputs ("\\resizebox{\\ifdim\\width>\\linewidth\\linewidth\\else"
         "\\width\\fi}{!}{%\n\\begin{tabular}{", o);
  for (size_t j = 0; j < t->ncols; j++)
    {
      struct latex_fmt *f = &t->lf[j];
      if (!is_numeric (t->cols[j].type))
        fputs ("l", o);
      else if (!f->any)
        fputs ("r", o);
      else
        {
          fprintf (o, "S[table-format=%s%d", f->neg ? "-" : "",
                   f->intd ? f->intd : 1);
          if (f->decd)
            fprintf (o, ".%d", f->decd);
          if (f->expd)
            fprintf (o, "e%s%d", f->expneg ? "-" : "", f->expd);
          fputs ("]", o);
        }
    }
  fputs ("}\n\\toprule\n", o);
  fputs (t->head ? t->head : "", o);
  for (size_t i = 0; i < t->ncells; i++)
    fputs (t->cells[i], o);
}

/* Write the buffered text table: numbers right-aligned, text left-aligned,
   columns two spaces apart, no trailing blanks. */
static void
write_text (cli_table *t)
{
  size_t nc = t->ncols, nrows = t->ncells / (nc ? nc : 1);
  size_t *w = xmalloc (nc * sizeof *w);
  for (size_t j = 0; j < nc; j++)
    {
      w[j] = strlen (t->cols[j].name);
      for (size_t i = 0; i < nrows; i++)
        {
          size_t l = strlen (t->cells[i * nc + j]);
          w[j] = l > w[j] ? l : w[j];
        }
    }
  for (size_t i = 0; i <= nrows; i++)
    {
      for (size_t j = 0; j < nc; j++)
        {
          const char *s = i ? t->cells[(i - 1) * nc + j] : t->cols[j].name;
          int pad = (int) (w[j] - strlen (s));
          int last = j + 1 == nc;
          if (is_numeric (t->cols[j].type))
            fprintf (t->o->out, "%s%*s%s", j ? "  " : "", pad, "", s);
          else
            fprintf (t->o->out, "%s%s%*s", j ? "  " : "", s,
                     last ? 0 : pad, "");
        }
      fputc ('\n', t->o->out);
    }
  free (w);
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
    write_text (t);
  else if (t->o->fmt == CLI_FMT_LATEX)
    {
      if (t->lf)
        write_latex (t);
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

const char *
cli_catalogue_path (const char *given)
{
  if (given)
    return given;
  /* Uninstalled builds fall back to the source tree's catalogue. */
  const char *path = lsc_catalogue_default_path ();
  if (!getenv ("LANDSCAPE_FAMILIES") && access (path, R_OK) != 0
      && access (LSC_SRCDIR "/data/families.tsv", R_OK) == 0)
    path = LSC_SRCDIR "/data/families.tsv";
  return path;
}
