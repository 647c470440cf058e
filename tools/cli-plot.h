/* The tools' side of the figure writer (lsc_plot(3)): the figure options
   --size, --font-size, --dpi, --symlog, --plot-data and figures written
   with them. */
#ifndef LSC_CLI_PLOT_H
#define LSC_CLI_PLOT_H

#include <stddef.h>
#include <stdio.h>
#include "landscape/lsc_plot.h"

/* The figure options of the tool, set by cli_plot_option. */
extern lsc_plot_opts cli_plot_options;

enum { CLI_PLOT_OPT_SIZE = 0x2100, CLI_PLOT_OPT_FONT, CLI_PLOT_OPT_DPI,
       CLI_PLOT_OPT_SYMLOG, CLI_PLOT_OPT_DATA };
/* The options in a getopt_long table (needs getopt.h). */
#define CLI_PLOT_LONGOPTS \
  { "size", required_argument, NULL, CLI_PLOT_OPT_SIZE }, \
  { "font-size", required_argument, NULL, CLI_PLOT_OPT_FONT }, \
  { "dpi", required_argument, NULL, CLI_PLOT_OPT_DPI }, \
  { "symlog", optional_argument, NULL, CLI_PLOT_OPT_SYMLOG }, \
  { "plot-data", required_argument, NULL, CLI_PLOT_OPT_DATA }
/* Parse one of them into cli_plot_options; exits with status 2 on bad
   input. */
void cli_plot_option (int code, const char *arg);

/* lsc_plot_write with cli_plot_options and, from the environment variable
   LANDSCAPE_PLOT_LAYOUT=FILE, the layout dump for tests.  0, or -1 with a
   one-line message in err. */
int cli_plot_write (FILE *f, const char *path, const lsc_plot_panel *panels,
                    size_t npanels, size_t ncols, char *err, size_t errlen);

/* cli_plot_options with the layout dump file of LANDSCAPE_PLOT_LAYOUT,
   for the library's figure writers; cli_plot_release after each figure
   (frees cairo's caches for leak checkers). */
lsc_plot_opts cli_plot_opts (void);
void cli_plot_release (void);

#endif
