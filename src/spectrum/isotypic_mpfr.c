/* Hessian spectrum by isotypic components of S_n in MPFR: the chain
   algorithm of isotypic.c with MPFR restricted Hessians, Gram-Schmidt
   complements and Jacobi eigenvalues, at any real d. */
#include <config.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "internal.h"
#include "kernel/kernel_mpfr.h"
#include "spectrum/linalg_mpfr.h"
#include "spectrum/linalg_dd.h"
#include "spectrum/isotypic_dd.h"
#include "spectrum/isochain.h"
#include "spectrum/isosplit.h"
#include "landscape/lsc_isotypic.h"
#include "landscape/lsc_restricted.h"

#include "spectrum/isowork_mpfr.h"

size_t
lsc_isotypic_max_mpfr (const lsc_young *G)
{
  lsc_isochain ch;
  if (!G || lsc_young_check (G))
    return 0;
  size_t n = lsc_isochain_make_small (&ch, G, 4) ? 0
                                                 : ch.n0 + ch.n1 + ch.n2;
  lsc_isochain_free (&ch);
  return n;
}

/* Merge raw eigenvalues of each component within max(atol, rtol scale)
   into values/info (see lsc_isotypic_spectrum). */
static void
merge (mpfr_t *values, lsc_iso_eigen *info, size_t *nout, mpfr_t *raw,
       const int *irr, const double *wt, size_t cnt, double rtol,
       double atol, double L, mpfr_t t)
{
  double scale = 0;
  for (size_t i = 0; i < cnt; i++)
    scale = fmax (scale, fabs (mpfr_get_d (raw[i], MPFR_RNDN)));
  double tol = fmax (atol, rtol * scale);
  size_t w = 0, g = 0;
  while (g < cnt)
    {
      size_t h = g + 1;
      while (h < cnt && irr[h] == irr[g])
        {
          mpfr_sub (t, raw[h], raw[h - 1], MPFR_RNDN);
          if (mpfr_cmp_d (t, tol) > 0)
            break;
          h++;
        }
      /* the weighted mean (weights: the small integers that repeat an
         eigenvalue of a piece, added as that many copies) */
      double tw = 0;
      mpfr_set_zero (t, 1);
      for (size_t j = g; j < h; j++)
        for (double r = 0; r < wt[j]; r++, tw++)
          mpfr_add (t, t, raw[j], MPFR_RNDN);
      mpfr_div_d (values[w], t, tw, MPFR_RNDN);
      mpfr_sub (t, raw[h - 1], raw[g], MPFR_RNDN);
      info[w].value = mpfr_get_d (values[w], MPFR_RNDN);
      info[w].irrep = irr[g];
      info[w].inner = (size_t) tw;
      info[w].mult = tw * lsc_irrep_dim (irr[g], L);
      info[w].spread = mpfr_get_d (t, MPFR_RNDU);
      w++;
      g = h;
    }
  *nout = w;
}

/* The body of lsc_isotypic_spectrum_mpfr once inputs are checked. */
static int
spectrum (mpfr_t *raw, int *irr, size_t *cnt, const mpfr_t *p,
          const lsc_isochain *ch, const mpfr_t d, const mpfr_t L, lsc_isowork *w, int only)
{
  /* only < 0: every component; otherwise the eigenvalues of that component
     alone (the finer levels that it does not need are skipped) */
  size_t n0 = ch->n0, n1 = ch->n1, n2 = ch->n2, k, z0, z1, z2;
  int rc;
  /* t: Fix(G0) */
  for (size_t i = 0; i < n0; i++)
    mpfr_set (w->pf[i], p[ch->par0[i]], MPFR_RNDN);
  mpfr_set (w->Lq, L, MPFR_RNDN);
  if ((rc = lsc_isowork_hessian (w, &ch->G0, n0, d, w->Lq)))
    return rc;
  z0 = lsc_isowork_nonempty (w->sm, n0);
  if ((only < 0 || only == LSC_IRREP_T)
      && (rc = lsc_isowork_component (w, &ch->G0, &ch->sb[0], n0, NULL, n0,
                                      LSC_IRREP_T, raw, irr, cnt)))
    return rc;
  if (only == LSC_IRREP_T || mpfr_cmp_ui (L, 2) < 0) /* s needs n >= 2 */
    return LSC_SUCCESS;

  /* s: Fix(G1) minus the image of Fix(G0), B = M1^{1/2} A10 M0^{-1/2} */
  for (size_t i = 0; i < n0; i++)
    {
      mpfr_set (w->pc[i], w->pf[i], MPFR_RNDN);
      mpfr_set (w->smc[i], w->sm[i], MPFR_RNDN);
    }
  for (size_t i = 0; i < n1; i++)
    mpfr_set (w->pf[i], w->pc[ch->par1[i]], MPFR_RNDN);
  mpfr_sub_ui (w->Lq, L, 1, MPFR_RNDN);
  if ((rc = lsc_isowork_hessian (w, &ch->G1, n1, d, w->Lq)))
    return rc;
  for (size_t j = 0; j < n0; j++)
    for (size_t i = 0; i < n1; i++)
      {
        mpfr_ptr s = w->S[j * n1 + i];
        mpfr_set_zero (s, 1);
        if (ch->par1[i] == (int) j && !mpfr_zero_p (w->smc[j]))
          mpfr_div (s, w->sm[i], w->smc[j], MPFR_RNDN);
      }
  z1 = 0;
  for (size_t j = 0; j < n1; j++)
    if (!mpfr_zero_p (w->sm[j]))
      {
        for (size_t i = 0; i < n1; i++)
          mpfr_set_ui (w->cand[z1 * n1 + i], i == j, MPFR_RNDN);
        z1++;
      }
  if ((rc = lsc_mpfr_complement (w->C, &k, (const mpfr_t *) w->S, n0,
                                 (const mpfr_t *) w->cand, z1, n1,
                                 mpfr_get_prec (w->t))))
    return rc;
  if (k != z1 - z0)
    return LSC_EFAILED;
  if ((only < 0 || only == LSC_IRREP_S)
      && (rc = lsc_isowork_component (w, &ch->G1, &ch->sb[1], n1,
                                      (const mpfr_t *) w->C, k, LSC_IRREP_S,
                                      raw, irr, cnt)))
    return rc;
  if (only == LSC_IRREP_S)
    return LSC_SUCCESS;

  if (mpfr_cmp_ui (L, 3) < 0) /* x and y need two singled indices */
    return LSC_SUCCESS;

  /* x, y: Fix(G2) minus the two copies of Fix(G1); tau (the swap of the
     two singled indices) splits it into odd (x) and even (y) parts:
     x = odd part minus {b - tau b}, y = even part minus {b + tau b}. */
  for (size_t i = 0; i < n1; i++)
    {
      mpfr_set (w->pc[i], w->pf[i], MPFR_RNDN);
      mpfr_set (w->smc[i], w->sm[i], MPFR_RNDN);
    }
  for (size_t i = 0; i < n2; i++)
    mpfr_set (w->pf[i], w->pc[ch->par2[i]], MPFR_RNDN);
  mpfr_sub_ui (w->Lq, L, 2, MPFR_RNDN);
  if ((rc = lsc_isowork_hessian (w, &ch->G2, n2, d, w->Lq)))
    return rc;
  size_t ktot = 0;
  z2 = lsc_isowork_nonempty (w->sm, n2);
  for (int odd = 1; odd >= 0; odd--)
    {
      int irrep = odd ? LSC_IRREP_X : LSC_IRREP_Y;
      for (size_t j = 0; j < n1; j++)
        for (size_t i = 0; i < n2; i++)
          {
            mpfr_ptr s = w->S[j * n2 + i];
            size_t ti = (size_t) ch->swap[i];
            mpfr_set_zero (s, 1);
            if (ch->par2[i] == (int) j && !mpfr_zero_p (w->smc[j]))
              mpfr_div (s, w->sm[i], w->smc[j], MPFR_RNDN);
            if (ch->par2[ti] == (int) j && !mpfr_zero_p (w->smc[j]))
              {
                mpfr_div (w->t, w->sm[ti], w->smc[j], MPFR_RNDN);
                if (odd)
                  mpfr_sub (s, s, w->t, MPFR_RNDN);
                else
                  mpfr_add (s, s, w->t, MPFR_RNDN);
              }
          }
      size_t nc = 0;
      for (size_t i = 0; i < n2; i++)
        {
          size_t ti = (size_t) ch->swap[i];
          if (ti < i || (odd && ti == i) || mpfr_zero_p (w->sm[i]))
            continue;
          for (size_t l = 0; l < n2; l++)
            mpfr_set_si (w->cand[nc * n2 + l],
                         l == i ? 1 : l == ti ? (odd ? -1 : 1) : 0,
                         MPFR_RNDN);
          nc++;
        }
      if ((rc = lsc_mpfr_complement (w->C, &k, (const mpfr_t *) w->S, n1,
                                     (const mpfr_t *) w->cand, nc, n2,
                                     mpfr_get_prec (w->t))))
        return rc;
      ktot += k;
      if (lsc_irrep_dim (irrep, mpfr_get_d (L, MPFR_RNDN)) <= 0
          || (only >= 0 && only != irrep))
        continue;
      if ((rc = lsc_isowork_component (w, &ch->G2, &ch->sb[2], n2,
                                       (const mpfr_t *) w->C, k, irrep, raw,
                                       irr, cnt)))
        return rc;
    }
  return ktot + 2 * z1 == z2 + z0 ? LSC_SUCCESS : LSC_EFAILED;
}

static int
spectrum_mpfr (mpfr_t *values, lsc_iso_eigen *info, size_t *nout,
               const mpfr_t *p, const lsc_young *G, const mpfr_t d,
               double rtol, double atol, int only, int dd);

int
lsc_isotypic_spectrum_mpfr (mpfr_t *values, lsc_iso_eigen *info,
                            size_t *nout, const mpfr_t *p, const lsc_young *G,
                            const mpfr_t d, double rtol, double atol)
{
  return spectrum_mpfr (values, info, nout, p, G, d, rtol, atol, -1, 0);
}

int
lsc_isotypic_spectrum_mpfr_dd (mpfr_t *values, lsc_iso_eigen *info,
                               size_t *nout, const mpfr_t *p,
                               const lsc_young *G, const mpfr_t d,
                               double rtol, double atol)
{
  return spectrum_mpfr (values, info, nout, p, G, d, rtol, atol, -1, 1);
}

int
lsc_isotypic_component_mpfr (mpfr_t *values, lsc_iso_eigen *info,
                             size_t *nout, const mpfr_t *p,
                             const lsc_young *G, const mpfr_t d, int irrep,
                             double rtol, double atol)
{
  if (irrep < LSC_IRREP_T || irrep > LSC_IRREP_Y)
    LSC_ERROR ("unknown isotypic component", LSC_EINVAL);
  return spectrum_mpfr (values, info, nout, p, G, d, rtol, atol, irrep, 0);
}

static int
spectrum_mpfr (mpfr_t *values, lsc_iso_eigen *info, size_t *nout,
               const mpfr_t *p, const lsc_young *G, const mpfr_t d,
               double rtol, double atol, int only, int dd)
{
  if (!values || !info || !nout || !p || !G || !d)
    LSC_ERROR ("NULL argument", LSC_EFAULT);
  int rc = lsc_young_check (G);
  if (rc)
    return rc;
  if (!(rtol >= 0) || !(atol >= 0))
    LSC_ERROR ("tolerances must be >= 0", LSC_EBADTOL);
  size_t np = lsc_young_nparams (G);
  if (!mpfr_number_p (d) || !lsc_mpfr_vec_finite (p, np))
    LSC_ERROR ("non-finite parameter or d", LSC_ENONFINITE);
  double Ld = mpfr_get_d (d, MPFR_RNDN);
  for (size_t c = 0; c < G->ncb; c++)
    if ((int) c != G->pair[0])
      Ld -= G->csize[c];
  if (!(Ld >= 1) || !isfinite (Ld) || (only > LSC_IRREP_T && !(Ld >= 2)))
    LSC_ERROR ("the large block is too small (t needs n >= 1, s n >= 2, x "
               "and y n >= 3)", LSC_EDOM);
  lsc_isochain ch;
  if ((rc = lsc_isochain_make_small (&ch, G, Ld)))
    {
      lsc_isochain_free (&ch);
      LSC_ERROR ("cannot refine the group", rc);
    }
  if (ch.np != np)
    {
      lsc_isochain_free (&ch);
      LSC_ERROR ("G's block 0 size does not match d (lsc_young_set_d)",
                 LSC_EINVAL);
    }
  size_t nmax = ch.n0 + ch.n1 + ch.n2, cnt = 0;
  int e2;
  frexp (Ld + 2, &e2);
  mpfr_prec_t wp = lsc_mpfr_vec_prec (values, nmax) + 2 * (mpfr_prec_t) e2
                   + 32 + lsc_mpfr_clog2 (ch.n2);
  lsc_isowork w;
  mpfr_t L, *raw = lsc_mpfr_vec_alloc (nmax, wp);
  int *irr = malloc (nmax * sizeof *irr);
  mpfr_init2 (L, wp);
  rc = lsc_isowork_init (&w, ch.n2, wp, dd);
  double *wt = malloc (nmax * sizeof *wt);
  w.wt = wt;
  if (!raw || !irr || !wt || rc)
    {
      rc = LSC_ENOMEM;
      lsc_error ("out of memory", __FILE__, __LINE__, rc);
    }
  else
    {
      mpfr_set (L, d, MPFR_RNDN);
      for (size_t c = 0; c < G->ncb; c++)
        if ((int) c != G->pair[0])
          mpfr_sub_d (L, L, G->csize[c], MPFR_RNDN);
      rc = spectrum (raw, irr, &cnt, p, &ch, d, L, &w, only);
      if (rc)
        lsc_error ("reduced spectrum failed (restricted Hessian, rank or "
                   "Jacobi)", __FILE__, __LINE__, rc);
      else
        merge (values, info, nout, raw, irr, wt, cnt, rtol, atol, Ld, w.t);
    }
  lsc_isowork_clear (&w);
  lsc_mpfr_vec_free (raw, raw ? nmax : 0);
  free (irr);
  free (wt);
  mpfr_clear (L);
  lsc_isochain_free (&ch);
  return rc;
}

int
lsc_isotypic_spectrum_accurate (lsc_iso_eigen *out, size_t *nout,
                                const double *p, const lsc_young *G,
                                double rtol, double atol)
{
  if (!out || !nout || !p || !G)
    LSC_ERROR ("NULL argument", LSC_EFAULT);
  int rc = lsc_young_check (G);
  if (rc)
    return rc;
  size_t np = lsc_young_nparams (G), nmax = lsc_isotypic_max_mpfr (G);
  if (!lsc_all_finite (p, np))
    LSC_ERROR ("non-finite parameter", LSC_ENONFINITE);
  if (!nmax)
    LSC_ERROR ("the group cannot be refined for the reduced spectrum (more "
               "than LSC_YOUNG_MAX blocks)", LSC_EUNSUP);
  mpfr_t *v = lsc_mpfr_vec_alloc (nmax, 128), *pm = lsc_mpfr_vec_alloc (np, 53);
  mpfr_t d;
  mpfr_init2 (d, 64);
  mpfr_set_d (d, lsc_young_d (G), MPFR_RNDN);
  if (!v || !pm)
    {
      rc = LSC_ENOMEM;
      lsc_error ("out of memory", __FILE__, __LINE__, rc);
    }
  else
    {
      for (size_t i = 0; i < np; i++)
        mpfr_set_d (pm[i], p[i], MPFR_RNDN);
      rc = lsc_isotypic_spectrum_mpfr_dd (v, out, nout, (const mpfr_t *) pm,
                                          G, d, rtol, atol);
    }
  lsc_mpfr_vec_free (v, v ? nmax : 0);
  lsc_mpfr_vec_free (pm, pm ? np : 0);
  mpfr_clear (d);
  return rc;
}
