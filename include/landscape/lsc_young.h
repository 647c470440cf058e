/* Young-type isotropy groups of weight matrices, their fixed-point spaces
   (parameters, Gram metric, embedding, projection) and refinements that
   single out indices.  landscape(7). */
#ifndef LSC_YOUNG_H
#define LSC_YOUNG_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif
#pragma GCC visibility push(default)

#define LSC_YOUNG_MAX 16

/* A Young-type group acting on M(k, d).  Rows are split into nrb row blocks
   (sizes rsize), columns into ncb column blocks (sizes csize).  Row block r
   is paired with column block pair[r] (equal sizes; they are permuted
   together, the ordinary Delta S_p), or pair[r] = -1 (rows permuted alone).
   The target is V = I_d, alpha = beta = 1: target j sits in column j.
   Sizes are real: block 0 is the "large" block whose size follows d
   (lsc_young_set_d); it must be paired.  For k = d every row block is
   paired with the column block of the same index. */
typedef struct
{
  size_t nrb, ncb;
  double rsize[LSC_YOUNG_MAX];
  double csize[LSC_YOUNG_MAX];
  int pair[LSC_YOUNG_MAX];
} lsc_young;

/* Parameters of Fix(G), in order: for each row block r, for each column
   block c: if pair[r] == c a DIAG parameter and, when r == 0 or
   rsize[r] != 1, an OFFDIAG parameter; otherwise one CONST parameter.
   (Block 0 keeps its OFFDIAG parameter at size 1, where its orbit is empty
   and its metric 0, so that the parameter layout does not change with d.) */
enum { LSC_PARAM_DIAG = 0, LSC_PARAM_OFFDIAG = 1, LSC_PARAM_CONST = 2 };
typedef struct
{
  int rb, cb, kind;
} lsc_param_info;

/* k = d: Delta(S_{p0} x ... x S_{p(r-1)}) from block sizes (block 0 large). */
int lsc_young_init_kd (lsc_young *G, const double *sizes, size_t r);

/* Validity: 1 <= blocks <= LSC_YOUNG_MAX, sizes finite and >= 1 (block 0
   and its column block: > 0, for analytic continuation below 1 inside the
   isotypic reduction), pairs unique with equal sizes, block 0 paired.
   LSC_EINVAL otherwise. */
int lsc_young_check (const lsc_young *G);

double lsc_young_k (const lsc_young *G);     /* sum of row sizes    */
double lsc_young_d (const lsc_young *G);     /* sum of column sizes */
size_t lsc_young_nparams (const lsc_young *G);
int lsc_young_param (lsc_param_info *info, const lsc_young *G, size_t idx);

/* Move the large block (row block 0 and column block pair[0]) so that the
   column sizes sum to d.  LSC_EDOM if that leaves it below 1. */
int lsc_young_set_d (lsc_young *G, double d);

/* 1 if every size is an integer (embedding possible). */
int lsc_young_is_integral (const lsc_young *G);

/* Gram metric: metric[i] = number of matrix entries parameter i fills
   (DIAG n_r, OFFDIAG n_r (n_r - 1), CONST n_r m_c) - the squared norm of
   its direction in M(k, d). */
int lsc_young_metric (double *metric, const lsc_young *G);

/* Embed parameters into W (k x d row-major) at integer sizes, in block
   order: rows of block 0 first, etc.; in a paired block, row t pairs with
   column t of its column block.  LSC_EDOM if sizes are not integral. */
int lsc_young_embed (double *W, const double *p, const lsc_young *G);

/* Orthogonal projection of W onto Fix(G), in parameters (orbit averages),
   with the same block order.  If dist != NULL it receives the Frobenius
   distance from W to Fix(G). */
int lsc_young_project (double *p, double *dist, const double *W,
                       const lsc_young *G);

/* Refinement: single out q >= 1 indices of paired block b (q rows and the
   q paired columns become q new paired singleton blocks appended at the
   end; block b shrinks by q).  rparent/cparent (length fine->nrb/ncb, may be
   NULL) receive the coarse block of each fine block. */
int lsc_young_single_out (lsc_young *fine, int *rparent, int *cparent,
                          const lsc_young *coarse, size_t b, size_t q);

/* Split every block other than block 0 into singletons (paired blocks into
   paired singletons): the group S_n of the large block alone.  Parents as
   in lsc_young_single_out.  LSC_EINVAL if that needs more than
   LSC_YOUNG_MAX blocks or a small block is not integral. */
int lsc_young_split_small (lsc_young *fine, int *rparent, int *cparent,
                           const lsc_young *coarse);

/* Index of the parameter (row block rb, column block cb, kind) of G, or -1
   if G has no such parameter. */
int lsc_young_param_index (const lsc_young *G, int rb, int cb, int kind);

/* The inclusion Fix(coarse) -> Fix(fine) in parameters: A is
   nfine x ncoarse row-major, A[f][c] = 1 if orbit f lies in orbit c. */
int lsc_young_param_map (double *A, const lsc_young *fine, const int *rparent,
                         const int *cparent, const lsc_young *coarse);

#pragma GCC visibility pop
#ifdef __cplusplus
}
#endif
#endif
