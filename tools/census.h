/* landscape-census internals: the record of one run and its resume-file
   line (write, parse), shared by the tool and bench/bench-census.c. */
#ifndef LSC_CENSUS_H
#define LSC_CENSUS_H

#include <stddef.h>
#include <stdio.h>
#include "landscape.h"

/* Outcome of one run: descent, Newton polish, spectrum, classification. */
typedef struct
{
  int done;
  size_t run;
  unsigned long seed;        /* gsl_rng_set seed of its stream          */
  size_t iter, nfev;         /* descent iterations, gradient evaluations
                                (descent + polish)                      */
  double time;               /* wall seconds                            */
  double loss, gnorm, min_eig;
  size_t index, nzero;
  int status;                /* final status (polish, else descent)     */
  int kind;                  /* lsc_class_kind, or -1 when not classified */
  char family[64];           /* catalogue name, "global", "-"           */
  char isotropy[160];        /* spec or ""                              */
  size_t np;
  double p[LSC_FAMILY_MAXP];
} census_run;

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
} census_config;

/* FNV-1a (64 bits) of the target's numbers as read (n doubles, their
   bytes in order): recorded in the resume file so that a resume against a
   changed target file is refused. */
unsigned long long census_target_hash (const double *V, size_t n);

/* Do one run (stream seed from (seed, run)); ws with Hessian storage and
   L-BFGS memory, W and ev of length k d, rng any gsl_rng. */
void census_do_run (census_run *r, size_t run, const census_config *cf,
                    const lsc_problem *p, const lsc_descent_params *par,
                    const lsc_classifier *cl, lsc_descent_workspace *ws,
                    double *W, double *ev, gsl_rng *rng);

/* Token of a class kind ("global", "catalogue", "new", "nosym", "unsup",
   "-" for -1). */
const char *census_kind_token (int kind);

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

/* ---- report (census-report.c; needs cli.h and plot.h) ---- */

/* New families, labelled new-1, new-2, ... in run order. */
typedef struct
{
  size_t n;
  const census_run *first[256];
} new_families;

/* Set r->family for kinds without a catalogue name: "none" (no symmetry),
   "unclassified" (other target), new-N (same isotropy and parameters
   within ptol as the N-th new family met in run order). */
void census_label_run (census_run *r, new_families *nf, double ptol);

struct cli_output;
/* Summary per family (by increasing loss: count, fraction, first loss and
   spread, index, smallest eigenvalue) and the totals table. */
void census_print_summary (struct cli_output *out, const census_run *runs,
                           size_t n);
/* Histogram of the losses (plot.h); exits on error. */
void census_write_plot (const char *path, const census_run *runs, size_t n,
                        const census_config *cf);
int census_plot_available (void);
int census_plot_check (const char *path);

#endif
