/* Tests of lsc_certify over wide balls of d at large d: the Taylor models
   in d prove a Krawczyk box for type A over d in [1e6, 1e6 + 2500] (first
   order cannot), the box contains the branch points found by Newton at
   the ends and the middle, whose MPFR gradients vanish and whose MPFR
   losses lie in the loss enclosure; a range theorem at 1e6 in the plain
   and in the scaled unknowns (two routes, one theorem); a range piece
   at two precisions, and a low first try that fails and is retried. */
#include <config.h>
#include "testutil.h"
#include "landscape.h"
#include "landscape/lsc_families.h"
#include "landscape/lsc_certify.h"

static lsc_catalogue *cat;

static void
ball (arb_t D, double lo, double hi)
{
  arf_t a, b;
  arf_init (a);
  arf_init (b);
  arf_set_d (a, lo);
  arf_set_d (b, hi);
  arb_set_interval_arf (D, a, b, 128);
  arf_clear (a);
  arf_clear (b);
}

static void
test_taylor_box (void)
{
  const lsc_family *F = lsc_test_family (cat, "A");
  size_t np = F->nparams;
  double lo = 1e6, hi = 1e6 + 2500, mid = 0.5 * (lo + hi);
  lsc_certify_options o;
  lsc_certify_options_init (&o);
  arb_ptr x = _arb_vec_init ((slong) np), y = _arb_vec_init ((slong) np);
  arb_t D, dm;
  arb_init (D);
  arb_init (dm);
  ball (D, lo, hi);
  arb_set_d (dm, mid);
  CU_ASSERT_EQUAL_FATAL (lsc_certify_follow (x, &F->G, F->p, F->d, mid, &o),
                         0);
  lsc_cert_crit cr;
  CU_ASSERT_EQUAL_FATAL (lsc_cert_crit_init (&cr, np), 0);
  CU_ASSERT_EQUAL (lsc_certify_critical (&cr, &F->G, x, D, &o), 0);
  CU_ASSERT (cr.proved);
  /* the branch at three d by Newton (a second algorithm): inside the
     box; MPFR gradient ~ 0 and MPFR loss inside the loss enclosure */
  double ds[3] = { lo, mid, hi };
  for (int k = 0; cr.proved && k < 3; k++)
    {
      CU_ASSERT_EQUAL (lsc_certify_follow (y, &F->G, F->p, F->d, ds[k], &o),
                       0);
      mpfr_t L, d, *p = malloc (np * sizeof (mpfr_t)),
                   *g = malloc (np * sizeof (mpfr_t));
      mpfr_inits2 (256, L, d, (mpfr_ptr) 0);
      mpfr_set_d (d, ds[k], MPFR_RNDN);
      for (size_t i = 0; i < np; i++)
        {
          CU_ASSERT (arb_contains_arf (cr.box + i, arb_midref (y + i)));
          mpfr_init2 (p[i], 256);
          mpfr_init2 (g[i], 256);
          arf_get_mpfr (p[i], arb_midref (y + i), MPFR_RNDN);
        }
      CU_ASSERT_EQUAL (lsc_restricted_eval_mpfr (L, g, NULL,
                                                 (const mpfr_t *) p, &F->G,
                                                 d), 0);
      for (size_t i = 0; i < np; i++)
        CU_ASSERT (fabs (mpfr_get_d (g[i], MPFR_RNDN)) < 1e-40);
      arb_t Lb;
      arb_init (Lb);
      arb_set_interval_mpfr (Lb, L, L, 256);
      CU_ASSERT (arb_contains (cr.loss, Lb));
      arb_clear (Lb);
      for (size_t i = 0; i < np; i++)
        {
          mpfr_clear (p[i]);
          mpfr_clear (g[i]);
        }
      free (p);
      free (g);
      mpfr_clears (L, d, (mpfr_ptr) 0);
    }
  /* first order in d (the old centered form) cannot prove this ball */
  o.taylor = 1;
  lsc_cert_crit c1;
  CU_ASSERT_EQUAL_FATAL (lsc_cert_crit_init (&c1, np), 0);
  CU_ASSERT_EQUAL (lsc_certify_critical (&c1, &F->G, x, D, &o), 0);
  CU_ASSERT (!c1.proved);
  lsc_cert_crit_clear (&c1);
  lsc_cert_crit_clear (&cr);
  _arb_vec_clear (x, (slong) np);
  _arb_vec_clear (y, (slong) np);
  arb_clear (D);
  arb_clear (dm);
}

static int
count_cb (const lsc_cert_piece *pc, void *arg)
{
  size_t *n = arg;
  n[0]++;
  n[1] += pc->proved && pc->morse.proved && pc->morse.nneg[0] == 0
          && pc->morse.nneg[1] == 0 && pc->morse.nneg[2] == 0
          && pc->morse.nneg[3] == 0;
  return 0;
}

static void
test_range_large (void)
{
  const lsc_family *F = lsc_test_family (cat, "A");
  lsc_certify_options o;
  lsc_certify_options_init (&o);
  for (int scaled = 0; scaled <= 1; scaled++)
    {
      o.scaled = scaled;
      int proved = 0;
      size_t n[2] = { 0, 0 };
      CU_ASSERT_EQUAL (lsc_certify_range (&proved, &F->G, F->p, F->d, 1e6,
                                          1.005e6, LSC_CERT_MINIMUM,
                                          count_cb, n, &o), 0);
      CU_ASSERT (proved);
      CU_ASSERT (n[0] >= 1 && n[0] == n[1]);
      CU_ASSERT (n[0] <= 8);
    }
}

/* Pieces, proved pieces with the inertia of the first, their working
   precisions, and that inertia. */
typedef struct
{
  size_t n, ok;
  slong pmin, pmax;
  lsc_cert_morse first;
} prec_count;

static int
prec_cb (const lsc_cert_piece *pc, void *arg)
{
  prec_count *c = arg;
  if (c->n++ == 0)
    {
      c->first = pc->morse;
      c->pmin = c->pmax = pc->prec;
    }
  c->ok += pc->proved
           && !memcmp (c->first.nneg, pc->morse.nneg, sizeof c->first.nneg)
           && !memcmp (c->first.npos, pc->morse.npos, sizeof c->first.npos);
  c->pmin = pc->prec < c->pmin ? pc->prec : c->pmin;
  c->pmax = pc->prec > c->pmax ? pc->prec : c->pmax;
  return 0;
}

/* The precision of range pieces: the same subinterval proved at 128 bits
   (the low first try) and at the automatic precision has the same
   inertias (two precisions, one theorem); a first try at 16 bits fails
   and every piece is then proved at the automatic precision. */
static void
test_range_prec (void)
{
  const lsc_family *F = lsc_test_family (cat, "A");
  double a = 1000, b = 1000.5;
  lsc_certify_options o;
  lsc_certify_options_init (&o);
  slong full = lsc_certify_prec (&o, b);
  CU_ASSERT_FATAL (full > 128);
  slong bits[3] = { 128, 0, 16 };
  prec_count c[3];
  for (int k = 0; k < 3; k++)
    {
      memset (&c[k], 0, sizeof c[k]);
      o.range_prec = bits[k];
      int proved = 0;
      CU_ASSERT_EQUAL (lsc_certify_range (&proved, &F->G, F->p, F->d, a, b,
                                          LSC_CERT_MINIMUM, prec_cb, &c[k],
                                          &o), 0);
      CU_ASSERT (proved);
      CU_ASSERT (c[k].n >= 1 && c[k].ok == c[k].n);
      CU_ASSERT (c[k].first.proved);
    }
  /* one subinterval each, at 128 bits and at the automatic precision */
  CU_ASSERT (c[0].n == 1 && c[1].n == 1);
  CU_ASSERT (c[0].pmin == 128 && c[0].pmax == 128);
  CU_ASSERT (c[1].pmin == full && c[1].pmax == full);
  CU_ASSERT (c[2].pmin == full && c[2].pmax == full);
  for (int k = 0; k < 3; k++)
    {
      CU_ASSERT (!memcmp (c[k].first.nneg, c[1].first.nneg,
                          sizeof c[1].first.nneg));
      CU_ASSERT (!memcmp (c[k].first.npos, c[1].first.npos,
                          sizeof c[1].first.npos));
    }
  /* a minimum: no negative eigenvalue, every block positive */
  for (int i = 0; i < 4; i++)
    CU_ASSERT (c[1].first.nneg[i] == 0
               && c[1].first.npos[i] == c[1].first.size[i]);
}

int
main (void)
{
  static const lsc_test_case cases[] = {
    { "Taylor models over a wide ball of d", test_taylor_box },
    { "range theorem at d = 1e6, two routes", test_range_large },
    { "range pieces at two precisions", test_range_prec },
    { NULL, NULL } };
  int rc = lsc_test_run_catalogue (&cat, "certify-range", cases);
  flint_cleanup ();
  return rc;
}
