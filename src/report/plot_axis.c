/* The figure writer's axes (plot_impl.h): linear, log and signed-log
   transforms, ranges padded around the data, text with raised powers of
   ten, and ticks spaced so that their labels never collide. */
#include <config.h>
#ifdef HAVE_CAIRO
#include <math.h>
#include <stdio.h>
#include <string.h>
#include "plot_impl.h"

double
lsc_plt_tr (const axis *a, double v)
{
  if (a->log == LSC_PLOT_LOG)
    return log10 (v);
  if (a->log == LSC_PLOT_SYMLOG)
    return copysign (log10 (1 + fabs (v) / a->c), v);
  return v;
}

double
lsc_plt_to_px (const axis *a, double v)
{
  return a->p0 + (lsc_plt_tr (a, v) - a->lo) / (a->hi - a->lo) * (a->p1 - a->p0);
}

/* Whether (x, y) is drawn: finite, and on a log axis above zero and above
   the noise of an exact zero. */
int
lsc_plt_shown (const lsc_plot_panel *pp, double x, double y)
{
  if (!isfinite (x) || !isfinite (y))
    return 0;
  if (pp->xlog == LSC_PLOT_LOG && !(x > 0))
    return 0;
  if (pp->ylog == LSC_PLOT_LOG && !(y > 0 && y > pp->ynoise))
    return 0;
  return 1;
}

void
lsc_plt_axis_range (axis *a, const lsc_plot_panel *pp, int is_x)
{
  double lo = INFINITY, hi = -INFINITY;
  for (size_t s = 0; s < pp->nseries; s++)
    for (size_t i = 0; i < pp->series[s].n; i++)
      {
        double x = pp->series[s].x[i], y = pp->series[s].y[i];
        if (!lsc_plt_shown (pp, x, y))
          continue;
        double v = lsc_plt_tr (a, is_x ? x : y);
        lo = fmin (lo, v);
        hi = fmax (hi, v);
      }
  if (is_x)
    for (size_t i = 0; i < pp->nvline; i++)
      if (isfinite (pp->vline[i]) && (a->log != LSC_PLOT_LOG || pp->vline[i] > 0))
        {
          double v = lsc_plt_tr (a, pp->vline[i]);
          lo = fmin (lo, v);
          hi = fmax (hi, v);
        }
  if (!is_x && pp->hzero && a->log != LSC_PLOT_LOG)
    lo = fmin (lo, 0), hi = fmax (hi, 0);
  if (!(lo <= hi))
    lo = 0, hi = 1;
  if (hi - lo < 1e-12 * fmax (1, fabs (hi)))
    {
      double w = a->log == LSC_PLOT_LOG ? 0.5 : fmax (0.5 * fabs (hi), 0.5);
      lo -= w;
      hi += w;
    }
  double pad = 0.04 * (hi - lo);
  a->lo = lo - (a->log == LSC_PLOT_LOG ? fmax (pad, 0.25) : pad);
  a->hi = hi + pad;
}

static double
nice_step (double span)
{
  double raw = span / 5, p = pow (10, floor (log10 (raw))), f = raw / p;
  return (f < 1.5 ? 1 : f < 3.5 ? 2 : f < 7.5 ? 5 : 10) * p;
}

void
lsc_plt_text_at (cairo_t *cr, double x, double y, const char *s, double ax, double ay)
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

/* lsc_plt_text_at with powers of ten raised, with the text's box in the layout
   dump. */
void
lsc_plt_text_fig (fig *F, double x, double y, const char *s, double ax, double ay)
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
      lsc_plt_text_at (cr, x, y, s, ax, ay);
    }
  if (F->lay)
    fprintf (F->lay, "text %zu %.3f %.3f %.3f %.3f %s\n", F->panel, x0, y0,
             x0 + w, y0 + h, s);
}

double
lsc_plt_text_w (cairo_t *cr, const char *s)
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
    lsc_plt_text_fig (F, base - 1.6 * tl, pix, lab, 1, 0.5);
  else
    lsc_plt_text_fig (F, pix, base + 1.6 * tl, lab, 0.5, 0);
}

void
lsc_plt_draw_ticks (fig *F, const axis *a, int vertical, double base)
{
  char lab[40];
  if (a->log == LSC_PLOT_SYMLOG)
    {
      /* 0, then the decades from the outermost in, each kept only if its
         label clears those kept (the linear range near 0 crowds them) */
      double len = fabs (a->p1 - a->p0), sep = vertical ? 1.7 * F->fs
                   : lsc_plt_text_w (F->cr, "-10^-10") + 0.8 * F->fs;
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
            double u = lsc_plt_tr (a, sg * pow (10, j));
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
          w = fmax (w, lsc_plt_text_w (F->cr, lab));
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
#endif
