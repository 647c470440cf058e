/* Polish and full Hessian spectrum of a descent end point with Young-type
   isotropy, without a kd x kd matrix: restricted Newton in the fixed
   space, then the isotypic spectrum. */
#include <config.h>
#include <string.h>
#include <math.h>
#include "descent_impl.h"
#include "landscape/lsc_detect.h"
#include "landscape/lsc_newton.h"
#include "landscape/lsc_isotypic.h"
#include "internal.h"

/* Contract in lsc_descent.h.  Every failure leaves W unchanged, so that
   the caller can take the dense route from the same point. */
int
lsc_descent_polish_symmetric (double *W, double *eval,
                              lsc_descent_result *res, const lsc_problem *p,
                              const lsc_descent_params *par,
                              double detect_tol, lsc_descent_workspace *ws)
{
  lsc_descent_result r = { 0, 0, 0, NAN, NAN };
  int rc = lsc_descent_check (W, p, par, ws);
  if (rc)
    goto cleanup;
  if (!eval)
    LSC_FAIL ("lsc_descent_polish_symmetric: NULL eval", LSC_EFAULT);
  if (!(detect_tol > 0.0) || !isfinite (detect_tol))
    LSC_FAIL ("lsc_descent_polish_symmetric: bad tolerance", LSC_EBADTOL);
  if (!lsc_descent_identity_target (p))
    LSC_FAIL ("lsc_descent_polish_symmetric: target is not V = I, "
              "alpha = beta = 1", LSC_EUNSUP);
  const size_t k = ws->k, d = ws->d, n = ws->n;
  /* 1. isotropy of the end point; the isotypic route needs block 0 of 3
     or more (it singles out two of its indices) */
  lsc_young G;
  double p0[LSC_DETECT_MAXPARAMS], q[LSC_DETECT_MAXPARAMS];
  if ((rc = lsc_detect (&G, ws->rowperm, ws->colperm, p0, NULL, W, k, d,
                        detect_tol, ws->det)))
    goto cleanup;
  /* 2. Newton on the restricted gradient (a handful of parameters, cost
     independent of d) to the rounding floor; the solution must stay
     within detect_tol of the detected parameters: a jump would be
     another critical point */
  size_t np = lsc_young_nparams (&G);
  memcpy (q, p0, np * sizeof (double));
  lsc_newton_params npar;
  lsc_newton_params_init (&npar);
  npar.epsx = 1e-15;
  lsc_newton_result nres;
  if ((rc = lsc_newton_restricted (q, &nres, &G, &npar)))
    goto cleanup;
  r.iter = nres.iter;
  double dev = 0.0;
  for (size_t i = 0; i < np; i++)
    dev = fmax (dev, fabs (q[i] - p0[i]));
  if (!(dev <= detect_tol))
    LSC_FAIL ("lsc_descent_polish_symmetric: restricted Newton left the "
              "detected point", LSC_ENOCONV);
  /* 3. the polished point in W's own row and column order, checked by
     the full gradient */
  if ((rc = lsc_young_embed (ws->dir, q, &G)))
    goto cleanup;
  for (size_t t = 0; t < k; t++)
    for (size_t u = 0; u < d; u++)
      ws->Wt[ws->rowperm[t] * d + ws->colperm[u]] = ws->dir[t * d + u];
  rc = lsc_loss_grad (&r.loss, ws->Gt, ws->Wt, p, ws->lw);
  r.nfev++;
  if (rc)
    goto cleanup;
  r.gnorm = lsc_descent_norm (ws->Gt, n);
  if (!(r.gnorm <= par->newton_accept))
    LSC_FAIL ("lsc_descent_polish_symmetric: gradient of the symmetric "
              "point above newton_accept", LSC_ENOCONV);
  /* 4. the spectrum of the symmetric point: entries of one orbit are
     equal there, distinct parameters differ by more than detect_tol, so
     a tenth of it recovers the same group; nothing merged, every
     component eigenvalue listed with its multiplicity */
  lsc_young G2;
  size_t ng = 0, i = 0;
  int iso = G.rsize[0] >= 3
    && lsc_isotypic_full (ws->grp, ws->comp, &ng, &G2, ws->Wt, k, d,
                          0.1 * detect_tol, 0.0, 0.0) == LSC_SUCCESS;
  if (iso)
    {
      if (G2.nrb != G.nrb || G2.ncb != G.ncb
          || memcmp (G2.rsize, G.rsize, G.nrb * sizeof (double))
          || memcmp (G2.csize, G.csize, G.ncb * sizeof (double)))
        LSC_FAIL ("lsc_descent_polish_symmetric: the polished point has "
                  "another isotropy", LSC_EFAILED);
      for (size_t g = 0; g < ng; g++)
        for (size_t j = 0; j < ws->grp[g].mult && i < n; j++)
          eval[i++] = ws->grp[g].value;
    }
  else
    {
      /* several large blocks (or a small block 0): orbit compression of
         the Hessian, one row per orbit */
      if ((rc = lsc_descent_orbit_spectrum (eval, ws->Wt, p, &G, ws->rowperm,
                                            ws->colperm, ws)))
        goto cleanup;
      i = n;
    }
  if (i != n || !lsc_all_finite (eval, n))
    LSC_FAIL ("lsc_descent_polish_symmetric: incomplete spectrum",
              LSC_EFAILED);
  memcpy (W, ws->Wt, n * sizeof (double));
  memcpy (ws->G, ws->Gt, n * sizeof (double));
cleanup:
  r.status = rc;
  if (res)
    *res = r;
  return rc;
}
