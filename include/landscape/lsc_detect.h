/* Detection of the Young-type isotropy of a numerical weight matrix: block
   sizes, the row and column permutations to block form, and the parameters
   of the fixed-point space.  landscape(7). */
#ifndef LSC_DETECT_H
#define LSC_DETECT_H

#include <stddef.h>
#include "landscape/lsc_young.h"

#ifdef __cplusplus
extern "C" {
#endif
#pragma GCC visibility push(default)

/* Upper bound on lsc_young_nparams of any lsc_young (every row block
   meets every column block once, plus one OFFDIAG per paired block):
   a p array of this length is always large enough. */
#define LSC_DETECT_MAXPARAMS (LSC_YOUNG_MAX * (LSC_YOUNG_MAX + 1))

/* Workspace for a k x d matrix (O(k d) words). */
typedef struct lsc_detect_workspace lsc_detect_workspace;

/* NULL if k or d is 0, k d overflows, or memory runs out. */
lsc_detect_workspace *lsc_detect_alloc (size_t k, size_t d);
void lsc_detect_free (lsc_detect_workspace *w);   /* NULL is a no-op */

/* Diagnostics of one detection. */
typedef struct
{
  double dist;       /* Frobenius distance from W to Fix(G), i.e. from the
                        permuted W to lsc_young_embed of the parameters  */
  double maxdev;     /* largest entrywise distance of the same           */
  size_t nvalues;    /* distinct entry values (clusters) at tolerance tol */
  size_t rounds;     /* colour-refinement rounds until stable            */
} lsc_detect_info;

/* Find the largest Young-type group G (integer sizes) whose fixed-point
   space contains W (k x d, row-major, row = neuron, target V = I) up to
   tol, together with permutations that put W in G's block order.

   Outputs (rowperm, colperm, p, info may be NULL):
     G        block sizes and pairing, see below;
     rowperm  length k: row t of the block form is row rowperm[t] of W;
     colperm  length d: column u of the block form is column colperm[u];
     p        lsc_young_nparams(G) <= LSC_DETECT_MAXPARAMS parameters,
              lsc_young_project of Wb[t][u] = W[rowperm[t]][colperm[u]];
     info     distances and counts.

   Method.  Entries are clustered by value (sorted; a gap > tol starts a
   new cluster).  Colour refinement on the bipartite row/column graph with
   the cluster of W[i][j] on edge (i, j) gives the coarsest equitable
   partition: rows with the same colour see the same multiset of (value,
   column colour), and likewise for columns.  A row class and a column
   class of equal size n >= 2 are paired when their block has two values of
   which one occurs exactly once in each row (the diagonal; for n = 2 the
   value of larger magnitude).  Singleton row and column classes are then
   paired greedily by decreasing |W[i][j]|.  For k = d every block must be
   paired, and leftover classes of equal size are paired even when their
   block is constant; for k != d the others stay unpaired (if nothing at
   all pairs, one equal-size pair is forced, since block 0 must be paired).
   Cost O(k d log(k d)) plus O(k d log d) per refinement round.

   Block order (canonical, independent of the order of rows and columns of
   W): paired blocks first, by decreasing size, equal sizes by decreasing
   diagonal value (differences <= tol fall back to the refinement's
   canonical class order); pair[r] = r for them.  Then unpaired row blocks
   and unpaired column blocks, each by decreasing size.  Inside a block the
   rows are in increasing index order of W; in a paired block column t is
   the column where row t has its diagonal value; unpaired columns are in
   increasing index order.

   Accuracy: if every entry of W is within tol/2 of a point of Fix(G) at
   which distinct parameter values differ by more than 2 tol, then G, the
   permutations (up to G) are recovered exactly and each parameter to
   within tol/2 (orbit averages of the perturbation).  Success requires
   info.maxdev <= tol.

   Returns LSC_SUCCESS; LSC_EFAULT (G, W or w NULL); LSC_EBADLEN (w not
   allocated for k x d); LSC_EBADTOL (tol not finite and > 0);
   LSC_ENONFINITE (NaN or infinity in W); LSC_EUNSUP (the isotropy needs
   more than LSC_YOUNG_MAX row or column blocks - e.g. a generic matrix with
   k or d > LSC_YOUNG_MAX, "no symmetry" - or no block can be paired; only
   info is filled); LSC_ENOTFIX (the partition found is not of Young type
   or W is farther than tol from Fix(G) in some entry, e.g. tol chained
   distinct values or coincident values created extra symmetry; all outputs
   are filled with the candidate so it can be inspected).  A generic matrix
   with k, d <= LSC_YOUNG_MAX gives the trivial group (all blocks of size 1,
   paired as above) and LSC_SUCCESS. */
int lsc_detect (lsc_young *G, size_t *rowperm, size_t *colperm, double *p,
                lsc_detect_info *info, const double *W, size_t k, size_t d,
                double tol, lsc_detect_workspace *w);

#pragma GCC visibility pop
#ifdef __cplusplus
}
#endif
#endif
