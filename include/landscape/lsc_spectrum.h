/* Symmetric eigenproblems through LAPACKE _work routines, grouping of
   eigenvalues into distinct values with multiplicities, and inertia. */
#ifndef LSC_SPECTRUM_H
#define LSC_SPECTRUM_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif
#pragma GCC visibility push(default)

/* Workspace for n x n problems, with or without eigenvectors; the LAPACK
   workspace is queried once at allocation. */
typedef struct lsc_eigen_workspace lsc_eigen_workspace;
lsc_eigen_workspace *lsc_eigen_workspace_alloc (size_t n, int want_vectors);
void lsc_eigen_workspace_free (lsc_eigen_workspace *ws);

/* Eigenvalues (ascending) of the symmetric n x n row-major matrix A (its
   contents are destroyed).  If evec != NULL (and the workspace was allocated
   with vectors), column j of the row-major n x n evec is the unit
   eigenvector of eval[j].  Checks finiteness first (LSC_ENONFINITE);
   LSC_ELAPACK if LAPACK fails to converge. */
int lsc_eigen_symm (double *eval, double *evec, double *A, size_t n,
                    lsc_eigen_workspace *ws);

/* A distinct eigenvalue: mean of its cluster, multiplicity, and the spread
   (max - min) of the cluster.  (Named _cluster: a typedef may not share
   the name of the function lsc_eigen_group.) */
typedef struct lsc_eigen_cluster
{
  double value;
  size_t mult;
  double spread;
  size_t first;          /* index of the first member in the sorted input */
} lsc_eigen_cluster;

/* Group ascending eigenvalues: consecutive values differing by at most
   max(atol, rtol * max|eval|) belong to one group.  groups must hold n
   entries; *ngroups receives the count. */
int lsc_eigen_group (lsc_eigen_cluster *groups, size_t *ngroups,
                     const double *eval, size_t n, double rtol, double atol);

typedef struct
{
  size_t neg, zero, pos;
} lsc_inertia;

/* Numbers of eigenvalues < -tol, in [-tol, tol], > tol. */
int lsc_inertia_count (lsc_inertia *in, const double *eval, size_t n,
                       double tol);

#pragma GCC visibility pop
#ifdef __cplusplus
}
#endif
#endif
