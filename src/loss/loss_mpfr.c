/* Loss, gradient and Hessian of the two-layer ReLU problem in MPFR. */
#include <config.h>

#include <stdlib.h>

#include "internal.h"
#include "landscape/lsc_loss.h"
#include "kernel/kernel_mpfr.h"

/* Everything one evaluation needs at its working precision wp: row norms
   and unit rows of W and V (V = I materialised when p->V is NULL), the
   output weights, and one pair geometry. */
typedef struct
{
  size_t k, d, m;
  mpfr_prec_t wp;
  mpfr_t *nw, *nw2, *uw;        /* k, k, k*d */
  mpfr_t *nx, *nx2, *ux;        /* m, m, m*d */
  mpfr_t *a, *b;                /* k, m      */
  int ident;                    /* V = I: (W, V) pairs in O(1) from   */
  mpfr_t *pre, *suf;            /* sum_{c<j} uw_ic^2, sum_{c>j} (k*d) */
  lsc_mpfr_pair g;
  int have_pair;
} ctx;

static void
ctx_clear (ctx *c)
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

/* Inputs were validated by check_problem. */
static int
ctx_init (ctx *c, const mpfr_t *W, const lsc_problem_mpfr *p, mpfr_prec_t wp)
{
  size_t k = p->k, d = p->d, m = p->m;
  *c = (ctx) { .k = k, .d = d, .m = m, .wp = wp, .ident = !p->V };
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
      ctx_clear (c);
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
static void
pair_wv (ctx *c, size_t i, size_t j)
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

static int
check_problem (const mpfr_t *W, const lsc_problem_mpfr *p)
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
   (MATH.md 1): 32 + 20 + 2 log2(k+m) + log2 d. */
static mpfr_prec_t
guard_bits (const lsc_problem_mpfr *p)
{
  return 52 + 2 * lsc_mpfr_clog2 (p->k + p->m) + lsc_mpfr_clog2 (p->d);
}

/* ------------------------------------------------------------ loss */

/* Terms of L at c->wp into T (count returned in *nt) and the sum of their
   scales |weight| |x| |y| into S (rounded up).  Every term of
   L = 1/2 sum a a k(w,w) - sum a b k(w,v) + 1/2 sum b b k(v,v) is listed
   once (symmetric pairs merged), so W = V gives exact cancellation. */
static void
loss_terms (mpfr_t *T, size_t *nt, mpfr_t S, ctx *c)
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
          pair_wv (c, i, j - k);
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

/* L(W) of MATH.md 1 within 1 ulp of L's precision (Ziv loop over the
   working precision), or LSC_EPREC beyond the cap of 8 p + 1024 bits. */
int
lsc_loss_mpfr (mpfr_t L, const mpfr_t *W, const lsc_problem_mpfr *p)
{
  if (!L)
    LSC_ERROR ("NULL output", LSC_EFAULT);
  int rc = check_problem (W, p);
  if (rc)
    return rc;
  if (same_network (W, p))
    {
      mpfr_set_zero (L, 1);
      return LSC_SUCCESS;
    }
  size_t n = p->k + p->m, ntmax = n + n * (n - 1) / 2, nt = 0;
  mpfr_prec_t prec = mpfr_get_prec (L);
  mpfr_prec_t wp = prec + guard_bits (p);
  mpfr_prec_t wpmax = 8 * prec + 1024;
  mpfr_t S;
  mpfr_init2 (S, 64);
  /* Ziv loop: terms at wp, summed exactly and rounded once (mpfr_sum);
     accept when the a-priori error of the terms, S 2^(-wp + log2 d + 6),
     is below a quarter ulp of L.  A zero sum certifies nothing: retry. */
  for (;;)
    {
      ctx c;
      mpfr_t *T = lsc_mpfr_vec_alloc (ntmax, wp);
      mpfr_ptr *P = malloc (ntmax * sizeof *P);
      if (!T || !P || ctx_init (&c, W, p, wp) != LSC_SUCCESS)
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
      ctx_clear (&c);
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

/* Gradient (MATH.md 1): entries within 1 ulp plus 2^-(p+40) times the sum
   of the magnitudes of their terms; L (may be NULL) as lsc_loss_mpfr. */
int
lsc_loss_grad_mpfr (mpfr_t L, mpfr_t *G, const mpfr_t *W,
                    const lsc_problem_mpfr *p)
{
  if (!G)
    LSC_ERROR ("NULL gradient output", LSC_EFAULT);
  int rc = check_problem (W, p);
  if (rc)
    return rc;
  /* LSC_EPREC from the loss still leaves its best value; G is computed
     anyway and the status returned at the end. */
  if (L && (rc = lsc_loss_mpfr (L, W, p)) != LSC_SUCCESS && rc != LSC_EPREC)
    return rc;
  size_t k = p->k, d = p->d, m = p->m;
  mpfr_prec_t wp = lsc_mpfr_vec_prec (G, k * d) + guard_bits (p);
  ctx c;
  mpfr_t *acc = lsc_mpfr_vec_alloc (k * d, wp), *A = lsc_mpfr_vec_alloc (k, wp);
  mpfr_t f;
  mpfr_init2 (f, wp);
  if (!acc || !A || ctx_init (&c, W, p, wp) != LSC_SUCCESS)
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
          pair_wv (&c, i, j - k);
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
  ctx_clear (&c);
  lsc_mpfr_vec_free (acc, k * d);
  lsc_mpfr_vec_free (A, k);
  mpfr_clear (f);
  return rc;
}

/* ------------------------------------------------------------ Hessian */

/* H_ii = 1/2 a_i^2 I + C_i (I - wh_i wh_i^T) + sum_j coef_j n_j n_j^T with
   coef_j = weight |y_j| s / (2 pi |w_i|) and C_i = sum_j coef_j (h1 of
   MATH.md 1, the wh wh^T part collected once); acc is d x d scratch. */
static void
hess_diag (mpfr_t *H, size_t i, ctx *c, mpfr_t *acc, mpfr_t C, mpfr_t f)
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
   stable form of MATH.md's h2 (see kernel_mpfr.c), for i < j. */
static void
hess_off (mpfr_t *H, size_t i, size_t j, ctx *c, mpfr_t f)
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

/* Full kd x kd Hessian (MATH.md 1), exactly symmetric, entries within 1 ulp
   plus 2^-(p+40) times the sum of the magnitudes of their terms. */
int
lsc_loss_hessian_mpfr (mpfr_t *H, const mpfr_t *W, const lsc_problem_mpfr *p)
{
  if (!H)
    LSC_ERROR ("NULL Hessian output", LSC_EFAULT);
  int rc = check_problem (W, p);
  if (rc)
    return rc;
  size_t k = p->k, d = p->d, kd = k * d;
  mpfr_prec_t wp = lsc_mpfr_vec_prec (H, kd * kd) + guard_bits (p);
  ctx c;
  mpfr_t *acc = lsc_mpfr_vec_alloc (d * d, wp);
  mpfr_t C, f;
  mpfr_inits2 (wp, C, f, (mpfr_ptr) 0);
  if (!acc || ctx_init (&c, W, p, wp) != LSC_SUCCESS)
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
  ctx_clear (&c);
  lsc_mpfr_vec_free (acc, d * d);
  mpfr_clears (C, f, (mpfr_ptr) 0);
  return LSC_SUCCESS;
}
