/* Shared helpers of the landscape-* tools, core part (cli.h): program
   name, one-line messages with control characters escaped, --version,
   the checked close of stdout, the catalogue path. */
#define _XOPEN_SOURCE 700
#include <config.h>
#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_version.h>
#include <mpfr.h>
#include <lapacke.h>
#include "landscape/lsc_errno.h"
#include "landscape/lsc_families.h"
#include "cli.h"

static const char *program_name = "landscape";

void
cli_init (const char *argv0)
{
  if (argv0 && *argv0)
    {
      const char *slash = strrchr (argv0, '/');
      program_name = slash ? slash + 1 : argv0;
      /* libtool wrappers run the real binary as "lt-NAME". */
      if (strncmp (program_name, "lt-", 3) == 0 && program_name[3])
        program_name += 3;
    }
  /* A closed pipe (| head -1) ends the tool quietly, killed by SIGPIPE as
     the coreutils are; cli_atomic removes its temporaries first. */
  signal (SIGPIPE, SIG_DFL);
}

static void (*tool_usage) (void);

void
cli_start (const char *argv0, void (*usage) (void))
{
  cli_init (argv0);
  gsl_set_error_handler_off ();
  tool_usage = usage;
  cli_out.fmt = cli_default_format ();
}

int
cli_shared_option (int c, const char *arg)
{
  if (!tool_usage)
    return 0;
  switch (c)
    {
    case 'h': tool_usage (); exit (cli_finish (CLI_EXIT_OK));
    case 'V': cli_version (); exit (cli_finish (CLI_EXIT_OK));
    case 'f':
      cli_out.fmt = cli_parse_format ("--format", arg);
      cli_out.fmt_given = 1;
      return 1;
    case 'o': cli_out.path = arg; return 1;
    case CLI_OPT_COLUMNS: cli_table_columns = arg; return 1;
    case CLI_OPT_STANDALONE: cli_table_standalone = 1; return 1;
    default: return 0;
    }
}

const char *
cli_program_name (void)
{
  return program_name;
}

/* Write s to stderr with control characters (and DEL) escaped C style;
   bytes >= 0x80 (UTF-8 text) are kept. */
static void
put_escaped_line (const char *s)
{
  for (; *s; s++)
    {
      unsigned char c = (unsigned char) *s;
      if (c >= 0x20 && c != 0x7f)
        fputc (c, stderr);
      else if (c == '\n')
        fputs ("\\n", stderr);
      else if (c == '\t')
        fputs ("\\t", stderr);
      else if (c == '\r')
        fputs ("\\r", stderr);
      else
        fprintf (stderr, "\\x%02x", c);
    }
}

static void
verror (const char *fmt, va_list ap)
{
  char buf[1024], *msg = buf;
  va_list aq;
  va_copy (aq, ap);
  int n = vsnprintf (buf, sizeof buf, fmt, aq);
  va_end (aq);
  if (n >= (int) sizeof buf && (msg = malloc ((size_t) n + 1)) != NULL)
    vsnprintf (msg, (size_t) n + 1, fmt, ap);
  else if (n >= (int) sizeof buf)
    msg = buf;                  /* truncated rather than lost */
  fflush (stdout);
  fprintf (stderr, "%s: ", program_name);
  put_escaped_line (n < 0 ? fmt : msg);
  fputc ('\n', stderr);
  if (msg != buf)
    free (msg);
}

void
cli_error (const char *fmt, ...)
{
  va_list ap;
  va_start (ap, fmt);
  verror (fmt, ap);
  va_end (ap);
}

_Noreturn void
cli_fatal (int status, const char *fmt, ...)
{
  va_list ap;
  va_start (ap, fmt);
  verror (fmt, ap);
  va_end (ap);
  exit (status);
}

void *
cli_xmalloc (size_t n)
{
  void *p = malloc (n ? n : 1);
  if (!p)
    cli_fatal (CLI_EXIT_SYSTEM, "out of memory");
  return p;
}

char *
cli_xstrdup (const char *s)
{
  size_t n = strlen (s) + 1;
  return memcpy (cli_xmalloc (n), s, n);
}


void (*cli_version_extra) (void);

void
cli_version (void)
{
  lapack_int maj = 0, min = 0, pat = 0;
  LAPACKE_ilaver (&maj, &min, &pat);
  printf ("%s (%s) %s\n", program_name, PACKAGE_NAME, PACKAGE_VERSION);
  printf ("liblandscape %s\n", PACKAGE_VERSION);
  printf ("GSL %s", gsl_version);
  if (strcmp (gsl_version, GSL_VERSION) != 0)
    printf (" (built with %s)", GSL_VERSION);
  printf ("\nMPFR %s", mpfr_get_version ());
  if (strcmp (mpfr_get_version (), MPFR_VERSION_STRING) != 0)
    printf (" (built with %s)", MPFR_VERSION_STRING);
  printf ("\nLAPACK %d.%d.%d\n", (int) maj, (int) min, (int) pat);
  if (cli_version_extra)
    cli_version_extra ();
}

int
cli_finish (int status)
{
  int e = 0;
  if (fflush (stdout) != 0)
    e = errno ? errno : EIO;
  int bad = e || ferror (stdout);
  if (fclose (stdout) != 0 && !bad)
    {
      bad = 1;
      e = errno;
    }
  if (cli_output_commit (!bad) != 0 && !bad)
    {
      bad = 1;
      e = errno;
    }
  if (!bad && status == CLI_EXIT_OK && cli_table_demoted_rows () > 0)
    status = CLI_EXIT_NOCONV;
  if (bad)
    {
      const char *path = cli_output_redirected ();
      fprintf (stderr, "%s: write error", program_name);
      if (path)
        fputs (": ", stderr), put_escaped_line (path);
      if (e)
        fprintf (stderr, ": %s", strerror (e));
      fputc ('\n', stderr);
      return CLI_EXIT_SYSTEM;
    }
  return status;
}

const char *
cli_catalogue_path (const char *given)
{
  /* the library's one rule (lsc_catalogue_default_path(3)) */
  return given ? given : lsc_catalogue_default_path ();
}

size_t
cli_families (const lsc_catalogue *cat, const char *families,
              const char *catpath, const lsc_family **sel, size_t max)
{
  size_t n = 0;
  if (families && !*families)
    cli_fatal (CLI_EXIT_USAGE, "invalid argument '' for --family: no "
               "family named");
  for (const char *p = families; p && *p;)
    {
      size_t m = strcspn (p, ",");
      if (m == 0)
        cli_fatal (CLI_EXIT_USAGE, "invalid argument '%s' for --family: an "
                   "empty family name", families);
      const lsc_family *f = NULL;
      char name[64];
      if (m < sizeof name)
        {
          memcpy (name, p, m);
          name[m] = 0;
          f = lsc_catalogue_find (cat, name);
        }
      if (!f)
        cli_fatal (CLI_EXIT_USAGE, "no family '%.*s' in %s", (int) m, p,
                   catpath);
      if (sel && n < max)
        sel[n] = f;
      n++;
      p += m + (p[m] == ',');
    }
  return n;
}
