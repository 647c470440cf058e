/* The tables of the point jobs (lsc_job_table(3)): landscape-eval's
   summary and grouped spectrum of one point, landscape-follow's rows of a
   followed branch, written through lsc_table(3). */
#include <config.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "landscape.h"
#include "landscape/lsc_jobs.h"
#include "landscape/lsc_job_table.h"

int
lsc_eval_table_write (lsc_table_output *o, const lsc_eval_result *r,
                      const lsc_problem *p, long prec,
                      const lsc_descent_result *polish)
{
  if (!o || !r || !p)
    return LSC_EFAULT;
  lsc_table_coltype num = prec ? LSC_TABLE_DECIMAL : LSC_TABLE_REAL;
  const lsc_table_column scols[] = {
    { "k", LSC_TABLE_INT }, { "d", LSC_TABLE_INT }, { "m", LSC_TABLE_INT },
    { "prec", LSC_TABLE_INT }, { "loss", num }, { "grad_norm", num },
    { "index", LSC_TABLE_INT }, { "zero", LSC_TABLE_INT },
    { "pos", LSC_TABLE_INT }, { "isotropy", LSC_TABLE_STRING },
    { "status", LSC_TABLE_STATUS }, { "newton_iter", LSC_TABLE_INT }
  };
  const lsc_table_column gcols[] = {
    { "value", LSC_TABLE_REAL }, { "mult", LSC_TABLE_INT },
    { "spread", LSC_TABLE_REAL }, { "component", LSC_TABLE_STRING }
  };
  lsc_table *t = lsc_table_begin (o, "summary", scols, polish ? 12 : 10);
  lsc_table_cell_int (t, (long long) p->k);
  lsc_table_cell_int (t, (long long) p->d);
  lsc_table_cell_int (t, (long long) p->m);
  lsc_table_cell_int (t, prec ? prec : 53);
  if (prec)
    {
      lsc_table_cell_decimal (t, r->loss_dec);
      lsc_table_cell_decimal (t, r->grad_dec);
    }
  else
    {
      lsc_table_cell_real (t, r->loss);
      lsc_table_cell_real (t, r->grad_norm);
    }
  lsc_table_cell_int (t, (long long) r->in.neg);
  lsc_table_cell_int (t, (long long) r->in.zero);
  lsc_table_cell_int (t, (long long) r->in.pos);
  if (r->isotropy[0])
    lsc_table_cell_string (t, r->isotropy);
  else
    lsc_table_cell_empty (t);
  if (polish)
    {
      lsc_table_cell_status (t, polish->status);
      lsc_table_cell_int (t, (long long) polish->iter);
    }
  lsc_table_row_end (t);
  lsc_table_end (t);
  t = lsc_table_begin (o, "spectrum", gcols, 4);
  for (size_t g = 0; g < r->ng; g++)
    {
      lsc_table_cell_real (t, r->grp[g].value);
      lsc_table_cell_int (t, (long long) r->grp[g].mult);
      lsc_table_cell_real (t, r->grp[g].spread);
      if (r->label[g][0])
        lsc_table_cell_string (t, r->label[g]);
      else
        lsc_table_cell_empty (t);
      lsc_table_row_end (t);
    }
  lsc_table_end (t);
  return lsc_table_output_status (o);
}

struct lsc_follow_table
{
  lsc_table_output *o;
  lsc_table *t;                /* begun with the first row */
  const char *name;
  size_t np, npoints;
  lsc_table_column *cols;
  char (*names)[24];
};

lsc_follow_table *
lsc_follow_table_alloc (lsc_table_output *o, const lsc_family *fam)
{
  if (!o || !fam)
    return NULL;
  static const char *const fixed[] = { "d", "loss", "residual", "tangent_d",
                                       "fold", "status", "type", "index",
                                       "min_eig", "min_comp" };
  static const lsc_table_coltype ft[] = {
    LSC_TABLE_REAL, LSC_TABLE_REAL, LSC_TABLE_REAL, LSC_TABLE_REAL,
    LSC_TABLE_INT, LSC_TABLE_STATUS, LSC_TABLE_STRING, LSC_TABLE_DECIMAL,
    LSC_TABLE_REAL, LSC_TABLE_STRING };
  lsc_follow_table *x = calloc (1, sizeof *x);
  size_t np = fam->nparams;
  if (x)
    {
      x->cols = calloc (10 + np, sizeof *x->cols);
      x->names = calloc (np ? np : 1, sizeof *x->names);
    }
  if (!x || !x->cols || !x->names)
    {
      lsc_follow_table_free (x);
      return NULL;
    }
  x->o = o;
  x->name = fam->name;
  x->np = np;
  for (size_t i = 0; i < 10; i++)
    x->cols[i] = (lsc_table_column) { fixed[i], ft[i] };
  for (size_t i = 0; i < np; i++)
    {
      snprintf (x->names[i], sizeof x->names[i], "p%zu", i);
      x->cols[10 + i] = (lsc_table_column) { x->names[i], LSC_TABLE_REAL };
    }
  return x;
}

int
lsc_follow_table_row (const lsc_follow_point *fp, void *data)
{
  lsc_follow_table *x = data;
  const lsc_cont_point *pt = fp->pt;
  if (!x->t)
    x->t = lsc_table_begin (x->o, x->name, x->cols, 10 + x->np);
  lsc_table_cell_real (x->t, pt->d);
  lsc_table_cell_real (x->t, pt->loss);
  lsc_table_cell_real (x->t, pt->residual);
  lsc_table_cell_real (x->t, pt->tangent_d);
  lsc_table_cell_int (x->t, pt->fold);
  lsc_table_cell_status (x->t, pt->status);
  if (fp->classified)
    {
      char ib[32];
      lsc_table_cell_string (x->t, fp->type);
      lsc_table_index_text (ib, sizeof ib, fp->index, pt->d);
      lsc_table_cell_decimal (x->t, ib);
      lsc_table_cell_real (x->t, fp->min_eig);
      lsc_table_cell_string (x->t, lsc_irrep_name (fp->min_irrep));
    }
  else
    for (int i = 0; i < 4; i++)
      lsc_table_cell_empty (x->t);
  for (size_t i = 0; i < x->np; i++)
    lsc_table_cell_real (x->t, pt->p[i]);
  lsc_table_row_end (x->t);
  x->npoints++;
  return 0;
}

size_t
lsc_follow_table_rows (const lsc_follow_table *x)
{
  return x ? x->npoints : 0;
}

int
lsc_follow_table_end (lsc_follow_table *x)
{
  if (!x)
    return LSC_EFAULT;
  if (!x->t) /* a run without points still prints the header */
    x->t = lsc_table_begin (x->o, x->name, x->cols, 10 + x->np);
  lsc_table_end (x->t);
  x->t = NULL;
  return lsc_table_output_status (x->o);
}

void
lsc_follow_table_free (lsc_follow_table *x)
{
  if (!x)
    return;
  free (x->cols);
  free (x->names);
  free (x);
}
