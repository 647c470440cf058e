/* Bifurcate job: every place along a catalogue family where it changes
   type (an isotypic eigenvalue crossing zero, or a fold), located to many
   digits in MPFR (lsc_bifurcate(3); landscape-bifurcate(1) and the Python
   package call it). */
#ifndef LSC_BIFURCATE_H
#define LSC_BIFURCATE_H

#include <stddef.h>
#include "landscape/lsc_families.h"

#ifdef __cplusplus
extern "C" {
#endif
#pragma GCC visibility push(default)

/* One event along a family (a row of landscape-bifurcate). */
typedef struct
{
  const lsc_family *fam;
  const char *event;     /* "crossing", "fold", or "scan" (the scan for
                            brackets failed: only status is meaningful)  */
  int irrep;             /* LSC_IRREP_* of the crossing eigenvalue        */
  size_t inner;          /* repeats inside the component                 */
  double mult;           /* inner x dim of the component at d* (NaN for a
                            fold or when d* is unknown)                   */
  double d;              /* d* rounded to double (NaN when unknown)       */
  char *d_star;          /* d* with digits significant digits, or NULL   */
  const char *change;    /* "saddle->minimum", "minimum->saddle",
                            "saddle->saddle", "fold", "unknown"          */
  double index_below, index_above; /* Morse indices on both sides (NaN
                            where not computed)                          */
  char *loss;            /* loss at d* (decimal), or NULL                */
  double residual;       /* |lambda(d*)| or the fold's residual (NaN)    */
  size_t digits_agree;   /* leading digits shared by the two solves      */
  int status;            /* LSC_SUCCESS; LSC_EPREC (d* found, digits not
                            confirmed); or the failure                    */
  char d_star20[48];     /* d* to 20 significant digits ("" if unknown)  */
  size_t np;             /* with parameters: their number, and            */
  char **p;              /* the critical point at d* as decimals (or NULL)*/
} lsc_bifurcate_event;

/* Options, each with its default (lsc_bifurcate_opts_init). */
typedef struct
{
  double from, to;       /* scan range of d, widened to hold the family's
                            reference d                          (2, 100) */
  unsigned digits;       /* significant digits of d*              (30)    */
  int params;            /* also the parameters at d*             (0)     */
  size_t max_brackets;   /* brackets kept per family              (32)    */
} lsc_bifurcate_opts;

void lsc_bifurcate_opts_init (lsc_bifurcate_opts *o);

/* Check o: 1 <= from < to (finite), 1 <= digits <= 1000.  LSC_SUCCESS, or
   LSC_EINVAL with one line in err naming the landscape-bifurcate options
   (--from, --to, --digits). */
int lsc_bifurcate_opts_check (const lsc_bifurcate_opts *o, char *err,
                              size_t errlen);

/* The events of family f in [o->from, o->to]: lsc_bif_scan for the
   brackets, then lsc_bif_crossing or lsc_bif_fold on each (digits
   o->digits, confirmed by a second solve at higher precision), the loss at
   d* by lsc_restricted_eval_mpfr.  *ev (malloc'd, *nev entries; a failed
   bracket scan gives one "scan" event carrying its status) is freed by
   lsc_bifurcate_events_free.  Returns LSC_SUCCESS (each event carries its
   status), LSC_EINVAL (from, to not 1 <= from < to, digits 0 or above
   1000) or LSC_ENOMEM. */
int lsc_bifurcate_family (lsc_bifurcate_event **ev, size_t *nev,
                          const lsc_family *f,
                          const lsc_bifurcate_opts *o);

void lsc_bifurcate_events_free (lsc_bifurcate_event *ev, size_t nev);

#pragma GCC visibility pop
#ifdef __cplusplus
}
#endif
#endif
