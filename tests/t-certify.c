/* Tests of the ball evaluators of lsc_certify: values against the MPFR
   evaluator (two precisions), derivatives (jets) against central
   differences; bad input to the public entry points. */
#include <config.h>
#include "testutil.h"
#include "landscape.h"
#include "landscape/lsc_certify.h"

static lsc_catalogue *cat;

/* |mid(b) - m| <= rad(b) + tol and rad(b) <= maxrad */
static int
encloses (const arb_t b, const mpfr_t m, double tol, double maxrad)
{
  double diff = fabs (arf_get_d (arb_midref (b), ARF_RND_NEAR)
                      - mpfr_get_d (m, MPFR_RNDN));
  double rad = mag_get_d (arb_radref (b));
  return diff <= rad + tol && rad <= maxrad;
}

/* Ball L, g, H at a point contain the MPFR values (256 bits) and are
   narrow; the MPFR values at 128 and 256 bits agree. */
static void
test_eval_vs_mpfr (void)
{
  const char *names[] = { "A", "F6", "B2", "A-split-kd1" };
  double ds[] = { 20, 7.3, 1234.5 };
  for (size_t f = 0; f < 4; f++)
    for (size_t k = 0; k < 3; k++)
      {
        const lsc_family *F = lsc_test_family (cat, names[f]);
        size_t np = F->nparams;
        arb_ptr p = _arb_vec_init ((slong) np), g = _arb_vec_init ((slong) np),
                H = _arb_vec_init ((slong) (np * np));
        arb_t L, d;
        arb_init (L);
        arb_init (d);
        arb_set_d (d, ds[k]);
        mpfr_t Lm, dm, *pm = malloc (np * sizeof (mpfr_t)),
                       *gm = malloc (np * sizeof (mpfr_t)),
                       *Hm = malloc (np * np * sizeof (mpfr_t));
        mpfr_inits2 (256, Lm, dm, (mpfr_ptr) 0);
        mpfr_set_d (dm, ds[k], MPFR_RNDN);
        for (size_t i = 0; i < np; i++)
          {
            arb_set_d (p + i, F->p[i]);
            mpfr_init2 (pm[i], 256);
            mpfr_init2 (gm[i], 256);
            mpfr_set_d (pm[i], F->p[i], MPFR_RNDN);
          }
        for (size_t i = 0; i < np * np; i++)
          mpfr_init2 (Hm[i], 256);
        CU_ASSERT_EQUAL (lsc_restricted_eval_arb (L, g, H, p, &F->G, d, 200), 0);
        CU_ASSERT_EQUAL (lsc_restricted_eval_mpfr (Lm, gm, Hm,
                                                   (const mpfr_t *) pm, &F->G,
                                                   dm), 0);
        double s = ds[k] * ds[k] * ds[k];
        CU_ASSERT (encloses (L, Lm, 1e-40 * s, 1e-35 * s));
        for (size_t i = 0; i < np; i++)
          CU_ASSERT (encloses (g + i, gm[i], 1e-40 * s, 1e-35 * s));
        for (size_t i = 0; i < np * np; i++)
          CU_ASSERT (encloses (H + i, Hm[i], 1e-40 * s, 1e-35 * s));
        /* a second precision: 128-bit balls contain the same values */
        CU_ASSERT_EQUAL (lsc_restricted_eval_arb (L, g, H, p, &F->G, d, 128), 0);
        CU_ASSERT (encloses (L, Lm, 1e-30 * s, 1e-20 * s));
        for (size_t i = 0; i < np * np; i++)
          CU_ASSERT (encloses (H + i, Hm[i], 1e-30 * s, 1e-20 * s));
        for (size_t i = 0; i < np; i++)
          mpfr_clears (pm[i], gm[i], (mpfr_ptr) 0);
        for (size_t i = 0; i < np * np; i++)
          mpfr_clear (Hm[i]);
        free (pm);
        free (gm);
        free (Hm);
        mpfr_clears (Lm, dm, (mpfr_ptr) 0);
        _arb_vec_clear (p, (slong) np);
        _arb_vec_clear (g, (slong) np);
        _arb_vec_clear (H, (slong) (np * np));
        arb_clear (L);
        arb_clear (d);
      }
}

/* Directional derivatives (jets) against central differences of the ball
   values with h = 1e-25 (error ~ h^2), in a direction mixing p and d. */
static void
test_deriv_vs_differences (void)
{
  const char *names[] = { "A", "F5", "B3" };
  for (size_t f = 0; f < 3; f++)
    {
      const lsc_family *F = lsc_test_family (cat, names[f]);
      slong np = (slong) F->nparams, prec = 300;
      arb_ptr p = _arb_vec_init (np), v = _arb_vec_init (np),
              q = _arb_vec_init (np), g1 = _arb_vec_init (np),
              g2 = _arb_vec_init (np), gd = _arb_vec_init (np),
              H1 = _arb_vec_init (np * np), H2 = _arb_vec_init (np * np),
              Hd = _arb_vec_init (np * np);
      arb_t d, dv, dq, h, L1, L2, Ld, t;
      arb_init (d); arb_init (dv); arb_init (dq); arb_init (h);
      arb_init (L1); arb_init (L2); arb_init (Ld); arb_init (t);
      arb_set_d (d, 11.5);
      arb_set_d (dv, 0.75);
      arb_set_str (h, "1e-25", prec);
      for (slong i = 0; i < np; i++)
        {
          arb_set_d (p + i, F->p[i]);
          arb_set_d (v + i, 0.3 - 0.17 * (double) i);
        }
      CU_ASSERT_EQUAL (lsc_restricted_deriv_arb (L1, Ld, g1, gd, H1, Hd, p, v,
                                                 &F->G, d, dv, prec), 0);
      double maxerr = 0;
      for (int side = 0; side < 2; side++)
        {
          for (slong i = 0; i < np; i++)
            {
              arb_mul (t, v + i, h, prec);
              (side ? arb_sub : arb_add) (q + i, p + i, t, prec);
            }
          arb_mul (t, dv, h, prec);
          (side ? arb_sub : arb_add) (dq, d, t, prec);
          CU_ASSERT_EQUAL (lsc_restricted_eval_arb (side ? L2 : L1,
                                                    side ? g2 : g1,
                                                    side ? H2 : H1, q, &F->G,
                                                    dq, prec), 0);
        }
      /* (f(+) - f(-)) / (2h) vs the jet */
      arb_sub (t, L1, L2, prec);
      arb_div (t, t, h, prec);
      arb_mul_2exp_si (t, t, -1);
      arb_sub (t, t, Ld, prec);
      maxerr = fmax (maxerr, fabs (arf_get_d (arb_midref (t), ARF_RND_UP)));
      for (slong i = 0; i < np * np; i++)
        {
          arb_sub (t, H1 + i, H2 + i, prec);
          arb_div (t, t, h, prec);
          arb_mul_2exp_si (t, t, -1);
          arb_sub (t, t, Hd + i, prec);
          maxerr = fmax (maxerr, fabs (arf_get_d (arb_midref (t), ARF_RND_UP)));
        }
      for (slong i = 0; i < np; i++)
        {
          arb_sub (t, g1 + i, g2 + i, prec);
          arb_div (t, t, h, prec);
          arb_mul_2exp_si (t, t, -1);
          arb_sub (t, t, gd + i, prec);
          maxerr = fmax (maxerr, fabs (arf_get_d (arb_midref (t), ARF_RND_UP)));
        }
      CU_ASSERT (maxerr < 1e-40);
      /* the derivative balls are narrow */
      CU_ASSERT (mag_get_d (arb_radref (Ld)) < 1e-50);
      _arb_vec_clear (p, np); _arb_vec_clear (v, np); _arb_vec_clear (q, np);
      _arb_vec_clear (g1, np); _arb_vec_clear (g2, np); _arb_vec_clear (gd, np);
      _arb_vec_clear (H1, np * np); _arb_vec_clear (H2, np * np);
      _arb_vec_clear (Hd, np * np);
      arb_clear (d); arb_clear (dv); arb_clear (dq); arb_clear (h);
      arb_clear (L1); arb_clear (L2); arb_clear (Ld); arb_clear (t);
    }
}

static void
silent (const char *r, const char *f, int l, int s)
{
  (void) r; (void) f; (void) l; (void) s;
}

static void
test_bad_input (void)
{
  lsc_error_handler_t *old = lsc_set_error_handler (silent);
  const lsc_family *F = lsc_test_family (cat, "A");
  int proved;
  arb_t d;
  arb_init (d);
  arb_ptr p = _arb_vec_init ((slong) F->nparams);
  CU_ASSERT_EQUAL (lsc_certify_range (NULL, &F->G, F->p, 20, 1, 2, 0, NULL,
                                      NULL, NULL), LSC_EFAULT);
  CU_ASSERT_EQUAL (lsc_certify_range (&proved, &F->G, F->p, 20, 3, 2, 0,
                                      NULL, NULL, NULL), LSC_EINVAL);
  CU_ASSERT_EQUAL (lsc_certify_range (&proved, &F->G, F->p, 20, 1, 2, 7,
                                      NULL, NULL, NULL), LSC_EINVAL);
  arb_set_d (d, 3.9); /* large block 2.9: G2 would have a block below 1 */
  lsc_cert_morse m;
  CU_ASSERT_EQUAL (lsc_certify_morse (&m, &F->G, p, d, NULL), LSC_EDOM);
  arb_indeterminate (d);
  CU_ASSERT_EQUAL (lsc_restricted_eval_arb (NULL, p, NULL, p, &F->G, d, 64),
                   LSC_ENONFINITE);
  arb_set_d (d, 20);
  /* a zero row: every parameter 0 */
  arb_ptr g = _arb_vec_init ((slong) F->nparams);
  CU_ASSERT_EQUAL (lsc_restricted_eval_arb (NULL, g, NULL, p, &F->G, d, 64),
                   LSC_EDOM);
  _arb_vec_clear (g, (slong) F->nparams);
  _arb_vec_clear (p, (slong) F->nparams);
  arb_clear (d);
  lsc_set_error_handler (old);
}

int
main (void)
{
  static const lsc_test_case cases[] = {
    { "eval vs MPFR", test_eval_vs_mpfr },
    { "jets vs differences", test_deriv_vs_differences },
    { "bad input", test_bad_input },
    { NULL, NULL } };
  int rc = lsc_test_run_catalogue (&cat, "certify", cases);
  flint_cleanup ();
  return rc;
}
