/* Tests of the scan job (lsc_scan): the catalogue scan against direct
   per-family scans and against an independent route (full loss and full
   Hessian of the embedded point), k selection, and every error status. */
#include <config.h>
#include "testutil.h"
#include "landscape.h"

static lsc_catalogue *
read_catalogue (void)
{
  lsc_catalogue *cat = NULL;
  char err[256];
  CU_ASSERT_EQUAL_FATAL (lsc_catalogue_read_file (
      &cat, LSC_SRCDIR "/data/families.tsv", err, sizeof err), 0);
  return cat;
}

static void
silent (const char *reason, const char *file, int line, int status)
{
  (void) reason; (void) file; (void) line; (void) status;
}

/* lsc_scan_catalogue gives, row for row, what lsc_scan_family gives, and
   the family's loss at the continued point equals the full loss of the
   embedded matrix (a second route through lsc_loss). */
static void
test_catalogue_equals_family (void)
{
  lsc_catalogue *cat = read_catalogue ();
  const char *names[] = { "B2", "A", "B2" };
  double d[] = { 12, 9 };
  lsc_scan_k ks;
  lsc_scan_opts o;
  lsc_scan_set *s = NULL;
  size_t n = 0;
  lsc_scan_k_init (&ks);
  lsc_scan_opts_init (&o);
  CU_ASSERT_EQUAL_FATAL (lsc_scan_catalogue (&s, &n, cat, names, 3, d, 2,
                                             &ks, &o, NULL, NULL), 0);
  CU_ASSERT_EQUAL_FATAL (n, 2);         /* duplicate dropped */
  CU_ASSERT_STRING_EQUAL (s[0].fam->name, "B2");
  CU_ASSERT_STRING_EQUAL (s[1].fam->name, "A");
  for (size_t i = 0; i < n; i++)
    {
      lsc_scan_row rows[2];
      CU_ASSERT_EQUAL_FATAL (s[i].n, 2);
      CU_ASSERT_EQUAL_FATAL (lsc_scan_family (rows, s[i].fam, d, 2, &o), 0);
      for (size_t j = 0; j < 2; j++)
        {
          const lsc_scan_row *a = &s[i].rows[j], *b = &rows[j];
          CU_ASSERT_EQUAL (a->d, d[j]);
          CU_ASSERT_EQUAL (a->status, 0);
          CU_ASSERT_EQUAL (a->loss, b->loss);
          CU_ASSERT_EQUAL (a->nev, b->nev);
          CU_ASSERT_EQUAL (a->min_eig, b->min_eig);
          CU_ASSERT_STRING_EQUAL (a->type, b->type);
          /* full loss at the embedded integer point */
          lsc_young G = a->fam->G;
          CU_ASSERT_EQUAL_FATAL (lsc_young_set_d (&G, a->d), 0);
          size_t k = (size_t) a->k, dd = (size_t) a->d;
          double *W = malloc (k * dd * sizeof *W), L = NAN;
          lsc_loss_workspace *ws = lsc_loss_workspace_alloc (k, dd, dd);
          lsc_problem p = { k, dd, dd, NULL, NULL, NULL };
          CU_ASSERT_EQUAL (lsc_young_embed (W, a->p, &G), 0);
          CU_ASSERT_EQUAL (lsc_loss (&L, W, &p, ws), 0);
          CU_ASSERT (lsc_test_reldiff (L, a->loss, 1e-300) <= 1e-12);
          free (W);
          lsc_loss_workspace_free (ws);
        }
      lsc_scan_rows_clear (rows, 2);
    }
  lsc_scan_sets_free (s, n);
  lsc_catalogue_free (cat);
}

/* The full-Hessian check agrees with the reduced spectrum, and the type
   follows from the signs of the eigenvalues. */
static void
test_full_check_and_type (void)
{
  lsc_catalogue *cat = read_catalogue ();
  const char *names[] = { "F3", "A" };
  double d[] = { 10 };
  lsc_scan_k ks;
  lsc_scan_opts o;
  lsc_scan_set *s = NULL;
  size_t n = 0;
  lsc_scan_k_init (&ks);
  lsc_scan_opts_init (&o);
  o.full = 1;
  CU_ASSERT_EQUAL_FATAL (lsc_scan_catalogue (&s, &n, cat, names, 2, d, 1,
                                             &ks, &o, NULL, NULL), 0);
  for (size_t i = 0; i < n; i++)
    {
      const lsc_scan_row *r = &s[i].rows[0];
      CU_ASSERT_EQUAL (r->full, LSC_SCAN_FULL_OK);
      CU_ASSERT (r->full_dev <= 1e-9);
      CU_ASSERT_STRING_EQUAL (lsc_scan_full_token (r->full), "ok");
      CU_ASSERT_EQUAL (r->total, 100);
      double neg = 0;
      for (size_t j = 0; j < r->nev; j++)
        if (r->ev[j].value < -o.ztol)
          neg += r->ev[j].mult;
      CU_ASSERT_EQUAL (r->index, neg);
      CU_ASSERT_EQUAL (strcmp (r->type, "saddle") == 0, neg > 0);
    }
  CU_ASSERT_STRING_EQUAL (lsc_scan_full_token (LSC_SCAN_FULL_SKIP), "skip");
  CU_ASSERT_STRING_EQUAL (lsc_scan_full_token (99), "");
  lsc_scan_sets_free (s, n);
  lsc_catalogue_free (cat);
}

static void
test_k_selection (void)
{
  lsc_catalogue *cat = read_catalogue ();
  const lsc_family *A = lsc_catalogue_find (cat, "A");
  lsc_scan_k ks;
  lsc_scan_k_init (&ks);
  CU_ASSERT (lsc_scan_k_matches (&ks, A, 20));     /* k = d */
  ks.value = 1;
  CU_ASSERT (!lsc_scan_k_matches (&ks, A, 21));    /* A is not k = d + 1 */
  for (size_t i = 0; i < cat->n; i++)
    {
      /* k = d + N by structure agrees with k - d where that is exact */
      const lsc_family *f = &cat->fam[i];
      double k;
      if (!lsc_scan_family_exists (f, 20, &k))
        continue;
      lsc_scan_k_init (&ks);
      ks.value = k - 20;
      CU_ASSERT (lsc_scan_k_matches (&ks, f, k));
      ks.value = k - 20 + 1;
      CU_ASSERT (!lsc_scan_k_matches (&ks, f, k));
      ks.relative = 0;
      ks.value = k;
      CU_ASSERT (lsc_scan_k_matches (&ks, f, k));
      CU_ASSERT (!lsc_scan_k_matches (&ks, f, k + 1));
    }
  lsc_catalogue_free (cat);
}

/* The interpolated crossing of A lies near the catalogue's d*, and its
   error falls like h^2 as the rows get denser; no crossing: NaN. */
static void
test_crossing (void)
{
  lsc_catalogue *cat = read_catalogue ();
  const char *names[] = { "A", "global" };
  double err[2];
  for (int pass = 0; pass < 2; pass++)
    {
      double h = pass ? 0.05 : 0.2, d[40];
      size_t nd = 0;
      for (double x = 5; x <= 6.2 + 1e-9; x += h)
        d[nd++] = x;
      lsc_scan_k ks;
      lsc_scan_opts o;
      lsc_scan_set *s = NULL;
      size_t n = 0;
      lsc_scan_k_init (&ks);
      lsc_scan_opts_init (&o);
      o.fast = 1;
      CU_ASSERT_EQUAL_FATAL (lsc_scan_catalogue (&s, &n, cat, names, 2, d,
                                                 nd, &ks, &o, NULL, NULL), 0);
      double est = lsc_scan_crossing (&s[0]);
      err[pass] = fabs (est - s[0].fam->dstar);
      CU_ASSERT (isnan (lsc_scan_crossing (&s[1])));
      lsc_scan_sets_free (s, n);
    }
  CU_ASSERT (err[0] < 0.02);
  CU_ASSERT (err[1] < err[0] / 4);
  lsc_catalogue_free (cat);
}

static int calls;
static void
count (const lsc_family *f, size_t i, size_t n, void *data)
{
  (void) f; (void) i; (void) n;
  ++*(int *) data;
}

/* Every documented error of lsc_scan_catalogue, with *sets NULL. */
static void
test_errors (void)
{
  lsc_catalogue *cat = read_catalogue ();
  lsc_error_handler_t *old = lsc_set_error_handler (silent);
  lsc_scan_k ks;
  lsc_scan_opts o;
  lsc_scan_set *s = (lsc_scan_set *) &ks;
  size_t n = 99;
  double d[] = { 20 }, bad[] = { NAN }, neg[] = { -3 };
  const char *unknown[] = { "A", "no-such-family" };
  lsc_scan_k_init (&ks);
  lsc_scan_opts_init (&o);
  o.fast = 1;
  CU_ASSERT_EQUAL (lsc_scan_catalogue (&s, &n, cat, unknown, 2, d, 1, &ks,
                                       &o, NULL, NULL), LSC_EINVAL);
  CU_ASSERT (s == NULL && n == 0);
  CU_ASSERT_EQUAL (lsc_scan_catalogue (&s, &n, cat, NULL, 0, bad, 1, &ks,
                                       &o, NULL, NULL), LSC_EINVAL);
  CU_ASSERT_EQUAL (lsc_scan_catalogue (&s, &n, cat, NULL, 0, neg, 1, &ks,
                                       &o, NULL, NULL), LSC_EINVAL);
  CU_ASSERT_EQUAL (lsc_scan_catalogue (&s, &n, cat, NULL, 0, d, 0, &ks,
                                       &o, NULL, NULL), LSC_EINVAL);
  CU_ASSERT_EQUAL (lsc_scan_catalogue (&s, &n, cat, unknown, 0, d, 1, &ks,
                                       &o, NULL, NULL), LSC_EINVAL);
  ks.relative = 0;
  ks.value = 3;                 /* no family has k = 3 at d = 20 */
  CU_ASSERT_EQUAL (lsc_scan_catalogue (&s, &n, cat, NULL, 0, d, 1, &ks,
                                       &o, NULL, NULL), LSC_EDOM);
  CU_ASSERT (s == NULL);
  lsc_scan_k_init (&ks);
  calls = 0;
  CU_ASSERT_EQUAL (lsc_scan_catalogue (&s, &n, cat, unknown, 1, d, 1, &ks,
                                       &o, count, &calls), 0);
  CU_ASSERT_EQUAL (calls, 1);
  CU_ASSERT_EQUAL (n, 1);
  lsc_scan_sets_free (s, n);
  lsc_scan_sets_free (NULL, 0);
  lsc_set_error_handler (old);
  lsc_catalogue_free (cat);
}

/* lsc_scan_opts_check: the digits prec bits hold, against the table of
   floor (prec log10 2) written out by hand (log10 2 = 0.30102999566...;
   the check uses 0.30103, equal on these), and the tolerance ranges. */
static void
test_opts_check (void)
{
  static const struct { long prec; long digits; } tab[] = {
    { 53, 15 }, { 60, 18 }, { 64, 19 }, { 100, 30 }, { 128, 38 },
    { 200, 60 }, { 1000, 301 } };
  lsc_scan_opts o;
  char err[256];
  for (size_t i = 0; i < sizeof tab / sizeof tab[0]; i++)
    {
      CU_ASSERT_EQUAL (lsc_scan_prec_digits (tab[i].prec), tab[i].digits);
      lsc_scan_opts_init (&o);
      o.prec = tab[i].prec;
      o.digits = (int) tab[i].digits;
      CU_ASSERT_EQUAL (lsc_scan_opts_check (&o, err, sizeof err), 0);
      CU_ASSERT_STRING_EQUAL (err, "");
      o.digits++;
      CU_ASSERT_EQUAL (lsc_scan_opts_check (&o, err, sizeof err), LSC_EINVAL);
      CU_ASSERT (strstr (err, "bits hold about") != NULL);
    }
  lsc_scan_opts_init (&o);
  CU_ASSERT_EQUAL (lsc_scan_opts_check (&o, err, sizeof err), 0);
  o.digits = 17;
  CU_ASSERT_EQUAL (lsc_scan_opts_check (&o, err, sizeof err), 0);
  o.digits = 18;
  CU_ASSERT_EQUAL (lsc_scan_opts_check (&o, err, sizeof err), LSC_EINVAL);
  CU_ASSERT_STRING_EQUAL (err, "invalid argument '18' for --digits: more "
                          "than 17 needs --prec");
  lsc_scan_opts_init (&o);
  o.ztol = 1;
  CU_ASSERT_EQUAL (lsc_scan_opts_check (&o, err, sizeof err), LSC_EINVAL);
  o.ztol = NAN;
  CU_ASSERT_EQUAL (lsc_scan_opts_check (&o, err, sizeof err), LSC_EINVAL);
  lsc_scan_opts_init (&o);
  o.prec = 52;
  CU_ASSERT_EQUAL (lsc_scan_opts_check (&o, err, sizeof err), LSC_EINVAL);
  o.prec = 0;
  o.digits = -1;
  CU_ASSERT_EQUAL (lsc_scan_opts_check (&o, err, sizeof err), LSC_EINVAL);
  o.digits = 0;
  o.rtol = 0;
  CU_ASSERT_EQUAL (lsc_scan_opts_check (&o, err, sizeof err), LSC_EINVAL);
}

int
main (void)
{
  static const lsc_test_case cases[] = {
    { "catalogue scan = family scans; restricted = full loss",
      test_catalogue_equals_family },
    { "full-Hessian check and type from the spectrum",
      test_full_check_and_type },
    { "k selection", test_k_selection },
    { "interpolated saddle-to-minimum crossing", test_crossing },
    { "error statuses", test_errors },
    { "option checks", test_opts_check },
    { NULL, NULL } };
  return lsc_test_run ("scan", cases);
}
