/* Exit codes of the landscape-* tools, and the one mapping from library
   statuses to them that every tool uses. */
#ifndef LSC_CLI_EXIT_H
#define LSC_CLI_EXIT_H

/* Exit codes of every tool (landscape-formats(5), each tool's man page). */
enum
{
  CLI_EXIT_OK = 0,        /* success                                      */
  CLI_EXIT_NOCONV = 1,    /* some rows did not converge (each has status) */
  CLI_EXIT_USAGE = 2,     /* usage or input error                         */
  CLI_EXIT_SYSTEM = 3     /* system error: memory, I/O, library failure   */
};

/* The exit code for a library status (lsc_errno.h): 0 for LSC_SUCCESS;
   CLI_EXIT_USAGE for statuses that blame the input (edom, erange, einval,
   ebadtol, ebadlen, eunsup, eof, notfix, eparse, enonfinite, elimit);
   CLI_EXIT_NOCONV for statuses of a computation that did not reach its
   answer (noconv, emaxiter, esing, stepunder, eprec, fold);
   CLI_EXIT_SYSTEM for the rest (enomem, efault, efailed, elapack and
   unknown codes).  Out of memory is never an input error. */
int cli_exit_status (int status);

/* cli_fatal with the exit code cli_exit_status (status) (CLI_EXIT_SYSTEM
   for a status of 0, which is a caller's mistake). */
_Noreturn void cli_fatal_status (int status, const char *fmt, ...)
  __attribute__ ((format (printf, 2, 3)));

#endif
