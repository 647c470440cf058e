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

/* Scan one point (G, p) at d as a family of its own. */
static int
scan_point (lsc_scan_row *row, lsc_family *tmp, const lsc_family *parent,
            const lsc_young *G, const double *p, double d, int full)
{
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
          lsc_young Gs, Gt;
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
            st = scan_point (&row, tmp, fam, &Gs, ps, d, full);
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
              if (lsc_overparam_young_nsplit (&r->nsplit, &Gs, row.p, 1e-9))
                r->nsplit = NAN;
            }
          if (row.ev)
            lsc_scan_rows_clear (&row, 1);
          r->status = st;
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
        }
  *nrows = n;
  free (tmp);
  return LSC_SUCCESS;
}
