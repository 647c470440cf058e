/* Tests of the restricted loss: equality with the full library at integer
   sizes (loss, orbit sums of the gradient, E^T H E), symmetric criticality,
   finite differences at real sizes, error statuses. */
#include <config.h>
#include <stdlib.h>
#include <gsl/gsl_rng.h>
#include <gsl/gsl_randist.h>
#include "landscape.h"
#include "testutil.h"
#include "testutil-young.h"

#define NG 6

static lsc_young
group (int t)
{
  lsc_young G = { 0 };
  double s1[1] = { 6 }, s2[2] = { 7, 1 }, s3[2] = { 6, 2 },
         s4[3] = { 5, 1, 2 };
  switch (t)
    {
    case 0: lsc_young_init_kd (&G, s1, 1); break;
    case 1: lsc_young_init_kd (&G, s2, 2); break;
    case 2: lsc_young_init_kd (&G, s3, 2); break;
    case 3: lsc_young_init_kd (&G, s4, 3); break;
    case 4: /* k = d + 1: (L, 1) paired plus one unpaired row */
      G.nrb = 3; G.ncb = 2;
      G.rsize[0] = G.csize[0] = 6;
      G.rsize[1] = G.csize[1] = 1;
      G.rsize[2] = 1;
      G.pair[0] = 0; G.pair[1] = 1; G.pair[2] = -1;
      break;
    default: /* an unpaired column block: rows (L,1,1), cols (L,1,1) with
                row 2 unpaired and column 2 unpaired */
      G.nrb = 3; G.ncb = 3;
      G.rsize[0] = G.csize[0] = 5;
      G.rsize[1] = G.csize[1] = 1;
      G.rsize[2] = G.csize[2] = 1;
      G.pair[0] = 0; G.pair[1] = 1; G.pair[2] = -1;
      break;
    }
  return G;
}


static void
test_equals_full (void)
{
  gsl_rng *rng = gsl_rng_alloc (gsl_rng_mt19937);
  gsl_rng_set (rng, 3);
  for (int t = 0; t < NG; t++)
    for (int rep = 0; rep < 3; rep++)
      {
        lsc_young G = group (t);
        size_t k = (size_t) lsc_young_k (&G), d = (size_t) lsc_young_d (&G);
        size_t np = lsc_young_nparams (&G), n = k * d;
        double p[64], g[64], W[64], Gf[64], avg[64], metric[64], Lr, Lf;
        double *H = malloc (n * n * sizeof *H), *Hp = malloc (np * np * sizeof *Hp);
        double *E = calloc (n * np, sizeof *E);
        random_params (p, &G, rng);
        lsc_young_embed (W, p, &G);
        lsc_problem pr = { k, d, d, NULL, NULL, NULL };
        lsc_loss_workspace *ws = lsc_loss_workspace_alloc (k, d, d);
        CU_ASSERT_EQUAL_FATAL (lsc_loss_grad (&Lf, Gf, W, &pr, ws), 0);
        CU_ASSERT_EQUAL_FATAL (lsc_loss_hessian (H, W, &pr, ws), 0);
        CU_ASSERT_EQUAL_FATAL (lsc_restricted_grad (&Lr, g, p, &G), 0);
        CU_ASSERT_EQUAL_FATAL (lsc_restricted_hess (Hp, p, &G), 0);
        CU_ASSERT (fabs (Lr - Lf) <= 1e-13 * fmax (1, fabs (Lf)));
        /* orbit sums of the full gradient = restricted gradient */
        double dist;
        lsc_young_metric (metric, &G);
        lsc_young_project (avg, &dist, Gf, &G);
        double gscale = 0;
        for (size_t i = 0; i < n; i++)
          gscale = fmax (gscale, fabs (Gf[i]));
        CU_ASSERT (dist <= 1e-13 * fmax (1, gscale)); /* symmetric criticality */
        for (size_t i = 0; i < np; i++)
          CU_ASSERT (fabs (avg[i] * metric[i] - g[i])
                     <= 1e-12 * fmax (1, fabs (g[i])));
        /* E^T H E = restricted Hessian */
        for (size_t j = 0; j < np; j++)
          {
            double e[64] = { 0 }, col[64];
            e[j] = 1;
            lsc_young_embed (col, e, &G);
            for (size_t i = 0; i < n; i++)
              E[i * np + j] = col[i];
          }
        double emax = 0, hmax = 0;
        for (size_t a = 0; a < np; a++)
          for (size_t b = 0; b < np; b++)
            {
              double s = 0;
              for (size_t i = 0; i < n; i++)
                if (E[i * np + a] != 0)
                  for (size_t j = 0; j < n; j++)
                    s += E[i * np + a] * H[i * n + j] * E[j * np + b];
              emax = fmax (emax, fabs (s - Hp[a * np + b]));
              hmax = fmax (hmax, fabs (s));
              CU_ASSERT_EQUAL (Hp[a * np + b], Hp[b * np + a]);
            }
        CU_ASSERT (emax <= 1e-12 * fmax (1, hmax));
        if (emax > 1e-12 * fmax (1, hmax))
          printf ("group %d: |E^T H E - Hp| = %g (scale %g)\n", t, emax, hmax);
        lsc_loss_workspace_free (ws);
        free (H);
        free (Hp);
        free (E);
      }
  gsl_rng_free (rng);
}

/* Central differences of the restricted loss and gradient at REAL sizes;
   the error must fall like h^2 (ratio ~4 when h halves). */
static void
test_finite_differences_real_d (void)
{
  gsl_rng *rng = gsl_rng_alloc (gsl_rng_mt19937);
  gsl_rng_set (rng, 5);
  for (int t = 0; t < NG; t++)
    {
      lsc_young G = group (t);
      lsc_young_set_d (&G, lsc_young_d (&G) + 0.37);
      size_t np = lsc_young_nparams (&G);
      double p[64], g[64], Hp[64 * 64];
      random_params (p, &G, rng);
      lsc_restricted_grad (NULL, g, p, &G);
      lsc_restricted_hess (Hp, p, &G);
      double errg[3] = { 0 }, errh[3] = { 0 };
      double hs[3] = { 4e-3, 2e-3, 1e-3 };
      for (int s = 0; s < 3; s++)
        for (size_t j = 0; j < np; j++)
          {
            double q[64], Lp, Lm, gp[64], gm[64];
            memcpy (q, p, np * sizeof *q);
            q[j] = p[j] + hs[s];
            lsc_restricted_grad (&Lp, gp, q, &G);
            q[j] = p[j] - hs[s];
            lsc_restricted_grad (&Lm, gm, q, &G);
            errg[s] = fmax (errg[s], fabs ((Lp - Lm) / (2 * hs[s]) - g[j]));
            for (size_t i = 0; i < np; i++)
              errh[s] = fmax (errh[s], fabs ((gp[i] - gm[i]) / (2 * hs[s])
                                             - Hp[i * np + j]));
          }
      for (int s = 0; s < 2; s++)
        {
          double rg = errg[s] / errg[s + 1], rh = errh[s] / errh[s + 1];
          CU_ASSERT (rg > 3.5 && rg < 4.5);
          CU_ASSERT (rh > 3.5 && rh < 4.5);
          if (!(rg > 3.5 && rg < 4.5 && rh > 3.5 && rh < 4.5))
            printf ("group %d: ratios %g %g (errors %g %g)\n", t, rg, rh,
                    errg[s], errh[s]);
        }
    }
  gsl_rng_free (rng);
}

static void
test_errors (void)
{
  lsc_young G = group (1);
  double p[8] = { 1, 0, 0, 0, 1 }, L, g[8], Hp[64];
  CU_ASSERT_EQUAL (lsc_restricted_loss (&L, p, &G), 0);
  CU_ASSERT_EQUAL (lsc_restricted_loss (NULL, p, &G), LSC_EFAULT);
  CU_ASSERT_EQUAL (lsc_restricted_grad (&L, NULL, p, &G), LSC_EFAULT);
  CU_ASSERT_EQUAL (lsc_restricted_hess (NULL, p, &G), LSC_EFAULT);
  CU_ASSERT_EQUAL (lsc_restricted_loss (&L, NULL, &G), LSC_EFAULT);
  double z[8] = { 1, 0, 0, 0, 0 }; /* the special row is zero */
  CU_ASSERT_EQUAL (lsc_restricted_loss (&L, z, &G), LSC_EDOM);
  CU_ASSERT_EQUAL (lsc_restricted_grad (&L, g, z, &G), LSC_EDOM);
  CU_ASSERT_EQUAL (lsc_restricted_hess (Hp, z, &G), LSC_EDOM);
  double nanp[8] = { 1, 0, NAN, 0, 1 };
  CU_ASSERT_EQUAL (lsc_restricted_loss (&L, nanp, &G), LSC_ENONFINITE);
  lsc_young B = G;
  B.csize[1] = 3;
  CU_ASSERT_EQUAL (lsc_restricted_loss (&L, p, &B), LSC_EINVAL);
  /* the global minimum W = I has loss 0 and zero gradient, at real d too */
  double s1[1] = { 1e6 + 0.5 }, pI[2] = { 1, 0 };
  lsc_young I;
  lsc_young_init_kd (&I, s1, 1);
  CU_ASSERT_EQUAL (lsc_restricted_grad (&L, g, pI, &I), 0);
  CU_ASSERT (fabs (g[0]) < 1e-9 && fabs (g[1]) < 1e-9);
}

int
main (void)
{
  static const lsc_test_case cases[] = {
    { "restricted = full at integer sizes", test_equals_full },
    { "finite differences at real sizes", test_finite_differences_real_d },
    { "error statuses", test_errors },
    { NULL, NULL },
  };
  return lsc_test_run ("restricted", cases);
}
