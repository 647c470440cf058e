/* Scan job: catalogue families continued in d - critical point, loss,
   residual, reduced spectrum, type and the optional full-Hessian check
   (lsc_scan(3); landscape-scan(1) and the Python package call it). */
#ifndef LSC_SCAN_H
#define LSC_SCAN_H

#include <stddef.h>
#include "landscape/lsc_families.h"
#include "landscape/lsc_isotypic.h"

#ifdef __cplusplus
extern "C" {
#endif
#pragma GCC visibility push(default)

/* Above this d the double continuation and spectrum are not used: the
   point comes from lsc_series_path_point (scaled MPFR Newton seeded from
   the family's expansion in d^{-1/2}) and the spectrum from
   lsc_series_spectrum_compute (two precisions, absolute error bound, exact
   multiplicities).  The double path's O(1) eigenvalues carry d eps of
   the largest (1e-10 at d = 1e6, useless beyond 1e8) and its
   continuation stops near 1e7. */
#define LSC_SCAN_LARGE_D 1e6

/* Tolerances, each with its default (lsc_scan_opts_init). */
typedef struct
{
  double rtol;       /* isotypic merging, relative to the largest |value|
                                                                  (1e-10) */
  double ztol;       /* an eigenvalue is zero when |value| <= ztol
                        (--fast: ztol max(1, max |value|)); decides
                        the type                                   (1e-8)  */
  double full_tol;   /* --full: largest allowed deviation between the full
                        and the reduced spectrum, relative to
                        max(1, max |value|)                        (1e-9)  */
  int full;          /* run the full-Hessian check at integer d   (0)     */
  int fast;          /* double point and spectrum only, no 128-bit
                        refinement (lsc_scan_refine_accurate) while
                        16 max(d^2, d) 2^-53 <= ztol; refined above
                        (the zero test then absolute)                  (0)     */
  long prec;         /* > 0: refine the point and compute the spectrum in
                        MPFR at prec bits (lsc_scan_refine_mpfr)       (0)     */
  int digits;        /* significant digits of the MPFR decimals; 0: all
                        those that identify the value at prec     (0)     */
} lsc_scan_opts;

void lsc_scan_opts_init (lsc_scan_opts *o);

/* Check o before a scan: ztol, rtol and full_tol in (0, 1); prec 0 or at
   least 53; digits 0, at most 17 without prec, and at most
   lsc_scan_prec_digits (prec) with it (more would print noise).
   LSC_SUCCESS, or LSC_EINVAL with one line in err naming the
   landscape-scan option at fault (--tol, --prec, --digits). */
int lsc_scan_opts_check (const lsc_scan_opts *o, char *err, size_t errlen);

/* The decimal digits prec bits hold: floor (prec * 0.30103). */
long lsc_scan_prec_digits (long prec);

/* Outcome of the full-Hessian check of one row. */
enum { LSC_SCAN_FULL_NONE = 0, LSC_SCAN_FULL_OK, LSC_SCAN_FULL_MISMATCH,
       LSC_SCAN_FULL_SKIP };

/* One (family, d) result. */
typedef struct
{
  const lsc_family *fam;
  double d, k;
  int status;            /* LSC_SUCCESS or the failing solver's status   */
  double p[LSC_FAMILY_MAXP];
  size_t np;
  double loss;           /* restricted loss                              */
  double resid;          /* |full gradient|_F at p (metric-scaled)       */
  lsc_iso_eigen *ev;     /* distinct eigenvalues (owned, malloc)         */
  size_t nev;
  double index;          /* sum of multiplicities of negative values     */
  double zero;           /* sum of multiplicities of zero values         */
  double total;          /* sum of all multiplicities (= k d)            */
  double min_eig;
  int min_irrep;
  const char *type;      /* global-minimum, spurious-minimum, saddle,
                            degenerate                                   */
  int full;              /* LSC_SCAN_FULL_*                                  */
  double full_dev;       /* relative deviation (LSC_SCAN_FULL_OK/MISMATCH)   */
  char *loss_dec, *resid_dec;   /* MPFR path: decimals (malloc), or NULL */
  char **ev_dec;         /* MPFR path: the eigenvalues as decimals       */
  size_t min_idx;        /* index in ev of the smallest eigenvalue       */
  char *index_dec;       /* d > LSC_SCAN_LARGE_D: the exact Morse index as
                            a decimal integer (malloc), or NULL          */
  double ev_err;         /* absolute error bound of every eigenvalue
                            (--fast, and d > LSC_SCAN_LARGE_D; 0: not
                            computed): the double path's 16 max(d^2, d)
                            2^-53 max(1, max |value|), or for a refined
                            row half an ulp plus (2^-90 + d^2 2^-110)
                            max(1, max |value|)                          */
  int absent;            /* d is outside the family's domain (status 0,
                            nothing else filled)                         */
  int coincident;        /* the point belongs to a family of larger
                            isotropy (note says which)                   */
  int incomplete;        /* multiplicities do not sum to k d: no type     */
  char note[160];        /* why a row is absent, coincident, incomplete  */
} lsc_scan_row;

/* Among rows at one d (any families), mark each row whose point is the
   same critical point as another family's (equal loss, equal spectrum as
   a multiset; d <= LSC_SCAN_LARGE_D) and whose isotropy is smaller: it is
   reported under the family of larger isotropy, with a note. */
void lsc_scan_mark_coincident (lsc_scan_row *const *rows, size_t n);

/* Compute rows[i] for the family f at the dimensions d[i] (any order, each
   one where the family exists).  The critical point is continued from the
   catalogue's reference dimension f->d to each d by pseudo-arclength
   continuation (one run upwards, one downwards, through the sorted
   targets); at d = f->d it is the Newton solution from the catalogue
   values.  A row whose solve or spectrum fails carries that status (the
   rows further along the same direction carry it too).  Returns
   LSC_SUCCESS, or LSC_ENOMEM (then the rows are unusable). */
int lsc_scan_family (lsc_scan_row *rows, const lsc_family *f, const double *d,
                 size_t nd, const lsc_scan_opts *o);

/* Type, index, zero count, sum of multiplicities and the smallest
   eigenvalue of a row from its spectrum r->ev (tolerance o->ztol). */
void lsc_scan_classify (lsc_scan_row *r, const lsc_scan_opts *o);

/* Free what lsc_scan_family allocated in rows[0..n). */
void lsc_scan_rows_clear (lsc_scan_row *rows, size_t n);

/* Whether the family exists at d (its small blocks fit: the large block
   keeps at least one index), and its number of neurons k there. */
int lsc_scan_family_exists (const lsc_family *f, double d, double *k);

/* d* of the family from the catalogue (where it becomes a minimum), NaN
   when the catalogue does not give it. */
double lsc_scan_family_dstar (const lsc_family *f);

/* A family's rows of a catalogue scan, in the order of the given d. */
typedef struct
{
  const lsc_family *fam;
  lsc_scan_row *rows;
  size_t n;
} lsc_scan_set;

/* Which k a catalogue scan keeps at each d: k = d + value (relative) or
   k = value (absolute); lsc_scan_k_init sets k = d. */
typedef struct
{
  int relative;
  double value;
} lsc_scan_k;

void lsc_scan_k_init (lsc_scan_k *k);

/* Whether family f, with k neurons at the d in question, matches ks:
   k = d + N decided exactly on the group's structure (rows outside the
   large block minus columns outside it, so that N survives at d = 1e16),
   a fixed k to 1e-9 relative. */
int lsc_scan_k_matches (const lsc_scan_k *ks, const lsc_family *f,
                        double k);

/* Called before each family of a catalogue scan (i of n); may be NULL. */
typedef void lsc_scan_progress (const lsc_family *f, size_t i, size_t n,
                                void *data);

/* Scan the catalogue: the families named in names[0..nnames) (in that
   order, duplicates dropped; every family of cat when names is NULL), each
   at the dimensions d[0..nd) where it exists with a k that matches ks, by
   lsc_scan_family.  *sets (malloc'd, *nsets entries, one per selected
   family, possibly with n = 0 rows) is freed by lsc_scan_sets_free.
   Returns LSC_SUCCESS (each row carries its own status), LSC_EINVAL (an
   unknown family name, a d that is not positive and finite, nd = 0),
   LSC_EDOM (no selected family exists at any d with that k) or
   LSC_ENOMEM; on error *sets is NULL. */
int lsc_scan_catalogue (lsc_scan_set **sets, size_t *nsets,
                        const lsc_catalogue *cat, const char *const *names,
                        size_t nnames, const double *d, size_t nd,
                        const lsc_scan_k *ks, const lsc_scan_opts *o,
                        lsc_scan_progress *progress, void *data);

/* Free what lsc_scan_catalogue returned (NULL is a no-op). */
void lsc_scan_sets_free (lsc_scan_set *sets, size_t nsets);

/* Where the family of s turns from saddle into minimum between two
   consecutive successful rows in ascending d (index > 0 then 0): the zero
   of the smallest eigenvalue interpolated linearly - an estimate good to
   O(h^2) in the spacing h of the rows (lsc_bifurcate(3) locates it to many
   digits).  NaN when no such pair exists. */
double lsc_scan_crossing (const lsc_scan_set *s);

/* Stable token of a full-check outcome: "", "ok", "mismatch", "skip". */
const char *lsc_scan_full_token (int full);

#pragma GCC visibility pop
#ifdef __cplusplus
}
#endif
#endif
