/* Tests of the family catalogue: every family is a critical point at d = 20
   (restricted Newton, full-library gradient, MPFR refinement), the catalogue's
   losses, validation of bad files, and continuation of type A. */
#define _POSIX_C_SOURCE 200809L
#include <config.h>
#include <math.h>
#include <float.h>
#include <string.h>
#include <mpfr.h>
#include "landscape.h"
#include "landscape/lsc_families.h"
#include "testutil.h"

#define CATALOGUE LSC_SRCDIR "/data/families.tsv"

static lsc_catalogue *
load (void)
{
  char err[256];
  lsc_catalogue *cat = NULL;
  int st = lsc_catalogue_read_file (&cat, CATALOGUE, err, sizeof err);
  if (st)
    fprintf (stderr, "%s\n", err);
  CU_ASSERT_EQUAL_FATAL (st, 0);
  return cat;
}

/* landscape-families(5) table: loss at d = 20 to 6 digits. */
static const struct
{
  const char *name;
  double loss;
} math_loss[] = { { "global", 0 },     { "A", 0.0112756 },
                  { "B2", 0.0219230 }, { "F5", 0.101505 },
                  { "F4", 0.0992865 }, { "F3", 0.0499480 },
                  { "F6", 0.144837 } };

static void
test_catalogue_contents (void)
{
  lsc_catalogue *cat = load ();
  const char *need[] = { "global", "A", "B2", "B3", "B4", "B5", "F3",
                         "F4", "F5", "F6", "A-split-kd1" };
  for (size_t i = 0; i < sizeof need / sizeof need[0]; i++)
    CU_ASSERT (lsc_catalogue_find (cat, need[i]) != NULL);
  const lsc_family *f = lsc_catalogue_find (cat, "A-split-kd1");
  CU_ASSERT (f && lsc_young_k (&f->G) == lsc_young_d (&f->G) + 1);
  CU_ASSERT (lsc_catalogue_find (cat, "nonesuch") == NULL);
  lsc_catalogue_free (cat);
}

/* Newton from the stored values at d = 20; loss vs landscape-families(5); full-library
   gradient of the embedded W. */
static void
test_families_critical (void)
{
  lsc_catalogue *cat = load ();
  for (size_t i = 0; i < cat->n; i++)
    {
      const lsc_family *f = &cat->fam[i];
      double p[LSC_FAMILY_MAXP], L;
      memcpy (p, f->p, f->nparams * sizeof (double));
      lsc_newton_result res;
      CU_ASSERT_EQUAL (lsc_newton_restricted (p, &res, &f->G, NULL), 0);
      CU_ASSERT (res.residual <= 1e-13);
      for (size_t j = 0; j < f->nparams; j++)
        CU_ASSERT (fabs (p[j] - f->p[j]) < 1e-13);
      /* the catalogue's loss is the accurate one (the double restricted
         sum is off by ~ eps d^2: checked to stay within that) */
      double Ld;
      CU_ASSERT_EQUAL (lsc_restricted_loss_accurate (&L, p, &f->G), 0);
      CU_ASSERT (fabs (L - f->loss) <= 4 * DBL_EPSILON * fmax (f->loss, 1e-300)
                 || (f->loss == 0 && fabs (L) < 1e-40));
      CU_ASSERT_EQUAL (lsc_restricted_loss (&Ld, p, &f->G), 0);
      CU_ASSERT (fabs (Ld - L) <= DBL_EPSILON * f->d * f->d * 4);
      for (size_t j = 0; j < sizeof math_loss / sizeof math_loss[0]; j++)
        if (strcmp (f->name, math_loss[j].name) == 0)
          {
            /* Six significant digits: half a unit in the sixth. */
            double m = math_loss[j].loss;
            /* L = 0 (global): the rounding floor of terms ~ d^2 / 2 pi. */
            double ulp6 = m > 0 ? pow (10, floor (log10 (m)) - 5) : 1e-13;
            CU_ASSERT (fabs (L - m) <= 0.5 * ulp6);
          }
      /* Independent route: the full library on the embedded W. */
      size_t k = (size_t) lsc_young_k (&f->G), d = (size_t) f->d;
      double *W = malloc (k * d * sizeof (double));
      double *G = malloc (k * d * sizeof (double));
      lsc_problem pr = { k, d, d, NULL, NULL, NULL };
      lsc_loss_workspace *ws = lsc_loss_workspace_alloc (k, d, d);
      CU_ASSERT_EQUAL (lsc_young_embed (W, p, &f->G), 0);
      double Lf, gn = 0;
      CU_ASSERT_EQUAL (lsc_loss_grad (&Lf, G, W, &pr, ws), 0);
      for (size_t j = 0; j < k * d; j++)
        gn += G[j] * G[j];
      CU_ASSERT (sqrt (gn) <= 1e-13);
      /* the full double loss (difference arrangement) is accurate too */
      CU_ASSERT (fabs (Lf - L) <= 1e-14 * fmax (L, 1e-2)); /* measured 3e-15 */
      /* The metric-scaled residual is that full gradient's norm. */
      CU_ASSERT (fabs (sqrt (gn) - res.residual) < 1e-14);
      lsc_loss_workspace_free (ws);
      free (W);
      free (G);
    }
  lsc_catalogue_free (cat);
}

/* MPFR refinement at 256 bits, checked by the full MPFR library gradient of
   the embedded W. */
static void
test_families_mpfr (void)
{
  lsc_catalogue *cat = load ();
  const mpfr_prec_t prec = 256;
  for (size_t i = 0; i < cat->n; i++)
    {
      const lsc_family *f = &cat->fam[i];
      lsc_restricted_system sys;
      lsc_newton_function_mpfr fm;
      CU_ASSERT_EQUAL_FATAL (lsc_restricted_system_init (&sys, &f->G), 0);
      lsc_restricted_system_function (NULL, &fm, &sys);
      size_t n = f->nparams;
      mpfr_t x[LSC_FAMILY_MAXP];
      for (size_t j = 0; j < n; j++)
        mpfr_init2 (x[j], prec), mpfr_set_d (x[j], f->p[j], MPFR_RNDN);
      double resid;
      size_t it;
      int st = lsc_newton_refine_mpfr (x, &resid, &it, &fm, 20, 30);
      CU_ASSERT_EQUAL (st, 0);
      CU_ASSERT (resid <= 1e-60);
      size_t k = (size_t) lsc_young_k (&f->G), d = (size_t) f->d;
      double *W = malloc (k * d * sizeof (double));
      mpfr_t *Wm = malloc (k * d * sizeof (mpfr_t));
      mpfr_t *Gm = malloc (k * d * sizeof (mpfr_t));
      /* Embed in MPFR by embedding indicator vectors (entries are single
         parameters). */
      double e[LSC_FAMILY_MAXP] = { 0 };
      for (size_t j = 0; j < k * d; j++)
        mpfr_init2 (Wm[j], prec), mpfr_init2 (Gm[j], prec),
          mpfr_set_zero (Wm[j], 1);
      for (size_t q = 0; q < n; q++)
        {
          e[q] = 1;
          lsc_young_embed (W, e, &f->G);
          e[q] = 0;
          for (size_t j = 0; j < k * d; j++)
            if (W[j] != 0)
              mpfr_set (Wm[j], x[q], MPFR_RNDN);
        }
      lsc_problem_mpfr pm = { k, d, d, NULL, NULL, NULL };
      CU_ASSERT_EQUAL (lsc_loss_grad_mpfr (NULL, Gm, (const mpfr_t *) Wm, &pm),
                       0);
      mpfr_t s, t;
      mpfr_inits2 (prec, s, t, (mpfr_ptr) 0);
      mpfr_set_zero (s, 1);
      for (size_t j = 0; j < k * d; j++)
        mpfr_sqr (t, Gm[j], MPFR_RNDN), mpfr_add (s, s, t, MPFR_RNDN);
      mpfr_sqrt (s, s, MPFR_RNDN);
      CU_ASSERT (mpfr_get_d (s, MPFR_RNDN) <= 1e-60);
      mpfr_clears (s, t, (mpfr_ptr) 0);
      for (size_t j = 0; j < k * d; j++)
        mpfr_clear (Wm[j]), mpfr_clear (Gm[j]);
      for (size_t j = 0; j < n; j++)
        mpfr_clear (x[j]);
      free (W), free (Wm), free (Gm);
    }
  lsc_catalogue_free (cat);
}

static void
test_isotropy_parse (void)
{
  lsc_young G;
  char err[160];
  CU_ASSERT_EQUAL (lsc_isotropy_parse (&G, "kd:L,1", 20, err, sizeof err), 0);
  CU_ASSERT (G.nrb == 2 && G.rsize[0] == 19 && G.rsize[1] == 1);
  CU_ASSERT_EQUAL (lsc_young_nparams (&G), 5);
  CU_ASSERT_EQUAL (lsc_isotropy_parse (&G, "rows:L,1,1;cols:L,1;pair:0=0,1=1",
                                       20, err, sizeof err), 0);
  CU_ASSERT (lsc_young_k (&G) == 21 && lsc_young_d (&G) == 20);
  CU_ASSERT_EQUAL (G.pair[2], -1);
  const char *bad[] = { "kd:1,L", "kd:", "kd:L,x", "kd:L,0", "foo:L",
                        "rows:L,1;cols:L", "rows:L,2;cols:L,1;pair:0=0,1=1",
                        "rows:L;cols:L;pair:0=0,0=0", "rows:L;cols:L;pair:1=0",
                        "rows:L,1;cols:5,1;pair:0=0,1=1", "rows:L,1;cols:L,1;pair:0=0,1=3",
                        "kd:L,2,", "kd:L,,2", "rows:L,1,;cols:L,1;pair:0=0"
                      };
  for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
    {
      err[0] = 0;
      CU_ASSERT (lsc_isotropy_parse (&G, bad[i], 20, err, sizeof err) != 0);
      CU_ASSERT (err[0] != 0);
    }
  CU_ASSERT_EQUAL (lsc_isotropy_parse (&G, "rows:L,1;cols:5,1;pair:0=0,1=1",
                                       20, err, sizeof err), LSC_EPARSE);
  CU_ASSERT (strstr (err, "first column block must be 'L'") != NULL);
  CU_ASSERT_EQUAL (lsc_isotropy_parse (&G, "rows:L,1;cols:L,1;pair:0=0,1=3",
                                       20, err, sizeof err), LSC_EPARSE);
  CU_ASSERT (strstr (err, "names column block 3 of 2") != NULL);
  CU_ASSERT (lsc_isotropy_parse (&G, "kd:L,1", NAN, err, sizeof err) != 0);
  CU_ASSERT (strstr (err, "not finite") != NULL);
  CU_ASSERT_EQUAL (lsc_isotropy_parse (&G, "kd:L,5", 5.5, err, sizeof err),
                   LSC_EDOM);
}

/* A catalogue with one bad line must fail with NAME:LINE. */
static void
expect_bad (const char *body, int want, const char *want_prefix)
{
  char err[256] = "";
  FILE *f = fmemopen ((void *) body, strlen (body), "r");
  lsc_catalogue *cat = (lsc_catalogue *) 1;
  CU_ASSERT_EQUAL (lsc_catalogue_read (&cat, f, "bad.tsv", err, sizeof err),
                   want);
  CU_ASSERT (cat == NULL);
  CU_ASSERT (strncmp (err, want_prefix, strlen (want_prefix)) == 0);
  fclose (f);
}

static void
test_bad_files (void)
{
#define H "name\tisotropy\td\tparams\tloss\tkind\tdescription\n"
  expect_bad ("", LSC_EOF, "bad.tsv:0:");
  expect_bad ("name\tiso\n", LSC_EPARSE, "bad.tsv:1: header");
  expect_bad ("# c\n" H "g\tkd:L\t20\t1,0\t0\tsaddle\n", LSC_EPARSE,
              "bad.tsv:3: 6 fields");
  expect_bad (H "g h\tkd:L\t20\t1,0\t0\tsaddle\tx\n", LSC_EPARSE,
              "bad.tsv:2: bad name");
  expect_bad (H "g\tkd:Q\t20\t1,0\t0\tsaddle\tx\n", LSC_EPARSE,
              "bad.tsv:2: isotropy");
  expect_bad (H "g\tkd:L\t2x\t1,0\t0\tsaddle\tx\n", LSC_EPARSE,
              "bad.tsv:2: bad reference d");
  expect_bad (H "g\tkd:L\t20\t1\t0\tsaddle\tx\n", LSC_EPARSE,
              "bad.tsv:2: 1 parameters");
  expect_bad (H "g\tkd:L\t20\t1,0,3\t0\tsaddle\tx\n", LSC_EPARSE,
              "bad.tsv:2: more than");
  expect_bad (H "g\tkd:L\t20\t1,nan\t0\tsaddle\tx\n", LSC_EPARSE,
              "bad.tsv:2: bad parameter");
  expect_bad (H "g\tkd:L\t20\t1,0\t-1\tsaddle\tx\n", LSC_EPARSE,
              "bad.tsv:2: bad loss");
  expect_bad (H "g\tkd:L\t20\t1,0\t0\tmaximum\tx\n", LSC_EPARSE,
              "bad.tsv:2: bad kind");
  expect_bad (H "g\tkd:L\t20\t1,0\t0\tsaddle\t\n", LSC_EPARSE,
              "bad.tsv:2: empty");
  expect_bad (H "g\tkd:L\t20\t1,0\t0\tsaddle\tx\n\n"
                "g\tkd:L\t20\t1,0\t0\tsaddle\tx\n", LSC_EPARSE,
              "bad.tsv:4: duplicate");
  /* the optional dstar column */
#define H8 "name\tisotropy\td\tparams\tloss\tkind\tdescription\tdstar\n"
  expect_bad (H8 "g\tkd:L\t20\t1,0\t0\tsaddle\tx\n", LSC_EPARSE,
              "bad.tsv:2: 7 fields, want 8");
  expect_bad (H8 "g\tkd:L\t20\t1,0\t0\tsaddle\tx\tabc\n", LSC_EPARSE,
              "bad.tsv:2: bad dstar");
  expect_bad (H8 "g\tkd:L\t20\t1,0\t0\tsaddle\tx\t0.5\n", LSC_EPARSE,
              "bad.tsv:2: bad dstar");
  expect_bad (H "g\tkd:L\t20\t1,0\t0\tsaddle\tx\t5.5\n", LSC_EPARSE,
              "bad.tsv:2: more than 7 fields");
  char err[256];
  lsc_catalogue *cat;
  const char *good = H8 "g\tkd:L\t20\t1,0\t0\tsaddle\tx\t-\n"
                        "h\tkd:L\t20\t1,0\t0\tsaddle\tx\t5.25000000000000000001\n";
  FILE *f = fmemopen ((void *) good, strlen (good), "r");
  CU_ASSERT_EQUAL_FATAL (lsc_catalogue_read (&cat, f, "good.tsv", err, sizeof err), 0);
  CU_ASSERT (isnan (cat->fam[0].dstar) && cat->fam[0].dstar_text[0] == 0);
  CU_ASSERT_EQUAL (cat->fam[1].dstar, 5.25);
  CU_ASSERT_STRING_EQUAL (cat->fam[1].dstar_text, "5.25000000000000000001");
  lsc_catalogue_free (cat);
  fclose (f);
  const char *old7 = H "g\tkd:L\t20\t1,0\t0\tsaddle\tx\n";
  f = fmemopen ((void *) old7, strlen (old7), "r");
  CU_ASSERT_EQUAL_FATAL (lsc_catalogue_read (&cat, f, "old.tsv", err, sizeof err), 0);
  CU_ASSERT (isnan (cat->fam[0].dstar));
  lsc_catalogue_free (cat);
  fclose (f);
  CU_ASSERT_EQUAL (lsc_catalogue_read_file (&cat, "/nonexistent/f.tsv", err,
                                            sizeof err), LSC_EINVAL);
  CU_ASSERT (strstr (err, "/nonexistent/f.tsv: ") == err);
#undef H
#undef H8
}

/* Type A: from d = 20 up to 1e7 and down until the branch ends. */
typedef struct
{
  size_t n;
  double worst, dmin;
  double worst_edge;   /* residuals within 0.5 of the edge d = 2 */
} a_log;

static int
a_cb (const lsc_cont_point *pt, void *data)
{
  a_log *lg = data;
  lg->n++;
  CU_ASSERT (isfinite (pt->residual));
  if (pt->d >= 2.5)
    lg->worst = fmax (lg->worst, pt->residual);
  else
    lg->worst_edge = fmax (lg->worst_edge, pt->residual);
  lg->dmin = fmin (lg->dmin, pt->d);
  return 0;
}

static void
test_type_a_branch (void)
{
  lsc_catalogue *cat = load ();
  const lsc_family *A = lsc_catalogue_find (cat, "A");
  CU_ASSERT_FATAL (A != NULL);
  lsc_cont_function f;
  lsc_cont_restricted r;
  CU_ASSERT_EQUAL (lsc_cont_restricted_init (&f, &r, &A->G), 0);
  lsc_cont *c = lsc_cont_alloc (f.n);
  a_log up = { 0, 0, 1e300, 0 }, down = { 0, 0, 1e300, 0 };
  CU_ASSERT_EQUAL (lsc_cont_set (c, &f, A->p, 20, 1, NULL), 0);
  CU_ASSERT_EQUAL (lsc_cont_run (c, 1e7, a_cb, &up), LSC_SUCCESS);
  CU_ASSERT_EQUAL (lsc_cont_current (c)->d, 1e7);
  CU_ASSERT (up.n < 400);
  CU_ASSERT (up.worst <= 1e-5);            /* rounding floor at d ~ 1e7 */
  CU_ASSERT_EQUAL (lsc_cont_set (c, &f, A->p, 20, -1, NULL), 0);
  /* Down: no fold; the branch passes d = 4 and continues analytically
     until the large block reaches size 1 (d = 2), where its off-diagonal
     orbit is empty and the family's domain ends. */
  CU_ASSERT_EQUAL (lsc_cont_run (c, 1.5, a_cb, &down), LSC_EDOM);
  CU_ASSERT (down.dmin < 2.1 && down.dmin > 2);
  CU_ASSERT (down.worst <= 1e-12);
  /* the scaled system degenerates at the edge (metric L (L - 1) -> 0) */
  CU_ASSERT (down.worst_edge <= 1e-6);
  lsc_cont_free (c);
  lsc_catalogue_free (cat);
}

int
main (void)
{
  static const lsc_test_case cases[] = {
    { "catalogue holds every required family", test_catalogue_contents },
    { "families critical at d = 20, catalogue losses, full gradient",
      test_families_critical },
    { "MPFR refinement to 1e-60 at 256 bits (full MPFR gradient)",
      test_families_mpfr },
    { "isotropy spec parser", test_isotropy_parse },
    { "bad catalogue files give NAME:LINE errors", test_bad_files },
    { "type A continued to 1e7 and down to its end", test_type_a_branch },
    { NULL, NULL } };
  return lsc_test_run ("families", cases);
}
