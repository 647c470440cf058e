/* landscape-census's tables and figures; the census itself is
   lsc_census(3). */
#ifndef LANDSCAPE_TOOLS_CENSUS_H
#define LANDSCAPE_TOOLS_CENSUS_H

#include <stddef.h>
#include "landscape.h"

/* --fractions: the spurious fraction of each saved census c[0..n) (in
   lsc_census_saved_sort's order) and each spurious family's share; the
   plot of the fractions against d to plot (may be NULL).
   (census-fractions.c) */
void census_fractions (lsc_table_output *out, const lsc_census_saved *c,
                       size_t n, const char *plot);
/* Check --columns against the --fractions tables (exits 2). */
void census_fractions_check_columns (int fmt);

/* Summary per family (by increasing loss: count, fraction, first loss and
   spread, index, smallest eigenvalue) and the totals table
   (census-report.c). */
void census_print_summary (lsc_table_output *out, const lsc_census_run *runs,
                           size_t n, const lsc_census_config *cf);
/* Check --columns and --standalone against the census tables (exits 2). */
void census_check_columns (int fmt);
/* Histogram of the losses; exits on error. */
void census_write_plot (const char *path, const lsc_census_run *runs,
                        size_t n, const lsc_census_config *cf);

#endif
