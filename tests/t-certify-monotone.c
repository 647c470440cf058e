/* Tests of the monotone-pivot route (lsc_cert_monotone_inertia, an
   internal of lsc_certify: linked statically) and of the crossing found
   in an interval (lsc_certify_dstar_range).  Type A just above its d*,
   over a piece whose s block is not separated from 0 by its enclosure
   (the direct inertia fails there): the route proves the inertia, and
   point proofs at the piece's ends and middle (Krawczyk and a ball LDL^T
   at each d: a second route) agree.  It must refuse when the piece holds
   the crossing (the end inertias differ) and when the pivot's derivative
   contains 0 (a derivative blurred to contain 0).  The crossing in
   [d* - 1e-6, d* + 1e-6] of type A is proved unique there, inside the
   catalogue's digits, with the indices either side, and an interval
   without a crossing is refused; expensive tier: Y8_af's and Y6-1_aff's
   crossings above 20 (their catalogue type is "spurious-minimum" at d =
   20) likewise, with index 7 and 5 above. */
#include <config.h>
#include "testutil.h"
#include "landscape.h"
#include "landscape/lsc_families.h"
#include "landscape/lsc_certify.h"
#include "landscape/lsc_isotypic.h"
#include "certify/certify_impl.h"

static lsc_catalogue *cat;

static void
ball (arb_t D, double lo, double hi)
{
  arf_t a, b;
  arf_init (a);
  arf_init (b);
  arf_set_d (a, lo);
  arf_set_d (b, hi);
  arb_set_interval_arf (D, a, b, 256);
  arf_clear (a);
  arf_clear (b);
}

/* The monotone route on block c = 1 (t + s) of type A over [lo, hi]:
   returns its verdict (-1 when the setup itself fails), with *direct the
   direct inertia's (lsc_ball_inertia over the piece) and *nneg the
   proved negative count; blur != 0 widens the derivative to contain 0. */
static int
route (int *direct, size_t *nneg, double lo, double hi, int blur)
{
  const lsc_family *F = lsc_test_family (cat, "A");
  size_t np = F->nparams;
  lsc_certify_options o;
  lsc_certify_options_init (&o);
  o.taylor = lsc_certify_taylor (&o, hi);
  slong prec = lsc_certify_prec (&o, hi);
  arb_ptr x = _arb_vec_init ((slong) np);
  arb_t D;
  arb_init (D);
  ball (D, lo, hi);
  lsc_cert_crit cr;
  lsc_cert_crit_init (&cr, np);
  int v = -1;
  arb_mat_t A[4], Ad[4];
  if (lsc_certify_follow (x, &F->G, F->p, F->d, 0.5 * (lo + hi), &o) == 0
      && lsc_certify_critical (&cr, &F->G, x, D, &o) == 0 && cr.proved
      && lsc_cert_branch_blocks (A, Ad, &F->G, NULL, cr.box, D, &o, prec)
         == 0)
    {
      size_t nn, pp;
      *direct = lsc_ball_inertia (&nn, &pp, A[1], NULL, NULL, NULL, prec);
      if (blur)
        for (slong i = 0; i < arb_mat_nrows (Ad[1]); i++)
          for (slong j = 0; j < arb_mat_ncols (Ad[1]); j++)
            arb_add_error_2exp_si (arb_mat_entry (Ad[1], i, j), 10);
      lsc_cert_ends ends;
      lsc_cert_ends_init (&ends);
      *nneg = 99;
      v = lsc_cert_monotone_inertia (nneg, &pp, 1, A[1], Ad[1], &ends,
                                     &F->G, NULL, cr.box, D, &o, prec);
      lsc_cert_ends_clear (&ends);
      lsc_cert_blocks_clear (A, Ad);
    }
  lsc_cert_crit_clear (&cr);
  _arb_vec_clear (x, (slong) np);
  arb_clear (D);
  return v;
}

/* The s-component negative count proved at one d (lsc_certify_point). */
static long
s_neg_at (double d)
{
  const lsc_family *F = lsc_test_family (cat, "A");
  lsc_cert_point r;
  lsc_cert_point_init (&r, F->nparams);
  long n = -1;
  if (lsc_certify_point (&r, &F->G, F->p, F->d, d, NULL) == 0 && r.proved)
    n = (long) r.morse.nneg[LSC_IRREP_S];
  lsc_cert_point_clear (&r);
  return n;
}

#define LO 5.5855053
#define HI 5.5856

static void
test_monotone_fires (void)
{
  int direct = -1;
  size_t nneg = 99;
  CU_ASSERT_EQUAL (route (&direct, &nneg, LO, HI, 0), 1);
  /* the direct inertia over the piece cannot decide the block: the route
     is what proves it */
  CU_ASSERT (direct != 1);
  /* above d* type A is a minimum: no negative eigenvalue in t + s */
  CU_ASSERT_EQUAL (nneg, 0);
  /* second route: point proofs at the ends and inside */
  CU_ASSERT_EQUAL (s_neg_at (LO), 0);
  CU_ASSERT_EQUAL (s_neg_at (0.5 * (LO + HI)), 0);
  CU_ASSERT_EQUAL (s_neg_at (HI), 0);
}

static void
test_monotone_refuses (void)
{
  int direct = -1;
  size_t nneg = 99;
  /* the derivative blurred to contain 0: nothing proved */
  CU_ASSERT_EQUAL (route (&direct, &nneg, LO, HI, 1), 0);
  CU_ASSERT (direct != 1);
  /* a piece holding the crossing: the pivot is monotone but the ends'
     inertias differ (one negative s eigenvalue below d*, none above) */
  double ds = strtod (lsc_test_family (cat, "A")->dstar_text, NULL);
  CU_ASSERT_EQUAL (route (&direct, &nneg, ds - 1e-4, ds + 1e-4, 0), 0);
  CU_ASSERT_EQUAL (s_neg_at (ds - 1e-4), 1);
  CU_ASSERT_EQUAL (s_neg_at (ds + 1e-4), 0);
}

/* The crossing found in [a, b]: proved, unique in [a, b], inside the
   catalogue's digits (type A; found there by the MPFR solver of
   landscape-bifurcate) and the Morse index at both ends. */
static void
test_dstar_range (void)
{
  const lsc_family *F = lsc_test_family (cat, "A");
  double ds = strtod (F->dstar_text, NULL);
  lsc_cert_dstar r;
  CU_ASSERT_EQUAL_FATAL (lsc_cert_dstar_init_np (&r, F->nparams), 0);
  CU_ASSERT_EQUAL (lsc_certify_dstar_range (&r, &F->G, F->p, F->d,
                                            ds - 1e-6, ds + 1e-6, NULL), 0);
  CU_ASSERT (r.proved && r.unique);
  if (!r.proved || !r.unique)
    fprintf (stderr, "A: %s\n", r.reason);
  CU_ASSERT_EQUAL (r.irrep, LSC_IRREP_S);
  CU_ASSERT (lsc_cert_dstar_within (&r, F->dstar_text));
  CU_ASSERT (2 * mag_get_d (arb_radref (r.dstar)) <= 1.01e-31);
  /* below d*: index n - 1 (one s eigenvalue negative); above: minimum */
  CU_ASSERT (r.below.proved && r.above.proved);
  CU_ASSERT_EQUAL (r.below.morse.nneg[LSC_IRREP_S], 1);
  CU_ASSERT_EQUAL (r.above.index, 0);
  CU_ASSERT_STRING_EQUAL (lsc_cert_morse_theorem (&r.above.morse),
                          "nondegenerate-minimum");
  /* no crossing in an interval above d*: refused with its reason */
  CU_ASSERT_EQUAL (lsc_certify_dstar_range (&r, &F->G, F->p, F->d,
                                            ds + 1e-3, ds + 2e-3, NULL), 0);
  CU_ASSERT (!r.proved);
  CU_ASSERT (strstr (r.reason, "no crossing") != NULL);
  lsc_cert_dstar_clear (&r);
}

/* Y8_af: a minimum at d = 20 (its catalogue type), a saddle of index 7
   above its crossing near 22.8273 (a t eigenvalue of multiplicity 7, the
   standard representation of its small block's S_8).  The digits are
   landscape-bifurcate's (two MPFR solves agreeing). */
static void
test_dstar_range_y8 (void)
{
  if (!lsc_test_expensive ())
    return; /* about 70 s of CPU */
  const lsc_family *F = lsc_test_family (cat, "Y8_af");
  const char *digits = "22.827252734958488432";
  double ds = strtod (digits, NULL);
  lsc_cert_dstar r;
  CU_ASSERT_EQUAL_FATAL (lsc_cert_dstar_init_np (&r, F->nparams), 0);
  CU_ASSERT_EQUAL (lsc_certify_dstar_range (&r, &F->G, F->p, F->d,
                                            ds - 1e-6, ds + 1e-6, NULL), 0);
  CU_ASSERT (r.proved && r.unique);
  if (!r.proved || !r.unique)
    fprintf (stderr, "Y8_af: %s\n", r.reason);
  CU_ASSERT_EQUAL (r.irrep, LSC_IRREP_T);
  CU_ASSERT_EQUAL (r.multiplicity, 7);
  CU_ASSERT (lsc_cert_dstar_within (&r, digits));
  CU_ASSERT_EQUAL (r.below.index, 0);
  CU_ASSERT_EQUAL (r.above.index, 7);
  CU_ASSERT_STRING_EQUAL (lsc_cert_morse_theorem (&r.above.morse),
                          "nondegenerate-saddle");
  lsc_cert_dstar_clear (&r);
}

/* Y6-1_aff: a minimum at d = 20 (its catalogue type), a saddle of index
   5 above its crossing near 20.5325 (a t eigenvalue of multiplicity 5,
   the standard representation of its small block's S_6): unique over
   the +-1e-6 window that bench/certify-ranges.sh asks for, which the
   slope's enclosure along the branch makes provable (the derivative of
   the crossing pivot was not separated from 0 with the solve's slope).
   The digits are landscape-bifurcate's (two MPFR solves agreeing). */
static void
test_dstar_range_y6 (void)
{
  if (!lsc_test_expensive ())
    return; /* about 6 s of CPU */
  const lsc_family *F = lsc_test_family (cat, "Y6-1_aff");
  const char *digits = "20.53249098863488";
  lsc_cert_dstar r;
  CU_ASSERT_EQUAL_FATAL (lsc_cert_dstar_init_np (&r, F->nparams), 0);
  CU_ASSERT_EQUAL (lsc_certify_dstar_range (&r, &F->G, F->p, F->d,
                                            20.532489988634882,
                                            20.532491988634884, NULL), 0);
  CU_ASSERT (r.proved && r.unique);
  if (!r.proved || !r.unique)
    fprintf (stderr, "Y6-1_aff: %s\n", r.reason);
  CU_ASSERT_EQUAL (r.irrep, LSC_IRREP_T);
  CU_ASSERT_EQUAL (r.multiplicity, (size_t) F->G.rsize[1] - 1);
  CU_ASSERT (lsc_cert_dstar_within (&r, digits));
  CU_ASSERT_EQUAL (r.below.index, 0);
  CU_ASSERT_EQUAL (r.above.index, 5);
  lsc_cert_dstar_clear (&r);
}

int
main (void)
{
  static const lsc_test_case cases[] = {
    { "monotone pivot: proves where the direct inertia cannot",
      test_monotone_fires },
    { "monotone pivot: refuses a crossing and a blurred derivative",
      test_monotone_refuses },
    { "crossing in an interval: type A", test_dstar_range },
    { "crossing in an interval: Y8_af, minimum to saddle of index 7",
      test_dstar_range_y8 },
    { "crossing in an interval: Y6-1_aff, minimum to saddle of index 5",
      test_dstar_range_y6 },
    { NULL, NULL } };
  int rc = lsc_test_run_catalogue (&cat, "certify-monotone", cases);
  flint_cleanup ();
  return rc;
}
