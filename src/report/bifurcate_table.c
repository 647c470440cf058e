/* The bifurcation job's tables (lsc_bifurcate_table(3)): the events of
   lsc_bifurcate_family as rows, with the optional proof of each crossing
   (lsc_prove_crossing), and the parameters at each d*. */
#include <config.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include "landscape.h"
#include "landscape/lsc_jobs.h"
#include "landscape/lsc_bifurcate_table.h"
#include "internal.h"

#define P LSC_TABLE_PAPER
static const lsc_table_pcolumn cols[] = {
  { "family", LSC_TABLE_STRING, NULL, P },
  { "event", LSC_TABLE_STRING, NULL, P },
  { "component", LSC_TABLE_STRING, "comp.", P },
  { "inner", LSC_TABLE_INT, NULL, 0 },
  { "mult", LSC_TABLE_REAL, "mult.", P },
  { "d_star", LSC_TABLE_DECIMAL, "$d^*$", P },
  { "change", LSC_TABLE_STRING, NULL, 0 },
  /* decimals from lsc_table_index_text: integers exact, fractional sums
     rounded to --digits like scan's index column */
  { "index_below", LSC_TABLE_DECIMAL, "index${}^-$", P },
  { "index_above", LSC_TABLE_DECIMAL, "index${}^+$", P },
  { "loss", LSC_TABLE_DECIMAL, "$L(d^*)$", 0 },
  { "residual", LSC_TABLE_REAL, NULL, 0 },
  { "digits", LSC_TABLE_INT, NULL, 0 },
  { "status", LSC_TABLE_STATUS, NULL, P },
  { "proof", LSC_TABLE_STRING, NULL, 0 } };
#undef P
#define NCOL (sizeof cols / sizeof cols[0])

const lsc_table_pcolumn *
lsc_bifurcate_table_columns (size_t *n)
{
  if (n)
    *n = NCOL;
  return cols;
}

/* One event's row; *nbad counts failed rows and crossings not proved. */
static void
event_row (lsc_table *t, const lsc_bifurcate_event *e, int prove,
           size_t *nbad)
{
  if (e->status)
    ++*nbad;
  lsc_table_cell_string (t, e->fam->name);
  lsc_table_cell_string (t, e->event);
  if (strcmp (e->event, "scan") == 0)
    {
      for (size_t i = 2; i < NCOL - 2; i++)
        lsc_table_cell_empty (t);
      lsc_table_cell_status (t, e->status);
      lsc_table_cell_empty (t);
      lsc_table_row_end (t);
      return;
    }
  lsc_table_cell_string (t, lsc_irrep_name (e->irrep));
  lsc_table_cell_int (t, (long long) e->inner);
  if (isnan (e->mult))
    lsc_table_cell_empty (t);
  else
    lsc_table_cell_real (t, e->mult);
  if (e->d_star)
    lsc_table_cell_decimal (t, e->d_star);
  else
    lsc_table_cell_empty (t);
  lsc_table_cell_string (t, e->change);
  /* the indices exactly: integers as integers, sums of fractional
     multiplicities without rounding noise */
  const double ix[2] = { e->index_below, e->index_above };
  for (int s = 0; s < 2; s++)
    if (isnan (ix[s]))
      lsc_table_cell_empty (t);
    else
      {
        char ib[48];
        lsc_table_index_text (ib, sizeof ib, ix[s], e->d);
        lsc_table_cell_decimal (t, ib);
      }
  if (e->loss)
    lsc_table_cell_decimal (t, e->loss);
  else
    lsc_table_cell_empty (t);
  if (isnan (e->residual))
    lsc_table_cell_empty (t);
  else
    lsc_table_cell_real (t, e->residual);
  lsc_table_cell_int (t, (long long) e->digits_agree);
  lsc_table_cell_status (t, e->status);
  /* "proved" only for a ball-arithmetic proof of exactly one crossing in
     an interval inside the printed digits */
  if (prove && e->d_star && strcmp (e->event, "crossing") == 0)
    {
      int pr = lsc_prove_crossing (e->fam, e->d_star);
      lsc_table_cell_string (t, pr ? "proved" : "not-proved");
      if (!pr)
        ++*nbad;
    }
  else
    lsc_table_cell_empty (t);
  lsc_table_row_end (t);
}

int
lsc_bifurcate_table_write (lsc_table_output *o,
                           const lsc_bifurcate_event *const *ev,
                           const size_t *nev, size_t nf, int prove,
                           int params, size_t *nbad)
{
  if (!o || (nf && (!ev || !nev)))
    LSC_ERROR ("lsc_bifurcate_table_write: NULL argument", LSC_EFAULT);
  size_t bad = 0;
  lsc_table *t = lsc_table_begin_paper (
      o, "bifurcations",
      "Fractional dimensions $d^*$ at which an eigenvalue of one isotypic "
      "component of the Hessian crosses zero along a family (or the family "
      "folds); mult = inner $\\times$ dim of the component at $d^*$; Morse "
      "indices just below (index${}^-$) and above (index${}^+$) $d^*$; "
      "$d^*$ rounded to the digits shown, agreed by a second solve at "
      "higher precision.",
      cols, NCOL, 0);
  for (size_t f = 0; f < nf; f++)
    for (size_t b = 0; b < nev[f]; b++)
      event_row (t, &ev[f][b], prove, &bad);
  lsc_table_end (t);
  if (params)
    {
      static const lsc_table_column pc[] = { { "family", LSC_TABLE_STRING },
                                       { "d_star", LSC_TABLE_DECIMAL },
                                       { "index", LSC_TABLE_INT },
                                       { "value", LSC_TABLE_DECIMAL } };
      lsc_table *pt = lsc_table_begin (o, "parameters", pc, 4);
      for (size_t f = 0; f < nf; f++)
        for (size_t b = 0; b < nev[f]; b++)
          {
            const lsc_bifurcate_event *e = &ev[f][b];
            if (!e->d_star)
              continue;
            for (size_t i = 0; i < e->np; i++)
              {
                lsc_table_cell_string (pt, e->fam->name);
                lsc_table_cell_decimal (pt, e->d_star20);
                lsc_table_cell_int (pt, (long long) i);
                if (e->p && e->p[i])
                  lsc_table_cell_decimal (pt, e->p[i]);
                else
                  lsc_table_cell_empty (pt);
                lsc_table_row_end (pt);
              }
          }
      lsc_table_end (pt);
    }
  if (nbad)
    *nbad = bad;
  return lsc_table_output_status (o);
}
