/* Tests of Young-type groups and fixed-point spaces: validation, metric,
   embedding/projection (P^2 = P = P^T), refinement and parameter maps. */
#include <config.h>
#include <gsl/gsl_rng.h>
#include <gsl/gsl_randist.h>
#include "landscape.h"
#include "testutil.h"

static lsc_young
kd2 (double big, double small)
{
  lsc_young G;
  double s[2] = { big, small };
  lsc_young_init_kd (&G, s, 2);
  return G;
}

/* k = d + 1: blocks (L, 1) paired, one extra unpaired row. */
static lsc_young
kd_plus_one (double L)
{
  lsc_young G = { 0 };
  G.nrb = 3;
  G.ncb = 2;
  G.rsize[0] = G.csize[0] = L;
  G.rsize[1] = G.csize[1] = 1;
  G.rsize[2] = 1;
  G.pair[0] = 0;
  G.pair[1] = 1;
  G.pair[2] = -1;
  return G;
}

static void
test_check_errors (void)
{
  lsc_young G = kd2 (5, 1);
  CU_ASSERT_EQUAL (lsc_young_check (&G), LSC_SUCCESS);
  CU_ASSERT_EQUAL (lsc_young_check (NULL), LSC_EFAULT);
  lsc_young B = G;
  B.rsize[1] = 0.5;
  B.csize[1] = 0.5;
  CU_ASSERT_EQUAL (lsc_young_check (&B), LSC_EINVAL);
  B = G;
  B.csize[1] = 2;
  CU_ASSERT_EQUAL (lsc_young_check (&B), LSC_EINVAL); /* unequal pair */
  B = G;
  B.pair[1] = 0;
  CU_ASSERT_EQUAL (lsc_young_check (&B), LSC_EINVAL); /* paired twice */
  B = G;
  B.pair[0] = -1;
  B.pair[1] = -1;
  CU_ASSERT_EQUAL (lsc_young_check (&B), LSC_EINVAL); /* block 0 unpaired */
  B = G;
  B.rsize[0] = B.csize[0] = NAN;
  CU_ASSERT_EQUAL (lsc_young_check (&B), LSC_EINVAL);
  B = G;
  B.nrb = 0;
  CU_ASSERT_EQUAL (lsc_young_check (&B), LSC_EINVAL);
  double s[1] = { 3 };
  CU_ASSERT_EQUAL (lsc_young_init_kd (&B, s, 0), LSC_EINVAL);
  CU_ASSERT_EQUAL (lsc_young_init_kd (&B, s, LSC_YOUNG_MAX + 1), LSC_EINVAL);
  CU_ASSERT_EQUAL (lsc_young_init_kd (NULL, s, 1), LSC_EFAULT);
  lsc_param_info pi;
  CU_ASSERT_EQUAL (lsc_young_param (&pi, &G, 99), LSC_EINVAL);
  CU_ASSERT_EQUAL (lsc_young_set_d (&G, 1.5), LSC_EDOM);
  CU_ASSERT_EQUAL (lsc_young_set_d (&G, INFINITY), LSC_ENONFINITE);
  CU_ASSERT_EQUAL (lsc_young_set_d (&G, 7.25), LSC_SUCCESS);
  CU_ASSERT_DOUBLE_EQUAL (G.rsize[0], 6.25, 0);
  CU_ASSERT_DOUBLE_EQUAL (lsc_young_d (&G), 7.25, 0);
  CU_ASSERT_FALSE (lsc_young_is_integral (&G));
  double W[64], p[8] = { 0 };
  CU_ASSERT_EQUAL (lsc_young_embed (W, p, &G), LSC_EDOM);
}

/* Parameter counts of landscape(7), SYMMETRY AND ISOTROPY: Fix(Delta S_d) has 2, Fix(Delta(S_{d-1} x
   S_1)) has 5; metric sums to k d. */
static void
test_counts_metric (void)
{
  double s1[1] = { 7 };
  lsc_young G;
  lsc_young_init_kd (&G, s1, 1);
  CU_ASSERT_EQUAL (lsc_young_nparams (&G), 2);
  G = kd2 (19, 1);
  CU_ASSERT_EQUAL (lsc_young_nparams (&G), 5);
  G = kd2 (18, 2);
  CU_ASSERT_EQUAL (lsc_young_nparams (&G), 6);
  lsc_young H = kd_plus_one (9);
  CU_ASSERT_EQUAL (lsc_young_nparams (&H), 7);
  lsc_young all[3] = { G, H, kd2 (4.5, 3) };
  for (int t = 0; t < 3; t++)
    {
      double m[64], sum = 0;
      CU_ASSERT_EQUAL (lsc_young_metric (m, &all[t]), LSC_SUCCESS);
      for (size_t i = 0; i < lsc_young_nparams (&all[t]); i++)
        sum += m[i];
      CU_ASSERT_DOUBLE_EQUAL (sum, lsc_young_k (&all[t]) * lsc_young_d (&all[t]),
                              1e-9);
    }
}

/* P = embed o project is an orthogonal projector: P^2 = P and
   <P x, y> = <x, P y>; embedded points are fixed by P. */
static void
test_projector (void)
{
  gsl_rng *rng = gsl_rng_alloc (gsl_rng_mt19937);
  gsl_rng_set (rng, 11);
  lsc_young groups[3] = { kd2 (6, 2), kd_plus_one (5), kd2 (7, 1) };
  for (int t = 0; t < 3; t++)
    {
      lsc_young *G = &groups[t];
      size_t k = (size_t) lsc_young_k (G), d = (size_t) lsc_young_d (G);
      size_t n = k * d, np = lsc_young_nparams (G);
      double x[128], y[128], Px[128], Py[128], PPx[128], p[64], dist;
      for (size_t i = 0; i < n; i++)
        {
          x[i] = gsl_ran_gaussian (rng, 1);
          y[i] = gsl_ran_gaussian (rng, 1);
        }
      lsc_young_project (p, &dist, x, G);
      lsc_young_embed (Px, p, G);
      lsc_young_project (p, NULL, y, G);
      lsc_young_embed (Py, p, G);
      lsc_young_project (p, &dist, Px, G);
      CU_ASSERT (dist < 1e-14);
      lsc_young_embed (PPx, p, G);
      double e = 0, a = 0, b = 0, r = 0;
      for (size_t i = 0; i < n; i++)
        {
          e = fmax (e, fabs (PPx[i] - Px[i]));
          a += Px[i] * y[i];
          b += x[i] * Py[i];
          r += (x[i] - Px[i]) * Px[i];
        }
      CU_ASSERT (e < 1e-14);
      CU_ASSERT (fabs (a - b) < 1e-12);
      CU_ASSERT (fabs (r) < 1e-12); /* residual orthogonal to Fix(G) */
      (void) np;
    }
  gsl_rng_free (rng);
}

/* Refinement: the coarse point embedded through the parameter map equals the
   coarse embedding with the singled-out indices moved to the end. */
static void
test_single_out_map (void)
{
  lsc_young coarse = kd2 (6, 2), fine;
  int rp[LSC_YOUNG_MAX], cp[LSC_YOUNG_MAX];
  for (size_t q = 1; q <= 2; q++)
    {
      CU_ASSERT_EQUAL (lsc_young_single_out (&fine, rp, cp, &coarse, 0, q), 0);
      size_t nc = lsc_young_nparams (&coarse), nf = lsc_young_nparams (&fine);
      double A[64 * 8], pc[8], pf[64], Wc[64], Wf[64];
      CU_ASSERT_EQUAL (lsc_young_param_map (A, &fine, rp, cp, &coarse), 0);
      for (size_t i = 0; i < nc; i++)
        pc[i] = 0.1 * (double) (i + 1) + 0.03 * (double) (i * i);
      for (size_t f = 0; f < nf; f++)
        {
          double s = 0, rowsum = 0;
          for (size_t c = 0; c < nc; c++)
            {
              s += A[f * nc + c] * pc[c];
              rowsum += A[f * nc + c];
            }
          CU_ASSERT_DOUBLE_EQUAL (rowsum, 1, 0);
          pf[f] = s;
        }
      lsc_young_embed (Wc, pc, &coarse);
      lsc_young_embed (Wf, pf, &fine);
      size_t d = 8, n0 = 6;
      /* fine index -> coarse index */
      size_t perm[8];
      for (size_t i = 0; i < d; i++)
        perm[i] = i < n0 - q ? i : i < d - q ? i + q : n0 - q + (i - (d - q));
      double e = 0;
      for (size_t i = 0; i < d; i++)
        for (size_t j = 0; j < d; j++)
          e = fmax (e, fabs (Wf[i * d + j] - Wc[perm[i] * d + perm[j]]));
      CU_ASSERT_EQUAL (e, 0);
    }
  CU_ASSERT_EQUAL (lsc_young_single_out (&fine, rp, cp, &coarse, 0, 6), LSC_EDOM);
  lsc_young H = kd_plus_one (5);
  CU_ASSERT_EQUAL (lsc_young_single_out (&fine, rp, cp, &H, 2, 1), LSC_EINVAL);
}

int
main (void)
{
  static const lsc_test_case cases[] = {
    { "validation and errors", test_check_errors },
    { "parameter counts and metric", test_counts_metric },
    { "projector P^2 = P = P^T", test_projector },
    { "single out + parameter map", test_single_out_map },
    { NULL, NULL },
  };
  return lsc_test_run ("young", cases);
}
