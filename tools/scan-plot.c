/* landscape-scan's plots: spectra at one d, branches over a d range. */
#define _POSIX_C_SOURCE 200809L
#include <config.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cli-plot.h"
#include "scan-out.h"

/* One panel per family: eigenvalue against multiplicity (log scale), one
   series per isotypic component. */
static int
plot_spectra (FILE *f, const char *path, const scan_fam *sf, size_t nf,
              char *err, size_t errlen)
{
  size_t np = 0, nev = 0;
  for (size_t i = 0; i < nf; i++)
    if (sf[i].n && sf[i].rows[0].status == 0)
      {
        np++;
        nev += sf[i].rows[0].nev;
      }
  lsc_plot_panel *pp = calloc (np ? np : 1, sizeof *pp);
  lsc_plot_series *se = calloc (4 * (np ? np : 1), sizeof *se);
  double *xy = malloc (2 * (nev ? nev : 1) * sizeof *xy);
  char (*title)[128] = calloc (np ? np : 1, sizeof *title);
  int rc = -1;
  if (!pp || !se || !xy || !title)
    {
      snprintf (err, errlen, "out of memory");
      goto done;
    }
  static const char *const comp[] = { "t (trivial)", "s (standard)",
                                      "x (ext. square)", "y (n-2,2)" };
  size_t p = 0, used = 0;
  for (size_t i = 0; i < nf; i++)
    {
      if (!sf[i].n || sf[i].rows[0].status)
        continue;
      const lsc_scan_row *r = &sf[i].rows[0];
      snprintf (title[p], sizeof title[p], "%s, d = %g", r->fam->name,
                r->d);
      pp[p].title = title[p];
      pp[p].xlabel = cli_plot_options.symlog > 0 ? "eigenvalue (signed log)"
                     : "eigenvalue";
      pp[p].ylabel = "multiplicity";
      pp[p].ylog = 1;
      pp[p].xlog = cli_plot_options.symlog > 0 ? LSC_PLOT_SYMLOG : LSC_PLOT_LINEAR;
      pp[p].symc = cli_plot_options.symlog;
      pp[p].series = &se[4 * p];
      for (int c = 0; c < 4; c++)
        {
          lsc_plot_series *s = &se[4 * p + pp[p].nseries];
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
              pp[p].nseries++;
            }
        }
      p++;
    }
  rc = cli_plot_write (f, path, pp, np, np < 2 ? np : np < 5 ? 2 : 3, err,
                   errlen);
done:
  free (pp);
  free (se);
  free (xy);
  free (title);
  return rc;
}

/* Two panels over d: loss (log) and smallest eigenvalue, one series per
   family, d* marked (catalogue value, else the scan's crossing). */
static int
plot_branches (FILE *f, const char *path, const scan_fam *sf, size_t nf,
               int xlog, const lsc_scan_opts *so, char *err, size_t errlen)
{
  size_t ntot = 0;
  for (size_t i = 0; i < nf; i++)
    ntot += sf[i].n;
  lsc_plot_series *se = calloc (2 * (nf ? nf : 1), sizeof *se);
  double *buf = malloc (3 * (ntot ? ntot : 1) * sizeof *buf);
  double *vl = malloc ((nf ? nf : 1) * sizeof *vl);
  char (*lab)[160] = calloc (nf ? nf : 1, sizeof *lab);
  const char **vlab = calloc (nf ? nf : 1, sizeof *vlab);
  int rc = -1;
  if (!se || !buf || !vl || !lab || !vlab)
    {
      snprintf (err, errlen, "out of memory");
      goto done;
    }
  size_t used = 0, ns = 0, nv = 0;
  for (size_t i = 0; i < nf; i++)
    {
      if (!sf[i].n)
        continue;
      double *x = buf + used, *L = buf + ntot + used, *m = buf + 2 * ntot + used;
      size_t n = 0;
      for (size_t j = 0; j < sf[i].n; j++)
        {
          const lsc_scan_row *r = &sf[i].rows[j];
          x[n] = r->d;
          /* the tables' rule: a loss within its rounding error is 0 (and
             left off the log axis) */
          L[n] = r->status ? NAN
                 : fabs (r->loss) <= lsc_scan_noise_bound (so, r->k) ? 0 : r->loss;
          m[n] = r->status ? NAN : r->min_eig;
          n++;
        }
      used += n;
      se[ns] = (lsc_plot_series) { sf[i].fam->name, x, L, n, LSC_PLOT_LINESPOINTS,
                               (int) ns };
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
          snprintf (lab[nv], sizeof lab[nv], "%s%s", sf[i].fam->name, how);
          vlab[nv] = lab[nv];
          vl[nv++] = ds;
        }
    }
  double c = cli_plot_options.symlog > 0 ? cli_plot_options.symlog : 1e-3;
  lsc_plot_panel pp[2] = {
    { "loss (dashed: d*)", "d", "loss", xlog, LSC_PLOT_LOG, se,
      ns, vl, vlab, nv, 0, 0, 0 },
    { "smallest Hessian eigenvalue", "d", "min eigenvalue (signed log)",
      xlog, LSC_PLOT_SYMLOG, se + nf, ns, vl, vlab, nv, 1, 0, c }
  };
  rc = cli_plot_write (f, path, pp, 2, 2, err, errlen);
done:
  free (se);
  free (buf);
  free (vl);
  free (lab);
  free (vlab);
  return rc;
}

int
scan_plot (FILE *f, const char *path, const scan_fam *sf, size_t nf,
           size_t nd, const char *dspec, const lsc_scan_opts *so, char *err,
           size_t errlen)
{
  if (nd == 1)
    return plot_spectra (f, path, sf, nf, err, errlen);
  return plot_branches (f, path, sf, nf, strstr (dspec, ":log") != NULL, so,
                        err, errlen);
}
