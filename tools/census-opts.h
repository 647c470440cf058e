/* landscape-census's command line (census-opts.c): the options and
   their parsing, shared by the tool's main program. */
#ifndef LSC_CENSUS_OPTS_H
#define LSC_CENSUS_OPTS_H

#include <stddef.h>
#include "landscape.h"

typedef struct
{
  lsc_census_config cf;
  size_t runs;
  int threads;
  const char *resume, *catalogue, *plot, *save;
  int quiet, dense;
  int digits, per_run;
  int fractions;             /* --fractions: the files are argv[first..) */
  int first;
  double *V;
} census_options;

/* The --help text on stdout. */
void census_usage (void);

/* Parse argv into o (zeroed by the caller): exits 0 after --help and
   --version, 2 with one line on a usage error.  Reads the target file
   (lsc_census_config_sizes) and checks --columns, --standalone, --plot
   and the output format (cli_out) before any work. */
void census_parse_args (census_options *o, int argc, char **argv);

#endif
