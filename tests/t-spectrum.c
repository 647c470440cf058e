/* Tests of the spectrum module: eigensolver, grouping and inertia on matrices with prescribed spectra. */
#define _GNU_SOURCE
#include <config.h>
#include <dlfcn.h>
#include <float.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <lapacke.h>
#include <gsl/gsl_rng.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_matrix.h>
#include <gsl/gsl_vector.h>
#include <gsl/gsl_linalg.h>
#include <gsl/gsl_blas.h>
#include <gsl/gsl_eigen.h>
#include <gsl/gsl_errno.h>
#include "landscape/lsc_errno.h"
#include "landscape/lsc_spectrum.h"
#include "testutil.h"

#define EPS DBL_EPSILON
/* The constant c of the bounds c n eps ||A|| (residual) and c n eps
   (orthogonality); LAPACK's own test suite (xSYT21, sep.in) accepts test
   ratios below 50 on the same normalisation, we ask for 10. */
#define CBOUND 10.0

#include "spectrum-fixtures.h"

/* The checks common to every prescribed spectrum: eigenvalues, residual,
   orthogonality, grouping, inertia, and agreement with GSL's independent
   solver (eigenvalues and eigenspaces).  lam is modified (sorted). */
static void
check_prescribed (double *lam, size_t n, unsigned long seed, double rtol,
                  const char *label)
{
  gsl_rng *r = gsl_rng_alloc (gsl_rng_mt19937);
  gsl_rng_set (r, seed);
  double *A = malloc (n * n * sizeof *A), *A0 = malloc (n * n * sizeof *A);
  double *V = malloc (n * n * sizeof *V), *ev = malloc (n * sizeof *ev);
  double *ev2 = malloc (n * sizeof *ev2), *tmp = malloc (n * sizeof *tmp);
  size_t *mult = malloc (n * sizeof *mult);
  lsc_eigen_cluster *grp = malloc (n * sizeof *grp);
  prescribed_matrix (A0, lam, n, r);
  qsort (lam, n, sizeof *lam, cmp_double);
  double anorm = fmax (fabs (lam[0]), fabs (lam[n - 1]));

  lsc_eigen_workspace *ws = lsc_eigen_workspace_alloc (n, 1);
  CU_ASSERT_PTR_NOT_NULL_FATAL (ws);
  memcpy (A, A0, n * n * sizeof *A);
  CU_ASSERT_EQUAL (lsc_eigen_symm (ev, V, A, n, ws), LSC_SUCCESS);

  /* eigenvalues against the prescribed ones */
  double everr = 0.0;
  for (size_t i = 0; i < n; i++)
    {
      CU_ASSERT (i == 0 || ev[i] >= ev[i - 1]);
      everr = fmax (everr, fabs (ev[i] - lam[i]));
    }
  CU_ASSERT (everr <= 1e-12 * anorm);

  /* residual ||A v_j - ev_j v_j|| and orthogonality ||V^T V - I||_F */
  double res = 0.0, orth = 0.0;
  for (size_t j = 0; j < n; j++)
    {
      double s2 = 0.0;   /* squares of s / ||A||: no underflow at 2^-400 */
      for (size_t i = 0; i < n; i++)
        {
          double s = -ev[j] * V[i * n + j];
          for (size_t k = 0; k < n; k++)
            s += A0[i * n + k] * V[k * n + j];
          s2 += (s / anorm) * (s / anorm);
        }
      res = fmax (res, sqrt (s2) * anorm);
    }
  for (size_t j = 0; j < n; j++)
    for (size_t l = 0; l < n; l++)
      {
        double s = (j == l) ? -1.0 : 0.0;
        for (size_t i = 0; i < n; i++)
          s += V[i * n + j] * V[i * n + l];
        orth += s * s;
      }
  orth = sqrt (orth);
  CU_ASSERT (res <= CBOUND * n * EPS * anorm);
  CU_ASSERT (orth <= CBOUND * n * EPS);

  /* values-only route: same eigenvalues to the same accuracy */
  lsc_eigen_workspace *wsn = lsc_eigen_workspace_alloc (n, 0);
  memcpy (A, A0, n * n * sizeof *A);
  CU_ASSERT_EQUAL (lsc_eigen_symm (ev2, NULL, A, n, wsn), LSC_SUCCESS);
  double everr2 = 0.0;
  for (size_t i = 0; i < n; i++)
    everr2 = fmax (everr2, fabs (ev2[i] - lam[i]));
  CU_ASSERT (everr2 <= 1e-12 * anorm);
  lsc_eigen_workspace_free (wsn);

  /* grouping recovers the prescribed multiplicities */
  size_t ng = 0, ngx = exact_groups (mult, lam, n);
  CU_ASSERT_EQUAL (lsc_eigen_group (grp, &ng, ev, n, rtol, 0.0),
                   LSC_SUCCESS);
  CU_ASSERT_EQUAL (ng, ngx);
  for (size_t g = 0, first = 0; g < ng && g < ngx; first += mult[g++])
    {
      CU_ASSERT_EQUAL (grp[g].mult, mult[g]);
      CU_ASSERT_EQUAL (grp[g].first, first);
      CU_ASSERT (fabs (grp[g].value - lam[first]) <= 1e-12 * anorm);
      CU_ASSERT (grp[g].spread <= 1e-12 * anorm);
    }

  /* inertia against the signs of the prescribed values */
  size_t neg = 0, pos = 0;
  for (size_t i = 0; i < n; i++)
    neg += lam[i] < 0, pos += lam[i] > 0;
  lsc_inertia in;
  CU_ASSERT_EQUAL (lsc_inertia_count (&in, ev, n, 1e-12 * anorm),
                   LSC_SUCCESS);
  CU_ASSERT (in.neg == neg && in.pos == pos && in.zero == n - neg - pos);

  /* Independent route: GSL's symmetric QR solver on the same matrix.
     Eigenvalues agree to 1e-12 ||A||; for each group the LAPACK eigenspace
     lies in the GSL one up to Davis-Kahan: sin(angle) <= 2 c n eps ||A|| /
     gap, gap = distance to the nearest other prescribed value. */
  gsl_matrix *Ag = gsl_matrix_alloc (n, n), *Vg = gsl_matrix_alloc (n, n);
  gsl_vector *eg = gsl_vector_alloc (n);
  gsl_eigen_symmv_workspace *gw = gsl_eigen_symmv_alloc (n);
  memcpy (Ag->data, A0, n * n * sizeof *A0);
  CU_ASSERT_EQUAL (gsl_eigen_symmv (Ag, eg, Vg, gw), GSL_SUCCESS);
  gsl_eigen_symmv_sort (eg, Vg, GSL_EIGEN_SORT_VAL_ASC);
  double gdiff = 0.0, angle_ratio = 0.0;
  for (size_t i = 0; i < n; i++)
    gdiff = fmax (gdiff, fabs (gsl_vector_get (eg, i) - ev[i]));
  CU_ASSERT (gdiff <= 1e-12 * anorm);
  for (size_t g = 0; g < ng && ng == ngx; g++)
    {
      size_t f = grp[g].first, m = grp[g].mult;
      double gap = INFINITY;
      if (f > 0)
        gap = fmin (gap, lam[f] - lam[f - 1]);
      if (f + m < n)
        gap = fmin (gap, lam[f + m] - lam[f]);
      if (!isfinite (gap))
        continue;
      /* R = V_L - V_G (V_G^T V_L) restricted to the group's columns */
      double r2 = 0.0;
      for (size_t c = f; c < f + m; c++)
        {
          for (size_t b = f; b < f + m; b++)
            {
              double s = 0.0;
              for (size_t i = 0; i < n; i++)
                s += gsl_matrix_get (Vg, i, b) * V[i * n + c];
              tmp[b - f] = s;
            }
          for (size_t i = 0; i < n; i++)
            {
              double s = V[i * n + c];
              for (size_t b = f; b < f + m; b++)
                s -= gsl_matrix_get (Vg, i, b) * tmp[b - f];
              r2 += s * s;
            }
        }
      double bound = 2.0 * CBOUND * n * EPS * anorm / gap + CBOUND * n * EPS;
      angle_ratio = fmax (angle_ratio, sqrt (r2) / (sqrt ((double) m) * bound));
    }
  CU_ASSERT (angle_ratio <= 1.0);
  printf ("\n    %s n=%zu: |ev-lam| %.2g (values only %.2g) ||A||, res %.2f n eps ||A||, orth "
          "%.2f n eps, gsl %.2g ||A||, subspace %.2g of bound ",
          label, n, everr / anorm, everr2 / anorm, res / (n * EPS * anorm), orth / (n * EPS),
          gdiff / anorm, angle_ratio);

  gsl_eigen_symmv_free (gw);
  gsl_matrix_free (Ag);
  gsl_matrix_free (Vg);
  gsl_vector_free (eg);
  lsc_eigen_workspace_free (ws);
  free (A), free (A0), free (V), free (ev), free (ev2), free (tmp);
  free (mult), free (grp);
  gsl_rng_free (r);
}

/* Multiplicities 1..10 (n = 55) over negative, zero and positive values. */
static void
test_multiplicities (void)
{
  const double vals[10] = { 0.0, -3.0, 7.0, -0.25, 1.0, 2.0, -1.5, 0.5,
                            3.5, 1e-3 };
  double lam[55];
  size_t n = 0;
  for (size_t g = 0; g < 10; g++)
    for (size_t t = 0; t <= g; t++)
      lam[n++] = vals[g];
  check_prescribed (lam, n, 11, 1e-10, "mult 1..10");
}

/* The same spectrum scaled by 2^-400 and 2^490 (exact scalings): the
   solver's relative accuracy must not depend on the magnitude.  At 2^490,
   max|A_ij| exceeds dsyevd's safe range bound 2^485 = sqrt(eps/safmin),
   so its internal rescaling runs.  The small scale stays at 2^-400:
   at 2^-490 and 2^-500 the test passes natively, but under valgrind
   (which runs x87 code in double precision) LAPACK and GSL alike lose
   orthogonality (errors 1e-6), most likely through OpenBLAS's x87 dnrm2,
   which relies on the 80-bit exponent range instead of scaling, while
   dsyevd rescales tiny matrices only up to 2^-485. */
static void
test_scaled (void)
{
  static const int scale[2] = { -400, 490 };
  for (int k = 0; k < 2; k++)
    {
      int e = scale[k];
      double lam[55];
      size_t n = 0;
      for (size_t g = 0; g < 10; g++)
        for (size_t t = 0; t <= g; t++)
          lam[n++] = ldexp ((double) g - 4.0, e);
      check_prescribed (lam, n, 12 + (unsigned long) (e > 0), 1e-10,
                        e < 0 ? "scaled 2^-400" : "scaled 2^490");
    }
}

/* Tight clusters: pairs separated by 1e-9 relative are two groups at
   rtol = 1e-12 and one group at rtol = 1e-7; exact repeats are one group
   at both. */
static void
test_clusters (void)
{
  double lam[40];
  for (size_t g = 0; g < 10; g++)
    {
      double b = ((double) g - 4.5) * 0.75;
      lam[2 * g] = b;
      lam[2 * g + 1] = (g % 2) ? b * (1.0 + 1e-9) : b;
      lam[20 + 2 * g] = lam[21 + 2 * g] = 10.0 + g;   /* exact pairs */
    }
  check_prescribed (lam, 40, 13, 1e-12, "clusters tight");

  /* Coarser tolerance: the 1e-9 pairs merge; spread reports their width. */
  gsl_rng *r = gsl_rng_alloc (gsl_rng_mt19937);
  gsl_rng_set (r, 14);
  double A[1600], ev[40];
  prescribed_matrix (A, lam, 40, r);
  lsc_eigen_workspace *ws = lsc_eigen_workspace_alloc (40, 0);
  CU_ASSERT_EQUAL (lsc_eigen_symm (ev, NULL, A, 40, ws), LSC_SUCCESS);
  lsc_eigen_cluster grp[40];
  size_t ng = 0;
  CU_ASSERT_EQUAL (lsc_eigen_group (grp, &ng, ev, 40, 1e-7, 0.0),
                   LSC_SUCCESS);
  CU_ASSERT_EQUAL (ng, 20);
  for (size_t g = 0; g < ng; g++)
    {
      CU_ASSERT_EQUAL (grp[g].mult, 2);
      double b = lam[2 * g];
      double width = (g < 10 && (g % 2)) ? fabs (b) * 1e-9 : 0.0;
      CU_ASSERT (fabs (grp[g].spread - width) <= 1e-12 * 20.0);
    }
  /* atol alone does the same when rtol = 0 */
  CU_ASSERT_EQUAL (lsc_eigen_group (grp, &ng, ev, 40, 0.0, 1e-6),
                   LSC_SUCCESS);
  CU_ASSERT_EQUAL (ng, 20);
  lsc_eigen_workspace_free (ws);
  gsl_rng_free (r);
}

/* Random distinct values of both signs. */
static void
test_random_distinct (void)
{
  gsl_rng *r = gsl_rng_alloc (gsl_rng_mt19937);
  gsl_rng_set (r, 15);
  double lam[200];
  for (size_t i = 0; i < 200; i++)
    lam[i] = gsl_ran_flat (r, -2.0, 3.0);
  gsl_rng_free (r);
  check_prescribed (lam, 200, 16, 1e-12, "random distinct");
}

/* The two-stage route (values only, n >= 2000): A = H D H^T with H a
   product of three random Householder reflectors, D with multiplicities
   1..10 cycling over values of both signs and zeros. */
static void
test_twostage (void)
{
  size_t n = 2000;
  gsl_rng *r = gsl_rng_alloc (gsl_rng_mt19937);
  gsl_rng_set (r, 18);
  double *A = malloc (n * n * sizeof *A), *lam = malloc (n * sizeof *lam);
  double *ev = malloc (n * sizeof *ev);
  size_t *mult = malloc (n * sizeof *mult);
  lsc_eigen_cluster *grp = malloc (n * sizeof *grp);
  for (size_t i = 0, g = 0; i < n; g++)
    for (size_t t = 0; t <= g % 10 && i < n; t++)
      lam[i++] = ((double) g - 150.0) / 64.0;   /* exact binary values */
  householder_prescribed (A, lam, n, 3, r);
  double anorm = fmax (fabs (lam[0]), fabs (lam[n - 1]));
  lsc_eigen_workspace *ws = lsc_eigen_workspace_alloc (n, 0);
  CU_ASSERT_PTR_NOT_NULL_FATAL (ws);
  lapack_calls_2stage = 0;
  CU_ASSERT_EQUAL (lsc_eigen_symm (ev, NULL, A, n, ws), LSC_SUCCESS);
#ifdef LAPACK_dsyevd_2stage
  CU_ASSERT_EQUAL (lapack_calls_2stage, 1);
#endif
  double everr = 0.0;
  for (size_t i = 0; i < n; i++)
    everr = fmax (everr, fabs (ev[i] - lam[i]));
  CU_ASSERT (everr <= 1e-12 * anorm);
  size_t ng = 0, ngx = exact_groups (mult, lam, n), ok = 0, neg = 0, pos = 0;
  CU_ASSERT_EQUAL (lsc_eigen_group (grp, &ng, ev, n, 1e-10, 0.0),
                   LSC_SUCCESS);
  CU_ASSERT_EQUAL (ng, ngx);
  for (size_t g = 0; g < ng && ng == ngx; g++)
    ok += grp[g].mult == mult[g];
  CU_ASSERT_EQUAL (ok, ngx);
  lsc_inertia in;
  for (size_t i = 0; i < n; i++)
    neg += lam[i] < 0, pos += lam[i] > 0;
  CU_ASSERT_EQUAL (lsc_inertia_count (&in, ev, n, 1e-10 * anorm),
                   LSC_SUCCESS);
  CU_ASSERT (in.neg == neg && in.pos == pos && in.zero == n - neg - pos);
  printf ("\n    two-stage n=%zu: |ev-lam| %.2g ||A||, %zu groups ", n,
          everr / anorm, ng);
  lsc_eigen_workspace_free (ws);
  free (A), free (lam), free (ev), free (mult);
  free (grp);
  gsl_rng_free (r);
}

/* Expensive tier: n = 800 with repeated values (multiplicities 1..39 and
   zeros). */
static void
test_large (void)
{
  if (!lsc_test_expensive ())
    return;
  size_t n = 800, i = 0;
  double *lam = malloc (n * sizeof *lam);
  for (size_t g = 0; i < n; g++)
    for (size_t t = 0; t <= g % 40 && i < n; t++)
      lam[i++] = ((double) (g % 40) - 12.0) * 0.125 + (double) (g / 40);
  check_prescribed (lam, n, 17, 1e-10, "large");
  free (lam);
}

/* Small cases: n = 1, n smaller than the workspace, evec aliasing A, and
   the workspace query made once at allocation, never per solve. */
static void
test_small_and_layout (void)
{
  lapack_queries = lapack_calls = 0;
  lsc_eigen_workspace *ws = lsc_eigen_workspace_alloc (6, 1);
  CU_ASSERT_EQUAL (lapack_queries, 2);   /* values-only and vectors jobs */
  double a1 = -2.5, e1, v1;
  CU_ASSERT_EQUAL (lsc_eigen_symm (&e1, &v1, &a1, 1, ws), LSC_SUCCESS);
  CU_ASSERT (e1 == -2.5 && fabs (v1) == 1.0);

  /* 3 x 3 row-major with known eigenpairs: tridiag(-1, 2, -1) has
     eigenvalues 2 - sqrt2, 2, 2 + sqrt2 with vectors (1, sqrt2, 1)/2,
     (1, 0, -1)/sqrt2, (1, -sqrt2, 1)/2 (closed form). */
  double A[9] = { 2, -1, 0, -1, 2, -1, 0, -1, 2 }, ev[3];
  double ex[3] = { 2 - M_SQRT2, 2, 2 + M_SQRT2 };
  double vx[3][3] = { { 0.5, M_SQRT1_2, 0.5 }, { M_SQRT1_2, 0, -M_SQRT1_2 },
                      { 0.5, -M_SQRT1_2, 0.5 } };
  CU_ASSERT_EQUAL (lsc_eigen_symm (ev, A, A, 3, ws), LSC_SUCCESS);
  for (size_t j = 0; j < 3; j++)
    {
      CU_ASSERT (fabs (ev[j] - ex[j]) <= 8 * EPS);
      double dot = 0.0;   /* column j of the row-major result */
      for (size_t i = 0; i < 3; i++)
        dot += A[i * 3 + j] * vx[j][i];
      CU_ASSERT (fabs (fabs (dot) - 1.0) <= 8 * EPS);
    }
  /* values only through a vectors workspace (the values job is sized too) */
  double B[9] = { 2, -1, 0, -1, 2, -1, 0, -1, 2 };
  CU_ASSERT_EQUAL (lsc_eigen_symm (ev, NULL, B, 3, ws), LSC_SUCCESS);
  for (size_t j = 0; j < 3; j++)
    CU_ASSERT (fabs (ev[j] - ex[j]) <= 8 * EPS);
  CU_ASSERT_EQUAL (lapack_queries, 2);
  CU_ASSERT_EQUAL (lapack_calls, 3);
  lsc_eigen_workspace_free (ws);
  lapack_queries = 0;
  ws = lsc_eigen_workspace_alloc (6, 0);
  CU_ASSERT_EQUAL (lapack_queries, 1);
  lsc_eigen_workspace_free (ws);
  lsc_eigen_workspace_free (NULL);
}

/* ---- every documented error status ---- */
#define EXPECT_ERR(call, status)                                          \
  do {                                                                    \
    hook_calls = 0;                                                       \
    hook_status = 0;                                                      \
    CU_ASSERT_EQUAL ((call), (status));                                   \
    CU_ASSERT_EQUAL (hook_calls, 1);                                      \
    CU_ASSERT_EQUAL (hook_status, (status));                              \
  } while (0)

static void
test_errors_eigen (void)
{
  lsc_error_handler_t *old = lsc_set_error_handler (hook);
  lsc_eigen_workspace *wv = lsc_eigen_workspace_alloc (3, 1);
  lsc_eigen_workspace *wn = lsc_eigen_workspace_alloc (3, 0);
  double A[16] = { 1, 0, 0, 0, 2, 0, 0, 0, 3 }, ev[4], V[16];

  hook_calls = 0;
  CU_ASSERT_PTR_NULL (lsc_eigen_workspace_alloc (0, 1));
  CU_ASSERT (hook_calls == 1 && hook_status == LSC_EINVAL);
  hook_calls = 0;
  CU_ASSERT_PTR_NULL (lsc_eigen_workspace_alloc ((size_t) 1 << 40, 1));
  CU_ASSERT (hook_calls == 1 && hook_status == LSC_EINVAL);

  EXPECT_ERR (lsc_eigen_symm (NULL, V, A, 3, wv), LSC_EFAULT);
  EXPECT_ERR (lsc_eigen_symm (ev, V, NULL, 3, wv), LSC_EFAULT);
  EXPECT_ERR (lsc_eigen_symm (ev, V, A, 3, NULL), LSC_EFAULT);
  EXPECT_ERR (lsc_eigen_symm (ev, V, A, 0, wv), LSC_EINVAL);
  EXPECT_ERR (lsc_eigen_symm (ev, V, A, 4, wv), LSC_EBADLEN);
  EXPECT_ERR (lsc_eigen_symm (ev, V, A, 3, wn), LSC_EINVAL);
  A[3] = NAN;            /* row 1, column 0: in the triangle LAPACK reads */
  EXPECT_ERR (lsc_eigen_symm (ev, V, A, 3, wv), LSC_ENONFINITE);
  A[3] = 0.0;
  {
    /* the strict upper triangle is neither read nor checked (issue 18:
       one triangle assembled and checked, as LAPACK reads it) */
    double B[9] = { 1, NAN, INFINITY, 0, 2, NAN, 0, 0, 3 }, eb[3];
    hook_calls = 0;
    CU_ASSERT_EQUAL (lsc_eigen_symm (eb, NULL, B, 3, wn), LSC_SUCCESS);
    CU_ASSERT (eb[0] == 1.0 && eb[1] == 2.0 && eb[2] == 3.0);
    CU_ASSERT_EQUAL (hook_calls, 0);
  }
  A[3] = -INFINITY;
  EXPECT_ERR (lsc_eigen_symm (ev, NULL, A, 3, wn), LSC_ENONFINITE);
  A[3] = 0.0;
  lapack_fake_info = 2;  /* LAPACK "failed to converge", both jobs */
  EXPECT_ERR (lsc_eigen_symm (ev, V, A, 3, wv), LSC_ELAPACK);
  EXPECT_ERR (lsc_eigen_symm (ev, NULL, A, 3, wn), LSC_ELAPACK);
  lapack_fake_info = 0;
  CU_ASSERT_EQUAL (lsc_eigen_symm (ev, V, A, 3, wv), LSC_SUCCESS);
  CU_ASSERT (ev[0] == 1.0 && ev[1] == 2.0 && ev[2] == 3.0);
  lapack_fake_info = 1;  /* a failing workspace query */
  hook_calls = 0;
  CU_ASSERT_PTR_NULL (lsc_eigen_workspace_alloc (3, 0));
  CU_ASSERT (hook_calls == 1 && hook_status == LSC_ELAPACK);
  lapack_fake_info = 0;

  lsc_eigen_workspace_free (wv);
  lsc_eigen_workspace_free (wn);
  lsc_set_error_handler (old);
}

/* LSC_ENOMEM: in a child process whose address space is capped just above
   its current size, a 2 x 64M-double workspace cannot be allocated.  Not
   under AddressSanitizer, which reserves terabytes of shadow memory. */
static void
test_errors_nomem (void)
{
#if defined(__SANITIZE_ADDRESS__)
  printf ("(skipped under ASan) ");
#else
  fflush (NULL);
  pid_t pid = fork ();
  CU_ASSERT_FATAL (pid >= 0);
  if (pid == 0)
    {
      FILE *f = fopen ("/proc/self/statm", "r");
      unsigned long pages = 0;
      if (!f || fscanf (f, "%lu", &pages) != 1)
        _exit (77);
      fclose (f);
      rlim_t cap = (rlim_t) pages * (rlim_t) sysconf (_SC_PAGESIZE)
                   + ((rlim_t) 256 << 20);
      struct rlimit rl = { cap, cap };
      if (setrlimit (RLIMIT_AS, &rl) != 0)
        _exit (77);
      lsc_set_error_handler (hook);
      hook_calls = 0;
      lsc_eigen_workspace *ws = lsc_eigen_workspace_alloc (8000, 1);
      _exit (ws == NULL && hook_calls == 1 && hook_status == LSC_ENOMEM
             ? 0 : 1);
    }
  int st = 0;
  CU_ASSERT_EQUAL (waitpid (pid, &st, 0), pid);
  CU_ASSERT (WIFEXITED (st) && (WEXITSTATUS (st) == 0
                                || WEXITSTATUS (st) == 77));
  if (WIFEXITED (st) && WEXITSTATUS (st) == 77)
    printf ("(skipped: no /proc or setrlimit) ");
#endif
}

static void
test_errors_group (void)
{
  lsc_error_handler_t *old = lsc_set_error_handler (hook);
  double ev[4] = { -1.0, 0.0, 0.0, 2.0 };
  lsc_eigen_cluster g[4];
  size_t ng;
  lsc_inertia in;
  EXPECT_ERR (lsc_eigen_group (NULL, &ng, ev, 4, 0, 0), LSC_EFAULT);
  EXPECT_ERR (lsc_eigen_group (g, NULL, ev, 4, 0, 0), LSC_EFAULT);
  EXPECT_ERR (lsc_eigen_group (g, &ng, NULL, 4, 0, 0), LSC_EFAULT);
  EXPECT_ERR (lsc_eigen_group (g, &ng, ev, 4, -1e-9, 0), LSC_EBADTOL);
  EXPECT_ERR (lsc_eigen_group (g, &ng, ev, 4, 0, NAN), LSC_EBADTOL);
  EXPECT_ERR (lsc_eigen_group (g, &ng, ev, 4, INFINITY, 0), LSC_EBADTOL);
  double un[3] = { 0.0, 2.0, 1.0 }, nf[3] = { 0.0, NAN, 1.0 };
  EXPECT_ERR (lsc_eigen_group (g, &ng, un, 3, 0, 0), LSC_EINVAL);
  EXPECT_ERR (lsc_eigen_group (g, &ng, nf, 3, 0, 0), LSC_ENONFINITE);
  EXPECT_ERR (lsc_inertia_count (NULL, ev, 4, 0), LSC_EFAULT);
  EXPECT_ERR (lsc_inertia_count (&in, NULL, 4, 0), LSC_EFAULT);
  EXPECT_ERR (lsc_inertia_count (&in, ev, 4, -1.0), LSC_EBADTOL);
  EXPECT_ERR (lsc_inertia_count (&in, ev, 4, NAN), LSC_EBADTOL);
  EXPECT_ERR (lsc_inertia_count (&in, nf, 3, 0), LSC_ENONFINITE);

  /* success paths of the small cases: tol = 0 groups exact repeats only,
     n = 0 gives no groups, inertia boundaries are inclusive */
  hook_calls = 0;
  CU_ASSERT_EQUAL (lsc_eigen_group (g, &ng, ev, 4, 0, 0), LSC_SUCCESS);
  CU_ASSERT (ng == 3 && g[1].mult == 2 && g[1].first == 1
             && g[1].value == 0.0 && g[2].first == 3);
  CU_ASSERT_EQUAL (lsc_eigen_group (g, &ng, ev, 0, 0, 0), LSC_SUCCESS);
  CU_ASSERT_EQUAL (ng, 0);
  double b[5] = { -1.0, -0.5, 0.0, 0.5, 0.75 };
  CU_ASSERT_EQUAL (lsc_inertia_count (&in, b, 5, 0.5), LSC_SUCCESS);
  CU_ASSERT (in.neg == 1 && in.zero == 3 && in.pos == 1);
  CU_ASSERT_EQUAL (hook_calls, 0);
  lsc_set_error_handler (old);
}

int
main (void)
{
  gsl_set_error_handler_off ();
  /* A direct use of liblapacke keeps it a dependency of this program even
     under --as-needed, so that RTLD_NEXT above finds the real routine. */
  if (LAPACKE_dlamch_work ('E') != EPS / 2)
    return 99;
  static const lsc_test_case cases[] = {
    { "multiplicities 1..10, signs", test_multiplicities },
    { "scaled spectra 2^-400, 2^490", test_scaled },
    { "tight clusters vs exact repeats", test_clusters },
    { "random distinct values", test_random_distinct },
    { "n = 2000 values only (two-stage route)", test_twostage },
    { "n = 800 (LSC_EXPENSIVE)", test_large },
    { "n = 1, 3x3 closed form, aliasing, query once", test_small_and_layout },
    { "eigen errors", test_errors_eigen },
    { "eigen ENOMEM", test_errors_nomem },
    { "group and inertia errors", test_errors_group },
    { NULL, NULL }
  };
  return lsc_test_run ("spectrum", cases);
}
