/* Young-type families as bifurcation families (restricted gradient plus
   one isotypic component's eigenvalue), and the double scan along a
   branch that brackets crossings and folds. */
#include <config.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "internal.h"
#include "kernel/kernel_mpfr.h"
#include "landscape/lsc_restricted.h"
#include "landscape/lsc_isotypic.h"
#include "landscape/lsc_continuation.h"
#include "landscape/lsc_families.h"
#include "bifurcation/bif_internal.h"

#define NPMAX (LSC_YOUNG_MAX * LSC_YOUNG_MAX * 2)
#define LSC_BIF_ZERO_TOL 1e-9
#define LSC_BIF_EDGE 1e-3

static int
at_d (lsc_young *G, const lsc_bif_restricted *r, double d)
{
  *G = r->G;
  return lsc_young_set_d (G, d);
}

static int
r_g (mpfr_t *g, const mpfr_t *p, const mpfr_t d, void *params)
{
  lsc_young G;
  int rc = at_d (&G, params, mpfr_get_d (d, MPFR_RNDN));
  return rc ? rc : lsc_restricted_eval_mpfr (NULL, g, NULL, p, &G, d);
}

static int
r_jac (double *J, const double *p, double d, void *params)
{
  lsc_young G;
  int rc = at_d (&G, params, d);
  return rc ? rc : lsc_restricted_hess (J, p, &G);
}

static int
r_jac_mpfr (mpfr_t *J, const mpfr_t *p, const mpfr_t d, void *params)
{
  lsc_young G;
  int rc = at_d (&G, params, mpfr_get_d (d, MPFR_RNDN));
  return rc ? rc : lsc_restricted_eval_mpfr (NULL, NULL, J, p, &G, d);
}

/* The eigenvalue of the chosen component nearest to zero. */
static int
r_eig (mpfr_t lam, const mpfr_t *p, const mpfr_t d, void *params)
{
  const lsc_bif_restricted *r = params;
  lsc_young G;
  int rc = at_d (&G, r, mpfr_get_d (d, MPFR_RNDN));
  if (rc)
    return rc;
  size_t nmax = lsc_isotypic_max_mpfr (&G), nout = 0;
  mpfr_t *v = lsc_mpfr_vec_alloc (nmax, mpfr_get_prec (lam));
  lsc_iso_eigen *info = malloc (nmax * sizeof *info);
  if (!v || !info)
    rc = LSC_ENOMEM;
  else
    rc = lsc_isotypic_component_mpfr (v, info, &nout, p, &G, d, r->irrep, 0,
                                      0);
  if (!rc)
    {
      size_t best = nout;
      for (size_t i = 0; i < nout; i++)
        if (info[i].irrep == r->irrep
            && (best == nout || mpfr_cmpabs (v[i], v[best]) < 0))
          best = i;
      if (best == nout)
        rc = LSC_EINVAL; /* the component is absent at this d */
      else
        mpfr_set (lam, v[best], MPFR_RNDN);
    }
  lsc_mpfr_vec_free (v, v ? nmax : 0);
  free (info);
  return rc;
}

int
lsc_bif_restricted_init (lsc_bif_family *fam, lsc_bif_restricted *r,
                         const lsc_young *G, int irrep)
{
  if (!fam || !r || !G)
    LSC_ERROR ("NULL argument", LSC_EFAULT);
  int rc = lsc_young_check (G);
  if (rc)
    return rc;
  if (irrep < LSC_IRREP_T || irrep > LSC_IRREP_Y)
    LSC_ERROR ("unknown isotypic component", LSC_EINVAL);
  r->G = *G;
  r->irrep = irrep;
  fam->n = lsc_young_nparams (G);
  fam->g_mpfr = r_g;
  fam->jac = r_jac;
  fam->eig_mpfr = r_eig;
  fam->jac_mpfr = r_jac_mpfr;
  fam->params = r;
  return LSC_SUCCESS;
}

/* ---- scan ---- */

typedef struct
{
  lsc_young G;
  lsc_isotypic_workspace *ws;
  lsc_iso_eigen *out;
  lsc_bif_bracket *br;
  size_t nb, maxb, np;
  int have_prev;
  double prev_d, prev_p[NPMAX];
  long prev_neg[4];
  int prev_present[4];
  double prev_index;
  int status;
} scan_ctx;

/* Components computed at block size L (see lsc_isotypic_spectrum). */
static int
present (int irrep, double L)
{
  return irrep == LSC_IRREP_T || (irrep == LSC_IRREP_S && L >= 2)
         || L >= 3;
}

static void
add_bracket (scan_ctx *s, int irrep, double d, const double *p, double inner,
             int fold, double index)
{
  if (s->nb >= s->maxb)
    return;
  lsc_bif_bracket *b = &s->br[s->nb++];
  memset (b, 0, sizeof *b);
  b->irrep = irrep;
  b->inner = inner;
  b->fold = fold;
  int up = d > s->prev_d;
  b->d_lo = fold ? d : up ? s->prev_d : d;
  b->d_hi = fold ? d : up ? d : s->prev_d;
  memcpy (b->p_lo, fold ? p : up ? s->prev_p : p, s->np * sizeof *p);
  memcpy (b->p_hi, fold ? p : up ? p : s->prev_p, s->np * sizeof *p);
  b->index_lo = fold ? index : up ? s->prev_index : index;
  b->index_hi = fold ? index : up ? index : s->prev_index;
}

static int
scan_cb (const lsc_cont_point *pt, int dir, int first, void *data)
{
  (void) dir;
  scan_ctx *s = data;
  if (first)
    s->have_prev = 0;
  lsc_young G = s->G;
  if (lsc_young_set_d (&G, pt->d))
    return 0;
  size_t nout;
  int rc = lsc_isotypic_spectrum (s->out, &nout, pt->p, &G, 1e-9, 0, s->ws);
  if (rc)
    {
      s->status = rc;
      return rc;
    }
  long neg[4] = { 0, 0, 0, 0 };
  double inner[4] = { 1, 1, 1, 1 }, nearest[4] = { INFINITY, INFINITY,
                                                   INFINITY, INFINITY };
  /* eigenvalues within LSC_BIF_ZERO_TOL of zero (relative to the largest)
     are not counted: a family with a structural zero eigenvalue (e.g. a
     split neuron's ratio) would otherwise flicker in sign */
  double scale = 0, index = 0;
  for (size_t i = 0; i < nout; i++)
    scale = fmax (scale, fabs (s->out[i].value));
  for (size_t i = 0; i < nout; i++)
    {
      int r = s->out[i].irrep;
      if (s->out[i].value < -LSC_BIF_ZERO_TOL * scale)
        {
          neg[r] += (long) s->out[i].inner;
          index += s->out[i].mult;
        }
      if (fabs (s->out[i].value) < nearest[r])
        {
          nearest[r] = fabs (s->out[i].value);
          inner[r] = (double) s->out[i].inner;
        }
    }
  int pres[4];
  for (int r = 0; r < 4; r++)
    pres[r] = present (r, G.rsize[0]);
  /* below n = 3 the x and y components are not computed: the Morse index
     is then unknown */
  if (!pres[LSC_IRREP_X])
    index = NAN;
  if (s->have_prev)
    for (int r = 0; r < 4; r++)
      if (pres[r] && s->prev_present[r] && neg[r] != s->prev_neg[r])
        add_bracket (s, r, pt->d, pt->p, inner[r], 0, index);
  /* a "fold" at the edge of the domain (block 0 of size -> 1, where the
     branch ends asymptotically) is not a turning point of the family */
  if (pt->fold && G.rsize[0] - 1 > LSC_BIF_EDGE)
    add_bracket (s, LSC_IRREP_T, pt->d, pt->p, 1, 1, index);
  s->have_prev = 1;
  s->prev_d = pt->d;
  memcpy (s->prev_p, pt->p, s->np * sizeof *pt->p);
  memcpy (s->prev_neg, neg, sizeof neg);
  memcpy (s->prev_present, pres, sizeof pres);
  s->prev_index = index;
  return 0;
}

int
lsc_bif_scan (lsc_bif_bracket *br, size_t *nb, size_t maxb,
              const lsc_young *G, const double *p0, double d0, double d_min,
              double d_max)
{
  if (!br || !nb || !G || !p0)
    LSC_ERROR ("NULL argument", LSC_EFAULT);
  if (!(d_min <= d0 && d0 <= d_max))
    LSC_ERROR ("d0 must lie in [d_min, d_max]", LSC_EINVAL);
  int rc = lsc_young_check (G);
  if (rc)
    return rc;
  scan_ctx s;
  memset (&s, 0, sizeof s);
  s.G = *G;
  s.br = br;
  s.maxb = maxb;
  s.np = lsc_young_nparams (G);
  s.ws = lsc_isotypic_alloc (G);
  s.out = s.ws ? malloc (lsc_isotypic_max (s.ws) * sizeof *s.out) : NULL;
  /* the one driver (lsc_family_follow) walks the branch both ways */
  lsc_family fam;
  lsc_family_ws *fw = NULL;
  if ((rc = lsc_family_from_point (&fam, G, p0, d0)) != 0)
    goto done;
  fw = lsc_family_ws_alloc (s.np);
  if (!s.ws || !s.out || !fw)
    {
      rc = LSC_ENOMEM;
      goto done;
    }
  lsc_family_params par;
  lsc_family_params_init (&par);
  lsc_cont_params_init (&par.cont);
  par.cont.hmax = 0.25;
  par.dmin = d_min;
  par.dmax = d_max;
  par.step = scan_cb;
  par.step_data = &s;
  rc = lsc_family_follow (NULL, NULL, NULL, &fam, NULL, 0, &par, fw);
done:
  *nb = s.nb;
  lsc_family_ws_free (fw);
  free (s.out);
  lsc_isotypic_free (s.ws);
  if (rc)
    lsc_error ("scan along the branch failed", __FILE__, __LINE__, rc);
  return rc;
}
