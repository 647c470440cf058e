/* The table writer, format part (report_impl.h): escaping for
   each format, LaTeX column measures and the buffered text and captioned
   LaTeX tables. */
#define _POSIX_C_SOURCE 200809L
#include <config.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "report_impl.h"

static int
is_digit (char c)
{
  return c >= '0' && c <= '9';
}

void
lsc_rpt_escaped (lsc_table *t, const char *s)
{
  for (; *s; s++)
    {
      char c = *s;
      switch (t->o->fmt)
        {
        case LSC_TABLE_JSON:
          if (c == '"' || c == '\\')
            {
              lsc_rpt_put (t, "\\", 1);
              lsc_rpt_put (t, s, 1);
            }
          else if ((unsigned char) c < 0x20)
            {
              char u[8];
              snprintf (u, sizeof u, "\\u%04x", (unsigned) c);
              lsc_rpt_puts (t, u);
            }
          else
            lsc_rpt_put (t, s, 1);
          break;
        case LSC_TABLE_LATEX:
          if (strchr ("&%$#_{}", c))
            {
              lsc_rpt_put (t, "\\", 1);
              lsc_rpt_put (t, s, 1);
            }
          else if (c == '-' && s[1] == '>')
            {
              lsc_rpt_puts (t, "$\\to$"); /* "a->b" as an arrow */
              s++;
            }
          else if (c == '<' || c == '>')
            lsc_rpt_puts (t, c == '<' ? "\\textless{}" : "\\textgreater{}");
          else if (c == '\\' || c == '~' || c == '^')
            lsc_rpt_puts (t, c == '\\' ? "\\textbackslash{}"
                      : c == '~' ? "\\textasciitilde{}"
                      : "\\textasciicircum{}");
          else
            lsc_rpt_put (t, (unsigned char) c < 0x20 ? " " : s, 1);
          break;
        case LSC_TABLE_MARKDOWN:
          if (c == '|')
            lsc_rpt_put (t, "\\", 1);
          lsc_rpt_put (t, (unsigned char) c < 0x20 ? " " : s, 1);
          break;
        default:              /* TSV and text: no TABs or newlines */
          lsc_rpt_put (t, (unsigned char) c < 0x20 ? " " : s, 1);
        }
    }
}

void
lsc_rpt_latex_measure (struct lsc_rpt_latex_fmt *f, const char *text)
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

/* \label{tab:LABEL-TABLE} after a caption (LABEL: the output's label,
   e.g. the tool: scan-summary, census-totals, ...; tab:TABLE without). */
static void
latex_label (lsc_table *t)
{
  const char *p = t->o->label;
  fprintf (t->o->out, "\\label{tab:%s%s%s}", p ? p : "", p ? "-" : "",
           t->name);
}

/* A column's LaTeX header: its tex, else its escaped name; braced for a
   siunitx column. */
static void
latex_head (lsc_table *t, const lsc_table_pcolumn *c)
{
  int brace = t->captioned && lsc_rpt_numeric (c->type);
  lsc_rpt_puts (t, brace ? "{" : "");
  if (c->tex)
    lsc_rpt_puts (t, c->tex);
  else
    lsc_rpt_escaped (t, c->name);
  lsc_rpt_puts (t, brace ? "}" : "");
}

void
lsc_rpt_header (lsc_table *t, const char *caption)
{
  lsc_table_format f = t->o->fmt;
  FILE *o = t->o->out;
  if (f == LSC_TABLE_LATEX)
    {
      fputs ("% table: ", o);
      lsc_rpt_escaped (t, t->name);
      fputs (t->row ? t->row : "", o);
      t->rowlen = 0;
      if (t->longtab)
        fputs ("\n", o), t->caption = lsc_rpt_strdup (t->o, caption);
      else if (caption)
        {
          fprintf (o, "\n\\begin{table}[htbp]\n\\centering\n\\caption{%s}",
                   caption);
          latex_label (t);
          fputs ("\n" LSC_TABLE_LATEX_SIZE "\n", o);
        }
      else
        {
          fputs ("\n\\begin{tabular}{", o);
          for (size_t i = 0; i < t->nsel; i++)
            fputs (lsc_rpt_numeric (t->cols[t->sel[i]].type) ? "r" : "l", o);
          fputs ("}\n\\toprule\n", o);
        }
    }
  for (size_t i = 0; i < t->nsel; i++)
    {
      const lsc_table_pcolumn *c = &t->cols[t->sel[i]];
      if (f == LSC_TABLE_LATEX)
        {
          lsc_rpt_puts (t, i ? " & " : "");
          latex_head (t, c);
          continue;
        }
      lsc_rpt_puts (t, f == LSC_TABLE_TSV ? (i ? "\t" : "") : (i ? " | " : "| "));
      lsc_rpt_escaped (t, c->name);
    }
  if (f == LSC_TABLE_LATEX)
    lsc_rpt_puts (t, " \\\\\n\\midrule\n");
  else
    lsc_rpt_puts (t, f == LSC_TABLE_TSV ? "\n" : " |\n");
  if (f == LSC_TABLE_MARKDOWN)
    {
      lsc_rpt_puts (t, "|");
      for (size_t i = 0; i < t->nsel; i++)
        lsc_rpt_puts (t, lsc_rpt_numeric (t->cols[t->sel[i]].type)
                      ? " ---: |" : " :--- |");
      lsc_rpt_puts (t, "\n");
    }
}

/* The tabular (or longtable) of a captioned LaTeX table: S[table-format=...]
   columns from the measured numbers, the header, the kept rows.  Never
   shrunk: the tables are set at the size of the surrounding text. */
void
lsc_rpt_write_latex (lsc_table *t)
{
  FILE *o = t->o->out;
  /* a longtable is no float: its size is set in a group */
  fputs (t->longtab ? "{" LSC_TABLE_LATEX_SIZE "\n\\begin{longtable}{"
         : "\\begin{tabular}{", o);
  for (size_t i = 0; i < t->nsel; i++)
    {
      struct lsc_rpt_latex_fmt *f = &t->lf[i];
      if (!lsc_rpt_numeric (t->cols[t->sel[i]].type))
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
  fputs ("}\n", o);
  if (t->longtab)
    {
      if (t->caption && *t->caption)
        {
          fprintf (o, "\\caption{%s}", t->caption);
          latex_label (t);
          fputs ("\\\\\n", o);
        }
      fprintf (o, "\\toprule\n%s\\endfirsthead\n\\multicolumn{%zu}{l}"
               "{(continued)}\\\\\n\\toprule\n%s\\endhead\n",
               t->head ? t->head : "", t->nsel, t->head ? t->head : "");
    }
  else
    fprintf (o, "\\toprule\n%s", t->head ? t->head : "");
  for (size_t i = 0; i < t->ncells; i++)
    fputs (t->cells[i], o);
}

/* Write the buffered text table: numbers right-aligned, text left-aligned,
   columns two spaces apart, no trailing blanks. */
void
lsc_rpt_write_text (lsc_table *t)
{
  size_t nc = t->nsel, nrows = t->ncells / (nc ? nc : 1);
  size_t *w = lsc_rpt_malloc (t->o, (nc ? nc : 1) * sizeof *w);
  if (!w)
    return;
  for (size_t j = 0; j < nc; j++)
    {
      w[j] = strlen (t->cols[t->sel[j]].name);
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
          const lsc_table_pcolumn *c = &t->cols[t->sel[j]];
          const char *s = i ? t->cells[(i - 1) * nc + j] : c->name;
          int pad = (int) (w[j] - strlen (s));
          int last = j + 1 == nc;
          if (lsc_rpt_numeric (c->type))
            fprintf (t->o->out, "%s%*s%s", j ? "  " : "", pad, "", s);
          else
            fprintf (t->o->out, "%s%s%*s", j ? "  " : "", s,
                     last ? 0 : pad, "");
        }
      fputc ('\n', t->o->out);
    }
  free (w);
}
