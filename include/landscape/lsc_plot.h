/* Figures drawn with cairo: panels of line and point series with linear,
   logarithmic or signed-log axes, ticks, labels, a legend and labelled
   marker lines, written as SVG, PDF or PNG. */
#ifndef LSC_PLOT_H
#define LSC_PLOT_H

#include <stddef.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif
#pragma GCC visibility push(default)

typedef enum
{
  LSC_PLOT_LINES,       /* polyline through the points (breaks at gaps)   */
  LSC_PLOT_POINTS,      /* markers                                        */
  LSC_PLOT_LINESPOINTS, /* both                                           */
  LSC_PLOT_STEMS,       /* vertical line from the axis base to each point */
  LSC_PLOT_DASHED       /* dashed polyline (breaks at gaps)               */
} lsc_plot_style;

typedef struct
{
  const char *label;    /* legend entry (NULL: none)                       */
  const double *x, *y;
  size_t n;
  lsc_plot_style style;
  int color;            /* the series' place in the style cycle: colour
                           (Okabe-Ito, 8), marker (7 shapes) and, from the
                           9th on, a dash pattern; distinct for >= 56     */
} lsc_plot_series;

/* Axis scales. */
enum
{
  LSC_PLOT_LINEAR = 0,
  LSC_PLOT_LOG = 1,     /* log10: non-positive values are left out         */
  LSC_PLOT_SYMLOG = 2   /* signed log sign(v) log10(1 + |v|/c): linear near
                           zero, logarithmic beyond, both signs           */
};

typedef struct
{
  const char *title, *xlabel, *ylabel;
  int xlog, ylog;       /* LSC_PLOT_LINEAR, LSC_PLOT_LOG or LSC_PLOT_SYMLOG */
  const lsc_plot_series *series;
  size_t nseries;
  const double *vline;        /* dashed vertical marker lines at x         */
  const char *const *vlabel;  /* their labels (may be NULL)                */
  size_t nvline;
  int hzero;            /* dotted horizontal line at y = 0 (linear y only) */
  double ynoise;        /* log y: values <= ynoise (rounding noise of an
                           exact zero) are left off like zeros            */
  double symc;          /* symlog: linear within |v| <= symc (0: 1e-3)     */
} lsc_plot_panel;

/* Figure options (plain data; zero-filled = the defaults). */
typedef struct
{
  double width, height; /* points (1/72 in); 0: 8.5 cm (one panel column)
                           or 17 cm wide, the height from the width and
                           the legend                                    */
  double font;          /* points (default 8)                            */
  double dpi;           /* PNG (default 300)                             */
  double symlog;        /* > 0: eigenvalue axes in signed log with this
                           linear range (read by the callers that choose
                           the axes, not by lsc_plot_write)              */
  const char *data;     /* NULL, or a file to write the plotted points to
                           (TSV: panel, series, label, x, y)             */
  const char *layout;   /* NULL, or a file to append the geometry to
                           (frames, legend, labels, segments, markers,
                           axes, points; in points, y down): for tests   */
} lsc_plot_opts;

/* 1 if the library was built with cairo, else 0 (then lsc_plot_write
   returns LSC_EUNSUP). */
int lsc_plot_available (void);

/* LSC_SUCCESS if path ends in .svg, .pdf or .png (case-insensitive), else
   LSC_EINVAL. */
int lsc_plot_check_path (const char *path);

/* Draw the panels on a grid of ncols columns and write them to f (opened
   "wb" by the caller, who closes it) in the format named by path's
   extension.  The legend (one entry per distinct label) is set below the
   panels, the marker-line labels above each panel's frame in rows that do
   not overlap: neither covers a curve.  opts NULL: the defaults.
   Returns LSC_SUCCESS; LSC_EINVAL (bad extension, no panels array, a
   figure too small for its panels and legend), LSC_EUNSUP (no cairo),
   LSC_EFAILED (a cairo or write error), each with a one-line reason in
   err (errlen bytes; may be 0). */
int lsc_plot_write (FILE *f, const char *path, const lsc_plot_panel *panels,
                    size_t npanels, size_t ncols, const lsc_plot_opts *opts,
                    char *err, size_t errlen);

#pragma GCC visibility pop
#ifdef __cplusplus
}
#endif
#endif
