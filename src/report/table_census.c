/* The census job's tables (lsc_census_table(3)): runs, summary per
   family, totals, and the fractions and shares of saved censuses. */
#include <config.h>
#include <stdio.h>
#include <string.h>
#include "landscape/lsc_census_table.h"
#include "internal.h"

#define N(a) (sizeof (a) / sizeof (a)[0])
#define P LSC_TABLE_PAPER
static const lsc_table_column run_cols[] = {
  { "run", LSC_TABLE_INT }, { "seed", LSC_TABLE_INT },
  { "iterations", LSC_TABLE_INT }, { "gradients", LSC_TABLE_INT },
  { "time", LSC_TABLE_REAL }, { "loss", LSC_TABLE_REAL },
  { "grad_norm", LSC_TABLE_REAL }, { "index", LSC_TABLE_INT },
  { "family", LSC_TABLE_STRING }, { "isotropy", LSC_TABLE_STRING },
  { "status", LSC_TABLE_STATUS }
};
/* the runs' columns that no other census table has (for the --columns
   check, after the summary's and the totals') */
static const lsc_table_pcolumn run_only[] = {
  { "run", LSC_TABLE_INT, 0, 0 }, { "seed", LSC_TABLE_INT, 0, 0 },
  { "iterations", LSC_TABLE_INT, 0, 0 }, { "gradients", LSC_TABLE_INT, 0, 0 },
  { "time", LSC_TABLE_REAL, 0, 0 }, { "grad_norm", LSC_TABLE_REAL, 0, 0 },
  { "status", LSC_TABLE_STATUS, 0, 0 }
};
static const lsc_table_pcolumn sum_cols[] = {
  { "family", LSC_TABLE_STRING, NULL, P },
  { "isotropy", LSC_TABLE_STRING, NULL, P },
  { "count", LSC_TABLE_INT, NULL, P }, { "fraction", LSC_TABLE_REAL, NULL, P },
  { "loss", LSC_TABLE_REAL, "$L$", P },
  { "loss_spread", LSC_TABLE_REAL, "spread", 0 },
  { "index", LSC_TABLE_INT, NULL, P },
  { "min_eig", LSC_TABLE_REAL, "$\\lambda_{\\min}$", P }
};
static const lsc_table_pcolumn tot_cols[] = {
  { "runs", LSC_TABLE_INT, NULL, 0 }, { "global", LSC_TABLE_INT, NULL, 0 },
  { "spurious_minima", LSC_TABLE_INT, "spurious minima", 0 },
  { "saddles", LSC_TABLE_INT, NULL, 0 }, { "failed", LSC_TABLE_INT, NULL, 0 },
  { "spurious_fraction", LSC_TABLE_REAL, "spurious fraction", 0 },
  { "families", LSC_TABLE_INT, NULL, 0 }
};
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

int
lsc_census_table_check (char *err, size_t errlen, const char *columns,
                        int fractions)
{
  const lsc_table_pcolumn *tabs[3] = { sum_cols, tot_cols, run_only };
  size_t nc[3] = { N (sum_cols), N (tot_cols), N (run_only) };
  if (fractions)
    {
      tabs[0] = frac_cols, nc[0] = N (frac_cols);
      tabs[1] = share_cols, nc[1] = N (share_cols);
    }
  if (!columns)
    return LSC_SUCCESS;
  return lsc_table_columns_check (err, errlen, columns, tabs, nc,
                                  fractions ? 2 : 3);
}

lsc_table *
lsc_census_runs_begin (lsc_table_output *o)
{
  return lsc_table_begin (o, "runs", run_cols, N (run_cols));
}

int
lsc_census_runs_row (lsc_table *t, const lsc_census_run *r)
{
  if (!t || !r)
    LSC_ERROR ("lsc_census_runs_row: NULL argument", LSC_EFAULT);
  lsc_table_cell_int (t, (long long) r->run);
  lsc_table_cell_int (t, (long long) r->seed);
  lsc_table_cell_int (t, (long long) r->iter);
  lsc_table_cell_int (t, (long long) r->nfev);
  lsc_table_cell_real (t, r->time);
  lsc_table_cell_real (t, r->loss);
  lsc_table_cell_real (t, r->gnorm);
  if (r->kind >= 0)
    lsc_table_cell_int (t, (long long) r->index);
  else
    lsc_table_cell_empty (t);
  lsc_table_cell_string (t, r->family);
  lsc_table_cell_string (t, r->isotropy);
  lsc_table_cell_status (t, r->status);
  return lsc_table_row_end (t);
}

/* A family's name and isotropy (LaTeX: the group). */
static void
family_cells (lsc_table *t, const lsc_census_family_share *f)
{
  char iso[512];
  lsc_table_isotropy_tex (iso, sizeof iso, f->isotropy);
  lsc_table_cell_string (t, f->family);
  lsc_table_cell_string_tex (t, f->isotropy, iso);
}

int
lsc_census_summary_write (lsc_table_output *o, const lsc_census_run *runs,
                          size_t n, const lsc_census_config *cf)
{
  if (!o || (!runs && n) || !cf)
    LSC_ERROR ("lsc_census_summary_write: NULL argument", LSC_EFAULT);
  lsc_census_summary sm;
  int st = lsc_census_summarize (&sm, runs, n, cf->k);
  if (st)
    return st;
  char cap[512];
  snprintf (cap, sizeof cap, "Census of %zu runs of %s from random (Xavier) "
            "starts, $k = %zu$, $d = %zu$%s, each end point polished by "
            "Newton's method and classified; families by increasing loss; "
            "$L$ of the family's first run, 0 when below its rounding error "
            "$2^{-45}(k+1)^2$; index: Morse index.", n,
            strcmp (cf->method, "gd") ? "L-BFGS" : "gradient descent",
            cf->k, cf->d, strcmp (cf->target, "identity")
            ? " (target from a file)" : " ($V = I_d$)");
  lsc_table *t = lsc_table_begin_paper (o, "summary", cap, sum_cols,
                                        N (sum_cols), 0);
  for (size_t j = 0; j < sm.nfam; j++)
    {
      const lsc_census_family_share *f = &sm.fam[j];
      family_cells (t, f);
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
  t = lsc_table_begin_paper (o, "totals", cap, tot_cols, N (tot_cols), 0);
  lsc_table_cell_int (t, (long long) n);
  for (int c = LSC_CENSUS_GLOBAL; c <= LSC_CENSUS_FAILED; c++)
    lsc_table_cell_int (t, (long long) sm.count[c]);
  lsc_table_cell_real (t, sm.spurious_fraction);
  lsc_table_cell_int (t, (long long) sm.nfam);
  lsc_table_row_end (t);
  lsc_census_summary_clear (&sm);
  return lsc_table_end (t);
}

int
lsc_census_fractions_write (lsc_table_output *o, const lsc_census_saved *c,
                            size_t n)
{
  if (!o || (!c && n))
    LSC_ERROR ("lsc_census_fractions_write: NULL argument", LSC_EFAULT);
  lsc_table *t = lsc_table_begin_paper (o, "fractions", "Spurious "
    "fraction of saved censuses (random Xavier starts, each end point "
    "polished by Newton's method and classified): runs ending at the "
    "global minimum, at spurious minima (Morse index 0, $L > 0$), failed "
    "runs, and the fraction ending at a spurious minimum, by $k - d$ and "
    "$d$.", frac_cols, N (frac_cols), 0);
  for (size_t i = 0; i < n; i++)
    {
      const lsc_census_summary *s = &c[i].sm;
      lsc_table_cell_int (t, (long long) c[i].k - (long long) c[i].d);
      lsc_table_cell_int (t, (long long) c[i].d);
      lsc_table_cell_int (t, (long long) c[i].k);
      lsc_table_cell_string (t, strcmp (c[i].method, "gd") ? "L-BFGS" : "GD");
      lsc_table_cell_int (t, (long long) c[i].seed);
      lsc_table_cell_int (t, (long long) c[i].n);
      for (int k = LSC_CENSUS_GLOBAL; k <= LSC_CENSUS_FAILED; k++)
        lsc_table_cell_int (t, (long long) s->count[k]);
      if (c[i].n)
        lsc_table_cell_real (t, s->spurious_fraction);
      else
        lsc_table_cell_empty (t);
      lsc_table_cell_int (t, (long long) s->nfam);
      lsc_table_row_end (t);
    }
  lsc_table_end (t);
  t = lsc_table_begin_paper (o, "shares", "Each spurious-minimum "
    "family's share of the runs of the censuses above (its runs over all "
    "runs; the shares of one census add up to its spurious fraction); "
    "$L$: the loss of its first run.", share_cols, N (share_cols), 0);
  for (size_t i = 0; i < n; i++)
    for (size_t j = 0; j < c[i].sm.nfam; j++)
      {
        const lsc_census_family_share *f = &c[i].sm.fam[j];
        if (f->outcome != LSC_CENSUS_SPURIOUS)
          continue;
        lsc_table_cell_int (t, (long long) c[i].k - (long long) c[i].d);
        lsc_table_cell_int (t, (long long) c[i].d);
        family_cells (t, f);
        lsc_table_cell_int (t, (long long) f->count);
        lsc_table_cell_real (t, f->fraction);
        lsc_table_cell_real_err (t, f->loss, c[i].sm.noise);
        lsc_table_row_end (t);
      }
  return lsc_table_end (t);
}
