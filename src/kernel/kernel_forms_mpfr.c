/* Weighted-cell kernel geometry, gradient coefficients and Hessian forms in
   MPFR (the MPFR twin of kernel_forms.c).  landscape(7), MODEL. */
#include <config.h>

#include "internal.h"
#include "kernel/kernel_forms_mpfr.h"

int
lsc_mpfr_cells_init (lsc_mpfr_cells *c, size_t cap, mpfr_prec_t wp)
{
  c->cap = cap;
  c->n = 0;
  c->dmv = lsc_mpfr_vec_alloc (cap, wp);
  c->dpv = lsc_mpfr_vec_alloc (cap, wp);
  c->U = lsc_mpfr_vec_alloc (cap, wp);
  c->P = lsc_mpfr_vec_alloc (cap, wp);
  c->Q = lsc_mpfr_vec_alloc (cap, wp);
  c->N = lsc_mpfr_vec_alloc (cap, wp);
  if (!c->dmv || !c->dpv || !c->U || !c->P || !c->Q || !c->N
      || lsc_mpfr_pair_init (&c->g, 0, wp) != LSC_SUCCESS)
    {
      lsc_mpfr_vec_free (c->dmv, c->dmv ? cap : 0);
      lsc_mpfr_vec_free (c->dpv, c->dpv ? cap : 0);
      lsc_mpfr_vec_free (c->U, c->U ? cap : 0);
      lsc_mpfr_vec_free (c->P, c->P ? cap : 0);
      lsc_mpfr_vec_free (c->Q, c->Q ? cap : 0);
      lsc_mpfr_vec_free (c->N, c->N ? cap : 0);
      return LSC_ENOMEM;
    }
  mpfr_inits2 (wp, c->nu, c->nv, c->lam, (mpfr_ptr) 0);
  return LSC_SUCCESS;
}

void
lsc_mpfr_cells_clear (lsc_mpfr_cells *c)
{
  lsc_mpfr_vec_free (c->dmv, c->cap);
  lsc_mpfr_vec_free (c->dpv, c->cap);
  lsc_mpfr_vec_free (c->U, c->cap);
  lsc_mpfr_vec_free (c->P, c->cap);
  lsc_mpfr_vec_free (c->Q, c->cap);
  lsc_mpfr_vec_free (c->N, c->cap);
  lsc_mpfr_pair_clear (&c->g);
  mpfr_clears (c->nu, c->nv, c->lam, (mpfr_ptr) 0);
}

/* r = sum_a wt[a] x[a]^2 (t scratch). */
static void
wnorm2 (mpfr_t r, mpfr_t t, const mpfr_t *x, const mpfr_t *wt, size_t n)
{
  mpfr_set_zero (r, 1);
  for (size_t a = 0; a < n; a++)
    {
      mpfr_sqr (t, x[a], MPFR_RNDN);
      mpfr_fma (r, t, wt[a], r, MPFR_RNDN);
    }
}

int
lsc_mpfr_cells_set (lsc_mpfr_cells *c, const mpfr_t *u, const mpfr_t *v,
                    const mpfr_t *wt, size_t n)
{
  lsc_mpfr_pair *g = &c->g;
  c->n = n;
  wnorm2 (c->nu, g->t, u, wt, n);
  wnorm2 (c->nv, g->t, v, wt, n);
  if (mpfr_sgn (c->nu) <= 0 || mpfr_sgn (c->nv) <= 0)
    return LSC_EDOM;
  mpfr_sqrt (c->nu, c->nu, MPFR_RNDN);
  mpfr_sqrt (c->nv, c->nv, MPFR_RNDN);
  for (size_t a = 0; a < n; a++)
    {
      mpfr_div (g->t, u[a], c->nu, MPFR_RNDN);
      mpfr_div (g->t2, v[a], c->nv, MPFR_RNDN);
      mpfr_sub (c->dmv[a], g->t, g->t2, MPFR_RNDN);
      mpfr_add (c->dpv[a], g->t, g->t2, MPFR_RNDN);
    }
  /* |u^ -+ v^|^2 from the differences, never as 2 -+ 2 cos. */
  wnorm2 (g->dm, g->t, c->dmv, wt, n);
  wnorm2 (g->dp, g->t, c->dpv, wt, n);
  if (mpfr_sgn (g->dm) < 0 || mpfr_sgn (g->dp) < 0)
    return LSC_EDOM;
  mpfr_sqrt (g->dm, g->dm, MPFR_RNDN);
  mpfr_sqrt (g->dp, g->dp, MPFR_RNDN);
  lsc_mpfr_pair_angles (g);
  /* lam = |v| s / (2 pi |u|) */
  mpfr_mul (c->lam, c->nv, g->s, MPFR_RNDN);
  mpfr_div (c->lam, c->lam, c->nu, MPFR_RNDN);
  mpfr_div (c->lam, c->lam, g->twopi, MPFR_RNDN);
  return LSC_SUCCESS;
}

long
lsc_mpfr_cells_loss_bits (const lsc_mpfr_cells *c)
{
  return lsc_mpfr_pair_loss_bits (&c->g);
}

void
lsc_mpfr_cells_kappa (mpfr_t r, lsc_mpfr_cells *c)
{
  lsc_mpfr_pair_kappa1 (r, &c->g);
  mpfr_mul (r, r, c->nu, MPFR_RNDN);
  mpfr_mul (r, r, c->nv, MPFR_RNDN);
}

void
lsc_mpfr_cells_grad_coef (mpfr_t a, mpfr_t b, lsc_mpfr_cells *c)
{
  mpfr_set (a, c->lam, MPFR_RNDN);
  mpfr_div (b, c->g.phi, c->g.twopi, MPFR_RNDN);
}

void
lsc_mpfr_cells_forms (lsc_mpfr_cells *c, const mpfr_t *wt)
{
  lsc_mpfr_pair *g = &c->g;
  int hp = !mpfr_zero_p (g->dp), hq = !mpfr_zero_p (g->dm);
  for (size_t a = 0; a < c->n; a++)
    {
      /* U = wt u^ with u^ = (dpv + dmv)/2 */
      mpfr_add (g->t, c->dpv[a], c->dmv[a], MPFR_RNDN);
      mpfr_div_2ui (g->t, g->t, 1, MPFR_RNDN);
      mpfr_mul (c->U[a], g->t, wt[a], MPFR_RNDN);
      /* P = wt (u^ + v^)/|u^ + v^|, Q = wt (u^ - v^)/|u^ - v^|; a vanishing
         bisector only occurs with s = 0, where its terms carry factor s. */
      if (hp)
        {
          mpfr_mul (g->t, c->dpv[a], wt[a], MPFR_RNDN);
          mpfr_div (c->P[a], g->t, g->dp, MPFR_RNDN);
        }
      else
        mpfr_set_zero (c->P[a], 1);
      if (hq)
        {
          mpfr_mul (g->t, c->dmv[a], wt[a], MPFR_RNDN);
          mpfr_div (c->Q[a], g->t, g->dm, MPFR_RNDN);
        }
      else
        mpfr_set_zero (c->Q[a], 1);
      /* N = sin(theta/2) P - cos(theta/2) Q = (dm P - dp Q) / 2 */
      mpfr_fmms (c->N[a], g->dm, c->P[a], g->dp, c->Q[a], MPFR_RNDN);
      mpfr_div_2ui (c->N[a], c->N[a], 1, MPFR_RNDN);
    }
}

void
lsc_mpfr_cells_h1 (mpfr_t r, lsc_mpfr_cells *c, const mpfr_t *wt, size_t a,
                   size_t b)
{
  lsc_mpfr_pair *g = &c->g;
  mpfr_fmms (g->t, c->N[a], c->N[b], c->U[a], c->U[b], MPFR_RNDN);
  if (a == b)
    mpfr_add (g->t, g->t, wt[a], MPFR_RNDN);
  mpfr_mul (r, g->t, c->lam, MPFR_RNDN);
}

void
lsc_mpfr_cells_h2 (mpfr_t r, lsc_mpfr_cells *c, const mpfr_t *wt, size_t a,
                   size_t b)
{
  lsc_mpfr_pair *g = &c->g;
  mpfr_fmms (g->t, c->P[a], c->P[b], c->Q[a], c->Q[b], MPFR_RNDN);
  mpfr_mul (g->t, g->t, g->s, MPFR_RNDN);
  if (a == b)
    mpfr_fma (g->t, g->phi, wt[a], g->t, MPFR_RNDN);
  mpfr_div (r, g->t, g->twopi, MPFR_RNDN);
}
