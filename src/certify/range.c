/* Range theorems: a cover of [a, b] by subintervals of d, each with a
   Krawczyk box for the branch and proved inertias of every isotypic
   block; adaptive widths (geometric growth and shrinking: log spacing at
   large d). */
#include <config.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "internal.h"
#include "certify/certify_impl.h"
#include "landscape/lsc_certify.h"

/* Prove one subinterval [lo, hi] with the centre x (refined here; with
   exact, cr already holds the exact critical point W = V). */
static void
piece (lsc_cert_piece *pc, lsc_cert_crit *cr, arb_ptr x, const lsc_young *G,
       const int *ks, double lo, double hi, int want, int exact,
       const lsc_cert_morse *ref, const lsc_certify_options *o, int *hint)
{
  arb_t D, dm;
  arf_t a, b;
  arb_init (D);
  arb_init (dm);
  arf_init (a);
  arf_init (b);
  arf_set_d (a, lo);
  arf_set_d (b, hi);
  slong prec = lsc_certify_prec (o, hi);
  arb_set_interval_arf (D, a, b, prec);
  arb_set_d (dm, 0.5 * (lo + hi));
  memset (pc, 0, sizeof *pc);
  pc->a = lo;
  pc->b = hi;
  pc->prec = prec;
  if (exact)
    ;
  else if (lsc_certify_newton (x, G, dm, o))
    snprintf (pc->reason, sizeof pc->reason,
              "Newton did not converge at the midpoint");
  else
    {
      /* the centre in scaled unknowns q = p dm^ks */
      size_t np = lsc_young_nparams (G);
      arb_ptr q = _arb_vec_init ((slong) np);
      arb_t s;
      arb_init (s);
      for (size_t i = 0; i < np; i++)
        {
          arb_set (q + i, x + i);
          if (ks)
            {
              arb_pow_ui (s, dm, (ulong) ks[i], prec);
              arb_sub_si (q + i, q + i, ks[np + i], prec);
              arb_mul (q + i, q + i, s, prec);
              mag_zero (arb_radref (q + i));
            }
        }
      arb_clear (s);
      lsc_cert_critical_k (cr, G, ks, q, D, o);
      _arb_vec_clear (q, (slong) np);
    }
  if (!pc->reason[0])
    {
      pc->radius = cr->radius;
      if (!cr->proved)
        snprintf (pc->reason, sizeof pc->reason, "%s", cr->reason);
      else
        {
          lsc_cert_morse_k (&pc->morse, G, ks, cr->box, D, o, hint);
          if (!pc->morse.proved)
            snprintf (pc->reason, sizeof pc->reason, "%s", pc->morse.reason);
          else if (want == LSC_CERT_MINIMUM
                   && (pc->morse.nneg[0] | pc->morse.nneg[1]
                       | pc->morse.nneg[2] | pc->morse.nneg[3]))
            snprintf (pc->reason, sizeof pc->reason,
                      "proved NOT a minimum: negative eigenvalues (t %zu, "
                      "s %zu, x %zu, y %zu)", pc->morse.nneg[0],
                      pc->morse.nneg[1], pc->morse.nneg[2],
                      pc->morse.nneg[3]);
          else if (want == LSC_CERT_MINIMUM && pc->morse.nzero[0])
            snprintf (pc->reason, sizeof pc->reason,
                      "degenerate: %zu structural flat direction(s) of split "
                      "rows (no second-order minimum theorem)",
                      pc->morse.nzero[0]);
          else if (ref && (memcmp (ref->nneg, pc->morse.nneg,
                                   sizeof ref->nneg)
                           || memcmp (ref->nzero, pc->morse.nzero,
                                      sizeof ref->nzero)))
            snprintf (pc->reason, sizeof pc->reason,
                      "inertia differs from the first subinterval's");
          else
            pc->proved = 1;
        }
    }
  arb_clear (D);
  arb_clear (dm);
  arf_clear (a);
  arf_clear (b);
}

int
lsc_certify_range (int *proved, const lsc_young *G, const double *p,
                   double dp, double a, double b, int want,
                   int (*cb) (const lsc_cert_piece *piece, void *arg),
                   void *arg, const lsc_certify_options *opt)
{
  if (!proved || !G || !p)
    LSC_ERROR ("NULL argument", LSC_EFAULT);
  *proved = 0;
  lsc_certify_options o;
  int rc = lsc_cert_options (&o, G, opt);
  if (rc)
    return rc;
  if (!(a > 0) || !(b >= a) || !isfinite (b) || !(dp > 0) || !isfinite (dp))
    LSC_ERROR ("need 0 < a <= b finite and a positive starting d",
               LSC_EINVAL);
  if (want != LSC_CERT_MINIMUM && want != LSC_CERT_INDEX)
    LSC_ERROR ("unknown kind of range theorem", LSC_EINVAL);
  slong np = (slong) lsc_young_nparams (G);
  arb_ptr x = _arb_vec_init (np), keep = _arb_vec_init (np);
  int *ks = calloc (2 * (size_t) np, sizeof *ks);
  if (!ks)
    {
      _arb_vec_clear (x, np);
      _arb_vec_clear (keep, np);
      LSC_ERROR ("out of memory", LSC_ENOMEM);
    }
  lsc_cert_crit cr;
  lsc_cert_crit_init (&cr, (size_t) np);
  lsc_cert_morse ref;
  int have_ref = 0, all = 1, hint = 0;
  for (slong i = 0; i < np; i++)
    arb_set_d (x + i, p[i]);
  /* W = V: the exact critical point for every d, no branch to follow */
  if ((rc = lsc_certify_target (&cr, G, p)))
    goto done;
  int exact = cr.proved;
  if (exact)
    o.scaled = 0;
  /* the low precision first (o.range_prec); full: this try is the
     retry at the automatic precision; ok_rel: relative width of the last
     piece proved at the low precision (0 after a retry that failed as
     well: no retry until the next proved piece) */
  slong lowbits = o.prec > 0 ? 0 : o.range_prec;
  int full = 0;
  double ok_rel = HUGE_VAL;
  /* the branch is followed at the low precision (Newton on midpoints:
     approximations, refined at each piece's precision) */
  lsc_certify_options ot = o;
  if (lowbits > 0 && a < 1e6 && lowbits < lsc_certify_prec (&o, b))
    ot.prec = lowbits;
  if (!exact && lsc_cert_track (x, G, dp, a, 0.05, &ot))
    {
      lsc_cert_piece pc;
      memset (&pc, 0, sizeof pc);
      pc.a = a;
      pc.b = b;
      snprintf (pc.reason, sizeof pc.reason,
                "the branch could not be followed from d = %g to %g", dp, a);
      if (cb)
        cb (&pc, arg);
      goto done;
    }
  double d = a, w = o.max_rel_width * a, xd = a; /* x lies at d = xd */
  size_t count = 0;
  /* relative width of the last failed try in each mode (0: the
     parameters p, 1: scaled unknowns) */
  double fail_rel[2] = { HUGE_VAL, HUGE_VAL };
  /* below 1e6 the automatic choice is adaptive: scaled unknowns widen
     the pieces of families whose parameters decay (F4 at 1e5: one piece
     per 1 % of d instead of 22), plain ones those of others (Y7_af: 5
     instead of 12); a failed try is repeated in the other mode at the
     same width unless that mode already failed at a width as small */
  int mode = o.scaled != 0;
  while (d < b)
    {
      if (++count > o.max_pieces)
        {
          lsc_cert_piece pc;
          memset (&pc, 0, sizeof pc);
          pc.a = d;
          pc.b = b;
          snprintf (pc.reason, sizeof pc.reason,
                    "subinterval budget (%zu) exhausted", o.max_pieces);
          all = 0;
          if (cb && cb (&pc, arg))
            rc = LSC_EFAILED;
          break;
        }
      double e = d + w >= b ? b : d + w;
      lsc_cert_piece pc;
      _arb_vec_set (keep, x, np);
      /* predictor to the midpoint */
      double xd0 = xd;
      if (exact)
        ;
      else if (lsc_cert_track (x, G, xd, 0.5 * (d + e), 0.05,
                               d < 1e6 ? &ot : &o))
        _arb_vec_set (x, keep, np);
      else
        xd = 0.5 * (d + e);
      /* scaling exponents from the branch's decay between the last
         point and the midpoint m: k = round(-log(p(m) / p(xd0)) /
         log(m / xd0)), 0 where a
         parameter is not decaying (any choice is a valid change of
         variables; a good one keeps the box narrow) */
      /* scaled unknowns: asked for, or automatic from d = 1e6 on (there
         the smallest angle of a row to its target, ~ 1/d, bounds the box;
         in q the box follows each parameter's decay: half the pieces
         at 1e8 - 1e9, the same count below 1e6) */
      int use_ks = o.scaled > 0 || (o.scaled < 0 && (d >= 1e6 || mode));
      if (use_ks)
        {
          double m = xd;
          for (slong i = 0; i < np && fabs (m - xd0) > 1e-9 * m; i++)
            {
              double p0 = arf_get_d (arb_midref (keep + i), ARF_RND_NEAR),
                     p1 = arf_get_d (arb_midref (x + i), ARF_RND_NEAR);
              /* the limit: -1, 0 or 1 when p is near it */
              long c = lround (p1);
              if (!(fabs (p1 - (double) c) < 0.25) || labs (c) > 1)
                c = 0;
              ks[np + i] = (int) c;
              p0 -= (double) c;
              p1 -= (double) c;
              int k = 0;
              if (p0 != 0 && p1 != 0 && (p0 > 0) == (p1 > 0))
                {
                  double r = -log (p1 / p0) / log (m / xd0);
                  k = (int) lround (r);
                  if (!(r > -0.5) || k < 0)
                    k = 0;
                  if (k > LSC_CERT_KMAX)
                    k = LSC_CERT_KMAX;
                }
              ks[i] = k;
            }
        }
      int low = !full && lowbits > 0 && d < 1e6
                && lowbits < lsc_certify_prec (&o, e);
      lsc_certify_options op = o;
      if (low)
        op.prec = lowbits;
      piece (&pc, &cr, x, G, use_ks ? ks : NULL, d, e, want, exact,
             have_ref ? &ref : NULL, &op, &hint);
      int refuted = strncmp (pc.reason, "proved NOT", 10) == 0;
      if (low && !pc.proved && !refuted && (e - d) / d <= ok_rel)
        {
          /* the same try at the automatic precision */
          _arb_vec_set (x, keep, np);
          xd = xd0;
          full = 1;
          continue;
        }
      if (full && pc.proved)
        lowbits = 0; /* only the automatic precision proves here */
      else if (full)
        ok_rel = 0;
      else if (low && pc.proved)
        ok_rel = (e - d) / d;
      full = 0;
      if (!pc.proved && (e - d) > o.min_rel_width * d
          && !refuted)
        {
          _arb_vec_set (x, keep, np);
          xd = xd0;
          double r = (e - d) / d;
          fail_rel[mode] = r;
          if (o.scaled < 0 && d < 1e6 && r < fail_rel[!mode])
            mode = !mode; /* the same width in the other mode */
          else
            {
              w = 0.5 * (e - d);
              if (o.scaled < 0 && fail_rel[!mode] > fail_rel[mode])
                mode = !mode;
            }
          continue;
        }
      if (!pc.proved)
        all = 0;
      else if (!have_ref)
        {
          ref = pc.morse;
          have_ref = 1;
        }
      if (cb && cb (&pc, arg))
        {
          rc = LSC_EFAILED;
          all = 0;
          break;
        }
      double done = e - d;
      d = e;
      w = fmin (1.25 * done, o.max_rel_width * d);
      /* a failed attempt costs as much as a proved piece: stay below the
         relative width that last failed, and let that ceiling creep up
         slowly (the width a proof allows changes slowly with d: 3 % per
         piece gives about one failed try in five pieces, 15 % one in
         two and a half) */
      w = fmin (w, 0.9 * fail_rel[mode] * d);
      fail_rel[0] *= 1.03;
      fail_rel[1] *= 1.03;
      if (!pc.proved)
        {
          w = o.max_rel_width * d; /* start afresh past a failure */
          fail_rel[0] = fail_rel[1] = HUGE_VAL;
        }
    }
  *proved = all && d >= b;
done:
  lsc_cert_crit_clear (&cr);
  _arb_vec_clear (x, np);
  _arb_vec_clear (keep, np);
  free (ks);
  return rc;
}
