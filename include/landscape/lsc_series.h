/* The large-d end of a family: its critical point at any d (to 1e30 and
   beyond) by a scaled MPFR Newton solve seeded from its expansion in
   eps = d^{-1/2}, the spectrum there with error-bounded signs and exact
   multiplicities, and the coefficients of the expansions themselves. */
#ifndef LSC_SERIES_H
#define LSC_SERIES_H

#include <stddef.h>
#include <mpfr.h>
#include "landscape/lsc_young.h"
#include "landscape/lsc_isotypic.h"
#include "landscape/lsc_families.h"

#ifdef __cplusplus
extern "C" {
#endif
#pragma GCC visibility push(default)

/* ---- The scaled restricted system ----
   Newton's method on dL_G/dp = 0 at the mpfr dimension d, entirely in
   MPFR: gradient and Jacobian (the restricted Hessian) from
   lsc_restricted_eval_mpfr, whose guard bits absorb the O(d^2) terms that
   cancel, and the unknowns scaled by the square roots of the Gram metric
   (y_i = sqrt(metric_i) p_i, equations divided by the same factors), so
   that the scaled Jacobian is the Hessian on Fix(G) with eigenvalues
   between Theta(1) and Theta(d) instead of entries from 1 to d^2.  The
   linear step is Gaussian elimination with partial pivoting in MPFR.
   Parameters that vanish like d^{-1} or d^{-2} are thus solved for to
   full relative accuracy.  p (np mpfr values, precision prec = that of
   p[0]) holds a seed and receives the root; converged when a full step
   moves every parameter by at most 2^{-prec} (|p_i| + max_j |p_j| /
   (d + 1)^2) (componentwise relative for parameters down to O(d^-2), with
   an absolute floor for those that vanish by symmetry).  *iter (may be NULL) receives the iteration
   count.  Returns LSC_SUCCESS, LSC_EMAXITER after maxiter steps,
   LSC_ENOCONV when steps grow three times in a row, LSC_ESING for a
   singular Jacobian, or the statuses of lsc_restricted_eval_mpfr. */
int lsc_series_newton (mpfr_t *p, size_t *iter, const lsc_young *G,
                       const mpfr_t d, size_t maxiter);

/* ---- The branch of a family in log d ----
   An opaque object holding a ladder of solved points of one catalogue
   family from its reference dimension f->d upwards (d multiplied by 2 per
   rung up to LSC_SERIES_LADDER_END), each solved by lsc_series_newton at
   LSC_SERIES_LADDER_PREC bits from the polynomial extrapolation in eps of
   the previous rungs (the rung is halved in log d, at most 8 times, when
   Newton fails).  Beyond the ladder the branch is in its asymptotic
   regime: a point at any larger d is seeded by extrapolating the last
   LSC_SERIES_NSEED rungs in eps - the truncated series - and solved in one
   Newton run; should that fail, rungs of a factor 10 in d are added up to
   the target.  A family without a large-d end (lsc_series_has_large_d
   0: its catalogue domain ends above f->d at a fold, an edge or a branch
   point) gets no ladder: its points inside the domain are solved from
   rung 0.  NULL on failure with *status set (LSC_ENOMEM, or the status of
   the failing solve). */
#define LSC_SERIES_LADDER_END 1e6
#define LSC_SERIES_LADDER_PREC 192
#define LSC_SERIES_NSEED 8

typedef struct lsc_series_path lsc_series_path;

/* Whether the family f exists at d by its catalogue domain (the domain
   column of landscape-families(5), f->domain): 1 when d lies in [lo, hi],
   or beyond an end of kind open (followed that far without end; the path
   below continues it) or failed (the end is unknown: the solve decides);
   0 when d lies beyond a fold, an edge or a branch point: the family is
   absent there, and note (may be NULL) receives "outside the family's
   domain: its branch ends at d = X (fold)".  A family without a domain
   (f->has_domain 0) or a d that is not finite: 1 (the solve decides). */
int lsc_series_in_domain (const lsc_family *f, double d, char *note,
                          size_t len);

/* Whether the family has a large-d end at all: lsc_series_in_domain at
   d = infinity (0 for a branch that ends at a fold, an edge or a branch
   point above its reference dimension, as Y6-1_aff between two folds). */
int lsc_series_has_large_d (const lsc_family *f, char *note, size_t len);

lsc_series_path *lsc_series_path_alloc (const lsc_family *f, int *status);
void lsc_series_path_free (lsc_series_path *path);
size_t lsc_series_path_nparams (const lsc_series_path *path);
const lsc_young *lsc_series_path_group (const lsc_series_path *path);

/* The critical point at d >= f->d into p (nparams values at their own
   precision, which sets the accuracy: every parameter to 2^{-prec}
   relative).  LSC_EDOM for d outside the catalogue's domain
   (lsc_series_in_domain) or below the reference dimension (the
   continuation module's range) or not finite. */
int lsc_series_path_point (mpfr_t *p, lsc_series_path *path, const mpfr_t d);

/* ---- Multiplicities ----
   A multiplicity (or a sum of them) as an exact polynomial in d:
   (c2 d^2 + c1 d + c0) / den. */
typedef struct
{
  long long c2, c1, c0;
  long den;
} lsc_series_poly;

/* The multiplicity of an lsc_iso_eigen of the family's group G
   (inner * dim of its irrep at n = d - other column sizes). */
void lsc_series_mult (lsc_series_poly *m, const lsc_iso_eigen *e,
                      const lsc_young *G);
void lsc_series_poly_add (lsc_series_poly *r, const lsc_series_poly *a);
/* The polynomial as text ("(d^2 - 3 d + 2)/2"). */
void lsc_series_poly_str (char *buf, size_t len, const lsc_series_poly *m);
/* Its exact value at the integer d (an mpfr integer) as a decimal string,
   or at non-integer d rounded to 17 significant digits. */
void lsc_series_poly_eval_str (char *buf, size_t len,
                               const lsc_series_poly *m, const mpfr_t d);

/* ---- Spectrum and type at large d ----
   The isotypic spectrum (lsc_isotypic_spectrum_mpfr, unmerged) at the
   point p, with an absolute error bound per isotypic component: the
   point is refined (in copies, by lsc_series_newton) and the spectrum
   computed at the precision prec of s->values and at prec + 64; the bound
   of component c (t, s, x or y) is
     comp_err[c] = 4 max |difference| + 2^{16 - prec} max(1, max |value|),
   both maxima over that component's eigenvalues only, so that the Theta(d)
   eigenvalues of t and s do not widen the bound of x and y.  When the two
   precisions do not agree to 1e-8, or list different components, prec is
   raised (prec + prec/2 + 64, at most three times; s->values then come
   back at that precision).  Use prec >= 128 + 3 log2 d.
   Degeneracy: two eigenvalues of one component are one distinct value
   (their inner multiplicities added) only when they differ by at most
   2 comp_err[c] - within the error of a common value; otherwise distinct.
   Sign: an eigenvalue is negative or positive only when its distance from
   zero exceeds comp_err of its component; otherwise it is undecided
   (counted in zero). */
typedef struct
{
  mpfr_t *values;          /* distinct eigenvalues (n of them)            */
  lsc_iso_eigen *info;
  size_t n, cap;
  double comp_err[4];      /* absolute error bound of every value of
                              component LSC_IRREP_* (0: no values)       */
  double err;              /* the largest comp_err                       */
  lsc_series_poly index;   /* sum of the multiplicities of the negatives */
  lsc_series_poly zero;    /* ... of those within their comp_err of 0    */
  size_t nundecided;
  const char *type;        /* "spurious-minimum", "saddle", "global-minimum"
                              (all positive, global family), "degenerate"
                              (undecided values remain, none negative)   */
} lsc_series_spectrum;

/* Allocate for group G at precision prec; NULL on failure. */
lsc_series_spectrum *lsc_series_spectrum_alloc (const lsc_young *G,
                                                mpfr_prec_t prec);
void lsc_series_spectrum_free (lsc_series_spectrum *s);

/* Spectrum, error bound, index and type at p (at d); global (the
   catalogue's kind is global-minimum) names a minimum global-minimum.
   Returns LSC_SUCCESS, LSC_EPREC (no agreement after three raises), or
   the status of the refinement or of the spectrum. */
int lsc_series_spectrum_compute (lsc_series_spectrum *s, const mpfr_t *p,
                                 const lsc_young *G, const mpfr_t d,
                                 int global);

/* ---- Expansions in eps = d^{-1/2} ---- */
#define LSC_SERIES_MAXTERMS 24

enum { LSC_SERIES_PARAM = 0, LSC_SERIES_LOSS = 1, LSC_SERIES_EIGEN = 2 };

/* One quantity's expansion q(d) = eps^lead (c[0] + c[1] eps + ... ), lead
   the power of eps of the first coefficient that is not zero within its
   bound (so q = Theta(d^{-lead/2}); an eigenvalue with lead = -2 grows
   like d).  err[j] is an absolute bound on c[j]: the difference between
   the two routes of lsc_series_expand; digits[j] the number of
   significant decimal digits it leaves (0 when |c[j]| <= err[j]: the
   coefficient is zero to within err[j]).  closed[j] holds a recognised
   closed form ("" when none). */
typedef struct
{
  int kind;                  /* LSC_SERIES_*                              */
  char name[32];             /* parameter name, "loss", or "s2" (the 2nd
                                distinct eigenvalue of component s)       */
  int irrep;                 /* eigenvalues: component                    */
  lsc_series_poly mult;      /* eigenvalues: multiplicity                 */
  int lead;
  int allzero;               /* every coefficient zero within its bound  */
  size_t n;
  mpfr_t c[LSC_SERIES_MAXTERMS];
  double err[LSC_SERIES_MAXTERMS];
  int digits[LSC_SERIES_MAXTERMS];
  char closed[LSC_SERIES_MAXTERMS][96];
  char partner[32];          /* eigenvalues: the one it nearly crosses in
                                the windows, the two fitted as a pair
                                (sum and squared difference); "" if none */
} lsc_series_quantity;

typedef struct
{
  size_t nterms;   /* coefficients wanted from the leading one      (6)   */
  size_t nodes;    /* interpolation nodes per route  (nterms + 20)         */
  double h1, h2;   /* the two routes' windows in eps: nodes at the
                      Chebyshev points of (0, h]        (1e-3, 4e-4)       */
  long prec1, prec2; /* the two routes' precisions
                      (256 + 32 nterms, twice that)                        */
  int recognise;   /* search closed forms                           (1)   */
  int spectrum;    /* expand the eigenvalues too                    (1)   */
} lsc_series_opts;

void lsc_series_opts_init (lsc_series_opts *o);

typedef struct
{
  size_t nq;
  lsc_series_quantity *q;    /* parameters, loss, eigenvalues            */
  size_t nparams;
} lsc_series_expansion;

/* Expand every fixed-space parameter, the loss and (o->spectrum) every
   distinct isotypic eigenvalue of the family.  Method: the points at the
   nodes eps_j of each window, solved to the route's precision along the
   family's path; the values (eigenvalues multiplied by eps^2, so that
   Theta(d) ones have finite limits) interpolated by a polynomial in eps
   (Newton divided differences, then the monomial form).  Route 1: window
   h1 at prec1; route 2: window h2 at prec2 - different nodes, different
   truncation, different rounding; their difference is the stated error.
   Eigenvalues are matched across nodes by component and rank.  *e is
   allocated (free with lsc_series_expansion_free).  Returns LSC_SUCCESS,
   LSC_EDOM (the family has no large-d end: lsc_series_has_large_d),
   LSC_EINVAL (bad options: nterms 1..LSC_SERIES_MAXTERMS - 4, windows in
   (0, 0.01], precisions 64..65536), LSC_EFAILED when the number of
   distinct eigenvalues changes inside a window, or a solver status. */
int lsc_series_expand (lsc_series_expansion **e, const lsc_family *f,
                       const lsc_series_opts *o);
void lsc_series_expansion_free (lsc_series_expansion *e);

/* ---- Integer relations ----
   Recognise x (with `digits` correct significant digits) as a rational
   combination of the basis 1, pi^-1, ..., pi^-6: a relation
   a0 x + a1 + a2/pi + ... + a7/pi^6 = 0 in small integers, found by LLL
   (FLINT fmpz_lll) on the lattice [I | round(10^D b_i)] at D = digits / 2
   and again at D = digits; accepted only when both find the same
   relation, a0 != 0, and the relation's size (the decimal digits of its
   coefficients) is at most digits / 3, so that it holds to far more
   digits than it needs.  buf receives the closed form ("1/2 - 2/pi^2").
   Returns 1 when recognised, 0 when not (buf = ""); digits < 24 never
   recognises. */
int lsc_series_recognise (char *buf, size_t len, const mpfr_t x, int digits);

/* ---- Table rows ----
   The numerical decisions of landscape-series' tables, as fields.
   lsc_series_order_str: "d^-1", "d", "1", "d^-1/2" for a quantity of
   order eps^lead ("0" when allzero). */
void lsc_series_order_str (char *buf, size_t len, int lead, int allzero);

/* The options of the spectral-concentration table: lsc_series_opts_init
   with 4 terms, 16 nodes and precisions 256 and 384 bits. */
void lsc_series_opts_limits (lsc_series_opts *o);

/* One eigenvalue's row of the spectral-concentration table. */
typedef struct
{
  char growth[32];      /* "Theta(d)", "Theta(1)", "Theta(d^-1/2)", "0",
                           or "unresolved"                               */
  char leading[64];     /* the limit (Theta(1)) or slope (Theta(d)) to
                           its verified digits (at most 20); "" when
                           unresolved                                    */
  int digits;           /* its verified digits (0: zero or unresolved)   */
  double share;         /* share of the k d eigenvalues as d -> infinity */
  char global[48];      /* "=s1": the global minimum's eigenvalue of the
                           same growth agreeing longest, or "-"          */
  char difference[48];  /* order of the difference from it: "O(d^-1/2)",
                           "none in 4 terms", or "-"                    */
  int status;           /* LSC_SUCCESS, or LSC_EPREC when unresolved     */
  char note[160];
} lsc_series_limit;

/* Describe the eigenvalue Q of an expansion; global (may be NULL: the
   global family itself, or no expansion of it) is the global minimum's
   expansion.  Unresolved: every coefficient within its bound of zero
   while the bound exceeds 1e-30 (a true zero, as a split ratio, has
   bounds near the working precision).  The global match: coefficients
   equal within 8 times the sum of the two bounds. */
void lsc_series_limit_describe (lsc_series_limit *L,
                                const lsc_series_quantity *Q,
                                const lsc_series_expansion *global);

/* A family's point at one large d: loss (at prec bits) and spectrum
   (lsc_series_spectrum_compute at prec bits, NULL when status != 0 or
   absent); absent (status LSC_SUCCESS, note says why) when d lies
   outside the catalogue's domain (lsc_series_in_domain). */
typedef struct
{
  int status;
  int absent;
  char note[160];
  mpfr_t loss;
  lsc_series_spectrum *sp;
} lsc_series_point;

/* Fill r (initialised here; free with lsc_series_point_clear, also on
   failure).  Returns r->status: LSC_SUCCESS or a solver status. */
int lsc_series_point_eval (lsc_series_point *r, const lsc_family *f,
                           const mpfr_t d, mpfr_prec_t prec);
void lsc_series_point_clear (lsc_series_point *r);

/* The significant digits its error bound leaves the j-th value of s
   (floor log10 |value| / bound, between 1 and 20). */
int lsc_series_spectrum_digits (const lsc_series_spectrum *s, size_t j);

#pragma GCC visibility pop
#ifdef __cplusplus
}
#endif
#endif
