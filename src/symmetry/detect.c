/* Isotropy detection: value clustering, colour refinement on the bipartite
   row/column graph, pairing of classes into a Young-type group. */
#include <config.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "internal.h"
#include "landscape/lsc_young.h"
#include "landscape/lsc_detect.h"

typedef struct
{
  double v;
  size_t i;
} value_item;

typedef struct
{
  const size_t *s;
  size_t len, idx;
} sig_item;

struct lsc_detect_workspace
{
  size_t k, d;
  value_item *vals;     /* k d: entries sorted by value          */
  size_t *label;        /* k d: value cluster of each entry      */
  size_t *sig;          /* k d + max(k, d): refinement signatures */
  sig_item *items;      /* max(k, d)                             */
  size_t *rcol, *ccol;  /* k, d: colours                         */
  size_t *tmp;          /* max(k, d)                             */
  size_t *rmem, *cmem;  /* k, d: members of classes, by class    */
  size_t *match;        /* k: column paired with each row        */
  size_t *rperm, *cperm;
  double *Wb, *E;       /* k d: block form and its re-embedding  */
};

lsc_detect_workspace *
lsc_detect_alloc (size_t k, size_t d)
{
  if (k == 0 || d == 0 || k > SIZE_MAX / 16 / d)
    return NULL;
  size_t kd = k * d, m = k > d ? k : d;
  lsc_detect_workspace *w = calloc (1, sizeof *w);
  if (!w)
    return NULL;
  w->k = k;
  w->d = d;
  w->vals = malloc (kd * sizeof *w->vals);
  w->label = malloc (kd * sizeof *w->label);
  w->sig = malloc ((kd + m) * sizeof *w->sig);
  w->items = malloc (m * sizeof *w->items);
  w->rcol = malloc (k * sizeof *w->rcol);
  w->ccol = malloc (d * sizeof *w->ccol);
  w->tmp = malloc (m * sizeof *w->tmp);
  w->rmem = malloc (k * sizeof *w->rmem);
  w->cmem = malloc (d * sizeof *w->cmem);
  w->match = malloc (k * sizeof *w->match);
  w->rperm = malloc (k * sizeof *w->rperm);
  w->cperm = malloc (d * sizeof *w->cperm);
  w->Wb = malloc (kd * sizeof *w->Wb);
  w->E = malloc (kd * sizeof *w->E);
  if (!w->vals || !w->label || !w->sig || !w->items || !w->rcol || !w->ccol
      || !w->tmp || !w->rmem || !w->cmem || !w->match || !w->rperm
      || !w->cperm || !w->Wb || !w->E)
    {
      lsc_detect_free (w);
      return NULL;
    }
  return w;
}

void
lsc_detect_free (lsc_detect_workspace *w)
{
  if (!w)
    return;
  free (w->vals);
  free (w->label);
  free (w->sig);
  free (w->items);
  free (w->rcol);
  free (w->ccol);
  free (w->tmp);
  free (w->rmem);
  free (w->cmem);
  free (w->match);
  free (w->rperm);
  free (w->cperm);
  free (w->Wb);
  free (w->E);
  free (w);
}

static int
cmp_value (const void *a, const void *b)
{
  double x = ((const value_item *) a)->v, y = ((const value_item *) b)->v;
  return (x > y) - (x < y);
}

static int
cmp_size (const void *a, const void *b)
{
  size_t x = *(const size_t *) a, y = *(const size_t *) b;
  return (x > y) - (x < y);
}

static int
cmp_sig (const void *a, const void *b)
{
  const sig_item *x = a, *y = b;
  for (size_t t = 0; t < x->len; t++)
    if (x->s[t] != y->s[t])
      return x->s[t] < y->s[t] ? -1 : 1;
  return 0;
}

/* Cluster the entries: sort by value, start a new cluster at every gap
   larger than tol.  Cluster ids increase with value, so they do not depend
   on the order of rows and columns.  Returns the number of clusters. */
static size_t
cluster_values (lsc_detect_workspace *w, const double *W, double tol)
{
  size_t kd = w->k * w->d, c = 0;
  for (size_t i = 0; i < kd; i++)
    w->vals[i] = (value_item) { W[i], i };
  qsort (w->vals, kd, sizeof *w->vals, cmp_value);
  for (size_t t = 0; t < kd; t++)
    {
      if (t > 0 && w->vals[t].v - w->vals[t - 1].v > tol)
        c++;
      w->label[w->vals[t].i] = c;
    }
  return c + 1;
}

/* One colour-refinement step for n objects (rows: si = d, sj = 1; columns:
   si = 1, sj = d) against m others coloured other[] with nother colours.
   New colour = rank of (old colour, sorted multiset of (label, other
   colour)) among the distinct signatures, so colours only split and are
   canonical.  Returns the number of colours. */
static size_t
refine (size_t *col, lsc_detect_workspace *w, size_t n, size_t m,
        size_t si, size_t sj, const size_t *other, size_t nother)
{
  for (size_t i = 0; i < n; i++)
    {
      size_t *s = w->sig + i * (m + 1);
      s[0] = col[i];
      for (size_t j = 0; j < m; j++)
        s[1 + j] = w->label[i * si + j * sj] * nother + other[j];
      qsort (s + 1, m, sizeof *s, cmp_size);
      w->items[i] = (sig_item) { s, m + 1, i };
    }
  qsort (w->items, n, sizeof *w->items, cmp_sig);
  size_t c = 0;
  for (size_t t = 0; t < n; t++)
    {
      if (t > 0 && cmp_sig (&w->items[t - 1], &w->items[t]) != 0)
        c++;
      w->tmp[w->items[t].idx] = c;
    }
  memcpy (col, w->tmp, n * sizeof *col);
  return c + 1;
}

/* Members of each class in increasing index order: mem[start[a] ..
   start[a+1]-1] (counting sort). */
static void
class_members (size_t *mem, size_t *start, const size_t *col, size_t n,
               size_t ncls)
{
  for (size_t a = 0; a <= ncls; a++)
    start[a] = 0;
  for (size_t i = 0; i < n; i++)
    start[col[i] + 1]++;
  for (size_t a = 0; a < ncls; a++)
    start[a + 1] += start[a];
  size_t fill[LSC_YOUNG_MAX];
  memcpy (fill, start, ncls * sizeof *fill);
  for (size_t i = 0; i < n; i++)
    mem[fill[col[i]]++] = i;
}

enum { PAT_CONST, PAT_DIAG, PAT_IRREG };

/* Pattern of the block (row class, column class) seen from its first row
   i: one value (constant), two values of which one occurs once (diagonal;
   if both occur once, n = 2, the one of larger magnitude), or irregular.
   *dlab receives the diagonal's cluster.  buf has room for n entries. */
static int
block_pattern (size_t *dlab, size_t *buf, const lsc_detect_workspace *w,
               const double *W, size_t i, const size_t *cm, size_t n)
{
  size_t d = w->d;
  for (size_t t = 0; t < n; t++)
    buf[t] = w->label[i * d + cm[t]];
  qsort (buf, n, sizeof *buf, cmp_size);
  size_t runs = 1, first = 1;
  for (size_t t = 1; t < n; t++)
    if (buf[t] != buf[t - 1])
      {
        runs++;
        if (runs == 2)
          first = t;
      }
  if (runs == 1)
    {
      *dlab = buf[0];
      return PAT_CONST;
    }
  if (runs > 2 || (first != 1 && first != n - 1))
    return PAT_IRREG;
  size_t lo = buf[0], hi = buf[n - 1];
  if (n == 2)
    {
      double vlo = 0, vhi = 0;
      for (size_t t = 0; t < 2; t++)
        {
          double v = fabs (W[i * d + cm[t]]);
          if (w->label[i * d + cm[t]] == lo)
            vlo = v;
          else
            vhi = v;
        }
      *dlab = vhi > vlo ? hi : lo;
    }
  else
    *dlab = first == 1 ? lo : hi;
  return PAT_DIAG;
}

/* A paired block: row class a with column class b. */
typedef struct
{
  size_t a, b, size;
  double diag;
} block_ref;

/* Canonical order of paired blocks: larger first, then larger diagonal
   value (when it differs by more than tol), then refinement class order. */
static int
paired_before (const block_ref *x, const block_ref *y, double tol)
{
  if (x->size != y->size)
    return x->size > y->size;
  if (fabs (x->diag - y->diag) > tol)
    return x->diag > y->diag;
  return x->a < y->a;
}

/* Unpaired classes: larger first, then class order (insertion sort). */
static void
sort_unpaired (size_t *cls, size_t n, const size_t *start)
{
  for (size_t s = 1; s < n; s++)
    for (size_t t = s; t > 0; t--)
      {
        size_t x = cls[t - 1], y = cls[t];
        size_t nx = start[x + 1] - start[x], ny = start[y + 1] - start[y];
        if (nx > ny || (nx == ny && x < y))
          break;
        cls[t - 1] = y;
        cls[t] = x;
      }
}

int
lsc_detect (lsc_young *G, size_t *rowperm, size_t *colperm, double *p,
            lsc_detect_info *info, const double *W, size_t k, size_t d,
            double tol, lsc_detect_workspace *w)
{
  if (!G || !W || !w)
    LSC_ERROR ("NULL argument", LSC_EFAULT);
  if (w->k != k || w->d != d)
    LSC_ERROR ("workspace was allocated for another k x d", LSC_EBADLEN);
  if (!(isfinite (tol) && tol > 0))
    LSC_ERROR ("tolerance must be finite and positive", LSC_EBADTOL);
  if (!lsc_all_finite (W, k * d))
    LSC_ERROR ("non-finite entry in W", LSC_ENONFINITE);

  lsc_detect_info inf = { NAN, NAN, 0, 0 };
  inf.nvalues = cluster_values (w, W, tol);

  /* Colour refinement to the coarsest equitable partition. */
  size_t nr = 1, nc = 1;
  memset (w->rcol, 0, k * sizeof *w->rcol);
  memset (w->ccol, 0, d * sizeof *w->ccol);
  for (;;)
    {
      size_t nr2 = refine (w->rcol, w, k, d, d, 1, w->ccol, nc);
      size_t nc2 = nr2 > LSC_YOUNG_MAX
                     ? nc : refine (w->ccol, w, d, k, 1, d, w->rcol, nr2);
      inf.rounds++;
      int stable = nr2 == nr && nc2 == nc;
      nr = nr2;
      nc = nc2;
      if (nr > LSC_YOUNG_MAX || nc > LSC_YOUNG_MAX)
        {
          if (info)
            *info = inf;
          LSC_ERROR ("isotropy needs more than LSC_YOUNG_MAX blocks",
                     LSC_EUNSUP);
        }
      if (stable)
        break;
    }

  size_t rs[LSC_YOUNG_MAX + 1], cs[LSC_YOUNG_MAX + 1];
  class_members (w->rmem, rs, w->rcol, k, nr);
  class_members (w->cmem, cs, w->ccol, d, nc);
#define RSZ(a) (rs[(a) + 1] - rs[a])
#define CSZ(b) (cs[(b) + 1] - cs[b])
  int pat[LSC_YOUNG_MAX][LSC_YOUNG_MAX];
  size_t dlab[LSC_YOUNG_MAX][LSC_YOUNG_MAX];
  for (size_t a = 0; a < nr; a++)
    for (size_t b = 0; b < nc; b++)
      pat[a][b] = block_pattern (&dlab[a][b], w->sig, w, W, w->rmem[rs[a]],
                                 w->cmem + cs[b], CSZ (b));

  /* Pairing: diagonal blocks, then singletons by |entry|, then (k = d, or
     nothing paired yet) any leftover classes of equal size. */
  int rp[LSC_YOUNG_MAX], cp[LSC_YOUNG_MAX];
  size_t npair = 0;
  for (size_t a = 0; a < LSC_YOUNG_MAX; a++)
    rp[a] = cp[a] = -1;
  for (size_t a = 0; a < nr; a++)
    for (size_t b = 0; b < nc && RSZ (a) >= 2; b++)
      if (cp[b] < 0 && CSZ (b) == RSZ (a) && pat[a][b] == PAT_DIAG)
        {
          rp[a] = (int) b;
          cp[b] = (int) a;
          npair++;
          break;
        }
  for (;;)
    {
      double best = -1;
      size_t ba = 0, bb = 0;
      for (size_t a = 0; a < nr; a++)
        for (size_t b = 0; b < nc; b++)
          if (rp[a] < 0 && cp[b] < 0 && RSZ (a) == 1 && CSZ (b) == 1
              && fabs (W[w->rmem[rs[a]] * d + w->cmem[cs[b]]]) > best)
            {
              best = fabs (W[w->rmem[rs[a]] * d + w->cmem[cs[b]]]);
              ba = a;
              bb = b;
            }
      if (best < 0)
        break;
      rp[ba] = (int) bb;
      cp[bb] = (int) ba;
      npair++;
    }
  int force = k == d || npair == 0;
  for (size_t a = 0; a < nr && force; a++)
    for (size_t b = 0; b < nc && rp[a] < 0; b++)
      if (cp[b] < 0 && CSZ (b) == RSZ (a))
        {
          rp[a] = (int) b;
          cp[b] = (int) a;
          npair++;
          force = k == d;
        }
  if (npair == 0)
    {
      if (info)
        *info = inf;
      LSC_ERROR ("no row class can be paired with a column class",
                 LSC_EUNSUP);
    }

  /* Match rows to columns inside paired blocks, and order the blocks. */
  block_ref P[LSC_YOUNG_MAX];
  size_t np = 0, ur[LSC_YOUNG_MAX], uc[LSC_YOUNG_MAX], nur = 0, nuc = 0;
  for (size_t a = 0; a < nr; a++)
    {
      if (rp[a] < 0)
        {
          ur[nur++] = a;
          continue;
        }
      size_t b = (size_t) rp[a], n = RSZ (a);
      const size_t *rm = w->rmem + rs[a], *cm = w->cmem + cs[b];
      for (size_t t = 0; t < n; t++)
        {
          w->match[rm[t]] = cm[t];
          if (pat[a][b] == PAT_DIAG && n >= 2)
            for (size_t u = 0; u < n; u++)
              if (w->label[rm[t] * d + cm[u]] == dlab[a][b])
                {
                  w->match[rm[t]] = cm[u];
                  break;
                }
        }
      block_ref x = { a, b, n, W[rm[0] * d + w->match[rm[0]]] };
      size_t t = np++;
      for (; t > 0 && paired_before (&x, &P[t - 1], tol); t--)
        P[t] = P[t - 1];
      P[t] = x;
    }
  for (size_t b = 0; b < nc; b++)
    if (cp[b] < 0)
      uc[nuc++] = b;
  sort_unpaired (ur, nur, rs);
  sort_unpaired (uc, nuc, cs);

  memset (G, 0, sizeof *G);
  G->nrb = np + nur;
  G->ncb = np + nuc;
  size_t t = 0, u = 0;
  for (size_t r = 0; r < np; r++)
    {
      G->rsize[r] = G->csize[r] = (double) P[r].size;
      G->pair[r] = (int) r;
      for (size_t s = rs[P[r].a]; s < rs[P[r].a + 1]; s++)
        {
          w->rperm[t++] = w->rmem[s];
          w->cperm[u++] = w->match[w->rmem[s]];
        }
    }
  for (size_t r = 0; r < nur; r++)
    {
      G->rsize[np + r] = (double) RSZ (ur[r]);
      G->pair[np + r] = -1;
      for (size_t s = rs[ur[r]]; s < rs[ur[r] + 1]; s++)
        w->rperm[t++] = w->rmem[s];
    }
  for (size_t c = 0; c < nuc; c++)
    {
      G->csize[np + c] = (double) CSZ (uc[c]);
      for (size_t s = cs[uc[c]]; s < cs[uc[c] + 1]; s++)
        w->cperm[u++] = w->cmem[s];
    }
#undef RSZ
#undef CSZ

  /* Parameters, distance, and the entrywise check against tol. */
  for (size_t i = 0; i < k; i++)
    for (size_t j = 0; j < d; j++)
      w->Wb[i * d + j] = W[w->rperm[i] * d + w->cperm[j]];
  double pl[LSC_DETECT_MAXPARAMS];
  int rc = lsc_young_project (pl, &inf.dist, w->Wb, G);
  if (!rc)
    rc = lsc_young_embed (w->E, pl, G);
  if (rc)
    return rc;
  inf.maxdev = 0;
  for (size_t i = 0; i < k * d; i++)
    inf.maxdev = fmax (inf.maxdev, fabs (w->Wb[i] - w->E[i]));
  if (p)
    memcpy (p, pl, lsc_young_nparams (G) * sizeof *p);
  if (rowperm)
    memcpy (rowperm, w->rperm, k * sizeof *rowperm);
  if (colperm)
    memcpy (colperm, w->cperm, d * sizeof *colperm);
  if (info)
    *info = inf;
  if (!(inf.maxdev <= tol))
    LSC_ERROR ("W is not within tol of the fixed space of a Young-type "
               "group", LSC_ENOTFIX);
  return LSC_SUCCESS;
}
