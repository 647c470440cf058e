/* Following a branch of restricted critical points in d on ball
   midpoints: tangent predictor p' = -J^{-1} g_d, Newton corrector
   (lsc_certify_newton), steps of at most a fraction of d, halved when the
   corrector fails.  Finds the centres that the proofs then check. */
#include <config.h>
#include <math.h>
#include "internal.h"
#include "certify/certify_impl.h"
#include "landscape/lsc_certify.h"

/* x += h * p'(x, d) (approximate). */
static int
predict (arb_ptr x, const lsc_young *G, double d, double h, slong prec)
{
  slong np = (slong) lsc_young_nparams (G);
  arb_ptr g = _arb_vec_init (np), gd = _arb_vec_init (np),
          H = _arb_vec_init (np * np);
  arb_mat_t J, B, Y;
  arb_mat_init (J, np, np);
  arb_mat_init (B, np, 1);
  arb_mat_init (Y, np, 1);
  arb_t db, one;
  arb_init (db);
  arb_init (one);
  arb_set_d (db, d);
  arb_one (one);
  int rc = lsc_cert_eval (NULL, NULL, g, gd, H, NULL, x, NULL, G, db, one, NULL,
                          NULL, prec);
  if (!rc)
    {
      for (slong i = 0; i < np; i++)
        {
          for (slong j = 0; j < np; j++)
            arb_set (arb_mat_entry (J, i, j), H + i * np + j);
          arb_set (arb_mat_entry (B, i, 0), gd + i);
        }
      if (!arb_mat_approx_solve (Y, J, B, prec))
        rc = LSC_ESING;
      for (slong i = 0; !rc && i < np; i++)
        {
          arb_set_d (db, h);
          arb_mul (arb_mat_entry (Y, i, 0), arb_mat_entry (Y, i, 0), db,
                   prec);
          arb_sub (x + i, x + i, arb_mat_entry (Y, i, 0), prec);
          mag_zero (arb_radref (x + i));
        }
    }
  _arb_vec_clear (g, np);
  _arb_vec_clear (gd, np);
  _arb_vec_clear (H, np * np);
  arb_mat_clear (J);
  arb_mat_clear (B);
  arb_mat_clear (Y);
  arb_clear (db);
  arb_clear (one);
  return rc;
}

int
lsc_cert_track (arb_ptr x, const lsc_young *G, double d_from, double d_to,
                double rel, const lsc_certify_options *opt)
{
  slong np = (slong) lsc_young_nparams (G);
  arb_ptr save = _arb_vec_init (np);
  arb_t db;
  arb_init (db);
  double d = d_from;
  int rc = LSC_SUCCESS;
  double h = rel * fabs (d);
  while (d != d_to)
    {
      double step = d_to - d;
      if (fabs (step) > h)
        step = step > 0 ? h : -h;
      double dn = fabs (d_to - (d + step)) < 1e-15 * fabs (d_to) ? d_to
                                                                  : d + step;
      _arb_vec_set (save, x, np);
      slong prec = lsc_certify_prec (opt, fmax (d, dn));
      rc = predict (x, G, d, dn - d, prec);
      arb_set_d (db, dn);
      if (!rc)
        rc = lsc_certify_newton (x, G, db, opt);
      if (rc)
        {
          _arb_vec_set (x, save, np);
          h *= 0.25;
          if (h < 1e-9 * fabs (d))
            break;
          continue;
        }
      d = dn;
      h = fmin (2 * h, rel * fabs (d));
    }
  _arb_vec_clear (save, np);
  arb_clear (db);
  return rc;
}

int
lsc_certify_follow (arb_ptr x, const lsc_young *G, const double *p,
                    double dp, double d, const lsc_certify_options *opt)
{
  if (!x || !G || !p)
    LSC_ERROR ("NULL argument", LSC_EFAULT);
  int rc = lsc_young_check (G);
  if (rc)
    return rc;
  if (!(d > 0) || !isfinite (d) || !(dp > 0) || !isfinite (dp))
    LSC_ERROR ("d must be positive and finite", LSC_EINVAL);
  size_t np = lsc_young_nparams (G);
  if (!lsc_all_finite (p, np))
    LSC_ERROR ("non-finite parameter", LSC_ENONFINITE);
  for (size_t i = 0; i < np; i++)
    arb_set_d (x + i, p[i]);
  arb_t db;
  arb_init (db);
  arb_set_d (db, dp);
  rc = lsc_certify_newton (x, G, db, opt);
  if (!rc)
    rc = lsc_cert_track (x, G, dp, d, 0.05, opt);
  arb_clear (db);
  return rc ? LSC_ENOCONV : LSC_SUCCESS;
}
