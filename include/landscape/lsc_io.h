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
   (missing, not readable, a directory) gives LSC_EINVAL, a read error
   LSC_EFAILED, each with the system's reason in errbuf. */
int lsc_matrix_read_file (double **data, size_t *rows, size_t *cols,
                          const char *path, char *errbuf, size_t errlen);

/* Bounds on what a reader accepts, so that no input (an endless line such
   as /dev/zero, an endless file such as `yes 1`) makes it allocate without
   limit.  max_line: bytes in one line, newline excluded (default
   LSC_IO_MAX_LINE, 1 MiB); max_entries: numbers in the whole matrix
   (default LSC_IO_MAX_ENTRIES, 2^24 = 16777216, 128 MiB of doubles).
   Beyond either the reader stops at once with LSC_ELIMIT and a message
   that names the limit. */
#define LSC_IO_MAX_LINE ((size_t) 1 << 20)
#define LSC_IO_MAX_ENTRIES ((size_t) 1 << 24)
typedef struct
{
  size_t max_line;
  size_t max_entries;
} lsc_io_limits;

/* Set the defaults. */
void lsc_io_limits_init (lsc_io_limits *lim);

/* lsc_matrix_read_lines under the limits lim (NULL: the defaults).  The
   functions above use the defaults.  Out of memory is LSC_ENOMEM, never a
   parse error or an empty input. */
int lsc_matrix_read_limited (double **data, size_t *rows, size_t *cols,
                             size_t **lines, FILE *f, const char *name,
                             const lsc_io_limits *lim, char *errbuf,
                             size_t errlen);

/* lsc_matrix_read_file with row lines (lines may be NULL) and limits. */
int lsc_matrix_read_file_limited (double **data, size_t *rows, size_t *cols,
                                  size_t **lines, const char *path,
                                  const lsc_io_limits *lim, char *errbuf,
                                  size_t errlen);

/* Bytes a job may allocate: the smallest of 90% of MemAvailable
   (/proc/meminfo; of the physical memory when that is missing), 90% of
   the cgroup's memory.max less its memory.current, and the address-space
   limit (RLIMIT_AS); infinity when nothing is known, 0 when nothing is
   left.  Read afresh at each call. */
double lsc_memory_available (void);

/* A file replaced atomically: written to a temporary "DIR/.NAME.XXXXXX"
   beside the destination (created exclusively, mode 0666 less the umask),
   then flushed, synced (fsync) and renamed over the destination only when
   every write and the close succeeded; on failure the temporary is
   removed and the destination left untouched.  A destination that exists
   and is not a regular file (/dev/stdout, /dev/full, a FIFO) is opened
   and written in place.  Write to f; tmp is NULL in place.  The library
   keeps no state: a process that must also remove temporaries on a signal
   keeps its own list of the open ones (landscape's tools do). */
typedef struct
{
  FILE *f;           /* the stream to write                           */
  char *tmp;         /* the temporary's name; NULL: written in place  */
  char *path;        /* the destination                               */
} lsc_atomic_file;

/* Open path ("-" is not special).  0, or -1 with errno set and *a empty. */
int lsc_atomic_open (lsc_atomic_file *a, const char *path);

/* Flush, check, fsync and close a->f, then rename the temporary onto the
   destination.  0, or -1 with errno set, the temporary removed and the
   destination untouched.  *a is empty afterwards either way. */
int lsc_atomic_commit (lsc_atomic_file *a);

/* Close a->f and remove the temporary, leaving the destination untouched.
   A no-op on an empty *a. */
void lsc_atomic_discard (lsc_atomic_file *a);

#pragma GCC visibility pop
#ifdef __cplusplus
}
#endif
#endif
