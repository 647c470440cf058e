/* Shared helpers of the landscape-* tools: program name, one-line errors
   and exit codes, checked option parsing, --version, and a table writer
   for the output formats of landscape-formats(5). */
#ifndef LSC_CLI_H
#define LSC_CLI_H

#include <stddef.h>
#include <stdio.h>

/* Exit codes of every tool (STYLE.md "CLI"). */
enum
{
  CLI_EXIT_OK = 0,        /* success                                      */
  CLI_EXIT_NOCONV = 1,    /* some rows did not converge (each has status) */
  CLI_EXIT_USAGE = 2,     /* usage or input error                         */
  CLI_EXIT_SYSTEM = 3     /* system error: memory, I/O, library failure   */
};

/* Record the program name (basename of argv0) for messages. */
void cli_init (const char *argv0);
const char *cli_program_name (void);

/* "prog: message" on stderr, one line (a trailing newline is added). */
void cli_error (const char *fmt, ...)
  __attribute__ ((format (printf, 1, 2)));
/* Same, then exit with status. */
_Noreturn void cli_fatal (int status, const char *fmt, ...)
  __attribute__ ((format (printf, 2, 3)));

/* Checked conversions of an option argument, in the C locale whatever the
   process locale: the whole string must be a decimal number (no hex, no
   inf/nan), finite, and for integers within [min, max].  On failure print
   "prog: invalid argument 'ARG' for OPT: reason" and exit 2. */
double cli_parse_double (const char *opt, const char *arg);
long cli_parse_long (const char *opt, const char *arg, long min, long max);

/* Print the --version text to stdout: tool and package version, then the
   versions of liblandscape, GSL, MPFR and LAPACK. */
void cli_version (void);

/* Flush and close stdout; on a write error print "prog: write error: ..."
   and return CLI_EXIT_SYSTEM, else return status.  Use as the last step:
   return cli_finish (status); */
int cli_finish (int status);

/* The family catalogue to read: given if not NULL, else the installed
   one (lsc_catalogue_default_path), else - in an uninstalled build - the
   source tree's data/families.tsv. */
const char *cli_catalogue_path (const char *given);

/* ---- tables ----
   An output holds one or more tables written in one format.  Rows are added
   cell by cell in column order.  TSV, JSON Lines, LaTeX and Markdown are
   streamed (each row is written as soon as it is complete); the aligned
   text format keeps the table until cli_table_end.  Allocation failures
   are fatal (exit 3). */
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
/* A missing value in a column of any type: empty in text, TSV, LaTeX and
   Markdown, null in JSON. */
void cli_cell_empty (cli_table *t);
/* Complete a row (all columns must have been given). */
void cli_row_end (cli_table *t);
/* Finish and free the table (writes the text table or the LaTeX footer). */
void cli_table_end (cli_table *t);

#endif
