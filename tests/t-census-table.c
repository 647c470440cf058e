/* Tests of the census's tables and settings (lsc_census_table(3),
   lsc_census_config_params, lsc_census_catalogue_entry), the splitting
   table writer (lsc_overparam_split_write) and lsc_memory_available:
   hand-made runs whose counts and fractions are known by construction,
   the column checks, the target check, a point that is the global
   minimum, the split rows against lsc_overparam_split_table called
   directly. */
#define _POSIX_C_SOURCE 200809L
#include <config.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "testutil.h"
#include "landscape.h"

static void
silent (const char *reason, const char *file, int line, int status)
{
  (void) reason; (void) file; (void) line; (void) status;
}

/* Five runs: two at the global minimum, two at family A (spurious
   minima), one failed. */
static void
make_runs (lsc_census_run r[5])
{
  memset (r, 0, 5 * sizeof *r);
  for (int i = 0; i < 5; i++)
    {
      r[i].done = 1;
      r[i].run = (size_t) i;
      r[i].seed = 100 + (unsigned long) i;
      r[i].kind = i < 2 ? LSC_CLASS_GLOBAL : LSC_CLASS_CATALOGUE;
      snprintf (r[i].family, sizeof r[i].family, "%s", i < 2 ? "global"
                : "A");
      snprintf (r[i].isotropy, sizeof r[i].isotropy, "%s", i < 2 ? "kd:L"
                : "kd:L,1");
      r[i].loss = i < 2 ? 0 : 0.02 + (i == 3 ? 1e-13 : 0);
      r[i].min_eig = 0.5;
    }
  r[4].kind = -1;
  r[4].status = LSC_ENOCONV;
  snprintf (r[4].family, sizeof r[4].family, "-");
  r[4].isotropy[0] = 0;
}

/* The text written by write (TSV). */
static char *
render (int (*write) (lsc_table_output *, void *), void *ctx, int *st)
{
  char *buf = NULL;
  size_t len = 0;
  FILE *f = open_memstream (&buf, &len);
  lsc_table_output *o = lsc_table_output_alloc (f, LSC_TABLE_TSV, NULL);
  *st = write (o, ctx);
  int fs = lsc_table_output_free (o);
  if (!*st)
    *st = fs;
  fclose (f);
  return buf;
}

/* The data row after the header line "name\t..." (0-based row). */
static const char *
row_after (const char *text, const char *header, int row)
{
  const char *p = strstr (text, header);
  if (!p)
    return NULL;
  for (int i = 0; i <= row && p; i++)
    {
      p = strchr (p, '\n');
      p = p ? p + 1 : NULL;
    }
  return p;
}

static int
write_census (lsc_table_output *o, void *ctx)
{
  lsc_census_run *r = ctx;
  lsc_census_config cf = { 6, 6, 6, 1, "lbfgs", 2, 1e-8, 1000, "identity",
                           0, 0 };
  lsc_table *t = lsc_census_runs_begin (o);
  for (int i = 0; i < 5; i++)
    lsc_census_runs_row (t, &r[i]);
  lsc_table_end (t);
  return lsc_census_summary_write (o, r, 5, &cf);
}

static void
test_summary_tables (void)
{
  lsc_census_run r[5];
  make_runs (r);
  int st;
  char *text = render (write_census, r, &st);
  CU_ASSERT_EQUAL_FATAL (st, LSC_SUCCESS);
  /* the failed run: empty index, status noconv */
  const char *fr = row_after (text, "run\tseed", 4);
  CU_ASSERT_FATAL (fr != NULL);
  CU_ASSERT (strstr (fr, "\t\t-\t\tnoconv\n") != NULL);
  /* totals by construction: 5 runs, 2 global, 2 spurious, 0 saddles,
     1 failed, fraction 2/5, 2 families */
  const char *tot = row_after (text, "runs\tglobal", 0);
  CU_ASSERT_FATAL (tot != NULL);
  long n, g, sp, sa, fa, nf;
  double frac;
  CU_ASSERT_EQUAL (sscanf (tot, "%ld\t%ld\t%ld\t%ld\t%ld\t%lf\t%ld", &n, &g,
                           &sp, &sa, &fa, &frac, &nf), 7);
  CU_ASSERT (n == 5 && g == 2 && sp == 2 && sa == 0 && fa == 1 && nf == 2);
  CU_ASSERT_EQUAL (frac, 2.0 / 5.0);
  /* summary: global first (loss 0), then A with count 2, spread 1e-13 */
  const char *s1 = row_after (text, "family\tisotropy\tcount", 1);
  CU_ASSERT_FATAL (s1 != NULL);
  double fr2, loss, spread;
  char fam[8];
  CU_ASSERT_EQUAL (sscanf (s1, "%7[^\t]\tkd:L,1\t2\t%lf\t%lf\t%lf", fam, &fr2,
                           &loss, &spread), 4);
  CU_ASSERT_STRING_EQUAL (fam, "A");
  CU_ASSERT_EQUAL (fr2, 0.4);
  CU_ASSERT_EQUAL (loss, 0.02);
  CU_ASSERT (fabs (spread - 1e-13) < 1e-15);
  free (text);
}

static int
write_fractions (lsc_table_output *o, void *ctx)
{
  return lsc_census_fractions_write (o, ctx, 1);
}

static void
test_fractions (void)
{
  lsc_census_run r[5];
  make_runs (r);
  lsc_census_saved c;
  memset (&c, 0, sizeof c);
  c.k = 7;
  c.d = 6;
  c.n = 5;
  c.runs = r;
  snprintf (c.method, sizeof c.method, "gd");
  CU_ASSERT_EQUAL_FATAL (lsc_census_summarize (&c.sm, r, 5, 7), 0);
  int st;
  char *text = render (write_fractions, &c, &st);
  CU_ASSERT_EQUAL (st, LSC_SUCCESS);
  /* k - d = 1, d = 6, k = 7, GD; the share of A is the fraction */
  CU_ASSERT (strstr (text, "\n1\t6\t7\tGD\t0\t5\t2\t2\t0\t1\t0.4") != NULL);
  CU_ASSERT (strstr (text, "\n1\t6\tA\tkd:L,1\t2\t0.4\t0.02\n") != NULL);
  lsc_census_summary_clear (&c.sm);
  free (text);
}

static void
test_columns_check (void)
{
  char err[512];
  CU_ASSERT_EQUAL (lsc_census_table_check (err, sizeof err, NULL, 0), 0);
  CU_ASSERT_EQUAL (lsc_census_table_check (err, sizeof err,
                                           "run,loss,count,families", 0), 0);
  CU_ASSERT_EQUAL (lsc_census_table_check (err, sizeof err, "share", 0),
                   LSC_EINVAL);
  CU_ASSERT (strstr (err, "share") != NULL);
  CU_ASSERT_EQUAL (lsc_census_table_check (err, sizeof err, "share,extra",
                                           1), 0);
  CU_ASSERT_EQUAL (lsc_census_table_check (err, sizeof err, "run", 1),
                   LSC_EINVAL);
}

static void
test_config_params (void)
{
  lsc_census_config cf = { 3, 2, 2, 1, "gd", 3, 1e-6, 50, "v.txt", 0, 0 };
  lsc_descent_params par;
  char err[256];
  double V[4] = { 1, 0, 0, 1 };
  CU_ASSERT_EQUAL (lsc_census_config_params (&par, &cf, V, err, sizeof err),
                   0);
  CU_ASSERT (par.method == LSC_DESCENT_GD && par.step_c == 3
             && par.gtol == 1e-6 && par.maxiter == 50);
  V[2] = V[3] = 0;
  CU_ASSERT_EQUAL (lsc_census_config_params (&par, &cf, V, err, sizeof err),
                   LSC_EDOM);
  CU_ASSERT_STRING_EQUAL (err, "v.txt: row 2 of the target is zero");
  cf.method = "newton";
  CU_ASSERT_EQUAL (lsc_census_config_params (&par, &cf, NULL, err,
                                             sizeof err), LSC_EINVAL);
  CU_ASSERT_EQUAL (lsc_census_config_params (NULL, &cf, NULL, err,
                                             sizeof err), LSC_EFAULT);
}

static void
test_catalogue_entry (void)
{
  lsc_catalogue *cat = NULL;
  char err[512], line[8192];
  CU_ASSERT_EQUAL_FATAL (lsc_catalogue_read_file (
      &cat, LSC_SRCDIR "/data/families.tsv", err, sizeof err), 0);
  enum { K = 5 };
  double W[K * K] = { 0 };
  for (int i = 0; i < K; i++)
    W[i * K + i] = 1;
  lsc_family fam;
  const char *known = NULL;
  CU_ASSERT_EQUAL (lsc_census_catalogue_entry (&fam, &known, line,
                                               sizeof line, W, K, K, cat,
                                               20, NULL, NULL, err,
                                               sizeof err), 0);
  CU_ASSERT (known && strcmp (known, "global") == 0);
  CU_ASSERT_EQUAL (line[0], 0);
  /* a zero row: the loss cannot be evaluated there */
  W[0] = 0;
  CU_ASSERT_EQUAL (lsc_census_catalogue_entry (&fam, &known, line,
                                               sizeof line, W, K, K, cat,
                                               20, NULL, NULL, err,
                                               sizeof err), LSC_EDOM);
  CU_ASSERT (strstr (err, "cannot be evaluated") != NULL);
  CU_ASSERT_EQUAL (lsc_census_catalogue_entry (&fam, &known, line,
                                               sizeof line, NULL, K, K, cat,
                                               20, NULL, NULL, err,
                                               sizeof err), LSC_EFAULT);
  lsc_catalogue_free (cat);
}

typedef struct
{
  const lsc_family *f;
  double d;
} split_ctx;

static int
write_split (lsc_table_output *o, void *ctx)
{
  split_ctx *c = ctx;
  size_t nbad = 99;
  int st = lsc_overparam_split_write (o, NULL, &c->f, 1, &c->d, 1, 0, NULL,
                                      NULL, &nbad);
  c->d = (double) nbad;
  return st;
}

static void
test_split_write (void)
{
  lsc_catalogue *cat = NULL;
  char err[512];
  CU_ASSERT_EQUAL_FATAL (lsc_catalogue_read_file (
      &cat, LSC_SRCDIR "/data/families.tsv", err, sizeof err), 0);
  const lsc_family *A = lsc_catalogue_find (cat, "A");
  CU_ASSERT_FATAL (A != NULL);
  CU_ASSERT (lsc_overparam_split_family_ok (A));
  CU_ASSERT (!lsc_overparam_split_family_ok (
      lsc_catalogue_find (cat, "A-split-kd1")));
  /* the rows of the direct call, one TSV line each, in order */
  lsc_overparam_split_row rows[LSC_OVERPARAM_SPLIT_MAXROWS (LSC_YOUNG_MAX)];
  size_t nr = 0, bad = 0;
  CU_ASSERT_EQUAL_FATAL (lsc_overparam_split_table (rows, &nr, A, 7, 0), 0);
  for (size_t i = 0; i < nr; i++)
    bad += rows[i].verdict != 0;
  split_ctx c = { A, 7 };
  int st;
  char *text = render (write_split, &c, &st);
  CU_ASSERT_EQUAL (st, 0);
  size_t lines = 0;
  for (const char *p = text; (p = strchr (p, '\n')); p++)
    lines++;
  CU_ASSERT_EQUAL (lines, nr + 1);
  CU_ASSERT_EQUAL ((size_t) c.d, bad);
  char want[64];
  snprintf (want, sizeof want, "\nA\t7\t1\t0/2\t");
  CU_ASSERT (strstr (text, want) != NULL);
  free (text);
  lsc_catalogue_free (cat);
}

static void
test_memory (void)
{
  double b = lsc_memory_available ();
  long pages = sysconf (_SC_PHYS_PAGES), size = sysconf (_SC_PAGESIZE);
  CU_ASSERT (b > 0);
  if (pages > 0 && size > 0)
    CU_ASSERT (b <= (double) pages * (double) size);
}

/* lsc_census_memory_check: the dense Hessian alone refuses a huge census
   (2 x 8 (kd)^2 bytes, worked by hand: 2.384e5 GiB at k = d = 2000);
   a small one needs the thread bound exactly, at least the Hessian and
   the L-BFGS pairs written out; past LAPACK's integers, INFINITY. */
static void
test_memory_check (void)
{
  char err[256];
  double need = 0, gib = 1073741824.0;
  CU_ASSERT_EQUAL (lsc_census_memory_check (2000, 2000, 2000, 5, 2, gib,
                                            NULL, &need, err, sizeof err),
                   LSC_ELIMIT);
  CU_ASSERT_DOUBLE_EQUAL (need, 2.56e14, 1);
  CU_ASSERT_STRING_EQUAL (err, "a census with 2 threads at k = 2000, "
                          "d = 2000 needs 2.38e+05 GiB, more than the 1 GiB");
  CU_ASSERT_EQUAL (lsc_census_memory_check (4, 3, 3, 5, 1, 1e12, NULL,
                                            &need, err, sizeof err), 0);
  CU_ASSERT_STRING_EQUAL (err, "");
  CU_ASSERT_EQUAL (need, lsc_census_thread_bytes (4, 3, 3, 5));
  /* n = 12: the Hessian (1152 bytes) and 5 L-BFGS pairs of 2n doubles */
  CU_ASSERT (need >= 8.0 * 144 + 8.0 * 12 * 20);
  double one = need;
  CU_ASSERT_EQUAL (lsc_census_memory_check (4, 3, 3, 5, 3, 3 * one, NULL,
                                            &need, err, sizeof err), 0);
  CU_ASSERT_EQUAL (need, 3 * one);
  CU_ASSERT_EQUAL (lsc_census_memory_check (4, 3, 3, 5, 3, 3 * one - 1,
                                            "the Hessian", &need, err,
                                            sizeof err), LSC_ELIMIT);
  CU_ASSERT (strncmp (err, "the Hessian needs ", 18) == 0);
  CU_ASSERT_EQUAL (lsc_census_memory_check (300, 300, 300, 5, 1, 1e300,
                                            NULL, &need, err, sizeof err),
                   LSC_ELIMIT);
  CU_ASSERT (isinf (need));
  CU_ASSERT_STRING_EQUAL (err, "a census with 1 thread at k = 300, d = 300: "
                          "the 90000 x 90000 Hessian is too large for "
                          "LAPACK's integers");
}

int
main (void)
{
  lsc_set_error_handler (silent);
  static const lsc_test_case cases[] = {
    { "runs, summary and totals of hand-made runs", test_summary_tables },
    { "fractions and shares of a saved census", test_fractions },
    { "column checks", test_columns_check },
    { "settings to descent parameters, target check", test_config_params },
    { "catalogue entry: a known point, errors", test_catalogue_entry },
    { "split table writer against direct rows", test_split_write },
    { "memory available", test_memory },
    { "memory budget of a census", test_memory_check },
    { NULL, NULL } };
  return lsc_test_run ("census-table", cases);
}
