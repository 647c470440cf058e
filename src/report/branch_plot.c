/* The branch diagram (lsc_branch_table(3)): loss or amplitude of every
   followed branch against d, minima solid and saddles dashed, with folds,
   crossings d* and meetings with catalogue families marked, as one
   lsc_plot(3) panel.  Filled through lsc_branch_job's hooks. */
#include <config.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "landscape.h"
#include "landscape/lsc_branch_table.h"

/* One curve: points with their type (1 minimum, 2 saddle, 0 unknown). */
typedef struct
{
  char label[96];
  size_t n, cap;
  double *d, *y;
  int *type;
  int color;
} curve;

struct lsc_branch_diagram
{
  int yamp, color, nomem;
  size_t n, cap;
  curve *c;
  size_t cur[2];              /* the curves of the two halves being drawn */
  /* markers: folds, crossings (d*), meetings with catalogue families */
  size_t nm[3], capm[3];
  double *md[3], *my[3];
  lsc_plot_series *se;        /* lsc_branch_diagram_panel's */
  lsc_plot_panel panel;
};

/* Make room for need entries of size in *p; 0, or -1 (nomem set). */
static int
grow (lsc_branch_diagram *g, void **p, size_t *cap, size_t need, size_t size)
{
  if (need <= *cap)
    return 0;
  size_t nc = *cap ? 2 * *cap : 64;
  while (nc < need)
    nc *= 2;
  void *q = realloc (*p, nc * size);
  if (!q)
    {
      g->nomem = 1;
      return -1;
    }
  *p = q;
  *cap = nc;
  return 0;
}

lsc_branch_diagram *
lsc_branch_diagram_alloc (int yamp)
{
  lsc_branch_diagram *g = calloc (1, sizeof *g);
  if (g)
    g->yamp = yamp;
  return g;
}

void
lsc_branch_diagram_free (lsc_branch_diagram *g)
{
  if (!g)
    return;
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
  free (g->se);
  free (g);
}

/* A new curve; its index (the last one again when out of memory). */
static size_t
curve_new (lsc_branch_diagram *g, const char *label, int color)
{
  if (grow (g, (void **) &g->c, &g->cap, g->n + 1, sizeof *g->c))
    return g->n ? g->n - 1 : 0;
  curve *c = &g->c[g->n];
  memset (c, 0, sizeof *c);
  snprintf (c->label, sizeof c->label, "%s", label);
  c->color = color;
  return g->n++;
}

static void
add (lsc_branch_diagram *g, size_t i, double d, double y, int type)
{
  if (i >= g->n)
    return;
  curve *c = &g->c[i];
  size_t cd = c->cap, cy = c->cap;
  if (grow (g, (void **) &c->d, &cd, c->n + 1, sizeof *c->d)
      || grow (g, (void **) &c->y, &cy, c->n + 1, sizeof *c->y)
      || grow (g, (void **) &c->type, &c->cap, c->n + 1, sizeof *c->type))
    return;
  c->d[c->n] = d;
  c->y[c->n] = y;
  c->type[c->n++] = type;
}

/* kind 0 fold, 1 crossing, 2 meeting with a catalogue family */
static void
mark (lsc_branch_diagram *g, int kind, double d, double y)
{
  size_t cap = g->capm[kind];
  if (grow (g, (void **) &g->md[kind], &cap, g->nm[kind] + 1, sizeof (double))
      || grow (g, (void **) &g->my[kind], &g->capm[kind], g->nm[kind] + 1,
               sizeof (double)))
    return;
  g->md[kind][g->nm[kind]] = d;
  g->my[kind][g->nm[kind]++] = y;
}

static int
point (const lsc_branch_point *pt, int child, int half, void *data)
{
  lsc_branch_diagram *g = data;
  double y = g->yamp ? pt->amp : pt->loss;
  int type = pt->type == LSC_BRANCH_TYPE_MINIMUM ? 1
             : pt->type == LSC_BRANCH_TYPE_SADDLE ? 2 : 0;
  add (g, g->cur[half], pt->d, y, type);
  if (pt->fold)
    mark (g, 0, pt->d, y);
  if (pt->integer && pt->family[0] && child >= 0)
    mark (g, 2, pt->d, y);
  return 0;
}

/* Two curves per axial child (one per half), in the next colour. */
static void
child_begin (const lsc_family *F, const lsc_branch_child *c, void *data)
{
  lsc_branch_diagram *g = data;
  char lab[224];
  snprintf (lab, sizeof lab, "%s %s", F->name, c->isotropy);
  g->color++;
  g->cur[0] = curve_new (g, lab, g->color);
  g->cur[1] = curve_new (g, "", g->color);
}

/* The crossing, at the first point of the first half. */
static void
child_end (const lsc_branch_event *ev, const lsc_branch_half h[2],
           void *data)
{
  lsc_branch_diagram *g = data;
  if (h[0].npoints && g->cur[0] < g->n && g->c[g->cur[0]].n)
    mark (g, 1, ev->dstar, g->yamp ? 0 : g->c[g->cur[0]].y[0]);
}

int
lsc_branch_diagram_family (lsc_branch_diagram *g, lsc_branch_hooks *hk,
                           const lsc_family *F, const lsc_branch_options *opt,
                           lsc_branch_workspace *w)
{
  if (!g || !hk || !F || !opt)
    return LSC_EFAULT;
  if (g->n) /* the previous family's children took colours up to g->color */
    g->color++;
  g->cur[0] = curve_new (g, F->name, g->color);
  g->cur[1] = curve_new (g, "", g->color);
  lsc_branch_half ph[2];
  lsc_branch_options po = *opt;
  po.integer_checks = 0;
  size_t n0 = g->cur[0] < g->n ? g->c[g->cur[0]].n : 0;
  lsc_branch_follow_family (ph, &F->G, F->p, F->d, w, &po, point, g);
  /* the downward half runs from d0 down: reverse it */
  if (g->cur[0] < g->n)
    {
      curve *c = &g->c[g->cur[0]];
      for (size_t i = n0, j = c->n; i + 1 < j; i++)
        {
          j--;
          double td = c->d[i], ty = c->y[i];
          int tt = c->type[i];
          c->d[i] = c->d[j], c->y[i] = c->y[j], c->type[i] = c->type[j];
          c->d[j] = td, c->y[j] = ty, c->type[j] = tt;
        }
    }
  *hk = (lsc_branch_hooks) { point, child_begin, child_end, g };
  return g->nomem ? LSC_ENOMEM : LSC_SUCCESS;
}

int
lsc_branch_diagram_panel (const lsc_plot_panel **panel,
                          lsc_branch_diagram *g, int logd)
{
  if (!panel || !g)
    return LSC_EFAULT;
  /* each curve becomes runs of equal style: minima solid, saddles and
     unknown dashed; consecutive runs share their end point */
  size_t ns = 0, cap = 0;
  free (g->se);
  g->se = NULL;
  for (size_t i = 0; i < g->n && !g->nomem; i++)
    {
      const curve *c = &g->c[i];
      for (size_t a = 0, b; a < c->n; a = b)
        {
          int solid = c->type[a] == 1;
          for (b = a + 1; b < c->n && (c->type[b] == 1) == solid; b++)
            ;
          size_t e = b < c->n ? b + 1 : b;   /* include the joint */
          if (grow (g, (void **) &g->se, &cap, ns + 1, sizeof *g->se))
            break;
          g->se[ns++] = (lsc_plot_series) {
            a == 0 && c->label[0] ? c->label : NULL, c->d + a, c->y + a,
            e - a, solid ? LSC_PLOT_LINES : LSC_PLOT_DASHED, c->color };
        }
    }
  static const char *const mlabel[3] = { "fold", "crossing d*",
                                         "meets a catalogue family" };
  for (int k = 0; k < 3; k++)
    if (g->nm[k] && !grow (g, (void **) &g->se, &cap, ns + 1, sizeof *g->se))
      g->se[ns++] = (lsc_plot_series) { mlabel[k], g->md[k], g->my[k],
                                        g->nm[k], LSC_PLOT_POINTS, 20 + k };
  if (g->nomem)
    return LSC_ENOMEM;
  memset (&g->panel, 0, sizeof g->panel);
  g->panel.title = "Branches (minima solid, saddles dashed)";
  g->panel.xlabel = "d";
  g->panel.ylabel = g->yamp ? "amplitude" : "loss";
  g->panel.xlog = logd ? LSC_PLOT_LOG : LSC_PLOT_LINEAR;
  g->panel.ylog = LSC_PLOT_LINEAR;
  g->panel.series = g->se;
  g->panel.nseries = ns;
  *panel = &g->panel;
  return LSC_SUCCESS;
}
