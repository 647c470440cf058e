/* Existence and uniqueness of a zero of the restricted gradient in a box,
   for every d in a ball, by the Krawczyk operator.  Centered (mean value)
   forms keep the enclosures over a wide ball of d narrow. */
#include <config.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "internal.h"
#include "certify/certify_impl.h"
#include "landscape/lsc_certify.h"

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
reason (lsc_cert_crit *res, const char *msg)
{
  snprintf (res->reason, sizeof res->reason, "%s", msg);
}

/* M = I - C J(X, D) by the centered form of the preconditioned Jacobian:
   C J(x, dm) + sum_k (C dJ/dq_k(X, D)) (Q_k - q_k) over the coordinates
   q = (p, d).  C multiplies each partial derivative before the interval
   step does, so that the structure of C J (near I, and near a multiple of
   I in the d direction) survives; multiplying C into an enclosure of J
   instead would multiply its radii by the Skeel condition number of J. */
static int
precond_jacobian (arb_mat_t M, const arb_mat_t C, arb_srcptr x,
                  const arb_t dm, arb_srcptr X, const arb_t D,
                  const lsc_young *G, const int *ks, slong np, int N,
                  slong prec)
{
  int rc = 0;
  arb_ptr H = _arb_vec_init (np * np), Hd = _arb_vec_init (np * np),
          dir = _arb_vec_init (np);
  arb_mat_t A, CA;
  arb_mat_init (A, np, np);
  arb_mat_init (CA, np, np);
  arb_t step, z;
  arb_init (step);
  arb_init (z);
  int tm = !mag_is_zero (arb_radref (D)) && N >= 1;
  if (tm)
    {
      /* C J(x, D) by the Taylor model in d, C applied to each
         coefficient before the interval sum */
      slong s = N + 1;
      arb_ptr Hc = _arb_vec_init (np * np * s),
              CJc = _arb_vec_init (np * np * s);
      arb_sub (step, D, dm, prec);
      rc = lsc_cert_taylor_coefs (NULL, NULL, Hc, x, dm, D, N, G, ks, NULL,
                                  prec);
      for (slong k = 0; k <= N && !rc; k++)
        {
          for (slong i = 0; i < np * np; i++)
            arb_set (H + i, Hc + i * s + k);
          lsc_cert_vec_to_mat (A, H, (size_t) np);
          arb_mat_mul (CA, C, A, prec);
          for (slong i = 0; i < np; i++)
            for (slong j = 0; j < np; j++)
              arb_set (CJc + (i * np + j) * s + k, arb_mat_entry (CA, i, j));
        }
      for (slong i = 0; i < np && !rc; i++)
        for (slong j = 0; j < np; j++)
          lsc_cert_taylor_sum (arb_mat_entry (M, i, j), CJc + (i * np + j) * s,
                               N, step, prec);
      _arb_vec_clear (Hc, np * np * s);
      _arb_vec_clear (CJc, np * np * s);
    }
  else
    rc = lsc_cert_eval (NULL, NULL, NULL, NULL, H, NULL, x, NULL, G, dm, NULL,
                        ks, NULL, prec);
  if (!rc && !tm)
    {
      lsc_cert_vec_to_mat (A, H, (size_t) np);
      arb_mat_mul (M, C, A, prec);
    }
  for (slong k = 0; k < np + !tm && !rc; k++)
    {
      int isd = k == np;
      if (isd ? mag_is_zero (arb_radref (D)) : mag_is_zero (arb_radref (X + k)))
        continue;
      _arb_vec_zero (dir, np);
      if (!isd)
        arb_one (dir + k);
      arb_set_ui (z, isd);
      rc = lsc_cert_eval (NULL, NULL, NULL, NULL, H, Hd, X, dir, G, D, z, ks,
                          NULL, prec);
      if (rc)
        break;
      lsc_cert_vec_to_mat (A, Hd, (size_t) np);
      arb_mat_mul (CA, C, A, prec);
      if (isd)
        arb_sub (step, D, dm, prec);
      else
        arb_sub (step, X + k, x + k, prec);
      arb_mat_scalar_mul_arb (CA, CA, step, prec);
      arb_mat_add (M, M, CA, prec);
    }
  if (!rc)
    {
      arb_mat_neg (M, M);
      for (slong i = 0; i < np; i++)
        arb_add_ui (arb_mat_entry (M, i, i), arb_mat_entry (M, i, i), 1,
                    prec);
    }
  _arb_vec_clear (H, np * np);
  _arb_vec_clear (Hd, np * np);
  _arb_vec_clear (dir, np);
  arb_mat_clear (A);
  arb_mat_clear (CA);
  arb_clear (step);
  arb_clear (z);
  return rc;
}

/* One Krawczyk test on X = x + [-r, r]: K = x - C g + M (X - x) with
   M = I - C J(X, D) (dv = C g(x, D) given).  Returns 1 if K lies in the
   interior of X, 0 if not (r is then inflated), -1 if J cannot be
   enclosed. */
static int
kraw_step (arb_ptr K, mag_t *r, arb_srcptr x, arb_ptr X, const arb_mat_t dv,
           const arb_mat_t C, arb_mat_t M, arb_mat_t t,
           arb_mat_t mt, arb_t u, const arb_t d, const arb_t dm,
           const lsc_young *G, const int *ks, slong np, int N, slong prec)
{
  for (slong i = 0; i < np; i++)
    {
      arf_set (arb_midref (X + i), arb_midref (x + i));
      mag_set (arb_radref (X + i), r[i]);
    }
  if (precond_jacobian (M, C, x, dm, X, d, G, ks, np, N, prec))
    return -1;
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
  return lsc_cert_critical_k (res, G, NULL, p, d, opt);
}

int
lsc_cert_critical_k (lsc_cert_crit *res, const lsc_young *G, const int *ks,
                     arb_srcptr p, const arb_t d,
                     const lsc_certify_options *opt)
{
  if (!res || !G || !p || !d || !res->box)
    LSC_ERROR ("NULL argument", LSC_EFAULT);
  lsc_certify_options o;
  int rc = lsc_cert_options (&o, G, opt);
  if (rc)
    return rc;
  size_t n = lsc_young_nparams (G);
  if (res->np != n)
    LSC_ERROR ("result sized for another group", LSC_EBADLEN);
  slong np = (slong) n;
  o.taylor = lsc_certify_taylor (&o, arf_get_d (arb_midref (d), ARF_RND_UP)
                                         + mag_get_d (arb_radref (d)));
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
  if (lsc_cert_eval_centered (NULL, g, NULL, x, dm, x, d, G, ks, NULL, NULL, 0,
                              o.taylor, prec)
      || lsc_cert_eval (NULL, NULL, NULL, NULL, H, NULL, x, NULL, G, dm, NULL,
                         ks, NULL, prec))
    {
      reason (res, "the gradient cannot be enclosed at the centre (a norm "
                   "or an angle not proved away from 0)");
      goto done;
    }
  lsc_cert_vec_to_mat (J, H, n);
  if (!arb_mat_approx_inv (C, J, prec))
    {
      reason (res, "the Jacobian at the centre is numerically singular");
      goto done;
    }
  for (slong i = 0; i < np; i++)
    for (slong j = 0; j < np; j++)
      mag_zero (arb_radref (arb_mat_entry (C, i, j)));
  /* the Newton step C g(x, D) = C g(x, dm) + (C g_d(x, D)) (D - dm),
     preconditioned before the interval step (as in precond_jacobian) */
  {
    arb_ptr gd = _arb_vec_init (np), gv = _arb_vec_init (np);
    arb_mat_t u1;
    arb_mat_init (u1, np, 1);
    arb_t one, step;
    arb_init (one);
    arb_init (step);
    arb_one (one);
    if (lsc_cert_eval (NULL, NULL, gv, NULL, NULL, NULL, x, NULL, G, dm, NULL,
                       ks, NULL, prec))
      {
        _arb_vec_clear (gd, np);
        _arb_vec_clear (gv, np);
        arb_mat_clear (u1);
        arb_clear (one);
        arb_clear (step);
        reason (res, "the gradient cannot be enclosed at the centre");
        goto done;
      }
    for (slong i = 0; i < np; i++)
      arb_set (arb_mat_entry (t, i, 0), gv + i);
    arb_mat_mul (dv, C, t, prec);
    if (!mag_is_zero (arb_radref (d)))
      {
        /* C g(x, D) by the Taylor model in d, C applied to each
           coefficient */
        slong s = o.taylor + 1;
        arb_ptr gc = _arb_vec_init (np * s), Cg = _arb_vec_init (np * s);
        arb_sub (step, d, dm, prec);
        if (lsc_cert_taylor_coefs (NULL, gc, NULL, x, dm, d, o.taylor, G,
                                   ks, NULL, prec))
          arb_mat_indeterminate (dv);
        else
          {
            for (slong k = 0; k < s; k++)
              {
                for (slong i = 0; i < np; i++)
                  arb_set (arb_mat_entry (t, i, 0), gc + i * s + k);
                arb_mat_mul (u1, C, t, prec);
                for (slong i = 0; i < np; i++)
                  arb_set (Cg + i * s + k, arb_mat_entry (u1, i, 0));
              }
            for (slong i = 0; i < np; i++)
              lsc_cert_taylor_sum (arb_mat_entry (dv, i, 0), Cg + i * s,
                                   o.taylor, step, prec);
          }
        _arb_vec_clear (gc, np * s);
        _arb_vec_clear (Cg, np * s);
      }
    _arb_vec_clear (gd, np);
    _arb_vec_clear (gv, np);
    arb_mat_clear (u1);
    arb_clear (one);
    arb_clear (step);
  }
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
      int st = kraw_step (K, r, x, X, dv, C, M, t, mt, u, d, dm, G, ks, np,
                          o.taylor, prec);
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
  if (lsc_cert_eval_centered (res->loss, NULL, NULL, x, dm, best, d, G,
                              ks, NULL, NULL, 0, o.taylor, prec))
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
