/* The loss restricted to Fix(G), its gradient and Hessian in the
   parameters, in MPFR, with the large block's size taken from an mpfr d.
   Same pair classes (cells.c) and formulas as restricted.c.  landscape(7), SYMMETRY AND ISOTROPY. */
#include <config.h>
#include <stdlib.h>
#include <math.h>
#include "internal.h"
#include "symmetry/cells.h"
#include "kernel/kernel_forms_mpfr.h"
#include "landscape/lsc_restricted.h"

#define NCELL LSC_CELLS_MAX

/* Scratch of one evaluation at working precision wp. */
typedef struct
{
  size_t np;
  mpfr_t Lsz, cnt, t, ca, cb;
  mpfr_t Lacc;
  mpfr_t *gacc, *Hacc;        /* np, np * np (NULL when not wanted) */
  mpfr_t *u, *v, *wt;         /* NCELL each                          */
  lsc_mpfr_cells c1, c2;
  int have_cells;
} scratch;

static void
scratch_clear (scratch *s)
{
  mpfr_clears (s->Lsz, s->cnt, s->t, s->ca, s->cb, s->Lacc, (mpfr_ptr) 0);
  lsc_mpfr_vec_free (s->gacc, s->gacc ? s->np : 0);
  lsc_mpfr_vec_free (s->Hacc, s->Hacc ? s->np * s->np : 0);
  lsc_mpfr_vec_free (s->u, s->u ? NCELL : 0);
  lsc_mpfr_vec_free (s->v, s->v ? NCELL : 0);
  lsc_mpfr_vec_free (s->wt, s->wt ? NCELL : 0);
  if (s->have_cells >= 1)
    lsc_mpfr_cells_clear (&s->c1);
  if (s->have_cells >= 2)
    lsc_mpfr_cells_clear (&s->c2);
}

static int
scratch_init (scratch *s, size_t np, int want_g, int want_H, mpfr_prec_t wp)
{
  *s = (scratch){ .np = np };
  mpfr_inits2 (wp, s->Lsz, s->cnt, s->t, s->ca, s->cb, s->Lacc,
               (mpfr_ptr) 0);
  s->gacc = want_g ? lsc_mpfr_vec_alloc (np, wp) : NULL;
  s->Hacc = want_H ? lsc_mpfr_vec_alloc (np * np, wp) : NULL;
  s->u = lsc_mpfr_vec_alloc (NCELL, wp);
  s->v = lsc_mpfr_vec_alloc (NCELL, wp);
  s->wt = lsc_mpfr_vec_alloc (NCELL, wp);
  if ((want_g && !s->gacc) || (want_H && !s->Hacc) || !s->u || !s->v
      || !s->wt)
    return LSC_ENOMEM;
  if (lsc_mpfr_cells_init (&s->c1, NCELL, wp))
    return LSC_ENOMEM;
  s->have_cells = 1;
  if (lsc_mpfr_cells_init (&s->c2, NCELL, wp))
    return LSC_ENOMEM;
  s->have_cells = 2;
  mpfr_set_zero (s->Lacc, 1);
  for (size_t i = 0; want_g && i < np; i++)
    mpfr_set_zero (s->gacc[i], 1);
  for (size_t i = 0; want_H && i < np * np; i++)
    mpfr_set_zero (s->Hacc[i], 1);
  return LSC_SUCCESS;
}

/* r = q(L) = (l2 L + l1) L + c, or l L + c for an affine size. */
static void
quad_mpfr (mpfr_t r, lsc_quad q, const mpfr_t L)
{
  mpfr_mul_d (r, L, q.l2, MPFR_RNDN);
  mpfr_add_d (r, r, q.l1, MPFR_RNDN);
  mpfr_mul (r, r, L, MPFR_RNDN);
  mpfr_add_d (r, r, q.c, MPFR_RNDN);
}
static void
affine_mpfr (mpfr_t r, lsc_affine a, const mpfr_t L)
{
  mpfr_mul_d (r, L, a.l, MPFR_RNDN);
  mpfr_add_d (r, r, a.c, MPFR_RNDN);
}

/* Add count * (class term) to the accumulators.  *lb receives the larger
   of itself and the class's angle-cancellation bits. */
static int
add_class (scratch *s, const lsc_cellpair *cp, const mpfr_t *p, int want_L,
           long *lb)
{
  size_t n = cp->n, np = s->np;
  mpfr_t *u = s->u, *v = s->v, *wt = s->wt;
  quad_mpfr (s->cnt, cp->count, s->Lsz);
  if (mpfr_zero_p (s->cnt))
    return LSC_SUCCESS;
  for (size_t a = 0; a < n; a++)
    {
      affine_mpfr (wt[a], cp->wt[a], s->Lsz);
      if (cp->pu[a] >= 0)
        mpfr_set (u[a], p[cp->pu[a]], MPFR_RNDN);
      else
        mpfr_set_d (u[a], cp->cu[a], MPFR_RNDN);
      if (cp->pv[a] >= 0)
        mpfr_set (v[a], p[cp->pv[a]], MPFR_RNDN);
      else
        mpfr_set_d (v[a], cp->cv[a], MPFR_RNDN);
    }
  if (cp->type == LSC_CLASS_SELF)
    {
      /* count |u|^2 / 4, gradient count wt u / 2, Hessian count wt / 2 */
      for (size_t a = 0; a < n; a++)
        {
          int i = cp->pu[a];
          mpfr_mul (s->t, s->cnt, wt[a], MPFR_RNDN);
          mpfr_div_2ui (s->t, s->t, 1, MPFR_RNDN);
          if (s->Hacc && i >= 0)
            mpfr_add (s->Hacc[i * np + i], s->Hacc[i * np + i], s->t,
                      MPFR_RNDN);
          mpfr_mul (s->t, s->t, u[a], MPFR_RNDN);
          if (s->gacc && i >= 0)
            mpfr_add (s->gacc[i], s->gacc[i], s->t, MPFR_RNDN);
          if (want_L)
            {
              mpfr_mul (s->t, s->t, u[a], MPFR_RNDN);
              mpfr_div_2ui (s->t, s->t, 1, MPFR_RNDN);
              mpfr_add (s->Lacc, s->Lacc, s->t, MPFR_RNDN);
            }
        }
      return LSC_SUCCESS;
    }
  int vfree = cp->type == LSC_CLASS_STUDENTS;
  int rc = lsc_mpfr_cells_set (&s->c1, u, v, wt, n);
  if (rc)
    return rc;
  long b1 = lsc_mpfr_cells_loss_bits (&s->c1);
  *lb = b1 > *lb ? b1 : *lb;
  if (want_L)
    {
      lsc_mpfr_cells_kappa (s->t, &s->c1);
      mpfr_fma (s->Lacc, s->cnt, s->t, s->Lacc, MPFR_RNDN);
    }
  if (vfree && (s->gacc || s->Hacc)
      && (rc = lsc_mpfr_cells_set (&s->c2, v, u, wt, n)))
    return rc;
  if (s->gacc)
    for (int side = 0; side <= vfree; side++)
      {
        /* grad of count kappa(x, y) in x, cell a: count wt_a (A x_a + B y_a) */
        lsc_mpfr_cells *c = side ? &s->c2 : &s->c1;
        const mpfr_t *x = side ? v : u, *y = side ? u : v;
        const int *px = side ? cp->pv : cp->pu;
        lsc_mpfr_cells_grad_coef (s->ca, s->cb, c);
        for (size_t a = 0; a < n; a++)
          if (px[a] >= 0)
            {
              mpfr_mul (s->t, s->cb, y[a], MPFR_RNDN);
              mpfr_fma (s->t, s->ca, x[a], s->t, MPFR_RNDN);
              mpfr_mul (s->t, s->t, wt[a], MPFR_RNDN);
              mpfr_fma (s->gacc[px[a]], s->cnt, s->t, s->gacc[px[a]],
                        MPFR_RNDN);
            }
      }
  if (s->Hacc)
    {
      mpfr_t *H = s->Hacc;
      lsc_mpfr_cells_forms (&s->c1, wt);
      if (vfree)
        lsc_mpfr_cells_forms (&s->c2, wt);
      for (size_t a = 0; a < n; a++)
        for (size_t b = 0; b < n; b++)
          {
            int ua = cp->pu[a], ub = cp->pu[b], va = cp->pv[a],
                vb = cp->pv[b];
            if (ua >= 0 && ub >= 0)
              {
                lsc_mpfr_cells_h1 (s->t, &s->c1, wt, a, b);
                mpfr_fma (H[ua * np + ub], s->cnt, s->t, H[ua * np + ub],
                          MPFR_RNDN);
              }
            if (!vfree)
              continue;
            if (ua >= 0 && vb >= 0)
              {
                lsc_mpfr_cells_h2 (s->t, &s->c1, wt, a, b);
                mpfr_mul (s->t, s->t, s->cnt, MPFR_RNDN);
                mpfr_add (H[ua * np + vb], H[ua * np + vb], s->t, MPFR_RNDN);
                mpfr_add (H[vb * np + ua], H[vb * np + ua], s->t, MPFR_RNDN);
              }
            if (va >= 0 && vb >= 0)
              {
                lsc_mpfr_cells_h1 (s->t, &s->c2, wt, a, b);
                mpfr_fma (H[va * np + vb], s->cnt, s->t, H[va * np + vb],
                          MPFR_RNDN);
              }
          }
    }
  return LSC_SUCCESS;
}

/* One evaluation at wp.  When an angle is within 2^-e of 0 or pi the
   difference forms lose up to 3e bits: if base + 3e > wp and !final,
   nothing is written and *need receives the precision to retry with. */
static int
eval_at (mpfr_t L, mpfr_t *g, mpfr_t *Hp, const mpfr_t *p, const lsc_young *G,
         const mpfr_t d, mpfr_prec_t base, mpfr_prec_t wp, int final,
         mpfr_prec_t *need)
{
  int rc = LSC_SUCCESS;
  size_t np = lsc_young_nparams (G), ncl = lsc_cells_nclasses (G);
  scratch s;
  long lb = 0;
  *need = 0;
  if (scratch_init (&s, np, g != NULL, Hp != NULL, wp))
    LSC_FAIL ("out of memory", LSC_ENOMEM);
  mpfr_set (s.Lsz, d, MPFR_RNDN);
  for (size_t c = 0; c < G->ncb; c++)
    if ((int) c != G->pair[0])
      mpfr_sub_d (s.Lsz, s.Lsz, G->csize[c], MPFR_RNDN);
  for (size_t idx = 0; idx < ncl; idx++)
    {
      lsc_cellpair cp;
      if (lsc_cells_class (&cp, G, idx))
        continue;
      if ((rc = add_class (&s, &cp, p, L != NULL, &lb)))
        LSC_FAIL ("a row of the embedded matrix is zero", rc);
    }
  if (!final && base + 3 * (mpfr_prec_t) lb > wp)
    {
      *need = base + 3 * (mpfr_prec_t) lb;
      goto cleanup;
    }
  if (L)
    {
      /* the target-target constant a(L) + b(L) / pi */
      lsc_quad qa, qb;
      lsc_cells_target_const (&qa, &qb, G);
      quad_mpfr (s.t, qb, s.Lsz);
      mpfr_div (s.t, s.t, s.c1.g.pi, MPFR_RNDN);
      mpfr_add (s.Lacc, s.Lacc, s.t, MPFR_RNDN);
      quad_mpfr (s.t, qa, s.Lsz);
      mpfr_add (L, s.Lacc, s.t, MPFR_RNDN);
    }
  for (size_t i = 0; g && i < np; i++)
    mpfr_set (g[i], s.gacc[i], MPFR_RNDN);
  /* exact symmetry: the forms are symmetric only to rounding */
  for (size_t i = 0; Hp && i < np; i++)
    for (size_t j = i; j < np; j++)
      {
        mpfr_add (s.t, s.Hacc[i * np + j], s.Hacc[j * np + i], MPFR_RNDN);
        mpfr_div_2ui (s.t, s.t, 1, MPFR_RNDN);
        mpfr_set (Hp[i * np + j], s.t, MPFR_RNDN);
        mpfr_set (Hp[j * np + i], s.t, MPFR_RNDN);
      }
cleanup:
  scratch_clear (&s);
  return rc;
}

/* Evaluates in MPFR with guard bits: prec + 2 log2 L (+ log2 L more for the
   Hessian, whose terms grow like L^3) + log2 of the number of terms + 32,
   and more when an angle is near 0 or pi (see eval_at).  The large block's
   size is L = d - (the other column sizes); LSC_EDOM if L <= 0 or a row is
   zero. */
int
lsc_restricted_eval_mpfr (mpfr_t L, mpfr_t *g, mpfr_t *Hp, const mpfr_t *p,
                          const lsc_young *G, const mpfr_t d)
{
  if (!p || !G || !d)
    LSC_ERROR ("NULL argument", LSC_EFAULT);
  if (!L && !g && !Hp)
    LSC_ERROR ("no output requested", LSC_EFAULT);
  int rc = lsc_young_check (G);
  if (rc)
    return rc;
  size_t np = lsc_young_nparams (G);
  if (!mpfr_number_p (d) || !lsc_mpfr_vec_finite (p, np))
    LSC_ERROR ("non-finite parameter or d", LSC_ENONFINITE);
  double other = 0;
  for (size_t c = 0; c < G->ncb; c++)
    if ((int) c != G->pair[0])
      other += G->csize[c];
  double Ld = mpfr_get_d (d, MPFR_RNDN) - other;
  if (!(Ld > 0) || !isfinite (Ld))
    LSC_ERROR ("the large block's size d - (other columns) is not positive",
               LSC_EDOM);
  int e2;
  frexp (Ld + 2, &e2);
  mpfr_prec_t prec = MPFR_PREC_MIN;
  if (L)
    prec = mpfr_get_prec (L);
  if (g && lsc_mpfr_vec_prec (g, np) > prec)
    prec = lsc_mpfr_vec_prec (g, np);
  if (Hp && lsc_mpfr_vec_prec (Hp, np * np) > prec)
    prec = lsc_mpfr_vec_prec (Hp, np * np);
  mpfr_prec_t lg = (mpfr_prec_t) e2;
  mpfr_prec_t base = prec + 2 * lg + (Hp ? lg : 0) + 32
                     + lsc_mpfr_clog2 (lsc_cells_nclasses (G) * NCELL * NCELL);
  mpfr_prec_t wp = base, need;
  for (int pass = 0;; pass++)
    {
      rc = eval_at (L, g, Hp, p, G, d, base, wp, pass >= 2, &need);
      if (rc || !need)
        return rc;
      wp = need;
    }
}

int
lsc_restricted_loss_accurate (double *L, const double *p, const lsc_young *G)
{
  if (!L || !p || !G)
    LSC_ERROR ("NULL argument", LSC_EFAULT);
  int rc = lsc_young_check (G);
  if (rc)
    return rc;
  size_t np = lsc_young_nparams (G);
  if (!lsc_all_finite (p, np))
    LSC_ERROR ("non-finite parameter", LSC_ENONFINITE);
  mpfr_t *pm = lsc_mpfr_vec_alloc (np, 64);
  mpfr_t Lm, d;
  if (!pm)
    LSC_ERROR ("out of memory", LSC_ENOMEM);
  mpfr_init2 (Lm, 128);
  mpfr_init2 (d, 64);
  for (size_t i = 0; i < np; i++)
    mpfr_set_d (pm[i], p[i], MPFR_RNDN); /* exact */
  mpfr_set_d (d, lsc_young_d (G), MPFR_RNDN);
  rc = lsc_restricted_eval_mpfr (Lm, NULL, NULL, (const mpfr_t *) pm, G, d);
  if (!rc)
    *L = mpfr_get_d (Lm, MPFR_RNDN);
  mpfr_clears (Lm, d, (mpfr_ptr) 0);
  lsc_mpfr_vec_free (pm, np);
  return rc;
}
