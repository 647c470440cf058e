/* The scan job's figure (lsc_scan_table(3)): for one d the spectrum of
   each family (eigenvalue against multiplicity), for several the loss and
   the smallest eigenvalue against d with d* marked, as lsc_plot(3) panels. */
#include <config.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "landscape.h"
#include "landscape/lsc_jobs.h"
#include "landscape/lsc_scan_table.h"

/* One panel per family that succeeded at its first d: eigenvalue against
   multiplicity (log), one stem series per isotypic component. */
static int
spectra (lsc_scan_figure *fig, const lsc_scan_set *sf, size_t nf,
         double symlog)
{
  size_t np = 0, nev = 0;
  for (size_t i = 0; i < nf; i++)
    if (sf[i].n && sf[i].rows[0].status == 0)
      {
        np++;
        nev += sf[i].rows[0].nev;
      }
  fig->panel = calloc (np ? np : 1, sizeof *fig->panel);
  fig->series = calloc (4 * (np ? np : 1), sizeof *fig->series);
  fig->xy = malloc (2 * (nev ? nev : 1) * sizeof *fig->xy);
  fig->text = calloc (np ? np : 1, sizeof *fig->text);
  if (!fig->panel || !fig->series || !fig->xy || !fig->text)
    return LSC_ENOMEM;
  static const char *const comp[] = { "t (trivial)", "s (standard)",
                                      "x (ext. square)", "y (n-2,2)" };
  size_t p = 0, used = 0;
  double *xy = fig->xy;
  for (size_t i = 0; i < nf; i++)
    {
      if (!sf[i].n || sf[i].rows[0].status)
        continue;
      const lsc_scan_row *r = &sf[i].rows[0];
      lsc_plot_panel *pp = &fig->panel[p];
      snprintf (fig->text[p], sizeof fig->text[p], "%s, d = %g",
                r->fam->name, r->d);
      pp->title = fig->text[p];
      pp->xlabel = symlog > 0 ? "eigenvalue (signed log)" : "eigenvalue";
      pp->ylabel = "multiplicity";
      pp->ylog = 1;
      pp->xlog = symlog > 0 ? LSC_PLOT_SYMLOG : LSC_PLOT_LINEAR;
      pp->symc = symlog;
      lsc_plot_series *s0 = &fig->series[4 * p];
      pp->series = s0;
      for (int c = 0; c < 4; c++)
        {
          lsc_plot_series *s = &s0[pp->nseries];
          s->x = xy + used;
          s->y = xy + nev + used;
          for (size_t e = 0; e < r->nev; e++)
            if (r->ev[e].irrep == c)
              {
                xy[used] = r->ev[e].value;
                xy[nev + used] = r->ev[e].mult;
                used++;
                s->n++;
              }
          if (s->n)
            {
              s->label = comp[c];
              s->style = LSC_PLOT_STEMS;
              s->color = c;
              pp->nseries++;
            }
        }
      p++;
    }
  fig->npanels = np;
  fig->ncols = np < 2 ? np : np < 5 ? 2 : 3;
  return LSC_SUCCESS;
}

/* Two panels over d: loss (log) and smallest eigenvalue (signed log), one
   series per family, d* marked (the catalogue's, else the scan's
   crossing). */
static int
branches (lsc_scan_figure *fig, const lsc_scan_set *sf, size_t nf,
          int xlog, double symlog, const lsc_scan_opts *so)
{
  size_t ntot = 0, nf1 = nf ? nf : 1;
  for (size_t i = 0; i < nf; i++)
    ntot += sf[i].n;
  fig->panel = calloc (2, sizeof *fig->panel);
  fig->series = calloc (2 * nf1, sizeof *fig->series);
  fig->xy = malloc ((3 * (ntot ? ntot : 1) + nf1) * sizeof *fig->xy);
  fig->text = calloc (nf1, sizeof *fig->text);
  fig->vlabel = calloc (nf1, sizeof *fig->vlabel);
  if (!fig->panel || !fig->series || !fig->xy || !fig->text || !fig->vlabel)
    return LSC_ENOMEM;
  double *buf = fig->xy, *vl = fig->xy + 3 * (ntot ? ntot : 1);
  lsc_plot_series *se = fig->series;
  size_t used = 0, ns = 0, nv = 0;
  for (size_t i = 0; i < nf; i++)
    {
      if (!sf[i].n)
        continue;
      double *x = buf + used, *L = buf + ntot + used,
             *m = buf + 2 * ntot + used;
      size_t n = 0;
      for (size_t j = 0; j < sf[i].n; j++, n++)
        {
          const lsc_scan_row *r = &sf[i].rows[j];
          x[n] = r->d;
          /* the tables' rule: a loss within its rounding error is 0 (and
             left off the log axis) */
          L[n] = r->status ? NAN
                 : fabs (r->loss) <= lsc_scan_noise_bound (so, r->k) ? 0
                 : r->loss;
          m[n] = r->status ? NAN : r->min_eig;
        }
      used += n;
      se[ns] = (lsc_plot_series) { sf[i].fam->name, x, L, n,
                                   LSC_PLOT_LINESPOINTS, (int) ns };
      se[nf + ns] = (lsc_plot_series) { sf[i].fam->name, x, m, n,
                                        LSC_PLOT_LINESPOINTS, (int) ns };
      ns++;
      double ds = lsc_scan_family_dstar (sf[i].fam);
      const char *how = "";
      if (!isfinite (ds))
        {
          ds = lsc_scan_crossing (&sf[i]);
          how = " (scan)";
        }
      if (isfinite (ds))
        {
          snprintf (fig->text[nv], sizeof fig->text[nv], "%s%s",
                    sf[i].fam->name, how);
          fig->vlabel[nv] = fig->text[nv];
          vl[nv++] = ds;
        }
    }
  double c = symlog > 0 ? symlog : 1e-3;
  fig->panel[0] = (lsc_plot_panel) { "loss (dashed: d*)", "d", "loss", xlog,
                                     LSC_PLOT_LOG, se, ns, vl, fig->vlabel,
                                     nv, 0, 0, 0 };
  fig->panel[1] = (lsc_plot_panel) { "smallest Hessian eigenvalue", "d",
                                     "min eigenvalue (signed log)", xlog,
                                     LSC_PLOT_SYMLOG, se + nf, ns, vl,
                                     fig->vlabel, nv, 1, 0, c };
  fig->npanels = fig->ncols = 2;
  return LSC_SUCCESS;
}

int
lsc_scan_figure_build (lsc_scan_figure *fig, const lsc_scan_set *sf,
                       size_t nf, size_t nd, int xlog, double symlog,
                       const lsc_scan_opts *so)
{
  memset (fig, 0, sizeof *fig);
  if (!sf && nf)
    return LSC_EFAULT;
  int st = nd == 1 ? spectra (fig, sf, nf, symlog)
                   : branches (fig, sf, nf, xlog, symlog, so);
  if (st)
    lsc_scan_figure_free (fig);
  return st;
}

void
lsc_scan_figure_free (lsc_scan_figure *fig)
{
  if (!fig)
    return;
  free (fig->panel);
  free (fig->series);
  free (fig->xy);
  free (fig->text);
  free (fig->vlabel);
  memset (fig, 0, sizeof *fig);
}
