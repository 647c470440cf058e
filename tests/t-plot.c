/* lsc_plot(3): the figure writer.  Checks: the file-name rule; every
   documented status (bad extension, no panels, a figure too small, no
   stream); SVG, PDF and PNG written with their signatures; the plotted
   points written to the data file are exactly the drawable ones (finite,
   positive on a log axis, above the noise floor: counted independently
   here); and the layout dump puts every point inside its panel's frame and
   every frame inside the figure, the legend below the frames. */
#define _POSIX_C_SOURCE 200809L
#include <config.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "testutil.h"
#include "landscape/lsc_errno.h"
#include "landscape/lsc_plot.h"
#ifdef HAVE_CAIRO
#include <cairo.h>
#endif

static double xs[40], ya[40], yb[40];
static lsc_plot_series se[2];
static lsc_plot_panel pn[2];

static void
setup (void)
{
  for (int i = 0; i < 40; i++)
    {
      xs[i] = 2 + 0.5 * i;
      ya[i] = i % 7 == 3 ? NAN : exp (-0.3 * i);   /* gaps */
      yb[i] = i % 5 == 0 ? 0 : (i % 2 ? 1 : -1) * pow (10, -i / 4.0);
    }
  se[0] = (lsc_plot_series) { "decay", xs, ya, 40, LSC_PLOT_LINESPOINTS, 0 };
  se[1] = (lsc_plot_series) { "signed", xs, yb, 40, LSC_PLOT_POINTS, 1 };
  static const double vl[] = { 5.5, 12.25 };
  static const char *const vlab[] = { "A", "B2" };
  pn[0] = (lsc_plot_panel) { "decay", "d", "loss", LSC_PLOT_LINEAR,
                             LSC_PLOT_LOG, &se[0], 1, vl, vlab, 2, 0, 1e-12,
                             0 };
  pn[1] = (lsc_plot_panel) { "signed", "d", "eigenvalue", LSC_PLOT_LINEAR,
                             LSC_PLOT_SYMLOG, &se[1], 1, vl, vlab, 2, 1, 0,
                             1e-3 };
}

static void
test_path (void)
{
  CU_ASSERT_EQUAL (lsc_plot_check_path ("a.svg"), LSC_SUCCESS);
  CU_ASSERT_EQUAL (lsc_plot_check_path ("dir/a.PDF"), LSC_SUCCESS);
  CU_ASSERT_EQUAL (lsc_plot_check_path ("a.png"), LSC_SUCCESS);
  CU_ASSERT_EQUAL (lsc_plot_check_path ("a.gif"), LSC_EINVAL);
  CU_ASSERT_EQUAL (lsc_plot_check_path ("svg"), LSC_EINVAL);
  CU_ASSERT_EQUAL (lsc_plot_check_path (NULL), LSC_EINVAL);
}

static void
test_statuses (void)
{
  char err[256];
  FILE *f = tmpfile ();
  setup ();
  CU_ASSERT_EQUAL (lsc_plot_write (f, "x.gif", pn, 2, 2, NULL, err,
                                   sizeof err), LSC_EINVAL);
  CU_ASSERT_STRING_EQUAL (err, "x.gif: plot file name must end in .svg, "
                          ".pdf or .png");
  CU_ASSERT_EQUAL (lsc_plot_write (f, "x.svg", NULL, 2, 2, NULL, err,
                                   sizeof err), LSC_EINVAL);
  CU_ASSERT_EQUAL (lsc_plot_write (NULL, "x.svg", pn, 2, 2, NULL, err,
                                   sizeof err), LSC_EINVAL);
  if (!lsc_plot_available ())
    {
      CU_ASSERT_EQUAL (lsc_plot_write (f, "x.svg", pn, 2, 2, NULL, err,
                                       sizeof err), LSC_EUNSUP);
      fclose (f);
      return;
    }
  lsc_plot_opts small = { 60, 60, 0, 0, 0, NULL, NULL };
  CU_ASSERT_EQUAL (lsc_plot_write (f, "x.svg", pn, 2, 2, &small, err,
                                   sizeof err), LSC_EINVAL);
  CU_ASSERT (strstr (err, "too small") != NULL);
  lsc_plot_opts nodata = { 0, 0, 0, 0, 0, "/nonexistent/dir/p.tsv", NULL };
  CU_ASSERT_EQUAL (lsc_plot_write (f, "x.svg", pn, 2, 2, &nodata, err,
                                   sizeof err), LSC_EFAILED);
  CU_ASSERT_EQUAL (lsc_plot_write (f, "x.svg", pn, 2, 2, NULL, NULL, 0),
                   LSC_SUCCESS);
  fclose (f);
}

static void
test_formats (void)
{
  if (!lsc_plot_available ())
    return;
  setup ();
  static const struct { const char *ext; const char *magic; size_t n; } fm[]
    = { { "p.svg", "<?xml", 5 }, { "p.pdf", "%PDF-", 5 },
        { "p.png", "\x89PNG\r\n", 6 } };
  for (size_t i = 0; i < 3; i++)
    {
      char err[256], head[8] = "";
      FILE *f = tmpfile ();
      CU_ASSERT_EQUAL (lsc_plot_write (f, fm[i].ext, pn, 2, 2, NULL, err,
                                       sizeof err), LSC_SUCCESS);
      rewind (f);
      CU_ASSERT_EQUAL (fread (head, 1, fm[i].n, f), fm[i].n);
      CU_ASSERT (memcmp (head, fm[i].magic, fm[i].n) == 0);
      fseek (f, 0, SEEK_END);
      CU_ASSERT (ftell (f) > 1000);
      fclose (f);
    }
}

/* The data file holds the drawable points, the layout dump the geometry. */
static void
test_data_layout (void)
{
  if (!lsc_plot_available ())
    return;
  setup ();
  char dat[] = "/tmp/t-plot-dat-XXXXXX", lay[] = "/tmp/t-plot-lay-XXXXXX";
  int fd1 = mkstemp (dat), fd2 = mkstemp (lay);
  CU_ASSERT_FATAL (fd1 >= 0 && fd2 >= 0);
  close (fd1);
  close (fd2);
  lsc_plot_opts opts = { 0, 0, 0, 0, 0, dat, lay };
  char err[256];
  FILE *f = tmpfile ();
  CU_ASSERT_EQUAL (lsc_plot_write (f, "p.svg", pn, 2, 2, &opts, err,
                                   sizeof err), LSC_SUCCESS);
  fclose (f);
  /* expected: panel 0 (log y) finite and > 1e-12; panel 1 all 40 */
  size_t want0 = 0;
  for (int i = 0; i < 40; i++)
    want0 += isfinite (ya[i]) && ya[i] > 1e-12;
  size_t got[2] = { 0, 0 }, bad = 0;
  char line[512];
  FILE *d = fopen (dat, "r");
  CU_ASSERT_FATAL (d != NULL);
  CU_ASSERT (fgets (line, sizeof line, d) != NULL);
  CU_ASSERT_STRING_EQUAL (line, "panel\tseries\tlabel\tx\ty\n");
  while (fgets (line, sizeof line, d))
    {
      unsigned p, s;
      char lab[32];
      double x, y;
      if (sscanf (line, "%u\t%u\t%31[^\t]\t%lf\t%lf", &p, &s, lab, &x, &y) != 5
          || p > 1)
        {
          bad++;
          continue;
        }
      got[p]++;
      int i = (int) lround ((x - 2) / 0.5);
      bad += (p == 0 ? ya[i] : yb[i]) != y;   /* %.17g round trips */
    }
  fclose (d);
  CU_ASSERT_EQUAL (bad, 0);
  CU_ASSERT_EQUAL (got[0], want0);
  CU_ASSERT_EQUAL (got[1], 40);
  /* layout: frames inside the figure, legend below them */
  double W = 0, H = 0, fr[2][4] = { { 0 } }, leg[4] = { 0 };
  FILE *l = fopen (lay, "r");
  CU_ASSERT_FATAL (l != NULL);
  size_t nframes = 0;
  while (fgets (line, sizeof line, l))
    {
      unsigned p;
      double a, b, c, e;
      if (sscanf (line, "figure %lf %lf", &a, &b) == 2)
        W = a, H = b;
      else if (sscanf (line, "frame %u %lf %lf %lf %lf", &p, &a, &b, &c, &e)
               == 5 && p < 2)
        fr[p][0] = a, fr[p][1] = b, fr[p][2] = c, fr[p][3] = e, nframes++;
      else if (sscanf (line, "legend %lf %lf %lf %lf", &a, &b, &c, &e) == 4)
        leg[0] = a, leg[1] = b, leg[2] = c, leg[3] = e;
    }
  fclose (l);
  CU_ASSERT_EQUAL (nframes, 2);
  CU_ASSERT (fabs (W - 17 * 72 / 2.54) < 1e-3);   /* printed %.3f */
  for (int p = 0; p < 2; p++)
    {
      CU_ASSERT (fr[p][0] >= 0 && fr[p][2] <= W && fr[p][0] < fr[p][2]);
      CU_ASSERT (fr[p][1] >= 0 && fr[p][3] <= H && fr[p][1] < fr[p][3]);
      CU_ASSERT (leg[1] >= fr[p][3]);
    }
  CU_ASSERT (fr[0][2] <= fr[1][0]);    /* side by side */
  CU_ASSERT (leg[3] <= H && leg[0] >= 0 && leg[2] <= W);
  unlink (dat);
  unlink (lay);
}

int
main (void)
{
  static const lsc_test_case cases[] = {
    { "file names: .svg, .pdf, .png", test_path },
    { "bad arguments give statuses", test_statuses },
    { "SVG, PDF and PNG signatures", test_formats },
    { "data file and layout", test_data_layout },
    { NULL, NULL } };
  int rc = lsc_test_run ("plot", cases);
#ifdef HAVE_CAIRO
  /* the library keeps cairo's font caches (lsc_plot(3)): released here so
     that leak checkers see only what the test owns */
  cairo_debug_reset_static_data ();
#endif
  return rc;
}
