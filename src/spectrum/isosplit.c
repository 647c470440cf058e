/* A component of the large block's S_n split by the small blocks'
   symmetric groups: orbit averages over the stabilisers of none, one and
   two children of each small block, the swap of two children, and
   Gram-Schmidt complements, all exact permutations of orbit coordinates
   at the working precision.  The pieces are the multiplicity spaces of
   the small blocks' irreducibles (t, s, x, y of each S_p); an invariant
   operator's eigenvalues on the whole component are those on the pieces,
   repeated by the irreducibles' dimensions. */
#include <config.h>
#include <stdlib.h>
#include <string.h>
#include "internal.h"
#include "kernel/kernel_mpfr.h"
#include "spectrum/linalg_mpfr.h"
#include "spectrum/isosplit.h"

int
lsc_isosplit_parents (int **par, const lsc_young *fine, const int *rp,
                      const int *cp, const lsc_young *coarse)
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

void
lsc_isosplit_blocks_free (lsc_isosplit_blocks *sb)
{
  for (size_t j = 0; j < LSC_YOUNG_MAX; j++)
    for (int f = 0; f < 2; f++)
      {
        free (sb->par[j][f]);
        free (sb->mc[j][f]);
        sb->par[j][f] = NULL;
        sb->mc[j][f] = NULL;
      }
  free (sb->mf);
  sb->mf = NULL;
}

/* F (block 0 at a fixed integer size) with the children of compressed
   block j merged back into its rest: child 1 (f = 1) or both (f = 0).
   The parent of every parameter and the parent's metric into
   sb->par[j][f], sb->mc[j][f]. */
static int
merge_children (lsc_isosplit_blocks *sb, size_t j, int f, const lsc_young *F)
{
  int mr[2] = { sb->row[j][1], f ? -1 : sb->row[j][0] };
  int mcl[2] = { sb->col[j][1], f ? -1 : sb->col[j][0] };
  int rp[LSC_YOUNG_MAX], cp[LSC_YOUNG_MAX];
  lsc_young C = { 0 };
  double add = f ? 1 : 2;
  for (size_t c = 0; c < F->ncb; c++)
    if ((int) c == mcl[0] || (int) c == mcl[1])
      cp[c] = -1;
    else
      {
        cp[c] = (int) C.ncb;
        C.csize[C.ncb++] = F->csize[c] + ((int) c == sb->rest_col[j] ? add : 0);
      }
  for (size_t c = 0; c < F->ncb; c++)
    if (cp[c] < 0)
      cp[c] = cp[sb->rest_col[j]];
  for (size_t r = 0; r < F->nrb; r++)
    if ((int) r == mr[0] || (int) r == mr[1])
      rp[r] = -1;
    else
      {
        rp[r] = (int) C.nrb;
        C.pair[C.nrb] = F->pair[r] < 0 ? -1 : cp[F->pair[r]];
        C.rsize[C.nrb++] = F->rsize[r] + ((int) r == sb->rest_row[j] ? add : 0);
      }
  for (size_t r = 0; r < F->nrb; r++)
    if (rp[r] < 0)
      rp[r] = rp[sb->rest_row[j]];
  size_t nf = lsc_young_nparams (F), nc = lsc_young_nparams (&C);
  double *m = malloc (nc * sizeof *m);
  sb->mc[j][f] = malloc ((nf ? nf : 1) * sizeof *sb->mc[j][f]);
  int rc = !m || !sb->mc[j][f] ? LSC_ENOMEM : lsc_young_metric (m, &C);
  if (!rc)
    rc = lsc_isosplit_parents (&sb->par[j][f], F, rp, cp, &C);
  for (size_t i = 0; !rc && i < nf; i++)
    sb->mc[j][f][i] = m[sb->par[j][f][i]];
  free (m);
  return rc;
}

int
lsc_isosplit_blocks_make (lsc_isosplit_blocks *sb, const lsc_young *Gq,
                          const int *orow, const int *ocol, const lsc_young *G,
                          const int *comp)
{
  int paired_col[LSC_YOUNG_MAX] = { 0 };
  memset (sb, 0, sizeof *sb);
  for (size_t r = 0; r < G->nrb; r++)
    if (G->pair[r] >= 0)
      paired_col[G->pair[r]] = 1;
  /* row blocks (with their paired columns), then unpaired column blocks */
  for (size_t r = 1; r < G->nrb + G->ncb; r++)
    {
      int isrow = r < G->nrb;
      size_t b = isrow ? r : r - G->nrb;
      double sz = isrow ? G->rsize[b] : G->csize[b];
      if (!isrow && (paired_col[b] || (int) b == G->pair[0]))
        continue;
      if (!(sz >= 2))
        continue;
      size_t j = sb->nb++;
      int cz = isrow && comp && comp[b];
      sb->p[j] = (size_t) sz;
      sb->comp[j] = cz;
      sb->rest_row[j] = sb->rest_col[j] = -1;
      if (isrow)
        for (size_t q = 0; q < Gq->nrb; q++)
          if (orow[q] == (int) b)
            {
              int c = G->pair[b] >= 0 ? Gq->pair[q] : -1;
              if (G->pair[b] >= 0 && (c < 0 || ocol[c] != G->pair[b]))
                return LSC_EINVAL;
              if (cz && sb->rest_row[j] < 0)
                {
                  sb->rest_row[j] = (int) q;
                  sb->rest_col[j] = c;
                  continue;
                }
              int a = sb->nrow[j]++;
              sb->row[j][a] = (int) q;
              if (c >= 0)
                sb->col[j][sb->ncol[j]++] = c;
            }
      if (!isrow)
        for (size_t c = 0; c < Gq->ncb; c++)
          if (ocol[c] == (int) b)
            sb->col[j][sb->ncol[j]++] = (int) c;
      size_t want = cz ? 2 : sb->p[j];
      if ((size_t) (sb->nrow[j] > sb->ncol[j] ? sb->nrow[j] : sb->ncol[j])
          != want || (cz && (sb->p[j] < 4 || sb->ncol[j] != 2
                             || sb->rest_col[j] < 0)))
        return LSC_EINVAL;
    }
  int any = 0;
  for (size_t j = 0; j < sb->nb; j++)
    any |= sb->comp[j];
  if (!any)
    return LSC_SUCCESS;
  lsc_young F = *Gq;
  F.rsize[0] = F.csize[F.pair[0]] = 16;
  size_t n = lsc_young_nparams (&F);
  if (!(sb->mf = malloc (n * sizeof *sb->mf)))
    return LSC_ENOMEM;
  int rc = lsc_young_metric (sb->mf, &F);
  for (size_t j = 0; !rc && j < sb->nb; j++)
    for (int f = 0; !rc && f < 2 && sb->comp[j]; f++)
      rc = merge_children (sb, j, f, &F);
  return rc;
}

/* perm: the parameters of Gq under the swap of children a and b of small
   block j. */
static int
swap_perm (int *perm, size_t n, const lsc_young *Gq,
           const lsc_isosplit_blocks *sb, size_t j, int a, int b)
{
  for (size_t i = 0; i < n; i++)
    {
      lsc_param_info pi;
      lsc_young_param (&pi, Gq, i);
      int rb = pi.rb, cb = pi.cb;
      if (sb->nrow[j])
        rb = rb == sb->row[j][a] ? sb->row[j][b]
             : rb == sb->row[j][b] ? sb->row[j][a] : rb;
      if (sb->ncol[j])
        cb = cb == sb->col[j][a] ? sb->col[j][b]
             : cb == sb->col[j][b] ? sb->col[j][a] : cb;
      perm[i] = lsc_young_param_index (Gq, rb, cb, pi.kind);
      if (perm[i] < 0)
        return LSC_EFAILED;
    }
  return LSC_SUCCESS;
}

static int
find (int *root, int i)
{
  while (root[i] != i)
    i = root[i] = root[root[i]];
  return i;
}

/* root: the orbits of the parameters under the swaps perm[f..p-2] (the
   adjacent transpositions of children f..p-1: the stabiliser of children
   0..f-1). */
static void
orbits (int *root, const int *perm, size_t n, size_t f, size_t p)
{
  for (size_t i = 0; i < n; i++)
    root[i] = (int) i;
  for (size_t a = f; a + 1 < p; a++)
    for (size_t i = 0; i < n; i++)
      {
        int u = find (root, (int) i), v = find (root, perm[a * n + i]);
        if (u != v)
          root[u < v ? v : u] = u < v ? u : v;
      }
  for (size_t i = 0; i < n; i++)
    root[i] = find (root, (int) i);
}

/* out = the orbit average of x (orbits given by root; cnt, sum scratch). */
static void
average (mpfr_t *out, const mpfr_t *x, const int *root, size_t n,
         mpfr_t *sum, int *cnt)
{
  for (size_t i = 0; i < n; i++)
    {
      mpfr_set_zero (sum[i], 1);
      cnt[i] = 0;
    }
  for (size_t i = 0; i < n; i++)
    {
      mpfr_add (sum[root[i]], sum[root[i]], x[i], MPFR_RNDN);
      cnt[root[i]]++;
    }
  for (size_t i = 0; i < n; i++)
    mpfr_div_ui (out[i], sum[root[i]], (unsigned long) cnt[root[i]],
                 MPFR_RNDN);
}

/* y = x + sg * (x swapped by perm). */
static void
twist (mpfr_t *y, const mpfr_t *x, const int *perm, size_t n, int sg)
{
  for (size_t i = 0; i < n; i++)
    {
      if (sg > 0)
        mpfr_add (y[i], x[i], x[perm[i]], MPFR_RNDN);
      else
        mpfr_sub (y[i], x[i], x[perm[i]], MPFR_RNDN);
    }
}

typedef struct
{
  size_t n;
  mpfr_t *cand, *E, *S, *O, *sum, *sq;
  int *perm, *root[3], *cnt;
  const lsc_isosplit_blocks *sb; /* compressed block: the projections */
  size_t j;
} scratch;

/* out = the orthogonal projection of x onto the vectors fixed by S_p
   (f = 0) or by the stabiliser S_(p-1) of child 0 (f = 1) of compressed
   block w->j: the orbit sums of the merged group, (P x)_i = sqrt(m_i)
   sum_{i' ~ i} sqrt(m_i') x_i' / M, M the merged orbit's metric. */
static void
project (mpfr_t *out, const mpfr_t *x, int f, scratch *w)
{
  const int *par = w->sb->par[w->j][f];
  const double *mc = w->sb->mc[w->j][f];
  size_t n = w->n;
  for (size_t i = 0; i < n; i++)
    mpfr_set_zero (w->sum[i], 1);
  for (size_t i = 0; i < n; i++)
    mpfr_fma (w->sum[par[i]], w->sq[i], x[i], w->sum[par[i]], MPFR_RNDN);
  for (size_t i = 0; i < n; i++)
    {
      mpfr_mul (out[i], w->sq[i], w->sum[par[i]], MPFR_RNDN);
      mpfr_div_d (out[i], out[i], mc[i], MPFR_RNDN);
    }
}

/* Split the piece U (ku vectors) by small block j into at most four
   pieces appended to (out, okp, omult, *nout) at vector offset *off. */
static int
split_one (mpfr_t *out, size_t *off, size_t *okp, double *omult,
           size_t *nout, const mpfr_t *U, size_t ku, double mult, size_t p,
           scratch *w, mpfr_prec_t wp)
{
  size_t n = w->n, kk[4] = { 0, 0, 0, 0 };
  double dim[4] = { 1, (double) p - 1, (double) (p - 1) * (double) (p - 2) / 2,
                    (double) p * ((double) p - 3) / 2 };
  /* a compressed block's U holds, of each irreducible, the vectors fixed
     by S_(p-2) only: 1, 2, 1, 1 of them */
  int cz = w->sb && w->sb->comp[w->j];
  double share[4] = { 1, cz ? 2 : dim[1], cz ? 1 : dim[2], cz ? 1 : dim[3] };
  int rc;
  size_t tpos = *off;
  for (int c = 0; c < 4; c++)
    {
      size_t ns = 0, nc = ku;
      if ((c == 2 && p < 3) || (c == 3 && p < 4))
        continue;
      if (c <= 1)
        for (size_t v = 0; v < ku; v++)
          if (cz)
            project (w->cand + v * n, U + v * n, c, w);
          else
            average (w->cand + v * n, U + v * n, w->root[c], n, w->sum,
                     w->cnt);
      else
        for (size_t v = 0; v < ku; v++)
          twist (w->cand + v * n, w->E + v * n, w->perm, n, c == 2 ? -1 : 1);
      if (c == 1)
        ns = kk[0];
      if (c == 1 || c == 3)
        for (size_t i = 0; i < kk[0] * n; i++) /* the trivial part */
          mpfr_set (w->S[i], out[tpos * n + i], MPFR_RNDN);
      if (c >= 2)
        {
          ns = c == 3 ? kk[0] : 0;
          for (size_t v = 0; v < kk[1]; v++, ns++)
            twist (w->S + ns * n, out + (tpos + kk[0] + v) * n, w->perm, n,
                   c == 2 ? -1 : 1);
        }
      if ((rc = lsc_mpfr_complement (w->O, &kk[c], (const mpfr_t *) w->S, ns,
                                     (const mpfr_t *) w->cand, nc, n, wp)))
        return rc;
      for (size_t i = 0; i < kk[c] * n; i++)
        mpfr_set (out[(*off) * n + i], w->O[i], MPFR_RNDN);
      *off += kk[c];
      if (kk[c])
        {
          okp[*nout] = kk[c];
          omult[(*nout)++] = mult * dim[c];
        }
      if (c == 1 && p >= 3) /* E: the vectors fixed by S_(p-2) */
        {
          for (size_t v = 0; v < ku; v++)
            if (cz) /* all of U */
              for (size_t i = 0; i < n; i++)
                mpfr_set (w->E[v * n + i], U[v * n + i], MPFR_RNDN);
            else
              average (w->E + v * n, U + v * n, w->root[2], n, w->sum,
                       w->cnt);
        }
    }
  double tot = 0;
  for (int c = 0; c < 4; c++)
    tot += (double) kk[c] * share[c];
  return tot == (double) ku ? LSC_SUCCESS : LSC_EFAILED;
}

int
lsc_isosplit (mpfr_t *B, size_t *kp, double *mult, size_t *npiece,
              const mpfr_t *C, size_t k, size_t n, const lsc_young *Gq,
              const lsc_isosplit_blocks *sb, mpfr_prec_t wp)
{
  size_t pmax = 2;
  for (size_t j = 0; j < sb->nb; j++)
    pmax = sb->p[j] > pmax ? sb->p[j] : pmax;
  scratch w = { n, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
                { NULL, NULL, NULL }, NULL, sb, 0 };
  size_t kn = (k ? k : 1) * n;
  mpfr_t *nxt = lsc_mpfr_scratch_alloc (kn, wp);
  w.cand = lsc_mpfr_scratch_alloc (kn, wp);
  w.E = lsc_mpfr_scratch_alloc (kn, wp);
  w.S = lsc_mpfr_scratch_alloc (kn, wp);
  w.O = lsc_mpfr_scratch_alloc (kn, wp);
  w.sum = lsc_mpfr_scratch_alloc (n, wp);
  w.sq = lsc_mpfr_scratch_alloc (n, wp);
  w.perm = malloc ((pmax * n + 4 * n) * sizeof *w.perm);
  size_t *nkp = malloc (k * sizeof *nkp + 1);
  double *nmult = malloc (k * sizeof *nmult + 1);
  int rc = LSC_SUCCESS;
  *npiece = 0;
  if (k == 0)
    goto done;
  if (!nxt || !w.cand || !w.E || !w.S || !w.O || !w.sum || !w.sq || !w.perm
      || !nkp || !nmult)
    {
      rc = LSC_ENOMEM;
      goto done;
    }
  w.root[0] = w.perm + pmax * n;
  w.root[1] = w.root[0] + n;
  w.root[2] = w.root[1] + n;
  w.cnt = w.root[2] + n;
  if (sb->mf) /* sqrt of the metrics, for the compressed blocks */
    for (size_t i = 0; i < n; i++)
      {
        mpfr_set_d (w.sq[i], sb->mf[i], MPFR_RNDN);
        mpfr_sqrt (w.sq[i], w.sq[i], MPFR_RNDN);
      }
  for (size_t i = 0; i < k * n; i++)
    mpfr_set (B[i], C[i], MPFR_RNDN);
  *npiece = 1;
  kp[0] = k;
  mult[0] = 1;
  for (size_t j = 0; j < sb->nb && !rc; j++)
    {
      size_t p = sb->p[j], off = 0, nn = 0, in = 0;
      w.j = j;
      /* adjacent swaps (a, a+1); perm[0..n) is also the swap of the two
         singled children 0 and 1 (all that a compressed block has) */
      for (size_t a = 0; a + 1 < (sb->comp[j] ? 2 : p) && !rc; a++)
        rc = swap_perm (w.perm + a * n, n, Gq, sb, j, (int) a, (int) a + 1);
      for (size_t f = 0; f < 3 && !rc && !sb->comp[j]; f++)
        orbits (w.root[f], w.perm, n, f, p);
      for (size_t q = 0; q < *npiece && !rc; q++)
        {
          rc = split_one (nxt, &off, nkp, nmult, &nn,
                          (const mpfr_t *) B + in * n, kp[q], mult[q], p, &w,
                          wp);
          in += kp[q];
        }
      if (rc)
        break;
      for (size_t i = 0; i < off * n; i++)
        mpfr_set (B[i], nxt[i], MPFR_RNDN);
      memcpy (kp, nkp, nn * sizeof *kp);
      memcpy (mult, nmult, nn * sizeof *mult);
      *npiece = nn;
    }
done:
  lsc_mpfr_scratch_free (nxt);
  lsc_mpfr_scratch_free (w.cand);
  lsc_mpfr_scratch_free (w.E);
  lsc_mpfr_scratch_free (w.S);
  lsc_mpfr_scratch_free (w.O);
  lsc_mpfr_scratch_free (w.sum);
  lsc_mpfr_scratch_free (w.sq);
  free (w.perm);
  free (nkp);
  free (nmult);
  return rc;
}
