/* The isotypic blocks along a proved branch over a ball of d: their
   enclosure by the derivative along the branch (carried through the
   congruence to the midpoint's eigenvectors), and the inertia of a
   block whose smallest eigenvalue is not separated from 0 over the whole
   ball, proved instead by its last pivot being monotone in d (the
   crossing proofs' argument, here for an interval without a crossing). */
#include <config.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "internal.h"
#include "certify/certify_impl.h"
#include "landscape/lsc_certify.h"
#include "landscape/lsc_spectrum.h"

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

/* The linear model A(dm) + (d - dm) A'(X, D) carried through an exact
   congruence: B0 = T^T A0 T and B1 = T^T A1 T with T = S Q (S = diag(2^-e)
   scaling mid(A0)'s diagonal to ~1, Q the double eigenvectors of the
   scaled midpoint), then A0 <- B0 + dd B1 and A1 <- B1.  Each entry of
   B0 + dd B1 encloses T^T A(d) T for every d in dm + dd (the mean value
   form entry by entry, then the ball products), and its radius is
   |T^T A1 T| rad(dd): the variation of the matrix in the directions of
   its eigenvectors, where the enclosure A0 + dd A1 summed first has radii
   |T|^T |A1| rad(dd) |T|, about n times wider for dense T.  The inertia
   of B(d) is that of A(d) (Sylvester's law: T is nonsingular whenever B(d)
   is, det B = det(T)^2 det A).  Returns 0, or 1 (A0, A1 untouched) when
   the midpoint has no double eigen decomposition or a diagonal entry of
   B contains 0. */
static int
congruent_model (arb_mat_t A0, arb_mat_t A1, const arb_t dd, slong prec)
{
  slong n = arb_mat_nrows (A0);
  if (n == 0)
    return 0;
  double *M = malloc ((size_t) (n * n) * sizeof *M),
         *Q = malloc ((size_t) (n * n) * sizeof *Q),
         *ev = malloc ((size_t) n * sizeof *ev);
  int *sc = malloc ((size_t) n * sizeof *sc);
  lsc_eigen_workspace *ws = lsc_eigen_workspace_alloc ((size_t) n, 1);
  int bad = !M || !Q || !ev || !sc || !ws;
  for (slong i = 0; !bad && i < n; i++)
    {
      double a = fabs (arf_get_d (arb_midref (arb_mat_entry (A0, i, i)),
                                  ARF_RND_NEAR));
      sc[i] = 0;
      if (a > 0 && isfinite (a))
        frexp (sqrt (a), &sc[i]);
    }
  for (slong i = 0; !bad && i < n; i++)
    for (slong j = 0; j <= i; j++)
      {
        double a = ldexp (arf_get_d (arb_midref (arb_mat_entry (A0, i, j)),
                                     ARF_RND_NEAR), -(sc[i] + sc[j])),
               b = ldexp (arf_get_d (arb_midref (arb_mat_entry (A0, j, i)),
                                     ARF_RND_NEAR), -(sc[i] + sc[j]));
        M[i * n + j] = M[j * n + i] = 0.5 * (a + b);
        bad |= !isfinite (M[i * n + j]);
      }
  bad = bad || lsc_eigen_symm (ev, Q, M, (size_t) n, ws);
  if (!bad)
    {
      arb_mat_t T, Tt, W, B;
      arb_mat_init (T, n, n);
      arb_mat_init (Tt, n, n);
      arb_mat_init (W, n, n);
      arb_mat_init (B, n, n);
      for (slong i = 0; i < n; i++)
        for (slong a = 0; a < n; a++)
          {
            arb_set_d (arb_mat_entry (T, i, a), Q[i * n + a]);
            arb_mul_2exp_si (arb_mat_entry (T, i, a), arb_mat_entry (T, i, a),
                             -sc[i]);
          }
      arb_mat_t B1;
      arb_mat_init (B1, n, n);
      arb_mat_transpose (Tt, T);
      arb_mat_mul (W, A1, T, prec);
      arb_mat_mul (B1, Tt, W, prec);
      arb_mat_mul (W, A0, T, prec);
      arb_mat_mul (B, Tt, W, prec);
      arb_mat_scalar_mul_arb (W, B1, dd, prec);
      arb_mat_add (B, B, W, prec);
      /* only when every eigen-direction is decided on the diagonal: near
         a crossing the one nearest 0 is left to the monotone route of
         lsc_cert_monotone_inertia, which finds it in A (lsc_ball_inertia
         orders the directions of the scaled A by |eigenvalue|, and the
         diagonal of B would hide it) */
      for (slong i = 0; i < n && !bad; i++)
        bad = arb_contains_zero (arb_mat_entry (B, i, i));
      if (!bad)
        {
          arb_mat_swap (A0, B);
          arb_mat_swap (A1, B1);
        }
      arb_mat_clear (B1);
      arb_mat_clear (T);
      arb_mat_clear (Tt);
      arb_mat_clear (W);
      arb_mat_clear (B);
    }
  free (M);
  free (Q);
  free (ev);
  free (sc);
  lsc_eigen_workspace_free (ws);
  return bad;
}

int
lsc_cert_branch_blocks (arb_mat_t *A, arb_mat_t *Ader, const lsc_young *G,
                        const int *ks, arb_srcptr box, const arb_t d,
                        const lsc_certify_options *o, slong prec)
{
  slong np = (slong) lsc_young_nparams (G);
  arb_ptr xd = _arb_vec_init (np);
  arb_mat_t Am[4], Ad[4];
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
  if (lsc_cert_slope (xd, G, ks, box, cm.box, d, o->taylor, prec))
    goto done;
  int r1 = lsc_cert_blocks (Am, NULL, G, cm.box, NULL, dm, ks, o->taylor,
                            prec);
  int r2 = lsc_cert_blocks (A, Ad, G, box, xd, d, ks, o->taylor, prec);
  have = 1;
  if (r1 || r2)
    goto done;
  /* the congruent model only without structural flat directions, whose
     deflation (lsc_cert_deflate) acts on the coordinates of A */
  size_t nz[4];
  arb_mat_t S[4];
  for (int c = 0; c < 4; c++)
    {
      arb_mat_init (S[c], arb_mat_nrows (Am[c]), arb_mat_ncols (Am[c]));
      arb_mat_set (S[c], Am[c]);
    }
  int plain = lsc_cert_deflate (S, nz, G, box, d, ks, prec)
              || nz[0] || nz[1] || nz[2] || nz[3];
  lsc_cert_blocks_clear (S, NULL);
  for (int c = 0; c < 4; c++)
    {
      int cong = !plain && !congruent_model (Am[c], Ad[c], dd, prec);
      if (Ader)
        {
          arb_mat_init (Ader[c], arb_mat_nrows (Ad[c]),
                        arb_mat_ncols (Ad[c]));
          arb_mat_set (Ader[c], Ad[c]);
        }
      if (cong)
        arb_mat_set (A[c], Am[c]);
      else
        {
          arb_mat_scalar_mul_arb (Ad[c], Ad[c], dd, prec);
          arb_mat_add (A[c], Am[c], Ad[c], prec);
        }
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
