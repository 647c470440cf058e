/* Scan job: a catalogue family's critical point continued to the requested
   dimensions, its reduced spectrum, type and the full-Hessian check. */
#include <config.h>
#include <math.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include "landscape.h"
#include "landscape/lsc_overparam.h"
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
      || lsc_loss_hessian_lower (H, W, &prob, lws) != 0
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

/* --fast keeps the double spectrum while its error bound, 16 max(d^2, d)
   2^-53 max(1, max |lambda|), is within the zero tolerance ztol
   max(1, max |lambda|), so that zero and sign decisions stand (d up to
   about 2400 at the default ztol = 1e-8).  Beyond, the double path
   cannot tell small eigenvalues from zero (its bound is 444 at d = 1e6)
   and --fast takes the accurate path's spectrum: the point refined at
   128 bits, the spectrum in MPFR with the double-double eigen-solver. */
static int
fast_refines (double d, const lsc_scan_opts *o)
{
  return !o->prec && 16 * fmax (d * d, d) * 0x1p-53 > o->ztol;
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
  if (!o->prec && (!o->fast || fast_refines (r->d, o))
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
  double scale = 1, vmax = 1;
  for (size_t i = 0; i < r->nev; i++)
    vmax = fmax (vmax, fabs (r->ev[i].value));
  int refined = o->fast && fast_refines (r->d, o);
  if (o->fast && !refined)
    scale = vmax;
  double z = o->ztol * scale;
  /* --fast: the double Hessian's terms of size d^2 cancel, leaving an
     error of about d^2 2^-53 max(1, max |value|) on every eigenvalue
     (measured against the accurate path for every family at d = 1e3 ..
     1e6: at most 2.6 times that); the printed bound has a factor 16.
     Refined rows (fast_refines): half an ulp of each printed double plus
     (2^-90 + d^2 2^-110) max(1, max |value|) for the 128-bit route (the
     double-double Jacobi, k 2^-100 |block|_F with k <= 64 and |block|_F
     <= 8 max |value|; the MPFR restricted Hessian, whose terms of size
     up to d^2 max |value| cancel at 128 bits, 2^-118 each, with 256 of
     them per entry; the Newton point, converged to the same level). */
  if (refined)
    {
      r->ev_err = 0;
      for (size_t i = 0; i < r->nev; i++)
        {
          double v = r->ev[i].value;
          r->ev_err = fmax (r->ev_err, v != 0 && isfinite (v)
                                           ? ldexp (1, ilogb (v) - 53) : 0);
        }
      r->ev_err += (0x1p-90 + r->d * r->d * 0x1p-110) * vmax;
      r->ev_err *= 1 + 0x1p-50;
    }
  else if (o->fast)
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
  /* the type needs the whole spectrum: multiplicities sum to k d */
  double kd = r->k * r->d;
  if (!(fabs (r->total - kd) <= 1e-9 * fmax (1, kd)))
    {
      static const int all[] = { LSC_IRREP_T, LSC_IRREP_S, LSC_IRREP_X,
                                 LSC_IRREP_Y };
      char miss[32] = "";
      for (size_t a = 0; a < 4; a++)
        {
          size_t i = 0;
          while (i < r->nev && r->ev[i].irrep != all[a])
            i++;
          if (i == r->nev)
            {
              strcat (miss, miss[0] ? "," : "");
              strcat (miss, lsc_irrep_name (all[a]));
            }
        }
      r->type = NULL;
      r->incomplete = 1;
      snprintf (r->note, sizeof r->note, "incomplete spectrum: "
                "multiplicities sum to %.10g, not kd = %.10g; missing "
                "components: %s", r->total, kd, miss[0] ? miss : "unknown");
      return;
    }
  /* k > d: split neurons give structural zero modes (their split
     ratios, lsc_overparam(3)); they stay in the zero count but do not
     make the point degenerate */
  double ns = 0;
  lsc_young Gd = r->fam->G;
  if (r->zero > 0 && lsc_young_set_d (&Gd, r->d) == 0
      && lsc_overparam_young_nsplit (&ns, &Gd, r->p, 1e-9) == 0 && ns > 0
      && ns <= r->zero)
    {
      size_t l = strlen (r->note);
      snprintf (r->note + l, sizeof r->note - l, "%s%.0f of the zero "
                "eigenvalues structural (split ratios)", l ? "; " : "", ns);
    }
  else
    ns = 0;
  if (r->index > 0)
    r->type = "saddle";
  else if (r->zero > ns)
    r->type = "degenerate";
  else if (strcmp (r->fam->kind, "global-minimum") == 0)
    r->type = "global-minimum";
  else
    r->type = "spurious-minimum";
}

/* The effective dimension of a row's fixed space at its d (parameters
   with non-empty orbits): smaller means larger isotropy. */
static size_t
row_fix_dim (const lsc_scan_row *r)
{
  lsc_young G = r->fam->G;
  double metric[LSC_FAMILY_MAXP];
  size_t n = r->np, m = 0;
  if (lsc_young_set_d (&G, r->d) || lsc_young_metric (metric, &G))
    return n;
  for (size_t i = 0; i < n; i++)
    m += metric[i] > 0;
  return m;
}

int
lsc_scan_family (lsc_scan_row *rows, const lsc_family *f, const double *d,
             size_t nd, const lsc_scan_opts *o)
{
  lsc_isotypic_workspace *iws = lsc_isotypic_alloc (&f->G);
  lsc_family_ws *fw = lsc_family_ws_alloc (f->nparams);
  double *P = malloc ((nd ? nd : 1) * f->nparams * sizeof *P);
  int *stv = malloc ((nd ? nd : 1) * sizeof *stv);
  double *ds = malloc ((nd ? nd : 1) * sizeof *ds);
  lsc_family_domain dom;
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
  if (!iws || !fw || !P || !stv || !ds)
    {
      st = LSC_ENOMEM;
      goto done;
    }
  size_t nmax = lsc_isotypic_max (iws);
  /* room for the MPFR spectrum too: --fast also refines above
     fast_refines' dimension */
  size_t nm = lsc_isotypic_max_mpfr (&f->G);
  nmax = nm > nmax ? nm : nmax;
  for (size_t i = 0; i < nd; i++)
    if (!(rows[i].ev = malloc (nmax * sizeof *rows[i].ev)))
      {
        st = LSC_ENOMEM;
        goto done;
      }
  /* The library's driver (d up to LSC_SCAN_LARGE_D; above, the series
     module): the path from the reference point does not depend on the d
     asked for, so a d alone and inside a range give the same point;
     beyond the end of the branch the family is absent. */
  size_t ns = 0;
  for (size_t i = 0; i < nd; i++)
    if (!(d[i] > LSC_SCAN_LARGE_D))
      ds[ns++] = d[i];
  if (ns && (st = lsc_family_follow (P, stv, &dom, f, ds, ns, NULL, fw)))
    goto done; /* (none at or below LSC_SCAN_LARGE_D: no domain search) */
  for (size_t i = 0, j = 0; i < nd; i++)
    {
      if (d[i] > LSC_SCAN_LARGE_D)
        continue;
      lsc_scan_row *r = &rows[i];
      size_t jj = j++;
      r->status = stv[jj];
      if (r->status == LSC_EDOM)
        {
          r->status = LSC_SUCCESS;
          r->absent = 1;
          snprintf (r->note, sizeof r->note, "outside the family's domain: "
                    "its branch ends at d = %.17g (%s)",
                    r->d < f->d ? dom.lo : dom.hi,
                    lsc_family_end_name (r->d < f->d ? dom.end_lo
                                         : dom.end_hi));
          continue;
        }
      if (r->status)
        continue;
      memcpy (r->p, P + jj * f->nparams, f->nparams * sizeof (double));
      evaluate (r, o, iws);
      if ((r->d == dom.lo && dom.end_lo == LSC_END_BRANCH)
          || (r->d == dom.hi && dom.end_hi == LSC_END_BRANCH))
        {
          r->coincident = 1;
          snprintf (r->note, sizeof r->note, "branch point: the isotropy "
                    "grows (a family of larger isotropy)");
        }
    }
  /* Large d: the series module (scan-large.c), one branch per family. */
  lsc_series_path *path = NULL;
  for (size_t i = 0; i < nd; i++)
    if (d[i] > LSC_SCAN_LARGE_D && d[i] >= f->d)
      lsc_scan_large_row (&rows[i], &path, o);
  lsc_series_path_free (path);
done:
  free (P);
  free (stv);
  free (ds);
  lsc_family_ws_free (fw);
  lsc_isotypic_free (iws);
  return st;
}

static int
cmp_eig (const void *a, const void *b)
{
  double x = ((const lsc_iso_eigen *) a)->value;
  double y = ((const lsc_iso_eigen *) b)->value;
  return (x > y) - (x < y);
}

/* The spectrum of a row as sorted distinct values with summed
   multiplicities (components of different groups split one eigenvalue
   differently); into v (capacity r->nev), returns the count. */
static size_t
merged_spectrum (lsc_iso_eigen *v, const lsc_scan_row *r)
{
  memcpy (v, r->ev, r->nev * sizeof *v);
  qsort (v, r->nev, sizeof *v, cmp_eig);
  size_t m = 0;
  for (size_t i = 0; i < r->nev; i++)
    if (m && fabs (v[i].value - v[m - 1].value)
               <= 1e-9 * fmax (1, fabs (v[i].value)))
      v[m - 1].mult += v[i].mult;
    else
      v[m++] = v[i];
  return m;
}

/* Two solved rows at the same d and k are the same critical point (up to
   symmetry) when their losses agree and their spectra agree as multisets
   (values to 1e-8 relative, multiplicities exactly). */
static int
same_point (const lsc_scan_row *a, const lsc_scan_row *b)
{
  /* above LSC_SCAN_LARGE_D the families' spectra agree to O(1/d) and no
     domain ends: no coincidence is sought there */
  if (a->d != b->d || a->k != b->k || a->incomplete || b->incomplete
      || a->d > LSC_SCAN_LARGE_D
      || !a->ev || !b->ev || !a->nev || !b->nev)
    return 0;
  if (!(fabs (a->loss - b->loss)
         <= 1e-12 * fmax (fabs (a->loss), fabs (b->loss))))
    return 0;
  lsc_iso_eigen *va = malloc ((a->nev + b->nev) * sizeof *va);
  if (!va)
    return 0;
  lsc_iso_eigen *vb = va + a->nev;
  size_t na = merged_spectrum (va, a), nb = merged_spectrum (vb, b);
  int same = na == nb;
  for (size_t i = 0; same && i < na; i++)
    same = fabs (va[i].value - vb[i].value) <= 1e-8 * fmax (1, fabs (va[i].value))
           && fabs (va[i].mult - vb[i].mult) <= 1e-9 * fmax (1, va[i].mult);
  free (va);
  return same;
}

void
lsc_scan_mark_coincident (lsc_scan_row *const *rows, size_t n)
{
  for (size_t i = 0; i < n; i++)
    for (size_t j = 0; j < n; j++)
      {
        lsc_scan_row *a = rows[i], *b = rows[j];
        if (i == j || a->status || b->status || a->absent || b->absent
            || !same_point (a, b))
          continue;
        size_t fa = row_fix_dim (a), fb = row_fix_dim (b);
        /* a is reported under b: b has the larger isotropy (the earlier
           catalogue row on a tie) */
        if (fb < fa || (fb == fa && j < i))
          {
            a->coincident = 1;
            snprintf (a->note, sizeof a->note, "same critical point as %s "
                      "(larger isotropy)", b->fam->name);
          }
      }
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
