/* Follow a family in d: reach the start, continue to the end, stop at a
   branch point of the family's domain, classify every point
   (landscape-follow's job, lsc_jobs(3)). */
#include <config.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "landscape.h"
#include "landscape/lsc_jobs.h"
#include "internal.h"

void
lsc_follow_opts_init (lsc_follow_opts *o)
{
  lsc_cont_params_init (&o->cont);
  o->from = NAN;
  o->to = NAN;
  o->past_branch = 0;
  o->detect_tol = 1e-6;
}

typedef struct
{
  const lsc_family *fam;
  lsc_iso_eigen *ev;
  lsc_follow_fn *fn;
  void *data;
  size_t npts;
} ctx;

/* Type, Morse index and smallest eigenvalue of the point: the isotypic
   spectrum at 128 bits rounded (lsc_isotypic_spectrum_accurate), classified
   as a scan classifies (lsc_scan_classify). */
static int
point (const lsc_cont_point *pt, void *data)
{
  ctx *x = data;
  lsc_follow_point fp = { pt, 0, NULL, NAN, NAN, 0 };
  lsc_scan_row r;
  memset (&r, 0, sizeof r);
  lsc_young G = x->fam->G;
  lsc_scan_opts so;
  lsc_scan_opts_init (&so);
  r.fam = x->fam;
  r.d = pt->d;
  r.ev = x->ev;
  int st = pt->status ? pt->status : lsc_young_set_d (&G, pt->d);
  r.k = lsc_young_k (&G);
  if (!st)
    st = lsc_isotypic_spectrum_accurate (r.ev, &r.nev, pt->p, &G, so.rtol,
                                         0.0);
  if (!st)
    lsc_scan_classify (&r, &so);
  if (!st && r.type && r.nev > 0)
    {
      fp.classified = 1;
      /* a detected family has no catalogue kind: say only what the
         spectrum says */
      fp.type = !x->fam->kind[0] && r.index == 0 && r.zero == 0
                  ? "minimum" : r.type;
      fp.index = r.index;
      fp.min_eig = r.min_eig;
      fp.min_irrep = r.min_irrep;
    }
  x->npts++;
  return x->fn ? x->fn (&fp, x->data) : 0;
}

/* Where the family's domain ends at a branch point on the side travelled
   (lsc_family_follow), when that lies strictly between from and to; NaN
   otherwise. */
static double
branch_end (const lsc_family *f, const lsc_follow_opts *o, double from)
{
  double to = o->to, dend = NAN;
  if (o->past_branch || !o->cont.stop_at_fold
      || (to - f->d) * (to - from) < 0)
    return NAN;
  lsc_family_params fp;
  lsc_family_params_init (&fp);
  fp.cont = o->cont;
  fp.dmin = to < f->d ? to : f->d;
  fp.dmax = to > f->d ? to : f->d;
  lsc_family_domain dom;
  lsc_family_ws *fw = lsc_family_ws_alloc (f->nparams);
  if (fw && lsc_family_follow (NULL, NULL, &dom, f, NULL, 0, &fp, fw) == 0)
    {
      int end = to < f->d ? dom.end_lo : dom.end_hi;
      double de = to < f->d ? dom.lo : dom.hi;
      if (end == LSC_END_BRANCH && (to - de) * (to - from) > 0)
        dend = de;
    }
  lsc_family_ws_free (fw);
  return dend;
}

int
lsc_follow (lsc_follow_result *res, int *where, const lsc_family *f,
            const lsc_follow_opts *o, lsc_follow_fn *fn, void *data)
{
  memset (res, 0, sizeof *res);
  *where = 0;
  double from = isnan (o->from) ? f->d : o->from, to = o->to;
  if (!isfinite (from) || !isfinite (to))
    LSC_ERROR ("lsc_follow: from and to must be finite", LSC_EINVAL);
  lsc_cont_function cf;
  lsc_cont_restricted cr;
  int st = lsc_cont_restricted_init (&cf, &cr, &f->G);
  if (st)
    return st;
  lsc_cont *c = lsc_cont_alloc (cf.n);
  size_t nev = lsc_isotypic_max_mpfr (&f->G);
  ctx x = { f, malloc ((nev ? nev : 1) * sizeof (lsc_iso_eigen)), fn, data,
            0 };
  if (!c || !x.ev)
    {
      lsc_cont_free (c);
      free (x.ev);
      return LSC_ENOMEM;
    }
  double p[LSC_FAMILY_MAXP];
  memcpy (p, f->p, cf.n * sizeof (double));
  if (from != f->d)
    {
      /* the point at the start: the family's driver (lsc_family_follow),
         which stops the family at a fold, the edge or a branch point */
      lsc_family_params fp;
      lsc_family_params_init (&fp);
      fp.cont = o->cont;
      fp.cont.stop_at_fold = 1;
      lsc_family_ws *fw = lsc_family_ws_alloc (f->nparams);
      int pst = 0;
      st = fw ? lsc_family_follow (p, &pst, NULL, f, &from, 1, &fp, fw)
              : LSC_ENOMEM;
      lsc_family_ws_free (fw);
      if (!st)
        st = pst;
      if (st)
        *where = 1;
    }
  if (!st && (st = lsc_cont_set (c, &cf, p, from, to >= from ? 1 : -1,
                                 &o->cont)))
    *where = 2;
  if (!st)
    {
      double dend = branch_end (f, o, from);
      res->status = lsc_cont_run (c, isnan (dend) ? to : dend, point, &x);
      res->branch_end = res->status == 0 && !isnan (dend);
      res->d_end = lsc_cont_current (c)->d;
      res->npoints = x.npts;
    }
  lsc_cont_free (c);
  free (x.ev);
  return st;
}

int
lsc_follow_detect (lsc_family *f, const double *W, size_t k, size_t d,
                   double tol)
{
  lsc_detect_workspace *w = lsc_detect_alloc (k, d);
  if (!w)
    return LSC_ENOMEM;
  memset (f, 0, sizeof *f);
  lsc_detect_info info;
  int st = lsc_detect (&f->G, NULL, NULL, f->p, &info, W, k, d, tol, w);
  lsc_detect_free (w);
  if (st)
    return st;
  snprintf (f->name, sizeof f->name, "detected");
  f->d = lsc_young_d (&f->G);
  f->nparams = lsc_young_nparams (&f->G);
  f->dstar = NAN;
  return f->G.rsize[0] < 2 ? LSC_EDOM : LSC_SUCCESS;
}
