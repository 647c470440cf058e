/* Tests of lsc_certify at a point and over a range of d: Krawczyk proofs
   and proved Morse indices of every catalogue family at d = 20 against
   the reduced MPFR spectrum (an independent eigensolver); range
   theorems (Y6-1_aff near its crossing in one piece); negative tests (a
   ball holding no critical point, a saddle asked to be a minimum). */
#include <config.h>
#include "testutil.h"
#include "landscape.h"
#include "landscape/lsc_certify.h"

static lsc_catalogue *cat;

/* Negative and zero (|value| <= 1e-10) eigenvalue slots of each
   component in the reduced MPFR spectrum at the catalogue point. */
static void
spectrum_counts (size_t *neg, size_t *zero, const lsc_family *F)
{
  size_t nmax = lsc_isotypic_max_mpfr (&F->G), n = 0;
  lsc_iso_eigen *out = malloc (nmax * sizeof *out);
  CU_ASSERT_EQUAL (lsc_isotypic_spectrum_accurate (out, &n, F->p, &F->G,
                                                   1e-9, 1e-12), 0);
  memset (neg, 0, 4 * sizeof *neg);
  memset (zero, 0, 4 * sizeof *zero);
  for (size_t i = 0; i < n; i++)
    if (fabs (out[i].value) <= 1e-10)
      zero[out[i].irrep] += out[i].inner;
    else if (out[i].value < 0)
      neg[out[i].irrep] += out[i].inner;
  free (out);
}

/* Every catalogue family at d = 20: a proved unique critical point next
   to the catalogue's Newton solution (the global minimum: the exact point
   W = V), its loss enclosing the catalogue's, and the proved inertia
   equal to the reduced spectrum's (negative and zero slots: the split
   family's flat direction is its only zero). */
static void
test_catalogue_d20 (void)
{
  for (size_t f = 0; f < cat->n; f++)
    {
      const lsc_family *F = &cat->fam[f];
      int global = strcmp (F->kind, "global-minimum") == 0;
      /* the families with large small blocks cost seconds each */
      if (!lsc_test_expensive () && (strcmp (F->name, "B4") == 0
                                     || strcmp (F->name, "B5") == 0
                                     || strcmp (F->name, "B6") == 0))
        continue;
      size_t np = F->nparams;
      lsc_cert_crit cr;
      lsc_cert_crit_init (&cr, np);
      arb_t d;
      arb_init (d);
      arb_set_d (d, 20);
      CU_ASSERT_EQUAL (lsc_certify_target (&cr, &F->G, F->p), 0);
      CU_ASSERT_EQUAL (cr.proved, global);
      if (!global)
        {
          CU_ASSERT_EQUAL (lsc_certify_follow (cr.box, &F->G, F->p, 20, 20,
                                               NULL), 0);
          CU_ASSERT_EQUAL (lsc_certify_critical (&cr, &F->G, cr.box, d, NULL),
                           0);
        }
      CU_ASSERT (cr.proved);
      CU_ASSERT (cr.radius < 1e-50);
      for (size_t i = 0; i < np; i++)
        CU_ASSERT (fabs (arf_get_d (arb_midref (cr.box + i), ARF_RND_NEAR)
                         - F->p[i]) < 1e-12);
      CU_ASSERT (fabs (arf_get_d (arb_midref (cr.loss), ARF_RND_NEAR) - F->loss)
                 <= 2e-16 * fabs (F->loss) + 1e-300);
      lsc_cert_morse m;
      CU_ASSERT_EQUAL (lsc_certify_morse (&m, &F->G, cr.box, d, NULL), 0);
        {
          size_t neg[4], zero[4];
          spectrum_counts (neg, zero, F);
          CU_ASSERT (m.proved);
          for (int c = 0; c < 4; c++)
            {
              CU_ASSERT_EQUAL (m.nneg[c], neg[c]);
              CU_ASSERT_EQUAL (m.nzero[c], zero[c]);
            }
          /* the split family: its split ratio is a flat direction (t) */
          CU_ASSERT_EQUAL (m.nzero[0], strcmp (F->name, "A-split-kd1") == 0);
          if (global)
            CU_ASSERT (arb_is_zero (cr.loss));
          double idx = lsc_cert_morse_index (&m, F->G.rsize[0]);
          if (strcmp (F->kind, "spurious-minimum") == 0)
            CU_ASSERT_EQUAL (idx, 0);
          if (strcmp (F->name, "F6") == 0)
            CU_ASSERT_EQUAL (idx, 19);
          if (strcmp (F->name, "F3") == 0)
            CU_ASSERT_EQUAL (idx, 1);
        }
      arb_clear (d);
      lsc_cert_crit_clear (&cr);
    }
}

static int
count_cb (const lsc_cert_piece *pc, void *arg)
{
  size_t *n = arg;
  n[0]++;
  n[1] += pc->proved;
  return 0;
}

/* A range theorem over [20, 20.5] and a ball of d. */
static void
test_range (void)
{
  const lsc_family *F = lsc_test_family (cat, "A");
  int proved = 0;
  size_t n[2] = { 0, 0 };
  lsc_certify_options o;
  lsc_certify_options_init (&o);
  CU_ASSERT_EQUAL (lsc_certify_range (&proved, &F->G, F->p, F->d, 20, 20.05,
                                      LSC_CERT_MINIMUM, count_cb, n, &o), 0);
  CU_ASSERT (proved);
  CU_ASSERT (n[0] >= 1 && n[0] == n[1]);
}

/* Y6-1_aff over [20, 20.0012] (four pieces before the slope along the
   branch was narrowed): one piece, a nondegenerate minimum, as the
   catalogue's type at d = 20 (found by the MPFR spectrum) says. */
static void
test_range_one_piece (void)
{
  const lsc_family *F = lsc_test_family (cat, "Y6-1_aff");
  CU_ASSERT_STRING_EQUAL (F->kind, "spurious-minimum");
  int proved = 0;
  size_t n[2] = { 0, 0 };
  CU_ASSERT_EQUAL (lsc_certify_range (&proved, &F->G, F->p, F->d, 20, 20.0012,
                                      LSC_CERT_MINIMUM, count_cb, n, NULL), 0);
  CU_ASSERT (proved);
  CU_ASSERT_EQUAL (n[0], 1);
  CU_ASSERT_EQUAL (n[1], 1);
}

/* The first failing piece's reason. */
static int
reason_cb (const lsc_cert_piece *pc, void *arg)
{
  char *why = arg;
  if (!pc->proved && !why[0])
    snprintf (why, 200, "%s", pc->reason);
  return 0;
}

/* A ball that holds no critical point, and a saddle asked to be a
   minimum: both fail, each with its reason. */
static void
test_negative (void)
{
  const lsc_family *F = lsc_test_family (cat, "A");
  size_t np = F->nparams;
  lsc_cert_crit cr;
  lsc_cert_crit_init (&cr, np);
  arb_ptr p = _arb_vec_init ((slong) np);
  arb_t d;
  arb_init (d);
  arb_set_d (d, 20);
  for (size_t i = 0; i < np; i++)
    arb_set_d (p + i, F->p[i] + 0.05);
  CU_ASSERT_EQUAL (lsc_certify_critical (&cr, &F->G, p, d, NULL), 0);
  CU_ASSERT (!cr.proved);
  /* the existence proof itself fails: K(X) never lands inside X, and the
     epsilon inflation grows X until the angles of its rows are no longer
     separated from 0 (the Jacobian over X cannot be enclosed) */
  CU_ASSERT (strstr (cr.reason, "Krawczyk: K(X) not inside X") != NULL
             || strstr (cr.reason, "Jacobian cannot be enclosed over the box")
                != NULL);
  /* second route: the ball p +- 1e-4 holds no critical point at all (a
     gradient component excludes 0 over it), so no method may prove one */
  {
    arb_ptr g = _arb_vec_init ((slong) np);
    for (size_t i = 0; i < np; i++)
      mag_set_d (arb_radref (p + i), 1e-4);
    CU_ASSERT_EQUAL (lsc_restricted_eval_arb (NULL, g, NULL, p, &F->G, d,
                                              128), 0);
    int excl = 0;
    for (size_t i = 0; i < np; i++)
      excl |= !arb_contains_zero (g + i);
    CU_ASSERT (excl);
    _arb_vec_clear (g, (slong) np);
  }
  const lsc_family *S = lsc_test_family (cat, "F3");
  int proved = 1;
  char why[200] = "";
  CU_ASSERT_EQUAL (lsc_certify_range (&proved, &S->G, S->p, S->d, 19.99,
                                      20.01, LSC_CERT_MINIMUM, reason_cb,
                                      why, NULL), 0);
  CU_ASSERT (!proved);
  CU_ASSERT (strstr (why, "proved NOT a minimum") != NULL);
  /* the point itself: index 1 proved, so "minimum" is refuted */
  lsc_cert_crit c2;
  lsc_cert_crit_init (&c2, S->nparams);
  CU_ASSERT_EQUAL (lsc_certify_follow (c2.box, &S->G, S->p, 20, 20, NULL), 0);
  lsc_certify_critical (&c2, &S->G, c2.box, d, NULL);
  lsc_cert_morse m;
  lsc_certify_morse (&m, &S->G, c2.box, d, NULL);
  CU_ASSERT (c2.proved && m.proved && m.nneg[LSC_IRREP_T] == 1);
  lsc_cert_crit_clear (&c2);
  lsc_cert_crit_clear (&cr);
  _arb_vec_clear (p, (slong) np);
  arb_clear (d);
}

int
main (void)
{
  static const lsc_test_case cases[] = {
    { "catalogue at d = 20", test_catalogue_d20 },
    { "range theorem", test_range },
    { "Y6-1_aff over [20, 20.0012]: one piece", test_range_one_piece },
    { "negative tests", test_negative },
    { NULL, NULL } };
  int rc = lsc_test_run_catalogue (&cat, "certify-point", cases);
  flint_cleanup ();
  return rc;
}
