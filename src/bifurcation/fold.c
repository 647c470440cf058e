/* Folds (turning points in d) of a family of critical points: Newton on the
   augmented system g = 0, J v = 0, v.v = 1 in MPFR, at two precisions. */
#include <config.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <gsl/gsl_eigen.h>
#include "internal.h"
#include "kernel/kernel_mpfr.h"
#include "landscape/lsc_newton.h"
#include "bifurcation/bif_internal.h"

/* Unknowns x = (p[0..n), d, v[0..n)); residual (g, J v, v.v - 1). */
typedef struct
{
  const lsc_bif_family *fam;
  size_t n;
  mpfr_t *J;            /* n x n MPFR Jacobian scratch          */
  double *Jd, *Jp, *Jm; /* n x n double scratch                 */
  double *x;            /* 2n + 1 doubles                       */
} fold_ctx;

static int
fold_f (mpfr_t *F, const mpfr_t *x, void *params)
{
  fold_ctx *c = params;
  size_t n = c->n;
  const mpfr_t *p = x, *v = x + n + 1;
  int rc = c->fam->g_mpfr (F, p, x[n], c->fam->params);
  if (!rc)
    rc = c->fam->jac_mpfr (c->J, p, x[n], c->fam->params);
  if (rc)
    return rc;
  mpfr_prec_t prec = mpfr_get_prec (F[0]);
  mpfr_t s, t;
  mpfr_inits2 (prec + 16, s, t, (mpfr_ptr) 0);
  for (size_t i = 0; i < n; i++)
    {
      mpfr_set_zero (s, 1);
      for (size_t j = 0; j < n; j++)
        {
          mpfr_mul (t, c->J[i * n + j], v[j], MPFR_RNDN);
          mpfr_add (s, s, t, MPFR_RNDN);
        }
      mpfr_set (F[n + i], s, MPFR_RNDN);
    }
  mpfr_set_si (s, -1, MPFR_RNDN);
  for (size_t j = 0; j < n; j++)
    {
      mpfr_sqr (t, v[j], MPFR_RNDN);
      mpfr_add (s, s, t, MPFR_RNDN);
    }
  mpfr_set (F[2 * n], s, MPFR_RNDN);
  mpfr_clears (s, t, (mpfr_ptr) 0);
  return 0;
}

/* g in double through the MPFR callback at 64 bits (for dg/dd). */
static int
g_double (double *g, const double *p, double d, fold_ctx *c)
{
  size_t n = c->n;
  mpfr_t *pm = lsc_mpfr_vec_alloc (n, 64), *gm = lsc_mpfr_vec_alloc (n, 64);
  mpfr_t dm;
  mpfr_init2 (dm, 64);
  int rc = (!pm || !gm) ? LSC_ENOMEM : 0;
  if (!rc)
    {
      for (size_t i = 0; i < n; i++)
        mpfr_set_d (pm[i], p[i], MPFR_RNDN);
      mpfr_set_d (dm, d, MPFR_RNDN);
      rc = c->fam->g_mpfr (gm, (const mpfr_t *) pm, dm, c->fam->params);
      for (size_t i = 0; !rc && i < n; i++)
        g[i] = mpfr_get_d (gm[i], MPFR_RNDN);
    }
  lsc_mpfr_vec_free (pm, pm ? n : 0);
  lsc_mpfr_vec_free (gm, gm ? n : 0);
  mpfr_clear (dm);
  return rc;
}

/* Jacobian of the augmented residual in double: exact blocks from the
   family's Jacobian, central differences for the d column and for the
   derivative of J v in p and d. */
static int
fold_df (double *A, const mpfr_t *x, void *params)
{
  fold_ctx *c = params;
  size_t n = c->n, m = 2 * n + 1;
  double *xd = c->x;
  for (size_t i = 0; i < m; i++)
    xd[i] = mpfr_get_d (x[i], MPFR_RNDN);
  double *p = xd, d = xd[n], *v = xd + n + 1;
  memset (A, 0, m * m * sizeof *A);
  int rc = c->fam->jac (c->Jd, p, d, c->fam->params);
  if (rc)
    return rc;
  for (size_t i = 0; i < n; i++)
    for (size_t j = 0; j < n; j++)
      {
        A[i * m + j] = c->Jd[i * n + j];                 /* dg/dp    */
        A[(n + i) * m + n + 1 + j] = c->Jd[i * n + j];   /* d(Jv)/dv */
      }
  for (size_t j = 0; j < n; j++)
    A[2 * n * m + n + 1 + j] = 2 * v[j];                 /* d(v.v)/dv */
  /* d column: dg/dd and d(Jv)/dd */
  double h = 1e-6 * fmax (1, fabs (d));
  double *gp = malloc (2 * n * sizeof *gp);
  if (!gp)
    return LSC_ENOMEM;
  double *gm = gp + n;
  if ((rc = g_double (gp, p, d + h, c)) || (rc = g_double (gm, p, d - h, c))
      || (rc = c->fam->jac (c->Jp, p, d + h, c->fam->params))
      || (rc = c->fam->jac (c->Jm, p, d - h, c->fam->params)))
    {
      free (gp);
      return rc;
    }
  for (size_t i = 0; i < n; i++)
    {
      A[i * m + n] = (gp[i] - gm[i]) / (2 * h);
      double s = 0;
      for (size_t j = 0; j < n; j++)
        s += (c->Jp[i * n + j] - c->Jm[i * n + j]) * v[j];
      A[(n + i) * m + n] = s / (2 * h);
    }
  free (gp);
  /* d(Jv)/dp_k by central differences */
  for (size_t k = 0; k < n; k++)
    {
      double hk = 1e-6 * fmax (1, fabs (p[k])), pk = p[k];
      p[k] = pk + hk;
      rc = c->fam->jac (c->Jp, p, d, c->fam->params);
      p[k] = pk - hk;
      if (!rc)
        rc = c->fam->jac (c->Jm, p, d, c->fam->params);
      p[k] = pk;
      if (rc)
        return rc;
      for (size_t i = 0; i < n; i++)
        {
          double s = 0;
          for (size_t j = 0; j < n; j++)
            s += (c->Jp[i * n + j] - c->Jm[i * n + j]) * v[j];
          A[(n + i) * m + k] = s / (2 * hk);
        }
    }
  return 0;
}

/* Unit null vector estimate: eigenvector of the symmetrised J for the
   eigenvalue of smallest modulus. */
static int
null_vector (double *v, const double *J, size_t n)
{
  gsl_matrix *S = gsl_matrix_alloc (n, n), *V = gsl_matrix_alloc (n, n);
  gsl_vector *e = gsl_vector_alloc (n);
  gsl_eigen_symmv_workspace *w = gsl_eigen_symmv_alloc (n);
  int rc = (!S || !V || !e || !w) ? LSC_ENOMEM : 0;
  if (!rc)
    {
      for (size_t i = 0; i < n; i++)
        for (size_t j = 0; j < n; j++)
          gsl_matrix_set (S, i, j, 0.5 * (J[i * n + j] + J[j * n + i]));
      gsl_eigen_symmv (S, e, V, w);
      size_t best = 0;
      for (size_t i = 1; i < n; i++)
        if (fabs (gsl_vector_get (e, i)) < fabs (gsl_vector_get (e, best)))
          best = i;
      for (size_t i = 0; i < n; i++)
        v[i] = gsl_matrix_get (V, i, best);
    }
  gsl_eigen_symmv_free (w);
  gsl_vector_free (e);
  gsl_matrix_free (V);
  gsl_matrix_free (S);
  return rc;
}

static int
fold_solve (mpfr_t *x, const lsc_bif_family *fam, size_t maxiter)
{
  size_t n = fam->n;
  fold_ctx c = { fam, n, NULL, NULL, NULL, NULL, NULL };
  c.J = lsc_mpfr_vec_alloc (n * n, mpfr_get_prec (x[0]) + 16);
  c.Jd = malloc ((3 * n * n + 2 * n + 1) * sizeof (double));
  int rc = (!c.J || !c.Jd) ? LSC_ENOMEM : 0;
  if (!rc)
    {
      c.Jp = c.Jd + n * n;
      c.Jm = c.Jp + n * n;
      c.x = c.Jm + n * n;
      lsc_newton_function_mpfr f = { 2 * n + 1, fold_f, fold_df, &c };
      rc = lsc_newton_refine_mpfr (x, NULL, NULL, &f, 24, maxiter);
    }
  lsc_mpfr_vec_free (c.J, c.J ? n * n : 0);
  free (c.Jd);
  return rc;
}

int
lsc_bif_fold (mpfr_t dstar, mpfr_t *pstar, lsc_bif_result *res,
              const lsc_bif_family *fam, double d0, const double *p0,
              const double *v0, const lsc_bif_options *opt)
{
  if (!dstar || !res || !fam || !p0 || !fam->g_mpfr || !fam->jac
      || !fam->jac_mpfr)
    LSC_ERROR ("NULL argument", LSC_EFAULT);
  lsc_bif_options o;
  if (opt)
    o = *opt;
  else
    lsc_bif_options_init (&o);
  if (o.digits < 1 || o.digits > 10000 || !isfinite (d0))
    LSC_ERROR ("bad digits or start", LSC_EINVAL);
  memset (res, 0, sizeof *res);
  size_t n = fam->n, m = 2 * n + 1;
  double *v = malloc (n * sizeof *v), *J = malloc (n * n * sizeof *J);
  mpfr_prec_t p1 = lsc_bif_prec (&o, 0), p2 = lsc_bif_prec (&o, 1);
  mpfr_t *x1 = lsc_mpfr_vec_alloc (m, p1), *x2 = lsc_mpfr_vec_alloc (m, p2);
  int rc = (!v || !J || !x1 || !x2) ? LSC_ENOMEM : 0;
  if (!rc && v0)
    memcpy (v, v0, n * sizeof *v);
  else if (!rc && !(rc = fam->jac (J, p0, d0, fam->params)))
    rc = null_vector (v, J, n);
  if (!rc)
    {
      double nv = 0;
      for (size_t i = 0; i < n; i++)
        nv += v[i] * v[i];
      nv = sqrt (nv);
      for (size_t i = 0; i < n; i++)
        {
          mpfr_set_d (x1[i], p0[i], MPFR_RNDN);
          mpfr_set_d (x1[n + 1 + i], v[i] / nv, MPFR_RNDN);
        }
      mpfr_set_d (x1[n], d0, MPFR_RNDN);
      rc = fold_solve (x1, fam, o.maxiter);
    }
  if (!rc)
    {
      /* the verifying solve starts from the same double data */
      for (size_t i = 0; i < m; i++)
        mpfr_set_d (x2[i], i == n ? d0 : i < n ? p0[i] : mpfr_get_d (x1[i], MPFR_RNDN), MPFR_RNDN);
      rc = fold_solve (x2, fam, o.maxiter);
    }
  if (!rc)
    {
      res->digits_agree = lsc_bif_digits_agree (x1[n], x2[n], o.digits);
      res->agreed = res->digits_agree >= o.digits;
      mpfr_set (dstar, x2[n], MPFR_RNDN);
      if (pstar)
        for (size_t i = 0; i < n; i++)
          mpfr_set (pstar[i], x2[i], MPFR_RNDN);
      /* residual of the augmented system at the verifying precision */
      fold_ctx c = { fam, n, NULL, NULL, NULL, NULL, NULL };
      mpfr_t *F = lsc_mpfr_vec_alloc (m, p2);
      c.J = lsc_mpfr_vec_alloc (n * n, p2 + 16);
      if (F && c.J && !fold_f (F, (const mpfr_t *) x2, &c))
        {
          double r = 0;
          for (size_t i = 0; i < m; i++)
            r = fmax (r, fabs (mpfr_get_d (F[i], MPFR_RNDN)));
          res->lam_abs = r;
        }
      lsc_mpfr_vec_free (F, F ? m : 0);
      lsc_mpfr_vec_free (c.J, c.J ? n * n : 0);
      if (!res->agreed)
        rc = LSC_EPREC;
    }
  res->status = rc;
  free (v);
  free (J);
  lsc_mpfr_vec_free (x1, x1 ? m : 0);
  lsc_mpfr_vec_free (x2, x2 ? m : 0);
  if (rc)
    lsc_error ("fold not found or the two precisions do not agree", __FILE__, __LINE__, rc);
  return rc;
}
