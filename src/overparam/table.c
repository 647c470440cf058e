/* The splitting table job: what splitting one or two neurons does to a
   k = d family at a given d (inertia by the scan job, a second group for
   m = 1, additivity for m = 2, the full-Hessian check at integer d).
   Job level: it calls the scan job, which itself uses only the
   symmetry-level parts of this module. */
#include <config.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "landscape/lsc_overparam.h"
#include "landscape/lsc_scan.h"
#include "landscape/lsc_descent.h"
#include "landscape/lsc_detect.h"
#include "landscape/lsc_isotypic.h"
#include "internal.h"

/* The same point with the largest paired row block (and its column) as
   block 0, the other blocks in their order: the reduced spectrum refines
   every block but block 0 into single rows, so a split point whose large
   block has fallen below a small one (Y10_af's 0+0 split at d = 20:
   rows:L,10,2,2 with L = 8, 1 + 10 + 2 + 2 rows and 2 singled out, 17 >
   LSC_YOUNG_MAX) needs fewer blocks with the larger block kept whole.
   Only at integer sizes (every block but block 0 must be integral).
   Returns 0 with *H, q set (H = G when block 0 is already the largest), or
   a status. */
static int
largest_first (lsc_young *H, double *q, const lsc_young *G, const double *p)
{
  size_t best = 0;
  for (size_t r = 1; r < G->nrb; r++)
    if (G->pair[r] >= 0 && G->rsize[r] > G->rsize[best])
      best = r;
  if (!lsc_young_is_integral (G))
    return LSC_EUNSUP;
  int rp[LSC_YOUNG_MAX], cp[LSC_YOUNG_MAX];
  int cb = G->pair[best];
  lsc_young h = *G;
  for (size_t r = 0; r < G->nrb; r++)
    rp[r] = r == 0 ? (int) best : r <= best ? (int) r - 1 : (int) r;
  for (size_t c = 0; c < G->ncb; c++)
    cp[c] = c == 0 ? cb : (int) c <= cb ? (int) c - 1 : (int) c;
  int cinv[LSC_YOUNG_MAX];
  for (size_t c = 0; c < G->ncb; c++)
    cinv[cp[c]] = (int) c;
  for (size_t r = 0; r < G->nrb; r++)
    {
      h.rsize[r] = G->rsize[rp[r]];
      h.pair[r] = G->pair[rp[r]] < 0 ? -1 : cinv[G->pair[rp[r]]];
    }
  for (size_t c = 0; c < G->ncb; c++)
    h.csize[c] = G->csize[cp[c]];
  size_t nf = lsc_young_nparams (&h), nc = lsc_young_nparams (G);
  if (nf != nc || lsc_young_check (&h))
    return LSC_EUNSUP;
  double *A = malloc (nf * nc * sizeof *A);
  if (!A)
    return LSC_ENOMEM;
  int rc = lsc_young_param_map (A, &h, rp, cp, G);
  for (size_t i = 0; !rc && i < nf; i++)
    for (size_t j = 0; j < nc; j++)
      if (A[i * nc + j] != 0)
        q[i] = p[j];
  free (A);
  if (!rc)
    *H = h;
  return rc;
}

/* Scan one point (G, p) at d as a family of its own: with the group as
   given, or, when the reduced spectrum cannot refine it, with its largest
   paired row block first (*used: the group of row->p). */
static int
scan_point (lsc_scan_row *row, lsc_family *tmp, const lsc_family *parent,
            const lsc_young *G, const double *p, double d, int full,
            lsc_young *used)
{
  double q[LSC_DETECT_MAXPARAMS];
  if (lsc_isotypic_max_mpfr (G) == 0)
    {
      lsc_young H;
      int rc = largest_first (&H, q, G, p);
      if (rc || lsc_isotypic_max_mpfr (&H) == 0)
        LSC_ERROR ("lsc_overparam_split_table: the split point's group has "
                   "too many blocks for the reduced spectrum", LSC_EUNSUP);
      *used = H;
      G = used;
      p = q;
    }
  else
    *used = *G;
  memset (tmp, 0, sizeof *tmp);
  snprintf (tmp->name, sizeof tmp->name, "%.50s/split", parent->name);
  tmp->G = *G;
  tmp->d = d;
  tmp->nparams = lsc_young_nparams (G);
  memcpy (tmp->p, p, tmp->nparams * sizeof *p);
  tmp->loss = parent->loss;
  snprintf (tmp->kind, sizeof tmp->kind, "%s", parent->kind);
  tmp->dstar = NAN;
  lsc_isotropy_format (tmp->isotropy, sizeof tmp->isotropy, G);
  lsc_scan_opts o;
  lsc_scan_opts_init (&o);
  o.full = full;
  memset (row, 0, sizeof *row);
  int rc = lsc_scan_family (row, tmp, &d, 1, &o);
  return rc ? rc : row->status;
}

/* Index of the ratio-1/3 split of block b (second group), or NaN.
   Eigenvalues are merged only within 2^-64 of the largest |eigenvalue|,
   as on the scan job's accurate path: at d = 1e6 the largest is ~d/4, and
   the former relative tolerance 1e-10 (an absolute 2.5e-5) merged the
   split ratio's structural zero with a t-eigenvalue of -1.6e-6 (B2's bulk
   neuron), so the zero was counted as negative (999999 against the scan
   job's 999998; the curvature D_i of the full d x d kernel Hessians has
   one positive eigenvalue there for every d >= 50 checked). */
static double
ratio_index (const lsc_young *G, const double *p, size_t b, double ztol)
{
  lsc_young H;
  double q[LSC_DETECT_MAXPARAMS];
  if (lsc_overparam_split_young_ratio (&H, q, G, p, b, 1.0 / 3.0) != 0)
    return NAN;
  size_t nmax = lsc_isotypic_max_mpfr (&H);
  lsc_iso_eigen *out = malloc (nmax * sizeof *out);
  size_t nout = 0;
  double idx = NAN;
  if (out && lsc_isotypic_spectrum_accurate (out, &nout, q, &H,
                                                ldexp (1.0, -64), 0)
             == 0)
    {
      double neg = 0, tot = 0;
      for (size_t i = 0; i < nout; i++)
        {
          tot += out[i].mult;
          if (out[i].value < -ztol)
            neg += out[i].mult;
        }
      double kd = lsc_young_k (&H) * lsc_young_d (&H);
      if (fabs (tot - kd) <= 1e-9 * kd)
        idx = neg;
    }
  free (out);
  return idx;
}

int
lsc_overparam_split_table (lsc_overparam_split_row *rows, size_t *nrows,
                           const lsc_family *fam, double d, int full)
{
  if (!rows || !nrows || !fam)
    LSC_ERROR ("lsc_overparam_split_table: NULL argument", LSC_EFAULT);
  *nrows = 0;
  lsc_young G = fam->G;
  if (!(d >= 1) || lsc_young_set_d (&G, d) != 0)
    LSC_ERROR ("lsc_overparam_split_table: the family does not exist at d",
               LSC_EDOM);
  lsc_family *tmp = malloc (sizeof *tmp);
  lsc_scan_row row;
  if (!tmp)
    LSC_ERROR ("lsc_overparam_split_table: out of memory", LSC_ENOMEM);
  /* the parent at d: the scan job's point and inertia */
  memset (&row, 0, sizeof row);
  lsc_scan_opts o;
  lsc_scan_opts_init (&o);
  int rc = lsc_scan_family (&row, fam, &d, 1, &o);
  if (!rc)
    rc = row.status;
  if (!rc && row.absent)
    rc = LSC_EDOM;
  double p[LSC_FAMILY_MAXP];
  double pindex = row.index;
  memcpy (p, row.p, fam->nparams * sizeof *p);
  lsc_scan_rows_clear (&row, 1);
  if (rc)
    {
      free (tmp);
      if (rc == LSC_EDOM)
        LSC_ERROR ("lsc_overparam_split_table: the family is absent at d",
                   LSC_EDOM);
      return rc;
    }
  size_t nb = G.nrb, n = 0;
  double inc[LSC_YOUNG_MAX];
  for (size_t b = 0; b < LSC_YOUNG_MAX; b++)
    inc[b] = NAN;
  for (int m = 1; m <= 2; m++)
    for (size_t b1 = 0; b1 < nb; b1++)
      for (int b2 = -1; b2 < (m == 1 ? 0 : (int) nb); b2++)
        {
          if (b2 >= 0 && (size_t) b2 < b1)
            continue;
          if (b2 == (int) b1 && b1 != 0 && G.rsize[b1] < 2)
            continue;       /* the block has one neuron */
          lsc_overparam_split_row *r = &rows[n++];
          memset (r, 0, sizeof *r);
          r->fam = fam;
          r->d = d;
          r->m = (size_t) m;
          r->b1 = (int) b1;
          r->b2 = b2;
          r->parent_index = pindex;
          r->index = r->zero = r->nsplit = r->loss = NAN;
          r->index_ratio = r->predicted = r->full_index = NAN;
          lsc_young Gs, Gt, Gu;
          double ps[LSC_DETECT_MAXPARAMS], pt[LSC_DETECT_MAXPARAMS];
          int st;
          if (b2 < 0)
            st = lsc_overparam_split_young (&Gs, ps, &G, p, b1,
                                            (size_t) m + 1);
          else
            {
              st = lsc_overparam_split_young (&Gt, pt, &G, p, b1, 2);
              if (!st)
                st = lsc_overparam_split_young (&Gs, ps, &Gt, pt,
                                                (size_t) b2, 2);
            }
          if (!st)
            st = lsc_isotropy_format (r->isotropy, sizeof r->isotropy, &Gs);
          if (!st)
            st = scan_point (&row, tmp, fam, &Gs, ps, d, full, &Gu);
          if (!st)
            {
              r->loss = row.loss;
              r->index = row.index;
              r->zero = row.zero;
              r->type = row.type;
              r->full = row.full;
              if (!r->type)
                st = LSC_EFAILED;       /* incomplete spectrum */
              /* a split of the global minimum keeps loss 0: a global
                 minimum, however many flat directions (D_i = 0 there) */
              else if (strcmp (fam->kind, "global-minimum") == 0
                       && r->index == 0 && fabs (r->loss) <= 1e-12)
                r->type = "global-minimum";
              if (lsc_overparam_young_nsplit (&r->nsplit, &Gu, row.p, 1e-9))
                r->nsplit = NAN;
            }
          if (row.ev)
            lsc_scan_rows_clear (&row, 1);
          r->status = r->verdict = st;
          r->second = NAN;
          if (st)
            continue;
          if (r->full == LSC_SCAN_FULL_OK)
            r->full_index = r->index;
          if (m == 1)
            {
              inc[b1] = r->index - pindex;
              r->index_ratio = ratio_index (&G, p, b1, o.ztol);
            }
          else
            r->predicted = pindex + (b2 < 0 ? 2 * inc[b1]
                                     : inc[b1] + inc[b2]);
          /* two routes to the index must agree (and the full Hessian
             must not disagree) for the row to be ok */
          r->second = m == 1 ? r->index_ratio : r->predicted;
          if (!(r->second == r->index) || r->full == LSC_SCAN_FULL_MISMATCH)
            r->verdict = LSC_EFAILED;
        }
  *nrows = n;
  free (tmp);
  return LSC_SUCCESS;
}
