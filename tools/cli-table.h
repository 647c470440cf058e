/* Tables of the landscape-* tools in the formats of landscape-formats(5):
   aligned text, TSV, JSON Lines, LaTeX (booktabs) and Markdown. */
#ifndef LSC_CLI_TABLE_H
#define LSC_CLI_TABLE_H

#include <stddef.h>
#include <stdio.h>

/* An output holds one or more tables written in one format.  Rows are added
   cell by cell in column order.  TSV, JSON Lines, LaTeX and Markdown are
   streamed (each row is written as soon as it is complete); the aligned
   text format keeps the table until cli_table_end.  Allocation failures
   are fatal (exit 3).

   No NaN in a table: a non-finite double given to cli_cell_real is
   written as a missing value (empty, JSON null), and a row that has such
   a cell and a status column holding ok is written with the status
   enonfinite instead (a row is ok only if all its numbers are); such
   rows are counted (cli_table_demoted_rows) and make cli_finish turn a
   success exit into 1. */
typedef enum
{
  CLI_FMT_TEXT,      /* aligned columns for a terminal                      */
  CLI_FMT_TSV,       /* one header row, TAB separated                       */
  CLI_FMT_JSON,      /* JSON Lines: one object per row, "table" key first   */
  CLI_FMT_LATEX,     /* booktabs tabular                                    */
  CLI_FMT_MARKDOWN   /* pipe table                                          */
} cli_format;

/* Parse "text|tsv|json|latex|markdown" (exit 2 on anything else). */
cli_format cli_parse_format (const char *opt, const char *arg);
/* text when stdout is a terminal, else tsv. */
cli_format cli_default_format (void);

typedef enum
{
  CLI_COL_INT,       /* long long                                           */
  CLI_COL_REAL,      /* double: %.17g, or %.{digits}g                       */
  CLI_COL_DECIMAL,   /* a number given as a decimal string (MPFR values)    */
  CLI_COL_STRING,    /* text                                                */
  CLI_COL_STATUS     /* status code, printed as lsc_status_token()          */
} cli_coltype;

typedef struct
{
  const char *name;  /* column name: header, JSON key                       */
  cli_coltype type;
} cli_column;

typedef struct cli_output cli_output;
typedef struct cli_table cli_table;

/* digits: significant digits for REAL cells, 0 means round-trippable
   (%.17g). */
cli_output *cli_output_new (FILE *out, cli_format fmt, int digits);
void cli_output_free (cli_output *o);

/* Start a table named name (used as the JSON "table" value and the LaTeX
   comment); columns are copied. */
cli_table *cli_table_begin (cli_output *o, const char *name,
                            const cli_column *cols, size_t ncols);
/* Same, with a caption (LaTeX source, used only by the LaTeX format): the
   tabular is wrapped in a table float with \caption{caption}, and numeric
   columns become siunitx S columns (aligned on the decimal point; headers
   braced).  Needs \usepackage{booktabs,siunitx}. */
cli_table *cli_table_begin_captioned (cli_output *o, const char *name,
                                      const char *caption,
                                      const cli_column *cols, size_t ncols);
void cli_cell_int (cli_table *t, long long v);
void cli_cell_real (cli_table *t, double v);
void cli_cell_decimal (cli_table *t, const char *s);
void cli_cell_string (cli_table *t, const char *s);
void cli_cell_status (cli_table *t, int status);
/* A status cell holding a token that is not a library status (e.g. scan's
   absent, coincident, incomplete); "ok" is treated as cli_cell_status's ok. */
void cli_cell_status_token (cli_table *t, const char *token);
/* A missing value in a column of any type: empty in text, TSV, LaTeX and
   Markdown, null in JSON. */
void cli_cell_empty (cli_table *t);
/* Complete a row (all columns must have been given). */
void cli_row_end (cli_table *t);
/* Finish and free the table (writes the text table or the LaTeX footer). */
void cli_table_end (cli_table *t);

/* Rows whose ok status was replaced by enonfinite (see above), over the
   whole process. */
size_t cli_table_demoted_rows (void);

#endif
