/* The figure writer's drawing (plot_impl.h): the style cycle (colour,
   marker, dash), series, marker-line labels and whole panels. */
#include <config.h>
#ifdef HAVE_CAIRO
#include <math.h>
#include <stdio.h>
#include <string.h>
#include "plot_impl.h"

/* Okabe-Ito (colour-blind safe), yellow last (weak on white). */
static const double palette[8][3] = {
  { 0.000, 0.447, 0.698 }, { 0.835, 0.369, 0.000 }, { 0.000, 0.620, 0.451 },
  { 0.902, 0.624, 0.000 }, { 0.800, 0.475, 0.655 }, { 0.337, 0.706, 0.914 },
  { 0.000, 0.000, 0.000 }, { 0.941, 0.894, 0.259 }
};

/* Colour, marker and dash of cycle place c. */
void
lsc_plt_set_color (cairo_t *cr, int c)
{
  const double *rgb = palette[((c % 8) + 8) % 8];
  cairo_set_source_rgb (cr, rgb[0], rgb[1], rgb[2]);
}

void
lsc_plt_set_dash (cairo_t *cr, int c, lsc_plot_style st, double fs)
{
  static const double pat[4][4] = { { 0 }, { 6, 3 }, { 1.5, 2.5 },
                                    { 6, 2.5, 1.5, 2.5 } };
  static const int npat[4] = { 0, 2, 2, 4 };
  int k = st == LSC_PLOT_DASHED ? 1 : (((c / 8) % 4) + 4) % 4;
  double d[4];
  for (int i = 0; i < npat[k]; i++)
    d[i] = pat[k][i] * fs / 8;
  cairo_set_dash (cr, d, npat[k], 0);
}

void
lsc_plt_marker (fig *F, int c, double x, double y)
{
  cairo_t *cr = F->cr;
  double r = 0.28 * F->fs;
  switch (((c % 7) + 7) % 7)
    {
    case 0: cairo_new_sub_path (cr); cairo_arc (cr, x, y, r, 0, 2 * LSC_PLT_PI);
      break;
    case 1: cairo_rectangle (cr, x - 0.85 * r, y - 0.85 * r, 1.7 * r, 1.7 * r);
      break;
    case 2: case 4:
      {
        double s = (c % 7) == 2 ? -1 : 1;
        cairo_move_to (cr, x, y + s * 1.15 * r);
        cairo_line_to (cr, x - r, y - s * 0.6 * r);
        cairo_line_to (cr, x + r, y - s * 0.6 * r);
        cairo_close_path (cr);
        break;
      }
    case 3: cairo_move_to (cr, x, y - 1.2 * r); cairo_line_to (cr, x + r, y);
      cairo_line_to (cr, x, y + 1.2 * r); cairo_line_to (cr, x - r, y);
      cairo_close_path (cr); break;
    case 5: case 6:
      {
        double a = (c % 7) == 5 ? LSC_PLT_PI / 4 : 0;
        cairo_set_dash (cr, NULL, 0, 0);
        for (int k = 0; k < 2; k++, a += LSC_PLT_PI / 2)
          {
            cairo_move_to (cr, x - 1.1 * r * cos (a), y - 1.1 * r * sin (a));
            cairo_line_to (cr, x + 1.1 * r * cos (a), y + 1.1 * r * sin (a));
          }
        cairo_stroke (cr);
        break;
      }
    }
  cairo_fill (cr);
  if (F->lay)
    fprintf (F->lay, "mark %zu %.3f %.3f %.3f\n", F->panel, x, y, r * 1.2);
}

/* A curve segment, recorded in the layout dump. */
static void
seg (fig *F, double x0, double y0, double x1, double y1)
{
  if (F->lay)
    fprintf (F->lay, "seg %zu %.3f %.3f %.3f %.3f\n", F->panel, x0, y0, x1,
             y1);
}

static void
draw_series (fig *F, const lsc_plot_panel *pp, const lsc_plot_series *se,
             const axis *ax, const axis *ay, size_t si)
{
  cairo_t *cr = F->cr;
  int lines = se->style == LSC_PLOT_LINES || se->style == LSC_PLOT_LINESPOINTS
              || se->style == LSC_PLOT_DASHED;
  int marks = se->style != LSC_PLOT_LINES && se->style != LSC_PLOT_DASHED;
  double px0 = 0, py0 = 0;
  int pen = 0;
  lsc_plt_set_color (cr, se->color);
  cairo_set_line_width (cr, 0.12 * F->fs);
  lsc_plt_set_dash (cr, se->color, se->style, F->fs);
  if (F->lay)   /* the style: colour, marker, dash of the cycle */
    fprintf (F->lay, "style %zu %zu %d %d %d\n", F->panel, si,
             ((se->color % 8) + 8) % 8, ((se->color % 7) + 7) % 7,
             se->style == LSC_PLOT_DASHED ? 1 : (((se->color / 8) % 4) + 4) % 4);
  for (size_t i = 0; i < se->n; i++)
    {
      double x = se->x[i], y = se->y[i];
      if (!lsc_plt_shown (pp, x, y))
        {
          pen = 0;
          continue;
        }
      if (F->dat)
        fprintf (F->dat, "%zu\t%zu\t%s\t%.17g\t%.17g\n", F->panel, si,
                 se->label ? se->label : "", x, y);
      if (F->lay)
        fprintf (F->lay, "point %zu %d %d %.17g %.17g\n", F->panel,
                 pp->xlog, pp->ylog, x, y);
      double px = lsc_plt_to_px (ax, x), py = lsc_plt_to_px (ay, y);
      if (lines)
        {
          if (pen)
            {
              cairo_line_to (cr, px, py);
              seg (F, px0, py0, px, py);
            }
          else
            cairo_move_to (cr, px, py);
          pen = 1;
        }
      px0 = px;
      py0 = py;
    }
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
  for (size_t i = 0; marks && i < se->n; i++)
    if (lsc_plt_shown (pp, se->x[i], se->y[i]))
      {
        double px = lsc_plt_to_px (ax, se->x[i]), py = lsc_plt_to_px (ay, se->y[i]);
        if (se->style == LSC_PLOT_STEMS)
          {
            double yb = ay->p0;
            cairo_move_to (cr, px, yb);
            cairo_line_to (cr, px, py);
            cairo_stroke (cr);
            seg (F, px, yb, px, py);
          }
        lsc_plt_marker (F, se->color, px, py);
      }
}

/* The marker-line labels of a panel: rows above the frame so that no two
   overlap (greedy, lowest free row).  Returns the number of rows;
   x[i] and row[i] receive each label's left edge and row (-1: none). */
#define MAXROWS 16
int
lsc_plt_label_rows (fig *F, const lsc_plot_panel *pp, const axis *ax, double *x,
            int *row, double xmin, double xmax)
{
  double end[MAXROWS];
  int nr = 0;
  cairo_set_font_size (F->cr, 0.85 * F->fs);
  for (size_t i = 0; i < pp->nvline; i++)
    {
      row[i] = -1;
      if (!pp->vlabel || !pp->vlabel[i] || !isfinite (pp->vline[i])
          || (ax->log == LSC_PLOT_LOG && !(pp->vline[i] > 0)))
        continue;
      double w = lsc_plt_text_w (F->cr, pp->vlabel[i]), gap = 0.4 * F->fs;
      double l = lsc_plt_to_px (ax, pp->vline[i]) - w / 2;
      l = fmax (xmin, fmin (l, xmax - w));
      int r = 0;
      while (r < nr && end[r] + gap > l)
        r++;
      if (r == MAXROWS)
        continue;
      if (r == nr)
        nr++;
      end[r] = l + w;
      x[i] = l;
      row[i] = r;
    }
  return nr;
}

void
lsc_plt_draw_panel (fig *F, const lsc_plot_panel *pp, const cell *c, int nrows)
{
  cairo_t *cr = F->cr;
  double fs = F->fs, rowh = 1.05 * 0.85 * fs;
  axis ax = { pp->xlog, pp->symc > 0 ? pp->symc : 1e-3, 0, 1,
              c->ox + c->ml, c->ox + c->w - c->mr };
  axis ay = { pp->ylog, pp->symc > 0 ? pp->symc : 1e-3, 0, 1,
              c->oy + c->h - c->mb, c->oy + c->mt + nrows * rowh };
  lsc_plt_axis_range (&ax, pp, 1);
  lsc_plt_axis_range (&ay, pp, 0);
  double x0 = ax.p0, x1 = ax.p1, y0 = ay.p0, y1 = ay.p1;
  if (F->lay)
    {
      fprintf (F->lay, "frame %zu %.3f %.3f %.3f %.3f\n", F->panel, x0, y1,
               x1, y0);
      fprintf (F->lay, "axis %zu x %d %.17g %.17g\naxis %zu y %d %.17g "
               "%.17g\n", F->panel, ax.log, ax.lo, ax.hi, F->panel, ay.log,
               ay.lo, ay.hi);
    }
  cairo_set_line_width (cr, 0.08 * fs);
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_rectangle (cr, x0, y1, x1 - x0, y0 - y1);
  cairo_stroke (cr);
  cairo_set_font_size (cr, fs);
  lsc_plt_draw_ticks (F, &ax, 0, y0);
  lsc_plt_draw_ticks (F, &ay, 1, x0);
  if (pp->title)
    {
      /* smaller (down to 0.6 em) rather than into the next panel */
      double tw = lsc_plt_text_w (cr, pp->title), room = c->w - 0.4 * fs;
      if (tw > room)
        cairo_set_font_size (cr, fs * fmax (0.6, room / tw));
      double cx = fmin (fmax ((x0 + x1) / 2, c->ox + fmin (tw, room) / 2
                              + 0.2 * fs), c->ox + c->w - fmin (tw, room) / 2
                        - 0.2 * fs);
      lsc_plt_text_fig (F, cx, c->oy + 0.3 * fs, pp->title, 0.5, 0);
      cairo_set_font_size (cr, fs);
    }
  if (pp->xlabel)
    lsc_plt_text_fig (F, (x0 + x1) / 2, c->oy + c->h - 0.2 * fs, pp->xlabel, 0.5, 1);
  if (pp->ylabel)
    {
      cairo_save (cr);
      cairo_translate (cr, c->ox + 0.2 * fs, (y0 + y1) / 2);
      cairo_rotate (cr, -LSC_PLT_PI / 2);
      lsc_plt_text_at (cr, 0, 0, pp->ylabel, 0.5, 0);
      cairo_restore (cr);
    }
  /* marker lines inside the frame, their labels above it */
  double lx[64];
  int lrow[64];
  size_t nv = pp->nvline < 64 ? pp->nvline : 64;
  lsc_plot_panel q = *pp;
  q.nvline = nv;
  lsc_plt_label_rows (F, &q, &ax, lx, lrow, c->ox + 0.2 * fs, c->ox + c->w);
  cairo_save (cr);
  cairo_rectangle (cr, x0, y1, x1 - x0, y0 - y1);
  cairo_clip (cr);
  if (pp->hzero && pp->ylog != LSC_PLOT_LOG && ay.lo < 0 && ay.hi > 0)
    {
      double dash[] = { 0.15 * fs, 0.4 * fs };
      cairo_set_dash (cr, dash, 2, 0);
      cairo_set_source_rgb (cr, 0.4, 0.4, 0.4);
      cairo_move_to (cr, x0, lsc_plt_to_px (&ay, 0));
      cairo_line_to (cr, x1, lsc_plt_to_px (&ay, 0));
      cairo_stroke (cr);
    }
  cairo_set_line_width (cr, 0.06 * fs);
  for (size_t i = 0; i < nv; i++)
    if (isfinite (pp->vline[i]) && (ax.log != LSC_PLOT_LOG || pp->vline[i] > 0))
      {
        double dash[] = { 0.5 * fs, 0.35 * fs }, px = lsc_plt_to_px (&ax, pp->vline[i]);
        cairo_set_dash (cr, dash, 2, 0);
        cairo_set_source_rgb (cr, 0.45, 0.45, 0.45);
        cairo_move_to (cr, px, y0);
        cairo_line_to (cr, px, y1);
        cairo_stroke (cr);
      }
  cairo_set_dash (cr, NULL, 0, 0);
  for (size_t s = 0; s < pp->nseries; s++)
    draw_series (F, pp, &pp->series[s], &ax, &ay, s);
  cairo_restore (cr);
  cairo_set_font_size (cr, 0.85 * fs);
  cairo_set_source_rgb (cr, 0.25, 0.25, 0.25);
  for (size_t i = 0; i < nv; i++)
    if (lrow[i] >= 0)
      {
        double yb = y1 - 0.15 * fs - lrow[i] * rowh, w = lsc_plt_text_w (cr, pp->vlabel[i]);
        lsc_plt_text_at (cr, lx[i], yb, pp->vlabel[i], 0, 1);
        if (F->lay)
          fprintf (F->lay, "label %zu %.3f %.3f %.3f %.3f %s\n", F->panel,
                   lx[i], yb - 0.85 * fs, lx[i] + w, yb, pp->vlabel[i]);
      }
}
#endif
