/* Following both halves of a bifurcating Young-type branch: step onto it,
   continue through folds within a range of d, classify every point by the
   child's isotypic spectrum, and at integer d check the point against the
   full gradient and Hessian and identify it with the catalogue. */
#include <config.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <math.h>
#include "landscape/lsc_branch.h"
#include "landscape/lsc_isotypic.h"
#include "landscape/lsc_loss.h"
#include "landscape/lsc_spectrum.h"
#include "landscape/lsc_descent.h"
#include "internal.h"
#include "branch_internal.h"

#define MAXINT 4096   /* integer d cached by the workspace's classifiers */

struct lsc_branch_workspace
{
  const lsc_catalogue *cat;
  lsc_classifier *cl[MAXINT];
};

lsc_branch_workspace *
lsc_branch_workspace_alloc (const lsc_catalogue *cat)
{
  lsc_branch_workspace *w = calloc (1, sizeof *w);
  if (!w)
    {
      lsc_error ("lsc_branch_workspace_alloc: out of memory", __FILE__,
                 __LINE__, LSC_ENOMEM);
      return NULL;
    }
  w->cat = cat;
  return w;
}

void
lsc_branch_workspace_free (lsc_branch_workspace *w)
{
  if (!w)
    return;
  for (size_t i = 0; i < MAXINT; i++)
    lsc_classifier_free (w->cl[i]);
  free (w);
}

const char *
lsc_branch_type_name (int type)
{
  return type == LSC_BRANCH_TYPE_MINIMUM ? "minimum"
         : type == LSC_BRANCH_TYPE_SADDLE ? "saddle" : "-";
}

const char *
lsc_branch_end_name (int end)
{
  static const char *const names[] = { "range", "edge", "rejoin", "folds",
                                       "fail" };
  return end >= 0 && end <= 4 ? names[end] : "?";
}

int
lsc_branch_classify (double *index, double *nzero, int *type,
                     const double *p, const lsc_young *H0, double d,
                     double zero_rtol)
{
  lsc_young H = *H0;
  *index = NAN;
  if (nzero)
    *nzero = NAN;
  *type = LSC_BRANCH_TYPE_UNKNOWN;
  int st = lsc_young_set_d (&H, d);
  if (st)
    return st;
  lsc_isotypic_workspace *ws = lsc_isotypic_alloc (&H);
  lsc_iso_eigen *out = ws ? malloc (lsc_isotypic_max (ws) * sizeof *out)
                          : NULL;
  size_t nout = 0;
  st = out ? lsc_isotypic_spectrum (out, &nout, p, &H, 1e-9, 0, ws)
           : LSC_ENOMEM;
  if (!st)
    {
      double scale = 0, mult = 0, neg = 0, zero = 0;
      for (size_t i = 0; i < nout; i++)
        scale = fmax (scale, fabs (out[i].value));
      for (size_t i = 0; i < nout; i++)
        {
          mult += out[i].mult;
          if (fabs (out[i].value) <= zero_rtol * scale)
            zero += out[i].mult;
          else if (out[i].value < 0)
            neg += out[i].mult;
        }
      double kd = lsc_young_k (&H) * lsc_young_d (&H);
      /* inertia only from a complete spectrum, the type only without a
         zero eigenvalue */
      if (fabs (mult - kd) <= 1e-9 * kd)
        {
          *index = neg;
          if (nzero)
            *nzero = zero;
          if (zero == 0)
            *type = neg == 0 ? LSC_BRANCH_TYPE_MINIMUM
                             : LSC_BRANCH_TYPE_SADDLE;
        }
    }
  free (out);
  lsc_isotypic_free (ws);
  return st;
}

/* The integer checks at an integer point (branch_internal.h). */
int
lsc_branch_integer_point (lsc_branch_point *pt, const lsc_young *H0, const double *p,
                long di, lsc_branch_workspace *w, double zero_rtol)
{
  lsc_young H = *H0;
  int st = lsc_young_set_d (&H, (double) di);
  if (st || !lsc_young_is_integral (&H))
    return st ? st : LSC_EDOM;
  size_t k = (size_t) lsc_young_k (&H), d = (size_t) di, n = k * d;
  double *W = malloc ((2 * n + n * n + n) * sizeof *W);
  lsc_loss_workspace *lw = lsc_loss_workspace_alloc (k, d, d);
  lsc_eigen_workspace *ew = lsc_eigen_workspace_alloc (n, 0);
  if (!W || !lw || !ew)
    {
      st = LSC_ENOMEM;
      goto out;
    }
  double *Gr = W + n, *Hs = Gr + n, *ev = Hs + n * n, L;
  lsc_problem pr = { k, d, d, NULL, NULL, NULL };
  if ((st = lsc_young_embed (W, p, &H)) != 0
      || (st = lsc_loss_grad (&L, Gr, W, &pr, lw)) != 0
      || (st = lsc_loss_hessian (Hs, W, &pr, lw)) != 0
      || (st = lsc_eigen_symm (ev, NULL, Hs, n, ew)) != 0)
    goto out;
  pt->grad_full = lsc_norm2 (Gr, n);
  double scale = fmax (fabs (ev[0]), fabs (ev[n - 1]));
  size_t neg = 0, zero = 0;
  for (size_t i = 0; i < n; i++)
    if (fabs (ev[i]) <= zero_rtol * scale)
      zero++;
    else if (ev[i] < 0)
      neg++;
  pt->index_full = (double) neg;
  pt->zero_full = (double) zero;
  pt->agree = !isnan (pt->index) && pt->index == (double) neg
              && pt->nzero == (double) zero;
  pt->integer = 1;
  if (w && w->cat && di < MAXINT)
    {
      if (!w->cl[di])
        w->cl[di] = lsc_classifier_alloc (w->cat, k, d, NULL);
      lsc_class cl;
      if (w->cl[di]
          && lsc_classify (&cl, W, ev, pt->loss, &pr, w->cl[di]) == 0)
        {
          if (cl.kind == LSC_CLASS_CATALOGUE || cl.kind == LSC_CLASS_GLOBAL)
            snprintf (pt->family, sizeof pt->family, "%s",
                      cl.kind == LSC_CLASS_GLOBAL ? "global"
                                                  : cl.family->name);
          snprintf (pt->isotropy, sizeof pt->isotropy, "%s", cl.isotropy);
        }
    }
out:
  lsc_eigen_workspace_free (ew);
  lsc_loss_workspace_free (lw);
  free (W);
  return st;
}

typedef struct
{
  const lsc_branch_space *S;
  const lsc_young *H;
  const lsc_branch_options *o;
  lsc_branch_workspace *w;
  lsc_branch_half *hf;
  lsc_branch_point_cb *cb;
  void *data;
  int child, half;
  double last_d, last_p0;
  int have_last, rejoined;
} fctx;

static int
point_cb (const lsc_cont_point *cp, void *data)
{
  fctx *f = data;
  if (f->have_last && cp->d == f->last_d && cp->p[0] == f->last_p0)
    return 0;                   /* the start point of a resumed run */
  f->have_last = 1;
  f->last_d = cp->d;
  f->last_p0 = cp->p[0];
  /* a point whose loss cannot be computed is never reported: the half
     ends there with LSC_ENONFINITE */
  if (!isfinite (cp->loss))
    return LSC_ENONFINITE;
  lsc_branch_point pt;
  memset (&pt, 0, sizeof pt);
  pt.d = cp->d;
  pt.p = cp->p;
  pt.loss = cp->loss;
  pt.fold = cp->fold;
  pt.grad_full = pt.index_full = NAN;
  int st = lsc_branch_amplitude (&pt.amp, f->S, cp->p, cp->d);
  if (!st)
    st = lsc_branch_classify (&pt.index, &pt.nzero, &pt.type, cp->p, f->H,
                              cp->d, f->o->zero_rtol);
  if (st == LSC_EDOM)
    st = 0;                     /* spectrum undefined at the edge */
  if (st)
    return st;
  double r = nearbyint (cp->d);
  if (f->o->integer_checks && r == cp->d && r >= 1)
    {
      st = lsc_branch_integer_point (&pt, f->H, cp->p, (long) r, f->w,
                           f->o->zero_rtol);
      if (st == LSC_EDOM)
        st = 0;
      if (st)
        return st;
      if (pt.integer)
        {
          f->hf->nint++;
          f->hf->nint_agree += pt.agree;
          f->hf->grad_max = fmax (f->hf->grad_max, pt.grad_full);
          if (pt.family[0] && !f->hf->family[0])
            {
              snprintf (f->hf->family, sizeof f->hf->family, "%s",
                        pt.family);
              f->hf->family_d = pt.d;
              snprintf (f->hf->family_isotropy,
                        sizeof f->hf->family_isotropy, "%s", pt.isotropy);
            }
        }
    }
  f->hf->npoints++;
  f->hf->d_end = cp->d;
  if (f->hf->npoints == 1)
    {
      f->hf->type = pt.type;
      f->hf->index = pt.index;
      f->hf->loss = pt.loss;
    }
  if (f->cb && (st = f->cb (&pt, f->child, f->half, f->data)) != 0)
    return st;
  if (pt.amp < f->o->amp_rejoin)
    {
      f->rejoined = 1;
      return LSC_EFAILED;
    }
  return 0;
}

/* The next stop in the direction of travel. */
static double
next_stop (double d, int dir, const lsc_branch_options *o)
{
  if (!o->integer_checks)
    return dir > 0 ? o->d_hi : o->d_lo;
  double s = dir > 0 ? floor (d) + 1 : ceil (d) - 1;
  return dir > 0 ? fmin (s, o->d_hi) : fmax (s, o->d_lo);
}

static void
follow_half (lsc_branch_half *hf, fctx *f, lsc_cont *c,
             const lsc_cont_function *cf, const double *x1, double d1,
             double dstar)
{
  const lsc_branch_options *o = f->o;
  lsc_cont_params par;
  lsc_cont_params_init (&par);
  par.h0 = o->amp / 2;
  par.hmax = 0.25;
  int dir = d1 >= dstar ? 1 : -1;
  int st = lsc_cont_set (c, cf, x1, d1, dir, &par);
  if (st)
    {
      hf->end = LSC_BRANCH_END_FAIL;
      hf->end_status = st;
      return;
    }
  double last_fold = NAN;
  for (;;)
    {
      const lsc_cont_point *cp = lsc_cont_current (c);
      int tdir = cp->tangent_d >= 0 ? 1 : -1;
      if ((tdir > 0 && cp->d >= o->d_hi) || (tdir < 0 && cp->d <= o->d_lo))
        {
          st = point_cb (cp, f);
          hf->end = LSC_BRANCH_END_RANGE;
          hf->end_status = st;
          return;
        }
      st = lsc_cont_run (c, next_stop (cp->d, tdir, o), point_cb, f);
      if (st == LSC_EFOLD)
        {
          cp = lsc_cont_current (c);
          lsc_young He = *f->H;
          /* a "fold" where the large block nears size 1 is the branch
             approaching the edge of its domain asymptotically */
          if (lsc_young_set_d (&He, cp->d) || He.rsize[0] - 1 < 1e-3)
            {
              hf->end = LSC_BRANCH_END_EDGE;
              hf->end_status = st;
              return;
            }
          if (!(fabs (cp->d - last_fold) < 1e-6 * (1 + fabs (cp->d))))
            hf->nfolds++;
          last_fold = cp->d;
          if (hf->nfolds > o->max_folds)
            {
              hf->end = LSC_BRANCH_END_FOLDS;
              return;
            }
          /* step past the fold, so that the tangent points the new way */
          st = lsc_cont_step (c);
          if (st == 0 || st == LSC_EFOLD)
            {
              point_cb (lsc_cont_current (c), f);
              continue;
            }
        }
      if (st == 0)
        continue;
      if (f->rejoined)
        {
          hf->end = LSC_BRANCH_END_REJOIN;
          return;
        }
      hf->end_status = st;
      hf->end = st == LSC_EDOM || st == LSC_ESTEPUNDER ? LSC_BRANCH_END_EDGE
                                                      : LSC_BRANCH_END_FAIL;
      if (st == LSC_ESTEPUNDER)
        {
          /* step underflow is the edge only where a block nears size 1 */
          lsc_young H = *f->H;
          cp = lsc_cont_current (c);
          if (lsc_young_set_d (&H, cp->d) || H.rsize[0] > 1.01)
            hf->end = LSC_BRANCH_END_FAIL;
        }
      return;
    }
}

int
lsc_branch_follow_child (lsc_branch_half half[2], const lsc_branch_child *ch,
                         int child, const lsc_young *G0, const double *pstar,
                         double dstar, lsc_branch_workspace *w,
                         const lsc_branch_options *opt,
                         lsc_branch_point_cb *cb, void *data)
{
  if (!half || !ch || !G0 || !pstar)
    LSC_ERROR ("lsc_branch_follow_child: NULL argument", LSC_EFAULT);
  lsc_branch_options o;
  if (opt)
    o = *opt;
  else
    lsc_branch_options_init (&o);
  lsc_young G = *G0;
  int rc = lsc_young_set_d (&G, dstar);
  if (rc)
    return rc;
  lsc_branch_young_space *ys = malloc (sizeof *ys);
  lsc_branch_space S;
  lsc_cont *c = NULL;
  if (!ys)
    LSC_ERROR ("lsc_branch_follow_child: out of memory", LSC_ENOMEM);
  if ((rc = lsc_branch_young_space_init (&S, ys, ch, &G)) != 0)
    goto cleanup;
  size_t n = ys->n;
  double xs[LSC_BRANCH_NP], x1[LSC_BRANCH_NP], d1;
  for (size_t a = 0; a < n; a++)
    {
      double s = 0;
      for (size_t b = 0; b < ys->nparent; b++)
        s += ys->A[a * ys->nparent + b] * pstar[b];
      xs[a] = s;
    }
  if (!(c = lsc_cont_alloc (n)))
    LSC_FAIL ("lsc_branch_follow_child: out of memory", LSC_ENOMEM);
  for (int h = 0; h < 2; h++)
    {
      lsc_branch_half *hf = &half[h];
      memset (hf, 0, sizeof *hf);
      hf->index = hf->loss = hf->family_d = NAN;
      lsc_newton_result nr;
      hf->status = lsc_branch_step (x1, &d1, &nr, &S, xs, dstar, ch->tangent,
                                    h ? o.amp : -o.amp, NULL);
      if (hf->status)
        {
          hf->end = LSC_BRANCH_END_FAIL;
          hf->end_status = hf->status;
          continue;
        }
      hf->d1 = d1;
      hf->side = d1 > dstar ? 1 : d1 < dstar ? -1 : 0;
      fctx f = { &S, &ys->H, &o, w, hf, cb, data, child, h, 0, 0, 0, 0 };
      follow_half (hf, &f, c, &ys->f, x1, d1, dstar);
    }
cleanup:
  lsc_cont_free (c);
  free (ys);
  return rc;
}

int
lsc_branch_follow_family (lsc_branch_half half[2], const lsc_young *G,
                          const double *p0, double d0,
                          lsc_branch_workspace *w,
                          const lsc_branch_options *opt,
                          lsc_branch_point_cb *cb, void *data)
{
  if (!half || !G || !p0)
    LSC_ERROR ("lsc_branch_follow_family: NULL argument", LSC_EFAULT);
  lsc_branch_options o;
  if (opt)
    o = *opt;
  else
    lsc_branch_options_init (&o);
  o.amp_rejoin = 0;             /* no parent space to rejoin */
  o.amp = 0.2;                  /* first step of the continuation: 0.1 */
  lsc_young H = *G;
  int rc = lsc_young_set_d (&H, d0);
  if (rc)
    return rc;
  lsc_cont_function cf;
  lsc_cont_restricted cr;
  if ((rc = lsc_cont_restricted_init (&cf, &cr, &H)) != 0)
    return rc;
  lsc_branch_space S = { &cf, NULL, NULL, NULL, 0 };
  lsc_cont *c = lsc_cont_alloc (cf.n);
  if (!c)
    LSC_ERROR ("lsc_branch_follow_family: out of memory", LSC_ENOMEM);
  for (int h = 0; h < 2; h++)
    {
      lsc_branch_half *hf = &half[h];
      memset (hf, 0, sizeof *hf);
      hf->index = hf->loss = hf->family_d = NAN;
      hf->d1 = d0;
      hf->side = h ? 1 : -1;
      fctx f = { &S, &H, &o, w, hf, cb, data, -1, h, 0, 0, 0, 0 };
      follow_half (hf, &f, c, &cf, p0, d0, d0 - hf->side);
    }
  lsc_cont_free (c);
  return LSC_SUCCESS;
}
