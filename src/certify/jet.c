/* First-order jets of Arb balls: value and one directional derivative,
   with the rules of differentiation evaluated in ball arithmetic. */
#include <config.h>
#include <stdlib.h>
#include "certify/certify_impl.h"

void
lsc_jet_init (lsc_jet *x)
{
  arb_init (&x->v);
  arb_init (&x->e);
}

void
lsc_jet_clear (lsc_jet *x)
{
  arb_clear (&x->v);
  arb_clear (&x->e);
}

lsc_jet *
lsc_jet_vec_init (size_t n)
{
  lsc_jet *x = malloc ((n ? n : 1) * sizeof *x);
  for (size_t i = 0; x && i < n; i++)
    lsc_jet_init (&x[i]);
  return x;
}

void
lsc_jet_vec_clear (lsc_jet *x, size_t n)
{
  if (!x)
    return;
  for (size_t i = 0; i < n; i++)
    lsc_jet_clear (&x[i]);
  free (x);
}

void
lsc_jet_set (lsc_jet *r, const lsc_jet *a)
{
  arb_set (&r->v, &a->v);
  arb_set (&r->e, &a->e);
}

void
lsc_jet_set_arb (lsc_jet *r, const arb_t v, const arb_t e)
{
  arb_set (&r->v, v);
  if (e)
    arb_set (&r->e, e);
  else
    arb_zero (&r->e);
}

void
lsc_jet_set_d (lsc_jet *r, double v)
{
  arb_set_d (&r->v, v);
  arb_zero (&r->e);
}

void
lsc_jet_zero (lsc_jet *r)
{
  arb_zero (&r->v);
  arb_zero (&r->e);
}

void
lsc_jet_add (lsc_jet *r, const lsc_jet *a, const lsc_jet *b, slong prec)
{
  arb_add (&r->v, &a->v, &b->v, prec);
  arb_add (&r->e, &a->e, &b->e, prec);
}

void
lsc_jet_sub (lsc_jet *r, const lsc_jet *a, const lsc_jet *b, slong prec)
{
  arb_sub (&r->v, &a->v, &b->v, prec);
  arb_sub (&r->e, &a->e, &b->e, prec);
}

/* (a b)' = a' b + a b' (temporaries: r may alias a or b). */
void
lsc_jet_mul (lsc_jet *r, const lsc_jet *a, const lsc_jet *b, slong prec)
{
  arb_t t, u;
  arb_init (t);
  arb_init (u);
  arb_mul (t, &a->e, &b->v, prec);
  arb_addmul (t, &a->v, &b->e, prec);
  arb_mul (u, &a->v, &b->v, prec);
  arb_swap (&r->v, u);
  arb_swap (&r->e, t);
  arb_clear (t);
  arb_clear (u);
}

void
lsc_jet_addmul (lsc_jet *r, const lsc_jet *a, const lsc_jet *b, slong prec)
{
  lsc_jet t;
  lsc_jet_init (&t);
  lsc_jet_mul (&t, a, b, prec);
  lsc_jet_add (r, r, &t, prec);
  lsc_jet_clear (&t);
}

/* (a / b)' = (a' - (a/b) b') / b */
void
lsc_jet_div (lsc_jet *r, const lsc_jet *a, const lsc_jet *b, slong prec)
{
  arb_t q, t;
  arb_init (q);
  arb_init (t);
  arb_div (q, &a->v, &b->v, prec);
  arb_mul (t, q, &b->e, prec);
  arb_sub (t, &a->e, t, prec);
  arb_div (&r->e, t, &b->v, prec);
  arb_swap (&r->v, q);
  arb_clear (q);
  arb_clear (t);
}

void
lsc_jet_sqr (lsc_jet *r, const lsc_jet *a, slong prec)
{
  arb_t t;
  arb_init (t);
  arb_mul (t, &a->v, &a->e, prec);
  arb_mul_2exp_si (t, t, 1);
  arb_sqr (&r->v, &a->v, prec);
  arb_swap (&r->e, t);
  arb_clear (t);
}

/* sqrt(a)' = a' / (2 sqrt(a)); a ball touching 0 gives a non-finite
   derivative, which the callers' positivity checks reject. */
void
lsc_jet_sqrt (lsc_jet *r, const lsc_jet *a, slong prec)
{
  arb_t s, t;
  arb_init (s);
  arb_init (t);
  arb_sqrt (s, &a->v, prec);
  arb_mul_2exp_si (t, s, 1);
  arb_div (&r->e, &a->e, t, prec);
  arb_swap (&r->v, s);
  arb_clear (s);
  arb_clear (t);
}

/* r = 2 atan2(y, x), r' = 2 (x y' - y x') / (x^2 + y^2). */
void
lsc_jet_atan2x2 (lsc_jet *r, const lsc_jet *y, const lsc_jet *x, slong prec)
{
  arb_t a, n, q;
  arb_init (a);
  arb_init (n);
  arb_init (q);
  arb_atan2 (a, &y->v, &x->v, prec);
  arb_mul_2exp_si (a, a, 1);
  arb_mul (n, &x->v, &y->e, prec);
  arb_submul (n, &y->v, &x->e, prec);
  arb_sqr (q, &x->v, prec);
  arb_addmul (q, &y->v, &y->v, prec);
  arb_div (n, n, q, prec);
  arb_mul_2exp_si (&r->e, n, 1);
  arb_swap (&r->v, a);
  arb_clear (a);
  arb_clear (n);
  arb_clear (q);
}

void
lsc_jet_mul_d (lsc_jet *r, const lsc_jet *a, double c, slong prec)
{
  arb_t t;
  arb_init (t);
  arb_set_d (t, c);
  arb_mul (&r->v, &a->v, t, prec);
  arb_mul (&r->e, &a->e, t, prec);
  arb_clear (t);
}

void
lsc_jet_add_d (lsc_jet *r, const lsc_jet *a, double c, slong prec)
{
  arb_t t;
  arb_init (t);
  arb_set_d (t, c);
  arb_add (&r->v, &a->v, t, prec);
  arb_set (&r->e, &a->e);
  arb_clear (t);
}

void
lsc_jet_mul_2si (lsc_jet *r, const lsc_jet *a, slong e)
{
  arb_mul_2exp_si (&r->v, &a->v, e);
  arb_mul_2exp_si (&r->e, &a->e, e);
}

void
lsc_jet_div_arb (lsc_jet *r, const lsc_jet *a, const arb_t c, slong prec)
{
  arb_div (&r->v, &a->v, c, prec);
  arb_div (&r->e, &a->e, c, prec);
}

int
lsc_jet_positive (const lsc_jet *a)
{
  return arb_is_finite (&a->v) && arb_is_positive (&a->v);
}
