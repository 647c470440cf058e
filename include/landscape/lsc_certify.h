/* Proofs in ball arithmetic (Arb): critical points of the restricted loss
   proved to exist and be unique in explicit balls (Krawczyk), proved Morse
   indices by the inertia of every isotypic block (Sylvester's law), proved
   crossing dimensions d*, and range theorems over intervals of real d.
   Assumptions: the closed-form Gaussian kernel
   (kappa(w, v) = |w||v| (sin t + (pi - t) cos t) / (2 pi)), the
   isotypic reduction of lsc_isotypic(3), and correctly rounded ball
   operations (Arb). */
#ifndef LSC_CERTIFY_H
#define LSC_CERTIFY_H

#include <stddef.h>
#include <arb.h>
#include <arb_mat.h>
#include "landscape/lsc_young.h"

#ifdef __cplusplus
extern "C" {
#endif
#pragma GCC visibility push(default)

/* Options, each with its default (lsc_certify_options_init). */
typedef struct
{
  slong prec;          /* working precision in bits; 0: automatic,
                          192 + 5 log2(d + 2) (guard bits for the
                          cancellation of terms ~ d^3)                 (0) */
  unsigned newton_iter;/* Newton steps refining the midpoint           (40) */
  unsigned inflate;    /* Krawczyk epsilon-inflation attempts          (8)  */
  double dstar_width;  /* width of the proved d* interval           (1e-31) */
  size_t max_pieces;   /* range theorems: subinterval budget       (20000) */
  double max_rel_width;/* range theorems: first subinterval width
                          relative to d                             (0.05) */
  double min_rel_width;/* range theorems: give up below this          (1e-15) */
  int taylor;          /* order N of the Taylor models in d over a ball
                          of d (1..7): coefficients of order < N at the
                          midpoint, the Lagrange remainder of order N
                          enclosed over the ball; 0: automatic, 4 below
                          d = 1e6 and 7 from there on (lsc_certify_taylor)
                                                                     (0)  */
  int scaled;          /* range theorems: Krawczyk boxes in scaled
                          unknowns q_i = (p_i - c_i) d^k_i (c_i in
                          {-1, 0, 1}, k_i in 0..3 from the branch's decay:
                          b ~ d^-2, c ~ d^-1, f ~ -1 + d^-1); 0: boxes in
                          the parameters p; -1: automatic, scaled for the
                          subintervals at d >= 1e6, below adaptive (a
                          failed subinterval is tried again in the
                          other unknowns at the same width)           (-1) */
  slong range_prec;    /* range theorems with automatic precision
                          (prec = 0), below d = 1e6: each subinterval
                          first at this precision when it is lower (Arb
                          is fastest at <= 128 bits), again at the
                          automatic one when that fails at a width no
                          wider than the last proved one, and at the
                          automatic one for the rest of the range when
                          only it proves; 0: off                    (128) */
} lsc_certify_options;
void lsc_certify_options_init (lsc_certify_options *opt);

/* The order of the Taylor models in d for a ball of d reaching up to d
   under opt (opt->taylor, at most 7, or the automatic choice). */
int lsc_certify_taylor (const lsc_certify_options *opt, double d);

/* Working precision for a dimension d under opt. */
slong lsc_certify_prec (const lsc_certify_options *opt, double d);

/* ---- evaluation ----
   The restricted loss L_G, gradient g and Hessian H (np x np row-major) of
   lsc_restricted(3) in ball arithmetic, with d a ball: each output ball
   contains the exact value for every point p in the balls p and every d in
   the ball d.  L, g or H may be NULL.  LSC_EDOM when the large block's
   size is not proved positive, a row norm is not proved positive, or an
   angle is not proved away from 0 and pi (outside pairs of rows that are
   identical by symmetry, where the kernel is |w|^2 / 2 exactly). */
int lsc_restricted_eval_arb (arb_t L, arb_ptr g, arb_ptr H, arb_srcptr p,
                             const lsc_young *G, const arb_t d, slong prec);

/* The same with directional derivatives: Ldot, gdot, Hdot (may be NULL
   with their value) enclose the derivatives of L, g, H along the direction
   (pdot, ddot) (np balls and one ball; a ball direction gives an
   enclosure valid for every direction in it). */
int lsc_restricted_deriv_arb (arb_t L, arb_t Ldot, arb_ptr g, arb_ptr gdot,
                              arb_ptr H, arb_ptr Hdot, arb_srcptr p,
                              arb_srcptr pdot, const lsc_young *G,
                              const arb_t d, const arb_t ddot, slong prec);

/* ---- critical points ----
   Refine p (np balls, midpoints used, radii set to zero) by Newton on the
   restricted gradient at the midpoint of d.  Returns LSC_SUCCESS,
   LSC_ESING (singular Jacobian), LSC_ENOCONV or an evaluation status. */
int lsc_certify_newton (arb_ptr p, const lsc_young *G, const arb_t d,
                        const lsc_certify_options *opt);

/* The centre for a proof at d: the family's point p (np doubles at dp,
   e.g. the catalogue's) followed along its branch to d by Newton on ball
   midpoints with a tangent predictor, then refined at d; x receives np
   exact balls.  LSC_ENOCONV when the branch cannot be followed. */
int lsc_certify_follow (arb_ptr x, const lsc_young *G, const double *p,
                        double dp, double d, const lsc_certify_options *opt);

/* Result of lsc_certify_critical. */
typedef struct
{
  int proved;          /* 1: a theorem (see below), 0: not proved          */
  size_t np;
  arb_ptr box;         /* np balls (the Krawczyk box X)                    */
  arb_t loss;          /* encloses L_G(p(d)) for every d in the ball       */
  double radius;       /* largest radius of the box                        */
  char reason[160];    /* why not proved ("" when proved)                  */
} lsc_cert_crit;
int lsc_cert_crit_init (lsc_cert_crit *c, size_t np);
void lsc_cert_crit_clear (lsc_cert_crit *c);

/* Krawczyk: from the approximate point p (np balls; midpoints used; refine
   it first with lsc_certify_newton) build a box X around it and prove
   K(X) = x - C g(x, d) + (I - C J(X, d)) (X - x) inside the interior of X
   (C ~ J(x)^{-1}, g(x, d) by the centered form g(x, mid d) + g_d(x, d)
   (d - mid d) for a ball d).  When proved: for every real d in the ball
   d, the restricted gradient has exactly one zero p(d) in X, and J is
   nonsingular on X; loss encloses L_G(p(d)).  Returns LSC_SUCCESS also
   when nothing is proved (res->proved = 0, res->reason says why); an error
   status only for bad arguments or memory. */
int lsc_certify_critical (lsc_cert_crit *res, const lsc_young *G,
                          arb_srcptr p, const arb_t d,
                          const lsc_certify_options *opt);

/* The global minimum: when p (np exact doubles) puts W = V (every row
   block paired with its columns, DIAG parameters 1, all others 0), the
   student network is the target, the loss is 0 - its least value over all
   W - and, being continuously differentiable there, has a critical point
   at p for every d: res->proved = 1, the box is the exact point p
   (radius 0) and loss is exactly 0 (a structural fact, not an enclosure;
   the Morse index then follows from lsc_certify_morse at the point, where
   every student row is exactly parallel to its target, theta = 0).
   Otherwise res->proved = 0 with the reason.  res from
   lsc_cert_crit_init with np parameters. */
int lsc_certify_target (lsc_cert_crit *res, const lsc_young *G,
                        const double *p);

/* ---- Morse index ----
   Components in the order LSC_IRREP_T, _S, _X, _Y of lsc_isotypic(3). */
typedef struct
{
  int proved;          /* 1: every block's inertia proved                  */
  size_t nneg[4];      /* negative eigenvalues of each component's block   */
  size_t npos[4];
  size_t nzero[4];     /* exact zero eigenvalues: the structural flat
                          directions of identical split rows (k = d + m
                          families), proved by the loss's invariance, not
                          by a pivot; nonzero only in t                    */
  size_t size[4];      /* size of each block (distinct eigenvalue slots)   */
  char reason[160];
} lsc_cert_morse;

/* Inertia of the Hessian's isotypic blocks at every point of the box X
   (np balls) for every d in the ball d, from the restricted Hessians on
   Fix(G0) (t), Fix(G1) (t + s) and the parts of Fix(G2) odd (s + x) and
   even (t + s + y) under the swap of the two singled indices (the chain of
   lsc_isotypic(3)): n(t) = n(G0), n(s) = n(G1) - n(G0),
   n(x) = n(odd) - n(s), n(y) = n(even) - n(G1).  Each inertia is proved by
   lsc_ball_inertia's congruence and LDL^T; needs the large block's size
   > 3 over d (LSC_EDOM otherwise). */
int lsc_certify_morse (lsc_cert_morse *res, const lsc_young *G,
                       arb_srcptr box, const arb_t d,
                       const lsc_certify_options *opt);

/* The Morse index of a proved result at an integer d with large block n:
   sum of nneg[c] * dim_c(n) (dims 1, n - 1, (n-1)(n-2)/2, n(n-3)/2). */
double lsc_cert_morse_index (const lsc_cert_morse *m, double n);

/* ---- one point: the whole pipeline ----
   Result of lsc_certify_point. */
typedef struct
{
  int proved;          /* 1: crit and morse proved                        */
  lsc_cert_crit crit;  /* the Krawczyk box (or the exact point W = V)     */
  lsc_cert_morse morse;
  double index;        /* the Morse index at d (lsc_cert_morse_index with
                          the large block's size at d); NaN unless proved  */
  char reason[160];    /* why not proved ("" when proved)                 */
  double seconds;      /* wall-clock time of lsc_certify_point             */
} lsc_cert_point;
int lsc_cert_point_init (lsc_cert_point *r, size_t np);
void lsc_cert_point_clear (lsc_cert_point *r);

/* The theorem at one d for the family's point p (np doubles at dp, e.g.
   the catalogue's): W = V is taken as the exact critical point
   (lsc_certify_target); otherwise the branch is followed from dp to d
   (lsc_certify_follow), the critical point proved by Krawczyk
   (lsc_certify_critical) and its Morse index by lsc_certify_morse.
   Returns LSC_SUCCESS also when nothing is proved (res->reason says why);
   an error status for bad arguments or memory. */
int lsc_certify_point (lsc_cert_point *res, const lsc_young *G,
                       const double *p, double dp, double d,
                       const lsc_certify_options *opt);

/* The name of a proved Morse type: "nondegenerate-minimum",
   "nondegenerate-saddle", "flat-minimum-candidate" (no negative and some
   structural zero eigenvalues: no second-order theorem) or
   "saddle-with-flat-directions"; "" when m is not proved. */
const char *lsc_cert_morse_theorem (const lsc_cert_morse *m);

/* ---- crossings of a matrix family ----
   A one-parameter family of symmetric n x n matrices: f fills A (n x n,
   initialised by the caller) with an enclosure valid for every d in the
   ball d and, when Ad != NULL, Ad with an enclosure of dA/dd over it;
   returns 0, or nonzero when it cannot enclose. */
typedef int (*lsc_cert_matfun) (arb_mat_t A, arb_mat_t Ad, const arb_t d,
                                void *arg);

typedef struct
{
  int proved;          /* 1: exactly one d in [dlo, dhi] with A(d) singular */
  size_t nneg_lo, nneg_hi; /* negative eigenvalues at the two ends        */
  int direction;       /* +1: one negative eigenvalue fewer at dhi         */
  char reason[160];
} lsc_cert_cross;

/* The crossing theorem: the inertias of A(dlo) and A(dhi) (balls, usually
   points) are proved (lsc_ball_inertia) and differ by one eigenvalue; over
   the hull D of [dlo, dhi] the congruent LDL^T has every pivot but the
   last proved nonzero and the last one's derivative (jets through the
   factorisation) excludes 0.  Then the last pivot, whose zeros are the
   singular points of A (det A = det C / det(S Q)^2 and the other pivots
   keep their signs), is strictly monotone on D: A(d) is singular at
   exactly one d in [dlo, dhi], and there one eigenvalue changes sign.
   res->reason says why when not proved. */
int lsc_certify_crossing (lsc_cert_cross *res, size_t n, lsc_cert_matfun f,
                          void *arg, const arb_t dlo, const arb_t dhi,
                          slong prec);

/* ---- d* ----
   Result of lsc_certify_dstar. */
typedef struct
{
  int proved;          /* 1: exactly one crossing in the interval dstar    */
  arb_t dstar;         /* the interval (midpoint and radius)               */
  int irrep;           /* the component that crosses                       */
  int direction;       /* +1: its block's index drops by one as d grows    */
  size_t nneg_lo, nneg_hi; /* that block's negative count at the two ends  */
  size_t multiplicity; /* of the crossing eigenvalue in the component's
                          block: 1, or p - 1 when it lies in the standard
                          representation of a small block's S_p          */
  int small_block;     /* that small block (row block of G), else -1      */
  char reason[160];
  double seconds;      /* wall-clock time of lsc_certify_dstar             */
  /* lsc_certify_dstar_range only (else zero): */
  double a, b;         /* the interval [a, b] searched                    */
  int unique;          /* 1: the crossing block is singular at exactly one
                          d of the whole [a, b] (the crossing theorem over
                          [a, b]); 0: exactly one in dstar only           */
  lsc_cert_point below, above; /* the theorems at d = a and d = b: the
                          critical point and its Morse index either side
                          (proved = 1 for both when res->proved)          */
} lsc_cert_dstar;
void lsc_cert_dstar_init (lsc_cert_dstar *c);
void lsc_cert_dstar_clear (lsc_cert_dstar *c);

/* Prove a crossing near d0 (a decimal approximation, e.g. the catalogue's
   digits, within about 1e-6 of d*), starting from the critical point p
   (np doubles) of the family at d0 or nearby.  Steps: Newton in balls'
   midpoints at each trial d, secant on the Schur complement sigma(d) of
   the block whose eigenvalue is nearest to 0 until |d - d*| is far below
   dstar_width, then with D = [d~ - w/2, d~ + w/2]: Krawczyk proves the
   branch p(d) unique in a box X for all d in D; the block's other pivots
   keep their signs over X x D; sigma has opposite signs at the two ends
   of D (each proved by Krawczyk at the end point); and the derivative of
   sigma along the branch (jets in the direction (p'(d), 1),
   p' = -J^{-1} g_d, over X x D) excludes 0.  So exactly one d in D has a
   singular block, where one eigenvalue of that component changes sign. */
int lsc_certify_dstar (lsc_cert_dstar *res, const lsc_young *G,
                       const double *p, double dp, const char *d0,
                       const lsc_certify_options *opt);

/* The crossing in [a, b] (a < b, decimals of doubles), for any family
   and whatever its catalogue type: the inertias of the four blocks at the
   two ends (lsc_certify_point at a and at b: the critical point proved
   by Krawczyk and its Morse index, into res->below and res->above) must
   differ in exactly one component; the crossing is bracketed by bisection
   on that component's inertia along the branch (followed from (p, dp)),
   then proved as by lsc_certify_dstar: exactly one d in res->dstar (width
   about dstar_width, inside [a, b]) makes that block (or its compression
   by a small block's S_{p-1}) singular.  Then the crossing theorem is
   tried over the whole of [a, b] (Krawczyk over [a, b], the block's other
   pivots of fixed sign and its last pivot's derivative excluding 0 over
   it): res->unique = 1 when the block is singular nowhere else in [a, b]
   (feasible for a narrow [a, b], e.g. d* -+ 1e-6).  res->proved = 1 when
   the crossing in res->dstar and both ends are proved; res->reason says
   why not.  Returns LSC_SUCCESS also when nothing is proved; an error
   status for bad arguments or memory.  res from lsc_cert_dstar_init with
   the family's parameter count (lsc_cert_dstar_init_np). */
int lsc_certify_dstar_range (lsc_cert_dstar *res, const lsc_young *G,
                             const double *p, double dp, double a, double b,
                             const lsc_certify_options *opt);
/* lsc_cert_dstar_init plus the two end results of np parameters
   (lsc_certify_dstar_range); LSC_ENOMEM. */
int lsc_cert_dstar_init_np (lsc_cert_dstar *c, size_t np);

/* ---- range theorems ----
   One subinterval of a cover. */
typedef struct
{
  double a, b;         /* the closed interval [a, b] (exact doubles)       */
  int proved;
  lsc_cert_morse morse;
  double radius;       /* the Krawczyk box's largest radius                */
  char reason[160];
  slong prec;          /* the working precision of this try (bits)         */
} lsc_cert_piece;

/* What a range theorem asserts. */
enum { LSC_CERT_MINIMUM = 0, LSC_CERT_INDEX = 1 };

/* Cover [a, b] by subintervals, each proved by lsc_certify_critical (with
   d the subinterval) and lsc_certify_morse; a failing subinterval is
   bisected down to min_rel_width, and reported.  want = LSC_CERT_MINIMUM:
   every block positive definite (a nondegenerate minimum); LSC_CERT_INDEX:
   the same inertia on every subinterval as on the first.  The branch is
   followed from (p, dp) (np doubles at dp, e.g. the catalogue point) by
   Newton on midpoints with a tangent predictor.  Each subinterval is
   passed to cb (may be NULL; a nonzero return stops the cover with
   LSC_EFAILED).  *proved receives 1 when the whole of [a, b] is covered
   by proved subintervals with one inertia.  Widths start at
   max_rel_width * d and grow or shrink geometrically (log spacing). */
int lsc_certify_range (int *proved, const lsc_young *G, const double *p,
                       double dp, double a, double b, int want,
                       int (*cb) (const lsc_cert_piece *piece, void *arg),
                       void *arg, const lsc_certify_options *opt);

/* The range theorem a catalogue kind asks for: LSC_CERT_MINIMUM for
   "spurious-minimum" and "global-minimum", else LSC_CERT_INDEX. */
int lsc_certify_range_kind (const char *kind);

/* A range theorem run (lsc_certify_range, same arguments and status)
   with its cover counted and timed: cb, when not NULL, still sees every
   subinterval. */
typedef struct
{
  const char *theorem; /* "nondegenerate-minimum" (LSC_CERT_MINIMUM);
                          LSC_CERT_INDEX: the type of the inertia proved
                          (lsc_cert_morse_theorem: "nondegenerate-minimum",
                          "nondegenerate-saddle", ...), "constant-index"
                          when not proved                                  */
  size_t pieces;       /* subintervals of the cover                        */
  size_t failed;       /* of which not proved                              */
  double seconds;      /* wall-clock time                                  */
  double cpu_seconds;  /* CPU time of the process (all its threads)        */
  int proved;          /* 1: the whole interval proved, no error           */
  lsc_cert_morse morse;/* the inertia proved on every subinterval (that
                          of the first proved one; morse.proved = 0 when
                          none was proved)                                 */
  double index;        /* the Morse index, when it does not depend on d
                          (negative eigenvalues in t only): nneg[t];
                          else NaN                                        */
} lsc_cert_range_stat;
int lsc_certify_range_stat (lsc_cert_range_stat *s, const lsc_young *G,
                            const double *p, double dp, double a, double b,
                            int want,
                            int (*cb) (const lsc_cert_piece *piece,
                                       void *arg),
                            void *arg, const lsc_certify_options *opt);

/* ---- stating proved numbers ----
   The lower (upper = 0) or upper end of the ball x as a decimal of
   digits significant digits rounded outward: the printed number is <=
   (>=) every point of x. */
void lsc_cert_endpoint (char *buf, size_t len, const arb_t x, int upper,
                        long digits);

/* 1 when r is proved and its interval lies within the decimal digits
   (e.g. a catalogue's d*) widened by half a unit in its last digit: the
   digits are then d* rounded to nearest. */
int lsc_cert_dstar_within (const lsc_cert_dstar *r, const char *digits);

/* The verdict on lsc_certify_point's result r, rc being its return
   status: returns 1 when the theorem is proved; *box (may be NULL)
   receives 1 when the critical point itself is proved (its loss
   enclosure and box radius are then theorems even if the Morse index is
   not), *reason (may be NULL) why not: "" when proved, else
   lsc_strerror (rc) for an error status or r's reason. */
int lsc_cert_point_verdict (const lsc_cert_point *r, int rc, int *box,
                            const char **reason);

/* The verdict on a proved d* against a catalogue's digits: returns 1
   when r is proved and lies within them (lsc_cert_dstar_within); *contains
   (may be NULL) receives that containment (0 unless proved), *reason (may
   be NULL) why not ("" when proved): r's own reason, or that the proved
   interval is not within the digits. */
int lsc_cert_dstar_verdict (const lsc_cert_dstar *r, const char *digits,
                            int *contains, const char **reason);

#pragma GCC visibility pop
#ifdef __cplusplus
}
#endif
#endif
