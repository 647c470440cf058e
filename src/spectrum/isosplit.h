/* Internal: a component of the large block's S_n split further by the
   symmetric groups of the small blocks (lsc_isotypic(3)). */
#ifndef LSC_ISOSPLIT_H
#define LSC_ISOSPLIT_H

#include <stddef.h>
#include <mpfr.h>
#include "landscape/lsc_young.h"

/* The small blocks of G (size >= 2) as they appear, split into
   singletons, in a refinement Gq of the isotypic chain: block b of G has
   p[b] singleton row blocks row[b][0..p) of Gq (none if G's rows there
   are not a block of b) and column blocks col[b][0..p) (none for an
   unpaired row block), child a's row paired with child a's column. */
typedef struct
{
  size_t nb;
  size_t p[LSC_YOUNG_MAX];
  int nrow[LSC_YOUNG_MAX], ncol[LSC_YOUNG_MAX];
  int row[LSC_YOUNG_MAX][LSC_YOUNG_MAX], col[LSC_YOUNG_MAX][LSC_YOUNG_MAX];
} lsc_isosplit_blocks;

/* The small blocks of G in Gq, from the origin of every row and column
   block of Gq in G (orow, ocol: the block of G it comes from).  Returns
   LSC_EINVAL when the children do not match G's sizes. */
int lsc_isosplit_blocks_make (lsc_isosplit_blocks *sb, const lsc_young *Gq,
                              const int *orow, const int *ocol,
                              const lsc_young *G);

/* Split U = span(C) (k orthonormal vectors of length n, one after another,
   in the orthonormalised orbit coordinates of Fix(Gq); U invariant under
   the small blocks' groups) into the multiplicity spaces of the irreducible
   representations of S_p1 x ... x S_pr: for each small block in turn the
   trivial part (vectors fixed by S_p), the standard part (fixed by the
   stabiliser S_(p-1) of one child, orthogonal to the trivial part), the
   exterior-square part x (fixed by S_(p-2), odd under the swap of the two
   singled children, orthogonal to {v - swap v} of the standard part) and y
   (even under the swap, orthogonal to the trivial part and {v + swap v}).
   An eigenvalue of the compression of an invariant operator to a piece is
   an eigenvalue of its compression to U with multiplicity mult[j] times
   its multiplicity in the piece.  Output: B (k vectors of length n: piece
   j is kp[j] vectors from B + (kp[0] + ... + kp[j-1]) n), mult, *npiece
   (at most k pieces).  wp: working precision.  LSC_EFAILED when the
   dimensions do not add up (sum of kp[j] mult[j] != k), LSC_ENOMEM. */
int lsc_isosplit (mpfr_t *B, size_t *kp, double *mult, size_t *npiece,
                  const mpfr_t *C, size_t k, size_t n, const lsc_young *Gq,
                  const lsc_isosplit_blocks *sb, mpfr_prec_t wp);

#endif
