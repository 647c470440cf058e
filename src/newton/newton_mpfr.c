/* MPFR refinement of Newton roots (the solver sees only
   lsc_newton_function_mpfr; the restricted-loss adapter is in
   src/problem/restricted.c). */
#include <config.h>
#include <stdlib.h>
#include <string.h>
#include <math.h>
#include <gsl/gsl_linalg.h>
#include "landscape/lsc_newton.h"
#include "internal.h"

int
lsc_newton_refine_mpfr (mpfr_t *x, double *resid, size_t *iter,
                        const lsc_newton_function_mpfr *f, long margin,
                        size_t maxiter)
{
  int rc = LSC_SUCCESS;
  if (x == NULL || f == NULL || f->f == NULL || f->df == NULL || f->n == 0)
    LSC_ERROR ("lsc_newton_refine_mpfr: NULL argument", LSC_EFAULT);
  size_t n = f->n, it = 0;
  mpfr_prec_t prec = mpfr_get_prec (x[0]);
  mpfr_t *g = malloc (n * sizeof (mpfr_t));
  double *J = malloc (n * n * sizeof (double));
  gsl_matrix *U = gsl_matrix_alloc (n, n), *V = gsl_matrix_alloc (n, n);
  gsl_vector *S = gsl_vector_alloc (n), *w = gsl_vector_alloc (n);
  gsl_vector *b = gsl_vector_alloc (n), *dx = gsl_vector_alloc (n);
  size_t ninit = 0;
  mpfr_t nrm, t;
  mpfr_inits2 (64, nrm, t, (mpfr_ptr) 0);
  if (!g || !J || !U || !V || !S || !w || !b || !dx)
    LSC_FAIL ("lsc_newton_refine_mpfr: out of memory", LSC_ENOMEM);
  for (; ninit < n; ninit++)
    mpfr_init2 (g[ninit], prec);
  for (;;)
    {
      int st = f->f (g, (const mpfr_t *) x, f->params);
      if (st)
        LSC_FAIL ("lsc_newton_refine_mpfr: residual evaluation failed", st);
      /* |g|_2 at 64 bits; e = exponent of the largest entry for scaling. */
      mpfr_set_zero (nrm, 1);
      mpfr_exp_t e = mpfr_get_emin ();
      int allzero = 1;
      for (size_t i = 0; i < n; i++)
        {
          if (!mpfr_number_p (g[i]))
            LSC_FAIL ("lsc_newton_refine_mpfr: non-finite residual",
                      LSC_ENONFINITE);
          mpfr_sqr (t, g[i], MPFR_RNDN);
          mpfr_add (nrm, nrm, t, MPFR_RNDN);
          if (!mpfr_zero_p (g[i]))
            {
              allzero = 0;
              if (mpfr_get_exp (g[i]) > e)
                e = mpfr_get_exp (g[i]);
            }
        }
      mpfr_sqrt (nrm, nrm, MPFR_RNDN);
      if (resid)
        *resid = mpfr_get_d (nrm, MPFR_RNDN);
      if (allzero || mpfr_cmp_si_2exp (nrm, 1, margin - (long) prec) <= 0)
        break;
      if (it >= maxiter)
        LSC_FAIL ("lsc_newton_refine_mpfr: precision not reached", LSC_EPREC);
      /* Solve J dx = g 2^-e in double (the scaling keeps tiny residuals
         far from the double underflow threshold), then x -= dx 2^e. */
      st = f->df (J, (const mpfr_t *) x, f->params);
      if (st)
        LSC_FAIL ("lsc_newton_refine_mpfr: Jacobian evaluation failed", st);
      if (!lsc_all_finite (J, n * n))
        LSC_FAIL ("lsc_newton_refine_mpfr: non-finite Jacobian",
                  LSC_ENONFINITE);
      for (size_t i = 0; i < n; i++)
        {
          for (size_t j = 0; j < n; j++)
            gsl_matrix_set (U, i, j, J[i * n + j]);
        }
      for (size_t i = 0; i < n; i++)
        {
          mpfr_mul_2si (t, g[i], -(long) e, MPFR_RNDN);
          gsl_vector_set (b, i, mpfr_get_d (t, MPFR_RNDN));
        }
      if (n == 1)
        {
          if (J[0] == 0.0)
            LSC_FAIL ("lsc_newton_refine_mpfr: singular Jacobian", LSC_ESING);
          gsl_vector_set (dx, 0, gsl_vector_get (b, 0) / J[0]);
        }
      else
        {
          if (gsl_linalg_SV_decomp (U, V, S, w) != 0)
            LSC_FAIL ("lsc_newton_refine_mpfr: SVD failed", LSC_EFAILED);
          if (!(gsl_vector_get (S, n - 1) > 1e-15 * gsl_vector_get (S, 0)))
            LSC_FAIL ("lsc_newton_refine_mpfr: singular Jacobian", LSC_ESING);
          gsl_linalg_SV_solve (U, V, S, b, dx);
        }
      for (size_t i = 0; i < n; i++)
        {
          mpfr_set_d (t, gsl_vector_get (dx, i), MPFR_RNDN);
          mpfr_mul_2si (t, t, (long) e, MPFR_RNDN);
          mpfr_sub (x[i], x[i], t, MPFR_RNDN);
        }
      it++;
    }
cleanup:
  if (iter)
    *iter = it;
  for (size_t i = 0; i < ninit; i++)
    mpfr_clear (g[i]);
  mpfr_clears (nrm, t, (mpfr_ptr) 0);
  free (g);
  free (J);
  if (U) gsl_matrix_free (U);
  if (V) gsl_matrix_free (V);
  if (S) gsl_vector_free (S);
  if (w) gsl_vector_free (w);
  if (b) gsl_vector_free (b);
  if (dx) gsl_vector_free (dx);
  return rc;
}
