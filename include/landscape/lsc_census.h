/* Census job: one random start taken through descent, Newton polish,
   Hessian spectrum and classification, and a whole census of such runs
   (lsc_census(3); landscape-census(1) and the Python package call it). */
#ifndef LSC_CENSUS_H
#define LSC_CENSUS_H

#include <stddef.h>
#include "landscape/lsc_loss.h"
#include "landscape/lsc_descent.h"
#include "landscape/lsc_families.h"

#ifdef __cplusplus
extern "C" {
#endif
#pragma GCC visibility push(default)

/* Outcome of one run. */
typedef struct
{
  int done;                  /* 1 once the run has been made (or loaded) */
  size_t run;
  unsigned long seed;        /* gsl_rng_set seed of its stream
                                (lsc_descent_stream_seed (seed, run))    */
  size_t iter, nfev;         /* descent iterations, gradient evaluations
                                (descent + polish)                       */
  double time;               /* wall seconds                             */
  double loss, gnorm, min_eig;
  size_t index, nzero;
  int status;                /* final status (classification, spectrum,
                                polish, else descent)                    */
  int kind;                  /* lsc_class_kind, or -1 when not classified */
  char family[64];           /* catalogue name, "global", "-"            */
  char isotropy[160];        /* spec or ""                               */
  size_t np;
  double p[LSC_FAMILY_MAXP]; /* fixed-space parameters (classified)      */
} lsc_census_run;

/* Workspace for runs of one (k, d, m) problem with the L-BFGS memory of
   par (NULL: defaults): descent workspace with Hessian storage, W, the
   eigenvalues and a Mersenne Twister stream.  NULL on failure. */
typedef struct lsc_census_workspace lsc_census_workspace;
lsc_census_workspace *lsc_census_alloc (size_t k, size_t d, size_t m,
                                        const lsc_descent_params *par);
void lsc_census_free (lsc_census_workspace *w);   /* NULL is a no-op */

/* Run number run of the census with master seed: Xavier start from the
   stream lsc_descent_stream_seed (seed, run), lsc_descent_run, then (also
   after LSC_EMAXITER or LSC_ESTEPUNDER, which leave a point worth
   polishing) lsc_descent_newton, the Hessian eigenvalues and
   lsc_classify with cl.  r is filled in every case (r->status tells how
   the run ended; loss and gnorm are those of the last finite stage).
   The same (seed, run, p, par, cl) give the same r except r->time.
   Returns r->status, or LSC_EBADLEN when w or cl was made for other
   sizes. */
int lsc_census_do_run (lsc_census_run *r, unsigned long long seed,
                       size_t run, const lsc_problem *p,
                       const lsc_descent_params *par,
                       const lsc_classifier *cl, lsc_census_workspace *w);

/* The end point W (k x d) of the last run made with w. */
const double *lsc_census_point (const lsc_census_workspace *w);

/* runs[i] = run first + i, i < n, in one thread.  Returns LSC_SUCCESS
   (each run carries its status), LSC_ENOMEM or LSC_EBADLEN. */
int lsc_census (lsc_census_run *runs, size_t first, size_t n,
                unsigned long long seed, const lsc_problem *p,
                const lsc_descent_params *par, const lsc_classifier *cl);

/* Token of a class kind: "global", "catalogue", "new", "nosym", "unsup",
   "-" for -1 or an unknown kind. */
const char *lsc_census_kind_token (int kind);

/* The kind of a token (the inverse of lsc_census_kind_token), -2 when it
   is none of them. */
int lsc_census_kind_parse (const char *token);

/* New families met so far (their first runs). */
typedef struct
{
  size_t n;
  const lsc_census_run *first[256];
} lsc_census_labels;

/* Set r->family for kinds without a catalogue name: "none" (no symmetry),
   "unclassified" (other target), and for a new Young-type family a name
   derived from its isotropy and the signs of its block diagonals
   (lsc_branch_family_name, e.g. "Y4-1_aff"), the same in every census: a
   run with the same isotropy and every parameter within ptol of a new
   family met before gets that family's name; a different family whose
   derived name is taken gets "/L" and its loss (%.6g) appended.  labels,
   zeroed before the first run, records the first run of each family (past
   256 a further family still gets its derived name).
   Call it for the runs in run order. */
void lsc_census_label (lsc_census_run *r, lsc_census_labels *labels,
                       double ptol);

/* lsc_census_label, and a new family whose derived name a family of cat
   (may be NULL) already bears gets "/L" and its loss (%.6g) appended: the
   classifier found the point in no catalogue family, so the name would
   lump it with another (landscape-census's summary counted two runs of a
   second rows:L,4,1 branch under Y4e1_af). */
void lsc_census_label_catalogue (lsc_census_run *r, lsc_census_labels *labels,
                                 double ptol, const lsc_catalogue *cat);

/* ---- Aggregation (summary.c) ---- */

/* What a run ended at, the one rule of every census report: failed (not
   classified, or not made), the global minimum (classified global), a
   spurious minimum (Morse index 0, any other family) or a saddle. */
enum
{
  LSC_CENSUS_GLOBAL = 0,
  LSC_CENSUS_SPURIOUS = 1,
  LSC_CENSUS_SADDLE = 2,
  LSC_CENSUS_FAILED = 3
};
int lsc_census_outcome (const lsc_census_run *r);

/* The rounding error of a double loss evaluation at k neurons,
   2^-45 (k + 1)^2: smaller losses are reported as 0. */
double lsc_census_loss_noise (size_t k);

/* One family (one label) met by a census. */
typedef struct
{
  char family[64];
  char isotropy[160];
  size_t first;              /* its first run (index into runs)         */
  size_t count;
  double fraction;           /* count / runs                             */
  double loss, loss_lo, loss_hi;  /* the first run's loss, the range     */
  size_t index;              /* Morse index and smallest eigenvalue of   */
  double min_eig;            /* its first run                            */
  int kind;                  /* lsc_class_kind of its first run          */
  int outcome;               /* LSC_CENSUS_GLOBAL, _SPURIOUS or _SADDLE  */
} lsc_census_family_share;

/* A census aggregated. */
typedef struct
{
  size_t runs;
  size_t count[4];           /* runs by outcome (LSC_CENSUS_*)           */
  double spurious_fraction;  /* count[LSC_CENSUS_SPURIOUS] / runs (NaN
                                for no runs)                             */
  double noise;              /* lsc_census_loss_noise (k)                */
  size_t nfam;
  lsc_census_family_share *fam;  /* by increasing loss of the first run */
} lsc_census_summary;

/* Aggregate runs[0..n) of a census with k neurons into s (families by
   label and outcome - "none" minima apart from "none" saddles - in order
   of increasing loss; failed runs in no family).  Free
   with lsc_census_summary_clear.  LSC_SUCCESS, LSC_EFAULT or
   LSC_ENOMEM. */
int lsc_census_summarize (lsc_census_summary *s, const lsc_census_run *runs,
                          size_t n, size_t k);
void lsc_census_summary_clear (lsc_census_summary *s);  /* NULL: no-op */

#pragma GCC visibility pop
#ifdef __cplusplus
}
#endif
#endif
