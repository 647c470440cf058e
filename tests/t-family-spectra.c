/* Full vs reduced Hessian spectra of every catalogue family at integer d:
   the family continued from its reference point to d, the full kd x kd
   Hessian of the embedded W diagonalised by LAPACK, and the isotypic
   spectrum expanded with its multiplicities must be the same multiset
   (relative 1e-10) with multiplicities summing to kd.  Default tier: a few
   d per family; expensive tier: every d from the family's first (large
   block >= 3, above its fold) to 40 (issue 4). */
#include <config.h>
#include <stdlib.h>
#include <math.h>
#include "landscape.h"
#include "landscape/lsc_families.h"
#include "testutil.h"

/* Largest kd whose eigenvectors are labelled (d = 24 at k = d). */
#define LABEL_NMAX 600

static int
cmp_double (const void *a, const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

/* Critical point of F at integer d (continued); 0 or a status. */
static int
point_at (double *p, const lsc_family *F, double d)
{
  lsc_family_ws *w = lsc_family_ws_alloc (F->nparams);
  int st = w ? lsc_family_at (p, F, d, w) : LSC_ENOMEM;
  lsc_family_ws_free (w);
  return st;
}

/* Compare at d; returns 1 if compared, 0 if skipped (no point / small). */
static int
compare_at (const lsc_family *F, size_t d)
{
  lsc_young G = F->G;
  if (lsc_young_set_d (&G, (double) d) || G.rsize[0] < 3)
    return 0;
  double p[LSC_FAMILY_MAXP];
  if (point_at (p, F, (double) d))
    return 0;
  size_t k = (size_t) lsc_young_k (&G), n = k * d;
  double *W = malloc (n * sizeof *W), *H = malloc (n * n * sizeof *H);
  double *ev = malloc (n * sizeof *ev), *red = malloc (n * sizeof *red);
  lsc_young_embed (W, p, &G);
  lsc_problem pr = { k, d, d, NULL, NULL, NULL };
  lsc_loss_workspace *lws = lsc_loss_workspace_alloc (k, d, d);
  /* eigenvectors (for the labels) up to n = LABEL_NMAX: with them the
     solves at d = 40 would take the expensive tier several minutes */
  int want_vec = n <= LABEL_NMAX;
  lsc_eigen_workspace *ews = lsc_eigen_workspace_alloc (n, want_vec);
  double *vec = want_vec ? malloc (n * n * sizeof *vec) : NULL;
  CU_ASSERT_EQUAL_FATAL (lsc_loss_hessian (H, W, &pr, lws), 0);
  CU_ASSERT_EQUAL_FATAL (lsc_eigen_symm (ev, vec, H, n, ews), 0);
  lsc_isotypic_workspace *iws = lsc_isotypic_alloc (&G);
  lsc_iso_eigen *out = malloc (lsc_isotypic_max (iws) * sizeof *out);
  size_t nout, m = 0;
  CU_ASSERT_EQUAL_FATAL (lsc_isotypic_spectrum (out, &nout, p, &G, 1e-9, 0, iws), 0);
  double msum = 0;
  for (size_t i = 0; i < nout; i++)
    {
      msum += out[i].mult;
      for (long j = 0; j < lround (out[i].mult) && m < n; j++)
        red[m++] = out[i].value;
    }
  CU_ASSERT (fabs (msum - (double) n) < 1e-6);
  CU_ASSERT_EQUAL (m, n);
  int bad = 0;
  if (m == n)
    {
      qsort (red, n, sizeof *red, cmp_double);
      double scale = fmax (fabs (ev[0]), fabs (ev[n - 1]));
      for (size_t i = 0; i < n; i++)
        if (fabs (red[i] - ev[i]) > 1e-10 * scale)
          bad++;
    }
  CU_ASSERT_EQUAL (bad, 0);
  if (bad || m != n)
    printf ("%s d=%zu: %d eigenvalues differ, %zu of %zu counted\n", F->name,
            d, bad, m, n);
  /* Labels from the eigenvectors (lsc_isotypic_label_full) agree with the
     reduced spectrum: for every group of the full spectrum, the copies of
     each component equal the inner counts of the reduced eigenvalues that
     fall in it. */
  if (!want_vec)
    goto done;
  lsc_eigen_cluster *grp = malloc (n * sizeof *grp);
  size_t ng;
  double scale = fmax (fabs (ev[0]), fabs (ev[n - 1]));
  CU_ASSERT_EQUAL_FATAL (lsc_eigen_group (grp, &ng, ev, n, 1e-9, 0), 0);
  size_t *cnt = malloc (4 * ng * sizeof *cnt);
  CU_ASSERT_EQUAL_FATAL (lsc_isotypic_label_full (cnt, vec, grp, ng, &G), 0);
  int lbad = 0;
  for (size_t g = 0; g < ng; g++)
    {
      size_t want[4] = { 0, 0, 0, 0 };
      for (size_t i = 0; i < nout; i++)
        if (fabs (out[i].value - grp[g].value) <= 1e-8 * scale)
          want[out[i].irrep] += out[i].inner;
      for (int r = 0; r < 4; r++)
        if (cnt[4 * g + r] != want[r])
          lbad++;
    }
  CU_ASSERT_EQUAL (lbad, 0);
  if (lbad)
    printf ("%s d=%zu: %d eigenvector labels differ\n", F->name, d, lbad);
  free (cnt);
  free (grp);
done:
  free (vec);
  free (out);
  lsc_isotypic_free (iws);
  lsc_eigen_workspace_free (ews);
  lsc_loss_workspace_free (lws);
  free (W); free (H); free (ev); free (red);
  return 1;
}

static void
test_catalogue (void)
{
  char err[256], path[1024];
  snprintf (path, sizeof path, "%s/data/families.tsv", LSC_SRCDIR);
  lsc_catalogue *cat = NULL;
  CU_ASSERT_EQUAL_FATAL (lsc_catalogue_read_file (&cat, path, err, sizeof err), 0);
  int all = lsc_test_expensive ();
  for (size_t i = 0; i < cat->n; i++)
    {
      const lsc_family *F = &cat->fam[i];
      /* from 40 down: the first d where the branch cannot be reached (a
         fold, or the large block below 3) ends the family's range */
      size_t small = (size_t) (lsc_young_d (&F->G) - F->G.csize[F->G.pair[0]]);
      size_t dlo = small + 3 > 4 ? small + 3 : 4; /* large block >= 3 */
      size_t first = 0, count = 0;
      for (size_t d = 40; d >= dlo; d--)
        {
          int want = all || d == 20 || d == 13 || d <= dlo + 2;
          if (!want)
            continue;
          /* outside the catalogue's domain the family does not exist
             (Y6-1_aff lives between two folds, 18.73 and 23.64) */
          if (F->has_domain && (d < F->domain.lo || d > F->domain.hi))
            continue;
          if (!compare_at (F, d))
            break; /* below a fold: the branch ends */
          first = d;
          count++;
        }
      /* B2 (fold at 3.43 but L = d - 2 >= 3 from 5) and B3 (fold at 4.56)
         reach dlo or dlo + 1; a family that ends higher (Y6-1_aff, fold
         near 18.73) must end at a located fold below first */
      if (first > dlo + 1)
        {
          /* the family's driver (lsc_family_follow) locates it */
          lsc_family_ws *w = lsc_family_ws_alloc (F->nparams);
          lsc_family_params fp;
          lsc_family_params_init (&fp);
          fp.dmin = (double) dlo;
          fp.dmax = F->d;
          lsc_family_domain dom;
          CU_ASSERT_FATAL (w != NULL);
          CU_ASSERT_EQUAL (lsc_family_follow (NULL, NULL, &dom, F, NULL, 0,
                                              &fp, w), 0);
          CU_ASSERT_EQUAL (dom.end_lo, LSC_END_FOLD);
          CU_ASSERT (dom.lo > (double) dlo && dom.lo < (double) first);
          lsc_family_ws_free (w);
          CU_ASSERT (count >= 1);
        }
      else
        CU_ASSERT (count >= 2);
      CU_ASSERT (first > 0);
      printf ("[%s: d = %zu..40, %zu compared] ", F->name, first, count);
    }
  lsc_catalogue_free (cat);
}

int
main (void)
{
  static const lsc_test_case cases[] = {
    { "catalogue families: full = reduced at integer d", test_catalogue },
    { NULL, NULL },
  };
  return lsc_test_run ("family-spectra", cases);
}
