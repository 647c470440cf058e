/* Loss and gradient of the two-layer ReLU problem in MPFR. */
#include <config.h>

#include <stdlib.h>

#include "internal.h"
#include "loss/loss_mpfr.h"

/* ------------------------------------------------------------ loss */

/* Terms of L at c->wp into T (count returned in *nt) and the sum of their
   scales |weight| |x| |y| into S (rounded up).  Every term of
   L = 1/2 sum a a k(w,w) - sum a b k(w,v) + 1/2 sum b b k(v,v) is listed
   once (symmetric pairs merged), so W = V gives exact cancellation. */
static void
loss_terms (mpfr_t *T, size_t *nt, mpfr_t S, lsc_mpfr_ctx *c)
{
  size_t k = c->k, d = c->d, m = c->m, n = 0;
  mpfr_t sc;
  mpfr_init2 (sc, 64);
  mpfr_set_zero (S, 1);
  /* Diagonal terms a_i^2 |w_i|^2 / 4 and b_j^2 |v_j|^2 / 4. */
  for (size_t i = 0; i < k + m; i++)
    {
      mpfr_srcptr w = i < k ? c->a[i] : c->b[i - k];
      mpfr_srcptr n2 = i < k ? c->nw2[i] : c->nx2[i - k];
      mpfr_sqr (T[n], w, MPFR_RNDN);
      mpfr_mul (T[n], T[n], n2, MPFR_RNDN);
      mpfr_div_2ui (T[n], T[n], 2, MPFR_RNDN);
      mpfr_abs (sc, T[n], MPFR_RNDU);
      mpfr_add (S, S, sc, MPFR_RNDU);
      n++;
    }
  /* Pairs: (W,W) i<j weight a_i a_j; (W,V) weight -a_i b_j; (V,V) i<j
     weight b_i b_j. */
  for (size_t i = 0; i < k + m; i++)
    for (size_t j = i + 1; j < k + m; j++)
      {
        int ii = i < k, jj = j < k;
        const mpfr_t *x = ii ? c->uw + i * d : c->ux + (i - k) * d;
        const mpfr_t *y = jj ? c->uw + j * d : c->ux + (j - k) * d;
        mpfr_srcptr nx = ii ? c->nw[i] : c->nx[i - k];
        mpfr_srcptr ny = jj ? c->nw[j] : c->nx[j - k];
        mpfr_srcptr wx = ii ? c->a[i] : c->b[i - k];
        mpfr_srcptr wy = jj ? c->a[j] : c->b[j - k];
        if (ii && !jj)
          lsc_mpfr_pair_wv (c, i, j - k);
        else if (ii || !c->ident)
          lsc_mpfr_pair_set_scalar (&c->g, x, y);
        if (!ii && c->ident)    /* kappa(e_i, e_j) = 1/(2 pi) */
          mpfr_ui_div (T[n], 1, c->g.twopi, MPFR_RNDN);
        else
          lsc_mpfr_pair_kappa1 (T[n], &c->g);
        mpfr_mul (c->g.t, wx, wy, MPFR_RNDN);
        mpfr_mul (c->g.t, c->g.t, nx, MPFR_RNDN);
        mpfr_mul (c->g.t, c->g.t, ny, MPFR_RNDN);
        if (ii != jj)
          mpfr_neg (c->g.t, c->g.t, MPFR_RNDN);
        mpfr_mul (T[n], T[n], c->g.t, MPFR_RNDN);
        mpfr_abs (sc, c->g.t, MPFR_RNDU);
        mpfr_add (S, S, sc, MPFR_RNDU);
        n++;
      }
  mpfr_clear (sc);
  *nt = n;
}

/* 1 if the student is the target up to a permutation of rows: every row
   of W with its weight equals a distinct row of V with its weight (then
   L = 0 exactly, which no finite precision certifies by cancellation). */
static int
same_network (const mpfr_t *W, const lsc_problem_mpfr *p)
{
  size_t k = p->k, d = p->d, m = p->m, found = 0;
  if (k != m)
    return 0;
  char *used = calloc (m, 1);
  if (!used)
    return 0;
  for (size_t i = 0; i < k; i++)
    for (size_t j = 0; j < m; j++)
      {
        if (used[j])
          continue;
        int eq = !p->alpha ? (!p->beta || mpfr_cmp_ui (p->beta[j], 1) == 0)
                 : !p->beta ? mpfr_cmp_ui (p->alpha[i], 1) == 0
                 : mpfr_equal_p (p->alpha[i], p->beta[j]);
        for (size_t a = 0; eq && a < d; a++)
          eq = p->V ? mpfr_equal_p (W[i * d + a], p->V[j * d + a])
                    : mpfr_cmp_ui (W[i * d + a], a == j) == 0;
        if (eq)
          {
            used[j] = 1;
            found++;
            break;
          }
      }
  free (used);
  return found == k;
}

/* L(W) of landscape(7), MODEL within 1 ulp of L's precision (Ziv loop over the
   working precision), or LSC_EPREC beyond the cap of 8 p + 1024 bits. */
int
lsc_loss_mpfr (mpfr_t L, const mpfr_t *W, const lsc_problem_mpfr *p)
{
  if (!L)
    LSC_ERROR ("NULL output", LSC_EFAULT);
  int rc = lsc_mpfr_problem_check (W, p);
  if (rc)
    return rc;
  if (same_network (W, p))
    {
      mpfr_set_zero (L, 1);
      return LSC_SUCCESS;
    }
  size_t n = p->k + p->m, ntmax = n + n * (n - 1) / 2, nt = 0;
  mpfr_prec_t prec = mpfr_get_prec (L);
  mpfr_prec_t wp = prec + lsc_mpfr_guard_bits (p);
  mpfr_prec_t wpmax = 8 * prec + 1024;
  mpfr_t S;
  mpfr_init2 (S, 64);
  /* Ziv loop: terms at wp, summed exactly and rounded once (mpfr_sum);
     accept when the a-priori error of the terms, S 2^(-wp + log2 d + 6),
     is below a quarter ulp of L.  A zero sum certifies nothing: retry. */
  for (;;)
    {
      lsc_mpfr_ctx c;
      mpfr_t *T = lsc_mpfr_vec_alloc (ntmax, wp);
      mpfr_ptr *P = malloc (ntmax * sizeof *P);
      if (!T || !P || lsc_mpfr_ctx_init (&c, W, p, wp) != LSC_SUCCESS)
        {
          lsc_mpfr_vec_free (T, T ? ntmax : 0);
          free (P);
          mpfr_clear (S);
          LSC_ERROR ("out of memory", LSC_ENOMEM);
        }
      loss_terms (T, &nt, S, &c);
      for (size_t t = 0; t < nt; t++)
        P[t] = T[t];
      mpfr_sum (L, P, nt, MPFR_RNDN);
      lsc_mpfr_ctx_clear (&c);
      lsc_mpfr_vec_free (T, ntmax);
      free (P);
      if (!mpfr_number_p (L))
        {
          mpfr_clear (S);
          LSC_ERROR ("loss overflows the exponent range", LSC_ERANGE);
        }
      long err = (long) mpfr_get_exp (S) - (long) wp
                 + (long) lsc_mpfr_clog2 (p->d) + 6;
      long have = mpfr_zero_p (L) ? err - (long) (wp - prec)
                  : (long) mpfr_get_exp (L) - (long) prec - 2;
      if (!mpfr_zero_p (L) && err <= have)
        break;
      if (wp >= wpmax)
        {
          mpfr_clear (S);
          LSC_ERROR ("loss cancels beyond the precision cap", LSC_EPREC);
        }
      wp += (mpfr_prec_t) (err - have) + 16;
      if (wp > wpmax)
        wp = wpmax;
    }
  mpfr_clear (S);
  return LSC_SUCCESS;
}

/* ------------------------------------------------------------ gradient */

/* Gradient (landscape(7), MODEL): entries within 1 ulp plus 2^-(p+40) times the sum
   of the magnitudes of their terms; L (may be NULL) as lsc_loss_mpfr. */
int
lsc_loss_grad_mpfr (mpfr_t L, mpfr_t *G, const mpfr_t *W,
                    const lsc_problem_mpfr *p)
{
  if (!G)
    LSC_ERROR ("NULL gradient output", LSC_EFAULT);
  int rc = lsc_mpfr_problem_check (W, p);
  if (rc)
    return rc;
  /* LSC_EPREC from the loss still leaves its best value; G is computed
     anyway and the status returned at the end. */
  if (L && (rc = lsc_loss_mpfr (L, W, p)) != LSC_SUCCESS && rc != LSC_EPREC)
    return rc;
  size_t k = p->k, d = p->d, m = p->m;
  mpfr_prec_t wp = lsc_mpfr_vec_prec (G, k * d) + lsc_mpfr_guard_bits (p);
  lsc_mpfr_ctx c;
  mpfr_t *acc = lsc_mpfr_vec_alloc (k * d, wp), *A = lsc_mpfr_vec_alloc (k, wp);
  mpfr_t f;
  mpfr_init2 (f, wp);
  if (!acc || !A || lsc_mpfr_ctx_init (&c, W, p, wp) != LSC_SUCCESS)
    {
      lsc_mpfr_vec_free (acc, acc ? k * d : 0);
      lsc_mpfr_vec_free (A, A ? k : 0);
      mpfr_clear (f);
      LSC_ERROR ("out of memory", LSC_ENOMEM);
    }
  /* grad_{w_i} L = 1/2 a_i^2 w_i + sum_{j != i} a_i a_j g(w_i, w_j)
     - sum_j a_i b_j g(w_i, v_j), g(w, y) = |y| (s wh + (pi - t) yh)/(2 pi);
     the wh parts collect in the scalar A_i. */
  for (size_t i = 0; i < k; i++)
    {
      mpfr_set_zero (A[i], 1);
      mpfr_sqr (f, c.a[i], MPFR_RNDN);
      mpfr_div_2ui (f, f, 1, MPFR_RNDN);
      for (size_t a = 0; a < d; a++)
        mpfr_mul (acc[i * d + a], f, W[i * d + a], MPFR_RNDN);
    }
  for (size_t i = 0; i < k; i++)
    for (size_t j = i + 1; j < k + m; j++)
      {
        int jw = j < k;
        const mpfr_t *uy = jw ? c.uw + j * d : c.ux + (j - k) * d;
        const mpfr_t *ui = c.uw + i * d;
        if (jw)
          lsc_mpfr_pair_set_scalar (&c.g, ui, uy);
        else
          lsc_mpfr_pair_wv (&c, i, j - k);
        /* Row i: weight a_i w_j |y| / (2 pi). */
        mpfr_mul (f, c.a[i], jw ? c.a[j] : c.b[j - k], MPFR_RNDN);
        if (!jw)
          mpfr_neg (f, f, MPFR_RNDN);
        mpfr_div (f, f, c.g.twopi, MPFR_RNDN);
        mpfr_mul (c.g.t2, f, jw ? c.nw[j] : c.nx[j - k], MPFR_RNDN);
        mpfr_fma (A[i], c.g.t2, c.g.s, A[i], MPFR_RNDN);
        mpfr_mul (c.g.t2, c.g.t2, c.g.phi, MPFR_RNDN);
        if (!jw && c.ident)
          mpfr_add (acc[i * d + j - k], acc[i * d + j - k], c.g.t2,
                    MPFR_RNDN);
        else
          for (size_t a = 0; a < d; a++)
            {
              mpfr_mul (c.g.t, c.g.t2, uy[a], MPFR_RNDN);
              mpfr_add (acc[i * d + a], acc[i * d + a], c.g.t, MPFR_RNDN);
            }
        if (!jw)
          continue;
        /* Row j of the (W, W) pair: weight a_i a_j |w_i| / (2 pi). */
        mpfr_mul (c.g.t2, f, c.nw[i], MPFR_RNDN);
        mpfr_fma (A[j], c.g.t2, c.g.s, A[j], MPFR_RNDN);
        mpfr_mul (c.g.t2, c.g.t2, c.g.phi, MPFR_RNDN);
        for (size_t a = 0; a < d; a++)
          {
            mpfr_mul (c.g.t, c.g.t2, ui[a], MPFR_RNDN);
            mpfr_add (acc[j * d + a], acc[j * d + a], c.g.t, MPFR_RNDN);
          }
      }
  for (size_t i = 0; i < k; i++)
    for (size_t a = 0; a < d; a++)
      mpfr_fma (G[i * d + a], A[i], c.uw[i * d + a], acc[i * d + a],
                MPFR_RNDN);
  lsc_mpfr_ctx_clear (&c);
  lsc_mpfr_vec_free (acc, k * d);
  lsc_mpfr_vec_free (A, k);
  mpfr_clear (f);
  return rc;
}
