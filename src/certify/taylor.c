/* Taylor models in d: enclosures of the restricted loss, gradient and
   Hessian at a fixed point for every d in a ball, from their Taylor
   coefficients in d at the ball's midpoint (orders below N) and a
   Lagrange remainder (order N, coefficients enclosed over the whole
   ball).  The huge terms of the restricted system (counts ~ d^2 times
   kernels) then cancel coefficient by coefficient, so that the width of
   an enclosure over a ball of d grows like w^(N+1) instead of w. */
#include <config.h>
#include "internal.h"
#include "certify/certify_impl.h"

/* Coefficients of L, g, H at p in d around the ball d: coefficient k of
   output o in out[o * (N + 1) + k]; with a ball d they enclose
   f^(k)(xi) / k! for every xi in it. */
static int
coefs (arb_ptr Lc, arb_ptr gc, arb_ptr Hc, lsc_cert_jets *j, arb_srcptr p,
       const arb_t d, int N, int kmin, int kmax, const lsc_young *G,
       const int *ks, const int *alias, slong prec)
{
  size_t np = lsc_young_nparams (G);
  for (size_t i = 0; i < np; i++)
    lsc_jet_set_arb (&j->p[i], p + i, NULL);
  /* d + eps: the series variable is d - d0; series of length kmax + 1
     (every operation's coefficient k depends only on the coefficients
     up to k, so the lower ones are those of a longer series) */
  j->d.n = kmax + 1;
  arb_set (&j->d.c[0], d);
  if (kmax >= 1)
    arb_one (&j->d.c[1]);
  for (int k = 2; k <= kmax; k++)
    arb_zero (&j->d.c[k]);
  int rc = lsc_restricted_eval_jet (Lc ? &j->L : NULL, gc ? j->g : NULL,
                                    Hc ? j->H : NULL, j->p, G, &j->d, ks,
                                    alias, prec);
  for (int k = kmin; !rc && k <= kmax; k++)
    {
      size_t s = (size_t) N + 1;
      if (Lc)
        lsc_jet_get_coef (Lc + k, &j->L, k);
      for (size_t i = 0; gc && i < np; i++)
        lsc_jet_get_coef (gc + i * s + (size_t) k, &j->g[i], k);
      for (size_t i = 0; Hc && i < np * np; i++)
        lsc_jet_get_coef (Hc + i * s + (size_t) k, &j->H[i], k);
    }
  return rc;
}

int
lsc_cert_taylor_coefs_jets (arb_ptr Lc, arb_ptr gc, arb_ptr Hc,
                            lsc_cert_jets *j, arb_srcptr p, const arb_t dm,
                            const arb_t D, int N, const lsc_young *G,
                            const int *ks, const int *alias, slong prec)
{
  if (N < 1 || N >= LSC_JET_MAX)
    return LSC_EINVAL;
  /* orders 0 .. N-1 at the midpoint, order N over the ball */
  int rc = coefs (Lc, gc, Hc, j, p, dm, N, 0, N - 1, G, ks, alias, prec);
  if (!rc)
    rc = coefs (Lc, gc, Hc, j, p, D, N, N, N, G, ks, alias, prec);
  return rc;
}

int
lsc_cert_taylor_coefs (arb_ptr Lc, arb_ptr gc, arb_ptr Hc, arb_srcptr p,
                       const arb_t dm, const arb_t D, int N,
                       const lsc_young *G, const int *ks,
                       const int *alias, slong prec)
{
  lsc_cert_jets j;
  int rc = lsc_cert_jets_init (&j, lsc_young_nparams (G), gc != NULL,
                               Hc != NULL);
  if (!rc)
    {
      rc = lsc_cert_taylor_coefs_jets (Lc, gc, Hc, &j, p, dm, D, N, G, ks,
                                       alias, prec);
      lsc_cert_jets_clear (&j);
    }
  return rc;
}

void
lsc_cert_taylor_sum (arb_t r, arb_srcptr c, int N, const arb_t T,
                     slong prec)
{
  /* Horner on the ball T = D - dm: sum_k c_k T^k (T's powers of one
     variable: Horner's enclosure is valid for every t in T) */
  arb_set (r, c + N);
  for (int k = N - 1; k >= 0; k--)
    {
      arb_mul (r, r, T, prec);
      arb_add (r, r, c + k, prec);
    }
}
