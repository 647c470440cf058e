/* Tests of the double kernel: Monte Carlo, 2-D quadrature, MPFR angles,
   finite-difference sweeps, invariances, cell forms and error statuses. */
#include <config.h>
#include <gsl/gsl_rng.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_integration.h>
#include <gsl/gsl_linalg.h>
#include <mpfr.h>
#include "landscape/lsc_kernel.h"
#include "landscape/lsc_errno.h"
#include "testutil.h"

#define D 4
static const double PI = 3.14159265358979323846;

/* Random orthogonal D x D matrix: Q of the QR factorisation of a Gaussian
   matrix (GSL). */
static void
random_orthogonal (double *Q, gsl_rng *rng)
{
  gsl_matrix *A = gsl_matrix_alloc (D, D), *q = gsl_matrix_alloc (D, D),
             *r = gsl_matrix_alloc (D, D);
  gsl_vector *tau = gsl_vector_alloc (D);
  for (size_t i = 0; i < D; i++)
    for (size_t j = 0; j < D; j++)
      gsl_matrix_set (A, i, j, gsl_ran_gaussian (rng, 1.0));
  gsl_linalg_QR_decomp (A, tau);
  gsl_linalg_QR_unpack (A, tau, q, r);
  for (size_t i = 0; i < D * D; i++)
    Q[i] = q->data[i];
  gsl_matrix_free (A);
  gsl_matrix_free (q);
  gsl_matrix_free (r);
  gsl_vector_free (tau);
}

/* u = nu e1, v = nv (cos t e1 + sin t e2), e1, e2 the first columns of a
   random orthogonal matrix; E (2 x D) receives e1, e2. */
static void
make_pair (double *u, double *v, double *E, double nu, double nv, double t,
           gsl_rng *rng)
{
  double Q[D * D];
  random_orthogonal (Q, rng);
  for (size_t a = 0; a < D; a++)
    {
      E[a] = Q[a * D + 0];
      E[D + a] = Q[a * D + 1];
      u[a] = nu * E[a];
      v[a] = nv * (cos (t) * E[a] + sin (t) * E[D + a]);
    }
}

/* ---- Monte Carlo: kappa, grad, h2 as Gaussian expectations ---- */
static void
test_monte_carlo (void)
{
  gsl_rng *rng = gsl_rng_alloc (gsl_rng_mt19937);
  gsl_rng_set (rng, 20240601);
  const double angles[] = { 0.0, 1e-3, 0.7, PI / 2, 2.5, PI - 1e-3, PI };
  const size_t N = 60000;
  for (size_t t = 0; t < sizeof angles / sizeof *angles; t++)
    {
      double u[D], v[D], E[2 * D], kap, g[D], h2[D * D];
      make_pair (u, v, E, 1.3, 0.8, angles[t], rng);
      CU_ASSERT_EQUAL_FATAL (lsc_kernel (&kap, u, v, D), 0);
      CU_ASSERT_EQUAL_FATAL (lsc_kernel_grad (g, u, v, D), 0);
      CU_ASSERT_EQUAL_FATAL (lsc_kernel_hess (NULL, h2, u, v, D), 0);
      /* sums and sums of squares of 1 + D + D*D sample quantities */
      double s1[1 + D + D * D] = { 0 }, s2[1 + D + D * D] = { 0 };
      for (size_t n = 0; n < N; n++)
        {
          double x[D], ux = 0, vx = 0, f[1 + D + D * D];
          for (size_t a = 0; a < D; a++)
            {
              x[a] = gsl_ran_gaussian_ziggurat (rng, 1.0);
              ux += u[a] * x[a];
              vx += v[a] * x[a];
            }
          double iu = ux > 0, iv = vx > 0;
          f[0] = iu * ux * iv * vx;
          for (size_t a = 0; a < D; a++)
            {
              f[1 + a] = iu * x[a] * iv * vx;
              for (size_t b = 0; b < D; b++)
                f[1 + D + a * D + b] = iu * iv * x[a] * x[b];
            }
          for (size_t q = 0; q < 1 + D + D * D; q++)
            {
              s1[q] += f[q];
              s2[q] += f[q] * f[q];
            }
        }
      double exact[1 + D + D * D];
      exact[0] = kap;
      for (size_t a = 0; a < D; a++)
        exact[1 + a] = g[a];
      for (size_t a = 0; a < D * D; a++)
        exact[1 + D + a] = h2[a];
      for (size_t q = 0; q < 1 + D + D * D; q++)
        {
          double mean = s1[q] / N;
          double se = sqrt (fmax (s2[q] / N - mean * mean, 0.0) / N);
          /* 5 standard errors; the floor covers quantities that vanish
             identically (e.g. everything at theta = pi). */
          CU_ASSERT (fabs (mean - exact[q]) <= 5.0 * se + 1e-12);
          if (!(fabs (mean - exact[q]) <= 5.0 * se + 1e-12))
            printf ("\n  MC theta=%g q=%zu mean=%g exact=%g se=%g\n",
                    angles[t], q, mean, exact[q], se);
        }
    }
  gsl_rng_free (rng);
}

/* h2(u, u) = I/2 (not I): E[1(u.x>0) x x^T] = I/2 by symmetry x -> -x, and
   checked here by Monte Carlo as well. */
static void
test_h2_limit_zero (void)
{
  gsl_rng *rng = gsl_rng_alloc (gsl_rng_mt19937);
  gsl_rng_set (rng, 7);
  double u[D] = { 0.3, -1.2, 0.5, 0.9 }, h1[D * D], h2[D * D];
  CU_ASSERT_EQUAL_FATAL (lsc_kernel_hess (h1, h2, u, u, D), 0);
  const size_t N = 40000;
  double s[D * D] = { 0 };
  for (size_t n = 0; n < N; n++)
    {
      double x[D], ux = 0;
      for (size_t a = 0; a < D; a++)
        ux += u[a] * (x[a] = gsl_ran_gaussian_ziggurat (rng, 1.0));
      if (ux > 0)
        for (size_t a = 0; a < D * D; a++)
          s[a] += x[a / D] * x[a % D];
    }
  for (size_t a = 0; a < D * D; a++)
    {
      double want = a / D == a % D ? 0.5 : 0.0;
      CU_ASSERT_EQUAL (h2[a], want);
      CU_ASSERT_EQUAL (h1[a], 0.0);
      /* entries of x x^T have variance <= 3: 5 SE = 5 sqrt(3/N) */
      CU_ASSERT (fabs (s[a] / N - want) < 5.0 * sqrt (3.0 / N));
    }
  /* theta = pi: both blocks vanish */
  double w[D];
  for (size_t a = 0; a < D; a++)
    w[a] = -2.0 * u[a];
  CU_ASSERT_EQUAL_FATAL (lsc_kernel_hess (h1, h2, u, w, D), 0);
  for (size_t a = 0; a < D * D; a++)
    CU_ASSERT (fabs (h1[a]) < 1e-16 && fabs (h2[a]) < 1e-16);
  /* tiny angles: continuity towards the limits */
  gsl_rng_free (rng);
}

/* ---- 2-D quadrature in the plane of u and v (polar coordinates) ---- */
typedef struct
{
  double theta;
  int which;
} qpar;

static double
integrand (double phi, void *vp)
{
  const qpar *p = vp;
  double cp = cos (phi), sp = sin (phi), cv = cos (phi - p->theta);
  switch (p->which)
    {
    case 0: return cp * cv;          /* kappa / (|u||v|/pi)        */
    case 1: return cp * cv;          /* grad . e1 / (|v|/pi)       */
    case 2: return sp * cv;          /* grad . e2                  */
    case 3: return cp * cp;          /* e1^T h2 e1 * pi            */
    case 4: return cp * sp;          /* e1^T h2 e2                 */
    default: return sp * sp;         /* e2^T h2 e2                 */
    }
}

static void
test_quadrature (void)
{
  gsl_rng *rng = gsl_rng_alloc (gsl_rng_mt19937);
  gsl_rng_set (rng, 11);
  /* 40-point Gauss-Legendre: the integrands are entire and the interval is
     at most pi long, so the rule is exact to rounding (|error| < 1e-30). */
  gsl_integration_glfixed_table *gl = gsl_integration_glfixed_table_alloc (40);
  const double angles[] = { 1e-6, 0.3, 1.0, PI / 2, 2.2, PI - 1e-6 };
  for (size_t t = 0; t < sizeof angles / sizeof *angles; t++)
    {
      double th = angles[t], u[D], v[D], E[2 * D], kap, g[D], h2[D * D];
      make_pair (u, v, E, 0.7, 1.9, th, rng);
      CU_ASSERT_EQUAL_FATAL (lsc_kernel (&kap, u, v, D), 0);
      CU_ASSERT_EQUAL_FATAL (lsc_kernel_grad (g, u, v, D), 0);
      CU_ASSERT_EQUAL_FATAL (lsc_kernel_hess (NULL, h2, u, v, D), 0);
      double I[6];
      for (int w = 0; w < 6; w++)
        {
          qpar p = { th, w };
          gsl_function F = { integrand, &p };
          /* both ReLUs active on [theta - pi/2, pi/2] */
          I[w] = gsl_integration_glfixed (&F, th - PI / 2, PI / 2, gl) / PI;
        }
      double ge1 = 0, ge2 = 0, h11 = 0, h12 = 0, h22 = 0, hperp = 0;
      for (size_t a = 0; a < D; a++)
        {
          ge1 += g[a] * E[a];
          ge2 += g[a] * E[D + a];
          for (size_t b = 0; b < D; b++)
            {
              h11 += E[a] * h2[a * D + b] * E[b];
              h12 += E[a] * h2[a * D + b] * E[D + b];
              h22 += E[D + a] * h2[a * D + b] * E[D + b];
            }
        }
      /* a direction orthogonal to the plane: trace minus in-plane part */
      for (size_t a = 0; a < D; a++)
        hperp += h2[a * D + a];
      hperp = (hperp - h11 - h22) / (D - 2);
      /* absolute, relative to |u||v|: near pi the quadrature nodes lose
         relative accuracy (kappa near pi is checked against MPFR) */
      CU_ASSERT (fabs (kap - 0.7 * 1.9 * I[0]) < 1e-14);
      CU_ASSERT (fabs (ge1 - 1.9 * I[1]) < 1e-13);
      CU_ASSERT (fabs (ge2 - 1.9 * I[2]) < 1e-13);
      CU_ASSERT (fabs (h11 - I[3]) < 1e-13);
      CU_ASSERT (fabs (h12 - I[4]) < 1e-13);
      CU_ASSERT (fabs (h22 - I[5]) < 1e-13);
      /* out of plane: P(both active) = (pi - theta)/(2 pi) */
      CU_ASSERT (fabs (hperp - (PI - th) / (2 * PI)) < 1e-14);
    }
  gsl_integration_glfixed_table_free (gl);
  gsl_rng_free (rng);
}

/* ---- the angle to a few ulps near 0 and pi, against MPFR at 256 bits ---- */
static double
mpfr_angle (const double *u, const double *v, size_t n, double *kappa,
            double *sine)
{
  mpfr_t nu, nv, dm, dp, t, x;
  mpfr_inits2 (256, nu, nv, dm, dp, t, x, (mpfr_ptr) 0);
  mpfr_set_zero (nu, 1);
  mpfr_set_zero (nv, 1);
  for (size_t a = 0; a < n; a++)
    {
      mpfr_set_d (x, u[a], MPFR_RNDN);
      mpfr_fma (nu, x, x, nu, MPFR_RNDN);
      mpfr_set_d (x, v[a], MPFR_RNDN);
      mpfr_fma (nv, x, x, nv, MPFR_RNDN);
    }
  mpfr_sqrt (nu, nu, MPFR_RNDN);
  mpfr_sqrt (nv, nv, MPFR_RNDN);
  mpfr_set_zero (dm, 1);
  mpfr_set_zero (dp, 1);
  for (size_t a = 0; a < n; a++)
    {
      mpfr_set_d (x, u[a], MPFR_RNDN);
      mpfr_div (x, x, nu, MPFR_RNDN);
      mpfr_set_d (t, v[a], MPFR_RNDN);
      mpfr_div (t, t, nv, MPFR_RNDN);
      mpfr_add (t, x, t, MPFR_RNDN);
      mpfr_fma (dp, t, t, dp, MPFR_RNDN);
      mpfr_mul_2ui (x, x, 1, MPFR_RNDN);
      mpfr_sub (t, x, t, MPFR_RNDN);   /* 2u^ - (u^ + v^) = u^ - v^ */
      mpfr_fma (dm, t, t, dm, MPFR_RNDN);
    }
  mpfr_sqrt (dm, dm, MPFR_RNDN);
  mpfr_sqrt (dp, dp, MPFR_RNDN);
  mpfr_atan2 (t, dm, dp, MPFR_RNDN);
  mpfr_mul_2ui (t, t, 1, MPFR_RNDN);
  double r = mpfr_get_d (t, MPFR_RNDN);
  /* kappa = |u||v| (sin t + (pi - t) cos t) / (2 pi) */
  mpfr_const_pi (x, MPFR_RNDN);
  mpfr_sub (dm, x, t, MPFR_RNDN);
  mpfr_cos (dp, t, MPFR_RNDN);
  mpfr_mul (dm, dm, dp, MPFR_RNDN);
  mpfr_sin (dp, t, MPFR_RNDN);
  *sine = mpfr_get_d (dp, MPFR_RNDN);
  mpfr_add (dm, dm, dp, MPFR_RNDN);
  mpfr_mul (dm, dm, nu, MPFR_RNDN);
  mpfr_mul (dm, dm, nv, MPFR_RNDN);
  mpfr_div (dm, dm, x, MPFR_RNDN);
  mpfr_div_2ui (dm, dm, 1, MPFR_RNDN);
  *kappa = mpfr_get_d (dm, MPFR_RNDN);
  mpfr_clears (nu, nv, dm, dp, t, x, (mpfr_ptr) 0);
  return r;
}

static void
test_angle_ulps (void)
{
  gsl_rng *rng = gsl_rng_alloc (gsl_rng_mt19937);
  gsl_rng_set (rng, 3);
  double worst = 0.0, kworst = 0.0;
  for (double e = 1e-12; e < 2e-3; e *= 3.7)
    for (int anti = 0; anti < 2; anti++)
      {
        double u2[2] = { 1.0, 0.0 }, v2[2] = { anti ? -cos (e) : cos (e), sin (e) };
        double u[D], v[D], p[D], E[2 * D];
        /* a generic pair too: v = u + e |u| p, p a unit vector orthogonal
           to u (rounded: the reference takes the rounded v as given) */
        make_pair (u, p, E, 1.7, 1.0, PI / 2, rng);
        for (size_t a = 0; a < D; a++)
          v[a] = (anti ? -u[a] : u[a]) + e * 1.7 * p[a];
        lsc_kernel_geom g;
        const double *us[2] = { u2, u }, *vs[2] = { v2, v };
        size_t ns[2] = { 2, D };
        for (int c = 0; c < 2; c++)
          {
            CU_ASSERT_EQUAL_FATAL (
                lsc_kernel_geom_init (&g, us[c], vs[c], NULL, ns[c]), 0);
            double kref, kap, sref;
            double ref = mpfr_angle (us[c], vs[c], ns[c], &kref,
                                      &sref);
            double ulps = fabs (g.theta - ref) / (nextafter (ref, 4.0) - ref);
            worst = fmax (worst, ulps);
            CU_ASSERT (ulps <= 4.0);
            /* kappa relative to a few ulps (kappa ~ e^3 near pi) */
            CU_ASSERT_EQUAL (lsc_kernel (&kap, us[c], vs[c], ns[c]), 0);
            double kul = fabs (kap - kref) / (nextafter (kref, 1e300) - kref);
            kworst = fmax (kworst, kul);
            CU_ASSERT (kul <= 8.0);
            /* s = sin(theta) to a few ulps as well */
            CU_ASSERT (lsc_test_reldiff (g.s, sref, 1e-300) < 8e-16);
          }
      }
  printf ("(worst theta %.1f ulp, kappa %.1f ulp) ", worst, kworst);
  gsl_rng_free (rng);
}

/* ---- finite-difference sweeps: error falls like h^2 ---- */

/* which: 0 grad vs d kappa/dw, 1 h1 vs d grad/dw, 2 h2 vs d grad/dv.
   Returns the max abs error for central differences with step h. */
static double
fd_error (int which, const double *w, const double *v, double h)
{
  double an[D * D], wp[D], wm[D], vp[D], vm[D], err = 0.0;
  if (which == 0)
    lsc_kernel_grad (an, w, v, D);
  else
    lsc_kernel_hess (which == 1 ? an : NULL, which == 2 ? an : NULL, w, v, D);
  for (size_t b = 0; b < D; b++)
    {
      memcpy (wp, w, sizeof wp);
      memcpy (wm, w, sizeof wm);
      memcpy (vp, v, sizeof vp);
      memcpy (vm, v, sizeof vm);
      if (which == 2)
        vp[b] += h, vm[b] -= h;
      else
        wp[b] += h, wm[b] -= h;
      if (which == 0)
        {
          double kp, km;
          lsc_kernel (&kp, wp, vp, D);
          lsc_kernel (&km, wm, vm, D);
          err = fmax (err, fabs ((kp - km) / (2 * h) - an[b]));
        }
      else
        {
          double gp[D], gm[D];
          lsc_kernel_grad (gp, wp, vp, D);
          lsc_kernel_grad (gm, wm, vm, D);
          /* column b of the block: derivative of grad along coordinate b */
          for (size_t a = 0; a < D; a++)
            err = fmax (err, fabs ((gp[a] - gm[a]) / (2 * h) - an[a * D + b]));
        }
    }
  return err;
}

static void
test_fd_sweep (void)
{
  const double w[D] = { 0.9, -0.4, 0.3, 1.1 }, v[D] = { 0.2, 0.8, -0.5, 0.7 };
  for (int which = 0; which < 3; which++)
    {
      double h = 1e-2, prev = fd_error (which, w, v, h);
      for (int j = 1; j <= 10; j++)
        {
          h /= 2;
          double e = fd_error (which, w, v, h);
          if (h >= 1e-3)
            {
              /* truncation-dominated range: ratio 4 for an h^2 method */
              CU_ASSERT (prev / e > 3.8 && prev / e < 4.2);
            }
          prev = e;
        }
      CU_ASSERT (prev < 1e-9);
    }
}

/* ---- invariances ---- */
static void
test_invariance (void)
{
  gsl_rng *rng = gsl_rng_alloc (gsl_rng_mt19937);
  gsl_rng_set (rng, 5);
  const double w[D] = { 0.9, -0.4, 0.3, 1.1 }, v[D] = { 0.2, 0.8, -0.5, 0.7 };
  double k0, k1, g0[D], g1[D], a0[D * D], b0[D * D], a1[D * D], b1[D * D];
  double Q[D * D], qw[D], qv[D];
  lsc_kernel (&k0, w, v, D);
  lsc_kernel_grad (g0, w, v, D);
  lsc_kernel_hess (a0, b0, w, v, D);
  /* rotation: kappa(Qw,Qv) = kappa, grad -> Q grad, blocks -> Q h Q^T */
  for (int rep = 0; rep < 5; rep++)
    {
      random_orthogonal (Q, rng);
      for (size_t a = 0; a < D; a++)
        {
          qw[a] = qv[a] = 0;
          for (size_t b = 0; b < D; b++)
            qw[a] += Q[a * D + b] * w[b], qv[a] += Q[a * D + b] * v[b];
        }
      lsc_kernel (&k1, qw, qv, D);
      lsc_kernel_grad (g1, qw, qv, D);
      lsc_kernel_hess (a1, b1, qw, qv, D);
      CU_ASSERT (lsc_test_reldiff (k0, k1, 0) < 1e-14);
      for (size_t a = 0; a < D; a++)
        {
          double qg = 0;
          for (size_t b = 0; b < D; b++)
            qg += Q[a * D + b] * g0[b];
          CU_ASSERT (fabs (qg - g1[a]) < 1e-14);
          for (size_t b = 0; b < D; b++)
            {
              double qa = 0, qb = 0;
              for (size_t x = 0; x < D; x++)
                for (size_t z = 0; z < D; z++)
                  {
                    qa += Q[a * D + x] * a0[x * D + z] * Q[b * D + z];
                    qb += Q[a * D + x] * b0[x * D + z] * Q[b * D + z];
                  }
              CU_ASSERT (fabs (qa - a1[a * D + b]) < 1e-14);
              CU_ASSERT (fabs (qb - b1[a * D + b]) < 1e-14);
            }
        }
    }
  /* homogeneity: kappa(s w, t v) = s t kappa; grad -> t grad;
     h1 -> (t/s) h1; h2 unchanged.  Powers of two: exact scaling. */
  double sw[D], tv[D], s = 4.0, t = 0.125;
  for (size_t a = 0; a < D; a++)
    sw[a] = s * w[a], tv[a] = t * v[a];
  lsc_kernel (&k1, sw, tv, D);
  lsc_kernel_grad (g1, sw, tv, D);
  lsc_kernel_hess (a1, b1, sw, tv, D);
  CU_ASSERT (lsc_test_reldiff (k1, s * t * k0, 0) < 1e-15);
  for (size_t a = 0; a < D; a++)
    CU_ASSERT (fabs (g1[a] - t * g0[a]) < 1e-15);
  for (size_t a = 0; a < D * D; a++)
    {
      CU_ASSERT (fabs (a1[a] - t / s * a0[a]) < 1e-15);
      CU_ASSERT (fabs (b1[a] - b0[a]) < 1e-15);
    }
  /* Euler relations: h1 w = 0 (grad is 0-homogeneous in w) and
     h2 v = grad (grad is 1-homogeneous in v) */
  for (size_t a = 0; a < D; a++)
    {
      double h1w = 0, h2v = 0;
      for (size_t b = 0; b < D; b++)
        h1w += a0[a * D + b] * w[b], h2v += b0[a * D + b] * v[b];
      CU_ASSERT (fabs (h1w) < 1e-15);
      CU_ASSERT (fabs (h2v - g0[a]) < 1e-15);
    }
  /* symmetry: kappa(u,v) = kappa(v,u), h2(v,u) = h2(u,v)^T */
  lsc_kernel (&k1, v, w, D);
  lsc_kernel_hess (NULL, b1, v, w, D);
  CU_ASSERT (lsc_test_reldiff (k0, k1, 0) < 1e-15);
  for (size_t a = 0; a < D; a++)
    for (size_t b = 0; b < D; b++)
      CU_ASSERT (fabs (b1[a * D + b] - b0[b * D + a]) < 1e-15);
  gsl_rng_free (rng);
}

/* ---- weighted cells = ordinary vectors with repeated coordinates ---- */
static void
test_cells (void)
{
  enum { NC = 3, DE = 6 };
  const double wt[NC] = { 1, 2, 3 };
  const double u[NC] = { 0.8, -0.3, 0.5 }, v[NC] = { 0.1, 0.6, 0.4 };
  const double x[NC] = { 1.5, 0.2, -0.7 }, y[NC] = { -0.4, 0.9, 0.3 };
  double ue[DE], ve[DE], xe[DE], ye[DE];
  size_t e = 0;
  for (size_t c = 0; c < NC; c++)
    for (int r = 0; r < (int) wt[c]; r++, e++)
      ue[e] = u[c], ve[e] = v[c], xe[e] = x[c], ye[e] = y[c];
  lsc_kernel_geom g, ge;
  CU_ASSERT_EQUAL_FATAL (lsc_kernel_geom_init (&g, u, v, wt, NC), 0);
  CU_ASSERT_EQUAL_FATAL (lsc_kernel_geom_init (&ge, ue, ve, NULL, DE), 0);
  CU_ASSERT (fabs (g.theta - ge.theta) < 1e-15);
  CU_ASSERT (lsc_test_reldiff (lsc_kernel_geom_value (&g),
                               lsc_kernel_geom_value (&ge), 0) < 1e-15);
  double gr[NC], gre[DE], h1[DE * DE], h2[DE * DE];
  CU_ASSERT_EQUAL (lsc_kernel_grad_w (gr, &g, u, v, NC), 0);
  lsc_kernel_grad (gre, ue, ve, DE);
  lsc_kernel_hess (h1, h2, ue, ve, DE);
  double f1 = 0, f2 = 0;
  e = 0;
  for (size_t c = 0; c < NC; c++)
    for (int r = 0; r < (int) wt[c]; r++, e++)
      CU_ASSERT (fabs (gr[c] - gre[e]) < 1e-15);
  for (size_t a = 0; a < DE; a++)
    for (size_t b = 0; b < DE; b++)
      f1 += xe[a] * h1[a * DE + b] * ye[b], f2 += xe[a] * h2[a * DE + b] * ye[b];
  CU_ASSERT (fabs (lsc_kernel_h1_form (&g, u, v, x, y, wt, NC) - f1) < 1e-15);
  CU_ASSERT (fabs (lsc_kernel_h2_form (&g, u, v, x, y, wt, NC) - f2) < 1e-15);
  /* wt == NULL is the ordinary case */
  lsc_kernel_geom_init (&ge, ue, ve, NULL, DE);
  CU_ASSERT (fabs (lsc_kernel_h1_form (&ge, ue, ve, xe, ye, NULL, DE) - f1)
             < 1e-15);
  CU_ASSERT (fabs (lsc_kernel_h2_form (&ge, ue, ve, xe, ye, NULL, DE) - f2)
             < 1e-15);
}

/* ---- every documented error status ---- */
static void
test_errors (void)
{
  double u[2] = { 1, 2 }, z[2] = { 0, 0 }, bad[2] = { 1, NAN }, out[4];
  double inf[2] = { INFINITY, 0 }, negw[2] = { 1, -1 };
  lsc_kernel_geom g;
  CU_ASSERT_EQUAL (lsc_kernel_geom_init (NULL, u, u, NULL, 2), LSC_EFAULT);
  CU_ASSERT_EQUAL (lsc_kernel_geom_init (&g, NULL, u, NULL, 2), LSC_EFAULT);
  CU_ASSERT_EQUAL (lsc_kernel_geom_init (&g, u, z, NULL, 2), LSC_EDOM);
  /* negative weights are allowed, a non-positive weighted norm is not */
  CU_ASSERT_EQUAL (lsc_kernel_geom_init (&g, u, u, negw, 2), LSC_EDOM);
  double posw[2] = { 1, -0.1 };
  CU_ASSERT_EQUAL (lsc_kernel_geom_init (&g, u, u, posw, 2), 0);
  CU_ASSERT_EQUAL (lsc_kernel_geom_init (&g, bad, u, NULL, 2), LSC_ENONFINITE);
  CU_ASSERT_EQUAL (lsc_kernel_geom_init (&g, u, inf, NULL, 2), LSC_ENONFINITE);
  CU_ASSERT_EQUAL (lsc_kernel (NULL, u, u, 2), LSC_EFAULT);
  CU_ASSERT_EQUAL (lsc_kernel (out, z, u, 2), LSC_EDOM);
  CU_ASSERT_EQUAL (lsc_kernel_grad (NULL, u, u, 2), LSC_EFAULT);
  CU_ASSERT_EQUAL (lsc_kernel_grad (out, u, bad, 2), LSC_ENONFINITE);
  CU_ASSERT_EQUAL (lsc_kernel_hess (out, NULL, z, u, 2), LSC_EDOM);
  CU_ASSERT_EQUAL (lsc_kernel_hess (out, NULL, u, NULL, 2), LSC_EFAULT);
  CU_ASSERT_EQUAL (lsc_kernel_grad_w (NULL, &g, u, u, 2), LSC_EFAULT);
}

int
main (void)
{
  static const lsc_test_case cases[] = {
    { "kappa, grad, h2 vs Monte Carlo", test_monte_carlo },
    { "h2 limits I/2 at 0 and 0 at pi", test_h2_limit_zero },
    { "kappa, grad, h2 vs 2-D quadrature", test_quadrature },
    { "angle near 0 and pi vs MPFR", test_angle_ulps },
    { "central differences fall like h^2", test_fd_sweep },
    { "rotation, homogeneity, symmetry", test_invariance },
    { "weighted cells vs expanded vectors", test_cells },
    { "error statuses", test_errors },
    { NULL, NULL }
  };
  return lsc_test_run ("kernel", cases);
}
