/* Full Hessian of the two-layer ReLU loss in MPFR. */
#include <config.h>

#include <stdlib.h>

#include "internal.h"
#include "loss/loss_mpfr.h"

/* ------------------------------------------------------------ Hessian */

/* H_ii = 1/2 a_i^2 I + C_i (I - wh_i wh_i^T) + sum_j coef_j n_j n_j^T with
   coef_j = weight |y_j| s / (2 pi |w_i|) and C_i = sum_j coef_j (h1 of
   landscape(7), MODEL, the wh wh^T part collected once); acc is d x d scratch. */
static void
hess_diag (mpfr_t *H, size_t i, lsc_mpfr_ctx *c, mpfr_t *acc, mpfr_t C, mpfr_t f)
{
  size_t k = c->k, d = c->d, m = c->m, kd = k * d;
  const mpfr_t *ui = c->uw + i * d;
  mpfr_set_zero (C, 1);
  for (size_t a = 0; a < d * d; a++)
    mpfr_set_zero (acc[a], 1);
  for (size_t j = 0; j < k + m; j++)
    {
      if (j == i)
        continue;
      int jw = j < k;
      lsc_mpfr_pair_set (&c->g, ui, jw ? c->uw + j * d : c->ux + (j - k) * d);
      if (!lsc_mpfr_pair_normal (&c->g, ui))
        continue;               /* s = 0: this h1 vanishes */
      mpfr_mul (f, c->a[i], jw ? c->a[j] : c->b[j - k], MPFR_RNDN);
      if (!jw)
        mpfr_neg (f, f, MPFR_RNDN);
      mpfr_mul (f, f, jw ? c->nw[j] : c->nx[j - k], MPFR_RNDN);
      mpfr_mul (f, f, c->g.s, MPFR_RNDN);
      mpfr_div (f, f, c->g.twopi, MPFR_RNDN);
      mpfr_div (f, f, c->nw[i], MPFR_RNDN);
      mpfr_add (C, C, f, MPFR_RNDN);
      for (size_t a = 0; a < d; a++)
        {
          mpfr_mul (c->g.t, f, c->g.nv[a], MPFR_RNDN);
          for (size_t b = a; b < d; b++)
            {
              mpfr_mul (c->g.t3, c->g.t, c->g.nv[b], MPFR_RNDN);
              mpfr_add (acc[a * d + b], acc[a * d + b], c->g.t3, MPFR_RNDN);
            }
        }
    }
  mpfr_sqr (f, c->a[i], MPFR_RNDN);
  mpfr_div_2ui (f, f, 1, MPFR_RNDN);
  mpfr_add (f, f, C, MPFR_RNDN);
  for (size_t a = 0; a < d; a++)
    {
      mpfr_mul (c->g.t2, C, ui[a], MPFR_RNDN);
      for (size_t b = a; b < d; b++)
        {
          /* acc - C wh_a wh_b (+ 1/2 a^2 + C on the diagonal) */
          mpfr_fms (c->g.t, c->g.t2, ui[b], acc[a * d + b], MPFR_RNDN);
          mpfr_neg (c->g.t, c->g.t, MPFR_RNDN);
          if (a == b)
            mpfr_add (c->g.t, c->g.t, f, MPFR_RNDN);
          size_t r = i * d + a, s = i * d + b;
          mpfr_set (H[r * kd + s], c->g.t, MPFR_RNDN);
          if (b != a)
            mpfr_set (H[s * kd + r], c->g.t, MPFR_RNDN);
        }
    }
}

/* H_ij = H_ji^T = a_i a_j ((pi - t) I + s (p p^T - q q^T)) / (2 pi), the
   stable form of the model's h2 (see kernel_mpfr.c), for i < j. */
static void
hess_off (mpfr_t *H, size_t i, size_t j, lsc_mpfr_ctx *c, mpfr_t f)
{
  size_t d = c->d, kd = c->k * d;
  lsc_mpfr_pair *g = &c->g;
  lsc_mpfr_pair_set (g, c->uw + i * d, c->uw + j * d);
  int has_s = !mpfr_zero_p (g->s);
  if (has_s)
    for (size_t a = 0; a < d; a++)
      {
        mpfr_div (g->dpv[a], g->dpv[a], g->dp, MPFR_RNDN);
        mpfr_div (g->dmv[a], g->dmv[a], g->dm, MPFR_RNDN);
      }
  mpfr_mul (f, c->a[i], c->a[j], MPFR_RNDN);
  mpfr_div (f, f, g->twopi, MPFR_RNDN);
  for (size_t a = 0; a < d; a++)
    for (size_t b = a; b < d; b++)
      {
        if (has_s)
          {
            mpfr_fmms (g->t, g->dpv[a], g->dpv[b], g->dmv[a], g->dmv[b],
                       MPFR_RNDN);
            mpfr_mul (g->t, g->t, g->s, MPFR_RNDN);
          }
        else
          mpfr_set_zero (g->t, 1);
        if (a == b)
          mpfr_add (g->t, g->t, g->phi, MPFR_RNDN);
        size_t ra = i * d + a, rb = i * d + b, ca = j * d + a, cb = j * d + b;
        mpfr_mul (H[ra * kd + cb], g->t, f, MPFR_RNDN);
        mpfr_mul (H[cb * kd + ra], g->t, f, MPFR_RNDN);
        if (b != a)
          {
            mpfr_mul (H[rb * kd + ca], g->t, f, MPFR_RNDN);
            mpfr_mul (H[ca * kd + rb], g->t, f, MPFR_RNDN);
          }
      }
}

/* Full kd x kd Hessian (landscape(7), MODEL), exactly symmetric, entries within 1 ulp
   plus 2^-(p+40) times the sum of the magnitudes of their terms. */
int
lsc_loss_hessian_mpfr (mpfr_t *H, const mpfr_t *W, const lsc_problem_mpfr *p)
{
  if (!H)
    LSC_ERROR ("NULL Hessian output", LSC_EFAULT);
  int rc = lsc_mpfr_problem_check (W, p);
  if (rc)
    return rc;
  size_t k = p->k, d = p->d, kd = k * d;
  mpfr_prec_t wp = lsc_mpfr_vec_prec (H, kd * kd) + lsc_mpfr_guard_bits (p);
  lsc_mpfr_ctx c;
  mpfr_t *acc = lsc_mpfr_vec_alloc (d * d, wp);
  mpfr_t C, f;
  mpfr_inits2 (wp, C, f, (mpfr_ptr) 0);
  if (!acc || lsc_mpfr_ctx_init (&c, W, p, wp) != LSC_SUCCESS)
    {
      lsc_mpfr_vec_free (acc, acc ? d * d : 0);
      mpfr_clears (C, f, (mpfr_ptr) 0);
      LSC_ERROR ("out of memory", LSC_ENOMEM);
    }
  for (size_t i = 0; i < k; i++)
    {
      hess_diag (H, i, &c, acc, C, f);
      for (size_t j = i + 1; j < k; j++)
        hess_off (H, i, j, &c, f);
    }
  lsc_mpfr_ctx_clear (&c);
  lsc_mpfr_vec_free (acc, d * d);
  mpfr_clears (C, f, (mpfr_ptr) 0);
  return LSC_SUCCESS;
}
