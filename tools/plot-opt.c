/* Figure options of the tools (plot.h: --size, --font-size, --dpi,
   --symlog, --plot-data) and the file-name check; built with or without
   cairo. */
#include <config.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "cli.h"
#include "plot.h"

plot_opts plot_options;

int
plot_check_path (const char *path)
{
  const char *dot = path ? strrchr (path, '.') : NULL;
  if (!dot)
    return -1;
  return strcasecmp (dot, ".svg") == 0 || strcasecmp (dot, ".pdf") == 0
         || strcasecmp (dot, ".png") == 0 ? 0 : -1;
}

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
plot_option (int code, const char *arg)
{
  const char *e;
  double v;
  switch (code)
    {
    case PLOT_OPT_SIZE:
      plot_options.width = length ("--size", arg, arg, &e);
      plot_options.height = 0;
      if (*e == 'x')
        plot_options.height = length ("--size", arg, e + 1, &e);
      if (*e)
        length ("--size", arg, "", &e);      /* the message */
      break;
    case PLOT_OPT_FONT:
      v = cli_parse_double ("--font-size", arg);
      if (!(v >= 4 && v <= 30))
        cli_fatal (CLI_EXIT_USAGE, "invalid argument '%s' for --font-size: "
                   "points from 4 to 30", arg);
      plot_options.font = v;
      break;
    case PLOT_OPT_DPI:
      plot_options.dpi = (double) cli_parse_long ("--dpi", arg, 50, 2400);
      break;
    case PLOT_OPT_SYMLOG:
      v = arg ? cli_parse_double ("--symlog", arg) : 1e-3;
      if (!(v > 0 && v < 1e6))
        cli_fatal (CLI_EXIT_USAGE, "invalid argument '%s' for --symlog: "
                   "the linear range must be in (0, 1e6)", arg);
      plot_options.symlog = v;
      break;
    case PLOT_OPT_DATA:
      plot_options.data = arg;
      break;
    default:
      cli_fatal (CLI_EXIT_SYSTEM, "internal error: plot option %d", code);
    }
}
