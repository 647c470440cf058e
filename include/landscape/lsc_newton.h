/* Newton-type solvers for small square systems g(x) = 0 (damped Newton,
   Levenberg-Marquardt) and MPFR refinement of their roots. */
#ifndef LSC_NEWTON_H
#define LSC_NEWTON_H

#include <stddef.h>
#include <mpfr.h>
#include "landscape/lsc_young.h"

#ifdef __cplusplus
extern "C" {
#endif
#pragma GCC visibility push(default)

/* Returned by lsc_newton_test while the residual is still too large
   (GSL_CONTINUE has the same value). */
#define LSC_NEWTON_CONTINUE (-2)

/* The system: n unknowns, n equations.  fdf fills g (length n) and, when J
   is not NULL, the Jacobian J (n x n row-major, J[i*n+j] = dg_i/dx_j).  It
   returns 0 or a status; a nonzero status at a trial point makes the
   solvers treat the point as unacceptable (e.g. LSC_EDOM off the domain). */
typedef struct
{
  size_t n;
  int (*fdf) (double *g, double *J, const double *x, void *params);
  void *params;
} lsc_newton_function;

/* Tolerances and limits, each with its default (lsc_newton_params_init). */
typedef struct
{
  double epsabs;      /* converged when |g|_2 <= epsabs            (1e-13)  */
  double epsx;        /* also converged when the last full Newton step had
                         |dx|_2 <= epsx (1 + |x|_2) (rounding floor); 0 = off
                                                                    (0)      */
  size_t maxiter;     /* iteration limit -> LSC_EMAXITER             (50)    */
  double rcond;       /* J singular when s_min < rcond s_max -> LSC_ESING
                                                                    (1e-13)  */
  double tmin;        /* damped Newton: smallest step factor before giving up
                         -> LSC_ENOCONV                             (1e-8)   */
  double lambda0;     /* Levenberg-Marquardt: initial damping relative to
                         s_max(J)^2                                 (1e-3)   */
} lsc_newton_params;

void lsc_newton_params_init (lsc_newton_params *par);

/* Algorithm type objects (GSL style): pass one to lsc_newton_alloc. */
typedef struct lsc_newton_type lsc_newton_type;
/* Newton step J dx = -g solved by SVD, backtracking (halving) until
   |g(x + t dx)|^2 <= (1 - t/2) |g(x)|^2.  Quadratic convergence at regular
   roots. */
extern const lsc_newton_type *lsc_newton_damped;
/* Levenberg-Marquardt: (J^T J + lambda I) dx = -J^T g (through the SVD of
   J) with lambda = mu |g|^2 (Yamashita-Fukushima), mu divided by 4 after a
   step that decreases |g| and multiplied by 4 after one that does not; the
   initial mu makes lambda = lambda0 s_max(J)^2.  Since lambda vanishes with
   |g|^2, convergence is quadratic at regular roots. */
extern const lsc_newton_type *lsc_newton_lm;

typedef struct lsc_newton lsc_newton;

/* Solver for n unknowns with all its workspace; NULL on allocation failure
   or n == 0.  _free(NULL) is a no-op. */
lsc_newton *lsc_newton_alloc (const lsc_newton_type *T, size_t n);
void lsc_newton_free (lsc_newton *s);
const char *lsc_newton_name (const lsc_newton *s);

/* Start at x0 with the given parameters (NULL: defaults).  Evaluates g and J
   there; returns the function's status if that fails, LSC_EBADLEN if
   f->n differs from the solver's size, LSC_EBADTOL for bad tolerances. */
int lsc_newton_set (lsc_newton *s, const lsc_newton_function *f,
                    const double *x0, const lsc_newton_params *par);

/* One iteration.  0 on a successful step; LSC_ESING (Jacobian singular to
   rcond), LSC_ENOCONV (no acceptable step), or the function's status. */
int lsc_newton_iterate (lsc_newton *s);

/* 0 (LSC_SUCCESS) when converged by the residual (or epsx) test,
   LSC_NEWTON_CONTINUE otherwise. */
int lsc_newton_test (const lsc_newton *s);

const double *lsc_newton_x (const lsc_newton *s);   /* current iterate   */
const double *lsc_newton_g (const lsc_newton *s);   /* residual vector   */
double lsc_newton_residual (const lsc_newton *s);   /* |g|_2             */
size_t lsc_newton_iter (const lsc_newton *s);       /* iterations so far */

/* Outcome of a solve. */
typedef struct
{
  int status;         /* LSC_SUCCESS, LSC_EMAXITER, LSC_ESING, LSC_ENOCONV,
                         or the function's status                          */
  size_t iter;        /* iterations performed                             */
  double residual;    /* |g|_2 at the returned x                          */
} lsc_newton_result;

/* Convenience driver: set, iterate until lsc_newton_test succeeds or a
   status stops it; x (length f->n) holds x0 on entry and the last iterate on
   return.  res may be NULL.  Returns res->status. */
int lsc_newton_solve (double *x, lsc_newton_result *res,
                      const lsc_newton_type *T, const lsc_newton_function *f,
                      const lsc_newton_params *par);

/* ---- MPFR refinement ----
   g in MPFR (at the precision of its elements) and the Jacobian in double,
   at a point given in MPFR. */
typedef struct
{
  size_t n;
  int (*f) (mpfr_t *g, const mpfr_t *x, void *params);
  int (*df) (double *J, const mpfr_t *x, void *params);
  void *params;
} lsc_newton_function_mpfr;

/* Refine a root: x (n mpfr values, precision prec = that of x[0]) holds a
   good approximation (e.g. the double solution) and receives the refined
   root.  Iterates x <- x - J(x)^{-1} g(x) with g evaluated in MPFR at
   precision prec and J in double (convergence is linear with ratio about
   cond(J) 1e-16, so each step gains ~13 digits) until
   |g|_2 <= 2^(margin - prec), at most maxiter times.  *resid receives the
   final |g|_2 (may be NULL), *iter the iteration count (may be NULL).
   Returns LSC_SUCCESS, LSC_EPREC if the target is not reached (e.g. margin
   too small for the size of the terms), LSC_ESING, or the function's
   status. */
int lsc_newton_refine_mpfr (mpfr_t *x, double *resid, size_t *iter,
                            const lsc_newton_function_mpfr *f, long margin,
                            size_t maxiter);

/* ---- The restricted gradient as a system ----
   Solve dL_G/dp = 0 at fixed block sizes.  The equations are scaled by the
   Gram metric, g~_i = g_i / sqrt(metric_i), J~ = M^{-1/2} Hp, so |g~|_2 is
   the Frobenius norm of the full gradient of the embedded W at integer
   sizes.  sys must outlive the function; lsc_restricted_system_init copies
   G and computes the metric. */
typedef struct
{
  lsc_young G;
  double isqm[LSC_YOUNG_MAX * LSC_YOUNG_MAX * 2];  /* 1/sqrt(metric)     */
  size_t n;
} lsc_restricted_system;

int lsc_restricted_system_init (lsc_restricted_system *sys,
                                const lsc_young *G);
/* Fill f (double) and fm (MPFR; may be NULL) for sys. */
void lsc_restricted_system_function (lsc_newton_function *f,
                                     lsc_newton_function_mpfr *fm,
                                     lsc_restricted_system *sys);

/* Solve the restricted system from p (in/out) with lsc_newton_damped.  A
   convenience for catalogue entries and tools. */
int lsc_newton_restricted (double *p, lsc_newton_result *res,
                           const lsc_young *G, const lsc_newton_params *par);

#pragma GCC visibility pop
#ifdef __cplusplus
}
#endif
#endif
