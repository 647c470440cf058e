/* A catalogue entry from a critical point: isotropy detection, Newton on
   the restricted system, continuation to the reference d, type, loss and
   d*; a name derived from the isotropy; the catalogue line. */
#include <config.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <math.h>
#include <mpfr.h>
#include "landscape/lsc_branch.h"
#include "landscape/lsc_detect.h"
#include "landscape/lsc_restricted.h"
#include "landscape/lsc_bifurcation.h"
#include "landscape/lsc_isotypic.h"
#include "landscape/lsc_descent.h"
#include "landscape/lsc_overparam.h"
#include "internal.h"
#include "branch_internal.h"

#define MAXBR 32

static int
fail (char *err, size_t len, int st, const char *msg)
{
  if (err && len)
    snprintf (err, len, "%s (%s)", msg, lsc_strerror (st));
  lsc_error (msg, __FILE__, __LINE__, st);
  return st;
}

int
lsc_branch_family_name (char *buf, size_t len, const lsc_young *G,
                        const double *p)
{
  if (!buf || !G || !p || len == 0)
    LSC_ERROR ("lsc_branch_family_name: NULL argument", LSC_EFAULT);
  size_t o = 0;
#define PUT(...) do { int w_ = snprintf (buf + o, o < len ? len - o : 0, \
                                         __VA_ARGS__);                \
                      o += w_ > 0 ? (size_t) w_ : 0; } while (0)
  /* paired small blocks joined by '-', then "e<n>" for each unpaired row
     block of n extra neurons (k > d), then the signs of the paired
     blocks' diagonals */
  PUT ("Y");
  int first = 1;
  for (size_t r = 1; r < G->nrb; r++)
    if (G->pair[r] >= 0)
      {
        PUT ("%s%.0f", first ? "" : "-", G->rsize[r]);
        first = 0;
      }
  for (size_t r = 1; r < G->nrb; r++)
    if (G->pair[r] < 0)
      PUT ("e%.0f", G->rsize[r]);
  PUT ("_");
  for (size_t r = 0; r < G->nrb; r++)
    {
      int j = G->pair[r] >= 0
                  ? lsc_young_param_index (G, (int) r, G->pair[r],
                                           LSC_PARAM_DIAG) : -1;
      if (j >= 0)
        PUT ("%c", p[j] < 0 ? 'f' : 'a');
    }
#undef PUT
  if (o >= len)
    LSC_ERROR ("lsc_branch_family_name: buffer too short", LSC_ERANGE);
  return LSC_SUCCESS;
}

int
lsc_branch_entry_format (char *buf, size_t len, const lsc_family *f)
{
  if (!buf || !f || len == 0)
    LSC_ERROR ("lsc_branch_entry_format: NULL argument", LSC_EFAULT);
  size_t o = 0;
#define PUT(...) do { int w_ = snprintf (buf + o, o < len ? len - o : 0, \
                                         __VA_ARGS__);                \
                      o += w_ > 0 ? (size_t) w_ : 0; } while (0)
  PUT ("%s\t%s\t%.17g\t", f->name, f->isotropy, f->d);
  for (size_t i = 0; i < f->nparams; i++)
    PUT ("%s%.17g", i ? "," : "", f->p[i]);
  PUT ("\t%.17g\t%s\t%s\t%s", f->loss, f->kind, f->description,
       f->dstar_text[0] ? f->dstar_text : "-");
#undef PUT
  if (o >= len)
    LSC_ERROR ("lsc_branch_entry_format: buffer too short", LSC_ERANGE);
  return LSC_SUCCESS;
}

/* The largest d in [2, dref] at which the Morse index falls to 0 as d
   grows, to 30 digits (dstar_text "" when there is none or it is not
   certified). */
static int
find_dstar (lsc_family *fam, double *fold)
{
  lsc_bif_bracket *br = malloc (MAXBR * sizeof *br);
  if (!br)
    return LSC_ENOMEM;
  size_t nb = 0;
  int st = lsc_bif_scan (br, &nb, MAXBR, &fam->G, fam->p, fam->d, 2, fam->d);
  long best = -1;
  *fold = NAN;
  for (size_t b = 0; !st && b < nb; b++)
    if (br[b].fold && !(br[b].d_lo <= *fold))
      *fold = br[b].d_lo;
  for (size_t b = 0; !st && b < nb; b++)
    if (!br[b].fold && br[b].index_lo > 0 && br[b].index_hi == 0
        && (best < 0 || br[b].d_lo > br[best].d_lo))
      best = (long) b;
  if (!st && best >= 0)
    {
      lsc_bif_options bo;
      lsc_bif_options_init (&bo);
      lsc_bif_family bf;
      lsc_bif_restricted rr;
      lsc_bif_restricted_init (&bf, &rr, &fam->G, br[best].irrep);
      mpfr_t ds;
      mpfr_init2 (ds, lsc_bif_prec (&bo, 1));
      lsc_bif_result res;
      int cs = lsc_bif_crossing (ds, NULL, &res, &bf, br[best].d_lo,
                                 br[best].d_hi, br[best].p_lo, br[best].p_hi,
                                 &bo);
      if (cs == LSC_SUCCESS && res.agreed)
        {
          mpfr_snprintf (fam->dstar_text, sizeof fam->dstar_text, "%.*Rg",
                         (int) bo.digits, ds);
          fam->dstar = mpfr_get_d (ds, MPFR_RNDN);
        }
      mpfr_clear (ds);
    }
  free (br);
  return st;
}

/* The walk's callback: keep the point at dref. */
typedef struct
{
  double dref;
  double *p;
  size_t np;
  int reached;
} at_ctx;

static int
at_dref (const lsc_cont_point *pt, int dir, int first, void *data)
{
  (void) dir;
  (void) first;
  at_ctx *a = data;
  if (pt->d == a->dref)
    {
      memcpy (a->p, pt->p, a->np * sizeof *a->p);
      a->reached = 1;
    }
  return 0;
}

int
lsc_branch_entry (lsc_family *fam, const double *W, size_t k, size_t d,
                  double dref, char *err, size_t errlen)
{
  if (!fam || !W)
    LSC_ERROR ("lsc_branch_entry: NULL argument", LSC_EFAULT);
  if (k < d || d == 0 || !(dref >= 2) || dref != floor (dref))
    return fail (err, errlen, LSC_EINVAL,
                 "catalogue entries need k >= d and an integer reference d");
  memset (fam, 0, sizeof *fam);
  fam->dstar = NAN;
  lsc_detect_workspace *dw = lsc_detect_alloc (k, d);
  double *Wc = malloc (k * d * sizeof *Wc);
  if (!dw || !Wc)
    {
      lsc_detect_free (dw);
      free (Wc);
      return fail (err, errlen, LSC_ENOMEM, "out of memory");
    }
  /* split neurons: the equal-share representative, as the census
     classifies (lsc_overparam(3)) */
  if (lsc_overparam_canonical (Wc, NULL, W, k, d, 1e-6) != 0)
    memcpy (Wc, W, k * d * sizeof *Wc);
  lsc_young G;
  double p[LSC_DETECT_MAXPARAMS];
  lsc_detect_info info;
  int st = lsc_detect (&G, NULL, NULL, p, &info, Wc, k, d, 1e-6, dw);
  lsc_detect_free (dw);
  free (Wc);
  if (st)
    return fail (err, errlen, st, "no Young-type isotropy detected");
  for (size_t r = 0; k == d && r < G.nrb; r++)
    if (G.pair[r] != (int) r || G.nrb != G.ncb)
      return fail (err, errlen, LSC_EUNSUP,
                   "isotropy is not of the k = d form kd:L,...");
  size_t np = lsc_young_nparams (&G);
  if (np > LSC_FAMILY_MAXP)
    return fail (err, errlen, LSC_EUNSUP, "too many parameters");
  lsc_newton_result nr;
  st = lsc_newton_restricted (p, &nr, &G, NULL);
  if (st)
    return fail (err, errlen, st, "Newton on the restricted system failed");
  /* continue to dref */
  if ((double) d != dref)
    {
      /* the one driver (lsc_family_follow) walks from the point to
         dref; the last point of the walk lands on dref exactly */
      lsc_family from;
      lsc_family_params fp;
      lsc_family_params_init (&fp);
      fp.dmin = fmin ((double) d, dref);
      fp.dmax = fmax ((double) d, dref);
      fp.step = at_dref;
      at_ctx ac = { dref, p, np, 0 };
      fp.step_data = &ac;
      lsc_family_domain dm;
      lsc_family_ws *fw = lsc_family_ws_alloc (np);
      if (!fw)
        return fail (err, errlen, LSC_ENOMEM, "out of memory");
      st = lsc_family_from_point (&from, &G, p, (double) d);
      if (!st)
        st = lsc_family_follow (NULL, NULL, &dm, &from, NULL, 0, &fp, fw);
      lsc_family_ws_free (fw);
      /* a side's end (fold, edge, step underflow) before dref: the
         continuation's own status */
      int end = dref > d ? dm.end_hi : dm.end_lo;
      if (!st && !ac.reached)
        st = end == LSC_END_FOLD ? LSC_EFOLD : end == LSC_END_EDGE
             ? LSC_EDOM : LSC_ESTEPUNDER;
      if (st)
        return fail (err, errlen, st,
                     "continuation to the reference d failed (the family "
                     "folds or ends before it)");
      if ((st = lsc_young_set_d (&G, dref)) != 0)
        return fail (err, errlen, st, "group invalid at the reference d");
      /* the continuation's corrector stops at its own tolerance (points
         off by up to 1.8e-11 were seen): polish at the reference d, as
         the catalogue's rows are Newton solutions there */
      if ((st = lsc_newton_restricted (p, &nr, &G, NULL)) != 0)
        return fail (err, errlen, st,
                     "Newton at the reference d failed");
    }
  fam->G = G;
  fam->d = dref;
  fam->nparams = np;
  memcpy (fam->p, p, np * sizeof *p);
  if ((st = lsc_isotropy_format (fam->isotropy, sizeof fam->isotropy, &G))
      || (st = lsc_restricted_loss_accurate (&fam->loss, p, &G)))
    return fail (err, errlen, st, "loss at the reference d");
  double index, nzero;
  int type;
  if ((st = lsc_branch_classify (&index, &nzero, &type, p, &G, dref, 1e-9)))
    return fail (err, errlen, st, "spectrum at the reference d");
  if (type == LSC_BRANCH_TYPE_UNKNOWN)
    return fail (err, errlen, LSC_EFAILED,
                 "type undetermined at the reference d (zero eigenvalue)");
  /* a second route: the full gradient and the full Hessian's inertia */
  lsc_branch_point pt;
  memset (&pt, 0, sizeof pt);
  pt.index = index;
  pt.nzero = nzero;
  pt.loss = fam->loss;
  if ((st = lsc_branch_integer_point (&pt, &G, p, (long) dref, NULL, 1e-9)))
    return fail (err, errlen, st, "full Hessian at the reference d");
  if (!pt.agree || !(pt.grad_full <= 1e-9))
    return fail (err, errlen, LSC_EFAILED,
                 "full gradient or full-Hessian inertia disagree with the "
                 "restricted solution at the reference d");
  snprintf (fam->kind, sizeof fam->kind, "%s",
            fam->loss <= 1e-12 ? "global-minimum"
            : index == 0 ? "spurious-minimum" : "saddle");
  if ((st = lsc_branch_family_name (fam->name, sizeof fam->name, &G, p)))
    return fail (err, errlen, st, "name");
  double fold = NAN;
  if (index == 0 && fam->loss > 1e-12 && (st = find_dstar (fam, &fold)) != 0)
    return fail (err, errlen, st, "scan for d*");
  char born[96] = "";
  if (!fam->dstar_text[0] && isfinite (fold))
    snprintf (born, sizeof born, "; no crossing below d = %.0f: the family "
              "ends at a fold near d = %.6g", dref, fold);
  char desc[1024];
  snprintf (desc, sizeof desc,
            "%s: Young isotropy %s with diagonal signs %s (a aligned, "
            "f flipped); Morse index %.0f at d = %.0f; catalogued by "
            "landscape-catalogue from a point at k = %zu, d = %zu%s",
            fam->name, fam->isotropy, strchr (fam->name, '_') + 1, index,
            dref, k, d, born);
  size_t dl = strlen (desc);
  if (dl >= sizeof fam->description)
    dl = sizeof fam->description - 1;
  memcpy (fam->description, desc, dl);
  fam->description[dl] = 0;
  return LSC_SUCCESS;
}
