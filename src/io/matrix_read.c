/* Reading dense matrices from whitespace- or TAB-separated text, with
   strict C-locale number parsing and "NAME:LINE: message" diagnostics. */
#define _POSIX_C_SOURCE 200809L
#include <config.h>
#include <errno.h>
#include <locale.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <math.h>
#include "landscape/lsc_io.h"
#include "landscape/lsc_table.h"   /* the decimal grammar, one rule */
#include "internal.h"
#include "io/line.h"

/* Parser state shared by the helpers below. */
typedef struct
{
  const char *name;
  char *errbuf;
  size_t errlen;
  size_t lineno;
} reader;

/* Format "NAME:LINE: message" (LINE omitted when 0) into errbuf, report
   through the error hook, and return status. */
static int
fail (reader *r, int status, const char *fmt, ...)
{
  char msg[256];
  va_list ap;
  va_start (ap, fmt);
  vsnprintf (msg, sizeof msg, fmt, ap);
  va_end (ap);
  if (r->errbuf && r->errlen > 0)
    {
      if (r->lineno > 0)
        snprintf (r->errbuf, r->errlen, "%s:%zu: %s", r->name, r->lineno,
                  msg);
      else
        snprintf (r->errbuf, r->errlen, "%s: %s", r->name, msg);
    }
  lsc_error (r->errbuf && r->errlen > 0 ? r->errbuf : msg, __FILE__,
             __LINE__, status);
  return status;
}

/* Copy at most 24 characters of a token, printable ASCII only, for use in a
   one-line message. */
static void
quote_token (char *out, size_t outlen, const char *s, size_t n)
{
  size_t j = 0, lim = outlen - 4;
  for (size_t i = 0; i < n && j < lim; i++)
    {
      unsigned char c = (unsigned char) s[i];
      out[j++] = (c >= 0x20 && c < 0x7f) ? (char) c : '?';
    }
  if (n > lim)
    {
      out[j++] = '.';
      out[j++] = '.';
      out[j++] = '.';
    }
  out[j] = '\0';
}

/* 1 if s[0..n) spells NaN or infinity in any of strtod's forms. */
static int
is_nonfinite_word (const char *s, size_t n)
{
  static const char *const words[] = { "nan", "inf", "infinity" };
  if (n > 0 && (s[0] == '+' || s[0] == '-'))
    s++, n--;
  for (size_t w = 0; w < 3; w++)
    {
      size_t len = strlen (words[w]);
      if (n >= len && strncasecmp (s, words[w], len) == 0
          && (n == len || (w == 0 && s[len] == '(')))
        return 1;
    }
  return 0;
}

/* Append a value to the growing row-major buffer. */
static int
push (double **buf, size_t *len, size_t *cap, double v)
{
  if (*len == *cap)
    {
      size_t ncap = *cap ? 2 * *cap : 64;
      if (ncap > SIZE_MAX / sizeof (double) / 2)
        return LSC_ENOMEM;
      double *nb = realloc (*buf, ncap * sizeof (double));
      if (!nb)
        return LSC_ENOMEM;
      *buf = nb;
      *cap = ncap;
    }
  (*buf)[(*len)++] = v;
  return LSC_SUCCESS;
}

/* Contract: see lsc_io.h.  Each line is split at runs of blanks and TABs
   after removing a '#' comment and a trailing CR (CRLF files are accepted).
   A line that contains a TAB is TSV: an empty field (two TABs with only
   blanks between them, or a TAB at either end of the data) is an error.
   Numbers are decimal literals only (no hexadecimal, no "inf"/"nan");
   they are converted by strtod under a thread-local C locale, so the
   process locale is never changed.  Values that overflow are reported as
   LSC_ENONFINITE; values below the normal range round to subnormals or
   zero as strtod does.  Lines and the matrix are bounded by lsc_io_limits. */
void
lsc_io_limits_init (lsc_io_limits *lim)
{
  lim->max_line = LSC_IO_MAX_LINE;
  lim->max_entries = LSC_IO_MAX_ENTRIES;
}

int
lsc_matrix_read_limited (double **data, size_t *rows, size_t *cols,
                         size_t **lines, FILE *f, const char *name,
                         const lsc_io_limits *limits, char *errbuf,
                         size_t errlen)
{
  reader r = { name ? name : "(input)", errbuf, errlen, 0 };
  lsc_io_limits lim;
  char *line = NULL;
  size_t linecap = 0;
  double *buf = NULL;
  size_t *lbuf = NULL;
  size_t len = 0, cap = 0, nrows = 0, lcap = 0, ncols = 0, firstline = 0;
  int rc = LSC_SUCCESS;
  locale_t cloc = (locale_t) 0, old = (locale_t) 0;

  if (errbuf && errlen > 0)
    errbuf[0] = '\0';
  if (!data || !rows || !cols || !f)
    return fail (&r, LSC_EFAULT, "null argument");
  *data = NULL;
  *rows = *cols = 0;
  if (lines)
    *lines = NULL;
  if (limits)
    lim = *limits;
  else
    lsc_io_limits_init (&lim);
  if (lim.max_line == 0 || lim.max_entries == 0)
    return fail (&r, LSC_EINVAL, "zero size limit");

  cloc = newlocale (LC_NUMERIC_MASK, "C", (locale_t) 0);
  if (cloc == (locale_t) 0)
    return fail (&r, LSC_ENOMEM, "cannot create the C locale");
  old = uselocale (cloc);

  for (;;)
    {
      size_t n;
      int st = lsc_io_getline (&line, &linecap, &n, f, lim.max_line);
      if (st == LSC_EOF)
        break;
      r.lineno++;
      if (st == LSC_EFAILED)
        {
          int e = errno ? errno : EIO;
          r.lineno = 0;
          /* reading a directory is the caller's mistake, not the system's */
          rc = fail (&r, e == EISDIR ? LSC_EINVAL : LSC_EFAILED,
                     "read error: %s", strerror (e));
          break;
        }
      if (st == LSC_ENOMEM)
        {
          rc = fail (&r, LSC_ENOMEM, "out of memory");
          break;
        }
      if (st == LSC_ELIMIT)
        {
          rc = fail (&r, LSC_ELIMIT, "line longer than %zu bytes (the "
                     "maximum line length)", lim.max_line);
          break;
        }
      if (n > 0 && line[n - 1] == '\r')
        n--;
      for (size_t i = 0; i < n; i++)
        if (line[i] == '#')
          {
            n = i;
            break;
          }
      /* Trim blanks (not TABs: a TAB at an end is an empty TSV field). */
      size_t a = 0;
      while (a < n && line[a] == ' ')
        a++;
      while (n > a && line[n - 1] == ' ')
        n--;
      if (a == n)
        continue;                       /* blank or comment-only line */
      int tsv = memchr (line + a, '\t', n - a) != NULL;
      if (tsv && (line[a] == '\t' || line[n - 1] == '\t'))
        {
          rc = fail (&r, LSC_EPARSE, "empty field at %s of line",
                     line[a] == '\t' ? "start" : "end");
          break;
        }
      size_t nf = 0, i = a;
      while (i < n)
        {
          size_t tabs = 0;
          while (i < n && (line[i] == ' ' || line[i] == '\t'))
            tabs += line[i++] == '\t';
          if (tabs > 1)
            {
              rc = fail (&r, LSC_EPARSE, "empty field after field %zu",
                         nf);
              goto cleanup;
            }
          size_t s = i;
          while (i < n && line[i] != ' ' && line[i] != '\t')
            i++;
          const char *tok = line + s;
          size_t tlen = i - s;
          char q[32];
          nf++;
          /* The token ends at a separator or at the end of the kept part;
             terminate it in place for the grammar check and strtod. */
          char save = line[i];
          line[i] = '\0';
          int dec = lsc_table_number_syntax (tok, LSC_TABLE_NUMBER_DECIMAL);
          line[i] = save;
          if (!dec)
            {
              quote_token (q, sizeof q, tok, tlen);
              if (is_nonfinite_word (tok, tlen))
                rc = fail (&r, LSC_ENONFINITE, "field %zu: '%s' is not "
                           "finite", nf, q);
              else
                rc = fail (&r, LSC_EPARSE, "field %zu: '%s' is not a "
                           "decimal number", nf, q);
              goto cleanup;
            }
          line[i] = '\0';
          char *end;
          errno = 0;
          double v = strtod (tok, &end);
          int err = errno;
          line[i] = save;
          if (end != tok + tlen)
            {
              quote_token (q, sizeof q, tok, tlen);
              rc = fail (&r, LSC_EPARSE, "field %zu: '%s' is not a "
                         "decimal number", nf, q);
              goto cleanup;
            }
          if (!isfinite (v) || (err == ERANGE && fabs (v) > 1.0))
            {
              quote_token (q, sizeof q, tok, tlen);
              rc = fail (&r, LSC_ENONFINITE, "field %zu: '%s' overflows "
                         "a double", nf, q);
              goto cleanup;
            }
          if (len == lim.max_entries)
            {
              rc = fail (&r, LSC_ELIMIT, "more than %zu numbers (the "
                         "maximum matrix size)", lim.max_entries);
              goto cleanup;
            }
          if ((rc = push (&buf, &len, &cap, v)) != LSC_SUCCESS)
            {
              fail (&r, rc, "out of memory");
              goto cleanup;
            }
        }
      if (nrows == 0)
        {
          ncols = nf;
          firstline = r.lineno;
        }
      else if (nf != ncols)
        {
          rc = fail (&r, LSC_EPARSE, "expected %zu fields (as on line %zu), "
                     "found %zu", ncols, firstline, nf);
          goto cleanup;
        }
      if (lines)
        {
          if (nrows == lcap)
            {
              size_t nc = lcap ? 2 * lcap : 16;
              size_t *nb = nc < SIZE_MAX / sizeof (size_t)
                ? realloc (lbuf, nc * sizeof (size_t)) : NULL;
              if (!nb)
                {
                  rc = fail (&r, LSC_ENOMEM, "out of memory");
                  goto cleanup;
                }
              lbuf = nb;
              lcap = nc;
            }
          lbuf[nrows] = r.lineno;
        }
      nrows++;
    }
  if (rc == LSC_SUCCESS && nrows == 0)
    {
      r.lineno = 0;
      rc = fail (&r, LSC_EOF, "no data (empty input)");
    }

cleanup:
  uselocale (old);
  freelocale (cloc);
  free (line);
  if (rc != LSC_SUCCESS)
    {
      free (buf);
      free (lbuf);
      return rc;
    }
  *data = buf;
  *rows = nrows;
  *cols = ncols;
  if (lines)
    *lines = lbuf;
  return LSC_SUCCESS;
}

int
lsc_matrix_read_lines (double **data, size_t *rows, size_t *cols,
                       size_t **lines, FILE *f, const char *name,
                       char *errbuf, size_t errlen)
{
  return lsc_matrix_read_limited (data, rows, cols, lines, f, name, NULL,
                                  errbuf, errlen);
}

int
lsc_matrix_read (double **data, size_t *rows, size_t *cols, FILE *f,
                 const char *name, char *errbuf, size_t errlen)
{
  return lsc_matrix_read_lines (data, rows, cols, NULL, f, name, errbuf,
                                errlen);
}

/* "-" reads stdin (and leaves it open).  A file that cannot be opened
   (or is a directory) gives LSC_EINVAL, a read error LSC_EFAILED. */
int
lsc_matrix_read_file_limited (double **data, size_t *rows, size_t *cols,
                              size_t **lines, const char *path,
                              const lsc_io_limits *lim, char *errbuf,
                              size_t errlen)
{
  if (!path)
    {
      reader r = { "(null)", errbuf, errlen, 0 };
      return fail (&r, LSC_EFAULT, "null path");
    }
  if (strcmp (path, "-") == 0)
    return lsc_matrix_read_limited (data, rows, cols, lines, stdin,
                                    "(stdin)", lim, errbuf, errlen);
  FILE *f = fopen (path, "r");
  if (!f)
    {
      reader r = { path, errbuf, errlen, 0 };
      return fail (&r, errno == ENOMEM ? LSC_ENOMEM : LSC_EINVAL, "%s",
                   strerror (errno));
    }
  int rc = lsc_matrix_read_limited (data, rows, cols, lines, f, path, lim,
                                    errbuf, errlen);
  fclose (f);
  return rc;
}

int
lsc_matrix_read_file (double **data, size_t *rows, size_t *cols,
                      const char *path, char *errbuf, size_t errlen)
{
  return lsc_matrix_read_file_limited (data, rows, cols, NULL, path, NULL,
                                       errbuf, errlen);
}
