/* Small cairo plots for the tools: panels of line/point series with linear
   or logarithmic axes, ticks, labels, legend and marker lines, written as
   SVG, PDF or PNG according to the file name's extension. */
#ifndef LSC_PLOT_H
#define LSC_PLOT_H

#include <stddef.h>
#include <stdio.h>

typedef enum
{
  PLOT_LINES,         /* polyline through the points (breaks at gaps)    */
  PLOT_POINTS,        /* filled circles                                  */
  PLOT_LINESPOINTS,   /* both                                            */
  PLOT_STEMS,         /* vertical line from the axis base to each point  */
  PLOT_DASHED         /* dashed polyline (breaks at gaps)                */
} plot_style;

typedef struct
{
  const char *label;  /* legend entry (NULL: none)                        */
  const double *x, *y;
  size_t n;
  plot_style style;
  int color;          /* the series' place in the style cycle: colour
                         (Okabe-Ito, 8), marker (7 shapes) and, from the
                         9th on, a dash pattern; distinct for >= 56      */
} plot_series;

/* Axis scales. */
enum
{
  PLOT_LINEAR = 0,
  PLOT_LOG = 1,       /* log10: non-positive values are left out          */
  PLOT_SYMLOG = 2     /* signed log sign(v) log10(1 + |v|/1e-3): linear
                         near zero, logarithmic beyond, both signs        */
};

typedef struct
{
  const char *title, *xlabel, *ylabel;
  int xlog, ylog;     /* PLOT_LINEAR, PLOT_LOG or PLOT_SYMLOG             */
  const plot_series *series;
  size_t nseries;
  const double *vline;        /* dashed vertical marker lines at x        */
  const char *const *vlabel;  /* their labels (may be NULL)               */
  size_t nvline;
  int hzero;          /* dotted horizontal line at y = 0 (linear y only)  */
  double ynoise;      /* log y: values <= ynoise (rounding noise of an
                         exact zero) are left off like zeros             */
  double symc;        /* symlog: linear within |v| <= symc (0: 1e-3)      */
} plot_panel;

/* The figure options of the tools (--size, --font-size, --dpi, --symlog,
   --plot-data), read by plot_write. */
typedef struct
{
  double width, height;   /* points (1/72 in); 0: the defaults: 8.5 cm
                             (one panel) or 17 cm wide, height from the
                             width and the legend                        */
  double font;            /* points (default 8)                          */
  double dpi;             /* PNG (default 300)                           */
  double symlog;          /* > 0: the tools' eigenvalue axes in signed log
                             with this linear range                      */
  const char *data;       /* write the plotted points here (TSV)         */
} plot_opts;
extern plot_opts plot_options;

enum { PLOT_OPT_SIZE = 0x2100, PLOT_OPT_FONT, PLOT_OPT_DPI, PLOT_OPT_SYMLOG,
       PLOT_OPT_DATA };
/* The options in a getopt_long table (needs getopt.h). */
#define PLOT_LONGOPTS \
  { "size", required_argument, NULL, PLOT_OPT_SIZE }, \
  { "font-size", required_argument, NULL, PLOT_OPT_FONT }, \
  { "dpi", required_argument, NULL, PLOT_OPT_DPI }, \
  { "symlog", optional_argument, NULL, PLOT_OPT_SYMLOG }, \
  { "plot-data", required_argument, NULL, PLOT_OPT_DATA }
/* Parse one of them into plot_options; exits with status 2 on bad
   input. */
void plot_option (int code, const char *arg);

/* Whether cairo support was compiled in. */
int plot_available (void);

/* 0 if path ends in .svg, .pdf or .png (case-insensitive), else -1. */
int plot_check_path (const char *path);

/* Draw the panels on a grid of ncols columns and write them to f (opened
   "wb" by the caller, who closes it), in the format named by path's
   extension.  Returns 0, or -1 with a one-line message in err (unknown
   extension, no cairo, cairo or write error).  The legend (one entry per
   distinct label) is set below the panels, the marker-line labels above
   each panel's frame in rows that do not overlap: neither covers a
   curve.  With plot_options.data the plotted points are also written
   there as TSV (panel, series, label, x, y).  With the environment
   variable LANDSCAPE_PLOT_LAYOUT=FILE the geometry (frames, legend,
   labels, curve segments, markers, axes, points; in points, y down) is
   appended to FILE for tests. */
int plot_write (FILE *f, const char *path, const plot_panel *panels,
                size_t npanels, size_t ncols, char *err, size_t errlen);

#endif
