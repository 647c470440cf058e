/* Private part of the tools' table writer (cli-table.c, cli-table-fmt.c,
   cli-table-sel.c): the output and table structures and the helpers these
   files share. */
#ifndef LSC_CLI_TABLE_IMPL_H
#define LSC_CLI_TABLE_IMPL_H

#include "cli.h"

struct cli_output
{
  FILE *out;
  cli_format fmt;
  int digits;            /* REAL cells: 1..17 (17: shortest round trip) */
  int ddigits;           /* DECIMAL cells: 0 (as given) or the digits   */
  size_t ntables;
  const char *columns;   /* --columns (NULL: the defaults)              */
  int standalone;        /* LaTeX document around the tables            */
};

struct cli_table
{
  cli_output *o;
  char *name;
  cli_pcolumn *cols;
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
  struct latex_fmt
  {
    int intd, decd, expd, neg, expneg, any;
  } *lf;                 /* captioned LaTeX: number widths by shown col */
  /* the current row, for "no NaN on an ok row" (cli-table.h) */
  int row_nonfinite;     /* a non-finite real was given                 */
  int row_ok;            /* its status cell holds ok                    */
  size_t status_col;     /* its column                                  */
};

/* cli-table.c: append to the scratch buffer. */
void cli_row_put (cli_table *t, const char *s, size_t n);
void cli_row_puts (cli_table *t, const char *s);
/* 1 for int, real and decimal columns. */
int cli_col_numeric (cli_coltype ty);
/* Keep a line (captioned LaTeX, text) in t->cells. */
void cli_keep (cli_table *t, char *s);

/* cli-table-fmt.c: escaping, number measures and the buffered formats. */
void cli_put_escaped (cli_table *t, const char *s);
void cli_latex_measure (struct latex_fmt *f, const char *text);
int cli_is_json_number (const char *s);
void cli_write_latex (cli_table *t);
void cli_write_text (cli_table *t);
/* The header row of a streaming or LaTeX table into the scratch buffer. */
void cli_header (cli_table *t, const char *caption);

/* cli-table-sel.c: column selection, the standalone document, decimal
   rounding. */
void cli_select (cli_table *t);
void cli_standalone_begin (cli_output *o);
void cli_standalone_end (cli_output *o);
/* s rounded to digits significant digits, as a malloc'd string (a copy
   of s when it is not a plain decimal number or has no more digits). */
char *cli_round_decimal (const char *s, int digits);

/* cli-opt.c: 1 if s is empty or an exponent [eE][+-]?d+ and nothing more
   (the common tail of the number grammars). */
int cli_exponent_ends (const char *s);

#endif
