/* The corrector and the tangent of pseudo-arclength continuation: Newton
   on the bordered system [g(p, d(t)); n . (y - y_pred)] with its contraction
   rate measured (AUTO/MATCONT-style step control), and the unit tangent as
   the kernel of [J | g_t]. */
#include <config.h>
#include <string.h>
#include <math.h>
#include "continuation/cont_internal.h"
#include "internal.h"

/* The parameter t(d): identity up to dlog, logarithmic beyond. */
double
lsc_cont_d_of_t (double t, double L)
{
  return t <= L ? t : L * exp (t / L - 1.0);
}

double
lsc_cont_t_of_d (double d, double L)
{
  return d <= L ? d : L * (1.0 + log (d / L));
}

static double
ddt (double t, double L)
{
  return t <= L ? 1.0 : exp (t / L - 1.0);
}

static double
norm (const double *a, size_t n)
{
  double s = 0.0;
  for (size_t i = 0; i < n; i++)
    s += a[i] * a[i];
  return sqrt (s);
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

/* Bordered system [g(p, d(t)); nrm . (y - ypred)] and its Jacobian. */
static int
aug_fdf (lsc_cont *c, double *g, double *J, const double *y,
         const double *nrm)
{
  size_t n = c->n, m = n + 1;
  double L = c->par.dlog, t = y[n], d = lsc_cont_d_of_t (t, L);
  int st = c->f.fdf (g, J ? c->Jp : NULL, y, d, c->f.params);
  if (st)
    return st;
  double s = 0.0;
  for (size_t i = 0; i < m; i++)
    s += nrm[i] * (y[i] - c->ypred[i]);
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
      memcpy (J + n * m, nrm, m * sizeof (double));
    }
  if (!lsc_all_finite (g, n) || (J && !lsc_all_finite (J, m * m)))
    return LSC_ENONFINITE;
  return 0;
}

/* Solve A z = rhs (A = c->A, m x m) with column equilibration (parameters
   of a branch differ in scale by many orders at large d): A = Ah D,
   z = D^-1 zh; the rank test is on Ah.  rhs NULL: e_m. */
static int
solve_bordered (lsc_cont *c, double *z, const double *rhs)
{
  size_t m = c->n + 1;
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
  if (rhs)
    for (size_t i = 0; i < m; i++)
      gsl_vector_set (c->rhs, i, rhs[i]);
  else
    gsl_vector_set_basis (c->rhs, m - 1);
  gsl_linalg_LU_solve (c->LU, c->perm, c->rhs, c->sol);
  for (size_t j = 0; j < m; j++)
    z[j] = gsl_vector_get (c->sol, j) / cs[j];
  return lsc_all_finite (z, m) ? 0 : LSC_ESING;
}

int
lsc_cont_tangent (lsc_cont *c, double *tau, const double *y,
                  const double *ref)
{
  size_t m = c->n + 1;
  int st = aug_fdf (c, c->gp, c->A, y, ref);
  if (st)
    return st;
  if ((st = solve_bordered (c, tau, NULL)) != 0)
    return st;
  double nz = norm (tau, m);
  for (size_t i = 0; i < m; i++)
    tau[i] /= nz;
  return 0;
}

/* Undamped Newton: a damped corrector would hide divergence, and a
   corrector that wanders is how a continuation changes branch silently.
   The step is rejected instead (the driver shortens it) when successive
   Newton corrections do not contract by kappa_max, when the iteration
   limit is reached, or when an evaluation fails.  Converged: |g| <=
   epsabs, or a correction below epsx (1 + |y|) with |g| <= epsstall (the
   rounding floor of g grows with d). */
int
lsc_cont_correct (lsc_cont *c)
{
  size_t n = c->n, m = n + 1;
  double *y = c->ynew, *g = c->taunew, prev = 0.0;
  memcpy (y, c->ypred, m * sizeof (double));
  c->iter = 0;
  c->kappa = 0.0;
  c->delta = 0.0;
  for (;;)
    {
      int st = aug_fdf (c, g, c->A, y, c->tpred);
      if (st)
        return st;
      double ng = norm (g, m);
      if (ng <= c->par.epsabs)
        break;
      if (c->iter >= c->par.corr_maxiter)
        return ng <= c->par.epsstall ? 0 : LSC_ENOCONV;
      for (size_t i = 0; i < m; i++)
        g[i] = -g[i];
      if ((st = solve_bordered (c, c->dy, g)) != 0)
        return st;
      double ndy = norm (c->dy, m), ny = norm (y, m);
      for (size_t i = 0; i < m; i++)
        y[i] += c->dy[i];
      c->iter++;
      /* contraction, measured while the corrections are above the
         rounding floor (below it their ratio is noise) */
      if (c->iter >= 2 && prev > 0 && ndy > 1e3 * c->par.epsx * (1 + ny))
        {
          c->kappa = fmax (c->kappa, ndy / prev);
          if (c->kappa > c->par.kappa_max)
            return LSC_ENOCONV;
        }
      prev = ndy;
      if (ndy <= c->par.epsx * (1 + ny))
        {
          if ((st = aug_fdf (c, g, NULL, y, c->tpred)) != 0)
            return st;
          if (norm (g, m) <= c->par.epsstall)
            break;
        }
    }
  for (size_t i = 0; i < m; i++)
    c->dy[i] = y[i] - c->ypred[i];
  c->delta = norm (c->dy, m);
  return 0;
}
