/* Young-type children of a family's isotropy at a crossing: candidate
   subgroups (splits of the large block and of small blocks), their fixed
   spaces as branch spaces, and the axial ones (one-dimensional kernel,
   equivariant branching lemma) with their tangents and kinds. */
#include <config.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <math.h>
#include "landscape/lsc_branch.h"
#include "landscape/lsc_descent.h"
#include "internal.h"
#include "branch_internal.h"

/* Append a paired block of size q split off paired block b (k = d
   layout: row block r pairs column block r). */
static int
split (lsc_young *H, int *rp, int *cp, const lsc_young *G, size_t b, double q)
{
  if (G->nrb + 1 > LSC_YOUNG_MAX || G->ncb + 1 > LSC_YOUNG_MAX)
    return LSC_EINVAL;
  int cb = G->pair[b];
  if (cb < 0 || !(G->rsize[b] - q >= 1))
    return LSC_EDOM;
  *H = *G;
  H->rsize[b] -= q;
  H->csize[cb] -= q;
  H->rsize[G->nrb] = q;
  H->csize[G->ncb] = q;
  H->pair[G->nrb] = (int) G->ncb;
  H->nrb = G->nrb + 1;
  H->ncb = G->ncb + 1;
  for (size_t r = 0; r < H->nrb; r++)
    rp[r] = r < G->nrb ? (int) r : (int) b;
  for (size_t c = 0; c < H->ncb; c++)
    cp[c] = c < G->ncb ? (int) c : cb;
  return 0;
}

/* Compose parent maps: fine -> mid -> coarse. */
static void
compose (int *out, const int *fine, const int *mid, size_t n)
{
  for (size_t i = 0; i < n; i++)
    out[i] = mid[fine[i]];
}

static int
add (lsc_branch_child *ch, size_t *nch, size_t max, const lsc_young *H,
     const int *rp, const int *cp, const char *what, int theory, int sp,
     int sx, int sb, int sq)
{
  if (*nch >= max || lsc_young_check (H)
      || lsc_young_nparams (H) > LSC_BRANCH_NP)
    return 0;
  lsc_branch_child *c = &ch[*nch];
  memset (c, 0, sizeof *c);
  c->H = *H;
  memcpy (c->rparent, rp, H->nrb * sizeof *rp);
  memcpy (c->cparent, cp, H->ncb * sizeof *cp);
  snprintf (c->split, sizeof c->split, "%s", what);
  c->theory_kind = theory;
  c->split_p = sp;
  c->split_x = sx;
  c->split_b = sb;
  c->split_q = sq;
  lsc_young Hi = *H;
  /* the isotropy spec names the large block L; other sizes are integers */
  lsc_isotropy_format (c->isotropy, sizeof c->isotropy, &Hi);
  (*nch)++;
  return 1;
}

int
lsc_branch_young_children (lsc_branch_child *ch, size_t *nch, size_t max,
                           const lsc_young *G0, double d, size_t pmax)
{
  if (!ch || !nch || !G0)
    LSC_ERROR ("lsc_branch_young_children: NULL argument", LSC_EFAULT);
  *nch = 0;
  lsc_young G = *G0;
  int rc = lsc_young_set_d (&G, d);
  if (rc)
    return rc;
  double n = G.rsize[0];
  size_t pm = pmax ? pmax : (size_t) floor (n / 2);
  lsc_young H, H2;
  int rp[LSC_YOUNG_MAX], cp[LSC_YOUNG_MAX], rp2[LSC_YOUNG_MAX],
      cp2[LSC_YOUNG_MAX], rq[LSC_YOUNG_MAX], cq[LSC_YOUNG_MAX];
  char what[128];
  /* large block (n - p, p); (n - 2, 1, 1) */
  for (size_t p = 1; p <= pm; p++)
    if (!split (&H, rp, cp, &G, 0, (double) p))
      {
        snprintf (what, sizeof what, "L -> L-%zu,%zu", p, p);
        add (ch, nch, max, &H, rp, cp, what, LSC_BRANCH_TRANSCRITICAL,
             (int) p, 0, 0, 0);
      }
  if (!split (&H, rp, cp, &G, 0, 1) && !split (&H2, rq, cq, &H, 0, 1))
    {
      compose (rp2, rq, rp, H2.nrb);
      compose (cp2, cq, cp, H2.ncb);
      add (ch, nch, max, &H2, rp2, cp2, "L -> L-2,1,1",
           LSC_BRANCH_PITCHFORK, 0, 1, 0, 0);
    }
  /* small blocks (m - q, q), alone and with each large-block split */
  for (size_t b = 1; b < G.nrb; b++)
    {
      double m = G.rsize[b];
      if (G.pair[b] < 0 || m < 2)
        continue;
      for (size_t q = 1; 2 * q <= (size_t) m; q++)
        {
          int th = 2 * q == (size_t) m ? LSC_BRANCH_PITCHFORK
                                       : LSC_BRANCH_TRANSCRITICAL;
          if (split (&H, rp, cp, &G, b, (double) q))
            continue;
          snprintf (what, sizeof what, "%g -> %g,%zu", m, m - (double) q, q);
          add (ch, nch, max, &H, rp, cp, what, th, 0, 0, (int) b, (int) q);
          for (size_t p = 1; p <= pm; p++)
            if (!split (&H2, rq, cq, &H, 0, (double) p))
              {
                compose (rp2, rq, rp, H2.nrb);
                compose (cp2, cq, cp, H2.ncb);
                snprintf (what, sizeof what, "L -> L-%zu,%zu; %g -> %g,%zu",
                          p, p, m, m - (double) q, q);
                add (ch, nch, max, &H2, rp2, cp2, what, th, (int) p, 0,
                     (int) b, (int) q);
              }
        }
    }
  return LSC_SUCCESS;
}

static int
ys_metric (double *sqm, double d, void *params)
{
  lsc_branch_young_space *ys = params;
  lsc_young H = ys->H;
  int st = lsc_young_set_d (&H, d);
  if (!st)
    st = lsc_young_metric (sqm, &H);
  for (size_t i = 0; !st && i < ys->n; i++)
    sqm[i] = sqrt (sqm[i]);
  return st;
}

int
lsc_branch_young_space_init (lsc_branch_space *S, lsc_branch_young_space *ys,
                             const lsc_branch_child *ch, const lsc_young *G)
{
  if (!S || !ys || !ch || !G)
    LSC_ERROR ("lsc_branch_young_space_init: NULL argument", LSC_EFAULT);
  ys->H = ch->H;
  ys->n = lsc_young_nparams (&ch->H);
  ys->nparent = lsc_young_nparams (G);
  if (ys->n > LSC_BRANCH_NP || ys->nparent > LSC_BRANCH_NP)
    LSC_ERROR ("lsc_branch_young_space_init: group too large", LSC_EUNSUP);
  int rc = lsc_young_param_map (ys->A, &ch->H, ch->rparent, ch->cparent, G);
  if (!rc)
    rc = lsc_cont_restricted_init (&ys->f, &ys->cr, &ch->H);
  if (rc)
    return rc;
  S->f = &ys->f;
  S->metric = ys_metric;
  S->metric_params = ys;
  S->A = ys->A;
  S->nparent = ys->nparent;
  return LSC_SUCCESS;
}

/* 1 if the group of coarse contains the group of fine (Fix(coarse) is
   inside Fix(fine)): every split coarse makes, fine makes too, and
   (n - 2, 1, 1) lies in (n - 1, 1) and in (n - 2, 2). */
static int
contains (const lsc_branch_child *coarse, const lsc_branch_child *fine)
{
  if (coarse == fine)
    return 0;
  int lp_ok = coarse->split_p == 0 || coarse->split_p == fine->split_p
              || (fine->split_x && (coarse->split_p == 1
                                    || coarse->split_p == 2));
  int x_ok = !coarse->split_x || fine->split_x;
  int s_ok = coarse->split_b == 0 || (coarse->split_b == fine->split_b
                                      && coarse->split_q == fine->split_q);
  int same = coarse->split_p == fine->split_p
             && coarse->split_x == fine->split_x
             && coarse->split_b == fine->split_b
             && coarse->split_q == fine->split_q;
  return lp_ok && x_ok && s_ok && !same;
}

int
lsc_branch_analyse (lsc_branch_child *ch, size_t *nch, size_t max,
                    const lsc_young *G0, const double *pstar, double dstar,
                    const lsc_branch_options *opt)
{
  if (!ch || !nch || !G0 || !pstar)
    LSC_ERROR ("lsc_branch_analyse: NULL argument", LSC_EFAULT);
  lsc_branch_options o;
  if (opt)
    o = *opt;
  else
    lsc_branch_options_init (&o);
  lsc_young G = *G0;
  int rc = lsc_young_set_d (&G, dstar);
  if (!rc)
    rc = lsc_branch_young_children (ch, nch, max, &G, dstar, o.pmax);
  if (rc)
    return rc;
  for (size_t i = 0; i < *nch; i++)
    {
      lsc_branch_space S;
      lsc_branch_young_space *ys = malloc (sizeof *ys);
      if (!ys)
        LSC_ERROR ("lsc_branch_analyse: out of memory", LSC_ENOMEM);
      double x[LSC_BRANCH_NP];
      rc = lsc_branch_young_space_init (&S, ys, &ch[i], &G);
      if (!rc)
        {
          for (size_t a = 0; a < ys->n; a++)
            {
              double s = 0;
              for (size_t b = 0; b < ys->nparent; b++)
                s += ys->A[a * ys->nparent + b] * pstar[b];
              x[a] = s;
            }
          rc = lsc_branch_kernel (ch[i].tangent, &ch[i].ki, &S, x, dstar,
                                  &o);
        }
      free (ys);
      if (rc)
        return rc;
    }
  /* axial: a one-dimensional kernel not already present in a coarser
     candidate (whose group contains this one) */
  for (size_t i = 0; i < *nch; i++)
    {
      ch[i].axial = ch[i].ki.kerdim == 1;
      for (size_t j = 0; ch[i].axial && j < *nch; j++)
        if (j != i && ch[j].ki.kerdim >= 1 && contains (&ch[j], &ch[i]))
          ch[i].axial = 0;
    }
  return LSC_SUCCESS;
}
