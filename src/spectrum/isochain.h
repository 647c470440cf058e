/* Internal: the refinement chain G -> G0 -> G1 -> G2 of the reduced
   spectrum (G0 = S_n of block 0 alone, Gq singles out q of its indices),
   with parent maps, the swap of the singled indices and MPFR metrics. */
#ifndef LSC_ISOCHAIN_H
#define LSC_ISOCHAIN_H

#include <stddef.h>
#include <mpfr.h>
#include "landscape/lsc_young.h"

/* The chain G -> G0 -> G1 -> G2 with parameter maps (0/1, each fine orbit
   in one coarse orbit: par[f] = coarse index) and the swap of G2. */
typedef struct
{
  lsc_young G0, G1, G2;
  size_t np, n0, n1, n2;
  int *par0, *par1, *par2;    /* n0, n1, n2 */
  int *swap;                  /* n2 */
} lsc_isochain;

/* Build the chain for block-0 size L >= 2 (structure made at max(L, 4):
   the parameter layout of block 0 does not depend on its size), then set
   the double sizes L, L - 1 and, when L >= 3, L - 2.  Returns the status of
   the refinement calls or LSC_ENOMEM; free with lsc_isochain_free (also
   after a failure). */
int lsc_isochain_make (lsc_isochain *ch, const lsc_young *G, double L);
void lsc_isochain_free (lsc_isochain *ch);

/* sm[i] = sqrt(metric_i) of G's parameters with block 0 of size Lq (mpfr):
   DIAG n, OFFDIAG n (n - 1), CONST n m (lsc_young_metric); NaN where the
   continuation makes a metric negative.  t is scratch. */
void lsc_isochain_sqrt_metric (mpfr_t *sm, const lsc_young *G,
                               const mpfr_t Lq, mpfr_t t);

#endif
