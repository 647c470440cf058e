/* The generic two-precision harness of the MPFR routines (after MPFR's
   tests/tgeneric.c): a routine is run at a random precision p and at
   p + delta on random inputs and on given edge inputs; the first result
   must lie within the routine's claimed error bound of the second, every
   output must be a number, and both runs must give the same status and
   the same number of outputs.

   The claimed bound of an output y at p bits is
       |y_p - y| <= 2^(err_bits - p) ref,
       ref = max(|y|, abs_floor, rel_floor max_j |y_j|)
   (rel_floor: relative to the largest output, for values that cancel;
   abs_floor: relative to max(1, |y|) and the like); ref = 0 demands
   equality.  The reference y_{p+delta} carries the same bound at p +
   delta, so the test allows 2^(err_bits - p) (1 + 2^-delta) ref. */
#ifndef LSC_TGENERIC_H
#define LSC_TGENERIC_H

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <mpfr.h>
#include <gsl/gsl_rng.h>
#include "testutil-mpfr.h"

/* Evaluate at prec bits: y[0..ny_max) are initialised at prec by the
   harness; *ny receives the number of outputs written.  Returns the
   routine's status. */
typedef int lsc_tg_eval (mpfr_t *y, size_t *ny, const double *x,
                         mpfr_prec_t prec, void *ctx);

typedef struct
{
  const char *name;
  size_t nx, ny_max;        /* inputs (doubles), most outputs            */
  lsc_tg_eval *eval;
  void (*random) (double *x, gsl_rng *r, void *ctx);   /* may be NULL    */
  const double *edge;       /* nedge input vectors of nx doubles         */
  size_t nedge;
  int err_bits;             /* the claimed bound (above)                 */
  double abs_floor, rel_floor;
  mpfr_prec_t pmin, pmax;   /* p drawn uniformly in [pmin, pmax]         */
  mpfr_prec_t delta;        /* reference at p + delta (e.g. 64)          */
  int nrandom;              /* random inputs (each at its own p)         */
  void *ctx;
} lsc_tg;

/* Run t: every edge input and nrandom random ones.  Returns the number of
   failures (each printed with its input number, output and error in
   units of the bound); *worst (may be NULL) receives the largest error in
   units of the bound. */
static inline int
lsc_tg_run (const lsc_tg *t, gsl_rng *rng, double *worst_out)
{
  int fails = 0;
  double worst = 0;
  double *x = malloc ((t->nx ? t->nx : 1) * sizeof *x);
  size_t ntot = t->nedge + (size_t) t->nrandom;
  for (size_t c = 0; c < ntot; c++)
    {
      if (c < t->nedge)
        for (size_t i = 0; i < t->nx; i++)
          x[i] = t->edge[c * t->nx + i];
      else
        t->random (x, rng, t->ctx);
      mpfr_prec_t p = t->pmin
        + (mpfr_prec_t) gsl_rng_uniform_int (rng, (unsigned long)
                                             (t->pmax - t->pmin + 1));
      mpfr_prec_t q = p + t->delta;
      mpfr_t *y = vnew (t->ny_max, p), *z = vnew (t->ny_max, q);
      size_t ny = 0, nz = 0;
      int sy = t->eval (y, &ny, x, p, t->ctx);
      int sz = t->eval (z, &nz, x, q, t->ctx);
      if (sy != sz || ny != nz)
        {
          printf ("\n  %s: input %zu: %ld bits status %d (%zu outputs), "
                  "%ld bits status %d (%zu)", t->name, c, (long) p, sy, ny,
                  (long) q, sz, nz);
          fails++;
        }
      else if (sy == 0)
        {
          double scale = 0;
          for (size_t i = 0; i < nz; i++)
            scale = fmax (scale, fabs (mpfr_get_d (z[i], MPFR_RNDN)));
          mpfr_t e;
          mpfr_init2 (e, 64);
          for (size_t i = 0; i < ny; i++)
            {
              if (!mpfr_number_p (y[i]) || !mpfr_number_p (z[i]))
                {
                  printf ("\n  %s: input %zu: output %zu is not a number",
                          t->name, c, i);
                  fails++;
                  continue;
                }
              double ref = fmax (fabs (mpfr_get_d (z[i], MPFR_RNDN)),
                                 fmax (t->abs_floor, t->rel_floor * scale));
              mpfr_sub (e, y[i], z[i], MPFR_RNDA);
              double err = fabs (mpfr_get_d (e, MPFR_RNDU));
              double bound = ldexp (ref, t->err_bits - (int) p)
                             * (1 + ldexp (1, -(int) t->delta));
              double u = err == 0 ? 0 : bound > 0 ? err / bound : INFINITY;
              worst = fmax (worst, u);
              if (u > 1)
                {
                  printf ("\n  %s: input %zu, output %zu: %ld vs %ld bits "
                          "differ by %.3g, %.3g times the bound", t->name, c,
                          i, (long) p, (long) q, err, u);
                  fails++;
                }
            }
          mpfr_clear (e);
        }
      vfree (y, t->ny_max);
      vfree (z, t->ny_max);
    }
  free (x);
  if (worst_out)
    *worst_out = worst;
  return fails;
}

#endif
