/* Internal: double-double cyclic Jacobi for the accurate double path. */
#ifndef LSC_LINALG_DD_H
#define LSC_LINALG_DD_H

#include <stddef.h>

/* Eigenvalues of the symmetric k x k matrix hi + lo (row-major; lo may be
   NULL) in double-double arithmetic, ascending, as ev[i] + evlo[i].  Each
   is within about k 2^-100 |A|_F of the exact eigenvalue.  LSC_ENOMEM,
   LSC_ENONFINITE for a non-finite entry, LSC_ENOCONV after 64 sweeps. */
int lsc_dd_jacobi (double *ev, double *evlo, const double *hi,
                   const double *lo, size_t k);

#endif
