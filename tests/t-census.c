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
  /* names derived from the isotropy (block sizes and diagonal signs),
     written out by hand: kd:L,2 has the blocks L and 2, both paired */
  lsc_young G;
  char err[128];
  CU_ASSERT_EQUAL_FATAL (lsc_isotropy_parse (&G, "kd:L,2", 10, err,
                                             sizeof err), 0);
  size_t np = lsc_young_nparams (&G);
  int d0 = lsc_young_param_index (&G, 0, 0, LSC_PARAM_DIAG);
  int d1 = lsc_young_param_index (&G, 1, 1, LSC_PARAM_DIAG);
  CU_ASSERT_FATAL (np >= 2 && np <= LSC_FAMILY_MAXP && d0 >= 0 && d1 >= 0);
  int other = 0;
  while (other == d0 || other == d1)
    other++;
  CU_ASSERT_FATAL ((size_t) other < np);
  static lsc_census_run r[5];
  memset (r, 0, sizeof r);
  for (int i = 0; i < 5; i++)
    {
      r[i].kind = LSC_CLASS_NEW;
      strcpy (r[i].isotropy, "kd:L,2");
      r[i].np = np;
      for (size_t j = 0; j < np; j++)
        r[i].p[j] = 0.25 + 1e-9 * i;
      r[i].loss = 0.5;
    }
  r[2].p[other] = 0.75;             /* same signs, another family */
  r[2].loss = 0.125;
  r[4].p[d1] = -0.25;               /* block 2 flipped */
  r[3].kind = LSC_CLASS_NOSYM;
  for (int order = 0; order < 2; order++)
    {
      lsc_census_labels lab;
      memset (&lab, 0, sizeof lab);
      /* in run order, then with the flipped family met first */
      static const int seq[2][5] = { { 0, 1, 2, 3, 4 }, { 4, 0, 1, 2, 3 } };
      for (int i = 0; i < 5; i++)
        lsc_census_label (&r[seq[order][i]], &lab, 1e-6);
      CU_ASSERT_STRING_EQUAL (r[0].family, "Y2_aa");
      CU_ASSERT_STRING_EQUAL (r[1].family, "Y2_aa");
      CU_ASSERT_STRING_EQUAL (r[2].family, "Y2_aa/L0.125");
      CU_ASSERT_STRING_EQUAL (r[3].family, "none");
      CU_ASSERT_STRING_EQUAL (r[4].family, "Y2_af");
    }
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

/* Aggregation: hand-made runs with counts known by construction (a
   "none" minimum apart from a "none" saddle, a failed run in no family,
   families by loss), then a real census at k = d = 9 whose totals must
   be consistent with its end points (spurious runs: index 0, loss above
   the noise; global runs: loss within it). */
static void
mk (lsc_census_run *r, size_t run, int kind, const char *fam, double loss,
    size_t index)
{
  memset (r, 0, sizeof *r);
  r->done = 1;
  r->run = run;
  r->kind = kind;
  r->status = kind < 0 ? LSC_EFAILED : 0;
  snprintf (r->family, sizeof r->family, "%s", fam);
  r->loss = loss;
  r->index = index;
}

static void
test_summarize (void)
{
  lsc_census_run r[8];
  mk (&r[0], 0, LSC_CLASS_CATALOGUE, "A", 0.02, 0);
  mk (&r[1], 1, LSC_CLASS_GLOBAL, "global", 1e-31, 0);
  mk (&r[2], 2, LSC_CLASS_NOSYM, "none", 0.05, 0);
  mk (&r[3], 3, LSC_CLASS_NOSYM, "none", 0.07, 2);
  mk (&r[4], 4, -1, "-", NAN, 0);
  mk (&r[5], 5, LSC_CLASS_CATALOGUE, "A", 0.0200001, 0);
  mk (&r[6], 6, LSC_CLASS_CATALOGUE, "B2", 0.04, 1);
  mk (&r[7], 7, LSC_CLASS_GLOBAL, "global", 2e-31, 0);
  lsc_census_summary s;
  CU_ASSERT_EQUAL_FATAL (lsc_census_summarize (&s, r, 8, 9), 0);
  CU_ASSERT_EQUAL (s.runs, 8);
  CU_ASSERT_EQUAL (s.count[LSC_CENSUS_GLOBAL], 2);
  CU_ASSERT_EQUAL (s.count[LSC_CENSUS_SPURIOUS], 3);  /* A, A, none */
  CU_ASSERT_EQUAL (s.count[LSC_CENSUS_SADDLE], 2);    /* none, B2 */
  CU_ASSERT_EQUAL (s.count[LSC_CENSUS_FAILED], 1);
  CU_ASSERT_DOUBLE_EQUAL (s.spurious_fraction, 3.0 / 8.0, 0);
  CU_ASSERT_DOUBLE_EQUAL (s.noise, 100.0 * ldexp (1, -45), 0);
  CU_ASSERT_EQUAL_FATAL (s.nfam, 5);
  static const char *order[] = { "global", "A", "B2", "none", "none" };
  static const size_t cnt[] = { 2, 2, 1, 1, 1 };
  for (size_t j = 0; j < 5; j++)
    {
      CU_ASSERT_STRING_EQUAL (s.fam[j].family, order[j]);
      CU_ASSERT_EQUAL (s.fam[j].count, cnt[j]);
    }
  CU_ASSERT_EQUAL (s.fam[1].first, 0);
  CU_ASSERT_DOUBLE_EQUAL (s.fam[1].loss_hi - s.fam[1].loss_lo, 1e-7, 1e-15);
  CU_ASSERT_EQUAL (s.fam[3].outcome, LSC_CENSUS_SPURIOUS);
  CU_ASSERT_EQUAL (s.fam[4].outcome, LSC_CENSUS_SADDLE);
  CU_ASSERT_EQUAL (lsc_census_outcome (&r[4]), LSC_CENSUS_FAILED);
  lsc_census_summary_clear (&s);
  lsc_census_summary_clear (&s);            /* cleared: a no-op */
  lsc_census_summary_clear (NULL);
  CU_ASSERT_EQUAL (lsc_census_summarize (&s, r, 0, 9), 0);
  CU_ASSERT (isnan (s.spurious_fraction));
  lsc_census_summary_clear (&s);

  /* a real census */
  lsc_catalogue *cat = read_catalogue ();
  lsc_classify_params cp;
  lsc_classify_params_init (&cp);
  lsc_classifier *cl = lsc_classifier_alloc (cat, 9, 9, &cp);
  lsc_problem p = { 9, 9, 9, NULL, NULL, NULL };
  lsc_descent_params par;
  lsc_descent_params_init (&par);
  lsc_census_run runs[12];
  CU_ASSERT_EQUAL_FATAL (lsc_census (runs, 0, 12, 1, &p, &par, cl), 0);
  CU_ASSERT_EQUAL_FATAL (lsc_census_summarize (&s, runs, 12, 9), 0);
  size_t tot = 0, infam = 0;
  double sh = 0;
  for (int o = 0; o < 4; o++)
    tot += s.count[o];
  for (size_t j = 0; j < s.nfam; j++)
    {
      infam += s.fam[j].count;
      if (s.fam[j].outcome == LSC_CENSUS_SPURIOUS)
        sh += s.fam[j].fraction;
      if (j)
        CU_ASSERT (s.fam[j].loss >= s.fam[j - 1].loss);
    }
  CU_ASSERT_EQUAL (tot, 12);
  CU_ASSERT_EQUAL (infam, 12 - s.count[LSC_CENSUS_FAILED]);
  CU_ASSERT_DOUBLE_EQUAL (sh, s.spurious_fraction, 1e-15);
  CU_ASSERT (s.count[LSC_CENSUS_SPURIOUS] > 0);   /* type A at d = 9 */
  for (size_t i = 0; i < 12; i++)
    {
      int o = lsc_census_outcome (&runs[i]);
      if (o == LSC_CENSUS_SPURIOUS)
        CU_ASSERT (runs[i].loss > s.noise && runs[i].min_eig > 0);
      if (o == LSC_CENSUS_GLOBAL)
        CU_ASSERT (fabs (runs[i].loss) <= s.noise);
    }
  lsc_census_summary_clear (&s);
  lsc_classifier_free (cl);
  lsc_catalogue_free (cat);
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
    { "aggregation: outcomes, families, fractions", test_summarize },
    { NULL, NULL } };
  return lsc_test_run ("census", cases);
}
