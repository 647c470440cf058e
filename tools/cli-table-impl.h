/* Private part of the tools' table writer (cli-table.c, cli-table-fmt.c):
   the output and table structures and the helpers both files use. */
#ifndef LSC_CLI_TABLE_IMPL_H
#define LSC_CLI_TABLE_IMPL_H

#include "cli.h"

struct cli_output
{
  FILE *out;
  cli_format fmt;
  int digits;
  size_t ntables;
};

struct cli_table
{
  cli_output *o;
  char *name;
  cli_column *cols;
  size_t ncols;
  size_t col;            /* next column of the current row           */
  char **cells;          /* text format: all cells, row-major        */
  size_t ncells, cap;
  char *row;             /* streaming formats: current row, built up */
  size_t rowlen, rowcap;
  int captioned;         /* LaTeX: table float with siunitx columns  */
  /* captioned LaTeX: rows are kept until the end, when each numeric
     column gets S[table-format=...] from the widest number in it */
  char *head;            /* the header line (column names)           */
  struct latex_fmt
  {
    int intd, decd, expd, neg, expneg, any;
  } *lf;
  /* the current row, for "no NaN on an ok row" (cli-table.h) */
  int row_nonfinite;     /* a non-finite real was given               */
  int row_ok;            /* its status cell holds ok                  */
  size_t status_at;      /* text: index in cells; else offset in row  */
};


/* cli-table.c: append to the current row buffer. */
void cli_row_put (cli_table *t, const char *s, size_t n);
void cli_row_puts (cli_table *t, const char *s);
/* 1 for int, real and decimal columns. */
int cli_col_numeric (cli_coltype ty);

/* cli-table-fmt.c: escaping, number measures and the buffered formats. */
void cli_put_escaped (cli_table *t, const char *s);
void cli_latex_measure (struct latex_fmt *f, const char *text);
int cli_is_json_number (const char *s);
void cli_write_latex (cli_table *t);
void cli_write_text (cli_table *t);

/* cli-opt.c: 1 if s is empty or an exponent [eE][+-]?d+ and nothing more
   (the common tail of the number grammars). */
int cli_exponent_ends (const char *s);

#endif
