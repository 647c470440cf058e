/* Proved Morse index: the inertia of every isotypic block of the Hessian
   over a box of critical points and a ball of d (the blocks of blocks.c,
   enclosed along the branch or over the box). */
#include <config.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "internal.h"
#include "certify/certify_impl.h"
#include "spectrum/isochain.h"
#include "landscape/lsc_certify.h"
#include "landscape/lsc_isotypic.h"

static void
why (lsc_cert_morse *m, const char *msg)
{
  snprintf (m->reason, sizeof m->reason, "%s", msg);
}

/* The blocks along the branch over the ball d (lsc_cert_branch_blocks),
   each block's inertia proved directly or, for the one whose eigenvalue
   nearest 0 is not separated from 0 over the ball (near a crossing d*,
   where the pieces would otherwise shrink with the distance to it), by
   its last pivot monotone in d and the same inertia at both ends
   (lsc_cert_monotone_inertia; not with structural flat directions, whose
   derivative blocks are not deflated).  Returns 1 when every inertia is
   proved. */
static int
via_branch (size_t *nn, size_t *npp, size_t *nzero, const lsc_young *G,
            const int *ks, arb_srcptr box, const arb_t d,
            const lsc_certify_options *o, slong prec)
{
  arb_mat_t A[4], Ad[4];
  if (mag_is_zero (arb_radref (d))
      || lsc_cert_branch_blocks (A, Ad, G, ks, box, d, o, prec))
    return 0;
  int ok = !lsc_cert_deflate (A, nzero, G, box, d, ks, prec);
  int flat = nzero[0] || nzero[1] || nzero[2] || nzero[3];
  lsc_cert_ends ends;
  lsc_cert_ends_init (&ends);
  for (int c = 0; c < 4 && ok; c++)
    ok = lsc_ball_inertia (&nn[c], &npp[c], A[c], NULL, NULL, NULL, prec)
         == 1
         || (!flat
             && lsc_cert_monotone_inertia (&nn[c], &npp[c], c, A[c], Ad[c],
                                           &ends, G, ks, box, d, o, prec));
  lsc_cert_ends_clear (&ends);
  lsc_cert_blocks_clear (A, Ad);
  return ok;
}

/* A minimum at the cost of the compressed blocks (lsc_cert_blocks_small:
   each paired small block of size p >= 4 kept as (p - 2, 1, 1)).  Its
   S_p, permuting the small block's rows and their columns, maps Fix(G0),
   Fix(G1) and the two parts of Fix(G2) onto themselves by permutations
   of the parameters and commutes with their Hessians at every point of
   Fix(G); a parameter involves at most two indices of a small block, so
   the stabiliser of each contains a conjugate of K = S_(p-2) (of every
   compressed block), and the compressed blocks are the Hessians on the
   K-fixed vectors.  Were a whole block not positive definite at a point,
   the eigenspace of a nonpositive eigenvalue would be invariant, would
   contain an irreducible representation of the permutation module, which
   has a nonzero K-fixed vector (Frobenius reciprocity: it occurs in the
   module induced from a stabiliser), a K-fixed vector with a nonpositive
   form.  So compressed blocks proved positive definite over the box and
   the ball d prove the whole ones positive definite there, of the sizes
   full[c].  Returns 1 then; -1 when a compressed block has a negative
   eigenvalue (then so has the whole one: the inertia needs the whole
   blocks) or G has no such small block; 0 when a pivot or an entry is
   not decided (*msg: why).  Nothing is claimed unless 1. */
static int
via_small (size_t *nn, size_t *npp, const char **msg, const lsc_young *G,
           const int *ks, arb_srcptr box, const arb_t d,
           const lsc_certify_options *o, slong prec)
{
  arb_mat_t A[4];
  size_t full[4], n, p;
  int rc = lsc_cert_blocks_small (A, full, G, box, d, ks, o->taylor, prec);
  int ok = rc == LSC_SUCCESS ? 1 : rc == LSC_EDOM ? 0 : -1;
  *msg = ok ? NULL : "a Hessian cannot be enclosed (a norm or an angle not "
                     "proved away from 0)";
  for (int c = 0; c < 4 && ok == 1; c++)
    {
      int pr = lsc_ball_inertia (&n, &p, A[c], NULL, NULL, NULL, prec);
      ok = pr == 1 && n == 0 && p == (size_t) arb_mat_nrows (A[c]) ? 1
           : pr == 1 ? -1 : 0;
      if (!ok)
        *msg = "a pivot of a block's LDL^T contains 0 (an eigenvalue not "
               "separated from 0: degenerate, near a crossing, or the ball "
               "of d too wide)";
    }
  for (int c = 0; c < 4 && ok == 1; c++)
    {
      nn[c] = 0;
      npp[c] = full[c];
    }
  lsc_cert_blocks_clear (A, NULL);
  return ok;
}

/* The blocks over the box and the ball d (centered forms).  Returns an
   error status (memory, arguments) or 0; *msg is NULL when every
   inertia is proved, else why not. */
static int
via_box (size_t *nn, size_t *npp, size_t *nzero, const char **msg,
         const lsc_young *G, const int *ks, arb_srcptr box, const arb_t d,
         const lsc_certify_options *o, slong prec)
{
  arb_mat_t A[4];
  int rc = lsc_cert_blocks (A, NULL, G, box, NULL, d, ks, o->taylor, prec);
  *msg = NULL;
  if (rc == LSC_ENOMEM || rc == LSC_EINVAL)
    {
      lsc_cert_blocks_clear (A, NULL);
      return rc;
    }
  if (rc)
    *msg = "a Hessian cannot be enclosed (a norm or an angle not proved "
           "away from 0)";
  else if (lsc_cert_deflate (A, nzero, G, box, d, ks, prec))
    *msg = "identical split rows whose flat direction cannot be "
           "separated (their row not proved nonzero)";
  else
    for (int c = 0; c < 4 && !*msg; c++)
      if (lsc_ball_inertia (&nn[c], &npp[c], A[c], NULL, NULL, NULL, prec)
          != 1)
        *msg = "a pivot of a block's LDL^T contains 0 (an eigenvalue not "
               "separated from 0: degenerate, near a crossing, or the "
               "ball of d too wide)";
  lsc_cert_blocks_clear (A, NULL);
  return LSC_SUCCESS;
}

int
lsc_certify_morse (lsc_cert_morse *res, const lsc_young *G, arb_srcptr box,
                   const arb_t d, const lsc_certify_options *opt)
{
  return lsc_cert_morse_k (res, G, NULL, box, d, opt, NULL);
}

int
lsc_cert_morse_k (lsc_cert_morse *res, const lsc_young *G, const int *ks,
                  arb_srcptr box, const arb_t d,
                  const lsc_certify_options *opt, int *hint)
{
  if (!res || !G || !box || !d)
    LSC_ERROR ("NULL argument", LSC_EFAULT);
  lsc_certify_options o;
  int rc = lsc_cert_options (&o, G, opt);
  if (rc)
    return rc;
  memset (res, 0, sizeof *res);
  o.taylor = lsc_certify_taylor (&o, arf_get_d (arb_midref (d), ARF_RND_UP)
                                         + mag_get_d (arb_radref (d)));
  double other = 0;
  for (size_t c = 0; c < G->ncb; c++)
    if ((int) c != G->pair[0])
      other += G->csize[c];
  arb_t Lb;
  arb_init (Lb);
  arb_set_d (Lb, other + 3); /* exact: small integers */
  arb_sub (Lb, d, Lb, 64);
  int big = arb_is_positive (Lb);
  arb_clear (Lb);
  if (!big)
    LSC_ERROR ("the large block must exceed 3 over the ball of d", LSC_EDOM);
  slong prec = lsc_certify_prec (&o, arf_get_d (arb_midref (d), ARF_RND_UP));
  size_t nn[4], npp[4];
  /* two enclosures of the blocks: along the branch (narrower near a
     crossing) and over the box (narrower far from one); the hint names
     the one that last succeeded, tried first */
  int box_first = hint && (*hint & 1), got = 0, path = 0;
  const char *msg = NULL;
  /* a minimum by the compressed blocks first, unless the last piece was
     a saddle (hint bit 2); when their enclosure over the box is
     undecided, the whole blocks' over the box is not tried (its blocks
     hold the compressed ones' eigenvalues, enclosed alike): only along
     the branch */
  int small = hint && (*hint & 2)
                ? -1 : via_small (nn, npp, &msg, G, ks, box, d, &o, prec);
  got = small == 1;
  if (got)
    path = hint ? *hint & 1 : 0;
  if (!got && (!box_first || small == 0))
    got = via_branch (nn, npp, res->nzero, G, ks, box, d, &o, prec);
  if (!got && small != 0)
    {
      rc = via_box (nn, npp, res->nzero, &msg, G, ks, box, d, &o, prec);
      if (rc)
        LSC_ERROR ("cannot build the isotypic blocks", rc);
      got = !msg;
      path = 1;
    }
  if (!got && box_first && small != 0
      && via_branch (nn, npp, res->nzero, G, ks, box, d, &o, prec))
    {
      got = 1;
      path = 0;
    }
  if (got && hint)
    *hint = path | (nn[0] || nn[1] || nn[2] || nn[3] ? 2 : 0);
  {
    {
      /* blocks: 0 = t, 1 = t + s, 2 = s + x, 3 = t + s + y */
      if (!got)
        why (res, msg);
      else if (nn[1] < nn[0] || npp[1] < npp[0] || nn[2] < nn[1] - nn[0]
               || npp[2] < npp[1] - npp[0] || nn[3] < nn[1] || npp[3] < npp[1])
        why (res, "the inertias of the fixed spaces are inconsistent with "
                  "the isotypic reduction");
      else
        {
          res->proved = 1;
          res->nneg[LSC_IRREP_T] = nn[0];
          res->npos[LSC_IRREP_T] = npp[0];
          res->nneg[LSC_IRREP_S] = nn[1] - nn[0];
          res->npos[LSC_IRREP_S] = npp[1] - npp[0];
          res->nneg[LSC_IRREP_X] = nn[2] - (nn[1] - nn[0]);
          res->npos[LSC_IRREP_X] = npp[2] - (npp[1] - npp[0]);
          res->nneg[LSC_IRREP_Y] = nn[3] - nn[1];
          res->npos[LSC_IRREP_Y] = npp[3] - npp[1];
          for (int c = 0; c < 4; c++)
            res->size[c] = res->nneg[c] + res->npos[c] + res->nzero[c];
        }
    }
  }
  return LSC_SUCCESS;
}

double
lsc_cert_morse_index (const lsc_cert_morse *m, double n)
{
  double s = 0;
  for (int c = 0; c < 4; c++)
    s += (double) m->nneg[c] * lsc_irrep_dim (c, n);
  return s;
}
