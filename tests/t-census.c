/* Tests of the census job (lsc_census): runs reproducible from (seed, run)
   alone, a run equal to the same stages called one by one, classified
   points that are critical points of the family named, labels, kind
   tokens and the error statuses. */
#include <config.h>
#include <math.h>
#include <string.h>
#include <gsl/gsl_rng.h>
#include "testutil.h"
#include "landscape.h"

static void
silent (const char *reason, const char *file, int line, int status)
{
  (void) reason; (void) file; (void) line; (void) status;
}

static lsc_catalogue *
read_catalogue (void)
{
  lsc_catalogue *cat = NULL;
  char err[256];
  CU_ASSERT_EQUAL_FATAL (lsc_catalogue_read_file (
      &cat, LSC_SRCDIR "/data/families.tsv", err, sizeof err), 0);
  return cat;
}

/* The census in one call equals runs made one by one in another order
   with another workspace, and equals the stages done by hand. */
static void
test_reproducible (void)
{
  enum { K = 6, N = 6 };
  lsc_catalogue *cat = read_catalogue ();
  lsc_classifier *cl = lsc_classifier_alloc (cat, K, K, NULL);
  lsc_problem p = { K, K, K, NULL, NULL, NULL };
  lsc_descent_params par;
  lsc_descent_params_init (&par);
  lsc_census_run a[N], b[N];
  CU_ASSERT_EQUAL_FATAL (lsc_census (a, 0, N, 11, &p, &par, cl), 0);
  lsc_census_workspace *w = lsc_census_alloc (K, K, K, &par);
  CU_ASSERT_FATAL (w != NULL);
  for (int i = N - 1; i >= 0; i--)
    lsc_census_do_run (&b[i], 11, (size_t) i, &p, &par, cl, w);
  for (int i = 0; i < N; i++)
    {
      CU_ASSERT_EQUAL (a[i].seed, b[i].seed);
      CU_ASSERT_EQUAL (a[i].iter, b[i].iter);
      CU_ASSERT_EQUAL (a[i].loss, b[i].loss);
      CU_ASSERT_EQUAL (a[i].kind, b[i].kind);
      CU_ASSERT_STRING_EQUAL (a[i].family, b[i].family);
      CU_ASSERT_EQUAL (a[i].status, 0);
      CU_ASSERT (a[i].done);
    }
  /* run 0 by hand: stream, Xavier, descent, symmetric polish */
  lsc_descent_workspace *ws = lsc_descent_alloc (K, K, K, par.lbfgs_m, 1);
  gsl_rng *rng = gsl_rng_alloc (gsl_rng_mt19937);
  double W[K * K], ev[K * K];
  lsc_descent_result dr, nr;
  gsl_rng_set (rng, lsc_descent_stream_seed (11, 0));
  CU_ASSERT_EQUAL (lsc_descent_xavier (W, K, K, rng), 0);
  CU_ASSERT_EQUAL (lsc_descent_run (W, &dr, &p, &par, ws), 0);
  CU_ASSERT_EQUAL (lsc_descent_polish_symmetric (W, ev, &nr, &p, &par,
                                                 1e-6, ws), 0);
  CU_ASSERT_EQUAL (nr.loss, a[0].loss);
  CU_ASSERT_EQUAL (ev[0], a[0].min_eig);
  CU_ASSERT_EQUAL (dr.iter, a[0].iter);
  lsc_census_do_run (&b[0], 11, 0, &p, &par, cl, w);
  CU_ASSERT_EQUAL (memcmp (W, lsc_census_point (w), sizeof W), 0);
  /* an independent check of the end point: the full gradient is zero */
  double G[K * K], L;
  lsc_loss_workspace *lw = lsc_loss_workspace_alloc (K, K, K);
  CU_ASSERT_EQUAL (lsc_loss_grad (&L, G, W, &p, lw), 0);
  double g2 = 0;
  for (int i = 0; i < K * K; i++)
    g2 += G[i] * G[i];
  CU_ASSERT (sqrt (g2) <= 1e-10);
  CU_ASSERT (lsc_test_reldiff (L, a[0].loss, 1e-300) <= 1e-12
             || fabs (L - a[0].loss) <= 1e-15);
  lsc_loss_workspace_free (lw);
  lsc_descent_free (ws);
  gsl_rng_free (rng);
  lsc_census_free (w);
  lsc_classifier_free (cl);
  lsc_catalogue_free (cat);
}

/* The census with every end point on the dense route (kd x kd Hessian,
   dense eigensolve) gives the same classification as the default
   symmetric route: kind, family, isotropy, index, zero count; losses and
   smallest eigenvalues to rounding. */
static void
test_dense_route (void)
{
  enum { K = 9, N = 10 };
  lsc_catalogue *cat = read_catalogue ();
  lsc_classify_params cp;
  lsc_classify_params_init (&cp);
  CU_ASSERT_EQUAL (cp.dense, 0);
  lsc_classifier *cs = lsc_classifier_alloc (cat, K, K, &cp);
  cp.dense = 1;
  lsc_classifier *cd = lsc_classifier_alloc (cat, K, K, &cp);
  CU_ASSERT_EQUAL (lsc_classifier_params (cd)->dense, 1);
  lsc_problem p = { K, K, K, NULL, NULL, NULL };
  lsc_descent_params par;
  lsc_descent_params_init (&par);
  lsc_census_run a[N], b[N];
  CU_ASSERT_EQUAL_FATAL (lsc_census (a, 0, N, 3, &p, &par, cs), 0);
  CU_ASSERT_EQUAL_FATAL (lsc_census (b, 0, N, 3, &p, &par, cd), 0);
  size_t sym = 0;
  for (int i = 0; i < N; i++)
    {
      CU_ASSERT_EQUAL (a[i].status, 0);
      CU_ASSERT_EQUAL (b[i].status, 0);
      CU_ASSERT_EQUAL (a[i].kind, b[i].kind);
      CU_ASSERT_STRING_EQUAL (a[i].family, b[i].family);
      CU_ASSERT_STRING_EQUAL (a[i].isotropy, b[i].isotropy);
      CU_ASSERT_EQUAL (a[i].index, b[i].index);
      CU_ASSERT_EQUAL (a[i].nzero, b[i].nzero);
      CU_ASSERT (fabs (a[i].loss - b[i].loss)
                 <= 1e-12 * fmax (fabs (b[i].loss), 1e-3));
      CU_ASSERT (fabs (a[i].min_eig - b[i].min_eig) <= 1e-12);
      sym += a[i].isotropy[0] != 0;
    }
  CU_ASSERT (sym >= N / 2);   /* the symmetric route was exercised */
  lsc_classifier_free (cs);
  lsc_classifier_free (cd);
  lsc_catalogue_free (cat);
}

static void
test_labels_and_tokens (void)
{
  lsc_census_labels lab;
  memset (&lab, 0, sizeof lab);
  static lsc_census_run r[4];
  memset (r, 0, sizeof r);
  for (int i = 0; i < 4; i++)
    {
      r[i].kind = LSC_CLASS_NEW;
      strcpy (r[i].isotropy, "kd:L,2");
      r[i].np = 2;
      r[i].p[0] = 1;
      r[i].p[1] = i == 2 ? 0.5 : 0.25 + 1e-9 * i;
    }
  r[3].kind = LSC_CLASS_NOSYM;
  for (int i = 0; i < 4; i++)
    lsc_census_label (&r[i], &lab, 1e-6);
  CU_ASSERT_STRING_EQUAL (r[0].family, "new-1");
  CU_ASSERT_STRING_EQUAL (r[1].family, "new-1");
  CU_ASSERT_STRING_EQUAL (r[2].family, "new-2");
  CU_ASSERT_STRING_EQUAL (r[3].family, "none");
  for (int k = -1; k <= 4; k++)
    CU_ASSERT_EQUAL (lsc_census_kind_parse (lsc_census_kind_token (k)), k);
  CU_ASSERT_EQUAL (lsc_census_kind_parse ("bogus"), -2);
  CU_ASSERT_STRING_EQUAL (lsc_census_kind_token (7), "-");
}

static void
test_errors (void)
{
  lsc_error_handler_t *old = lsc_set_error_handler (silent);
  lsc_census_workspace *w = lsc_census_alloc (4, 4, 4, NULL);
  lsc_problem p = { 5, 5, 5, NULL, NULL, NULL };
  lsc_descent_params par;
  lsc_descent_params_init (&par);
  lsc_census_run r;
  CU_ASSERT_EQUAL (lsc_census_do_run (&r, 1, 0, &p, &par, NULL, w),
                   LSC_EBADLEN);
  CU_ASSERT_EQUAL (r.status, LSC_EBADLEN);
  CU_ASSERT_EQUAL (r.kind, -1);
  CU_ASSERT (lsc_census_alloc (0, 4, 4, NULL) == NULL);
  lsc_census_free (w);
  lsc_census_free (NULL);
  lsc_set_error_handler (old);
}

int
main (void)
{
  static const lsc_test_case cases[] = {
    { "runs reproducible from (seed, run); stages by hand",
      test_reproducible },
    { "dense route classifies as the symmetric one", test_dense_route },
    { "labels of new families, kind tokens", test_labels_and_tokens },
    { "error statuses", test_errors },
    { NULL, NULL } };
  return lsc_test_run ("census", cases);
}
