/* Fractional-dimension bifurcation points of families of critical points:
   the real d* where an eigenvalue of one isotypic component crosses zero
   (a saddle turning into a minimum), and folds (turning points in d), to
   many digits in MPFR with the precision verified.  See landscape(7). */
#ifndef LSC_BIFURCATION_H
#define LSC_BIFURCATION_H

#include <stddef.h>
#include <mpfr.h>
#include "landscape/lsc_young.h"

#ifdef __cplusplus
extern "C" {
#endif
#pragma GCC visibility push(default)

/* A one-parameter family of critical points g(p; d) = 0 (n unknowns) with a
   distinguished eigenvalue lambda(p, d).  MPFR callbacks evaluate at the
   precision of their outputs; double callbacks give the Jacobians used by
   the Newton corrections (their accuracy sets the convergence rate, not
   the result).  Any callback returns 0 or a status. */
typedef struct
{
  size_t n;
  int (*g_mpfr) (mpfr_t *g, const mpfr_t *p, const mpfr_t d, void *params);
  int (*jac) (double *J, const double *p, double d, void *params); /* dg/dp */
  /* crossings: the eigenvalue whose zero is sought (may be NULL for folds) */
  int (*eig_mpfr) (mpfr_t lam, const mpfr_t *p, const mpfr_t d, void *params);
  /* folds: the Jacobian dg/dp in MPFR (n x n row-major; may be NULL for
     crossings) */
  int (*jac_mpfr) (mpfr_t *J, const mpfr_t *p, const mpfr_t d, void *params);
  void *params;
} lsc_bif_family;

/* Options, each with its default (lsc_bif_options_init). */
typedef struct
{
  unsigned digits;     /* significant decimal digits of d* wanted    (30)  */
  unsigned guard_bits; /* working precision = digits*log2(10)+guard  (40)  */
  unsigned verify_bits;/* the verifying solve adds this many bits    (64)  */
  size_t maxiter;      /* secant / Newton iteration limit            (200) */
} lsc_bif_options;
void lsc_bif_options_init (lsc_bif_options *opt);

/* Working precision in bits for the options: digits log2(10) + guard_bits,
   plus verify_bits for the verifying solve (verify != 0). */
mpfr_prec_t lsc_bif_prec (const lsc_bif_options *opt, int verify);

/* Result of one refinement (res must not be NULL). */
typedef struct
{
  int status;          /* LSC_SUCCESS; LSC_EPREC when the two precisions
                          disagree on a printed digit (not agreed) or a
                          Newton refinement did not reach its precision;
                          LSC_EINVAL (no sign change on the bracket),
                          LSC_EMAXITER (secant limit), LSC_ESING, or a
                          callback status (e.g. LSC_EDOM)                */
  int agreed;          /* 1 if both solves agree on all requested digits
                          (agreement of two precisions, not a proof: see
                          lsc_certify(3) for proofs)                      */
  int direction;       /* crossings: sign of d lambda / d d at d* (+1: the
                          eigenvalue is negative below d*, positive above) */
  double lam_abs;      /* |lambda(p*, d*)| (crossing) or |g| and the null
                          vector residual (fold) at the verifying precision */
  size_t iter;         /* outer iterations of the working-precision solve */
  size_t digits_agree; /* leading significant digits shared by the solves */
} lsc_bif_result;

/* Crossing: given a bracket [d_lo, d_hi] in which lambda changes sign and
   the critical points p_lo, p_hi (double) at its ends, find d* with
   lambda(p(d*), d*) = 0 where p(d) solves g(p; d) = 0.  Method: safeguarded
   secant (Illinois) in MPFR on f(d) = lambda(p(d), d), each p(d) refined by
   Newton with g in MPFR and the Jacobian in double (lsc_newton_refine_mpfr).
   Three stages: 64 bits on the given bracket; the working precision
   digits*log2(10) + guard_bits on a narrow bracket around that result
   (falling back to the given bracket if it holds no sign change); the
   verifying precision (+ verify_bits) likewise around the working result.
   The last two are compared digit by digit.  dstar (any precision >= the working
   one is used as given) and pstar (n values, may be NULL) receive the
   verifying solve's result. */
int lsc_bif_crossing (mpfr_t dstar, mpfr_t *pstar, lsc_bif_result *res,
                      const lsc_bif_family *fam, double d_lo, double d_hi,
                      const double *p_lo, const double *p_hi,
                      const lsc_bif_options *opt);

/* Fold: from an approximate fold (d0, p0) and an approximate null vector v0
   of dg/dp (NULL: the eigenvector of the symmetrised dg/dp for its
   eigenvalue of smallest modulus), solve the augmented system
     g(p; d) = 0,   J(p; d) v = 0,   v.v = 1
   (2n + 1 unknowns p, d, v) by Newton with the residual in MPFR and a
   double Jacobian (the dg/dp blocks exact from jac, the d column and the
   derivatives of J v by central differences), at the working and the
   verifying precision, compared digit by digit. */
int lsc_bif_fold (mpfr_t dstar, mpfr_t *pstar, lsc_bif_result *res,
                  const lsc_bif_family *fam, double d0, const double *p0,
                  const double *v0, const lsc_bif_options *opt);

/* ---- Families of Young-type critical points ----
   The restricted gradient of G (block 0 following d) with the eigenvalue
   of isotypic component irrep (LSC_IRREP_*) nearest to zero. */
typedef struct
{
  lsc_young G;
  int irrep;
} lsc_bif_restricted;
int lsc_bif_restricted_init (lsc_bif_family *fam, lsc_bif_restricted *r,
                             const lsc_young *G, int irrep);

/* A bracket found along a branch: where the number of negative eigenvalues
   of a component changes between two consecutive continuation points. */
typedef struct
{
  int irrep;
  double d_lo, d_hi;
  double p_lo[LSC_YOUNG_MAX * LSC_YOUNG_MAX * 2];
  double p_hi[LSC_YOUNG_MAX * LSC_YOUNG_MAX * 2];
  double inner;        /* repeats inside the component (small blocks)      */
  int fold;            /* 1: a fold of the branch (irrep is then t)        */
  double index_lo, index_hi; /* Morse index (negative eigenvalues with their
                          multiplicities, polynomial in d) at the ends;
                          NaN where x and y are not computed (n < 3)      */
} lsc_bif_bracket;

/* Follow the family (G, p0 at d0) by continuation down to d_min and up to
   d_max, computing the double isotypic spectrum at every point, and record
   up to maxb brackets (sign changes of some component's eigenvalues, and
   folds); further brackets are dropped.  *nb receives the count.  Returns LSC_SUCCESS or a continuation /
   spectrum status (branches that end at the edge of their domain are not
   an error). */
int lsc_bif_scan (lsc_bif_bracket *br, size_t *nb, size_t maxb,
                  const lsc_young *G, const double *p0, double d0,
                  double d_min, double d_max);

#pragma GCC visibility pop
#ifdef __cplusplus
}
#endif
#endif
