/* Newton's method on midpoints for the restricted gradient system: the
   centre of the Krawczyk boxes. */
#include <config.h>
#include <math.h>
#include "internal.h"
#include "certify/certify_impl.h"
#include "landscape/lsc_certify.h"

int
lsc_certify_newton (arb_ptr p, const lsc_young *G, const arb_t d,
                    const lsc_certify_options *opt)
{
  if (!p || !G || !d)
    LSC_ERROR ("NULL argument", LSC_EFAULT);
  lsc_certify_options o;
  int rc = lsc_cert_options (&o, G, opt);
  if (rc)
    return rc;
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
                             NULL, NULL, NULL, prec);
      if (e)
        {
          rc = e;
          break;
        }
      lsc_cert_vec_to_mat (J, H, (size_t) np);
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

