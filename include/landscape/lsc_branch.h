/* Branch switching at symmetry-breaking bifurcations of families of
   critical points: the kernel of the crossing component, the axial
   subgroups (equivariant branching lemma), the branch tangent, the kind
   (transcritical or pitchfork), stepping onto each branch on both sides,
   following and classifying it.  Issue 11 items 4-6. */
#ifndef LSC_BRANCH_H
#define LSC_BRANCH_H

#include <stddef.h>
#include "landscape/lsc_young.h"
#include "landscape/lsc_newton.h"
#include "landscape/lsc_continuation.h"
#include "landscape/lsc_families.h"

#ifdef __cplusplus
extern "C" {
#endif
#pragma GCC visibility push(default)

/* Kinds of bifurcation. */
enum
{
  LSC_BRANCH_NONE = 0,          /* no branch (kernel not one-dimensional)  */
  LSC_BRANCH_TRANSCRITICAL = 1, /* quadratic term: branch on both sides    */
  LSC_BRANCH_PITCHFORK = 2      /* no quadratic term (a symmetry maps the
                                   tangent to its negative): both halves on
                                   one side                                */
};

/* "transcritical", "pitchfork", "none". */
const char *lsc_branch_kind_name (int kind);

/* ---- The generic layer: one candidate branch space ----
   A fixed space Fix(H) of a child group H with n parameters, the restricted
   system f on it (metric-scaled as lsc_cont_function: g_i = dL/dp_i /
   sqrt(m_i), J = dg/dp, so J M^{-1/2} is symmetric), the square roots of
   the Gram metric (metric(sqm, d, params); NULL: all 1) and the inclusion
   of the parent's fixed space Fix(G) (A: n x nparent row-major, parent
   parameters -> child parameters). */
typedef struct
{
  const lsc_cont_function *f;
  int (*metric) (double *sqm, double d, void *params);
  void *metric_params;
  const double *A;
  size_t nparent;
} lsc_branch_space;

/* The kernel of the Hessian on Fix(H) orthogonal to Fix(G) (in the Gram
   metric) at a parent point, and the quadratic coefficient along it. */
typedef struct
{
  size_t ncomp;        /* dim of the complement of Fix(G) in Fix(H)        */
  size_t kerdim;       /* its eigenvalues with |lam| <= ktol * scale       */
  double lam0;         /* eigenvalue of the complement nearest zero        */
  double lam1;         /* the next one in modulus (the gap; INFINITY if
                          ncomp = 1)                                       */
  double scale;        /* largest |eigenvalue| of the whole restricted
                          Hessian (in the metric)                          */
  double c2;           /* third derivative of the restricted loss along
                          the unit tangent (metric norm 1): the quadratic
                          coefficient of the bifurcation equation          */
  double c2scale;      /* its scale: scale / (1 + |x|_M)                    */
  int kind;            /* LSC_BRANCH_* from c2 (when kerdim == 1)           */
} lsc_branch_kernel_info;

/* Options, each with its default (lsc_branch_options_init). */
typedef struct
{
  double ktol;         /* kernel eigenvalue tolerance, relative   (1e-7)   */
  double ctol;         /* pitchfork when |c2| <= ctol c2scale     (1e-5)   */
  double fd_h;         /* difference step for c2 (metric norm)    (1e-3)   */
  double amp;          /* amplitude of the first point on a branch, metric
                          norm of its part orthogonal to Fix(G)   (0.02)   */
  double amp_rejoin;   /* a followed branch whose amplitude falls below
                          this has rejoined a family of larger isotropy
                          (a branch point): it ends there         (1e-4)   */
  double d_lo, d_hi;   /* follow each branch within [d_lo, d_hi]  (2, 20)  */
  size_t max_folds;    /* follow through at most this many folds  (4)      */
  size_t pmax;         /* largest block split off the large block
                          (0: floor(n/2), n its size at d*)       (0)      */
  int integer_checks;  /* at each integer d on a branch: full gradient and
                          full Hessian inertia against the isotypic one,
                          and identification with the catalogue   (1)      */
  double zero_rtol;    /* eigenvalues within zero_rtol of the largest are
                          zero (neither sign): type and index are then not
                          concluded                               (1e-9)   */
} lsc_branch_options;

void lsc_branch_options_init (lsc_branch_options *opt);

/* Check the options of the branch job: 1 <= d_lo < d_hi <= 1e6 and amp in
   (0, 1].  LSC_SUCCESS, or LSC_EINVAL with one line in err naming the
   landscape-branch options (--from, --to, --amp). */
int lsc_branch_options_check (const lsc_branch_options *opt, char *err,
                              size_t errlen);

/* Kernel and tangent.  x: the parent point in child parameters (n), d: the
   bifurcation point.  v (n) receives the unit tangent (metric norm 1,
   orthogonal to Fix(G), sign fixed by its largest entry being positive)
   when kerdim == 1 (else the eigenvector of lam0).  Method: the symmetric
   S = M^{-1/2} Hp M^{-1/2} (Hp the restricted Hessian) compressed to the
   orthogonal complement of M^{1/2} A (Gram-Schmidt with
   reorthogonalisation), eigenvalues by lsc_eigen_symm; c2 by the central
   second difference of v.Hp(x + h v).v (error O(h^2)).  Returns
   LSC_SUCCESS, LSC_EINVAL (ncomp = 0), LSC_ENOMEM, or the function's
   status. */
int lsc_branch_kernel (double *v, lsc_branch_kernel_info *info,
                       const lsc_branch_space *S, const double *x, double d,
                       const lsc_branch_options *opt);

/* Amplitude of x (n child parameters) at d: the metric norm of its part
   orthogonal to Fix(G) (distance from the parent's fixed space; at
   integer sizes the Frobenius distance of the embedded W). */
int lsc_branch_amplitude (double *amp, const lsc_branch_space *S,
                          const double *x, double d);

/* Step onto the branch: solve g(x; d) = 0 together with the pinning
   condition <v, x - xstar>_M = s for (x, d) by damped Newton
   (lsc_newton_damped, par NULL: defaults with epsabs 1e-12), from
   (xstar + s v, dstar).  The pin keeps it off the parent branch (where the
   condition reads 0 = s).  x1 (n) and d1 receive the point. */
int lsc_branch_step (double *x1, double *d1, lsc_newton_result *res,
                     const lsc_branch_space *S, const double *xstar,
                     double dstar, const double *v, double s,
                     const lsc_newton_params *par);

/* ---- Young-type children ----
   Candidate child groups of a Young group G at a crossing: the large block
   split as (n - p, p) for p = 1..pmax, the large block with two singled-out
   indices (n - 2, 1, 1), each small paired block of size m split as
   (m - q, q), q = 1..m/2, and the products of one large-block split with
   one small-block split.  All are Young subgroups (they can be followed in
   real d); axial subgroups that are not of Young type (twisted subgroups
   in which an odd permutation acts with a sign) are not enumerated. */
#define LSC_BRANCH_MAXCHILD 48

typedef struct
{
  lsc_young H;             /* child group at d*, block 0 = large block    */
  int rparent[LSC_YOUNG_MAX], cparent[LSC_YOUNG_MAX];
  char isotropy[160];      /* lsc_isotropy_format of H                    */
  char split[128];         /* what was split, e.g. "L -> L-1,1"           */
  int split_p;             /* p of the large-block split (n - p, p), or 0 */
  int split_x;             /* 1: the large block as (n - 2, 1, 1)         */
  int split_b, split_q;    /* small block b split as (m - q, q), or 0     */
  int theory_kind;         /* kind predicted by the symmetry: PITCHFORK if
                              the split creates two equal blocks whose swap
                              normalises H ((n-2,1,1), or a small block
                              halved, alone or with a large-block split),
                              else TRANSCRITICAL                          */
  lsc_branch_kernel_info ki;
  int axial;               /* kerdim == 1 and no coarser candidate has a
                              kernel: the isotropy of the tangent         */
  double tangent[96];      /* n = lsc_young_nparams (H) <= 96          */
} lsc_branch_child;

/* The candidate children of G at d (G's large block at that d), without
   kernels.  *nch receives the count (at most max). */
int lsc_branch_young_children (lsc_branch_child *ch, size_t *nch, size_t max,
                               const lsc_young *G, double d, size_t pmax);

/* A Young child as a branch space (its restricted system, metric, and the
   inclusion of Fix(G)); the struct holds all storage and must outlive S. */
typedef struct
{
  lsc_cont_function f;
  lsc_cont_restricted cr;
  lsc_young H;
  size_t n, nparent;
  double A[96 * 96];
} lsc_branch_young_space;

int lsc_branch_young_space_init (lsc_branch_space *S,
                                 lsc_branch_young_space *ys,
                                 const lsc_branch_child *ch,
                                 const lsc_young *G);

/* Kernels of every candidate at the parent point pstar (G's parameters) at
   dstar, and the axial ones with their tangents. */
int lsc_branch_analyse (lsc_branch_child *ch, size_t *nch, size_t max,
                        const lsc_young *G, const double *pstar,
                        double dstar, const lsc_branch_options *opt);

/* ---- Following a branch ---- */

/* Types of a point. */
enum
{
  LSC_BRANCH_TYPE_UNKNOWN = 0,  /* spectrum incomplete or a zero eigenvalue */
  LSC_BRANCH_TYPE_MINIMUM = 1,
  LSC_BRANCH_TYPE_SADDLE = 2
};
const char *lsc_branch_type_name (int type); /* "minimum","saddle","-" */

/* One point of a followed branch. */
typedef struct
{
  double d;
  const double *p;         /* child parameters (valid during the call)     */
  double loss;
  double amp;              /* lsc_branch_amplitude                         */
  double index;            /* Morse index (NaN when the spectrum is
                              incomplete)                                */
  double nzero;            /* zero eigenvalues (multiplicities; NaN idem)  */
  int type;                /* LSC_BRANCH_TYPE_*                            */
  int fold;                /* a located fold                               */
  int integer;             /* d is an integer and the checks were run      */
  /* integer checks (integer != 0): */
  double grad_full;        /* Frobenius norm of the full gradient          */
  double index_full;       /* full-Hessian Morse index                     */
  double zero_full;        /* full-Hessian zero eigenvalues                */
  int agree;               /* full and isotypic inertia (negative and zero
                              counts) agree                              */
  char family[64];         /* catalogue family at this d ("" if none)      */
  char isotropy[160];      /* detected isotropy of the embedded W          */
} lsc_branch_point;

typedef int lsc_branch_point_cb (const lsc_branch_point *pt, int child,
                                 int half, void *data);

/* How a followed half-branch ended. */
enum
{
  LSC_BRANCH_END_RANGE = 0,   /* left [d_lo, d_hi]                          */
  LSC_BRANCH_END_EDGE = 1,    /* a block reached size 1 (edge of domain)    */
  LSC_BRANCH_END_REJOIN = 2,  /* amplitude -> 0: met a larger isotropy      */
  LSC_BRANCH_END_FOLDS = 3,   /* max_folds folds passed                     */
  LSC_BRANCH_END_FAIL = 4     /* a step failed (status says why), or the
                                 loss could not be computed at the next
                                 point (LSC_ENONFINITE)                    */
};
const char *lsc_branch_end_name (int end);

/* One half of a branch (tangent sign -1 or +1). */
typedef struct
{
  int status;              /* of the step onto the branch (LSC_SUCCESS)    */
  double d1;               /* d of the first point                          */
  int side;                /* sign(d1 - dstar): -1 below, +1 above          */
  int type;                /* type at the first point                       */
  double index;            /* its Morse index                               */
  double loss;             /* its loss                                      */
  int end;                 /* LSC_BRANCH_END_*                              */
  int end_status;          /* continuation status at the end                */
  double d_end;            /* d of the last point                           */
  size_t npoints, nfolds;
  size_t nint, nint_agree; /* integer points checked / agreeing            */
  double grad_max;         /* largest full gradient norm at those points    */
  char family[64];         /* first catalogue family met ("" none)         */
  double family_d;         /* d where it was identified                     */
  char family_isotropy[160];
} lsc_branch_half;

/* The inertia and type of a point p of Fix(H) at d from H's isotypic
   spectrum: index (negative eigenvalues with multiplicities) and nzero
   (may be NULL; eigenvalues within zero_rtol of the largest in modulus)
   are NaN unless the multiplicities sum to k d; the type is unknown
   unless they do and nzero = 0. */
int lsc_branch_classify (double *index, double *nzero, int *type,
                         const double *p, const lsc_young *H, double d,
                         double zero_rtol);

/* Workspace of the followers: the catalogue (may be NULL) and one
   classifier per integer d met (lsc_classifier_alloc), kept for reuse. */
typedef struct lsc_branch_workspace lsc_branch_workspace;
lsc_branch_workspace *lsc_branch_workspace_alloc (const lsc_catalogue *cat);
void lsc_branch_workspace_free (lsc_branch_workspace *w);

/* Follow both halves of an axial child from the parent point: step onto
   the branch at amplitudes -amp and +amp, then continue (lsc_cont, through
   up to max_folds folds) away from dstar within [d_lo, d_hi], stopping at
   every integer d for the checks (when integer_checks), classifying every
   point by the child's isotypic spectrum (type only when the multiplicities
   sum to k d and no eigenvalue is within zero_rtol of zero).  w (may be
   NULL) identifies catalogue families at integer d (lsc_classify).  cb
   (may be NULL) receives every point (half 0 or 1). */
int lsc_branch_follow_child (lsc_branch_half half[2],
                             const lsc_branch_child *ch, int child,
                             const lsc_young *G, const double *pstar,
                             double dstar, lsc_branch_workspace *w,
                             const lsc_branch_options *opt,
                             lsc_branch_point_cb *cb, void *data);

/* Follow a family itself (G, p0 at d0) down (half[0]) and up (half[1])
   within [d_lo, d_hi], with the same classification, checks and
   callback (child = -1); the amplitude is the metric norm of the point. */
int lsc_branch_follow_family (lsc_branch_half half[2], const lsc_young *G,
                              const double *p0, double d0,
                              lsc_branch_workspace *w,
                              const lsc_branch_options *opt,
                              lsc_branch_point_cb *cb, void *data);

/* ---- Events of a family ---- */
typedef struct
{
  int irrep;               /* crossing component (LSC_IRREP_*)             */
  size_t inner;
  double dstar;
  double pstar[LSC_FAMILY_MAXP];  /* parameters of G at d*          */
  double index_lo, index_hi; /* parent's Morse index below / above          */
  int status;              /* of the d* refinement                          */
} lsc_branch_event;

/* The crossings (not folds) of the family (G, p0 at d0) in [d_lo, d_hi]:
   lsc_bif_scan brackets refined by lsc_bif_crossing at 20 digits (d* and
   p* rounded to double). */
int lsc_branch_events (lsc_branch_event *ev, size_t *nev, size_t max,
                       const lsc_young *G, const double *p0, double d0,
                       double d_lo, double d_hi);

/* ---- The branch job of one family (lsc_branch_job) ---- */

/* What a row says. */
enum
{
  LSC_BRANCH_ROW_CHILD = 0,  /* an axial child followed on both halves    */
  LSC_BRANCH_ROW_NONE = 1,   /* a crossing with no axial Young child, or
                                whose analysis failed (status)            */
  LSC_BRANCH_ROW_FAILED = 2  /* the family's events could not be found    */
};

/* One row of the branch table (texts as landscape-branch prints them). */
typedef struct
{
  int what;                /* LSC_BRANCH_ROW_*                             */
  char parent[64];
  double dstar;            /* NaN when unknown                             */
  int irrep;
  size_t inner;
  int kind, theory;        /* LSC_BRANCH_* from c2 and from the symmetry   */
  char child[160];         /* the child's isotropy                         */
  char split[160];         /* what was split, or why there is no child     */
  char below[128], above[128];  /* "saddle(2),minimum(0)", "absent"       */
  char end_below[48], end_above[48]; /* "range@20", "-"                    */
  char meets[160];         /* "F4@4,..." or "-"                            */
  char checks[32];         /* integer points agreeing / checked            */
  int status;              /* LSC_SUCCESS or why the row failed            */
} lsc_branch_row;

/* An edge of the family graph: parent family -> branch born at d*
   (relation: the kind), or branch -> catalogue family it meets at d
   (relation "meets"). */
typedef struct
{
  char parent[192], child[192], relation[16];
  double d;
} lsc_branch_edge;

/* One entry of a branch tangent. */
typedef struct
{
  char parent[64], child[160];
  double dstar, value;
  size_t index;
} lsc_branch_tangent;

/* Everything the job found, appended family after family. */
typedef struct
{
  lsc_branch_row *rows;
  size_t nrows, caprows;
  lsc_branch_edge *edges;
  size_t nedges, capedges;
  lsc_branch_tangent *tangents;
  size_t ntangents, captangents;
} lsc_branch_result;

void lsc_branch_result_init (lsc_branch_result *r);
void lsc_branch_result_free (lsc_branch_result *r);

/* Hooks for a caller that draws the branches (all may be NULL): point
   receives every point of every half (lsc_branch_follow_child);
   child_begin is called before an axial child is followed, child_end
   after, with its halves. */
typedef struct
{
  lsc_branch_point_cb *point;
  void (*child_begin) (const lsc_family *F, const lsc_branch_child *c,
                       void *data);
  void (*child_end) (const lsc_branch_event *ev, const lsc_branch_half h[2],
                     void *data);
  void *data;
} lsc_branch_hooks;

/* The family F's crossings in [opt->d_lo, opt->d_hi] (lsc_branch_events),
   the kernel and axial Young children of each (lsc_branch_analyse), both
   halves of each axial child followed (lsc_branch_follow_child), as rows,
   graph edges and tangents appended to res.  Each row carries its own
   status.  Returns LSC_SUCCESS, LSC_EFAULT or LSC_ENOMEM. */
int lsc_branch_job (lsc_branch_result *res, const lsc_family *F,
                    const lsc_branch_options *opt, lsc_branch_workspace *w,
                    const lsc_branch_hooks *hooks);

/* ---- Catalogue lines ---- */

/* A catalogue entry from a point: detect the isotropy of W (k x d, tol
   1e-6), Newton on the restricted system at d, continue
   (lsc_family_follow) to dref, full-Hessian kind and Morse index at dref, loss (accurate), and
   d* (the largest crossing in [2, dref] at which the Morse index falls to
   0, lsc_bif_crossing at 30 digits).  The name is derived from the
   isotropy (lsc_branch_family_name).  k must equal d (kd families). */
int lsc_branch_entry (lsc_family *fam, const double *W, size_t k, size_t d,
                      double dref, char *errbuf, size_t errlen);

/* A name meaningful at every d: the small blocks of the isotropy and the
   sign pattern of the diagonal ("+" aligned, "-" flipped) of the large
   block and of each small block, e.g. "Y-4,1:+--" for Delta(S_L x S_4 x
   S_1) with the large block aligned and both small blocks flipped. */
int lsc_branch_family_name (char *buf, size_t len, const lsc_young *G,
                            const double *p);

/* One catalogue line (landscape-families(5), with the dstar column). */
int lsc_branch_entry_format (char *buf, size_t len, const lsc_family *fam);

#pragma GCC visibility pop
#ifdef __cplusplus
}
#endif
#endif
