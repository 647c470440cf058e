/* landscape-census --fractions: saved censuses (lsc_census_saved_read)
   as tables, the spurious fraction against d for each k - d and each
   spurious family's share, and the plot. */
#define _POSIX_C_SOURCE 200809L
#include <config.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "census.h"
#include "cli.h"
#include "cli-atomic.h"
#include "cli-plot.h"

#define P LSC_TABLE_PAPER
static const lsc_table_pcolumn frac_cols[] = {
  { "extra", LSC_TABLE_INT, "$k - d$", P }, { "d", LSC_TABLE_INT, "$d$", P },
  { "k", LSC_TABLE_INT, "$k$", P }, { "method", LSC_TABLE_STRING, NULL, P },
  { "seed", LSC_TABLE_INT, NULL, 0 }, { "runs", LSC_TABLE_INT, NULL, P },
  { "global", LSC_TABLE_INT, NULL, P },
  { "spurious_minima", LSC_TABLE_INT, "spurious minima", P },
  { "saddles", LSC_TABLE_INT, NULL, 0 }, { "failed", LSC_TABLE_INT, NULL, P },
  { "spurious_fraction", LSC_TABLE_REAL, "spurious fraction", P },
  { "families", LSC_TABLE_INT, NULL, 0 }
};
static const lsc_table_pcolumn share_cols[] = {
  { "extra", LSC_TABLE_INT, "$k - d$", P }, { "d", LSC_TABLE_INT, "$d$", P },
  { "family", LSC_TABLE_STRING, NULL, P },
  { "isotropy", LSC_TABLE_STRING, NULL, 0 },
  { "count", LSC_TABLE_INT, NULL, P }, { "share", LSC_TABLE_REAL, NULL, P },
  { "loss", LSC_TABLE_REAL, "$L$", P }
};
#undef P

void
census_fractions_check_columns (int fmt)
{
  cli_table_check ((lsc_table_format) fmt, 2, frac_cols, sizeof frac_cols
                   / sizeof frac_cols[0], share_cols, sizeof share_cols
                   / sizeof share_cols[0]);
}

static void
write_plot (const char *path, const lsc_census_saved *c, size_t n)
{
  double *x = cli_xmalloc (2 * n * sizeof *x), *y = x + n;
  lsc_plot_series *s = cli_xmalloc (n * sizeof *s);
  char (*lab)[32] = cli_xmalloc (n * sizeof *lab);
  size_t ns = 0;
  for (size_t i = 0; i < n; i++)
    {
      long e = (long) c[i].k - (long) c[i].d;
      if (i == 0 || e != (long) c[i - 1].k - (long) c[i - 1].d)
        {
          if (e == 0)
            snprintf (lab[ns], sizeof lab[ns], "k = d");
          else
            snprintf (lab[ns], sizeof lab[ns], "k = d %c %ld",
                      e > 0 ? '+' : '-', e > 0 ? e : -e);
          s[ns] = (lsc_plot_series) { lab[ns], x + i, y + i, 0, LSC_PLOT_LINESPOINTS,
                                  (int) ns };
          ns++;
        }
      x[i] = (double) c[i].d;
      y[i] = 100 * c[i].sm.spurious_fraction;
      s[ns - 1].n++;
    }
  lsc_plot_panel pn = { "runs ending at a spurious minimum", "d",
                    "spurious minima (% of runs)", LSC_PLOT_LINEAR, LSC_PLOT_LINEAR,
                    s, ns, NULL, NULL, 0, 1, 0, 0 };
  char err[256];
  FILE *f = cli_atomic_open (path);
  if (!f)
    cli_fatal (CLI_EXIT_SYSTEM, "%s: %s", path, strerror (errno));
  if (cli_plot_write (f, path, &pn, 1, 1, err, sizeof err) != 0)
    cli_fatal (CLI_EXIT_SYSTEM, "%s", err);
  if (cli_atomic_commit (f) != 0)
    cli_fatal (CLI_EXIT_SYSTEM, "%s: %s", path, strerror (errno));
  free (x);
  free (s);
  free (lab);
}

void
census_fractions (lsc_table_output *out, const lsc_census_saved *c,
                  size_t n, const char *plot)
{
  lsc_table *t = lsc_table_begin_paper (out, "fractions", "Spurious "
    "fraction of saved censuses (random Xavier starts, each end point "
    "polished by Newton's method and classified): runs ending at the "
    "global minimum, at spurious minima (Morse index 0, $L > 0$), failed "
    "runs, and the fraction ending at a spurious minimum, by $k - d$ and "
    "$d$.", frac_cols, sizeof frac_cols / sizeof frac_cols[0], 0);
  for (size_t i = 0; i < n; i++)
    {
      const lsc_census_summary *s = &c[i].sm;
      lsc_table_cell_int (t, (long long) c[i].k - (long long) c[i].d);
      lsc_table_cell_int (t, (long long) c[i].d);
      lsc_table_cell_int (t, (long long) c[i].k);
      lsc_table_cell_string (t, strcmp (c[i].method, "gd") ? "L-BFGS" : "GD");
      lsc_table_cell_int (t, (long long) c[i].seed);
      lsc_table_cell_int (t, (long long) c[i].n);
      lsc_table_cell_int (t, (long long) s->count[LSC_CENSUS_GLOBAL]);
      lsc_table_cell_int (t, (long long) s->count[LSC_CENSUS_SPURIOUS]);
      lsc_table_cell_int (t, (long long) s->count[LSC_CENSUS_SADDLE]);
      lsc_table_cell_int (t, (long long) s->count[LSC_CENSUS_FAILED]);
      if (c[i].n)
        lsc_table_cell_real (t, s->spurious_fraction);
      else
        lsc_table_cell_empty (t);
      lsc_table_cell_int (t, (long long) s->nfam);
      lsc_table_row_end (t);
    }
  lsc_table_end (t);
  t = lsc_table_begin_paper (out, "shares", "Each spurious-minimum "
    "family's share of the runs of the censuses above (its runs over all "
    "runs; the shares of one census add up to its spurious fraction); "
    "$L$: the loss of its first run.", share_cols,
    sizeof share_cols / sizeof share_cols[0], 0);
  for (size_t i = 0; i < n; i++)
    for (size_t j = 0; j < c[i].sm.nfam; j++)
      {
        const lsc_census_family_share *f = &c[i].sm.fam[j];
        if (f->outcome != LSC_CENSUS_SPURIOUS)
          continue;
        char iso[512];
        lsc_table_isotropy_tex (iso, sizeof iso, f->isotropy);
        lsc_table_cell_int (t, (long long) c[i].k - (long long) c[i].d);
        lsc_table_cell_int (t, (long long) c[i].d);
        lsc_table_cell_string (t, f->family);
        lsc_table_cell_string_tex (t, f->isotropy, iso);
        lsc_table_cell_int (t, (long long) f->count);
        lsc_table_cell_real (t, f->fraction);
        lsc_table_cell_real_err (t, f->loss, c[i].sm.noise);
        lsc_table_row_end (t);
      }
  lsc_table_end (t);
  if (plot)
    write_plot (plot, c, n);
}
