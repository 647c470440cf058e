/* Zero crossings of an eigenvalue along a family of critical points, in
   MPFR: safeguarded secant on f(d) = lambda(p(d), d), at two precisions. */
#include <config.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "internal.h"
#include "kernel/kernel_mpfr.h"
#include "landscape/lsc_newton.h"
#include "bifurcation/bif_internal.h"

void
lsc_bif_options_init (lsc_bif_options *opt)
{
  opt->digits = 30;
  opt->guard_bits = 40;
  opt->verify_bits = 64;
  opt->maxiter = 200;
}

mpfr_prec_t
lsc_bif_prec (const lsc_bif_options *opt, int verify)
{
  return (mpfr_prec_t) ceil (opt->digits * 3.3219280948873623)
         + opt->guard_bits + (verify ? opt->verify_bits : 0);
}

size_t
lsc_bif_digits_agree (const mpfr_t a, const mpfr_t b, unsigned digits)
{
  mpfr_exp_t ea, eb;
  char *sa = mpfr_get_str (NULL, &ea, 10, digits, a, MPFR_RNDN);
  char *sb = mpfr_get_str (NULL, &eb, 10, digits, b, MPFR_RNDN);
  size_t k = 0;
  if (sa && sb && ea == eb)
    {
      const char *x = sa, *y = sb;
      if (*x == '-' && *y == '-')
        x++, y++;
      while (*x && *x == *y)
        x++, y++, k++;
    }
  mpfr_free_str (sa);
  mpfr_free_str (sb);
  return k;
}

/* Context of the Newton refinement at fixed d. */
typedef struct
{
  const lsc_bif_family *fam;
  mpfr_srcptr d;
  double *pd;
} refine_ctx;

static int
refine_f (mpfr_t *g, const mpfr_t *x, void *params)
{
  refine_ctx *c = params;
  return c->fam->g_mpfr (g, x, c->d, c->fam->params);
}

static int
refine_df (double *J, const mpfr_t *x, void *params)
{
  refine_ctx *c = params;
  for (size_t i = 0; i < c->fam->n; i++)
    c->pd[i] = mpfr_get_d (x[i], MPFR_RNDN);
  return c->fam->jac (J, c->pd, mpfr_get_d (c->d, MPFR_RNDN), c->fam->params);
}

int
lsc_bif_refine_p (mpfr_t *p, const lsc_bif_family *fam, const mpfr_t d,
                  size_t maxiter)
{
  double *pd = malloc (fam->n * sizeof *pd);
  if (!pd)
    LSC_ERROR ("out of memory", LSC_ENOMEM);
  refine_ctx c = { fam, d, pd };
  lsc_newton_function_mpfr f = { fam->n, refine_f, refine_df, &c };
  /* margin: the gradient's terms are O(1) to O(L^2); 24 bits of slack */
  int rc = lsc_newton_refine_mpfr (p, NULL, NULL, &f, 24, maxiter);
  free (pd);
  return rc;
}

/* f(d) = lambda(p(d), d) with p refined in place from its current value. */
static int
eval_f (mpfr_t f, mpfr_t *p, const lsc_bif_family *fam, const mpfr_t d,
        size_t maxiter)
{
  int rc = lsc_bif_refine_p (p, fam, d, maxiter);
  if (rc)
    return rc;
  return fam->eig_mpfr (f, (const mpfr_t *) p, d, fam->params);
}

/* Fail without the error hook: the driver decides what to report (a
   narrow bracket without a sign change is an expected outcome). */
#define QUIET_FAIL(status)                                                  \
  do                                                                        \
    {                                                                       \
      rc = (status);                                                        \
      goto cleanup;                                                         \
    }                                                                       \
  while (0)

/* One solve at precision prec: Illinois regula falsi on [d_lo, d_hi]. */
static int
solve (mpfr_t dstar, mpfr_t *pstar, int *direction, size_t *iters,
       const lsc_bif_family *fam, const mpfr_t d_lo, const mpfr_t d_hi,
       const mpfr_t *p_lo, const mpfr_t *p_hi, mpfr_prec_t prec,
       size_t maxiter)
{
  size_t n = fam->n;
  int rc = LSC_SUCCESS;
  mpfr_t a, b, c, fa, fb, fc, t, u;
  mpfr_inits2 (prec, a, b, c, fa, fb, fc, t, u, (mpfr_ptr) 0);
  mpfr_t *pa = lsc_mpfr_vec_alloc (n, prec), *pb = lsc_mpfr_vec_alloc (n, prec);
  mpfr_t *pc = lsc_mpfr_vec_alloc (n, prec);
  if (!pa || !pb || !pc)
    QUIET_FAIL (LSC_ENOMEM);
  mpfr_set (a, d_lo, MPFR_RNDN);
  mpfr_set (b, d_hi, MPFR_RNDN);
  for (size_t i = 0; i < n; i++)
    {
      mpfr_set (pa[i], p_lo[i], MPFR_RNDN);
      mpfr_set (pb[i], p_hi[i], MPFR_RNDN);
    }
  if ((rc = eval_f (fa, pa, fam, a, maxiter))
      || (rc = eval_f (fb, pb, fam, b, maxiter)))
    QUIET_FAIL (rc);
  if (mpfr_sgn (fa) * mpfr_sgn (fb) > 0)
    QUIET_FAIL (LSC_EINVAL); /* no sign change on the bracket */
  *direction = mpfr_sgn (fb) > mpfr_sgn (fa) ? 1 : -1;
  size_t it = 0;
  for (; it < maxiter; it++)
    {
      if (mpfr_zero_p (fa) || mpfr_zero_p (fb))
        break;
      /* c = b - fb (b - a) / (fb - fa) */
      mpfr_sub (t, b, a, MPFR_RNDN);
      mpfr_sub (u, fb, fa, MPFR_RNDN);
      mpfr_div (t, t, u, MPFR_RNDN);
      mpfr_mul (t, t, fb, MPFR_RNDN);
      mpfr_sub (c, b, t, MPFR_RNDN);
      /* start p(c) from the interpolation of the ends */
      mpfr_sub (u, c, a, MPFR_RNDN);
      mpfr_sub (t, b, a, MPFR_RNDN);
      mpfr_div (u, u, t, MPFR_RNDN);
      for (size_t i = 0; i < n; i++)
        {
          mpfr_sub (t, pb[i], pa[i], MPFR_RNDN);
          mpfr_mul (t, t, u, MPFR_RNDN);
          mpfr_add (pc[i], pa[i], t, MPFR_RNDN);
        }
      if ((rc = eval_f (fc, pc, fam, c, maxiter)))
        QUIET_FAIL (rc);
      /* converged when the bracket has shrunk to the working precision */
      if (mpfr_sgn (fc) * mpfr_sgn (fb) < 0)
        {
          mpfr_swap (a, b);
          mpfr_swap (fa, fb);
          for (size_t i = 0; i < n; i++)
            mpfr_swap (pa[i], pb[i]);
        }
      else /* Illinois: the retained end's value is halved */
        mpfr_div_2ui (fa, fa, 1, MPFR_RNDN);
      mpfr_swap (b, c);
      mpfr_swap (fb, fc);
      for (size_t i = 0; i < n; i++)
        mpfr_swap (pb[i], pc[i]);
      mpfr_sub (t, b, a, MPFR_RNDN);
      mpfr_abs (t, t, MPFR_RNDN);
      if (mpfr_zero_p (t)
          || mpfr_get_exp (t) < mpfr_get_exp (b) - (mpfr_exp_t) prec + 4)
        break;
      /* |c_new - c_old| small with a kept end: the secant has converged */
      mpfr_sub (t, b, c, MPFR_RNDN);
      if (mpfr_zero_p (t)
          || mpfr_get_exp (t) < mpfr_get_exp (b) - (mpfr_exp_t) prec + 4)
        break;
    }
  if (it >= maxiter)
    QUIET_FAIL (LSC_EMAXITER);
  /* the end with the smaller |f| */
  if (mpfr_cmpabs (fa, fb) < 0)
    {
      mpfr_swap (a, b);
      for (size_t i = 0; i < n; i++)
        mpfr_swap (pa[i], pb[i]);
    }
  mpfr_set (dstar, b, MPFR_RNDN);
  if (pstar)
    for (size_t i = 0; i < n; i++)
      mpfr_set (pstar[i], pb[i], MPFR_RNDN);
  *iters = it;
cleanup:
  lsc_mpfr_vec_free (pa, pa ? n : 0);
  lsc_mpfr_vec_free (pb, pb ? n : 0);
  lsc_mpfr_vec_free (pc, pc ? n : 0);
  mpfr_clears (a, b, c, fa, fb, fc, t, u, (mpfr_ptr) 0);
  return rc;
}

/* Solve at prec, first on the narrow bracket [d - w, d + w] around a
   previous estimate (p from it), falling back to the given bracket when the
   narrow one holds no sign change. */
static int
solve_near (mpfr_t dstar, mpfr_t *pstar, int *direction, size_t *iters,
            const lsc_bif_family *fam, const mpfr_t guess,
            const mpfr_t *pguess, long wexp, const mpfr_t d_lo,
            const mpfr_t d_hi, const mpfr_t *p_lo, const mpfr_t *p_hi,
            mpfr_prec_t prec, size_t maxiter)
{
  int rc = LSC_EINVAL;
  if (guess)
    {
      mpfr_t a, b;
      mpfr_inits2 (prec, a, b, (mpfr_ptr) 0);
      mpfr_set (a, guess, MPFR_RNDN);
      mpfr_set (b, guess, MPFR_RNDN);
      mpfr_t w;
      mpfr_init2 (w, 64);
      mpfr_set_si_2exp (w, 1, wexp, MPFR_RNDN);
      mpfr_mul (w, w, guess, MPFR_RNDN);
      mpfr_abs (w, w, MPFR_RNDN);
      mpfr_sub (a, a, w, MPFR_RNDN);
      mpfr_add (b, b, w, MPFR_RNDN);
      rc = solve (dstar, pstar, direction, iters, fam, a, b, pguess, pguess,
                  prec, maxiter);
      mpfr_clears (a, b, w, (mpfr_ptr) 0);
    }
  if (rc == LSC_EINVAL) /* no sign change near the guess */
    rc = solve (dstar, pstar, direction, iters, fam, d_lo, d_hi, p_lo, p_hi,
                prec, maxiter);
  return rc;
}

int
lsc_bif_crossing (mpfr_t dstar, mpfr_t *pstar, lsc_bif_result *res,
                  const lsc_bif_family *fam, double d_lo, double d_hi,
                  const double *p_lo, const double *p_hi,
                  const lsc_bif_options *opt)
{
  if (!dstar || !res || !fam || !p_lo || !p_hi || !fam->g_mpfr || !fam->jac
      || !fam->eig_mpfr)
    LSC_ERROR ("NULL argument", LSC_EFAULT);
  lsc_bif_options o;
  if (opt)
    o = *opt;
  else
    lsc_bif_options_init (&o);
  if (o.digits < 1 || o.digits > 10000 || !(d_lo < d_hi))
    LSC_ERROR ("bad digits or bracket", LSC_EINVAL);
  memset (res, 0, sizeof *res);
  size_t n = fam->n;
  /* three stages: 64 bits on the given bracket, then the working precision
     p1 and the verifying precision p2 each on a narrow bracket around the
     previous stage's result (falling back to the given bracket) */
  mpfr_prec_t p0 = 64, p1 = lsc_bif_prec (&o, 0), p2 = lsc_bif_prec (&o, 1);
  mpfr_t lo, hi, d0, d1, d2, lam;
  mpfr_inits2 (64, lo, hi, (mpfr_ptr) 0);
  mpfr_init2 (d0, p0);
  mpfr_init2 (d1, p1);
  mpfr_init2 (d2, p2);
  mpfr_init2 (lam, p2);
  mpfr_set_d (lo, d_lo, MPFR_RNDN);
  mpfr_set_d (hi, d_hi, MPFR_RNDN);
  mpfr_t *plo = lsc_mpfr_vec_alloc (n, 64), *phi = lsc_mpfr_vec_alloc (n, 64);
  mpfr_t *q0 = lsc_mpfr_vec_alloc (n, p0), *q1 = lsc_mpfr_vec_alloc (n, p1);
  mpfr_t *q2 = lsc_mpfr_vec_alloc (n, p2);
  int dir0 = 0, dir1 = 0, dir2 = 0, rc = 0;
  size_t it;
  if (!plo || !phi || !q0 || !q1 || !q2)
    rc = LSC_ENOMEM;
  else
    for (size_t i = 0; i < n; i++)
      {
        mpfr_set_d (plo[i], p_lo[i], MPFR_RNDN);
        mpfr_set_d (phi[i], p_hi[i], MPFR_RNDN);
      }
  if (!rc)
    rc = solve (d0, q0, &dir0, &it, fam, lo, hi, (const mpfr_t *) plo,
                (const mpfr_t *) phi, p0, o.maxiter);
  if (!rc)
    rc = solve_near (d1, q1, &dir1, &res->iter, fam, d0, (const mpfr_t *) q0,
                     -40, lo, hi, (const mpfr_t *) plo, (const mpfr_t *) phi,
                     p1, o.maxiter);
  if (!rc)
    rc = solve_near (d2, q2, &dir2, &it, fam, d1, (const mpfr_t *) q1,
                     16 - (long) p1, lo, hi, (const mpfr_t *) plo,
                     (const mpfr_t *) phi, p2, o.maxiter);
  if (!rc)
    {
      res->direction = dir2;
      res->digits_agree = lsc_bif_digits_agree (d1, d2, o.digits);
      res->agreed = res->digits_agree >= o.digits && dir1 == dir2;
      rc = fam->eig_mpfr (lam, (const mpfr_t *) q2, d2, fam->params);
      res->lam_abs = fabs (mpfr_get_d (lam, MPFR_RNDN));
      mpfr_set (dstar, d2, MPFR_RNDN);
      if (pstar)
        for (size_t i = 0; i < n; i++)
          mpfr_set (pstar[i], q2[i], MPFR_RNDN);
      if (!rc && !res->agreed)
        rc = LSC_EPREC;
    }
  res->status = rc;
  lsc_mpfr_vec_free (plo, plo ? n : 0);
  lsc_mpfr_vec_free (phi, phi ? n : 0);
  lsc_mpfr_vec_free (q0, q0 ? n : 0);
  lsc_mpfr_vec_free (q1, q1 ? n : 0);
  lsc_mpfr_vec_free (q2, q2 ? n : 0);
  mpfr_clears (lo, hi, d0, d1, d2, lam, (mpfr_ptr) 0);
  if (rc)
    lsc_error ("crossing not found or the two precisions do not agree", __FILE__, __LINE__, rc);
  return rc;
}
