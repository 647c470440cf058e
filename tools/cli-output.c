/* -o/--output of the landscape-* tools (cli.h): the table format implied
   by the output file's extension, and stdout redirected to a file that
   replaces its destination only when every write succeeded. */
#define _POSIX_C_SOURCE 200809L
#include <config.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include "landscape/lsc_errno.h"
#include "cli.h"
#include "cli-atomic.h"

lsc_table_format
cli_output_format (const char *path, lsc_table_format fmt, int given)
{
  if (!path || strcmp (path, "-") == 0)
    return fmt;
  lsc_table_format ext;
  if (lsc_table_format_from_path (&ext, path) == LSC_SUCCESS)
    {
      if (given && fmt != ext)
        cli_fatal (CLI_EXIT_USAGE, "--format=%s disagrees with the "
                   "extension of the output file '%s' (%s)",
                   lsc_table_format_name (fmt), path,
                   lsc_table_format_name (ext));
      return ext;
    }
  return given ? fmt : LSC_TABLE_TSV;
}

static FILE *redirected;        /* the cli_atomic file behind stdout */
static const char *redirected_path;

cli_output_opts cli_out = { LSC_TABLE_TSV, 0, NULL };

lsc_table_format
cli_output_resolve (int path_decides)
{
  cli_out.fmt = cli_output_format (path_decides ? cli_out.path : NULL,
                                   cli_out.fmt, cli_out.fmt_given);
  return cli_out.fmt;
}

lsc_table_output *
cli_output_start (int digits)
{
  cli_redirect_stdout (cli_out.path);
  return cli_output_open (stdout, cli_out.fmt, digits);
}

const char *
cli_output_redirected (void)
{
  return redirected_path;
}

void
cli_redirect_stdout (const char *path)
{
  if (!path || strcmp (path, "-") == 0 || redirected)
    return;
  FILE *f = cli_atomic_open (path);
  if (!f)
    cli_fatal (CLI_EXIT_USAGE, "cannot write %s: %s", path, strerror (errno));
  fflush (stdout);
  if (dup2 (fileno (f), STDOUT_FILENO) < 0)
    {
      int e = errno;
      cli_atomic_discard (f);
      cli_fatal (CLI_EXIT_SYSTEM, "cannot redirect output to %s: %s", path,
                 strerror (e));
    }
  redirected = f;
  redirected_path = path;
}

int
cli_output_commit (int ok)
{
  if (!redirected)
    return 0;
  FILE *f = redirected;
  redirected = NULL;
  /* cli_finish closed stdout (whose descriptor shared f's open file)
     before: every byte is out before the rename (f itself holds none) */
  if (!ok)
    {
      cli_atomic_discard (f);
      return 0;
    }
  return cli_atomic_commit (f);
}
