/* Hostile numerics (issue 8): zero and near-zero rows, exactly parallel and
   antiparallel rows, scales 1e-150 and 1e150, d = 1, k = 1, k >> d,
   d = 1e9 in the reduced paths, NaN/inf in every input.  Each case must
   give a correct result (checked against the MPFR loss at 256 bits, closed
   forms, or identities) or a documented error status, never a NaN. */
#include <config.h>
#include <float.h>
#include <mpfr.h>
#include "landscape.h"
#include "testutil.h"

#define PREC 256

static void
quiet (const char *reason, const char *file, int line, int status)
{
}

/* MPFR oracle: loss, gradient and (if H) Hessian of (W, V = NULL: I). */
static void
oracle (double *L, double *G, double *H, const double *W, size_t k,
        size_t d, const double *V, size_t m)
{
  size_t nw = k * d, nv = V ? m * d : 0, nh = H ? nw * nw : 0;
  mpfr_t *x = malloc ((2 * nw + nv + nh + 1) * sizeof *x);
  CU_ASSERT_FATAL (x != NULL);
  for (size_t i = 0; i < 2 * nw + nv + nh + 1; i++)
    mpfr_init2 (x[i], PREC);
  mpfr_t *Wm = x, *Gm = x + nw, *Vm = Gm + nw, *Hm = Vm + nv, *Lm = Hm + nh;
  for (size_t i = 0; i < nw; i++)
    mpfr_set_d (Wm[i], W[i], MPFR_RNDN);
  for (size_t i = 0; i < nv; i++)
    mpfr_set_d (Vm[i], V[i], MPFR_RNDN);
  lsc_problem_mpfr p = { k, d, m, V ? (const mpfr_t *) Vm : NULL, NULL,
                         NULL };
  CU_ASSERT_EQUAL (lsc_loss_grad_mpfr (*Lm, Gm, (const mpfr_t *) Wm, &p), 0);
  *L = mpfr_get_d (*Lm, MPFR_RNDN);
  for (size_t i = 0; i < nw; i++)
    G[i] = mpfr_get_d (Gm[i], MPFR_RNDN);
  if (H)
    {
      CU_ASSERT_EQUAL (lsc_loss_hessian_mpfr (Hm, (const mpfr_t *) Wm, &p), 0);
      for (size_t i = 0; i < nh; i++)
        H[i] = mpfr_get_d (Hm[i], MPFR_RNDN);
    }
  for (size_t i = 0; i < 2 * nw + nv + nh + 1; i++)
    mpfr_clear (x[i]);
  free (x);
  mpfr_free_cache ();
}

/* max |a - b| / max(scale, max |b|) */
static double
maxrel (const double *a, const double *b, size_t n, double scale)
{
  double e = 0, s = scale;
  for (size_t i = 0; i < n; i++)
    s = fmax (s, fabs (b[i]));
  for (size_t i = 0; i < n; i++)
    e = fmax (e, fabs (a[i] - b[i]) / s);
  return e;
}

/* Double loss/grad/Hessian against the oracle: loss to relative tolL
   (absolute floor 1e-300), gradient and Hessian to tol of their largest
   entry.  Returns the Hessian status (the caller states which one). */
static int
check_point (const double *W, size_t k, size_t d, const double *V, size_t m,
             double tolL, double tol)
{
  size_t n = k * d;
  lsc_problem p = { k, d, m, V, NULL, NULL };
  lsc_loss_workspace *ws = lsc_loss_workspace_alloc (k, d, m);
  double *G = malloc (n * sizeof *G), *Gr = malloc (n * sizeof *Gr);
  double *H = malloc (n * n * sizeof *H), *Hr = malloc (n * n * sizeof *Hr);
  double L, L2, Lr;
  CU_ASSERT_FATAL (ws && G && Gr && H && Hr);
  CU_ASSERT_EQUAL (lsc_loss (&L, W, &p, ws), 0);
  CU_ASSERT_EQUAL (lsc_loss_grad (&L2, G, W, &p, ws), 0);
  int hs = lsc_loss_hessian (H, W, &p, ws);
  oracle (&Lr, Gr, hs == 0 ? Hr : NULL, W, k, d, V, m);
  CU_ASSERT (isfinite (L) && L == L2);
  CU_ASSERT (lsc_test_reldiff (L, Lr, 1e-300) <= tolL);
  CU_ASSERT (maxrel (G, Gr, n, 0) <= tol);
  if (hs == 0)
    CU_ASSERT (maxrel (H, Hr, n * n, 0) <= tol);
  free (G);
  free (Gr);
  free (H);
  free (Hr);
  lsc_loss_workspace_free (ws);
  return hs;
}

/* A zero row of W or V: LSC_EDOM from every double and MPFR entry point;
   zero vectors in the kernel too. */
static void
test_zero_rows (void)
{
  double W[] = { 1, 0, 0, 0 }, V[] = { 1, 0, -0.0, 0 }, H[16], G[4], L;
  double I2[] = { 1, 0, 0, 1 }, g[2], h[4];
  lsc_problem p = { 2, 2, 2, NULL, NULL, NULL };
  lsc_loss_workspace *ws = lsc_loss_workspace_alloc (2, 2, 2);
  CU_ASSERT_EQUAL (lsc_loss (&L, W, &p, ws), LSC_EDOM);
  CU_ASSERT_EQUAL (lsc_loss_grad (&L, G, W, &p, ws), LSC_EDOM);
  CU_ASSERT_EQUAL (lsc_loss_hessian (H, W, &p, ws), LSC_EDOM);
  p.V = V;
  CU_ASSERT_EQUAL (lsc_loss (&L, I2, &p, ws), LSC_EDOM);
  CU_ASSERT_EQUAL (lsc_kernel (&L, W + 2, I2, 2), LSC_EDOM);
  CU_ASSERT_EQUAL (lsc_kernel_grad (g, I2, W + 2, 2), LSC_EDOM);
  CU_ASSERT_EQUAL (lsc_kernel_hess (h, h, W + 2, I2, 2), LSC_EDOM);
  lsc_loss_workspace_free (ws);
}

/* Rows of norm 1e-150, 1e-300 and 5e-324 (subnormal) next to a unit row:
   loss and gradient agree with MPFR; the Hessian (entries ~ 1/|w_i|) agrees
   with MPFR while it is representable and is LSC_ERANGE beyond. */
static void
test_near_zero_rows (void)
{
  static const double a[] = { 1e-150, 1e-300, 4.9406564584124654e-324 };
  for (size_t t = 0; t < 3; t++)
    {
      double W[] = { a[t], 0.5 * a[t], 0, 0.3, -0.2, 0.9 };
      int hs = check_point (W, 2, 3, NULL, 3, 1e-14, 1e-13);
      CU_ASSERT_EQUAL (hs, t < 2 ? LSC_SUCCESS : LSC_ERANGE);
      /* kernel: gradient bounded (|v|(pi+1)/(2pi)) even at subnormal |w| */
      const double *v = W + 3;
      double g[3], k;
      CU_ASSERT_EQUAL (lsc_kernel_grad (g, W, v, 3), 0);
      CU_ASSERT (isfinite (g[0]) && isfinite (g[1]) && isfinite (g[2]));
      CU_ASSERT_EQUAL (lsc_kernel (&k, W, v, 3), 0);
      CU_ASSERT (k >= 0 && k <= 0.55 * a[t]); /* |w||v| B / 2pi, B <= pi */
    }
}

/* Exactly parallel rows: W = [u; c u] acts as the single neuron (1 + c) u,
   so its loss equals the k = 1 loss; antiparallel rows (theta = pi) and
   both against MPFR, the Hessian included. */
static void
test_parallel_rows (void)
{
  double u[] = { 0.6, -0.3, 0.2 };
  for (int sgn = -1; sgn <= 1; sgn += 2)
    {
      double c = sgn * 0.7;
      double W[6], L2, L1, W1[3];
      for (int x = 0; x < 3; x++)
        {
          W[x] = u[x];
          W[3 + x] = c * u[x];
          W1[x] = (1 + c) * u[x];
        }
      CU_ASSERT_EQUAL (check_point (W, 2, 3, NULL, 3, 1e-13, 1e-13), 0);
      if (sgn > 0)
        {
          lsc_problem p2 = { 2, 3, 3, NULL, NULL, NULL };
          lsc_problem p1 = { 1, 3, 3, NULL, NULL, NULL };
          lsc_loss_workspace *w2 = lsc_loss_workspace_alloc (2, 3, 3);
          lsc_loss_workspace *w1 = lsc_loss_workspace_alloc (1, 3, 3);
          CU_ASSERT_EQUAL (lsc_loss (&L2, W, &p2, w2), 0);
          CU_ASSERT_EQUAL (lsc_loss (&L1, W1, &p1, w1), 0);
          CU_ASSERT (lsc_test_reldiff (L2, L1, 0) <= 1e-14);
          lsc_loss_workspace_free (w2);
          lsc_loss_workspace_free (w1);
        }
    }
  /* a student row exactly on a target row, and exactly opposite */
  double W[] = { 1, 0, 0, -2, 0, 0, 0, 0, 3 };
  CU_ASSERT_EQUAL (check_point (W, 3, 3, NULL, 3, 1e-13, 1e-13), 0);
}

/* W = s W0 and V = s V0 for s = 1e-150 and 1e150: the loss scales as s^2,
   the gradient as s, the Hessian not at all (homogeneity); also against
   MPFR.  Rows near 1e200 overflow the loss: LSC_ERANGE, not a NaN. */
static void
test_scales (void)
{
  double W0[] = { 0.9, 0.2, -0.1, 0.3, 1.1, 0.4 };
  double V0[] = { 1, 0.1, 0, 0.2, 1, -0.3 };
  double L0, G0[6], H0[36];
  lsc_problem p = { 2, 3, 2, V0, NULL, NULL };
  lsc_loss_workspace *ws = lsc_loss_workspace_alloc (2, 3, 2);
  CU_ASSERT_EQUAL (lsc_loss_grad (&L0, G0, W0, &p, ws), 0);
  CU_ASSERT_EQUAL (lsc_loss_hessian (H0, W0, &p, ws), 0);
  static const double s[] = { 1e-150, 1e150 };
  for (int t = 0; t < 2; t++)
    {
      double W[6], V[6], L, G[6], H[36];
      for (int i = 0; i < 6; i++)
        {
          W[i] = s[t] * W0[i];
          V[i] = s[t] * V0[i];
        }
      p.V = V;
      CU_ASSERT_EQUAL (lsc_loss_grad (&L, G, W, &p, ws), 0);
      CU_ASSERT_EQUAL (lsc_loss_hessian (H, W, &p, ws), 0);
      CU_ASSERT (lsc_test_reldiff (L / (s[t] * s[t]), L0, 0) <= 1e-13);
      for (int i = 0; i < 6; i++)
        CU_ASSERT (fabs (G[i] / s[t] - G0[i]) <= 1e-13);
      CU_ASSERT (maxrel (H, H0, 36, 0) <= 1e-13);
      CU_ASSERT_EQUAL (check_point (W, 2, 3, V, 2, 1e-13, 1e-13), 0);
    }
  double Wb[] = { 1e200, 0, 0, 0, 1, 0 }, L, G[6], H[36];
  p.V = NULL;
  lsc_loss_workspace *w3 = lsc_loss_workspace_alloc (2, 3, 3);
  p.m = 3;
  CU_ASSERT_EQUAL (lsc_loss (&L, Wb, &p, w3), LSC_ERANGE);
  CU_ASSERT_EQUAL (lsc_loss_grad (&L, G, Wb, &p, w3), LSC_ERANGE);
  /* The Hessian is homogeneous of degree 0 in W: still representable. */
  CU_ASSERT_EQUAL (lsc_loss_hessian (H, Wb, &p, w3), 0);
  double k, Vb[] = { 1e200, 1, 0 };
  CU_ASSERT_EQUAL (lsc_kernel (&k, Wb, Vb, 3), LSC_ERANGE);
  lsc_loss_workspace_free (w3);
  lsc_loss_workspace_free (ws);
}

/* d = 1, k = 1 and k = 4 (closed forms: f = a relu(x) + b relu(-x) gives
   L = ((a - 1)^2 + b^2) / 4), and k >> d (k = 40, d = 2) against MPFR. */
static void
test_small_dims (void)
{
  double L, W1[] = { 2 }, W4[] = { 1, -1, 2, -3 };
  lsc_problem p = { 1, 1, 1, NULL, NULL, NULL };
  lsc_loss_workspace *ws = lsc_loss_workspace_alloc (1, 1, 1);
  CU_ASSERT_EQUAL (lsc_loss (&L, W1, &p, ws), 0);
  CU_ASSERT (fabs (L - 0.25) <= 1e-16);
  lsc_loss_workspace_free (ws);
  p.k = 4;
  ws = lsc_loss_workspace_alloc (4, 1, 1);
  CU_ASSERT_EQUAL (lsc_loss (&L, W4, &p, ws), 0);
  /* a = 1 + 2 = 3, b = 1 + 3 = 4: ((3 - 1)^2 + 16) / 4 = 5 */
  CU_ASSERT (fabs (L - 5.0) <= 4e-15);
  lsc_loss_workspace_free (ws);
  CU_ASSERT_EQUAL (check_point (W4, 4, 1, NULL, 1, 1e-14, 1e-13), 0);
  double Wk[80];
  for (int i = 0; i < 40; i++)
    {
      Wk[2 * i] = cos (0.37 * i + 0.1) * (1 + 0.01 * i);
      Wk[2 * i + 1] = sin (0.37 * i + 0.1) * (1 + 0.01 * i);
    }
  CU_ASSERT_EQUAL (check_point (Wk, 40, 2, NULL, 2, 1e-12, 1e-12), 0);
}

/* The six W = I eigenvalues (closed forms, lsc_isotypic(3)) at real d (increasing order). */
static void
identity_values (double ev[6], double d)
{
  double pi = 3.14159265358979323846, A = 0.5 + (d - 1) / (2 * pi), B = (d - 1) / 4;
  double C = 0.25, D = d / 4 + 1 / (2 * pi);
  double tr = A + D, det = A * D - B * C, rt = sqrt ((A - D) * (A - D)
                                                     + 4 * B * C);
  double big = 0.5 * (tr + rt);
  double r = sqrt (pi * pi * d * d - 16 * pi + 16), q = pi * (d + 2);
  ev[0] = 0.25 - 1 / (2 * pi);
  /* products instead of differences of nearly equal terms */
  ev[1] = det / big;
  ev[2] = (q * q - r * r) / (8 * pi * (q + r));
  ev[3] = 0.25 + 1 / (2 * pi);
  ev[4] = (q + r) / (8 * pi);
  ev[5] = big;
}

/* d = 1e9 in the reduced paths: at W = I (kd:L) the restricted loss and
   gradient vanish, the isotypic spectrum has the six closed-form values
   and its multiplicities sum to d^2; at d = 1e300 LSC_ERANGE (not a NaN);
   bad dimensions are refused. */
static void
test_reduced_large_d (void)
{
  lsc_young G;
  char err[200];
  CU_ASSERT_FATAL (lsc_isotropy_parse (&G, "kd:L", 20, err, sizeof err) == 0);
  CU_ASSERT_EQUAL (lsc_young_set_d (&G, 1e9), 0);
  size_t np = lsc_young_nparams (&G);
  double p[LSC_FAMILY_MAXP], g[LSC_FAMILY_MAXP], L;
  for (size_t i = 0; i < np; i++)
    {
      lsc_param_info in;
      CU_ASSERT_EQUAL (lsc_young_param (&in, &G, i), 0);
      p[i] = in.kind == LSC_PARAM_DIAG ? 1.0 : 0.0;
    }
  CU_ASSERT_EQUAL (lsc_restricted_grad (&L, g, p, &G), 0);
  /* terms of size d^2 = 1e18 cancel: zero to their rounding */
  CU_ASSERT (fabs (L) <= 1e18 * 1e-15);
  for (size_t i = 0; i < np; i++)
    CU_ASSERT (isfinite (g[i]) && fabs (g[i]) <= 1e18 * 1e-15);
  lsc_isotypic_workspace *iw = lsc_isotypic_alloc (&G);
  CU_ASSERT_FATAL (iw != NULL);
  size_t nmax = lsc_isotypic_max (iw), n = 0;
  lsc_iso_eigen *e = malloc (nmax * sizeof *e);
  CU_ASSERT_EQUAL (lsc_isotypic_spectrum (e, &n, p, &G, 1e-15, 0, iw), 0);
  double ev[6], msum = 0;
  identity_values (ev, 1e9);
  /* Backward-stable bound: 16 eps |H| with |H| = ev[5] ~ d/4 (measured
     error 1.3e-8 = 0.06 eps |H| on the O(1) values). */
  double tol = 16 * DBL_EPSILON * ev[5];
  for (size_t i = 0; i < n; i++)
    {
      int hit = 0;
      CU_ASSERT (isfinite (e[i].value) && isfinite (e[i].mult));
      for (int j = 0; j < 6; j++)
        hit |= fabs (e[i].value - ev[j]) <= tol;
      CU_ASSERT (hit);
      msum += e[i].mult;
    }
  /* six distinct values in seven (component, value) entries: 1/4 - 1/2pi
     appears in s (d - 1) and in x ((d - 1)(d - 2)/2) */
  CU_ASSERT_EQUAL (n, 7);
  CU_ASSERT (fabs (msum - 1e18) <= 1e18 * 1e-15);
  /* d = 1e300: the loss overflows */
  CU_ASSERT_EQUAL (lsc_young_set_d (&G, 1e300), 0);
  CU_ASSERT_EQUAL (lsc_restricted_loss (&L, p, &G), LSC_ERANGE);
  CU_ASSERT_EQUAL (lsc_restricted_grad (&L, g, p, &G), LSC_ERANGE);
  /* non-finite or too small d: refused */
  CU_ASSERT_NOT_EQUAL (lsc_young_set_d (&G, NAN), 0);
  CU_ASSERT_NOT_EQUAL (lsc_young_set_d (&G, INFINITY), 0);
  CU_ASSERT_NOT_EQUAL (lsc_young_set_d (&G, -5), 0);
  CU_ASSERT_NOT_EQUAL (lsc_isotropy_parse (&G, "kd:L", NAN, err, sizeof err),
                       0);
  CU_ASSERT_NOT_EQUAL (lsc_isotropy_parse (&G, "kd:L,1", 1, err, sizeof err),
                       0);
  free (e);
  lsc_isotypic_free (iw);
}

/* NaN, +inf and -inf in every position of W, V, alpha, beta: LSC_ENONFINITE
   from loss, gradient, Hessian and the kernel; in p for the restricted and
   isotypic paths; in a matrix for the eigensolver. */
static void
test_nonfinite (void)
{
  static const double bad[] = { NAN, INFINITY, -INFINITY };
  double W[6] = { 1, 0.1, 0.2, 0.3, 1, 0.1 }, V[6] = { 1, 0, 0, 0, 1, 0 };
  double A[2] = { 1, 1 }, B[2] = { 1, 1 }, L, G[6], H[36];
  double *arr[] = { W, V, A, B };
  size_t len[] = { 6, 6, 2, 2 };
  lsc_problem p = { 2, 3, 2, V, A, B };
  lsc_loss_workspace *ws = lsc_loss_workspace_alloc (2, 3, 2);
  for (int a = 0; a < 4; a++)
    for (size_t i = 0; i < len[a]; i++)
      for (int b = 0; b < 3; b++)
        {
          double keep = arr[a][i];
          arr[a][i] = bad[b];
          CU_ASSERT_EQUAL (lsc_loss (&L, W, &p, ws), LSC_ENONFINITE);
          CU_ASSERT_EQUAL (lsc_loss_grad (&L, G, W, &p, ws), LSC_ENONFINITE);
          CU_ASSERT_EQUAL (lsc_loss_hessian (H, W, &p, ws), LSC_ENONFINITE);
          if (a < 2 && i < 3)
            CU_ASSERT_EQUAL (lsc_kernel (&L, W, V, 3), LSC_ENONFINITE);
          arr[a][i] = keep;
        }
  lsc_loss_workspace_free (ws);

  lsc_young Y;
  char err[200];
  CU_ASSERT_FATAL (lsc_isotropy_parse (&Y, "kd:L,1", 10, err, sizeof err)
                   == 0);
  size_t np = lsc_young_nparams (&Y);
  double pp[LSC_FAMILY_MAXP], g[LSC_FAMILY_MAXP];
  lsc_isotypic_workspace *iw = lsc_isotypic_alloc (&Y);
  lsc_iso_eigen *e = malloc (lsc_isotypic_max (iw) * sizeof *e);
  for (size_t i = 0; i < np; i++)
    for (int b = 0; b < 3; b++)
      {
        size_t n;
        for (size_t j = 0; j < np; j++)
          pp[j] = j == i ? bad[b] : 0.5;
        CU_ASSERT_EQUAL (lsc_restricted_loss (&L, pp, &Y), LSC_ENONFINITE);
        CU_ASSERT_EQUAL (lsc_restricted_grad (&L, g, pp, &Y), LSC_ENONFINITE);
        int rc = lsc_isotypic_spectrum (e, &n, pp, &Y, 1e-9, 0, iw);
        CU_ASSERT (rc != LSC_SUCCESS);
      }
  free (e);
  lsc_isotypic_free (iw);

  double M[4] = { 1, NAN, NAN, 2 }, ev[2];
  lsc_eigen_workspace *ew = lsc_eigen_workspace_alloc (2, 0);
  CU_ASSERT_EQUAL (lsc_eigen_symm (ev, NULL, M, 2, ew), LSC_ENONFINITE);
  M[1] = M[2] = INFINITY;
  CU_ASSERT_EQUAL (lsc_eigen_symm (ev, NULL, M, 2, ew), LSC_ENONFINITE);
  lsc_eigen_workspace_free (ew);
}

int
main (void)
{
  lsc_set_error_handler (quiet);
  static const lsc_test_case cases[] = {
    { "zero rows: LSC_EDOM", test_zero_rows },
    { "near-zero rows 1e-150 .. subnormal", test_near_zero_rows },
    { "parallel and antiparallel rows", test_parallel_rows },
    { "scales 1e-150, 1e150; overflow at 1e200", test_scales },
    { "d = 1, k = 1, k >> d", test_small_dims },
    { "reduced paths at d = 1e9 and 1e300", test_reduced_large_d },
    { "NaN and inf in every input", test_nonfinite },
    { NULL, NULL }
  };
  return lsc_test_run ("hostile", cases);
}
