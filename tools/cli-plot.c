/* The tools' side of the figure writer (cli-plot.h): the figure options
   --size, --font-size, --dpi, --symlog, --plot-data and figures written
   with them. */
#include <config.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "landscape/lsc_errno.h"
#include "cli.h"
#include "cli-plot.h"
#ifdef HAVE_CAIRO
#include <cairo.h>
#endif

/* Process-wide setting of the tool (not of the library). */
lsc_plot_opts cli_plot_options;

/* A length with its unit (cm, mm, in, pt) in points; *end after it. */
static double
length (const char *opt, const char *arg, const char *s, const char **end)
{
  char *e;
  double v = strtod (s, &e);
  static const struct { const char *u; double pt; } units[] = {
    { "cm", 72 / 2.54 }, { "mm", 72 / 25.4 }, { "in", 72 }, { "pt", 1 } };
  for (size_t i = 0; e != s && i < 4; i++)
    if (strncmp (e, units[i].u, 2) == 0)
      {
        double pt = v * units[i].pt;
        /* 2 cm .. 1 m */
        if (!(pt >= 56 && pt <= 2835))
          cli_fatal (CLI_EXIT_USAGE, "invalid argument '%s' for %s: sizes "
                     "go from 2 cm to 100 cm", arg, opt);
        *end = e + 2;
        return pt;
      }
  cli_fatal (CLI_EXIT_USAGE, "invalid argument '%s' for %s: expected "
             "W or WxH, each a number with cm, mm, in or pt (8.5cm, "
             "17cmx8cm)", arg, opt);
}

void
cli_plot_option (int code, const char *arg)
{
  const char *e;
  double v;
  switch (code)
    {
    case CLI_PLOT_OPT_SIZE:
      cli_plot_options.width = length ("--size", arg, arg, &e);
      cli_plot_options.height = 0;
      if (*e == 'x')
        cli_plot_options.height = length ("--size", arg, e + 1, &e);
      if (*e)
        length ("--size", arg, "", &e);      /* the message */
      break;
    case CLI_PLOT_OPT_FONT:
      v = cli_parse_double ("--font-size", arg);
      if (!(v >= 4 && v <= 30))
        cli_fatal (CLI_EXIT_USAGE, "invalid argument '%s' for --font-size: "
                   "points from 4 to 30", arg);
      cli_plot_options.font = v;
      break;
    case CLI_PLOT_OPT_DPI:
      cli_plot_options.dpi = (double) cli_parse_long ("--dpi", arg, 50, 2400);
      break;
    case CLI_PLOT_OPT_SYMLOG:
      v = arg ? cli_parse_double ("--symlog", arg) : 1e-3;
      if (!(v > 0 && v < 1e6))
        cli_fatal (CLI_EXIT_USAGE, "invalid argument '%s' for --symlog: "
                   "the linear range must be in (0, 1e6)", arg);
      cli_plot_options.symlog = v;
      break;
    case CLI_PLOT_OPT_DATA:
      cli_plot_options.data = arg;
      break;
    default:
      cli_fatal (CLI_EXIT_SYSTEM, "internal error: plot option %d", code);
    }
}

lsc_plot_opts
cli_plot_opts (void)
{
  lsc_plot_opts opts = cli_plot_options;
  opts.layout = getenv ("LANDSCAPE_PLOT_LAYOUT");
  return opts;
}

void
cli_plot_release (void)
{
#ifdef HAVE_CAIRO
  /* Release cairo's font caches (no cairo object is alive now), so that
     leak checkers see only what the tool owns. */
  cairo_debug_reset_static_data ();
#endif
}

int
cli_plot_write (FILE *f, const char *path, const lsc_plot_panel *panels,
                size_t npanels, size_t ncols, char *err, size_t errlen)
{
  lsc_plot_opts opts = cli_plot_opts ();
  int st = lsc_plot_write (f, path, panels, npanels, ncols, &opts, err,
                           errlen);
  cli_plot_release ();
  return st == LSC_SUCCESS ? 0 : -1;
}
