/* The crossing theorem for a one-parameter family of symmetric ball
   matrices: exactly one singular point in [dlo, dhi], by the inertia at
   the two ends and a derivative of the Schur complement that excludes 0
   over the whole interval. */
#include <config.h>
#include <stdio.h>
#include "internal.h"
#include "certify/certify_impl.h"
#include "landscape/lsc_certify.h"

int
lsc_certify_crossing (lsc_cert_cross *res, size_t n, lsc_cert_matfun f,
                      void *arg, const arb_t dlo, const arb_t dhi, slong prec)
{
  if (!res || !f || !dlo || !dhi || n == 0)
    LSC_ERROR ("NULL argument or empty matrix", LSC_EFAULT);
  res->proved = 0;
  res->direction = 0;
  res->reason[0] = 0;
  arb_mat_t A, Ad;
  arb_mat_init (A, (slong) n, (slong) n);
  arb_mat_init (Ad, (slong) n, (slong) n);
  arb_t D, last, dlast;
  arb_init (D);
  arb_init (last);
  arb_init (dlast);
  arf_t a, b;
  arf_init (a);
  arf_init (b);
  size_t nn[2], np[2];
  const char *why = NULL;
  for (int end = 0; end < 2 && !why; end++)
    {
      if (f (A, NULL, end ? dhi : dlo, arg))
        why = "the matrix cannot be enclosed at an end of the interval";
      else if (lsc_ball_inertia (&nn[end], &np[end], A, NULL, NULL, NULL,
                                 prec) != 1)
        why = "the inertia is not proved at an end of the interval (an "
              "eigenvalue too close to 0 there)";
    }
  if (!why && !((nn[0] == nn[1] + 1 && np[1] == np[0] + 1)
                || (nn[1] == nn[0] + 1 && np[0] == np[1] + 1)))
    why = "no sign change: the inertias at the two ends do not differ by "
          "one eigenvalue (no crossing, or an even number of them)";
  size_t nlo = nn[0], nhi = nn[1];
  if (!why)
    {
      arb_get_lbound_arf (a, dlo, prec);
      arb_get_ubound_arf (b, dhi, prec);
      arb_set_interval_arf (D, a, b, prec);
      int st;
      if (f (A, Ad, D, arg))
        why = "the matrix and its derivative cannot be enclosed over the "
              "interval";
      else if ((st = lsc_ball_inertia (&nn[0], &np[0], A, Ad, last, dlast,
                                       prec)) == 0)
        why = "the pivots other than the crossing one are not proved "
              "nonzero over the interval";
      else if (!arb_is_finite (dlast) || arb_contains_zero (dlast))
        why = "the derivative of the crossing pivot is not proved nonzero "
              "over the interval (a double or tangential crossing cannot be "
              "excluded)";
    }
  if (why)
    snprintf (res->reason, sizeof res->reason, "%s", why);
  else
    {
      res->proved = 1;
      res->nneg_lo = nlo;
      res->nneg_hi = nhi;
      res->direction = nlo > nhi ? 1 : -1;
    }
  arb_mat_clear (A);
  arb_mat_clear (Ad);
  arb_clear (D);
  arb_clear (last);
  arb_clear (dlast);
  arf_clear (a);
  arf_clear (b);
  return LSC_SUCCESS;
}
