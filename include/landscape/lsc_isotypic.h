/* Hessian spectra by isotypic components of the large block's symmetric
   group, at any real dimension, at a cost independent of d.  landscape(7). */
#ifndef LSC_ISOTYPIC_H
#define LSC_ISOTYPIC_H

#include <stddef.h>
#include <mpfr.h>
#include "landscape/lsc_young.h"
#include "landscape/lsc_spectrum.h"

#ifdef __cplusplus
extern "C" {
#endif
#pragma GCC visibility push(default)

/* Irreducible representations of S_n met in M(k, d) (n = size of block 0):
   t trivial (dim 1), s standard (n-1), x exterior square ((n-1)(n-2)/2),
   y the partition (n-2, 2) (n(n-3)/2). */
enum { LSC_IRREP_T = 0, LSC_IRREP_S = 1, LSC_IRREP_X = 2, LSC_IRREP_Y = 3 };

/* "t", "s", "x", "y" (or "?"). */
const char *lsc_irrep_name (int irrep);

/* Dimension of the irrep as the polynomial in real n given above. */
double lsc_irrep_dim (int irrep, double n);

/* One distinct eigenvalue of the Hessian within one isotypic component. */
typedef struct
{
  double value;
  int irrep;        /* LSC_IRREP_*                                          */
  size_t inner;     /* repeats inside the component's compressed matrix
                       (from the symmetry of the small blocks)              */
  double mult;      /* multiplicity in M(k,d): inner * lsc_irrep_dim(irrep) */
  double spread;    /* spread of the merged cluster                         */
} lsc_iso_eigen;

/* Workspace for one block structure (the sizes of block 0 may vary between
   calls; the other blocks and the pairing may not).  Its size does not
   depend on d.  When the small blocks split into singletons need more
   than LSC_YOUNG_MAX blocks, lsc_isotypic_spectrum computes the spectrum
   as lsc_isotypic_spectrum_accurate does (small blocks of size >= 4 kept
   compressed); NULL when neither route can represent G, or no memory. */
typedef struct lsc_isotypic_workspace lsc_isotypic_workspace;
lsc_isotypic_workspace *lsc_isotypic_alloc (const lsc_young *G);
void lsc_isotypic_free (lsc_isotypic_workspace *ws);

/* Upper bound on the number of entries lsc_isotypic_spectrum writes. */
size_t lsc_isotypic_max (const lsc_isotypic_workspace *ws);

/* Distinct Hessian eigenvalues at the point p of Fix(G), by component,
   sorted by component (t, s, x, y) then value.  Eigenvalues of one
   component within max(atol, rtol * scale) are merged (scale = largest
   |eigenvalue| of all components).  Components whose dimension is zero at
   this n are left out, and s needs n >= 2, x and y need n >= 3 (the
   reduction singles out one and two indices of block 0).
   Method: the Hessian restricted to Fix(G0), Fix(G1), Fix(G2) (G0 = S_n
   alone, Gq singles out q indices of block 0) in the Gram metric; s is the
   complement of Fix(G0) in Fix(G1); x and y are the complement of the two
   copies of Fix(G1) in Fix(G2), split by the swap of the two singled
   indices (odd: x, even: y).  LSC_EDOM for a zero row, LSC_EINVAL if G's
   structure differs from the workspace's. */
int lsc_isotypic_spectrum (lsc_iso_eigen *out, size_t *nout, const double *p,
                           const lsc_young *G, double rtol, double atol,
                           lsc_isotypic_workspace *ws);

/* The full Hessian spectrum of the study's problem (V = I, alpha = beta =
   1, m = d) at W (k x d) without a dense eigensolve: the Young-type
   isotropy G of W is detected with tolerance dtol (lsc_detect), the
   isotypic spectrum is computed at the detected parameters, and the
   eigenvalues of all components, each counted with its multiplicity in
   M(k, d), are grouped as lsc_eigen_group would group the full sorted
   spectrum (consecutive values within max(atol, rtol * max |eigenvalue|)).
   grp[g] receives value (mean), mult, spread and first (index of its first
   member in the ascending full list); comp[g] the bit set of components
   (1 << LSC_IRREP_*) it holds.  grp and comp must hold k d entries
   (at most that many groups).  Cost independent of d beyond the detection
   (O(k d log(k d))).  The values are those of the Hessian at the
   symmetrised point, within dtol of W in every entry: pass a dtol near the
   rounding level of W when its digits matter.  Returns LSC_SUCCESS; the
   statuses of lsc_detect (LSC_EUNSUP, LSC_ENOTFIX: no usable isotropy);
   LSC_EUNSUP when the large block has fewer than 3 indices or the small
   blocks, split into singletons, need more than LSC_YOUNG_MAX blocks
   (more than 13 row or column indices outside the large block);
   LSC_EFAILED
   if the components' multiplicities do not add up to k d; LSC_EBADTOL,
   LSC_EFAULT, LSC_EBADLEN, LSC_ENOMEM.  Callers fall back to the dense
   route on any failure. */
int lsc_isotypic_full (lsc_eigen_cluster *grp, unsigned *comp, size_t *ng,
                       lsc_young *G, const double *W, size_t k, size_t d,
                       double dtol, double rtol, double atol);

/* ---- MPFR ----
   The same spectrum with every step in MPFR (restricted Hessians by
   lsc_restricted_eval_mpfr, Gram-Schmidt complements with
   reorthogonalisation, cyclic Jacobi), for the large block's size
   L = d - (other column sizes) taken from the mpfr d; L must be >= 2
   (LSC_EDOM otherwise; x and y are computed for L >= 3, as in the double
   path, and orbits of metric 0 are deflated).  The working
   precision is prec + 2 log2 L + 32 + log2(nparams), prec the largest
   precision of values[0 .. lsc_isotypic_max_mpfr(G)); values receives the
   distinct eigenvalues (cluster means) and info the metadata of
   lsc_iso_eigen (info[i].value = values[i] rounded).  Merging compares
   differences with max(atol, rtol * scale) as in lsc_isotypic_spectrum;
   use a tolerance far below the wanted accuracy and far above 2^-prec
   (e.g. rtol = 2^(-prec/2)).  Each value is within 2^(8 - prec) of the
   largest |eigenvalue| (MPFR at prec and 2 prec agree to that bound in
   the tests; W = I closed forms of landscape(7) are met to 1e-30 at 128 bits
   for d up to 1e6).  LSC_EFAILED if a complement has the wrong dimension
   (a rank decision failed), LSC_ENOCONV if Jacobi does not converge, plus
   the statuses of lsc_restricted_eval_mpfr. */
size_t lsc_isotypic_max_mpfr (const lsc_young *G);   /* 0 for a bad G or
   one with more than LSC_YOUNG_MAX blocks once its small blocks are split
   into single rows and two indices singled out (this route cannot refine
   it) */

/* The eigenvalues of one component (LSC_IRREP_*) only, as
   lsc_isotypic_spectrum_mpfr would list them: t and s skip the finest
   fixed space, which is most of the cost for groups with small blocks.
   LSC_EINVAL for an unknown component. */
int lsc_isotypic_component_mpfr (mpfr_t *values, lsc_iso_eigen *info,
                                 size_t *nout, const mpfr_t *p,
                                 const lsc_young *G, const mpfr_t d,
                                 int irrep, double rtol, double atol);
int lsc_isotypic_spectrum_mpfr (mpfr_t *values, lsc_iso_eigen *info,
                                size_t *nout, const mpfr_t *p,
                                const lsc_young *G, const mpfr_t d,
                                double rtol, double atol);

/* Accurate double mode: lsc_isotypic_spectrum_mpfr at 128 bits for the
   double point p at d = lsc_young_d (G), rounded: every value correctly
   rounded up to 1 ulp (against the d eps error of the double path).  Same
   arguments and statuses as lsc_isotypic_spectrum, no workspace; out must
   hold lsc_isotypic_max_mpfr(G) entries; LSC_EUNSUP when that is 0 for a
   valid G (too many blocks for this route). */
int lsc_isotypic_spectrum_accurate (lsc_iso_eigen *out, size_t *nout,
                                    const double *p, const lsc_young *G,
                                    double rtol, double atol);

/* Labels of the full Hessian's eigenvalue groups from the eigenvectors
   (an independent route to the components): G has integer sizes and a
   large block of at least 3 indices, evec (n x n row-major, n = k d,
   column j the unit eigenvector of the sorted eigenvalue j, as from
   lsc_eigen_symm) is the eigendecomposition of the Hessian at a point of
   Fix(G) embedded in G's block order (lsc_young_embed), and grp (ng
   groups, from lsc_eigen_group) groups its eigenvalues.  For each group g,
   counts[4 g + irrep] receives how many copies of each component its
   eigenspace holds, from the dimensions of its projections onto Fix(S_n),
   Fix(S_{n-1}) and Fix(S_{n-2}) split by the swap of the two singled
   indices: so that sum_irrep counts * dim(irrep) = the group's
   multiplicity when the grouping is right.  LSC_EDOM for sizes that do
   not qualify. */
int lsc_isotypic_label_full (size_t *counts, const double *evec,
                             const lsc_eigen_cluster *grp, size_t ng,
                             const lsc_young *G);

/* Labels of the distinct eigenvalues grp (ng groups, from lsc_eigen_group)
   of the full Hessian at W (k x d, target V = I, alpha = beta = 1): the
   Young-type isotropy of W is detected at tolerance dtol max(1, max|W|);
   when it has a large block of 3 or more, label[g] receives the
   components ("s", "t+x", ...) of the reduced spectrum at the detected
   parameters whose values lie within etol of group g, or "?" when their
   multiplicities do not add up to the group's, and *G (if G is not
   NULL) the detected group; otherwise every label is empty and *G is
   zeroed (G->nrb = 0).  LSC_EFAULT, LSC_ENONFINITE, LSC_ENOMEM. */
#define LSC_LABEL_LEN 16
int lsc_isotypic_cluster_labels (char (*label)[LSC_LABEL_LEN], lsc_young *G,
                                 const lsc_eigen_cluster *grp, size_t ng,
                                 const double *W, size_t k, size_t d,
                                 double etol, double dtol);

#pragma GCC visibility pop
#ifdef __cplusplus
}
#endif
#endif
