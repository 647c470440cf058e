/* Pseudo-arclength continuation in (p, t(d)): predictor along the tangent,
   Newton corrector on the arclength hyperplane (cont_correct.c), step
   control from the tangent angle, the corrector's contraction rate, its
   distance from the predictor and its iteration count; folds located. */
#include <config.h>
#include <stdlib.h>
#include <string.h>
#include <math.h>
#include "continuation/cont_internal.h"
#include "landscape/lsc_newton.h"
#include "internal.h"

void
lsc_cont_params_init (lsc_cont_params *par)
{
  par->h0 = 0.1;
  par->hmin = 1e-9;
  par->hmax = 2.0;
  par->grow = 1.6;
  par->shrink = 0.5;
  par->easy_iter = 3;
  par->corr_maxiter = 8;
  par->epsabs = 1e-12;
  par->epsx = 1e-12;
  par->epsstall = 1e-5;
  par->alpha_max = 0.2;
  par->kappa_max = 0.5;
  par->delta_max = 0.25;
  par->dlog = 20.0;
  par->fd_rel = 1e-5;
  par->max_points = 10000;
  par->stop_at_fold = 1;
}

static double
dot (const double *a, const double *b, size_t n)
{
  double s = 0.0;
  for (size_t i = 0; i < n; i++)
    s += a[i] * b[i];
  return s;
}

lsc_cont *
lsc_cont_alloc (size_t n)
{
  if (n == 0)
    {
      lsc_error ("lsc_cont_alloc: n = 0", __FILE__, __LINE__, LSC_EINVAL);
      return NULL;
    }
  size_t m = n + 1;
  lsc_cont *c = calloc (1, sizeof *c);
  if (c == NULL)
    goto fail;
  c->n = n;
  double **v[] = { &c->y, &c->tau, &c->yold, &c->tauold, &c->ypred,
                   &c->tpred, &c->ynew, &c->taunew, &c->gd, &c->gp, &c->gm,
                   &c->dy };
  for (size_t i = 0; i < sizeof v / sizeof v[0]; i++)
    if ((*v[i] = malloc (m * sizeof (double))) == NULL)
      goto fail;
  c->ys = malloc (2 * m * sizeof (double));
  c->Jp = malloc (n * n * sizeof (double));
  c->A = malloc (m * m * sizeof (double));
  c->LU = gsl_matrix_alloc (m, m);
  c->perm = gsl_permutation_alloc (m);
  c->rhs = gsl_vector_alloc (m);
  c->sol = gsl_vector_alloc (m);
  if (!c->ys || !c->Jp || !c->A || !c->LU || !c->perm || !c->rhs || !c->sol)
    goto fail;
  lsc_cont_params_init (&c->par);
  return c;
fail:
  lsc_cont_free (c);
  lsc_error ("lsc_cont_alloc: out of memory", __FILE__, __LINE__, LSC_ENOMEM);
  return NULL;
}

void
lsc_cont_free (lsc_cont *c)
{
  if (c == NULL)
    return;
  double *v[] = { c->y, c->tau, c->yold, c->tauold, c->ypred, c->tpred,
                  c->ynew, c->taunew, c->gd, c->gp, c->gm, c->dy, c->ys, c->Jp,
                  c->A };
  for (size_t i = 0; i < sizeof v / sizeof v[0]; i++)
    free (v[i]);
  if (c->LU)
    gsl_matrix_free (c->LU);
  if (c->perm)
    gsl_permutation_free (c->perm);
  if (c->rhs)
    gsl_vector_free (c->rhs);
  if (c->sol)
    gsl_vector_free (c->sol);
  free (c);
}

/* Fill the current point from c->y: its loss and residual must be finite
   (a point whose loss cannot be computed is not a point of the branch:
   the caller rejects the step, so that no such point is ever reported). */
static int
fill_point (lsc_cont *c, double d, size_t iter, int fold, int status)
{
  size_t n = c->n;
  lsc_cont_point *pt = &c->pt;
  pt->d = d;
  pt->p = c->y;
  pt->loss = NAN;
  if (c->f.loss)
    {
      int st = c->f.loss (&pt->loss, c->y, d, c->f.params);
      if (st)
        return st;
      if (!isfinite (pt->loss))
        return LSC_ENONFINITE;
    }
  int st = c->f.fdf (c->gm, NULL, c->y, d, c->f.params);
  if (st)
    return st;
  pt->residual = sqrt (dot (c->gm, c->gm, n));
  if (!isfinite (pt->residual))
    return LSC_ENONFINITE;
  pt->tangent_d = c->tau[n];
  pt->h = c->h;
  pt->iter = iter;
  pt->fold = fold;
  pt->status = status;
  return 0;
}

static int
nat_fdf (double *g, double *J, const double *p, void *params)
{
  lsc_cont *c = params;
  return c->f.fdf (g, J, p, c->dfix, c->f.params);
}

int
lsc_cont_set (lsc_cont *c, const lsc_cont_function *f, const double *p0,
              double d0, int dir, const lsc_cont_params *par)
{
  if (c == NULL || f == NULL || f->fdf == NULL || p0 == NULL)
    LSC_ERROR ("lsc_cont_set: NULL argument", LSC_EFAULT);
  if (f->n != c->n)
    LSC_ERROR ("lsc_cont_set: system size differs from the workspace's",
               LSC_EBADLEN);
  if ((dir != 1 && dir != -1) || !isfinite (d0))
    LSC_ERROR ("lsc_cont_set: dir must be +1 or -1, d0 finite", LSC_EINVAL);
  if (par)
    {
      if (!(par->hmin > 0) || !(par->h0 >= par->hmin) || !(par->hmax >= par->h0)
          || !(par->grow >= 1) || !(par->shrink > 0 && par->shrink < 1)
          || !(par->epsabs >= 0) || !(par->epsx >= 0) || !(par->dlog > 0)
          || !(par->epsstall >= par->epsabs)
          || !(par->fd_rel > 0) || !(par->alpha_max > 0 && par->alpha_max < 1.5)
          || !(par->kappa_max > 0 && par->kappa_max < 1)
          || !(par->delta_max > 0) || par->corr_maxiter == 0)
        LSC_ERROR ("lsc_cont_set: step control out of range", LSC_EBADTOL);
      c->par = *par;
    }
  else
    lsc_cont_params_init (&c->par);
  c->f = *f;
  size_t n = c->n;
  memcpy (c->y, p0, n * sizeof (double));
  c->dfix = d0;
  lsc_newton_function nf = { n, nat_fdf, c };
  lsc_newton_params np;
  lsc_newton_params_init (&np);
  np.epsabs = c->par.epsabs;
  np.epsx = c->par.epsx;
  lsc_newton_result res;
  int st = lsc_newton_solve (c->y, &res, lsc_newton_damped, &nf, &np);
  if ((st == LSC_ENOCONV || st == LSC_EMAXITER)
      && res.residual <= c->par.epsstall)
    st = 0;
  if (st)
    LSC_ERROR ("lsc_cont_set: Newton at the starting d failed", st);
  c->y[n] = lsc_cont_t_of_d (d0, c->par.dlog);
  double *ref = c->tauold;
  memset (ref, 0, (n + 1) * sizeof (double));
  ref[n] = dir;
  if ((st = lsc_cont_tangent (c, c->tau, c->y, ref)) != 0)
    LSC_ERROR ("lsc_cont_set: no tangent at the start", st);
  c->h = c->par.h0;
  c->npoints = 1;
  c->last_fail = 0;
  if ((st = fill_point (c, d0, res.iter, 0, LSC_SUCCESS)) != 0)
    LSC_ERROR ("lsc_cont_set: loss or residual not computable at the start",
               st);
  return LSC_SUCCESS;
}

/* The step-size factor of the last corrector (Allgower-Georg): 1 at the
   nominal values alpha_max / 2, kappa_max / 4, delta_max / 4 (the angle
   enters linearly, contraction and distance, which grow like h^2, by
   their square roots); above 2 the step is rejected. */
static double
step_factor (const lsc_cont *c, double alpha, double h)
{
  const lsc_cont_params *p = &c->par;
  double f = alpha / (0.5 * p->alpha_max);
  f = fmax (f, sqrt (c->kappa / (0.25 * p->kappa_max)));
  f = fmax (f, sqrt (c->delta / h / (0.25 * p->delta_max)));
  return f;
}

/* One predictor-corrector attempt from (y0, t0) with predictor step h and
   hyperplane normal nrm (NULL: the tangent t0, pseudo-arclength) into
   (ynew, taunew); *fac receives the step factor.  Rejections: the
   corrector's, and a tangent turned by more than alpha_max. */
static int
attempt (lsc_cont *c, const double *y0, const double *t0, double h,
         const double *nrm, double *fac, int check)
{
  size_t m = c->n + 1;
  for (size_t i = 0; i < m; i++)
    {
      c->ypred[i] = y0[i] + h * t0[i];
      c->tpred[i] = nrm ? nrm[i] : t0[i];
    }
  int st = lsc_cont_correct (c);
  if (st)
    return st;
  if ((st = lsc_cont_tangent (c, c->taunew, c->ynew, t0)) != 0)
    return st;
  double cs = fmin (1.0, fmax (-1.0, dot (c->taunew, t0, m)));
  *fac = step_factor (c, acos (cs), fabs (h));
  if (check && *fac > 2.0)
    return LSC_ENOCONV;
  return 0;
}

/* Make (ynew, taunew) the current point (yold, tauold keep the previous
   one) and fill it; on a loss failure the previous point is restored. */
static int
accept (lsc_cont *c, double d, int fold, int status)
{
  size_t m = c->n + 1;
  if (isnan (d))
    d = lsc_cont_d_of_t (c->ynew[c->n], c->par.dlog);
  memcpy (c->yold, c->y, m * sizeof (double));
  memcpy (c->tauold, c->tau, m * sizeof (double));
  memcpy (c->y, c->ynew, m * sizeof (double));
  memcpy (c->tau, c->taunew, m * sizeof (double));
  int st = fill_point (c, d, c->iter, fold, status);
  if (st)
    {
      memcpy (c->y, c->yold, m * sizeof (double));
      memcpy (c->tau, c->tauold, m * sizeof (double));
      fill_point (c, lsc_cont_d_of_t (c->y[c->n], c->par.dlog), 0, 0,
                  LSC_SUCCESS);
    }
  return st;
}

/* Between yold (tangent_d a > 0 side) and y, find the arclength where the
   tangent's d-component vanishes (Illinois regula falsi); the located point
   replaces y. */
static void
locate_fold (lsc_cont *c, double hb)
{
  size_t m = c->n + 1;
  double sa = 0.0, fa = c->tauold[c->n], sb = hb, fb = c->tau[c->n], fac;
  double *y0 = c->ys, *t0 = c->ys + m; /* the point before the fold */
  memcpy (y0, c->yold, m * sizeof (double));
  memcpy (t0, c->tauold, m * sizeof (double));
  for (int k = 0; k < 60 && fabs (sb - sa) > 1e-15 * (1 + hb); k++)
    {
      double s = sb - fb * (sb - sa) / (fb - fa);
      /* inside an accepted step: the corrector's own tests suffice */
      if (attempt (c, y0, t0, s, NULL, &fac, 0) != 0)
        break;
      double fs = c->taunew[c->n];
      memcpy (c->y, c->ynew, m * sizeof (double));
      memcpy (c->tau, c->taunew, m * sizeof (double));
      if (fs == 0.0)
        break;
      if (fs * fb < 0)
        sa = sb, fa = fb;
      else
        fa *= 0.5;
      sb = s, fb = fs;
    }
}

int
lsc_cont_step (lsc_cont *c)
{
  double fac = 1.0;
  for (;;)
    {
      if (c->h < c->par.hmin)
        {
          int st = c->last_fail == LSC_EDOM ? LSC_EDOM
                   : c->last_fail == LSC_ESING ? LSC_ESING : LSC_ESTEPUNDER;
          LSC_ERROR ("lsc_cont_step: step underflow", st);
        }
      int st = attempt (c, c->y, c->tau, c->h, NULL, &fac, 1);
      int fold = !st && c->tau[c->n] * c->taunew[c->n] < 0;
      if (!st)
        st = accept (c, NAN, fold && !c->par.stop_at_fold, LSC_SUCCESS);
      if (st)
        {
          c->last_fail = st == LSC_ENONFINITE ? LSC_EDOM : st;
          c->h *= c->par.shrink;
          continue;
        }
      if (fold && c->par.stop_at_fold)
        {
          double hused = c->h;
          locate_fold (c, hused);
          fill_point (c, lsc_cont_d_of_t (c->y[c->n], c->par.dlog), c->iter,
                      1, LSC_EFOLD);
          c->npoints++;
          c->last_fail = 0;
          return LSC_EFOLD;
        }
      break;
    }
  c->npoints++;
  c->last_fail = 0;
  /* next step: h / fac, growing by at most grow, and not at all after a
     corrector that needed more than easy_iter iterations */
  double hn = c->h / fmax (fac, 1.0 / c->par.grow);
  if (c->iter > c->par.easy_iter)
    hn = fmin (hn, c->h);
  c->h = fmin (hn, c->par.hmax);
  return LSC_SUCCESS;
}

const lsc_cont_point *
lsc_cont_current (const lsc_cont *c)
{
  return &c->pt;
}

static int
nat_solve (lsc_cont *c, double *p, double d)
{
  c->dfix = d;
  lsc_newton_function nf = { c->n, nat_fdf, c };
  lsc_newton_params np;
  lsc_newton_params_init (&np);
  np.epsabs = c->par.epsabs;
  np.epsx = c->par.epsx;
  np.maxiter = c->par.corr_maxiter;
  lsc_newton_result res;
  int st = lsc_newton_solve (p, &res, lsc_newton_damped, &nf, &np);
  if ((st == LSC_ENOCONV || st == LSC_EMAXITER)
      && res.residual <= c->par.epsstall)
    st = 0;
  return st;
}

/* Solve at d = d_stop: predictor on the tangent line, corrector on the
   hyperplane t = t_stop with the same rejection tests as a step, then a
   polish at d = d_stop exactly (t_of_d and d_of_t round) that may only
   move the point by a rounding-level amount. */
static int
finish_at (lsc_cont *c, double d_stop)
{
  size_t n = c->n, m = n + 1;
  double ts = lsc_cont_t_of_d (d_stop, c->par.dlog), fac;
  double hs = (ts - c->y[n]) / c->tau[n];
  memset (c->tpred, 0, m * sizeof (double));
  c->tpred[n] = 1.0;
  int st = attempt (c, c->y, c->tau, hs, c->tpred, &fac, 1);
  if (st)
    return st;
  memcpy (c->ys, c->ynew, n * sizeof (double));
  if ((st = nat_solve (c, c->ynew, d_stop)) != 0)
    return st;
  double dev = 0, sz = 0;
  for (size_t i = 0; i < n; i++)
    {
      dev = fmax (dev, fabs (c->ynew[i] - c->ys[i]));
      sz = fmax (sz, fabs (c->ys[i]));
    }
  if (!(dev <= 1e-6 * (1 + sz)))
    return LSC_ENOCONV;
  c->ynew[n] = ts;
  if ((st = accept (c, d_stop, 0, LSC_SUCCESS)) != 0)
    return st;
  c->npoints++;
  return 0;
}

int
lsc_cont_run (lsc_cont *c, double d_stop, lsc_cont_callback *cb, void *data)
{
  size_t n = c->n, m = n + 1;
  int st;
  if (cb && (st = cb (&c->pt, data)) != 0)
    return st;
  if (!isfinite (d_stop))
    LSC_ERROR ("lsc_cont_run: d_stop is not finite", LSC_EINVAL);
  double ts = lsc_cont_t_of_d (d_stop, c->par.dlog);
  if (c->pt.d == d_stop)
    return LSC_SUCCESS; /* already there */
  /* d_stop behind the direction of travel can only be reached through a
     fold; when folds stop the run it would never be reached (the branch
     would wander to max_points): refuse it */
  if ((ts - c->y[n]) * c->tau[n] < 0 && c->par.stop_at_fold)
    LSC_ERROR ("lsc_cont_run: d_stop is behind the direction of travel",
               LSC_EINVAL);
  for (;;)
    {
      if (c->npoints >= c->par.max_points)
        LSC_ERROR ("lsc_cont_run: point limit reached", LSC_EMAXITER);
      double dt = ts - c->y[n];
      if (dt * c->tau[n] > 0 && c->h * fabs (c->tau[n]) >= fabs (dt))
        {
          if (finish_at (c, d_stop) == 0)
            return cb ? cb (&c->pt, data) : LSC_SUCCESS;
          c->h = 0.5 * fabs (dt / c->tau[n]);
        }
      double told = c->y[n];
      st = lsc_cont_step (c);
      if (st && st != LSC_EFOLD)
        return st;
      if (st == 0 && (c->y[n] - ts) * (told - ts) < 0)
        {
          /* The corrector overshot d_stop: solve there from this point,
             or go back and shorten the step. */
          if (finish_at (c, d_stop) == 0)
            return cb ? cb (&c->pt, data) : LSC_SUCCESS;
          memcpy (c->y, c->yold, m * sizeof (double));
          memcpy (c->tau, c->tauold, m * sizeof (double));
          fill_point (c, lsc_cont_d_of_t (c->y[n], c->par.dlog), 0, 0,
                      LSC_SUCCESS);
          c->h = 0.5 * fabs ((ts - c->y[n]) / c->tau[n]);
          continue;
        }
      int cst = cb ? cb (&c->pt, data) : 0;
      if (st)
        return st;
      if (cst)
        return cst;
    }
}

/* The point at d inside the last accepted step (between the previous and
   the current point), solved from the previous point with the step's own
   tests; the branch's state is not changed, so the path of a run does not
   depend on which d are asked for. */
int
lsc_cont_solve_within (double *p, lsc_cont *c, double d)
{
  size_t n = c->n, m = n + 1;
  if (!p || !isfinite (d))
    LSC_ERROR ("lsc_cont_solve_within: bad argument", LSC_EINVAL);
  if (c->npoints < 2)
    LSC_ERROR ("lsc_cont_solve_within: no step taken yet", LSC_EINVAL);
  double ts = lsc_cont_t_of_d (d, c->par.dlog), fac;
  double hs = (ts - c->yold[n]) / c->tauold[n];
  if (!isfinite (hs))
    LSC_ERROR ("lsc_cont_solve_within: the step is vertical", LSC_ESING);
  memset (c->tpred, 0, m * sizeof (double));
  c->tpred[n] = 1.0;
  int st = attempt (c, c->yold, c->tauold, hs, c->tpred, &fac, 1);
  if (st)
    return st;
  memcpy (p, c->ynew, n * sizeof (double));
  if ((st = nat_solve (c, p, d)) != 0)
    return st;
  double dev = 0, sz = 0;
  for (size_t i = 0; i < n; i++)
    {
      dev = fmax (dev, fabs (p[i] - c->ynew[i]));
      sz = fmax (sz, fabs (c->ynew[i]));
    }
  return dev <= 1e-6 * (1 + sz) ? LSC_SUCCESS : LSC_ENOCONV;
}

/* The point at arclength fraction s in [0, 1] of the last step, from the
   previous point (state unchanged): into p and *d. */
int
lsc_cont_solve_along (double *p, double *d, lsc_cont *c, double s)
{
  size_t n = c->n, m = n + 1;
  if (c->npoints < 2 || !(s >= 0 && s <= 1))
    LSC_ERROR ("lsc_cont_solve_along: bad argument", LSC_EINVAL);
  double h = 0;
  for (size_t i = 0; i < m; i++)
    h += c->tauold[i] * (c->y[i] - c->yold[i]);
  double fac;
  int st = attempt (c, c->yold, c->tauold, s * h, NULL, &fac, 0);
  if (st)
    return st;
  memcpy (p, c->ynew, n * sizeof (double));
  *d = lsc_cont_d_of_t (c->ynew[n], c->par.dlog);
  return LSC_SUCCESS;
}

/* The previous point (before the last step), n parameters and d. */
const double *
lsc_cont_previous (const lsc_cont *c, double *d)
{
  if (d)
    *d = lsc_cont_d_of_t (c->yold[c->n], c->par.dlog);
  return c->yold;
}
