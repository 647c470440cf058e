/* Pseudo-arclength continuation of solution branches g(p; d) = 0 in a real
   parameter d (the dimension), with fold detection and log-scale steps. */
#ifndef LSC_CONTINUATION_H
#define LSC_CONTINUATION_H

#include <stddef.h>
#include "landscape/lsc_young.h"

#ifdef __cplusplus
extern "C" {
#endif
#pragma GCC visibility push(default)

/* The family of systems: n unknowns p, parameter d.  fdf fills g (n) and,
   if J != NULL, J = dg/dp (n x n row-major); nonzero status = d or p outside
   the domain (e.g. LSC_EDOM).  dd fills dg/dd (NULL: central difference with
   step fd_rel max(1, |d|)).  loss (may be NULL) gives the value reported
   with each point. */
typedef struct
{
  size_t n;
  int (*fdf) (double *g, double *J, const double *p, double d, void *params);
  int (*dd) (double *gd, const double *p, double d, void *params);
  int (*loss) (double *L, const double *p, double d, void *params);
  void *params;
} lsc_cont_function;

/* Step control, each with its default (lsc_cont_params_init).  The branch
   is parametrised by arclength in (p, t) with t = d for d <= dlog and
   t = dlog (1 + ln(d / dlog)) beyond (C^1 at dlog), so a step of length h
   covers a factor exp(h / dlog) in d at large d. */
typedef struct
{
  double h0;            /* first step                                 (0.1)  */
  double hmin;          /* step underflow: LSC_ESTEPUNDER             (1e-9) */
  double hmax;          /* largest step                               (2)    */
  double grow;          /* factor after an easy corrector             (1.6)  */
  double shrink;        /* factor after a failed corrector            (0.5)  */
  size_t easy_iter;     /* corrector iterations counted as easy       (3)    */
  size_t corr_maxiter;  /* corrector iteration limit (then shrink)    (8)    */
  double epsabs;        /* corrector residual tolerance |g|_2         (1e-12)*/
  double epsx;          /* corrector step tolerance (rounding floor)  (1e-12)*/
  double epsstall;      /* a corrector that stalls (line search fails or
                           iteration limit) with |g|_2 <= epsstall is
                           accepted: the rounding floor of g grows with d
                           (restricted terms ~ d^2); every point reports
                           its residual                               (1e-5) */
  double cos_min;       /* reject steps turning the tangent more      (0.9)  */
  double dlog;          /* start of the logarithmic scale in d        (20)   */
  double fd_rel;        /* relative step of the dg/dd difference      (1e-5) */
  size_t max_points;    /* LSC_EMAXITER after this many points        (10000)*/
  int stop_at_fold;     /* 1: locate the first fold and stop there    (1)    */
} lsc_cont_params;

void lsc_cont_params_init (lsc_cont_params *par);

/* One point of a branch. */
typedef struct
{
  double d;
  const double *p;      /* n parameters (valid until the next step)         */
  double loss;          /* NaN when the function has no loss                */
  double residual;      /* |g(p; d)|_2 at the point                         */
  double tangent_d;     /* d-component of the unit tangent (dt/ds); its
                           sign change marks a fold                         */
  double h;             /* arclength step that produced the point           */
  size_t iter;          /* corrector iterations                              */
  int fold;             /* 1 for a located fold (or the first point past one
                           when stop_at_fold = 0)                           */
  int status;           /* LSC_SUCCESS, or LSC_EFOLD at a located fold      */
} lsc_cont_point;

typedef struct lsc_cont lsc_cont;

/* Continuation workspace for n unknowns; NULL on failure; _free(NULL) ok. */
lsc_cont *lsc_cont_alloc (size_t n);
void lsc_cont_free (lsc_cont *c);

/* Start: solve g(p; d0) = 0 from p0 by Newton at fixed d0 (tolerances
   epsabs/epsx), then orient the tangent so that d initially moves in the
   direction of dir (+1 or -1).  par NULL: defaults.  Returns LSC_EBADLEN,
   LSC_EINVAL (dir, d0), LSC_EBADTOL, or the Newton status. */
int lsc_cont_set (lsc_cont *c, const lsc_cont_function *f, const double *p0,
                  double d0, int dir, const lsc_cont_params *par);

/* One accepted predictor-corrector step (retrying with shorter steps).
   LSC_SUCCESS; LSC_EFOLD when stop_at_fold is set and the step crossed a
   fold (the current point is then the located fold); LSC_ESTEPUNDER when
   the step fell below hmin (LSC_EDOM instead if the last failures were
   domain errors: the branch degenerates); LSC_ESING if [J | g_d] loses
   rank. */
int lsc_cont_step (lsc_cont *c);

/* The current point. */
const lsc_cont_point *lsc_cont_current (const lsc_cont *c);

/* Called for every accepted point (including the start); nonzero return
   stops the run with that value. */
typedef int lsc_cont_callback (const lsc_cont_point *pt, void *data);

/* Step until d reaches d_stop (LSC_SUCCESS at once if it is the current
   d; LSC_EINVAL if it lies behind the direction of travel while
   stop_at_fold is set, since only a fold could turn the branch back) (the last point is solved at d = d_stop
   exactly by Newton in p) or a step fails.  Returns LSC_SUCCESS, the failing
   step's status (LSC_EFOLD, LSC_ESTEPUNDER, LSC_EDOM, LSC_ESING),
   LSC_EMAXITER after max_points, or the callback's value. */
int lsc_cont_run (lsc_cont *c, double d_stop, lsc_cont_callback *cb,
                  void *data);

/* The restricted gradient of a Young-type fixed space as a continuation
   family: the large block follows d (lsc_young_set_d), equations scaled by
   the Gram metric at d as in lsc_restricted_system (so the residual is the
   full gradient's Frobenius norm at integer d), loss = restricted loss.
   G is copied. */
typedef struct
{
  lsc_young G;
} lsc_cont_restricted;

int lsc_cont_restricted_init (lsc_cont_function *f, lsc_cont_restricted *r,
                              const lsc_young *G);

#pragma GCC visibility pop
#ifdef __cplusplus
}
#endif
#endif
