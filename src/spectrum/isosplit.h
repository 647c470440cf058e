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
  /* A compressed small block (comp[j]: paired, p >= 4) is not split into
     singletons but into three paired blocks: the rest, of size p - 2
     (rest_row, rest_col), and two singled children (row[j][0..1],
     col[j][0..1]); Fix(Gq) then holds only the vectors fixed by S_(p-2),
     and the averages over S_p and over the stabiliser S_(p-1) of child 0
     are the orthogonal projections onto Fix of Gq with both children
     (f = 0) or child 1 (f = 1) merged back into the rest: par[j][f][i] is
     the parent of Gq's parameter i there, mc[j][f][i] that parent's
     metric, mf[i] the metric of parameter i (block 0 at a fixed size: the
     ratios do not depend on it). */
  int comp[LSC_YOUNG_MAX];
  int rest_row[LSC_YOUNG_MAX], rest_col[LSC_YOUNG_MAX];
  int *par[LSC_YOUNG_MAX][2];
  double *mc[LSC_YOUNG_MAX][2];
  double *mf;
} lsc_isosplit_blocks;

/* The small blocks of G in Gq, from the origin of every row and column
   block of Gq in G (orow, ocol: the block of G it comes from); comp (NULL:
   none) marks the row blocks of G kept compressed, whose rest comes first
   among their children in Gq.  Returns LSC_EINVAL when the children do not
   match G's sizes, LSC_ENOMEM. */
int lsc_isosplit_blocks_make (lsc_isosplit_blocks *sb, const lsc_young *Gq,
                              const int *orow, const int *ocol,
                              const lsc_young *G, const int *comp);
void lsc_isosplit_blocks_free (lsc_isosplit_blocks *sb);

/* The parent of every parameter of fine in coarse (*par: malloc, length
   nparams(fine)), from the block parents rp, cp (lsc_young_param_map).
   LSC_ENOMEM, or the map's status. */
int lsc_isosplit_parents (int **par, const lsc_young *fine, const int *rp,
                          const int *cp, const lsc_young *coarse);

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
   its multiplicity in the piece (U in the S_(p-2)-fixed coordinates of a
   compressed block: mult[j] counts the whole irreducible, of which U
   holds the 1, 2, 1, 1 vectors fixed by S_(p-2) for t, s, x, y).
   Output: B (k vectors of length n: piece j is kp[j] vectors from B +
   (kp[0] + ... + kp[j-1]) n), mult, *npiece (at most k pieces).  wp:
   working precision.  LSC_EFAILED when the dimensions do not add up (the
   pieces' shares of U do not sum to k), LSC_ENOMEM. */
int lsc_isosplit (mpfr_t *B, size_t *kp, double *mult, size_t *npiece,
                  const mpfr_t *C, size_t k, size_t n, const lsc_young *Gq,
                  const lsc_isosplit_blocks *sb, mpfr_prec_t wp);

#endif
