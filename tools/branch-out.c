/* Branch diagrams (through lsc_plot) for landscape-branch. */
#include <config.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <math.h>
#include "branch-out.h"
#include "cli.h"
#include "cli-plot.h"

static void *
grow (void *p, size_t *cap, size_t need, size_t size)
{
  if (need <= *cap)
    return p;
  size_t nc = *cap ? 2 * *cap : 64;
  while (nc < need)
    nc *= 2;
  void *q = realloc (p, nc * size);
  if (!q)
    cli_fatal (CLI_EXIT_SYSTEM, "out of memory");
  *cap = nc;
  return q;
}

void
bdiag_init (bdiag *g)
{
  memset (g, 0, sizeof *g);
}

void
bdiag_free (bdiag *g)
{
  for (size_t i = 0; i < g->n; i++)
    {
      free (g->c[i].d);
      free (g->c[i].y);
      free (g->c[i].type);
    }
  free (g->c);
  for (int k = 0; k < 3; k++)
    {
      free (g->md[k]);
      free (g->my[k]);
    }
  memset (g, 0, sizeof *g);
}

size_t
bdiag_curve_new (bdiag *g, const char *label, int color)
{
  g->c = grow (g->c, &g->cap, g->n + 1, sizeof *g->c);
  bdiag_curve *c = &g->c[g->n];
  memset (c, 0, sizeof *c);
  snprintf (c->label, sizeof c->label, "%s", label);
  c->color = color;
  return g->n++;
}

void
bdiag_add (bdiag *g, size_t curve, double d, double y, int type)
{
  bdiag_curve *c = &g->c[curve];
  size_t cap = c->cap;
  c->d = grow (c->d, &cap, c->n + 1, sizeof *c->d);
  cap = c->cap;
  c->y = grow (c->y, &cap, c->n + 1, sizeof *c->y);
  c->type = grow (c->type, &c->cap, c->n + 1, sizeof *c->type);
  c->d[c->n] = d;
  c->y[c->n] = y;
  c->type[c->n] = type;
  c->n++;
}

void
bdiag_mark (bdiag *g, int kind, double d, double y)
{
  size_t cap = g->capm[kind];
  g->md[kind] = grow (g->md[kind], &cap, g->nm[kind] + 1, sizeof (double));
  g->my[kind] = grow (g->my[kind], &g->capm[kind], g->nm[kind] + 1,
                      sizeof (double));
  g->md[kind][g->nm[kind]] = d;
  g->my[kind][g->nm[kind]] = y;
  g->nm[kind]++;
}

int
bdiag_write (const bdiag *g, const char *path, const char *ylabel, int logd,
             char *err, size_t errlen)
{
  /* each curve becomes runs of equal style: minima solid, saddles and
     unknown dashed; consecutive runs share their end point */
  size_t ns = 0, cap = 0;
  lsc_plot_series *se = NULL;
  for (size_t i = 0; i < g->n; i++)
    {
      const bdiag_curve *c = &g->c[i];
      size_t a = 0;
      int first = 1;
      while (a < c->n)
        {
          int solid = c->type[a] == 1;
          size_t b = a + 1;
          while (b < c->n && (c->type[b] == 1) == solid)
            b++;
          size_t e = b < c->n ? b + 1 : b;   /* include the joint */
          se = grow (se, &cap, ns + 1, sizeof *se);
          se[ns] = (lsc_plot_series) { first && c->label[0] ? c->label : NULL, c->d + a,
                                   c->y + a, e - a,
                                   solid ? LSC_PLOT_LINES : LSC_PLOT_DASHED,
                                   c->color };
          ns++;
          first = 0;
          a = b;
        }
    }
  static const char *const mlabel[3] = { "fold", "crossing d*",
                                         "meets a catalogue family" };
  for (int k = 0; k < 3; k++)
    if (g->nm[k])
      {
        se = grow (se, &cap, ns + 1, sizeof *se);
        se[ns++] = (lsc_plot_series) { mlabel[k], g->md[k], g->my[k], g->nm[k],
                                   LSC_PLOT_POINTS, 20 + k };
      }
  lsc_plot_panel pp;
  memset (&pp, 0, sizeof pp);
  pp.title = "Branches (minima solid, saddles dashed)";
  pp.xlabel = "d";
  pp.ylabel = ylabel;
  pp.xlog = logd ? LSC_PLOT_LOG : LSC_PLOT_LINEAR;
  pp.ylog = LSC_PLOT_LINEAR;
  pp.series = se;
  pp.nseries = ns;
  FILE *f = fopen (path, "wb");
  if (!f)
    {
      snprintf (err, errlen, "cannot open '%s' for writing", path);
      free (se);
      return -1;
    }
  int rc = cli_plot_write (f, path, &pp, 1, 1, err, errlen);
  if (fclose (f) != 0 && rc == 0)
    {
      snprintf (err, errlen, "write error on '%s'", path);
      rc = -1;
    }
  free (se);
  return rc;
}
