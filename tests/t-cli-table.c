/* The tools' side of the table writer (tools/cli-table.c over lsc_table(3),
   whose rules tests/t-table.c checks): a row demoted from ok to enonfinite
   (a non-finite number on an ok row) is counted when its output is closed
   and turns a success exit into 1; the LaTeX labels name the tool; the
   output file's extension sets the format.  The library refuses
   non-finite values before they reach a table (every reachable input
   tried: overflowing W in landscape-eval, d = 1e155 in landscape-scan give
   their own statuses), so the writer's guard is driven here directly, as
   by fault injection. */
#define _POSIX_C_SOURCE 200809L
#include <config.h>
#include <math.h>
#include <sys/wait.h>
#include <unistd.h>
#include <stdio.h>
#include <string.h>
#include "testutil.h"
#include "landscape/lsc_errno.h"
#include "cli.h"
#include "cli-table.h"

/* Write five rows in format fmt into buf: ok finite; ok NaN; ok +inf
   decimal; noconv NaN; ok "@NaN@" decimal. */
static void
write_rows (char *buf, size_t len, lsc_table_format fmt)
{
  FILE *f = fmemopen (buf, len, "w");
  CU_ASSERT_FATAL (f != NULL);
  lsc_table_output *o = cli_output_open (f, fmt, 0);
  static const lsc_table_column cols[] = { { "name", LSC_TABLE_STRING },
                                     { "status", LSC_TABLE_STATUS },
                                     { "loss", LSC_TABLE_REAL },
                                     { "exact", LSC_TABLE_DECIMAL } };
  lsc_table *t = lsc_table_begin (o, "t", cols, 4);
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
      lsc_table_cell_string (t, r[i].name);
      lsc_table_cell_status (t, r[i].st);
      lsc_table_cell_real (t, r[i].v);
      lsc_table_cell_decimal (t, r[i].dec);
      lsc_table_row_end (t);
    }
  lsc_table_end (t);
  cli_output_close (o);
  fclose (f);
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
test_tsv (void)
{
  char buf[4096] = "", l[256];
  size_t before = cli_table_demoted_rows ();
  write_rows (buf, sizeof buf, LSC_TABLE_TSV);
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
  CU_ASSERT_EQUAL (cli_table_demoted_rows () - before, 3);
}

/* LaTeX labels: tab:TOOL-TABLE, TOOL the program name without
   "landscape-"; the output file's extension decides the format. */
static void
test_label_format (void)
{
  char buf[4096] = "";
  FILE *f = fmemopen (buf, sizeof buf, "w");
  lsc_table_output *o = cli_output_open (f, LSC_TABLE_LATEX, 0);
  static const lsc_table_column c[] = { { "x", LSC_TABLE_REAL } };
  lsc_table *t = lsc_table_begin_captioned (o, "sum", "Cap", c, 1);
  lsc_table_cell_real (t, 1.5);
  lsc_table_row_end (t);
  lsc_table_end (t);
  cli_output_close (o);
  fclose (f);
  CU_ASSERT (strstr (buf, "\\label{tab:t-cli-table-sum}") != NULL);
  CU_ASSERT_EQUAL (cli_output_format ("a/b.md", LSC_TABLE_TSV, 0),
                   LSC_TABLE_MARKDOWN);
  CU_ASSERT_EQUAL (cli_output_format ("a/b.dat", LSC_TABLE_JSON, 1),
                   LSC_TABLE_JSON);
  CU_ASSERT_EQUAL (cli_output_format ("a/b.dat", LSC_TABLE_JSON, 0),
                   LSC_TABLE_TSV);
  CU_ASSERT_EQUAL (cli_output_format ("-", LSC_TABLE_TEXT, 0),
                   LSC_TABLE_TEXT);
  CU_ASSERT_EQUAL (cli_parse_format ("--format", "latex"), LSC_TABLE_LATEX);
}

/* The exit status: a demoted row makes success 1 (cli_finish closes
   stdout: in a child, which inherits the count). */
static void
test_exit (void)
{
  CU_ASSERT (cli_table_demoted_rows () > 0);
  fflush (NULL);
  pid_t pid = fork ();
  CU_ASSERT_FATAL (pid >= 0);
  if (pid == 0)
    _exit (cli_finish (CLI_EXIT_OK));
  int ws = 0;
  CU_ASSERT_EQUAL (waitpid (pid, &ws, 0), pid);
  CU_ASSERT (WIFEXITED (ws) && WEXITSTATUS (ws) == CLI_EXIT_NOCONV);
}

int
main (int argc, char **argv)
{
  (void) argc;
  cli_init (argv[0]);
  static const lsc_test_case cases[] = {
    { "TSV: ok with a non-finite cell is enonfinite, cell empty", test_tsv },
    { "LaTeX label and output extensions", test_label_format },
    { "a demoted row exits 1", test_exit },
    { NULL, NULL } };
  return lsc_test_run ("cli-table", cases);
}
