/* Census job: one random start taken through descent, Newton polish,
   Hessian spectrum and classification, and a whole census of such runs
   (lsc_census(3); landscape-census(1) and the Python package call it). */
#ifndef LSC_CENSUS_H
#define LSC_CENSUS_H

#include <stddef.h>
#include "landscape/lsc_loss.h"
#include "landscape/lsc_descent.h"
#include "landscape/lsc_io.h"
#include "landscape/lsc_families.h"

#ifdef __cplusplus
extern "C" {
#endif
#pragma GCC visibility push(default)

/* Outcome of one run. */
typedef struct
{
  int done;                  /* 1 once the run has been made (or loaded) */
  size_t run;
  unsigned long seed;        /* gsl_rng_set seed of its stream
                                (lsc_descent_stream_seed (seed, run))    */
  size_t iter, nfev;         /* descent iterations, gradient evaluations
                                (descent + polish)                       */
  double time;               /* wall seconds                             */
  double loss, gnorm, min_eig;
  size_t index, nzero;
  int status;                /* final status (classification, spectrum,
                                polish, else descent)                    */
  int kind;                  /* lsc_class_kind, or -1 when not classified */
  char family[64];           /* catalogue name, "global", "-"            */
  char isotropy[160];        /* spec or ""                               */
  size_t np;
  double p[LSC_FAMILY_MAXP]; /* fixed-space parameters (classified)      */
} lsc_census_run;

/* Workspace for runs of one (k, d, m) problem with the L-BFGS memory of
   par (NULL: defaults): descent workspace with Hessian storage, W, the
   eigenvalues and a Mersenne Twister stream.  NULL on failure. */
typedef struct lsc_census_workspace lsc_census_workspace;
lsc_census_workspace *lsc_census_alloc (size_t k, size_t d, size_t m,
                                        const lsc_descent_params *par);
void lsc_census_free (lsc_census_workspace *w);   /* NULL is a no-op */

/* Run number run of the census with master seed: Xavier start from the
   stream lsc_descent_stream_seed (seed, run), lsc_descent_run, then (also
   after LSC_EMAXITER or LSC_ESTEPUNDER, which leave a point worth
   polishing) lsc_descent_newton, the Hessian eigenvalues and
   lsc_classify with cl.  r is filled in every case (r->status tells how
   the run ended; loss and gnorm are those of the last finite stage).
   The same (seed, run, p, par, cl) give the same r except r->time.
   Returns r->status, or LSC_EBADLEN when w or cl was made for other
   sizes. */
int lsc_census_do_run (lsc_census_run *r, unsigned long long seed,
                       size_t run, const lsc_problem *p,
                       const lsc_descent_params *par,
                       const lsc_classifier *cl, lsc_census_workspace *w);

/* The end point W (k x d) of the last run made with w. */
const double *lsc_census_point (const lsc_census_workspace *w);

/* runs[i] = run first + i, i < n, in one thread.  Returns LSC_SUCCESS
   (each run carries its status), LSC_ENOMEM or LSC_EBADLEN. */
int lsc_census (lsc_census_run *runs, size_t first, size_t n,
                unsigned long long seed, const lsc_problem *p,
                const lsc_descent_params *par, const lsc_classifier *cl);

/* Token of a class kind: "global", "catalogue", "new", "nosym", "unsup",
   "-" for -1 or an unknown kind. */
const char *lsc_census_kind_token (int kind);

/* The kind of a token (the inverse of lsc_census_kind_token), -2 when it
   is none of them. */
int lsc_census_kind_parse (const char *token);

/* New families met so far (their first runs). */
typedef struct
{
  size_t n;
  const lsc_census_run *first[256];
} lsc_census_labels;

/* Set r->family for kinds without a catalogue name: "none" (no symmetry),
   "unclassified" (other target), and for a new Young-type family a name
   derived from its isotropy and the signs of its block diagonals
   (lsc_branch_family_name, e.g. "Y4-1_aff"), the same in every census: a
   run with the same isotropy and every parameter within ptol of a new
   family met before gets that family's name; a different family whose
   derived name is taken gets "/L" and its loss (%.6g) appended.  labels,
   zeroed before the first run, records the first run of each family (past
   256 a further family still gets its derived name).
   Call it for the runs in run order. */
void lsc_census_label (lsc_census_run *r, lsc_census_labels *labels,
                       double ptol);

/* lsc_census_label, and a new family whose derived name a family of cat
   (may be NULL) already bears gets "/L" and its loss (%.6g) appended: the
   classifier found the point in no catalogue family, so the name would
   lump it with another (landscape-census's summary counted two runs of a
   second rows:L,4,1 branch under Y4e1_af). */
void lsc_census_label_catalogue (lsc_census_run *r, lsc_census_labels *labels,
                                 double ptol, const lsc_catalogue *cat);

/* ---- Aggregation (summary.c) ---- */

/* What a run ended at, the one rule of every census report: failed (not
   classified, or not made), the global minimum (classified global), a
   spurious minimum (Morse index 0, any other family) or a saddle. */
enum
{
  LSC_CENSUS_GLOBAL = 0,
  LSC_CENSUS_SPURIOUS = 1,
  LSC_CENSUS_SADDLE = 2,
  LSC_CENSUS_FAILED = 3
};
int lsc_census_outcome (const lsc_census_run *r);

/* The rounding error of a double loss evaluation at k neurons,
   2^-45 (k + 1)^2: smaller losses are reported as 0. */
double lsc_census_loss_noise (size_t k);

/* One family (one label) met by a census. */
typedef struct
{
  char family[64];
  char isotropy[160];
  size_t first;              /* its first run (index into runs)         */
  size_t count;
  double fraction;           /* count / runs                             */
  double loss, loss_lo, loss_hi;  /* the first run's loss, the range     */
  size_t index;              /* Morse index and smallest eigenvalue of   */
  double min_eig;            /* its first run                            */
  int kind;                  /* lsc_class_kind of its first run          */
  int outcome;               /* LSC_CENSUS_GLOBAL, _SPURIOUS or _SADDLE  */
} lsc_census_family_share;

/* A census aggregated. */
typedef struct
{
  size_t runs;
  size_t count[4];           /* runs by outcome (LSC_CENSUS_*)           */
  double spurious_fraction;  /* count[LSC_CENSUS_SPURIOUS] / runs (NaN
                                for no runs)                             */
  double noise;              /* lsc_census_loss_noise (k)                */
  size_t nfam;
  lsc_census_family_share *fam;  /* by increasing loss of the first run */
} lsc_census_summary;

/* Aggregate runs[0..n) of a census with k neurons into s (families by
   label and outcome - "none" minima apart from "none" saddles - in order
   of increasing loss; failed runs in no family).  Free
   with lsc_census_summary_clear.  LSC_SUCCESS, LSC_EFAULT or
   LSC_ENOMEM. */
int lsc_census_summarize (lsc_census_summary *s, const lsc_census_run *runs,
                          size_t n, size_t k);
void lsc_census_summary_clear (lsc_census_summary *s);  /* NULL: no-op */

/* ---- The census as a job: settings, resume file, driver ---- */

/* The settings that make a census: a resume file records them in its
   first line and is only accepted by a census with the same ones. */
typedef struct
{
  size_t k, d, m;
  unsigned long long seed;
  const char *method;        /* "gd" or "lbfgs"                          */
  double step, gtol;
  size_t maxiter;
  const char *target;        /* file name, or "identity"                 */
  unsigned long long target_hash;     /* lsc_census_hash of V's bytes
                                         (0 for the identity)           */
  unsigned long long catalogue_hash;  /* lsc_census_file_hash of the
                                         catalogue that labels the runs */
} lsc_census_config;

/* The defaults of landscape-census: seed 1, method "lbfgs", step 2,
   gtol 1e-8, maxiter 100000, target "identity"; k, d, m and the hashes
   0 (to be set). */
void lsc_census_config_init (lsc_census_config *cf);

/* The sizes of a census with k neurons: with cf->target "identity" (or
   NULL) V = I_d, m = d, d given or k when 0; else the target file is read
   into *V (malloc'd, caller frees) under the limits lim (NULL: defaults),
   m = its rows, d = its columns (a given d must equal them), and
   cf->target_hash set.  Sets cf->k, d, m.  LSC_SUCCESS; the reader's
   statuses (lsc_matrix_read_file_limited) or LSC_EINVAL (d differs from
   the file's columns), with a message in err; *V NULL then. */
int lsc_census_config_sizes (lsc_census_config *cf, double **V, size_t k,
                             size_t d, const lsc_io_limits *lim, char *err,
                             size_t errlen);

/* The descent parameters of the settings cf into par
   (lsc_descent_params_init's defaults, then cf's method, step, gtol and
   maxiter), after checking the settings and that the target V (cf->m x
   cf->d; NULL for the identity) has no zero row.  LSC_SUCCESS;
   LSC_EINVAL (a method other than "gd" and "lbfgs", a step or gtol not
   positive, maxiter 0; err names the landscape-census option); LSC_EDOM ("TARGET: row N of the target is
   zero" in err); LSC_EFAULT. */
int lsc_census_config_params (lsc_descent_params *par,
                              const lsc_census_config *cf, const double *V,
                              char *err, size_t errlen);
/* FNV-1a (64 bits) of n bytes. */
unsigned long long lsc_census_hash (const void *bytes, size_t n);

/* FNV-1a (64 bits) of a file's bytes: LSC_SUCCESS, or LSC_EFAILED with
   errno set. */
int lsc_census_file_hash (unsigned long long *h, const char *path);

/* The first line of a resume file for cf, with its newline (malloc'd;
   NULL when out of memory): format 3, the settings, the target's name
   (control characters and backslashes escaped), its hash and the
   catalogue's hash. */
char *lsc_census_header (const lsc_census_config *cf);

/* One resume line for r, with its newline, into buf (at most len bytes,
   always terminated; 4096 bytes hold any run). */
void lsc_census_format_line (char *buf, size_t len, const lsc_census_run *r);

/* Parse one resume line (without its newline; modified) into r:
   LSC_SUCCESS or LSC_EPARSE. */
int lsc_census_parse_line (lsc_census_run *r, char *line);

/* Open the resume file path (created if missing) for the census cf: take
   an exclusive lock (held until the descriptor is closed: a second census
   on the file fails at once), check its first line against cf, load its
   runs below n into runs[] (zeroed by the caller; *nloaded of them),
   truncate a torn last line, and set *fd to a descriptor open for
   appending.  LSC_SUCCESS; LSC_EINVAL for a file in use, of another
   census, of an older format, against a changed target or catalogue, or
   with a malformed or repeated line; LSC_EFAILED for a system error
   (errno's text in err).  err gets a one-line message naming the file. */
int lsc_census_resume_open (int *fd, const char *path,
                            const lsc_census_config *cf,
                            lsc_census_run *runs, size_t n, size_t *nloaded,
                            char *err, size_t errlen);

/* Append a line with one write and fsync: LSC_SUCCESS or LSC_EFAILED
   (errno set). */
int lsc_census_resume_append (int fd, const char *line);

/* A saved census read back from its resume file. */
typedef struct
{
  const char *path;
  size_t k, d, m;
  unsigned long long seed, catalogue_hash;
  char method[16];           /* "gd" or "lbfgs"                          */
  char target[16];           /* "identity" or "file"                     */
  size_t n;                  /* runs recorded                            */
  lsc_census_run *runs;
  lsc_census_summary sm;     /* lsc_census_summarize of the runs         */
} lsc_census_saved;

/* Read the resume file path (read only, no lock) into s and summarize
   it; its runs must have been labelled with the catalogue of hash
   cat_hash.  LSC_SUCCESS; LSC_EINVAL for a missing, empty, malformed or
   stale file (message in err); LSC_ENOMEM; LSC_EFAILED for a read
   error.  Free with lsc_census_saved_clear (also after a failure). */
int lsc_census_saved_read (lsc_census_saved *s, const char *path,
                           unsigned long long cat_hash, char *err,
                           size_t errlen);
void lsc_census_saved_clear (lsc_census_saved *s);   /* NULL: no-op */

/* Sort saved censuses by k - d, then d: LSC_SUCCESS, or LSC_EINVAL when
   two are at the same (k, d) (message in err). */
int lsc_census_saved_sort (lsc_census_saved *s, size_t n, char *err,
                           size_t errlen);

/* Make sure dir is a writable directory, creating it if missing:
   LSC_SUCCESS or LSC_EINVAL (message in err). */
int lsc_census_points_dir (const char *dir, char *err, size_t errlen);

/* Write W (k x d, one neuron per row, %.17g) of run to dir/run-RUN.tsv
   replaced atomically (lsc_atomic_open(3)): LSC_SUCCESS or LSC_EFAILED
   (errno set).  Safe to call from several threads at once. */
int lsc_census_save_point (const char *dir, size_t run, const double *W,
                           const lsc_census_config *cf);

/* The end point of run `run` of the resume file path (k x d, malloc'd
   into *W, with k and d from its first line; k >= d), rebuilt from the
   run's isotropy and fixed-space parameters; lines longer than max_line
   bytes are refused.  The catalogue the runs were labelled with is not
   checked (the point is rebuilt from numbers alone).  LSC_SUCCESS;
   LSC_EINVAL (no such file or run, a run that did not end at a critical
   point, no Young isotropy, a bad parameter list), LSC_ELIMIT,
   LSC_ENOMEM, LSC_EFAILED (read error), with a message in err. */
int lsc_census_resume_point (double **W, size_t *k, size_t *d,
                             const char *path, long run, size_t max_line,
                             char *err, size_t errlen);

/* Classify the point W (k x d, target V = I_d) as a census's dense route
   does: loss, the kd x kd Hessian's eigenvalues, lsc_classify with cl
   (made for k, d).  LSC_SUCCESS, LSC_ENOMEM, or the failing step's
   status. */
int lsc_census_classify_point (lsc_class *c, const double *W, size_t k,
                               size_t d, const lsc_classifier *cl);

/* A catalogue line (landscape-families(5), at most len bytes with its
   terminator; 8192 hold any) for the critical point W (k x d, k >= d,
   V = I_d) into line and fam, as landscape-catalogue makes it: when
   lsc_census_classify_point finds W in a family of cat (or the global
   minimum), *known is set to its name and nothing else is done;
   otherwise lsc_branch_entry continues the point's family to dref,
   name and desc (may be NULL) replace the derived name and description,
   a derived name that cat already holds gets -2, -3, ... appended (and
   the derived description with it), and the line is checked to read
   back as a catalogue entry.  A given name is not checked against cat.
   LSC_SUCCESS; LSC_EDOM (the point cannot be evaluated), LSC_EINVAL and
   LSC_EUNSUP (no family to make of it), LSC_ENOCONV (the family cannot
   be continued to dref), LSC_ENOMEM, LSC_EFAILED (internal error), each
   with a one-line message in err. */
int lsc_census_catalogue_entry (lsc_family *fam, const char **known,
                                char *line, size_t len, const double *W,
                                size_t k, size_t d,
                                const lsc_catalogue *cat, double dref,
                                const char *name, const char *desc,
                                char *err, size_t errlen);
/* Bytes one thread of a census may need at most: the kd x kd Hessian of
   the dense route and LAPACK's eigen workspace, L-BFGS memory of lbfgs_m
   pairs and the loss workspace; 0 when the Hessian is too large for
   LAPACK's integers. */
double lsc_census_thread_bytes (size_t k, size_t d, size_t m, size_t lbfgs_m);

/* Start and join *wanted - 1 threads, *wanted = threads (<= 0: the
   OpenMP default), all alive at once as in the census's parallel region:
   an OpenMP runtime that cannot create a thread ends the process, so a
   census tries first.  Sets *made to the number that ran (the caller's
   included) and returns LSC_SUCCESS, or LSC_EFAILED with errno set. */
int lsc_census_threads (int threads, int *wanted, int *made);

/* Processes sharing a census (MPI ranks, say): run i is made by rank
   i mod size; rank 0 records every run.  share sends rank 0's runs[]
   (loaded from a resume file) to every rank; send (rank > 0) hands a
   finished run to rank 0; recv (rank 0) takes one, waiting when block is
   nonzero, and returns 1 when *r was filled, 0 when none is pending. */
typedef struct
{
  int rank, size;
  void (*share) (lsc_census_run *runs, size_t n, void *ctx);
  void (*send) (const lsc_census_run *r, void *ctx);
  int (*recv) (lsc_census_run *r, int block, void *ctx);
  void *ctx;
} lsc_census_comm;

/* A census to drive (lsc_census_drive): inputs, the caller's hooks, and
   what went wrong. */
typedef struct
{
  unsigned long long seed;
  const lsc_problem *problem;
  const lsc_descent_params *par;
  const lsc_classifier *cl;
  const lsc_catalogue *cat;  /* names new families must not take (NULL) */
  double ptol;               /* lsc_census_label's parameter tolerance   */
  int threads;               /* parallel runs (<= 0: the OpenMP default) */
  int resume_fd;             /* lsc_census_resume_open's, or -1          */
  const lsc_census_comm *comm;   /* NULL: one process                    */
  /* rank 0, in run order, one at a time: a run recorded and labelled */
  void (*row) (const lsc_census_run *r, void *ctx);
  /* rank 0, one at a time: runs recorded so far, of n */
  void (*progress) (size_t done, size_t n, void *ctx);
  /* any thread, concurrently: the end point of a run made here (0, or
     -1 with errno set) */
  int (*point) (const lsc_census_run *r, const double *W, void *ctx);
  void *ctx;
  /* out */
  size_t ndone;              /* runs recorded (rank 0)                   */
  int resume_errno;          /* first failed append, 0 if none           */
  int point_errno;           /* first failed point hook, 0 if none       */
} lsc_census_job;

/* Make the runs of runs[0..n) not yet done (a resume file's are): in
   parallel threads, dynamically scheduled, each run from its own stream
   (lsc_census_do_run: results do not depend on the threads or ranks);
   on rank 0 record each finished run (runs[], an appended resume line,
   the labels of lsc_census_label_catalogue in run order, the row and
   progress hooks), waiting for the other ranks' runs.  Thread-safe in
   the sense of lsc_census_do_run: the library's error hook
   (lsc_set_error_handler) is called from the census threads.
   LSC_SUCCESS (each run carries its status; check resume_errno and
   point_errno), LSC_ENOMEM (a workspace), LSC_EFAULT or LSC_EINVAL. */
int lsc_census_drive (lsc_census_run *runs, size_t n, lsc_census_job *job);

#pragma GCC visibility pop
#ifdef __cplusplus
}
#endif
#endif
