/* The tools' side of the table writer (cli-table.h): format options,
   column checks and outputs opened and closed with exit codes. */
#define _POSIX_C_SOURCE 200809L
#include <config.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "landscape/lsc_errno.h"
#include "cli.h"

/* Process-wide settings and counts of the tool (not of the library). */
const char *cli_table_columns;
int cli_table_standalone;
static size_t demoted;

lsc_table_format
cli_parse_format (const char *opt, const char *arg)
{
  lsc_table_format f = LSC_TABLE_TSV;
  if (lsc_table_format_parse (&f, arg) != LSC_SUCCESS)
    cli_fatal (CLI_EXIT_USAGE, "invalid argument '%s' for %s: expected text, "
               "tsv, json, latex or markdown", arg, opt);
  return f;
}

lsc_table_format
cli_default_format (void)
{
  return isatty (STDOUT_FILENO) ? LSC_TABLE_TEXT : LSC_TABLE_TSV;
}

void
cli_table_check (lsc_table_format fmt, size_t ntab, ...)
{
  if (cli_table_standalone && fmt != LSC_TABLE_LATEX)
    cli_fatal (CLI_EXIT_USAGE, "--standalone needs --format latex");
  if (!cli_table_columns)
    return;
  const lsc_table_pcolumn **tabs = cli_xmalloc ((ntab ? ntab : 1)
                                                * sizeof *tabs);
  size_t *nc = cli_xmalloc ((ntab ? ntab : 1) * sizeof *nc);
  va_list ap;
  va_start (ap, ntab);
  for (size_t k = 0; k < ntab; k++)
    {
      tabs[k] = va_arg (ap, const lsc_table_pcolumn *);
      nc[k] = va_arg (ap, size_t);
    }
  va_end (ap);
  char err[2560];
  int st = lsc_table_columns_check (err, sizeof err, cli_table_columns,
                                    tabs, nc, ntab);
  free (tabs);
  free (nc);
  if (st != LSC_SUCCESS)
    cli_fatal (CLI_EXIT_USAGE, "%s", err);
}

lsc_table_output *
cli_output_open (FILE *out, lsc_table_format fmt, int digits)
{
  const char *p = cli_program_name ();
  if (strncmp (p, "landscape-", 10) == 0)
    p += 10;
  lsc_table_opts opts = { digits, cli_table_columns, cli_table_standalone,
                          p };
  lsc_table_output *o = lsc_table_output_alloc (out, fmt, &opts);
  if (!o)
    cli_fatal (CLI_EXIT_SYSTEM, "out of memory");
  return o;
}

void
cli_output_close (lsc_table_output *o)
{
  if (!o)
    return;
  demoted += lsc_table_output_demoted (o);
  int st = lsc_table_output_free (o);
  if (st == LSC_ENOMEM)
    cli_fatal (CLI_EXIT_SYSTEM, "out of memory");
  if (st != LSC_SUCCESS)
    cli_fatal (CLI_EXIT_SYSTEM, "internal error: table writer: %s",
               lsc_strerror (st));
}

size_t
cli_table_demoted_rows (void)
{
  return demoted;
}
