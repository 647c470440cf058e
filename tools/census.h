/* landscape-census internals: the settings of a census and its resume-file
   lines (write, parse); the runs themselves are lsc_census(3). */
#ifndef LANDSCAPE_TOOLS_CENSUS_H
#define LANDSCAPE_TOOLS_CENSUS_H

#include <stddef.h>
#include <stdio.h>
#include "landscape.h"

/* Outcome of one run (lsc_census(3)). */
typedef lsc_census_run census_run;

/* Settings that make a census: a resume file records them in its first
   line and is only accepted by a census with the same ones. */
typedef struct
{
  size_t k, d, m;
  unsigned long long seed;
  const char *method;        /* "gd" or "lbfgs"                         */
  double step, gtol;
  size_t maxiter;
  const char *target;        /* file name, or "identity"                */
  unsigned long long target_hash;  /* census_target_hash of V (0 for
                                      identity)                         */
  unsigned long long catalogue_hash;  /* census_file_hash of the family
                                         catalogue (the runs' labels)   */
} census_config;

/* FNV-1a (64 bits) of a file's bytes (the catalogue: a resume against a
   changed catalogue is refused, its labels would be stale); 0 or -1 with
   errno set. */
int census_file_hash (unsigned long long *h, const char *path);

/* Parse one resume line (without its newline; modified) into r; 0 or
   -1. */
int census_parse_line (census_run *r, char *line);

/* --fractions: read the resume files paths[0..n) (read only, no lock),
   check that each was labelled with the catalogue of hash cat_hash, and
   print the spurious fraction of each census and each spurious family's
   share (census-fractions.c); the plot of the fractions against d to
   plot (may be NULL).  Exits 2 on a bad or stale file. */
struct lsc_table_output;
void census_fractions (struct lsc_table_output *out, const char *const *paths,
                       size_t n, unsigned long long cat_hash,
                       const char *plot);
/* Check --columns against the --fractions tables (exits 2). */
void census_fractions_check_columns (int fmt);

/* FNV-1a (64 bits) of the target's numbers as read (n doubles, their
   bytes in order): recorded in the resume file so that a resume against a
   changed target file is refused. */
unsigned long long census_target_hash (const double *V, size_t n);

/* The first line of a resume file for cf (with the newline), of any
   length (malloc'd; NULL if out of memory): version 2, the settings, the
   target's name (control characters and backslashes escaped) and its
   hash. */
char *census_header (const census_config *cf);

/* One resume line for r (with the newline). */
void census_format (char *buf, size_t len, const census_run *r);

/* Open the resume file (created if missing), take an exclusive lock on it
   (flock, held until the descriptor is closed: a second census on the
   same file fails at once), check its header against cf (settings and
   target hash), load its complete lines into runs[0..n) (lines of runs
   >= n are kept but ignored), truncate a torn last line, and return a
   descriptor open for appending, or -1 with a one-line message in err
   (the caller exits 2 for a file in use, of another census or with a
   malformed line, 3 for a system error: *syserr is set). */
int census_resume_open (const char *path, const census_config *cf,
                        census_run *runs, size_t n, size_t *nloaded,
                        char *err, size_t errlen, int *syserr);

/* Append a line with one write and fsync; 0 or -1 (errno set). */
int census_resume_append (int fd, const char *line);

/* --save-points: make sure dir is a writable directory (created if
   missing; exit 2 otherwise) before the first run. */
void census_points_dir (const char *dir);

/* Write W (k x d, one neuron per row, %.17g) of run to dir/run-RUN.tsv
   through a temporary renamed into place; 0 or -1 with errno set. */
int census_save_point (const char *dir, size_t run, const double *W,
                       const census_config *cf);

/* ---- report (census-report.c; needs cli.h and plot.h) ---- */

struct lsc_table_output;
/* Summary per family (by increasing loss: count, fraction, first loss and
   spread, index, smallest eigenvalue) and the totals table. */
void census_print_summary (struct lsc_table_output *out, const census_run *runs,
                           size_t n, const census_config *cf);
/* Check --columns and --standalone against the census tables (exits 2). */
void census_check_columns (int fmt);
/* Histogram of the losses (plot.h); exits on error. */
void census_write_plot (const char *path, const census_run *runs, size_t n,
                        const census_config *cf);
int census_plot_available (void);
int census_plot_check (const char *path);

#endif
