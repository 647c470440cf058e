/* bench-table: rows per second of the table writer (lsc_table(3)) in every
   format, 10 columns (int, 6 reals, a decimal, a string, a status), 2e5
   rows to /dev/null; and the time of one two-panel figure (lsc_plot(3)) of
   20 series x 1000 points in SVG and PNG. */
#define _POSIX_C_SOURCE 200809L
#include <config.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include "landscape.h"
#include "bench.h"

#define NROWS 200000

static const lsc_table_column cols[] = {
  { "run", LSC_TABLE_INT }, { "a", LSC_TABLE_REAL }, { "b", LSC_TABLE_REAL },
  { "c", LSC_TABLE_REAL }, { "d", LSC_TABLE_REAL }, { "e", LSC_TABLE_REAL },
  { "f", LSC_TABLE_REAL }, { "exact", LSC_TABLE_DECIMAL },
  { "family", LSC_TABLE_STRING }, { "status", LSC_TABLE_STATUS } };

int
main (void)
{
  FILE *null = fopen ("/dev/null", "w");
  if (!null)
    return 3;
  for (int fmt = LSC_TABLE_TEXT; fmt <= LSC_TABLE_MARKDOWN; fmt++)
    {
      double t0 = now ();
      lsc_table_output *o = lsc_table_output_alloc (null, fmt, NULL);
      lsc_table *t = lsc_table_begin (o, "bench", cols, 10);
      for (long i = 0; i < NROWS; i++)
        {
          lsc_table_cell_int (t, i);
          for (int j = 1; j <= 6; j++)
            lsc_table_cell_real (t, sin ((double) (i * 7 + j)) * pow (10, j));
          lsc_table_cell_decimal (t, "0.02508058100246301041947970235");
          lsc_table_cell_string (t, i % 3 ? "B2" : "global");
          lsc_table_cell_status (t, i % 11 ? LSC_SUCCESS : LSC_ENOCONV);
          lsc_table_row_end (t);
        }
      int st = lsc_table_end (t);
      st = st ? st : lsc_table_output_free (o);
      double s = now () - t0;
      printf ("table %-8s %d rows x 10 cols: %.3f s, %.0f rows/s, status %d\n",
              lsc_table_format_name (fmt), NROWS, s, NROWS / s, st);
    }
  fclose (null);
  if (!lsc_plot_available ())
    return 0;
  enum { NS = 20, NP = 1000 };
  static double x[NP], y[NS][NP];
  lsc_plot_series se[2 * NS];
  for (int i = 0; i < NP; i++)
    x[i] = 2 + 0.1 * i;
  for (int s = 0; s < NS; s++)
    {
      for (int i = 0; i < NP; i++)
        y[s][i] = exp (-0.01 * (s + 1) * i) * (1 + 0.1 * sin (i));
      se[s] = (lsc_plot_series) { NULL, x, y[s], NP, LSC_PLOT_LINES, s };
      se[NS + s] = (lsc_plot_series) { NULL, x, y[s], NP, LSC_PLOT_POINTS, s };
    }
  se[0].label = "first";
  lsc_plot_panel pn[2] = {
    { "lines", "d", "loss", LSC_PLOT_LINEAR, LSC_PLOT_LOG, se, NS, NULL,
      NULL, 0, 0, 0, 0 },
    { "points", "d", "loss", LSC_PLOT_LOG, LSC_PLOT_SYMLOG, se + NS, NS,
      NULL, NULL, 0, 1, 0, 1e-3 } };
  const char *paths[] = { "bench.svg", "bench.png" };
  for (int k = 0; k < 2; k++)
    {
      FILE *f = fopen ("/dev/null", "wb");
      char err[256];
      double t0 = now ();
      int st = lsc_plot_write (f, paths[k], pn, 2, 2, NULL, err, sizeof err);
      printf ("plot %s 2 panels x %d series x %d points: %.3f s, status %d\n",
              paths[k] + 6, NS, NP, now () - t0, st);
      fclose (f);
    }
  return 0;
}
