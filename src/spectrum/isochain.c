/* The refinement chain of the reduced spectrum: structure, parent maps of
   the parameter inclusions, the swap of the two singled indices, metrics. */
#include <config.h>
#include <stdlib.h>
#include <string.h>
#include "internal.h"
#include "spectrum/isochain.h"

void
lsc_isochain_free (lsc_isochain *ch)
{
  free (ch->par0); free (ch->par1); free (ch->par2); free (ch->swap);
}

/* Parent index of every fine parameter from the 0/1 inclusion map. */
static int
parents (int **par, const lsc_young *fine, const int *rp, const int *cp,
         const lsc_young *coarse)
{
  size_t nf = lsc_young_nparams (fine), nc = lsc_young_nparams (coarse);
  double *A = malloc (nf * nc * sizeof *A);
  *par = malloc (nf * sizeof **par);
  if (!A || !*par)
    {
      free (A);
      return LSC_ENOMEM;
    }
  int rc = lsc_young_param_map (A, fine, rp, cp, coarse);
  for (size_t i = 0; !rc && i < nf; i++)
    for (size_t j = 0; j < nc; j++)
      if (A[i * nc + j] != 0)
        (*par)[i] = (int) j;
  free (A);
  return rc;
}

int
lsc_isochain_groups (lsc_young Gq[3], int rp[3][LSC_YOUNG_MAX],
                     int cp[3][LSC_YOUNG_MAX], const lsc_young *G, double Ls)
{
  lsc_young Gs = *G;
  Gs.rsize[0] = Gs.csize[Gs.pair[0]] = Ls;
  int rc = lsc_young_split_small (&Gq[0], rp[0], cp[0], &Gs);
  if (!rc)
    rc = lsc_young_single_out (&Gq[1], rp[1], cp[1], &Gq[0], 0, 1);
  if (!rc)
    rc = lsc_young_single_out (&Gq[2], rp[2], cp[2], &Gq[1], 0, 1);
  return rc;
}

int
lsc_isochain_make (lsc_isochain *ch, const lsc_young *G, double L)
{
  int rp[3][LSC_YOUNG_MAX], cp[3][LSC_YOUNG_MAX];
  lsc_young Gq[3];
  memset (ch, 0, sizeof *ch);
  lsc_young Gs = *G;
  Gs.rsize[0] = Gs.csize[Gs.pair[0]] = L > 4 ? L : 4;
  int rc = lsc_isochain_groups (Gq, rp, cp, G, Gs.rsize[0]);
  if (rc)
    return rc;
  ch->G0 = Gq[0];
  ch->G1 = Gq[1];
  ch->G2 = Gq[2];
  ch->G0.rsize[0] = ch->G0.csize[ch->G0.pair[0]] = L;
  ch->G1.rsize[0] = ch->G1.csize[ch->G1.pair[0]] = L - 1;
  if (L >= 3)
    ch->G2.rsize[0] = ch->G2.csize[ch->G2.pair[0]] = L - 2;
  ch->np = lsc_young_nparams (G);
  ch->n0 = lsc_young_nparams (&ch->G0);
  ch->n1 = lsc_young_nparams (&ch->G1);
  ch->n2 = lsc_young_nparams (&ch->G2);
  if ((rc = parents (&ch->par0, &ch->G0, rp[0], cp[0], &Gs))
      || (rc = parents (&ch->par1, &ch->G1, rp[1], cp[1], &ch->G0))
      || (rc = parents (&ch->par2, &ch->G2, rp[2], cp[2], &ch->G1)))
    return rc;
  /* the block of G that every block of G0, G1, G2 comes from (singled
     indices of block 0: block 0) */
  int orow[3][LSC_YOUNG_MAX], ocol[3][LSC_YOUNG_MAX];
  const lsc_young *Gqs[3] = { &ch->G0, &ch->G1, &ch->G2 };
  for (int q = 0; q < 3; q++)
    {
      for (size_t b = 0; b < Gqs[q]->nrb; b++)
        orow[q][b] = q ? orow[q - 1][rp[q][b]] : rp[0][b];
      for (size_t b = 0; b < Gqs[q]->ncb; b++)
        ocol[q][b] = q ? ocol[q - 1][cp[q][b]] : cp[0][b];
      if ((rc = lsc_isosplit_blocks_make (&ch->sb[q], Gqs[q], orow[q],
                                          ocol[q], G)))
        return rc;
    }
  ch->swap = malloc (ch->n2 * sizeof *ch->swap);
  if (!ch->swap)
    return LSC_ENOMEM;
  int s1 = (int) ch->G1.nrb - 1, s2 = (int) ch->G2.nrb - 1;
  int c1 = ch->G2.pair[s1], c2 = ch->G2.pair[s2];
  for (size_t i = 0; i < ch->n2; i++)
    {
      lsc_param_info pi;
      lsc_young_param (&pi, &ch->G2, i);
      int r = pi.rb == s1 ? s2 : pi.rb == s2 ? s1 : pi.rb;
      int c = pi.cb == c1 ? c2 : pi.cb == c2 ? c1 : pi.cb;
      ch->swap[i] = lsc_young_param_index (&ch->G2, r, c, pi.kind);
    }
  return LSC_SUCCESS;
}

/* Square roots of the Gram metric of G at large block size Lq (mpfr). */
void
lsc_isochain_sqrt_metric (mpfr_t *sm, const lsc_young *G, const mpfr_t Lq, mpfr_t t)
{
  size_t np = lsc_young_nparams (G);
  for (size_t i = 0; i < np; i++)
    {
      lsc_param_info pi;
      lsc_young_param (&pi, G, i);
      if (pi.rb == 0)
        mpfr_set (sm[i], Lq, MPFR_RNDN);
      else
        mpfr_set_d (sm[i], G->rsize[pi.rb], MPFR_RNDN);
      if (pi.kind == LSC_PARAM_OFFDIAG)
        {
          mpfr_sub_ui (t, sm[i], 1, MPFR_RNDN);
          mpfr_mul (sm[i], sm[i], t, MPFR_RNDN);
        }
      else if (pi.kind == LSC_PARAM_CONST)
        {
          if (pi.cb == G->pair[0])
            mpfr_mul (sm[i], sm[i], Lq, MPFR_RNDN);
          else
            mpfr_mul_d (sm[i], sm[i], G->csize[pi.cb], MPFR_RNDN);
        }
      mpfr_sqrt (sm[i], sm[i], MPFR_RNDN);
    }
}

