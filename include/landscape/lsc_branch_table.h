/* The branch job's tables (lsc_branch_table(3)): the rows, the family
   graph (a table or Graphviz DOT text) and the tangents of
   lsc_branch_job's results, as landscape-branch prints them. */
#ifndef LSC_BRANCH_TABLE_H
#define LSC_BRANCH_TABLE_H

#include <stdio.h>
#include "landscape/lsc_branch.h"
#include "landscape/lsc_table.h"
#include "landscape/lsc_plot.h"

#ifdef __cplusplus
extern "C" {
#endif
#pragma GCC visibility push(default)

/* Write to o the table "branches" (with graph = 0) or "graph" (the
   edges), then with tangent the table "tangents".  Returns the output's
   status (lsc_table_output_status) or LSC_EFAULT. */
int lsc_branch_table_write (lsc_table_output *o, const lsc_branch_result *r,
                            int graph, int tangent);

/* The family graph as Graphviz DOT text: kinds as labels, pitchforks
   dashed, meetings dotted.  Returns LSC_SUCCESS, LSC_EFAULT or LSC_EFAILED
   (a write error on f). */
int lsc_branch_dot (FILE *f, const lsc_branch_result *r);

/* The branch diagram: loss (or with yamp the amplitude) of every followed
   branch against d - each family's own branch and both halves of each of
   its axial children, minima solid, saddles and unknown types dashed -
   with folds, crossings d* and meetings with catalogue families marked.
   NULL when out of memory; lsc_branch_diagram_free (NULL) is a no-op. */
typedef struct lsc_branch_diagram lsc_branch_diagram;
lsc_branch_diagram *lsc_branch_diagram_alloc (int yamp);
void lsc_branch_diagram_free (lsc_branch_diagram *g);

/* Draw family F's own branch (lsc_branch_follow_family without the
   integer checks) into g and set *hk to the hooks that draw its axial
   children when passed to lsc_branch_job (F, opt, w the same).  Returns
   LSC_SUCCESS, LSC_EFAULT or LSC_ENOMEM (the diagram is then incomplete). */
int lsc_branch_diagram_family (lsc_branch_diagram *g, lsc_branch_hooks *hk,
                               const lsc_family *F,
                               const lsc_branch_options *opt,
                               lsc_branch_workspace *w);

/* The diagram as one lsc_plot(3) panel (logd: logarithmic d axis), valid
   until the next call or lsc_branch_diagram_free.  Returns LSC_SUCCESS,
   LSC_EFAULT or LSC_ENOMEM. */
int lsc_branch_diagram_panel (const lsc_plot_panel **panel,
                              lsc_branch_diagram *g, int logd);

#pragma GCC visibility pop
#ifdef __cplusplus
}
#endif

#endif
