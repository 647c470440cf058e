/* A crossing found in an interval [a, b] of d, whatever the family's
   catalogue type: the component whose inertia differs between the proved
   ends, the crossing bracketed by bisection on that component's inertia
   along the branch, proved to width dstar_width (lsc_certify_dstar), and
   its uniqueness over the whole of [a, b] tried by the crossing theorem. */
#include <config.h>
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include "internal.h"
#include "certify/certify_impl.h"
#include "landscape/lsc_certify.h"
#include "landscape/lsc_isotypic.h"

int
lsc_cert_dstar_init_np (lsc_cert_dstar *c, size_t np)
{
  lsc_cert_dstar_init (c);
  int rc = lsc_cert_point_init (&c->below, np);
  if (!rc)
    rc = lsc_cert_point_init (&c->above, np);
  return rc;
}

/* The negative counts of the four components at the branch point x
   (midpoints, refined here by Newton at d) from the blocks' inertias at
   that exact point: a guide for the bisection, not a theorem.  Returns 0
   when every pivot is decided. */
static int
counts_at (size_t n[4], arb_ptr x, const lsc_young *G, double d,
           const lsc_certify_options *o)
{
  arb_t db;
  arb_init (db);
  arb_set_d (db, d);
  int bad = lsc_certify_newton (x, G, db, o) != 0;
  size_t nn[4], pp[4];
  if (!bad)
    {
      arb_mat_t A[4];
      slong prec = lsc_certify_prec (o, d);
      bad = lsc_cert_blocks (A, NULL, G, x, NULL, db, NULL, 4, prec) != 0;
      for (int c = 0; c < 4 && !bad; c++)
        bad = lsc_ball_inertia (&nn[c], &pp[c], A[c], NULL, NULL, NULL,
                                prec) != 1;
      lsc_cert_blocks_clear (A, NULL);
    }
  arb_clear (db);
  if (bad || nn[1] < nn[0] || nn[2] + nn[0] < nn[1] || nn[3] < nn[1])
    return 1;
  n[0] = nn[0];
  n[1] = nn[1] - nn[0];
  n[2] = nn[2] - n[1];
  n[3] = nn[3] - nn[1];
  return 0;
}

/* The crossing theorem for res's block over the whole of [a, b]:
   Krawczyk over [a, b] (one critical point for every d), then
   lsc_certify_crossing with the block along that branch; for a crossing
   in a small block's standard representation, also the trivial
   component proved nonsingular over [a, b].  Returns 1 when proved. */
static int
unique_over (const lsc_cert_dstar *res, const lsc_young *G, const double *p,
             double dp, double a, double b, const lsc_certify_options *opt)
{
  lsc_certify_options o = *opt;
  o.taylor = lsc_certify_taylor (&o, b);
  slong prec = lsc_certify_prec (&o, b) + 64, np = (slong) lsc_young_nparams (G);
  o.prec = prec;
  int c = res->irrep, r = res->small_block > 0 ? res->small_block : 0,
      stab = res->small_block > 0 ? LSC_CERT_SYM_STD : LSC_CERT_SYM_NONE,
      ok = 0;
  arb_ptr x = _arb_vec_init (np);
  arb_t D, lo, hi;
  arf_t fa, fb;
  arb_init (D);
  arb_init (lo);
  arb_init (hi);
  arf_init (fa);
  arf_init (fb);
  arf_set_d (fa, a);
  arf_set_d (fb, b);
  arb_set_interval_arf (D, fa, fb, prec);
  arb_set_d (lo, a);
  arb_set_d (hi, b);
  lsc_cert_crit cr;
  lsc_cert_crit_init (&cr, (size_t) np);
  if (!lsc_certify_follow (x, G, p, dp, 0.5 * (a + b), &o))
    lsc_certify_critical (&cr, G, x, D, &o);
  if (cr.proved)
    {
      arb_mat_t A0[4];
      size_t nn, npp;
      int bad = lsc_cert_blocks_sym (A0, NULL, G, cr.box, NULL, D, NULL,
                                     o.taylor, r, stab, prec);
      size_t n = (size_t) arb_mat_nrows (A0[c]);
      lsc_cert_blocks_clear (A0, NULL);
      if (!bad && n > 0)
        {
          lsc_cert_dctx ctx = { G, c, r, stab, cr.box, &o, prec };
          lsc_cert_cross cx;
          lsc_certify_crossing (&cx, n, lsc_cert_block_fun, &ctx, lo, hi,
                                prec);
          ok = cx.proved && cx.direction == res->direction;
        }
      if (ok && stab == LSC_CERT_SYM_STD)
        {
          ok = !lsc_cert_blocks_sym (A0, NULL, G, cr.box, NULL, D, NULL,
                                     o.taylor, r, LSC_CERT_SYM_TRIV, prec)
               && lsc_ball_inertia (&nn, &npp, A0[c], NULL, NULL, NULL,
                                    prec) == 1;
          lsc_cert_blocks_clear (A0, NULL);
        }
    }
  lsc_cert_crit_clear (&cr);
  _arb_vec_clear (x, np);
  arb_clear (D);
  arb_clear (lo);
  arb_clear (hi);
  arf_clear (fa);
  arf_clear (fb);
  return ok;
}

int
lsc_certify_dstar_range (lsc_cert_dstar *res, const lsc_young *G,
                         const double *p, double dp, double a, double b,
                         const lsc_certify_options *opt)
{
  if (!res || !G || !p)
    LSC_ERROR ("NULL argument", LSC_EFAULT);
  lsc_certify_options o;
  int rc = lsc_cert_options (&o, G, opt);
  if (rc)
    return rc;
  if (!(a > 0) || !(b > a) || !isfinite (b) || !(dp > 0) || !isfinite (dp))
    LSC_ERROR ("need 0 < a < b finite and a positive starting d",
               LSC_EINVAL);
  size_t np = lsc_young_nparams (G);
  if (!res->below.crit.box || !res->above.crit.box
      || res->below.crit.np != np || res->above.crit.np != np)
    LSC_ERROR ("result not initialised by lsc_cert_dstar_init_np",
               LSC_EINVAL);
  double t0 = lsc_cert_wall ();
  res->proved = 0;
  res->irrep = -1;
  res->small_block = -1;
  res->multiplicity = 0;
  res->direction = 0;
  res->unique = 0;
  res->a = a;
  res->b = b;
  res->reason[0] = 0;
  /* the two ends: theorems, and the component that changes */
  if ((rc = lsc_certify_point (&res->below, G, p, dp, a, &o))
      || (rc = lsc_certify_point (&res->above, G, p, dp, b, &o)))
    return rc;
  const lsc_cert_point *e[2] = { &res->below, &res->above };
  int c = -1, nchg = 0;
  for (int k = 0; k < 2; k++)
    if (!e[k]->proved)
      {
        snprintf (res->reason, sizeof res->reason, "the end d = %g is not "
                  "proved: %.100s", k ? b : a, e[k]->reason);
        goto done;
      }
  for (int k = 0; k < 4; k++)
    if (e[0]->morse.nneg[k] != e[1]->morse.nneg[k]
        || e[0]->morse.nzero[k] != e[1]->morse.nzero[k])
      {
        nchg++;
        c = k;
      }
  if (nchg != 1)
    {
      snprintf (res->reason, sizeof res->reason, nchg ?
                "the inertias at the two ends differ in %d components: "
                "narrow the interval" : "no crossing: the inertias at the "
                "two ends are equal (none, or an even number)", nchg);
      goto done;
    }
  /* bisection on component c along the branch (a guide: the theorem
     comes from lsc_certify_dstar and the checks below) */
  {
    arb_ptr x = _arb_vec_init ((slong) np), xm = _arb_vec_init ((slong) np);
    double lo = a, hi = b;
    size_t want_lo = e[0]->morse.nneg[c], n[4];
    int bad = lsc_certify_follow (x, G, p, dp, a, &o) != 0;
    for (int it = 0; !bad && it < 200 && hi - lo > 4 * DBL_EPSILON * hi;
         it++)
      {
        double mid = 0.5 * (lo + hi);
        _arb_vec_set (xm, x, (slong) np);
        if (lsc_cert_track (xm, G, lo, mid, 0.05, &o)
            || counts_at (n, xm, G, mid, &o))
          break; /* too close to the crossing to decide: mid is near it */
        int other = 0;
        for (int k = 0; k < 4; k++)
          other |= k != c && n[k] != e[0]->morse.nneg[k];
        if (other)
          bad = 2;
        else if (n[c] == want_lo)
          {
            lo = mid;
            _arb_vec_set (x, xm, (slong) np);
          }
        else
          hi = mid;
      }
    _arb_vec_clear (x, (slong) np);
    _arb_vec_clear (xm, (slong) np);
    if (bad)
      {
        snprintf (res->reason, sizeof res->reason, bad == 2
                  ? "another component changes inside the interval: "
                    "narrow it" : "the branch could not be followed to a");
        goto done;
      }
    char d0[64];
    snprintf (d0, sizeof d0, "%.17g", 0.5 * (lo + hi));
    if ((rc = lsc_certify_dstar (res, G, p, dp, d0, &o)))
      return rc;
  }
  if (!res->proved)
    goto done;
  res->proved = 0;
  {
    arb_t A, B;
    arb_init (A);
    arb_init (B);
    arb_set_d (A, a);
    arb_set_d (B, b);
    int inside = arb_lt (A, res->dstar) && arb_lt (res->dstar, B);
    arb_clear (A);
    arb_clear (B);
    if (res->irrep != c)
      snprintf (res->reason, sizeof res->reason, "the crossing proved near "
                "the bracket is in component %s, not %s",
                lsc_irrep_name (res->irrep), lsc_irrep_name (c));
    else if (!inside)
      snprintf (res->reason, sizeof res->reason,
                "the proved crossing is not inside (a, b)");
    else
      res->proved = 1;
  }
  if (res->proved)
    res->unique = unique_over (res, G, p, dp, a, b, &o);
done:
  res->seconds = lsc_cert_wall () - t0;
  return LSC_SUCCESS;
}
