/* Hessian spectrum by isotypic components of S_n (n = size of the large
   block) from restricted Hessians on three nested fixed-point spaces. */
#include <config.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "internal.h"
#include "landscape/lsc_isotypic.h"
#include "landscape/lsc_restricted.h"
#include "landscape/lsc_spectrum.h"
#include "spectrum/isochain.h"
#include "landscape/lsc_isotypic.h"

struct lsc_isotypic_workspace
{
  lsc_young shape;               /* structure the workspace was made for */
  size_t np, np0, np1, np2, nmax;
  double *A0, *A10, *A21;        /* parameter inclusions                 */
  size_t *swap;                  /* swap of the two singled indices in G2 */
  double *p0, *p1, *p2, *m0, *m1, *m2;
  double *N, *B, *S, *V, *C, *K, *tmp, *eval;
  lsc_eigen_cluster *cl;
  lsc_eigen_workspace *eig;
  int mpfr;                      /* the chain needs more than LSC_YOUNG_MAX
                                    blocks: lsc_isotypic_spectrum_accurate */
};

const char *
lsc_irrep_name (int irrep)
{
  static const char *names[] = { "t", "s", "x", "y" };
  return irrep >= 0 && irrep < 4 ? names[irrep] : "?";
}

double
lsc_irrep_dim (int irrep, double n)
{
  switch (irrep)
    {
    case LSC_IRREP_T: return 1;
    case LSC_IRREP_S: return n - 1;
    case LSC_IRREP_X: return (n - 1) * (n - 2) / 2;
    case LSC_IRREP_Y: return n * (n - 3) / 2;
    default: return 0;
    }
}

/* The three refinements of G with parents for the parameter maps (the
   construction is lsc_isochain_groups, shared with the MPFR spectrum). */
typedef struct
{
  lsc_young G0, G1, G2;
  int rp[3][LSC_YOUNG_MAX], cp[3][LSC_YOUNG_MAX];
} chain;

/* Build the chain; sizes of block 0 must allow singling out two indices
   (a formal requirement only: the restricted loss is analytic in L, so L is
   raised to 3 for the structure and reset afterwards). */
static int
make_chain (chain *ch, const lsc_young *G)
{
  lsc_young Gq[3];
  double L = G->rsize[0];
  int rc = lsc_isochain_groups (Gq, ch->rp, ch->cp, G, L < 3 ? 3 : L);
  if (rc)
    return rc;
  ch->G0 = Gq[0];
  ch->G1 = Gq[1];
  ch->G2 = Gq[2];
  ch->G0.rsize[0] = ch->G0.csize[ch->G0.pair[0]] = L;
  ch->G1.rsize[0] = ch->G1.csize[ch->G1.pair[0]] = L - 1;
  ch->G2.rsize[0] = ch->G2.csize[ch->G2.pair[0]] = L - 2;
  return LSC_SUCCESS;
}

static int
same_shape (const lsc_young *a, const lsc_young *b)
{
  if (a->nrb != b->nrb || a->ncb != b->ncb)
    return 0;
  for (size_t r = 0; r < a->nrb; r++)
    if (a->pair[r] != b->pair[r] || (r > 0 && a->rsize[r] != b->rsize[r]))
      return 0;
  for (size_t c = 0; c < a->ncb; c++)
    if ((int) c != a->pair[0] && a->csize[c] != b->csize[c])
      return 0;
  return 1;
}

void
lsc_isotypic_free (lsc_isotypic_workspace *ws)
{
  if (!ws)
    return;
  free (ws->A0); free (ws->A10); free (ws->A21); free (ws->swap);
  free (ws->p0); free (ws->p1); free (ws->p2);
  free (ws->m0); free (ws->m1); free (ws->m2);
  free (ws->N); free (ws->B); free (ws->S); free (ws->V); free (ws->C);
  free (ws->K); free (ws->tmp); free (ws->eval); free (ws->cl);
  lsc_eigen_workspace_free (ws->eig);
  free (ws);
}

lsc_isotypic_workspace *
lsc_isotypic_alloc (const lsc_young *G)
{
  chain ch;
  if (lsc_young_check (G))
    return NULL;
  if (!lsc_isochain_fits (G))
    {
      /* small blocks as singletons do not fit the group type: the MPFR
         route, which keeps them compressed, with double-double
         eigenvalues (more accurate, and slower, than the double route) */
      size_t nm = lsc_isotypic_max_mpfr (G);
      lsc_isotypic_workspace *ws = nm ? calloc (1, sizeof *ws) : NULL;
      if (ws)
        {
          ws->shape = *G;
          ws->mpfr = 1;
          ws->np = lsc_young_nparams (G);
          ws->nmax = nm;
        }
      return ws;
    }
  if (make_chain (&ch, G))
    return NULL;
  lsc_isotypic_workspace *ws = calloc (1, sizeof *ws);
  if (!ws)
    return NULL;
  ws->shape = *G;
  ws->np = lsc_young_nparams (G);
  ws->np0 = lsc_young_nparams (&ch.G0);
  ws->np1 = lsc_young_nparams (&ch.G1);
  ws->np2 = lsc_young_nparams (&ch.G2);
  size_t n = ws->np2, n1 = ws->np1;
  ws->nmax = ws->np0 + ws->np1 + ws->np2;
  ws->A0 = malloc (ws->np0 * ws->np * sizeof (double));
  ws->A10 = malloc (ws->np1 * ws->np0 * sizeof (double));
  ws->A21 = malloc (n * n1 * sizeof (double));
  ws->swap = malloc (n * sizeof (size_t));
  ws->p0 = malloc (n * sizeof (double));
  ws->p1 = malloc (n * sizeof (double));
  ws->p2 = malloc (n * sizeof (double));
  ws->m0 = malloc (n * sizeof (double));
  ws->m1 = malloc (n * sizeof (double));
  ws->m2 = malloc (n * sizeof (double));
  ws->N = malloc (n * n * sizeof (double));
  ws->B = malloc (n * 2 * n1 * sizeof (double));
  ws->S = malloc (n * n * sizeof (double));
  ws->V = malloc (n * n * sizeof (double));
  ws->C = malloc (n * n * sizeof (double));
  ws->K = malloc (n * n * sizeof (double));
  ws->tmp = malloc (n * n * sizeof (double));
  ws->eval = malloc (n * sizeof (double));
  ws->cl = malloc (n * sizeof (lsc_eigen_cluster));
  ws->eig = lsc_eigen_workspace_alloc (n, 1);
  if (!ws->A0 || !ws->A10 || !ws->A21 || !ws->swap || !ws->p0 || !ws->p1
      || !ws->p2 || !ws->m0 || !ws->m1 || !ws->m2 || !ws->N || !ws->B
      || !ws->S || !ws->V || !ws->C || !ws->K || !ws->tmp || !ws->eval
      || !ws->cl || !ws->eig)
    {
      lsc_isotypic_free (ws);
      return NULL;
    }
  /* parameter maps and the swap do not depend on the size of block 0 */
  lsc_young_param_map (ws->A0, &ch.G0, ch.rp[0], ch.cp[0], G);
  lsc_young_param_map (ws->A10, &ch.G1, ch.rp[1], ch.cp[1], &ch.G0);
  lsc_young_param_map (ws->A21, &ch.G2, ch.rp[2], ch.cp[2], &ch.G1);
  int s1 = (int) ch.G1.nrb - 1, s2 = (int) ch.G2.nrb - 1;
  int c1 = ch.G2.pair[s1], c2 = ch.G2.pair[s2];
  for (size_t i = 0; i < n; i++)
    {
      lsc_param_info pi;
      lsc_young_param (&pi, &ch.G2, i);
      int r = pi.rb == s1 ? s2 : pi.rb == s2 ? s1 : pi.rb;
      int c = pi.cb == c1 ? c2 : pi.cb == c2 ? c1 : pi.cb;
      ws->swap[i] = (size_t) lsc_young_param_index (&ch.G2, r, c, pi.kind);
    }
  return ws;
}

size_t
lsc_isotypic_max (const lsc_isotypic_workspace *ws)
{
  return ws ? ws->nmax : 0;
}

/* y = A x for A (m x n). */
static void
matvec (double *y, const double *A, const double *x, size_t m, size_t n)
{
  for (size_t i = 0; i < m; i++)
    {
      double s = 0;
      for (size_t j = 0; j < n; j++)
        s += A[i * n + j] * x[j];
      y[i] = s;
    }
}

/* N = M^{-1/2} H M^{-1/2}: the Hessian on Fix in orthonormal coordinates. */
static int
normalized_hessian (double *N, const double *p, const double *m,
                    const lsc_young *G, size_t n)
{
  int rc = lsc_restricted_hess (N, p, G);
  if (rc)
    return rc;
  /* A parameter with metric 0 (the off-diagonal orbit of a size-1 block 0)
     fills no entries: its direction does not exist and is deflated. */
  for (size_t i = 0; i < n; i++)
    for (size_t j = 0; j < n; j++)
      N[i * n + j] = m[i] > 0 && m[j] > 0 ? N[i * n + j] / sqrt (m[i] * m[j])
                                          : 0;
  return LSC_SUCCESS;
}

/* Orthonormal basis (columns of C, n x *nc) of the orthogonal complement of
   the column span of B (n x nb, orthonormal columns or two such sets) and of
   the unit vectors of the deflated parameters (metric m[i] == 0):
   eigenvectors of B B^T + sum e_i e_i^T with eigenvalue < 1/2. */
static int
complement (double *C, size_t *nc, const double *B, size_t n, size_t nb,
            const double *m, lsc_isotypic_workspace *ws)
{
  for (size_t i = 0; i < n; i++)
    for (size_t j = 0; j < n; j++)
      {
        double s = 0;
        for (size_t t = 0; t < nb; t++)
          s += B[i * nb + t] * B[j * nb + t];
        ws->S[i * n + j] = s + (i == j && !(m[i] > 0));
      }
  int rc = lsc_eigen_symm (ws->eval, ws->V, ws->S, n, ws->eig);
  if (rc)
    return rc;
  size_t k = 0;
  for (size_t j = 0; j < n; j++)
    if (ws->eval[j] < 0.5)
      {
        for (size_t i = 0; i < n; i++)
          C[i * n + k] = ws->V[i * n + j];
        k++;
      }
  /* compact columns: C is n x k with row stride n; repack to stride k */
  for (size_t i = 0; i < n; i++)
    for (size_t j = 0; j < k; j++)
      ws->tmp[i * k + j] = C[i * n + j];
  memcpy (C, ws->tmp, n * k * sizeof *C);
  *nc = k;
  return LSC_SUCCESS;
}

/* Eigenvalues of C^T N C (C: n x k) into ws->eval[0..k). */
static int
compressed_eigs (const double *N, const double *C, size_t n, size_t k,
                 lsc_isotypic_workspace *ws)
{
  for (size_t i = 0; i < n; i++) /* tmp = N C */
    for (size_t j = 0; j < k; j++)
      {
        double s = 0;
        for (size_t t = 0; t < n; t++)
          s += N[i * n + t] * C[t * k + j];
        ws->tmp[i * k + j] = s;
      }
  for (size_t a = 0; a < k; a++)
    for (size_t b = a; b < k; b++)
      {
        double s = 0;
        for (size_t t = 0; t < n; t++)
          s += C[t * k + a] * ws->tmp[t * k + b];
        ws->K[a * k + b] = ws->K[b * k + a] = s;
      }
  if (k == 0)
    return LSC_SUCCESS;
  return lsc_eigen_symm (ws->eval, NULL, ws->K, k, ws->eig);
}

/* Append the eigenvalues ws->eval[0..k) of one component, not yet grouped. */
static void
append (lsc_iso_eigen *out, size_t *nout, const double *ev, size_t k,
        int irrep)
{
  for (size_t j = 0; j < k; j++)
    {
      lsc_iso_eigen *e = &out[(*nout)++];
      e->value = ev[j];
      e->irrep = irrep;
      e->inner = 1;
      e->mult = 0;
      e->spread = 0;
    }
}

int
lsc_isotypic_spectrum (lsc_iso_eigen *out, size_t *nout, const double *p,
                       const lsc_young *G, double rtol, double atol,
                       lsc_isotypic_workspace *ws)
{
  if (!out || !nout || !p || !G || !ws)
    LSC_ERROR ("NULL argument", LSC_EFAULT);
  int rc = lsc_young_check (G);
  if (rc)
    return rc;
  if (!same_shape (G, &ws->shape))
    LSC_ERROR ("group structure differs from the workspace's", LSC_EINVAL);
  if (!(rtol >= 0) || !(atol >= 0))
    LSC_ERROR ("tolerances must be >= 0", LSC_EBADTOL);
  if (ws->mpfr)
    return lsc_isotypic_spectrum_accurate (out, nout, p, G, rtol, atol);
  chain ch;
  rc = make_chain (&ch, G);
  if (rc)
    return rc;
  double L = G->rsize[0];
  size_t n0 = ws->np0, n1 = ws->np1, n2 = ws->np2, cnt = 0;
  lsc_young_metric (ws->m0, &ch.G0);
  lsc_young_metric (ws->m1, &ch.G1);
  lsc_young_metric (ws->m2, &ch.G2);
  matvec (ws->p0, ws->A0, p, n0, ws->np);
  matvec (ws->p1, ws->A10, ws->p0, n1, n0);
  matvec (ws->p2, ws->A21, ws->p1, n2, n1);

  /* t: Fix(G0) */
  rc = normalized_hessian (ws->N, ws->p0, ws->m0, &ch.G0, n0);
  if (rc)
    LSC_ERROR ("restricted Hessian failed on Fix(G0)", rc);
  size_t na = 0;
  for (size_t i = 0; i < n0; i++)
    if (ws->m0[i] > 0)
      {
        size_t nb = 0;
        for (size_t j = 0; j < n0; j++)
          if (ws->m0[j] > 0)
            ws->K[na * n0 + nb++] = ws->N[i * n0 + j];
        na++;
      }
  for (size_t i = 0; i < na; i++) /* repack to stride na */
    memmove (ws->K + i * na, ws->K + i * n0, na * sizeof (double));
  if ((rc = lsc_eigen_symm (ws->eval, NULL, ws->K, na, ws->eig)))
    LSC_ERROR ("eigensolve failed (t)", rc);
  append (out, &cnt, ws->eval, na, LSC_IRREP_T);

  /* s: complement of Fix(G0) in Fix(G1); B = M1^{1/2} A10 M0^{-1/2} */
  if (L >= 2 && lsc_irrep_dim (LSC_IRREP_S, L) > 0)
    {
      rc = normalized_hessian (ws->N, ws->p1, ws->m1, &ch.G1, n1);
      if (rc)
        LSC_ERROR ("restricted Hessian failed on Fix(G1)", rc);
      for (size_t i = 0; i < n1; i++)
        for (size_t j = 0; j < n0; j++)
          ws->B[i * n0 + j] = ws->A10[i * n0 + j] != 0 && ws->m0[j] > 0
                                   ? sqrt (ws->m1[i] / ws->m0[j]) : 0;
      size_t k;
      if ((rc = complement (ws->C, &k, ws->B, n1, n0, ws->m1, ws))
          || (rc = compressed_eigs (ws->N, ws->C, n1, k, ws)))
        LSC_ERROR ("eigensolve failed (s)", rc);
      append (out, &cnt, ws->eval, k, LSC_IRREP_S);
    }

  /* x, y: complement of the two copies of Fix(G1) in Fix(G2), split by the
     swap of the singled indices */
  if (L >= 3)
    {
      rc = normalized_hessian (ws->N, ws->p2, ws->m2, &ch.G2, n2);
      if (rc)
        LSC_ERROR ("restricted Hessian failed on Fix(G2)", rc);
      size_t nb = 2 * n1;
      for (size_t i = 0; i < n2; i++)
        for (size_t j = 0; j < n1; j++)
          {
            double b = ws->A21[i * n1 + j] != 0 && ws->m1[j] > 0
                           ? sqrt (ws->m2[i] / ws->m1[j]) : 0;
            ws->B[i * nb + j] = b;
            ws->B[ws->swap[i] * nb + n1 + j] = b;
          }
      size_t k;
      if ((rc = complement (ws->C, &k, ws->B, n2, nb, ws->m2, ws)))
        LSC_ERROR ("eigensolve failed (x, y)", rc);
      /* tau restricted to the complement: C^T T C, eigenvalues -1 (x), +1 (y) */
      double *Ck = ws->C; /* n2 x k */
      for (size_t a = 0; a < k; a++)
        for (size_t b = 0; b < k; b++)
          {
            double s = 0;
            for (size_t i = 0; i < n2; i++)
              s += Ck[i * k + a] * Ck[ws->swap[i] * k + b];
            ws->S[a * k + b] = s;
          }
      for (size_t a = 0; a < k; a++) /* exact symmetry */
        for (size_t b = a + 1; b < k; b++)
          ws->S[a * k + b] = ws->S[b * k + a]
              = 0.5 * (ws->S[a * k + b] + ws->S[b * k + a]);
      if (k && (rc = lsc_eigen_symm (ws->eval, ws->V, ws->S, k, ws->eig)))
        LSC_ERROR ("eigensolve failed (swap)", rc);
      double tauev[LSC_YOUNG_MAX * LSC_YOUNG_MAX * 2];
      memcpy (tauev, ws->eval, k * sizeof (double));
      for (int odd = 1; odd >= 0; odd--)
        {
          int irrep = odd ? LSC_IRREP_X : LSC_IRREP_Y;
          /* D = C U_sel, columns with tau eigenvalue of the wanted sign */
          size_t kk = 0;
          for (size_t j = 0; j < k; j++)
            if ((tauev[j] < 0) == odd)
              kk++;
          double *D = ws->B; /* B is free again: reuse it */
          size_t col = 0;
          for (size_t j = 0; j < k; j++)
            if ((tauev[j] < 0) == odd)
              {
                for (size_t i = 0; i < n2; i++)
                  {
                    double s = 0;
                    for (size_t t = 0; t < k; t++)
                      s += Ck[i * k + t] * ws->V[t * k + j];
                    D[i * kk + col] = s;
                  }
                col++;
              }
          if (lsc_irrep_dim (irrep, L) <= 0)
            continue;
          if ((rc = compressed_eigs (ws->N, D, n2, kk, ws)))
            LSC_ERROR ("eigensolve failed (x/y block)", rc);
          append (out, &cnt, ws->eval, kk, irrep);
        }
    }

  /* group within each component and attach multiplicities */
  double scale = 0;
  for (size_t i = 0; i < cnt; i++)
    scale = fmax (scale, fabs (out[i].value));
  size_t w = 0, i = 0;
  while (i < cnt)
    {
      size_t j = i;
      while (j < cnt && out[j].irrep == out[i].irrep)
        j++;
      /* out[i..j) is one component, ascending */
      size_t g = i;
      while (g < j)
        {
          size_t h = g + 1;
          while (h < j
                 && out[h].value - out[h - 1].value <= fmax (atol, rtol * scale))
            h++;
          double s = 0;
          for (size_t t = g; t < h; t++)
            s += out[t].value;
          lsc_iso_eigen e = out[g];
          e.spread = out[h - 1].value - out[g].value;
          e.value = s / (double) (h - g);
          e.inner = h - g;
          e.mult = (double) e.inner * lsc_irrep_dim (e.irrep, L);
          out[w++] = e;
          g = h;
        }
      i = j;
    }
  *nout = w;
  return LSC_SUCCESS;
}
