/* Internal: small dense MPFR linear algebra for the reduced spectrum
   (cyclic Jacobi eigenvalues, Gram-Schmidt complements). */
#ifndef LSC_LINALG_MPFR_H
#define LSC_LINALG_MPFR_H

#include <stddef.h>
#include <mpfr.h>

/* Eigenvalues of the symmetric k x k matrix A (row-major, destroyed) by
   cyclic Jacobi at the precision of A's entries, ascending into ev.
   Stops when the off-diagonal Frobenius norm is below 2^-(prec+4) times
   the matrix's; then every eigenvalue is within a few units of
   2^-prec |A|_F (Weyl).  LSC_ENOCONV after 64 sweeps. */
int lsc_mpfr_jacobi (mpfr_t *ev, mpfr_t *A, size_t k);

/* Orthonormal basis C (vectors of length n stored one after another:
   C + j n) of (span of the ncand candidates) minus (span of the ns vectors
   S), by modified Gram-Schmidt with one reorthogonalisation at precision
   wp.  A vector whose residual is below 2^-(wp/2) times its norm counts as
   dependent.  *nc receives the number of basis vectors; C must hold
   ncand vectors.  LSC_ENOMEM on allocation failure. */
int lsc_mpfr_complement (mpfr_t *C, size_t *nc, const mpfr_t *S, size_t ns,
                         const mpfr_t *cand, size_t ncand, size_t n,
                         mpfr_prec_t wp);

/* n MPFR scratch values of precision prec in one allocation (limbs by
   mpfr_custom_init_set, initially zero): never mpfr_clear, mpfr_set_prec
   or mpfr_swap them with values of another allocation; free with
   lsc_mpfr_scratch_free (NULL is a no-op).  NULL when out of memory. */
mpfr_t *lsc_mpfr_scratch_alloc (size_t n, mpfr_prec_t prec);
void lsc_mpfr_scratch_free (mpfr_t *x);
#endif
