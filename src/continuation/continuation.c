/* Pseudo-arclength continuation in (p, t(d)): predictor along the tangent,
   Newton corrector on the arclength hyperplane, adaptive steps, folds. */
#include <config.h>
#include <stdlib.h>
#include <string.h>
#include <math.h>
#include <gsl/gsl_linalg.h>
#include "landscape/lsc_continuation.h"
#include "landscape/lsc_newton.h"
#include "internal.h"

struct lsc_cont
{
  size_t n;
  lsc_cont_function f;
  lsc_cont_params par;
  double *y, *tau;            /* current point (p, t) and unit tangent    */
  double *yold, *tauold;      /* previous point                           */
  double *ypred, *tpred;      /* predictor and the hyperplane's normal    */
  double *ynew, *taunew;
  double *gd, *gp, *gm, *Jp;  /* scratch for evaluations                  */
  double *A;                  /* (n+1)^2 bordered matrix                  */
  gsl_matrix *LU;
  gsl_permutation *perm;
  gsl_vector *rhs, *sol;
  lsc_newton *aug, *nat;      /* corrector (n+1) and fixed-d solver (n)   */
  double dfix;
  double h;
  size_t npoints;
  int last_fail;
  lsc_cont_point pt;
};

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
  par->cos_min = 0.9;
  par->dlog = 20.0;
  par->fd_rel = 1e-5;
  par->max_points = 10000;
  par->stop_at_fold = 1;
}

/* The parameter t(d): identity up to dlog, logarithmic beyond. */
static double
d_of_t (double t, double L)
{
  return t <= L ? t : L * exp (t / L - 1.0);
}

static double
t_of_d (double d, double L)
{
  return d <= L ? d : L * (1.0 + log (d / L));
}

static double
ddt (double t, double L)
{
  return t <= L ? 1.0 : exp (t / L - 1.0);
}

static double
dot (const double *a, const double *b, size_t n)
{
  double s = 0.0;
  for (size_t i = 0; i < n; i++)
    s += a[i] * b[i];
  return s;
}

/* Newton at the rounding floor of g: when the line search stalls or the
   iteration limit is hit with |g| <= epsstall, the point is accepted (its
   residual is reported with it). */
static int
stall_ok (const lsc_cont *c, int st, const lsc_newton_result *res)
{
  if ((st == LSC_ENOCONV || st == LSC_EMAXITER)
      && res->residual <= c->par.epsstall)
    return 0;
  return st;
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
                   &c->tpred, &c->ynew, &c->taunew, &c->gd, &c->gp, &c->gm };
  for (size_t i = 0; i < sizeof v / sizeof v[0]; i++)
    if ((*v[i] = malloc (m * sizeof (double))) == NULL)
      goto fail;
  c->Jp = malloc (n * n * sizeof (double));
  c->A = malloc (m * m * sizeof (double));
  c->LU = gsl_matrix_alloc (m, m);
  c->perm = gsl_permutation_alloc (m);
  c->rhs = gsl_vector_alloc (m);
  c->sol = gsl_vector_alloc (m);
  c->aug = lsc_newton_alloc (lsc_newton_damped, m);
  c->nat = lsc_newton_alloc (lsc_newton_damped, n);
  if (!c->Jp || !c->A || !c->LU || !c->perm || !c->rhs || !c->sol || !c->aug
      || !c->nat)
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
                  c->ynew, c->taunew, c->gd, c->gp, c->gm, c->Jp, c->A };
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
  lsc_newton_free (c->aug);
  lsc_newton_free (c->nat);
  free (c);
}

/* dg/dd at (p, d) into c->gd: analytic, or central difference (one-sided
   when one side leaves the domain). */
static int
eval_gd (lsc_cont *c, const double *p, double d)
{
  size_t n = c->n;
  if (c->f.dd)
    return c->f.dd (c->gd, p, d, c->f.params);
  double h = c->par.fd_rel * fmax (1.0, fabs (d));
  int sp = c->f.fdf (c->gp, NULL, p, d + h, c->f.params);
  int sm = c->f.fdf (c->gm, NULL, p, d - h, c->f.params);
  double w = 2.0 * h;
  if (sp || sm)
    {
      if (sp && sm)
        return sp;
      int st = c->f.fdf (sp ? c->gp : c->gm, NULL, p, d, c->f.params);
      if (st)
        return st;
      w = h;
    }
  for (size_t i = 0; i < n; i++)
    c->gd[i] = (c->gp[i] - c->gm[i]) / w;
  return 0;
}

/* Bordered system [g(p, d(t)); tpred . (y - ypred)] for the corrector. */
static int
aug_fdf (double *g, double *J, const double *y, void *params)
{
  lsc_cont *c = params;
  size_t n = c->n, m = n + 1;
  double L = c->par.dlog, t = y[n], d = d_of_t (t, L);
  int st = c->f.fdf (g, J ? c->Jp : NULL, y, d, c->f.params);
  if (st)
    return st;
  double s = 0.0;
  for (size_t i = 0; i < m; i++)
    s += c->tpred[i] * (y[i] - c->ypred[i]);
  g[n] = s;
  if (J)
    {
      if ((st = eval_gd (c, y, d)) != 0)
        return st;
      double dt = ddt (t, L);
      for (size_t i = 0; i < n; i++)
        {
          memcpy (J + i * m, c->Jp + i * n, n * sizeof (double));
          J[i * m + n] = c->gd[i] * dt;
        }
      memcpy (J + n * m, c->tpred, m * sizeof (double));
    }
  return 0;
}

static int
nat_fdf (double *g, double *J, const double *p, void *params)
{
  lsc_cont *c = params;
  return c->f.fdf (g, J, p, c->dfix, c->f.params);
}

/* Unit tangent at y into tau: kernel of [J | g_t], oriented so that
   ref . tau > 0 (solve [[J, g_t], [ref^T]] z = e_{n+1}). */
static int
tangent (lsc_cont *c, double *tau, const double *y, const double *ref)
{
  size_t n = c->n, m = n + 1;
  const double *save = c->tpred;
  c->tpred = (double *) ref;
  int st = aug_fdf (c->gp, c->A, y, c);
  c->tpred = (double *) save;
  if (st)
    return st;
  if (!lsc_all_finite (c->A, m * m))
    return LSC_ENONFINITE;
  /* Equilibrate columns (parameters of a branch differ in scale by many
     orders at large d): A = Ah D, z = D^-1 zh; the rank test is on Ah. */
  double *cs = c->gm;
  for (size_t j = 0; j < m; j++)
    {
      cs[j] = 0.0;
      for (size_t i = 0; i < m; i++)
        cs[j] = fmax (cs[j], fabs (c->A[i * m + j]));
      if (cs[j] == 0.0)
        return LSC_ESING;
    }
  for (size_t i = 0; i < m; i++)
    for (size_t j = 0; j < m; j++)
      gsl_matrix_set (c->LU, i, j, c->A[i * m + j] / cs[j]);
  int sgn;
  gsl_linalg_LU_decomp (c->LU, c->perm, &sgn);
  for (size_t i = 0; i < m; i++)
    if (!(fabs (gsl_matrix_get (c->LU, i, i)) > 1e-14))
      return LSC_ESING;
  gsl_vector_set_basis (c->rhs, n);
  gsl_linalg_LU_solve (c->LU, c->perm, c->rhs, c->sol);
  for (size_t j = 0; j < m; j++)
    gsl_vector_set (c->sol, j, gsl_vector_get (c->sol, j) / cs[j]);
  double nz = 0.0;
  for (size_t i = 0; i < m; i++)
    nz += gsl_vector_get (c->sol, i) * gsl_vector_get (c->sol, i);
  nz = sqrt (nz);
  for (size_t i = 0; i < m; i++)
    tau[i] = gsl_vector_get (c->sol, i) / nz;
  return 0;
}

/* Corrector from ypred with hyperplane normal tpred; result in ynew. */
static int
correct (lsc_cont *c, size_t *iter)
{
  size_t m = c->n + 1;
  lsc_newton_function f = { m, aug_fdf, c };
  lsc_newton_params np;
  lsc_newton_params_init (&np);
  np.epsabs = c->par.epsabs;
  np.epsx = c->par.epsx;
  np.maxiter = c->par.corr_maxiter;
  np.tmin = 1.0 / 16;
  lsc_newton_result res;
  memcpy (c->ynew, c->ypred, m * sizeof (double));
  int st = lsc_newton_solve (c->ynew, &res, lsc_newton_damped, &f, &np);
  *iter = res.iter;
  return stall_ok (c, st, &res);
}

static void
fill_point (lsc_cont *c, double d, size_t iter, int fold, int status)
{
  size_t n = c->n;
  lsc_cont_point *pt = &c->pt;
  pt->d = d;
  pt->p = c->y;
  pt->loss = NAN;
  if (c->f.loss)
    c->f.loss (&pt->loss, c->y, pt->d, c->f.params);
  pt->residual = NAN;
  if (c->f.fdf (c->gm, NULL, c->y, pt->d, c->f.params) == 0)
    pt->residual = sqrt (dot (c->gm, c->gm, n));
  pt->tangent_d = c->tau[n];
  pt->h = c->h;
  pt->iter = iter;
  pt->fold = fold;
  pt->status = status;
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
          || !(par->fd_rel > 0) || !(par->cos_min > 0 && par->cos_min < 1)
          || par->corr_maxiter == 0)
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
  int st = stall_ok (c, lsc_newton_solve (c->y, &res, lsc_newton_damped,
                                          &nf, &np), &res);
  if (st)
    LSC_ERROR ("lsc_cont_set: Newton at the starting d failed", st);
  c->y[n] = t_of_d (d0, c->par.dlog);
  double *ref = c->tauold;
  memset (ref, 0, (n + 1) * sizeof (double));
  ref[n] = dir;
  if ((st = tangent (c, c->tau, c->y, ref)) != 0)
    LSC_ERROR ("lsc_cont_set: no tangent at the start", st);
  c->h = c->par.h0;
  c->npoints = 1;
  c->last_fail = 0;
  fill_point (c, d0, res.iter, 0, LSC_SUCCESS);
  return LSC_SUCCESS;
}

/* One predictor-corrector attempt of length h from (yold, tauold) into
   (ynew, taunew). */
static int
attempt (lsc_cont *c, const double *y0, const double *t0, double h,
         size_t *iter)
{
  size_t m = c->n + 1;
  for (size_t i = 0; i < m; i++)
    {
      c->ypred[i] = y0[i] + h * t0[i];
      c->tpred[i] = t0[i];
    }
  int st = correct (c, iter);
  if (st)
    return st;
  return tangent (c, c->taunew, c->ynew, t0);
}

/* Between yold (tangent_d a > 0 side) and y, find the arclength where the
   tangent's d-component vanishes (Illinois regula falsi). */
static void
locate_fold (lsc_cont *c, double hb)
{
  size_t m = c->n + 1, it;
  double sa = 0.0, fa = c->tauold[c->n], sb = hb, fb = c->tau[c->n];
  for (int k = 0; k < 60 && fabs (sb - sa) > 1e-15 * (1 + hb); k++)
    {
      double s = sb - fb * (sb - sa) / (fb - fa);
      if (attempt (c, c->yold, c->tauold, s, &it) != 0)
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
  size_t m = c->n + 1, iter = 0;
  for (;;)
    {
      if (c->h < c->par.hmin)
        {
          int st = c->last_fail == LSC_EDOM ? LSC_EDOM
                   : c->last_fail == LSC_ESING ? LSC_ESING : LSC_ESTEPUNDER;
          LSC_ERROR ("lsc_cont_step: step underflow", st);
        }
      int st = attempt (c, c->y, c->tau, c->h, &iter);
      if (st == 0 && dot (c->taunew, c->tau, m) < c->par.cos_min)
        st = LSC_ENOCONV;
      if (st)
        {
          c->last_fail = st;
          c->h *= c->par.shrink;
          continue;
        }
      break;
    }
  double hused = c->h;
  memcpy (c->yold, c->y, m * sizeof (double));
  memcpy (c->tauold, c->tau, m * sizeof (double));
  memcpy (c->y, c->ynew, m * sizeof (double));
  memcpy (c->tau, c->taunew, m * sizeof (double));
  c->last_fail = 0;
  c->npoints++;
  int fold = c->tauold[c->n] * c->tau[c->n] < 0;
  if (fold && c->par.stop_at_fold)
    {
      locate_fold (c, hused);
      fill_point (c, d_of_t (c->y[c->n], c->par.dlog), iter, 1, LSC_EFOLD);
      return LSC_EFOLD;
    }
  if (iter <= c->par.easy_iter)
    c->h = fmin (c->h * c->par.grow, c->par.hmax);
  fill_point (c, d_of_t (c->y[c->n], c->par.dlog), iter, fold,
              LSC_SUCCESS);
  return LSC_SUCCESS;
}

const lsc_cont_point *
lsc_cont_current (const lsc_cont *c)
{
  return &c->pt;
}

/* Solve at d = d_stop exactly, starting from the tangent line. */
static int
finish_at (lsc_cont *c, double d_stop, double dt)
{
  size_t n = c->n;
  double ts = dt / c->tau[n];
  for (size_t i = 0; i < n; i++)
    c->ynew[i] = c->y[i] + ts * c->tau[i];
  c->dfix = d_stop;
  lsc_newton_function nf = { n, nat_fdf, c };
  lsc_newton_params np;
  lsc_newton_params_init (&np);
  np.epsabs = c->par.epsabs;
  np.epsx = c->par.epsx;
  np.maxiter = c->par.corr_maxiter;
  lsc_newton_result res;
  int st = stall_ok (c, lsc_newton_solve (c->ynew, &res, lsc_newton_damped,
                                          &nf, &np), &res);
  if (st)
    return st;
  memcpy (c->y, c->ynew, n * sizeof (double));
  c->y[n] = t_of_d (d_stop, c->par.dlog);
  memcpy (c->tauold, c->tau, (n + 1) * sizeof (double));
  if (tangent (c, c->tau, c->y, c->tauold) != 0)
    memcpy (c->tau, c->tauold, (n + 1) * sizeof (double));
  c->npoints++;
  fill_point (c, d_stop, res.iter, 0, LSC_SUCCESS);
  return 0;
}

int
lsc_cont_run (lsc_cont *c, double d_stop, lsc_cont_callback *cb, void *data)
{
  size_t n = c->n;
  int st;
  if (cb && (st = cb (&c->pt, data)) != 0)
    return st;
  double ts = t_of_d (d_stop, c->par.dlog);
  if (!isfinite (d_stop))
    LSC_ERROR ("lsc_cont_run: d_stop is not finite", LSC_EINVAL);
  if (ts == c->y[n])
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
          if (finish_at (c, d_stop, dt) == 0)
            return cb ? cb (&c->pt, data) : LSC_SUCCESS;
          c->h = 0.5 * fabs (dt / c->tau[n]);
        }
      double told = c->y[n];
      st = lsc_cont_step (c);
      if (st && st != LSC_EFOLD)
        return st;
      if (st == 0 && (c->y[n] - ts) * (told - ts) < 0)
        {
          /* The corrector overshot d_stop: solve there from this point. */
          if (finish_at (c, d_stop, ts - c->y[n]) == 0)
            return cb ? cb (&c->pt, data) : LSC_SUCCESS;
        }
      int cst = cb ? cb (&c->pt, data) : 0;
      if (st)
        return st;
      if (cst)
        return cst;
    }
}
