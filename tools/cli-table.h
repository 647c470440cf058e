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

/* Column flags. */
enum
{
  CLI_COLF_PAPER = 1,  /* among the LaTeX default columns (a table with no
                          such column shows all its columns in LaTeX)     */
  CLI_COLF_EXACT = 2,  /* never rounded to --digits (exact integers)      */
  CLI_COLF_EXTRA = 4   /* outside the LaTeX defaults shown only when named
                          by --columns (or --columns=all)                 */
};

typedef struct
{
  const char *name;  /* column name: header, JSON key, --columns name       */
  cli_coltype type;
} cli_column;

/* A column of a table for papers: with its LaTeX header and flags. */
typedef struct
{
  const char *name;  /* column name: header, JSON key, --columns name       */
  cli_coltype type;
  const char *tex;   /* LaTeX header (LaTeX source, e.g. "$d^*$"); NULL:
                        the escaped name                                  */
  int flags;         /* CLI_COLF_*                                        */
} cli_pcolumn;

typedef struct cli_output cli_output;
typedef struct cli_table cli_table;

/* digits: significant digits of REAL and DECIMAL cells (DECIMAL cells
   are rounded in decimal; columns flagged CLI_COLF_EXACT are never
   rounded); 0 means round-trippable (%.17g, decimals as given) except in
   LaTeX, where 0 means CLI_LATEX_DIGITS.  The output also takes
   cli_table_columns and cli_table_standalone (below). */
#define CLI_LATEX_DIGITS 6
/* The size of the captioned LaTeX tables (floats and longtables): 9 pt
   in a 10 pt document, columns 4 pt apart, digits not grouped, so that the default columns
   at d = 20 fit a 12.2 cm text width; never below 8 pt, never scaled. */
#define CLI_LATEX_SIZE \
  "\\small\\setlength{\\tabcolsep}{4pt}\\sisetup{group-digits=false}"
cli_output *cli_output_new (FILE *out, cli_format fmt, int digits);

/* --columns=LIST and --standalone of the tools (read by cli_output_new).
   LIST is a comma-separated list of column names, "all" or "default".
   Each table shows the columns of LIST it has, in LIST's order; a table
   with none of them, and every table without --columns, shows its
   default columns: in LaTeX those flagged CLI_COLF_PAPER (all if none
   is), in the other formats all.  --standalone (LaTeX only) wraps the
   tables in a complete document; without it LaTeX output is a fragment
   for \input (needs booktabs, siunitx, longtable and amsmath). */
extern const char *cli_table_columns;
extern int cli_table_standalone;
/* The two options in a getopt_long table (needs getopt.h), and their
   codes: case CLI_OPT_COLUMNS: cli_table_columns = optarg; break;
   case CLI_OPT_STANDALONE: cli_table_standalone = 1; break; */
enum { CLI_OPT_COLUMNS = 0x2000, CLI_OPT_STANDALONE };
#define CLI_TABLE_LONGOPTS \
  { "columns", required_argument, NULL, CLI_OPT_COLUMNS }, \
  { "standalone", no_argument, NULL, CLI_OPT_STANDALONE }
/* The isotropy spec of a catalogue family (landscape-families(5)) in
   LaTeX: kd:L,2 is $\Delta(S_{d-2}\times S_{2})$; other forms verbatim. */
void cli_isotropy_tex (char *buf, size_t len, const char *spec);
/* Check the two options before any work: every name of LIST must be a
   column of one of the ntab tables given as (const cli_pcolumn *, size_t)
   pairs, and --standalone needs the LaTeX format.  Exits with status 2
   and a one-line message otherwise. */
void cli_table_check (cli_format fmt, size_t ntab, ...);
void cli_output_free (cli_output *o);
cli_format cli_output_get_format (const cli_output *o);

/* Start a table named name (used as the JSON "table" value and the LaTeX
   comment); columns are copied. */
cli_table *cli_table_begin (cli_output *o, const char *name,
                            const cli_column *cols, size_t ncols);
/* Same, with a caption (LaTeX source, used only by the LaTeX format): the
   tabular is wrapped in a table float with \caption{caption} and
   \label{tab:TOOL-NAME} (TOOL: the program name without "landscape-"),
   set at CLI_LATEX_SIZE, and numeric
   columns become siunitx S columns (aligned on the decimal point; headers
   braced).  Needs \usepackage{booktabs,siunitx}. */
cli_table *cli_table_begin_captioned (cli_output *o, const char *name,
                                      const char *caption,
                                      const cli_column *cols, size_t ncols);
/* Same with paper columns (LaTeX headers, the default columns of LaTeX,
   exact columns); longtab: in LaTeX a longtable (may break across pages;
   no float) whose rows are grouped by the first column: a group's
   repeated first cell is left blank and groups are set apart by
   \\addlinespace. */
cli_table *cli_table_begin_paper (cli_output *o, const char *name,
                                  const char *caption,
                                  const cli_pcolumn *cols, size_t ncols,
                                  int longtab);
void cli_cell_int (cli_table *t, long long v);
void cli_cell_real (cli_table *t, double v);
void cli_cell_decimal (cli_table *t, const char *s);
/* In the formats read by people (text, LaTeX, Markdown) a value whose
   size is at most err (an error bound: |v| <= err) is written as 0:
   rounding noise is not a digit.  TSV and JSON keep the value as
   computed. */
void cli_cell_real_err (cli_table *t, double v, double err);
void cli_cell_decimal_err (cli_table *t, const char *s, double err);
void cli_cell_string (cli_table *t, const char *s);
/* A string written as s in every format but LaTeX, where tex (LaTeX
   source, not escaped) is written instead. */
void cli_cell_string_tex (cli_table *t, const char *s, const char *tex);
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
