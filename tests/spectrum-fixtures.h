/* Fixtures of t-spectrum: error-hook recorder, LAPACKE fault injection, matrices with prescribed spectra. */
#ifndef LSC_SPECTRUM_FIXTURES_H
#define LSC_SPECTRUM_FIXTURES_H
/* Included once, by t-spectrum.c, after lapacke.h, GSL and testutil.h. */

/* ---- error hook recorder ---- */
static int hook_calls, hook_status;
static void
hook (const char *reason, const char *file, int line, int status)
{
  hook_calls++;
  hook_status = status;
}

/* ---- fault injection: these definitions interpose on LAPACKE's (the
   library calls them through the dynamic linker); they count workspace
   queries and solves, and can make the next call report failure. ---- */
static int lapack_queries, lapack_calls, lapack_calls_2stage;
static lapack_int lapack_fake_info;
typedef lapack_int dsyevd_fn (int, char, char, lapack_int, double *,
                              lapack_int, double *, double *, lapack_int,
                              lapack_int *, lapack_int);
static lapack_int
forward (const char *name, int layout, char jobz, char uplo, lapack_int n,
         double *a, lapack_int lda, double *w, double *work,
         lapack_int lwork, lapack_int *iwork, lapack_int liwork)
{
  if (lwork == -1 || liwork == -1)
    lapack_queries++;
  else
    lapack_calls++;
  if (lapack_fake_info)
    return lapack_fake_info;
  dsyevd_fn *real = (dsyevd_fn *) dlsym (RTLD_NEXT, name);
  if (!real)
    return -1000;
  return real (layout, jobz, uplo, n, a, lda, w, work, lwork, iwork, liwork);
}

lapack_int
LAPACKE_dsyevd_work (int layout, char jobz, char uplo, lapack_int n,
                     double *a, lapack_int lda, double *w, double *work,
                     lapack_int lwork, lapack_int *iwork, lapack_int liwork)
{
  return forward ("LAPACKE_dsyevd_work", layout, jobz, uplo, n, a, lda, w,
                  work, lwork, iwork, liwork);
}

lapack_int
LAPACKE_dsyevd_2stage_work (int layout, char jobz, char uplo, lapack_int n,
                            double *a, lapack_int lda, double *w,
                            double *work, lapack_int lwork,
                            lapack_int *iwork, lapack_int liwork)
{
  if (lwork != -1 && liwork != -1)
    lapack_calls_2stage++;
  return forward ("LAPACKE_dsyevd_2stage_work", layout, jobz, uplo, n, a,
                  lda, w, work, lwork, iwork, liwork);
}

/* ---- matrices with prescribed spectra ---- */

/* Q: a random orthogonal n x n matrix (Haar), from the QR factorisation of
   a Gaussian matrix with the signs of diag(R) moved into Q. */
static void
random_orthogonal (gsl_matrix *Q, gsl_rng *r)
{
  size_t n = Q->size1;
  gsl_matrix *G = gsl_matrix_alloc (n, n), *R = gsl_matrix_alloc (n, n);
  gsl_vector *tau = gsl_vector_alloc (n);
  for (size_t i = 0; i < n; i++)
    for (size_t j = 0; j < n; j++)
      gsl_matrix_set (G, i, j, gsl_ran_gaussian (r, 1.0));
  gsl_linalg_QR_decomp (G, tau);
  gsl_linalg_QR_unpack (G, tau, Q, R);
  for (size_t j = 0; j < n; j++)
    if (gsl_matrix_get (R, j, j) < 0)
      for (size_t i = 0; i < n; i++)
        gsl_matrix_set (Q, i, j, -gsl_matrix_get (Q, i, j));
  gsl_matrix_free (G);
  gsl_matrix_free (R);
  gsl_vector_free (tau);
}

/* A = Q diag(lam) Q^T (row-major, exactly symmetric). */
static void
prescribed_matrix (double *A, const double *lam, size_t n, gsl_rng *r)
{
  gsl_matrix *Q = gsl_matrix_alloc (n, n), *B = gsl_matrix_alloc (n, n);
  random_orthogonal (Q, r);
  for (size_t i = 0; i < n; i++)
    for (size_t j = 0; j < n; j++)
      gsl_matrix_set (B, i, j, gsl_matrix_get (Q, i, j) * lam[j]);
  gsl_matrix_view Av = gsl_matrix_view_array (A, n, n);
  gsl_blas_dgemm (CblasNoTrans, CblasTrans, 1.0, B, Q, 0.0, &Av.matrix);
  for (size_t i = 0; i < n; i++)
    for (size_t j = 0; j < i; j++)
      A[i * n + j] = A[j * n + i] = 0.5 * (A[i * n + j] + A[j * n + i]);
  gsl_matrix_free (Q);
  gsl_matrix_free (B);
}

static int
cmp_double (const void *a, const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

/* Expected grouping of sorted prescribed values: exact repeats are one
   group. */
static size_t
exact_groups (size_t *mult, const double *lam, size_t n)
{
  size_t g = 0;
  for (size_t i = 0; i < n; i++)
    if (i == 0 || lam[i] != lam[i - 1])
      mult[g++] = 1;
    else
      mult[g - 1]++;
  return g;
}

/* A = H diag(lam) H^T (row-major, exactly symmetric) with H the product of
   nh random Householder reflectors: O(nh n^2) to build, so usable at
   n = 2000 where a full QR would dominate the test's time. */
static void
householder_prescribed (double *A, const double *lam, size_t n, int nh,
                        gsl_rng *r)
{
  double *u = malloc (n * sizeof *u), *w = malloc (n * sizeof *w);
  memset (A, 0, n * n * sizeof *A);
  for (size_t i = 0; i < n; i++)
    A[i * n + i] = lam[i];
  for (int h = 0; h < nh; h++)
    {
      /* A <- (I - 2uu^T) A (I - 2uu^T), |u| = 1:
         A - 2 u w^T - 2 w u^T + 4 (u.w) u u^T with w = A u */
      double nu = 0.0, uw = 0.0;
      for (size_t i = 0; i < n; i++)
        {
          u[i] = gsl_ran_gaussian (r, 1.0);
          nu += u[i] * u[i];
        }
      for (size_t i = 0; i < n; i++)
        u[i] /= sqrt (nu);
      for (size_t i = 0; i < n; i++)
        {
          double s = 0.0;
          for (size_t k = 0; k < n; k++)
            s += A[i * n + k] * u[k];
          w[i] = s;
          uw += u[i] * s;
        }
      for (size_t i = 0; i < n; i++)
        for (size_t j = 0; j <= i; j++)
          A[i * n + j] = A[j * n + i] = A[i * n + j] - 2 * u[i] * w[j]
                                        - 2 * w[i] * u[j]
                                        + 4 * uw * u[i] * u[j];
    }
  free (u);
  free (w);
}

#endif
