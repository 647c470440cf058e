/* Reading matrices from text (whitespace or TAB separated), with errors
   that name the source and line. */
#ifndef LSC_IO_H
#define LSC_IO_H

#include <stddef.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif
#pragma GCC visibility push(default)

/* Read a dense matrix: one row per line, fields separated by blanks or TABs;
   '#' starts a comment; blank lines are ignored.  Numbers are parsed in the C
   locale with full checking.  On success *data (malloc'd, row-major, caller
   frees), *rows, *cols are set.  On failure returns LSC_EPARSE (non-number,
   ragged row), LSC_ENONFINITE (NaN/inf), LSC_EOF (no rows), LSC_ENOMEM, and
   writes "NAME:LINE: message" to errbuf (always NUL-terminated). */
int lsc_matrix_read (double **data, size_t *rows, size_t *cols, FILE *f,
                     const char *name, char *errbuf, size_t errlen);

/* Same as lsc_matrix_read; if lines != NULL, *lines receives a malloc'd
   array (caller frees) of the 1-based source line number of each row, so
   that callers can name the line of a row they reject (e.g. a zero row). */
int lsc_matrix_read_lines (double **data, size_t *rows, size_t *cols,
                           size_t **lines, FILE *f, const char *name,
                           char *errbuf, size_t errlen);

/* Same, from a file name ("-" means stdin).  A file that cannot be opened
   or read gives LSC_EFAILED with the system's reason in errbuf. */
int lsc_matrix_read_file (double **data, size_t *rows, size_t *cols,
                          const char *path, char *errbuf, size_t errlen);

#pragma GCC visibility pop
#ifdef __cplusplus
}
#endif
#endif
