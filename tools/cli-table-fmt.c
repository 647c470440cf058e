/* The tools' table writer, format part (cli-table-impl.h): escaping for
   each format, LaTeX column measures and the buffered text and captioned
   LaTeX tables. */
#define _POSIX_C_SOURCE 200809L
#include <config.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cli-table-impl.h"

static int
is_digit (char c)
{
  return c >= '0' && c <= '9';
}

void
cli_put_escaped (cli_table *t, const char *s)
{
  for (; *s; s++)
    {
      char c = *s;
      switch (t->o->fmt)
        {
        case CLI_FMT_JSON:
          if (c == '"' || c == '\\')
            {
              cli_row_put (t, "\\", 1);
              cli_row_put (t, s, 1);
            }
          else if ((unsigned char) c < 0x20)
            {
              char u[8];
              snprintf (u, sizeof u, "\\u%04x", (unsigned) c);
              cli_row_puts (t, u);
            }
          else
            cli_row_put (t, s, 1);
          break;
        case CLI_FMT_LATEX:
          if (strchr ("&%$#_{}", c))
            {
              cli_row_put (t, "\\", 1);
              cli_row_put (t, s, 1);
            }
          else if (c == '-' && s[1] == '>')
            {
              cli_row_puts (t, "$\\to$"); /* "a->b" as an arrow */
              s++;
            }
          else if (c == '<' || c == '>')
            cli_row_puts (t, c == '<' ? "\\textless{}" : "\\textgreater{}");
          else if (c == '\\' || c == '~' || c == '^')
            cli_row_puts (t, c == '\\' ? "\\textbackslash{}"
                      : c == '~' ? "\\textasciitilde{}"
                      : "\\textasciicircum{}");
          else
            cli_row_put (t, (unsigned char) c < 0x20 ? " " : s, 1);
          break;
        case CLI_FMT_MARKDOWN:
          if (c == '|')
            cli_row_put (t, "\\", 1);
          cli_row_put (t, (unsigned char) c < 0x20 ? " " : s, 1);
          break;
        default:              /* TSV and text: no TABs or newlines */
          cli_row_put (t, (unsigned char) c < 0x20 ? " " : s, 1);
        }
    }
}

void
cli_latex_measure (struct latex_fmt *f, const char *text)
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

int
cli_is_json_number (const char *s)
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
  return cli_exponent_ends (s);
}

/* The tabular of a captioned LaTeX table: S[table-format=...] columns from
   the measured numbers, the header, the kept rows; shrunk to the line width
   when wider (needs graphicx). */
void
cli_write_latex (cli_table *t)
{
  FILE *o = t->o->out;
  fputs ("\\resizebox{\\ifdim\\width>\\linewidth\\linewidth\\else"
         "\\width\\fi}{!}{%\n\\begin{tabular}{", o);
  for (size_t j = 0; j < t->ncols; j++)
    {
      struct latex_fmt *f = &t->lf[j];
      if (!cli_col_numeric (t->cols[j].type))
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
void
cli_write_text (cli_table *t)
{
  size_t nc = t->ncols, nrows = t->ncells / (nc ? nc : 1);
  size_t *w = cli_xmalloc (nc * sizeof *w);
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
          if (cli_col_numeric (t->cols[j].type))
            fprintf (t->o->out, "%s%*s%s", j ? "  " : "", pad, "", s);
          else
            fprintf (t->o->out, "%s%s%*s", j ? "  " : "", s,
                     last ? 0 : pad, "");
        }
      fputc ('\n', t->o->out);
    }
  free (w);
}
