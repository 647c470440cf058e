/* The loss restricted to Fix(G), its gradient and Hessian in the
   parameters, in ball jets, with the large block's size taken from a jet
   d: the pair classes of cells.c and the formulas of restricted_mpfr.c,
   every operation an enclosure.  landscape(7), SYMMETRY AND ISOTROPY. */
#include <config.h>
#include <stdlib.h>
#include "internal.h"
#include "symmetry/cells.h"
#include "certify/certify_impl.h"
#include "landscape/lsc_certify.h"

#define NCELL LSC_CELLS_MAX

typedef struct
{
  size_t np;
  slong prec;
  const int *alias;
  lsc_jet Lsz, cnt, t, ca, cb, Lacc;
  lsc_jet *gacc, *Hacc; /* the caller's outputs, accumulated in place */
  lsc_jet *u, *v, *wt;
  lsc_bcells c1, c2;
  int ncells;
} scratch;

static void
scratch_clear (scratch *s)
{
  lsc_jet *j[] = { &s->Lsz, &s->cnt, &s->t, &s->ca, &s->cb, &s->Lacc };
  for (size_t i = 0; i < 6; i++)
    lsc_jet_clear (j[i]);
  lsc_jet_vec_clear (s->u, NCELL);
  lsc_jet_vec_clear (s->v, NCELL);
  lsc_jet_vec_clear (s->wt, NCELL);
  if (s->ncells >= 1)
    lsc_bcells_clear (&s->c1);
  if (s->ncells >= 2)
    lsc_bcells_clear (&s->c2);
}

static int
scratch_init (scratch *s, size_t np, lsc_jet *g, lsc_jet *H, slong prec)
{
  *s = (scratch){ .np = np, .prec = prec, .gacc = g, .Hacc = H };
  lsc_jet *j[] = { &s->Lsz, &s->cnt, &s->t, &s->ca, &s->cb, &s->Lacc };
  for (size_t i = 0; i < 6; i++)
    lsc_jet_init (j[i]);
  for (size_t i = 0; g && i < np; i++)
    lsc_jet_zero (&g[i]);
  for (size_t i = 0; H && i < np * np; i++)
    lsc_jet_zero (&H[i]);
  s->u = lsc_jet_vec_init (NCELL);
  s->v = lsc_jet_vec_init (NCELL);
  s->wt = lsc_jet_vec_init (NCELL);
  if (!s->u || !s->v || !s->wt)
    return LSC_ENOMEM;
  if (lsc_bcells_init (&s->c1, NCELL, prec))
    return LSC_ENOMEM;
  s->ncells = 1;
  if (lsc_bcells_init (&s->c2, NCELL, prec))
    return LSC_ENOMEM;
  s->ncells = 2;
  return LSC_SUCCESS;
}

/* r = (l2 L + l1) L + c; the coefficients are exact doubles. */
static void
quad_jet (lsc_jet *r, lsc_quad q, const lsc_jet *L, slong prec)
{
  lsc_jet t;
  lsc_jet_init (&t);
  lsc_jet_mul_d (&t, L, q.l2, prec);
  lsc_jet_add_d (&t, &t, q.l1, prec);
  lsc_jet_mul (&t, &t, L, prec);
  lsc_jet_add_d (r, &t, q.c, prec);
  lsc_jet_clear (&t);
}

static void
affine_jet (lsc_jet *r, lsc_affine a, const lsc_jet *L, slong prec)
{
  lsc_jet_mul_d (r, L, a.l, prec);
  lsc_jet_add_d (r, r, a.c, prec);
}

/* Accumulate into H[i][j] += x. */
static void
hadd (lsc_jet *H, size_t np, int i, int j, const lsc_jet *x, slong prec)
{
  lsc_jet_add (&H[(size_t) i * np + (size_t) j], &H[(size_t) i * np + (size_t) j],
               x, prec);
}

static int
add_class (scratch *s, const lsc_cellpair *cp, const lsc_jet *p, int want_L)
{
  size_t n = cp->n, np = s->np;
  slong prec = s->prec;
  lsc_jet *u = s->u, *v = s->v, *wt = s->wt;
  quad_jet (&s->cnt, cp->count, &s->Lsz, prec);
  if (lsc_jet_is_zero (&s->cnt))
    return LSC_SUCCESS;
  int same = cp->type == LSC_CLASS_STUDENTS;
  for (size_t a = 0; a < n; a++)
    {
      affine_jet (&wt[a], cp->wt[a], &s->Lsz, prec);
      if (cp->pu[a] >= 0)
        lsc_jet_set (&u[a], &p[cp->pu[a]]);
      else
        lsc_jet_set_d (&u[a], cp->cu[a]);
      if (cp->pv[a] >= 0)
        lsc_jet_set (&v[a], &p[cp->pv[a]]);
      else
        lsc_jet_set_d (&v[a], cp->cv[a]);
      /* identical cells: one parameter (up to alias) or one constant */
      if (cp->pu[a] >= 0 && cp->pv[a] >= 0)
        same = same && (s->alias ? s->alias[cp->pu[a]] == s->alias[cp->pv[a]]
                                 : cp->pu[a] == cp->pv[a]);
      else
        same = same && cp->pu[a] < 0 && cp->pv[a] < 0
               && cp->cu[a] == cp->cv[a];
    }
  if (cp->type == LSC_CLASS_SELF)
    {
      /* count |u|^2 / 4: gradient count wt u / 2, Hessian count wt / 2 */
      for (size_t a = 0; a < n; a++)
        {
          int i = cp->pu[a];
          lsc_jet_mul (&s->t, &s->cnt, &wt[a], prec);
          lsc_jet_mul_2si (&s->t, &s->t, -1);
          if (s->Hacc && i >= 0)
            hadd (s->Hacc, np, i, i, &s->t, prec);
          lsc_jet_mul (&s->t, &s->t, &u[a], prec);
          if (s->gacc && i >= 0)
            lsc_jet_add (&s->gacc[i], &s->gacc[i], &s->t, prec);
          if (want_L)
            {
              lsc_jet_mul (&s->t, &s->t, &u[a], prec);
              lsc_jet_mul_2si (&s->t, &s->t, -1);
              lsc_jet_add (&s->Lacc, &s->Lacc, &s->t, prec);
            }
        }
      return LSC_SUCCESS;
    }
  int vfree = cp->type == LSC_CLASS_STUDENTS;
  int rc = lsc_bcells_set (&s->c1, u, v, wt, n, same, prec);
  if (rc)
    return rc;
  if (want_L)
    {
      lsc_bcells_kappa (&s->t, &s->c1, prec);
      lsc_jet_addmul (&s->Lacc, &s->cnt, &s->t, prec);
    }
  if (vfree && (s->gacc || s->Hacc)
      && (rc = lsc_bcells_set (&s->c2, v, u, wt, n, same, prec)))
    return rc;
  if (s->gacc)
    for (int side = 0; side <= vfree; side++)
      {
        lsc_bcells *c = side ? &s->c2 : &s->c1;
        const lsc_jet *x = side ? v : u, *y = side ? u : v;
        const int *px = side ? cp->pv : cp->pu;
        lsc_bcells_grad_coef (&s->ca, &s->cb, c, prec);
        for (size_t a = 0; a < n; a++)
          if (px[a] >= 0)
            {
              lsc_jet_mul (&s->t, &s->cb, &y[a], prec);
              lsc_jet_addmul (&s->t, &s->ca, &x[a], prec);
              lsc_jet_mul (&s->t, &s->t, &wt[a], prec);
              lsc_jet_addmul (&s->gacc[px[a]], &s->cnt, &s->t, prec);
            }
      }
  if (s->Hacc)
    {
      lsc_bcells_forms (&s->c1, wt, prec);
      if (vfree)
        lsc_bcells_forms (&s->c2, wt, prec);
      /* h1 and h2 are symmetric in (a, b) (the same formula, the same
         operations): one enclosure serves both entries */
      for (size_t a = 0; a < n; a++)
        for (size_t b = a; b < n; b++)
          {
            int ua = cp->pu[a], ub = cp->pu[b], va = cp->pv[a],
                vb = cp->pv[b];
            if (ua >= 0 && ub >= 0)
              {
                lsc_bcells_h1 (&s->t, &s->c1, wt, a, b, prec);
                lsc_jet_mul (&s->t, &s->t, &s->cnt, prec);
                hadd (s->Hacc, np, ua, ub, &s->t, prec);
                if (b != a)
                  hadd (s->Hacc, np, ub, ua, &s->t, prec);
              }
            if (!vfree)
              continue;
            if ((ua >= 0 && vb >= 0) || (ub >= 0 && va >= 0))
              {
                lsc_bcells_h2 (&s->t, &s->c1, wt, a, b, prec);
                lsc_jet_mul (&s->t, &s->t, &s->cnt, prec);
                if (ua >= 0 && vb >= 0)
                  {
                    hadd (s->Hacc, np, ua, vb, &s->t, prec);
                    hadd (s->Hacc, np, vb, ua, &s->t, prec);
                  }
                if (b != a && ub >= 0 && va >= 0)
                  {
                    hadd (s->Hacc, np, ub, va, &s->t, prec);
                    hadd (s->Hacc, np, va, ub, &s->t, prec);
                  }
              }
            if (va >= 0 && vb >= 0)
              {
                lsc_bcells_h1 (&s->t, &s->c2, wt, a, b, prec);
                lsc_jet_mul (&s->t, &s->t, &s->cnt, prec);
                hadd (s->Hacc, np, va, vb, &s->t, prec);
                if (b != a)
                  hadd (s->Hacc, np, vb, va, &s->t, prec);
              }
          }
    }
  return LSC_SUCCESS;
}

static int
eval_plain (lsc_jet *L, lsc_jet *g, lsc_jet *H, const lsc_jet *p,
            const lsc_young *G, const lsc_jet *d, const int *alias,
            slong prec)
{
  size_t np = lsc_young_nparams (G), ncl = lsc_cells_nclasses (G);
  scratch s;
  int rc = scratch_init (&s, np, g, H, prec);
  if (rc)
    LSC_FAIL ("out of memory", rc);
  s.alias = alias;
  lsc_jet_set (&s.Lsz, d);
  for (size_t c = 0; c < G->ncb; c++)
    if ((int) c != G->pair[0])
      lsc_jet_add_d (&s.Lsz, &s.Lsz, -G->csize[c], prec);
  if (!lsc_jet_positive (&s.Lsz))
    {
      rc = LSC_EDOM;
      goto cleanup;
    }
  for (size_t idx = 0; idx < ncl; idx++)
    {
      lsc_cellpair cp;
      if (lsc_cells_class (&cp, G, idx))
        continue;
      if ((rc = add_class (&s, &cp, p, L != NULL)))
        goto cleanup;
    }
  if (L)
    {
      lsc_quad qa, qb;
      lsc_cells_target_const (&qa, &qb, G);
      quad_jet (&s.t, qb, &s.Lsz, prec);
      lsc_jet_div_arb (&s.t, &s.t, s.c1.pi, prec);
      lsc_jet_add (&s.Lacc, &s.Lacc, &s.t, prec);
      quad_jet (&s.t, qa, &s.Lsz, prec);
      lsc_jet_add (L, &s.Lacc, &s.t, prec);
    }
  /* the exact Hessian is symmetric: the union of the two enclosures'
     intersection is not needed, their mean encloses it as well */
  for (size_t i = 0; H && i < np; i++)
    for (size_t j = i + 1; j < np; j++)
      {
        lsc_jet_add (&s.t, &H[i * np + j], &H[j * np + i], prec);
        lsc_jet_mul_2si (&s.t, &s.t, -1);
        lsc_jet_set (&H[i * np + j], &s.t);
        lsc_jet_set (&H[j * np + i], &s.t);
      }
cleanup:
  scratch_clear (&s);
  return rc;
}

/* Scaled unknowns: p_i = ks[np + i] + q_i d^-ks[i]; the loss of (q, d), its gradient
   S g and Hessian S H S in q (S = diag d^-ks[i]: the chain rule, exact
   since p is linear in q), all as series in the jets' variable. */
int
lsc_restricted_eval_jet (lsc_jet *L, lsc_jet *g, lsc_jet *H, const lsc_jet *p,
                         const lsc_young *G, const lsc_jet *d, const int *ks,
                         const int *alias, slong prec)
{
  if (!ks)
    return eval_plain (L, g, H, p, G, d, alias, prec);
  size_t np = lsc_young_nparams (G);
  lsc_jet pw[LSC_CERT_KMAX + 1];
  for (int k = 0; k <= LSC_CERT_KMAX; k++)
    lsc_jet_init (&pw[k]);
  lsc_jet *pq = lsc_jet_vec_init (np);
  int rc = pq ? LSC_SUCCESS : LSC_ENOMEM;
  lsc_jet_set_d (&pw[0], 1);
  if (!rc)
    lsc_jet_div (&pw[1], &pw[0], d, prec);
  for (int k = 2; k <= LSC_CERT_KMAX; k++)
    lsc_jet_mul (&pw[k], &pw[k - 1], &pw[1], prec);
  for (size_t i = 0; !rc && i < np; i++)
    {
      if (ks[i] < 0 || ks[i] > LSC_CERT_KMAX)
        rc = LSC_EINVAL;
      else
        {
          lsc_jet_mul (&pq[i], &p[i], &pw[ks[i]], prec);
          lsc_jet_add_d (&pq[i], &pq[i], (double) ks[np + i], prec);
        }
    }
  if (!rc)
    rc = eval_plain (L, g, H, pq, G, d, alias, prec);
  for (size_t i = 0; !rc && g && i < np; i++)
    lsc_jet_mul (&g[i], &g[i], &pw[ks[i]], prec);
  for (size_t i = 0; !rc && H && i < np; i++)
    for (size_t j = 0; j < np; j++)
      {
        lsc_jet_mul (&H[i * np + j], &H[i * np + j], &pw[ks[i]], prec);
        lsc_jet_mul (&H[i * np + j], &H[i * np + j], &pw[ks[j]], prec);
      }
  lsc_jet_vec_clear (pq, np);
  for (int k = 0; k <= LSC_CERT_KMAX; k++)
    lsc_jet_clear (&pw[k]);
  return rc;
}
