/* Existence and uniqueness of a zero of the restricted gradient in a box,
   for every d in a ball, by the Krawczyk operator; Newton on midpoints to
   find the box's centre.  Centered (mean value) forms keep the enclosures
   over a wide ball of d narrow. */
#include <config.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "internal.h"
#include "certify/certify_impl.h"
#include "landscape/lsc_certify.h"

/* One jet pass at (X, D) in the exact direction e_k (k < np) or the d
   direction (k == np), accumulating f' (Xk - xk) into the sums. */
static int
partial_pass (arb_t Ls, arb_ptr gs, arb_ptr Hs, lsc_jet *pj, lsc_jet *gj,
              lsc_jet *Hj, lsc_jet *dj, lsc_jet *Lj, arb_srcptr x,
              const arb_t dm, arb_srcptr X, const arb_t D, size_t k,
              const lsc_young *G, slong prec)
{
  size_t np = lsc_young_nparams (G);
  arb_t step;
  arb_init (step);
  for (size_t i = 0; i < np; i++)
    {
      arb_set (&pj[i].v, X + i);
      if (i == k)
        arb_one (&pj[i].e);
      else
        arb_zero (&pj[i].e);
    }
  arb_set (&dj->v, D);
  if (k == np)
    {
      arb_one (&dj->e);
      arb_sub (step, D, dm, prec);
    }
  else
    {
      arb_zero (&dj->e);
      arb_sub (step, X + k, x + k, prec);
    }
  int rc = lsc_restricted_eval_jet (Ls ? Lj : NULL, gj, Hj, pj, G, dj, prec);
  if (!rc)
    {
      if (Ls)
        arb_addmul (Ls, &Lj->e, step, prec);
      for (size_t i = 0; gs && i < np; i++)
        arb_addmul (gs + i, &gj[i].e, step, prec);
      for (size_t i = 0; Hs && i < np * np; i++)
        arb_addmul (Hs + i, &Hj[i].e, step, prec);
    }
  arb_clear (step);
  return rc;
}

/* Centered form with one exact direction per coordinate: the partial
   derivatives are enclosed over the box with their signs, so that they
   cancel as in the exact mean value theorem (one jet pass with the whole
   box as direction would add the absolute values of every intermediate
   term instead). */
int
lsc_cert_eval_centered (arb_t L, arb_ptr g, arb_ptr H, arb_srcptr x,
                        const arb_t dm, arb_srcptr X, const arb_t D,
                        const lsc_young *G, slong prec)
{
  size_t np = lsc_young_nparams (G);
  int rc = LSC_SUCCESS;
  lsc_jet *pj = lsc_jet_vec_init (np), *gj = g ? lsc_jet_vec_init (np) : NULL;
  lsc_jet *Hj = H ? lsc_jet_vec_init (np * np) : NULL;
  lsc_jet dj, Lj;
  lsc_jet_init (&dj);
  lsc_jet_init (&Lj);
  arb_t Ls;
  arb_init (Ls);
  arb_ptr gs = g ? _arb_vec_init ((slong) np) : NULL,
          Hs = H ? _arb_vec_init ((slong) (np * np)) : NULL;
  for (size_t k = 0; k <= np && !rc; k++)
    {
      if (k < np ? mag_is_zero (arb_radref (X + k))
                     && arf_equal (arb_midref (X + k), arb_midref (x + k))
                 : mag_is_zero (arb_radref (D))
                     && arf_equal (arb_midref (D), arb_midref (dm)))
        continue;
      rc = partial_pass (L ? Ls : NULL, gs, Hs, pj, gj, Hj, &dj, &Lj, x, dm,
                         X, D, k, G, prec);
    }
  if (!rc)
    {
      /* the centre */
      for (size_t i = 0; i < np; i++)
        lsc_jet_set_arb (&pj[i], x + i, NULL);
      lsc_jet_set_arb (&dj, dm, NULL);
      rc = lsc_restricted_eval_jet (L ? &Lj : NULL, gj, Hj, pj, G, &dj, prec);
    }
  if (!rc)
    {
      if (L)
        arb_add (L, &Lj.v, Ls, prec);
      for (size_t i = 0; g && i < np; i++)
        arb_add (g + i, &gj[i].v, gs + i, prec);
      for (size_t i = 0; H && i < np * np; i++)
        arb_add (H + i, &Hj[i].v, Hs + i, prec);
    }
  lsc_jet_vec_clear (pj, np);
  lsc_jet_vec_clear (gj, np);
  lsc_jet_vec_clear (Hj, np * np);
  lsc_jet_clear (&dj);
  lsc_jet_clear (&Lj);
  arb_clear (Ls);
  if (gs)
    _arb_vec_clear (gs, (slong) np);
  if (Hs)
    _arb_vec_clear (Hs, (slong) (np * np));
  return rc;
}

int
lsc_cert_crit_init (lsc_cert_crit *c, size_t np)
{
  memset (c, 0, sizeof *c);
  c->np = np;
  c->box = _arb_vec_init ((slong) (np ? np : 1));
  arb_init (c->loss);
  return c->box ? LSC_SUCCESS : LSC_ENOMEM;
}

void
lsc_cert_crit_clear (lsc_cert_crit *c)
{
  if (c->box)
    _arb_vec_clear (c->box, (slong) (c->np ? c->np : 1));
  c->box = NULL;
  arb_clear (c->loss);
}

static void
vec_to_mat (arb_mat_t M, arb_srcptr a, size_t n)
{
  for (size_t i = 0; i < n; i++)
    for (size_t j = 0; j < n; j++)
      arb_set (arb_mat_entry (M, i, j), a + i * n + j);
}

int
lsc_certify_newton (arb_ptr p, const lsc_young *G, const arb_t d,
                    const lsc_certify_options *opt)
{
  if (!p || !G || !d)
    LSC_ERROR ("NULL argument", LSC_EFAULT);
  int rc = lsc_young_check (G);
  if (rc)
    return rc;
  lsc_certify_options o;
  if (!opt)
    lsc_certify_options_init (&o);
  else
    o = *opt;
  slong np = (slong) lsc_young_nparams (G);
  slong prec = lsc_certify_prec (&o, arf_get_d (arb_midref (d), ARF_RND_NEAR));
  arb_ptr g = _arb_vec_init (np), H = _arb_vec_init (np * np);
  arb_mat_t J, X, B;
  arb_mat_init (J, np, np);
  arb_mat_init (X, np, 1);
  arb_mat_init (B, np, 1);
  arb_t dm;
  arb_init (dm);
  arf_set (arb_midref (dm), arb_midref (d));
  double prev = HUGE_VAL;
  rc = LSC_ENOCONV;
  for (unsigned it = 0; it < o.newton_iter; it++)
    {
      for (slong i = 0; i < np; i++)
        mag_zero (arb_radref (p + i));
      int e = lsc_cert_eval (NULL, NULL, g, NULL, H, NULL, p, NULL, G, dm,
                             NULL, prec);
      if (e)
        {
          rc = e;
          break;
        }
      vec_to_mat (J, H, (size_t) np);
      for (slong i = 0; i < np; i++)
        arb_set (arb_mat_entry (B, i, 0), g + i);
      if (!arb_mat_approx_solve (X, J, B, prec))
        {
          rc = LSC_ESING;
          break;
        }
      /* relative step size */
      double step = 0;
      for (slong i = 0; i < np; i++)
        {
          arb_sub (p + i, p + i, arb_mat_entry (X, i, 0), prec);
          mag_zero (arb_radref (p + i));
          double a = fabs (arf_get_d (arb_midref (arb_mat_entry (X, i, 0)),
                                      ARF_RND_UP));
          double s = fmax (fabs (arf_get_d (arb_midref (p + i), ARF_RND_UP)),
                           1e-3);
          step = fmax (step, a / s);
        }
      if (step <= ldexp (1.0, (int) -(prec - 24)) || step == 0)
        {
          rc = LSC_SUCCESS;
          break;
        }
      if (step < 1e-30 && step >= 0.5 * prev) /* stagnation at rounding */
        {
          rc = LSC_SUCCESS;
          break;
        }
      prev = step;
    }
  _arb_vec_clear (g, np);
  _arb_vec_clear (H, np * np);
  arb_mat_clear (J);
  arb_mat_clear (X);
  arb_mat_clear (B);
  arb_clear (dm);
  return rc;
}

static void
reason (lsc_cert_crit *res, const char *msg)
{
  snprintf (res->reason, sizeof res->reason, "%s", msg);
}

/* One Krawczyk test on X = x + [-r, r]: K = x - C g + M (X - x) with
   M = I - C J(X, D) (dv = C g(x, D) given).  Returns 1 if K lies in the
   interior of X, 0 if not (r is then inflated), -1 if J cannot be
   enclosed. */
static int
kraw_step (arb_ptr K, mag_t *r, arb_srcptr x, arb_ptr X, const arb_mat_t dv,
           const arb_mat_t C, arb_mat_t M, arb_mat_t J, arb_mat_t t,
           arb_mat_t mt, arb_t u, const arb_t d, const arb_t dm,
           const lsc_young *G, slong np, slong prec)
{
  arb_ptr H = _arb_vec_init (np * np);
  for (slong i = 0; i < np; i++)
    {
      arf_set (arb_midref (X + i), arb_midref (x + i));
      mag_set (arb_radref (X + i), r[i]);
    }
  int rc = lsc_cert_eval_centered (NULL, NULL, H, x, dm, X, d, G, prec);
  if (rc)
    {
      _arb_vec_clear (H, np * np);
      return -1;
    }
  vec_to_mat (J, H, (size_t) np);
  _arb_vec_clear (H, np * np);
  arb_mat_mul (M, C, J, prec);
  arb_mat_neg (M, M);
  for (slong i = 0; i < np; i++)
    arb_add_ui (arb_mat_entry (M, i, i), arb_mat_entry (M, i, i), 1, prec);
  for (slong i = 0; i < np; i++)
    arb_sub (arb_mat_entry (t, i, 0), X + i, x + i, prec);
  arb_mat_mul (mt, M, t, prec);
  int inside = 1;
  mag_t ub;
  mag_init (ub);
  for (slong i = 0; i < np; i++)
    {
      arb_sub (u, arb_mat_entry (mt, i, 0), arb_mat_entry (dv, i, 0), prec);
      arb_add (K + i, x + i, u, prec);
      arb_get_mag (ub, u);
      if (!arb_is_finite (u) || mag_cmp (ub, r[i]) >= 0)
        {
          inside = 0;
          if (mag_is_finite (ub) && mag_cmp (ub, r[i]) > 0)
            mag_mul_ui (r[i], ub, 2);
          else
            mag_mul_ui (r[i], r[i], 2);
        }
    }
  mag_clear (ub);
  return inside;
}

int
lsc_certify_critical (lsc_cert_crit *res, const lsc_young *G, arb_srcptr p,
                      const arb_t d, const lsc_certify_options *opt)
{
  if (!res || !G || !p || !d || !res->box)
    LSC_ERROR ("NULL argument", LSC_EFAULT);
  int rc = lsc_young_check (G);
  if (rc)
    return rc;
  size_t n = lsc_young_nparams (G);
  if (res->np != n)
    LSC_ERROR ("result sized for another group", LSC_EBADLEN);
  lsc_certify_options o;
  if (!opt)
    lsc_certify_options_init (&o);
  else
    o = *opt;
  slong np = (slong) n;
  slong prec = lsc_certify_prec (&o, arf_get_d (arb_midref (d), ARF_RND_UP)
                                         + mag_get_d (arb_radref (d)));
  res->proved = 0;
  res->radius = 0;
  reason (res, "");
  arb_ptr x = _arb_vec_init (np), g = _arb_vec_init (np),
          H = _arb_vec_init (np * np), X = _arb_vec_init (np),
          K = _arb_vec_init (np), best = _arb_vec_init (np);
  arb_mat_t J, C, M, dv, t, mt;
  arb_mat_init (J, np, np);
  arb_mat_init (mt, np, 1);
  arb_mat_init (C, np, np);
  arb_mat_init (M, np, np);
  arb_mat_init (dv, np, 1);
  arb_mat_init (t, np, 1);
  arb_t dm, u;
  arb_init (dm);
  arb_init (u);
  mag_t *r = flint_malloc ((size_t) np * sizeof (mag_t));
  for (slong i = 0; i < np; i++)
    mag_init (r[i]);
  arf_set (arb_midref (dm), arb_midref (d));
  for (slong i = 0; i < np; i++)
    arf_set (arb_midref (x + i), arb_midref (p + i));
  /* g(x, D) centered in d, and the preconditioner C ~ J(x, dm)^{-1} */
  if (lsc_cert_eval_centered (NULL, g, NULL, x, dm, x, d, G, prec)
      || lsc_cert_eval (NULL, NULL, NULL, NULL, H, NULL, x, NULL, G, dm, NULL,
                         prec))
    {
      reason (res, "the gradient cannot be enclosed at the centre (a norm "
                   "or an angle not proved away from 0)");
      goto done;
    }
  vec_to_mat (J, H, n);
  if (!arb_mat_approx_inv (C, J, prec))
    {
      reason (res, "the Jacobian at the centre is numerically singular");
      goto done;
    }
  for (slong i = 0; i < np; i++)
    for (slong j = 0; j < np; j++)
      mag_zero (arb_radref (arb_mat_entry (C, i, j)));
  for (slong i = 0; i < np; i++)
    arb_set (arb_mat_entry (t, i, 0), g + i);
  arb_mat_mul (dv, C, t, prec); /* the Newton step C g(x, D) */
  for (slong i = 0; i < np; i++)
    {
      /* initial radius: a multiple of the step, not below the rounding
         level of the centre */
      mag_t m;
      mag_init (m);
      arb_get_mag (m, arb_mat_entry (dv, i, 0));
      mag_mul_ui (r[i], m, 2);
      arb_get_mag (m, x + i);
      mag_mul_2exp_si (m, m, -(prec - 64));
      mag_max (r[i], r[i], m);
      mag_set_d (m, ldexp (1.0, (int) -(prec - 32)));
      mag_max (r[i], r[i], m);
      mag_clear (m);
    }
  /* epsilon inflation until K(X) lies inside X; then two contraction
     steps X <- hull(K(X)) (a zero in X lies in K(X)) */
  int contract = 0;
  for (unsigned att = 0; att <= o.inflate + (unsigned) contract; att++)
    {
      int st = kraw_step (K, r, x, X, dv, C, M, J, t, mt, u, d, dm, G, np,
                          prec);
      if (st < 0)
        {
          reason (res, "the Jacobian cannot be enclosed over the box (a "
                       "norm or an angle not proved away from 0)");
          break;
        }
      if (st == 1)
        {
          _arb_vec_set (best, K, np);
          res->proved = 1;
          if (++contract > 2)
            break;
          for (slong i = 0; i < np; i++)
            {
              arb_sub (u, K + i, x + i, prec);
              arb_get_mag (r[i], u);
            }
        }
      else if (res->proved)
        break;
    }
  if (!res->proved)
    {
      if (!res->reason[0])
        reason (res, "Krawczyk: K(X) not inside X after epsilon inflation "
                     "(no zero near the centre, a singular Jacobian, or a "
                     "ball of d too wide)");
      goto done;
    }
  /* the box K(X) (every zero in X lies in K(X)) and the loss over it */
  for (slong i = 0; i < np; i++)
    {
      arb_set (res->box + i, best + i);
      res->radius = fmax (res->radius, mag_get_d (arb_radref (best + i)));
    }
  if (lsc_cert_eval_centered (res->loss, NULL, NULL, x, dm, best, d, G, prec))
    arb_indeterminate (res->loss);
done:
  _arb_vec_clear (x, np);
  _arb_vec_clear (g, np);
  _arb_vec_clear (H, np * np);
  _arb_vec_clear (X, np);
  _arb_vec_clear (K, np);
  _arb_vec_clear (best, np);
  arb_mat_clear (J);
  arb_mat_clear (C);
  arb_mat_clear (M);
  arb_mat_clear (dv);
  arb_mat_clear (t);
  arb_mat_clear (mt);
  arb_clear (dm);
  arb_clear (u);
  for (slong i = 0; i < np; i++)
    mag_clear (r[i]);
  flint_free (r);
  return LSC_SUCCESS;
}
