/* Newton's method on the restricted system in MPFR with the Jacobian in
   MPFR and metric-scaled unknowns: the solve that works at any d. */
#include <config.h>
#include <math.h>
#include <stdlib.h>
#include "internal.h"
#include "kernel/kernel_mpfr.h"
#include "landscape/lsc_restricted.h"
#include "landscape/lsc_series.h"

/* Solve A x = b (n x n, row-major, overwritten) by Gaussian elimination
   with partial pivoting; x may alias b.  Returns LSC_ESING when a pivot is
   zero. */
static int
gauss_solve (mpfr_t *A, mpfr_t *b, size_t n, mpfr_t t, mpfr_t u)
{
  for (size_t k = 0; k < n; k++)
    {
      size_t piv = k;
      for (size_t i = k + 1; i < n; i++)
        if (mpfr_cmpabs (A[i * n + k], A[piv * n + k]) > 0)
          piv = i;
      if (mpfr_zero_p (A[piv * n + k]))
        return LSC_ESING;
      if (piv != k)
        {
          for (size_t j = 0; j < n; j++)
            mpfr_swap (A[k * n + j], A[piv * n + j]);
          mpfr_swap (b[k], b[piv]);
        }
      for (size_t i = k + 1; i < n; i++)
        {
          if (mpfr_zero_p (A[i * n + k]))
            continue;
          mpfr_div (t, A[i * n + k], A[k * n + k], MPFR_RNDN);
          for (size_t j = k + 1; j < n; j++)
            {
              mpfr_mul (u, t, A[k * n + j], MPFR_RNDN);
              mpfr_sub (A[i * n + j], A[i * n + j], u, MPFR_RNDN);
            }
          mpfr_mul (u, t, b[k], MPFR_RNDN);
          mpfr_sub (b[i], b[i], u, MPFR_RNDN);
        }
    }
  for (size_t k = n; k-- > 0;)
    {
      for (size_t j = k + 1; j < n; j++)
        {
          mpfr_mul (u, A[k * n + j], b[j], MPFR_RNDN);
          mpfr_sub (b[k], b[k], u, MPFR_RNDN);
        }
      mpfr_div (b[k], b[k], A[k * n + k], MPFR_RNDN);
    }
  return LSC_SUCCESS;
}

int
lsc_series_newton (mpfr_t *p, size_t *iter, const lsc_young *G,
                   const mpfr_t d, size_t maxiter)
{
  if (!p || !G || !d)
    LSC_ERROR ("NULL argument", LSC_EFAULT);
  int rc = lsc_young_check (G);
  if (rc)
    return rc;
  if (!mpfr_number_p (d))
    LSC_ERROR ("d is not finite", LSC_ENONFINITE);
  size_t np = lsc_young_nparams (G);
  mpfr_prec_t prec = mpfr_get_prec (p[0]);
  lsc_young Gd = *G;
  double dd = mpfr_get_d (d, MPFR_RNDN);
  if (lsc_young_set_d (&Gd, dd))
    LSC_ERROR ("d leaves the large block below 1", LSC_EDOM);
  double metric[2 * LSC_YOUNG_MAX * LSC_YOUNG_MAX];
  rc = lsc_young_metric (metric, &Gd);
  if (rc)
    return rc;
  /* Working precision: the step must resolve parameters of size d^-2
     relative to 2^-prec while the gradient's terms are of size d^2. */
  int e2;
  frexp (dd + 2, &e2);
  mpfr_prec_t wp = prec + 3 * (mpfr_prec_t) e2 + 32;
  mpfr_t *g = lsc_mpfr_vec_alloc (np, wp);
  mpfr_t *H = lsc_mpfr_vec_alloc (np * np, wp);
  mpfr_t *x = lsc_mpfr_vec_alloc (np, wp);
  mpfr_t *s = lsc_mpfr_vec_alloc (np, wp);
  mpfr_t t, tol, pmax, d2;
  mpfr_inits2 (wp, t, tol, pmax, d2, (mpfr_ptr) 0);
  mpfr_add_ui (d2, d, 1, MPFR_RNDN);
  mpfr_sqr (d2, d2, MPFR_RNDN);
  size_t it = 0;
  if (!g || !H || !x || !s)
    LSC_FAIL ("out of memory", LSC_ENOMEM);
  for (size_t i = 0; i < np; i++)
    {
      mpfr_set (x[i], p[i], MPFR_RNDN);
      mpfr_set_d (s[i], metric[i] > 0 ? metric[i] : 1.0, MPFR_RNDN);
      mpfr_sqrt (s[i], s[i], MPFR_RNDN);
    }
  double last = INFINITY;
  int grow = 0;
  for (;;)
    {
      if (it >= maxiter)
        LSC_FAIL ("Newton iteration limit at large d", LSC_EMAXITER);
      rc = lsc_restricted_eval_mpfr (NULL, g, H, (const mpfr_t *) x, G, d);
      if (rc)
        goto cleanup;
      /* Scaled system: (S^-1 H S^-1) (S dx) = -S^-1 g. */
      for (size_t i = 0; i < np; i++)
        {
          mpfr_div (g[i], g[i], s[i], MPFR_RNDN);
          mpfr_neg (g[i], g[i], MPFR_RNDN);
          for (size_t j = 0; j < np; j++)
            {
              mpfr_div (H[i * np + j], H[i * np + j], s[i], MPFR_RNDN);
              mpfr_div (H[i * np + j], H[i * np + j], s[j], MPFR_RNDN);
            }
        }
      rc = gauss_solve (H, g, np, t, tol);
      if (rc)
        LSC_FAIL ("singular Jacobian at large d", rc);
      it++;
      /* Step in parameters and its componentwise relative size. */
      mpfr_set_zero (pmax, 1);
      for (size_t i = 0; i < np; i++)
        {
          mpfr_div (g[i], g[i], s[i], MPFR_RNDN);
          if (mpfr_cmpabs (x[i], pmax) > 0)
            mpfr_abs (pmax, x[i], MPFR_RNDN);
        }
      double worst = 0;
      int done = 1;
      for (size_t i = 0; i < np; i++)
        {
          /* tol = 2^-prec (|x_i| + pmax / (d + 1)^2) */
          mpfr_div (t, pmax, d2, MPFR_RNDN);
          mpfr_abs (tol, x[i], MPFR_RNDN);
          mpfr_add (tol, tol, t, MPFR_RNDN);
          mpfr_mul_2si (tol, tol, -(long) prec, MPFR_RNDN);
          if (mpfr_cmpabs (g[i], tol) > 0)
            done = 0;
          if (!mpfr_zero_p (tol))
            {
              mpfr_div (t, g[i], tol, MPFR_RNDN);
              double r = fabs (mpfr_get_d (t, MPFR_RNDN));
              if (r > worst)
                worst = r;
            }
          mpfr_add (x[i], x[i], g[i], MPFR_RNDN);
        }
      if (!lsc_mpfr_vec_finite ((const mpfr_t *) x, np))
        LSC_FAIL ("non-finite Newton iterate", LSC_ENOCONV);
      if (done)
        break;
      grow = worst > last ? grow + 1 : 0;
      last = worst;
      if (grow >= 3)
        LSC_FAIL ("Newton steps grow at large d", LSC_ENOCONV);
    }
  for (size_t i = 0; i < np; i++)
    mpfr_set (p[i], x[i], MPFR_RNDN);
  rc = LSC_SUCCESS;
cleanup:
  if (iter)
    *iter = it;
  lsc_mpfr_vec_free (g, g ? np : 0);
  lsc_mpfr_vec_free (H, H ? np * np : 0);
  lsc_mpfr_vec_free (x, x ? np : 0);
  lsc_mpfr_vec_free (s, s ? np : 0);
  mpfr_clears (t, tol, pmax, d2, (mpfr_ptr) 0);
  return rc;
}
