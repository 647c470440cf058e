/* landscape-scan's input ranges, column check and plots (the computation
   is lsc_scan(3), the tables lsc_scan_table(3)). */
#ifndef LSC_SCAN_OUT_H
#define LSC_SCAN_OUT_H

#include <stddef.h>
#include <stdio.h>
#include "cli.h"
#include "landscape.h"

/* A family's rows, in ascending d. */
typedef lsc_scan_set scan_fam;

/* Parse D, A:B:STEP or A:B:logN (N points per decade) into the grid of
   lsc_grid (malloc'd); exits with status 2 and a message naming opt on bad
   input. */
double *scan_parse_range (size_t *n, const char *opt, const char *spec);

/* Check --columns and --standalone (cli_table_check) against the scan's
   tables. */
void scan_check_columns (lsc_table_format fmt);

/* Plot: for one d, the spectrum of each family (eigenvalue against
   multiplicity, log scale); for several, loss and smallest eigenvalue
   against d with d* marked.  0, or -1 with a message in err. */
int scan_plot (FILE *f, const char *path, const scan_fam *sf, size_t nf,
               size_t nd, const char *dspec, const lsc_scan_opts *so,
               char *err, size_t errlen);
#endif
