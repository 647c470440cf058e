/* Cyclic Jacobi eigenvalues in double-double arithmetic: the eigen-solver
   of the accurate double path, where an MPFR Jacobi at the working
   precision costs seconds for blocks of order 100.

   A double-double (dd) number is an unevaluated sum hi + lo with
   |lo| <= ulp(hi)/2; its operations below are the error-free
   transformations of Dekker and Knuth (TwoSum, Dekker's split product)
   with the accurate ("IEEE") addition, relative error about 2^-104.  The
   build is ISO C (-std=c11), so the compiler does not contract a*b + c
   into a fused multiply-add that would break them.

   Each rotation is exactly orthogonal to dd precision: the Jacobi angle is
   computed in double (it need only zero a_pq to 2^-53 relative; the next
   sweep removes the rest), then (c, s) is normalised in dd, and the 2 x 2
   pivot block is transformed in full rather than by the shortcut that
   assumes a_pq becomes exactly 0.  Eigenvalues are then within about
   k 2^-100 |A|_F of the exact ones (Weyl). */
#include <config.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <cblas.h>
#include <lapacke.h>
#include "internal.h"
#include "spectrum/linalg_dd.h"

typedef struct
{
  double h, l;
} dd;

static inline dd
two_sum (double a, double b)
{
  double s = a + b, bb = s - a;
  return (dd) { s, (a - (s - bb)) + (b - bb) };
}

static inline dd
quick_two_sum (double a, double b)
{
  double s = a + b;
  return (dd) { s, b - (s - a) };
}

/* Dekker's split: a = hi + lo with 26-bit halves. */
static inline void
split (double a, double *hi, double *lo)
{
  double t = 134217729.0 * a; /* 2^27 + 1 */
  *hi = t - (t - a);
  *lo = a - *hi;
}

static inline dd
two_prod (double a, double b)
{
  double p = a * b, ah, al, bh, bl;
  split (a, &ah, &al);
  split (b, &bh, &bl);
  return (dd) { p, ((ah * bh - p) + ah * bl + al * bh) + al * bl };
}

static inline dd
dd_add (dd x, dd y)
{
  dd s = two_sum (x.h, y.h), t = two_sum (x.l, y.l);
  s.l += t.h;
  s = quick_two_sum (s.h, s.l);
  s.l += t.l;
  return quick_two_sum (s.h, s.l);
}

static inline dd
dd_neg (dd x)
{
  return (dd) { -x.h, -x.l };
}

static inline dd
dd_mul (dd x, dd y)
{
  dd p = two_prod (x.h, y.h);
  p.l += x.h * y.l + x.l * y.h;
  return quick_two_sum (p.h, p.l);
}

/* 1/sqrt(x) for x > 0 near 1: one Newton step from the double value. */
static inline dd
dd_rsqrt (dd x)
{
  double r = 1.0 / sqrt (x.h);
  /* r' = r + r (1 - x r^2) / 2 */
  dd r2 = two_prod (r, r);
  dd e = dd_add ((dd) { 1.0, 0.0 }, dd_neg (dd_mul (x, r2)));
  dd c = dd_mul ((dd) { r, 0.0 }, e);
  return dd_add ((dd) { r, 0.0 }, (dd) { 0.5 * c.h, 0.5 * c.l });
}

/* Off-diagonal test in double (magnitudes only): as the second test of
   lsc_mpfr_jacobi, an a_pq between diagonal entries that are well
   separated moves them by a_pq^2 / gap, between close ones by |a_pq|. */
static int
converged (const dd *A, size_t k, double thr)
{
  for (size_t p = 0; p < k; p++)
    {
      double y = 0;
      for (size_t q = 0; q < k; q++)
        {
          double a = fabs (A[p * k + q].h);
          if (q == p || a == 0)
            continue;
          double gap = fabs (A[p * k + p].h - A[q * k + q].h);
          y += gap <= 1024 * a ? a : a * a / gap;
        }
      if (!(y <= thr))
        return 0;
    }
  return 1;
}

/* sum_k x[k] y[k] over k < n with stride (incx, incy), the products
   exact (TwoProduct) and the sum in double-double. */
static dd
dot_exact (const double *x, size_t incx, const double *y, size_t incy,
           size_t n)
{
  dd s = { 0.0, 0.0 };
  for (size_t i = 0; i < n; i++)
    {
      dd p = two_prod (x[i * incx], y[i * incy]);
      dd t = two_sum (s.h, p.h);
      s.h = t.h;
      s.l += t.l + p.l;
    }
  return quick_two_sum (s.h, s.l);
}

/* Replace A (k x k, dd) by Qt^T A Qt, where Qt is the eigenvector matrix
   Q of A's double part (LAPACK dsyev), made orthogonal to double-double
   precision by one Newton-Schulz step Qt = Q (I + E/2), E = I - Q^T Q
   (E is of order 1e-16, so Q E/2 needs only double precision; Q^T Q
   needs the exact products).  The result is diagonal up to about 1e-16
   |A|, so that the Jacobi sweeps that follow start in their quadratic
   regime even when eigenvalues cluster (plain cyclic Jacobi converges
   only linearly until the off-diagonal mass falls below the gaps).
   Returns 0, or nonzero if LAPACK failed or memory ran out (then A is
   unchanged and the caller just runs more sweeps). */
static int
precondition (dd *A, size_t k)
{
  size_t n2 = k * k;
  lapack_int n = (lapack_int) k, lwork = -1, info;
  double wq, *ev, *work;
  double *buf = malloc ((6 * n2 + k) * sizeof *buf);
  if (!buf)
    return 1;
  double *Q = buf, *Ql = Q + n2, *E = Ql + n2, *Bh = E + n2, *Bl = Bh + n2,
         *T = Bl + n2;
  ev = T + n2;
  for (size_t i = 0; i < n2; i++)
    Q[i] = A[i].h; /* symmetric: row- and column-major alike */
  info = LAPACKE_dsyev_work (LAPACK_ROW_MAJOR, 'V', 'U', n, Q, n, ev, &wq,
                             lwork);
  if (info || !(wq >= 1) || !(work = malloc ((size_t) wq * sizeof *work)))
    {
      free (buf);
      return 1;
    }
  lwork = (lapack_int) wq;
  info = LAPACKE_dsyev_work (LAPACK_ROW_MAJOR, 'V', 'U', n, Q, n, ev, work,
                             lwork);
  free (work);
  if (info)
    {
      free (buf);
      return 1;
    }
  /* E = I - Q^T Q (columns of Q are the eigenvectors) */
  for (size_t i = 0; i < k; i++)
    for (size_t j = i; j < k; j++)
      {
        dd g = dot_exact (Q + i, k, Q + j, k, k);
        dd e = dd_add ((dd) { i == j ? 1.0 : 0.0, 0.0 }, dd_neg (g));
        E[i * k + j] = E[j * k + i] = e.h + e.l;
      }
  /* Ql = Q E / 2: Qt = Q + Ql */
  cblas_dgemm (CblasRowMajor, CblasNoTrans, CblasNoTrans, n, n, n, 0.5, Q, n,
               E, n, 0.0, Ql, n);
  /* B = A Qt = Ah Q (exact products) + Ah Ql + Al Q (double) */
  double *Ah = E, *Al = T;
  for (size_t i = 0; i < n2; i++)
    {
      Ah[i] = A[i].h;
      Al[i] = A[i].l;
    }
  cblas_dgemm (CblasRowMajor, CblasNoTrans, CblasNoTrans, n, n, n, 1.0, Ah, n,
               Ql, n, 0.0, Bl, n);
  cblas_dgemm (CblasRowMajor, CblasNoTrans, CblasNoTrans, n, n, n, 1.0, Al, n,
               Q, n, 1.0, Bl, n);
  for (size_t i = 0; i < k; i++)
    for (size_t j = 0; j < k; j++)
      {
        dd b = dot_exact (Ah + i * k, 1, Q + j, k, k);
        b = dd_add (b, (dd) { Bl[i * k + j], 0.0 });
        Bh[i * k + j] = b.h;
        Bl[i * k + j] = b.l;
      }
  /* A' = Qt^T B = Q^T Bh (exact products) + Q^T Bl + Ql^T Bh (double) */
  cblas_dgemm (CblasRowMajor, CblasTrans, CblasNoTrans, n, n, n, 1.0, Q, n,
               Bl, n, 0.0, T, n);
  cblas_dgemm (CblasRowMajor, CblasTrans, CblasNoTrans, n, n, n, 1.0, Ql, n,
               Bh, n, 1.0, T, n);
  for (size_t i = 0; i < k; i++)
    for (size_t j = i; j < k; j++)
      {
        dd a = dot_exact (Q + i, k, Bh + j, k, k);
        /* T alone is not symmetric (nor is Q^T Bh): only their sum is */
        a = dd_add (a, (dd) { T[i * k + j], 0.0 });
        A[i * k + j] = A[j * k + i] = a;
      }
  free (buf);
  return 0;
}

int
lsc_dd_jacobi (double *ev, double *evlo, const double *hi, const double *lo,
               size_t k)
{
  if (k == 0)
    return LSC_SUCCESS;
  dd *A = malloc (k * k * sizeof *A);
  if (!A)
    LSC_ERROR ("out of memory", LSC_ENOMEM);
  double fro = 0;
  for (size_t i = 0; i < k * k; i++)
    {
      A[i] = quick_two_sum (hi[i], lo ? lo[i] : 0.0);
      fro += A[i].h * A[i].h;
    }
  if (!isfinite (fro))
    {
      free (A);
      LSC_ERROR ("non-finite matrix entry", LSC_ENONFINITE);
    }
  fro = sqrt (fro);
  if (k > 8)
    precondition (A, k);
  /* stop when off(A) <= |A|_F 2^-(100 - log2 k): above the rounding noise
     of the rotations (about |A| 2^-104 sqrt k), far below double output */
  int lk = 0;
  for (size_t t = k; t > 1; t >>= 1)
    lk++;
  double thr = ldexp (fro, -(100 - lk - 1));
  int rc = LSC_ENOCONV;
  for (int sweep = 0; sweep < 64; sweep++)
    {
      double off = 0;
      for (size_t p = 0; p < k; p++)
        for (size_t q = p + 1; q < k; q++)
          off += A[p * k + q].h * A[p * k + q].h;
      off = sqrt (2 * off);
      if (off <= thr || converged (A, k, thr))
        {
          rc = LSC_SUCCESS;
          break;
        }
      for (size_t p = 0; p < k; p++)
        for (size_t q = p + 1; q < k; q++)
          {
            dd apq = A[p * k + q], app = A[p * k + p], aqq = A[q * k + q];
            if (apq.h == 0)
              continue;
            double tau = dd_add (aqq, dd_neg (app)).h / (2 * apq.h);
            double t = (tau >= 0 ? 1.0 : -1.0) / (fabs (tau)
                                                  + sqrt (1 + tau * tau));
            if (!isfinite (t)) /* |tau| overflowed: a_pq is negligible */
              t = 0.5 / tau;
            /* (c, s) = (1, t) / sqrt(1 + t^2), orthonormal to dd precision */
            dd n2 = dd_add ((dd) { 1.0, 0.0 }, two_prod (t, t));
            dd c = dd_rsqrt (n2), s = dd_mul (c, (dd) { t, 0.0 });
            for (size_t r = 0; r < k; r++)
              {
                if (r == p || r == q)
                  continue;
                dd arp = A[r * k + p], arq = A[r * k + q];
                dd x = dd_add (dd_mul (c, arp), dd_neg (dd_mul (s, arq)));
                dd y = dd_add (dd_mul (s, arp), dd_mul (c, arq));
                A[r * k + p] = A[p * k + r] = x;
                A[r * k + q] = A[q * k + r] = y;
              }
            /* the pivot block J^T [app apq; apq aqq] J, J = [c s; -s c] */
            dd cc = dd_mul (c, c), ss = dd_mul (s, s), cs = dd_mul (c, s);
            dd csa = dd_mul (cs, apq);
            dd csa2 = { 2 * csa.h, 2 * csa.l };
            dd npp = dd_add (dd_add (dd_mul (cc, app), dd_neg (csa2)),
                             dd_mul (ss, aqq));
            dd nqq = dd_add (dd_add (dd_mul (ss, app), csa2),
                             dd_mul (cc, aqq));
            dd npq = dd_add (dd_mul (cs, dd_add (app, dd_neg (aqq))),
                             dd_mul (dd_add (cc, dd_neg (ss)), apq));
            A[p * k + p] = npp;
            A[q * k + q] = nqq;
            A[p * k + q] = A[q * k + p] = npq;
          }
    }
  /* ascending by value (insertion sort; k is small) */
  for (size_t i = 0; i < k; i++)
    {
      dd v = A[i * k + i];
      size_t j = i;
      for (; j > 0 && (ev[j - 1] > v.h
                       || (ev[j - 1] == v.h && evlo[j - 1] > v.l)); j--)
        {
          ev[j] = ev[j - 1];
          evlo[j] = evlo[j - 1];
        }
      ev[j] = v.h;
      evlo[j] = v.l;
    }
  free (A);
  if (rc)
    LSC_ERROR ("double-double Jacobi did not converge in 64 sweeps", rc);
  return rc;
}
