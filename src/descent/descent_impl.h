/* Internals of the descent module: the workspace layout and small vector
   helpers shared by the descent, polish and classification files. */
#ifndef LSC_DESCENT_IMPL_H
#define LSC_DESCENT_IMPL_H

#include <stddef.h>
#include "landscape/lsc_descent.h"
#include "landscape/lsc_spectrum.h"
#include "landscape/lsc_detect.h"

struct lsc_descent_workspace
{
  size_t k, d, m, n;          /* n = k d                                  */
  lsc_loss_workspace *lw;
  double *G, *Wt, *Gt, *dir;  /* gradient, trial point and its gradient,
                                 search direction (n each)                */
  size_t mem;                 /* L-BFGS pairs                             */
  double *S, *Y, *rho, *alpha;/* mem x n, mem x n, mem, mem               */
  int hessian;
  double *H, *ev, *t;         /* n x n (the lower triangle is assembled;
                                 the eigenvectors overwrite it), n, n     */
  lsc_eigen_workspace *ew;
  lsc_detect_workspace *det;  /* isotropy of end points                   */
  size_t *rowperm, *colperm;  /* k, d                                     */
  lsc_eigen_cluster *grp;     /* n: isotypic spectrum groups              */
  unsigned *comp;             /* n: their components                      */
};

/* The full Hessian spectrum (eval, ascending, kd values) of the study's
   target at W, exactly in Fix(G) (G detected with the permutations
   rowperm, colperm of lsc_detect; k = d, every block paired), without a
   dense eigensolve or kd x kd matrix: the Hessian is compressed onto
   the orthonormal orbit basis of the fixed space that singles out two
   indices of every large block (size >= 3; blocks below 3 split into
   single indices), and each isotypic component of the product of the
   large blocks' symmetric groups - t; s, x, y of one block; s x s' of
   two - is the compression onto the complement of the coarser fixed
   spaces in a finer one (x and y split by the swap of the two singled
   indices), counted with the dimension of its irreducible.  The
   compression needs one Hessian row per fine orbit (the Hessian commutes
   with the group fixing them): the block rows of the few neurons holding
   the representatives, O(k d^2) each, then O(f^3) for f fine orbits
   (refused above 256).  LSC_EUNSUP (k != d, unpaired or more than 4
   large blocks, too many orbits), LSC_EFAILED (multiplicities do not add
   up), LSC_ENOMEM, and the Hessian's and
   eigensolver's statuses (spectrum_orbit.c). */
int lsc_descent_orbit_spectrum (double *eval, const double *W,
                                const lsc_problem *p, const lsc_young *G,
                                const size_t *rowperm, const size_t *colperm,
                                lsc_descent_workspace *ws);

/* The eigen workspace of the dense route, allocated at its first use. */
int lsc_descent_need_eigen (lsc_descent_workspace *ws);

/* 1 for the study's target: V = NULL or exactly I (m = d), alpha and
   beta NULL or all ones (classify.c). */
int lsc_descent_identity_target (const lsc_problem *p);

/* Euclidean (Frobenius) norm with scaling, and the dot product. */
double lsc_descent_norm (const double *v, size_t n);
double lsc_descent_dot (const double *a, const double *b, size_t n);

/* Validate the common arguments of the descent routines. */
int lsc_descent_check (const double *W, const lsc_problem *p,
                       const lsc_descent_params *par,
                       const lsc_descent_workspace *ws);

#endif
