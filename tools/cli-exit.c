/* The status -> exit code mapping of the landscape-* tools (cli-exit.h). */
#include <config.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include "landscape/lsc_errno.h"
#include "cli.h"

int
cli_exit_status (int status)
{
  switch (status)
    {
    case LSC_SUCCESS:
      return CLI_EXIT_OK;
    case LSC_EDOM:
    case LSC_ERANGE:
    case LSC_EINVAL:
    case LSC_EBADTOL:
    case LSC_EBADLEN:
    case LSC_EUNSUP:
    case LSC_EOF:
    case LSC_ENOTFIX:
    case LSC_EPARSE:
    case LSC_ENONFINITE:
    case LSC_ELIMIT:
      return CLI_EXIT_USAGE;
    case LSC_ENOCONV:
    case LSC_EMAXITER:
    case LSC_ESING:
    case LSC_ESTEPUNDER:
    case LSC_EPREC:
    case LSC_EFOLD:
      return CLI_EXIT_NOCONV;
    default:                    /* enomem, efault, efailed, elapack, ... */
      return CLI_EXIT_SYSTEM;
    }
}

_Noreturn void
cli_fatal_status (int status, const char *fmt, ...)
{
  char msg[1024];
  va_list ap;
  va_start (ap, fmt);
  vsnprintf (msg, sizeof msg, fmt, ap);
  va_end (ap);
  int code = cli_exit_status (status);
  cli_fatal (code == CLI_EXIT_OK ? CLI_EXIT_SYSTEM : code, "%s", msg);
}
