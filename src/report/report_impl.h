/* Private part of the table writer (lsc_table.h): the output and table
   structures and the helpers the src/report/table*.c files share. */
#ifndef LSC_REPORT_IMPL_H
#define LSC_REPORT_IMPL_H

#include <stddef.h>
#include <stdio.h>
#include "landscape/lsc_table.h"

struct lsc_table_output
{
  FILE *out;
  lsc_table_format fmt;
  int digits;            /* REAL cells: 1..17 (17: shortest round trip) */
  int ddigits;           /* DECIMAL cells: 0 (as given) or the digits   */
  size_t ntables;
  char *columns;         /* the column list (NULL: the defaults)        */
  int standalone;        /* LaTeX document around the tables            */
  char *label;           /* LaTeX label prefix (NULL: none)             */
  int status;            /* first failure (sticky)                      */
  size_t demoted;        /* rows whose ok became enonfinite             */
};

struct lsc_table
{
  lsc_table_output *o;
  char *name;
  lsc_table_pcolumn *cols;
  size_t ncols;
  size_t *sel, nsel;     /* the columns shown, in order                 */
  char **cur;            /* the current row's cells (formatted, escaped)
                            by column; NULL: not given yet             */
  size_t col;            /* next column of the current row              */
  char **cells;          /* text: shown cells, row-major; captioned
                            LaTeX: the kept row lines                   */
  size_t ncells, cap;
  char *row;             /* scratch: the cell or row being built        */
  size_t rowlen, rowcap;
  int captioned;         /* LaTeX: table float with siunitx columns     */
  int longtab;           /* LaTeX: longtable grouped by column 0        */
  char *prevgroup;       /* longtable: the previous row's first cell    */
  char *head;            /* the header line (column names)              */
  char *caption;         /* longtable: its caption                      */
  struct lsc_rpt_latex_fmt
  {
    int intd, decd, expd, neg, expneg, any;
  } *lf;                 /* captioned LaTeX: number widths by shown col */
  /* the current row, for "no NaN on an ok row" */
  int row_nonfinite;     /* a non-finite real was given                 */
  int row_ok;            /* its status cell holds ok                    */
  size_t status_col;     /* its column                                  */
};

/* Record a failure on o (the first one sticks), report it through the
   error hook; returns o's status. */
int lsc_rpt_fail (lsc_table_output *o, const char *reason, int status,
                  const char *file, int line);
#define LSC_RPT_FAIL(o, reason, status) \
  lsc_rpt_fail ((o), (reason), (status), __FILE__, __LINE__)
/* malloc/strdup that record LSC_ENOMEM on o. */
void *lsc_rpt_malloc (lsc_table_output *o, size_t n);
char *lsc_rpt_strdup (lsc_table_output *o, const char *s);

/* table.c: the scratch buffer (append; take as a string and reset). */
void lsc_rpt_put (lsc_table *t, const char *s, size_t n);
void lsc_rpt_puts (lsc_table *t, const char *s);
char *lsc_rpt_take (lsc_table *t);
/* 1 for int, real and decimal columns. */
int lsc_rpt_numeric (lsc_table_coltype ty);
/* Keep a line (captioned LaTeX, text) in t->cells (s is owned). */
void lsc_rpt_keep (lsc_table *t, char *s);

/* table_fmt.c: escaping, number measures and the buffered formats. */
void lsc_rpt_escaped (lsc_table *t, const char *s);
void lsc_rpt_latex_measure (struct lsc_rpt_latex_fmt *f, const char *text);
void lsc_rpt_write_latex (lsc_table *t);
void lsc_rpt_write_text (lsc_table *t);
/* The header row of a streaming or LaTeX table into the scratch buffer. */
void lsc_rpt_header (lsc_table *t, const char *caption);

/* table_sel.c: column selection and the standalone document. */
int lsc_rpt_select (lsc_table *t);
void lsc_rpt_standalone_begin (lsc_table_output *o);
void lsc_rpt_standalone_end (lsc_table_output *o);

/* table_num.c: number grammars and decimal rounding. */
/* s rounded to digits significant digits, malloc'd (a copy of s when it
   is not a plain decimal number or has no more digits); NULL: no memory. */
char *lsc_rpt_round_decimal (const char *s, int digits);

#endif
