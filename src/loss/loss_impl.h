/* Private to src/loss: the loss workspace and the shared pair geometry. */
#ifndef LSC_LOSS_IMPL_H
#define LSC_LOSS_IMPL_H

#include <stddef.h>
#include <math.h>
#include "landscape/lsc_loss.h"

/* All rows of the problem in one list: rows 0..k-1 are the student W, rows
   k..k+m-1 the target V (materialised when V == NULL).  gam holds the
   signed output weights (alpha_i, then -beta_j), so that
   L = 1/2 sum_ab gam_a gam_b kappa(y_a, y_b). */
struct lsc_loss_workspace
{
  size_t k, d, m, nr;   /* nr = k + m                                   */
  double *Y;            /* nr x d rows                                  */
  double *Yh;           /* nr x d unit rows                             */
  double *gam;          /* nr signed output weights                     */
  double *nrm;          /* nr row norms                                 */
  double *C;            /* nr x nr cosines y^_a.y^_b (upper triangle)   */
  double *T;            /* k x nr: t_ab = pi/2 - theta_ab, b >= a       */
  double *OM;           /* k x nr: 1 - sin theta_ab, b >= a (the k x k
                           blocks hold their upper triangles)           */
  double *F;            /* nr x nr loss pair terms (upper triangle)     */
  double *gn;           /* nr: gam_a |y_a|                              */
  double *n2;           /* 2 nr: |y_a|^2 as a double-double (n2[2a] +
                           n2[2a+1]) for the student rows, NaN when not
                           available (rows scaled for their range)      */
  double *rc;           /* d: compensation of r                         */
  size_t *nnear;        /* nr: near pairs (a, b > a) in row a           */
  size_t *nearidx;      /* nr: their column offsets (one row at a time) */
  size_t *head, *link;  /* nr each: component member lists             */
  size_t *axis;         /* m: x when target row j is +-c e_x (c > 0),
                           SIZE_MAX otherwise                           */
  double *axsg;         /* m: its sign                                  */
  int ident;            /* V = I rows are in Y, Yh, C (set once)        */
  double *N;            /* nr x d n-vectors of the Hessian              */
  double *M;            /* nr x d weighted n-vectors                    */
  double *r;            /* d: residual sum_a gam_a y_a                  */
  double *p, *q;        /* d: unit vectors p^, q^                       */
  double *sc, *scc;     /* nr: per-component sums and compensations     */
  size_t *comp;         /* nr: union-find parents                       */
  struct lsc_vg_buf *vg; /* buffers of the dense products (vgemm.h)     */
};

/* Pairs with |cos| above this are "near" (nearly parallel or antiparallel)
   and get their geometry from the vectors in the stable atan2 form; the
   others from the BLAS Gram cosine, which is accurate there (asin and
   sqrt(1 - c^2) are well conditioned for |c| <= 1/2).  An algorithmic
   switch, not an accuracy tolerance. */
#define LSC_NEAR_COS 0.5

/* Geometry of rows a, b: theta, t = pi/2 - theta, s, c, oms = 1 - s,
   sh = sin(theta/2), ch = cos(theta/2), phi = min(theta, pi - theta)
   (accurate to a few ulps relative for near pairs). */
typedef struct
{
  double theta, t, s, c, oms, sh, ch, phi;
  int near;
} lsc_pair;

void lsc_loss_pair (lsc_pair *g, const lsc_loss_workspace *ws, size_t a,
                    size_t b);

/* Validate (p, W) against ws and fill Y, Yh, gam, nrm, gn, the residual
   r = sum_a gam_a y_a (compensated) and the Gram cosines C (one visit per
   row, then lsc_vg_gram).  Returns a status (already reported through the
   hook); on an error the workspace's contents are unspecified. */
int lsc_loss_prepare (lsc_loss_workspace *ws, const double *W,
                      const lsc_problem *p);

/* The pair geometry of a prepared workspace, computed once for loss and
   gradient (geometry.c): S, and for every
   student row i and every row b >= i: T = t_ib, OM = 1 - s_ib (the
   student blocks are symmetric and read as upper triangles); with want_loss
   also the loss terms F of all pairs a < b (including target pairs when V
   is general) and the near-pair counts.  Nearly (anti)parallel pairs
   (|cos| > LSC_NEAR_COS) take the stable route of lsc_loss_pair. */
void lsc_loss_geometry (lsc_loss_workspace *ws, const lsc_problem *p,
                        int want_loss, double *S);

/* The accurate loss from the geometry (loss.c). */
double lsc_loss_from_geometry (lsc_loss_workspace *ws, const lsc_problem *p,
                               double S);

/* Neumaier's compensated summation: add x to (*s, *c). */
static inline void
lsc_kahan_add (double *s, double *c, double x)
{
  double t = *s + x;
  if (fabs (*s) >= fabs (x))
    *c += (*s - t) + x;
  else
    *c += (x - t) + *s;
  *s = t;
}

#endif
