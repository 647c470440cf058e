/* lsc_table(3): the table writer.  Checks: no NaN on an ok row (a row
   with status ok and a non-finite real or MPFR decimal is written with
   that cell empty, null in JSON, and the status enonfinite, counted per
   output; a failed row keeps its status); reals round trip (strtod reads
   back the double) and --digits equals printf's %.Ng; decimal strings
   rounded in decimal agree with printf's rounding of the same value away
   from ties (a second algorithm) and round ties to even; Morse indices
   and isotropy specs; format names; column lists; and every documented
   status provoked (wrong cell type, a cell too many, a row or table
   ended early, NULL arguments, an unknown format or column). */
#define _POSIX_C_SOURCE 200809L
#include <config.h>
#include <math.h>
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "testutil.h"
#include "landscape/lsc_errno.h"
#include "landscape/lsc_table.h"

static const lsc_table_column nan_cols[] = { { "name", LSC_TABLE_STRING },
                                             { "status", LSC_TABLE_STATUS },
                                             { "loss", LSC_TABLE_REAL },
                                             { "exact", LSC_TABLE_DECIMAL } };

/* Write five rows in format fmt into buf: ok finite; ok NaN; ok +inf
   decimal; noconv NaN; ok "@NaN@" decimal.  Returns the demoted rows. */
static size_t
write_rows (char *buf, size_t len, lsc_table_format fmt)
{
  FILE *f = fmemopen (buf, len, "w");
  CU_ASSERT_FATAL (f != NULL);
  lsc_table_output *o = lsc_table_output_alloc (f, fmt, NULL);
  CU_ASSERT_FATAL (o != NULL);
  lsc_table *t = lsc_table_begin (o, "t", nan_cols, 4);
  CU_ASSERT_FATAL (t != NULL);
  static const struct
  {
    const char *name;
    int st;
    double v;
    const char *dec;
  } r[] = { { "fine", LSC_SUCCESS, 0.5, "0.5" },
            { "nanreal", LSC_SUCCESS, NAN, "1" },
            { "infdec", LSC_SUCCESS, 2.0, "@Inf@" },
            { "failed", LSC_ENOCONV, NAN, "1" },
            { "nandec", LSC_SUCCESS, -INFINITY, "@NaN@" } };
  for (size_t i = 0; i < 5; i++)
    {
      CU_ASSERT_EQUAL (lsc_table_cell_string (t, r[i].name), LSC_SUCCESS);
      CU_ASSERT_EQUAL (lsc_table_cell_status (t, r[i].st), LSC_SUCCESS);
      CU_ASSERT_EQUAL (lsc_table_cell_real (t, r[i].v), LSC_SUCCESS);
      CU_ASSERT_EQUAL (lsc_table_cell_decimal (t, r[i].dec), LSC_SUCCESS);
      CU_ASSERT_EQUAL (lsc_table_row_end (t), LSC_SUCCESS);
    }
  CU_ASSERT_EQUAL (lsc_table_end (t), LSC_SUCCESS);
  size_t n = lsc_table_output_demoted (o);
  CU_ASSERT_EQUAL (lsc_table_output_free (o), LSC_SUCCESS);
  fclose (f);
  return n;
}

/* The line of buf that starts with (or holds, for JSON) key. */
static const char *
line_of (const char *buf, const char *key, char *line, size_t len)
{
  const char *p = strstr (buf, key);
  line[0] = '\0';
  if (!p)
    return line;
  while (p > buf && p[-1] != '\n')
    p--;
  size_t n = strcspn (p, "\n");
  snprintf (line, len, "%.*s", (int) (n < len ? n : len - 1), p);
  return line;
}

static void
test_nan_tsv (void)
{
  char buf[4096] = "", l[256];
  CU_ASSERT_EQUAL (write_rows (buf, sizeof buf, LSC_TABLE_TSV), 3);
  CU_ASSERT_STRING_EQUAL (line_of (buf, "name", l, sizeof l),
                          "name\tstatus\tloss\texact");
  CU_ASSERT_STRING_EQUAL (line_of (buf, "fine", l, sizeof l),
                          "fine\tok\t0.5\t0.5");
  CU_ASSERT_STRING_EQUAL (line_of (buf, "nanreal", l, sizeof l),
                          "nanreal\tenonfinite\t\t1");
  CU_ASSERT_STRING_EQUAL (line_of (buf, "infdec", l, sizeof l),
                          "infdec\tenonfinite\t2\t");
  CU_ASSERT_STRING_EQUAL (line_of (buf, "failed", l, sizeof l),
                          "failed\tnoconv\t\t1");
  CU_ASSERT_STRING_EQUAL (line_of (buf, "nandec", l, sizeof l),
                          "nandec\tenonfinite\t\t");
  CU_ASSERT (strstr (buf, "nan") == strstr (buf, "nanreal")); /* no NaN */
  CU_ASSERT (strstr (buf, "inf") == strstr (buf, "infdec"));
}

static void
test_nan_json (void)
{
  char buf[4096] = "", l[256];
  CU_ASSERT_EQUAL (write_rows (buf, sizeof buf, LSC_TABLE_JSON), 3);
  CU_ASSERT_STRING_EQUAL (line_of (buf, "\"nanreal\"", l, sizeof l),
                          "{\"table\":\"t\",\"name\":\"nanreal\",\"status\":"
                          "\"enonfinite\",\"loss\":null,\"exact\":1}");
  line_of (buf, "\"nandec\"", l, sizeof l);
  CU_ASSERT (strstr (l, "\"status\":\"enonfinite\"") != NULL);
  CU_ASSERT (strstr (l, "\"exact\":null") != NULL);
  line_of (buf, "\"failed\"", l, sizeof l);
  CU_ASSERT (strstr (l, "\"status\":\"noconv\"") != NULL);
  line_of (buf, "\"fine\"", l, sizeof l);
  CU_ASSERT (strstr (l, "\"status\":\"ok\"") != NULL);
}

static void
test_nan_text (void)
{
  char buf[4096] = "", l[256];
  CU_ASSERT_EQUAL (write_rows (buf, sizeof buf, LSC_TABLE_TEXT), 3);
  /* aligned: numbers right, text left, two spaces apart */
  CU_ASSERT_STRING_EQUAL (line_of (buf, "name", l, sizeof l),
                          "name     status      loss  exact");
  CU_ASSERT_STRING_EQUAL (line_of (buf, "fine", l, sizeof l),
                          "fine     ok           0.5    0.5");
  CU_ASSERT (strstr (line_of (buf, "nandec", l, sizeof l), "enonfinite")
             != NULL);
  for (int fmt = LSC_TABLE_LATEX; fmt <= LSC_TABLE_MARKDOWN; fmt++)
    {
      CU_ASSERT_EQUAL (write_rows (buf, sizeof buf, fmt), 3);
      CU_ASSERT (strstr (buf, "nan") == strstr (buf, "nanreal"));
    }
}

/* Reals: the shortest text strtod reads back as the same double; with
   digits N, printf's %.Ng (integers below 1e15 exactly). */
static void
test_real_round_trip (void)
{
  char buf[1 << 16];
  static const lsc_table_column col[] = { { "x", LSC_TABLE_REAL } };
  double v[200];
  unsigned long long s = 12345;
  for (int i = 0; i < 200; i++)
    {
      s = s * 6364136223846793005ULL + 1442695040888963407ULL;
      v[i] = ldexp ((double) (s >> 11), -53 + (int) (s % 61) - 30)
             * (s & 1 ? -1 : 1);
    }
  v[0] = 5.6;
  v[1] = 0.1 + 0.2;
  v[2] = 1e300;
  v[3] = 4.9e-324;
  for (int digits = 0; digits <= 6; digits += 6)
    {
      FILE *f = fmemopen (buf, sizeof buf, "w");
      lsc_table_opts opts = { digits, NULL, 0, NULL };
      lsc_table_output *o = lsc_table_output_alloc (f, LSC_TABLE_TSV, &opts);
      lsc_table *t = lsc_table_begin (o, "r", col, 1);
      for (int i = 0; i < 200; i++)
        {
          lsc_table_cell_real (t, v[i]);
          lsc_table_row_end (t);
        }
      CU_ASSERT_EQUAL (lsc_table_end (t), LSC_SUCCESS);
      lsc_table_output_free (o);
      fclose (f);
      char *p = strchr (buf, '\n') + 1;
      int bad = 0;
      for (int i = 0; i < 200; i++)
        {
          char *e = strchr (p, '\n'), want[40];
          *e = '\0';
          if (digits == 0)
            bad += strtod (p, NULL) != v[i] || strlen (p) > 24;
          else
            {
              snprintf (want, sizeof want, "%.6g", v[i]);
              bad += strcmp (p, want) != 0;
            }
          p = e + 1;
        }
      CU_ASSERT_EQUAL (bad, 0);
    }
  CU_ASSERT (strstr ("5.6", "5.6") != NULL);
}

/* A decimal cell with digits: its text. */
static void
decimal_cell (char *out, size_t len, const char *s, int digits)
{
  char buf[256] = "";
  static const lsc_table_column col[] = { { "x", LSC_TABLE_DECIMAL } };
  FILE *f = fmemopen (buf, sizeof buf, "w");
  lsc_table_opts opts = { digits, NULL, 0, NULL };
  lsc_table_output *o = lsc_table_output_alloc (f, LSC_TABLE_TSV, &opts);
  lsc_table *t = lsc_table_begin (o, "d", col, 1);
  lsc_table_cell_decimal (t, s);
  lsc_table_row_end (t);
  lsc_table_end (t);
  lsc_table_output_free (o);
  fclose (f);
  const char *p = strchr (buf, '\n') + 1;
  snprintf (out, len, "%.*s", (int) strcspn (p, "\n"), p);
}

static void
test_decimal_rounding (void)
{
  char got[128], want[64];
  /* against printf's correctly rounded %.Ng of the same value (the 40
     digit strings are exact enough that no tie is near) */
  static const char *const x[] = {
    "3.141592653589793238462643383279502884197", "-0.000123456789012345678",
    "98765.43210987654321098765", "1.99999999999999999999999e-30",
    "7.2600000000000000001e+40", "0.0999999999999999999999",
    "-0.00999999999999999", "0.99999999999999999", "99.999999999999999" };
  for (size_t i = 0; i < sizeof x / sizeof x[0]; i++)
    for (int d = 1; d <= 12; d++)
      {
        decimal_cell (got, sizeof got, x[i], d);
        snprintf (want, sizeof want, "%.*g", d, strtod (x[i], NULL));
        CU_ASSERT_STRING_EQUAL (got, want);
      }
  /* ties of the digits given: to even; integers (counts) never rounded */
  decimal_cell (got, sizeof got, "2.5", 1);
  CU_ASSERT_STRING_EQUAL (got, "2");
  decimal_cell (got, sizeof got, "3.5", 1);
  CU_ASSERT_STRING_EQUAL (got, "4");
  decimal_cell (got, sizeof got, "0.125", 2);
  CU_ASSERT_STRING_EQUAL (got, "0.12");
  decimal_cell (got, sizeof got, "123456789", 3);
  CU_ASSERT_STRING_EQUAL (got, "123456789");
  decimal_cell (got, sizeof got, "9.9999", 3);
  CU_ASSERT_STRING_EQUAL (got, "10");
}

static void
test_index_isotropy (void)
{
  char b[64];
  lsc_table_index_text (b, sizeof b, 3.5549999999999997, 2.5);
  CU_ASSERT_STRING_EQUAL (b, "3.555");
  lsc_table_index_text (b, sizeof b, 7.0000000001, 20);
  CU_ASSERT_STRING_EQUAL (b, "7");
  /* d = 20.25: two digits after the point, an index has at most 5 */
  lsc_table_index_text (b, sizeof b, 0.5 * (20.25 - 2) * (20.25 - 3) + 1e-13,
                        20.25);
  CU_ASSERT_STRING_EQUAL (b, "157.40625");
  lsc_table_index_text (b, sizeof b, 3.141592653589793, 3.141592653589793);
  CU_ASSERT_EQUAL (strtod (b, NULL), 3.141592653589793);
  lsc_table_isotropy_tex (b, sizeof b, "kd:L,2");
  CU_ASSERT_STRING_EQUAL (b, "$\\Delta(S_{d-2}\\times S_{2})$");
  lsc_table_isotropy_tex (b, sizeof b, "kd:L");
  CU_ASSERT_STRING_EQUAL (b, "$\\Delta S_{d}$");
  lsc_table_isotropy_tex (b, sizeof b, "kd:L,6,1");
  CU_ASSERT_STRING_EQUAL (b, "$\\Delta(S_{d-7}\\times S_{6}\\times S_{1})$");
  lsc_table_isotropy_tex (b, sizeof b, "rows:L,2;cols:L,1;pair:0=0");
  CU_ASSERT_STRING_EQUAL (b, "rows:L,2;cols:L,1;pair:0=0");
  lsc_table_isotropy_tex (b, sizeof b, "a_b");
  CU_ASSERT_STRING_EQUAL (b, "a\\_b");
}

static void
test_formats (void)
{
  lsc_table_format f = LSC_TABLE_TEXT;
  for (int i = LSC_TABLE_TEXT; i <= LSC_TABLE_MARKDOWN; i++)
    {
      CU_ASSERT_EQUAL (lsc_table_format_parse (&f, lsc_table_format_name (i)),
                       LSC_SUCCESS);
      CU_ASSERT_EQUAL (f, i);
    }
  CU_ASSERT_EQUAL (lsc_table_format_parse (&f, "LaTeX"), LSC_EINVAL);
  CU_ASSERT_EQUAL (lsc_table_format_parse (&f, NULL), LSC_EINVAL);
  CU_ASSERT_EQUAL (f, LSC_TABLE_MARKDOWN);      /* unchanged */
  CU_ASSERT_STRING_EQUAL (lsc_table_format_name ((lsc_table_format) 7), "?");
  static const struct { const char *path; int fmt; } ext[] = {
    { "a.tsv", LSC_TABLE_TSV }, { "dir.tex/a.txt", LSC_TABLE_TEXT },
    { "a.json", LSC_TABLE_JSON }, { "a.jsonl", LSC_TABLE_JSON },
    { "/x/y.tex", LSC_TABLE_LATEX }, { "r.md", LSC_TABLE_MARKDOWN },
    { "a.tex.gz", -1 }, { "dir.tsv/a", -1 }, { "noext", -1 } };
  for (size_t i = 0; i < sizeof ext / sizeof ext[0]; i++)
    {
      f = LSC_TABLE_TEXT;
      int st = lsc_table_format_from_path (&f, ext[i].path);
      CU_ASSERT_EQUAL (st, ext[i].fmt < 0 ? LSC_EINVAL : LSC_SUCCESS);
      if (ext[i].fmt >= 0)
        CU_ASSERT_EQUAL (f, ext[i].fmt);
    }
}

static void
test_columns (void)
{
  static const lsc_table_pcolumn a[] = {
    { "family", LSC_TABLE_STRING, NULL, LSC_TABLE_PAPER },
    { "loss", LSC_TABLE_REAL, "$L$", LSC_TABLE_PAPER },
    { "k", LSC_TABLE_INT, NULL, LSC_TABLE_EXACT } };
  static const lsc_table_pcolumn b[] = {
    { "dstar", LSC_TABLE_DECIMAL, NULL, LSC_TABLE_EXTRA } };
  const lsc_table_pcolumn *tabs[] = { a, b };
  size_t nc[] = { 3, 1 };
  char err[512];
  CU_ASSERT_EQUAL (lsc_table_columns_check (err, sizeof err, "loss,dstar",
                                            tabs, nc, 2), LSC_SUCCESS);
  CU_ASSERT_EQUAL (lsc_table_columns_check (err, sizeof err, "all", tabs, nc,
                                            2), LSC_SUCCESS);
  CU_ASSERT_EQUAL (lsc_table_columns_check (err, sizeof err, "loss,nope",
                                            tabs, nc, 2), LSC_EINVAL);
  CU_ASSERT_STRING_EQUAL (err, "invalid argument 'loss,nope' for --columns: "
                          "no column 'nope' (columns: family, loss, k, "
                          "dstar; or all, default)");
  CU_ASSERT_EQUAL (lsc_table_columns_check (err, sizeof err, "", tabs, nc, 2),
                   LSC_EINVAL);
  CU_ASSERT_EQUAL (lsc_table_columns_check (err, sizeof err, NULL, tabs, nc,
                                            2), LSC_EINVAL);
  /* selection: LaTeX defaults are the paper columns; a list reorders;
     extra columns only on demand */
  char buf[2048];
  const char *lists[] = { NULL, "k,family", "all" };
  const char *want[] = { "family & {$L$} \\\\", "{k} & family \\\\",
                         "family & {$L$} & {k} \\\\" };
  for (int i = 0; i < 3; i++)
    {
      FILE *f = fmemopen (buf, sizeof buf, "w");
      lsc_table_opts opts = { 0, lists[i], 0, "tool" };
      lsc_table_output *o = lsc_table_output_alloc (f, LSC_TABLE_LATEX,
                                                    &opts);
      lsc_table *t = lsc_table_begin_paper (o, "sum", "A caption", a, 3, 0);
      lsc_table_cell_string (t, "A_1");
      lsc_table_cell_real (t, 0.0123456789);
      lsc_table_cell_int (t, 20);
      lsc_table_row_end (t);
      CU_ASSERT_EQUAL (lsc_table_end (t), LSC_SUCCESS);
      lsc_table_output_free (o);
      fclose (f);
      CU_ASSERT (strstr (buf, want[i]) != NULL);
      CU_ASSERT (strstr (buf, "\\label{tab:tool-sum}") != NULL);
      CU_ASSERT (strstr (buf, "A\\_1") != NULL);
      CU_ASSERT ((strstr (buf, "0.0123457") != NULL) == (i != 1)); /* 6 digits */
    }
  CU_ASSERT (strstr (buf, "S[table-format=1.7]") != NULL);
  CU_ASSERT (strstr (buf, "S[table-format=2]") != NULL);
}

/* Every documented error status; after a failure the output is stuck. */
static void
test_statuses (void)
{
  char buf[1024];
  FILE *f = fmemopen (buf, sizeof buf, "w");
  CU_ASSERT (lsc_table_output_alloc (NULL, LSC_TABLE_TSV, NULL) == NULL);
  CU_ASSERT (lsc_table_output_alloc (f, (lsc_table_format) 7, NULL) == NULL);
  CU_ASSERT_EQUAL (lsc_table_output_free (NULL), LSC_SUCCESS);
  CU_ASSERT_EQUAL (lsc_table_end (NULL), LSC_SUCCESS);
  CU_ASSERT_EQUAL (lsc_table_cell_int (NULL, 1), LSC_EFAULT);
  CU_ASSERT_EQUAL (lsc_table_row_end (NULL), LSC_EFAULT);
  CU_ASSERT_EQUAL (lsc_table_output_status (NULL), LSC_EFAULT);
  static const lsc_table_column c2[] = { { "a", LSC_TABLE_INT },
                                         { "b", LSC_TABLE_STRING } };
  for (int k = 0; k < 5; k++)
    {
      lsc_table_output *o = lsc_table_output_alloc (f, LSC_TABLE_TSV, NULL);
      lsc_table *t = lsc_table_begin (o, "s", c2, 2);
      CU_ASSERT_FATAL (t != NULL);
      int st = LSC_SUCCESS;
      switch (k)
        {
        case 0:                 /* wrong type */
          st = lsc_table_cell_string (t, "x");
          break;
        case 1:                 /* one too many */
          lsc_table_cell_int (t, 1);
          lsc_table_cell_string (t, "x");
          st = lsc_table_cell_empty (t);
          break;
        case 2:                 /* a row ended early */
          lsc_table_cell_int (t, 1);
          st = lsc_table_row_end (t);
          break;
        case 3:                 /* NULL strings */
          lsc_table_cell_int (t, 1);
          st = lsc_table_cell_string (t, NULL);
          break;
        case 4:                 /* the table ended inside a row */
          lsc_table_cell_int (t, 1);
          st = lsc_table_end (t);
          t = NULL;
          break;
        }
      CU_ASSERT_EQUAL (st, LSC_EINVAL);
      CU_ASSERT_EQUAL (lsc_table_output_status (o), LSC_EINVAL);
      if (t)
        {
          CU_ASSERT_EQUAL (lsc_table_cell_int (t, 2), LSC_EINVAL);
          CU_ASSERT_EQUAL (lsc_table_end (t), LSC_EINVAL);
        }
      CU_ASSERT (lsc_table_begin (o, "s2", c2, 2) == NULL);
      CU_ASSERT_EQUAL (lsc_table_output_free (o), LSC_EINVAL);
    }
  lsc_table_output *o = lsc_table_output_alloc (f, LSC_TABLE_TSV, NULL);
  CU_ASSERT (lsc_table_begin (o, NULL, c2, 2) == NULL);
  CU_ASSERT_EQUAL (lsc_table_output_free (o), LSC_EINVAL);
  fclose (f);
}

/* lsc_table_number_syntax against two oracles, on every string of up to
   5 characters over "01+-.eE" and a few longer ones: the JSON grammar
   against a POSIX regular expression of RFC 8259's number, the decimal
   grammar against strtod reading all of the string. */
static void
test_number_syntax (void)
{
  static const char alpha[] = "01+-.eE";
  regex_t re;
  CU_ASSERT_FATAL (regcomp (&re, "^-?(0|[1-9][0-9]*)(\\.[0-9]+)?"
                            "([eE][+-]?[0-9]+)?$", REG_EXTENDED | REG_NOSUB)
                   == 0);
  char s[8];
  size_t bad_json = 0, bad_dec = 0, n = 0;
  for (int len = 0; len <= 5; len++)
    {
      long total = 1;
      for (int i = 0; i < len; i++)
        total *= 7;
      for (long c = 0; c < total; c++)
        {
          long x = c;
          for (int i = 0; i < len; i++, x /= 7)
            s[i] = alpha[x % 7];
          s[len] = '\0';
          int json = regexec (&re, s, 0, NULL, 0) == 0;
          char *end;
          strtod (s, &end);
          int dec = len > 0 && end == s + len;
          bad_json += lsc_table_number_syntax (s, LSC_TABLE_NUMBER_JSON)
            != json;
          bad_dec += lsc_table_number_syntax (s, LSC_TABLE_NUMBER_DECIMAL)
            != dec;
          n++;
        }
    }
  regfree (&re);
  CU_ASSERT_EQUAL (bad_json, 0);
  CU_ASSERT_EQUAL (bad_dec, 0);
  CU_ASSERT (n > 19000);
  /* by hand: what the tools' options take and refuse */
  CU_ASSERT (lsc_table_number_syntax ("1e6", LSC_TABLE_NUMBER_DECIMAL));
  CU_ASSERT (lsc_table_number_syntax ("-2.5E-07", LSC_TABLE_NUMBER_DECIMAL));
  CU_ASSERT (!lsc_table_number_syntax ("1e6x", LSC_TABLE_NUMBER_DECIMAL));
  CU_ASSERT (!lsc_table_number_syntax ("log20", LSC_TABLE_NUMBER_DECIMAL));
  CU_ASSERT (!lsc_table_number_syntax ("0x10", LSC_TABLE_NUMBER_DECIMAL));
  CU_ASSERT (!lsc_table_number_syntax ("inf", LSC_TABLE_NUMBER_DECIMAL));
  CU_ASSERT (!lsc_table_number_syntax (" 1", LSC_TABLE_NUMBER_DECIMAL));
  CU_ASSERT (!lsc_table_number_syntax ("+1", LSC_TABLE_NUMBER_JSON));
  CU_ASSERT (!lsc_table_number_syntax ("01", LSC_TABLE_NUMBER_JSON));
  CU_ASSERT (lsc_table_number_syntax ("-0.5e+10", LSC_TABLE_NUMBER_JSON));
  CU_ASSERT (!lsc_table_number_syntax ("1", 7));
  CU_ASSERT (!lsc_table_number_syntax (NULL, LSC_TABLE_NUMBER_JSON));
}

int
main (void)
{
  static const lsc_test_case cases[] = {
    { "TSV: ok with a non-finite cell is enonfinite, cell empty",
      test_nan_tsv },
    { "JSON: enonfinite and null", test_nan_json },
    { "text, LaTeX, Markdown: enonfinite, aligned text", test_nan_text },
    { "reals round trip; digits as printf", test_real_round_trip },
    { "decimals rounded as printf rounds, ties to even",
      test_decimal_rounding },
    { "Morse indices and isotropy in LaTeX", test_index_isotropy },
    { "format names and extensions", test_formats },
    { "column lists and paper columns", test_columns },
    { "bad arguments give statuses", test_statuses },
    { "number grammars against a regex and strtod", test_number_syntax },
    { NULL, NULL } };
  return lsc_test_run ("table", cases);
}
