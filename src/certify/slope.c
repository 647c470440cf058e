/* The slope p'(d) of a proved branch over a ball of d: its enclosure by
   the implicit function theorem, narrowed along the branch. */
#include <config.h>
#include "internal.h"
#include "certify/certify_impl.h"

/* J = J(X, D) and R = -g_d(X, D) (np x 1) over the box X and the ball D
   by centered forms: J by lsc_cert_eval_centered (Taylor model in d at
   the centre x, partial derivatives over (X, D)); g_d(x, d) for d in D
   by the derivative of g's Taylor model of order N in d (coefficient k
   times k, the last one enclosed over D: g_d's own Lagrange form of
   order N - 1), plus H_d(X, D) (X - x) (d/dp of g_d is d/dd of the
   Hessian).  Direct enclosures over a wide D would add up the huge
   terms of the restricted system instead of their cancelling sums. */
static int
branch_slope (arb_mat_t J, arb_mat_t R, const lsc_young *G, const int *ks,
              arb_srcptr X, const arb_t dm, const arb_t D, int N,
              slong prec)
{
  slong np = (slong) lsc_young_nparams (G), s = N + 1;
  arb_ptr x = _arb_vec_init (np), H = _arb_vec_init (np * np),
          Hd = _arb_vec_init (np * np), gc = _arb_vec_init (np * s),
          dx = _arb_vec_init (np), dir = _arb_vec_init (np);
  arb_t T, t, one;
  arb_init (T);
  arb_init (t);
  arb_init (one);
  arb_one (one);
  for (slong i = 0; i < np; i++)
    {
      arb_set_arf (x + i, arb_midref (X + i));
      arb_sub (dx + i, X + i, x + i, prec);
    }
  arb_sub (T, D, dm, prec);
  int rc = lsc_cert_eval_centered (NULL, NULL, H, x, dm, X, D, G, ks, NULL,
                                   NULL, 0, N, prec);
  if (!rc)
    rc = lsc_cert_taylor_coefs (NULL, gc, NULL, x, dm, D, N, G, ks, NULL,
                                prec);
  if (!rc)
    rc = lsc_cert_eval (NULL, NULL, NULL, NULL, NULL, Hd, X, dir, G, D, one,
                        ks, NULL, prec);
  for (slong i = 0; !rc && i < np; i++)
    {
      arb_ptr r = arb_mat_entry (R, i, 0);
      /* Horner on sum_{k>=1} k c_k T^(k-1) */
      arb_mul_ui (r, gc + i * s + N, (ulong) N, prec);
      for (slong k = N - 1; k >= 1; k--)
        {
          arb_mul (r, r, T, prec);
          arb_mul_ui (t, gc + i * s + k, (ulong) k, prec);
          arb_add (r, r, t, prec);
        }
      for (slong j = 0; j < np; j++)
        {
          arb_addmul (r, Hd + i * np + j, dx + j, prec);
          arb_set (arb_mat_entry (J, i, j), H + i * np + j);
        }
      arb_neg (r, r);
    }
  _arb_vec_clear (x, np);
  _arb_vec_clear (H, np * np);
  _arb_vec_clear (Hd, np * np);
  _arb_vec_clear (gc, np * s);
  _arb_vec_clear (dx, np);
  _arb_vec_clear (dir, np);
  arb_clear (T);
  arb_clear (t);
  arb_clear (one);
  return rc;
}

/* A narrower enclosure Y of p'(d) for every d in D (Y on entry: one,
   from J(X, D) Y = -g_d(X, D)).  For each d, p'(d) solves the linear
   system J(p(d), d) y = -g_d(p(d), d), so with any y0 and C,
     p'(d) = y0 - C r(d) + (I - C J(p(d), d)) (p'(d) - y0),
     r(d) = J y0 + g_d = Dg[v] at (p(d), d), v = (y0, 1)
   (Krawczyk's operator for a linear system).  The centre is the point
   y0 ~ p'(dm) = -J^-1 g_d at the point box xm of dm, C ~ J(xm, dm)^-1.
   Both r and J are enclosed by mean value forms along the branch, C
   applied before the interval step:
     r(d) in r(dm) + (D - dm) (D^2 g[v, v] + DH[(Y, 1)] (Y - y0)),
     C J(p(d), d) in C J(xm, dm) + (D - dm) C DH[(Y, 1)]
   (d/ds of r(p(s), s) is D^2 g[v, (p'(s), 1)], of J(p(s), s) the
   Hessian's derivative DH[(p'(s), 1)], p'(s) in Y; D^2 g[v, v] is twice
   the order-2 coefficient of g's jet along v; all over (X, D)).  The
   solve's enclosure counts the variations of J and g_d over the piece
   separately, where along the branch they cancel up to J p''.  Y <- Y n K
   (both hold every p'(d)), the derivatives re-enclosed with the narrower
   Y.  Y is left as it is when an evaluation fails (returns 0: Y is still
   an enclosure); returns 1 when K and Y are disjoint (no p'(d) in Y: the
   arguments are not a branch and its slope). */
static int
refine_slope (arb_ptr Y, arb_srcptr xm, arb_srcptr X, const arb_t dm,
              const arb_t D, const lsc_young *G, const int *ks, slong prec)
{
  slong np = (slong) lsc_young_nparams (G);
  arb_ptr y0 = _arb_vec_init (np), g = _arb_vec_init (np),
          r0 = _arb_vec_init (np), gd = _arb_vec_init (np),
          rp = _arb_vec_init (np), Cr = _arb_vec_init (np),
          K = _arb_vec_init (np), z = _arb_vec_init (np),
          H0 = _arb_vec_init (np * np), H = _arb_vec_init (np * np),
          Hd = _arb_vec_init (np * np);
  arb_mat_t C, M, A, B;
  arb_mat_init (C, np, np);
  arb_mat_init (M, np, np);
  arb_mat_init (A, np, np);
  arb_mat_init (B, np, np);
  arb_t one, T, t;
  arb_init (one);
  arb_init (T);
  arb_init (t);
  arb_one (one);
  arb_sub (T, D, dm, prec);
  lsc_cert_jets j;
  int have_j = lsc_cert_jets_init (&j, (size_t) np, 1, 0) == 0,
      bad = !have_j, empty = 0;
  /* J and g_d at the point: C, and y0 = -C g_d rounded to a point */
  bad = bad || lsc_cert_eval (NULL, NULL, g, gd, H0, NULL, xm, z, G, dm, one,
                              ks, NULL, prec);
  if (!bad)
    {
      lsc_cert_vec_to_mat (A, H0, (size_t) np);
      for (slong i = 0; i < np; i++)
        for (slong k = 0; k < np; k++)
          arb_set_arf (arb_mat_entry (B, i, k),
                       arb_midref (arb_mat_entry (A, i, k)));
      bad = !arb_mat_approx_inv (C, B, prec);
    }
  for (slong i = 0; !bad && i < np; i++)
    {
      for (slong k = 0; k < np; k++)
        mag_zero (arb_radref (arb_mat_entry (C, i, k)));
      arb_zero (t);
      for (slong k = 0; k < np; k++)
        arb_submul (t, arb_mat_entry (C, i, k), gd + k, prec);
      arb_set_arf (y0 + i, arb_midref (t));
    }
  /* r(dm) = J(xm, dm) y0 + g_d(xm, dm); C J(xm, dm) */
  for (slong i = 0; !bad && i < np; i++)
    {
      arb_set (r0 + i, gd + i);
      for (slong k = 0; k < np; k++)
        arb_addmul (r0 + i, H0 + i * np + k, y0 + k, prec);
    }
  if (!bad)
    arb_mat_mul (A, C, A, prec);
  for (int round = 0; !bad && round < 2; round++)
    {
      /* D^2 g[v, v] by jets of order 2 along v, DH[(Y, 1)]: over (X, D) */
      for (slong i = 0; i < np; i++)
        {
          lsc_jet_set_arb (&j.p[i], X + i, y0 + i);
          j.p[i].n = 3;
          arb_zero (&j.p[i].c[2]);
        }
      lsc_jet_set_arb (&j.d, D, one);
      j.d.n = 3;
      arb_zero (&j.d.c[2]);
      bad = lsc_restricted_eval_jet (NULL, j.g, NULL, j.p, G, &j.d, ks, NULL,
                                     prec) != 0
            || lsc_cert_eval (NULL, NULL, NULL, NULL, H, Hd, X, Y, G, D, one,
                              ks, NULL, prec) != 0;
      for (slong i = 0; !bad && i < np; i++)
        {
          lsc_jet_get_coef (rp + i, &j.g[i], 2);
          arb_mul_2exp_si (rp + i, rp + i, 1);
          for (slong k = 0; k < np; k++)
            {
              arb_sub (t, Y + k, y0 + k, prec);
              arb_addmul (rp + i, Hd + i * np + k, t, prec);
            }
          bad = !arb_is_finite (rp + i);
        }
      if (bad)
        break;
      /* C r(D) = C r(dm) + (D - dm) C r'; M = I - C J(xm, dm)
         - (D - dm) C DH[(Y, 1)] */
      for (slong i = 0; i < np; i++)
        {
          arb_zero (Cr + i);
          arb_zero (t);
          for (slong k = 0; k < np; k++)
            {
              arb_addmul (Cr + i, arb_mat_entry (C, i, k), r0 + k, prec);
              arb_addmul (t, arb_mat_entry (C, i, k), rp + k, prec);
            }
          arb_addmul (Cr + i, t, T, prec);
        }
      lsc_cert_vec_to_mat (B, Hd, (size_t) np);
      arb_mat_mul (M, C, B, prec);
      arb_mat_scalar_mul_arb (M, M, T, prec);
      arb_mat_add (M, M, A, prec);
      arb_mat_neg (M, M);
      for (slong i = 0; i < np; i++)
        arb_add_ui (arb_mat_entry (M, i, i), arb_mat_entry (M, i, i), 1,
                    prec);
      for (int it = 0; !bad && it < 3; it++)
        {
          for (slong i = 0; i < np; i++)
            {
              arb_sub (K + i, y0 + i, Cr + i, prec);
              for (slong k = 0; k < np; k++)
                {
                  arb_sub (t, Y + k, y0 + k, prec);
                  arb_addmul (K + i, arb_mat_entry (M, i, k), t, prec);
                }
            }
          /* every p'(d) lies in Y and in K: their intersection */
          for (slong i = 0; i < np && !bad; i++)
            bad = empty = !arb_intersection (t, Y + i, K + i, prec);
          for (slong i = 0; i < np && !bad; i++)
            arb_intersection (Y + i, Y + i, K + i, prec);
        }
    }
  if (have_j)
    lsc_cert_jets_clear (&j);
  _arb_vec_clear (y0, np);
  _arb_vec_clear (g, np);
  _arb_vec_clear (r0, np);
  _arb_vec_clear (gd, np);
  _arb_vec_clear (rp, np);
  _arb_vec_clear (Cr, np);
  _arb_vec_clear (K, np);
  _arb_vec_clear (z, np);
  _arb_vec_clear (H0, np * np);
  _arb_vec_clear (H, np * np);
  _arb_vec_clear (Hd, np * np);
  arb_mat_clear (C);
  arb_mat_clear (M);
  arb_mat_clear (A);
  arb_mat_clear (B);
  arb_clear (one);
  arb_clear (T);
  arb_clear (t);
  return empty;
}

int
lsc_cert_slope (arb_ptr xd, const lsc_young *G, const int *ks,
                arb_srcptr box, arb_srcptr xm, const arb_t d, int N,
                slong prec)
{
  slong np = (slong) lsc_young_nparams (G);
  arb_mat_t J, B, Y;
  arb_mat_init (J, np, np);
  arb_mat_init (B, np, 1);
  arb_mat_init (Y, np, 1);
  arb_t dm;
  arb_init (dm);
  arf_set (arb_midref (dm), arb_midref (d));
  int fail = branch_slope (J, B, G, ks, box, dm, d, N, prec)
             || !arb_mat_solve_precond (Y, J, B, prec);
  for (slong i = 0; !fail && i < np; i++)
    arb_set (xd + i, arb_mat_entry (Y, i, 0));
  if (!fail)
    fail = refine_slope (xd, xm, box, dm, d, G, ks, prec);
  arb_mat_clear (J);
  arb_mat_clear (B);
  arb_mat_clear (Y);
  arb_clear (dm);
  return fail;
}
