/* Small dense MPFR linear algebra: cyclic Jacobi eigenvalues of symmetric
   matrices (preconditioned by LAPACK's eigenvectors of the double part)
   and Gram-Schmidt complements with reorthogonalisation. */
#include <config.h>
#include <math.h>
#include <stdlib.h>
#include <lapacke.h>
#include "internal.h"
#include "kernel/kernel_mpfr.h"
#include "spectrum/linalg_mpfr.h"

/* Blocks above this order are preconditioned before the sweeps. */
#define LSC_JACOBI_PRECOND_MIN 8

/* Whether c is one of idx[0..m). */
static int
in_set (const size_t *idx, size_t m, size_t c)
{
  for (size_t i = 0; i < m; i++)
    if (idx[i] == c)
      return 1;
  return 0;
}

/* Sort n values ascending (insertion sort; n is small). */
static void
sort_mpfr (mpfr_t *x, size_t n)
{
  for (size_t i = 1; i < n; i++)
    for (size_t j = i; j > 0 && mpfr_greater_p (x[j - 1], x[j]); j--)
      mpfr_swap (x[j - 1], x[j]);
}

/* Second convergence test: the diagonal entries are already eigenvalues to
   within the threshold.  An off-diagonal a_pq between well separated
   diagonal entries moves them by at most a_pq^2 / |a_pp - a_qq| (second
   order); between close ones (gap <= 2^10 |a_pq|) by |a_pq|.  Needed when
   exactly repeated eigenvalues (from the symmetry of the small blocks) make
   the last sweeps converge only linearly, with the remaining off-diagonal
   mass all between separated clusters.  thr2 is the squared threshold;
   x, y are scratch. */
static int
eigen_converged (mpfr_t *A, size_t k, const mpfr_t thr2, mpfr_t x, mpfr_t y)
{
  for (size_t p = 0; p < k; p++)
    {
      mpfr_set_zero (y, 1);
      for (size_t q = 0; q < k; q++)
        {
          if (q == p || mpfr_zero_p (A[p * k + q]))
            continue;
          mpfr_sub (x, A[p * k + p], A[q * k + q], MPFR_RNDN);
          mpfr_abs (x, x, MPFR_RNDN);
          mpfr_div_2ui (x, x, 10, MPFR_RNDN);
          if (mpfr_cmpabs (x, A[p * k + q]) <= 0)
            {
              mpfr_abs (x, A[p * k + q], MPFR_RNDN);
              mpfr_add (y, y, x, MPFR_RNDN);
            }
          else
            {
              mpfr_mul_2ui (x, x, 10, MPFR_RNDN);
              mpfr_ui_div (x, 1, x, MPFR_RNDN);
              mpfr_mul (x, x, A[p * k + q], MPFR_RNDN);
              mpfr_mul (x, x, A[p * k + q], MPFR_RNDN);
              mpfr_add (y, y, x, MPFR_RNDN);
            }
        }
      mpfr_sqr (y, y, MPFR_RNDN);
      if (!mpfr_lessequal_p (y, thr2)) /* also for NaN */
        return 0;
    }
  return 1;
}

/* Replace A (k x k, MPFR at wp) by the orthogonal similarity that acts
   on the rows and columns idx[0..m) only with the eigenvectors V of the
   principal submatrix A[idx, idx] minus mu I (mu the mean of its
   diagonal), rounded to double and solved by LAPACK dsyev, converted
   exactly to MPFR and made orthonormal at wp by modified Gram-Schmidt
   (one pass suffices: they are orthonormal to about 1e-15 already).  The
   submatrix then is diagonal up to about 1e-16 of its own spread
   (LAPACK's backward error), and the Jacobi sweeps that follow start in
   their quadratic regime instead of spending dozens of linear sweeps on
   eigenvalues that cluster on several scales (d, 1, d^{-1/2}, ... at
   large d).  An exact orthogonal similarity at wp: the eigenvalues move
   by the rounding of wp only (k 2^-wp |A|).  Returns 0, or nonzero (A
   unchanged; the caller just runs more sweeps) when memory runs out, an
   entry is not finite in double, or LAPACK fails.  Cost: about
   2 k m^2 + m^3 MPFR multiply-adds. */
static int
precondition (mpfr_t *A, size_t k, const size_t *idx, size_t m,
              mpfr_prec_t wp)
{
  size_t n2 = m * m;
  lapack_int n = (lapack_int) m, info;
  double wq, *work = NULL;
  double *Q = malloc ((n2 + m) * sizeof *Q), *ev = Q ? Q + n2 : NULL;
  mpfr_t *V = NULL, *B = NULL, t, mu;
  int rc = 1;
  mpfr_inits2 (wp, t, mu, (mpfr_ptr) 0);
  if (!Q)
    goto done;
  mpfr_set_zero (mu, 1);
  for (size_t i = 0; i < m; i++)
    mpfr_add (mu, mu, A[idx[i] * k + idx[i]], MPFR_RNDN);
  mpfr_div_ui (mu, mu, (unsigned long) m, MPFR_RNDN);
  for (size_t i = 0; i < m; i++)
    for (size_t j = 0; j < m; j++)
      {
        mpfr_set (t, A[idx[i] * k + idx[j]], MPFR_RNDN);
        if (i == j)
          mpfr_sub (t, t, mu, MPFR_RNDN);
        Q[i * m + j] = mpfr_get_d (t, MPFR_RNDN);
        if (!isfinite (Q[i * m + j]))
          goto done;
      }
  info = LAPACKE_dsyev_work (LAPACK_ROW_MAJOR, 'V', 'U', n, Q, n, ev, &wq,
                             -1);
  if (info || !(wq >= 1) || !(work = malloc ((size_t) wq * sizeof *work)))
    goto done;
  info = LAPACKE_dsyev_work (LAPACK_ROW_MAJOR, 'V', 'U', n, Q, n, ev, work,
                             (lapack_int) wq);
  if (info)
    goto done;
  V = lsc_mpfr_vec_alloc (n2, wp);
  B = lsc_mpfr_vec_alloc (m * k, wp);
  if (!V || !B)
    goto done;
  /* V + j m: eigenvector j (column j of Q) */
  for (size_t j = 0; j < m; j++)
    for (size_t i = 0; i < m; i++)
      mpfr_set_d (V[j * m + i], Q[i * m + j], MPFR_RNDN);
  for (size_t j = 0; j < m; j++)
    {
      mpfr_t *v = V + j * m;
      for (size_t i = 0; i < j; i++)
        {
          const mpfr_t *u = V + i * m;
          mpfr_set_zero (t, 1);
          for (size_t l = 0; l < m; l++)
            mpfr_fma (t, u[l], v[l], t, MPFR_RNDN);
          mpfr_neg (t, t, MPFR_RNDN);
          for (size_t l = 0; l < m; l++)
            mpfr_fma (v[l], t, u[l], v[l], MPFR_RNDN);
        }
      mpfr_set_zero (t, 1);
      for (size_t l = 0; l < m; l++)
        mpfr_fma (t, v[l], v[l], t, MPFR_RNDN);
      if (!(mpfr_cmp_d (t, 0.5) > 0)) /* cannot happen for dsyev output */
        goto done;
      mpfr_rec_sqrt (t, t, MPFR_RNDN);
      for (size_t l = 0; l < m; l++)
        mpfr_mul (v[l], v[l], t, MPFR_RNDN);
    }
  /* columns: B[j k + r] = (A[r, idx] v_j), then A[r, idx_j] = B */
  for (size_t j = 0; j < m; j++)
    for (size_t r = 0; r < k; r++)
      {
        mpfr_set_zero (t, 1);
        for (size_t l = 0; l < m; l++)
          mpfr_fma (t, A[r * k + idx[l]], V[j * m + l], t, MPFR_RNDN);
        mpfr_set (B[j * k + r], t, MPFR_RNDN);
      }
  for (size_t j = 0; j < m; j++)
    for (size_t r = 0; r < k; r++)
      mpfr_set (A[r * k + idx[j]], B[j * k + r], MPFR_RNDN);
  /* rows: A[idx_i, c] = v_i . A[idx, c]; then the mirror image */
  for (size_t i = 0; i < m; i++)
    for (size_t c = 0; c < k; c++)
      {
        mpfr_set_zero (t, 1);
        for (size_t l = 0; l < m; l++)
          mpfr_fma (t, V[i * m + l], A[idx[l] * k + c], t, MPFR_RNDN);
        mpfr_set (B[i * k + c], t, MPFR_RNDN);
      }
  for (size_t i = 0; i < m; i++)
    for (size_t c = 0; c < k; c++)
      mpfr_set (A[idx[i] * k + c], B[i * k + c], MPFR_RNDN);
  for (size_t i = 0; i < m; i++)
    for (size_t c = 0; c < k; c++)
      if (c > idx[i] || !in_set (idx, m, c))
        mpfr_set (A[c * k + idx[i]], A[idx[i] * k + c], MPFR_RNDN);
  rc = 0;
done:
  lsc_mpfr_vec_free (V, V ? n2 : 0);
  lsc_mpfr_vec_free (B, B ? m * k : 0);
  mpfr_clears (t, mu, (mpfr_ptr) 0);
  free (work);
  free (Q);
  return rc;
}

/* Levels of preconditioning: the whole matrix, then, while the
   diagonal separates into scales (at large d, Theta(d) eigenvalues
   beside Theta(1) ones, whose part double dsyev of the whole matrix
   resolves only to 1e-16 d), the rows whose diagonal is below
   2^-SCALE_GAP of the largest one again, on their own scale. */
#define PRECOND_LEVELS 4
#define SCALE_GAP 20

static void
precondition_levels (mpfr_t *A, size_t k, mpfr_prec_t wp)
{
  size_t *idx = malloc (k * sizeof *idx), m = k;
  if (!idx)
    return;
  for (size_t i = 0; i < k; i++)
    idx[i] = i;
  for (int level = 0; level < PRECOND_LEVELS && m > LSC_JACOBI_PRECOND_MIN;
       level++)
    {
      if (precondition (A, k, idx, m, wp))
        break;
      double big = 0;
      for (size_t i = 0; i < m; i++)
        big = fmax (big, fabs (mpfr_get_d (A[idx[i] * k + idx[i]],
                                           MPFR_RNDN)));
      size_t m2 = 0;
      for (size_t i = 0; i < m; i++)
        if (fabs (mpfr_get_d (A[idx[i] * k + idx[i]], MPFR_RNDN))
            < ldexp (big, -SCALE_GAP))
          idx[m2++] = idx[i];
      if (m2 == m || m2 == 0)
        break;
      m = m2;
    }
  free (idx);
}

/* Cyclic Jacobi with the rotation of Golub & Van Loan (Algorithm 8.5.1,
   sym.schur2): tau = (a_qq - a_pp)/(2 a_pq), t = sign(tau)/(|tau| +
   sqrt(1 + tau^2)), c = 1/sqrt(1 + t^2), s = t c; rows and columns p, q
   are updated in place, a_pp -= t a_pq, a_qq += t a_pq, a_pq = 0. */
int
lsc_mpfr_jacobi (mpfr_t *ev, mpfr_t *A, size_t k)
{
  if (k == 0)
    return LSC_SUCCESS;
  mpfr_prec_t wp = lsc_mpfr_vec_prec (A, k * k);
  mpfr_t off, fro, tau, t, c, s, x, y;
  mpfr_inits2 (wp, off, fro, tau, t, c, s, x, y, (mpfr_ptr) 0);
  int rc = LSC_ENOCONV;
  mpfr_set_zero (fro, 1);
  for (size_t i = 0; i < k * k; i++)
    mpfr_fma (fro, A[i], A[i], fro, MPFR_RNDN);
  /* threshold^2: off(A) <= |A|_F 2^-(wp - 4 - log2 k).  The rotations leave
     rounding noise of about |A| 2^-wp sqrt(k) in the off-diagonal entries,
     so a threshold below that (e.g. 2^-(wp+4)) can stall for k ~ 40; the
     eigenvalues move by at most off(A), far below the output precision
     because wp carries guard bits. */
  mpfr_mul_2si (fro, fro, -2 * ((long) wp - 4 - (long) lsc_mpfr_clog2 (k)),
                MPFR_RNDN);
  if (k > LSC_JACOBI_PRECOND_MIN)
    precondition_levels (A, k, wp);
  for (int sweep = 0; sweep < 64; sweep++)
    {
      mpfr_set_zero (off, 1);
      for (size_t p = 0; p < k; p++)
        for (size_t q = p + 1; q < k; q++)
          mpfr_fma (off, A[p * k + q], A[p * k + q], off, MPFR_RNDN);
      mpfr_mul_2ui (off, off, 1, MPFR_RNDN);
      if (mpfr_lessequal_p (off, fro) || eigen_converged (A, k, fro, x, y))
        {
          rc = LSC_SUCCESS;
          break;
        }
      for (size_t p = 0; p < k; p++)
        for (size_t q = p + 1; q < k; q++)
          {
            mpfr_ptr apq = A[p * k + q];
            if (mpfr_zero_p (apq))
              continue;
            mpfr_sub (tau, A[q * k + q], A[p * k + p], MPFR_RNDN);
            mpfr_div (tau, tau, apq, MPFR_RNDN);
            mpfr_div_2ui (tau, tau, 1, MPFR_RNDN);
            mpfr_sqr (t, tau, MPFR_RNDN);
            mpfr_add_ui (t, t, 1, MPFR_RNDN);
            mpfr_sqrt (t, t, MPFR_RNDN);
            mpfr_abs (x, tau, MPFR_RNDN);
            mpfr_add (t, t, x, MPFR_RNDN);
            mpfr_ui_div (t, 1, t, MPFR_RNDN);
            if (mpfr_sgn (tau) < 0)
              mpfr_neg (t, t, MPFR_RNDN);
            mpfr_sqr (c, t, MPFR_RNDN);
            mpfr_add_ui (c, c, 1, MPFR_RNDN);
            mpfr_rec_sqrt (c, c, MPFR_RNDN);
            mpfr_mul (s, t, c, MPFR_RNDN);
            for (size_t r = 0; r < k; r++)
              {
                if (r == p || r == q)
                  continue;
                mpfr_ptr arp = A[r * k + p], arq = A[r * k + q];
                mpfr_fmms (x, c, arp, s, arq, MPFR_RNDN);
                mpfr_fmma (y, s, arp, c, arq, MPFR_RNDN);
                mpfr_set (arp, x, MPFR_RNDN);
                mpfr_set (arq, y, MPFR_RNDN);
                mpfr_set (A[p * k + r], x, MPFR_RNDN);
                mpfr_set (A[q * k + r], y, MPFR_RNDN);
              }
            mpfr_mul (x, t, apq, MPFR_RNDN);
            mpfr_sub (A[p * k + p], A[p * k + p], x, MPFR_RNDN);
            mpfr_add (A[q * k + q], A[q * k + q], x, MPFR_RNDN);
            mpfr_set_zero (apq, 1);
            mpfr_set_zero (A[q * k + p], 1);
          }
    }
  for (size_t i = 0; i < k; i++)
    mpfr_set (ev[i], A[i * k + i], MPFR_RNDN);
  sort_mpfr (ev, k);
  mpfr_clears (off, fro, tau, t, c, s, x, y, (mpfr_ptr) 0);
  return rc;
}

mpfr_t *
lsc_mpfr_scratch_alloc (size_t n, mpfr_prec_t prec)
{
  size_t lb = mpfr_custom_get_size (prec), ls = sizeof (mp_limb_t);
  lb = (lb + ls - 1) / ls * ls;
  if (n == 0)
    n = 1;
  if (n > ((size_t) -1 / 2) / (sizeof (mpfr_t) + lb))
    return NULL;
  char *mem = malloc (n * (sizeof (mpfr_t) + lb));
  if (!mem)
    return NULL;
  mpfr_t *x = (mpfr_t *) (void *) mem;
  char *limbs = mem + n * sizeof (mpfr_t);
  for (size_t i = 0; i < n; i++)
    {
      void *l = limbs + i * lb;
      mpfr_custom_init (l, prec);
      mpfr_custom_init_set (x[i], MPFR_ZERO_KIND, 0, prec, l);
    }
  return x;
}

void
lsc_mpfr_scratch_free (mpfr_t *x)
{
  free (x);
}

/* The complement works component by component of the vectors' common
   sparsity: indices are joined when some input vector is nonzero at both,
   so every input vector, and every vector Gram-Schmidt makes from them,
   lives in one component.  Vectors of different components are exactly
   orthogonal, and the dense algorithm's products with them are exact
   zeros that change nothing: skipping them gives the same bits at a
   fraction of the cost (the chain's images of coarse orbits are disjoint
   unit blocks, so most components are a handful of indices). */
typedef struct
{
  size_t n;
  size_t *lab;   /* component of each index (a representative index) */
  size_t *idx;   /* indices sorted by component, */
  size_t *start; /* component c's indices: idx[start[c] .. start[c + 1]) */
  size_t *qlab;  /* component of each vector of Q */
} sparsity;

static size_t
find_root (size_t *root, size_t i)
{
  while (root[i] != i)
    i = root[i] = root[root[i]];
  return i;
}

/* Components of the supports of the m vectors X (length n) into root. */
static void
join_supports (size_t *root, const mpfr_t *X, size_t m, size_t n)
{
  for (size_t j = 0; j < m; j++)
    {
      size_t first = n;
      for (size_t i = 0; i < n; i++)
        if (!mpfr_zero_p (X[j * n + i]))
          {
            if (first == n)
              first = i;
            else
              {
                size_t a = find_root (root, first), b = find_root (root, i);
                if (a != b)
                  root[a > b ? a : b] = a < b ? a : b;
              }
          }
    }
}

/* Component of vector x (the first nonzero index's; n if x is zero). */
static size_t
vec_label (const sparsity *sp, const mpfr_t *x)
{
  for (size_t i = 0; i < sp->n; i++)
    if (!mpfr_zero_p (x[i]))
      return sp->lab[i];
  return sp->n;
}

/* r -= (q.r) q for each of the m orthonormal vectors in Q of r's
   component c, over c's indices only (t scratch). */
static void
project_out (mpfr_t *r, const mpfr_t *Q, size_t m, const sparsity *sp,
             size_t c, mpfr_t t)
{
  const size_t *ix = sp->idx + sp->start[c];
  size_t len = sp->start[c + 1] - sp->start[c], n = sp->n;
  for (size_t j = 0; j < m; j++)
    {
      if (sp->qlab[j] != c)
        continue;
      const mpfr_t *q = Q + j * n;
      mpfr_set_zero (t, 1);
      for (size_t a = 0; a < len; a++)
        mpfr_fma (t, q[ix[a]], r[ix[a]], t, MPFR_RNDN);
      mpfr_neg (t, t, MPFR_RNDN);
      for (size_t a = 0; a < len; a++)
        mpfr_fma (r[ix[a]], t, q[ix[a]], r[ix[a]], MPFR_RNDN);
    }
}

static void
norm (mpfr_t nr, const mpfr_t *x, const sparsity *sp, size_t c)
{
  mpfr_set_zero (nr, 1);
  for (size_t a = sp->start[c]; a < sp->start[c + 1]; a++)
    mpfr_fma (nr, x[sp->idx[a]], x[sp->idx[a]], nr, MPFR_RNDN);
  mpfr_sqrt (nr, nr, MPFR_RNDN);
}

/* Append x (length n) to the orthonormal set Q (m vectors) if its residual
   after two projections is not below 2^-(wp/2) of its norm. */
static int
gs_append (mpfr_t *Q, size_t *m, const mpfr_t *x, sparsity *sp,
           mpfr_prec_t wp, mpfr_t n0, mpfr_t n1, mpfr_t t)
{
  size_t n = sp->n, c = vec_label (sp, x);
  if (c == n)
    return 0;
  c = sp->lab[c] == c ? c : sp->lab[c];
  mpfr_t *r = Q + *m * n;
  for (size_t i = 0; i < n; i++)
    mpfr_set (r[i], x[i], MPFR_RNDN);
  norm (n0, r, sp, c);
  project_out (r, Q, *m, sp, c, t);
  project_out (r, Q, *m, sp, c, t); /* reorthogonalise ("twice is enough") */
  norm (n1, r, sp, c);
  mpfr_div (t, n1, n0, MPFR_RNDN);
  if (mpfr_cmp_si_2exp (t, 1, -(long) wp / 2) <= 0)
    return 0;
  for (size_t a = sp->start[c]; a < sp->start[c + 1]; a++)
    mpfr_div (r[sp->idx[a]], r[sp->idx[a]], n1, MPFR_RNDN);
  sp->qlab[(*m)++] = c;
  return 1;
}

int
lsc_mpfr_complement (mpfr_t *C, size_t *nc, const mpfr_t *S, size_t ns,
                     const mpfr_t *cand, size_t ncand, size_t n,
                     mpfr_prec_t wp)
{
  /* Q holds the basis of span(S) followed by the complement vectors. */
  mpfr_t *Q = lsc_mpfr_scratch_alloc ((ns + ncand + 1) * n, wp);
  size_t *mem = malloc ((4 * n + 2 + ns + ncand + 1) * sizeof *mem);
  if (!Q || !mem)
    {
      lsc_mpfr_scratch_free (Q);
      free (mem);
      return LSC_ENOMEM;
    }
  /* components: lab[i] is the component's smallest index; start is
     indexed by that label (ranges of idx, empty for non-labels) */
  sparsity sp = { n, mem, mem + n, mem + 2 * n, mem + 3 * n + 2 };
  for (size_t i = 0; i < n; i++)
    sp.lab[i] = i;
  join_supports (sp.lab, S, ns, n);
  join_supports (sp.lab, cand, ncand, n);
  for (size_t i = 0; i < n; i++)
    sp.lab[i] = find_root (sp.lab, i);
  size_t *cnt = sp.start; /* counts, then prefix sums (n + 1 entries) */
  for (size_t i = 0; i <= n; i++)
    cnt[i] = 0;
  for (size_t i = 0; i < n; i++)
    cnt[sp.lab[i] + 1]++;
  for (size_t i = 0; i < n; i++)
    cnt[i + 1] += cnt[i];
  for (size_t i = 0; i < n; i++) /* stable: ascending within a component */
    sp.idx[cnt[sp.lab[i]]++] = i;
  for (size_t i = n; i > 0; i--)
    cnt[i] = cnt[i - 1];
  cnt[0] = 0;
  mpfr_t n0, n1, t;
  mpfr_inits2 (wp, n0, n1, t, (mpfr_ptr) 0);
  size_t m = 0;
  for (size_t j = 0; j < ns; j++)
    gs_append (Q, &m, S + j * n, &sp, wp, n0, n1, t);
  size_t m0 = m;
  for (size_t j = 0; j < ncand && m < n; j++)
    gs_append (Q, &m, cand + j * n, &sp, wp, n0, n1, t);
  for (size_t i = 0; i < (m - m0) * n; i++)
    mpfr_set (C[i], Q[m0 * n + i], MPFR_RNDN);
  *nc = m - m0;
  mpfr_clears (n0, n1, t, (mpfr_ptr) 0);
  lsc_mpfr_scratch_free (Q);
  free (mem);
  return LSC_SUCCESS;
}
