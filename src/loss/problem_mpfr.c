/* Problem validation and the evaluation context of the MPFR loss layer. */
#include <config.h>

#include <stdlib.h>

#include "internal.h"
#include "loss/loss_mpfr.h"

void
lsc_mpfr_ctx_clear (lsc_mpfr_ctx *c)
{
  lsc_mpfr_vec_free (c->nw, c->k);
  lsc_mpfr_vec_free (c->nw2, c->k);
  lsc_mpfr_vec_free (c->uw, c->k * c->d);
  lsc_mpfr_vec_free (c->nx, c->m);
  lsc_mpfr_vec_free (c->nx2, c->m);
  lsc_mpfr_vec_free (c->ux, c->m * c->d);
  lsc_mpfr_vec_free (c->a, c->k);
  lsc_mpfr_vec_free (c->b, c->m);
  lsc_mpfr_vec_free (c->pre, c->pre ? c->k * c->d : 0);
  lsc_mpfr_vec_free (c->suf, c->suf ? c->k * c->d : 0);
  if (c->have_pair)
    lsc_mpfr_pair_clear (&c->g);
}

/* Inputs were validated by lsc_mpfr_problem_check. */
int
lsc_mpfr_ctx_init (lsc_mpfr_ctx *c, const mpfr_t *W, const lsc_problem_mpfr *p,
                   mpfr_prec_t wp)
{
  size_t k = p->k, d = p->d, m = p->m;
  *c = (lsc_mpfr_ctx) { .k = k, .d = d, .m = m, .wp = wp, .ident = !p->V };
  if (c->ident)
    {
      c->pre = lsc_mpfr_vec_alloc (k * d, wp);
      c->suf = lsc_mpfr_vec_alloc (k * d, wp);
    }
  c->nw = lsc_mpfr_vec_alloc (k, wp);
  c->nw2 = lsc_mpfr_vec_alloc (k, wp);
  c->uw = lsc_mpfr_vec_alloc (k * d, wp);
  c->nx = lsc_mpfr_vec_alloc (m, wp);
  c->nx2 = lsc_mpfr_vec_alloc (m, wp);
  c->ux = lsc_mpfr_vec_alloc (m * d, wp);
  c->a = lsc_mpfr_vec_alloc (k, wp);
  c->b = lsc_mpfr_vec_alloc (m, wp);
  if (!c->nw || !c->nw2 || !c->uw || !c->nx || !c->nx2 || !c->ux || !c->a
      || !c->b || (c->ident && (!c->pre || !c->suf))
      || lsc_mpfr_pair_init (&c->g, d, wp) != LSC_SUCCESS)
    {
      lsc_mpfr_ctx_clear (c);
      return LSC_ENOMEM;
    }
  c->have_pair = 1;
  for (size_t i = 0; i < k; i++)
    {
      lsc_mpfr_unit (c->nw[i], c->nw2[i], c->uw + i * d, W + i * d, d);
      if (c->ident)
        {
          mpfr_t *u = c->uw + i * d, *pr = c->pre + i * d, *su = c->suf + i * d;
          mpfr_set_zero (pr[0], 1);
          mpfr_set_zero (su[d - 1], 1);
          for (size_t a = 1; a < d; a++)
            {
              mpfr_fma (pr[a], u[a - 1], u[a - 1], pr[a - 1], MPFR_RNDN);
              mpfr_fma (su[d - 1 - a], u[d - a], u[d - a], su[d - a],
                        MPFR_RNDN);
            }
        }
      if (p->alpha)
        mpfr_set (c->a[i], p->alpha[i], MPFR_RNDN);
      else
        mpfr_set_ui (c->a[i], 1, MPFR_RNDN);
    }
  for (size_t j = 0; j < m; j++)
    {
      if (p->V)
        lsc_mpfr_unit (c->nx[j], c->nx2[j], c->ux + j * d, p->V + j * d, d);
      else
        {
          mpfr_set_ui (c->nx[j], 1, MPFR_RNDN);
          mpfr_set_ui (c->nx2[j], 1, MPFR_RNDN);
          for (size_t a = 0; a < d; a++)
            mpfr_set_ui (c->ux[j * d + a], a == j, MPFR_RNDN);
        }
      if (p->beta)
        mpfr_set (c->b[j], p->beta[j], MPFR_RNDN);
      else
        mpfr_set_ui (c->b[j], 1, MPFR_RNDN);
    }
  return LSC_SUCCESS;
}

/* Geometry of the pair (w_i, v_j) without its vectors.  For V = I,
   |uh -+ e_j|^2 = sum_{c != j} uh_c^2 + (uh_j -+ 1)^2 from the prefix and
   suffix sums (no cancellation), in O(1). */
void
lsc_mpfr_pair_wv (lsc_mpfr_ctx *c, size_t i, size_t j)
{
  size_t d = c->d;
  lsc_mpfr_pair *g = &c->g;
  if (!c->ident)
    {
      lsc_mpfr_pair_set_scalar (g, c->uw + i * d, c->ux + j * d);
      return;
    }
  mpfr_srcptr uj = c->uw[i * d + j];
  mpfr_add (g->t2, c->pre[i * d + j], c->suf[i * d + j], MPFR_RNDN);
  mpfr_sub_ui (g->t, uj, 1, MPFR_RNDN);
  mpfr_fma (g->dm, g->t, g->t, g->t2, MPFR_RNDN);
  mpfr_add_ui (g->t, uj, 1, MPFR_RNDN);
  mpfr_fma (g->dp, g->t, g->t, g->t2, MPFR_RNDN);
  mpfr_sqrt (g->dm, g->dm, MPFR_RNDN);
  mpfr_sqrt (g->dp, g->dp, MPFR_RNDN);
  lsc_mpfr_pair_angles (g);
}

static int
rows_nonzero (const mpfr_t *X, size_t n, size_t d)
{
  for (size_t i = 0; i < n; i++)
    {
      size_t a = 0;
      while (a < d && mpfr_zero_p (X[i * d + a]))
        a++;
      if (a == d)
        return 0;
    }
  return 1;
}

int
lsc_mpfr_problem_check (const mpfr_t *W, const lsc_problem_mpfr *p)
{
  if (!W || !p)
    LSC_ERROR ("NULL W or problem", LSC_EFAULT);
  if (p->k == 0 || p->d == 0 || p->m == 0)
    LSC_ERROR ("zero problem size", LSC_EBADLEN);
  if (!p->V && p->m != p->d)
    LSC_ERROR ("V = NULL (identity) needs m = d", LSC_EBADLEN);
  size_t k = p->k, d = p->d, m = p->m;
  if (!lsc_mpfr_vec_finite (W, k * d)
      || (p->V && !lsc_mpfr_vec_finite (p->V, m * d))
      || (p->alpha && !lsc_mpfr_vec_finite (p->alpha, k))
      || (p->beta && !lsc_mpfr_vec_finite (p->beta, m)))
    LSC_ERROR ("NaN or infinite entry in W, V, alpha or beta", LSC_ENONFINITE);
  if (!rows_nonzero (W, k, d) || (p->V && !rows_nonzero (p->V, m, d)))
    LSC_ERROR ("zero row in W or V: the loss is not differentiable there",
               LSC_EDOM);
  return LSC_SUCCESS;
}

/* Guard bits for sums of (k+m)^2 terms of size ~1 cancelling to ~1e-4
   (landscape(7), MODEL): 32 + 20 + 2 log2(k+m) + log2 d. */
mpfr_prec_t
lsc_mpfr_guard_bits (const lsc_problem_mpfr *p)
{
  return 52 + 2 * lsc_mpfr_clog2 (p->k + p->m) + lsc_mpfr_clog2 (p->d);
}
