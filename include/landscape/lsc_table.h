/* Tables in the formats of landscape-formats(5): aligned text, TSV, JSON
   Lines, LaTeX (booktabs, siunitx) and Markdown, written cell by cell. */
#ifndef LSC_TABLE_H
#define LSC_TABLE_H

#include <stddef.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif
#pragma GCC visibility push(default)

typedef enum
{
  LSC_TABLE_TEXT,      /* aligned columns for a terminal                    */
  LSC_TABLE_TSV,       /* one header row, TAB separated                     */
  LSC_TABLE_JSON,      /* JSON Lines: one object per row, "table" key first */
  LSC_TABLE_LATEX,     /* booktabs tabular                                  */
  LSC_TABLE_MARKDOWN   /* pipe table                                        */
} lsc_table_format;

typedef enum
{
  LSC_TABLE_INT,       /* long long                                         */
  LSC_TABLE_REAL,      /* double: shortest round trip, or %.{digits}g       */
  LSC_TABLE_DECIMAL,   /* a number given as a decimal string (MPFR values)  */
  LSC_TABLE_STRING,    /* text                                              */
  LSC_TABLE_STATUS     /* status code, printed as lsc_status_token()        */
} lsc_table_coltype;

/* Column flags. */
enum
{
  LSC_TABLE_PAPER = 1, /* among the LaTeX default columns (a table with no
                          such column shows all its columns in LaTeX)      */
  LSC_TABLE_EXACT = 2, /* never rounded to the digits (exact integers)      */
  LSC_TABLE_EXTRA = 4  /* outside the defaults: shown only when named by
                          the column list (or "all")                       */
};

typedef struct
{
  const char *name;    /* column name: header, JSON key, column-list name   */
  lsc_table_coltype type;
} lsc_table_column;

/* A column of a table for papers: with its LaTeX header and flags. */
typedef struct
{
  const char *name;    /* column name: header, JSON key, column-list name   */
  lsc_table_coltype type;
  const char *tex;     /* LaTeX header (LaTeX source, e.g. "$d^*$"); NULL:
                          the escaped name                                 */
  int flags;           /* LSC_TABLE_PAPER, _EXACT, _EXTRA                   */
} lsc_table_pcolumn;

/* The digits of LaTeX tables when none are asked for. */
#define LSC_TABLE_LATEX_DIGITS 6
/* The size of the captioned LaTeX tables (floats and longtables): 9 pt
   in a 10 pt document, columns 4 pt apart, digits not grouped, so that
   the scan's default columns at d = 20 fit a 12.2 cm text width. */
#define LSC_TABLE_LATEX_SIZE \
  "\\small\\setlength{\\tabcolsep}{4pt}\\sisetup{group-digits=false}"

/* Options of an output (plain data; zero-filled or NULL = the defaults). */
typedef struct
{
  int digits;          /* significant digits of REAL and DECIMAL cells
                          (1..17 for reals; decimals are rounded in
                          decimal); 0: round trip (%.17g shortest, decimals
                          as given), except in LaTeX: LSC_TABLE_LATEX_DIGITS */
  const char *columns; /* comma-separated column names, "all", "default"
                          or NULL (the defaults)                           */
  int standalone;      /* LaTeX: a complete document around the tables     */
  const char *label;   /* LaTeX: captioned tables get \label{tab:LABEL-NAME}
                          (NAME: the table's name); NULL: tab:NAME          */
} lsc_table_opts;

typedef struct lsc_table_output lsc_table_output;
typedef struct lsc_table lsc_table;

/* An output holds one or more tables written to out in one format.  TSV,
   JSON Lines, LaTeX and Markdown rows are written as soon as complete;
   text (and captioned LaTeX) tables are kept until lsc_table_end.
   Returns NULL on allocation failure or an invalid format.  The output
   writes to out, never closes it; nothing else is printed. */
lsc_table_output *lsc_table_output_alloc (FILE *out, lsc_table_format fmt,
                                          const lsc_table_opts *opts);
/* Finish the output (the end of a standalone document) and free it;
   NULL is a no-op.  Returns the output's status (see below). */
int lsc_table_output_free (lsc_table_output *o);
lsc_table_format lsc_table_output_format (const lsc_table_output *o);
/* The output's status: LSC_SUCCESS, or the first failure of a call on it
   or its tables (LSC_ENOMEM; LSC_EINVAL for a cell of the wrong type, a
   cell too many, a row or table ended early).  After a failure every
   call on the output and its tables does nothing and returns it. */
int lsc_table_output_status (const lsc_table_output *o);
/* Rows written with the status enonfinite in place of ok (see
   lsc_table_cell_real). */
size_t lsc_table_output_demoted (const lsc_table_output *o);

/* Start a table named name (the JSON "table" value and the LaTeX comment);
   names and columns are copied.  NULL on failure (see the status). */
lsc_table *lsc_table_begin (lsc_table_output *o, const char *name,
                            const lsc_table_column *cols, size_t ncols);
/* Same, with a caption (LaTeX source, used only by LaTeX): a table float
   with \caption and \label, set at LSC_TABLE_LATEX_SIZE, numeric columns
   as siunitx S columns aligned on the decimal point. */
lsc_table *lsc_table_begin_captioned (lsc_table_output *o, const char *name,
                                      const char *caption,
                                      const lsc_table_column *cols,
                                      size_t ncols);
/* Same with paper columns (LaTeX headers, default and exact columns);
   longtab: in LaTeX a longtable (no float) whose rows are grouped by the
   first column (a repeated first cell left blank, groups set apart by
   \addlinespace). */
lsc_table *lsc_table_begin_paper (lsc_table_output *o, const char *name,
                                  const char *caption,
                                  const lsc_table_pcolumn *cols,
                                  size_t ncols, int longtab);

/* Cells, in column order; each returns the output's status.  No NaN in a
   table: a non-finite double (or an MPFR "@NaN@", "@Inf@", "nan", "inf"
   decimal) is written as a missing value (empty; JSON null), and a row
   holding one with an ok status cell is written with the status
   enonfinite instead (counted by lsc_table_output_demoted). */
int lsc_table_cell_int (lsc_table *t, long long v);
int lsc_table_cell_real (lsc_table *t, double v);
int lsc_table_cell_decimal (lsc_table *t, const char *s);
/* In the formats read by people (text, LaTeX, Markdown) a value with
   |v| <= err (an error bound) is written as 0: rounding noise is not a
   digit.  TSV and JSON keep the value as computed. */
int lsc_table_cell_real_err (lsc_table *t, double v, double err);
int lsc_table_cell_decimal_err (lsc_table *t, const char *s, double err);
int lsc_table_cell_string (lsc_table *t, const char *s);
/* s in every format but LaTeX, where tex (LaTeX source) is written. */
int lsc_table_cell_string_tex (lsc_table *t, const char *s, const char *tex);
int lsc_table_cell_status (lsc_table *t, int status);
/* A status column holding a token that is not a library status (e.g.
   absent, coincident); "ok" counts as an ok status. */
int lsc_table_cell_status_token (lsc_table *t, const char *token);
/* A missing value in a column of any type (empty; JSON null). */
int lsc_table_cell_empty (lsc_table *t);
/* Complete a row (every column given). */
int lsc_table_row_end (lsc_table *t);
/* Finish (the text table, the LaTeX footer) and free the table; NULL is a
   no-op.  Returns the output's status. */
int lsc_table_end (lsc_table *t);

/* Format names: "text", "tsv", "json", "latex", "markdown".  _parse gives
   LSC_EINVAL for any other name (*fmt unchanged); _name gives "?" for an
   invalid format. */
int lsc_table_format_parse (lsc_table_format *fmt, const char *name);
const char *lsc_table_format_name (lsc_table_format fmt);
/* The format named by a file name's extension (.tsv, .txt, .json, .jsonl,
   .tex, .md; the last dot of the last path component); LSC_EINVAL (*fmt
   unchanged) for any other or none. */
int lsc_table_format_from_path (lsc_table_format *fmt, const char *path);

/* Check a column list (lsc_table_opts.columns) against the tables that
   will be written, given as ntab column arrays: every name must be a
   column of one of them ("all" and "default" always pass).  LSC_EINVAL
   with a one-line reason in err (naming the columns there are) if not,
   also for an empty list. */
int lsc_table_columns_check (char *err, size_t errlen, const char *columns,
                             const lsc_table_pcolumn *const *tabs,
                             const size_t *ncols, size_t ntab);

/* A Morse index (or any sum of multiplicities) v at dimension d as exact
   text: an integer when it is one; else, for a decimal d with f <= 6
   digits after the point, v rounded to 2f+1 digits after the point
   without trailing zeros (twice an index is an integer polynomial of
   degree 2 in d); else the shortest round-trip decimal. */
void lsc_table_index_text (char *buf, size_t len, double v, double d);
/* The isotropy spec of a catalogue family (landscape-families(5)) in
   LaTeX: kd:L,2 is $\Delta(S_{d-2}\times S_{2})$; other specs verbatim,
   escaped. */
void lsc_table_isotropy_tex (char *buf, size_t len, const char *spec);

/* Number grammars of lsc_table_number_syntax. */
enum
{
  LSC_TABLE_NUMBER_JSON = 0,     /* -?(0|[1-9]d*)(.d+)?([eE][+-]?d+)?      */
  LSC_TABLE_NUMBER_DECIMAL = 1   /* [+-]?(d+(.d*)?|.d+)([eE][+-]?d+)?: the
                                    tools' real options, e.g. 1e6, -2.5  */
};
/* 1 if all of s is a number of the grammar (LSC_TABLE_NUMBER_*), else 0
   (also for an unknown grammar).  Both share one exponent rule. */
int lsc_table_number_syntax (const char *s, int grammar);

#pragma GCC visibility pop
#ifdef __cplusplus
}
#endif
#endif
