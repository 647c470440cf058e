/* Tests of the slope of a proved branch along a ball of d
   (lsc_cert_slope, an internal of lsc_certify: linked statically).
   Y6-1_aff over [20, 20.0012] (the width of four
   pieces before the slope was narrowed along the branch): the enclosure
   holds p'(d) at five d of the ball, each from central differences of
   the points that lsc_certify_follow's Newton solve finds at d -+ h (an
   independent route: no Krawczyk, no jets); it is narrow, and it
   excludes the slope at d = 20.05, outside the ball. */
#include <config.h>
#include "testutil.h"
#include "landscape.h"
#include "landscape/lsc_certify.h"
#include "certify/certify_impl.h"

static lsc_catalogue *cat;

#define LO 20.0
#define HI 20.0012

/* p'(d) by central differences (h = 1e-7) of the followed points:
   truncation ~ h^2 |p'''| / 6, rounding ~ 2^-190 / h. */
static void
slope_fd (double *s, const lsc_family *F, double d)
{
  size_t np = F->nparams;
  const double h = 1e-7;
  arb_ptr a = _arb_vec_init ((slong) np), b = _arb_vec_init ((slong) np);
  CU_ASSERT_EQUAL (lsc_certify_follow (a, &F->G, F->p, F->d, d - h, NULL), 0);
  CU_ASSERT_EQUAL (lsc_certify_follow (b, &F->G, F->p, F->d, d + h, NULL), 0);
  arb_t t;
  arb_init (t);
  for (size_t i = 0; i < np; i++)
    {
      arb_sub (t, b + i, a + i, 256);
      s[i] = arf_get_d (arb_midref (t), ARF_RND_NEAR) / (2 * h);
    }
  arb_clear (t);
  _arb_vec_clear (a, (slong) np);
  _arb_vec_clear (b, (slong) np);
}

static void
test_slope (void)
{
  const lsc_family *F = lsc_test_family (cat, "Y6-1_aff");
  size_t np = F->nparams;
  lsc_certify_options o;
  lsc_certify_options_init (&o);
  o.taylor = lsc_certify_taylor (&o, HI);
  slong prec = lsc_certify_prec (&o, HI);
  arb_ptr x = _arb_vec_init ((slong) np), xd = _arb_vec_init ((slong) np);
  double *s = malloc (np * sizeof *s);
  arb_t D, dm;
  arb_init (D);
  arb_init (dm);
  arf_t a, b;
  arf_init (a);
  arf_init (b);
  arf_set_d (a, LO);
  arf_set_d (b, HI);
  arb_set_interval_arf (D, a, b, prec);
  arf_set (arb_midref (dm), arb_midref (D));
  lsc_cert_crit cr, cm;
  lsc_cert_crit_init (&cr, np);
  lsc_cert_crit_init (&cm, np);
  /* the box over the ball and the point at its midpoint */
  CU_ASSERT_EQUAL_FATAL (lsc_certify_follow (x, &F->G, F->p, F->d,
                                             arf_get_d (arb_midref (dm),
                                                        ARF_RND_NEAR), &o),
                         0);
  CU_ASSERT_EQUAL (lsc_certify_critical (&cr, &F->G, x, D, &o), 0);
  CU_ASSERT_EQUAL (lsc_certify_critical (&cm, &F->G, x, dm, &o), 0);
  CU_ASSERT_FATAL (cr.proved && cm.proved);
  CU_ASSERT_EQUAL_FATAL (lsc_cert_slope (xd, &F->G, NULL, cr.box, cm.box, D,
                                         o.taylor, prec), 0);
  double maxrad = 0;
  for (size_t i = 0; i < np; i++)
    maxrad = fmax (maxrad, mag_get_d (arb_radref (xd + i)));
  /* the preconditioned solve alone: 9e-3 at this width (measured) */
  CU_ASSERT (maxrad < 1e-3);
  for (int k = 0; k <= 4; k++)
    {
      slope_fd (s, F, LO + 0.25 * k * (HI - LO));
      for (size_t i = 0; i < np; i++)
        CU_ASSERT (fabs (s[i] - arf_get_d (arb_midref (xd + i), ARF_RND_NEAR))
                   <= mag_get_d (arb_radref (xd + i)) + 1e-9);
    }
  /* negative: the slope 0.05 beyond the ball is not in the enclosure */
  slope_fd (s, F, 20.05);
  int out = 0;
  for (size_t i = 0; i < np; i++)
    out |= fabs (s[i] - arf_get_d (arb_midref (xd + i), ARF_RND_NEAR))
           > mag_get_d (arb_radref (xd + i)) + 1e-9;
  CU_ASSERT (out);
  lsc_cert_crit_clear (&cr);
  lsc_cert_crit_clear (&cm);
  arf_clear (a);
  arf_clear (b);
  arb_clear (D);
  arb_clear (dm);
  free (s);
  _arb_vec_clear (x, (slong) np);
  _arb_vec_clear (xd, (slong) np);
}

int
main (void)
{
  static const lsc_test_case cases[] = {
    { "slope along Y6-1_aff's branch vs differences", test_slope },
    { NULL, NULL } };
  int rc = lsc_test_run_catalogue (&cat, "certify-slope", cases);
  flint_cleanup ();
  return rc;
}
