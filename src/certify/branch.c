/* The isotypic blocks along a proved branch over a ball of d: their
   enclosure by the derivative along the branch, and the inertia of a
   block whose smallest eigenvalue is not separated from 0 over the whole
   ball, proved instead by its last pivot being monotone in d (the
   crossing proofs' argument, here for an interval without a crossing). */
#include <config.h>
#include <string.h>
#include "internal.h"
#include "certify/certify_impl.h"
#include "landscape/lsc_certify.h"

/* The critical point at the point d (radius 0) proved by Krawczyk in a
   box inside box (which holds one zero for every d of its ball, so that
   the two are the same point): the centre by Newton in p from the box's
   midpoint (mapped from and back to the scaled unknowns q with ks).
   Returns 0 when proved and inside. */
static int
point_in_box (lsc_cert_crit *cm, const lsc_young *G, const int *ks,
              arb_srcptr box, const arb_t d, const lsc_certify_options *o,
              slong prec)
{
  slong np = (slong) lsc_young_nparams (G);
  arb_ptr x = _arb_vec_init (np);
  arb_t s;
  arb_init (s);
  int bad = 0;
  for (slong i = 0; i < np; i++)
    arb_set_arf (x + i, arb_midref (box + i));
  for (slong i = 0; ks && i < np; i++)
    {
      arb_pow_ui (s, d, (ulong) ks[i], prec);
      arb_div (x + i, x + i, s, prec);
      arb_add_si (x + i, x + i, ks[np + i], prec);
      mag_zero (arb_radref (x + i));
    }
  bad = lsc_certify_newton (x, G, d, o) != 0;
  for (slong i = 0; !bad && ks && i < np; i++)
    {
      arb_pow_ui (s, d, (ulong) ks[i], prec);
      arb_sub_si (x + i, x + i, ks[np + i], prec);
      arb_mul (x + i, x + i, s, prec);
      mag_zero (arb_radref (x + i));
    }
  if (!bad)
    {
      lsc_cert_critical_k (cm, G, ks, x, d, o);
      bad = !cm->proved;
      for (slong i = 0; !bad && i < np; i++)
        bad = !arb_contains (box + i, cm->box + i);
    }
  arb_clear (s);
  _arb_vec_clear (x, np);
  return bad;
}

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

int
lsc_cert_branch_blocks (arb_mat_t *A, arb_mat_t *Ader, const lsc_young *G,
                        const int *ks, arb_srcptr box, const arb_t d,
                        const lsc_certify_options *o, slong prec)
{
  slong np = (slong) lsc_young_nparams (G);
  arb_ptr xd = _arb_vec_init (np);
  arb_mat_t J, B, Y, Am[4], Ad[4];
  arb_mat_init (J, np, np);
  arb_mat_init (B, np, 1);
  arb_mat_init (Y, np, 1);
  arb_t dm, dd;
  arb_init (dm);
  arb_init (dd);
  arf_set (arb_midref (dm), arb_midref (d));
  arb_sub (dd, d, dm, prec);
  lsc_cert_crit cm;
  lsc_cert_crit_init (&cm, (size_t) np);
  int fail = 1, have = 0;
  if (point_in_box (&cm, G, ks, box, dm, o, prec))
    goto done;
  if (branch_slope (J, B, G, ks, box, dm, d, o->taylor, prec))
    goto done;
  if (!arb_mat_solve_precond (Y, J, B, prec))
    goto done;
  for (slong i = 0; i < np; i++)
    arb_set (xd + i, arb_mat_entry (Y, i, 0));
  int r1 = lsc_cert_blocks (Am, NULL, G, cm.box, NULL, dm, ks, o->taylor,
                            prec);
  int r2 = lsc_cert_blocks (A, Ad, G, box, xd, d, ks, o->taylor, prec);
  have = 1;
  if (r1 || r2)
    goto done;
  for (int c = 0; c < 4; c++)
    {
      if (Ader)
        {
          arb_mat_init (Ader[c], arb_mat_nrows (Ad[c]),
                        arb_mat_ncols (Ad[c]));
          arb_mat_set (Ader[c], Ad[c]);
        }
      arb_mat_scalar_mul_arb (Ad[c], Ad[c], dd, prec);
      arb_mat_add (A[c], Am[c], Ad[c], prec);
    }
  fail = 0;
done:
  if (have)
    {
      lsc_cert_blocks_clear (Am, Ad);
      if (fail)
        lsc_cert_blocks_clear (A, NULL);
    }
  lsc_cert_crit_clear (&cm);
  _arb_vec_clear (xd, np);
  arb_mat_clear (J);
  arb_mat_clear (B);
  arb_mat_clear (Y);
  arb_clear (dm);
  arb_clear (dd);
  return fail;
}

void
lsc_cert_ends_init (lsc_cert_ends *e)
{
  memset (e, 0, sizeof *e);
}

void
lsc_cert_ends_clear (lsc_cert_ends *e)
{
  for (int k = 0; k < 2; k++)
    if (e->have[k] > 0)
      lsc_cert_blocks_clear (e->A[k], NULL);
  memset (e, 0, sizeof *e);
}

/* The four blocks at the end k (0: lower, 1: upper) of the ball d, at the
   critical point proved there inside box; computed once.  Returns 0 when
   they are available. */
static int
end_blocks (lsc_cert_ends *e, int k, const lsc_young *G, const int *ks,
            arb_srcptr box, const arb_t d, const lsc_certify_options *o,
            slong prec)
{
  if (e->have[k])
    return e->have[k] < 0;
  e->have[k] = -1;
  size_t np = lsc_young_nparams (G);
  arb_t pt;
  arf_t t;
  arb_init (pt);
  arf_init (t);
  if (k)
    arb_get_ubound_arf (t, d, prec);
  else
    arb_get_lbound_arf (t, d, prec);
  arb_set_arf (pt, t);
  lsc_cert_crit ce;
  lsc_cert_crit_init (&ce, np);
  if (!point_in_box (&ce, G, ks, box, pt, o, prec))
    {
      if (!lsc_cert_blocks (e->A[k], NULL, G, ce.box, NULL, pt, ks,
                            o->taylor, prec))
        e->have[k] = 1;
      else
        lsc_cert_blocks_clear (e->A[k], NULL);
    }
  lsc_cert_crit_clear (&ce);
  arb_clear (pt);
  arf_clear (t);
  return e->have[k] < 0;
}

int
lsc_cert_monotone_inertia (size_t *nneg, size_t *npos, int c,
                           const arb_mat_t A, const arb_mat_t Ad,
                           lsc_cert_ends *e, const lsc_young *G,
                           const int *ks, arb_srcptr box, const arb_t d,
                           const lsc_certify_options *o, slong prec)
{
  size_t nn[2], pp[2], n0, p0;
  arb_t last, dlast;
  arb_init (last);
  arb_init (dlast);
  /* every pivot but the last decided over d, the last one's derivative
     along the branch excluding 0 */
  int st = lsc_ball_inertia (&n0, &p0, A, Ad, last, dlast, prec);
  int ok = st == 2 && arb_is_finite (dlast) && !arb_contains_zero (dlast);
  if (st == 1)
    {
      *nneg = n0;
      *npos = p0;
    }
  /* the inertias at the two ends, each proved on its own */
  for (int k = 0; k < 2 && ok; k++)
    ok = !end_blocks (e, k, G, ks, box, d, o, prec)
         && lsc_ball_inertia (&nn[k], &pp[k], e->A[k][c], NULL, NULL, NULL,
                              prec) == 1;
  ok = ok && nn[0] == nn[1] && pp[0] == pp[1];
  if (ok && st == 2)
    {
      *nneg = nn[0];
      *npos = pp[0];
    }
  arb_clear (last);
  arb_clear (dlast);
  return ok || st == 1;
}
