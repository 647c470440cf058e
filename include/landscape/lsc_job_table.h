/* The tables of the point jobs (lsc_job_table(3)): landscape-eval's
   summary and spectrum of one point (lsc_eval) and landscape-follow's
   rows of a followed branch (lsc_follow), written through lsc_table(3) so
   that the tools and the Python package print the same tables. */
#ifndef LSC_JOB_TABLE_H
#define LSC_JOB_TABLE_H

#include <stddef.h>
#include "landscape/lsc_jobs.h"
#include "landscape/lsc_table.h"

#ifdef __cplusplus
extern "C" {
#endif
#pragma GCC visibility push(default)

/* Write lsc_eval's result r for problem p to o: the table "summary" (k,
   d, m, prec, loss, grad_norm - decimals when prec > 0, else doubles -
   index, zero, pos, isotropy and, when polish is not NULL, the Newton
   polish's status and newton_iter) and the table "spectrum" (value, mult,
   spread, component).  Returns the output's status or LSC_EFAULT. */
int lsc_eval_table_write (lsc_table_output *o, const lsc_eval_result *r,
                          const lsc_problem *p, long prec,
                          const lsc_descent_result *polish);

/* The rows of a followed family, a table named after it with the columns
   d, loss, residual, tangent_d, fold, status, type, index, min_eig,
   min_comp, p0, p1, ...: pass lsc_follow_table_row as lsc_follow's
   callback with the table as its data, then end it (a table without rows
   still gets its header).  NULL when out of memory. */
typedef struct lsc_follow_table lsc_follow_table;
lsc_follow_table *lsc_follow_table_alloc (lsc_table_output *o,
                                          const lsc_family *fam);
int lsc_follow_table_row (const lsc_follow_point *fp, void *data);
/* The rows written so far. */
size_t lsc_follow_table_rows (const lsc_follow_table *x);
/* End the table; the output's status, or LSC_EFAULT. */
int lsc_follow_table_end (lsc_follow_table *x);
void lsc_follow_table_free (lsc_follow_table *x);

#pragma GCC visibility pop
#ifdef __cplusplus
}
#endif

#endif
