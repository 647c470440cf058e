/* Tests of lsc_certify: ball evaluations against the MPFR evaluator (two
   precisions) and their derivatives against central differences;
   Krawczyk proofs and proved Morse indices of every catalogue family at
   d = 20 against the reduced MPFR spectrum (an independent eigensolver);
   a range theorem; d* proofs containing the catalogue's digits (found by
   the two-precision MPFR solver) and nested at two widths; the crossing
   theorem on synthetic families; negative tests and bad input. */
#include <config.h>
#include "testutil.h"
#include "landscape.h"
#include "landscape/lsc_families.h"
#include "landscape/lsc_certify.h"

static lsc_catalogue *cat;

static const lsc_family *
fam (const char *name)
{
  const lsc_family *F = lsc_catalogue_find (cat, name);
  CU_ASSERT_PTR_NOT_NULL_FATAL (F);
  return F;
}

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
        const lsc_family *F = fam (names[f]);
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
      const lsc_family *F = fam (names[f]);
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

/* Negative counts per component from the reduced MPFR spectrum. */
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
  const lsc_family *F = fam ("A");
  int proved = 0;
  size_t n[2] = { 0, 0 };
  lsc_certify_options o;
  lsc_certify_options_init (&o);
  CU_ASSERT_EQUAL (lsc_certify_range (&proved, &F->G, F->p, F->d, 20, 20.05,
                                      LSC_CERT_MINIMUM, count_cb, n, &o), 0);
  CU_ASSERT (proved);
  CU_ASSERT (n[0] >= 1 && n[0] == n[1]);
}

/* d* of type A: proved, containing the catalogue's 30 digits (the
   two-precision MPFR solver's answer), and at a narrower width nested in
   the wider interval. */
static void
test_dstar (void)
{
  const lsc_family *F = fam ("A");
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
      const lsc_family *F = fam (names[k]);
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
  const lsc_family *F = fam ("A");
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
  const lsc_family *S = fam ("F3");
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

static void
silent (const char *r, const char *f, int l, int s)
{
  (void) r; (void) f; (void) l; (void) s;
}

static void
test_bad_input (void)
{
  lsc_error_handler_t *old = lsc_set_error_handler (silent);
  const lsc_family *F = fam ("A");
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
  char err[512];
  if (lsc_catalogue_read_file (&cat, LSC_SRCDIR "/data/families.tsv", err,
                               sizeof err))
    {
      fprintf (stderr, "%s\n", err);
      return 99;
    }
  static const lsc_test_case cases[] = {
    { "eval vs MPFR", test_eval_vs_mpfr },
    { "jets vs differences", test_deriv_vs_differences },
    { "catalogue at d = 20", test_catalogue_d20 },
    { "range theorem", test_range },
    { "d* of type A", test_dstar },
    { "d* of multiplicity p - 1", test_dstar_multiple },
    { "crossing theorem, synthetic", test_crossing_synthetic },
    { "negative tests", test_negative },
    { "bad input", test_bad_input },
    { NULL, NULL } };
  int rc = lsc_test_run ("certify", cases);
  lsc_catalogue_free (cat);
  flint_cleanup ();
  return rc;
}
