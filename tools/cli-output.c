/* -o/--output of the landscape-* tools (cli.h): the table format implied
   by the output file's extension, and stdout redirected to a file that
   replaces its destination only when every write succeeded. */
#define _POSIX_C_SOURCE 200809L
#include <config.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include "cli.h"
#include "cli-atomic.h"

static const struct
{
  const char *ext;
  cli_format fmt;
  const char *name;
} extensions[] = {
  { ".tsv", CLI_FMT_TSV, "tsv" },        { ".txt", CLI_FMT_TEXT, "text" },
  { ".json", CLI_FMT_JSON, "json" },     { ".jsonl", CLI_FMT_JSON, "json" },
  { ".tex", CLI_FMT_LATEX, "latex" },    { ".md", CLI_FMT_MARKDOWN, "markdown" },
};

static const char *
format_name (cli_format f)
{
  static const char *names[] = { "text", "tsv", "json", "latex", "markdown" };
  return (unsigned) f < 5 ? names[f] : "?";
}

cli_format
cli_output_format (const char *path, cli_format fmt, int given)
{
  if (!path || strcmp (path, "-") == 0)
    return fmt;
  const char *base = strrchr (path, '/');
  base = base ? base + 1 : path;
  const char *dot = strrchr (base, '.');
  for (size_t i = 0; dot && i < sizeof extensions / sizeof extensions[0]; i++)
    if (strcmp (dot, extensions[i].ext) == 0)
      {
        if (given && fmt != extensions[i].fmt)
          cli_fatal (CLI_EXIT_USAGE, "--format=%s disagrees with the "
                     "extension of the output file '%s' (%s)",
                     format_name (fmt), path, extensions[i].name);
        return extensions[i].fmt;
      }
  return given ? fmt : CLI_FMT_TSV;
}

static FILE *redirected;        /* the cli_atomic file behind stdout */

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
