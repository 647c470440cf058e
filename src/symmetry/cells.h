/* Internal: the pair classes of the restricted loss, with cell structure,
   shared by the double and MPFR evaluators. */
#ifndef LSC_CELLS_H
#define LSC_CELLS_H

#include <stddef.h>
#include "landscape/lsc_young.h"

/* A size that depends on the large block's size L: l * L + c. */
typedef struct
{
  double l, c;
} lsc_affine;

/* A count quadratic in L: l2 L^2 + l1 L + c. */
typedef struct
{
  double l2, l1, c;
} lsc_quad;

#define LSC_CELLS_MAX (LSC_YOUNG_MAX + 2)

enum
{
  LSC_CLASS_SELF = 0,    /* kappa(w, w) = |w|^2 / 2 terms          */
  LSC_CLASS_STUDENTS = 1, /* kappa(w_i, w_i') for i != i'          */
  LSC_CLASS_TARGET = 2   /* kappa(w_i, e_j)                         */
};

/* One class of equivalent pairs (u, v): the two vectors over a common cell
   structure.  A cell stands for wt coordinates of equal value; its value in
   u is parameter pu (or the constant cu when pu < 0), likewise for v.  The
   class contributes count * kappa(u, v) to the loss (self classes:
   count * |u|^2 / 4, i.e. half of kappa(w, w) = |w|^2 / 2 per row; v
   unused). */
typedef struct
{
  int type;
  size_t n;
  lsc_affine wt[LSC_CELLS_MAX];
  int pu[LSC_CELLS_MAX], pv[LSC_CELLS_MAX];
  double cu[LSC_CELLS_MAX], cv[LSC_CELLS_MAX];
  lsc_quad count;
} lsc_cellpair;

/* Number of classes of G (some may be empty: count zero). */
size_t lsc_cells_nclasses (const lsc_young *G);

/* Fill class idx; returns 0, or 1 when the class is empty (skip it). */
int lsc_cells_class (lsc_cellpair *cp, const lsc_young *G, size_t idx);

/* The constant target-target term 1/2 sum kappa(e_j, e_j') as a polynomial
   in L with one transcendental coefficient: a + b / pi, a, b quadratic. */
void lsc_cells_target_const (lsc_quad *a, lsc_quad *b_over_pi,
                             const lsc_young *G);


/* Evaluate affine/quadratic sizes at L. */
static inline double
lsc_affine_eval (lsc_affine a, double L)
{
  return a.l * L + a.c;
}
static inline double
lsc_quad_eval (lsc_quad q, double L)
{
  return (q.l2 * L + q.l1) * L + q.c;
}

#endif
