/* Internal: first-order jets of balls (value and one directional
   derivative, both Arb balls) and the ball evaluators built on them. */
#ifndef LSC_CERTIFY_IMPL_H
#define LSC_CERTIFY_IMPL_H

#include <stddef.h>
#include <arb.h>
#include "spectrum/isochain.h"
#include <arb_mat.h>
#include "landscape/lsc_young.h"
#include "landscape/lsc_certify.h"

/* Truncated Taylor series in one formal variable eps of Arb balls:
   x = c[0] + c[1] eps + ... + c[n-1] eps^(n-1) (mod eps^n), 1 <= n <=
   LSC_JET_MAX.  With n = 2 it is a first-order jet (a value and one
   directional derivative); with the variable d - d0 and n = N + 1 it
   holds the Taylor coefficients in d up to order N.  Every operation is
   the exact rule for the coefficients of a truncated series evaluated in
   ball arithmetic, so c[k] encloses the k-th Taylor coefficient for every
   point of the input balls.  A binary operation's result has the larger
   length of its operands (a shorter operand's missing coefficients are
   zero); constants have n = 1. */
#define LSC_JET_MAX 8
typedef struct
{
  int n;
  arb_struct c[LSC_JET_MAX];
} lsc_jet;

/* the value and the first coefficient (the directional derivative) */
#define LSC_JV(x) (&(x)->c[0])
/* r = coefficient k of x (0 beyond its length) */
void lsc_jet_get_coef (arb_t r, const lsc_jet *x, int k);
/* x = (v, e): length 2 (e != NULL) or 1 */
int lsc_jet_is_zero (const lsc_jet *x);

void lsc_jet_init (lsc_jet *x);
void lsc_jet_clear (lsc_jet *x);
lsc_jet *lsc_jet_vec_init (size_t n);
void lsc_jet_vec_clear (lsc_jet *x, size_t n);
void lsc_jet_set (lsc_jet *r, const lsc_jet *a);
void lsc_jet_set_arb (lsc_jet *r, const arb_t v, const arb_t e);
void lsc_jet_set_d (lsc_jet *r, double v);     /* constant, exact double */
void lsc_jet_zero (lsc_jet *r);
void lsc_jet_add (lsc_jet *r, const lsc_jet *a, const lsc_jet *b, slong prec);
void lsc_jet_sub (lsc_jet *r, const lsc_jet *a, const lsc_jet *b, slong prec);
void lsc_jet_mul (lsc_jet *r, const lsc_jet *a, const lsc_jet *b, slong prec);
void lsc_jet_addmul (lsc_jet *r, const lsc_jet *a, const lsc_jet *b,
                     slong prec);
void lsc_jet_div (lsc_jet *r, const lsc_jet *a, const lsc_jet *b, slong prec);
void lsc_jet_sqr (lsc_jet *r, const lsc_jet *a, slong prec);
void lsc_jet_sqrt (lsc_jet *r, const lsc_jet *a, slong prec);
/* 2 atan2(y, x) */
void lsc_jet_atan2x2 (lsc_jet *r, const lsc_jet *y, const lsc_jet *x,
                      slong prec);
void lsc_jet_mul_d (lsc_jet *r, const lsc_jet *a, double c, slong prec);
void lsc_jet_add_d (lsc_jet *r, const lsc_jet *a, double c, slong prec);
void lsc_jet_mul_2si (lsc_jet *r, const lsc_jet *a, slong e);
void lsc_jet_div_arb (lsc_jet *r, const lsc_jet *a, const arb_t c, slong prec);
/* 1 if v is a finite ball entirely > 0. */
int lsc_jet_positive (const lsc_jet *a);

/* Kernel geometry of a pair (u, v) of weighted cell vectors in jets (the
   ball twin of lsc_mpfr_cells): cell a stands for wt[a] equal coordinates.
   same != 0 marks a pair with theta = 0 identically: structurally
   identical (u = v as functions of the parameters, passed in) or found
   exactly parallel (|u^ - v^|^2 an exact zero jet: W = V at an exact
   point); then kappa = |u||v| / 2, grad_u kappa = v / 2, h1 = 0,
   h2 = I / 2 and no angle is computed. */
typedef struct
{
  size_t cap, n;
  int same;
  lsc_jet nu, nv, dm, dp, theta, phi, s, c, lam, t, t2;
  lsc_jet *dmv, *dpv, *U, *P, *Q, *N;
  arb_t pi, twopi;
} lsc_bcells;

int lsc_bcells_init (lsc_bcells *c, size_t cap, slong prec);
void lsc_bcells_clear (lsc_bcells *c);
/* LSC_EDOM when |u|^2, |v|^2 or (same == 0) |u^ + v^|^2 are not proved
   positive, or |u^ - v^|^2 is neither proved positive nor exactly 0. */
int lsc_bcells_set (lsc_bcells *c, const lsc_jet *u, const lsc_jet *v,
                    const lsc_jet *wt, size_t n, int same, slong prec);
void lsc_bcells_kappa (lsc_jet *r, lsc_bcells *c, slong prec);
void lsc_bcells_grad_coef (lsc_jet *a, lsc_jet *b, lsc_bcells *c,
                           slong prec);
void lsc_bcells_forms (lsc_bcells *c, const lsc_jet *wt, slong prec);
void lsc_bcells_h1 (lsc_jet *r, lsc_bcells *c, const lsc_jet *wt, size_t a,
                    size_t b, slong prec);
void lsc_bcells_h2 (lsc_jet *r, lsc_bcells *c, const lsc_jet *wt, size_t a,
                    size_t b, slong prec);

/* The restricted loss, gradient and Hessian (as lsc_restricted_eval_mpfr)
   in jets: p (np jets) and d (a jet) give value balls and the direction.
   L, g, H may be NULL.  LSC_EDOM when a norm or an angle's half-chord is
   not proved positive (a zero row, an angle not separated from 0 or pi
   outside the structurally parallel pairs).  alias (np ints, or NULL for
   the identity) names, for each parameter, the parameter of a coarser
   space that it copies: parameters with one alias are one function of
   the inputs (the caller's promise: equal balls and equal jets, as when
   a box of Fix(G) is embedded in Fix(G0) > Fix(G1) > Fix(G2)), so a pair
   of rows whose cells agree up to alias is identical (theta = 0 exactly:
   the split rows of a k = d + m family) and takes the exact forms of a
   structurally identical pair. */
int lsc_restricted_eval_jet (lsc_jet *L, lsc_jet *g, lsc_jet *H,
                             const lsc_jet *p, const lsc_young *G,
                             const lsc_jet *d, const int *ks,
                             const int *alias, slong prec);

/* The jets of one evaluation (parameters, d, loss, gradient, Hessian),
   allocated once and reused by every pass of a centered form or a
   Taylor model: g (np) and H (np^2) only when asked for. */
typedef struct
{
  size_t np;
  lsc_jet *p, *g, *H;
  lsc_jet d, L;
} lsc_cert_jets;
int lsc_cert_jets_init (lsc_cert_jets *j, size_t np, int want_g,
                        int want_H);
void lsc_cert_jets_clear (lsc_cert_jets *j);

/* Scaled unknowns: with ks != NULL (np exponents in 0..LSC_CERT_KMAX,
   then np small integer offsets) the evaluators' parameters are q,
   p_i = ks[np + i] + q_i d^-ks[i], and L, g, H are
   the loss, gradient and Hessian of (q, d) -> L_G(p(q, d), d) in q: the
   same critical points and, by Sylvester's law (S H S with S diagonal
   and positive), the same inertias; a box in q follows the branch's
   decay in d (b ~ d^-2, c ~ d^-1, f ~ -1 + d^-1) across a wide ball of
   d. */
#define LSC_CERT_KMAX 3

/* lsc_restricted_deriv_arb without checks or error reports (inside the
   proofs a failed enclosure is an answer, not an error). */
int lsc_cert_eval (arb_t L, arb_t Ldot, arb_ptr g, arb_ptr gdot, arb_ptr H,
                   arb_ptr Hdot, arb_srcptr p, arb_srcptr pdot,
                   const lsc_young *G, const arb_t d, const arb_t ddot,
                   const int *ks, const int *alias, slong prec);

/* M = the n x n matrix stored row-major in a. */
void lsc_cert_vec_to_mat (arb_mat_t M, arb_srcptr a, size_t n);

/* Centered enclosures over the box (X, D) with centre (x, dm) (centered.c):
   f(X, D) in f(x, dm) + f'(X, D) . (X - x, D - dm) (mean value theorem on
   the convex box, f' from jets in the ball direction; the d direction by
   a Taylor model of order N when D is a ball and N >= 1).  L, g, H may be
   NULL.  X = x and D = dm give the values at the centre.  root (np ints
   in 0..nr-1, or NULL: the parameters themselves) names the coordinate
   that each parameter copies (the caller's promise: equal balls and
   centres for equal roots), so that the mean value theorem runs over the
   nr root coordinates. */
int lsc_cert_eval_centered (arb_t L, arb_ptr g, arb_ptr H, arb_srcptr x,
                            const arb_t dm, arb_srcptr X, const arb_t D,
                            const lsc_young *G, const int *ks,
                            const int *alias, const int *root, size_t nr,
                            int N, slong prec);

/* Taylor models in d (taylor.c): the coefficients of L, g, H at the point
   p in powers of (d - dm), N + 1 per output (Lc[k], gc[i (N+1) + k],
   Hc[ij (N+1) + k]; each may be NULL): orders below N at dm, order N
   enclosed over the whole ball D (Lagrange remainder).  For every d in D,
   f(p, d) lies in lsc_cert_taylor_sum of its coefficients at T = D - dm.
   LSC_EINVAL unless 1 <= N < LSC_JET_MAX; else as the evaluators. */
int lsc_cert_taylor_coefs (arb_ptr Lc, arb_ptr gc, arb_ptr Hc, arb_srcptr p,
                           const arb_t dm, const arb_t D, int N,
                           const lsc_young *G, const int *ks,
                           const int *alias, slong prec);
/* The same with the caller's jets (j sized for G, with g and H when gc
   and Hc are asked for). */
int lsc_cert_taylor_coefs_jets (arb_ptr Lc, arb_ptr gc, arb_ptr Hc,
                                lsc_cert_jets *j, arb_srcptr p,
                                const arb_t dm, const arb_t D, int N,
                                const lsc_young *G, const int *ks,
                                const int *alias, slong prec);
void lsc_cert_taylor_sum (arb_t r, arb_srcptr c, int N, const arb_t T,
                          slong prec);

/* Inertia of a symmetric ball matrix A (n x n) by the congruence
   C = Q^T S A S Q (S an exact power-of-two diagonal scaling, Q the exact
   double eigenvectors of the scaled midpoint) and an LDL^T without
   pivoting of C in the order of the approximate eigenvalues: when every
   pivot excludes 0, Sylvester's law gives the inertia of A for every
   matrix in the balls.  *nneg, *npos receive the counts (npos + nneg = n
   on success); returns 1 if proved, 0 if a pivot contains 0.  With Ad
   non-NULL (a derivative of A, same congruence), *last and *dlast receive
   the last pivot (the Schur complement of the eigen-direction nearest to
   zero) and its derivative; then a last pivot that contains 0 returns 2
   (every other pivot decided) instead of 0. */
int lsc_ball_inertia (size_t *nneg, size_t *npos, const arb_mat_t A,
                      const arb_mat_t Ad, arb_t last, arb_t dlast,
                      slong prec);

/* The four blocks whose inertias give the isotypic ones (blocks.c):
   A[0] = Hessian on Fix(G0) (t), A[1] on Fix(G1) (t + s), A[2] on the
   odd part of Fix(G2) (s + x), A[3] on its even part (t + s + y), over
   the box and the ball d (centered forms); with xd != NULL, over the box
   without centering, Ad receiving the derivatives along (xd, 1).  The
   matrices are initialised here (also on failure); clear them with
   lsc_cert_blocks_clear. */
/* The isotypic chain of G for the ball d (lsc_isochain_make at d's
   midpoint); nothing to free on failure. */
int lsc_cert_chain (lsc_isochain *ch, const lsc_young *G, const arb_t d);
int lsc_cert_blocks (arb_mat_t *A, arb_mat_t *Ad, const lsc_young *G,
                     arb_srcptr box, arb_srcptr xd, const arb_t d,
                     const int *ks, int N, slong prec);
void lsc_cert_blocks_clear (arb_mat_t *A, arb_mat_t *Ad);

/* The four blocks of lsc_cert_blocks (over the box, no derivative) on
   the chain with every paired small block of integral size p >= 4 kept
   as (p - 2, 1, 1) (lsc_isochain_make_small): the Hessians on the vectors
   of the whole blocks fixed by S_(p-2) of each such block; full[c]
   receives the whole blocks' sizes.  LSC_EUNSUP when G has no such block;
   the matrices are initialised in every case. */
int lsc_cert_blocks_small (arb_mat_t *A, size_t full[4], const lsc_young *G,
                           arb_srcptr box, const arb_t d, const int *ks,
                           int N, slong prec);

/* Small-block symmetry (smallrep.c).  The chain's groups split G's small
   block r (an integral row block of size p >= 2, r > 0) into p
   singletons; S_p permuting them (rows, and their columns when the block
   is paired) acts on every level's parameters, commutes with every
   block's Hessian at a point of Fix(G) and with the swap of the singled
   indices.  lsc_cert_blocks_sym with stab = LSC_CERT_SYM_TRIV gives the
   four blocks compressed onto the vectors fixed by S_p (each block's
   trivial component of S_p), with LSC_CERT_SYM_STD onto those fixed by
   S_{p-1}, the stabiliser of the first singleton (the trivial component
   and one copy of the standard representation (p-1, 1): an eigenvalue of
   the standard component, of multiplicity p - 1 in the whole block, is
   simple there).  The bases are orbit sums (0/1, disjoint supports), so
   the compressions are congruences onto those subspaces (Sylvester).
   LSC_CERT_SYM_NONE: lsc_cert_blocks. */
enum { LSC_CERT_SYM_NONE = 0, LSC_CERT_SYM_TRIV = 1, LSC_CERT_SYM_STD = 2 };
int lsc_cert_blocks_sym (arb_mat_t *A, arb_mat_t *Ad, const lsc_young *G,
                         arb_srcptr box, arb_srcptr xd, const arb_t d,
                         const int *ks, int N, int r, int stab, slong prec);
/* p when row block r of G is a small block whose S_p can be separated,
   else 0. */
int lsc_cert_small_size (const lsc_young *G, int r);
/* orb[q] (malloc'd, n_q ints; freed and NULL on failure): the orbit label
   (least member) of each parameter of level q of the chain ch under S_p
   (stab LSC_CERT_SYM_TRIV) or S_{p-1} (LSC_CERT_SYM_STD) of block r.
   LSC_EINVAL when r is no such block or the swap does not map orbits onto
   orbits. */
int lsc_cert_small_orbits (int *orb[3], const lsc_isochain *ch,
                           const lsc_young *G, int r, int stab);
/* B = V^T H V (B initialised here, m x m) for the basis V of the vectors
   constant on the orbits orb (NULL: singletons), and with swap != NULL
   their odd (parity 1: 1 on an orbit O, -1 on swap(O) != O) or even
   (parity 2) parts; parity 0: no swap.  LSC_ENOMEM (B 0 x 0). */
int lsc_cert_orbit_block (arb_mat_t B, const arb_mat_t H, const int *orb,
                          const int *swap, size_t n, int parity, slong prec);

/* Structural flat directions (flat.c): remove from the blocks A of
   lsc_cert_blocks (at the box, over the ball d) one coordinate per flat
   direction of identical split rows (H z = 0 exactly on Fix(G)), so that
   the inertia of A[c] is that of the reduced block plus nzero[c] zero
   eigenvalues (all in t).  LSC_EDOM when a flat direction's coordinate
   cannot be proved nonzero over the box (nothing is then claimed). */
int lsc_cert_deflate (arb_mat_t *A, size_t *nzero, const lsc_young *G,
                      arb_srcptr box, const arb_t d, const int *ks,
                      slong prec);

/* lsc_certify_critical and lsc_certify_morse in scaled unknowns q (ks as
   above; NULL: none): the box, p and the result are in q.  hint (may
   be NULL, start at 0) carries between calls which enclosure of the
   blocks proved the last inertia (bit 1: 0 along the branch, 1 over the
   box), tried first, and bit 2 when it had a negative eigenvalue (the
   compressed blocks, which prove minima only, are then not tried); it
   changes the cost, never the result's meaning. */
int lsc_cert_critical_k (lsc_cert_crit *res, const lsc_young *G,
                         const int *ks, arb_srcptr p, const arb_t d,
                         const lsc_certify_options *opt);
int lsc_cert_morse_k (lsc_cert_morse *res, const lsc_young *G,
                      const int *ks, arb_srcptr box, const arb_t d,
                      const lsc_certify_options *opt, int *hint);

/* Blocks along the branch (branch.c) for a ball d of positive radius:
   A(p(d), d) in A(p(dm), dm) + A'(X, D) (D - dm), the derivative along
   the branch (p'(d), 1) with p' in the solution set of
   J(X, D) p' = -g_d(X, D) (arb_mat_solve: a proof that J is nonsingular
   on the box); p(dm) by Krawczyk at the point dm, inside the box (which
   holds one zero for every d, so they agree).  With Ader != NULL it
   receives A'(X, D), the derivative along the branch over the whole
   ball.  Returns 0 with A (and Ader) initialised, nonzero (nothing left
   initialised) if a step fails. */
int lsc_cert_branch_blocks (arb_mat_t *A, arb_mat_t *Ader,
                            const lsc_young *G, const int *ks,
                            arb_srcptr box, const arb_t d,
                            const lsc_certify_options *o, slong prec);

/* An enclosure xd (np) of p'(d) for every d in the ball d along the
   branch proved in box (one zero for every d), xm the critical point at
   d's midpoint (a point proof inside box): J(X, D) xd = -g_d(X, D) by a
   preconditioned solve (a proof that J is nonsingular on the box), then
   narrowed by Krawczyk's operator for the linear system with J and g_d
   enclosed along the branch (branch.c).  Returns 0 when enclosed. */
int lsc_cert_slope (arb_ptr xd, const lsc_young *G, const int *ks,
                    arb_srcptr box, arb_srcptr xm, const arb_t d, int N,
                    slong prec);

/* The blocks at the two ends of a ball of d, computed when first asked
   for (have: 0 not yet, 1 available, -1 failed). */
typedef struct
{
  int have[2];
  arb_mat_t A[2][4];
} lsc_cert_ends;
void lsc_cert_ends_init (lsc_cert_ends *e);
void lsc_cert_ends_clear (lsc_cert_ends *e);

/* The inertia of block c over the ball d when its smallest eigenvalue is
   not separated from 0 by the enclosure A over d: with Ad the block's
   derivative along the branch over d (lsc_cert_branch_blocks), the
   congruent LDL^T of lsc_ball_inertia has every pivot but the last of
   fixed sign over d and the last one's derivative excludes 0, so the
   last pivot is strictly monotone on d; the inertias at the two ends
   (each at the critical point proved there inside box) are proved and
   equal, so the last pivot has one sign at both ends (the other pivots'
   signs being fixed) and hence on the whole of d: the block is
   nonsingular on d with that inertia (Sylvester's law, continuity).
   Returns 1 with *nneg, *npos when proved, else 0. */
int lsc_cert_monotone_inertia (size_t *nneg, size_t *npos, int c,
                               const arb_mat_t A, const arb_mat_t Ad,
                               lsc_cert_ends *e, const lsc_young *G,
                               const int *ks, arb_srcptr box,
                               const arb_t d, const lsc_certify_options *o,
                               slong prec);

/* The crossing block along a proved branch (dstar.c), an
   lsc_cert_matfun for lsc_certify_crossing: block c of lsc_cert_blocks_sym
   (small block r, stab) at a point d (a Krawczyk box inside box, refined
   there) or, with Ad, over a ball d with its derivative along the branch
   (p' from J(box, d) p' = -g_d(box, d)). */
typedef struct
{
  const lsc_young *G;
  int c;
  int r, stab;           /* the small block's group (smallrep.c)        */
  arb_srcptr box;        /* Krawczyk box over the ball: one zero for
                            every d                                     */
  const lsc_certify_options *o;
  slong prec;
} lsc_cert_dctx;
int lsc_cert_block_fun (arb_mat_t A, arb_mat_t Ad, const arb_t d, void *arg);

/* The prologue of the public entry points (verdict.c): checks G and
   copies the caller's options into *o, or the defaults when opt is NULL. */
int lsc_cert_options (lsc_certify_options *o, const lsc_young *G,
                      const lsc_certify_options *opt);

/* Wall-clock seconds (CLOCK_MONOTONIC) for the results' timings. */
double lsc_cert_wall (void);

/* Follow the branch from the point x (midpoints) at d_from to d_to by
   Newton with a tangent predictor in steps of at most rel * d (track.c). */
int lsc_cert_track (arb_ptr x, const lsc_young *G, double d_from,
                    double d_to, double rel, const lsc_certify_options *opt);

#endif
