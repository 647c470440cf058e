/* Jobs: the whole computations behind the tools, one call each -
   evaluate a point (landscape-eval), follow a family in d
   (landscape-follow), prove a scan row or a crossing (--prove), the
   dimension grids of a scan and the rounding-noise floor of its columns
   (lsc_jobs(3)). */
#ifndef LSC_JOBS_H
#define LSC_JOBS_H

#include <stddef.h>
#include "landscape/lsc_loss.h"
#include "landscape/lsc_descent.h"
#include "landscape/lsc_spectrum.h"
#include "landscape/lsc_isotypic.h"
#include "landscape/lsc_families.h"
#include "landscape/lsc_continuation.h"
#include "landscape/lsc_scan.h"
#include "landscape/lsc_bifurcate.h"
#include "landscape/lsc_io.h"

#ifdef __cplusplus
extern "C" {
#endif
#pragma GCC visibility push(default)

/* ---- a point read from files (src/jobs/point.c) ---- */

/* W (k x d) and its problem: target V (m x d; NULL: I_d), output weights
   alpha (k) and beta (m) (NULL: all 1); all malloc'd. */
typedef struct
{
  double *W, *V, *alpha, *beta;
  size_t k, d, m;
  size_t *lines;       /* source line of each row of W (NULL: row i + 1)  */
  const char *name;    /* W's file for messages: the path, "(stdin)" for
                          "-", or "identity"                             */
  lsc_problem p;       /* { k, d, m, V, alpha, beta }                    */
} lsc_point;

/* Read W from wpath ("-": standard input) or, when identity > 0, take
   W = I_identity; then V, alpha and beta from their paths when not NULL
   (a vector is one number per line or one row).  Every matrix within lim
   (lsc_matrix_read_file_limited).  On failure a one-line message naming
   the file and line goes to err: the reader's status, LSC_EINVAL (shapes
   that do not fit together), LSC_EDOM (a zero row of W or V: the loss is
   not differentiable there) or LSC_ENOMEM.  Clear *pt with lsc_point_clear
   in every case. */
int lsc_point_read (lsc_point *pt, const char *wpath, size_t identity,
                    const char *vpath, const char *apath, const char *bpath,
                    const lsc_io_limits *lim, char *err, size_t errlen);
/* LSC_EDOM with that message when a row of pt->W is zero (what names W in
   it, e.g. "the polished W"), else LSC_SUCCESS. */
int lsc_point_check (const lsc_point *pt, const char *what, char *err,
                     size_t errlen);
void lsc_point_clear (lsc_point *pt);

/* ---- evaluate one point (src/jobs/eval.c) ---- */

/* Options, each with its default (lsc_eval_opts_init). */
typedef struct
{
  double tol;        /* eigenvalue grouping and zero tolerance, relative to
                        max(1, max |eigenvalue|)                    (1e-8)  */
  double sym_tol;    /* isotypic route: W within sym_tol max(1, max|W|) of
                        its symmetrised point, entrywise           (1e-12) */
  double label_tol;  /* dense route: isotropy detection for the component
                        labels, relative to max(1, max|W|)          (1e-9)  */
  long prec;         /* > 0: loss and gradient norm also in MPFR at prec
                        bits (53..), as decimals                    (0)     */
  int dense;         /* always the dense kd x kd Hessian            (0)     */
  double max_bytes;  /* refuse (LSC_ENOMEM, need_bytes set) a step needing
                        more; 0: no limit                           (0)     */
} lsc_eval_opts;
void lsc_eval_opts_init (lsc_eval_opts *o);
/* Check o: tol, sym_tol and label_tol in (0, 1), prec 0 or >= 53,
   max_bytes >= 0.  LSC_SUCCESS, or LSC_EINVAL with one line in err naming
   the landscape-eval option (--tol, --detect-tol). */
int lsc_eval_opts_check (const lsc_eval_opts *o, char *err, size_t errlen);

/* What lsc_eval computes. */
typedef struct
{
  double loss, grad_norm;     /* double evaluation                          */
  char *loss_dec, *grad_dec;  /* prec > 0: the MPFR values as decimals with
                                 every digit that identifies them (malloc) */
  lsc_inertia in;             /* Morse index (neg), zero and positive counts */
  lsc_eigen_cluster *grp;     /* distinct eigenvalues (malloc), ng of them  */
  size_t ng;
  char (*label)[LSC_LABEL_LEN]; /* per group: components of the large block's
                                 S_n holding it ("t", "s+x", ...; "" when
                                 unknown) (malloc)                          */
  char isotropy[160];         /* the detected Young isotropy, or ""          */
  int isotypic;               /* 1: spectrum by the isotypic route (cost
                                 independent of d), 0: dense                 */
  double need_bytes;          /* LSC_ENOMEM from max_bytes: what the refused
                                 step needed, and need_what names it         */
  char need_what[96];
} lsc_eval_result;

/* Loss, gradient norm, inertia and grouped Hessian spectrum of the loss of p
   at W (k x d).  The route: when p is the study target (V = I, alpha = beta
   = 1, m = d), !o->dense and W has a Young-type isotropy within o->sym_tol,
   the isotypic spectrum (lsc_isotypic_full); otherwise the dense Hessian
   (lsc_loss_hessian_lower, lsc_eigen_symm, lsc_eigen_group) with, for the
   study target, the clusters labelled by component
   (lsc_isotypic_cluster_labels).  An eigenvalue is zero when |value| <=
   o->tol max(1, max|value|).  Returns LSC_SUCCESS, the failing step's
   status (LSC_EDOM: a zero row; LSC_ENONFINITE), or LSC_ENOMEM (with
   need_bytes and need_what when o->max_bytes refused a step).  Clear *r
   with lsc_eval_result_clear in every case. */
int lsc_eval (lsc_eval_result *r, const double *W, const lsc_problem *p,
              const lsc_eval_opts *o);
void lsc_eval_result_clear (lsc_eval_result *r);

/* Newton polish of W in place (lsc_descent_newton, default parameters) to
   the nearby critical point of any index; res->status is its outcome.
   Returns LSC_SUCCESS when the polish ran (whatever res->status), or
   LSC_ENOMEM (need_bytes/need_what of r set when max_bytes refused the
   kd x kd Hessian; r may be NULL). */
int lsc_eval_polish (double *W, lsc_descent_result *res,
                     lsc_eval_result *r, const lsc_problem *p,
                     double max_bytes);

/* ---- follow a family in d (src/jobs/follow.c) ---- */

/* One point of a followed branch, classified. */
typedef struct
{
  const lsc_cont_point *pt;   /* the continuation's point                  */
  int classified;             /* 1: type, index, min_eig, min_irrep set     */
  const char *type;           /* scan types; "minimum" for a family without
                                 a catalogue kind (detected)                */
  double index, min_eig;
  int min_irrep;
} lsc_follow_point;

typedef int lsc_follow_fn (const lsc_follow_point *fp, void *data);

/* Options (lsc_follow_opts_init). */
typedef struct
{
  lsc_cont_params cont;       /* continuation parameters (its defaults)     */
  double from;                /* start; NaN: the family's reference d (NaN) */
  double to;                  /* end (required)                             */
  int past_branch;            /* 1: run on past a branch point where the
                                 isotropy grows (0)                         */
  double detect_tol;          /* lsc_follow_detect's tolerance for a family
                                 given by a point W (1e-6)                  */
} lsc_follow_opts;
void lsc_follow_opts_init (lsc_follow_opts *o);
/* Check o: detect_tol > 0 and cont.hmax >= cont.h0.  LSC_SUCCESS, or
   LSC_EINVAL with one line in err naming the landscape-follow option
   (--tol, --max-step). */
int lsc_follow_opts_check (const lsc_follow_opts *o, char *err,
                           size_t errlen);

/* Outcome of lsc_follow. */
typedef struct
{
  int status;          /* the run's: 0, LSC_EFOLD, LSC_EDOM or a failure   */
  double d_end;        /* where the rows stop                              */
  int branch_end;      /* 1: stopped at a branch point of the domain       */
  size_t npoints;
} lsc_follow_result;

/* Continue family f from o->from (its point there from the family's
   driver lsc_family_follow, so a start beyond a fold, the edge or a branch
   point of the family is LSC_EDOM) to o->to by pseudo-arclength continuation, calling fn
   for every point with its type, Morse index and smallest eigenvalue (the
   128-bit isotypic spectrum, classified as lsc_scan_classify).  Unless
   o->past_branch, the rows stop where the family's domain ends at a branch
   point (lsc_family_follow): beyond it the points belong to another family.
   Returns LSC_SUCCESS when the run started (its outcome in *res);
   LSC_EDOM or another status when o->from cannot be reached or has no
   critical point (where says which: 1 the approach, 2 the start);
   LSC_ENOMEM. */
int lsc_follow (lsc_follow_result *res, int *where, const lsc_family *f,
                const lsc_follow_opts *o, lsc_follow_fn *fn, void *data);

/* The family through the point W (k x d) for lsc_follow: its Young-type
   isotropy within tol (lsc_detect), its parameters, d its number of
   columns, name "detected", no kind.  LSC_EUNSUP/LSC_ENOTFIX: no such
   isotropy; LSC_EDOM: no large block of size 2 or more; LSC_ENOMEM. */
int lsc_follow_detect (lsc_family *f, const double *W, size_t k, size_t d,
                       double tol);

/* ---- proofs of rows (src/jobs/prove.c) ---- */

enum { LSC_PROVE_NOT = 0, LSC_PROVE_PROVED, LSC_PROVE_CONTRADICTED };
/* Stable token: "not-proved", "proved", "contradicted". */
const char *lsc_prove_token (int outcome);

/* A scan row's critical point proved (Krawczyk) and its Morse index proved
   (ball inertia of every isotypic block): PROVED when that index is the
   row's and the row has no zero eigenvalue, CONTRADICTED when the proved
   index differs, NOT otherwise (failed rows, the global minimum). */
int lsc_prove_scan_row (const lsc_scan_row *r);

/* A crossing of family f near the decimal d (lsc_certify_dstar): 1 when
   one crossing is proved in an interval within half a unit in the last
   digit of d, else 0. */
int lsc_prove_crossing (const lsc_family *f, const char *d);

/* ---- dimension grids and noise (src/jobs/grid.c) ---- */

/* The ascending grid from a to b (0 < a <= b): linear with the given
   step (points rounded to 12 significant digits, so that 5.5 + 3 x 0.1 is
   5.8), or with perdec > 0 logarithmic, a 10^(i/perdec); a = b gives the
   one point a.  The end b is always the last point: the grid's last point
   is snapped to it within 1e-9 b, else b is appended.  *v is malloc'd
   (*n points).  LSC_EINVAL (a, b or step not as said), LSC_ELIMIT (more
   than LSC_GRID_MAX points), LSC_ENOMEM. */
#define LSC_GRID_MAX 100000
int lsc_grid (double **v, size_t *n, double a, double b, double step,
              long perdec);

/* Bound on the rounding error of the loss and the gradient norm of a scan
   row at k neurons, 2^(8-p) (k+1)^2 with p the bits of the evaluation (53
   with o->fast, o->prec, else 128): the loss is a sum of (k+1)^2 terms of
   size O(1).  Smaller values are printed as 0. */
double lsc_scan_noise_bound (const lsc_scan_opts *o, double k);

#pragma GCC visibility pop
#ifdef __cplusplus
}
#endif
#endif
