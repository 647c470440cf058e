/* landscape-scan: parsing of dimension ranges and the check of --columns
   (the tables are lsc_scan_table(3)). */
#define _POSIX_C_SOURCE 200809L
#include <config.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "scan-out.h"
#include "landscape/lsc_scan_table.h"

static double
positive (const char *opt, const char *s, const char *what)
{
  double v = cli_parse_double (opt, s);
  if (!(v > 0))
    cli_fatal (CLI_EXIT_USAGE, "invalid argument '%s' for %s: %s must be "
               "positive", s, opt, what);
  return v;
}

double *
scan_parse_range (size_t *n, const char *opt, const char *spec)
{
  char *s = strdup (spec), *c1, *c2 = NULL;
  if (!s)
    cli_fatal (CLI_EXIT_SYSTEM, "out of memory");
  double a, b, step = 0;
  long perdec = 0;
  if ((c1 = strchr (s, ':')))
    {
      *c1++ = '\0';
      c2 = strchr (c1, ':');
      if (!c2 || strchr (c2 + 1, ':'))
        cli_fatal (CLI_EXIT_USAGE, "invalid argument '%s' for %s: expected "
                   "D, A:B:STEP or A:B:logN", spec, opt);
      *c2++ = '\0';
    }
  a = positive (opt, s, c1 ? "the start" : "the dimension");
  b = c1 ? positive (opt, c1, "the end") : a;
  if (b < a)
    cli_fatal (CLI_EXIT_USAGE, "invalid argument '%s' for %s: the end is "
               "below the start", spec, opt);
  if (c2 && strncmp (c2, "log", 3) == 0)
    perdec = cli_parse_long (opt, c2 + 3, 1, 1000);
  else if (c2)
    step = positive (opt, c2, "the step");
  double *v;
  int st = lsc_grid (&v, n, a, b, c1 ? step : 1, perdec);
  if (st == LSC_ELIMIT)
    cli_fatal (CLI_EXIT_USAGE, "invalid argument '%s' for %s: more than %d "
               "points", spec, opt, LSC_GRID_MAX);
  if (st)
    cli_fatal_status (st, "%s: %s", opt, lsc_strerror (st));
  free (s);
  return v;
}

/* Check --columns and --standalone against the scan's tables. */
void
scan_check_columns (lsc_table_format fmt)
{
  size_t ns, np, nm;
  const lsc_table_pcolumn *sc = lsc_scan_table_columns (0, &ns),
                          *pc = lsc_scan_table_columns (1, &np),
                          *mc = lsc_scan_table_columns (2, &nm);
  cli_table_check (fmt, 3, sc, ns, pc, np, mc, nm);
}
