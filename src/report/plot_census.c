/* The census job's figures (lsc_census_table(3)): the histogram of the
   losses of a census and the spurious fraction of saved censuses
   against d. */
#include <config.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include "landscape/lsc_census_table.h"
#include "internal.h"

int
lsc_census_plot_write (FILE *f, const char *path, const lsc_census_run *runs,
                       size_t n, const lsc_census_config *cf,
                       const lsc_plot_opts *opts, char *err, size_t errlen)
{
  if (!f || !path || (!runs && n) || !cf)
    LSC_ERROR ("lsc_census_plot_write: NULL argument", LSC_EFAULT);
  enum { NB = 60 };
  double x[NB], y[NB] = { 0 }, top = 0;
  /* losses within the rounding error of the double evaluation (the
     summary table's rule) are 0, not a range of the axis */
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
  char title[160];
  snprintf (title, sizeof title, "census k = %zu, d = %zu, %zu runs (%s)",
            cf->k, cf->d, n, cf->method);
  /* the non-empty bins only: no stems of height 0 along the axis */
  size_t nb = 0;
  for (int b = 0; b < NB; b++)
    if (y[b] > 0)
      x[nb] = x[b], y[nb++] = y[b];
  lsc_plot_series s = { "runs", x, y, nb, LSC_PLOT_STEMS, 0 };
  lsc_plot_panel pn = { title, "loss", "runs", LSC_PLOT_LINEAR,
                        LSC_PLOT_LINEAR, &s, 1, NULL, NULL, 0, 1, 0, 0 };
  return lsc_plot_write (f, path, &pn, 1, 1, opts, err, errlen);
}

int
lsc_census_fractions_plot_write (FILE *f, const char *path,
                                 const lsc_census_saved *c, size_t n,
                                 const lsc_plot_opts *opts, char *err,
                                 size_t errlen)
{
  if (!f || !path || (!c && n))
    LSC_ERROR ("lsc_census_fractions_plot_write: NULL argument", LSC_EFAULT);
  double *x = malloc ((2 * n + 1) * sizeof *x), *y = x + n;
  lsc_plot_series *s = malloc ((n + 1) * sizeof *s);
  char (*lab)[32] = malloc ((n + 1) * sizeof *lab);
  if (!x || !s || !lab)
    {
      free (x);
      free (s);
      free (lab);
      LSC_ERROR ("lsc_census_fractions_plot_write: out of memory",
                 LSC_ENOMEM);
    }
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
          s[ns] = (lsc_plot_series) { lab[ns], x + i, y + i, 0,
                                      LSC_PLOT_LINESPOINTS, (int) ns };
          ns++;
        }
      x[i] = (double) c[i].d;
      y[i] = 100 * c[i].sm.spurious_fraction;
      s[ns - 1].n++;
    }
  lsc_plot_panel pn = { "runs ending at a spurious minimum", "d",
                        "spurious minima (% of runs)", LSC_PLOT_LINEAR,
                        LSC_PLOT_LINEAR, s, ns, NULL, NULL, 0, 1, 0, 0 };
  int st = lsc_plot_write (f, path, &pn, 1, 1, opts, err, errlen);
  free (x);
  free (s);
  free (lab);
  return st;
}
