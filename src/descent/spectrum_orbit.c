/* Full Hessian spectrum at a point with Young-type isotropy of several
   large blocks, by compressing the assembled Hessian onto orbit bases of
   nested fixed-point spaces (the census's route where the isotypic
   reduction of lsc_isotypic_full, which keeps one large block, does not
   apply: e.g. Delta(S_{d-p} x S_p) with p large). */
#include <config.h>
#include <stdlib.h>
#include <string.h>
#include <math.h>
#include <cblas.h>
#include "descent_impl.h"
#include "internal.h"

/* Fine orbits above this count: the route is refused (the compression
   costs 2 n^2 f flops). */
#define MAX_ORBITS 256
#define MAX_LARGE 4

typedef struct
{
  size_t k, d, n, nl, f;      /* nl large blocks, f fine orbits           */
  int rblk[LSC_YOUNG_MAX];    /* row block of each large block            */
  double size[MAX_LARGE];
  size_t *rb, *ri, *pc;       /* block-form row t: block, index, column   */
  int *ofine;                 /* block-form entry -> fine orbit           */
  size_t *rep, *osz;          /* representative entry and size per orbit  */
  int *table;                 /* key -> orbit, (nlab^2 * 2)               */
  size_t nlab;
} orbits;

/* Label of block-form row t when large block j has q[j] singled indices:
   bulk labels are block numbers, every other row its own label. */
static size_t
label (const orbits *o, const lsc_young *G, const int *q, size_t t)
{
  size_t r = o->rb[t];
  for (size_t j = 0; j < o->nl; j++)
    if ((size_t) o->rblk[j] == r)
      return o->ri[t] < (size_t) q[j] ? G->nrb + t : r;
  return G->nrb + t;
}

/* Orbit of entry (t, u) for the spec q: key (row label, column label of
   the row paired with u, diagonal flag); ids by first appearance. */
static int
orbit_key (const orbits *o, const lsc_young *G, const int *q, size_t t,
           size_t u, const size_t *colrow)
{
  size_t a = label (o, G, q, t), b = label (o, G, q, colrow[u]);
  return (int) ((a * o->nlab + b) * 2 + (o->pc[t] == u));
}

/* B (f x nF): orthonormal orbit basis of the spec q in fine coordinates. */
static size_t
basis (double *B, const orbits *o, const lsc_young *G, const int *q,
       const size_t *colrow, int *ids, size_t *csz)
{
  size_t nF = 0;
  int *tab = o->table;
  size_t tl = o->nlab * o->nlab * 2;
  for (size_t i = 0; i < tl; i++)
    tab[i] = -1;
  for (size_t e = 0; e < o->f; e++)
    {
      size_t t = o->rep[e] / o->d, u = o->rep[e] % o->d;
      int key = orbit_key (o, G, q, t, u, colrow);
      if (tab[key] < 0)
        {
          tab[key] = (int) nF;
          csz[nF++] = 0;
        }
      ids[e] = tab[key];
      csz[ids[e]] += o->osz[e];
    }
  memset (B, 0, o->f * nF * sizeof (double));
  for (size_t e = 0; e < o->f; e++)
    B[e * nF + (size_t) ids[e]] = sqrt ((double) o->osz[e]
                                        / (double) csz[ids[e]]);
  return nF;
}

/* C (a x b) = A^T (m x a) B (m x b). */
static void
atb (double *C, const double *A, const double *B, size_t m, size_t a,
     size_t b)
{
  cblas_dgemm (CblasRowMajor, CblasTrans, CblasNoTrans, (int) a, (int) b,
               (int) m, 1.0, A, (int) a, B, (int) b, 0.0, C, (int) b);
}

typedef struct
{
  double value, mult;
} vm;

typedef struct
{
  lsc_eigen_workspace *eig;
  double *S, *V, *T, *U, *X, *K, *ev;   /* f x f each (ev: f) */
  vm *out;
  size_t nout;
} scratch;

/* Eigenvalues of C^T N C (N: m x m, C: m x c), appended with mult. */
static int
compressed (scratch *s, const double *N, const double *C, size_t m,
            size_t c, double mult)
{
  if (c == 0 || mult <= 0)
    return LSC_SUCCESS;
  cblas_dgemm (CblasRowMajor, CblasNoTrans, CblasNoTrans, (int) m, (int) c,
               (int) m, 1.0, N, (int) m, C, (int) c, 0.0, s->U, (int) c);
  atb (s->K, C, s->U, m, c, c);
  for (size_t a = 0; a < c; a++)
    for (size_t b = 0; b < a; b++)
      s->K[a * c + b] = s->K[b * c + a]
        = 0.5 * (s->K[a * c + b] + s->K[b * c + a]);
  int rc = lsc_eigen_symm (s->ev, NULL, s->K, c, s->eig);
  if (rc)
    return rc;
  for (size_t j = 0; j < c; j++)
    {
      s->out[s->nout].value = s->ev[j];
      s->out[s->nout++].mult = mult;
    }
  return LSC_SUCCESS;
}

/* Orthonormal basis (m x *c, into s->X) of the complement of the column
   span of Y (m x ny; the union of orthonormal sets, whose projector sum
   has eigenvalue 0 on the complement and >= 1/2 on the span for the
   subspaces met here). */
static int
complement (scratch *s, size_t *c, const double *Y, size_t m, size_t ny)
{
  cblas_dgemm (CblasRowMajor, CblasNoTrans, CblasTrans, (int) m, (int) m,
               (int) ny, 1.0, Y, (int) ny, Y, (int) ny, 0.0, s->S, (int) m);
  int rc = lsc_eigen_symm (s->ev, s->V, s->S, m, s->eig);
  if (rc)
    return rc;
  size_t kk = 0;
  for (size_t j = 0; j < m; j++)
    if (s->ev[j] < 0.25)
      kk++;
  for (size_t i = 0; i < m; i++)
    for (size_t j = 0, col = 0; j < m; j++)
      if (s->ev[j] < 0.25)
        s->X[i * kk + col++] = s->V[i * m + j];
  *c = kk;
  return LSC_SUCCESS;
}

static int
cmp_vm (const void *a, const void *b)
{
  const vm *x = a, *y = b;
  return (x->value > y->value) - (x->value < y->value);
}

/* Contract in descent_impl.h. */
int
lsc_descent_orbit_spectrum (double *eval, const double *W,
                            const lsc_problem *p, const lsc_young *G,
                            const size_t *rowperm, const size_t *colperm,
                            lsc_descent_workspace *ws)
{
  const size_t k = ws->k, d = ws->d, n = ws->n;
  if (k != d || G->nrb != G->ncb)
    LSC_ERROR ("orbit spectrum: k = d with every block paired only",
               LSC_EUNSUP);
  int rc = LSC_SUCCESS;
  orbits o = { k, d, n, 0, 0, { 0 }, { 0 }, NULL, NULL, NULL, NULL, NULL,
               NULL, NULL, G->nrb + k };
  scratch s = { NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 0 };
  double *R = NULL, *Nf = NULL, *B0 = NULL, *B1 = NULL,
    *B2 = NULL, *P = NULL, *Y = NULL, *NF = NULL;
  int *ids = NULL, *ow = NULL;
  size_t *csz = NULL, *colrow = NULL;
  size_t r0[LSC_YOUNG_MAX], c0[LSC_YOUNG_MAX];
  for (size_t r = 0, a = 0; r < G->nrb; r++)
    {
      if (G->pair[r] < 0)
        LSC_ERROR ("orbit spectrum: unpaired block", LSC_EUNSUP);
      r0[r] = a;
      a += (size_t) G->rsize[r];
    }
  for (size_t c = 0, a = 0; c < G->ncb; c++)
    {
      c0[c] = a;
      a += (size_t) G->csize[c];
    }
  for (size_t r = 0; r < G->nrb; r++)
    if (G->rsize[r] >= 3)
      {
        if (o.nl == MAX_LARGE)
          LSC_ERROR ("orbit spectrum: too many large blocks", LSC_EUNSUP);
        o.rblk[o.nl] = (int) r;
        o.size[o.nl++] = G->rsize[r];
      }
  o.rb = malloc (k * sizeof (size_t));
  o.ri = malloc (k * sizeof (size_t));
  o.pc = malloc (k * sizeof (size_t));
  colrow = malloc (d * sizeof (size_t));
  o.ofine = malloc (n * sizeof (int));
  o.table = malloc (o.nlab * o.nlab * 2 * sizeof (int));
  if (!o.rb || !o.ri || !o.pc || !colrow || !o.ofine || !o.table)
    LSC_FAIL ("orbit spectrum: out of memory", LSC_ENOMEM);
  for (size_t r = 0; r < G->nrb; r++)
    for (size_t i = 0; i < (size_t) G->rsize[r]; i++)
      {
        size_t t = r0[r] + i;
        o.rb[t] = r;
        o.ri[t] = i;
        o.pc[t] = c0[G->pair[r]] + i;
        colrow[o.pc[t]] = t;
      }
  /* fine orbits: two singled indices in every large block */
  int qf[MAX_LARGE] = { 2, 2, 2, 2 };
  size_t tl = o.nlab * o.nlab * 2;
  for (size_t i = 0; i < tl; i++)
    o.table[i] = -1;
  for (size_t t = 0; t < k; t++)
    for (size_t u = 0; u < d; u++)
      {
        int key = orbit_key (&o, G, qf, t, u, colrow);
        if (o.table[key] < 0)
          {
            if (o.f == MAX_ORBITS)
              LSC_FAIL ("orbit spectrum: too many orbits", LSC_EUNSUP);
            o.table[key] = (int) o.f++;
          }
        o.ofine[t * d + u] = o.table[key];
      }
  size_t f = o.f;
  o.rep = malloc (f * sizeof (size_t));
  o.osz = calloc (f, sizeof (size_t));
  ids = malloc (f * sizeof (int));
  csz = malloc (f * sizeof (size_t));
  R = malloc (d * n * sizeof (double));
  ow = malloc (n * sizeof (int));
  size_t ff = f * f;
  Nf = malloc (ff * sizeof (double));
  NF = malloc (ff * sizeof (double));
  B0 = malloc (ff * sizeof (double));
  B1 = malloc (ff * sizeof (double));
  B2 = malloc (ff * sizeof (double));
  P = calloc (ff, sizeof (double));
  Y = malloc (2 * ff * sizeof (double));
  s.S = malloc (ff * sizeof (double));
  s.V = malloc (ff * sizeof (double));
  s.T = malloc (ff * sizeof (double));
  s.U = malloc (2 * ff * sizeof (double));
  s.X = malloc (ff * sizeof (double));
  s.K = malloc (ff * sizeof (double));
  s.ev = malloc (f * sizeof (double));
  s.out = malloc (4 * (1 + MAX_LARGE * MAX_LARGE) * f * sizeof (vm));
  s.eig = lsc_eigen_workspace_alloc (f, 1);
  if (!o.rep || !o.osz || !ids || !csz || !R || !ow || !Nf || !NF || !B0
      || !B1 || !B2 || !P || !Y || !s.S || !s.V || !s.T || !s.U || !s.X
      || !s.K || !s.ev || !s.out || !s.eig)
    LSC_FAIL ("orbit spectrum: out of memory", LSC_ENOMEM);
  for (size_t e = 0; e < n; e++)
    {
      size_t id = (size_t) o.ofine[e];
      if (o.osz[id]++ == 0)
        o.rep[id] = e;
    }
  /* The Hessian compressed onto the fine orbit basis, N = E^T H E (E:
     one entry 1/sqrt(|orbit|) per row).  H commutes with the group that
     fixes every fine orbit, so (H E) is constant on each orbit: one
     Hessian row per orbit, N[o][o'] = sqrt(|o| / |o'|) sum_{j in o'}
     H[rep_o, j], from the block rows of the few neurons holding the
     representatives (lsc_loss_hessian_rows). */
  for (size_t t = 0; t < k; t++)
    for (size_t u = 0; u < d; u++)
      ow[rowperm[t] * d + colperm[u]] = o.ofine[t * d + u];
  memset (Nf, 0, ff * sizeof (double));
  for (size_t i = 0; i < k; i++)
    {
      int used = 0;
      for (size_t e = 0; e < f && !used; e++)
        used = rowperm[o.rep[e] / d] == i;
      if (!used)
        continue;
      if ((rc = lsc_loss_hessian_rows (R, i, W, p, ws->lw)))
        goto cleanup;
      for (size_t e = 0; e < f; e++)
        {
          size_t t = o.rep[e] / d, u = o.rep[e] % d;
          if (rowperm[t] != i)
            continue;
          const double *row = R + colperm[u] * n;
          double *Ne = Nf + e * f;
          for (size_t j = 0; j < n; j++)
            Ne[ow[j]] += row[j];
          for (size_t e2 = 0; e2 < f; e2++)
            Ne[e2] *= sqrt ((double) o.osz[e] / (double) o.osz[e2]);
        }
    }
  for (size_t a = 0; a < f; a++)
    for (size_t b = 0; b < a; b++)
      Nf[a * f + b] = Nf[b * f + a] = 0.5 * (Nf[a * f + b] + Nf[b * f + a]);
  if (!lsc_all_finite (Nf, ff))
    LSC_FAIL ("orbit spectrum: non-finite Hessian", LSC_ENONFINITE);

  /* t: Fix(G) with the small blocks split */
  int q[MAX_LARGE] = { 0, 0, 0, 0 };
  size_t n0 = basis (B0, &o, G, q, colrow, ids, csz), n1, n2, c;
  atb (s.T, B0, Nf, f, n0, f);
  cblas_dgemm (CblasRowMajor, CblasNoTrans, CblasNoTrans, (int) n0, (int) n0,
               (int) f, 1.0, s.T, (int) f, B0, (int) n0, 0.0, NF, (int) n0);
  for (size_t i = 0; i < n0 * n0; i++)
    s.X[i] = (i % n0 == i / n0);
  if ((rc = compressed (&s, NF, s.X, n0, n0, 1.0)))
    goto cleanup;
  for (size_t A = 0; A < o.nl; A++)
    {
      double a = o.size[A];
      /* s_A: complement of Fix(G) in the space singling out one index */
      memset (q, 0, sizeof q);
      q[A] = 1;
      n1 = basis (B1, &o, G, q, colrow, ids, csz);
      atb (Y, B1, B0, f, n1, n0);
      atb (s.T, B1, Nf, f, n1, f);
      cblas_dgemm (CblasRowMajor, CblasNoTrans, CblasNoTrans, (int) n1,
                   (int) n1, (int) f, 1.0, s.T, (int) f, B1, (int) n1, 0.0,
                   NF, (int) n1);
      if ((rc = complement (&s, &c, Y, n1, n0))
          || (rc = compressed (&s, NF, s.X, n1, c, a - 1)))
        goto cleanup;
      /* x_A, y_A: complement of the two copies of that space in the one
         singling out two indices, split by their swap */
      q[A] = 2;
      n2 = basis (B2, &o, G, q, colrow, ids, csz);
      memset (P, 0, ff * sizeof (double));
      size_t t1 = r0[o.rblk[A]], t2 = t1 + 1;
      for (size_t e = 0; e < f; e++)
        {
          size_t t = o.rep[e] / d, u = o.rep[e] % d, tr = colrow[u];
          t = t == t1 ? t2 : t == t2 ? t1 : t;
          tr = tr == t1 ? t2 : tr == t2 ? t1 : tr;
          P[(size_t) o.ofine[t * d + o.pc[tr]] * f + e] = 1.0;
        }
      /* Y = [B2^T B1, B2^T P B1] (n2 x 2 n1) */
      atb (s.U, B2, B1, f, n2, n1);
      cblas_dgemm (CblasRowMajor, CblasNoTrans, CblasNoTrans, (int) f,
                   (int) n1, (int) f, 1.0, P, (int) f, B1, (int) n1, 0.0,
                   s.S, (int) n1);
      atb (s.V, B2, s.S, f, n2, n1);
      for (size_t i = 0; i < n2; i++)
        for (size_t j = 0; j < n1; j++)
          {
            Y[i * 2 * n1 + j] = s.U[i * n1 + j];
            Y[i * 2 * n1 + n1 + j] = s.V[i * n1 + j];
          }
      atb (s.T, B2, Nf, f, n2, f);
      cblas_dgemm (CblasRowMajor, CblasNoTrans, CblasNoTrans, (int) n2,
                   (int) n2, (int) f, 1.0, s.T, (int) f, B2, (int) n2, 0.0,
                   NF, (int) n2);
      if ((rc = complement (&s, &c, Y, n2, 2 * n1)))
        goto cleanup;
      /* the swap on the complement (X: n2 x c): X^T B2^T P B2 X */
      double *Xc = B1;  /* B1 is free again */
      memcpy (Xc, s.X, n2 * c * sizeof (double));
      cblas_dgemm (CblasRowMajor, CblasNoTrans, CblasNoTrans, (int) f,
                   (int) c, (int) n2, 1.0, B2, (int) n2, Xc, (int) c, 0.0,
                   s.U, (int) c);                      /* B2 X   (f x c) */
      cblas_dgemm (CblasRowMajor, CblasNoTrans, CblasNoTrans, (int) f,
                   (int) c, (int) f, 1.0, P, (int) f, s.U, (int) c, 0.0,
                   Y, (int) c);                        /* P B2 X (f x c) */
      atb (s.K, s.U, Y, f, c, c);
      for (size_t i = 0; i < c; i++)
        for (size_t j = 0; j < i; j++)
          s.K[i * c + j] = s.K[j * c + i]
            = 0.5 * (s.K[i * c + j] + s.K[j * c + i]);
      if (c && (rc = lsc_eigen_symm (s.ev, s.V, s.K, c, s.eig)))
        goto cleanup;
      memcpy (Y, s.ev, c * sizeof (double));          /* swap eigenvalues */
      for (int odd = 1; odd >= 0; odd--)
        {
          size_t kk = 0;
          for (size_t j = 0; j < c; j++)
            kk += (Y[j] < 0) == odd;
          double *Dc = s.S;    /* n2 x kk */
          for (size_t i = 0; i < n2; i++)
            for (size_t j = 0, col = 0; j < c; j++)
              if ((Y[j] < 0) == odd)
                {
                  double sum = 0.0;
                  for (size_t t = 0; t < c; t++)
                    sum += Xc[i * c + t] * s.V[t * c + j];
                  Dc[i * kk + col++] = sum;
                }
          double mult = odd ? (a - 1) * (a - 2) / 2 : a * (a - 3) / 2;
          memcpy (s.T, Dc, n2 * kk * sizeof (double));
          if ((rc = compressed (&s, NF, s.T, n2, kk, mult)))
            goto cleanup;
        }
    }
  /* (s_A, s_B): complement of the spaces singling out one index of A and
     one of B in the space singling out both */
  for (size_t A = 0; A < o.nl; A++)
    for (size_t Bb = A + 1; Bb < o.nl; Bb++)
      {
        memset (q, 0, sizeof q);
        q[A] = 1;
        n0 = basis (B0, &o, G, q, colrow, ids, csz);
        q[A] = 0;
        q[Bb] = 1;
        n1 = basis (B1, &o, G, q, colrow, ids, csz);
        q[A] = 1;
        n2 = basis (B2, &o, G, q, colrow, ids, csz);
        atb (s.U, B2, B0, f, n2, n0);
        atb (s.V, B2, B1, f, n2, n1);
        for (size_t i = 0; i < n2; i++)
          for (size_t j = 0; j < n0 + n1; j++)
            Y[i * (n0 + n1) + j] = j < n0 ? s.U[i * n0 + j]
                                          : s.V[i * n1 + j - n0];
        atb (s.T, B2, Nf, f, n2, f);
        cblas_dgemm (CblasRowMajor, CblasNoTrans, CblasNoTrans, (int) n2,
                     (int) n2, (int) f, 1.0, s.T, (int) f, B2, (int) n2, 0.0,
                     NF, (int) n2);
        if ((rc = complement (&s, &c, Y, n2, n0 + n1))
            || (rc = compressed (&s, NF, s.X, n2, c,
                                 (o.size[A] - 1) * (o.size[Bb] - 1))))
          goto cleanup;
      }
  /* every eigenvalue accounted for, ascending */
  double total = 0.0;
  for (size_t i = 0; i < s.nout; i++)
    total += s.out[i].mult;
  if (fabs (total - (double) n) > 0.5)
    LSC_FAIL ("orbit spectrum: multiplicities do not add up to k d",
              LSC_EFAILED);
  qsort (s.out, s.nout, sizeof *s.out, cmp_vm);
  size_t i = 0;
  for (size_t g = 0; g < s.nout; g++)
    for (size_t j = 0; j < (size_t) llround (s.out[g].mult) && i < n; j++)
      eval[i++] = s.out[g].value;
cleanup:
  free (o.rb); free (o.ri); free (o.pc); free (colrow); free (o.ofine);
  free (o.table); free (o.rep); free (o.osz); free (ids); free (csz);
  free (R); free (ow); free (Nf); free (NF); free (B0); free (B1); free (B2);
  free (P); free (Y); free (s.S); free (s.V); free (s.T); free (s.U);
  free (s.X); free (s.K); free (s.ev); free (s.out);
  lsc_eigen_workspace_free (s.eig);
  return rc;
}
