/* Tests of the isotypic blocks of lsc_cert_blocks: the Hessians on
   Fix(G0) and Fix(G1), formed as congruences E^T H E of the Hessian on
   Fix(G2) (the parameter copies as inclusions), against the restricted
   Hessians of G0 and G1 evaluated directly (lsc_restricted_eval_arb) at
   the same point: the enclosures overlap and their midpoints agree to
   the working precision; over a box, they contain the direct values at
   the box's centre. */
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

/* Blocks 0 and 1 of family name at d over the box p +- rad against the
   direct Hessians at the centre. */
static void
check (const char *name, double d, double rad)
{
  const lsc_family *F = lsc_catalogue_find (cat, name);
  CU_ASSERT_PTR_NOT_NULL_FATAL (F);
  size_t np = F->nparams;
  slong prec = 256;
  arb_ptr p = _arb_vec_init ((slong) np), pc = _arb_vec_init ((slong) np);
  arb_t D;
  arb_init (D);
  arb_set_d (D, d);
  for (size_t i = 0; i < np; i++)
    {
      arb_set_d (pc + i, F->p[i]);
      arb_set (p + i, pc + i);
      mag_set_d (arb_radref (p + i), rad);
    }
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
  char err[512];
  if (lsc_catalogue_read_file (&cat, LSC_SRCDIR "/data/families.tsv", err,
                               sizeof err))
    {
      fprintf (stderr, "%s\n", err);
      return 99;
    }
  static const lsc_test_case cases[] = {
    { "coarse blocks as congruences, at a point", test_point },
    { "coarse blocks as congruences, over a box", test_box },
    { NULL, NULL } };
  int rc = lsc_test_run ("certify-blocks", cases);
  lsc_catalogue_free (cat);
  flint_cleanup ();
  return rc;
}
