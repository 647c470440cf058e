/* Cairo plots of the tools (SVG, PDF, PNG): panels with linear, log or
   signed-log axes, ticks, labels, a legend below the panels and marker
   lines labelled above the frames; sizes in points.  Without cairo every
   call fails with a message. */
#include <config.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "plot.h"

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

#define PLOT_PI 3.14159265358979323846
#define CM (72 / 2.54)

/* Okabe-Ito (colour-blind safe), yellow last (weak on white). */
static const double palette[8][3] = {
  { 0.000, 0.447, 0.698 }, { 0.835, 0.369, 0.000 }, { 0.000, 0.620, 0.451 },
  { 0.902, 0.624, 0.000 }, { 0.800, 0.475, 0.655 }, { 0.337, 0.706, 0.914 },
  { 0.000, 0.000, 0.000 }, { 0.941, 0.894, 0.259 }
};

int
plot_available (void)
{
  return 1;
}

/* The figure being drawn: context, font size, layout dump, data file. */
typedef struct
{
  cairo_t *cr;
  double fs;            /* font size (pt)                            */
  FILE *lay, *dat;      /* LANDSCAPE_PLOT_LAYOUT, --plot-data        */
  size_t panel;
} fig;

typedef struct
{
  int log;
  double c;             /* symlog linear range                       */
  double lo, hi;        /* in axis units                             */
  double p0, p1;        /* pixel positions of lo and hi              */
} axis;

static double
tr (const axis *a, double v)
{
  if (a->log == PLOT_LOG)
    return log10 (v);
  if (a->log == PLOT_SYMLOG)
    return copysign (log10 (1 + fabs (v) / a->c), v);
  return v;
}

static double
to_px (const axis *a, double v)
{
  return a->p0 + (tr (a, v) - a->lo) / (a->hi - a->lo) * (a->p1 - a->p0);
}

/* Whether (x, y) is drawn: finite, and on a log axis above zero and above
   the noise of an exact zero. */
static int
shown (const plot_panel *pp, double x, double y)
{
  if (!isfinite (x) || !isfinite (y))
    return 0;
  if (pp->xlog == PLOT_LOG && !(x > 0))
    return 0;
  if (pp->ylog == PLOT_LOG && !(y > 0 && y > pp->ynoise))
    return 0;
  return 1;
}

static void
axis_range (axis *a, const plot_panel *pp, int is_x)
{
  double lo = INFINITY, hi = -INFINITY;
  for (size_t s = 0; s < pp->nseries; s++)
    for (size_t i = 0; i < pp->series[s].n; i++)
      {
        double x = pp->series[s].x[i], y = pp->series[s].y[i];
        if (!shown (pp, x, y))
          continue;
        double v = tr (a, is_x ? x : y);
        lo = fmin (lo, v);
        hi = fmax (hi, v);
      }
  if (is_x)
    for (size_t i = 0; i < pp->nvline; i++)
      if (isfinite (pp->vline[i]) && (a->log != PLOT_LOG || pp->vline[i] > 0))
        {
          double v = tr (a, pp->vline[i]);
          lo = fmin (lo, v);
          hi = fmax (hi, v);
        }
  if (!is_x && pp->hzero && a->log != PLOT_LOG)
    lo = fmin (lo, 0), hi = fmax (hi, 0);
  if (!(lo <= hi))
    lo = 0, hi = 1;
  if (hi - lo < 1e-12 * fmax (1, fabs (hi)))
    {
      double w = a->log == PLOT_LOG ? 0.5 : fmax (0.5 * fabs (hi), 0.5);
      lo -= w;
      hi += w;
    }
  double pad = 0.04 * (hi - lo);
  a->lo = lo - (a->log == PLOT_LOG ? fmax (pad, 0.25) : pad);
  a->hi = hi + pad;
}

static double
nice_step (double span)
{
  double raw = span / 5, p = pow (10, floor (log10 (raw))), f = raw / p;
  return (f < 1.5 ? 1 : f < 3.5 ? 2 : f < 7.5 ? 5 : 10) * p;
}

static void
text_at (cairo_t *cr, double x, double y, const char *s, double ax, double ay)
{
  cairo_text_extents_t e;
  cairo_text_extents (cr, s, &e);
  cairo_move_to (cr, x - ax * e.width - e.x_bearing,
                 y - ay * e.height - e.y_bearing);
  cairo_show_text (cr, s);
}

/* A power of ten "[-]10^E" (tick labels) is set as 10 with the exponent
   E raised at 0.7 of the size; ASCII minus signs become U+2212.  pow10
   measures it: width, height (top of the exponent to the baseline) and
   the parts; returns 0 if s is plain text. */
typedef struct
{
  char base[16], ex[32];
  double w, h, wb, size;
} pow10_text;

static void
minus_sign (char *out, size_t len, const char *s, size_t n)
{
  size_t j = 0;
  for (size_t i = 0; i < n && s[i] && j + 4 < len; i++)
    if (s[i] == '-')
      out[j++] = (char) 0xe2, out[j++] = (char) 0x88, out[j++] = (char) 0x92;
    else
      out[j++] = s[i];
  out[j] = 0;
}

static int
pow10_measure (cairo_t *cr, const char *s, pow10_text *p)
{
  const char *c = strchr (s, '^');
  if (!c)
    return 0;
  cairo_matrix_t m;
  cairo_get_font_matrix (cr, &m);
  p->size = m.yy;
  minus_sign (p->base, sizeof p->base, s, (size_t) (c - s));
  minus_sign (p->ex, sizeof p->ex, c + 1, strlen (c + 1));
  cairo_text_extents_t eb, ee, e0;
  cairo_text_extents (cr, p->base, &eb);
  cairo_set_font_size (cr, 0.7 * p->size);
  cairo_text_extents (cr, p->ex, &ee);
  cairo_text_extents (cr, "0", &e0);
  cairo_set_font_size (cr, p->size);
  p->wb = eb.x_advance;
  p->w = eb.x_advance + 0.05 * p->size + ee.x_advance;
  p->h = fmax (eb.height, 0.42 * p->size + e0.height);
  return 1;
}

/* text_at, powers of ten raised, with the text's box in the layout
   dump. */
static void
text_fig (fig *F, double x, double y, const char *s, double ax, double ay)
{
  cairo_t *cr = F->cr;
  pow10_text p;
  double x0, y0, w, h;
  if (pow10_measure (cr, s, &p))
    {
      w = p.w, h = p.h;
      x0 = x - ax * w, y0 = y - ay * h;
      cairo_move_to (cr, x0, y0 + h);
      cairo_show_text (cr, p.base);
      cairo_set_font_size (cr, 0.7 * p.size);
      cairo_move_to (cr, x0 + p.wb + 0.05 * p.size, y0 + h - 0.42 * p.size);
      cairo_show_text (cr, p.ex);
      cairo_set_font_size (cr, p.size);
    }
  else
    {
      cairo_text_extents_t e;
      cairo_text_extents (cr, s, &e);
      w = e.width, h = e.height;
      x0 = x - ax * w, y0 = y - ay * h;
      text_at (cr, x, y, s, ax, ay);
    }
  if (F->lay)
    fprintf (F->lay, "text %zu %.3f %.3f %.3f %.3f %s\n", F->panel, x0, y0,
             x0 + w, y0 + h, s);
}

static double
text_w (cairo_t *cr, const char *s)
{
  pow10_text p;
  if (pow10_measure (cr, s, &p))
    return p.w;
  cairo_text_extents_t e;
  cairo_text_extents (cr, s, &e);
  return e.x_advance;
}

static void
tick (fig *F, const axis *a, int vertical, double base, double u,
      const char *lab)
{
  cairo_t *cr = F->cr;
  double pix = a->p0 + (u - a->lo) / (a->hi - a->lo) * (a->p1 - a->p0);
  double tl = 0.35 * F->fs;
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_move_to (cr, vertical ? base : pix, vertical ? pix : base);
  cairo_line_to (cr, vertical ? base - tl : pix, vertical ? pix : base + tl);
  cairo_stroke (cr);
  if (vertical)
    text_fig (F, base - 1.6 * tl, pix, lab, 1, 0.5);
  else
    text_fig (F, pix, base + 1.6 * tl, lab, 0.5, 0);
}

static void
draw_ticks (fig *F, const axis *a, int vertical, double base)
{
  char lab[40];
  if (a->log == PLOT_SYMLOG)
    {
      /* 0, then the decades from the outermost in, each kept only if its
         label clears those kept (the linear range near 0 crowds them) */
      double len = fabs (a->p1 - a->p0), sep = vertical ? 1.7 * F->fs
                   : text_w (F->cr, "-10^-10") + 0.8 * F->fs;
      double placed[64];
      size_t np = 0;
      int j0 = (int) floor (log10 (a->c));
      if (a->lo <= 0 && a->hi >= 0)
        {
          tick (F, a, vertical, base, 0, "0");
          placed[np++] = 0;
        }
      for (int j = j0 + 30; j >= j0; j--)
        for (int sg = -1; sg <= 1; sg += 2)
          {
            double u = tr (a, sg * pow (10, j));
            if (u < a->lo || u > a->hi || np == 64)
              continue;
            double px = (u - a->lo) / (a->hi - a->lo) * len;
            int clear = 1;
            for (size_t i = 0; i < np && clear; i++)
              clear = fabs (px - (placed[i] - a->lo) / (a->hi - a->lo) * len)
                      >= sep;
            if (!clear)
              continue;
            placed[np++] = u;
            snprintf (lab, sizeof lab, "%s10^%d", sg < 0 ? "-" : "", j);
            tick (F, a, vertical, base, u, lab);
          }
      return;
    }
  double span = a->hi - a->lo;
  double step = a->log && span >= 1.2 ? fmax (1, ceil (span / 5))
                : nice_step (span);
  /* widen the step until the labels fit along the axis, 0.8 em apart */
  double len = fabs (a->p1 - a->p0);
  for (int k = 0; k < 40; k++)
    {
      double w = vertical ? F->fs : 0;
      for (double u = ceil (a->lo / step - 1e-9) * step;
           !vertical && u <= a->hi + 1e-9 * step; u += step)
        {
          double uu = fabs (u) < 1e-9 * step ? 0 : u;
          if (a->log && fabs (uu - round (uu)) < 1e-9)
            snprintf (lab, sizeof lab, "10^%d", (int) round (uu));
          else
            snprintf (lab, sizeof lab, a->log ? "%.3g" : "%g",
                      a->log ? pow (10, uu) : uu);
          w = fmax (w, text_w (F->cr, lab));
        }
      if ((span / step + 1) * (w + 0.8 * F->fs) <= len)
        break;
      double m = step / pow (10, floor (log10 (step) + 1e-9));
      step *= a->log && step >= 1 ? 2 : m < 1.5 ? 2 : m < 3 ? 2.5 : 2;
    }
  double first = ceil (a->lo / step - 1e-9) * step;
  for (double u = first; u <= a->hi + 1e-9 * step; u += step)
    {
      double uu = fabs (u) < 1e-9 * step ? 0 : u;
      if (a->log && fabs (uu - round (uu)) < 1e-9)
        snprintf (lab, sizeof lab, "10^%d", (int) round (uu));
      else if (a->log)
        snprintf (lab, sizeof lab, "%.3g", pow (10, uu));
      else
        snprintf (lab, sizeof lab, "%g", uu);
      tick (F, a, vertical, base, uu, lab);
    }
}

/* Colour, marker and dash of cycle place c. */
static void
set_color (cairo_t *cr, int c)
{
  const double *rgb = palette[((c % 8) + 8) % 8];
  cairo_set_source_rgb (cr, rgb[0], rgb[1], rgb[2]);
}

static void
set_dash (cairo_t *cr, int c, plot_style st, double fs)
{
  static const double pat[4][4] = { { 0 }, { 6, 3 }, { 1.5, 2.5 },
                                    { 6, 2.5, 1.5, 2.5 } };
  static const int npat[4] = { 0, 2, 2, 4 };
  int k = st == PLOT_DASHED ? 1 : (((c / 8) % 4) + 4) % 4;
  double d[4];
  for (int i = 0; i < npat[k]; i++)
    d[i] = pat[k][i] * fs / 8;
  cairo_set_dash (cr, d, npat[k], 0);
}

static void
marker (fig *F, int c, double x, double y)
{
  cairo_t *cr = F->cr;
  double r = 0.28 * F->fs;
  switch (((c % 7) + 7) % 7)
    {
    case 0: cairo_new_sub_path (cr); cairo_arc (cr, x, y, r, 0, 2 * PLOT_PI);
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
        double a = (c % 7) == 5 ? PLOT_PI / 4 : 0;
        cairo_set_dash (cr, NULL, 0, 0);
        for (int k = 0; k < 2; k++, a += PLOT_PI / 2)
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
draw_series (fig *F, const plot_panel *pp, const plot_series *se,
             const axis *ax, const axis *ay, size_t si)
{
  cairo_t *cr = F->cr;
  int lines = se->style == PLOT_LINES || se->style == PLOT_LINESPOINTS
              || se->style == PLOT_DASHED;
  int marks = se->style != PLOT_LINES && se->style != PLOT_DASHED;
  double px0 = 0, py0 = 0;
  int pen = 0;
  set_color (cr, se->color);
  cairo_set_line_width (cr, 0.12 * F->fs);
  set_dash (cr, se->color, se->style, F->fs);
  if (F->lay)   /* the style: colour, marker, dash of the cycle */
    fprintf (F->lay, "style %zu %zu %d %d %d\n", F->panel, si,
             ((se->color % 8) + 8) % 8, ((se->color % 7) + 7) % 7,
             se->style == PLOT_DASHED ? 1 : (((se->color / 8) % 4) + 4) % 4);
  for (size_t i = 0; i < se->n; i++)
    {
      double x = se->x[i], y = se->y[i];
      if (!shown (pp, x, y))
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
      double px = to_px (ax, x), py = to_px (ay, y);
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
    if (shown (pp, se->x[i], se->y[i]))
      {
        double px = to_px (ax, se->x[i]), py = to_px (ay, se->y[i]);
        if (se->style == PLOT_STEMS)
          {
            double yb = ay->p0;
            cairo_move_to (cr, px, yb);
            cairo_line_to (cr, px, py);
            cairo_stroke (cr);
            seg (F, px, yb, px, py);
          }
        marker (F, se->color, px, py);
      }
}

/* The marker-line labels of a panel: rows above the frame so that no two
   overlap (greedy, lowest free row).  Returns the number of rows;
   x[i] and row[i] receive each label's left edge and row (-1: none). */
#define MAXROWS 16
static int
label_rows (fig *F, const plot_panel *pp, const axis *ax, double *x,
            int *row, double xmin, double xmax)
{
  double end[MAXROWS];
  int nr = 0;
  cairo_set_font_size (F->cr, 0.85 * F->fs);
  for (size_t i = 0; i < pp->nvline; i++)
    {
      row[i] = -1;
      if (!pp->vlabel || !pp->vlabel[i] || !isfinite (pp->vline[i])
          || (ax->log == PLOT_LOG && !(pp->vline[i] > 0)))
        continue;
      double w = text_w (F->cr, pp->vlabel[i]), gap = 0.4 * F->fs;
      double l = to_px (ax, pp->vline[i]) - w / 2;
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

typedef struct
{
  double ox, oy, w, h;  /* the panel's cell                           */
  double ml, mr, mt, mb;
} cell;

static void
draw_panel (fig *F, const plot_panel *pp, const cell *c, int nrows)
{
  cairo_t *cr = F->cr;
  double fs = F->fs, rowh = 1.05 * 0.85 * fs;
  axis ax = { pp->xlog, pp->symc > 0 ? pp->symc : 1e-3, 0, 1,
              c->ox + c->ml, c->ox + c->w - c->mr };
  axis ay = { pp->ylog, pp->symc > 0 ? pp->symc : 1e-3, 0, 1,
              c->oy + c->h - c->mb, c->oy + c->mt + nrows * rowh };
  axis_range (&ax, pp, 1);
  axis_range (&ay, pp, 0);
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
  draw_ticks (F, &ax, 0, y0);
  draw_ticks (F, &ay, 1, x0);
  if (pp->title)
    {
      /* smaller (down to 0.6 em) rather than into the next panel */
      double tw = text_w (cr, pp->title), room = c->w - 0.4 * fs;
      if (tw > room)
        cairo_set_font_size (cr, fs * fmax (0.6, room / tw));
      double cx = fmin (fmax ((x0 + x1) / 2, c->ox + fmin (tw, room) / 2
                              + 0.2 * fs), c->ox + c->w - fmin (tw, room) / 2
                        - 0.2 * fs);
      text_fig (F, cx, c->oy + 0.3 * fs, pp->title, 0.5, 0);
      cairo_set_font_size (cr, fs);
    }
  if (pp->xlabel)
    text_fig (F, (x0 + x1) / 2, c->oy + c->h - 0.2 * fs, pp->xlabel, 0.5, 1);
  if (pp->ylabel)
    {
      cairo_save (cr);
      cairo_translate (cr, c->ox + 0.2 * fs, (y0 + y1) / 2);
      cairo_rotate (cr, -PLOT_PI / 2);
      text_at (cr, 0, 0, pp->ylabel, 0.5, 0);
      cairo_restore (cr);
    }
  /* marker lines inside the frame, their labels above it */
  double lx[64];
  int lrow[64];
  size_t nv = pp->nvline < 64 ? pp->nvline : 64;
  plot_panel q = *pp;
  q.nvline = nv;
  label_rows (F, &q, &ax, lx, lrow, c->ox + 0.2 * fs, c->ox + c->w);
  cairo_save (cr);
  cairo_rectangle (cr, x0, y1, x1 - x0, y0 - y1);
  cairo_clip (cr);
  if (pp->hzero && pp->ylog != PLOT_LOG && ay.lo < 0 && ay.hi > 0)
    {
      double dash[] = { 0.15 * fs, 0.4 * fs };
      cairo_set_dash (cr, dash, 2, 0);
      cairo_set_source_rgb (cr, 0.4, 0.4, 0.4);
      cairo_move_to (cr, x0, to_px (&ay, 0));
      cairo_line_to (cr, x1, to_px (&ay, 0));
      cairo_stroke (cr);
    }
  cairo_set_line_width (cr, 0.06 * fs);
  for (size_t i = 0; i < nv; i++)
    if (isfinite (pp->vline[i]) && (ax.log != PLOT_LOG || pp->vline[i] > 0))
      {
        double dash[] = { 0.5 * fs, 0.35 * fs }, px = to_px (&ax, pp->vline[i]);
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
        double yb = y1 - 0.15 * fs - lrow[i] * rowh, w = text_w (cr, pp->vlabel[i]);
        text_at (cr, lx[i], yb, pp->vlabel[i], 0, 1);
        if (F->lay)
          fprintf (F->lay, "label %zu %.3f %.3f %.3f %.3f %s\n", F->panel,
                   lx[i], yb - 0.85 * fs, lx[i] + w, yb, pp->vlabel[i]);
      }
}

static cairo_status_t
write_file (void *closure, const unsigned char *data, unsigned int len)
{
  return fwrite (data, 1, len, closure) == len ? CAIRO_STATUS_SUCCESS
         : CAIRO_STATUS_WRITE_ERROR;
}

/* The distinct legend entries (first series of each label). */
static size_t
legend_entries (const plot_series **ent, size_t max, const plot_panel *p,
                size_t np)
{
  size_t n = 0;
  for (size_t i = 0; i < np; i++)
    for (size_t s = 0; s < p[i].nseries; s++)
      {
        const plot_series *se = &p[i].series[s];
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
  if (ncols > npanels && npanels)
    ncols = npanels;
  size_t nrows = npanels ? (npanels + ncols - 1) / ncols : 1;
  fig F = { NULL, plot_options.font > 0 ? plot_options.font : 8, NULL, NULL,
            0 };
  double fs = F.fs;
  double W = plot_options.width > 0 ? plot_options.width
             : (ncols == 1 ? 8.5 : 17) * CM;
  /* measuring context */
  cairo_surface_t *ms = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 1, 1);
  F.cr = cairo_create (ms);
  cairo_select_font_face (F.cr, "sans-serif", CAIRO_FONT_SLANT_NORMAL,
                          CAIRO_FONT_WEIGHT_NORMAL);
  const plot_series *ent[256];
  size_t nent = legend_entries (ent, 256, panels, npanels);
  cairo_set_font_size (F.cr, fs);
  double iw = 0;
  for (size_t i = 0; i < nent; i++)
    iw = fmax (iw, text_w (F.cr, ent[i]->label) + 3.2 * fs);
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
      axis_range (&ax, &panels[i], 1);
      plot_panel q = panels[i];
      q.nvline = q.nvline < 64 ? q.nvline : 64;
      int r = label_rows (&F, &q, &ax, lx, lrow, 0.2 * fs, cw);
      maxrows = r > maxrows ? r : maxrows;
    }
  cairo_destroy (F.cr);
  cairo_surface_destroy (ms);
  double ch = plot_options.height > 0
              ? (plot_options.height - legh) / (double) nrows
              : 0.72 * cw + maxrows * 0.9 * fs;
  double H = plot_options.height > 0 ? plot_options.height
             : ch * (double) nrows + legh;
  if (ch < 6 * fs + maxrows * 0.9 * fs)
    {
      snprintf (err, errlen, "%s: the figure is too small for its panels "
                "and legend (use a larger --size or a smaller --font-size)",
                path);
      return -1;
    }
  const char *ext = strrchr (path, '.') + 1;
  cairo_surface_t *sf;
  int png = strcasecmp (ext, "png") == 0;
  double scale = png ? (plot_options.dpi > 0 ? plot_options.dpi : 300) / 72
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
  const char *lp = getenv ("LANDSCAPE_PLOT_LAYOUT");
  F.lay = lp && *lp ? fopen (lp, "a") : NULL;
  F.dat = plot_options.data ? fopen (plot_options.data, "w") : NULL;
  if (plot_options.data && !F.dat)
    {
      snprintf (err, errlen, "%s: cannot write", plot_options.data);
      cairo_destroy (cr);
      cairo_surface_destroy (sf);
      return -1;
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
      draw_panel (&F, &panels[i], &c, maxrows);
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
          const plot_series *se = ent[i];
          set_color (cr, se->color);
          cairo_set_line_width (cr, 0.12 * fs);
          if (se->style != PLOT_POINTS && se->style != PLOT_STEMS)
            {
              set_dash (cr, se->color, se->style, fs);
              cairo_move_to (cr, x, y);
              cairo_line_to (cr, x + 2.2 * fs, y);
              cairo_stroke (cr);
              cairo_set_dash (cr, NULL, 0, 0);
            }
          if (se->style != PLOT_LINES && se->style != PLOT_DASHED)
            {
              size_t keep = F.panel;
              FILE *lay = F.lay;
              F.lay = NULL;
              marker (&F, se->color, x + 1.1 * fs, y);
              F.lay = lay;
              F.panel = keep;
            }
          cairo_set_source_rgb (cr, 0, 0, 0);
          text_at (cr, x + 2.6 * fs, y, se->label, 0, 0.5);
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
  /* Release cairo's font caches (no cairo object is alive now), so that
     leak checkers see only what the tool owns. */
  cairo_debug_reset_static_data ();
  if (st != CAIRO_STATUS_SUCCESS || derr)
    {
      snprintf (err, errlen, "%s: %s", derr ? plot_options.data : path,
                derr ? "write error" : cairo_status_to_string (st));
      return -1;
    }
  return 0;
}
#endif
