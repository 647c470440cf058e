/* Argument checking and the shared preparation step of the loss (rows,
   norms, Gram cosines through BLAS, pair geometry); the workspace is in
   workspace.c. */
#include <config.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>
#include <math.h>
#include <cblas.h>
#include "landscape/lsc_loss.h"
#include "loss_impl.h"
#include "internal.h"
#include "../kernel/vmath.h"
#include "../kernel/vgemm.h"

/* One vectorised pass over the rows of A: *bad when an entry is not
   finite, *zero when some row is all zeros; the row maxima of |A| in mx
   when mx != NULL. */
static void
scan_rows (const double *A, size_t rows, size_t d, int *bad, int *zero,
           double *mx)
{
  for (size_t i = 0; i < rows; i++)
    {
      double m = lsc_vm_maxabs (A + i * d, d);
      if (mx)
        mx[i] = m;
      if (!isfinite (m))
        *bad = 1;
      else if (m == 0.0)
        *zero = 1;
    }
}

/* lsc_problem_check, and the row maxima of |W| and |V| in mx (k + m
   entries) when mx != NULL.  Contract in lsc_loss.h: LSC_EFAULT for NULL p or W, LSC_EBADLEN for zero
   sizes or V == NULL with m != d, LSC_ENONFINITE, then LSC_EDOM for a zero
   row of W or V. */
static int
check_max (const lsc_problem *p, const double *W, double *mx)
{
  if (!p || !W)
    LSC_ERROR ("lsc_problem_check: NULL pointer", LSC_EFAULT);
  if (p->k == 0 || p->d == 0 || p->m == 0)
    LSC_ERROR ("lsc_problem_check: zero size", LSC_EBADLEN);
  if (!p->V && p->m != p->d)
    LSC_ERROR ("lsc_problem_check: V = I needs m = d", LSC_EBADLEN);
  int bad = 0, zero = 0;
  scan_rows (W, p->k, p->d, &bad, &zero, mx);
  if (p->V)
    scan_rows (p->V, p->m, p->d, &bad, &zero, mx ? mx + p->k : NULL);
  if (bad || (p->alpha && !lsc_all_finite (p->alpha, p->k))
      || (p->beta && !lsc_all_finite (p->beta, p->m)))
    LSC_ERROR ("lsc_problem_check: non-finite entry", LSC_ENONFINITE);
  if (zero)
    LSC_ERROR ("lsc_problem_check: zero row", LSC_EDOM);
  return LSC_SUCCESS;
}

int
lsc_problem_check (const lsc_problem *p, const double *W)
{
  return check_max (p, W, NULL);
}

/* |y| to about half an ulp, without overflow or underflow: the squares
   summed in double-double (lsc_vm_sumsq's algorithm), and the square root
   given one Newton correction from the exact residual.  hi + lo is the
   unscaled sum of squares of lsc_vm_rowpass, used when big = max |y_x|
   lies in [2^-450, 2^450] (no square or low part of one over- or
   underflows so far as to matter: the same bits as the scaled sum);
   otherwise the row is scaled by the exact power of two 2^-e that
   brings big into [0.5, 1) first.  Not cblas_dnrm2: some OpenBLAS
   kernels compute it in x87 extended precision, which valgrind emulates
   in double (rows of 1e-300 then had norm 0 under valgrind only). */
static double
row_norm (const double *y, size_t d, double big, double hi, double lo)
{
  int e = 0;
  if (!(big >= 0x1p-450 && big <= 0x1p450))   /* as lsc_loss_prepare */
    {
      frexp (big, &e);
      if (e > -1000 && e < 1000)
        hi = lsc_vm_sumsq (y, d, ldexp (1.0, -e), &lo);
      else
        {
          /* 2^-e is not a normal double: scale the entries one by one */
          hi = lo = 0.0;
          for (size_t x = 0; x < d; x++)
            {
              double t = ldexp (y[x], -e), ph = t * t, pl = fma (t, t, -ph);
              double sum = hi + ph, bb = sum - hi;
              lo += (hi - (sum - bb)) + (ph - bb) + pl;
              hi = sum;
            }
        }
    }
  double a2 = hi + lo, a2l = lo - (a2 - hi);
  double r = sqrt (a2);
  if (r > 0.0)
    r += (fma (-r, r, a2) + a2l) / (2.0 * r);
  return e ? ldexp (r, e) : r;
}

/* Fill Y, Yh, gam, nrm, gn, the residual r = sum_a gam_a y_a and the
   upper triangle of the Gram cosines C: the student block by one product
   (lsc_vg_gram), which for a general V covers all rows; for V = I the
   student-target block is the entries of the unit student rows
   themselves (no product) and the target-target block the identity,
   written once with the target rows.  Every row is checked, copied,
   summed for its norm and added to r in one visit while it sits in the
   first-level cache (the separate passes over W cost a fifth of the
   gradient at k = d = 100); the norms and unit rows follow in passes of
   their own; the errors are those of lsc_problem_check, in its order. */
int
lsc_loss_prepare (lsc_loss_workspace *ws, const double *W,
                  const lsc_problem *p)
{
  if (!ws)
    LSC_ERROR ("lsc_loss: NULL workspace", LSC_EFAULT);
  if (!p || !W || p->k != ws->k || p->d != ws->d || p->m != ws->m
      || (!p->V && p->m != p->d))
    {
      int rc = check_max (p, W, NULL);
      if (rc)
        return rc;
      LSC_ERROR ("lsc_loss: problem size differs from the workspace",
                 LSC_EBADLEN);
    }
  size_t k = ws->k, d = ws->d, m = ws->m, nr = ws->nr;
  if (p->V)
    {
      ws->ident = 0;
      /* target rows along a coordinate axis: the near pairs with them
         take the O(1) route of lsc_loss_pair, as for V = I (the same
         bits whether V = I is given or implied) */
      for (size_t j = 0; j < m; j++)
        {
          const double *v = p->V + j * d;
          size_t nz = 0, at = 0;
          for (size_t x = 0; x < d; x++)
            if (v[x] != 0.0)
              {
                nz++;
                at = x;
              }
          ws->axis[j] = nz == 1 && isfinite (v[at]) ? at : SIZE_MAX;
          ws->axsg[j] = nz == 1 && v[at] < 0.0 ? -1.0 : 1.0;
        }
    }
  else if (!ws->ident)
    {
      memset (ws->Y + k * d, 0, m * d * sizeof (double));
      memset (ws->Yh + k * d, 0, m * d * sizeof (double));
      for (size_t j = 0; j < m; j++)
        {
          ws->Y[(k + j) * d + j] = ws->Yh[(k + j) * d + j] = 1.0;
          ws->nrm[k + j] = 1.0;
          ws->axis[j] = j;
          ws->axsg[j] = 1.0;
          for (size_t b = k + j; b < nr; b++)
            ws->C[(k + j) * nr + b] = b == k + j;
        }
      ws->ident = 1;
    }
  for (size_t i = 0; i < k; i++)
    ws->gam[i] = p->alpha ? p->alpha[i] : 1.0;
  for (size_t j = 0; j < m; j++)
    ws->gam[k + j] = -(p->beta ? p->beta[j] : 1.0);
  memset (ws->r, 0, d * sizeof (double));
  memset (ws->rc, 0, d * sizeof (double));
  size_t rows = p->V ? nr : k;
  int bad = 0, zero = 0;
  for (size_t a = 0; a < rows; a++)
    {
      const double *src = a < k ? W + a * d : p->V + (a - k) * d;
      double *y = ws->Y + a * d, hi, lo, big;
      if (bad || zero)
        big = lsc_vm_maxabs (src, d);  /* scan on for the errors' order */
      else
        /* copy, maximum, sum of squares and r += gam_a y_a (compensated,
           students then targets) in one pass */
        big = lsc_vm_rowpass (y, src, d, &hi, &lo, ws->r, ws->rc,
                              ws->gam[a]);
      if (!isfinite (big))
        bad = 1;
      else if (big == 0.0)
        zero = 1;
      if (bad || zero)
        continue;   /* compute nothing more */
      /* kept for the passes below */
      ws->nrm[a] = big;
      ws->n2[2 * a] = hi;
      ws->n2[2 * a + 1] = lo;
    }
  /* The norms in a pass of their own: each is a dependent chain (square
     root, correction, division) that the processor overlaps across rows
     here, where after each row's pass it stalled the next row; then the
     unit rows. */
  for (size_t a = 0; a < rows && !bad && !zero; a++)
    {
      double big = ws->nrm[a], hi = ws->n2[2 * a], lo = ws->n2[2 * a + 1];
      int direct = big >= 0x1p-450 && big <= 0x1p450;
      ws->nrm[a] = row_norm (ws->Y + a * d, d, big, hi, lo);
      ws->n2[2 * a] = direct ? hi : NAN;
      ws->n2[2 * a + 1] = direct ? lo : NAN;
    }
  for (size_t a = 0; a < rows && !bad && !zero; a++)
    {
      double *yh = ws->Yh + a * d;
      lsc_vm_div (yh, ws->Y + a * d, ws->nrm[a], d);
      if (!p->V)
        memcpy (ws->C + a * nr + k, yh, d * sizeof (double));
    }
  if (bad || (p->alpha && !lsc_all_finite (p->alpha, p->k))
      || (p->beta && !lsc_all_finite (p->beta, p->m)))
    LSC_ERROR ("lsc_problem_check: non-finite entry", LSC_ENONFINITE);
  if (zero)
    LSC_ERROR ("lsc_problem_check: zero row", LSC_EDOM);
  if (!p->V)
    for (size_t j = 0; j < m; j++)
      {
        /* the target row e_j adds gam_{k+j} to coordinate j */
        double s = ws->r[j], x = ws->gam[k + j], t = s + x, bb = t - s;
        ws->rc[j] += (s - (t - bb)) + (x - bb);
        ws->r[j] = t;
      }
  for (size_t x = 0; x < d; x++)
    ws->r[x] += ws->rc[x];
  for (size_t a = 0; a < nr; a++)
    ws->gn[a] = ws->gam[a] * ws->nrm[a];
  /* V general: all rows in one product (the student-target block is part
     of its upper triangle) */
  lsc_vg_gram (ws->vg, ws->C, nr, ws->Yh, d, rows, d);
  return LSC_SUCCESS;
}

/* A nearly (anti)parallel pair from sin and cos of half its angle and
   that half angle. */
static void
near_fill (lsc_pair *g, double sh, double ch, double half)
{
  g->near = 1;
  g->sh = sh;
  g->ch = ch;
  g->phi = 2.0 * half;
  g->theta = sh <= ch ? g->phi : LSC_PI - g->phi;
  g->t = LSC_PI / 2 - g->theta;
  g->s = 2.0 * sh * ch;
  g->oms = 1.0 - g->s;
  g->c = (ch - sh) * (ch + sh);
}

void
lsc_loss_pair (lsc_pair *g, const lsc_loss_workspace *ws, size_t a, size_t b)
{
  if (a == b)
    {
      g->theta = g->phi = 0.0;
      g->t = LSC_PI / 2;
      g->s = 0.0;
      g->c = 1.0;
      g->oms = 1.0;
      g->sh = 0.0;
      g->ch = 1.0;
      g->near = 1;
      return;
    }
  double c = a < b ? ws->C[a * ws->nr + b] : ws->C[b * ws->nr + a];
  if (fabs (c) <= LSC_NEAR_COS)
    {
      g->near = 0;
      g->c = c;
      g->t = asin (c);
      g->theta = LSC_PI / 2 - g->t;
      g->phi = fmin (g->theta, LSC_PI - g->theta);
      g->s = sqrt ((1.0 - c) * (1.0 + c));
      g->oms = c * c / (1.0 + g->s);
      g->sh = sqrt (0.5 * (1.0 - c));
      g->ch = sqrt (0.5 * (1.0 + c));
      return;
    }
  if (a < ws->k && b >= ws->k && ws->axis[b - ws->k] != SIZE_MAX
      && !isnan (ws->n2[2 * a]))
    {
      /* V = I, or a target row along an axis: v = +-e_x.  With q = |y|^2 - y_x^2 (from the double-double
         |y|^2 and the exact square: no cancellation left that matters
         while q >= 2^-40 |y|^2) and n = |y|,
           1 -/+ cos theta = q / (n (n +/- y_x))  (the smaller side),
           sin^2(theta/2) = (1 - cos theta)/2, cos^2(theta/2) = (1 + cos theta)/2,
         in O(1) instead of lsc_vm_dist2's pass over the row. */
      size_t j = b - ws->k;
      double yx = ws->axsg[j] * ws->Y[a * ws->d + ws->axis[j]];
      double n = ws->nrm[a];
      double h = ws->n2[2 * a], l = ws->n2[2 * a + 1];
      double sq = yx * yx, sql = fma (yx, yx, -sq);
      double qh = h - sq, bb = qh - h;
      double ql = ((h - (qh - bb)) + (-sq - bb)) + (l - sql);
      double q = qh + ql;
      if (q >= 0x1p-40 * h)
        {
          double ay = fabs (yx), big = 0.5 * (n + ay) / n;
          double small = 0.5 * q / (n * (n + ay));
          double sm = sqrt (small), bg = sqrt (big);
          double sh = yx > 0 ? sm : bg, ch = yx > 0 ? bg : sm;
          double half = sm <= 0.5 ? lsc_vm_asin_half (sm) : atan2 (sm, bg);
          near_fill (g, sh, ch, half);
          return;
        }
    }
  /* Stable form from the unit rows: sin(theta/2) and cos(theta/2) from
     |u - v| and |u + v| (normalised by |u - v|^2 + |u + v|^2 =
     2 (|u|^2 + |v|^2), 4 up to rounding), then theta/2 or its complement
     as the asin of the smaller one, which is at most sin(pi/6) = 1/2 here
     (|c| > 1/2), where asin is well conditioned and lsc_vm_asin_half
     needs no division; atan2 only should rounding put it above 1/2.  Each
     of sh, ch carries a few ulps relative, theta a few ulps relative on
     the parallel side (a few ulps of pi on the other), as atan2 (sh, ch)
     did. */
  const double *u = ws->Yh + a * ws->d, *v = ws->Yh + b * ws->d;
  double dp, dm = lsc_vm_dist2 (u, v, ws->d, &dp);
  double rr = 1.0 / sqrt (dm + dp);
  double sh = sqrt (dm) * rr, ch = sqrt (dp) * rr;
  double lo = fmin (sh, ch);
  double half = lo <= 0.5 ? lsc_vm_asin_half (lo) : atan2 (lo, fmax (sh, ch));
  near_fill (g, sh, ch, half);
}
