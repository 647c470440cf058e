/* Public ball evaluators of the restricted loss (values, and derivatives
   along a direction) over the jets of ball_restricted.c; options. */
#include <config.h>
#include <math.h>
#include "internal.h"
#include "certify/certify_impl.h"
#include "landscape/lsc_certify.h"

void
lsc_certify_options_init (lsc_certify_options *opt)
{
  opt->prec = 0;
  opt->newton_iter = 40;
  opt->inflate = 8;
  opt->dstar_width = 1e-31;
  opt->max_pieces = 20000;
  opt->max_rel_width = 0.05;
  opt->min_rel_width = 1e-15;
  opt->taylor = 0;
  opt->scaled = -1;
  opt->range_prec = 128;
}

slong
lsc_certify_prec (const lsc_certify_options *opt, double d)
{
  if (opt && opt->prec > 0)
    return opt->prec;
  double lg = log2 (fabs (d) + 2);
  return 192 + (slong) (5 * (isfinite (lg) ? lg : 64));
}

int
lsc_certify_taylor (const lsc_certify_options *opt, double d)
{
  if (opt && opt->taylor > 0)
    return opt->taylor < LSC_JET_MAX ? opt->taylor : LSC_JET_MAX - 1;
  /* order 4 suffices below 1e6; above, the remainder of order N over a
     subinterval of relative width w is ~ w^(N+1) times terms ~ d^2 that
     cancel only coefficient by coefficient: order 7 keeps the pieces
     ~ 1 % of d up to 1e9 (order 4: 0.04 % at 1e9) */
  return isfinite (d) && fabs (d) >= 1e6 ? 7 : 4;
}

void
lsc_cert_vec_to_mat (arb_mat_t M, arb_srcptr a, size_t n)
{
  for (size_t i = 0; i < n; i++)
    for (size_t j = 0; j < n; j++)
      arb_set (arb_mat_entry (M, i, j), a + i * n + j);
}

int
lsc_cert_jets_init (lsc_cert_jets *j, size_t np, int want_g, int want_H)
{
  j->np = np;
  j->p = lsc_jet_vec_init (np);
  j->g = want_g ? lsc_jet_vec_init (np) : NULL;
  j->H = want_H ? lsc_jet_vec_init (np * np) : NULL;
  lsc_jet_init (&j->d);
  lsc_jet_init (&j->L);
  if (!j->p || (want_g && !j->g) || (want_H && !j->H))
    {
      lsc_cert_jets_clear (j);
      return LSC_ENOMEM;
    }
  return LSC_SUCCESS;
}

void
lsc_cert_jets_clear (lsc_cert_jets *j)
{
  lsc_jet_vec_clear (j->p, j->np);
  lsc_jet_vec_clear (j->g, j->np);
  lsc_jet_vec_clear (j->H, j->np * j->np);
  lsc_jet_clear (&j->d);
  lsc_jet_clear (&j->L);
  j->p = j->g = j->H = NULL;
}

/* The evaluation without argument checks or error reports (a failed
   enclosure is an answer, not an error, inside the proofs). */
int
lsc_cert_eval (arb_t L, arb_t Ldot, arb_ptr g, arb_ptr gdot, arb_ptr H,
               arb_ptr Hdot, arb_srcptr p, arb_srcptr pdot,
               const lsc_young *G, const arb_t d, const arb_t ddot,
               const int *ks, const int *alias, slong prec)
{
  size_t np = lsc_young_nparams (G);
  lsc_cert_jets j;
  int rc = lsc_cert_jets_init (&j, np, g != NULL, H != NULL);
  if (rc)
    return rc;
  for (size_t i = 0; i < np; i++)
    lsc_jet_set_arb (&j.p[i], p + i, pdot ? pdot + i : NULL);
  lsc_jet_set_arb (&j.d, d, ddot);
  if ((rc = lsc_restricted_eval_jet (L ? &j.L : NULL, j.g, j.H, j.p, G, &j.d,
                                     ks, alias, prec)))
    goto cleanup;
  if (L)
    {
      arb_set (L, LSC_JV (&j.L));
      if (Ldot)
        lsc_jet_get_coef (Ldot, &j.L, 1);
    }
  for (size_t i = 0; g && i < np; i++)
    {
      arb_set (g + i, LSC_JV (&j.g[i]));
      if (gdot)
        lsc_jet_get_coef (gdot + i, &j.g[i], 1);
    }
  for (size_t i = 0; H && i < np * np; i++)
    {
      arb_set (H + i, LSC_JV (&j.H[i]));
      if (Hdot)
        lsc_jet_get_coef (Hdot + i, &j.H[i], 1);
    }
cleanup:
  lsc_cert_jets_clear (&j);
  return rc;
}

int
lsc_restricted_deriv_arb (arb_t L, arb_t Ldot, arb_ptr g, arb_ptr gdot,
                          arb_ptr H, arb_ptr Hdot, arb_srcptr p,
                          arb_srcptr pdot, const lsc_young *G, const arb_t d,
                          const arb_t ddot, slong prec)
{
  if (!p || !G || !d || (!L && !g && !H))
    LSC_ERROR ("NULL argument", LSC_EFAULT);
  int rc = lsc_young_check (G);
  if (rc)
    return rc;
  if (prec < 2)
    LSC_ERROR ("precision below 2 bits", LSC_EINVAL);
  size_t np = lsc_young_nparams (G);
  if (!arb_is_finite (d) || (ddot && !arb_is_finite (ddot)))
    LSC_ERROR ("non-finite d", LSC_ENONFINITE);
  for (size_t i = 0; i < np; i++)
    if (!arb_is_finite (p + i) || (pdot && !arb_is_finite (pdot + i)))
      LSC_ERROR ("non-finite parameter", LSC_ENONFINITE);
  rc = lsc_cert_eval (L, Ldot, g, gdot, H, Hdot, p, pdot, G, d, ddot, NULL,
                      NULL, prec);
  if (rc == LSC_ENOMEM)
    LSC_ERROR ("out of memory", rc);
  if (rc)
    LSC_ERROR ("the large block, a row norm or an angle is not proved away "
               "from 0 (a zero row, or balls too wide)", rc);
  return rc;
}

int
lsc_restricted_eval_arb (arb_t L, arb_ptr g, arb_ptr H, arb_srcptr p,
                         const lsc_young *G, const arb_t d, slong prec)
{
  return lsc_restricted_deriv_arb (L, NULL, g, NULL, H, NULL, p, NULL, G, d,
                                   NULL, prec);
}
