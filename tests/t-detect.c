/* Tests of isotropy detection: known Young-type patterns embedded, randomly
   permuted and perturbed below the tolerance must be recovered (sizes,
   pairing, parameters, permutations); error statuses. */
#include <config.h>
#include <float.h>
#include <time.h>
#include <gsl/gsl_rng.h>
#include <gsl/gsl_randist.h>
#include "landscape.h"
#include "testutil.h"

#define TOL 1e-6

/* k = d group from sizes (block 0 large). */
static lsc_young
young_kd (const double *s, size_t r)
{
  lsc_young G;
  CU_ASSERT_FATAL (lsc_young_init_kd (&G, s, r) == LSC_SUCCESS);
  return G;
}

/* Embed p0 with G (the truth), permute rows and columns at random, add
   uniform noise in [-eps, eps], detect, and check everything against the
   truth.  Returns the time of lsc_detect in seconds. */
static double
check_case (const lsc_young *G, const double *p0, double eps,
            unsigned long seed)
{
  size_t k = (size_t) lsc_young_k (G), d = (size_t) lsc_young_d (G);
  size_t np = lsc_young_nparams (G);
  double *W0 = malloc (k * d * sizeof *W0), *W = malloc (k * d * sizeof *W);
  double *E = malloc (k * d * sizeof *E);
  size_t *pi = malloc (k * sizeof *pi), *rho = malloc (d * sizeof *rho);
  size_t *rinv = malloc (k * sizeof *rinv), *cinv = malloc (d * sizeof *cinv);
  size_t *rp = malloc (k * sizeof *rp), *cp = malloc (d * sizeof *cp);
  size_t *rblk = malloc (k * sizeof *rblk), *cblk = malloc (d * sizeof *cblk);
  CU_ASSERT_FATAL (W0 && W && E && pi && rho && rinv && cinv && rp && cp
                   && rblk && cblk);
  CU_ASSERT_FATAL (lsc_young_embed (W0, p0, G) == LSC_SUCCESS);

  gsl_rng *rng = gsl_rng_alloc (gsl_rng_mt19937);
  gsl_rng_set (rng, seed);
  for (size_t i = 0; i < k; i++)
    pi[i] = i;
  for (size_t j = 0; j < d; j++)
    rho[j] = j;
  gsl_ran_shuffle (rng, pi, k, sizeof *pi);
  gsl_ran_shuffle (rng, rho, d, sizeof *rho);
  double noise2 = 0;
  for (size_t t = 0; t < k; t++)
    for (size_t u = 0; u < d; u++)
      {
        double e = eps * (2 * gsl_rng_uniform (rng) - 1);
        W[pi[t] * d + rho[u]] = W0[t * d + u] + e;
        noise2 += e * e;
      }
  for (size_t t = 0; t < k; t++)
    rinv[pi[t]] = t;
  for (size_t u = 0; u < d; u++)
    cinv[rho[u]] = u;

  /* True block of each block-form row / column. */
  for (size_t r = 0, t = 0; r < G->nrb; r++)
    for (size_t s = 0; s < (size_t) G->rsize[r]; s++)
      rblk[t++] = r;
  for (size_t c = 0, u = 0; c < G->ncb; c++)
    for (size_t s = 0; s < (size_t) G->csize[c]; s++)
      cblk[u++] = c;

  lsc_detect_workspace *w = lsc_detect_alloc (k, d);
  CU_ASSERT_FATAL (w != NULL);
  lsc_young H;
  double p[LSC_DETECT_MAXPARAMS];
  lsc_detect_info info;
  clock_t c0 = clock ();
  int rc = lsc_detect (&H, rp, cp, p, &info, W, k, d, TOL, w);
  double sec = (double) (clock () - c0) / CLOCKS_PER_SEC;
  CU_ASSERT_EQUAL_FATAL (rc, LSC_SUCCESS);

  /* Same group, in the documented canonical order. */
  CU_ASSERT_EQUAL_FATAL (H.nrb, G->nrb);
  CU_ASSERT_EQUAL_FATAL (H.ncb, G->ncb);
  for (size_t r = 0; r < G->nrb; r++)
    {
      CU_ASSERT_EQUAL (H.rsize[r], G->rsize[r]);
      CU_ASSERT_EQUAL (H.pair[r], G->pair[r]);
    }
  for (size_t c = 0; c < G->ncb; c++)
    CU_ASSERT_EQUAL (H.csize[c], G->csize[c]);

  /* Parameters: orbit averages of the noise, so within eps of the truth,
     plus the rounding of an average of n terms, at most n DBL_EPSILON
     relative (recursive summation bound gamma_n with margin 2). */
  double metric[LSC_DETECT_MAXPARAMS], slack[LSC_DETECT_MAXPARAMS];
  double smax = 0, s2 = 0;
  CU_ASSERT_FATAL (lsc_young_metric (metric, G) == LSC_SUCCESS);
  int pok = 1;
  for (size_t i = 0; i < np; i++)
    {
      slack[i] = metric[i] * DBL_EPSILON * (fabs (p0[i]) + eps);
      smax = fmax (smax, slack[i]);
      s2 += metric[i] * slack[i] * slack[i];
      if (!(fabs (p[i] - p0[i]) <= eps + slack[i]))
        pok = 0;
    }
  CU_ASSERT (pok);

  /* Permutations: bijections, rows and columns land in their true blocks,
     and paired rows meet their true partner column. */
  int bij = 1, blocks = 1, pairs = 1;
  for (size_t t = 0; t < k; t++)
    if (rp[t] >= k || pi[rinv[rp[t]]] != rp[t])
      bij = 0;
  for (size_t u = 0; u < d; u++)
    if (cp[u] >= d)
      bij = 0;
  CU_ASSERT_FATAL (bij);
  for (size_t t = 0; t < k; t++)
    for (size_t s = t + 1; s < k; s++)
      if (rp[t] == rp[s])
        bij = 0;
  for (size_t u = 0; u < d; u++)
    for (size_t s = u + 1; s < d; s++)
      if (cp[u] == cp[s])
        bij = 0;
  CU_ASSERT_FATAL (bij);
  for (size_t t = 0; t < k; t++)
    {
      if (rblk[rinv[rp[t]]] != rblk[t])
        blocks = 0;
      if (G->pair[rblk[t]] >= 0 && t < d && cinv[cp[t]] != rinv[rp[t]])
        pairs = 0;
    }
  for (size_t u = 0; u < d; u++)
    if (cblk[cinv[cp[u]]] != cblk[u])
      blocks = 0;
  CU_ASSERT (blocks);
  CU_ASSERT (pairs);

  /* Re-embedding with the found group reproduces W to the noise level. */
  CU_ASSERT_FATAL (lsc_young_embed (E, p, &H) == LSC_SUCCESS);
  double dev = 0;
  for (size_t t = 0; t < k; t++)
    for (size_t u = 0; u < d; u++)
      dev = fmax (dev, fabs (W[rp[t] * d + cp[u]] - E[t * d + u]));
  CU_ASSERT (dev <= 2 * eps + smax);
  CU_ASSERT (fabs (dev - info.maxdev) <= 1e-16);
  /* Projection is the nearest point of Fix(G): closer than the truth. */
  CU_ASSERT (info.dist <= sqrt (noise2) * (1 + 1e-12) + sqrt (s2));
  CU_ASSERT (info.rounds >= 1);

  lsc_detect_free (w);
  gsl_rng_free (rng);
  free (W0), free (W), free (E), free (pi), free (rho), free (rinv);
  free (cinv), free (rp), free (cp), free (rblk), free (cblk);
  return sec;
}

/* Every case with exact input (eps = 0), with noise below tol, and at the
   documented limit (every entry within tol/2 of Fix(G)). */
static void
check_both (const lsc_young *G, const double *p0, unsigned long seed)
{
  check_case (G, p0, 0, seed);
  check_case (G, p0, TOL / 4, seed + 1);
  check_case (G, p0, TOL / 2, seed + 2);
}

static void
test_delta_sd (void)
{
  double s[1] = { 10 };
  lsc_young G = young_kd (s, 1);
  double glob[2] = { 1, 0 };               /* global minimum a I          */
  double f5[2] = { -0.9007, 0.09935 };     /* F5 values, landscape-families(5)     */
  double gen[2] = { 0.7, 0.31 };
  check_both (&G, glob, 11);
  check_both (&G, f5, 13);
  check_both (&G, gen, 15);
}

static void
test_type_a (void)
{
  /* landscape-families(5), type A at d = 20: a, b, c, e, f. */
  double s[2] = { 19, 1 };
  lsc_young G = young_kd (s, 2);
  double p0[5] = { 1.0030, -0.00366, 0.0932, 0.0637, -0.8100 };
  check_both (&G, p0, 21);
  /* F3 and F4 (same isotropy). */
  double f3[5] = { 1.0460, -0.00336, 0.0511, 0.0156, 0.0135 };
  double f4[5] = { -0.8946, 0.10366, -0.00279, 0.01606, 1.0452 };
  check_both (&G, f3, 23);
  check_both (&G, f4, 25);
}

static void
test_b2 (void)
{
  /* landscape-families(5), B2 at d = 20, in lsc_young parameter order: bulk
     diag, bulk off, bulk rows on 2-cols, 2-rows on bulk cols, 2-block diag,
     2-block off. */
  double s[2] = { 18, 2 };
  lsc_young G = young_kd (s, 2);
  double p0[6] = { 1.0048, -0.00780, 0.0946, 0.0647, -0.8215, 0.0819 };
  check_both (&G, p0, 31);
}

static void
test_flipped_p (void)
{
  /* Delta(S_{d-p} x S_p), p = 3, 4, 5 (values in the style of B2). */
  for (size_t q = 3; q <= 5; q++)
    {
      double s[2] = { 20.0 - (double) q, (double) q };
      lsc_young G = young_kd (s, 2);
      double p0[6] = { 1.0071, -0.0118, 0.1012, 0.0701, -0.7853, 0.0905 };
      check_both (&G, p0, 40 + q);
    }
}

static void
test_three_blocks (void)
{
  /* Delta(S_9 x S_5 x S_1): canonical order by decreasing size. */
  double s[3] = { 9, 5, 1 };
  lsc_young G = young_kd (s, 3);
  double p0[11] = { 1.002, -0.004, 0.051, 0.062,     /* row block 0 */
                    0.043, -0.79, 0.083, 0.027,      /* row block 1 */
                    0.118, 0.071, -0.66 };           /* row block 2 */
  check_both (&G, p0, 51);
  /* Two blocks of equal size: ordered by decreasing diagonal value. */
  double s2[3] = { 6, 6, 2 };
  lsc_young G2 = young_kd (s2, 3);
  double p2[12] = { 0.98, 0.012, 0.051, 0.062, 0.043, -0.79, 0.083,
                    0.027, 0.118, 0.071, -0.66, 0.2 };
  check_both (&G2, p2, 53);
}

static void
test_k_ne_d (void)
{
  /* k = d + 1: type A plus an extra neuron (unpaired singleton row); the
     singleton rows are paired by |entry|, so the special row (-0.81) and
     not the extra one (0.33) meets the special column. */
  lsc_young G = { 0 };
  G.nrb = 3;
  G.ncb = 2;
  G.rsize[0] = G.csize[0] = 11;
  G.rsize[1] = G.csize[1] = 1;
  G.rsize[2] = 1;
  G.pair[0] = 0;
  G.pair[1] = 1;
  G.pair[2] = -1;
  double p0[7] = { 1.0030, -0.00366, 0.0932, 0.0637, -0.8100, 0.21, 0.33 };
  check_both (&G, p0, 61);

  /* k = d + 1: Delta S_d plus an extra constant row. */
  lsc_young G1 = { 0 };
  G1.nrb = 2;
  G1.ncb = 1;
  G1.rsize[0] = G1.csize[0] = 12;
  G1.rsize[1] = 1;
  G1.pair[0] = 0;
  G1.pair[1] = -1;
  double p1[3] = { 0.97, 0.021, 0.15 };
  check_both (&G1, p1, 63);

  /* k = d + 2: the extra neurons form an unpaired row block of size 2. */
  G1.rsize[1] = 2;
  check_both (&G1, p1, 65);

  /* k = d - 1: an unpaired column block (a target no neuron covers). */
  lsc_young G2 = { 0 };
  G2.nrb = 1;
  G2.ncb = 2;
  G2.rsize[0] = G2.csize[0] = 9;
  G2.csize[1] = 1;
  G2.pair[0] = 0;
  double p2[3] = { 1.01, -0.02, 0.24 };
  check_both (&G2, p2, 67);

  /* k != d and no diagonal block: one equal-size pair is forced (block 0
     must be paired), here a constant 2 x 2 block. */
  double C[6] = { 0.3, 0.7, 0.3, 0.3, 0.7, 0.3 };
  lsc_young H;
  double p[LSC_DETECT_MAXPARAMS];
  size_t cp[3];
  lsc_detect_workspace *w = lsc_detect_alloc (2, 3);
  CU_ASSERT_FATAL (lsc_detect (&H, NULL, cp, p, NULL, C, 2, 3, TOL, w)
                   == LSC_SUCCESS);
  CU_ASSERT (H.nrb == 1 && H.ncb == 2 && H.pair[0] == 0);
  CU_ASSERT (H.rsize[0] == 2 && H.csize[0] == 2 && H.csize[1] == 1);
  CU_ASSERT (cp[0] == 0 && cp[1] == 2 && cp[2] == 1);
  CU_ASSERT (p[0] == 0.3 && p[1] == 0.3 && p[2] == 0.7);
  lsc_detect_free (w);
}

/* Issue 3 "done when": every catalogue family (data/families.tsv, at its
   reference d) is recovered from a randomly permuted, perturbed copy of its
   embedded W: group in catalogue order, parameters, permutations. */
static void
test_catalogue (void)
{
  char err[256];
  lsc_catalogue *cat = NULL;
  CU_ASSERT_FATAL (lsc_catalogue_read_file (&cat, LSC_SRCDIR
                                            "/data/families.tsv", err,
                                            sizeof err) == LSC_SUCCESS);
  CU_ASSERT (cat->n >= 11);
  for (size_t i = 0; i < cat->n; i++)
    {
      const lsc_family *F = &cat->fam[i];
      CU_ASSERT_FATAL (lsc_young_is_integral (&F->G));
      CU_ASSERT_FATAL (F->nparams == lsc_young_nparams (&F->G));
      check_both (&F->G, F->p, 101 + 3 * i);
    }
  lsc_catalogue_free (cat);
}

static void
test_large (void)
{
  /* d = k = 200, type A values: must be fast (O(k d log)). */
  double s[2] = { 199, 1 };
  lsc_young G = young_kd (s, 2);
  double p0[5] = { 1.0030, -0.00366, 0.0932, 0.0637, -0.8100 };
  double sec = check_case (&G, p0, TOL / 4, 71);
  printf ("\n    detect 200 x 200: %.3f s ", sec);
  CU_ASSERT (sec < 5);
}

/* The output does not depend on the order of rows and columns of W. */
static void
test_invariance (void)
{
  size_t d = 14;
  double s[3] = { 8, 5, 1 };
  lsc_young G = young_kd (s, 3);
  double p0[11] = { 1.002, -0.004, 0.051, 0.062, 0.043, -0.79, 0.083,
                    0.027, 0.118, 0.071, -0.66 };
  double W0[14 * 14], W[14 * 14], p[2][LSC_DETECT_MAXPARAMS];
  size_t pi[14], rho[14], rp[14], cp[14];
  lsc_young H[2];
  CU_ASSERT_FATAL (lsc_young_embed (W0, p0, &G) == LSC_SUCCESS);
  gsl_rng *rng = gsl_rng_alloc (gsl_rng_mt19937);
  lsc_detect_workspace *w = lsc_detect_alloc (d, d);
  for (int rep = 0; rep < 2; rep++)
    {
      gsl_rng_set (rng, 81 + rep);
      for (size_t i = 0; i < d; i++)
        pi[i] = rho[i] = i;
      gsl_ran_shuffle (rng, pi, d, sizeof *pi);
      gsl_ran_shuffle (rng, rho, d, sizeof *rho);
      for (size_t t = 0; t < d; t++)
        for (size_t u = 0; u < d; u++)
          W[pi[t] * d + rho[u]] = W0[t * d + u];
      CU_ASSERT_FATAL (lsc_detect (&H[rep], rp, cp, p[rep], NULL, W, d, d,
                                   TOL, w) == LSC_SUCCESS);
    }
  CU_ASSERT (memcmp (&H[0], &H[1], sizeof H[0]) == 0);
  for (size_t i = 0; i < 11; i++)
    CU_ASSERT (fabs (p[0][i] - p[1][i]) <= 1e-15);
  /* Optional outputs may be NULL. */
  CU_ASSERT (lsc_detect (&H[0], NULL, NULL, NULL, NULL, W, d, d, TOL, w)
             == LSC_SUCCESS);
  lsc_detect_free (w);
  gsl_rng_free (rng);
}

/* A generic matrix: trivial group (k, d <= LSC_YOUNG_MAX) or LSC_EUNSUP. */
static void
test_generic (void)
{
  gsl_rng *rng = gsl_rng_alloc (gsl_rng_mt19937);
  gsl_rng_set (rng, 91);
  double W[30 * 30], E[5 * 5], p[LSC_DETECT_MAXPARAMS];
  size_t rp[30], cp[30];
  for (size_t i = 0; i < 30 * 30; i++)
    W[i] = gsl_ran_gaussian (rng, 1);
  lsc_young H;
  lsc_detect_info info;
  lsc_detect_workspace *w = lsc_detect_alloc (5, 5);
  CU_ASSERT (lsc_detect (&H, rp, cp, p, &info, W, 5, 5, TOL, w)
             == LSC_SUCCESS);
  CU_ASSERT (H.nrb == 5 && H.ncb == 5 && info.nvalues == 25);
  for (size_t r = 0; r < 5; r++)
    CU_ASSERT (H.rsize[r] == 1 && H.csize[r] == 1 && H.pair[r] == (int) r);
  CU_ASSERT (info.dist == 0 && info.maxdev == 0);
  /* Fix(trivial) is everything: the embedding is W itself, permuted. */
  CU_ASSERT_FATAL (lsc_young_embed (E, p, &H) == LSC_SUCCESS);
  for (size_t t = 0; t < 5; t++)
    for (size_t u = 0; u < 5; u++)
      CU_ASSERT (E[t * 5 + u] == W[rp[t] * 5 + cp[u]]);
  /* Greedy pairing: the first pair holds the largest |entry|. */
  double big = 0;
  for (size_t i = 0; i < 25; i++)
    big = fmax (big, fabs (W[i]));
  CU_ASSERT (fabs (W[rp[0] * 5 + cp[0]]) == big);
  lsc_detect_free (w);

  w = lsc_detect_alloc (30, 30);
  info.rounds = 0;
  CU_ASSERT (lsc_detect (&H, rp, cp, p, &info, W, 30, 30, TOL, w)
             == LSC_EUNSUP);
  CU_ASSERT (info.nvalues == 900 && info.rounds == 1);
  lsc_detect_free (w);
  /* Too many rows but few columns: still more than LSC_YOUNG_MAX blocks. */
  w = lsc_detect_alloc (20, 3);
  CU_ASSERT (lsc_detect (&H, rp, cp, p, NULL, W, 20, 3, TOL, w)
             == LSC_EUNSUP);
  lsc_detect_free (w);
  /* A constant 2 x 3 matrix: no classes of equal size, nothing to pair. */
  w = lsc_detect_alloc (2, 3);
  double C[6] = { 0.5, 0.5, 0.5, 0.5, 0.5, 0.5 };
  CU_ASSERT (lsc_detect (&H, rp, cp, p, NULL, C, 2, 3, TOL, w)
             == LSC_EUNSUP);
  lsc_detect_free (w);
  gsl_rng_free (rng);
}

/* Equitable but not Young: LSC_ENOTFIX with the candidate filled. */
static void
test_notfix (void)
{
  size_t d = 5;
  double W[25], p[LSC_DETECT_MAXPARAMS];
  size_t rp[5], cp[5];
  lsc_young H;
  lsc_detect_info info;
  lsc_detect_workspace *w = lsc_detect_alloc (d, d);
  /* Symmetric circulant: 1 on the diagonal, 0.3 next to it, 0.1 else. */
  for (size_t i = 0; i < d; i++)
    for (size_t j = 0; j < d; j++)
      {
        size_t off = (j + d - i) % d;
        W[i * d + j] = off == 0 ? 1 : (off == 1 || off == d - 1) ? 0.3 : 0.1;
      }
  CU_ASSERT (lsc_detect (&H, rp, cp, p, &info, W, d, d, TOL, w)
             == LSC_ENOTFIX);
  CU_ASSERT (H.nrb == 1 && H.rsize[0] == 5 && info.maxdev > TOL);
  lsc_detect_free (w);

  /* Delta(S_4 x S_4) with mirrored values: the block swap is an extra
     symmetry, colour refinement cannot split the blocks (documented). */
  d = 8;
  double M[64];
  w = lsc_detect_alloc (d, d);
  for (size_t i = 0; i < d; i++)
    for (size_t j = 0; j < d; j++)
      M[i * d + j] = i == j ? 0.9 : (i < 4) == (j < 4) ? 0.02 : 0.07;
  CU_ASSERT (lsc_detect (&H, NULL, NULL, NULL, &info, M, d, d, TOL, w)
             == LSC_ENOTFIX);
  lsc_detect_free (w);
}

static void
test_errors (void)
{
  double W[9] = { 1, 0, 0, 0, 1, 0, 0, 0, 1 };
  lsc_young H;
  lsc_detect_workspace *w = lsc_detect_alloc (3, 3);
  CU_ASSERT_FATAL (w != NULL);
  CU_ASSERT (lsc_detect (&H, NULL, NULL, NULL, NULL, W, 3, 3, TOL, w) == 0);
  CU_ASSERT (H.nrb == 1 && H.rsize[0] == 3);
  CU_ASSERT (lsc_detect (&H, NULL, NULL, NULL, NULL, W, 3, 3, 0, w)
             == LSC_EBADTOL);
  CU_ASSERT (lsc_detect (&H, NULL, NULL, NULL, NULL, W, 3, 3, -1e-6, w)
             == LSC_EBADTOL);
  CU_ASSERT (lsc_detect (&H, NULL, NULL, NULL, NULL, W, 3, 3, NAN, w)
             == LSC_EBADTOL);
  CU_ASSERT (lsc_detect (&H, NULL, NULL, NULL, NULL, W, 3, 3, INFINITY, w)
             == LSC_EBADTOL);
  CU_ASSERT (lsc_detect (NULL, NULL, NULL, NULL, NULL, W, 3, 3, TOL, w)
             == LSC_EFAULT);
  CU_ASSERT (lsc_detect (&H, NULL, NULL, NULL, NULL, NULL, 3, 3, TOL, w)
             == LSC_EFAULT);
  CU_ASSERT (lsc_detect (&H, NULL, NULL, NULL, NULL, W, 3, 3, TOL, NULL)
             == LSC_EFAULT);
  CU_ASSERT (lsc_detect (&H, NULL, NULL, NULL, NULL, W, 3, 2, TOL, w)
             == LSC_EBADLEN);
  W[4] = NAN;
  CU_ASSERT (lsc_detect (&H, NULL, NULL, NULL, NULL, W, 3, 3, TOL, w)
             == LSC_ENONFINITE);
  W[4] = -INFINITY;
  CU_ASSERT (lsc_detect (&H, NULL, NULL, NULL, NULL, W, 3, 3, TOL, w)
             == LSC_ENONFINITE);
  lsc_detect_free (w);
  lsc_detect_free (NULL);
  CU_ASSERT (lsc_detect_alloc (0, 3) == NULL);
  CU_ASSERT (lsc_detect_alloc (3, 0) == NULL);
  CU_ASSERT (lsc_detect_alloc ((size_t) -1, 2) == NULL);
}

int
main (void)
{
  static const lsc_test_case cases[] = {
    { "Delta S_d (global, F5, generic)", test_delta_sd },
    { "Delta(S_{d-1} x S_1): type A, F3, F4", test_type_a },
    { "Delta(S_{d-2} x S_2): B2", test_b2 },
    { "Delta(S_{d-p} x S_p), p = 3..5", test_flipped_p },
    { "three blocks, equal sizes", test_three_blocks },
    { "k != d: unpaired rows and columns", test_k_ne_d },
    { "catalogue families (data/families.tsv)", test_catalogue },
    { "d = k = 200", test_large },
    { "invariance under permutation", test_invariance },
    { "generic matrix: trivial group / EUNSUP", test_generic },
    { "non-Young patterns: ENOTFIX", test_notfix },
    { "errors", test_errors },
    { NULL, NULL }
  };
  return lsc_test_run ("detect", cases);
}
