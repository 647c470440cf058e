/* The arc-cosine kernel and its derivatives in MPFR at caller-chosen precision. */
#include <config.h>

#include <stdlib.h>

#include "internal.h"
#include "landscape/lsc_kernel.h"
#include "kernel/kernel_mpfr.h"

/* ------------------------------------------------------------ helpers */

int
lsc_mpfr_unit (mpfr_t nrm, mpfr_t nrm2, mpfr_t *uh, const mpfr_t *u, size_t d)
{
  /* The squared norm is accumulated at the precision of nrm plus guard bits
     so that |u| carries the working precision in full. */
  mpfr_t acc, t;
  mpfr_prec_t wp = mpfr_get_prec (nrm) + lsc_mpfr_clog2 (d) + 8;
  mpfr_init2 (acc, wp);
  mpfr_init2 (t, wp);
  mpfr_set_zero (acc, 1);
  for (size_t a = 0; a < d; a++)
    {
      mpfr_sqr (t, u[a], MPFR_RNDN);
      mpfr_add (acc, acc, t, MPFR_RNDN);
    }
  int zero = mpfr_zero_p (acc);
  if (nrm2)
    mpfr_set (nrm2, acc, MPFR_RNDN);
  mpfr_sqrt (acc, acc, MPFR_RNDN);
  mpfr_set (nrm, acc, MPFR_RNDN);
  if (!zero)
    for (size_t a = 0; a < d; a++)
      mpfr_div (uh[a], u[a], acc, MPFR_RNDN);
  mpfr_clear (acc);
  mpfr_clear (t);
  return zero ? LSC_EDOM : LSC_SUCCESS;
}

int
lsc_mpfr_pair_init (lsc_mpfr_pair *g, size_t d, mpfr_prec_t prec)
{
  g->d = d;
  g->dmv = lsc_mpfr_vec_alloc (d, prec);
  g->dpv = lsc_mpfr_vec_alloc (d, prec);
  g->nv = lsc_mpfr_vec_alloc (d, prec);
  if (!g->dmv || !g->dpv || !g->nv)
    {
      lsc_mpfr_vec_free (g->dmv, g->dmv ? d : 0);
      lsc_mpfr_vec_free (g->dpv, g->dpv ? d : 0);
      lsc_mpfr_vec_free (g->nv, g->nv ? d : 0);
      return LSC_ENOMEM;
    }
  mpfr_inits2 (prec, g->dm, g->dp, g->theta, g->phi, g->s, g->c, g->pi,
               g->twopi, g->t, g->t2, g->t3, (mpfr_ptr) 0);
  mpfr_const_pi (g->pi, MPFR_RNDN);
  mpfr_mul_2ui (g->twopi, g->pi, 1, MPFR_RNDN);
  return LSC_SUCCESS;
}

void
lsc_mpfr_pair_clear (lsc_mpfr_pair *g)
{
  lsc_mpfr_vec_free (g->dmv, g->d);
  lsc_mpfr_vec_free (g->dpv, g->d);
  lsc_mpfr_vec_free (g->nv, g->d);
  mpfr_clears (g->dm, g->dp, g->theta, g->phi, g->s, g->c, g->pi, g->twopi,
               g->t, g->t2, g->t3, (mpfr_ptr) 0);
}

/* |x| of a vector into r, accumulating in r's precision. */
static void
vec_norm (mpfr_t r, mpfr_t t, const mpfr_t *x, size_t d)
{
  mpfr_set_zero (r, 1);
  for (size_t a = 0; a < d; a++)
    {
      mpfr_sqr (t, x[a], MPFR_RNDN);
      mpfr_add (r, r, t, MPFR_RNDN);
    }
  mpfr_sqrt (r, r, MPFR_RNDN);
}

void
lsc_mpfr_pair_angles (lsc_mpfr_pair *g)
{
  /* With q = dm^2 + dp^2 (= 4 up to rounding), theta = 2 atan2(dm, dp) has
     sin theta = 2 dm dp / q and cos theta = (dp^2 - dm^2) / q exactly;
     both keep full relative accuracy at either end. */
  mpfr_sqr (g->t, g->dm, MPFR_RNDN);
  mpfr_sqr (g->t2, g->dp, MPFR_RNDN);
  mpfr_sub (g->c, g->t2, g->t, MPFR_RNDN);
  mpfr_add (g->t, g->t, g->t2, MPFR_RNDN);
  mpfr_div (g->c, g->c, g->t, MPFR_RNDN);
  mpfr_mul (g->s, g->dm, g->dp, MPFR_RNDN);
  mpfr_mul_2ui (g->s, g->s, 1, MPFR_RNDN);
  mpfr_div (g->s, g->s, g->t, MPFR_RNDN);
  if (mpfr_lessequal_p (g->dm, g->dp))
    {
      mpfr_atan2 (g->theta, g->dm, g->dp, MPFR_RNDN);
      mpfr_mul_2ui (g->theta, g->theta, 1, MPFR_RNDN);
      mpfr_sub (g->phi, g->pi, g->theta, MPFR_RNDN);
    }
  else
    {
      /* theta > pi/2: work with phi = pi - theta, small near antiparallel. */
      mpfr_atan2 (g->phi, g->dp, g->dm, MPFR_RNDN);
      mpfr_mul_2ui (g->phi, g->phi, 1, MPFR_RNDN);
      mpfr_sub (g->theta, g->pi, g->phi, MPFR_RNDN);
    }
}

void
lsc_mpfr_pair_set (lsc_mpfr_pair *g, const mpfr_t *uh, const mpfr_t *vh)
{
  size_t d = g->d;
  for (size_t a = 0; a < d; a++)
    {
      mpfr_sub (g->dmv[a], uh[a], vh[a], MPFR_RNDN);
      mpfr_add (g->dpv[a], uh[a], vh[a], MPFR_RNDN);
    }
  vec_norm (g->dm, g->t, g->dmv, d);
  vec_norm (g->dp, g->t, g->dpv, d);
  lsc_mpfr_pair_angles (g);
}

void
lsc_mpfr_pair_set_scalar (lsc_mpfr_pair *g, const mpfr_t *uh,
                          const mpfr_t *vh)
{
  mpfr_set_zero (g->dm, 1);
  mpfr_set_zero (g->dp, 1);
  for (size_t a = 0; a < g->d; a++)
    {
      mpfr_sub (g->t, uh[a], vh[a], MPFR_RNDN);
      mpfr_sqr (g->t, g->t, MPFR_RNDN);
      mpfr_add (g->dm, g->dm, g->t, MPFR_RNDN);
      mpfr_add (g->t, uh[a], vh[a], MPFR_RNDN);
      mpfr_sqr (g->t, g->t, MPFR_RNDN);
      mpfr_add (g->dp, g->dp, g->t, MPFR_RNDN);
    }
  mpfr_sqrt (g->dm, g->dm, MPFR_RNDN);
  mpfr_sqrt (g->dp, g->dp, MPFR_RNDN);
  lsc_mpfr_pair_angles (g);
}

long
lsc_mpfr_pair_loss_bits (const lsc_mpfr_pair *g)
{
  const mpfr_srcptr mn = mpfr_lessequal_p (g->dm, g->dp) ? g->dm : g->dp;
  if (mpfr_zero_p (mn))
    return 0;
  long e = -(long) mpfr_get_exp (mn);
  return e > 0 ? e : 0;
}

void
lsc_mpfr_pair_kappa1 (mpfr_t r, lsc_mpfr_pair *g)
{
  /* s + phi c: near theta = pi this is sin(phi) - phi cos(phi) ~ phi^3/3;
     the caller supplies enough guard bits (see lsc_mpfr_pair_loss_bits). */
  mpfr_fma (g->t, g->phi, g->c, g->s, MPFR_RNDN);
  mpfr_div (r, g->t, g->twopi, MPFR_RNDN);
}

int
lsc_mpfr_pair_normal (lsc_mpfr_pair *g, const mpfr_t *uh)
{
  size_t d = g->d;
  if (mpfr_zero_p (g->s))
    return 0;
  /* vh - c uh = -(uh - vh) + (1 - c) uh with 1 - c = dm^2/2, or
     (uh + vh) - (1 + c) uh with 1 + c = dp^2/2. */
  int near0 = mpfr_lessequal_p (g->dm, g->dp);
  mpfr_sqr (g->t2, near0 ? g->dm : g->dp, MPFR_RNDN);
  mpfr_div_2ui (g->t2, g->t2, 1, MPFR_RNDN);
  for (size_t a = 0; a < d; a++)
    {
      if (near0)
        mpfr_fms (g->nv[a], g->t2, uh[a], g->dmv[a], MPFR_RNDN);
      else
        {
          mpfr_fms (g->nv[a], g->t2, uh[a], g->dpv[a], MPFR_RNDN);
          mpfr_neg (g->nv[a], g->nv[a], MPFR_RNDN);
        }
    }
  vec_norm (g->t2, g->t, g->nv, d);
  if (mpfr_zero_p (g->t2))
    return 0;
  for (size_t a = 0; a < d; a++)
    mpfr_div (g->nv[a], g->nv[a], g->t2, MPFR_RNDN);
  return 1;
}

/* ------------------------------------------------------------ public */

static int
kernel_check (const mpfr_t *u, const mpfr_t *v, size_t d)
{
  if (!u || !v)
    LSC_ERROR ("NULL input vector", LSC_EFAULT);
  if (d == 0)
    LSC_ERROR ("dimension d = 0", LSC_EBADLEN);
  if (!lsc_mpfr_vec_finite (u, d) || !lsc_mpfr_vec_finite (v, d))
    LSC_ERROR ("NaN or infinite entry in a kernel argument", LSC_ENONFINITE);
  int uz = 1, vz = 1;
  for (size_t a = 0; a < d; a++)
    {
      uz = uz && mpfr_zero_p (u[a]);
      vz = vz && mpfr_zero_p (v[a]);
    }
  if (uz || vz)
    LSC_ERROR ("zero vector: kappa is not differentiable there", LSC_EDOM);
  return LSC_SUCCESS;
}

/* One evaluation at working precision wp.  If the angle is within 2^-e of
   0 or pi, the difference forms lose up to 3e bits; when base + 3e exceeds
   wp and final == 0, nothing is written and *need receives the precision to
   retry with.  Otherwise the requested outputs are rounded once from wp. */
static int
kernel_at (mpfr_t kappa, mpfr_t *grad, mpfr_t *h1, mpfr_t *h2,
           const mpfr_t *u, const mpfr_t *v, size_t d, mpfr_prec_t base,
           mpfr_prec_t wp, int final, mpfr_prec_t *need)
{
  int rc = LSC_SUCCESS;
  lsc_mpfr_pair g;
  mpfr_t nu, nv, f1, f2;
  mpfr_t *uh = lsc_mpfr_vec_alloc (d, wp), *vh = lsc_mpfr_vec_alloc (d, wp);
  int have_pair = 0;
  mpfr_inits2 (wp, nu, nv, f1, f2, (mpfr_ptr) 0);
  *need = 0;
  if (!uh || !vh || lsc_mpfr_pair_init (&g, d, wp) != LSC_SUCCESS)
    LSC_FAIL ("out of memory", LSC_ENOMEM);
  have_pair = 1;
  lsc_mpfr_unit (nu, NULL, uh, u, d);
  lsc_mpfr_unit (nv, NULL, vh, v, d);
  lsc_mpfr_pair_set (&g, uh, vh);
  mpfr_prec_t want = base + 3 * (mpfr_prec_t) lsc_mpfr_pair_loss_bits (&g);
  if (!final && want > wp)
    {
      *need = want;
      goto cleanup;
    }
  if (kappa)
    {
      lsc_mpfr_pair_kappa1 (f1, &g);
      mpfr_mul (f1, f1, nu, MPFR_RNDN);
      mpfr_mul (kappa, f1, nv, MPFR_RNDN);
    }
  if (grad)
    {
      /* (|v| s uh + (pi - theta) v) / (2 pi) */
      mpfr_mul (f1, nv, g.s, MPFR_RNDN);
      mpfr_div (f1, f1, g.twopi, MPFR_RNDN);
      mpfr_div (f2, g.phi, g.twopi, MPFR_RNDN);
      for (size_t a = 0; a < d; a++)
        {
          mpfr_mul (g.t, f2, v[a], MPFR_RNDN);
          mpfr_fma (grad[a], f1, uh[a], g.t, MPFR_RNDN);
        }
    }
  if (h1)
    {
      /* |v| s / (2 pi |u|) (I - uh uh^T + n n^T); zero when s = 0. */
      int has_n = lsc_mpfr_pair_normal (&g, uh);
      mpfr_mul (f1, nv, g.s, MPFR_RNDN);
      mpfr_div (f1, f1, nu, MPFR_RNDN);
      mpfr_div (f1, f1, g.twopi, MPFR_RNDN);
      for (size_t a = 0; a < d; a++)
        for (size_t b = a; b < d; b++)
          {
            if (has_n)
              mpfr_fmms (g.t, g.nv[a], g.nv[b], uh[a], uh[b], MPFR_RNDN);
            else
              {
                mpfr_mul (g.t, uh[a], uh[b], MPFR_RNDN);
                mpfr_neg (g.t, g.t, MPFR_RNDN);
              }
            if (a == b)
              mpfr_add_ui (g.t, g.t, 1, MPFR_RNDN);
            mpfr_mul (h1[a * d + b], f1, g.t, MPFR_RNDN);
            if (b != a)
              mpfr_mul (h1[b * d + a], f1, g.t, MPFR_RNDN);
          }
    }
  if (h2)
    {
      /* ((pi - theta) I + s (p p^T - q q^T)) / (2 pi) with
         p = (uh + vh)/|uh + vh|, q = (uh - vh)/|uh - vh|; this equals
         the model's ((pi - theta) I + m vh^T + n uh^T)/(2 pi) since
         s (p p^T - q q^T) = (uh vh^T + vh uh^T - c (uh uh^T + vh vh^T))/s. */
      int has_s = !mpfr_zero_p (g.s);
      if (has_s)
        for (size_t a = 0; a < d; a++)
          {
            mpfr_div (g.dpv[a], g.dpv[a], g.dp, MPFR_RNDN);
            mpfr_div (g.dmv[a], g.dmv[a], g.dm, MPFR_RNDN);
          }
      for (size_t a = 0; a < d; a++)
        for (size_t b = a; b < d; b++)
          {
            if (has_s)
              {
                mpfr_fmms (g.t, g.dpv[a], g.dpv[b], g.dmv[a], g.dmv[b],
                           MPFR_RNDN);
                mpfr_mul (g.t, g.t, g.s, MPFR_RNDN);
              }
            else
              mpfr_set_zero (g.t, 1);
            if (a == b)
              mpfr_add (g.t, g.t, g.phi, MPFR_RNDN);
            mpfr_div (h2[a * d + b], g.t, g.twopi, MPFR_RNDN);
            if (b != a)
              mpfr_div (h2[b * d + a], g.t, g.twopi, MPFR_RNDN);
          }
    }
cleanup:
  if (have_pair)
    lsc_mpfr_pair_clear (&g);
  lsc_mpfr_vec_free (uh, d);
  lsc_mpfr_vec_free (vh, d);
  mpfr_clears (nu, nv, f1, f2, (mpfr_ptr) 0);
  return rc;
}

/* Driver: output precision p, base working precision p + 32 + log2 d, one
   retry with more bits when the angle is near 0 or pi. */
static int
kernel_eval (mpfr_t kappa, mpfr_t *grad, mpfr_t *h1, mpfr_t *h2,
             const mpfr_t *u, const mpfr_t *v, size_t d, mpfr_prec_t p)
{
  mpfr_prec_t base = p + 32 + lsc_mpfr_clog2 (d), wp = base, need;
  for (int pass = 0;; pass++)
    {
      int rc = kernel_at (kappa, grad, h1, h2, u, v, d, base, wp, pass >= 2,
                          &need);
      if (rc != LSC_SUCCESS)
        return rc;
      if (!need)
        return LSC_SUCCESS;
      wp = need;
    }
}

/* kappa(u, v) = |u||v| (sin t + (pi - t) cos t)/(2 pi) (landscape(7), MODEL) at the
   precision of kappa, within 1 ulp. */
int
lsc_kernel_mpfr (mpfr_t kappa, const mpfr_t *u, const mpfr_t *v, size_t d)
{
  if (!kappa)
    LSC_ERROR ("NULL output", LSC_EFAULT);
  int rc = kernel_check (u, v, d);
  if (rc)
    return rc;
  return kernel_eval (kappa, NULL, NULL, NULL, u, v, d,
                      mpfr_get_prec (kappa));
}

/* grad_w kappa = (|v| s wh + (pi - t) v)/(2 pi) (landscape(7), MODEL), entries within
   2^-p |v| at the largest precision p of grad. */
int
lsc_kernel_grad_mpfr (mpfr_t *grad, const mpfr_t *w, const mpfr_t *v,
                      size_t d)
{
  if (!grad)
    LSC_ERROR ("NULL output", LSC_EFAULT);
  int rc = kernel_check (w, v, d);
  if (rc)
    return rc;
  return kernel_eval (NULL, grad, NULL, NULL, w, v, d,
                      lsc_mpfr_vec_prec (grad, d));
}

/* h1, h2 (landscape(7), MODEL, stable forms of lsc_mpfr(3)); entries within
   2^-p |v|/|w| and 2^-p.  Either output may be NULL, not both. */
int
lsc_kernel_hess_mpfr (mpfr_t *h1, mpfr_t *h2, const mpfr_t *w,
                      const mpfr_t *v, size_t d)
{
  if (!h1 && !h2)
    LSC_ERROR ("both Hessian outputs NULL", LSC_EFAULT);
  int rc = kernel_check (w, v, d);
  if (rc)
    return rc;
  mpfr_prec_t p1 = h1 ? lsc_mpfr_vec_prec (h1, d * d) : MPFR_PREC_MIN;
  mpfr_prec_t p2 = h2 ? lsc_mpfr_vec_prec (h2, d * d) : MPFR_PREC_MIN;
  return kernel_eval (NULL, NULL, h1, h2, w, v, d, p1 > p2 ? p1 : p2);
}
