/* The figure writer (lsc_plot.h): the page layout (panel grid, marker
   label rows, legend below the panels), the cairo surfaces (SVG, PDF,
   PNG) and the writing; axes are in plot_axis.c, drawing in plot_draw.c.
   Without cairo every figure is refused with LSC_EUNSUP. */
#include <config.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "internal.h"
#include "landscape/lsc_plot.h"

int
lsc_plot_check_path (const char *path)
{
  const char *dot = path ? strrchr (path, '.') : NULL;
  if (dot && (strcasecmp (dot, ".svg") == 0 || strcasecmp (dot, ".pdf") == 0
              || strcasecmp (dot, ".png") == 0))
    return LSC_SUCCESS;
  return LSC_EINVAL;
}

#ifndef HAVE_CAIRO

int
lsc_plot_available (void)
{
  return 0;
}

int
lsc_plot_write (FILE *f, const char *path, const lsc_plot_panel *panels,
                size_t npanels, size_t ncols, const lsc_plot_opts *opts,
                char *err, size_t errlen)
{
  (void) f; (void) path; (void) panels; (void) npanels; (void) ncols;
  (void) opts;
  snprintf (err, errlen, "plots need cairo, which this build lacks "
            "(install libcairo2-dev and reconfigure)");
  LSC_ERROR ("built without cairo", LSC_EUNSUP);
}

#else
#include <cairo-svg.h>
#include <cairo-pdf.h>
#include "plot_impl.h"

#define CM (72 / 2.54)

int
lsc_plot_available (void)
{
  return 1;
}

static cairo_status_t
write_file (void *closure, const unsigned char *data, unsigned int len)
{
  return fwrite (data, 1, len, closure) == len ? CAIRO_STATUS_SUCCESS
         : CAIRO_STATUS_WRITE_ERROR;
}

/* The distinct legend entries (first series of each label). */
static size_t
legend_entries (const lsc_plot_series **ent, size_t max, const lsc_plot_panel *p,
                size_t np)
{
  size_t n = 0;
  for (size_t i = 0; i < np; i++)
    for (size_t s = 0; s < p[i].nseries; s++)
      {
        const lsc_plot_series *se = &p[i].series[s];
        size_t j = 0;
        if (!se->label)
          continue;
        while (j < n && strcmp (ent[j]->label, se->label))
          j++;
        if (j == n && n < max)
          ent[n++] = se;
      }
  return n;
}

int
lsc_plot_write (FILE *f, const char *path, const lsc_plot_panel *panels,
                size_t npanels, size_t ncols, const lsc_plot_opts *opts,
                char *err, size_t errlen)
{
  static const lsc_plot_opts defaults;
  if (!opts)
    opts = &defaults;
  if (errlen)
    err[0] = '\0';
  if (!f || (npanels && !panels))
    {
      snprintf (err, errlen, "no stream or no panels");
      LSC_ERROR ("no stream or no panels", LSC_EINVAL);
    }
  if (lsc_plot_check_path (path) != LSC_SUCCESS)
    {
      snprintf (err, errlen, "%s: plot file name must end in .svg, .pdf or "
                ".png", path ? path : "(null)");
      LSC_ERROR ("plot file name without .svg, .pdf or .png", LSC_EINVAL);
    }
  if (ncols == 0)
    ncols = 1;
  if (ncols > npanels && npanels)
    ncols = npanels;
  size_t nrows = npanels ? (npanels + ncols - 1) / ncols : 1;
  fig F = { NULL, opts->font > 0 ? opts->font : 8, NULL, NULL,
            0 };
  double fs = F.fs;
  double W = opts->width > 0 ? opts->width
             : (ncols == 1 ? 8.5 : 17) * CM;
  /* measuring context */
  cairo_surface_t *ms = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 1, 1);
  F.cr = cairo_create (ms);
  cairo_select_font_face (F.cr, "sans-serif", CAIRO_FONT_SLANT_NORMAL,
                          CAIRO_FONT_WEIGHT_NORMAL);
  const lsc_plot_series *ent[256];
  size_t nent = legend_entries (ent, 256, panels, npanels);
  cairo_set_font_size (F.cr, fs);
  double iw = 0;
  for (size_t i = 0; i < nent; i++)
    iw = fmax (iw, lsc_plt_text_w (F.cr, ent[i]->label) + 3.2 * fs);
  /* at least 1 em clear of the figure's edges */
  size_t lcols = iw > 0 ? (size_t) fmax (1, floor ((W - 2 * fs) / iw)) : 1;
  size_t lrows = (nent + lcols - 1) / lcols;
  double legh = nent ? lrows * 1.3 * fs + 0.6 * fs : 0;
  /* label rows of each panel (same width for all cells) */
  double cw = W / (double) ncols;
  int maxrows = 0;
  for (size_t i = 0; i < npanels; i++)
    {
      double lx[64];
      int lrow[64];
      axis ax = { panels[i].xlog, panels[i].symc > 0 ? panels[i].symc : 1e-3,
                  0, 1, 5.2 * fs, cw - 0.8 * fs };
      lsc_plt_axis_range (&ax, &panels[i], 1);
      lsc_plot_panel q = panels[i];
      q.nvline = q.nvline < 64 ? q.nvline : 64;
      int r = lsc_plt_label_rows (&F, &q, &ax, lx, lrow, 0.2 * fs, cw);
      maxrows = r > maxrows ? r : maxrows;
    }
  cairo_destroy (F.cr);
  cairo_surface_destroy (ms);
  double ch = opts->height > 0
              ? (opts->height - legh) / (double) nrows
              : 0.72 * cw + maxrows * 0.9 * fs;
  double H = opts->height > 0 ? opts->height
             : ch * (double) nrows + legh;
  if (ch < 6 * fs + maxrows * 0.9 * fs)
    {
      snprintf (err, errlen, "%s: the figure is too small for its panels "
                "and legend (use a larger --size or a smaller --font-size)",
                path);
      LSC_ERROR ("figure too small for its panels and legend", LSC_EINVAL);
    }
  const char *ext = strrchr (path, '.') + 1;
  cairo_surface_t *sf;
  int png = strcasecmp (ext, "png") == 0;
  double scale = png ? (opts->dpi > 0 ? opts->dpi : 300) / 72
                 : 1;
  if (png)
    sf = cairo_image_surface_create (CAIRO_FORMAT_RGB24,
                                     (int) ceil (W * scale),
                                     (int) ceil (H * scale));
  else if (strcasecmp (ext, "svg") == 0)
    sf = cairo_svg_surface_create_for_stream (write_file, f, W, H);
  else
    sf = cairo_pdf_surface_create_for_stream (write_file, f, W, H);
  F.cr = cairo_create (sf);
  cairo_t *cr = F.cr;
  cairo_scale (cr, scale, scale);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_select_font_face (cr, "sans-serif", CAIRO_FONT_SLANT_NORMAL,
                          CAIRO_FONT_WEIGHT_NORMAL);
  const char *lp = opts->layout;
  F.lay = lp && *lp ? fopen (lp, "a") : NULL;
  F.dat = opts->data ? fopen (opts->data, "w") : NULL;
  if (opts->data && !F.dat)
    {
      snprintf (err, errlen, "%s: cannot write", opts->data);
      cairo_destroy (cr);
      cairo_surface_destroy (sf);
      if (F.lay)
        fclose (F.lay);
      LSC_ERROR ("cannot write the plot data file", LSC_EFAILED);
    }
  if (F.dat)
    fputs ("panel\tseries\tlabel\tx\ty\n", F.dat);
  if (F.lay)
    fprintf (F.lay, "figure %.3f %.3f\n", W, H);
  for (size_t i = 0; i < npanels; i++)
    {
      cell c = { cw * (double) (i % ncols), ch * (double) (i / ncols), cw, ch,
                 5.2 * fs, 0.8 * fs, 1.7 * fs, 3.2 * fs };
      if (!panels[i].title)
        c.mt = 0.8 * fs;
      F.panel = i;
      lsc_plt_draw_panel (&F, &panels[i], &c, maxrows);
    }
  /* the legend: below the panels, lcols columns */
  if (nent)
    {
      double ly = ch * (double) nrows + 0.3 * fs;
      /* centred under the panels: the first marker clear of the edge */
      size_t used = nent < lcols ? nent : lcols;
      double lw = iw * (double) used - 0.6 * fs;
      double lx0 = fmax (fs, (W - lw) / 2);
      cairo_set_font_size (cr, fs);
      for (size_t i = 0; i < nent; i++)
        {
          double x = lx0 + iw * (double) (i % lcols);
          double y = ly + 1.3 * fs * (double) (i / lcols) + 0.65 * fs;
          const lsc_plot_series *se = ent[i];
          lsc_plt_set_color (cr, se->color);
          cairo_set_line_width (cr, 0.12 * fs);
          if (se->style != LSC_PLOT_POINTS && se->style != LSC_PLOT_STEMS)
            {
              lsc_plt_set_dash (cr, se->color, se->style, fs);
              cairo_move_to (cr, x, y);
              cairo_line_to (cr, x + 2.2 * fs, y);
              cairo_stroke (cr);
              cairo_set_dash (cr, NULL, 0, 0);
            }
          if (se->style != LSC_PLOT_LINES && se->style != LSC_PLOT_DASHED)
            {
              size_t keep = F.panel;
              FILE *lay = F.lay;
              F.lay = NULL;
              lsc_plt_marker (&F, se->color, x + 1.1 * fs, y);
              F.lay = lay;
              F.panel = keep;
            }
          cairo_set_source_rgb (cr, 0, 0, 0);
          lsc_plt_text_at (cr, x + 2.6 * fs, y, se->label, 0, 0.5);
        }
      if (F.lay)
        fprintf (F.lay, "legend %.3f %.3f %.3f %.3f\n", lx0, ly, lx0 + lw,
                 ly + lrows * 1.3 * fs);
    }
  cairo_status_t st = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_flush (sf);
  if (st == CAIRO_STATUS_SUCCESS && png)
    st = cairo_surface_write_to_png_stream (sf, write_file, f);
  cairo_surface_finish (sf);
  if (st == CAIRO_STATUS_SUCCESS)
    st = cairo_surface_status (sf);
  cairo_surface_destroy (sf);
  if (F.lay)
    fclose (F.lay);
  int derr = F.dat && fclose (F.dat) != 0;
  if (st != CAIRO_STATUS_SUCCESS || derr)
    {
      snprintf (err, errlen, "%s: %s", derr ? opts->data : path,
                derr ? "write error" : cairo_status_to_string (st));
      LSC_ERROR ("cairo or write error", LSC_EFAILED);
    }
  return LSC_SUCCESS;
}
#endif
