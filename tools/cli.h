/* Shared helpers of the landscape-* tools, core part: program name,
   one-line messages, --version, the final flush of stdout, the catalogue
   path.  Includes the other concerns: exit codes (cli-exit.h), option
   parsing (cli-opt.h), tables (cli-table.h, over lsc_table(3)), memory
   budget (cli-mem.h).  Figures: cli-plot.h (over lsc_plot(3)). */
#ifndef LSC_CLI_H
#define LSC_CLI_H

#include <stddef.h>
#include <stdio.h>
#include "cli-exit.h"
#include "cli-opt.h"
#include "cli-table.h"
#include "cli-mem.h"
#include "landscape/lsc_families.h"

/* Record the program name (basename of argv0) for messages, ignore
   SIGPIPE (write errors are reported by cli_finish). */
void cli_init (const char *argv0);

/* The start of every tool: cli_init, GSL's error handler off, and the
   options all tools share handled by cli_getopt from then on, so that a
   tool's switch holds only its own:
     -h, --help      usage (), then exit 0 (cli_finish)
     -V, --version   cli_version (), then exit 0
     -f, --format    cli_out.fmt (cli_parse_format), cli_out.fmt_given
     -o, --output    cli_out.path
     --columns, --standalone   cli_table_columns, cli_table_standalone
   (each only when the tool's option tables list it). */
void cli_start (const char *argv0, void (*usage) (void));

/* Used by cli_getopt: handle c if it is one of the shared options above
   (1), else 0.  Without cli_start, always 0. */
int cli_shared_option (int c, const char *arg);

/* -f/-o as parsed: fmt starts as cli_default_format (). */
typedef struct
{
  lsc_table_format fmt;
  int fmt_given;
  const char *path;
} cli_output_opts;
extern cli_output_opts cli_out;

/* The format of the tables: cli_output_format (cli_out.path, unless
   path_decides is 0, as with a --dot or --list output), stored in
   cli_out.fmt and returned. */
lsc_table_format cli_output_resolve (int path_decides);

/* Point stdout at cli_out.path (cli_redirect_stdout) and open the table
   output on it (cli_output_open, digits as there). */
lsc_table_output *cli_output_start (int digits);
const char *cli_program_name (void);

/* "prog: message" on stderr, one line (a trailing newline is added).
   Control characters in the message (a newline in a file name given on
   the command line, ESC, ...) are written escaped, C style (\n, \t,
   \x1b), so that a message is always exactly one line. */
void cli_error (const char *fmt, ...)
  __attribute__ ((format (printf, 1, 2)));
/* Same, then exit with status. */
_Noreturn void cli_fatal (int status, const char *fmt, ...)
  __attribute__ ((format (printf, 2, 3)));

/* Print the --version text to stdout: tool and package version, then the
   versions of liblandscape, GSL, MPFR and LAPACK. */
void cli_version (void);
/* When set, called by cli_version after its lines (more libraries). */
extern void (*cli_version_extra) (void);

/* -o/--output: the table format for output file path given the --format
   value fmt (given: --format was on the command line).  The extension
   decides (.tsv, .txt, .json, .jsonl, .tex, .md); an unknown or missing
   extension keeps fmt, or TSV when --format was not given.  A --format
   that disagrees with the extension exits 2.  path NULL: fmt unchanged. */
lsc_table_format cli_output_format (const char *path, lsc_table_format fmt, int given);

/* -o/--output for tools that write to stdout: open path with cli_atomic
   (a temporary renamed over path by cli_finish when every write succeeded)
   and point stdout at it.  An unwritable path exits 2 before any work.
   NULL or "-": nothing. */
void cli_redirect_stdout (const char *path);

/* Called by cli_finish after stdout is closed: rename the redirected
   output over its destination (ok) or remove it (!ok).  0 or -1 (errno). */
int cli_output_commit (int ok);

/* The path stdout was redirected to by cli_redirect_stdout, or NULL. */
const char *cli_output_redirected (void);

/* Flush and close stdout; on a write error print "prog: write error: ..."
   (naming the --output file when stdout was redirected)
   and return CLI_EXIT_SYSTEM.  If a table row was printed with a status
   other than the one the tool gave (cli-table.h: a non-finite value on an
   ok row), a status of CLI_EXIT_OK becomes CLI_EXIT_NOCONV.  Otherwise
   return status.  Use as the last step: return cli_finish (status); */
int cli_finish (int status);

/* The family catalogue to read, one rule for every tool: given (--catalogue)
   if not NULL, else $LANDSCAPE_FAMILIES if set and not empty, else - when
   the tool runs from its build tree - the source tree's data/families.tsv,
   else the installed PKGDATADIR/families.tsv. */
const char *cli_catalogue_path (const char *given);

/* Check a --family list (comma separated names; NULL: none given)
   against the catalogue cat read from catpath: exit 2 with one line on an
   empty list, an empty name or a name not in cat ("no family 'X' in
   CATPATH").  When sel is not NULL, the families are stored in
   sel (at most max of them).  Returns how many names the list holds. */
size_t cli_families (const lsc_catalogue *cat, const char *families,
                     const char *catpath, const lsc_family **sel,
                     size_t max);

/* malloc and strdup that exit 3 ("out of memory") on failure. */
void *cli_xmalloc (size_t n);
char *cli_xstrdup (const char *s);

#endif
