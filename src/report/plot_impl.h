/* Private part of the figure writer (lsc_plot.h; built with cairo): the
   figure, axis and panel-cell structures and the helpers plot.c,
   plot_axis.c and plot_draw.c share. */
#ifndef LSC_PLOT_IMPL_H
#define LSC_PLOT_IMPL_H

#include <stdio.h>
#include <cairo.h>
#include "landscape/lsc_plot.h"

#define LSC_PLT_PI 3.14159265358979323846

/* The figure being drawn: context, font size, layout dump, data file. */
typedef struct
{
  cairo_t *cr;
  double fs;            /* font size (pt)                            */
  FILE *lay, *dat;      /* the layout and data files (options) */
  size_t panel;
} fig;

typedef struct
{
  int log;
  double c;             /* symlog linear range                       */
  double lo, hi;        /* in axis units                             */
  double p0, p1;        /* pixel positions of lo and hi              */
} axis;

typedef struct
{
  double ox, oy, w, h;  /* the panel's cell                           */
  double ml, mr, mt, mb;
} cell;

/* plot_axis.c: axis transforms and ranges, text, ticks. */
/* v in axis units (log10, signed log or v). */
double lsc_plt_tr (const axis *a, double v);
/* v at its position on the page. */
double lsc_plt_to_px (const axis *a, double v);
/* Whether (x, y) is drawn: finite, and on a log axis above zero and above
   the noise of an exact zero. */
int lsc_plt_shown (const lsc_plot_panel *pp, double x, double y);
/* The axis range of a panel's data (and marker lines, zero line), padded. */
void lsc_plt_axis_range (axis *a, const lsc_plot_panel *pp, int is_x);
/* Text s anchored at (x, y): ax, ay the fraction of its box left and above
   the point. */
void lsc_plt_text_at (cairo_t *cr, double x, double y, const char *s,
                      double ax, double ay);
/* Same with powers of ten "10^E" raised, the box in the layout dump. */
void lsc_plt_text_fig (fig *F, double x, double y, const char *s, double ax,
                       double ay);
/* The advance width of s as lsc_plt_text_fig sets it. */
double lsc_plt_text_w (cairo_t *cr, const char *s);
/* Ticks and their labels along an axis at base (the frame's edge). */
void lsc_plt_draw_ticks (fig *F, const axis *a, int vertical, double base);

/* plot_draw.c: styles, markers, series and panels. */
void lsc_plt_set_color (cairo_t *cr, int c);
void lsc_plt_set_dash (cairo_t *cr, int c, lsc_plot_style st, double fs);
void lsc_plt_marker (fig *F, int c, double x, double y);
/* The marker-line labels of a panel in rows above the frame that do not
   overlap; returns the number of rows, x[i] and row[i] (-1: none) each
   label's left edge and row. */
int lsc_plt_label_rows (fig *F, const lsc_plot_panel *pp, const axis *ax,
                        double *x, int *row, double xmin, double xmax);
/* A panel in its cell, with nrows rows of marker labels above its frame. */
void lsc_plt_draw_panel (fig *F, const lsc_plot_panel *pp, const cell *c,
                         int nrows);

#endif
