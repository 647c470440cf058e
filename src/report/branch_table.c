/* The branch job's tables (lsc_branch_table(3)): rows, family graph as a
   table or as Graphviz DOT text, tangents. */
#include <config.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include "landscape.h"
#include "landscape/lsc_branch_table.h"
#include "internal.h"

static const lsc_table_column cols[] = {
  { "parent", LSC_TABLE_STRING },    { "d_star", LSC_TABLE_REAL },
  { "component", LSC_TABLE_STRING }, { "inner", LSC_TABLE_INT },
  { "kind", LSC_TABLE_STRING },      { "theory", LSC_TABLE_STRING },
  { "child", LSC_TABLE_STRING },     { "split", LSC_TABLE_STRING },
  { "below", LSC_TABLE_STRING },     { "above", LSC_TABLE_STRING },
  { "end_below", LSC_TABLE_STRING }, { "end_above", LSC_TABLE_STRING },
  { "meets", LSC_TABLE_STRING },     { "checks", LSC_TABLE_STRING },
  { "status", LSC_TABLE_STATUS } };
#define NCOLS (sizeof cols / sizeof cols[0])

static const lsc_table_column gcols[] = {
  { "from", LSC_TABLE_STRING }, { "to", LSC_TABLE_STRING },
  { "d", LSC_TABLE_REAL },      { "relation", LSC_TABLE_STRING } };

static const lsc_table_column tcols[] = {
  { "parent", LSC_TABLE_STRING }, { "d_star", LSC_TABLE_REAL },
  { "child", LSC_TABLE_STRING },  { "index", LSC_TABLE_INT },
  { "tangent", LSC_TABLE_REAL } };

static void
row (lsc_table *t, const lsc_branch_row *r)
{
  lsc_table_cell_string (t, r->parent);
  if (r->what == LSC_BRANCH_ROW_FAILED)
    {
      for (size_t i = 1; i < NCOLS - 1; i++)
        lsc_table_cell_empty (t);
      lsc_table_cell_status (t, r->status);
      lsc_table_row_end (t);
      return;
    }
  if (isfinite (r->dstar))
    lsc_table_cell_real (t, r->dstar);
  else
    lsc_table_cell_empty (t);
  lsc_table_cell_string (t, lsc_irrep_name (r->irrep));
  lsc_table_cell_int (t, (long long) r->inner);
  lsc_table_cell_string (t, lsc_branch_kind_name (r->kind));
  if (r->what == LSC_BRANCH_ROW_NONE)
    {
      lsc_table_cell_empty (t);
      lsc_table_cell_string (t, r->child);
      lsc_table_cell_string (t, r->split);
      for (int i = 0; i < 6; i++)
        lsc_table_cell_empty (t);
    }
  else
    {
      lsc_table_cell_string (t, lsc_branch_kind_name (r->theory));
      lsc_table_cell_string (t, r->child);
      lsc_table_cell_string (t, r->split);
      lsc_table_cell_string (t, r->below);
      lsc_table_cell_string (t, r->above);
      lsc_table_cell_string (t, r->end_below);
      lsc_table_cell_string (t, r->end_above);
      lsc_table_cell_string (t, r->meets);
      lsc_table_cell_string (t, r->checks);
    }
  lsc_table_cell_status (t, r->status);
  lsc_table_row_end (t);
}

int
lsc_branch_table_write (lsc_table_output *o, const lsc_branch_result *r,
                        int graph, int tangent)
{
  if (!o || !r)
    LSC_ERROR ("lsc_branch_table_write: NULL argument", LSC_EFAULT);
  lsc_table *t;
  if (graph)
    {
      t = lsc_table_begin (o, "graph", gcols, 4);
      for (size_t i = 0; i < r->nedges; i++)
        {
          const lsc_branch_edge *e = &r->edges[i];
          lsc_table_cell_string (t, e->parent);
          lsc_table_cell_string (t, e->child);
          lsc_table_cell_real (t, e->d);
          lsc_table_cell_string (t, e->relation);
          lsc_table_row_end (t);
        }
    }
  else
    {
      t = lsc_table_begin_captioned (
          o, "branches",
          "Branches born at the crossings $d^*$ of each family: the crossing "
          "component, the kind of bifurcation (from the quadratic "
          "coefficient; theory: from the symmetry), the child's isotropy (an "
          "axial Young subgroup), its type (Morse index) just below and "
          "above $d^*$, how each half ends, the catalogue families it meets "
          "at integer $d$, and the integer-$d$ points whose full-Hessian "
          "inertia agrees with the isotypic one.", cols, NCOLS);
      for (size_t i = 0; i < r->nrows; i++)
        row (t, &r->rows[i]);
    }
  lsc_table_end (t);
  if (tangent)
    {
      t = lsc_table_begin (o, "tangents", tcols, 5);
      for (size_t i = 0; i < r->ntangents; i++)
        {
          const lsc_branch_tangent *v = &r->tangents[i];
          lsc_table_cell_string (t, v->parent);
          lsc_table_cell_real (t, v->dstar);
          lsc_table_cell_string (t, v->child);
          lsc_table_cell_int (t, (long long) v->index);
          lsc_table_cell_real (t, v->value);
          lsc_table_row_end (t);
        }
      lsc_table_end (t);
    }
  return lsc_table_output_status (o);
}

/* DOT identifiers are quoted; quotes and backslashes escaped. */
static void
quoted (FILE *f, const char *s)
{
  fputc ('"', f);
  for (; *s; s++)
    {
      if (*s == '"' || *s == '\\')
        fputc ('\\', f);
      fputc (*s, f);
    }
  fputc ('"', f);
}

int
lsc_branch_dot (FILE *f, const lsc_branch_result *r)
{
  if (!f || !r)
    LSC_ERROR ("lsc_branch_dot: NULL argument", LSC_EFAULT);
  fputs ("digraph families {\n  rankdir=LR;\n  node [shape=box];\n", f);
  for (size_t i = 0; i < r->nedges; i++)
    {
      const lsc_branch_edge *e = &r->edges[i];
      int meets = strcmp (e->relation, "meets") == 0;
      fputs ("  ", f);
      quoted (f, e->parent);
      fputs (" -> ", f);
      quoted (f, e->child);
      char lab[96];
      if (meets)
        snprintf (lab, sizeof lab, "meets at d = %.6g", e->d);
      else
        snprintf (lab, sizeof lab, "d* = %.6g, %s", e->d, e->relation);
      fputs (" [label=", f);
      quoted (f, lab);
      fprintf (f, "%s];\n", meets ? ", style=dotted"
                            : strcmp (e->relation, "pitchfork") == 0
                            ? ", style=dashed" : "");
    }
  fputs ("}\n", f);
  if (ferror (f))
    LSC_ERROR ("lsc_branch_dot: write error", LSC_EFAILED);
  return LSC_SUCCESS;
}
