/* Internals of the descent module: the workspace layout and small vector
   helpers shared by the descent, polish and classification files. */
#ifndef LSC_DESCENT_IMPL_H
#define LSC_DESCENT_IMPL_H

#include <stddef.h>
#include "landscape/lsc_descent.h"
#include "landscape/lsc_spectrum.h"

struct lsc_descent_workspace
{
  size_t k, d, m, n;          /* n = k d                                  */
  lsc_loss_workspace *lw;
  double *G, *Wt, *Gt, *dir;  /* gradient, trial point and its gradient,
                                 search direction (n each)                */
  size_t mem;                 /* L-BFGS pairs                             */
  double *S, *Y, *rho, *alpha;/* mem x n, mem x n, mem, mem               */
  int hessian;
  double *H, *Q, *ev, *t;     /* n x n, n x n, n, n                       */
  lsc_eigen_workspace *ew;
};

/* Euclidean (Frobenius) norm with scaling, and the dot product. */
double lsc_descent_norm (const double *v, size_t n);
double lsc_descent_dot (const double *a, const double *b, size_t n);

/* Validate the common arguments of the descent routines. */
int lsc_descent_check (const double *W, const lsc_problem *p,
                       const lsc_descent_params *par,
                       const lsc_descent_workspace *ws);

#endif
