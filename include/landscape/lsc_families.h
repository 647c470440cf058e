/* The catalogue of families of critical points (data/families.tsv): the
   isotropy syntax, loading with validation, lookup.  Format:
   landscape-families(5). */
#ifndef LSC_FAMILIES_H
#define LSC_FAMILIES_H

#include <stddef.h>
#include <stdio.h>
#include "landscape/lsc_young.h"
#include "landscape/lsc_continuation.h"

#ifdef __cplusplus
extern "C" {
#endif
#pragma GCC visibility push(default)

#define LSC_FAMILY_MAXP (LSC_YOUNG_MAX * LSC_YOUNG_MAX * 2)

/* One family: its group at the reference dimension d, the critical point's
   parameters there (order of lsc_young_param), the loss at d, its kind
   ("global-minimum", "spurious-minimum", "saddle") and a description. */
typedef struct
{
  char name[64];
  char isotropy[160];
  lsc_young G;
  double d;
  size_t nparams;
  double p[LSC_FAMILY_MAXP];
  double loss;
  char kind[32];
  char description[256];
  double dstar;          /* the largest d at which the family turns from a
                            saddle into a minimum as d grows (optional
                            catalogue column; NaN when absent)           */
  char dstar_text[64];   /* its digits as given in the catalogue ("")    */
  int has_domain;        /* the catalogue gives the domain column        */
  struct lsc_family_domain_s
  {
    double lo, hi;       /* [lo, hi]: where the family's branch exists   */
    int end_lo, end_hi;  /* the kind of end on each side (LSC_END_*)     */
  } domain;              /* (lsc_family_follow with nd = 0 generates it) */
} lsc_family;

/* lsc_family has the dstar fields. */
#define LSC_FAMILY_HAS_DSTAR 1

typedef struct
{
  size_t n;
  lsc_family *fam;
} lsc_catalogue;

/* Parse an isotropy spec at dimension d into G:
     kd:L,s1,...        k = d, Delta(S_L x S_s1 x ...), L = d - sum s_i
     rows:L,r1,...;cols:L,c1,...;pair:0=0,i=j,...
                        row and column partitions; pair r=c pairs row block
                        r with column block c (equal sizes); 0=0 required.
   Sizes other than L are positive integers.  Returns LSC_EPARSE (syntax;
   message in errbuf), LSC_EDOM (d leaves L < 1), LSC_EINVAL (group). */
int lsc_isotropy_parse (lsc_young *G, const char *spec, double d,
                        char *errbuf, size_t errlen);

/* Read a catalogue.  Every field is validated; the first error returns
   LSC_EPARSE (or LSC_EOF for a missing header, LSC_ENOMEM) with
   "NAME:LINE: message" in errbuf.  *cat is NULL on failure. */
int lsc_catalogue_read (lsc_catalogue **cat, FILE *f, const char *name,
                        char *errbuf, size_t errlen);
int lsc_catalogue_read_file (lsc_catalogue **cat, const char *path,
                             char *errbuf, size_t errlen);
void lsc_catalogue_free (lsc_catalogue *cat);

/* Family by name, or NULL. */
const lsc_family *lsc_catalogue_find (const lsc_catalogue *cat,
                                      const char *name);

/* 1 if name is one of the comma-separated names of list (NULL: every
   name is), else 0: the --family selection, in catalogue order. */
int lsc_catalogue_selected (const char *list, const char *name);

/* The installed catalogue: $LANDSCAPE_FAMILIES if set, else
   PKGDATADIR/families.tsv. */
const char *lsc_catalogue_default_path (void);

/* ---- Continuing a family in d: the one driver (lsc_family_follow) ---- */

/* How a family's branch ends on one side of its reference point. */
enum
{
  LSC_END_OPEN = 0,   /* not reached: followed to the requested limit      */
  LSC_END_FOLD = 1,   /* a fold: the branch turns back in d                */
  LSC_END_EDGE = 2,   /* the edge of the analytic continuation: the large
                         block reaches its smallest size, or the loss stops
                         being computable (LSC_EDOM from the continuation) */
  LSC_END_BRANCH = 3, /* a branch point: the point's isotropy grows (it
                         meets the fixed space of a coarser Young group,
                         the family of larger isotropy)                    */
  LSC_END_FAIL = 4    /* the continuation failed (singular, step underflow,
                         point limit)                                      */
};

/* Where a family exists: [lo, hi] and the kind of end on each side. */
typedef struct lsc_family_domain_s lsc_family_domain;

/* The catalogue's domain field "LO:KIND,HI:KIND" (KIND one of open, fold,
   edge, branch, failed; LO, HI >= 1, LO <= HI).  LSC_EPARSE if malformed. */
int lsc_family_domain_parse (lsc_family_domain *dom, const char *s);

/* Format dom as that field, numbers round-trip (%.17g, C locale);
   LSC_ERANGE if len is too small. */
int lsc_family_domain_format (char *buf, size_t len,
                              const lsc_family_domain *dom);

/* Copy the catalogue file path, read before as cat, to out - comments
   verbatim, the header with the domain column - with the domain of every
   family recomputed by lsc_family_follow (both ways to the ends of its
   branch).  LSC_SUCCESS; else a one-line message in err and LSC_EINVAL
   (path unreadable or not cat's), LSC_EFAILED (a domain not computed) or
   LSC_ENOMEM. */
int lsc_catalogue_write_domains (FILE *out, const lsc_catalogue *cat,
                                 const char *path, char *err, size_t errlen);

/* A walk's callback (lsc_family_params.step): called at the reference
   point of each side (first = 1) and at every accepted point after it;
   dir = -1 going down, +1 going up.  A non-zero return stops the walk
   and is returned by lsc_family_follow. */
typedef int lsc_family_step_fn (const lsc_cont_point *pt, int dir, int first,
                                void *data);

/* The driver's parameters, each with its default (lsc_family_params_init). */
typedef struct
{
  lsc_cont_params cont; /* continuation (lsc_cont_params_init); folds
                           always end the branch                         */
  double iso_tol;       /* the isotropy grows where the parameters a
                           coarser group makes equal agree to iso_tol
                           (1 + max |p|)                         (1e-7)  */
  double edge_tol;      /* a continuation failure with the large block
                           within edge_tol of size 1 is the edge   (1e-3) */
  double dmin, dmax;    /* range searched for the ends when no d is
                           given                                 (1, 1e7) */
  lsc_family_step_fn *step; /* non-NULL: a walk (nd must be 0): each side
                           is continued from the reference point to dmin,
                           then to dmax, landing on them exactly, with
                           step called at every point; a fold (with
                           cont.stop_at_fold), LSC_EDOM or LSC_ESTEPUNDER
                           end a side (dom: LSC_END_FOLD, _EDGE, _FAIL),
                           branch points are not looked for, any other
                           failure ends the walk and is returned  (NULL) */
  void *step_data;      /* passed to step                        (NULL)  */
} lsc_family_params;

void lsc_family_params_init (lsc_family_params *par);

typedef struct lsc_family_ws lsc_family_ws;

/* Workspace for families with nparams parameters; NULL on failure. */
lsc_family_ws *lsc_family_ws_alloc (size_t nparams);
void lsc_family_ws_free (lsc_family_ws *w);

/* Continue fam from its reference point (fam->d, fam->p) to each of the
   nd dimensions d[i] (any order): p (nd x fam->nparams, row-major; may be
   NULL) receives the critical point at d[i] and status[i] its status:
   LSC_SUCCESS; LSC_EDOM when d[i] lies beyond the end of the family's
   branch (a fold, the edge, or a branch point of larger isotropy: the
   family is absent there); or the continuation's failure.  The path is
   stepped from the reference point on each side independently of the d
   asked for, and each d is solved inside the step that reaches it, so a d
   gets the same point alone or among others.  dom (may be NULL) receives
   the ends reached (LSC_END_OPEN on a side followed only to its farthest
   d); with nd = 0 the whole range [dmin, dmax] is explored, giving the
   family's domain.  par NULL: defaults.  Returns LSC_SUCCESS, LSC_EFAULT,
   LSC_EBADLEN (workspace), LSC_EINVAL (non-finite d), LSC_ENOMEM. */
int lsc_family_follow (double *p, int *status, lsc_family_domain *dom,
                       const lsc_family *fam, const double *d, size_t nd,
                       const lsc_family_params *par, lsc_family_ws *w);

/* One d: lsc_family_follow with default parameters into p (nparams);
   returns its status for d (LSC_EDOM: the family is absent at d). */
int lsc_family_at (double *p, const lsc_family *fam, double d,
                   lsc_family_ws *w);

/* A family from a point: fam receives G, d, p (lsc_young_nparams (G)
   parameters) and no name, loss or d*, ready for lsc_family_follow (the
   start of a walk or a continuation from a point that is not in the
   catalogue).  LSC_EINVAL if G has more than LSC_FAMILY_MAXP parameters. */
int lsc_family_from_point (lsc_family *fam, const lsc_young *G,
                           const double *p, double d);

/* "open", "fold", "edge", "branch", "failed". */
const char *lsc_family_end_name (int end);

#pragma GCC visibility pop
#ifdef __cplusplus
}
#endif
#endif
