/* A proved crossing dimension d*: an interval D of width about
   dstar_width in which exactly one d makes an isotypic block of the
   Hessian singular, along the branch proved unique by Krawczyk over D. */
#include <config.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include "internal.h"
#include "certify/certify_impl.h"
#include "landscape/lsc_certify.h"
#include "landscape/lsc_isotypic.h"

void
lsc_cert_dstar_init (lsc_cert_dstar *c)
{
  memset (c, 0, sizeof *c);
  arb_init (c->dstar);
}

void
lsc_cert_dstar_clear (lsc_cert_dstar *c)
{
  arb_clear (c->dstar);
  lsc_cert_point_clear (&c->below);
  lsc_cert_point_clear (&c->above);
}

static void
why (lsc_cert_dstar *r, const char *msg)
{
  snprintf (r->reason, sizeof r->reason, "%s", msg);
}

/* Smallest |eigenvalue| of the scaled midpoint of each block (by the
   inertia routine's last pivot: the Schur complement of the direction
   nearest to 0), at the point x and d. */
static int
sigma_at (arb_t sig, int c, int r, int stab, arb_srcptr x, const lsc_young *G,
          const arb_t d, slong prec)
{
  arb_mat_t A[4];
  size_t nn, npp;
  /* d is a point here: the Taylor order does not matter */
  int rc = lsc_cert_blocks_sym (A, NULL, G, x, NULL, d, NULL, 4, r, stab,
                                prec);
  if (!rc && !lsc_ball_inertia (&nn, &npp, A[c], A[c], sig, NULL, prec))
    rc = LSC_EFAILED;
  lsc_cert_blocks_clear (A, NULL);
  return rc;
}

/* |sigma| of block c compressed by the small block r's group (stab), or
   HUGE_VAL when it cannot be evaluated. */
static double
small_sigma (int c, int r, int stab, arb_srcptr x, const lsc_young *G,
             const arb_t d, slong prec)
{
  arb_t s;
  arb_init (s);
  double v = sigma_at (s, c, r, stab, x, G, d, prec)
             ? HUGE_VAL : fabs (arf_get_d (arb_midref (s), ARF_RND_NEAR));
  arb_clear (s);
  return v;
}

int
lsc_cert_block_fun (arb_mat_t A, arb_mat_t Ad, const arb_t d, void *arg)
{
  lsc_cert_dctx *x = arg;
  slong np = (slong) lsc_young_nparams (x->G), prec = x->prec;
  int bad = 1;
  arb_mat_t B[4], Bd[4];
  arb_ptr p = _arb_vec_init (np), xd = _arb_vec_init (np);
  lsc_cert_crit ce;
  lsc_cert_crit_init (&ce, (size_t) np);
  if (!Ad)
    {
      /* at (a ball around) one d: a much smaller Krawczyk box, inside the
         box over D, so that it holds the same critical point */
      for (slong i = 0; i < np; i++)
        arb_set_arf (p + i, arb_midref (x->box + i));
      arb_t dm;
      arb_init (dm);
      arb_set_arf (dm, arb_midref (d));
      lsc_certify_newton (p, x->G, dm, x->o);
      arb_clear (dm);
      lsc_certify_critical (&ce, x->G, p, d, x->o);
      int inside = ce.proved;
      for (slong i = 0; inside && i < np; i++)
        inside = arb_contains (x->box + i, ce.box + i);
      if (inside)
        {
          bad = lsc_cert_blocks_sym (B, NULL, x->G, ce.box, NULL, d, NULL,
                                     x->o->taylor, x->r, x->stab, prec);
          if (!bad)
            arb_mat_set (A, B[x->c]);
          lsc_cert_blocks_clear (B, NULL);
        }
    }
  else
    {
      /* over D: p'(d) enclosed along the branch (lsc_cert_slope, from
         the point proved at D's midpoint inside the box), then jets
         along (p', 1) */
      arb_t dm;
      arb_init (dm);
      arb_set_arf (dm, arb_midref (d));
      for (slong i = 0; i < np; i++)
        arb_set_arf (p + i, arb_midref (x->box + i));
      lsc_certify_newton (p, x->G, dm, x->o);
      lsc_certify_critical (&ce, x->G, p, dm, x->o);
      int inside = ce.proved;
      for (slong i = 0; inside && i < np; i++)
        inside = arb_contains (x->box + i, ce.box + i);
      if (inside && !lsc_cert_slope (xd, x->G, NULL, x->box, ce.box, d,
                                     x->o->taylor, prec))
        {
          bad = lsc_cert_blocks_sym (B, Bd, x->G, x->box, xd, d, NULL,
                                     x->o->taylor, x->r, x->stab, prec);
          if (!bad)
            {
              arb_mat_set (A, B[x->c]);
              arb_mat_set (Ad, Bd[x->c]);
            }
          lsc_cert_blocks_clear (B, Bd);
        }
      arb_clear (dm);
    }
  lsc_cert_crit_clear (&ce);
  _arb_vec_clear (p, np);
  _arb_vec_clear (xd, np);
  return bad;
}

int
lsc_certify_dstar (lsc_cert_dstar *res, const lsc_young *G, const double *p,
                   double dp, const char *d0, const lsc_certify_options *opt)
{
  if (!res || !G || !p || !d0)
    LSC_ERROR ("NULL argument", LSC_EFAULT);
  lsc_certify_options o;
  int rc = lsc_cert_options (&o, G, opt);
  if (rc)
    return rc;
  o.taylor = lsc_certify_taylor (&o, dp);
  double t0 = lsc_cert_wall ();
  res->proved = 0;
  res->irrep = -1;
  res->small_block = -1;
  res->multiplicity = 0;
  why (res, "");
  slong np = (slong) lsc_young_nparams (G);
  arb_t da, db, sa, sb, dn, t, D, sig, dsig;
  arb_init (da); arb_init (db); arb_init (sa); arb_init (sb);
  arb_init (dn); arb_init (t); arb_init (D); arb_init (sig); arb_init (dsig);
  arb_ptr x = _arb_vec_init (np), xa = _arb_vec_init (np),
          xd = _arb_vec_init (np);
  lsc_cert_crit cr;
  lsc_cert_crit_init (&cr, (size_t) np);
  double d0d = strtod (d0, NULL);
  slong prec = lsc_certify_prec (&o, d0d) + 64;
  o.prec = prec;
  if (!(d0d > 0) || !isfinite (d0d)
      || arb_set_str (da, d0, prec))
    {
      why (res, "the approximate d* is not a positive number");
      goto done;
    }
  /* the branch at d0 */
  for (slong i = 0; i < np; i++)
    arb_set_d (x + i, p[i]);
  if (lsc_cert_track (x, G, dp, d0d, 0.05, &o)
      || lsc_certify_newton (x, G, da, &o))
    {
      why (res, "the branch could not be followed to the approximate d*");
      goto done;
    }
  /* the crossing block: the first of t, t+s, s+x, t+s+y whose last pivot
     is small (the finer blocks contain the coarser eigenvalues) */
  {
    double best = HUGE_VAL;
    arb_mat_t A0[4];
    size_t nn, npp;
    if (lsc_cert_blocks (A0, NULL, G, x, NULL, da, NULL, o.taylor, prec))
      {
        lsc_cert_blocks_clear (A0, NULL);
        why (res, "the Hessian blocks cannot be enclosed at d0");
        goto done;
      }
    for (int c = 0; c < 4; c++)
      {
        lsc_ball_inertia (&nn, &npp, A0[c], A0[c], sig, NULL, prec);
        double v = fabs (arf_get_d (arb_midref (sig), ARF_RND_NEAR));
        if (v < 1e-12 && v < best && res->irrep < 0)
          {
            best = v;
            res->irrep = c == 0 ? LSC_IRREP_T : c == 1 ? LSC_IRREP_S
                         : c == 2 ? LSC_IRREP_X : LSC_IRREP_Y;
          }
      }
    lsc_cert_blocks_clear (A0, NULL);
    if (res->irrep < 0)
      {
        why (res, "no block has an eigenvalue within 1e-12 of 0 at the "
                  "approximate d* (not a crossing, or d0 too far from it)");
        goto done;
      }
  }
  int c = res->irrep == LSC_IRREP_T ? 0 : res->irrep == LSC_IRREP_S ? 1
          : res->irrep == LSC_IRREP_X ? 2 : 3;
  /* a crossing in the standard representation of a small block's S_p:
     the block's eigenvalue has multiplicity p - 1, simple in the
     compression onto the vectors fixed by S_{p-1}, absent from the
     trivial component's */
  int r = 0, stab = LSC_CERT_SYM_NONE;
  res->multiplicity = 1;
  for (int b = 1; b < (int) G->nrb && !stab; b++)
    {
      if (!lsc_cert_small_size (G, b))
        continue;
      double st = small_sigma (c, b, LSC_CERT_SYM_STD, x, G, da, prec),
             tr = small_sigma (c, b, LSC_CERT_SYM_TRIV, x, G, da, prec);
      if (st < 1e-12 && tr >= 1e-12)
        {
          r = b;
          stab = LSC_CERT_SYM_STD;
          res->small_block = b;
          res->multiplicity = (size_t) lsc_cert_small_size (G, b) - 1;
        }
    }
  /* secant on sigma(d) on midpoints */
  arb_set (db, da);
  arb_mul_2exp_si (t, da, -40);
  arb_add (db, db, t, prec);
  _arb_vec_set (xa, x, np);
  if (sigma_at (sa, c, r, stab, x, G, da, prec))
    {
      why (res, "sigma cannot be evaluated");
      goto done;
    }
  int conv = 0;
  for (int it = 0; it < 60 && !conv; it++)
    {
      arb_ptr xb = xd; /* scratch for the point at db */
      _arb_vec_set (xb, xa, np);
      if (lsc_certify_newton (xb, G, db, &o) || sigma_at (sb, c, r, stab, xb, G, db, prec))
        {
          why (res, "the secant iteration left the branch");
          goto done;
        }
      /* dn = db - sb (db - da) / (sb - sa) on midpoints */
      arb_sub (t, sb, sa, prec);
      arb_sub (dn, db, da, prec);
      arb_div (dn, dn, t, prec);
      arb_mul (dn, dn, sb, prec);
      arb_sub (dn, db, dn, prec);
      mag_zero (arb_radref (dn));
      arb_sub (t, dn, db, prec);
      double step = fabs (arf_get_d (arb_midref (t), ARF_RND_UP));
      arb_set (da, db);
      arb_set (sa, sb);
      _arb_vec_set (xa, xb, np);
      arb_set (db, dn);
      if (!(step == step))
        break;
      conv = step < o.dstar_width * 1e-12 * fmax (1, d0d);
    }
  if (!conv)
    {
      why (res, "the secant on the crossing block did not converge");
      goto done;
    }
  /* D = [d~ - w/2, d~ + w/2]; Krawczyk over D */
  arb_set (D, db);
  mag_set_d (arb_radref (D), 0.5 * o.dstar_width);
  _arb_vec_set (x, xa, np);
  lsc_certify_newton (x, G, db, &o);
  lsc_certify_critical (&cr, G, x, D, &o);
  if (!cr.proved)
    {
      snprintf (res->reason, sizeof res->reason, "Krawczyk over D: %.140s",
                cr.reason);
      goto done;
    }
  /* the crossing theorem on [D_lo, D_hi] for the block along the branch */
  {
    lsc_cert_dctx ctx = { G, c, r, stab, cr.box, &o, prec };
    arb_mat_t A0[4];
    if (lsc_cert_blocks_sym (A0, NULL, G, cr.box, NULL, D, NULL, o.taylor, r,
                             stab, prec))
      {
        lsc_cert_blocks_clear (A0, NULL);
        why (res, "the block cannot be enclosed over D");
        goto done;
      }
    size_t n = (size_t) arb_mat_nrows (A0[c]);
    lsc_cert_blocks_clear (A0, NULL);
    arb_t lo, hi;
    arb_init (lo);
    arb_init (hi);
    arb_set_arf (lo, arb_midref (D));
    arb_set_arf (hi, arb_midref (D));
    arb_set_d (t, 0.5 * o.dstar_width);
    arb_sub (lo, lo, t, prec);
    arb_add (hi, hi, t, prec);
    lsc_cert_cross cx;
    lsc_certify_crossing (&cx, n, lsc_cert_block_fun, &ctx, lo, hi, prec);
    /* the theorem's interval: the hull of the two (tiny) end balls */
    {
      arf_t a, b;
      arf_init (a);
      arf_init (b);
      arb_get_lbound_arf (a, lo, prec);
      arb_get_ubound_arf (b, hi, prec);
      arb_set_interval_arf (D, a, b, prec);
      arf_clear (a);
      arf_clear (b);
    }
    arb_clear (lo);
    arb_clear (hi);
    if (!cx.proved)
      {
        why (res, cx.reason);
        goto done;
      }
    /* a standard-representation crossing: the trivial component of S_p
       stays nonsingular over D, so the crossing eigenvalue is the
       standard component's */
    if (stab == LSC_CERT_SYM_STD)
      {
        size_t nn, npp;
        int ok = !lsc_cert_blocks_sym (A0, NULL, G, cr.box, NULL, D, NULL,
                                       o.taylor, r, LSC_CERT_SYM_TRIV, prec)
                 && lsc_ball_inertia (&nn, &npp, A0[c], NULL, NULL, NULL,
                                      prec) == 1;
        lsc_cert_blocks_clear (A0, NULL);
        if (!ok)
          {
            why (res, "the trivial component of the small block's S_p is "
                      "not proved nonsingular over the interval");
            goto done;
          }
      }
    res->proved = 1;
    res->nneg_lo = cx.nneg_lo;
    res->nneg_hi = cx.nneg_hi;
    res->direction = cx.direction;
    arb_set (res->dstar, D);
  }
done:
  res->seconds = lsc_cert_wall () - t0;
  lsc_cert_crit_clear (&cr);
  arb_clear (da); arb_clear (db); arb_clear (sa); arb_clear (sb);
  arb_clear (dn); arb_clear (t); arb_clear (D); arb_clear (sig);
  arb_clear (dsig);
  _arb_vec_clear (x, np);
  _arb_vec_clear (xa, np);
  _arb_vec_clear (xd, np);
  return rc;
}
