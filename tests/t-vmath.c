/* Tests of the vectorised elementary kernels of the loss (src/kernel/vmath*.c,
   private: compiled into this test directly) against MPFR at 160 bits:
   asin within SLEEF's proved 1 ulp, 1 - sin and the loss term within a few
   ulps, compensated sums of squares, dot products and accumulations within
   a few units of 2^-100 relative; every path this CPU has (AVX-512, AVX2,
   scalar) on the same inputs, including the tails of odd lengths. */
#include <config.h>
#include <stdlib.h>
#include <math.h>
#include <float.h>
#include <mpfr.h>
#include <gsl/gsl_rng.h>
#include "testutil.h"
#include "../src/kernel/vmath.c"
#include "../src/kernel/vmath256.c"
#include "../src/kernel/vmath_pairs.c"
#include "../src/kernel/vmath512.c"

enum { NP = 4099 };
typedef size_t (*pairs_fn) (double *, double *, double *, const double *,
                            size_t, size_t *);

/* error of x against the MPFR value m, in ulps of m */
static double
ulps (double x, mpfr_t m)
{
  double r = mpfr_get_d (m, MPFR_RNDN);
  if (r == 0.0)
    return x == 0.0 ? 0.0 : INFINITY;
  mpfr_t e;
  mpfr_init2 (e, 160);
  mpfr_sub_d (e, m, x, MPFR_RNDN);
  double u = fabs (mpfr_get_d (e, MPFR_RNDN)) / (nextafter (fabs (r), INFINITY) - fabs (r));
  mpfr_clear (e);
  return u;
}

static void
check_pairs (pairs_fn f, const char *name)
{
  static double c[NP], t[NP], o[NP], g[NP];
  gsl_rng *r = gsl_rng_alloc (gsl_rng_mt19937);
  gsl_rng_set (r, 18);
  for (size_t i = 0; i < NP; i++)
    c[i] = gsl_rng_uniform (r) - 0.5;
  c[0] = 0.0;
  c[1] = 0.5;
  c[2] = -0.5;
  c[3] = 1e-300;
  c[4] = -3e-9;
  c[5] = 0.49999999999999994;
  c[6] = 0.75;   /* near: counted, values still within their bounds */
  size_t nn = f (t, o, g, c, NP, NULL), near[NP];
  CU_ASSERT_EQUAL (nn, 1);
  /* the near indices: the one planted entry, and exactly the entries
     with |c| > 1/2 (counted here by hand) after planting more */
  CU_ASSERT (f (t, o, g, c, NP, near) == 1 && near[0] == 6);
  c[4000] = -0.9;
  c[4097] = 0.5000000000000001;
  CU_ASSERT (f (t, o, g, c, NP, near) == 3 && near[0] == 6
             && near[1] == 4000 && near[2] == 4097);
  c[4000] = 0.25;
  c[4097] = -0.125;
  f (t, o, g, c, NP, NULL);
  mpfr_t x, a, s, om, fm;
  mpfr_inits2 (160, x, a, s, om, fm, (mpfr_ptr) 0);
  double et = 0, eo = 0, ef = 0;
  for (size_t i = 0; i < NP; i++)
    {
      mpfr_set_d (x, c[i], MPFR_RNDN);
      mpfr_asin (a, x, MPFR_RNDN);
      mpfr_sqr (s, x, MPFR_RNDN);
      mpfr_ui_sub (s, 1, s, MPFR_RNDN);
      mpfr_sqrt (s, s, MPFR_RNDN);
      mpfr_ui_sub (om, 1, s, MPFR_RNDN);
      mpfr_mul (fm, a, x, MPFR_RNDN);
      mpfr_sub (fm, fm, om, MPFR_RNDN);
      et = fmax (et, ulps (t[i], a));
      eo = fmax (eo, ulps (o[i], om));
      ef = fmax (ef, ulps (g[i], fm));
    }
  /* the tail path: every length 1..9 gives the same values */
  for (size_t n = 1; n < 10; n++)
    {
      double tt[9], oo[9], ff[9];
      f (tt, oo, NULL, c + 100, n, NULL);
      f (tt, oo, ff, c + 100, n, NULL);
      for (size_t i = 0; i < n; i++)
        CU_ASSERT (tt[i] == t[100 + i] && oo[i] == o[100 + i]
                   && ff[i] == g[100 + i]);
    }
  printf ("\n  %s: asin %.2f ulp, 1 - sin %.2f ulp, t c - (1 - s) %.2f ulp",
          name, et, eo, ef);
  CU_ASSERT (et <= 1.0);
  CU_ASSERT (eo <= 4.0);
  CU_ASSERT (ef <= 8.0);
  mpfr_clears (x, a, s, om, fm, (mpfr_ptr) 0);
  gsl_rng_free (r);
}

/* asin of every path on a dense sweep of [-1/2, 1/2] (200003 points,
   with the ends and tiny values) against MPFR: below 1 ulp. */
static void
sweep_asin (void)
{
  enum { NS = 200003 };
  double *c = malloc (NS * sizeof (double)), *t = malloc (NS * sizeof (double));
  double *o = malloc (NS * sizeof (double)), *w = malloc (NS * sizeof (double));
  (void) t;
  pairs_fn fs[3] = { pairs_scalar, NULL, NULL };
  const char *names[3] = { "scalar", "AVX2", "AVX-512" };
#ifdef LSC_VM_AVX2
  if (__builtin_cpu_supports ("avx2") && __builtin_cpu_supports ("fma"))
    fs[1] = pairs_avx2;
  if (__builtin_cpu_supports ("avx512f"))
    fs[2] = pairs_avx512;
#endif
  for (size_t i = 0; i < NS; i++)
    c[i] = -0.5 + (double) i / (NS - 1);
  c[1] = nextafter (-0.5, 0.0);
  c[NS - 2] = nextafter (0.5, 0.0);
  c[NS / 2] = 0.0;
  c[NS / 2 + 1] = 0x1p-1022;
  c[NS / 2 + 2] = -0x1p-30;
  c[NS / 2 + 3] = 4.9e-324;
  mpfr_t x, a;
  mpfr_inits2 (128, x, a, (mpfr_ptr) 0);
  double *tp[3] = { NULL, NULL, NULL }, e[3] = { 0, 0, 0 };
  for (int p = 0; p < 3; p++)
    if (fs[p])
      {
        tp[p] = malloc (NS * sizeof (double));
        fs[p] (tp[p], o, w, c, NS, NULL);
      }
  for (size_t i = 0; i < NS; i++)
    {
      mpfr_set_d (x, c[i], MPFR_RNDN);
      mpfr_asin (a, x, MPFR_RNDN);
      for (int p = 0; p < 3; p++)
        if (tp[p])
          e[p] = fmax (e[p], ulps (tp[p][i], a));
    }
  /* the scalar entry point (FMA instruction or libm's fma) gives the
     same bits as the pair functions */
  int same = 1;
  for (size_t i = 0; i < NS; i++)
    same &= lsc_vm_asin_half (c[i]) == tp[0][i];
  CU_ASSERT (same);
  for (int p = 0; p < 3; p++)
    if (tp[p])
      {
        printf ("\n  %s: asin on %d points of [-1/2, 1/2]: %.3f ulp",
                names[p], NS, e[p]);
        CU_ASSERT (e[p] < 1.0);
        free (tp[p]);
      }
  mpfr_clears (x, a, (mpfr_ptr) 0);
  free (c);
  free (t);
  free (o);
  free (w);
}

static void
test_pairs (void)
{
  sweep_asin ();
  check_pairs (pairs_scalar, "scalar");
#ifdef LSC_VM_AVX2
  if (__builtin_cpu_supports ("avx2") && __builtin_cpu_supports ("fma"))
    check_pairs (pairs_avx2, "AVX2");
  if (__builtin_cpu_supports ("avx512f"))
    check_pairs (pairs_avx512, "AVX-512");
#endif
  printf ("\n");
}

/* sum of squares, dot2 and acc2 against MPFR; relative errors in units
   of 2^-100 */
static void
test_sums (void)
{
  enum { N = 1003 };
  static double x[N], y[N], s[N], cc[N];
  gsl_rng *r = gsl_rng_alloc (gsl_rng_mt19937);
  gsl_rng_set (r, 19);
  for (size_t i = 0; i < N; i++)
    {
      x[i] = (gsl_rng_uniform (r) - 0.5) * pow (2.0, (double) (i % 40) - 20);
      y[i] = (gsl_rng_uniform (r) - 0.5);
      s[i] = cc[i] = 0.0;
    }
  mpfr_t m, p, a;
  mpfr_inits2 (400, m, p, a, (mpfr_ptr) 0);
  const double scale = 0.25;
  mpfr_set_zero (m, 1);
  for (size_t i = 0; i < N; i++)
    {
      mpfr_set_d (p, scale * x[i], MPFR_RNDN);
      mpfr_sqr (p, p, MPFR_RNDN);
      mpfr_add (m, m, p, MPFR_RNDN);
    }
  /* every path of sumsq this CPU has, and the dispatched one */
  typedef double (*sumsq_fn) (const double *, size_t, double, double *);
  sumsq_fn sf[4] = { lsc_vm_sumsq, sumsq_scalar, NULL, NULL };
#ifdef LSC_VM_AVX2
  if (lsc_vm_vectorised ())
    sf[2] = lsc_vm256_sumsq;
  if (lsc_vm_vectorised () && __builtin_cpu_supports ("avx512f"))
    sf[3] = lsc_vm512_sumsq;
#endif
  double lo, hi, es = 0.0;
  for (int f = 0; f < 4; f++)
    if (sf[f])
      for (size_t n0 = N - 9; n0 <= N; n0++)
        {
          /* the sum of the first n0 terms: every tail length */
          mpfr_set_zero (p, 1);
          for (size_t i = 0; i < n0; i++)
            {
              mpfr_set_d (a, scale * x[i], MPFR_RNDN);
              mpfr_sqr (a, a, MPFR_RNDN);
              mpfr_add (p, p, a, MPFR_RNDN);
            }
          mpfr_set (a, p, MPFR_RNDN);
          hi = sf[f] (x, n0, scale, &lo);
          mpfr_sub_d (p, p, hi, MPFR_RNDN);
          mpfr_sub_d (p, p, lo, MPFR_RNDN);
          mpfr_div (p, p, a, MPFR_RNDN);
          es = fmax (es, fabs (mpfr_get_d (p, MPFR_RNDN)) * 0x1p100);
        }
  /* dot2 with cancellation: x . y - (x . y rounded) y_0 / x_0 ... plain */
  mpfr_set_zero (m, 1);
  for (size_t i = 0; i < N; i++)
    {
      mpfr_set_d (p, x[i], MPFR_RNDN);
      mpfr_mul_d (p, p, y[i], MPFR_RNDN);
      mpfr_add (m, m, p, MPFR_RNDN);
    }
  hi = lsc_vm_dot2 (x, y, N, &lo);
  mpfr_sub_d (p, m, hi, MPFR_RNDN);
  mpfr_sub_d (p, p, lo, MPFR_RNDN);
  double ed = fabs (mpfr_get_d (p, MPFR_RNDN));
  /* bound: a few units of 2^-100 times sum |x y| */
  double sabs = 0;
  for (size_t i = 0; i < N; i++)
    sabs += fabs (x[i] * y[i]);
  ed = ed / sabs * 0x1p100;
  /* acc2: s + c = 3 x - 2 x + 0.1 y accumulated, exactly x + 0.1 y up to
     the rounding of the products' sum */
  lsc_vm_acc2 (s, cc, 3.0, x, N);
  lsc_vm_acc2 (s, cc, -2.0, x, N);
  lsc_vm_acc2 (s, cc, 0.1, y, N);
  double ea = 0;
  for (size_t i = 0; i < N; i++)
    {
      mpfr_set_d (m, x[i], MPFR_RNDN);
      mpfr_set_d (p, y[i], MPFR_RNDN);
      mpfr_mul_d (p, p, 0.1, MPFR_RNDN);
      mpfr_add (m, m, p, MPFR_RNDN);
      mpfr_sub_d (m, m, s[i], MPFR_RNDN);
      mpfr_sub_d (m, m, cc[i], MPFR_RNDN);
      double scl = 3 * fabs (x[i]) + 0.1 * fabs (y[i]);
      if (scl > 0)
        ea = fmax (ea, fabs (mpfr_get_d (m, MPFR_RNDN)) / scl * 0x1p100);
    }
  printf ("\n  sumsq %.2f, dot2 %.2f, acc2 %.2f (units of 2^-100 relative)\n",
          es, ed, ea);
  CU_ASSERT (es <= 16.0);
  CU_ASSERT (ed <= 16.0);
  CU_ASSERT (ea <= 16.0);
  /* axpy3 and div: exact agreement with the scalar formulas */
  double yv[N], yw[N];
  for (size_t i = 0; i < N; i++)
    yv[i] = yw[i] = y[i];
  lsc_vm_axpy3 (yv, 0.25, x, -0.5, s, 0.125, y, N);
  axpy3_scalar (yw, 0.25, x, -0.5, s, 0.125, y, N);
  int same = 1;
  for (size_t i = 0; i < N; i++)
    same &= yv[i] == yw[i];
  lsc_vm_div (yv, x, 3.0, N);
  for (size_t i = 0; i < N; i++)
    same &= yv[i] == x[i] / 3.0;
  CU_ASSERT (same);
  mpfr_clears (m, p, a, (mpfr_ptr) 0);
  gsl_rng_free (r);
}

/* dist2 against MPFR (error within the classical bound of a recursive
   sum of n/4 + 3 terms per lane, (n/4 + 4) u sum of the squares), the
   same bits on the scalar and vector paths for every length; maxabs on
   NaN, infinities, zeros and the tails against a plain loop. */
static void
test_dist_maxabs (void)
{
  enum { N = 1003 };
  static double u[N], v[N];
  gsl_rng *r = gsl_rng_alloc (gsl_rng_mt19937);
  gsl_rng_set (r, 20);
  for (size_t i = 0; i < N; i++)
    {
      u[i] = gsl_rng_uniform (r) - 0.5;
      v[i] = u[i] + 1e-9 * (gsl_rng_uniform (r) - 0.5);
    }
  mpfr_t m, q, a;
  mpfr_inits2 (400, m, q, a, (mpfr_ptr) 0);
  mpfr_set_zero (m, 1);
  mpfr_set_zero (q, 1);
  for (size_t i = 0; i < N; i++)
    {
      mpfr_set_d (a, u[i], MPFR_RNDN);
      mpfr_sub_d (a, a, v[i], MPFR_RNDN);
      mpfr_sqr (a, a, MPFR_RNDN);
      mpfr_add (m, m, a, MPFR_RNDN);
      mpfr_set_d (a, u[i], MPFR_RNDN);
      mpfr_add_d (a, a, v[i], MPFR_RNDN);
      mpfr_sqr (a, a, MPFR_RNDN);
      mpfr_add (q, q, a, MPFR_RNDN);
    }
  double dp, dm = lsc_vm_dist2 (u, v, N, &dp);
  /* u - v and u + v are rounded once each (relative u), squared and
     summed: relative error <= (N/4 + 8) 2^-53 */
  double em = fabs (dm / mpfr_get_d (m, MPFR_RNDN) - 1.0) * 0x1p53;
  double ep = fabs (dp / mpfr_get_d (q, MPFR_RNDN) - 1.0) * 0x1p53;
  printf ("\n  dist2: %.2f and %.2f units of 2^-53 relative (bound %d)", em,
          ep, N / 4 + 8);
  CU_ASSERT (em <= N / 4 + 8 && ep <= N / 4 + 8);
  int same = 1;
  for (size_t n = 0; n < 40; n++)
    {
      double p1, p2, m1 = lsc_vm_dist2 (u + 3, v + 3, n, &p1);
      double m2 = dist2_scalar (u + 3, v + 3, n, &p2);
      same &= m1 == m2 && p1 == p2;
    }
  CU_ASSERT (same);
  /* maxabs */
  double x[13];
  for (size_t n = 0; n <= 13; n++)
    for (size_t pos = 0; pos < (n ? n : 1); pos++)
      for (int kind = 0; kind < 4; kind++)
        {
          for (size_t i = 0; i < 13; i++)
            x[i] = (i % 3 ? -1.0 : 0.5) * (double) i;
          double want = 0.0;
          for (size_t i = 0; i < n; i++)
            want = fmax (want, fabs (x[i]));
          if (n && kind == 1)
            {
              x[pos] = NAN;
              want = NAN;
            }
          else if (n && kind == 2)
            {
              x[pos] = -INFINITY;
              want = INFINITY;
            }
          else if (kind == 3)
            {
              for (size_t i = 0; i < n; i++)
                x[i] = i == pos ? -0.0 : 0.0;
              want = 0.0;
            }
          double got = lsc_vm_maxabs (x, n), gs = maxabs_scalar (x, n);
          int ok = isnan (want) ? isnan (got) && isnan (gs)
                                : got == want && gs == want;
          if (!ok)
            printf ("\n  maxabs n=%zu pos=%zu kind=%d: %g %g want %g", n, pos,
                    kind, got, gs, want);
          CU_ASSERT (ok);
        }
  printf ("\n");
  mpfr_clears (m, q, a, (mpfr_ptr) 0);
  gsl_rng_free (r);
}

/* The elementwise kernels on every length 0..69 and offset 0..2 (all
   tails of the 4- and 8-lane code, and the 32-entry main loop of the
   AVX-512 maximum) give the bits of the scalar code; maxabs with a NaN or
   an infinity planted at every position. */
static void
test_elementwise (void)
{
  enum { N = 72 };
  double x[N], y[N], u[N], v[N], s1[N], s2[N], c1[N], c2[N];
  gsl_rng *r = gsl_rng_alloc (gsl_rng_mt19937);
  gsl_rng_set (r, 21);
  for (size_t i = 0; i < N; i++)
    {
      x[i] = (gsl_rng_uniform (r) - 0.5) * pow (2.0, (double) (i % 9) - 4);
      y[i] = gsl_rng_uniform (r) - 0.5;
      u[i] = gsl_rng_uniform (r) - 0.5;
      v[i] = gsl_rng_uniform (r) - 0.5;
    }
  int same = 1, maxok = 1;
  for (size_t off = 0; off < 3; off++)
    for (size_t n = 0; n + off < N - 2; n++)
      {
        const double *xo = x + off;
        for (size_t i = 0; i < N; i++)
          {
            s1[i] = s2[i] = y[i];
            c1[i] = c2[i] = 0.25 * v[i];
          }
        lsc_vm_acc2 (s1 + off, c1 + off, 0.3, xo, n);
        acc2_scalar (s2 + off, c2 + off, 0.3, xo, n);
        for (size_t i = 0; i < N; i++)
          same &= s1[i] == s2[i] && c1[i] == c2[i];
        lsc_vm_axpy (s1 + off, -0.7, u, n);
        axpy_scalar (s2 + off, -0.7, u, n);
        double m1 = lsc_vm_axpy3 (c1 + off, 0.25, xo, -0.5, u, 0.125, v, n);
        axpy3_scalar (c2 + off, 0.25, xo, -0.5, u, 0.125, v, n);
        for (size_t i = 0; i < N; i++)
          same &= s1[i] == s2[i] && c1[i] == c2[i];
        /* the returned maximum: that of the result, by a separate scan */
        maxok &= m1 == maxabs_scalar (c1 + off, n);
        m1 = lsc_vm_axpy3 (c1 + off, 0.25, xo, -0.5, u, 0.0, NULL, n);
        axpy3_scalar (c2 + off, 0.25, xo, -0.5, u, 0.0, NULL, n);
        maxok &= m1 == maxabs_scalar (c2 + off, n);
        lsc_vm_div (s1 + off, xo, 0.7, n);
        for (size_t i = 0; i < n; i++)
          same &= s1[off + i] == xo[i] / 0.7;
        for (size_t i = 0; i < N; i++)
          same &= c1[i] == c2[i] && (i >= off && i < off + n
                                     ? 1 : s1[i] == s2[i]);
        double want = maxabs_scalar (xo, n);
        maxok &= lsc_vm_maxabs (xo, n) == want;
        for (size_t pos = 0; pos < n; pos++)
          {
            double keep = x[off + pos];
            double w[N] = { 0 }, w2[N] = { 0 };
            x[off + pos] = NAN;
            maxok &= isnan (lsc_vm_maxabs (xo, n));
            maxok &= isnan (lsc_vm_axpy3 (w, 1.0, xo, 0.5, u, 0.0, NULL, n));
            x[off + pos] = -INFINITY;
            maxok &= lsc_vm_maxabs (xo, n) == INFINITY;
            maxok &= lsc_vm_axpy3 (w2, 1.0, xo, 0.5, u, 0.0, NULL, n)
                     == INFINITY;
            x[off + pos] = keep;
          }
      }
  printf ("\n  every length 0..69: %s, maxabs %s\n",
          same ? "same bits as the scalar code" : "DIFFERENT",
          maxok ? "right" : "WRONG");
  CU_ASSERT (same);
  CU_ASSERT (maxok);
  gsl_rng_free (r);
}

/* lsc_vm_rowpass: the bits of its separate passes (copy, maxabs, sumsq
   with scale 1, acc2) for every tail length, mixed magnitudes, NaN and
   infinities; and its sum of squares against MPFR. */
static void
test_rowpass (void)
{
  enum { N = 203 };
  static double x[N], y[N], s1[N], c1[N], s2[N], c2[N];
  gsl_rng *r = gsl_rng_alloc (gsl_rng_mt19937);
  gsl_rng_set (r, 21);
  for (size_t i = 0; i < N; i++)
    x[i] = ldexp (gsl_rng_uniform (r) - 0.5, (int) (i % 7) * 9 - 30);
  int same = 1;
  double worst = 0.0;
  mpfr_t m, t;
  mpfr_inits2 (240, m, t, (mpfr_ptr) 0);
  for (size_t n = 1; n <= N; n += n < 20 ? 1 : 61)
    {
      for (size_t i = 0; i < N; i++)
        {
          s1[i] = s2[i] = gsl_rng_uniform (r);
          c1[i] = c2[i] = 1e-20 * gsl_rng_uniform (r);
          y[i] = -1.0;
        }
      double hi, lo, lo2;
      double big = lsc_vm_rowpass (y, x, n, &hi, &lo, s1, c1, -0.3);
      double hi2 = lsc_vm_sumsq (x, n, 1.0, &lo2);
      lsc_vm_acc2 (s2, c2, -0.3, x, n);
      same &= big == maxabs_scalar (x, n) && hi == hi2 && lo == lo2;
      for (size_t i = 0; i < N; i++)
        same &= s1[i] == s2[i] && c1[i] == c2[i]
                && y[i] == (i < n ? x[i] : -1.0);
      mpfr_set_zero (m, 1);
      for (size_t i = 0; i < n; i++)
        {
          mpfr_set_d (t, x[i], MPFR_RNDN);
          mpfr_sqr (t, t, MPFR_RNDN);
          mpfr_add (m, m, t, MPFR_RNDN);
        }
      mpfr_set (t, m, MPFR_RNDN);
      mpfr_sub_d (m, m, hi, MPFR_RNDN);
      mpfr_sub_d (m, m, lo, MPFR_RNDN);
      mpfr_div (m, m, t, MPFR_RNDN);
      worst = fmax (worst, fabs (mpfr_get_d (m, MPFR_RNDN)) * 0x1p100);
    }
  /* special values: the maximum reports them */
  double hi, lo;
  x[17] = -INFINITY;
  CU_ASSERT (lsc_vm_rowpass (y, x, 40, &hi, &lo, s1, c1, 1.0) == INFINITY);
  x[33] = NAN;
  CU_ASSERT (isnan (lsc_vm_rowpass (y, x, 40, &hi, &lo, s1, c1, 1.0)));
  CU_ASSERT (lsc_vm_rowpass (y, x + 40, 9, &hi, &lo, s1, c1, 1.0)
             == maxabs_scalar (x + 40, 9));
  printf ("\n  rowpass: sumsq %.2f units of 2^-100 relative\n", worst);
  CU_ASSERT (same);
  CU_ASSERT (worst <= 16.0);
  mpfr_clears (m, t, (mpfr_ptr) 0);
  gsl_rng_free (r);
}

int
main (void)
{
  static const lsc_test_case cases[] = {
    { "pair functions vs MPFR on every path", test_pairs },
    { "compensated sums vs MPFR", test_sums },
    { "dist2 vs MPFR, maxabs on special values", test_dist_maxabs },
    { "elementwise kernels vs the scalar code", test_elementwise },
    { "row pass vs its separate passes and MPFR", test_rowpass },
    { NULL, NULL },
  };
  int rc = lsc_test_run ("vmath", cases);
  mpfr_free_cache ();
  return rc;
}
