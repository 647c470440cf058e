/* Truncated Taylor series of Arb balls (first-order jets when n = 2):
   the rules of differentiation, coefficient by coefficient, evaluated in
   ball arithmetic. */
#include <config.h>
#include <stdlib.h>
#include "certify/certify_impl.h"

#define MAXN LSC_JET_MAX

void
lsc_jet_init (lsc_jet *x)
{
  x->n = 1;
  for (int k = 0; k < MAXN; k++)
    arb_init (&x->c[k]);
}

void
lsc_jet_clear (lsc_jet *x)
{
  for (int k = 0; k < MAXN; k++)
    arb_clear (&x->c[k]);
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
lsc_jet_get_coef (arb_t r, const lsc_jet *x, int k)
{
  if (k < x->n)
    arb_set (r, &x->c[k]);
  else
    arb_zero (r);
}

int
lsc_jet_is_zero (const lsc_jet *x)
{
  for (int k = 0; k < x->n; k++)
    if (!arb_is_zero (&x->c[k]))
      return 0;
  return 1;
}

void
lsc_jet_set (lsc_jet *r, const lsc_jet *a)
{
  if (r == a)
    return;
  r->n = a->n;
  for (int k = 0; k < a->n; k++)
    arb_set (&r->c[k], &a->c[k]);
}

void
lsc_jet_set_arb (lsc_jet *r, const arb_t v, const arb_t e)
{
  arb_set (&r->c[0], v);
  r->n = 1;
  if (e)
    {
      arb_set (&r->c[1], e);
      r->n = 2;
    }
}

void
lsc_jet_set_d (lsc_jet *r, double v)
{
  arb_set_d (&r->c[0], v);
  r->n = 1;
}

void
lsc_jet_zero (lsc_jet *r)
{
  arb_zero (&r->c[0]);
  r->n = 1;
}

static int
imax (int a, int b)
{
  return a > b ? a : b;
}

void
lsc_jet_add (lsc_jet *r, const lsc_jet *a, const lsc_jet *b, slong prec)
{
  int n = imax (a->n, b->n);
  for (int k = 0; k < n; k++)
    {
      if (k < a->n && k < b->n)
        arb_add (&r->c[k], &a->c[k], &b->c[k], prec);
      else if (k < a->n)
        arb_set (&r->c[k], &a->c[k]);
      else
        arb_set (&r->c[k], &b->c[k]);
    }
  r->n = n;
}

void
lsc_jet_sub (lsc_jet *r, const lsc_jet *a, const lsc_jet *b, slong prec)
{
  int n = imax (a->n, b->n);
  for (int k = 0; k < n; k++)
    {
      if (k < a->n && k < b->n)
        arb_sub (&r->c[k], &a->c[k], &b->c[k], prec);
      else if (k < a->n)
        arb_set (&r->c[k], &a->c[k]);
      else
        arb_neg (&r->c[k], &b->c[k]);
    }
  r->n = n;
}

/* Cauchy product truncated to the longer length (r may alias a or b):
   the coefficients from the highest down, each summed in one reused
   temporary (coefficient k needs only a_j, b_j with j <= k, which an
   aliased r still holds), so that a product costs one allocation of a
   mantissa at most. */
void
lsc_jet_mul (lsc_jet *r, const lsc_jet *a, const lsc_jet *b, slong prec)
{
  int n = imax (a->n, b->n);
  if (n == 1)
    {
      arb_mul (&r->c[0], &a->c[0], &b->c[0], prec);
      r->n = 1;
      return;
    }
  arb_t t;
  arb_init (t);
  for (int k = n - 1; k >= 0; k--)
    {
      arb_zero (t);
      for (int j = 0; j <= k; j++)
        if (j < a->n && k - j < b->n)
          arb_addmul (t, &a->c[j], &b->c[k - j], prec);
      arb_swap (&r->c[k], t);
    }
  arb_clear (t);
  r->n = n;
}

/* r += a b, each coefficient's products summed first (as r + a b). */
void
lsc_jet_addmul (lsc_jet *r, const lsc_jet *a, const lsc_jet *b, slong prec)
{
  int n = imax (a->n, b->n), m = imax (n, r->n);
  arb_t t;
  arb_init (t);
  for (int k = m - 1; k >= 0; k--)
    {
      arb_zero (t);
      for (int j = 0; k < n && j <= k; j++)
        if (j < a->n && k - j < b->n)
          arb_addmul (t, &a->c[j], &b->c[k - j], prec);
      if (k < r->n)
        arb_add (&r->c[k], &r->c[k], t, prec);
      else
        arb_swap (&r->c[k], t);
    }
  arb_clear (t);
  r->n = m;
}

/* q = a / b: q_k = (a_k - sum_{j=1..k} b_j q_{k-j}) / b_0, in place
   (q_k needs a_k and the q below it) unless r aliases b. */
void
lsc_jet_div (lsc_jet *r, const lsc_jet *a, const lsc_jet *b, slong prec)
{
  int n = imax (a->n, b->n);
  lsc_jet tmp;
  lsc_jet *q = r;
  if (r == b)
    {
      lsc_jet_init (&tmp);
      q = &tmp;
    }
  arb_t t;
  arb_init (t);
  for (int k = 0; k < n; k++)
    {
      if (k < a->n)
        arb_set (t, &a->c[k]);
      else
        arb_zero (t);
      for (int j = 1; j <= k && j < b->n; j++)
        arb_submul (t, &b->c[j], &q->c[k - j], prec);
      arb_div (t, t, &b->c[0], prec);
      arb_swap (&q->c[k], t);
    }
  arb_clear (t);
  q->n = n;
  if (q != r)
    {
      lsc_jet_set (r, q);
      lsc_jet_clear (&tmp);
    }
}

void
lsc_jet_sqr (lsc_jet *r, const lsc_jet *a, slong prec)
{
  if (a->n == 1)
    {
      arb_sqr (&r->c[0], &a->c[0], prec);
      r->n = 1;
      return;
    }
  lsc_jet_mul (r, a, a, prec);
}

/* s = sqrt(a): s_0 = sqrt(a_0), s_k = (a_k - sum_{j=1..k-1} s_j s_{k-j})
   / (2 s_0); a ball touching 0 gives non-finite coefficients, which the
   callers' positivity checks reject. */
void
lsc_jet_sqrt (lsc_jet *r, const lsc_jet *a, slong prec)
{
  /* in place: s_k needs a_k and the s below it */
  int n = a->n;
  arb_t t, s;
  arb_init (t);
  arb_init (s);
  arb_sqrt (s, &a->c[0], prec);
  arb_mul_2exp_si (t, s, 1);
  arb_swap (&r->c[0], s);
  for (int k = 1; k < n; k++)
    {
      arb_set (s, &a->c[k]);
      for (int j = 1; j < k; j++)
        arb_submul (s, &r->c[j], &r->c[k - j], prec);
      arb_div (s, s, t, prec);
      arb_swap (&r->c[k], s);
    }
  r->n = n;
  arb_clear (t);
  arb_clear (s);
}

/* r = 2 atan2(y, x); r' = 2 (x y' - y x') / (x^2 + y^2), integrated term
   by term: r_k = 2 q_{k-1} / k with q the series of the quotient. */
void
lsc_jet_atan2x2 (lsc_jet *r, const lsc_jet *y, const lsc_jet *x, slong prec)
{
  int n = imax (x->n, y->n);
  lsc_jet dx, dy, num, den, t;
  lsc_jet_init (&dx);
  lsc_jet_init (&dy);
  lsc_jet_init (&num);
  lsc_jet_init (&den);
  lsc_jet_init (&t);
  arb_t a;
  arb_init (a);
  arb_atan2 (a, &y->c[0], &x->c[0], prec);
  arb_mul_2exp_si (a, a, 1);
  if (n > 1)
    {
      /* derivatives as series of length n - 1 */
      dx.n = dy.n = n - 1;
      for (int k = 0; k < n - 1; k++)
        {
          lsc_jet_get_coef (&dx.c[k], x, k + 1);
          arb_mul_ui (&dx.c[k], &dx.c[k], (ulong) (k + 1), prec);
          lsc_jet_get_coef (&dy.c[k], y, k + 1);
          arb_mul_ui (&dy.c[k], &dy.c[k], (ulong) (k + 1), prec);
        }
      lsc_jet xs, ys;
      lsc_jet_init (&xs);
      lsc_jet_init (&ys);
      xs.n = ys.n = n - 1;
      for (int k = 0; k < n - 1; k++)
        {
          lsc_jet_get_coef (&xs.c[k], x, k);
          lsc_jet_get_coef (&ys.c[k], y, k);
        }
      lsc_jet_mul (&num, &xs, &dy, prec);
      lsc_jet_mul (&t, &ys, &dx, prec);
      lsc_jet_sub (&num, &num, &t, prec);
      lsc_jet_mul (&den, &xs, &xs, prec);
      lsc_jet_addmul (&den, &ys, &ys, prec);
      lsc_jet_div (&num, &num, &den, prec);
      lsc_jet_clear (&xs);
      lsc_jet_clear (&ys);
      for (int k = 1; k < n; k++)
        {
          lsc_jet_get_coef (&r->c[k], &num, k - 1);
          arb_mul_2exp_si (&r->c[k], &r->c[k], 1);
          arb_div_ui (&r->c[k], &r->c[k], (ulong) k, prec);
        }
    }
  arb_swap (&r->c[0], a);
  r->n = n;
  arb_clear (a);
  lsc_jet_clear (&dx);
  lsc_jet_clear (&dy);
  lsc_jet_clear (&num);
  lsc_jet_clear (&den);
  lsc_jet_clear (&t);
}

void
lsc_jet_mul_d (lsc_jet *r, const lsc_jet *a, double c, slong prec)
{
  arb_t t;
  arb_init (t);
  arb_set_d (t, c);
  for (int k = 0; k < a->n; k++)
    arb_mul (&r->c[k], &a->c[k], t, prec);
  r->n = a->n;
  arb_clear (t);
}

void
lsc_jet_add_d (lsc_jet *r, const lsc_jet *a, double c, slong prec)
{
  arb_t t;
  arb_init (t);
  arb_set_d (t, c);
  arb_add (&r->c[0], &a->c[0], t, prec);
  for (int k = 1; k < a->n; k++)
    arb_set (&r->c[k], &a->c[k]);
  r->n = a->n;
  arb_clear (t);
}

void
lsc_jet_mul_2si (lsc_jet *r, const lsc_jet *a, slong e)
{
  for (int k = 0; k < a->n; k++)
    arb_mul_2exp_si (&r->c[k], &a->c[k], e);
  r->n = a->n;
}

void
lsc_jet_div_arb (lsc_jet *r, const lsc_jet *a, const arb_t c, slong prec)
{
  for (int k = 0; k < a->n; k++)
    arb_div (&r->c[k], &a->c[k], c, prec);
  r->n = a->n;
}

int
lsc_jet_positive (const lsc_jet *a)
{
  return arb_is_finite (&a->c[0]) && arb_is_positive (&a->c[0]);
}
