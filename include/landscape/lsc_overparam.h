/* Over-parameterisation k = d + m: neuron splitting, the structural zero
   modes of split neurons, the canonical representative of a line of split
   points, the split curvature that decides what a split does to the Morse
   index, and splits of Young-type fixed points at real d. */
#ifndef LSC_OVERPARAM_H
#define LSC_OVERPARAM_H

#include <stddef.h>
#include "landscape/lsc_loss.h"
#include "landscape/lsc_young.h"
#include "landscape/lsc_families.h"
#include "landscape/lsc_table.h"

#ifdef __cplusplus
extern "C" {
#endif
#pragma GCC visibility push(default)

/* ---- Splitting rows of a weight matrix (any k, d) ----

   With output weights 1, relu(t w.x) + relu((1 - t) w.x) = relu(w.x) for
   t in (0, 1) (positive homogeneity), so replacing a neuron w by neurons
   t w and (1 - t) w leaves the network function, hence the loss, unchanged,
   and a critical point stays critical.  The split ratio moves along a line
   of critical points: a structural zero mode of the Hessian. */

/* Split row i of W (k x d, row-major) into q >= 2 shares t[0..q-1], each
   in (0, 1), summing to 1 within 1e-12: Ws ((k + q - 1) x d) holds W with
   row i replaced by t[0] w_i and the rows t[1] w_i, ..., t[q-1] w_i
   appended after row k - 1.  t NULL: equal shares 1/q.  Returns
   LSC_SUCCESS, LSC_EFAULT, LSC_EINVAL (i >= k, q < 2, bad shares, k or d
   zero), LSC_EDOM (row i is zero). */
int lsc_overparam_split (double *Ws, const double *W, size_t k, size_t d,
                         size_t i, const double *t, size_t q);

/* Split groups of W (k x d): rows i, j belong to one group when they are
   positive multiples of each other, |w_i/|w_i| - w_j/|w_j|| <= tol (a
   single-linkage clustering).  group[i] (length k) receives the smallest
   row index of i's group; *nsplit = k - (number of groups), the number of
   structural zero modes (one split ratio per extra row).  Returns
   LSC_SUCCESS, LSC_EFAULT, LSC_EINVAL (k or d zero, tol not in (0, 1)),
   LSC_ENONFINITE, LSC_EDOM (a zero row). */
int lsc_overparam_groups (size_t *group, size_t *nsplit, const double *W,
                          size_t k, size_t d, double tol);

/* The neurons that the split groups of W split: Wm (at most k x d) holds,
   for each group in order of its first row, the sum of its rows; *km the
   number of groups.  Same statuses as lsc_overparam_groups. */
int lsc_overparam_merge (double *Wm, size_t *km, const double *W, size_t k,
                         size_t d, double tol);

/* The canonical representative of W's line of split points: the rows of
   each group replaced by equal shares of their sum (the network function
   is unchanged; at a critical point the result is a critical point with
   the same loss).  Wc (k x d) may equal W.  *nsplit as in
   lsc_overparam_groups (may be NULL).  Same statuses. */
int lsc_overparam_canonical (double *Wc, size_t *nsplit, const double *W,
                             size_t k, size_t d, double tol);

/* Split curvature of neuron i at W for problem p (alpha NULL or all ones):
     D_i = sum_{j != i} h1(w_i, w_j) - sum_j beta_j h1(w_i, v_j),
   i.e. the diagonal Hessian block H_ii less I/2, assembled from the kernel
   Hessians (lsc_kernel_hess), not from lsc_loss_hessian.  eval (length d)
   receives its eigenvalues, ascending; w_i/|w_i| is an eigenvector with
   eigenvalue 0.

   Why it matters.  Split neuron i of a critical point W into shares t and
   1 - t.  In the coordinates a = t z + e, b = (1 - t) z - e of the two
   parts the Hessian is block diagonal: H(W) on z and D_i / (t (1 - t)) on
   e (the mixed terms vanish because h2 depends only on directions, and
   h1(a, b) = 0, h2(a, b) = I/2 for parallel a, b).  By Sylvester's law of
   inertia the split point has the inertia of H(W) plus that of D_i, for
   every t: D_i's zero along w_i is the split ratio (structural), its
   negative eigenvalues are the new descent directions.  Splitting into q
   shares adds q - 1 copies of D_i's inertia; splits of different neurons
   add independently (the mixed e-blocks vanish for the same reason).
   Accuracy: that of lsc_kernel_hess and of the symmetric eigensolver,
   about 1e-15 relative to the largest |eigenvalue|.

   Returns LSC_SUCCESS, LSC_EFAULT, LSC_EINVAL (i >= k, alpha not all
   ones, sizes), the statuses of lsc_problem_check, LSC_ENOMEM. */
int lsc_overparam_curvature (double *eval, const double *W,
                             const lsc_problem *p, size_t i);

/* ---- Splits of Young-type fixed points (real d) ---- */

/* The canonical split of one neuron of row block b of (G, p): that
   neuron's row replaced by q equal shares.  If block b is paired with
   more than one row (block 0 always is), one index is first singled out
   (lsc_young_single_out); the q shares then form a new unpaired row block
   of size q, and the column the neuron was paired with becomes an unpaired
   column block of size 1.  Gs, ps (lsc_young_nparams (Gs) values) receive
   the group and the point; lsc_young_k (Gs) = lsc_young_k (G) + q - 1.
   Block b must be paired (every neuron of a k = d family is).  Valid at
   real d (sizes other than block 0 integral).  Returns LSC_SUCCESS,
   LSC_EFAULT, LSC_EINVAL (b not a paired block, q < 2, too many blocks),
   the statuses of lsc_young_check and lsc_young_single_out. */
int lsc_overparam_split_young (lsc_young *Gs, double *ps, const lsc_young *G,
                               const double *p, size_t b, size_t q);

/* Split of one neuron of paired row block b with ratio t in (0, 1)
   (t = 1/2 allowed): after singling the neuron out as above (when its
   block has more than one row), its paired row keeps share t (its
   parameters times t) and a new unpaired row block of size 1 receives
   share 1 - t.  Gs, ps as above.  A second representation of the same
   line of split points, with a smaller group whose fixed space contains
   the split ratio: at t = 1/2 it describes the point of
   lsc_overparam_split_young with q = 2.  LSC_EINVAL when block b is not
   paired or t is outside (0, 1). */
int lsc_overparam_split_young_ratio (lsc_young *Gs, double *ps,
                                     const lsc_young *G, const double *p,
                                     size_t b, double t);

/* Structural zero modes of the point p of Fix(G) at G's sizes (real d):
   rows of G's blocks that are positive multiples of each other (the
   row patterns, normalised in the Gram metric, within tol; the rows of
   an unpaired block are equal, hence parallel; rows of a paired block
   with more than one row are never constant on their columns and are left
   out).  A group of R mutually parallel rows has R - 1 split ratios;
   *nsplit receives their sum, the number of Hessian zero eigenvalues that
   are structural.  Returns LSC_SUCCESS, LSC_EFAULT, LSC_EINVAL (tol not
   in (0, 1)) and the statuses of lsc_young_check. */
int lsc_overparam_young_nsplit (double *nsplit, const lsc_young *G,
                                const double *p, double tol);

/* ---- What splitting does to a k = d family (the splitting table) ---- */

/* One split of a family's point at one d. */
typedef struct
{
  const lsc_family *fam;   /* the k = d family                             */
  double d;
  size_t m;                /* extra neurons (1 or 2)                       */
  int b1, b2;              /* row blocks whose neurons are split: b2 = -1,
                              one neuron of b1 into m + 1 equal shares;
                              b2 >= 0, one neuron of b1 and one of b2 (b1
                              = b2: two neurons of that block), each in
                              halves                                        */
  int status;              /* LSC_SUCCESS or the failing step's status     */
  char isotropy[160];      /* the split point's group                      */
  double loss;             /* its loss (= the parent's)                    */
  double parent_index;     /* Morse index of the parent at d               */
  double index, zero;      /* inertia of the split point (scan job: 128-bit
                              isotypic spectrum)                            */
  double nsplit;           /* structural zeros among them (= m)            */
  const char *type;        /* scan type, structural zeros excluded:
                              spurious-minimum (a line of minima), saddle,
                              degenerate, global-minimum (a split of the
                              global minimum: loss 0, flat directions)    */
  double index_ratio;      /* m = 1: the index by a second group, the split
                              with ratio 1/3 (NaN otherwise)               */
  double predicted;        /* m = 2: parent + the two m = 1 increments
                              (additivity of split inertia; NaN for m = 1) */
  int full;                /* LSC_SCAN_FULL_* of the split point's full
                              Hessian check (integer d <= 200)             */
  double full_index;       /* full-Hessian Morse index (NaN: not run)     */
  double second;           /* the index by the second route: index_ratio
                              for m = 1, predicted for m = 2             */
  int verdict;             /* LSC_SUCCESS only when status is, the second
                              route gives the same index and the full
                              Hessian (when checked) agrees; else the
                              failing status or LSC_EFAILED: a row is
                              ok only by this                            */
} lsc_overparam_split_row;

/* Upper bound on the rows of lsc_overparam_split_table for a family with
   nrb row blocks. */
#define LSC_OVERPARAM_SPLIT_MAXROWS(nrb) \
  ((nrb) + 2 * (nrb) + (nrb) * ((nrb) - 1) / 2)

/* The splitting table of family fam at d: for every row block b, the
   split of one neuron of b (m = 1); for m = 2, one neuron of b in three
   shares, two neurons of b in halves (when b has two), and one neuron of
   b and one of each later block b' in halves.  The parent is continued to
   d and every split point evaluated by the scan job (lsc_scan_family,
   128-bit isotypic spectrum, full-Hessian check at integer d <= 200 when
   full != 0); structural zeros are those of lsc_overparam_young_nsplit.
   rows must hold LSC_OVERPARAM_SPLIT_MAXROWS (fam->G.nrb) rows; *nrows
   receives their number.  Returns LSC_SUCCESS (each row carries its
   status), LSC_EFAULT, LSC_EDOM (the family does not exist at d),
   LSC_ENOMEM, or the status of the parent's continuation. */
int lsc_overparam_split_table (lsc_overparam_split_row *rows, size_t *nrows,
                               const lsc_family *fam, double d, int full);

/* 1 if the splitting table applies to family f: a k = d family. */
int lsc_overparam_split_family_ok (const lsc_family *f);

/* Called by lsc_overparam_split_write for a family whose table failed at
   d with status (its rows are left out). */
typedef void (*lsc_overparam_split_fail) (const lsc_family *f, double d,
                                          int status, void *ctx);

/* Write the table "split" (family, d, m, split, status, parent_index,
   index, zero, structural, type, index_2nd, full, loss, isotropy) to o:
   the rows of lsc_overparam_split_table for each family fams[0..nf) (or,
   with fams NULL, each k = d family of cat) at each of the nd dimensions
   dv, families first; a family that does not exist at d has no rows
   there.  The status cell is the row's verdict; split is "b/m+1" for one
   neuron of block b in m + 1 shares, "b+b'" for a neuron of b and one of
   b'.  *nbad (may be NULL) receives the rows whose verdict is not ok
   plus the failed (family, d) pairs (reported through fail, may be
   NULL).  Returns the output's status, LSC_ENOMEM or LSC_EFAULT. */
int lsc_overparam_split_write (lsc_table_output *o, const lsc_catalogue *cat,
                               const lsc_family *const *fams, size_t nf,
                               const double *dv, size_t nd, int full,
                               lsc_overparam_split_fail fail, void *ctx,
                               size_t *nbad);

#pragma GCC visibility pop
#ifdef __cplusplus
}
#endif
#endif
