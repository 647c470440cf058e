/* The tools' side of the table writer (lsc_table(3)): the --format,
   --columns and --standalone options, outputs opened and closed with the
   tools' error handling, and the rows demoted over the whole process. */
#ifndef LSC_CLI_TABLE_H
#define LSC_CLI_TABLE_H

#include <stddef.h>
#include <stdio.h>
#include "landscape/lsc_table.h"

/* Parse "text|tsv|json|latex|markdown" (exit 2 on anything else). */
lsc_table_format cli_parse_format (const char *opt, const char *arg);
/* text when stdout is a terminal, else tsv. */
lsc_table_format cli_default_format (void);

/* --columns=LIST and --standalone of the tools (read by cli_output_open;
   lsc_table_opts).  Without --standalone LaTeX output is a fragment for
   \input (needs booktabs, siunitx, longtable and amsmath). */
extern const char *cli_table_columns;
extern int cli_table_standalone;
/* The two options in a getopt_long table (needs getopt.h), and their
   codes: case CLI_OPT_COLUMNS: cli_table_columns = optarg; break;
   case CLI_OPT_STANDALONE: cli_table_standalone = 1; break; */
enum { CLI_OPT_COLUMNS = 0x2000, CLI_OPT_STANDALONE };
#define CLI_TABLE_LONGOPTS \
  { "columns", required_argument, NULL, CLI_OPT_COLUMNS }, \
  { "standalone", no_argument, NULL, CLI_OPT_STANDALONE }
/* Check the two options before any work: every name of the list must be
   a column of one of the ntab tables given as (const lsc_table_pcolumn *,
   size_t) pairs, and --standalone needs the LaTeX format.  Exits with
   status 2 and a one-line message otherwise. */
void cli_table_check (lsc_table_format fmt, size_t ntab, ...);

/* An output on out in format fmt with digits significant digits (0: round
   trip; LaTeX: LSC_TABLE_LATEX_DIGITS), the --columns and --standalone
   options, and LaTeX labels tab:TOOL-NAME (TOOL: the program name without
   "landscape-").  Exits 3 when out of memory. */
lsc_table_output *cli_output_open (FILE *out, lsc_table_format fmt,
                                   int digits);
/* Free the output, adding its demoted rows to cli_table_demoted_rows; a
   failure of the writer exits 3 ("out of memory", "internal error").
   NULL: nothing. */
void cli_output_close (lsc_table_output *o);
/* Rows of the closed outputs whose ok status was replaced by enonfinite
   (lsc_table_cell_real): cli_finish turns a success exit into 1. */
size_t cli_table_demoted_rows (void);

#endif
