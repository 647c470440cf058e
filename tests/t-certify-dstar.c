/* Tests of the d* proofs of lsc_certify: intervals containing the
   catalogue's digits (found by the two-precision MPFR solver) and nested
   at two widths, a crossing of multiplicity p - 1 against the reduced
   MPFR spectrum either side, and the crossing theorem on synthetic
   families (a simple, a double and a tangential crossing). */
#include <config.h>
#include "testutil.h"
#include "landscape.h"
#include "landscape/lsc_certify.h"

static lsc_catalogue *cat;

/* d* of type A: proved, containing the catalogue's 30 digits (the
   two-precision MPFR solver's answer), and at a narrower width nested in
   the wider interval. */
static void
test_dstar (void)
{
  const lsc_family *F = lsc_test_family (cat, "A");
  lsc_cert_dstar r1, r2;
  lsc_cert_dstar_init (&r1);
  lsc_cert_dstar_init (&r2);
  lsc_certify_options o;
  lsc_certify_options_init (&o);
  CU_ASSERT_EQUAL (lsc_certify_dstar (&r1, &F->G, F->p, F->d, F->dstar_text,
                                      &o), 0);
  CU_ASSERT (r1.proved);
  CU_ASSERT_EQUAL (r1.irrep, LSC_IRREP_S);
  CU_ASSERT (r1.direction == 1 && r1.nneg_lo == r1.nneg_hi + 1);
  arb_t c;
  arb_init (c);
  arb_set_str (c, F->dstar_text, 256);
  mag_set_d (arb_radref (c), 0.5e-29);
  CU_ASSERT (arb_contains (c, r1.dstar));
  CU_ASSERT (2 * mag_get_d (arb_radref (r1.dstar)) <= 1.01e-31);
  o.dstar_width = 1e-45;
  if (lsc_test_expensive ())
  CU_ASSERT_EQUAL (lsc_certify_dstar (&r2, &F->G, F->p, F->d, F->dstar_text,
                                      &o), 0);
  if (lsc_test_expensive ())
    {
      CU_ASSERT (r2.proved);
      CU_ASSERT (arb_contains (r1.dstar, r2.dstar));
    }
  arb_clear (c);
  lsc_cert_dstar_clear (&r1);
  lsc_cert_dstar_clear (&r2);
}

/* Negative eigenvalue slots (inner multiplicities) of component c in the
   reduced MPFR spectrum of F's branch at d (the point followed there). */
static size_t
neg_slots_at (const lsc_family *F, double d, int c)
{
  size_t np = F->nparams, nmax, n = 0, neg = 0;
  arb_ptr x = _arb_vec_init ((slong) np);
  double *p = malloc (np * sizeof *p);
  lsc_young G = F->G;
  CU_ASSERT_EQUAL (lsc_certify_follow (x, &F->G, F->p, F->d, d, NULL), 0);
  for (size_t i = 0; i < np; i++)
    p[i] = arf_get_d (arb_midref (x + i), ARF_RND_NEAR);
  CU_ASSERT_EQUAL (lsc_young_set_d (&G, d), 0);
  nmax = lsc_isotypic_max_mpfr (&G);
  lsc_iso_eigen *out = malloc ((nmax ? nmax : 1) * sizeof *out);
  CU_ASSERT_EQUAL (lsc_isotypic_spectrum_accurate (out, &n, p, &G, 1e-9,
                                                   1e-12), 0);
  for (size_t i = 0; i < n; i++)
    if (out[i].irrep == c && out[i].value < 0)
      neg += out[i].inner;
  free (out);
  free (p);
  _arb_vec_clear (x, (slong) np);
  return neg;
}

/* A crossing of multiplicity p - 1 (the standard representation of the
   small block's S_p): Y3e1_af-2 (p = 3).  Proved in the compression onto
   the vectors fixed by S_{p-1}, inside the catalogue's digits; the
   reduced MPFR spectrum 1e-4 either side (a second route) sees p - 1
   eigenvalue slots of that component change sign. */
static void
test_dstar_multiple (void)
{
  const char *names[] = { "Y3e1_af-2", "Y4e1_af" };
  for (int k = 0; k < (lsc_test_expensive () ? 2 : 1); k++)
    {
      const lsc_family *F = lsc_test_family (cat, names[k]);
      lsc_cert_dstar r;
      lsc_cert_dstar_init (&r);
      CU_ASSERT_EQUAL (lsc_certify_dstar (&r, &F->G, F->p, F->d,
                                          F->dstar_text, NULL), 0);
      CU_ASSERT (r.proved);
      if (!r.proved)
        fprintf (stderr, "%s: %s\n", F->name, r.reason);
      size_t p = (size_t) F->G.rsize[1];
      CU_ASSERT_EQUAL (r.small_block, 1);
      CU_ASSERT_EQUAL (r.multiplicity, p - 1);
      CU_ASSERT (lsc_cert_dstar_within (&r, F->dstar_text));
      CU_ASSERT (2 * mag_get_d (arb_radref (r.dstar)) <= 1.01e-31);
      double ds = strtod (F->dstar_text, NULL);
      size_t lo = neg_slots_at (F, ds - 1e-4, r.irrep),
             hi = neg_slots_at (F, ds + 1e-4, r.irrep);
      /* the family turns into a minimum as d grows */
      CU_ASSERT_EQUAL (lo, hi + p - 1);
      CU_ASSERT_EQUAL (r.direction, 1);
      lsc_cert_dstar_clear (&r);
    }
}

/* Synthetic families A(d) = R diag(2, s(d)) R^T (R a fixed rotation). */
typedef struct
{
  int kind; /* 0: s = d - 1; 1: s = (d - 1)^2 - 1e-4; 2: s = (d - 1)^3 */
} synth;

static int
synth_fun (arb_mat_t A, arb_mat_t Ad, const arb_t d, void *arg)
{
  synth *y = arg;
  slong prec = 128;
  arb_t s, sd, t, c, sn;
  arb_init (s); arb_init (sd); arb_init (t); arb_init (c); arb_init (sn);
  arb_sub_ui (t, d, 1, prec);
  if (y->kind == 0)
    {
      arb_set (s, t);
      arb_one (sd);
    }
  else if (y->kind == 1)
    {
      arb_sqr (s, t, prec);
      arb_set_str (c, "1e-4", prec);
      arb_sub (s, s, c, prec);
      arb_mul_2exp_si (sd, t, 1);
    }
  else
    {
      arb_pow_ui (s, t, 3, prec);
      arb_sqr (sd, t, prec);
      arb_mul_ui (sd, sd, 3, prec);
    }
  /* R = [[c, -sn], [sn, c]] with c = 0.6, sn = 0.8 (exact rotation) */
  arb_set_d (c, 0.6);
  arb_set_d (sn, 0.8);
  for (int pass = 0; pass < 2; pass++)
    {
      arb_mat_struct *M = pass ? Ad : A;
      if (!M)
        continue;
      const arb_struct *e1 = pass ? NULL : NULL;
      (void) e1;
      arb_t a1, a2;
      arb_init (a1);
      arb_init (a2);
      if (pass)
        arb_zero (a1);
      else
        arb_set_ui (a1, 2);
      arb_set (a2, pass ? sd : s);
      /* R diag(a1, a2) R^T */
      arb_mul (t, c, c, prec);
      arb_mul (arb_mat_entry (M, 0, 0), t, a1, prec);
      arb_mul (t, sn, sn, prec);
      arb_addmul (arb_mat_entry (M, 0, 0), t, a2, prec);
      arb_mul (t, sn, sn, prec);
      arb_mul (arb_mat_entry (M, 1, 1), t, a1, prec);
      arb_mul (t, c, c, prec);
      arb_addmul (arb_mat_entry (M, 1, 1), t, a2, prec);
      arb_sub (t, a1, a2, prec);
      arb_mul (t, t, c, prec);
      arb_mul (t, t, sn, prec);
      arb_set (arb_mat_entry (M, 0, 1), t);
      arb_set (arb_mat_entry (M, 1, 0), t);
      arb_clear (a1);
      arb_clear (a2);
    }
  arb_clear (s); arb_clear (sd); arb_clear (t); arb_clear (c); arb_clear (sn);
  return 0;
}

static void
test_crossing_synthetic (void)
{
  arb_t lo, hi;
  arb_init (lo);
  arb_init (hi);
  arb_set_d (lo, 0.9);
  arb_set_d (hi, 1.1);
  lsc_cert_cross r;
  synth y = { 0 };
  /* a simple crossing: proved, one negative eigenvalue below */
  CU_ASSERT_EQUAL (lsc_certify_crossing (&r, 2, synth_fun, &y, lo, hi, 128), 0);
  CU_ASSERT (r.proved && r.direction == 1 && r.nneg_lo == 1 && r.nneg_hi == 0);
  /* a double crossing (at 1 -+ 0.01): no sign change between the ends */
  y.kind = 1;
  CU_ASSERT_EQUAL (lsc_certify_crossing (&r, 2, synth_fun, &y, lo, hi, 128), 0);
  CU_ASSERT (!r.proved);
  CU_ASSERT (strstr (r.reason, "no sign change") != NULL);
  /* the same with the ends around one of them only: proved */
  arb_set_d (lo, 1.005);
  arb_set_d (hi, 1.02);
  CU_ASSERT_EQUAL (lsc_certify_crossing (&r, 2, synth_fun, &y, lo, hi, 128), 0);
  CU_ASSERT (r.proved && r.direction == 1);
  /* a tangential (triple) crossing: the derivative contains 0 */
  y.kind = 2;
  arb_set_d (lo, 0.9);
  arb_set_d (hi, 1.1);
  CU_ASSERT_EQUAL (lsc_certify_crossing (&r, 2, synth_fun, &y, lo, hi, 128), 0);
  CU_ASSERT (!r.proved);
  CU_ASSERT (strstr (r.reason, "derivative") != NULL);
  arb_clear (lo);
  arb_clear (hi);
}

int
main (void)
{
  static const lsc_test_case cases[] = {
    { "d* of type A", test_dstar },
    { "d* of multiplicity p - 1", test_dstar_multiple },
    { "crossing theorem, synthetic", test_crossing_synthetic },
    { NULL, NULL } };
  int rc = lsc_test_run_catalogue (&cat, "certify-dstar", cases);
  flint_cleanup ();
  return rc;
}
