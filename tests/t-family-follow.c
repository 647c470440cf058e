/* Tests of lsc_family_follow, the one driver that continues catalogue
   families in d: folds against landscape-bifurcate's certified values,
   the isotropy along every branch (no jump, no NaN), the domain column of
   the catalogue against recomputation and against the family of larger
   isotropy met at a branch point, and the same point whether a d is asked
   alone or inside a range. */
#include <config.h>
#include <math.h>
#include <string.h>
#include "landscape.h"
#include "landscape/lsc_families.h"
#include "testutil.h"

#define CATALOGUE LSC_SRCDIR "/data/families.tsv"

static lsc_catalogue *
load (void)
{
  char err[256];
  lsc_catalogue *cat = NULL;
  int st = lsc_catalogue_read_file (&cat, CATALOGUE, err, sizeof err);
  if (st)
    fprintf (stderr, "%s\n", err);
  CU_ASSERT_EQUAL_FATAL (st, 0);
  return cat;
}

/* Folds located by landscape-bifurcate (MPFR Newton on the augmented fold
   system, 30 digits agreed at two precisions): a second algorithm. */
static const struct
{
  const char *name;
  double dfold;
} folds[] = { { "B2", 3.43405420995879506458464334336 },
              { "F6", 2.84595116019930387567955468228 },
              { "B3", 4.56396213252452685819152830179 },
              { "B4", 5.63787276505553749489927949743 },
              { "B5", 6.68704770321367312022584202984 },
              { "B6", 7.72270944254454371786074792752 } };

typedef struct
{
  lsc_young G;
  size_t n, nbad;
  double lastloss, lastd, maxjump;
} path_log;

static int
path_cb (const lsc_cont_point *pt, void *data)
{
  path_log *lg = data;
  lg->n++;
  if (!isfinite (pt->loss) || !isfinite (pt->residual)
      || pt->status != (pt->fold ? LSC_EFOLD : LSC_SUCCESS))
    lg->nbad++;
  if (lg->n > 1)
    {
      /* the loss is Lipschitz along a branch: dL/dd stays O(1) */
      double slope = fabs (pt->loss - lg->lastloss)
                     / fmax (fabs (pt->d - lg->lastd), 1e-300);
      lg->maxjump = fmax (lg->maxjump, slope);
    }
  lg->lastloss = pt->loss;
  lg->lastd = pt->d;
  return 0;
}

/* With default settings, continuation from d = 20 downwards stops at the
   fold landscape-bifurcate finds, with no NaN and no jump on the way (the
   symptom: B3 and B6 --to 2 jumped branch, B5 --to 6 printed NaN). */
static void
test_folds_default (void)
{
  lsc_catalogue *cat = load ();
  for (size_t i = 0; i < sizeof folds / sizeof folds[0]; i++)
    {
      const lsc_family *F = lsc_catalogue_find (cat, folds[i].name);
      CU_ASSERT_FATAL (F != NULL);
      lsc_cont_function f;
      lsc_cont_restricted r;
      lsc_cont_restricted_init (&f, &r, &F->G);
      lsc_cont *c = lsc_cont_alloc (f.n);
      path_log lg = { F->G, 0, 0, 0, 0, 0 };
      CU_ASSERT_EQUAL (lsc_cont_set (c, &f, F->p, F->d, -1, NULL), 0);
      CU_ASSERT_EQUAL (lsc_cont_run (c, 1.5, path_cb, &lg), LSC_EFOLD);
      double dd = lsc_cont_current (c)->d;
      if (fabs (dd - folds[i].dfold) > 1e-10)
        fprintf (stderr, "\n%s: fold at %.17g, bifurcate %.17g\n",
                 F->name, dd, folds[i].dfold);
      CU_ASSERT (fabs (dd - folds[i].dfold) <= 1e-10);
      CU_ASSERT_EQUAL (lg.nbad, 0);
      CU_ASSERT (lg.maxjump < 0.1);
      lsc_cont_free (c);
    }
  lsc_catalogue_free (cat);
}

/* Effective fixed-space dimension of G (orbits not empty). */
static size_t
fix_dim (const lsc_young *G)
{
  double m[LSC_FAMILY_MAXP];
  size_t n = lsc_young_nparams (G), k = 0;
  lsc_young_metric (m, G);
  for (size_t i = 0; i < n; i++)
    k += m[i] > 0;
  return k;
}

/* The isotropy of the point along each branch, at every integer d inside
   its domain (ends excluded) up to 24: lsc_detect on the embedded matrix
   finds exactly the family's group (no jump to another branch, no
   accidental extra symmetry), and the loss is finite. */
static void
test_isotropy_along_branches (void)
{
  lsc_catalogue *cat = load ();
  size_t checked = 0;
  for (size_t i = 0; i < cat->n; i++)
    {
      const lsc_family *F = &cat->fam[i];
      CU_ASSERT_FATAL (F->has_domain);
      double d[24];
      size_t nd = 0;
      for (int x = 2; x <= 24; x++)
        if (x > F->domain.lo && x < F->domain.hi)
          d[nd++] = x;
      double *P = malloc ((nd + 1) * F->nparams * sizeof *P);
      int st[24];
      lsc_family_ws *w = lsc_family_ws_alloc (F->nparams);
      CU_ASSERT_EQUAL (lsc_family_follow (P, st, NULL, F, d, nd, NULL, w), 0);
      for (size_t j = 0; j < nd; j++)
        {
          CU_ASSERT_EQUAL (st[j], 0);
          lsc_young G = F->G, D;
          lsc_young_set_d (&G, d[j]);
          size_t k = (size_t) lsc_young_k (&G), n = (size_t) d[j];
          double *W = malloc (k * n * sizeof *W), q[LSC_DETECT_MAXPARAMS], L;
          lsc_young_embed (W, P + j * F->nparams, &G);
          lsc_detect_workspace *dw = lsc_detect_alloc (k, n);
          int ds = lsc_detect (&D, NULL, NULL, q, NULL, W, k, n, 1e-7, dw);
          CU_ASSERT_EQUAL (ds, 0);
          if (ds == 0 && fix_dim (&D) != fix_dim (&G))
            fprintf (stderr, "\n%s at d = %g: isotropy of dimension %zu, "
                     "family %zu\n", F->name, d[j], fix_dim (&D),
                     fix_dim (&G));
          CU_ASSERT (ds == 0 && fix_dim (&D) == fix_dim (&G));
          CU_ASSERT (lsc_restricted_loss_accurate (&L, P + j * F->nparams,
                                                   &G) == 0 && isfinite (L));
          lsc_detect_free (dw);
          free (W);
          checked++;
        }
      lsc_family_ws_free (w);
      free (P);
    }
  CU_ASSERT (checked > 150);
  lsc_catalogue_free (cat);
}

/* The domain column is what the driver computes (regeneration check: it
   is never typed by hand), and at each branch-point end the point is the
   critical point of a family of larger isotropy: F5's (Delta S_d), with
   the same loss, continued independently from F5's own reference point. */
static void
test_domains (void)
{
  lsc_catalogue *cat = load ();
  const lsc_family *F5 = lsc_catalogue_find (cat, "F5");
  CU_ASSERT_FATAL (F5 != NULL);
  size_t nbranch = 0;
  for (size_t i = 0; i < cat->n; i++)
    {
      const lsc_family *F = &cat->fam[i];
      lsc_family_ws *w = lsc_family_ws_alloc (F->nparams);
      lsc_family_domain dom;
      lsc_family_params par;
      lsc_family_params_init (&par);
      /* the upper ends (to d = 1e7, ~0.15 s a family) in the expensive
         tier only */
      if (!lsc_test_expensive ())
        par.dmax = F->d;
      CU_ASSERT_EQUAL (lsc_family_follow (NULL, NULL, &dom, F, NULL, 0, &par,
                                          w), 0);
      CU_ASSERT_EQUAL (dom.end_lo, F->domain.end_lo);
      CU_ASSERT (lsc_test_reldiff (dom.lo, F->domain.lo, 1) <= 1e-9);
      if (lsc_test_expensive ())
        {
          CU_ASSERT_EQUAL (dom.end_hi, F->domain.end_hi);
          CU_ASSERT (lsc_test_reldiff (dom.hi, F->domain.hi, 1) <= 1e-9);
        }
      double p[LSC_FAMILY_MAXP], q[LSC_FAMILY_MAXP], La, Lb;
      /* the branch-point checks below are those of the k = d families
         (their large block ends at size 2, at F5's point); a k = d + m
         family's lower branch end is only re-derived above */
      int kd = lsc_young_k (&F->G) == lsc_young_d (&F->G);
      if (!kd)
        ;
      else if (dom.end_lo == LSC_END_BRANCH && lsc_family_at (p, F, dom.lo, w))
        {
          /* a branch point reached only in the limit (F4 at d = 3 tends to
             a permutation matrix, the global minimum): the family is
             absent from there on */
          lsc_young G = F->G;
          CU_ASSERT_EQUAL (lsc_young_set_d (&G, dom.lo), 0);
          CU_ASSERT_EQUAL (G.rsize[0], 2);
        }
      else if (dom.end_lo == LSC_END_BRANCH)
        {
          /* the B_p (and A) branches end where the large block has size 2,
             at the point of F5 (the two columns of that block swapped) */
          lsc_young G = F->G, H = F5->G;
          lsc_family_ws *w5 = lsc_family_ws_alloc (F5->nparams);
          CU_ASSERT_EQUAL (lsc_family_at (q, F5, dom.lo, w5), 0);
          lsc_family_ws_free (w5);
          lsc_young_set_d (&G, dom.lo);
          lsc_young_set_d (&H, dom.lo);
          CU_ASSERT_EQUAL (G.rsize[0], 2);
          lsc_restricted_loss_accurate (&La, p, &G);
          lsc_restricted_loss_accurate (&Lb, q, &H);
          CU_ASSERT (lsc_test_reldiff (La, Lb, 1e-300) <= 1e-13);
          /* bulk block [[a', b'], [b', a']] = F5's [[b, a], [a, b]] */
          CU_ASSERT (fabs (p[0] - q[1]) <= 1e-10 && fabs (p[1] - q[0]) <= 1e-10);
          /* beyond the end the family is absent (LSC_EDOM) */
          CU_ASSERT_EQUAL (lsc_family_at (p, F, dom.lo - 0.01, w), LSC_EDOM);
          nbranch++;
        }
      lsc_family_ws_free (w);
    }
  CU_ASSERT (nbranch >= 6);  /* A, B2 ... B6 */
  char buf[128];
  lsc_family_domain a = { 6, 1e7, LSC_END_BRANCH, LSC_END_OPEN }, b;
  CU_ASSERT_EQUAL (lsc_family_domain_format (buf, sizeof buf, &a), 0);
  CU_ASSERT_STRING_EQUAL (buf, "6:branch,10000000:open");
  CU_ASSERT_EQUAL (lsc_family_domain_parse (&b, buf), 0);
  CU_ASSERT (b.lo == 6 && b.hi == 1e7 && b.end_lo == LSC_END_BRANCH);
  CU_ASSERT_EQUAL (lsc_family_domain_parse (&b, "6:nope,7:open"), LSC_EPARSE);
  CU_ASSERT_EQUAL (lsc_family_domain_parse (&b, "7:fold,6:open"), LSC_EPARSE);
  CU_ASSERT_EQUAL (lsc_family_domain_parse (&b, "6:fold"), LSC_EPARSE);
  lsc_catalogue_free (cat);
}

/* One d alone and the same d inside a grid give the same point (the path
   does not depend on the question): on 2:20:0.05 and 20:1e6:log20, every
   family; all d in the expensive tier, every 101st in the default. */
static void
test_one_vs_range (void)
{
  lsc_catalogue *cat = load ();
  int all = lsc_test_expensive ();
  double grid[500];
  size_t ng = 0;
  for (int i = 0; i <= 360; i++)
    grid[ng++] = round ((2 + 0.05 * i) * 1e12) / 1e12;
  for (int i = 1; i <= 100; i++)
    grid[ng++] = 20 * pow (10, i / 20.0);
  size_t npairs = 0, ndiff = 0;
  double worst = 0;
  for (size_t f = 0; f < cat->n; f++)
    {
      const lsc_family *F = &cat->fam[f];
      size_t n = F->nparams;
      double *P = malloc (ng * n * sizeof *P), p[LSC_FAMILY_MAXP];
      int st[500];
      lsc_family_ws *w = lsc_family_ws_alloc (n);
      CU_ASSERT_EQUAL (lsc_family_follow (P, st, NULL, F, grid, ng, NULL, w),
                       0);
      for (size_t j = 0; j < ng; j += all ? 1 : 101)
        {
          int s1 = lsc_family_at (p, F, grid[j], w);
          npairs++;
          if (s1 != st[j])
            {
              ndiff++;
              continue;
            }
          if (s1)
            continue;
          for (size_t i = 0; i < n; i++)
            worst = fmax (worst, fabs (p[i] - P[j * n + i])
                                 / (1 + fabs (p[i])));
        }
      lsc_family_ws_free (w);
      free (P);
    }
  fprintf (stderr, "\none d vs range: %zu (family, d) pairs, %zu status "
           "differences, largest parameter difference %.3g\n", npairs, ndiff,
           worst);
  CU_ASSERT_EQUAL (ndiff, 0);
  CU_ASSERT (worst == 0);
  lsc_catalogue_free (cat);
}

int
main (void)
{
  static const lsc_test_case cases[] = {
    { "folds at landscape-bifurcate's d with defaults, no NaN, no jump",
      test_folds_default },
    { "isotropy along every branch (lsc_detect at integer d)",
      test_isotropy_along_branches },
    { "domain column re-derived; branch points meet F5", test_domains },
    { "one d alone = the same d in a range (2:20:0.05, 20:1e6:log20)",
      test_one_vs_range },
    { NULL, NULL } };
  return lsc_test_run ("family-follow", cases);
}
