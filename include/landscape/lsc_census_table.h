/* The census job's tables and figures (lsc_census_table(3)): the runs,
   the summary per family and the totals of a census, the spurious
   fractions and family shares of saved censuses, and their plots, as
   landscape-census prints them, written through lsc_table(3) and
   lsc_plot(3). */
#ifndef LSC_CENSUS_TABLE_H
#define LSC_CENSUS_TABLE_H

#include <stddef.h>
#include <stdio.h>
#include "landscape/lsc_census.h"
#include "landscape/lsc_table.h"
#include "landscape/lsc_plot.h"

#ifdef __cplusplus
extern "C" {
#endif
#pragma GCC visibility push(default)

/* Check a --columns list (may be NULL: nothing to check) against the
   tables of a census (fractions = 0: summary, totals and runs) or of
   --fractions (fractions = 1: fractions and shares).  LSC_SUCCESS, or
   LSC_EINVAL with a one-line reason in err (lsc_table_columns_check). */
int lsc_census_table_check (char *err, size_t errlen, const char *columns,
                            int fractions);

/* Start the table "runs" on o (NULL on failure: see the output's
   status), and write one run r as a row of it (the index is empty for a
   run that was not classified).  The row returns the output's status. */
lsc_table *lsc_census_runs_begin (lsc_table_output *o);
int lsc_census_runs_row (lsc_table *t, const lsc_census_run *r);

/* The tables "summary" (one row per family by increasing loss: count,
   fraction, the first run's loss and the spread, 0 in the formats read
   by people below lsc_census_loss_noise, Morse index, smallest
   eigenvalue) and "totals" of the census runs[0..n) made with cf
   (lsc_census_summarize).  Returns the output's status, LSC_ENOMEM or
   LSC_EFAULT. */
int lsc_census_summary_write (lsc_table_output *o, const lsc_census_run *runs,
                              size_t n, const lsc_census_config *cf);

/* The tables "fractions" (one row per saved census c[0..n), in
   lsc_census_saved_sort's order: runs by outcome and the spurious
   fraction) and "shares" (each spurious family's share of its census).
   Returns the output's status or LSC_EFAULT. */
int lsc_census_fractions_write (lsc_table_output *o,
                                const lsc_census_saved *c, size_t n);

/* The histogram of the losses of the classified runs (60 bins on
   [0, largest loss], losses below lsc_census_loss_noise counted as 0,
   the non-empty bins drawn as stems), written to f (named path: its
   extension chooses the format) by lsc_plot_write with opts. */
int lsc_census_plot_write (FILE *f, const char *path,
                           const lsc_census_run *runs, size_t n,
                           const lsc_census_config *cf,
                           const lsc_plot_opts *opts, char *err,
                           size_t errlen);
/* The spurious fraction (in %) against d of saved censuses c[0..n) (in
   lsc_census_saved_sort's order), one line per k - d. */
int lsc_census_fractions_plot_write (FILE *f, const char *path,
                                     const lsc_census_saved *c, size_t n,
                                     const lsc_plot_opts *opts, char *err,
                                     size_t errlen);

#pragma GCC visibility pop
#ifdef __cplusplus
}
#endif

#endif
