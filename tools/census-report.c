/* landscape-census report: the summary and totals tables, and the loss
   histogram. */
#define _POSIX_C_SOURCE 200809L
#include <config.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <math.h>
#include "census.h"
#include "cli.h"
#include "cli-plot.h"
#include "cli-atomic.h"

/* The summary: one row per family (in order of increasing loss), then the
   totals.  Losses of a family: the first run's and the spread. */
#define P LSC_TABLE_PAPER
static const lsc_table_pcolumn sum_cols[] = {
  { "family", LSC_TABLE_STRING, NULL, P },
  { "isotropy", LSC_TABLE_STRING, NULL, P },
  { "count", LSC_TABLE_INT, NULL, P }, { "fraction", LSC_TABLE_REAL, NULL, P },
  { "loss", LSC_TABLE_REAL, "$L$", P },
  { "loss_spread", LSC_TABLE_REAL, "spread", 0 },
  { "index", LSC_TABLE_INT, NULL, P },
  { "min_eig", LSC_TABLE_REAL, "$\\lambda_{\\min}$", P }
};
#undef P
static const lsc_table_pcolumn tot_cols[] = {
  { "runs", LSC_TABLE_INT, NULL, 0 }, { "global", LSC_TABLE_INT, NULL, 0 },
  { "spurious_minima", LSC_TABLE_INT, "spurious minima", 0 },
  { "saddles", LSC_TABLE_INT, NULL, 0 }, { "failed", LSC_TABLE_INT, NULL, 0 },
  { "spurious_fraction", LSC_TABLE_REAL, "spurious fraction", 0 },
  { "families", LSC_TABLE_INT, NULL, 0 }
};
/* the runs table (landscape-census.c), for the --columns check */
static const lsc_table_pcolumn run_cols[] = {
  { "run", LSC_TABLE_INT, 0, 0 }, { "seed", LSC_TABLE_INT, 0, 0 },
  { "iterations", LSC_TABLE_INT, 0, 0 }, { "gradients", LSC_TABLE_INT, 0, 0 },
  { "time", LSC_TABLE_REAL, 0, 0 }, { "grad_norm", LSC_TABLE_REAL, 0, 0 },
  { "status", LSC_TABLE_STATUS, 0, 0 }
};

void
census_check_columns (int fmt)
{
  cli_table_check ((lsc_table_format) fmt, 3, sum_cols, sizeof sum_cols
                   / sizeof sum_cols[0], tot_cols, sizeof tot_cols
                   / sizeof tot_cols[0], run_cols, sizeof run_cols
                   / sizeof run_cols[0]);
}

void
census_print_summary (lsc_table_output *out, const lsc_census_run *runs,
                      size_t n, const lsc_census_config *cf)
{
  lsc_census_summary sm;
  if (lsc_census_summarize (&sm, runs, n, cf->k) != 0)
    cli_fatal (CLI_EXIT_SYSTEM, "out of memory");
  char cap[512];
  snprintf (cap, sizeof cap, "Census of %zu runs of %s from random (Xavier) "
            "starts, $k = %zu$, $d = %zu$%s, each end point polished by "
            "Newton's method and classified; families by increasing loss; "
            "$L$ of the family's first run, 0 when below its rounding error "
            "$2^{-45}(k+1)^2$; index: Morse index.", n,
            strcmp (cf->method, "gd") ? "L-BFGS" : "gradient descent",
            cf->k, cf->d, strcmp (cf->target, "identity")
            ? " (target from a file)" : " ($V = I_d$)");
  lsc_table *t = lsc_table_begin_paper (out, "summary", cap, sum_cols, 8, 0);
  for (size_t j = 0; j < sm.nfam; j++)
    {
      const lsc_census_family_share *f = &sm.fam[j];
      char iso[512];
      lsc_table_isotropy_tex (iso, sizeof iso, f->isotropy);
      lsc_table_cell_string (t, f->family);
      lsc_table_cell_string_tex (t, f->isotropy, iso);
      lsc_table_cell_int (t, (long long) f->count);
      lsc_table_cell_real (t, f->fraction);
      lsc_table_cell_real_err (t, f->loss, sm.noise);
      lsc_table_cell_real_err (t, f->loss_hi - f->loss_lo, sm.noise);
      lsc_table_cell_int (t, (long long) f->index);
      lsc_table_cell_real (t, f->min_eig);
      lsc_table_row_end (t);
    }
  lsc_table_end (t);
  snprintf (cap, sizeof cap, "Totals of the census of %zu runs ($k = %zu$, "
            "$d = %zu$): end points at the global minimum, at spurious "
            "minima (Morse index 0, $L > 0$) and at saddles, runs that "
            "failed, the fraction of runs ending at a spurious minimum, and "
            "the number of families.", n, cf->k, cf->d);
  t = lsc_table_begin_paper (out, "totals", cap, tot_cols, 7, 0);
  lsc_table_cell_int (t, (long long) n);
  lsc_table_cell_int (t, (long long) sm.count[LSC_CENSUS_GLOBAL]);
  lsc_table_cell_int (t, (long long) sm.count[LSC_CENSUS_SPURIOUS]);
  lsc_table_cell_int (t, (long long) sm.count[LSC_CENSUS_SADDLE]);
  lsc_table_cell_int (t, (long long) sm.count[LSC_CENSUS_FAILED]);
  lsc_table_cell_real (t, sm.spurious_fraction);
  lsc_table_cell_int (t, (long long) sm.nfam);
  lsc_table_row_end (t);
  lsc_table_end (t);
  lsc_census_summary_clear (&sm);
}

/* Histogram of the losses of the classified runs: 60 bins on
   [0, max loss] (losses within their rounding error count as 0), the
   non-empty ones drawn as stems at the bin centres. */
void
census_write_plot (const char *path, const lsc_census_run *runs, size_t n,
                   const lsc_census_config *cf)
{
  enum { NB = 60 };
  double x[NB], y[NB] = { 0 }, top = 0;
  /* losses within the rounding error of the double evaluation (the table
     rule, census_print_summary) are 0, not a range of the axis */
  double noise = lsc_census_loss_noise (cf->k);
  for (size_t i = 0; i < n; i++)
    if (runs[i].kind >= 0 && runs[i].loss > noise)
      top = fmax (top, runs[i].loss);
  if (!(top > 0))
    top = 1e-3;
  double w = top * (1 + 1e-9) / NB;
  for (int b = 0; b < NB; b++)
    x[b] = (b + 0.5) * w;
  for (size_t i = 0; i < n; i++)
    if (runs[i].kind >= 0)
      {
        int b = (int) (fmax (runs[i].loss, 0) / w);
        y[b < NB ? b : NB - 1] += 1;
      }
  char title[160], err[256];
  snprintf (title, sizeof title, "census k = %zu, d = %zu, %zu runs (%s)",
            cf->k, cf->d, n, cf->method);
  /* the non-empty bins only: no stems of height 0 along the axis */
  size_t nb = 0;
  for (int b = 0; b < NB; b++)
    if (y[b] > 0)
      x[nb] = x[b], y[nb++] = y[b];
  lsc_plot_series s = { "runs", x, y, nb, LSC_PLOT_STEMS, 0 };
  lsc_plot_panel pn = { title, "loss", "runs", LSC_PLOT_LINEAR, LSC_PLOT_LINEAR, &s, 1,
                    NULL, NULL, 0, 1, 0, 0 };  /* hzero: counts from 0 */
  /* a temporary renamed at the end: a failure leaves any old file as it
     was (the temporary is removed at exit) */
  FILE *f = cli_atomic_open (path);
  if (!f)
    cli_fatal (CLI_EXIT_SYSTEM, "%s: %s", path, strerror (errno));
  int rc = cli_plot_write (f, path, &pn, 1, 1, err, sizeof err);
  if (rc != 0)
    cli_fatal (CLI_EXIT_SYSTEM, "%s", err);
  if (cli_atomic_commit (f) != 0)
    cli_fatal (CLI_EXIT_SYSTEM, "%s: %s", path, strerror (errno));
}

