/* The kernel of weighted cell vectors in ball jets: norms, the stable
   angle, kappa, gradient coefficients and the Hessian forms h1, h2 (the
   formulas of kernel_forms_mpfr.c, landscape(7), MODEL). */
#include <config.h>
#include "internal.h"
#include "certify/certify_impl.h"

int
lsc_bcells_init (lsc_bcells *c, size_t cap, slong prec)
{
  c->cap = cap;
  c->n = 0;
  c->same = 0;
  lsc_jet *s[] = { &c->nu, &c->nv, &c->dm, &c->dp, &c->theta, &c->phi,
                   &c->s, &c->c, &c->lam, &c->t, &c->t2 };
  for (size_t i = 0; i < sizeof s / sizeof *s; i++)
    lsc_jet_init (s[i]);
  c->dmv = lsc_jet_vec_init (cap);
  c->dpv = lsc_jet_vec_init (cap);
  c->U = lsc_jet_vec_init (cap);
  c->P = lsc_jet_vec_init (cap);
  c->Q = lsc_jet_vec_init (cap);
  c->N = lsc_jet_vec_init (cap);
  arb_init (c->pi);
  arb_init (c->twopi);
  arb_const_pi (c->pi, prec);
  arb_mul_2exp_si (c->twopi, c->pi, 1);
  if (!c->dmv || !c->dpv || !c->U || !c->P || !c->Q || !c->N)
    {
      lsc_bcells_clear (c);
      return LSC_ENOMEM;
    }
  return LSC_SUCCESS;
}

void
lsc_bcells_clear (lsc_bcells *c)
{
  lsc_jet *s[] = { &c->nu, &c->nv, &c->dm, &c->dp, &c->theta, &c->phi,
                   &c->s, &c->c, &c->lam, &c->t, &c->t2 };
  for (size_t i = 0; i < sizeof s / sizeof *s; i++)
    lsc_jet_clear (s[i]);
  lsc_jet_vec_clear (c->dmv, c->cap);
  lsc_jet_vec_clear (c->dpv, c->cap);
  lsc_jet_vec_clear (c->U, c->cap);
  lsc_jet_vec_clear (c->P, c->cap);
  lsc_jet_vec_clear (c->Q, c->cap);
  lsc_jet_vec_clear (c->N, c->cap);
  c->dmv = c->dpv = c->U = c->P = c->Q = c->N = NULL;
  arb_clear (c->pi);
  arb_clear (c->twopi);
}

/* r = sum_a wt[a] x[a]^2 */
static void
wnorm2 (lsc_jet *r, lsc_jet *t, const lsc_jet *x, const lsc_jet *wt,
        size_t n, slong prec)
{
  lsc_jet_zero (r);
  for (size_t a = 0; a < n; a++)
    {
      lsc_jet_sqr (t, &x[a], prec);
      lsc_jet_addmul (r, t, &wt[a], prec);
    }
}

int
lsc_bcells_set (lsc_bcells *c, const lsc_jet *u, const lsc_jet *v,
                const lsc_jet *wt, size_t n, int same, slong prec)
{
  c->n = n;
  c->same = same;
  wnorm2 (&c->nu, &c->t, u, wt, n, prec);
  if (!lsc_jet_positive (&c->nu))
    return LSC_EDOM;
  lsc_jet_sqrt (&c->nu, &c->nu, prec);
  if (same)
    {
      lsc_jet_set (&c->nv, &c->nu);
      return LSC_SUCCESS;
    }
  wnorm2 (&c->nv, &c->t, v, wt, n, prec);
  if (!lsc_jet_positive (&c->nv))
    return LSC_EDOM;
  lsc_jet_sqrt (&c->nv, &c->nv, prec);
  for (size_t a = 0; a < n; a++)
    {
      lsc_jet_div (&c->t, &u[a], &c->nu, prec);
      lsc_jet_div (&c->t2, &v[a], &c->nv, prec);
      lsc_jet_sub (&c->dmv[a], &c->t, &c->t2, prec);
      lsc_jet_add (&c->dpv[a], &c->t, &c->t2, prec);
    }
  /* |u^ -+ v^|^2 from the differences, never as 2 -+ 2 cos */
  wnorm2 (&c->dm, &c->t, c->dmv, wt, n, prec);
  wnorm2 (&c->dp, &c->t, c->dpv, wt, n, prec);
  if (lsc_jet_is_zero (&c->dm) && lsc_jet_positive (&c->dp))
    {
      /* |u^ - v^|^2 is exactly 0 (every coefficient, so for every point
         of the inputs' balls): u and v are parallel there, theta = 0, and
         the kernel's exact forms are those of an identical pair with
         |v| != |u| allowed (kappa = |u||v| / 2 = u.v / 2, grad_u kappa =
         v / 2, h1 = 0, h2 = I / 2: kappa - u.v / 2 = |u||v| (sin t -
         t cos t) / (2 pi) = O(t^3) has vanishing Hessian at t = 0) */
      c->same = 1;
      return LSC_SUCCESS;
    }
  if (!lsc_jet_positive (&c->dm) || !lsc_jet_positive (&c->dp))
    return LSC_EDOM;
  lsc_jet_sqrt (&c->dm, &c->dm, prec);
  lsc_jet_sqrt (&c->dp, &c->dp, prec);
  /* q = dm^2 + dp^2 (= 4 exactly in exact arithmetic, kept as computed so
     that s, c are the sine and cosine of theta = 2 atan2(dm, dp)) */
  lsc_jet q;
  lsc_jet_init (&q);
  lsc_jet_sqr (&c->t, &c->dm, prec);
  lsc_jet_sqr (&c->t2, &c->dp, prec);
  lsc_jet_add (&q, &c->t, &c->t2, prec);
  lsc_jet_sub (&c->c, &c->t2, &c->t, prec);
  lsc_jet_div (&c->c, &c->c, &q, prec);
  lsc_jet_mul (&c->s, &c->dm, &c->dp, prec);
  lsc_jet_mul_2si (&c->s, &c->s, 1);
  lsc_jet_div (&c->s, &c->s, &q, prec);
  lsc_jet_clear (&q);
  lsc_jet pij;
  lsc_jet_init (&pij);
  lsc_jet_set_arb (&pij, c->pi, NULL);
  if (arf_cmp (arb_midref (LSC_JV (&c->dm)), arb_midref (LSC_JV (&c->dp))) <= 0)
    {
      lsc_jet_atan2x2 (&c->theta, &c->dm, &c->dp, prec);
      lsc_jet_sub (&c->phi, &pij, &c->theta, prec);
    }
  else
    {
      lsc_jet_atan2x2 (&c->phi, &c->dp, &c->dm, prec);
      lsc_jet_sub (&c->theta, &pij, &c->phi, prec);
    }
  lsc_jet_clear (&pij);
  /* lam = |v| s / (2 pi |u|) */
  lsc_jet_mul (&c->lam, &c->nv, &c->s, prec);
  lsc_jet_div (&c->lam, &c->lam, &c->nu, prec);
  lsc_jet_div_arb (&c->lam, &c->lam, c->twopi, prec);
  return LSC_SUCCESS;
}

/* kappa = |u||v| (s + (pi - theta) c) / (2 pi); |u||v| / 2 when same
   (theta = 0). */
void
lsc_bcells_kappa (lsc_jet *r, lsc_bcells *c, slong prec)
{
  if (c->same)
    {
      lsc_jet_mul (r, &c->nu, &c->nv, prec);
      lsc_jet_mul_2si (r, r, -1);
      return;
    }
  lsc_jet_mul (&c->t, &c->phi, &c->c, prec);
  lsc_jet_add (&c->t, &c->t, &c->s, prec);
  lsc_jet_div_arb (&c->t, &c->t, c->twopi, prec);
  lsc_jet_mul (&c->t, &c->t, &c->nu, prec);
  lsc_jet_mul (r, &c->t, &c->nv, prec);
}

/* grad_u kappa = a u + b v, a = lam, b = (pi - theta) / (2 pi);
   a = 0, b = 1/2 when same. */
void
lsc_bcells_grad_coef (lsc_jet *a, lsc_jet *b, lsc_bcells *c, slong prec)
{
  if (c->same)
    {
      lsc_jet_zero (a);
      lsc_jet_set_d (b, 0.5);
      return;
    }
  lsc_jet_set (a, &c->lam);
  lsc_jet_div_arb (b, &c->phi, c->twopi, prec);
}

void
lsc_bcells_forms (lsc_bcells *c, const lsc_jet *wt, slong prec)
{
  if (c->same)
    return;
  for (size_t a = 0; a < c->n; a++)
    {
      /* U = wt u^, u^ = (dpv + dmv) / 2 */
      lsc_jet_add (&c->t, &c->dpv[a], &c->dmv[a], prec);
      lsc_jet_mul_2si (&c->t, &c->t, -1);
      lsc_jet_mul (&c->U[a], &c->t, &wt[a], prec);
      /* P = wt dpv / dp, Q = wt dmv / dm (both chords proved positive) */
      lsc_jet_mul (&c->t, &c->dpv[a], &wt[a], prec);
      lsc_jet_div (&c->P[a], &c->t, &c->dp, prec);
      lsc_jet_mul (&c->t, &c->dmv[a], &wt[a], prec);
      lsc_jet_div (&c->Q[a], &c->t, &c->dm, prec);
      /* N = (dm P - dp Q) / 2 */
      lsc_jet_mul (&c->t, &c->dm, &c->P[a], prec);
      lsc_jet_mul (&c->t2, &c->dp, &c->Q[a], prec);
      lsc_jet_sub (&c->N[a], &c->t, &c->t2, prec);
      lsc_jet_mul_2si (&c->N[a], &c->N[a], -1);
    }
}

/* e_a^T h1 e_b = lam (wt_a [a = b] - U_a U_b + N_a N_b); 0 when same. */
void
lsc_bcells_h1 (lsc_jet *r, lsc_bcells *c, const lsc_jet *wt, size_t a,
               size_t b, slong prec)
{
  if (c->same)
    {
      lsc_jet_zero (r);
      return;
    }
  lsc_jet_mul (&c->t, &c->N[a], &c->N[b], prec);
  lsc_jet_mul (&c->t2, &c->U[a], &c->U[b], prec);
  lsc_jet_sub (&c->t, &c->t, &c->t2, prec);
  if (a == b)
    lsc_jet_add (&c->t, &c->t, &wt[a], prec);
  lsc_jet_mul (r, &c->t, &c->lam, prec);
}

/* e_a^T h2 e_b = ((pi - theta) wt_a [a = b] + s (P_a P_b - Q_a Q_b))
   / (2 pi); wt_a [a = b] / 2 when same. */
void
lsc_bcells_h2 (lsc_jet *r, lsc_bcells *c, const lsc_jet *wt, size_t a,
               size_t b, slong prec)
{
  if (c->same)
    {
      if (a == b)
        lsc_jet_mul_2si (r, &wt[a], -1);
      else
        lsc_jet_zero (r);
      return;
    }
  lsc_jet_mul (&c->t, &c->P[a], &c->P[b], prec);
  lsc_jet_mul (&c->t2, &c->Q[a], &c->Q[b], prec);
  lsc_jet_sub (&c->t, &c->t, &c->t2, prec);
  lsc_jet_mul (&c->t, &c->t, &c->s, prec);
  if (a == b)
    lsc_jet_addmul (&c->t, &c->phi, &wt[a], prec);
  lsc_jet_div_arb (r, &c->t, c->twopi, prec);
}
