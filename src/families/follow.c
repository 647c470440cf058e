/* The one driver that continues a catalogue family to given dimensions
   (GSL odeiv2-driver style: a workspace, one call), finding where the
   family's branch ends on each side: a fold, the edge of the analytic
   continuation, or a branch point where the point's isotropy grows. */
#include <config.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "landscape/lsc_families.h"
#include "landscape/lsc_restricted.h"
#include "landscape/lsc_detect.h"
#include "internal.h"

/* A coarser Young group reached by merging two paired blocks: the fine
   parameters that must then be equal (classes), and a signed monitor (the
   difference of the two blocks' diagonal parameters), whose sign change
   brackets a meeting with the coarser fixed space. */
typedef struct
{
  int cls[LSC_FAMILY_MAXP];
  int ia, ib;
  size_t a, b;
} merge;

#define NMERGE (LSC_YOUNG_MAX * (LSC_YOUNG_MAX - 1) / 2)

struct lsc_family_ws
{
  size_t n;
  lsc_cont *c;
  merge m[NMERGE];
  size_t nm;
  double prev[NMERGE];
  double p0[LSC_FAMILY_MAXP], q[LSC_FAMILY_MAXP];
  double *W;                  /* embedded point at integer d <= DETECT_MAX */
  lsc_detect_workspace *dw;
  size_t dwk, dwd;
};

/* Integer dimensions up to which the embedded point's isotropy is checked
   by lsc_detect (a coincidence through a permutation that is a symmetry
   only at integer sizes, e.g. the two columns of a block of size 2). */
#define DETECT_MAX 64

void
lsc_family_params_init (lsc_family_params *par)
{
  lsc_cont_params_init (&par->cont);
  par->iso_tol = 1e-7;
  par->edge_tol = 1e-3;
  par->dmin = 1.0;
  par->dmax = 1e7;
  par->step = NULL;
  par->step_data = NULL;
}

int
lsc_family_from_point (lsc_family *fam, const lsc_young *G, const double *p,
                       double d)
{
  if (!fam || !G || !p)
    LSC_ERROR ("lsc_family_from_point: NULL argument", LSC_EFAULT);
  size_t n = lsc_young_nparams (G);
  if (n == 0 || n > LSC_FAMILY_MAXP)
    LSC_ERROR ("lsc_family_from_point: bad number of parameters",
               LSC_EINVAL);
  memset (fam, 0, sizeof *fam);
  fam->G = *G;
  fam->d = d;
  fam->nparams = n;
  memcpy (fam->p, p, n * sizeof *p);
  fam->loss = NAN;
  fam->dstar = NAN;
  return LSC_SUCCESS;
}

lsc_family_ws *
lsc_family_ws_alloc (size_t nparams)
{
  lsc_family_ws *w = calloc (1, sizeof *w);
  if (nparams == 0 || nparams > LSC_FAMILY_MAXP)
    {
      free (w);
      lsc_error ("lsc_family_ws_alloc: bad number of parameters", __FILE__,
                 __LINE__, LSC_EINVAL);
      return NULL;
    }
  if (!w || !(w->c = lsc_cont_alloc (nparams)))
    {
      free (w);
      lsc_error ("lsc_family_ws_alloc: out of memory", __FILE__, __LINE__,
                 LSC_ENOMEM);
      return NULL;
    }
  w->n = nparams;
  return w;
}

void
lsc_family_ws_free (lsc_family_ws *w)
{
  if (!w)
    return;
  lsc_cont_free (w->c);
  lsc_detect_free (w->dw);
  free (w->W);
  free (w);
}

/* The merges of a k = d group (every row block paired with the column
   block of the same index); none for other groups. */
static void
setup_merges (lsc_family_ws *w, const lsc_young *G)
{
  w->nm = 0;
  size_t r = G->nrb;
  if (G->ncb != r)
    return;
  for (size_t i = 0; i < r; i++)
    if (G->pair[i] != (int) i)
      return;
  for (size_t a = 0; a < r; a++)
    for (size_t b = a + 1; b < r; b++)
      {
        double sz[LSC_YOUNG_MAX];
        int par[LSC_YOUNG_MAX];
        size_t nc = 0;
        for (size_t i = 0; i < r; i++)
          if (i != b)
            sz[nc++] = G->rsize[i] + (i == a ? G->rsize[b] : 0);
        for (size_t i = 0; i < r; i++)
          par[i] = (int) (i < b ? i : i == b ? a : i - 1);
        lsc_young C;
        size_t nf = lsc_young_nparams (G);
        if (lsc_young_init_kd (&C, sz, nc))
          continue;
        size_t ncp = lsc_young_nparams (&C);
        double *A = malloc (nf * ncp * sizeof *A);
        merge *m = &w->m[w->nm];
        int ok = A && lsc_young_param_map (A, G, par, par, &C) == 0;
        for (size_t f = 0; ok && f < nf; f++)
          {
            m->cls[f] = -1;
            for (size_t j = 0; j < ncp; j++)
              if (A[f * ncp + j] != 0)
                m->cls[f] = (int) j;
          }
        free (A);
        m->ia = lsc_young_param_index (G, (int) a, (int) a, LSC_PARAM_DIAG);
        m->ib = lsc_young_param_index (G, (int) b, (int) b, LSC_PARAM_DIAG);
        m->a = a, m->b = b;
        if (ok && m->ia >= 0 && m->ib >= 0)
          w->nm++;
      }
}

/* Largest spread of the parameters that the merge m makes equal,
   relative to 1 + max |p|. */
static double
spread (const merge *m, const double *p, size_t n)
{
  double s = 0, sz = 0;
  for (size_t f = 0; f < n; f++)
    {
      sz = fmax (sz, fabs (p[f]));
      for (size_t g = f + 1; g < n; g++)
        if (m->cls[f] == m->cls[g])
          s = fmax (s, fabs (p[f] - p[g]));
    }
  return s / (1 + sz);
}

/* Whether the last step met a coarser fixed space: a monitor changed sign
   and, at its root (secant on the step's arclength fraction), all the
   merged parameters agree within iso_tol.  *db receives the d there. */
static int
isotropy_grows (lsc_family_ws *w, const lsc_family_params *par,
                const double *p, double *db)
{
  int hit = 0;
  for (size_t i = 0; i < w->nm; i++)
    {
      merge *m = &w->m[i];
      double now = p[m->ia] - p[m->ib], was = w->prev[i];
      w->prev[i] = now;
      if (!(was * now < 0) && now != 0)
        continue;
      double sa = 0, fa = was, sb = 1, fb = now, d = NAN;
      for (int k = 0; k < 50 && fabs (sb - sa) > 1e-14; k++)
        {
          double s = sb - fb * (sb - sa) / (fb - fa);
          if (lsc_cont_solve_along (w->q, &d, w->c, s) != 0)
            break;
          double fs = w->q[m->ia] - w->q[m->ib];
          if (fs == 0)
            break;
          if (fs * fb < 0)
            sa = sb, fa = fb;
          else
            fa *= 0.5;
          sb = s, fb = fs;
        }
      if (isfinite (d) && spread (m, w->q, w->n) <= par->iso_tol
          && (!hit || (d - *db) * (d - lsc_cont_current (w->c)->d) < 0))
        {
          hit = 1;
          *db = d;
        }
    }
  return hit;
}

/* Effective dimension of Fix(G) at its sizes: parameters whose orbit is
   not empty. */
static size_t
fix_dim (const lsc_young *G)
{
  double metric[LSC_FAMILY_MAXP];
  size_t n = lsc_young_nparams (G), m = 0;
  if (lsc_young_metric (metric, G))
    return n;
  for (size_t i = 0; i < n; i++)
    m += metric[i] > 0;
  return m;
}

/* Whether the point q of family fam at integer d has a larger Young-type
   isotropy than the family's (lsc_detect on the embedded matrix at
   tolerance iso_tol). */
static int
larger_at_integer (lsc_family_ws *w, const lsc_family *fam, double d,
                   const double *q, double tol)
{
  lsc_young G = fam->G, D;
  if (lsc_young_set_d (&G, d) || !lsc_young_is_integral (&G))
    return 0;
  size_t k = (size_t) llround (lsc_young_k (&G)), dd = (size_t) llround (d);
  if (k != w->dwk || dd != w->dwd)
    {
      lsc_detect_free (w->dw);
      free (w->W);
      w->W = malloc (k * dd * sizeof *w->W);
      w->dw = lsc_detect_alloc (k, dd);
      w->dwk = k, w->dwd = dd;
      if (!w->W || !w->dw)
        {
          w->dwk = w->dwd = 0;
          return 0;
        }
    }
  double p[LSC_DETECT_MAXPARAMS];
  if (lsc_young_embed (w->W, q, &G)
      || lsc_detect (&D, NULL, NULL, p, NULL, w->W, k, dd, tol, w->dw))
    return 0;
  return fix_dim (&D) < fix_dim (&G);
}

/* The first integer d (in the direction of travel) in (dprev, dnow] at
   which the point's isotropy grows; NaN if none. */
static double
integer_event (lsc_family_ws *w, const lsc_family *fam, double dprev,
               double dnow, int dir, const lsc_family_params *par)
{
  double lo = fmin (dprev, dnow), hi = fmax (dprev, dnow);
  if (lo > DETECT_MAX)
    return NAN;
  double first = dir > 0 ? floor (lo) + 1 : ceil (hi) - (hi == dnow ? 0 : 1);
  for (double di = first; dir > 0 ? di <= fmin (hi, DETECT_MAX) : di >= lo;
       di += dir)
    {
      if (di < 1 || (dir < 0 && di > hi) || di == dprev)
        continue;
      int st = di == dnow ? (memcpy (w->q, lsc_cont_current (w->c)->p,
                                     w->n * sizeof (double)), 0)
                          : lsc_cont_solve_within (w->q, w->c, di);
      if (!st && larger_at_integer (w, fam, di, w->q, par->iso_tol))
        return di;
    }
  return NAN;
}

typedef struct
{
  double d;
  size_t idx;
} target;

static int
cmp_target (const void *a, const void *b)
{
  const target *x = a, *y = b;
  return (x->d > y->d) - (x->d < y->d);
}

/* One direction: step from the reference point until past the farthest
   target (or dlim when there is none), solving each target inside the
   step that reaches it. */
static int
run (double *P, int *status, int *end, double *dend, lsc_family_ws *w,
     const lsc_family *fam, const target *t, size_t nt, int dir,
     double dlim, const lsc_family_params *par)
{
  size_t n = w->n;
  lsc_cont_function cf;
  lsc_cont_restricted cr;
  lsc_cont_params cp = par->cont;
  cp.stop_at_fold = 1;
  int st = lsc_cont_restricted_init (&cf, &cr, &fam->G);
  if (!st)
    st = lsc_cont_set (w->c, &cf, fam->p, fam->d, dir, &cp);
  *end = LSC_END_OPEN;
  *dend = fam->d;
  if (st)
    {
      *end = LSC_END_FAIL;
      for (size_t i = 0; i < nt; i++)
        status[t[i].idx] = st;
      return st;
    }
  const lsc_cont_point *pt = lsc_cont_current (w->c);
  for (size_t i = 0; i < w->nm; i++)
    w->prev[i] = pt->p[w->m[i].ia] - pt->p[w->m[i].ib];
  double far = nt ? t[nt - 1].d : dlim;
  size_t next = 0;
  while (next < nt && t[next].d == fam->d)
    {
      if (P)
        memcpy (P + t[next].idx * n, pt->p, n * sizeof (double));
      status[t[next++].idx] = LSC_SUCCESS;
    }
  while ((far - pt->d) * dir > 0)
    {
      double dprev = pt->d;
      st = lsc_cont_step (w->c);
      if (st && st != LSC_EFOLD)
        {
          /* a failure within edge_tol of the large block's smallest size
             is the edge: the scaled system degenerates there.  So is a
             failure with fewer than two rows in the large block (its
             off-diagonal entries are then an analytic continuation: two
             of its rows can turn antiparallel, cos = -1 to 5e-6 where
             Y9e1_fa's and Y8e1_fa's continuations stop, and the kernel
             is not smooth at angle pi) */
          lsc_young G = fam->G;
          int near = !lsc_young_set_d (&G, pt->d)
                     && (G.rsize[0] - 1 < par->edge_tol || G.rsize[0] < 2);
          *end = st == LSC_EDOM || near ? LSC_END_EDGE : LSC_END_FAIL;
          if (near)
            st = LSC_EDOM;
          /* an edge next to an integer d where the point (its limit, to
             the continuation's last digits) has a larger isotropy - e.g.
             F5 at d = 2 and F4 at d = 3 tend to a permutation matrix, the
             global minimum - is that branch point */
          double di = round (pt->d);
          if (*end == LSC_END_EDGE && fabs (pt->d - di) < par->edge_tol
              && larger_at_integer (w, fam, di, pt->p,
                                    fmax (par->iso_tol,
                                          1e3 * fabs (pt->d - di))))
            {
              *end = LSC_END_BRANCH;
              *dend = di;
            }
          break;
        }
      double dnow = pt->d, db = NAN, di;
      int branch = isotropy_grows (w, par, pt->p, &db);
      di = integer_event (w, fam, dprev, dnow, dir, par);
      if (!isnan (di) && (!branch || (di - db) * dir < 0))
        db = di, branch = 1;
      if (branch)
        {
          dnow = db;
          st = LSC_EFOLD; /* an end, resolved below */
          *end = LSC_END_BRANCH;
        }
      else if (st == LSC_EFOLD)
        *end = LSC_END_FOLD;
      /* targets inside this step, up to and including its end point (at a
         branch point the coincident point is solved; beyond: absent) */
      while (next < nt && (t[next].d - dprev) * dir > 0
             && (t[next].d - dnow) * dir <= 0)
        {
          double *q = P ? P + t[next].idx * n : w->q;
          int s2 = t[next].d == pt->d
                     ? (memcpy (q, pt->p, n * sizeof (double)), 0)
                     : lsc_cont_solve_within (q, w->c, t[next].d);
          status[t[next++].idx] = s2;
        }
      *dend = dnow;
      if (st)
        break;
    }
  if (*end == LSC_END_OPEN)
    *dend = nt ? pt->d : dlim; /* explored up to dlim */
  int rest = *end == LSC_END_FAIL ? (st ? st : LSC_EFAILED) : LSC_EDOM;
  while (next < nt)
    status[t[next++].idx] = rest;
  return LSC_SUCCESS;
}

/* A walk (par->step set): each side continued to dmin, then dmax, by
   lsc_cont_run with the callback at every point. */
typedef struct
{
  const lsc_family_params *par;
  int dir, first, cbst;
} walk_ctx;

static int
walk_cb (const lsc_cont_point *pt, void *data)
{
  walk_ctx *x = data;
  x->cbst = x->par->step (pt, x->dir, x->first, x->par->step_data);
  x->first = 0;
  return x->cbst;
}

static int
walk (lsc_family_domain *dm, const lsc_family *fam,
      const lsc_family_params *par, lsc_family_ws *w)
{
  lsc_cont_function cf;
  lsc_cont_restricted cr;
  dm->lo = dm->hi = fam->d;
  dm->end_lo = dm->end_hi = LSC_END_OPEN;
  int st = lsc_cont_restricted_init (&cf, &cr, &fam->G);
  for (int dir = -1; !st && dir <= 1; dir += 2)
    {
      double dstop = dir < 0 ? par->dmin : par->dmax;
      if (dstop == fam->d)
        continue;
      walk_ctx x = { par, dir, 1, 0 };
      st = lsc_cont_set (w->c, &cf, fam->p, fam->d, dir, &par->cont);
      if (!st)
        st = lsc_cont_run (w->c, dstop, walk_cb, &x);
      if (x.cbst)
        return x.cbst;
      int end = st == LSC_EFOLD ? LSC_END_FOLD : st == LSC_EDOM
                ? LSC_END_EDGE : st == LSC_ESTEPUNDER ? LSC_END_FAIL
                : LSC_END_OPEN;
      *(dir < 0 ? &dm->end_lo : &dm->end_hi) = end;
      *(dir < 0 ? &dm->lo : &dm->hi) = lsc_cont_current (w->c)->d;
      if (end != LSC_END_OPEN)
        st = LSC_SUCCESS;
    }
  return st;
}

int
lsc_family_follow (double *p, int *status, lsc_family_domain *dom,
                   const lsc_family *fam, const double *d, size_t nd,
                   const lsc_family_params *par, lsc_family_ws *w)
{
  if (!fam || !w || (nd && (!d || !status)))
    LSC_ERROR ("lsc_family_follow: NULL argument", LSC_EFAULT);
  if (fam->nparams != w->n)
    LSC_ERROR ("lsc_family_follow: workspace size differs", LSC_EBADLEN);
  lsc_family_params def;
  if (!par)
    {
      lsc_family_params_init (&def);
      par = &def;
    }
  for (size_t i = 0; i < nd; i++)
    if (!isfinite (d[i]))
      LSC_ERROR ("lsc_family_follow: non-finite d", LSC_EINVAL);
  if (par->step)
    {
      if (nd)
        LSC_ERROR ("lsc_family_follow: a walk takes no d", LSC_EINVAL);
      lsc_family_domain dw;
      int st = walk (&dw, fam, par, w);
      if (dom)
        *dom = dw;
      return st;
    }
  target *t = malloc ((nd ? nd : 1) * sizeof *t);
  if (!t)
    LSC_ERROR ("lsc_family_follow: out of memory", LSC_ENOMEM);
  setup_merges (w, &fam->G);
  lsc_family_domain dm;
  /* upwards: targets >= d0 ascending; downwards: < d0 descending */
  size_t nup = 0, ndown = 0;
  for (size_t i = 0; i < nd; i++)
    if (d[i] >= fam->d)
      t[nup++] = (target) { d[i], i };
  qsort (t, nup, sizeof *t, cmp_target);
  if (nd == 0 || nup)
    run (p, status, &dm.end_hi, &dm.hi, w, fam, t, nup, +1, par->dmax, par);
  else
    dm.end_hi = LSC_END_OPEN, dm.hi = fam->d;
  for (size_t i = 0; i < nd; i++)
    if (d[i] < fam->d)
      t[ndown++] = (target) { -d[i], i };
  qsort (t, ndown, sizeof *t, cmp_target);
  for (size_t i = 0; i < ndown; i++)
    t[i].d = -t[i].d;
  if (nd == 0 || ndown)
    run (p, status, &dm.end_lo, &dm.lo, w, fam, t, ndown, -1, par->dmin,
         par);
  else
    dm.end_lo = LSC_END_OPEN, dm.lo = fam->d;
  free (t);
  if (dom)
    *dom = dm;
  return LSC_SUCCESS;
}

int
lsc_family_at (double *p, const lsc_family *fam, double d,
               lsc_family_ws *w)
{
  int st = LSC_SUCCESS;
  int rc = lsc_family_follow (p, &st, NULL, fam, &d, 1, NULL, w);
  return rc ? rc : st;
}
