/* Random-start descent on the two-layer ReLU loss (Xavier initialisation,
   gradient descent, L-BFGS, Newton polish) and classification of the end
   points by Morse index and Young-type isotropy.  landscape(7). */
#ifndef LSC_DESCENT_H
#define LSC_DESCENT_H

#include <stddef.h>
#include <stdint.h>
#include <gsl/gsl_rng.h>
#include "landscape/lsc_loss.h"
#include "landscape/lsc_young.h"
#include "landscape/lsc_families.h"

#ifdef __cplusplus
extern "C" {
#endif
#pragma GCC visibility push(default)

/* ---- initialisation ---- */

/* Seed of the RNG stream of run number run of a census with seed seed:
   output number run of the splitmix64 generator started at
   splitmix64(seed) (so a run's stream does not depend on the order or the
   thread in which runs are made), folded to 32 bits for gsl_rng_set (the
   seed width of gsl_rng_mt19937).  Never 0. */
unsigned long lsc_descent_stream_seed (uint64_t seed, uint64_t run);

/* Xavier initialisation: the k x d entries of W independent N(0, 1/d)
   (gsl_ran_gaussian with sigma = 1/sqrt(d)), drawn row by row from r.
   LSC_EFAULT (NULL), LSC_EINVAL (k or d zero). */
int lsc_descent_xavier (double *W, size_t k, size_t d, gsl_rng *r);

/* ---- descent ---- */

typedef enum
{
  LSC_DESCENT_GD = 0,      /* W <- W - (c / k) grad L(W)                     */
  LSC_DESCENT_LBFGS = 1    /* limited-memory BFGS with Armijo backtracking    */
} lsc_descent_method;

/* Tolerances and limits, each with its default (lsc_descent_params_init). */
typedef struct
{
  lsc_descent_method method;  /* (LSC_DESCENT_LBFGS)                         */
  double step_c;     /* GD step c / k, k = number of neurons: the largest
                        Hessian eigenvalue grows like k/4 (landscape(7)), so a
                        fixed c keeps GD stable for every k            (2)    */
  double gtol;       /* stop when |grad L|_F <= gtol                   (1e-8) */
  size_t maxiter;    /* iteration limit -> LSC_EMAXITER              (100000) */
  size_t lbfgs_m;    /* L-BFGS memory (pairs kept)                     (10)   */
  double armijo;     /* sufficient-decrease constant of the line search
                                                                      (1e-4) */
  size_t ls_max;     /* backtracking halvings before LSC_ESTEPUNDER    (60)   */
  double newton_tol; /* Newton polish: converged when |grad L|_F <= newton_tol
                        or a full step is below newton_tol_x (1 + |W|_F)
                                                                    (1e-13) */
  double newton_tol_x;/*                                             (1e-15) */
  size_t newton_maxiter; /* Newton iterations                          (30)   */
  double newton_accept;  /* a polish that stalls (rounding floor) with
                            |grad L|_F <= newton_accept is accepted   (1e-10) */
} lsc_descent_params;

void lsc_descent_params_init (lsc_descent_params *par);

/* Outcome of a descent or polish. */
typedef struct
{
  int status;        /* LSC_SUCCESS, LSC_EMAXITER, LSC_ESTEPUNDER, ...      */
  size_t iter;       /* iterations                                          */
  size_t nfev;       /* gradient (GD) or loss-and-gradient evaluations      */
  double loss;       /* at the returned W                                   */
  double gnorm;      /* |grad L|_F at the returned W                        */
} lsc_descent_result;

/* Workspace for problems of size (k, d, m): loss workspace, L-BFGS memory
   of lbfgs_m pairs, and (when hessian != 0) the kd x kd Hessian, its
   eigenvectors and the eigen workspace for the Newton polish and the
   classification.  NULL on failure.  _free(NULL) is a no-op. */
typedef struct lsc_descent_workspace lsc_descent_workspace;
lsc_descent_workspace *lsc_descent_alloc (size_t k, size_t d, size_t m,
                                          size_t lbfgs_m, int hessian);
void lsc_descent_free (lsc_descent_workspace *ws);

/* Gradient descent with constant step c/k from W (in/out) until
   |grad|_F <= gtol or maxiter steps (LSC_EMAXITER; W is the last iterate).
   Plain: no line search, so the loss decreases monotonically only when the
   step is below 2 / (largest Hessian eigenvalue along the path).  Each
   step evaluates the gradient only; the loss is evaluated once, at the
   returned W.  A non-finite gradient or loss gives LSC_ERANGE.  Problem errors as lsc_loss_grad. */
int lsc_descent_gd (double *W, lsc_descent_result *res,
                    const lsc_problem *p, const lsc_descent_params *par,
                    lsc_descent_workspace *ws);

/* L-BFGS (two-loop recursion, Nocedal & Wright Alg. 7.4, initial scaling
   s.y / y.y) with backtracking until the Armijo condition holds (or, once
   the decrease is below the rounding of L, until L stays within
   4 eps (|L0| + 1), L0 the starting loss, and |grad| decreases:
   Hager-Zhang's approximate test); pairs with s.y <= 0 are skipped.  Trial
   points with a zero row are rejected (step halved).  Stops when
   |grad|_F <= gtol (LSC_SUCCESS), after maxiter iterations (LSC_EMAXITER),
   or with LSC_ESTEPUNDER when ls_max halvings find no decrease or 100
   consecutive steps pass only the approximate test (the rounding floor of
   the loss was reached). */
int lsc_descent_lbfgs (double *W, lsc_descent_result *res,
                       const lsc_problem *p, const lsc_descent_params *par,
                       lsc_descent_workspace *ws);

/* par->method: lsc_descent_gd or lsc_descent_lbfgs. */
int lsc_descent_run (double *W, lsc_descent_result *res,
                     const lsc_problem *p, const lsc_descent_params *par,
                     lsc_descent_workspace *ws);

/* Newton polish with the exact Hessian (lsc_loss_hessian): the step
   solves H dW = -grad through the eigendecomposition H = Q diag(l) Q^T
   (lsc_eigen_symm) with |l| floored at 1e-12 max|l| (a saddle's negative
   directions are kept, so Newton converges to the nearby critical point of
   any index), halved until |grad| decreases (at most 30 times).
   Converges quadratically at a non-degenerate critical point.  Stops with
   LSC_SUCCESS when |grad|_F <= newton_tol or the full step is below
   newton_tol_x (1 + |W|_F); a stall (no decreasing step, or the iteration
   limit) with |grad|_F <= newton_accept is also LSC_SUCCESS, otherwise
   LSC_ENOCONV / LSC_EMAXITER.  The workspace needs hessian != 0
   (LSC_EINVAL otherwise). */
int lsc_descent_newton (double *W, lsc_descent_result *res,
                        const lsc_problem *p, const lsc_descent_params *par,
                        lsc_descent_workspace *ws);

/* Polish and full spectrum at a point with Young-type isotropy, with no
   kd x kd matrix (the census's symmetric route).  For the study's target
   (V = I, alpha = beta = 1): the isotropy G of W is detected with
   tolerance detect_tol (lsc_detect); the restricted gradient is solved by
   Newton from the detected parameters (lsc_newton_restricted, to the
   rounding floor); the solution, which must stay within detect_tol of
   them, is embedded back in W's row and column order and accepted when
   its full gradient has |grad L|_F <= par->newton_accept; eval (length
   kd, ascending) receives the full Hessian spectrum of the polished point,
   each component eigenvalue repeated by its multiplicity: by
   lsc_isotypic_full (restricted Hessians, cost independent of d) when
   its reduction of block 0 applies, otherwise (several large blocks,
   e.g. Delta(S_{d-p} x S_p) with p large; k = d) by compressing the
   Hessian onto the orbit bases of nested fixed-point spaces of the large
   blocks' symmetric groups, from one Hessian row per orbit
   (lsc_loss_hessian_rows: O(k d^2) for each of the few neurons involved;
   components t; s, x, y of each large block; s x s' of each pair of
   them; at most 4 large blocks and 256 orbits).  Either way the
   multiplicities must add up to kd.  res: iter = restricted Newton
   iterations, nfev = 1, loss and gnorm of the polished W.  No kd x kd
   matrix; the workspace needs no Hessian.  Accuracy: the eigenvalues
   agree with the dense route's to 1e-12 of the largest in the tests
   (k = d = 20 catalogue points, k = d = 30 two-block end points).  On
   any failure W is unchanged and the caller takes the dense route
   (lsc_descent_newton, lsc_descent_hessian_eigen): LSC_EUNSUP (other
   target, no Young-type isotropy, an isotropy neither reduction
   handles), LSC_ENOTFIX, LSC_ENOCONV (Newton left the detected point or
   the gradient stays above newton_accept), LSC_EFAILED (incomplete
   spectrum), LSC_EFAULT (eval NULL), LSC_EBADTOL (detect_tol not
   positive and finite),
   plus the statuses of lsc_newton_restricted and lsc_loss_grad. */
int lsc_descent_polish_symmetric (double *W, double *eval,
                                  lsc_descent_result *res,
                                  const lsc_problem *p,
                                  const lsc_descent_params *par,
                                  double detect_tol,
                                  lsc_descent_workspace *ws);

/* Eigenvalues (ascending, length kd) of the full Hessian at W, computed in
   the workspace (hessian != 0; lower triangle assembled, dense solve). */
int lsc_descent_hessian_eigen (double *eval, const double *W,
                               const lsc_problem *p,
                               lsc_descent_workspace *ws);

/* ---- classification ---- */

typedef enum
{
  LSC_CLASS_GLOBAL = 0,     /* loss <= loss_tol: a global minimum           */
  LSC_CLASS_CATALOGUE = 1,  /* isotropy and parameters of a catalogue family */
  LSC_CLASS_NEW = 2,        /* Young-type isotropy, no catalogue family     */
  LSC_CLASS_NOSYM = 3,      /* no Young-type symmetry found                 */
  LSC_CLASS_UNSUP = 4       /* target not V = I, alpha = beta = 1: no
                               symmetry classification                      */
} lsc_class_kind;

/* Tolerances of the classification (lsc_classify_params_init). */
typedef struct
{
  double loss_tol;   /* global minimum when loss <= loss_tol          (1e-12) */
  double ztol;       /* eigenvalue zero when |l| <= ztol max(1, max|l|)
                                                                     (1e-8)  */
  double detect_tol; /* lsc_detect tolerance on the entries           (1e-6)  */
  double ptol;       /* a catalogue family matches when every parameter is
                        within ptol of the family's at this d          (1e-6) */
  int dense;         /* census: polish and classify every end point with
                        the dense kd x kd Hessian; 0: the symmetric route
                        (lsc_descent_polish_symmetric) wherever it applies,
                        the dense one elsewhere                         (0) */
} lsc_classify_params;

void lsc_classify_params_init (lsc_classify_params *par);

/* Result of one classification. */
typedef struct
{
  lsc_class_kind kind;
  const lsc_family *family;  /* for LSC_CLASS_CATALOGUE (else NULL)         */
  char isotropy[160];        /* spec (lsc_isotropy_parse syntax, large block
                                "L"), "" if none                            */
  lsc_young G;               /* detected group (kinds CATALOGUE, NEW, and
                                GLOBAL when detected)                       */
  size_t np;
  double p[LSC_FAMILY_MAXP]; /* fixed-space parameters after restricted
                                Newton (lsc_newton_restricted)              */
  size_t index;              /* Morse index: eigenvalues < -ztol scale      */
  size_t nzero;              /* eigenvalues within the zero band (the
                                structural ones of nsplit included)         */
  double min_eig;            /* smallest Hessian eigenvalue                 */
  size_t nsplit;             /* structural zero modes: split ratios of rows
                                that are positive multiples of each other
                                (lsc_overparam_groups at detect_tol); the
                                point is classified by its canonical
                                equal-share representative
                                (lsc_overparam_canonical)                   */
  size_t nvanish;            /* vanished neurons: rows of norm at most
                                detect_tol max(1, largest row norm).  The
                                loss is not twice differentiable where a
                                row is zero, so index, nzero and min_eig
                                are then those of the network without
                                those rows (of (k - nvanish) d
                                eigenvalues); only a global minimum is
                                classified so (else LSC_EUNSUP)           */
} lsc_class;

/* A classifier for one (k, d): the catalogue families with k rows at this
   d, their points continued to d (at d = the family's reference d the
   catalogue parameters themselves; else lsc_cont from the reference point,
   restricted system of lsc_cont_restricted_init).  Families that fail to
   continue (fold, degeneration) are left out.  cat may be NULL (then only
   global / new / no symmetry).  The classifier keeps pointers into cat,
   which must outlive it.  NULL on allocation failure or k, d zero. */
typedef struct lsc_classifier lsc_classifier;
lsc_classifier *lsc_classifier_alloc (const lsc_catalogue *cat, size_t k,
                                      size_t d,
                                      const lsc_classify_params *par);
void lsc_classifier_free (lsc_classifier *c);
/* The classifier's parameters (as given to lsc_classifier_alloc, or the
   defaults); NULL for a NULL classifier. */
const lsc_classify_params *lsc_classifier_params (const lsc_classifier *c);
/* Number of catalogue families usable at this (k, d). */
size_t lsc_classifier_nfamilies (const lsc_classifier *c);

/* Classify a critical point W (k x d, polished) of problem p given its
   Hessian eigenvalues eval (ascending, kd) and its loss.  Symmetry is
   classified only for V = I, alpha = beta = 1 (else LSC_CLASS_UNSUP).
   Uses a detect workspace allocated per call (not a hot path).  Returns
   LSC_SUCCESS (the outcome is in cl), LSC_EFAULT, LSC_EBADLEN (sizes differ
   from the classifier's), LSC_ENOMEM. */
int lsc_classify (lsc_class *cl, const double *W, const double *eval,
                  double loss, const lsc_problem *p,
                  const lsc_classifier *c);

/* Write the isotropy spec of G (k = d all paired: "kd:L,s1,..."; else
   "rows:L,...;cols:L,...;pair:0=0,..."), sizes as integers. */
int lsc_isotropy_format (char *buf, size_t len, const lsc_young *G);

#pragma GCC visibility pop
#ifdef __cplusplus
}
#endif
#endif
