/* Symmetric eigensolver: LAPACK dsyevd (dsyevd_2stage for large values-only jobs) via LAPACKE _work calls, workspace queried once. */
#include <config.h>
#include <stdlib.h>
#include <stdint.h>
#include <math.h>
#include <lapacke.h>
#include "internal.h"
#include "landscape/lsc_spectrum.h"

/* Jobs: 'V' (vectors, one-stage dsyevd), 'N' (values, one-stage) and '2'
   (values through the two-stage reduction dense -> band -> tridiagonal,
   dsyevd_2stage, LAPACK >= 3.7; jobz = 'N' only).  The two-stage
   reduction replaces dsytrd's memory-bound BLAS-2 half by BLAS-3 work but
   costs more at small n.  Measured here (OpenBLAS 0.3.21, one thread):
   n = 1600 one-stage 0.33 s vs two-stage 0.37 s; n = 2400 2.05 s vs
   1.18 s; n = 3600 4.8 s vs 3.8 s (more with two threads).  Hence the
   cross-over below, a performance choice only: both are backward
   stable.  Without the routine in the headers, one-stage serves all n. */
#ifdef LAPACK_dsyevd_2stage
#define TWOSTAGE_MIN_N 2000
#else
#define TWOSTAGE_MIN_N ((size_t) -1)
#endif

static lapack_int
run_job (char job, size_t n, double *a, double *w, double *work,
         lapack_int lwork, lapack_int *iwork, lapack_int liwork)
{
  lapack_int ln = (lapack_int) n;
#ifdef LAPACK_dsyevd_2stage
  if (job == '2')
    return LAPACKE_dsyevd_2stage_work (LAPACK_COL_MAJOR, 'N', 'U', ln, a, ln,
                                       w, work, lwork, iwork, liwork);
#endif
  return LAPACKE_dsyevd_work (LAPACK_COL_MAJOR, job == 'V' ? 'V' : 'N', 'U',
                              ln, a, ln, w, work, lwork, iwork, liwork);
}

/* The values-only job for order n. */
static char
values_job (size_t n)
{
  return n >= TWOSTAGE_MIN_N ? '2' : 'N';
}

/* The workspace: the double and integer work arrays, sized by queries at
   allocation for the largest n and every job it will serve. */
struct lsc_eigen_workspace
{
  size_t n;             /* largest order served                     */
  int want_vectors;     /* 1 if sized for jobz = 'V' as well        */
  double *work;
  lapack_int lwork;
  lapack_int *iwork;
  lapack_int liwork;
};

/* One workspace query (lwork = liwork = -1) for order n: the matrix is not
   referenced by a query, a dummy scalar stands in for it.  Column-major is
   used throughout (see lsc_eigen_symm) so that LAPACKE never allocates a
   transposed copy.  Raises *lwork, *liwork to the sizes returned. */
static int
query (lapack_int *lwork, lapack_int *liwork, size_t n, char job)
{
  lapack_int iq = 0;
  double dummy_a = 0.0, dummy_w = 0.0, wq = 0.0;
  lapack_int info = run_job (job, n, &dummy_a, &dummy_w, &wq, -1, &iq, -1);
  if (info != 0 || !(wq >= 1.0) || iq < 1)
    return LSC_ELAPACK;
  /* The size comes back as a double; round up so that a value like
     2e8 + 60001 - 1e-7 is not truncated below the minimum. */
  lapack_int lw = (lapack_int) ceil (wq);
  if (lw > *lwork)
    *lwork = lw;
  if (iq > *liwork)
    *liwork = iq;
  return LSC_SUCCESS;
}

/* Largest n that LAPACK's integer type can describe for a job: for
   jobz = 'V' dsyevd needs 1 + 6n + 2n^2 doubles, which must fit in a
   lapack_int (n <= 32765 with 32-bit integers). */
static int
order_fits (size_t n, int want_vectors)
{
  double need = want_vectors ? 1.0 + 6.0 * (double) n + 2.0 * (double) n * n
                             : 1.0 + 2.0 * (double) n;
  /* lapack_int is signed; keep the largest value exactly representable. */
  double lim = (sizeof (lapack_int) >= 8) ? 9007199254740992.0
                                          : 2147483647.0;
  return need <= lim;
}

/* Allocate a workspace for symmetric problems of order up to n, for
   eigenvalues only (want_vectors = 0) or eigenvalues and eigenvectors.
   The optimal LAPACK work sizes are obtained once, here, by workspace
   queries (lwork = liwork = -1: one per job served) and the buffers are
   kept for every later call.  Returns NULL after reporting LSC_EINVAL
   (n = 0, or n too large for LAPACK's integers), LSC_ELAPACK (a query
   failed) or LSC_ENOMEM. */
lsc_eigen_workspace *
lsc_eigen_workspace_alloc (size_t n, int want_vectors)
{
  lsc_eigen_workspace *ws = NULL;
  want_vectors = want_vectors != 0;
  if (n == 0)
    {
      lsc_error ("eigen workspace: n must be positive", __FILE__, __LINE__,
                 LSC_EINVAL);
      return NULL;
    }
  if (!order_fits (n, want_vectors))
    {
      lsc_error ("eigen workspace: n too large for LAPACK integers",
                 __FILE__, __LINE__, LSC_EINVAL);
      return NULL;
    }

  /* Workspace queries: the one-stage values job always (it serves every
     order below TWOSTAGE_MIN_N, and evec = NULL is allowed with any
     workspace), the two-stage one if n reaches TWOSTAGE_MIN_N, and the
     vectors job if asked.  The sizes grow with n (checked for n up to
     12000), so they serve every smaller order too. */
  lapack_int lwork = 0, liwork = 0;
  if (query (&lwork, &liwork, n, 'N') != LSC_SUCCESS
      || (values_job (n) == '2' && query (&lwork, &liwork, n, '2'))
      || (want_vectors && query (&lwork, &liwork, n, 'V')))
    {
      lsc_error ("eigen workspace: LAPACK workspace query failed", __FILE__,
                 __LINE__, LSC_ELAPACK);
      return NULL;
    }

  ws = malloc (sizeof *ws);
  if (!ws)
    goto nomem;
  ws->n = n;
  ws->want_vectors = want_vectors;
  ws->lwork = lwork;
  ws->liwork = liwork;
  ws->work = NULL;
  ws->iwork = NULL;
  ws->work = malloc ((size_t) ws->lwork * sizeof *ws->work);
  ws->iwork = malloc ((size_t) ws->liwork * sizeof *ws->iwork);
  if (!ws->work || !ws->iwork)
    goto nomem;
  return ws;

nomem:
  lsc_eigen_workspace_free (ws);
  lsc_error ("eigen workspace: out of memory", __FILE__, __LINE__,
             LSC_ENOMEM);
  return NULL;
}

/* Bytes that lsc_eigen_workspace_alloc (n, want_vectors) allocates, from
   the same LAPACK workspace queries (nothing of size n is allocated): a
   caller checks its memory budget with it before asking for an n x n
   matrix.  0 when n is 0, too large for LAPACK's integers, or a query
   fails. */
double
lsc_eigen_workspace_bytes (size_t n, int want_vectors)
{
  lapack_int lwork = 0, liwork = 0;
  want_vectors = want_vectors != 0;
  if (n == 0 || !order_fits (n, want_vectors))
    return 0;
  if (query (&lwork, &liwork, n, 'N') != LSC_SUCCESS
      || (values_job (n) == '2' && query (&lwork, &liwork, n, '2'))
      || (want_vectors && query (&lwork, &liwork, n, 'V')))
    return 0;
  return (double) lwork * sizeof (double)
    + (double) liwork * sizeof (lapack_int) + sizeof (lsc_eigen_workspace);
}

/* Free a workspace; NULL is a no-op. */
void
lsc_eigen_workspace_free (lsc_eigen_workspace *ws)
{
  if (!ws)
    return;
  free (ws->work);
  free (ws->iwork);
  free (ws);
}

/* Blocked transposes (cache-friendly for large n): dst = src^T, and A = A^T. */
enum { TBLOCK = 32 };

static void
transpose_copy (double *dst, const double *src, size_t n)
{
  for (size_t i0 = 0; i0 < n; i0 += TBLOCK)
    for (size_t j0 = 0; j0 < n; j0 += TBLOCK)
      {
        size_t i1 = i0 + TBLOCK < n ? i0 + TBLOCK : n;
        size_t j1 = j0 + TBLOCK < n ? j0 + TBLOCK : n;
        for (size_t i = i0; i < i1; i++)
          for (size_t j = j0; j < j1; j++)
            dst[i * n + j] = src[j * n + i];
      }
}

static void
transpose_inplace (double *A, size_t n)
{
  for (size_t i0 = 0; i0 < n; i0 += TBLOCK)
    for (size_t j0 = i0; j0 < n; j0 += TBLOCK)
      {
        size_t i1 = i0 + TBLOCK < n ? i0 + TBLOCK : n;
        size_t j1 = j0 + TBLOCK < n ? j0 + TBLOCK : n;
        for (size_t i = i0; i < i1; i++)
          for (size_t j = (j0 > i + 1 ? j0 : i + 1); j < j1; j++)
            {
              double t = A[i * n + j];
              A[i * n + j] = A[j * n + i];
              A[j * n + i] = t;
            }
      }
}

/* Eigenvalues (ascending) and optionally eigenvectors of the symmetric
   n x n row-major matrix A, n <= the workspace order.

   Only the lower triangle of A (row-major: entries A[i*n+j], j <= i) is
   read (checked for finiteness, then handed to LAPACK); the strict upper
   triangle may hold anything.  A is overwritten.  If evec is not
   NULL the workspace must have been allocated with vectors; then column j
   of the row-major evec (entries evec[i*n+j]) is the unit eigenvector of
   eval[j].  evec may be the same array as A.

   Layout: a row-major symmetric matrix, read as column-major, is the same
   matrix, so LAPACK is called in column-major order on A directly (no
   copy; uplo 'U' in column-major is the row-major lower triangle).  LAPACK
   returns the eigenvectors as the columns of a column-major array, i.e.
   as the rows of A read row-major; one transpose puts them in the columns
   of evec.

   Accuracy (dsyevd and dsyevd_2stage are backward stable): each
   eigenvalue is within c n eps ||A||_2 of the exact one; residuals ||A v_j - eval[j] v_j|| and
   ||V^T V - I|| are O(n eps ||A||) and O(n eps).  Eigenvectors of
   clustered eigenvalues are individually ill-determined; their span is
   accurate to O(eps ||A|| / gap).  Source: LAPACK Users' Guide, 3rd ed.,
   section 4.7.

   Errors: LSC_EFAULT (eval, A or ws NULL), LSC_EINVAL (n = 0, or evec
   requested from a values-only workspace), LSC_EBADLEN (n larger than the
   workspace), LSC_ENONFINITE (NaN or infinity in A), LSC_ELAPACK (LAPACK
   did not converge, info > 0). */
int
lsc_eigen_symm (double *eval, double *evec, double *A, size_t n,
                lsc_eigen_workspace *ws)
{
  if (!eval || !A || !ws)
    LSC_ERROR ("eigen_symm: NULL pointer", LSC_EFAULT);
  if (n == 0)
    LSC_ERROR ("eigen_symm: n must be positive", LSC_EINVAL);
  if (n > ws->n)
    LSC_ERROR ("eigen_symm: n exceeds the workspace size", LSC_EBADLEN);
  if (evec && !ws->want_vectors)
    LSC_ERROR ("eigen_symm: eigenvectors requested from a values-only "
               "workspace", LSC_EINVAL);
  int finite = 1;
  for (size_t i = 0; i < n; i++)
    finite &= lsc_all_finite (A + i * n, i + 1);
  if (!finite)
    LSC_ERROR ("eigen_symm: NaN or infinity in the matrix", LSC_ENONFINITE);

  lapack_int info = run_job (evec ? 'V' : values_job (n), n, A, eval,
                             ws->work, ws->lwork, ws->iwork, ws->liwork);
  if (info > 0)
    LSC_ERROR ("eigen_symm: LAPACK failed to converge", LSC_ELAPACK);
  if (info < 0)
    LSC_ERROR ("eigen_symm: LAPACK rejected an argument", LSC_ELAPACK);

  if (evec)
    {
      /* A holds the eigenvectors column-major: A[i + j*n] = v_j[i].  The
         caller wants evec[i*n + j] = v_j[i]: the transpose. */
      if (evec == A)
        transpose_inplace (A, n);
      else
        transpose_copy (evec, A, n);
    }
  return LSC_SUCCESS;
}
