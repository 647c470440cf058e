/* Tests of the isotypic (reduced) Hessian spectrum: closed forms at W = I,
   agreement with the full LAPACK spectrum at integer d for several groups at
   random points of Fix(G) (equivariance holds at any fixed point), error
   statuses. */
#include <config.h>
#include <stdlib.h>
#include <float.h>
#include <math.h>
#include <gsl/gsl_rng.h>
#include <mpfr.h>
#include <gsl/gsl_randist.h>
#include "landscape.h"
#include "testutil.h"

/* Closed-form spectrum at W = I (lsc_isotypic(3)): six values, multiplicities. */
static void
closed_forms (double *val, double *mult, double d)
{
  double pi = 3.14159265358979323846;
  val[0] = 0.25 - 1 / (2 * pi);
  mult[0] = d * (d - 1) / 2;
  val[1] = 0.25 + 1 / (2 * pi);
  mult[1] = d * (d - 3) / 2;
  /* Evaluated without cancellation (the naive forms lose ~ d eps in the
     smaller roots: 1e-11 relative at d = 1e6):
     (A - r)/(8 pi) = (A^2 - r^2) / ((A + r) 8 pi) with A = pi (d + 2),
     A^2 - r^2 = 4 pi^2 (d + 1) + 16 pi - 16; the smaller root of the 2x2
     block is det / (larger root). */
  double A = pi * (d + 2), r = sqrt (pi * pi * d * d - 16 * pi + 16);
  val[2] = (4 * pi * pi * (d + 1) + 16 * pi - 16) / ((A + r) * 8 * pi);
  val[3] = (A + r) / (8 * pi);
  mult[2] = mult[3] = d - 1;
  double a = 0.5 + (d - 1) / (2 * pi), b = (d - 1) / 4, c = 0.25,
         e = d / 4 + 1 / (2 * pi);
  /* a e ~ d^2 / (8 pi) >> b c ~ d / 16: no cancellation in det; the
     discriminant tr^2/4 - det = (a - e)^2/4 + b c is a sum */
  double det = a * e - b * c;
  double tr = a + e, disc = sqrt ((a - e) * (a - e) / 4 + b * c);
  val[5] = tr / 2 + disc;
  val[4] = det / val[5];
  mult[4] = mult[5] = 1;
}

/* Match each computed eigenvalue to the nearest closed-form value; return
   the worst relative and the worst absolute-over-scale errors and add the
   multiplicities up. */
static void
match (const lsc_iso_eigen *out, size_t n, const double *val, double *msum,
       double *total, double *worst_rel, double *worst_abs, double scale)
{
  for (size_t i = 0; i < n; i++)
    {
      int hit = 0;
      for (int j = 1; j < 6; j++)
        if (fabs (out[i].value - val[j]) < fabs (out[i].value - val[hit]))
          hit = j;
      double err = fabs (out[i].value - val[hit]);
      *worst_rel = fmax (*worst_rel, err / fabs (val[hit]));
      *worst_abs = fmax (*worst_abs, err / scale);
      msum[hit] += out[i].mult;
      *total += out[i].mult;
    }
}

/* W = I: the six closed forms (lsc_isotypic(3)) with their multiplicities, for
   d = 4 .. 1e6.  The accurate path (MPFR at 128 bits, rounded) gives every
   eigenvalue to relative 1e-15 (issue 4); the double path to its
   documented bound, 8 d eps times the largest eigenvalue (measured: 7e-11
   relative for x at d = 1e6, a few ulps at d = 20). */
static void
test_identity_closed_forms (void)
{
  double ds[] = { 4, 5, 8, 20, 100, 1e3, 1e4, 1e6, 7.5 };
  double worst_acc = 0, worst_dbl = 0, dummy = 0;
  for (size_t t = 0; t < sizeof ds / sizeof ds[0]; t++)
    {
      double d = ds[t], val[6], mult[6];
      closed_forms (val, mult, d);
      double scale = fmax (val[3], val[5]);
      lsc_young G;
      double s[1] = { d }, p[2] = { 1, 0 };
      lsc_young_init_kd (&G, s, 1);
      lsc_isotypic_workspace *ws = lsc_isotypic_alloc (&G);
      CU_ASSERT_PTR_NOT_NULL_FATAL (ws);
      lsc_iso_eigen out[64], acc[64];
      size_t n, na;
      CU_ASSERT_EQUAL_FATAL (lsc_isotypic_spectrum (out, &n, p, &G, 1e-12, 0, ws), 0);
      CU_ASSERT_EQUAL_FATAL (lsc_isotypic_spectrum_accurate (acc, &na, p, &G, 1e-12, 0), 0);
      double msum[6] = { 0 }, total = 0, rel = 0, absd = 0;
      match (out, n, val, msum, &total, &dummy, &absd, scale);
      CU_ASSERT (absd <= 8 * d * DBL_EPSILON);
      for (int j = 0; j < 6; j++)
        CU_ASSERT (fabs (msum[j] - mult[j]) <= 1e-9 * d * d);
      CU_ASSERT (fabs (total - d * d) <= 1e-9 * d * d);
      double msa[6] = { 0 }, tota = 0, absa = 0;
      match (acc, na, val, msa, &tota, &rel, &absa, scale);
      CU_ASSERT (rel <= 1e-15);
      for (int j = 0; j < 6; j++)
        CU_ASSERT (fabs (msa[j] - mult[j]) <= 1e-9 * d * d);
      if (rel > 1e-15 || absd > 8 * d * DBL_EPSILON)
        printf ("d=%g: accurate rel %.2g, double abs/scale %.2g\n", d, rel,
                absd);
      worst_acc = fmax (worst_acc, rel);
      double reld = 0, dm[6] = { 0 }, dt = 0, da = 0;
      match (out, n, val, dm, &dt, &reld, &da, scale);
      worst_dbl = fmax (worst_dbl, reld);
      lsc_isotypic_free (ws);
    }
  printf ("[worst relative: accurate %.2g, double %.2g] ", worst_acc,
          worst_dbl);
}

static lsc_young
group (int t, double d)
{
  lsc_young G = { 0 };
  double s[3];
  switch (t)
    {
    case 0: s[0] = d - 1; s[1] = 1; lsc_young_init_kd (&G, s, 2); break;
    case 1: s[0] = d - 2; s[1] = 2; lsc_young_init_kd (&G, s, 2); break;
    case 2: s[0] = d - 3; s[1] = 3; lsc_young_init_kd (&G, s, 2); break;
    case 3: s[0] = d - 3; s[1] = 1; s[2] = 2; lsc_young_init_kd (&G, s, 3); break;
    case 4: s[0] = d; lsc_young_init_kd (&G, s, 1); break;
    case 6: /* Y10_af's shape: the MPFR route keeps the 10 as (8, 1, 1) */
      s[0] = d - 10; s[1] = 10; lsc_young_init_kd (&G, s, 2); break;
    case 7: /* Y5e1_af's (k = d + 1) */
      G.nrb = 3; G.ncb = 2;
      G.rsize[0] = G.csize[0] = d - 5;
      G.rsize[1] = G.csize[1] = 5;
      G.rsize[2] = 1;
      G.pair[0] = 0; G.pair[1] = 1; G.pair[2] = -1;
      break;
    case 8: /* Y10_af's 0+0 split (k = d + 2): 17 blocks as singletons,
               only the compressed route fits LSC_YOUNG_MAX */
      G.nrb = 4; G.ncb = 4;
      G.rsize[0] = G.csize[0] = d - 12;
      G.rsize[1] = G.csize[1] = 10;
      G.rsize[2] = G.rsize[3] = 2;
      G.csize[2] = G.csize[3] = 1;
      G.pair[0] = 0; G.pair[1] = 1; G.pair[2] = -1; G.pair[3] = -1;
      break;
    default: /* k = d + 1 */
      G.nrb = 3; G.ncb = 2;
      G.rsize[0] = G.csize[0] = d - 1;
      G.rsize[1] = G.csize[1] = 1;
      G.rsize[2] = 1;
      G.pair[0] = 0; G.pair[1] = 1; G.pair[2] = -1;
      break;
    }
  return G;
}

static int
cmp_double (const void *a, const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

/* Full Hessian eigenvalues vs the reduced multiset at integer d. */
static void
check_full_vs_reduced (int t, size_t d, gsl_rng *rng)
{
  lsc_young G = group (t, (double) d);
  if (G.rsize[0] < 1)
    return;
  size_t k = (size_t) lsc_young_k (&G), n = k * d;
  size_t np = lsc_young_nparams (&G);
  double p[256];
  for (size_t i = 0; i < np; i++)
    {
      lsc_param_info pi;
      lsc_young_param (&pi, &G, i);
      p[i] = pi.kind == LSC_PARAM_DIAG ? (i % 3 ? 1 : -0.8) + 0.05 * gsl_ran_gaussian (rng, 1)
                                       : 0.1 * gsl_ran_gaussian (rng, 1);
    }
  double *W = malloc (n * sizeof *W), *H = malloc (n * n * sizeof *H);
  double *ev = malloc (n * sizeof *ev), *red = malloc (n * sizeof *red);
  lsc_young_embed (W, p, &G);
  lsc_problem pr = { k, d, d, NULL, NULL, NULL };
  lsc_loss_workspace *lws = lsc_loss_workspace_alloc (k, d, d);
  lsc_eigen_workspace *ews = lsc_eigen_workspace_alloc (n, 0);
  CU_ASSERT_EQUAL_FATAL (lsc_loss_hessian (H, W, &pr, lws), 0);
  CU_ASSERT_EQUAL_FATAL (lsc_eigen_symm (ev, NULL, H, n, ews), 0);
  lsc_isotypic_workspace *ws = lsc_isotypic_alloc (&G);
  CU_ASSERT_PTR_NOT_NULL_FATAL (ws);
  lsc_iso_eigen *out = malloc (lsc_isotypic_max (ws) * sizeof *out);
  size_t nout, m = 0;
  int rc = lsc_isotypic_spectrum (out, &nout, p, &G, 1e-10, 0, ws);
  if (rc)
    printf ("group %d d=%zu: status %d\n", t, d, rc);
  CU_ASSERT_EQUAL_FATAL (rc, 0);
  int bad = 0;
  for (size_t i = 0; i < nout; i++)
    {
      double mu = out[i].mult;
      CU_ASSERT (fabs (mu - round (mu)) < 1e-9);
      for (long j = 0; j < lround (mu) && m < n; j++)
        red[m++] = out[i].value;
    }
  CU_ASSERT_EQUAL (m, n);
  if (m == n)
    {
      qsort (red, n, sizeof *red, cmp_double);
      double scale = fmax (fabs (ev[0]), fabs (ev[n - 1]));
      for (size_t i = 0; i < n; i++)
        if (fabs (red[i] - ev[i]) > 1e-10 * scale)
          bad++;
      CU_ASSERT_EQUAL (bad, 0);
      if (bad)
        printf ("group %d d=%zu: %d eigenvalues differ\n", t, d, bad);
    }
  /* the MPFR route (small blocks of size >= 4 compressed), rounded: the
     same multiset to 1e-10 of the largest */
  size_t nm = lsc_isotypic_max_mpfr (&G);
  lsc_iso_eigen *acc = malloc ((nm ? nm : 1) * sizeof *acc);
  CU_ASSERT (nm > 0);
  if (nm && lsc_isotypic_spectrum_accurate (acc, &nout, p, &G, 1e-10, 0) == 0)
    {
      m = 0;
      for (size_t i = 0; i < nout; i++)
        for (long j = 0; j < lround (acc[i].mult) && m < n; j++)
          red[m++] = acc[i].value;
      CU_ASSERT_EQUAL (m, n);
      qsort (red, m, sizeof *red, cmp_double);
      double scale = fmax (fabs (ev[0]), fabs (ev[n - 1]));
      bad = 0;
      for (size_t i = 0; i < m && m == n; i++)
        if (fabs (red[i] - ev[i]) > 1e-10 * scale)
          bad++;
      CU_ASSERT_EQUAL (bad, 0);
      if (bad)
        printf ("group %d d=%zu: %d accurate eigenvalues differ\n", t, d, bad);
    }
  else
    CU_FAIL ("accurate route failed");
  free (acc);
  free (out);
  lsc_isotypic_free (ws);
  lsc_eigen_workspace_free (ews);
  lsc_loss_workspace_free (lws);
  free (W); free (H); free (ev); free (red);
}

static void
test_full_vs_reduced (void)
{
  gsl_rng *rng = gsl_rng_alloc (gsl_rng_mt19937);
  gsl_rng_set (rng, 7);
  size_t dmax = lsc_test_expensive () ? 40 : 9;
  for (int t = 0; t < 6; t++)
    for (size_t d = 5; d <= dmax; d += lsc_test_expensive () ? 1 : 4)
      check_full_vs_reduced (t, d, rng);
  /* small blocks of size 5 and 10 (compressed on the MPFR route), and a
     group whose singletons need 17 blocks (both routes compressed) */
  static const size_t dy[3][2] = { { 13, 16 }, { 9, 12 }, { 15, 17 } };
  for (int t = 6; t < 9; t++)
    for (size_t d = dy[t - 6][0]; d <= dy[t - 6][1];
         d += lsc_test_expensive () ? 1 : 3)
      check_full_vs_reduced (t, d, rng);
  gsl_rng_free (rng);
}

static void
test_errors (void)
{
  lsc_young G = group (0, 10), H = group (1, 10);
  double p[8] = { 1, 0, 0.1, 0.1, -0.8 }, z[8] = { 1, 0, 0, 0, 0 };
  lsc_isotypic_workspace *ws = lsc_isotypic_alloc (&G);
  lsc_iso_eigen out[64];
  size_t n;
  CU_ASSERT_EQUAL (lsc_isotypic_spectrum (out, &n, p, &H, 1e-9, 0, ws), LSC_EINVAL);
  CU_ASSERT_EQUAL (lsc_isotypic_spectrum (NULL, &n, p, &G, 1e-9, 0, ws), LSC_EFAULT);
  CU_ASSERT_EQUAL (lsc_isotypic_spectrum (out, &n, p, &G, -1, 0, ws), LSC_EBADTOL);
  CU_ASSERT_EQUAL (lsc_isotypic_spectrum (out, &n, z, &G, 1e-9, 0, ws), LSC_EDOM);
  /* the size of block 0 may change: real d */
  lsc_young_set_d (&G, 12.75);
  CU_ASSERT_EQUAL (lsc_isotypic_spectrum (out, &n, p, &G, 1e-9, 0, ws), 0);
  CU_ASSERT_PTR_NULL (lsc_isotypic_alloc (NULL));
  lsc_isotypic_free (ws);
  lsc_isotypic_free (NULL);
  CU_ASSERT_STRING_EQUAL (lsc_irrep_name (LSC_IRREP_Y), "y");
  CU_ASSERT_STRING_EQUAL (lsc_irrep_name (9), "?");
}

/* lsc_isotypic_full against the dense route (lsc_loss_hessian,
   lsc_eigen_symm, lsc_eigen_group) at type A, d = 12 (catalogue
   parameters at d = 20 - any point of Fix(G) will do), rows and columns
   permuted: the same groups, multiplicities and first indices, values
   within 1e-12; the components of each group have dimensions adding up to
   its multiplicity; a generic W has no usable isotropy (LSC_EUNSUP or
   LSC_ENOTFIX); bad arguments give their statuses. */
static void
test_full_route (void)
{
  enum { D = 12, N = D * D };
  const double q[5] = { 1.0030037460070858, -0.0036551406778795631,
                        0.093187408299376176, 0.063714710241327438,
                        -0.81002057561256147 };
  static double W[N], H[N * N], ev[N];
  lsc_eigen_cluster gd[N], gi[N];
  unsigned comp[N];
  size_t ngd = 0, ngi = 0;
  for (size_t i = 0; i < D; i++)
    for (size_t j = 0; j < D; j++)
      W[((5 * i + 2) % D) * D + (7 * j + 3) % D]
          = i < D - 1 ? (j < D - 1 ? (i == j ? q[0] : q[1]) : q[2])
                      : (j < D - 1 ? q[3] : q[4]);
  lsc_problem p = { D, D, D, NULL, NULL, NULL };
  lsc_loss_workspace *ws = lsc_loss_workspace_alloc (D, D, D);
  lsc_eigen_workspace *ew = lsc_eigen_workspace_alloc (N, 0);
  CU_ASSERT_FATAL (ws && ew);
  CU_ASSERT_EQUAL_FATAL (lsc_loss_hessian (H, W, &p, ws), 0);
  CU_ASSERT_EQUAL_FATAL (lsc_eigen_symm (ev, NULL, H, N, ew), 0);
  CU_ASSERT_EQUAL_FATAL (lsc_eigen_group (gd, &ngd, ev, N, 1e-8, 1e-8), 0);
  lsc_young G;
  CU_ASSERT_EQUAL_FATAL (lsc_isotypic_full (gi, comp, &ngi, &G, W, D, D,
                                            1e-12, 1e-8, 1e-8), 0);
  CU_ASSERT_EQUAL (ngi, ngd);
  CU_ASSERT_EQUAL (G.rsize[0], D - 1);
  for (size_t g = 0; g < ngi && g < ngd; g++)
    {
      CU_ASSERT_EQUAL (gi[g].mult, gd[g].mult);
      CU_ASSERT_EQUAL (gi[g].first, gd[g].first);
      CU_ASSERT (fabs (gi[g].value - gd[g].value) <= 1e-12);
      CU_ASSERT (comp[g] != 0 && comp[g] < 16);
    }
  /* a generic W: no usable isotropy */
  for (size_t i = 0; i < N; i++)
    W[i] = sin (1.0 + 3.7 * (double) i);
  lsc_error_handler_t *old = lsc_set_error_handler (NULL);
  int rc = lsc_isotypic_full (gi, comp, &ngi, &G, W, D, D, 1e-12, 1e-8, 1e-8);
  CU_ASSERT (rc == LSC_EUNSUP || rc == LSC_ENOTFIX);
  /* S_4 x S_2^9 at k = d = 22 (diagonal 1, 1, 1, 1, b1, b1, ..., b9, b9):
     18 indices outside the large block, more than the chain's singletons
     fit in LSC_YOUNG_MAX blocks: unsupported, not out of memory */
  {
    enum { K = 22 };
    double *Wd = calloc (K * K, sizeof *Wd);
    lsc_eigen_cluster *g2 = malloc (K * K * sizeof *g2);
    unsigned *c2 = malloc (K * K * sizeof *c2);
    size_t n2 = 0;
    for (size_t i = 0; i < K; i++)
      Wd[i * K + i] = i < 4 ? 1.0 : 0.5 + 0.05 * (double) ((i - 4) / 2);
    rc = lsc_isotypic_full (g2, c2, &n2, &G, Wd, K, K, 1e-12, 1e-8, 1e-8);
    CU_ASSERT_EQUAL (rc, LSC_EUNSUP);
    CU_ASSERT_EQUAL (G.nrb, 10);
    CU_ASSERT_EQUAL (G.rsize[0], 4);
    free (Wd);
    free (g2);
    free (c2);
  }
  /* The MPFR route on seven small blocks of size 2 (14 singletons, none
     compressible): LSC_EUNSUP, a limit of the representation (it said
     LSC_EINVAL, as for an invalid group) */
  {
    lsc_young Y = { 0 };
    double sz[8] = { 6, 2, 2, 2, 2, 2, 2, 2 };
    CU_ASSERT_EQUAL_FATAL (lsc_young_init_kd (&Y, sz, 8), 0);
    size_t np = lsc_young_nparams (&Y), nv = 4, nout = 0;
    mpfr_t *pv = malloc (np * sizeof *pv), *v = malloc (nv * sizeof *v), dd;
    lsc_iso_eigen info[4];
    for (size_t i = 0; i < np; i++)
      mpfr_init_set_d (pv[i], 0.1 + 0.01 * (double) i, MPFR_RNDN);
    for (size_t i = 0; i < nv; i++)
      mpfr_init2 (v[i], 64);
    mpfr_init_set_ui (dd, 20, MPFR_RNDN);
    CU_ASSERT_EQUAL (lsc_isotypic_max_mpfr (&Y), 0);
    CU_ASSERT_EQUAL (lsc_isotypic_spectrum_mpfr (v, info, &nout,
                                                 (const mpfr_t *) pv, &Y, dd,
                                                 0, 0), LSC_EUNSUP);
    for (size_t i = 0; i < np; i++)
      mpfr_clear (pv[i]);
    for (size_t i = 0; i < nv; i++)
      mpfr_clear (v[i]);
    mpfr_clear (dd);
    free (pv);
    free (v);
  }
  CU_ASSERT_EQUAL (lsc_isotypic_full (NULL, comp, &ngi, &G, W, D, D, 1e-12,
                                      1e-8, 1e-8), LSC_EFAULT);
  CU_ASSERT_EQUAL (lsc_isotypic_full (gi, comp, &ngi, &G, W, D, D, 0.0,
                                      1e-8, 1e-8), LSC_EBADTOL);
  CU_ASSERT_EQUAL (lsc_isotypic_full (gi, comp, &ngi, &G, W, 0, D, 1e-12,
                                      1e-8, 1e-8), LSC_EBADLEN);
  lsc_set_error_handler (old);
  lsc_eigen_workspace_free (ew);
  lsc_loss_workspace_free (ws);
}

int
main (void)
{
  static const lsc_test_case cases[] = {
    { "W = I closed forms, d = 4 .. 1e6", test_identity_closed_forms },
    { "full vs reduced at integer d", test_full_vs_reduced },
    { "errors", test_errors },
    { "full spectrum by the isotypic route vs dense", test_full_route },
    { NULL, NULL },
  };
  return lsc_test_run ("isotypic", cases);
}
