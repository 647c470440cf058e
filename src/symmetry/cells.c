/* Enumeration of the pair classes of the restricted loss: which pairs of
   rows (and row-target pairs) are equivalent under a Young-type group, how
   many there are, and the cell structure of each pair.  landscape(7), SYMMETRY AND ISOTROPY. */
#include <config.h>
#include <string.h>
#include "internal.h"
#include "symmetry/cells.h"

/* Size of row block r / column block c as an affine function of L. */
static lsc_affine
rsz (const lsc_young *G, size_t r)
{
  return r == 0 ? (lsc_affine){ 1, 0 } : (lsc_affine){ 0, G->rsize[r] };
}
static lsc_affine
csz (const lsc_young *G, size_t c)
{
  return (int) c == G->pair[0] ? (lsc_affine){ 1, 0 }
                               : (lsc_affine){ 0, G->csize[c] };
}
static lsc_affine
aff_add (lsc_affine a, double k)
{
  return (lsc_affine){ a.l, a.c + k };
}
static lsc_quad
aff_mul (lsc_affine a, lsc_affine b, double s)
{
  return (lsc_quad){ s * a.l * b.l, s * (a.l * b.c + a.c * b.l),
                     s * a.c * b.c };
}
static int
aff_zero (lsc_affine a)
{
  return a.l == 0 && a.c == 0;
}
static int
quad_zero (lsc_quad q)
{
  return q.l2 == 0 && q.l1 == 0 && q.c == 0;
}

static void
add_cell (lsc_cellpair *cp, lsc_affine wt, int pu, double cu, int pv,
          double cv)
{
  if (aff_zero (wt))
    return;
  size_t n = cp->n++;
  cp->wt[n] = wt;
  cp->pu[n] = pu;
  cp->cu[n] = cu;
  cp->pv[n] = pv;
  cp->cv[n] = cv;
}

#define PIDX(r, c, k) lsc_young_param_index (G, (int) (r), (int) (c), (k))

/* Cells of one row of block r alone (v unused). */
static void
row_cells (lsc_cellpair *cp, const lsc_young *G, size_t r)
{
  for (size_t c = 0; c < G->ncb; c++)
    if (G->pair[r] == (int) c)
      {
        add_cell (cp, (lsc_affine){ 0, 1 }, PIDX (r, c, LSC_PARAM_DIAG), 0,
                  -1, 0);
        add_cell (cp, aff_add (csz (G, c), -1),
                  PIDX (r, c, LSC_PARAM_OFFDIAG), 0, -1, 0);
      }
    else
      add_cell (cp, csz (G, c), PIDX (r, c, LSC_PARAM_CONST), 0, -1, 0);
}

/* Classes, in order: self (nrb), student pairs r <= r2 (nrb (nrb+1)/2),
   student-target (r, c, own/other) (2 nrb ncb). */
size_t
lsc_cells_nclasses (const lsc_young *G)
{
  return G->nrb + G->nrb * (G->nrb + 1) / 2 + 2 * G->nrb * G->ncb;
}

static int
student_pair (lsc_cellpair *cp, const lsc_young *G, size_t r, size_t r2)
{
  cp->type = LSC_CLASS_STUDENTS;
  if (r == r2)
    cp->count = aff_mul (rsz (G, r), aff_add (rsz (G, r), -1), 0.5);
  else
    cp->count = aff_mul (rsz (G, r), rsz (G, r2), 1);
  if (quad_zero (cp->count))
    return 1;
  for (size_t c = 0; c < G->ncb; c++)
    {
      int pr = G->pair[r] == (int) c, pr2 = G->pair[r2] == (int) c;
      lsc_affine one = { 0, 1 };
      if (pr && pr2)
        {
          /* same block, distinct rows i, i': cells sigma(i), sigma(i'). */
          int dg = PIDX (r, c, LSC_PARAM_DIAG);
          int of = PIDX (r, c, LSC_PARAM_OFFDIAG);
          add_cell (cp, one, dg, 0, of, 0);
          add_cell (cp, one, of, 0, dg, 0);
          add_cell (cp, aff_add (csz (G, c), -2), of, 0, of, 0);
        }
      else if (pr)
        {
          int k2 = PIDX (r2, c, LSC_PARAM_CONST);
          add_cell (cp, one, PIDX (r, c, LSC_PARAM_DIAG), 0, k2, 0);
          add_cell (cp, aff_add (csz (G, c), -1),
                    PIDX (r, c, LSC_PARAM_OFFDIAG), 0, k2, 0);
        }
      else if (pr2)
        {
          int k1 = PIDX (r, c, LSC_PARAM_CONST);
          add_cell (cp, one, k1, 0, PIDX (r2, c, LSC_PARAM_DIAG), 0);
          add_cell (cp, aff_add (csz (G, c), -1), k1, 0,
                    PIDX (r2, c, LSC_PARAM_OFFDIAG), 0);
        }
      else
        add_cell (cp, csz (G, c), PIDX (r, c, LSC_PARAM_CONST), 0,
                  PIDX (r2, c, LSC_PARAM_CONST), 0);
    }
  return 0;
}

static int
student_target (lsc_cellpair *cp, const lsc_young *G, size_t r, size_t c0,
                int own)
{
  cp->type = LSC_CLASS_TARGET;
  int paired = G->pair[r] == (int) c0;
  if (own && !paired)
    return 1;
  if (own)
    cp->count = aff_mul (rsz (G, r), (lsc_affine){ 0, 1 }, -1);
  else if (paired)
    cp->count = aff_mul (rsz (G, r), aff_add (csz (G, c0), -1), -1);
  else
    cp->count = aff_mul (rsz (G, r), csz (G, c0), -1);
  if (quad_zero (cp->count))
    return 1;
  lsc_affine one = { 0, 1 };
  for (size_t c = 0; c < G->ncb; c++)
    {
      int pr = G->pair[r] == (int) c;
      if (c == c0)
        {
          if (pr && own)
            {
              add_cell (cp, one, PIDX (r, c, LSC_PARAM_DIAG), 0, -1, 1);
              add_cell (cp, aff_add (csz (G, c), -1),
                        PIDX (r, c, LSC_PARAM_OFFDIAG), 0, -1, 0);
            }
          else if (pr)
            {
              int of = PIDX (r, c, LSC_PARAM_OFFDIAG);
              add_cell (cp, one, PIDX (r, c, LSC_PARAM_DIAG), 0, -1, 0);
              add_cell (cp, one, of, 0, -1, 1);
              add_cell (cp, aff_add (csz (G, c), -2), of, 0, -1, 0);
            }
          else
            {
              int k = PIDX (r, c, LSC_PARAM_CONST);
              add_cell (cp, one, k, 0, -1, 1);
              add_cell (cp, aff_add (csz (G, c), -1), k, 0, -1, 0);
            }
        }
      else if (pr)
        {
          add_cell (cp, one, PIDX (r, c, LSC_PARAM_DIAG), 0, -1, 0);
          add_cell (cp, aff_add (csz (G, c), -1),
                    PIDX (r, c, LSC_PARAM_OFFDIAG), 0, -1, 0);
        }
      else
        add_cell (cp, csz (G, c), PIDX (r, c, LSC_PARAM_CONST), 0, -1, 0);
    }
  return 0;
}

int
lsc_cells_class (lsc_cellpair *cp, const lsc_young *G, size_t idx)
{
  memset (cp, 0, sizeof *cp);
  if (idx < G->nrb)
    {
      cp->type = LSC_CLASS_SELF;
      cp->count = aff_mul (rsz (G, idx), (lsc_affine){ 0, 1 }, 1);
      row_cells (cp, G, idx);
      return 0;
    }
  idx -= G->nrb;
  for (size_t r = 0; r < G->nrb; r++)
    for (size_t r2 = r; r2 < G->nrb; r2++)
      if (idx-- == 0)
        return student_pair (cp, G, r, r2);
  for (size_t r = 0; r < G->nrb; r++)
    for (size_t c = 0; c < G->ncb; c++)
      for (int own = 1; own >= 0; own--)
        if (idx-- == 0)
          return student_target (cp, G, r, c, own);
  return 1;
}

void
lsc_cells_target_const (lsc_quad *a, lsc_quad *b_over_pi, const lsc_young *G)
{
  /* 1/2 sum_{j,j'} kappa(e_j, e_j') = 1/2 (d/2 + d(d-1)/(2 pi)). */
  lsc_affine d = { 0, 0 };
  for (size_t c = 0; c < G->ncb; c++)
    {
      lsc_affine s = csz (G, c);
      d.l += s.l;
      d.c += s.c;
    }
  *a = aff_mul (d, (lsc_affine){ 0, 1 }, 0.25);
  *b_over_pi = aff_mul (d, aff_add (d, -1), 0.25);
}
