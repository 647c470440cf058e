/* Scan job: a catalogue family's critical point continued to the requested
   dimensions, its reduced spectrum, type and the full-Hessian check. */
#include <config.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "landscape.h"
#include "scan_impl.h"


void
lsc_scan_opts_init (lsc_scan_opts *o)
{
  o->rtol = 1e-10;
  o->ztol = 1e-8;
  o->full_tol = 1e-9;
  o->full = 0;
  o->fast = 0;
  o->prec = 0;
  o->digits = 0;
}

int
lsc_scan_family_exists (const lsc_family *f, double d, double *k)
{
  lsc_young G = f->G;
  if (!(d > 0) || lsc_young_set_d (&G, d) != 0)
    return 0;
  if (k)
    *k = lsc_young_k (&G);
  return 1;
}

double
lsc_scan_family_dstar (const lsc_family *f)
{
#ifdef LSC_FAMILY_HAS_DSTAR
  return f->dstar;
#else
  (void) f;
  return NAN;
#endif
}

static int
cmp_double (const void *a, const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

/* Full Hessian of the embedded W at integer sizes, eigenvalues against the
   reduced spectrum expanded by multiplicity. */
static void
full_check (lsc_scan_row *r, const lsc_young *G, const lsc_scan_opts *o)
{
  double kk = lsc_young_k (G), dd = lsc_young_d (G);
  if (!lsc_young_is_integral (G) || kk > 200 || dd > 200)
    {
      r->full = LSC_SCAN_FULL_SKIP;
      return;
    }
  size_t k = (size_t) llround (kk), d = (size_t) llround (dd), n = k * d;
  double *W = malloc (n * sizeof *W), *H = malloc (n * n * sizeof *H);
  double *ev = malloc (n * sizeof *ev), *er = malloc (n * sizeof *er);
  lsc_loss_workspace *lws = lsc_loss_workspace_alloc (k, d, d);
  lsc_eigen_workspace *ews = lsc_eigen_workspace_alloc (n, 0);
  lsc_problem prob = { k, d, d, NULL, NULL, NULL };
  r->full = LSC_SCAN_FULL_MISMATCH;
  r->full_dev = INFINITY;
  if (!W || !H || !ev || !er || !lws || !ews
      || lsc_young_embed (W, r->p, G) != 0
      || lsc_loss_hessian (H, W, &prob, lws) != 0
      || lsc_eigen_symm (ev, NULL, H, n, ews) != 0)
    goto done;
  /* The reduced spectrum as a multiset of n values. */
  size_t m = 0;
  for (size_t i = 0; i < r->nev; i++)
    {
      double mu = r->ev[i].mult;
      long long c = llround (mu);
      if (fabs (mu - (double) c) > 1e-9 || c < 0 || m + (size_t) c > n)
        goto done;
      for (long long j = 0; j < c; j++)
        er[m++] = r->ev[i].value;
    }
  if (m != n)
    goto done;
  qsort (er, n, sizeof *er, cmp_double);
  double scale = 1, dev = 0;
  for (size_t i = 0; i < n; i++)
    scale = fmax (scale, fabs (ev[i]));
  for (size_t i = 0; i < n; i++)
    dev = fmax (dev, fabs (ev[i] - er[i]));
  r->full_dev = dev / scale;
  r->full = r->full_dev <= o->full_tol ? LSC_SCAN_FULL_OK : LSC_SCAN_FULL_MISMATCH;
done:
  free (W);
  free (H);
  free (ev);
  free (er);
  lsc_loss_workspace_free (lws);
  lsc_eigen_workspace_free (ews);
}

/* Loss, residual, spectrum, type (and full check) of a solved row. */
static void
evaluate (lsc_scan_row *r, const lsc_scan_opts *o, lsc_isotypic_workspace *iws)
{
  lsc_young G = r->fam->G;
  double g[LSC_FAMILY_MAXP], metric[LSC_FAMILY_MAXP];
  int st = lsc_young_set_d (&G, r->d);
  if (!st)
    st = lsc_restricted_grad (NULL, g, r->p, &G);
  if (!st) /* the printed loss: the double sum loses ~ eps d^2 */
    st = lsc_restricted_loss_accurate (&r->loss, r->p, &G);
  if (!st)
    st = lsc_young_metric (metric, &G);
  if (!st)
    st = lsc_isotypic_spectrum (r->ev, &r->nev, r->p, &G, o->rtol, 0.0, iws);
  if (st)
    {
      r->status = st;
      r->nev = 0;
      return;
    }
  double s2 = 0;
  for (size_t i = 0; i < r->np; i++)
    s2 += g[i] * g[i] / metric[i];
  r->resid = sqrt (s2);
  if (o->prec && (r->status = lsc_scan_refine_mpfr (r, &G, o)) != 0)
    return;
  /* The double point and reduced spectrum lose ~ d eps relative to the
     largest eigenvalue (a few ulps at d = 20, 1e-11 relative at d = 1e6
     for the O(1) ones): unless --fast, the point is refined and the
     spectrum computed at 128 bits, then rounded, so that every printed
     digit is right (milliseconds for one small block, ~0.3 s for S_5). */
  if (!o->prec && !o->fast
      && (r->status = lsc_scan_refine_accurate (r, &G)) != 0)
    return;
  lsc_scan_classify (r, o);
  if (o->full)
    full_check (r, &G, o);
}

void
lsc_scan_classify (lsc_scan_row *r, const lsc_scan_opts *o)
{
  /* The accurate (default) path gives every eigenvalue to about one ulp
     of itself: zero means |value| <= ztol.  The --fast double path is
     right only to ~ d eps of the largest eigenvalue: there the tolerance
     is relative to max(1, max |value|).  (Relative to the largest always,
     the O(1) eigenvalues counted as zero once d exceeded ~1e8.) */
  double scale = 1;
  if (o->fast)
    for (size_t i = 0; i < r->nev; i++)
      scale = fmax (scale, fabs (r->ev[i].value));
  double z = o->ztol * scale;
  /* --fast: the double Hessian's terms of size d^2 cancel, leaving an
     error of about d^2 2^-53 max(1, max |value|) on every eigenvalue
     (measured against the accurate path for every family at d = 1e3 ..
     1e6: at most 2.6 times that); the printed bound has a factor 16. */
  if (o->fast)
    r->ev_err = 16 * fmax (r->d * r->d, r->d) * 0x1p-53 * scale;
  r->index = r->zero = r->total = 0;
  r->min_eig = INFINITY;
  r->min_irrep = -1;
  for (size_t i = 0; i < r->nev; i++)
    {
      double v = r->ev[i].value;
      r->total += r->ev[i].mult;
      if (v < -z)
        r->index += r->ev[i].mult;
      else if (v <= z)
        r->zero += r->ev[i].mult;
      if (v < r->min_eig)
        {
          r->min_eig = v;
          r->min_irrep = r->ev[i].irrep;
          r->min_idx = i;
        }
    }
  if (r->index > 0)
    r->type = "saddle";
  else if (r->zero > 0)
    r->type = "degenerate";
  else if (strcmp (r->fam->kind, "global-minimum") == 0)
    r->type = "global-minimum";
  else
    r->type = "spurious-minimum";
}

/* Order of the targets along one direction from d0. */
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

/* Continue from the catalogue point in direction dir through the targets
   t[0..n) (ordered along dir); targets equal to d0 take the start point. */
static int
run_direction (lsc_scan_row *rows, const lsc_family *f, const target *t,
               size_t n, int dir)
{
  lsc_cont_function cf;
  lsc_cont_restricted cr;
  lsc_cont *c = lsc_cont_alloc (f->nparams);
  if (!c)
    return LSC_ENOMEM;
  int st = lsc_cont_restricted_init (&cf, &cr, &f->G);
  if (!st)
    st = lsc_cont_set (c, &cf, f->p, f->d, dir, NULL);
  for (size_t i = 0; i < n; i++)
    {
      lsc_scan_row *r = &rows[t[i].idx];
      if (!st && t[i].d != f->d)
        st = lsc_cont_run (c, t[i].d, NULL, NULL);
      r->status = st;
      if (!st)
        memcpy (r->p, lsc_cont_current (c)->p, f->nparams * sizeof (double));
    }
  lsc_cont_free (c);
  return LSC_SUCCESS;
}

int
lsc_scan_family (lsc_scan_row *rows, const lsc_family *f, const double *d,
             size_t nd, const lsc_scan_opts *o)
{
  lsc_isotypic_workspace *iws = lsc_isotypic_alloc (&f->G);
  target *t = malloc ((nd ? nd : 1) * sizeof *t);
  int st = LSC_SUCCESS;
  for (size_t i = 0; i < nd; i++)
    {
      memset (&rows[i], 0, sizeof rows[i]);
      rows[i].fam = f;
      rows[i].d = d[i];
      rows[i].np = f->nparams;
      rows[i].min_irrep = -1;
      lsc_scan_family_exists (f, d[i], &rows[i].k);
    }
  if (!iws || !t)
    {
      st = LSC_ENOMEM;
      goto done;
    }
  size_t nmax = lsc_isotypic_max (iws);
  if (o->prec || !o->fast)
    {
      size_t nm = lsc_isotypic_max_mpfr (&f->G);
      nmax = nm > nmax ? nm : nmax;
    }
  for (size_t i = 0; i < nd; i++)
    if (!(rows[i].ev = malloc (nmax * sizeof *rows[i].ev)))
      {
        st = LSC_ENOMEM;
        goto done;
      }
  /* Upwards: targets >= d0 ascending (d0 itself first); downwards: targets
     < d0 descending. */
  size_t nup = 0, ndown = 0;
  for (size_t i = 0; i < nd; i++)
    if (d[i] >= f->d && d[i] <= LSC_SCAN_LARGE_D)
      t[nup++] = (target) { d[i], i };
  qsort (t, nup, sizeof *t, cmp_target);
  if (nup && (st = run_direction (rows, f, t, nup, +1)))
    goto done;
  for (size_t i = 0; i < nd; i++)
    if (d[i] < f->d)
      t[ndown++] = (target) { d[i], i };
  qsort (t, ndown, sizeof *t, cmp_target);
  for (size_t i = 0; i < ndown / 2; i++)
    {
      target s = t[i];
      t[i] = t[ndown - 1 - i];
      t[ndown - 1 - i] = s;
    }
  if (ndown && (st = run_direction (rows, f, t, ndown, -1)))
    goto done;
  for (size_t i = 0; i < nd; i++)
    if (rows[i].status == LSC_SUCCESS && !(d[i] > LSC_SCAN_LARGE_D))
      evaluate (&rows[i], o, iws);
  /* Large d: the series module (scan-large.c), one branch per family. */
  lsc_series_path *path = NULL;
  for (size_t i = 0; i < nd; i++)
    if (d[i] > LSC_SCAN_LARGE_D && d[i] >= f->d)
      lsc_scan_large_row (&rows[i], &path, o);
  lsc_series_path_free (path);
done:
  free (t);
  lsc_isotypic_free (iws);
  return st;
}

void
lsc_scan_rows_clear (lsc_scan_row *rows, size_t n)
{
  for (size_t i = 0; i < n; i++)
    {
      free (rows[i].ev);
      rows[i].ev = NULL;
      for (size_t j = 0; rows[i].ev_dec && j < rows[i].nev; j++)
        free (rows[i].ev_dec[j]);
      free (rows[i].ev_dec);
      free (rows[i].loss_dec);
      free (rows[i].resid_dec);
      free (rows[i].index_dec);
      rows[i].index_dec = NULL;
      rows[i].ev_dec = NULL;
      rows[i].loss_dec = rows[i].resid_dec = NULL;
    }
}

const char *
lsc_scan_full_token (int full)
{
  static const char *const tok[] = { "", "ok", "mismatch", "skip" };
  return full >= 0 && full <= LSC_SCAN_FULL_SKIP ? tok[full] : "";
}
