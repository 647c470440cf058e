/* Centered (mean value) forms of the restricted loss, gradient and
   Hessian over a box of parameters and a ball of d: one exact direction
   per coordinate, the d direction by a Taylor model. */
#include <config.h>
#include "internal.h"
#include "certify/certify_impl.h"

/* One jet pass at (X, D) in the direction of root coordinate k (every
   parameter i with root[i] == k, or i == k when root is NULL, has
   derivative 1) or the d direction (k == nr), accumulating
   f' (X_k - x_k) into the sums. */
static int
partial_pass (arb_t Ls, arb_ptr gs, arb_ptr Hs, lsc_jet *pj, lsc_jet *gj,
              lsc_jet *Hj, lsc_jet *dj, lsc_jet *Lj, arb_srcptr x,
              const arb_t dm, arb_srcptr X, const arb_t D, size_t k,
              size_t i0, size_t nr, const int *root, const lsc_young *G,
              const int *ks, const int *alias, slong prec)
{
  size_t np = lsc_young_nparams (G);
  arb_t step;
  arb_init (step);
  arb_t one;
  arb_init (one);
  arb_one (one);
  for (size_t i = 0; i < np; i++)
    lsc_jet_set_arb (&pj[i], X + i,
                     (root ? (size_t) root[i] : i) == k ? one : NULL);
  lsc_jet_set_arb (dj, D, k == nr ? one : NULL);
  if (k == nr)
    arb_sub (step, D, dm, prec);
  else
    arb_sub (step, X + i0, x + i0, prec);
  arb_clear (one);
  int rc = lsc_restricted_eval_jet (Ls ? Lj : NULL, gj, Hj, pj, G, dj, ks,
                                    alias, prec);
  if (!rc)
    {
      arb_t e;
      arb_init (e);
      if (Ls)
        {
          lsc_jet_get_coef (e, Lj, 1);
          arb_addmul (Ls, e, step, prec);
        }
      for (size_t i = 0; gs && i < np; i++)
        {
          lsc_jet_get_coef (e, &gj[i], 1);
          arb_addmul (gs + i, e, step, prec);
        }
      for (size_t i = 0; Hs && i < np * np; i++)
        {
          lsc_jet_get_coef (e, &Hj[i], 1);
          arb_addmul (Hs + i, e, step, prec);
        }
      arb_clear (e);
    }
  arb_clear (step);
  return rc;
}

/* The first parameter with root coordinate k (np when none). */
static size_t
first_of_root (const int *root, size_t np, size_t k)
{
  if (!root)
    return k;
  for (size_t i = 0; i < np; i++)
    if ((size_t) root[i] == k)
      return i;
  return np;
}

/* Centered form with one exact direction per coordinate: the partial
   derivatives are enclosed over the box with their signs, so that they
   cancel as in the exact mean value theorem (one jet pass with the whole
   box as direction would add the absolute values of every intermediate
   term instead).  With root, the parameters are functions of nr root
   coordinates (parameter i a copy of coordinate root[i]: equal balls and
   centres), and the mean value theorem is applied to the composition, in
   the root coordinates: nr passes instead of np. */
int
lsc_cert_eval_centered (arb_t L, arb_ptr g, arb_ptr H, arb_srcptr x,
                        const arb_t dm, arb_srcptr X, const arb_t D,
                        const lsc_young *G, const int *ks,
                        const int *alias, const int *root, size_t nr, int N,
                        slong prec)
{
  size_t np = lsc_young_nparams (G);
  if (!root)
    nr = np;
  int rc = LSC_SUCCESS;
  /* a point d and a box at the rounding level: the direct evaluation
     over the box is as narrow, at the cost of one pass instead of np + 2 */
  int tiny = mag_is_zero (arb_radref (D));
  for (size_t k = 0; tiny && k < np; k++)
    tiny = mag_cmp_2exp_si (arb_radref (X + k), -prec / 2) <= 0;
  if (tiny)
    return lsc_cert_eval (L, NULL, g, NULL, H, NULL, X, NULL, G, D, NULL, ks,
                          alias, prec);
  lsc_cert_jets j;
  if ((rc = lsc_cert_jets_init (&j, np, g != NULL, H != NULL)))
    return rc;
  lsc_jet *pj = j.p, *gj = j.g, *Hj = j.H, *dj = &j.d, *Lj = &j.L;
  arb_t Ls;
  arb_init (Ls);
  arb_ptr gs = g ? _arb_vec_init ((slong) np) : NULL,
          Hs = H ? _arb_vec_init ((slong) (np * np)) : NULL;
  /* a ball of d: the centre's values over D by Taylor models in d (the
     d direction is then not a partial pass) */
  int tm = !mag_is_zero (arb_radref (D)) && N >= 1;
  for (size_t k = 0; k < nr + !tm && !rc; k++)
    {
      size_t i0 = k < nr ? first_of_root (root, np, k) : np;
      if (k < nr ? i0 == np
                     || (mag_is_zero (arb_radref (X + i0))
                         && arf_equal (arb_midref (X + i0),
                                       arb_midref (x + i0)))
                 : mag_is_zero (arb_radref (D))
                     && arf_equal (arb_midref (D), arb_midref (dm)))
        continue;
      rc = partial_pass (L ? Ls : NULL, gs, Hs, pj, gj, Hj, dj, Lj, x, dm,
                         X, D, k, i0, nr, root, G, ks, alias, prec);
    }
  if (!rc && tm)
    {
      size_t s = (size_t) N + 1;
      arb_ptr Lc = L ? _arb_vec_init ((slong) s) : NULL,
              gc = g ? _arb_vec_init ((slong) (np * s)) : NULL,
              Hc = H ? _arb_vec_init ((slong) (np * np * s)) : NULL;
      arb_t T;
      arb_init (T);
      arb_sub (T, D, dm, prec);
      rc = lsc_cert_taylor_coefs_jets (Lc, gc, Hc, &j, x, dm, D, N, G, ks,
                                       alias, prec);
      if (!rc)
        {
          if (L)
            lsc_cert_taylor_sum (LSC_JV (Lj), Lc, N, T, prec);
          for (size_t i = 0; g && i < np; i++)
            lsc_cert_taylor_sum (LSC_JV (&gj[i]), gc + i * s, N, T, prec);
          for (size_t i = 0; H && i < np * np; i++)
            lsc_cert_taylor_sum (LSC_JV (&Hj[i]), Hc + i * s, N, T, prec);
        }
      if (Lc)
        _arb_vec_clear (Lc, (slong) s);
      if (gc)
        _arb_vec_clear (gc, (slong) (np * s));
      if (Hc)
        _arb_vec_clear (Hc, (slong) (np * np * s));
      arb_clear (T);
    }
  else if (!rc)
    {
      /* the centre */
      for (size_t i = 0; i < np; i++)
        lsc_jet_set_arb (&pj[i], x + i, NULL);
      lsc_jet_set_arb (dj, dm, NULL);
      rc = lsc_restricted_eval_jet (L ? Lj : NULL, gj, Hj, pj, G, dj, ks,
                                    alias, prec);
    }
  if (!rc)
    {
      if (L)
        arb_add (L, LSC_JV (Lj), Ls, prec);
      for (size_t i = 0; g && i < np; i++)
        arb_add (g + i, LSC_JV (&gj[i]), gs + i, prec);
      for (size_t i = 0; H && i < np * np; i++)
        arb_add (H + i, LSC_JV (&Hj[i]), Hs + i, prec);
    }
  lsc_cert_jets_clear (&j);
  arb_clear (Ls);
  if (gs)
    _arb_vec_clear (gs, (slong) np);
  if (Hs)
    _arb_vec_clear (Hs, (slong) (np * np));
  return rc;
}

