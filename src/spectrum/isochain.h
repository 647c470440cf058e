/* Internal: the refinement chain G -> G0 -> G1 -> G2 of the reduced
   spectrum (G0 = S_n of block 0 alone, Gq singles out q of its indices),
   with parent maps, the swap of the singled indices and MPFR metrics. */
#ifndef LSC_ISOCHAIN_H
#define LSC_ISOCHAIN_H

#include <stddef.h>
#include <mpfr.h>
#include "landscape/lsc_young.h"
#include "spectrum/isosplit.h"

/* The chain G -> G0 -> G1 -> G2 with parameter maps (0/1, each fine orbit
   in one coarse orbit: par[f] = coarse index) and the swap of G2. */
typedef struct
{
  lsc_young G0, G1, G2;
  size_t np, n0, n1, n2;
  int *par0, *par1, *par2;    /* n0, n1, n2 */
  int *swap;                  /* n2 */
  /* the small blocks of G (size >= 2) in G0, G1, G2: their symmetric
     groups split each component further (isosplit.h) */
  lsc_isosplit_blocks sb[3];
} lsc_isochain;

/* The three groups of the chain alone, the one construction that both
   spectra use: G0 = G with block 0 split off from the small blocks (S_n of
   block 0 alone), G1 and G2 single out one and two of its indices, each
   with its row and column parent maps (rp[q], cp[q]: the block of the
   coarser group that every block of Gq comes from).  G's block 0 is given
   the size Ls for the construction (the parameter layout of a block
   depends on its size only below 3); the caller sets the real sizes. */
int lsc_isochain_groups (lsc_young Gq[3], int rp[3][LSC_YOUNG_MAX],
                         int cp[3][LSC_YOUNG_MAX], const lsc_young *G,
                         double Ls);

/* Build the chain for block-0 size L >= 2 (structure made at max(L, 4):
   the parameter layout of block 0 does not depend on its size), then set
   the double sizes L, L - 1 and, when L >= 3, L - 2.  Returns LSC_EUNSUP
   when the finest group needs more than LSC_YOUNG_MAX row or column
   blocks, else the status of the refinement calls or LSC_ENOMEM; free with lsc_isochain_free (also
   after a failure). */
int lsc_isochain_make (lsc_isochain *ch, const lsc_young *G, double L);

/* 1 when lsc_isochain_make's finest group (small blocks as singletons, two
   singled indices of block 0) has at most LSC_YOUNG_MAX row and column
   blocks, else 0.  No error hook. */
int lsc_isochain_fits (const lsc_young *G);

/* The same chain with every paired small block of integral size p >= 4
   kept as (p - 2, 1, 1) instead of p singletons (lsc_isosplit_blocks:
   comp): Fix(G2) then holds only what the small blocks' t, s, x, y need,
   e.g. 42 parameters instead of 170 for L,10.  Eigenvalues found there
   count with the whole irreducible's dimension (lsc_isosplit's mult). */
int lsc_isochain_make_small (lsc_isochain *ch, const lsc_young *G, double L);
void lsc_isochain_free (lsc_isochain *ch);

/* sm[i] = sqrt(metric_i) of G's parameters with block 0 of size Lq (mpfr):
   DIAG n, OFFDIAG n (n - 1), CONST n m (lsc_young_metric); NaN where the
   continuation makes a metric negative.  t is scratch. */
void lsc_isochain_sqrt_metric (mpfr_t *sm, const lsc_young *G,
                               const mpfr_t Lq, mpfr_t t);

#endif
