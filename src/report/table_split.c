/* The splitting job's table (lsc_overparam(3)): the rows of
   lsc_overparam_split_table for families and dimensions, as
   landscape-split prints them. */
#include <config.h>
#include <stdio.h>
#include <stdlib.h>
#include "landscape/lsc_overparam.h"
#include "landscape/lsc_scan.h"
#include "internal.h"

static const lsc_table_column cols[] = {
  { "family", LSC_TABLE_STRING }, { "d", LSC_TABLE_REAL },
  { "m", LSC_TABLE_INT }, { "split", LSC_TABLE_STRING },
  { "status", LSC_TABLE_STATUS }, { "parent_index", LSC_TABLE_REAL },
  { "index", LSC_TABLE_REAL }, { "zero", LSC_TABLE_REAL },
  { "structural", LSC_TABLE_REAL }, { "type", LSC_TABLE_STRING },
  { "index_2nd", LSC_TABLE_REAL }, { "full", LSC_TABLE_STRING },
  { "loss", LSC_TABLE_REAL }, { "isotropy", LSC_TABLE_STRING }
};

int
lsc_overparam_split_family_ok (const lsc_family *f)
{
  return f && lsc_young_k (&f->G) == lsc_young_d (&f->G);
}

static void
row (lsc_table *t, const lsc_family *f, const lsc_overparam_split_row *x)
{
  char nm[32];
  const char *fl = x->full == LSC_SCAN_FULL_OK ? "agree"
                   : x->full == LSC_SCAN_FULL_MISMATCH ? "MISMATCH" : "-";
  if (x->b2 < 0)
    snprintf (nm, sizeof nm, "%d/%zu", x->b1, x->m + 1);
  else
    snprintf (nm, sizeof nm, "%d+%d", x->b1, x->b2);
  lsc_table_cell_string (t, f->name);
  lsc_table_cell_real (t, x->d);
  lsc_table_cell_int (t, (long long) x->m);
  lsc_table_cell_string (t, nm);
  lsc_table_cell_status (t, x->verdict);
  lsc_table_cell_real (t, x->parent_index);
  if (x->status)
    {
      for (int c = 0; c < 5; c++)
        lsc_table_cell_empty (t);
      lsc_table_cell_string (t, fl);
      lsc_table_cell_empty (t);
    }
  else
    {
      lsc_table_cell_real (t, x->index);
      lsc_table_cell_real (t, x->zero);
      lsc_table_cell_real (t, x->nsplit);
      lsc_table_cell_string (t, x->type ? x->type : "");
      lsc_table_cell_real (t, x->second);
      lsc_table_cell_string (t, fl);
      lsc_table_cell_real (t, x->loss);
    }
  lsc_table_cell_string (t, x->isotropy);
  lsc_table_row_end (t);
}

int
lsc_overparam_split_write (lsc_table_output *o, const lsc_catalogue *cat,
                           const lsc_family *const *fams, size_t nf,
                           const double *dv, size_t nd, int full,
                           lsc_overparam_split_fail fail, void *ctx,
                           size_t *nbad)
{
  if (!o || (!fams && !cat) || (!dv && nd))
    LSC_ERROR ("lsc_overparam_split_write: NULL argument", LSC_EFAULT);
  size_t bad = 0, n = fams ? nf : cat->n;
  int rc = LSC_SUCCESS;
  lsc_overparam_split_row *rows = NULL;
  lsc_table *t = lsc_table_begin (o, "split", cols,
                                  sizeof cols / sizeof cols[0]);
  for (size_t i = 0; i < n && rc == LSC_SUCCESS; i++)
    {
      const lsc_family *f = fams ? fams[i] : &cat->fam[i];
      if (!fams && !lsc_overparam_split_family_ok (f))
        continue;
      void *nr = realloc (rows, LSC_OVERPARAM_SPLIT_MAXROWS (f->G.nrb)
                                * sizeof *rows);
      if (!nr)
        rc = LSC_ENOMEM;
      rows = nr ? nr : rows;
      for (size_t j = 0; j < nd && rc == LSC_SUCCESS; j++)
        {
          size_t m = 0;
          int st = lsc_overparam_split_table (rows, &m, f, dv[j], full);
          if (st == LSC_EDOM)
            continue;             /* the family does not exist at d */
          if (st == LSC_ENOMEM)
            rc = st;
          else if (st)
            {
              bad++;
              if (fail)
                fail (f, dv[j], st, ctx);
            }
          for (size_t r = 0; !st && r < m; r++)
            {
              bad += rows[r].verdict != 0;
              row (t, f, &rows[r]);
            }
        }
    }
  free (rows);
  if (nbad)
    *nbad = bad;
  int ts = lsc_table_end (t);
  return rc ? rc : ts;
}
