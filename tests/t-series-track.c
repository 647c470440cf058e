/* Tests of the eigenvalue tracking of lsc_series_expand (internal,
   src/series/track.c): synthetic tracks with known closed forms, two of
   them crossing between nodes, one growing like d^1/2, one like d. */
#include <config.h>
#include <math.h>
#include <stdlib.h>
#include <mpfr.h>
#include "testutil.h"
#include "landscape.h"
#include "../src/mpfr/vec.c"
#include "../src/series/track.c"

#define NODES 16
#define NTR 4
#define PREC 256

/* y = eps^2 lambda of the four tracks at eps (closed forms): two
   Theta(1) ones of one group crossing at eps = 6e-5, a Theta(d^1/2) one
   of the same group, and a Theta(d) one of another component. */
static void
track_value (mpfr_t y, int i, const mpfr_t eps)
{
  static const double c[NTR][3] = { { 0.09, 300, 0 }, { 0.12, -200, 0 },
                                     { 0.1, 0, -0.08 }, { 0.25, 0, 0 } };
  mpfr_t t;
  mpfr_init2 (t, PREC);
  /* lambda = c0 + c1 eps + c2 / eps (+ d/4 for track 3) */
  mpfr_mul_d (y, eps, c[i][1], MPFR_RNDN);
  mpfr_add_d (y, y, c[i][0], MPFR_RNDN);
  mpfr_ui_div (t, 1, eps, MPFR_RNDN);
  mpfr_mul_d (t, t, c[i][2], MPFR_RNDN);
  mpfr_add (y, y, t, MPFR_RNDN);
  mpfr_sqr (t, eps, MPFR_RNDN);
  mpfr_mul (y, y, t, MPFR_RNDN);
  if (i == 3)
    mpfr_add_d (y, y, 0.25, MPFR_RNDN);
  mpfr_clear (t);
}

static void
test_crossing (void)
{
  const double h = 1e-3;
  mpfr_t *t = lsc_mpfr_vec_alloc (NODES, PREC);
  mpfr_t *y = lsc_mpfr_vec_alloc (NTR * NODES, PREC);
  mpfr_t *yj = lsc_mpfr_vec_alloc (NTR, PREC);
  mpfr_t eps, u;
  mpfr_inits2 (PREC, eps, u, (mpfr_ptr) 0);
  lsc_iso_eigen shape[NTR], info[NTR];
  size_t perm[NTR];
  int swapped_by_rank = 0;
  for (size_t j = 0; j < NODES; j++)
    {
      mpfr_const_pi (t[j], MPFR_RNDN);
      mpfr_mul_ui (t[j], t[j], 2 * j + 1, MPFR_RNDN);
      mpfr_div_ui (t[j], t[j], 2 * NODES, MPFR_RNDN);
      mpfr_cos (t[j], t[j], MPFR_RNDN);
      mpfr_ui_sub (t[j], 1, t[j], MPFR_RNDN);
      mpfr_div_2ui (t[j], t[j], 1, MPFR_RNDN);
      mpfr_mul_d (eps, t[j], h, MPFR_RNDN);
      /* the node's values as the spectrum gives them: by component,
         ascending (tracks 0-2 in component s, track 3 in t) */
      mpfr_t v[NTR];
      for (int i = 0; i < NTR; i++)
        {
          mpfr_init2 (v[i], PREC);
          track_value (v[i], i, eps);
        }
      int ord[3] = { 0, 1, 2 };
      for (int a = 0; a < 3; a++)
        for (int b = a + 1; b < 3; b++)
          if (mpfr_cmp (v[ord[b]], v[ord[a]]) < 0)
            {
              int x = ord[a];
              ord[a] = ord[b];
              ord[b] = x;
            }
      mpfr_set (yj[0], v[3], MPFR_RNDN);
      info[0] = (lsc_iso_eigen){ .irrep = LSC_IRREP_T, .inner = 1 };
      for (int a = 0; a < 3; a++)
        {
          mpfr_set (yj[1 + a], v[ord[a]], MPFR_RNDN);
          info[1 + a] = (lsc_iso_eigen){ .irrep = LSC_IRREP_S, .inner = 1 };
        }
      if (j == 0)
        memcpy (shape, info, sizeof shape);
      if (j > 0 && ord[1] == 1 && ord[2] == 0)
        swapped_by_rank = 1;
      CU_ASSERT_EQUAL_FATAL (lsc_series_track_match (perm,
                                 (const mpfr_t *) yj, info, NTR, shape,
                                 (const mpfr_t *) y, (const mpfr_t *) t,
                                 NODES, j, h), LSC_SUCCESS);
      for (int i = 0; i < NTR; i++)
        mpfr_set (y[i * NODES + j], yj[perm[i]], MPFR_RNDN);
      for (int i = 0; i < NTR; i++)
        mpfr_clear (v[i]);
    }
  /* the sorted order did change (the test has a crossing) ... */
  CU_ASSERT (swapped_by_rank);
  /* ... and every track is its own closed form at every node: track k
     of node 0's order is the function it started as */
  int start[NTR] = { 3, 2, 0, 1 };   /* node 0: t; s ascending at tiny eps */
  for (size_t j = 0; j < NODES; j++)
    {
      mpfr_mul_d (eps, t[j], h, MPFR_RNDN);
      for (int i = 0; i < NTR; i++)
        {
          track_value (u, start[i], eps);
          mpfr_sub (u, u, y[i * NODES + j], MPFR_RNDN);
          CU_ASSERT (mpfr_zero_p (u));
        }
    }
  lsc_mpfr_vec_free (t, NODES);
  lsc_mpfr_vec_free (y, NTR * NODES);
  lsc_mpfr_vec_free (yj, NTR);
  mpfr_clears (eps, u, (mpfr_ptr) 0);
}

int
main (void)
{
  static const lsc_test_case cases[] = {
    { "two eigenvalues crossing between nodes", test_crossing },
    { NULL, NULL },
  };
  return lsc_test_run ("series-track", cases);
}
