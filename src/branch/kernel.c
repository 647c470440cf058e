/* The kernel of the restricted Hessian on the complement of the parent's
   fixed space, the branch tangent and the quadratic coefficient that tells
   a transcritical bifurcation from a pitchfork; the amplitude of a point
   off the parent space.  Generic: any branch space (lsc_branch_space). */
#include <config.h>
#include <stdlib.h>
#include <string.h>
#include <math.h>
#include "landscape/lsc_branch.h"
#include "landscape/lsc_spectrum.h"
#include "internal.h"
#include "branch_internal.h"

const char *
lsc_branch_kind_name (int kind)
{
  switch (kind)
    {
    case LSC_BRANCH_TRANSCRITICAL: return "transcritical";
    case LSC_BRANCH_PITCHFORK: return "pitchfork";
    default: return "none";
    }
}

void
lsc_branch_options_init (lsc_branch_options *opt)
{
  opt->ktol = 1e-7;
  opt->ctol = 1e-5;
  opt->fd_h = 1e-3;
  opt->amp = 0.02;
  opt->amp_rejoin = 1e-4;
  opt->d_lo = 2;
  opt->d_hi = 20;
  opt->max_folds = 4;
  opt->pmax = 0;
  opt->integer_checks = 1;
  opt->zero_rtol = 1e-9;
}

int
lsc_branch_sqm (double *sqm, const lsc_branch_space *S, double d)
{
  size_t n = S->f->n;
  if (!S->metric)
    {
      for (size_t i = 0; i < n; i++)
        sqm[i] = 1;
      return 0;
    }
  return S->metric (sqm, d, S->metric_params);
}

/* Orthonormal basis (rows of Q, *nq of them) of the span of the columns of
   B (n x m row-major), Gram-Schmidt twice; columns that add less than
   1e-10 of their norm are dropped. */
static void
orthonormal (double *Q, size_t *nq, const double *B, size_t n, size_t m)
{
  double *w = Q;                /* row *nq of Q is the work vector */
  *nq = 0;
  for (size_t j = 0; j < m; j++)
    {
      w = Q + *nq * n;
      for (size_t i = 0; i < n; i++)
        w[i] = B[i * m + j];
      double n0 = lsc_norm2 (w, n);
      if (!(n0 > 0))
        continue;
      for (int pass = 0; pass < 2; pass++)
        for (size_t k = 0; k < *nq; k++)
          {
            double dot = 0;
            for (size_t i = 0; i < n; i++)
              dot += Q[k * n + i] * w[i];
            for (size_t i = 0; i < n; i++)
              w[i] -= dot * Q[k * n + i];
          }
      double n1 = lsc_norm2 (w, n);
      if (n1 <= 1e-10 * n0)
        continue;
      for (size_t i = 0; i < n; i++)
        w[i] /= n1;
      (*nq)++;
    }
}

/* Orthonormal basis C (rows, nc of them) of the complement of M^{1/2} A in
   R^n: the parent basis P first, then unit vectors e_i completed against
   it. */
static void
complement (double *C, size_t *nc, double *P, size_t *np,
            const lsc_branch_space *S, const double *sqm)
{
  size_t n = S->f->n, m = S->nparent;
  double *B = C;                /* scratch: n x m fits in C (n x n) */
  for (size_t i = 0; i < n; i++)
    for (size_t j = 0; j < m; j++)
      B[i * m + j] = sqm[i] * S->A[i * m + j];
  orthonormal (P, np, B, n, m);
  /* complete: Gram-Schmidt of e_1..e_n against P and each other */
  double *all = malloc (n * (n + *np) * sizeof *all);
  double *Qa = malloc ((n + *np) * n * sizeof *Qa);
  size_t nall = 0;
  *nc = 0;
  if (!all || !Qa)
    goto out;
  /* columns: P rows then unit vectors */
  size_t cols = *np + n;
  for (size_t i = 0; i < n; i++)
    for (size_t j = 0; j < cols; j++)
      all[i * cols + j] = j < *np ? P[j * n + i] : (i == j - *np);
  orthonormal (Qa, &nall, all, n, cols);
  for (size_t k = *np; k < nall; k++)
    memcpy (C + (*nc)++ * n, Qa + k * n, n * sizeof *C);
out:
  free (all);
  free (Qa);
}

/* S = M^{-1/2} Hp M^{-1/2} = J M^{-1/2} from the scaled Jacobian J. */
static int
sym_hessian (double *Sm, const lsc_branch_space *S, const double *x, double d,
             const double *sqm, double *g)
{
  size_t n = S->f->n;
  int st = S->f->fdf (g, Sm, x, d, S->f->params);
  if (st)
    return st;
  for (size_t i = 0; i < n; i++)
    for (size_t j = 0; j < n; j++)
      Sm[i * n + j] /= sqm[j];
  /* symmetrise the rounding */
  for (size_t i = 0; i < n; i++)
    for (size_t j = i + 1; j < n; j++)
      {
        double a = 0.5 * (Sm[i * n + j] + Sm[j * n + i]);
        Sm[i * n + j] = Sm[j * n + i] = a;
      }
  return 0;
}

/* u.S(x).u for the unit vector u (orthonormal coordinates). */
static int
quad (double *q, const lsc_branch_space *S, const double *x, double d,
      const double *sqm, const double *u, double *Sm, double *g)
{
  size_t n = S->f->n;
  int st = sym_hessian (Sm, S, x, d, sqm, g);
  if (st)
    return st;
  double s = 0;
  for (size_t i = 0; i < n; i++)
    for (size_t j = 0; j < n; j++)
      s += u[i] * Sm[i * n + j] * u[j];
  *q = s;
  return 0;
}

int
lsc_branch_kernel (double *v, lsc_branch_kernel_info *info,
                   const lsc_branch_space *S, const double *x, double d,
                   const lsc_branch_options *opt)
{
  if (!v || !info || !S || !S->f || !x || !opt || (S->nparent && !S->A))
    LSC_ERROR ("lsc_branch_kernel: NULL argument", LSC_EFAULT);
  size_t n = S->f->n;
  int rc = LSC_SUCCESS;
  memset (info, 0, sizeof *info);
  double *buf = malloc ((6 * n * n + 6 * n) * sizeof *buf);
  lsc_eigen_workspace *ew = lsc_eigen_workspace_alloc (n, 1);
  if (!buf || !ew)
    LSC_FAIL ("lsc_branch_kernel: out of memory", LSC_ENOMEM);
  double *Sm = buf, *C = Sm + n * n, *P = C + n * n, *K = P + n * n;
  double *E = K + n * n, *T = E + n * n, *sqm = T + n * n, *g = sqm + n;
  double *ev = g + n, *u = ev + n, *xp = u + n, *qx = xp + n;
  if ((rc = lsc_branch_sqm (sqm, S, d)) != 0)
    goto cleanup;
  size_t nc, np;
  complement (C, &nc, P, &np, S, sqm);
  info->ncomp = nc;
  if (nc == 0)
    LSC_FAIL ("lsc_branch_kernel: the child space adds no direction",
              LSC_EINVAL);
  if ((rc = sym_hessian (Sm, S, x, d, sqm, g)) != 0)
    goto cleanup;
  memcpy (T, Sm, n * n * sizeof *T);
  if ((rc = lsc_eigen_symm (ev, NULL, T, n, ew)) != 0)
    goto cleanup;
  double scale = 0;
  for (size_t i = 0; i < n; i++)
    scale = fmax (scale, fabs (ev[i]));
  info->scale = scale;
  /* K = C S C^T (nc x nc) */
  for (size_t a = 0; a < nc; a++)
    for (size_t b = 0; b < nc; b++)
      {
        double s = 0;
        for (size_t i = 0; i < n; i++)
          {
            double t = 0;
            for (size_t j = 0; j < n; j++)
              t += Sm[i * n + j] * C[b * n + j];
            s += C[a * n + i] * t;
          }
        K[a * nc + b] = s;
      }
  if ((rc = lsc_eigen_symm (ev, E, K, nc, ew)) != 0)
    goto cleanup;
  size_t i0 = 0;
  for (size_t i = 1; i < nc; i++)
    if (fabs (ev[i]) < fabs (ev[i0]))
      i0 = i;
  info->lam0 = ev[i0];
  info->lam1 = INFINITY;
  for (size_t i = 0; i < nc; i++)
    {
      if (fabs (ev[i]) <= opt->ktol * scale)
        info->kerdim++;
      if (i != i0 && fabs (ev[i]) < fabs (info->lam1))
        info->lam1 = ev[i];
    }
  /* u = C^T e (orthonormal coordinates), v = M^{-1/2} u */
  for (size_t i = 0; i < n; i++)
    {
      double s = 0;
      for (size_t a = 0; a < nc; a++)
        s += C[a * n + i] * E[a * nc + i0];
      u[i] = s;
    }
  size_t imax = 0;
  for (size_t i = 1; i < n; i++)
    if (fabs (u[i]) > fabs (u[imax]))
      imax = i;
  double sg = u[imax] < 0 ? -1 : 1;
  for (size_t i = 0; i < n; i++)
    {
      u[i] *= sg;
      v[i] = u[i] / sqm[i];
    }
  /* c2 = d/ds (u.S(x + s v).u) at s = 0 by a central difference */
  double h = opt->fd_h, qp, qm;
  for (size_t i = 0; i < n; i++)
    xp[i] = x[i] + h * v[i];
  if ((rc = quad (&qp, S, xp, d, sqm, u, Sm, g)) != 0)
    goto cleanup;
  for (size_t i = 0; i < n; i++)
    xp[i] = x[i] - h * v[i];
  if ((rc = quad (&qm, S, xp, d, sqm, u, Sm, g)) != 0)
    goto cleanup;
  info->c2 = (qp - qm) / (2 * h);
  for (size_t i = 0; i < n; i++)
    qx[i] = sqm[i] * x[i];
  info->c2scale = scale / (1 + lsc_norm2 (qx, n));
  if (info->kerdim == 1)
    info->kind = fabs (info->c2) <= opt->ctol * info->c2scale
                     ? LSC_BRANCH_PITCHFORK : LSC_BRANCH_TRANSCRITICAL;
cleanup:
  lsc_eigen_workspace_free (ew);
  free (buf);
  return rc;
}

int
lsc_branch_amplitude (double *amp, const lsc_branch_space *S, const double *x,
                      double d)
{
  if (!amp || !S || !S->f || !x)
    LSC_ERROR ("lsc_branch_amplitude: NULL argument", LSC_EFAULT);
  size_t n = S->f->n;
  double *buf = malloc ((3 * n * n + 2 * n) * sizeof *buf);
  if (!buf)
    LSC_ERROR ("lsc_branch_amplitude: out of memory", LSC_ENOMEM);
  double *C = buf, *P = C + n * n, *sqm = P + n * n, *q = sqm + n;
  int rc = lsc_branch_sqm (sqm, S, d);
  if (!rc)
    {
      size_t nc, np;
      complement (C, &nc, P, &np, S, sqm);
      double s2 = 0;
      for (size_t i = 0; i < n; i++)
        q[i] = sqm[i] * x[i];
      for (size_t a = 0; a < nc; a++)
        {
          double dot = 0;
          for (size_t i = 0; i < n; i++)
            dot += C[a * n + i] * q[i];
          s2 += dot * dot;
        }
      *amp = sqrt (s2);
    }
  free (buf);
  return rc;
}
