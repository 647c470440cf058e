/* The double-double Jacobi eigen-solver of the accurate double path
   (src/spectrum/linalg_dd.c) against matrices of known spectrum: A = H D H
   with D diagonal (clusters, exact repeats, zeros) and H a Householder
   reflection, both built in MPFR at 400 bits and rounded to double-double;
   the exact eigenvalues are D's entries, so the oracle does not use the
   code under test.  Also the public path that uses it: the accurate
   isotypic spectrum against MPFR Jacobi at 256 bits. */
#include <config.h>
#include <stdlib.h>
#include <math.h>
#include <mpfr.h>
#include "testutil.h"
#include "landscape.h"
#include "../src/spectrum/linalg_dd.c"

/* D: kind 0 distinct, 1 clusters 1e-9 apart, 2 exact triple repeats,
   3 repeats plus zeros and a 1e-6 smallest value among values up to 50 */
static double
dval (int kind, size_t i, size_t k)
{
  switch (kind)
    {
    case 0:
      return 1.0 + 3.0 * (double) i / (double) k;
    case 1:
      return 0.3 * (double) (i / 4) + 1e-9 * (double) (i % 4);
    case 2:
      return 0.25 + (double) (i / 3) / 7.0;
    default:
      return i % 5 == 0 ? 0.0 : i == 1 ? 1e-6 : 50.0 * (double) (i % 7) / 7.0;
    }
}

/* max |computed - exact| over the spectrum, divided by |A|_F (the scale
   of the documented bound), in *rel, and by max |D| in the return value */
static double
run_case (size_t k, int kind, unsigned seed, double *rel)
{
  mpfr_prec_t p = 400;
  mpfr_t *A = malloc (k * k * sizeof *A), *v = malloc (k * sizeof *v), t, vv;
  double *hi = malloc (k * k * sizeof *hi), *lo = malloc (k * k * sizeof *lo);
  double *ev = malloc (k * sizeof *ev), *el = malloc (k * sizeof *el);
  double *ex = malloc (k * sizeof *ex);
  mpfr_inits2 (p, t, vv, (mpfr_ptr) 0);
  srand (seed);
  mpfr_set_zero (vv, 1);
  for (size_t i = 0; i < k; i++)
    {
      mpfr_init2 (v[i], p);
      mpfr_set_d (v[i], (double) rand () / RAND_MAX - 0.5, MPFR_RNDN);
      mpfr_fma (vv, v[i], v[i], vv, MPFR_RNDN);
    }
  /* A = H D H, H = I - 2 v v^T / (v^T v): A_ij = D_i d_ij - c v_i v_j
     (D_i + D_j) + c^2 v_i v_j (sum_l D_l v_l^2), c = 2 / v^T v */
  mpfr_t c, s;
  mpfr_inits2 (p, c, s, (mpfr_ptr) 0);
  mpfr_ui_div (c, 2, vv, MPFR_RNDN);
  mpfr_set_zero (s, 1);
  for (size_t l = 0; l < k; l++)
    {
      mpfr_sqr (t, v[l], MPFR_RNDN);
      mpfr_mul_d (t, t, dval (kind, l, k), MPFR_RNDN);
      mpfr_add (s, s, t, MPFR_RNDN);
    }
  for (size_t i = 0; i < k; i++)
    for (size_t j = 0; j < k; j++)
      {
        mpfr_ptr a = A[i * k + j];
        mpfr_init2 (a, p);
        mpfr_mul (a, v[i], v[j], MPFR_RNDN);
        mpfr_mul (t, a, s, MPFR_RNDN);
        mpfr_mul (t, t, c, MPFR_RNDN);
        mpfr_set_d (vv, dval (kind, i, k), MPFR_RNDN); /* exact sum */
        mpfr_add_d (vv, vv, dval (kind, j, k), MPFR_RNDN);
        mpfr_mul (a, a, vv, MPFR_RNDN);
        mpfr_sub (a, t, a, MPFR_RNDN);
        mpfr_mul (a, a, c, MPFR_RNDN);
        if (i == j)
          mpfr_add_d (a, a, dval (kind, i, k), MPFR_RNDN);
        hi[i * k + j] = mpfr_get_d (a, MPFR_RNDN);
        mpfr_sub_d (t, a, hi[i * k + j], MPFR_RNDN);
        lo[i * k + j] = mpfr_get_d (t, MPFR_RNDN);
      }
  double dmax = 0, fro = 0;
  for (size_t i = 0; i < k; i++)
    {
      ex[i] = dval (kind, i, k);
      dmax = fmax (dmax, fabs (ex[i]));
      fro += ex[i] * ex[i];
    }
  fro = sqrt (fro);
  for (size_t i = 1; i < k; i++) /* ascending */
    for (size_t j = i; j > 0 && ex[j - 1] > ex[j]; j--)
      {
        double x = ex[j];
        ex[j] = ex[j - 1];
        ex[j - 1] = x;
      }
  int rc = lsc_dd_jacobi (ev, el, hi, lo, k);
  CU_ASSERT_EQUAL (rc, LSC_SUCCESS);
  double worst = 0;
  for (size_t i = 0; i < k; i++)
    {
      /* (ev + el) - ex in double-double, then its size */
      dd e = dd_add ((dd) { ev[i], el[i] }, (dd) { -ex[i], 0.0 });
      worst = fmax (worst, fabs (e.h));
    }
  *rel = fro > 0 ? worst / fro : worst;
  worst = dmax > 0 ? worst / dmax : worst;
  for (size_t i = 0; i < k * k; i++)
    mpfr_clear (A[i]);
  for (size_t i = 0; i < k; i++)
    mpfr_clear (v[i]);
  mpfr_clears (t, vv, c, s, (mpfr_ptr) 0);
  free (A), free (v), free (hi), free (lo), free (ev), free (el), free (ex);
  return worst;
}

static void
test_known_spectra (void)
{
  static const size_t sizes[] = { 1, 2, 3, 8, 9, 17, 40, 64, 123 };
  for (size_t s = 0; s < sizeof sizes / sizeof *sizes; s++)
    for (int kind = 0; kind < 4; kind++)
      {
        size_t k = sizes[s];
        double rel, w = run_case (k, kind, (unsigned) (7 * k + (size_t) kind),
                                  &rel);
        /* k 2^-100 |A|_F is the documented bound (the dd rounding of the
           input alone is 2^-106 |A| per entry) */
        double bound = ldexp ((double) k, -100);
        if (!(rel <= bound) || !(w < 1e-25))
          printf ("\n  k = %zu kind %d: error %.3e |A|_F (bound %.3e), "
                  "%.3e max|D|\n", k, kind, rel, bound, w);
        CU_ASSERT (rel <= bound);
        /* and not merely double accuracy (the test would pass on a plain
           double eigen-solver otherwise) */
        CU_ASSERT (w < 1e-25);
      }
}

static void
test_errors (void)
{
  double hi[4] = { 1, NAN, NAN, 1 }, ev[2], el[2];
  CU_ASSERT_EQUAL (lsc_dd_jacobi (ev, el, hi, NULL, 2), LSC_ENONFINITE);
  hi[1] = hi[2] = 2; /* lo may be NULL */
  CU_ASSERT_EQUAL (lsc_dd_jacobi (ev, el, hi, NULL, 2), LSC_SUCCESS);
  CU_ASSERT (fabs (ev[0] + 1) < 1e-30 && fabs (ev[1] - 3) < 1e-30);
  CU_ASSERT_EQUAL (lsc_dd_jacobi (ev, el, hi, NULL, 0), LSC_SUCCESS);
}

/* The accurate double spectrum (double-double eigen-solver) equals the
   MPFR spectrum at 256 bits rounded to double, for groups whose reduced
   blocks reach order 100 (Y10_af: 122). */
static void
test_accurate_path (void)
{
  lsc_catalogue *set = NULL;
  /* the catalogue from the source tree */
  char err[256];
  if (lsc_catalogue_read_file (&set, LSC_SRCDIR "/data/families.tsv", err,
                               sizeof err) != LSC_SUCCESS)
    {
      CU_FAIL ("cannot load the catalogue");
      return;
    }
  /* Y10_af's 256-bit MPFR Jacobi alone takes about 10 s */
  static const char *names[] = { "B3", "Y6-1_aff", "Y10_af" };
  size_t nf = lsc_test_expensive () ? 3 : 2;
  for (size_t f = 0; f < nf; f++)
    {
      const lsc_family *fam = lsc_catalogue_find (set, names[f]);
      CU_ASSERT_PTR_NOT_NULL_FATAL (fam);
      lsc_young G = fam->G;
      size_t np = lsc_young_nparams (&G), nmax = lsc_isotypic_max_mpfr (&G);
      lsc_iso_eigen *a = malloc (nmax * sizeof *a), *b = malloc (nmax * sizeof *b);
      mpfr_t *v = malloc (nmax * sizeof *v), *pm = malloc (np * sizeof *pm), d;
      for (size_t i = 0; i < nmax; i++)
        mpfr_init2 (v[i], 256);
      for (size_t i = 0; i < np; i++)
        {
          mpfr_init2 (pm[i], 53);
          mpfr_set_d (pm[i], fam->p[i], MPFR_RNDN);
        }
      mpfr_init2 (d, 64);
      mpfr_set_d (d, lsc_young_d (&G), MPFR_RNDN);
      size_t na = 0, nb = 0;
      CU_ASSERT_EQUAL (lsc_isotypic_spectrum_accurate (a, &na, fam->p, &G,
                                                       ldexp (1, -64), 0), 0);
      CU_ASSERT_EQUAL (lsc_isotypic_spectrum_mpfr (v, b, &nb,
                                                   (const mpfr_t *) pm, &G, d,
                                                   ldexp (1, -64), 0), 0);
      CU_ASSERT_EQUAL (na, nb);
      for (size_t i = 0; i < na && i < nb; i++)
        {
          CU_ASSERT_EQUAL (a[i].irrep, b[i].irrep);
          CU_ASSERT_EQUAL (a[i].mult, b[i].mult);
          /* both round the same exact value; at most one ulp apart */
          CU_ASSERT (fabs (a[i].value - b[i].value)
                     <= nextafter (fabs (b[i].value), INFINITY)
                          - fabs (b[i].value));
        }
      for (size_t i = 0; i < nmax; i++)
        mpfr_clear (v[i]);
      for (size_t i = 0; i < np; i++)
        mpfr_clear (pm[i]);
      mpfr_clear (d);
      free (a), free (b), free (v), free (pm);
    }
  lsc_catalogue_free (set);
}

int
main (void)
{
  static const lsc_test_case cases[]
    = { { "known spectra (clusters, repeats, zeros), k = 1..123",
          test_known_spectra },
        { "errors and trivial sizes", test_errors },
        { "accurate isotypic path = MPFR 256 bits (B3, Y6-1_aff; Y10_af expensive)",
          test_accurate_path },
        { NULL, NULL } };
  return lsc_test_run ("linalg-dd", cases);
}
