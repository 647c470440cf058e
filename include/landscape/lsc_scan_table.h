/* The scan job's tables (lsc_scan_table(3)): what a summary row, a
   spectrum row and the LaTeX captions of landscape-scan hold, written
   through lsc_table(3), so that the tool and the Python package print
   the same tables from the same lsc_scan_set results. */
#ifndef LSC_SCAN_TABLE_H
#define LSC_SCAN_TABLE_H

#include <stddef.h>
#include "landscape/lsc_scan.h"
#include "landscape/lsc_table.h"
#include "landscape/lsc_plot.h"

#ifdef __cplusplus
extern "C" {
#endif
#pragma GCC visibility push(default)

/* What the tables show, each with its default (lsc_scan_table_opts_init). */
typedef struct
{
  int longfmt;   /* one summary and one spectrum table for all d, not one
                    block per d                                   (0)  */
  int poly;      /* multiplicities as polynomials in d             (0)  */
  int prove;     /* a "proved" summary column (lsc_prove_scan_row) (0)  */
} lsc_scan_table_opts;

void lsc_scan_table_opts_init (lsc_scan_table_opts *to);

/* The column sets: which = 0 the summary (every column the summary can
   have but the two below), 1 the spectrum, 2 the optional summary columns
   eig_err and proved.  Returns the array and its length in *n (for
   lsc_table_columns_check), or NULL for another which. */
const lsc_table_pcolumn *lsc_scan_table_columns (int which, size_t *n);

/* Write the tables of the nf families' rows sf (in the order of the
   catalogue) at the nd dimensions dv, scanned with the options so, to o:
   per d a summary table and spectrum tables (one per family, or in LaTeX
   one longtable for all families), or with to->longfmt one summary and
   one spectrum table for all d.  *nbad (may be NULL) receives the number
   of rows that failed or whose full-Hessian check disagreed.  Returns
   the output's status (lsc_table_output_status) or LSC_EFAULT. */
int lsc_scan_table_write (lsc_table_output *o, const lsc_scan_set *sf,
                          size_t nf, const double *dv, size_t nd,
                          const lsc_scan_opts *so,
                          const lsc_scan_table_opts *to, size_t *nbad);

/* The scan's figure as lsc_plot(3) panels (for lsc_plot_write): with one
   dimension (nd = 1) one panel per family that succeeded, eigenvalue
   against multiplicity (log), a stem series per isotypic component; with
   several, two panels over d - the loss (log; a loss within the rounding
   bound lsc_scan_noise_bound is 0 and left off) and the smallest Hessian
   eigenvalue (signed log, linear within symlog, default 1e-3), one series
   per family, d* marked (the catalogue's, else lsc_scan_crossing's,
   labelled "(scan)").  xlog: the d axis logarithmic; symlog > 0: the
   eigenvalue axis of the spectra in signed log.  The figure owns its
   arrays; it points into sf, which must outlive it. */
typedef struct
{
  lsc_plot_panel *panel;        /* npanels panels, in ncols columns     */
  size_t npanels, ncols;
  lsc_plot_series *series;      /* storage (owned)                      */
  double *xy;
  char (*text)[160];
  const char **vlabel;
} lsc_scan_figure;

/* Build fig from the scan's nf families' rows sf at nd dimensions.
   LSC_SUCCESS, LSC_EFAULT or LSC_ENOMEM (fig then empty).  Free with
   lsc_scan_figure_free (NULL: nothing). */
int lsc_scan_figure_build (lsc_scan_figure *fig, const lsc_scan_set *sf,
                           size_t nf, size_t nd, int xlog, double symlog,
                           const lsc_scan_opts *so);
void lsc_scan_figure_free (lsc_scan_figure *fig);

#pragma GCC visibility pop
#ifdef __cplusplus
}
#endif

#endif
