/* Internals of the continuation workspace shared by the stepping driver
   (continuation.c) and the corrector and tangent (cont_correct.c). */
#ifndef LSC_CONT_INTERNAL_H
#define LSC_CONT_INTERNAL_H

#include <gsl/gsl_linalg.h>
#include "landscape/lsc_continuation.h"

struct lsc_cont
{
  size_t n;
  lsc_cont_function f;
  lsc_cont_params par;
  double *y, *tau;            /* current point (p, t) and unit tangent    */
  double *yold, *tauold;      /* previous point                           */
  double *ypred, *tpred;      /* predictor and the hyperplane's normal    */
  double *ynew, *taunew;
  double *gd, *gp, *gm, *Jp;  /* scratch for evaluations                  */
  double *dy;                 /* corrector step                           */
  double *ys;                 /* 2 (n+1): saved point and tangent         */
  double *A;                  /* (n+1)^2 bordered matrix                  */
  gsl_matrix *LU;
  gsl_permutation *perm;
  gsl_vector *rhs, *sol;
  double dfix;
  double h;
  size_t npoints;
  int last_fail;
  /* measures of the last corrector: iterations, largest contraction rate
     and distance from the predictor */
  size_t iter;
  double kappa, delta;
  lsc_cont_point pt;
};

double lsc_cont_d_of_t (double t, double L);
double lsc_cont_t_of_d (double d, double L);

/* Corrector from c->ypred on the hyperplane with normal c->tpred: Newton
   on the bordered system, undamped, into c->ynew; fills c->iter, c->kappa,
   c->delta.  LSC_ENOCONV when the contraction rate exceeds kappa_max or
   the iteration limit is reached away from the rounding floor. */
int lsc_cont_correct (lsc_cont *c);

/* Unit tangent at y into tau, oriented so that ref . tau > 0. */
int lsc_cont_tangent (lsc_cont *c, double *tau, const double *y,
                      const double *ref);

#endif
