/* Tests of the isotypic blocks of lsc_cert_blocks: the Hessians on
   Fix(G0) and Fix(G1), formed as congruences E^T H E of the Hessian on
   Fix(G2) (the parameter copies as inclusions), against the restricted
   Hessians of G0 and G1 evaluated directly (lsc_restricted_eval_arb) at
   the same point: the enclosures overlap and their midpoints agree to
   the working precision; over a box, they contain the direct values at
   the box's centre.  The compressed blocks (the small blocks kept as
   (p - 2, 1, 1)) against the whole blocks restricted to their spaces. */
#include <config.h>
#include "testutil.h"
#include "landscape.h"
#include "landscape/lsc_families.h"
#include "landscape/lsc_certify.h"
#include "certify/certify_impl.h"

static lsc_catalogue *cat;

/* Level q's parameters (q = 0, 1) copied from G's p along the chain. */
static void
level_params (arb_ptr pq, const lsc_isochain *ch, int q, arb_srcptr p)
{
  arb_ptr p0 = _arb_vec_init ((slong) ch->n0);
  for (size_t i = 0; i < ch->n0; i++)
    arb_set (p0 + i, p + ch->par0[i]);
  if (q == 0)
    _arb_vec_set (pq, p0, (slong) ch->n0);
  else
    for (size_t i = 0; i < ch->n1; i++)
      arb_set (pq + i, p0 + ch->par1[i]);
  _arb_vec_clear (p0, (slong) ch->n0);
}

/* Family name, the box *p (malloc'd: its point +- rad) and D = d. */
static const lsc_family *
family_box (arb_ptr *p, arb_t D, const char *name, double d, double rad)
{
  const lsc_family *F = lsc_test_family (cat, name);
  *p = _arb_vec_init ((slong) F->nparams);
  for (size_t i = 0; i < F->nparams; i++)
    {
      arb_set_d (*p + i, F->p[i]);
      mag_set_d (arb_radref (*p + i), rad);
    }
  arb_init (D);
  arb_set_d (D, d);
  return F;
}

/* Blocks 0 and 1 of family name at d over the box p +- rad against the
   direct Hessians at the centre. */
static void
check (const char *name, double d, double rad)
{
  arb_ptr p;
  arb_t D;
  const lsc_family *F = family_box (&p, D, name, d, rad);
  size_t np = F->nparams;
  slong prec = 256;
  arb_ptr pc = _arb_vec_init ((slong) np);
  for (size_t i = 0; i < np; i++)
    arb_set_d (pc + i, F->p[i]);
  lsc_isochain ch;
  CU_ASSERT_EQUAL_FATAL (lsc_cert_chain (&ch, &F->G, D), 0);
  arb_mat_t A[4];
  CU_ASSERT_EQUAL_FATAL (lsc_cert_blocks (A, NULL, &F->G, p, NULL, D, NULL,
                                          4, prec), 0);
  const lsc_young *Gq[2] = { &ch.G0, &ch.G1 };
  size_t nq[2] = { ch.n0, ch.n1 };
  for (int q = 0; q < 2; q++)
    {
      size_t n = nq[q];
      CU_ASSERT_EQUAL_FATAL ((size_t) arb_mat_nrows (A[q]), n);
      arb_ptr x = _arb_vec_init ((slong) n),
              H = _arb_vec_init ((slong) (n * n));
      level_params (x, &ch, q, pc);
      CU_ASSERT_EQUAL_FATAL (lsc_restricted_eval_arb (NULL, NULL, H, x,
                                                      Gq[q], D, prec), 0);
      double worst = 0, scale = 0;
      int inside = 1;
      for (size_t i = 0; i < n; i++)
        for (size_t j = 0; j < n; j++)
          {
            arb_srcptr a = arb_mat_entry (A[q], i, j), h = H + i * n + j;
            /* at a point two enclosures of one number overlap; over a
               box the enclosure holds the centre's */
            inside = inside && (rad == 0 ? arb_overlaps (a, h)
                                         : arb_contains (a, h));
            double u = arf_get_d (arb_midref (a), ARF_RND_NEAR),
                   v = arf_get_d (arb_midref (h), ARF_RND_NEAR);
            worst = fmax (worst, fabs (u - v));
            scale = fmax (scale, fabs (v));
          }
      CU_ASSERT (inside);
      if (rad == 0)
        {
          CU_ASSERT (worst <= 1e-60 * scale);
        }
      else
        {
          CU_ASSERT (worst <= 1e3 * rad * scale);
        }
      CU_ASSERT (scale > 0);
      _arb_vec_clear (x, (slong) n);
      _arb_vec_clear (H, (slong) (n * n));
    }
  lsc_cert_blocks_clear (A, NULL);
  lsc_isochain_free (&ch);
  _arb_vec_clear (p, (slong) np);
  _arb_vec_clear (pc, (slong) np);
  arb_clear (D);
}

/* The inclusion of level q of the compressed chain cs into level q of
   the whole chain ch (n x m, column j the whole level's parameters of
   the compressed parameter j), by an independent route: embed the unit
   vector e_j as a k x d matrix, project it onto Fix of the whole level
   (lsc_young_embed, lsc_young_project: integral sizes). */
static double *
inclusion (const lsc_young *Gc, const lsc_young *Gf)
{
  size_t m = lsc_young_nparams (Gc), n = lsc_young_nparams (Gf);
  size_t k = (size_t) lsc_young_k (Gc), d = (size_t) lsc_young_d (Gc);
  double *E = calloc (n * m, sizeof *E), *W = calloc (k * d, sizeof *W),
         *e = calloc (m, sizeof *e), *y = calloc (n, sizeof *y);
  CU_ASSERT_FATAL (E && W && e && y);
  CU_ASSERT_EQUAL_FATAL ((size_t) lsc_young_k (Gf), k);
  for (size_t j = 0; j < m; j++)
    {
      double dist;
      e[j] = 1;
      CU_ASSERT_EQUAL_FATAL (lsc_young_embed (W, e, Gc), 0);
      CU_ASSERT_EQUAL_FATAL (lsc_young_project (y, &dist, W, Gf), 0);
      CU_ASSERT (dist < 1e-12);
      for (size_t i = 0; i < n; i++)
        {
          CU_ASSERT (y[i] == 0 || fabs (y[i] - 1) < 1e-12);
          E[i * m + j] = round (y[i]);
        }
      e[j] = 0;
    }
  free (W);
  free (e);
  free (y);
  return E;
}

/* The swap parts' coordinates (lsc_cert_orbit_block: one per 2-cycle
   (odd, parity 1) or per cycle (even, parity 2) of the swap, in the
   order of their least index, the least index +1, its image -1 (odd)
   or +1): V (n x r) with r columns. */
static double *
swap_basis (size_t *r, const int *swap, size_t n, int parity)
{
  double *V = calloc (n * n, sizeof *V);
  CU_ASSERT_FATAL (V != NULL);
  size_t c = 0;
  for (size_t i = 0; i < n; i++)
    {
      size_t s = (size_t) swap[i];
      if (s < i || (parity == 1 && s == i))
        continue;
      V[i * n + c] = 1;
      if (s != i)
        V[s * n + c] = parity == 1 ? -1 : 1;
      c++;
    }
  *r = c;
  return V;
}

/* F (nf x m): the coordinates in block c of the whole chain of the
   compressed block c's basis vectors. */
static double *
block_map (size_t *nf, size_t *m, const lsc_isochain *ch,
           const lsc_isochain *cs, int c)
{
  const lsc_young *Gf[3] = { &ch->G0, &ch->G1, &ch->G2 },
                  *Gc[3] = { &cs->G0, &cs->G1, &cs->G2 };
  int q = c < 2 ? c : 2;
  size_t n = lsc_young_nparams (Gf[q]), mc = lsc_young_nparams (Gc[q]);
  double *E = inclusion (Gc[q], Gf[q]);
  if (c < 2)
    {
      *nf = n;
      *m = mc;
      return E;
    }
  /* the compressed basis vectors V_c, through E, in the whole basis V_f:
     F = V_f^T E V_c / 2 on the 2-cycles (|v|^2 = 2 there) */
  size_t rf, rc;
  double *Vf = swap_basis (&rf, ch->swap, n, c - 1),
         *Vc = swap_basis (&rc, cs->swap, mc, c - 1),
         *F = calloc (rf * rc > 0 ? rf * rc : 1, sizeof *F);
  CU_ASSERT_FATAL (F != NULL);
  for (size_t a = 0; a < rf; a++)
    for (size_t b = 0; b < rc; b++)
      {
        double s = 0, nrm = 0;
        for (size_t i = 0; i < n; i++)
          {
            double v = 0;
            for (size_t j = 0; j < mc; j++)
              v += E[i * mc + j] * Vc[j * mc + b];
            s += Vf[i * n + a] * v;
            nrm += Vf[i * n + a] * Vf[i * n + a];
          }
        F[a * rc + b] = s / nrm;
      }
  free (E);
  free (Vf);
  free (Vc);
  *nf = rf;
  *m = rc;
  return F;
}

/* 1 when B (m x m) and F^T A F (A nf x nf) overlap entrywise and their
   midpoints agree to tol relative to the largest. */
static int
compressed_agrees (const arb_mat_t B, const arb_mat_t A, const double *F,
                   size_t nf, size_t m, double tol, slong prec)
{
  if ((size_t) arb_mat_nrows (A) != nf || (size_t) arb_mat_nrows (B) != m)
    return 0;
  arb_mat_t T, C;
  arb_mat_init (T, (slong) nf, (slong) m);
  arb_mat_init (C, (slong) m, (slong) m);
  for (size_t i = 0; i < nf; i++)
    for (size_t b = 0; b < m; b++)
      for (size_t j = 0; j < nf; j++)
        if (F[j * m + b] != 0)
          arb_addmul_si (arb_mat_entry (T, i, b),
                         arb_mat_entry ((arb_mat_struct *) A, i, j),
                         (slong) F[j * m + b], prec);
  for (size_t a = 0; a < m; a++)
    for (size_t b = 0; b < m; b++)
      for (size_t i = 0; i < nf; i++)
        if (F[i * m + a] != 0)
          arb_addmul_si (arb_mat_entry (C, a, b), arb_mat_entry (T, i, b),
                         (slong) F[i * m + a], prec);
  int ok = 1;
  double worst = 0, scale = 0;
  for (size_t a = 0; a < m; a++)
    for (size_t b = 0; b < m; b++)
      {
        arb_srcptr x = arb_mat_entry (B, a, b), y = arb_mat_entry (C, a, b);
        ok = ok && arb_overlaps (x, y);
        double u = arf_get_d (arb_midref (x), ARF_RND_NEAR),
               v = arf_get_d (arb_midref (y), ARF_RND_NEAR);
        worst = fmax (worst, fabs (u - v));
        scale = fmax (scale, fabs (v));
      }
  arb_mat_clear (T);
  arb_mat_clear (C);
  return ok && scale > 0 && worst <= tol * scale;
}

/* The compressed blocks of lsc_cert_blocks_small against the whole
   blocks of lsc_cert_blocks restricted to the compressed spaces, whose
   inclusion comes from embedding and projecting matrices; the same
   comparison with one parameter moved to another orbit must fail. */
static void
check_small (const char *name, double d, double rad)
{
  arb_ptr p;
  arb_t D;
  const lsc_family *F = family_box (&p, D, name, d, rad);
  double other = 0;
  slong prec = 256;
  for (size_t c = 0; c < F->G.ncb; c++)
    if ((int) c != F->G.pair[0])
      other += F->G.csize[c];
  lsc_isochain ch, cs;
  CU_ASSERT_EQUAL_FATAL (lsc_isochain_make (&ch, &F->G, d - other), 0);
  CU_ASSERT_EQUAL_FATAL (lsc_isochain_make_small (&cs, &F->G, d - other), 0);
  CU_ASSERT_FATAL (cs.n2 < ch.n2);
  arb_mat_t A[4], B[4];
  size_t full[4];
  CU_ASSERT_EQUAL_FATAL (lsc_cert_blocks (A, NULL, &F->G, p, NULL, D, NULL,
                                          4, prec), 0);
  CU_ASSERT_EQUAL_FATAL (lsc_cert_blocks_small (B, full, &F->G, p, D, NULL,
                                                4, prec), 0);
  double tol = rad == 0 ? 1e-60 : 1e3 * rad;
  for (int c = 0; c < 4; c++)
    {
      size_t nf, m;
      double *M = block_map (&nf, &m, &ch, &cs, c);
      CU_ASSERT_EQUAL (full[c], (size_t) arb_mat_nrows (A[c]));
      CU_ASSERT_EQUAL (m, (size_t) arb_mat_nrows (B[c]));
      CU_ASSERT (m < nf);
      CU_ASSERT (compressed_agrees (B[c], A[c], M, nf, m, tol, prec));
      /* a whole-level coordinate of basis vector 0 moved to vector 1 */
      size_t i = 0;
      while (i < nf && M[i * m] == 0)
        i++;
      CU_ASSERT_FATAL (i < nf && m > 1);
      M[i * m + 1] = M[i * m];
      M[i * m] = 0;
      CU_ASSERT (!compressed_agrees (B[c], A[c], M, nf, m, tol, prec));
      free (M);
    }
  lsc_cert_blocks_clear (A, NULL);
  lsc_cert_blocks_clear (B, NULL);
  lsc_isochain_free (&ch);
  lsc_isochain_free (&cs);
  _arb_vec_clear (p, (slong) F->nparams);
  arb_clear (D);
}

static void
test_small (void)
{
  check_small ("Y7_af", 20, 0);
  check_small ("Y7e1_af", 1000, 1e-12);
}

static void
test_point (void)
{
  check ("B3", 20, 0);
  check ("F6", 20, 0);
  check ("Y7_af", 20, 0);
}

static void
test_box (void)
{
  check ("B3", 20, 1e-12);
  check ("Y7_af", 1e3, 1e-12);
}

int
main (void)
{
  static const lsc_test_case cases[] = {
    { "coarse blocks as congruences, at a point", test_point },
    { "coarse blocks as congruences, over a box", test_box },
    { "compressed blocks: the whole blocks on the S_(p-2)-fixed vectors",
      test_small },
    { NULL, NULL } };
  int rc = lsc_test_run_catalogue (&cat, "certify-blocks", cases);
  flint_cleanup ();
  return rc;
}
