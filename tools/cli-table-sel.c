/* The tools' table writer, paper part (cli-table-impl.h): which columns a
   table shows (--columns and the per-format defaults), the standalone
   LaTeX document (--standalone) and rounding of decimal strings. */
#define _POSIX_C_SOURCE 200809L
#include <config.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cli-table-impl.h"

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

void
cli_select (cli_table *t)
{
  const char *list = t->o->columns;
  t->sel = cli_xmalloc ((t->ncols ? t->ncols : 1) * sizeof *t->sel);
  t->nsel = 0;
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
        return;
    }
  int paper = 0;
  if (t->o->fmt == CLI_FMT_LATEX && !list_is (list, "all"))
    for (size_t j = 0; j < t->ncols; j++)
      paper |= (t->cols[j].flags & CLI_COLF_PAPER) != 0;
  for (size_t j = 0; j < t->ncols; j++)
    if (paper ? (t->cols[j].flags & CLI_COLF_PAPER) != 0
        : list_is (list, "all") || !(t->cols[j].flags & CLI_COLF_EXTRA))
      t->sel[t->nsel++] = j;
}

void
cli_isotropy_tex (char *buf, size_t len, const char *spec)
{
  size_t k = 0;
  long sum = 0, nb = 0;
  char blocks[512] = "";
  const char *p = spec[4] ? spec + 5 : spec + 4;
  if (strncmp (spec, "kd:L", 4) != 0 || (spec[4] && spec[4] != ','))
    goto verbatim;
  while (*p)
    {
      char *end;
      long b = strtol (p, &end, 10);
      if (end == p || b <= 0 || b > 100000 || (*end && *end != ','))
        goto verbatim;
      sum += b;
      nb++;
      k += (size_t) snprintf (blocks + k, k < sizeof blocks
                              ? sizeof blocks - k : 0,
                              "\\times S_{%ld}", b);
      if (k >= sizeof blocks)
        goto verbatim;
      p = *end ? end + 1 : end;
    }
  if (nb == 0)
    snprintf (buf, len, "$\\Delta S_{d}$");
  else
    snprintf (buf, len, "$\\Delta(S_{d-%ld}%s)$", sum, blocks);
  return;
verbatim:
  k = 0;
  for (; *spec && k + 3 < len; spec++)
    {
      if (strchr ("&%$#_{}", *spec))
        buf[k++] = '\\';
      buf[k++] = *spec;
    }
  buf[k] = '\0';
}

void
cli_table_check (cli_format fmt, size_t ntab, ...)
{
  if (cli_table_standalone && fmt != CLI_FMT_LATEX)
    cli_fatal (CLI_EXIT_USAGE, "--standalone needs --format latex");
  const char *list = cli_table_columns, *p = list, *s;
  if (!list)
    return;
  if (!*list)
    cli_fatal (CLI_EXIT_USAGE, "invalid argument '' for --columns: no "
               "column named");
  if (list_is (list, "all") || list_is (list, "default"))
    return;
  size_t n;
  while ((s = next_name (&p, &n)))
    {
      int found = 0;
      char known[2048] = "";
      va_list ap;
      va_start (ap, ntab);
      for (size_t k = 0; k < ntab; k++)
        {
          const cli_pcolumn *c = va_arg (ap, const cli_pcolumn *);
          size_t nc = va_arg (ap, size_t);
          for (size_t j = 0; j < nc; j++)
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
      va_end (ap);
      if (!found)
        cli_fatal (CLI_EXIT_USAGE, "invalid argument '%s' for --columns: "
                   "no column '%.*s' (columns: %s; or all, default)", list,
                   (int) n, s, known);
    }
}

void
cli_standalone_begin (cli_output *o)
{
  fputs ("\\documentclass[10pt]{article}\n"
         "\\usepackage[T1]{fontenc}\n"
         "\\usepackage[textwidth=12.2cm]{geometry}\n"
         "\\usepackage{amsmath,booktabs,longtable,siunitx}\n"
         "\\begin{document}\n", o->out);
}

void
cli_standalone_end (cli_output *o)
{
  if (o->ntables == 0)
    cli_standalone_begin (o);
  fputs ("\\end{document}\n", o->out);
}

/* Round the decimal digits of s (sign, digits, optional point, optional
   exponent) to digits significant digits, half to even on an exact tie
   of the digits given. */
char *
cli_round_decimal (const char *s, int digits)
{
  const char *p = s;
  int neg = 0;
  if (*p == '-' || *p == '+')
    neg = *p++ == '-';
  char m[512];
  size_t nm = 0;
  long point = -1, exp10 = 0;   /* digits before the point */
  for (; (*p >= '0' && *p <= '9') || *p == '.'; p++)
    {
      if (*p == '.')
        {
          if (point >= 0)
            return cli_xstrdup (s);
          point = (long) nm;
        }
      else if (nm + 1 < sizeof m)
        m[nm++] = *p;
      else
        return cli_xstrdup (s);
    }
  if (point < 0)
    point = (long) nm;
  if (*p == 'e' || *p == 'E')
    {
      char *end;
      exp10 = strtol (p + 1, &end, 10);
      p = end;
    }
  if (*p || nm == 0 || (point == (long) nm && !strpbrk (s, "eE")))
    return cli_xstrdup (s);     /* not a number, or an integer (a count) */
  /* leading zeros are not significant */
  size_t lead = 0;
  while (lead < nm && m[lead] == '0')
    lead++;
  if (lead == nm || nm - lead <= (size_t) digits)
    return cli_xstrdup (s);
  size_t cut = lead + (size_t) digits;    /* keep m[0..cut) */
  int up = m[cut] > '5';
  if (m[cut] == '5')
    {
      int rest = 0;
      for (size_t i = cut + 1; i < nm; i++)
        rest |= m[i] != '0';
      up = rest || (m[cut - 1] - '0') % 2 == 1;
    }
  long e10 = point + exp10;             /* value = 0.m * 10^e10 */
  if (up)
    {
      size_t i = cut;
      while (i > 0 && m[i - 1] == '9')
        m[--i] = '0';
      if (i == 0)
        {
          memmove (m + 1, m, cut);
          m[0] = '1';
          cut++;
          e10++;
        }
      else
        m[i - 1]++;
    }
  m[cut] = '\0';
  /* print as %g would: the significant digits d1.d2... and an exponent,
     fixed notation when -4 <= exponent < digits */
  while (lead < cut && m[lead] == '0')
    lead++;
  const char *sig = m + lead;
  size_t ns = strlen (sig);
  while (ns > 1 && sig[ns - 1] == '0')
    ns--;
  long e = e10 - (long) lead - 1;       /* exponent of the first digit */
  char out[600];
  size_t k = 0;
  if (neg)
    out[k++] = '-';
  if (e >= -4 && e < digits)
    {
      if (e < 0)
        {
          k += (size_t) snprintf (out + k, sizeof out - k, "0.");
          for (long z = -1; z > e; z--)
            out[k++] = '0';
          memcpy (out + k, sig, ns);
          k += ns;
        }
      else
        for (size_t i = 0; i < ns || (long) i <= e; i++)
          {
            if ((long) i == e + 1)
              out[k++] = '.';
            out[k++] = i < ns ? sig[i] : '0';
          }
      out[k] = '\0';
      if (strchr (out, '.') && k > 0 && out[k - 1] == '.')
        out[--k] = '\0';
    }
  else
    {
      out[k++] = sig[0];
      if (ns > 1)
        {
          out[k++] = '.';
          memcpy (out + k, sig + 1, ns - 1);
          k += ns - 1;
        }
      snprintf (out + k, sizeof out - k, "e%s%02ld", e < 0 ? "-" : "+",
                e < 0 ? -e : e);
    }
  return cli_xstrdup (out);
}
