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
lsc_isosplit_blocks_make (lsc_isosplit_blocks *sb, const lsc_young *Gq,
                          const int *orow, const int *ocol, const lsc_young *G)
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
      sb->p[j] = (size_t) sz;
      if (isrow)
        for (size_t q = 0; q < Gq->nrb; q++)
          if (orow[q] == (int) b)
            {
              int a = sb->nrow[j]++;
              sb->row[j][a] = (int) q;
              if (G->pair[b] >= 0)
                {
                  int c = Gq->pair[q];
                  if (c < 0 || ocol[c] != G->pair[b])
                    return LSC_EINVAL;
                  sb->col[j][sb->ncol[j]++] = c;
                }
            }
      if (!isrow)
        for (size_t c = 0; c < Gq->ncb; c++)
          if (ocol[c] == (int) b)
            sb->col[j][sb->ncol[j]++] = (int) c;
      if ((size_t) (sb->nrow[j] > sb->ncol[j] ? sb->nrow[j] : sb->ncol[j])
          != sb->p[j])
        return LSC_EINVAL;
    }
  return LSC_SUCCESS;
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
  mpfr_t *cand, *E, *S, *O, *sum;
  int *perm, *root[3], *cnt;
} scratch;

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
  int rc;
  size_t tpos = *off;
  for (int c = 0; c < 4; c++)
    {
      size_t ns = 0, nc = ku;
      if ((c == 2 && p < 3) || (c == 3 && p < 4))
        continue;
      if (c <= 1)
        for (size_t v = 0; v < ku; v++)
          average (w->cand + v * n, U + v * n, w->root[c], n, w->sum, w->cnt);
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
        for (size_t v = 0; v < ku; v++)
          average (w->E + v * n, U + v * n, w->root[2], n, w->sum, w->cnt);
    }
  double tot = 0;
  for (int c = 0; c < 4; c++)
    tot += (double) kk[c] * dim[c];
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
  scratch w = { n, NULL, NULL, NULL, NULL, NULL, NULL, { NULL, NULL, NULL },
                NULL };
  size_t kn = (k ? k : 1) * n;
  mpfr_t *nxt = lsc_mpfr_scratch_alloc (kn, wp);
  w.cand = lsc_mpfr_scratch_alloc (kn, wp);
  w.E = lsc_mpfr_scratch_alloc (kn, wp);
  w.S = lsc_mpfr_scratch_alloc (kn, wp);
  w.O = lsc_mpfr_scratch_alloc (kn, wp);
  w.sum = lsc_mpfr_scratch_alloc (n, wp);
  w.perm = malloc ((pmax * n + 4 * n) * sizeof *w.perm);
  size_t *nkp = malloc (k * sizeof *nkp + 1);
  double *nmult = malloc (k * sizeof *nmult + 1);
  int rc = LSC_SUCCESS;
  *npiece = 0;
  if (k == 0)
    goto done;
  if (!nxt || !w.cand || !w.E || !w.S || !w.O || !w.sum || !w.perm || !nkp
      || !nmult)
    {
      rc = LSC_ENOMEM;
      goto done;
    }
  w.root[0] = w.perm + pmax * n;
  w.root[1] = w.root[0] + n;
  w.root[2] = w.root[1] + n;
  w.cnt = w.root[2] + n;
  for (size_t i = 0; i < k * n; i++)
    mpfr_set (B[i], C[i], MPFR_RNDN);
  *npiece = 1;
  kp[0] = k;
  mult[0] = 1;
  for (size_t j = 0; j < sb->nb && !rc; j++)
    {
      size_t p = sb->p[j], off = 0, nn = 0, in = 0;
      /* adjacent swaps (a, a+1); perm[0..n) is also the swap of the two
         singled children 0 and 1 */
      for (size_t a = 0; a + 1 < p && !rc; a++)
        rc = swap_perm (w.perm + a * n, n, Gq, sb, j, (int) a, (int) a + 1);
      for (size_t f = 0; f < 3 && !rc; f++)
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
  free (w.perm);
  free (nkp);
  free (nmult);
  return rc;
}
