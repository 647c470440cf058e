/* Shared helpers of the landscape-* tools, core part: program name,
   one-line messages, --version, the final flush of stdout, the catalogue
   path.  Includes the other concerns: exit codes (cli-exit.h), option
   parsing (cli-opt.h), tables (cli-table.h), memory budget (cli-mem.h). */
#ifndef LSC_CLI_H
#define LSC_CLI_H

#include <stddef.h>
#include <stdio.h>
#include "cli-exit.h"
#include "cli-opt.h"
#include "cli-table.h"
#include "cli-mem.h"

/* Record the program name (basename of argv0) for messages, ignore
   SIGPIPE (write errors are reported by cli_finish). */
void cli_init (const char *argv0);
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

/* Flush and close stdout; on a write error print "prog: write error: ..."
   and return CLI_EXIT_SYSTEM.  If a table row was printed with a status
   other than the one the tool gave (cli-table.h: a non-finite value on an
   ok row), a status of CLI_EXIT_OK becomes CLI_EXIT_NOCONV.  Otherwise
   return status.  Use as the last step: return cli_finish (status); */
int cli_finish (int status);

/* The family catalogue to read: given if not NULL, else the installed
   one (lsc_catalogue_default_path), else - in an uninstalled build - the
   source tree's data/families.tsv. */
const char *cli_catalogue_path (const char *given);

/* malloc and strdup that exit 3 ("out of memory") on failure. */
void *cli_xmalloc (size_t n);
char *cli_xstrdup (const char *s);

#endif
