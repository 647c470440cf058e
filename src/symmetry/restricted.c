/* The loss restricted to Fix(G), its gradient and Hessian in the
   parameters, in double, for real block sizes.  landscape(7), SYMMETRY AND ISOTROPY. */
#include <config.h>
#include <math.h>
#include <string.h>
#include "internal.h"
#include "symmetry/cells.h"
#include "landscape/lsc_kernel.h"
#include "landscape/lsc_restricted.h"

#define NP_MAX (2 * LSC_YOUNG_MAX * LSC_YOUNG_MAX)

/* Cell values and weights of class cp at parameters p. */
static void
cell_values (double *u, double *v, double *wt, const lsc_cellpair *cp,
             const double *p, double L)
{
  for (size_t a = 0; a < cp->n; a++)
    {
      wt[a] = lsc_affine_eval (cp->wt[a], L);
      u[a] = cp->pu[a] >= 0 ? p[cp->pu[a]] : cp->cu[a];
      v[a] = cp->pv[a] >= 0 ? p[cp->pv[a]] : cp->cv[a];
    }
}

/* Accumulate count * (class term) into L, g, Hp (each may be NULL). */
static int
add_class (long double *Lacc, long double *gacc, double *Hp, size_t np,
           const lsc_cellpair *cp, const double *p, double L)
{
  double u[LSC_CELLS_MAX], v[LSC_CELLS_MAX], wt[LSC_CELLS_MAX];
  size_t n = cp->n;
  double cnt = lsc_quad_eval (cp->count, L);
  if (cnt == 0)
    return LSC_SUCCESS;
  cell_values (u, v, wt, cp, p, L);

  if (cp->type == LSC_CLASS_SELF)
    {
      /* count * |u|^2 / 4 */
      for (size_t a = 0; a < n; a++)
        {
          if (Lacc)
            *Lacc += (long double) cnt * wt[a] * u[a] * u[a] / 4;
          if (gacc && cp->pu[a] >= 0)
            gacc[cp->pu[a]] += (long double) cnt * wt[a] * u[a] / 2;
          if (Hp && cp->pu[a] >= 0)
            Hp[cp->pu[a] * np + cp->pu[a]] += cnt * wt[a] / 2;
        }
      return LSC_SUCCESS;
    }

  lsc_kernel_geom g;
  int rc = lsc_kernel_geom_init (&g, u, v, wt, n);
  if (rc)
    return rc;
  int vfree = cp->type == LSC_CLASS_STUDENTS;
  if (Lacc)
    *Lacc += (long double) cnt * lsc_kernel_geom_value (&g);

  lsc_kernel_geom g2;
  if (vfree && (gacc || Hp))
    {
      rc = lsc_kernel_geom_init (&g2, v, u, wt, n);
      if (rc)
        return rc;
    }
  if (gacc)
    {
      double gu[LSC_CELLS_MAX], gv[LSC_CELLS_MAX];
      lsc_kernel_grad_w (gu, &g, u, v, n);
      for (size_t a = 0; a < n; a++)
        if (cp->pu[a] >= 0)
          gacc[cp->pu[a]] += (long double) cnt * wt[a] * gu[a];
      if (vfree)
        {
          lsc_kernel_grad_w (gv, &g2, v, u, n);
          for (size_t a = 0; a < n; a++)
            if (cp->pv[a] >= 0)
              gacc[cp->pv[a]] += (long double) cnt * wt[a] * gv[a];
        }
    }
  if (Hp)
    {
      double ea[LSC_CELLS_MAX] = { 0 }, eb[LSC_CELLS_MAX] = { 0 };
      for (size_t a = 0; a < n; a++)
        {
          ea[a] = 1;
          for (size_t b = 0; b < n; b++)
            {
              eb[b] = 1;
              int ua = cp->pu[a], ub = cp->pu[b];
              int va = cp->pv[a], vb = cp->pv[b];
              if (ua >= 0 && ub >= 0)
                Hp[ua * np + ub]
                    += cnt * lsc_kernel_h1_form (&g, u, v, ea, eb, wt, n);
              if (vfree)
                {
                  double huv = cnt * lsc_kernel_h2_form (&g, u, v, ea, eb,
                                                         wt, n);
                  if (ua >= 0 && vb >= 0)
                    {
                      Hp[ua * np + vb] += huv;
                      Hp[vb * np + ua] += huv;
                    }
                  if (va >= 0 && vb >= 0)
                    Hp[va * np + vb] += cnt * lsc_kernel_h1_form (
                                            &g2, v, u, ea, eb, wt, n);
                }
              eb[b] = 0;
            }
          ea[a] = 0;
        }
    }
  return LSC_SUCCESS;
}

/* Shared driver: any of L, g, Hp may be NULL. */
static int
restricted_eval (double *L, double *g, double *Hp, const double *p,
                 const lsc_young *G)
{
  if (!p || !G)
    LSC_ERROR ("NULL argument", LSC_EFAULT);
  int rc = lsc_young_check (G);
  if (rc)
    return rc;
  size_t np = lsc_young_nparams (G);
  if (!lsc_all_finite (p, np))
    LSC_ERROR ("non-finite parameter", LSC_ENONFINITE);
  double Lsz = G->rsize[0];
  long double Lacc = 0, gacc[NP_MAX];
  for (size_t i = 0; i < np; i++)
    gacc[i] = 0;
  if (Hp)
    memset (Hp, 0, np * np * sizeof *Hp);

  size_t ncl = lsc_cells_nclasses (G);
  for (size_t idx = 0; idx < ncl; idx++)
    {
      lsc_cellpair cp;
      if (lsc_cells_class (&cp, G, idx))
        continue;
      rc = add_class (L ? &Lacc : NULL, g ? gacc : NULL, Hp, np, &cp, p, Lsz);
      if (rc)
        LSC_ERROR ("a row of the embedded matrix is zero", rc);
    }
  if (L)
    {
      lsc_quad a, b;
      lsc_cells_target_const (&a, &b, G);
      Lacc += (long double) lsc_quad_eval (a, Lsz)
              + (long double) lsc_quad_eval (b, Lsz) / (long double) LSC_PI;
      *L = (double) Lacc;
    }
  if (g)
    for (size_t i = 0; i < np; i++)
      g[i] = (double) gacc[i];
  if (Hp) /* exact symmetry: the forms are symmetric only to rounding */
    for (size_t i = 0; i < np; i++)
      for (size_t j = i + 1; j < np; j++)
        Hp[i * np + j] = Hp[j * np + i]
            = 0.5 * (Hp[i * np + j] + Hp[j * np + i]);
  /* Terms grow like d^2: block sizes near 1e150 overflow a double. */
  if ((L && !isfinite (*L)) || (g && !lsc_all_finite (g, np))
      || (Hp && !lsc_all_finite (Hp, np * np)))
    LSC_ERROR ("result overflows a double", LSC_ERANGE);
  return LSC_SUCCESS;
}

int
lsc_restricted_loss (double *L, const double *p, const lsc_young *G)
{
  if (!L)
    LSC_ERROR ("NULL argument", LSC_EFAULT);
  return restricted_eval (L, NULL, NULL, p, G);
}

int
lsc_restricted_grad (double *L, double *g, const double *p,
                     const lsc_young *G)
{
  if (!g)
    LSC_ERROR ("NULL argument", LSC_EFAULT);
  return restricted_eval (L, g, NULL, p, G);
}

int
lsc_restricted_hess (double *Hp, const double *p, const lsc_young *G)
{
  if (!Hp)
    LSC_ERROR ("NULL argument", LSC_EFAULT);
  return restricted_eval (NULL, NULL, Hp, p, G);
}
