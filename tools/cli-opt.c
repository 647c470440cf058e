/* Option parsing of the landscape-* tools (cli-opt.h): checked number
   conversions, byte counts, and getopt_long with one-line errors. */
#define _GNU_SOURCE
#include <config.h>
#include <errno.h>
#include <limits.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <math.h>
#include "cli.h"


static int
is_digit (char c)
{
  return c >= '0' && c <= '9';
}

/* The decimal grammar of real options (lsc_table_number_syntax). */
static int
is_decimal (const char *s)
{
  return lsc_table_number_syntax (s, LSC_TABLE_NUMBER_DECIMAL);
}

double
cli_parse_double (const char *opt, const char *arg)
{
  if (!is_decimal (arg))
    cli_fatal (CLI_EXIT_USAGE, "invalid argument '%s' for %s: not a decimal "
               "number", arg, opt);
  /* strtod follows LC_NUMERIC: parse under a thread-local C locale. */
  locale_t c = newlocale (LC_NUMERIC_MASK, "C", (locale_t) 0);
  if (c == (locale_t) 0)
    cli_fatal (CLI_EXIT_SYSTEM, "cannot create the C locale");
  locale_t old = uselocale (c);
  char *end;
  errno = 0;
  double v = strtod (arg, &end);
  int err = errno;
  uselocale (old);
  freelocale (c);
  if (*end != '\0')
    cli_fatal (CLI_EXIT_USAGE, "invalid argument '%s' for %s", arg, opt);
  if (!isfinite (v) || (err == ERANGE && fabs (v) > 1.0))
    cli_fatal (CLI_EXIT_USAGE, "invalid argument '%s' for %s: out of range",
               arg, opt);
  return v;
}

long
cli_parse_long (const char *opt, const char *arg, long min, long max)
{
  const char *s = arg;
  if (*s == '+' || *s == '-')
    s++;
  if (!is_digit (*s))
    cli_fatal (CLI_EXIT_USAGE, "invalid argument '%s' for %s: not an integer",
               arg, opt);
  for (; is_digit (*s); s++)
    ;
  if (*s != '\0')
    cli_fatal (CLI_EXIT_USAGE, "invalid argument '%s' for %s: not an integer",
               arg, opt);
  errno = 0;
  long v = strtol (arg, NULL, 10);
  if (errno == ERANGE || v < min || v > max)
    cli_fatal (CLI_EXIT_USAGE, "invalid argument '%s' for %s: must be in "
               "[%ld, %ld]", arg, opt, min, max);
  return v;
}

double
cli_parse_bytes (const char *opt, const char *arg)
{
  size_t n = strlen (arg);
  char num[64];
  double mul = 1;
  size_t m = n;
  /* optional "B" or "iB" after the suffix letter */
  if (m > 0 && (arg[m - 1] == 'B' || arg[m - 1] == 'b'))
    {
      m--;
      if (m > 0 && arg[m - 1] == 'i')
        m--;
    }
  if (m > 0)
    {
      const char *suf = strchr ("KkMmGgTt", arg[m - 1]);
      if (suf && arg[m - 1])
        {
          int e = (int) ((suf - "KkMmGgTt") / 2) + 1;
          mul = ldexp (1.0, 10 * e);
          m--;
        }
    }
  if (m == 0 || m >= sizeof num)
    cli_fatal (CLI_EXIT_USAGE, "invalid argument '%s' for %s: expected a "
               "size such as 512M or 4G", arg, opt);
  memcpy (num, arg, m);
  num[m] = '\0';
  if (!is_decimal (num))
    cli_fatal (CLI_EXIT_USAGE, "invalid argument '%s' for %s: expected a "
               "size such as 512M or 4G", arg, opt);
  double v = strtod (num, NULL) * mul;
  if (!(v >= 1048576.0) || !isfinite (v))
    cli_fatal (CLI_EXIT_USAGE, "invalid argument '%s' for %s: must be at "
               "least 1M", arg, opt);
  return v;
}

/* ---------------------------------------------------------------- getopt */

/* The long option "--name[=value]" at fault: why getopt_long refused it. */
static _Noreturn void
long_error (const char *elem, const struct option *lo, int missing)
{
  const char *name = elem + 2, *eq = strchr (name, '=');
  size_t len = eq ? (size_t) (eq - name) : strlen (name);
  int exact = -1, partial = 0;
  for (int i = 0; lo && lo[i].name; i++)
    if (strncmp (lo[i].name, name, len) == 0)
      {
        if (strlen (lo[i].name) == len)
          exact = i;
        partial++;
      }
  if (missing)
    cli_fatal (CLI_EXIT_USAGE, "option '--%.*s' requires an argument (try "
               "--help)", (int) len, name);
  if (exact >= 0 && eq && lo[exact].has_arg == no_argument)
    cli_fatal (CLI_EXIT_USAGE, "option '--%.*s' doesn't allow an argument "
               "(try --help)", (int) len, name);
  if (exact < 0 && partial > 1)
    cli_fatal (CLI_EXIT_USAGE, "option '--%.*s' is ambiguous (try --help)",
               (int) len, name);
  if (exact < 0 && partial == 1)
    for (int i = 0; lo[i].name; i++)
      if (strncmp (lo[i].name, name, len) == 0)
        {
          if (eq && lo[i].has_arg == no_argument)
            cli_fatal (CLI_EXIT_USAGE, "option '--%s' doesn't allow an "
                       "argument (try --help)", lo[i].name);
          break;
        }
  cli_fatal (CLI_EXIT_USAGE, "unrecognized option '--%.*s' (try --help)",
             (int) len, name);
}

int
cli_getopt (int argc, char *const *argv, const char *shortopts,
            const struct option *longopts)
{
  /* A leading ':' makes a missing argument return ':' (not '?'); '+' or
     '-' modes are kept in front of it. */
  const char *given = shortopts;
  char so[128];
  size_t p = 0;
  while (*shortopts == '+' || *shortopts == '-')
    if (p < sizeof so - 2)
      so[p++] = *shortopts++;
  if (*shortopts == ':')
    shortopts++;
  so[p++] = ':';
  size_t n = strlen (shortopts);
  if (p + n >= sizeof so)
    cli_fatal (CLI_EXIT_SYSTEM, "internal error: option string too long");
  memcpy (so + p, shortopts, n + 1);
  opterr = 0;
  int before = optind;
  int c = getopt_long (argc, argv, so, longopts, NULL);
  if (c != '?' && c != ':')
    return c != -1 && cli_shared_option (c, optarg)
      ? cli_getopt (argc, argv, given, longopts) : c;
  /* The element at fault: finished (optind moved past it) or still being
     scanned (an error inside a bundle such as -qx leaves optind on it). */
  int at = optind > before ? optind - 1 : optind;
  const char *elem = at > 0 && at < argc ? argv[at] : "";
  if (strncmp (elem, "--", 2) == 0 && elem[2])
    long_error (elem, longopts, c == ':');
  if (c == ':')
    cli_fatal (CLI_EXIT_USAGE, "option requires an argument -- '%c' (try "
               "--help)", optopt);
  if (optopt > 0 && optopt < 128)
    cli_fatal (CLI_EXIT_USAGE, "invalid option -- '%c' (try --help)", optopt);
  cli_fatal (CLI_EXIT_USAGE, "unrecognized option '%s' (try --help)", elem);
}
