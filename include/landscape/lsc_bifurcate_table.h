/* The bifurcation job's tables (lsc_bifurcate_table(3)): the events of
   lsc_bifurcate_family as landscape-bifurcate prints them, with the
   optional ball-arithmetic proof of each crossing. */
#ifndef LSC_BIFURCATE_TABLE_H
#define LSC_BIFURCATE_TABLE_H

#include <stddef.h>
#include "landscape/lsc_bifurcate.h"
#include "landscape/lsc_table.h"

#ifdef __cplusplus
extern "C" {
#endif
#pragma GCC visibility push(default)

/* The columns of the table "bifurcations" (for lsc_table_columns_check);
   their number in *n. */
const lsc_table_pcolumn *lsc_bifurcate_table_columns (size_t *n);

/* Write the table "bifurcations": the nev[f] events ev[f] of each of the
   nf families, in order; with prove, the column proof says "proved" for a
   crossing lsc_prove_crossing proves and "not-proved" for one it does
   not.  With params, then the table "parameters" (the point at each d*).
   *nbad (may be NULL) receives the number of failed rows plus the
   crossings not proved.  Returns the output's status or LSC_EFAULT. */
int lsc_bifurcate_table_write (lsc_table_output *o,
                               const lsc_bifurcate_event *const *ev,
                               const size_t *nev, size_t nf, int prove,
                               int params, size_t *nbad);

#pragma GCC visibility pop
#ifdef __cplusplus
}
#endif

#endif
