/* The computation behind landscape-scan: a catalogue family's critical
   point continued in d, its loss, residual, reduced spectrum, type and the
   optional full-Hessian check (shared with bench/bench-scan.c). */
#ifndef LSC_SCAN_H
#define LSC_SCAN_H

#include <stddef.h>
#include "landscape.h"
#include "landscape/lsc_families.h"

/* Tolerances, each with its default (scan_opts_init). */
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
                        refinement (scan_refine_accurate)          (0)     */
  long prec;         /* > 0: refine the point and compute the spectrum in
                        MPFR at prec bits (scan_refine_mpfr)       (0)     */
  int digits;        /* significant digits of the MPFR decimals; 0: all
                        those that identify the value at prec     (0)     */
} scan_opts;

void scan_opts_init (scan_opts *o);

/* Outcome of the full-Hessian check of one row. */
enum { SCAN_FULL_NONE = 0, SCAN_FULL_OK, SCAN_FULL_MISMATCH,
       SCAN_FULL_SKIP };

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
  int full;              /* SCAN_FULL_*                                  */
  double full_dev;       /* relative deviation (SCAN_FULL_OK/MISMATCH)   */
  char *loss_dec, *resid_dec;   /* MPFR path: decimals (malloc), or NULL */
  char **ev_dec;         /* MPFR path: the eigenvalues as decimals       */
  size_t min_idx;        /* index in ev of the smallest eigenvalue       */
  char *index_dec;       /* d > SCAN_LARGE_D: the exact Morse index as a
                            decimal integer (malloc), or NULL            */
  double ev_err;         /* d > SCAN_LARGE_D: absolute error bound of
                            every eigenvalue (0: not computed)           */
} scan_row;

/* Compute rows[i] for the family f at the dimensions d[i] (any order, each
   one where the family exists).  The critical point is continued from the
   catalogue's reference dimension f->d to each d by pseudo-arclength
   continuation (one run upwards, one downwards, through the sorted
   targets); at d = f->d it is the Newton solution from the catalogue
   values.  A row whose solve or spectrum fails carries that status (the
   rows further along the same direction carry it too).  Returns
   LSC_SUCCESS, or LSC_ENOMEM (then the rows are unusable). */
int scan_family (scan_row *rows, const lsc_family *f, const double *d,
                 size_t nd, const scan_opts *o);

/* Type, index, zero count, sum of multiplicities and the smallest
   eigenvalue of a row from its spectrum r->ev (tolerance o->ztol). */
void scan_classify (scan_row *r, const scan_opts *o);

/* MPFR path of a row solved in double at the group G (at r->d): refine the
   point by lsc_newton_refine_mpfr at o->prec bits, then the loss, the
   residual and lsc_isotypic_spectrum_mpfr (replacing r->ev, kept as
   rounded doubles, and filling the decimals).  Returns the status. */
int scan_refine_mpfr (scan_row *r, const lsc_young *G, const scan_opts *o);

/* Large d: the point refined at 128 bits and the loss and spectrum from
   the MPFR path, rounded to double (no decimals kept).  The double point
   alone is only a critical point to ~eps, which moves the O(1)
   eigenvalues by ~ d eps; this restores them to ~1 ulp. */
int scan_refine_accurate (scan_row *r, const lsc_young *G);

/* Free what scan_family allocated in rows[0..n). */
void scan_rows_clear (scan_row *rows, size_t n);

/* Whether the family exists at d (its small blocks fit: the large block
   keeps at least one index), and its number of neurons k there. */
int scan_family_exists (const lsc_family *f, double d, double *k);

/* d* of the family from the catalogue (where it becomes a minimum), NaN
   when the catalogue does not give it. */
double scan_family_dstar (const lsc_family *f);

#endif
