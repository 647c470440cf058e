/* Classification at end points with a vanished neuron (lsc_classify):
   a row of W at the rounding floor, where the loss is not twice
   differentiable.  The census met such global minima at k = d + 1 and
   d + 2 and printed them with a Morse index of 1 to 9, from the full
   Hessian's one-sided values at the zero row. */
#include <config.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <lapacke.h>
#include "landscape.h"
#include "testutil.h"

enum { D = 6, K = D + 1, N = K * D, NR = D * D };

/* W = [scale I_D; s e_1]: the global minimum W = V = I (scale 1) with
   one more neuron of norm s along the first.  At s = 1e-15 the full
   Hessian has 5 negative values there (the one-sided second derivatives
   of a cone), though the loss is 2.5e-31. */
static void
vanishing_point (double *W, double scale, double s)
{
  memset (W, 0, N * sizeof *W);
  for (size_t i = 0; i < D; i++)
    W[i * D + i] = scale;
  W[(K - 1) * D] = s;
}

/* The oracle: the block of the full Hessian on the other rows (the
   smaller network's Hessian at a zero row), eigenvalues by LAPACK's
   dsyev, not the library's eigensolver. */
static void
other_rows_block_spectrum (double *ev, const double *W,
                           const lsc_problem *p)
{
  double *H = malloc ((size_t) N * N * sizeof *H);
  double *B = malloc ((size_t) NR * NR * sizeof *B);
  lsc_loss_workspace *lw = lsc_loss_workspace_alloc (K, D, D);
  CU_ASSERT_FATAL (H && B && lw);
  CU_ASSERT_EQUAL_FATAL (lsc_loss_hessian (H, W, p, lw), 0);
  for (size_t r = 0; r < NR; r++)
    for (size_t c = 0; c < NR; c++)
      B[r * NR + c] = H[r * N + c];
  CU_ASSERT_EQUAL (LAPACKE_dsyev (LAPACK_ROW_MAJOR, 'N', 'U', NR, B, NR,
                                  ev), 0);
  lsc_loss_workspace_free (lw);
  free (B);
  free (H);
}

static void
test_global_vanished (void)
{
  double W[N], ev[N], evr[NR], L;
  lsc_problem p = { K, D, D, NULL, NULL, NULL };
  lsc_classifier *c = lsc_classifier_alloc (NULL, K, D, NULL);
  lsc_descent_workspace *ws = lsc_descent_alloc (K, D, D, 0, 1);
  lsc_loss_workspace *lw = lsc_loss_workspace_alloc (K, D, D);
  CU_ASSERT_FATAL (c && ws && lw);
  vanishing_point (W, 1.0, 1e-15);
  CU_ASSERT_EQUAL_FATAL (lsc_loss (&L, W, &p, lw), 0);
  CU_ASSERT (L <= 1e-20);
  CU_ASSERT_EQUAL_FATAL (lsc_descent_hessian_eigen (ev, W, &p, ws), 0);
  /* The failure this guards against: the full Hessian is no
     second-order model at the zero row; it has negative values at a
     global minimum. */
  CU_ASSERT (ev[0] < -1e-3);
  lsc_class cl;
  CU_ASSERT_EQUAL_FATAL (lsc_classify (&cl, W, ev, L, &p, c), 0);
  CU_ASSERT_EQUAL (cl.kind, LSC_CLASS_GLOBAL);
  CU_ASSERT_EQUAL (cl.nvanish, 1);
  CU_ASSERT_EQUAL (cl.index, 0);
  /* Against the oracle: the same zero band and smallest value. */
  other_rows_block_spectrum (evr, W, &p);
  size_t nz = 0;
  double zt = 1e-8 * fmax (1.0, fmax (fabs (evr[0]), fabs (evr[NR - 1])));
  for (size_t i = 0; i < NR; i++)
    nz += fabs (evr[i]) <= zt;
  CU_ASSERT (evr[0] >= -zt);
  CU_ASSERT_EQUAL (cl.nzero, nz);
  CU_ASSERT (fabs (cl.min_eig - evr[0]) <= 1e-12);
  /* W = V = I_D alone (no extra row): the same spectrum. */
  lsc_problem p6 = { D, D, D, NULL, NULL, NULL };
  lsc_descent_workspace *w6 = lsc_descent_alloc (D, D, D, 0, 1);
  double e6[NR];
  CU_ASSERT_EQUAL_FATAL (lsc_descent_hessian_eigen (e6, W, &p6, w6), 0);
  for (size_t i = 0; i < NR; i++)
    CU_ASSERT (fabs (e6[i] - evr[i]) <= 1e-12);
  /* alpha given: the vanished row's weight is dropped with it. */
  double alpha[K] = { 1, 1, 1, 1, 1, 1, 1 };
  lsc_problem pa = { K, D, D, NULL, alpha, NULL };
  lsc_class ca;
  CU_ASSERT_EQUAL (lsc_classify (&ca, W, ev, L, &pa, c), 0);
  CU_ASSERT_EQUAL (ca.nvanish, 1);
  CU_ASSERT_EQUAL (ca.index, 0);
  lsc_descent_free (w6);
  lsc_loss_workspace_free (lw);
  lsc_descent_free (ws);
  lsc_classifier_free (c);
}

static void
test_not_vanished (void)
{
  /* A small row that is not at the rounding floor (1e-3): the loss is
     smooth there, the full spectrum counts, nvanish is 0. */
  double W[N], ev[N], L;
  lsc_problem p = { K, D, D, NULL, NULL, NULL };
  lsc_classifier *c = lsc_classifier_alloc (NULL, K, D, NULL);
  lsc_descent_workspace *ws = lsc_descent_alloc (K, D, D, 0, 1);
  lsc_loss_workspace *lw = lsc_loss_workspace_alloc (K, D, D);
  CU_ASSERT_FATAL (c && ws && lw);
  vanishing_point (W, 1.0, 1e-3);
  CU_ASSERT_EQUAL_FATAL (lsc_loss (&L, W, &p, lw), 0);
  CU_ASSERT_EQUAL_FATAL (lsc_descent_hessian_eigen (ev, W, &p, ws), 0);
  lsc_class cl;
  CU_ASSERT_EQUAL_FATAL (lsc_classify (&cl, W, ev, L, &p, c), 0);
  CU_ASSERT_EQUAL (cl.nvanish, 0);
  CU_ASSERT (cl.min_eig == ev[0]);
  size_t neg = 0;
  double zt = 1e-8 * fmax (1.0, fmax (fabs (ev[0]), fabs (ev[N - 1])));
  for (size_t i = 0; i < N; i++)
    neg += ev[i] < -zt;
  CU_ASSERT_EQUAL (cl.index, neg);
  lsc_loss_workspace_free (lw);
  lsc_descent_free (ws);
  lsc_classifier_free (c);
}

static void
test_spurious_vanished (void)
{
  /* Not a global minimum (W = I/2 and a vanished row): whether the
     vanished neuron would grow is not tested, so it is not classified. */
  double W[N], ev[N], L;
  lsc_problem p = { K, D, D, NULL, NULL, NULL };
  lsc_classifier *c = lsc_classifier_alloc (NULL, K, D, NULL);
  lsc_descent_workspace *ws = lsc_descent_alloc (K, D, D, 0, 1);
  lsc_loss_workspace *lw = lsc_loss_workspace_alloc (K, D, D);
  CU_ASSERT_FATAL (c && ws && lw);
  vanishing_point (W, 0.5, 1e-15);
  CU_ASSERT_EQUAL_FATAL (lsc_loss (&L, W, &p, lw), 0);
  CU_ASSERT (L > 1e-3);
  CU_ASSERT_EQUAL_FATAL (lsc_descent_hessian_eigen (ev, W, &p, ws), 0);
  lsc_class cl;
  CU_ASSERT_EQUAL (lsc_classify (&cl, W, ev, L, &p, c), LSC_EUNSUP);
  CU_ASSERT_EQUAL (cl.nvanish, 1);
  lsc_loss_workspace_free (lw);
  lsc_descent_free (ws);
  lsc_classifier_free (c);
}

int
main (void)
{
  static const lsc_test_case cases[] = {
    { "global minimum with a vanished neuron", test_global_vanished },
    { "a small row that has not vanished", test_not_vanished },
    { "a vanished neuron away from the global minimum",
      test_spurious_vanished },
    { NULL, NULL }
  };
  return lsc_test_run ("classify", cases);
}
