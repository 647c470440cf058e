/* The tools' side of the table writer (tools/cli-table.c over lsc_table(3),
   whose rules and output tests/t-table.c checks): a row demoted from ok to
   enonfinite (a non-finite number on an ok row) is counted when its output
   is closed and turns a success exit into 1; the LaTeX labels name the tool; the
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

/* The tool's count of demoted rows: an ok row with a non-finite real is
   demoted by the library (what it writes is tests/t-table.c's business);
   cli_output_close adds the output's count to the process's, once. */
static void
test_demoted (void)
{
  char buf[1024] = "";
  size_t before = cli_table_demoted_rows ();
  FILE *f = fmemopen (buf, sizeof buf, "w");
  CU_ASSERT_FATAL (f != NULL);
  lsc_table_output *o = cli_output_open (f, LSC_TABLE_TSV, 0);
  static const lsc_table_column cols[] = { { "status", LSC_TABLE_STATUS },
                                           { "loss", LSC_TABLE_REAL } };
  lsc_table *t = lsc_table_begin (o, "t", cols, 2);
  const double v[] = { 0.5, NAN, -INFINITY };
  const int st[] = { LSC_SUCCESS, LSC_SUCCESS, LSC_ENOCONV };
  for (size_t i = 0; i < 3; i++)
    {
      lsc_table_cell_status (t, st[i]);
      lsc_table_cell_real (t, v[i]);
      lsc_table_row_end (t);
    }
  lsc_table_end (t);
  CU_ASSERT_EQUAL (cli_table_demoted_rows (), before);
  cli_output_close (o);
  fclose (f);
  CU_ASSERT_EQUAL (cli_table_demoted_rows () - before, 1);
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
    { "demoted rows are counted when the output closes", test_demoted },
    { "LaTeX label and output extensions", test_label_format },
    { "a demoted row exits 1", test_exit },
    { NULL, NULL } };
  return lsc_test_run ("cli-table", cases);
}
