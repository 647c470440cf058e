/* The branch job's tables (lsc_branch_table(3)): the rows, the family
   graph (a table or Graphviz DOT text) and the tangents of
   lsc_branch_job's results, as landscape-branch prints them. */
#ifndef LSC_BRANCH_TABLE_H
#define LSC_BRANCH_TABLE_H

#include <stdio.h>
#include "landscape/lsc_branch.h"
#include "landscape/lsc_table.h"

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

#pragma GCC visibility pop
#ifdef __cplusplus
}
#endif

#endif
