/* Cairo plots of the tools (SVG, PDF, PNG): panels with linear or log axes,
   ticks, labels, legend and marker lines.  Without cairo every call fails
   with a message. */
#include <config.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include "plot.h"

int
plot_check_path (const char *path)
{
  const char *dot = path ? strrchr (path, '.') : NULL;
  if (!dot)
    return -1;
  return strcasecmp (dot, ".svg") == 0 || strcasecmp (dot, ".pdf") == 0
         || strcasecmp (dot, ".png") == 0 ? 0 : -1;
}

#ifndef HAVE_CAIRO

int
plot_available (void)
{
  return 0;
}

int
plot_write (FILE *f, const char *path, const plot_panel *panels,
            size_t npanels, size_t ncols, char *err, size_t errlen)
{
  (void) f; (void) path; (void) panels; (void) npanels; (void) ncols;
  snprintf (err, errlen, "plots need cairo, which this build lacks "
            "(install libcairo2-dev and reconfigure)");
  return -1;
}

#else
#include <cairo.h>
#include <cairo-svg.h>
#include <cairo-pdf.h>

#define PANEL_W 440.0
#define PANEL_H 300.0
#define ML 64.0         /* margins inside a panel: left, right, top, bottom */
#define MR 16.0
#define MT 28.0
#define MB 44.0
#define PLOT_PI 3.14159265358979323846

/* Tableau 10 palette. */
static const double palette[10][3] = {
  { 0.122, 0.467, 0.706 }, { 1.000, 0.498, 0.055 }, { 0.173, 0.627, 0.173 },
  { 0.839, 0.153, 0.157 }, { 0.580, 0.404, 0.741 }, { 0.549, 0.337, 0.294 },
  { 0.890, 0.467, 0.761 }, { 0.498, 0.498, 0.498 }, { 0.737, 0.741, 0.133 },
  { 0.090, 0.745, 0.812 }
};

int
plot_available (void)
{
  return 1;
}

/* An axis: data range mapped to a pixel interval, possibly in log10. */
typedef struct
{
  int log;
  double lo, hi;        /* in axis units (log10 of data if log) */
  double p0, p1;        /* pixel positions of lo and hi          */
} axis;

static int
usable (double v, int log)
{
  return isfinite (v) && (log != PLOT_LOG || v > 0);
}

/* Axis units of a data value: v, log10 v, or the signed log
   sign(v) log10(1 + |v| / SYMLOG_C) (linear near 0, logarithmic beyond). */
#define SYMLOG_C 1e-3
static double
tr (int log, double v)
{
  if (log == PLOT_LOG)
    return log10 (v);
  if (log == PLOT_SYMLOG)
    return copysign (log10 (1 + fabs (v) / SYMLOG_C), v);
  return v;
}

static double
to_axis (const axis *a, double v)
{
  double u = tr (a->log, v);
  return a->p0 + (u - a->lo) / (a->hi - a->lo) * (a->p1 - a->p0);
}

/* Range of the panel's data on one axis (with the marker lines for x). */
static void
axis_range (axis *a, const plot_panel *pp, int is_x)
{
  double lo = INFINITY, hi = -INFINITY;
  for (size_t s = 0; s < pp->nseries; s++)
    for (size_t i = 0; i < pp->series[s].n; i++)
      {
        double x = pp->series[s].x[i], y = pp->series[s].y[i];
        if (!usable (x, pp->xlog) || !usable (y, pp->ylog))
          continue;
        double v = is_x ? x : y;
        v = tr (a->log, v);
        lo = fmin (lo, v);
        hi = fmax (hi, v);
      }
  if (is_x)
    for (size_t i = 0; i < pp->nvline; i++)
      if (usable (pp->vline[i], a->log))
        {
          double v = tr (a->log, pp->vline[i]);
          lo = fmin (lo, v);
          hi = fmax (hi, v);
        }
  if (!is_x && pp->hzero && a->log != PLOT_LOG)
    {
      lo = fmin (lo, 0);
      hi = fmax (hi, 0);
    }
  if (!(lo <= hi))
    lo = 0, hi = 1;
  if (hi - lo < 1e-12 * fmax (1, fabs (hi)))
    {
      double w = a->log == PLOT_LOG ? 0.5 : fmax (0.5 * fabs (hi), 0.5);
      lo -= w;
      hi += w;
    }
  double pad = 0.04 * (hi - lo);
  /* Room below the smallest value of a log axis (stems stay visible). */
  a->lo = lo - (a->log == PLOT_LOG ? fmax (pad, 0.25) : pad);
  a->hi = hi + pad;
}

/* A "nice" tick step (1, 2 or 5 times a power of ten) for about 6 ticks. */
static double
nice_step (double span)
{
  double raw = span / 6, p = pow (10, floor (log10 (raw))), f = raw / p;
  return (f < 1.5 ? 1 : f < 3.5 ? 2 : f < 7.5 ? 5 : 10) * p;
}

static void
text_at (cairo_t *cr, double x, double y, const char *s, double ax,
         double ay)
{
  cairo_text_extents_t e;
  cairo_text_extents (cr, s, &e);
  cairo_move_to (cr, x - ax * e.width - e.x_bearing,
                 y - ay * e.height - e.y_bearing);
  cairo_show_text (cr, s);
}

static void tick (cairo_t *cr, const axis *a, int vertical, double base,
                  double u, const char *lab);

/* Signed-log axis: ticks at 0 and +-10^j inside the range (every other
   decade when there are many). */
static void
symlog_ticks (cairo_t *cr, const axis *a, int vertical, double base)
{
  char lab[40];
  int nd = 0;
  for (int j = -3; j <= 12; j++)
    nd += tr (PLOT_SYMLOG, pow (10, j)) <= fmax (fabs (a->lo), fabs (a->hi));
  int every = nd > 5 ? 2 : 1;
  tick (cr, a, vertical, base, 0, "0");
  for (int j = -3; j <= 12; j++)
    for (int sg = -1; sg <= 1; sg += 2)
      {
        double u = tr (PLOT_SYMLOG, sg * pow (10, j));
        if (j % every || u < a->lo || u > a->hi)
          continue;
        snprintf (lab, sizeof lab, "%s1e%d", sg < 0 ? "-" : "", j);
        tick (cr, a, vertical, base, u, lab);
      }
}

static void
tick (cairo_t *cr, const axis *a, int vertical, double base, double u,
      const char *lab)
{
  double pix = a->p0 + (u - a->lo) / (a->hi - a->lo) * (a->p1 - a->p0);
  cairo_set_source_rgb (cr, 0, 0, 0);
  if (vertical)
    {
      cairo_move_to (cr, base, pix);
      cairo_line_to (cr, base - 5, pix);
      cairo_stroke (cr);
      text_at (cr, base - 8, pix, lab, 1, 0.5);
    }
  else
    {
      cairo_move_to (cr, pix, base);
      cairo_line_to (cr, pix, base + 5);
      cairo_stroke (cr);
      text_at (cr, pix, base + 8, lab, 0.5, 0);
    }
}

/* Ticks and labels of one axis; vertical = y axis. */
static void
draw_ticks (cairo_t *cr, const axis *a, int vertical, double base)
{
  cairo_set_font_size (cr, 10);
  if (a->log == PLOT_SYMLOG)
    {
      symlog_ticks (cr, a, vertical, base);
      return;
    }
  double step = a->log ? fmax (1, floor ((a->hi - a->lo) / 6) + 0) :
    nice_step (a->hi - a->lo);
  if (a->log && a->hi - a->lo < 1.2)
    step = nice_step (a->hi - a->lo);
  double first = ceil (a->lo / step - 1e-9) * step;
  char lab[40];
  cairo_set_font_size (cr, 10);
  for (double u = first; u <= a->hi + 1e-9 * step; u += step)
    {
      double uu = fabs (u) < 1e-9 * step ? 0 : u;
      if (a->log && fabs (uu - round (uu)) < 1e-9)
        snprintf (lab, sizeof lab, "1e%d", (int) round (uu));
      else if (a->log)
        snprintf (lab, sizeof lab, "%.3g", pow (10, uu));
      else
        snprintf (lab, sizeof lab, "%g", uu);
      tick (cr, a, vertical, base, uu, lab);
    }
}

static void
set_color (cairo_t *cr, int c)
{
  const double *rgb = palette[((c % 10) + 10) % 10];
  cairo_set_source_rgb (cr, rgb[0], rgb[1], rgb[2]);
}

static void
draw_panel (cairo_t *cr, const plot_panel *pp, double ox, double oy)
{
  axis ax = { pp->xlog, 0, 1, ox + ML, ox + PANEL_W - MR };
  axis ay = { pp->ylog, 0, 1, oy + PANEL_H - MB, oy + MT };
  axis_range (&ax, pp, 1);
  axis_range (&ay, pp, 0);
  double x0 = ax.p0, x1 = ax.p1, y0 = ay.p0, y1 = ay.p1;
  cairo_set_line_width (cr, 1);
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_rectangle (cr, x0, y1, x1 - x0, y0 - y1);
  cairo_stroke (cr);
  draw_ticks (cr, &ax, 0, y0);
  draw_ticks (cr, &ay, 1, x0);
  cairo_set_font_size (cr, 12);
  if (pp->title)
    text_at (cr, (x0 + x1) / 2, oy + 6, pp->title, 0.5, 0);
  if (pp->xlabel)
    text_at (cr, (x0 + x1) / 2, oy + PANEL_H - 6, pp->xlabel, 0.5, 1);
  if (pp->ylabel)
    {
      cairo_save (cr);
      cairo_translate (cr, ox + 12, (y0 + y1) / 2);
      cairo_rotate (cr, -PLOT_PI / 2);
      text_at (cr, 0, 0, pp->ylabel, 0.5, 0.5);
      cairo_restore (cr);
    }
  cairo_save (cr);
  cairo_rectangle (cr, x0, y1, x1 - x0, y0 - y1);
  cairo_clip (cr);
  if (pp->hzero && pp->ylog != PLOT_LOG && ay.lo < 0 && ay.hi > 0)
    {
      double dash[] = { 1, 3 };
      cairo_set_dash (cr, dash, 2, 0);
      cairo_set_source_rgb (cr, 0.3, 0.3, 0.3);
      cairo_move_to (cr, x0, to_axis (&ay, 0));
      cairo_line_to (cr, x1, to_axis (&ay, 0));
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
    }
  for (size_t i = 0; i < pp->nvline; i++)
    if (usable (pp->vline[i], pp->xlog))
      {
        double dash[] = { 5, 3 }, px = to_axis (&ax, pp->vline[i]);
        cairo_set_dash (cr, dash, 2, 0);
        cairo_set_source_rgb (cr, 0.4, 0.4, 0.4);
        cairo_move_to (cr, px, y0);
        cairo_line_to (cr, px, y1);
        cairo_stroke (cr);
        cairo_set_dash (cr, NULL, 0, 0);
        if (pp->vlabel && pp->vlabel[i])
          {
            cairo_set_font_size (cr, 9);
            text_at (cr, px + 3, y0 - 4 - 11 * (double) i, pp->vlabel[i],
                     0, 1);
          }
      }
  for (size_t s = 0; s < pp->nseries; s++)
    {
      const plot_series *se = &pp->series[s];
      set_color (cr, se->color);
      cairo_set_line_width (cr, 1.5);
      int pen = 0;
      for (size_t i = 0; i < se->n; i++)
        {
          if (!usable (se->x[i], pp->xlog) || !usable (se->y[i], pp->ylog))
            {
              pen = 0;
              continue;
            }
          double px = to_axis (&ax, se->x[i]), py = to_axis (&ay, se->y[i]);
          if (se->style == PLOT_LINES || se->style == PLOT_LINESPOINTS
              || se->style == PLOT_DASHED)
            {
              if (pen)
                cairo_line_to (cr, px, py);
              else
                cairo_move_to (cr, px, py);
              pen = 1;
            }
        }
      if (se->style == PLOT_DASHED)
        {
          static const double dashes[] = { 5, 3 };
          cairo_set_dash (cr, dashes, 2, 0);
        }
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
      for (size_t i = 0; i < se->n; i++)
        {
          if (!usable (se->x[i], pp->xlog) || !usable (se->y[i], pp->ylog))
            continue;
          double px = to_axis (&ax, se->x[i]), py = to_axis (&ay, se->y[i]);
          if (se->style == PLOT_POINTS || se->style == PLOT_LINESPOINTS)
            {
              cairo_new_sub_path (cr);
              cairo_arc (cr, px, py, 2.5, 0, 2 * PLOT_PI);
              cairo_fill (cr);
            }
          if (se->style == PLOT_STEMS)
            {
              cairo_move_to (cr, px, y0);
              cairo_line_to (cr, px, py);
              cairo_stroke (cr);
              cairo_arc (cr, px, py, 2.5, 0, 2 * PLOT_PI);
              cairo_fill (cr);
            }
        }
      cairo_new_path (cr);
    }
  cairo_restore (cr);
  /* Legend: top right inside the frame. */
  size_t nl = 0;
  double wmax = 0;
  cairo_set_font_size (cr, 10);
  for (size_t s = 0; s < pp->nseries; s++)
    if (pp->series[s].label)
      {
        cairo_text_extents_t e;
        cairo_text_extents (cr, pp->series[s].label, &e);
        wmax = fmax (wmax, e.x_advance);
        nl++;
      }
  if (nl)
    {
      double lw = wmax + 30, lh = 14 * (double) nl + 6;
      double lx = x1 - lw - 6, ly = y1 + 6;
      cairo_set_source_rgba (cr, 1, 1, 1, 0.85);
      cairo_rectangle (cr, lx, ly, lw, lh);
      cairo_fill_preserve (cr);
      cairo_set_source_rgb (cr, 0.6, 0.6, 0.6);
      cairo_set_line_width (cr, 0.5);
      cairo_stroke (cr);
      size_t j = 0;
      for (size_t s = 0; s < pp->nseries; s++)
        if (pp->series[s].label)
          {
            double yy = ly + 10 + 14 * (double) j++;
            set_color (cr, pp->series[s].color);
            cairo_set_line_width (cr, 2);
            cairo_move_to (cr, lx + 4, yy);
            cairo_line_to (cr, lx + 20, yy);
            cairo_stroke (cr);
            cairo_set_source_rgb (cr, 0, 0, 0);
            text_at (cr, lx + 24, yy, pp->series[s].label, 0, 0.5);
          }
    }
}

static cairo_status_t
write_file (void *closure, const unsigned char *data, unsigned int len)
{
  return fwrite (data, 1, len, closure) == len ? CAIRO_STATUS_SUCCESS
         : CAIRO_STATUS_WRITE_ERROR;
}

int
plot_write (FILE *f, const char *path, const plot_panel *panels,
            size_t npanels, size_t ncols, char *err, size_t errlen)
{
  if (plot_check_path (path) != 0)
    {
      snprintf (err, errlen, "%s: plot file name must end in .svg, .pdf or "
                ".png", path);
      return -1;
    }
  if (ncols == 0)
    ncols = 1;
  size_t nrows = (npanels + ncols - 1) / ncols;
  double W = PANEL_W * (double) (npanels < ncols ? npanels : ncols);
  double H = PANEL_H * (double) (nrows ? nrows : 1);
  const char *ext = strrchr (path, '.') + 1;
  cairo_surface_t *sf;
  int png = strcasecmp (ext, "png") == 0;
  if (png)
    sf = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) W, (int) H);
  else if (strcasecmp (ext, "svg") == 0)
    sf = cairo_svg_surface_create_for_stream (write_file, f, W, H);
  else
    sf = cairo_pdf_surface_create_for_stream (write_file, f, W, H);
  cairo_t *cr = cairo_create (sf);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_select_font_face (cr, "sans-serif", CAIRO_FONT_SLANT_NORMAL,
                          CAIRO_FONT_WEIGHT_NORMAL);
  for (size_t i = 0; i < npanels; i++)
    draw_panel (cr, &panels[i], PANEL_W * (double) (i % ncols),
                PANEL_H * (double) (i / ncols));
  cairo_status_t st = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_flush (sf);
  if (st == CAIRO_STATUS_SUCCESS && png)
    st = cairo_surface_write_to_png_stream (sf, write_file, f);
  cairo_surface_finish (sf);
  if (st == CAIRO_STATUS_SUCCESS)
    st = cairo_surface_status (sf);
  cairo_surface_destroy (sf);
  /* Release cairo's font caches (no cairo object is alive now), so that
     leak checkers see only what the tool owns. */
  cairo_debug_reset_static_data ();
  if (st != CAIRO_STATUS_SUCCESS)
    {
      snprintf (err, errlen, "%s: %s", path, cairo_status_to_string (st));
      return -1;
    }
  return 0;
}
#endif
