/* The refinement chain of the reduced spectrum: structure, parent maps of
   the parameter inclusions, the swap of the two singled indices, metrics. */
#include <config.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "internal.h"
#include "spectrum/isochain.h"

void
lsc_isochain_free (lsc_isochain *ch)
{
  free (ch->par0); free (ch->par1); free (ch->par2); free (ch->swap);
  for (int q = 0; q < 3; q++)
    lsc_isosplit_blocks_free (&ch->sb[q]);
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

/* Row and column blocks of the finest group G2: block 0, every index of
   the small blocks as a singleton, two singled indices of block 0.  More
   than LSC_YOUNG_MAX is a limit of the representation (LSC_EUNSUP), not
   an invalid group; non-integral small blocks are left to
   lsc_young_split_small (LSC_EINVAL). */
int
lsc_isochain_fits (const lsc_young *G)
{
  double nr = 3, nc = 3;
  for (size_t r = 1; r < G->nrb; r++)
    nr += G->rsize[r];
  for (size_t c = 0; c < G->ncb; c++)
    if ((int) c != G->pair[0])
      nc += G->csize[c];
  return !(nr > LSC_YOUNG_MAX || nc > LSC_YOUNG_MAX);
}

/* G with block 0 alone (as lsc_young_split_small), except that the paired
   small blocks of integral size p >= 4 (comp[r] = 1) become three paired
   blocks, the rest (p - 2) first, then two singletons.  LSC_EUNSUP when
   that needs more than LSC_YOUNG_MAX blocks. */
static int
split_compressed (lsc_young *f, int *rp, int *cp, int *comp,
                  const lsc_young *G)
{
  int cfirst[LSC_YOUNG_MAX], ccomp[LSC_YOUNG_MAX] = { 0 };
  size_t nr = 0, nc = 0;
  memset (f, 0, sizeof *f);
  for (size_t r = 0; r < G->nrb; r++)
    {
      comp[r] = r > 0 && G->pair[r] >= 0 && G->rsize[r] >= 4
                && G->rsize[r] == floor (G->rsize[r]);
      if (comp[r])
        ccomp[G->pair[r]] = 1;
    }
  for (size_t c = 0; c < G->ncb; c++)
    {
      int big = (int) c == G->pair[0];
      if (!big && G->csize[c] != floor (G->csize[c]))
        LSC_ERROR ("small blocks must have integer sizes", LSC_EINVAL);
      size_t m = big ? 1 : ccomp[c] ? 3 : (size_t) G->csize[c];
      if (nc + m > LSC_YOUNG_MAX)
        LSC_ERROR ("the isotypic chain needs more than LSC_YOUNG_MAX column "
                   "blocks", LSC_EUNSUP);
      cfirst[c] = (int) nc;
      for (size_t t = 0; t < m; t++, nc++)
        {
          f->csize[nc] = big ? G->csize[c] : ccomp[c] && t == 0
                                                 ? G->csize[c] - 2 : 1;
          cp[nc] = (int) c;
        }
    }
  for (size_t r = 0; r < G->nrb; r++)
    {
      if (r && G->rsize[r] != floor (G->rsize[r]))
        LSC_ERROR ("small blocks must have integer sizes", LSC_EINVAL);
      size_t m = r == 0 ? 1 : comp[r] ? 3 : (size_t) G->rsize[r];
      if (nr + m > LSC_YOUNG_MAX)
        LSC_ERROR ("the isotypic chain needs more than LSC_YOUNG_MAX row "
                   "blocks", LSC_EUNSUP);
      for (size_t t = 0; t < m; t++, nr++)
        {
          f->rsize[nr] = r == 0 ? G->rsize[0] : comp[r] && t == 0
                                                   ? G->rsize[r] - 2 : 1;
          f->pair[nr] = G->pair[r] < 0 ? -1 : cfirst[G->pair[r]] + (int) t;
          rp[nr] = (int) r;
        }
    }
  f->nrb = nr;
  f->ncb = nc;
  return LSC_SUCCESS;
}

static int
build (lsc_isochain *ch, const lsc_young *G, double L, int compress)
{
  int rp[3][LSC_YOUNG_MAX], cp[3][LSC_YOUNG_MAX], comp[LSC_YOUNG_MAX];
  lsc_young Gq[3];
  memset (ch, 0, sizeof *ch);
  lsc_young Gs = *G;
  Gs.rsize[0] = Gs.csize[Gs.pair[0]] = L > 4 ? L : 4;
  int rc;
  if (!compress)
    {
      if (!lsc_isochain_fits (G))
        LSC_ERROR ("the isotypic chain needs more than LSC_YOUNG_MAX blocks",
                   LSC_EUNSUP);
      rc = lsc_isochain_groups (Gq, rp, cp, G, Gs.rsize[0]);
    }
  else if (!(rc = lsc_young_check (&Gs))
           && !(rc = split_compressed (&Gq[0], rp[0], cp[0], comp, &Gs)))
    {
      if (Gq[0].nrb + 2 > LSC_YOUNG_MAX || Gq[0].ncb + 2 > LSC_YOUNG_MAX)
        LSC_ERROR ("the isotypic chain needs more than LSC_YOUNG_MAX blocks",
                   LSC_EUNSUP);
      rc = lsc_young_single_out (&Gq[1], rp[1], cp[1], &Gq[0], 0, 1);
      if (!rc)
        rc = lsc_young_single_out (&Gq[2], rp[2], cp[2], &Gq[1], 0, 1);
    }
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
  if ((rc = lsc_isosplit_parents (&ch->par0, &ch->G0, rp[0], cp[0], &Gs))
      || (rc = lsc_isosplit_parents (&ch->par1, &ch->G1, rp[1], cp[1], &ch->G0))
      || (rc = lsc_isosplit_parents (&ch->par2, &ch->G2, rp[2], cp[2], &ch->G1)))
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
                                          ocol[q], G,
                                          compress ? comp : NULL)))
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

int
lsc_isochain_make (lsc_isochain *ch, const lsc_young *G, double L)
{
  return build (ch, G, L, 0);
}

int
lsc_isochain_make_small (lsc_isochain *ch, const lsc_young *G, double L)
{
  return build (ch, G, L, 1);
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

