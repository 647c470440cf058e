/* Theorems at one dimension and the words and digits that state them:
   the pipeline target -> branch -> Krawczyk -> Morse at a point d, the
   name of a proved Morse type, the kind of range theorem a catalogue kind
   asks for, outward-rounded endpoints of a proved interval and whether a
   proved d* lies inside a decimal's digits. */
#include <config.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include "internal.h"
#include "landscape/lsc_certify.h"
#include "certify/certify_impl.h"

int
lsc_cert_point_init (lsc_cert_point *r, size_t np)
{
  memset (r, 0, sizeof *r);
  r->index = NAN;
  return lsc_cert_crit_init (&r->crit, np);
}

void
lsc_cert_point_clear (lsc_cert_point *r)
{
  lsc_cert_crit_clear (&r->crit);
}

int
lsc_certify_point (lsc_cert_point *res, const lsc_young *G, const double *p,
                   double dp, double d, const lsc_certify_options *opt)
{
  if (!res || !G || !p)
    LSC_ERROR ("NULL argument", LSC_EFAULT);
  if (!(d > 0) || !isfinite (d) || !(dp > 0) || !isfinite (dp))
    LSC_ERROR ("d and the reference d must be positive and finite",
               LSC_EINVAL);
  double t0 = lsc_cert_wall ();
  res->proved = 0;
  res->index = NAN;
  res->reason[0] = 0;
  res->seconds = 0;
  memset (&res->morse, 0, sizeof res->morse);
  lsc_cert_crit *cr = &res->crit;
  /* W = V: the exact critical point; else the centre is the family's
     point followed to d, refined in balls */
  int rc = lsc_certify_target (cr, G, p);
  if (rc)
    return rc;
  if (!cr->proved && lsc_certify_follow (cr->box, G, p, dp, d, opt))
    {
      snprintf (res->reason, sizeof res->reason,
                "the branch could not be followed to this d");
      res->seconds = lsc_cert_wall () - t0;
      return LSC_SUCCESS;
    }
  arb_t db;
  arb_init (db);
  arb_set_d (db, d);
  if (!cr->proved)
    rc = lsc_certify_critical (cr, G, cr->box, db, opt);
  if (!rc && !cr->proved)
    snprintf (res->reason, sizeof res->reason, "%s", cr->reason);
  else if (!rc)
    {
      rc = lsc_certify_morse (&res->morse, G, cr->box, db, opt);
      if (!rc && !res->morse.proved)
        snprintf (res->reason, sizeof res->reason, "%s", res->morse.reason);
      else if (!rc)
        {
          res->proved = 1;
          lsc_young Gd = *G;
          if (!lsc_young_set_d (&Gd, d))
            res->index = lsc_cert_morse_index (&res->morse, Gd.rsize[0]);
        }
    }
  arb_clear (db);
  res->seconds = lsc_cert_wall () - t0;
  return rc;
}

const char *
lsc_cert_morse_theorem (const lsc_cert_morse *m)
{
  if (!m || !m->proved)
    return "";
  size_t n = m->nneg[0] + m->nneg[1] + m->nneg[2] + m->nneg[3];
  if (m->nzero[0])
    return n == 0 ? "flat-minimum-candidate" : "saddle-with-flat-directions";
  return n == 0 ? "nondegenerate-minimum" : "nondegenerate-saddle";
}

int
lsc_certify_range_kind (const char *kind)
{
  return kind && (strcmp (kind, "spurious-minimum") == 0
                  || strcmp (kind, "global-minimum") == 0)
         ? LSC_CERT_MINIMUM : LSC_CERT_INDEX;
}

/* r = 10^e (a ball for e < 0) */
static void
pow10 (arb_t r, slong e, slong prec)
{
  arb_ui_pow_ui (r, 10, (ulong) (e < 0 ? -e : e), prec);
  if (e < 0)
    arb_inv (r, r, prec);
}

void
lsc_cert_endpoint (char *buf, size_t len, const arb_t x, int upper,
                   long digits)
{
  arf_t e;
  arf_init (e);
  if (upper)
    arb_get_ubound_arf (e, x, 4 * digits + 64);
  else
    arb_get_lbound_arf (e, x, 4 * digits + 64);
  /* the decimal of e rounded outward: a ball around e printed without
     radius rounds to nearest, so move by one unit of the last digit when
     the printed value lies on the wrong side */
  arb_t b, u;
  arb_init (b);
  arb_init (u);
  arb_set_arf (b, e);
  char *s = arb_get_str (b, digits, ARB_STR_NO_RADIUS);
  arb_set_str (u, s, 4 * digits + 64);
  if (upper ? arf_cmp (arb_midref (u), e) < 0 : arf_cmp (arb_midref (u), e) > 0)
    {
      /* one unit in the last printed place of e */
      arb_t ulp;
      arb_init (ulp);
      slong ex = arf_is_zero (e) ? 0
                 : (slong) floor (log10 (fabs (arf_get_d (e, ARF_RND_NEAR))));
      pow10 (ulp, ex - digits + 1, 4 * digits + 64);
      if (upper)
        arb_add (u, u, ulp, 4 * digits + 64);
      else
        arb_sub (u, u, ulp, 4 * digits + 64);
      mag_zero (arb_radref (u));
      flint_free (s);
      s = arb_get_str (u, digits, ARB_STR_NO_RADIUS);
      arb_clear (ulp);
    }
  snprintf (buf, len, "%s", s);
  flint_free (s);
  arb_clear (b);
  arb_clear (u);
  arf_clear (e);
}

int
lsc_cert_dstar_within (const lsc_cert_dstar *r, const char *digits)
{
  if (!r || !r->proved || !digits)
    return 0;
  const char *dot = strchr (digits, '.');
  long frac = 0;
  if (dot)
    for (const char *q = dot + 1; *q >= '0' && *q <= '9'; q++)
      frac++;
  arb_t c, h;
  arb_init (c);
  arb_init (h);
  int ok = 0;
  if (!arb_set_str (c, digits, 256))
    {
      /* half a unit in the last digit, as an upper bound */
      pow10 (h, -frac, 256);
      arb_mul_2exp_si (h, h, -1);
      arb_add_error (c, h);
      ok = arb_contains (c, r->dstar);
    }
  arb_clear (c);
  arb_clear (h);
  return ok;
}
