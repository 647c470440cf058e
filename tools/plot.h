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
  int color;          /* index into the palette (taken modulo its size)   */
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
} plot_panel;

/* Whether cairo support was compiled in. */
int plot_available (void);

/* 0 if path ends in .svg, .pdf or .png (case-insensitive), else -1. */
int plot_check_path (const char *path);

/* Draw the panels on a grid of ncols columns and write them to f (opened
   "wb" by the caller, who closes it), in the format named by path's
   extension.  Returns 0, or -1 with a one-line message in err (unknown
   extension, no cairo, cairo or write error). */
int plot_write (FILE *f, const char *path, const plot_panel *panels,
                size_t npanels, size_t ncols, char *err, size_t errlen);

#endif
