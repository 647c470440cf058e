/* Tests of the jobs (lsc_jobs): evaluate a point by both routes and at two
   precisions, follow a family against the scan at the same d, grids
   against their closed forms, the proof of a scan row. */
#define _POSIX_C_SOURCE 200809L
#include <config.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "landscape.h"
#include "landscape/lsc_jobs.h"
#include "landscape/lsc_job_table.h"
#include "landscape/lsc_scan_table.h"
#include <stdio.h>
#include <unistd.h>
#include "testutil.h"

static lsc_catalogue *
read_catalogue (void)
{
  char err[512];
  lsc_catalogue *cat = NULL;
  CU_ASSERT_EQUAL_FATAL (lsc_catalogue_read_file (
      &cat, LSC_SRCDIR "/data/families.tsv", err, sizeof err), 0);
  return cat;
}

/* The point of family name at integer d, embedded as a k x d matrix. */
static double *
family_point (size_t *k, const lsc_catalogue *cat, const char *name,
              double d)
{
  const lsc_family *f = lsc_catalogue_find (cat, name);
  CU_ASSERT_PTR_NOT_NULL_FATAL (f);
  lsc_scan_row r;
  lsc_scan_opts so;
  lsc_scan_opts_init (&so);
  CU_ASSERT_EQUAL_FATAL (lsc_scan_family (&r, f, &d, 1, &so), 0);
  CU_ASSERT_EQUAL_FATAL (r.status, 0);
  lsc_young G = f->G;
  CU_ASSERT_EQUAL_FATAL (lsc_young_set_d (&G, d), 0);
  *k = (size_t) lsc_young_k (&G);
  double *W = malloc (*k * (size_t) d * sizeof *W);
  CU_ASSERT_PTR_NOT_NULL_FATAL (W);
  CU_ASSERT_EQUAL_FATAL (lsc_young_embed (W, r.p, &G), 0);
  lsc_scan_rows_clear (&r, 1);
  return W;
}

/* At a symmetric critical point the isotypic route and the dense route
   (--dense) give the same inertia, the same distinct eigenvalues and
   multiplicities, and the same labels; the loss at 128 bits agrees with
   the double loss; multiplicities add up to k d. */
static void
test_eval_routes (void)
{
  lsc_catalogue *cat = read_catalogue ();
  size_t k, d = 8;
  double *W = family_point (&k, cat, "A", (double) d);
  lsc_problem p = { k, d, d, NULL, NULL, NULL };
  lsc_eval_opts o;
  lsc_eval_opts_init (&o);
  o.prec = 128;
  lsc_eval_result a, b;
  CU_ASSERT_EQUAL_FATAL (lsc_eval (&a, W, &p, &o), 0);
  o.dense = 1;
  o.prec = 0;
  CU_ASSERT_EQUAL_FATAL (lsc_eval (&b, W, &p, &o), 0);
  CU_ASSERT_EQUAL (a.isotypic, 1);
  CU_ASSERT_EQUAL (b.isotypic, 0);
  CU_ASSERT_STRING_EQUAL (a.isotropy, b.isotropy);
  CU_ASSERT_EQUAL (a.in.neg, b.in.neg);
  CU_ASSERT_EQUAL (a.in.zero, b.in.zero);
  CU_ASSERT_EQUAL (a.in.pos, b.in.pos);
  CU_ASSERT_EQUAL (a.in.neg + a.in.zero + a.in.pos, k * d);
  CU_ASSERT_EQUAL_FATAL (a.ng, b.ng);
  double emax = 1;
  for (size_t g = 0; g < a.ng; g++)
    emax = fmax (emax, fabs (b.grp[g].value));
  size_t msum = 0;
  for (size_t g = 0; g < a.ng; g++)
    {
      CU_ASSERT (fabs (a.grp[g].value - b.grp[g].value) <= 1e-9 * emax);
      CU_ASSERT_EQUAL (a.grp[g].mult, b.grp[g].mult);
      CU_ASSERT_STRING_EQUAL (a.label[g], b.label[g]);
      msum += a.grp[g].mult;
    }
  CU_ASSERT_EQUAL (msum, k * d);
  /* spurious minimum A: index 0 at d = 8 (the catalogue's kind) */
  CU_ASSERT_EQUAL (a.in.neg, 0);
  CU_ASSERT_PTR_NOT_NULL_FATAL (a.loss_dec);
  CU_ASSERT (lsc_test_reldiff (strtod (a.loss_dec, NULL), a.loss, 1e-300)
             <= 1e-12);
  CU_ASSERT (a.grad_norm <= 1e-10 && strtod (a.grad_dec, NULL) <= 1e-10);
  lsc_eval_result_clear (&a);
  lsc_eval_result_clear (&b);
  free (W);
  lsc_catalogue_free (cat);
}

/* W = I: loss 0 and gradient 0 exactly (closed form), positive definite. */
static void
test_eval_identity (void)
{
  size_t d = 6;
  double W[36] = { 0 };
  for (size_t i = 0; i < d; i++)
    W[i * d + i] = 1;
  lsc_problem p = { d, d, d, NULL, NULL, NULL };
  lsc_eval_result r;
  CU_ASSERT_EQUAL_FATAL (lsc_eval (&r, W, &p, NULL), 0);
  CU_ASSERT (fabs (r.loss) <= 1e-15 && r.grad_norm <= 1e-14);
  CU_ASSERT_EQUAL (r.in.pos, d * d);
  CU_ASSERT_STRING_EQUAL (r.isotropy, "kd:L");
  lsc_eval_result_clear (&r);
}

/* Refusals and bad input: max_bytes names the step; a zero row is
   LSC_EDOM; a NaN is LSC_ENONFINITE; a bad tolerance LSC_EINVAL. */
static void
test_eval_errors (void)
{
  double W[6] = { 1, 0.3, -0.2, 0.7, 0.1, 0.9 };
  lsc_problem p = { 3, 2, 2, NULL, NULL, NULL };
  lsc_eval_opts o;
  lsc_eval_opts_init (&o);
  o.max_bytes = 64;
  lsc_eval_result r;
  lsc_error_handler_t *old = lsc_set_error_handler (NULL);
  CU_ASSERT_EQUAL (lsc_eval (&r, W, &p, &o), LSC_ENOMEM);
  CU_ASSERT (r.need_bytes >= 8.0 * 36);
  CU_ASSERT (strstr (r.need_what, "6 x 6 Hessian") != NULL);
  lsc_eval_result_clear (&r);
  lsc_descent_result pr;
  CU_ASSERT_EQUAL (lsc_eval_polish (W, &pr, &r, &p, 64), LSC_ENOMEM);
  CU_ASSERT (strstr (r.need_what, "polish") != NULL);
  o.max_bytes = 0;
  double Z[6] = { 1, 0.3, 0, 0, 0.1, 0.9 };
  CU_ASSERT_EQUAL (lsc_eval (&r, Z, &p, &o), LSC_EDOM);
  lsc_eval_result_clear (&r);
  Z[2] = NAN;
  CU_ASSERT_EQUAL (lsc_eval (&r, Z, &p, &o), LSC_ENONFINITE);
  lsc_eval_result_clear (&r);
  o.tol = 0;
  CU_ASSERT_EQUAL (lsc_eval (&r, W, &p, &o), LSC_EINVAL);
  lsc_eval_result_clear (&r);
  lsc_set_error_handler (old);
}

/* The polish from a perturbed critical point returns to it: the gradient
   falls below 1e-10 and the loss is the catalogue point's. */
static void
test_eval_polish (void)
{
  lsc_catalogue *cat = read_catalogue ();
  size_t k, d = 6;
  double *W = family_point (&k, cat, "F3", (double) d);
  lsc_problem p = { k, d, d, NULL, NULL, NULL };
  lsc_eval_result r0, r1;
  CU_ASSERT_EQUAL_FATAL (lsc_eval (&r0, W, &p, NULL), 0);
  for (size_t i = 0; i < k * d; i++)
    W[i] += 1e-4 * sin (1.0 + (double) i);
  lsc_descent_result pr;
  CU_ASSERT_EQUAL_FATAL (lsc_eval_polish (W, &pr, NULL, &p, 0), 0);
  CU_ASSERT_EQUAL (pr.status, 0);
  CU_ASSERT_EQUAL_FATAL (lsc_eval (&r1, W, &p, NULL), 0);
  CU_ASSERT (r1.grad_norm <= 1e-10);
  CU_ASSERT (lsc_test_reldiff (r0.loss, r1.loss, 1e-300) <= 1e-10);
  CU_ASSERT_EQUAL (r0.in.neg, r1.in.neg);
  lsc_eval_result_clear (&r0);
  lsc_eval_result_clear (&r1);
  free (W);
  lsc_catalogue_free (cat);
}

typedef struct
{
  size_t n, nint;
  const lsc_catalogue *cat;
  const lsc_family *f;
  int bad;
} fctx;

/* At every integer d the follow's classification is the scan's there. */
static int
follow_point (const lsc_follow_point *fp, void *data)
{
  fctx *x = data;
  x->n++;
  if (!fp->classified)
    x->bad = 1;
  double d = fp->pt->d;
  if (fabs (d - round (d)) > 1e-12)
    return 0;
  d = round (d);
  lsc_scan_row r;
  lsc_scan_opts so;
  lsc_scan_opts_init (&so);
  if (lsc_scan_family (&r, x->f, &d, 1, &so) || r.status
      || strcmp (r.type, fp->type) != 0 || r.index != fp->index
      || fabs (r.min_eig - fp->min_eig) > 1e-9 * fmax (1, fabs (r.min_eig))
      || fabs (r.loss - fp->pt->loss) > 1e-12)
    x->bad = 1;
  lsc_scan_rows_clear (&r, 1);
  x->nint++;
  return 0;
}

static void
test_follow_vs_scan (void)
{
  lsc_catalogue *cat = read_catalogue ();
  fctx x = { 0, 0, cat, lsc_catalogue_find (cat, "F3"), 0 };
  lsc_follow_opts o;
  lsc_follow_opts_init (&o);
  o.from = 12;
  o.to = 16;
  o.cont.hmax = 1;
  lsc_follow_result res;
  int where;
  CU_ASSERT_EQUAL_FATAL (lsc_follow (&res, &where, x.f, &o, follow_point,
                                     &x), 0);
  CU_ASSERT_EQUAL (res.status, 0);
  CU_ASSERT_EQUAL (res.npoints, x.n);
  CU_ASSERT (x.n >= 5);
  CU_ASSERT (x.nint >= 2);      /* d = 12 and d = 16 at least */
  CU_ASSERT_EQUAL (x.bad, 0);
  CU_ASSERT_DOUBLE_EQUAL (res.d_end, 16, 1e-12);
  /* a start outside the domain: the approach fails (where = 1) */
  o.from = 1.0000001;
  o.to = 2;
  lsc_error_handler_t *old = lsc_set_error_handler (NULL);
  int st = lsc_follow (&res, &where, lsc_catalogue_find (cat, "F5"), &o,
                       NULL, NULL);
  lsc_set_error_handler (old);
  CU_ASSERT (st != 0 && where == 1);
  lsc_catalogue_free (cat);
}

/* The detected family of an embedded catalogue point is that family:
   same isotropy and parameters. */
static void
test_follow_detect (void)
{
  lsc_catalogue *cat = read_catalogue ();
  size_t k, d = 7;
  double *W = family_point (&k, cat, "F4", (double) d);
  lsc_family f;
  CU_ASSERT_EQUAL_FATAL (lsc_follow_detect (&f, W, k, d, 1e-12), 0);
  CU_ASSERT_STRING_EQUAL (f.name, "detected");
  CU_ASSERT_DOUBLE_EQUAL (f.d, 7, 0);
  CU_ASSERT_EQUAL (f.nparams, lsc_catalogue_find (cat, "F4")->nparams);
  free (W);
  lsc_catalogue_free (cat);
}

/* Grids against closed forms: linear points are the decimals a + i step,
   the end is always last, log grids are a 10^(i/N); errors. */
static void
test_grid (void)
{
  double *v;
  size_t n;
  CU_ASSERT_EQUAL_FATAL (lsc_grid (&v, &n, 5.5, 6.5, 0.1, 0), 0);
  CU_ASSERT_EQUAL (n, 11);
  CU_ASSERT_EQUAL (v[3], 5.8);          /* not 5.5 + 3 * 0.1 = 5.800...01 */
  CU_ASSERT_EQUAL (v[10], 6.5);
  free (v);
  CU_ASSERT_EQUAL_FATAL (lsc_grid (&v, &n, 2, 3.05, 0.5, 0), 0);
  CU_ASSERT_EQUAL (n, 4);               /* 2, 2.5, 3, and the end 3.05 */
  CU_ASSERT_EQUAL (v[2], 3);
  CU_ASSERT_EQUAL (v[3], 3.05);
  free (v);
  CU_ASSERT_EQUAL_FATAL (lsc_grid (&v, &n, 1, 100, 0, 2), 0);
  CU_ASSERT_EQUAL (n, 5);
  CU_ASSERT_EQUAL (v[0], 1);
  CU_ASSERT_DOUBLE_EQUAL (v[1], sqrt (10), 1e-14);
  CU_ASSERT_DOUBLE_EQUAL (v[2], 10, 1e-13);
  CU_ASSERT_EQUAL (v[4], 100);
  free (v);
  CU_ASSERT_EQUAL_FATAL (lsc_grid (&v, &n, 7, 7, 0, 0), 0);
  CU_ASSERT (n == 1 && v[0] == 7);
  free (v);
  lsc_error_handler_t *old = lsc_set_error_handler (NULL);
  CU_ASSERT_EQUAL (lsc_grid (&v, &n, 2, 1, 0.1, 0), LSC_EINVAL);
  CU_ASSERT_EQUAL (lsc_grid (&v, &n, 0, 1, 0.1, 0), LSC_EINVAL);
  CU_ASSERT_EQUAL (lsc_grid (&v, &n, 1, 2, 0, 0), LSC_EINVAL);
  CU_ASSERT_EQUAL (lsc_grid (&v, &n, 1, 2, NAN, 0), LSC_EINVAL);
  CU_ASSERT_EQUAL (lsc_grid (&v, &n, 1, 1e6, 1, 0), LSC_ELIMIT);
  CU_ASSERT (v == NULL && n == 0);
  lsc_set_error_handler (old);
  lsc_scan_opts so;
  lsc_scan_opts_init (&so);
  CU_ASSERT_EQUAL (lsc_scan_noise_bound (&so, 3), 16.0 * ldexp (1, -120));
  so.fast = 1;
  CU_ASSERT_EQUAL (lsc_scan_noise_bound (&so, 3), 16.0 * ldexp (1, -45));
}

/* The proof of a scan row: a saddle's point and index proved at d = 6;
   a failed row and the global minimum are not proved. */
static void
test_prove_row (void)
{
  lsc_catalogue *cat = read_catalogue ();
  const lsc_family *f = lsc_catalogue_find (cat, "F3");
  double d = 6;
  lsc_scan_row r;
  lsc_scan_opts so;
  lsc_scan_opts_init (&so);
  CU_ASSERT_EQUAL_FATAL (lsc_scan_family (&r, f, &d, 1, &so), 0);
  CU_ASSERT_EQUAL (lsc_prove_scan_row (&r), LSC_PROVE_PROVED);
  /* a row whose index is wrong is contradicted by the proof */
  r.index += 1;
  CU_ASSERT_EQUAL (lsc_prove_scan_row (&r), LSC_PROVE_CONTRADICTED);
  r.index -= 1;
  r.status = LSC_ENOCONV;
  CU_ASSERT_EQUAL (lsc_prove_scan_row (&r), LSC_PROVE_NOT);
  r.status = 0;
  lsc_scan_rows_clear (&r, 1);
  CU_ASSERT_STRING_EQUAL (lsc_prove_token (LSC_PROVE_PROVED), "proved");
  CU_ASSERT_STRING_EQUAL (lsc_prove_token (LSC_PROVE_NOT), "not-proved");
  CU_ASSERT_STRING_EQUAL (lsc_prove_token (LSC_PROVE_CONTRADICTED),
                          "contradicted");
  lsc_catalogue_free (cat);
}

/* Write text to dir/name; the path in buf. */
static const char *
put (char *buf, size_t len, const char *dir, const char *name,
     const char *text)
{
  snprintf (buf, len, "%s/%s", dir, name);
  FILE *f = fopen (buf, "w");
  CU_ASSERT_PTR_NOT_NULL_FATAL (f);
  fputs (text, f);
  fclose (f);
  return buf;
}

/* lsc_point_read: the matrices as written, W = I by the file and by
   identity giving the same evaluation, and each refusal with its status
   and the file and line in the message. */
static void
test_point_read (void)
{
  char dir[] = "/tmp/t-jobs-XXXXXX", w[256], v[256], a[256], b[256], z[256];
  char err[512];
  CU_ASSERT_PTR_NOT_NULL_FATAL (mkdtemp (dir));
  put (w, sizeof w, dir, "w", "# W\n1 0.5 0\n0 1 0\n0 0 2\n");
  put (v, sizeof v, dir, "v", "1 0 0\n0 1 0\n");
  put (a, sizeof a, dir, "a", "1 2 3\n");
  put (b, sizeof b, dir, "b", "0.5\n0.25\n");
  lsc_point pt;
  CU_ASSERT_EQUAL (lsc_point_read (&pt, w, 0, v, a, b, NULL, err,
                                   sizeof err), 0);
  CU_ASSERT (pt.k == 3 && pt.d == 3 && pt.m == 2);
  CU_ASSERT (pt.p.k == 3 && pt.p.d == 3 && pt.p.m == 2 && pt.p.V == pt.V
             && pt.p.alpha == pt.alpha && pt.p.beta == pt.beta);
  CU_ASSERT (pt.W[1] == 0.5 && pt.W[8] == 2 && pt.alpha[2] == 3
             && pt.beta[1] == 0.25 && pt.V[4] == 1 && pt.lines[0] == 2);
  lsc_point_clear (&pt);
  /* the same question two ways: I_3 from a file and as identity */
  put (z, sizeof z, dir, "i", "1 0 0\n0 1 0\n0 0 1\n");
  lsc_point p1, p2;
  CU_ASSERT_EQUAL (lsc_point_read (&p1, z, 0, NULL, NULL, NULL, NULL, err,
                                   sizeof err), 0);
  CU_ASSERT_EQUAL (lsc_point_read (&p2, NULL, 3, NULL, NULL, NULL, NULL,
                                   err, sizeof err), 0);
  CU_ASSERT_STRING_EQUAL (p2.name, "identity");
  CU_ASSERT_EQUAL (memcmp (p1.W, p2.W, 9 * sizeof (double)), 0);
  lsc_eval_opts eo;
  lsc_eval_opts_init (&eo);
  lsc_eval_result r1 = { 0 }, r2 = { 0 };
  CU_ASSERT_EQUAL (lsc_eval (&r1, p1.W, &p1.p, &eo), 0);
  CU_ASSERT_EQUAL (lsc_eval (&r2, p2.W, &p2.p, &eo), 0);
  CU_ASSERT (r1.loss == r2.loss && r1.ng == r2.ng && r1.in.pos == 9);
  lsc_eval_result_clear (&r1);
  lsc_eval_result_clear (&r2);
  lsc_point_clear (&p1);
  lsc_point_clear (&p2);
  /* refusals */
  put (z, sizeof z, dir, "z", "1 0\n0 0\n");
  CU_ASSERT_EQUAL (lsc_point_read (&pt, z, 0, NULL, NULL, NULL, NULL, err,
                                   sizeof err), LSC_EDOM);
  CU_ASSERT_PTR_NOT_NULL (strstr (err, "/z:2: row 2 of W is zero"));
  lsc_point_clear (&pt);
  CU_ASSERT_EQUAL (lsc_point_read (&pt, w, 0, NULL, b, NULL, NULL, err,
                                   sizeof err), LSC_EINVAL);
  CU_ASSERT_PTR_NOT_NULL (strstr (err, "alpha has 2 entries, expected 3"));
  lsc_point_clear (&pt);
  CU_ASSERT_EQUAL (lsc_point_read (&pt, w, 0, z, NULL, NULL, NULL, err,
                                   sizeof err), LSC_EINVAL);
  CU_ASSERT_PTR_NOT_NULL (strstr (err, "V has 2 columns but W has 3"));
  lsc_point_clear (&pt);
  /* beta counts the rows of V */
  CU_ASSERT_EQUAL (lsc_point_read (&pt, w, 0, v, NULL, a, NULL, err,
                                   sizeof err), LSC_EINVAL);
  CU_ASSERT_PTR_NOT_NULL (strstr (err, "(the number of rows of V)"));
  lsc_point_clear (&pt);
  /* a polished W with a zero row */
  CU_ASSERT_EQUAL (lsc_point_read (&pt, w, 0, NULL, NULL, NULL, NULL, err,
                                   sizeof err), 0);
  pt.W[3] = pt.W[4] = pt.W[5] = 0;
  CU_ASSERT_EQUAL (lsc_point_check (&pt, "the polished W", err, sizeof err),
                   LSC_EDOM);
  CU_ASSERT_PTR_NOT_NULL (strstr (err, ":3: row 2 of the polished W"));
  lsc_point_clear (&pt);
  lsc_point_clear (NULL);
  CU_ASSERT_NOT_EQUAL (lsc_point_read (&pt, "/nonexistent/w", 0, NULL, NULL,
                                       NULL, NULL, err, sizeof err), 0);
  lsc_point_clear (&pt);
  const char *names[] = { "w", "v", "a", "b", "z", "i" };
  for (int i = 0; i < 6; i++)
    {
      snprintf (z, sizeof z, "%s/%s", dir, names[i]);
      remove (z);
    }
  rmdir (dir);
  /* the --family selection */
  CU_ASSERT (lsc_catalogue_selected (NULL, "A"));
  CU_ASSERT (lsc_catalogue_selected ("A,F3", "F3"));
  CU_ASSERT (lsc_catalogue_selected ("A,F3", "A"));
  CU_ASSERT (!lsc_catalogue_selected ("A,F3", "F"));
  CU_ASSERT (!lsc_catalogue_selected ("AB,F3", "A"));
  CU_ASSERT (!lsc_catalogue_selected ("", "A"));
}

/* The tables of lsc_eval and lsc_follow read back: the summary's numbers
   are the result's, the follow table has one row per point and the
   family's parameter columns. */
static void
test_job_tables (void)
{
  char *buf = NULL;
  size_t len = 0;
  FILE *f = open_memstream (&buf, &len);
  CU_ASSERT_PTR_NOT_NULL_FATAL (f);
  lsc_table_output *o = lsc_table_output_alloc (f, LSC_TABLE_TSV, NULL);
  lsc_point pt;
  char err[256];
  CU_ASSERT_EQUAL_FATAL (lsc_point_read (&pt, NULL, 4, NULL, NULL, NULL,
                                         NULL, err, sizeof err), 0);
  lsc_eval_opts eo;
  lsc_eval_opts_init (&eo);
  lsc_eval_result r = { 0 };
  CU_ASSERT_EQUAL_FATAL (lsc_eval (&r, pt.W, &pt.p, &eo), 0);
  lsc_descent_result pol = { 0 };
  pol.iter = 7;
  CU_ASSERT_EQUAL (lsc_eval_table_write (o, &r, &pt.p, 0, &pol), 0);
  CU_ASSERT_EQUAL (lsc_table_output_free (o), 0);
  fclose (f);
  char want[256];
  snprintf (want, sizeof want, "k\td\tm\tprec\tloss\tgrad_norm\tindex\t"
            "zero\tpos\tisotropy\tstatus\tnewton_iter\n4\t4\t4\t53\t0\t0\t"
            "0\t0\t16\t%s\tok\t7\n", r.isotropy);
  CU_ASSERT_EQUAL (strncmp (buf, want, strlen (want)), 0);
  /* one spectrum row per group, multiplicities summing to k d */
  size_t rows = 0, msum = 0;
  char *sp = strstr (buf, "value\tmult");
  CU_ASSERT_PTR_NOT_NULL_FATAL (sp);
  for (char *l = strchr (sp, '\n'); l && l[1]; l = strchr (l + 1, '\n'))
    {
      double v;
      size_t m;
      if (sscanf (l + 1, "%lf\t%zu", &v, &m) == 2)
        rows++, msum += m;
    }
  CU_ASSERT_EQUAL (rows, r.ng);
  CU_ASSERT_EQUAL (msum, 16);
  free (buf);
  lsc_eval_result_clear (&r);
  lsc_point_clear (&pt);

  /* follow F3 a short way: rows = points */
  lsc_catalogue *cat = read_catalogue ();
  const lsc_family *fam = lsc_catalogue_find (cat, "F3");
  f = open_memstream (&buf, &len);
  o = lsc_table_output_alloc (f, LSC_TABLE_TSV, NULL);
  lsc_follow_table *x = lsc_follow_table_alloc (o, fam);
  CU_ASSERT_PTR_NOT_NULL_FATAL (x);
  lsc_follow_opts fo;
  lsc_follow_opts_init (&fo);
  fo.to = fam->d + 1;
  lsc_follow_result res;
  int where;
  CU_ASSERT_EQUAL (lsc_follow (&res, &where, fam, &fo, lsc_follow_table_row,
                               x), 0);
  CU_ASSERT_EQUAL (lsc_follow_table_rows (x), res.npoints);
  CU_ASSERT_EQUAL (lsc_follow_table_end (x), 0);
  lsc_follow_table_free (x);
  lsc_follow_table_free (NULL);
  CU_ASSERT_EQUAL (lsc_table_output_free (o), 0);
  fclose (f);
  size_t lines = 0;
  for (char *l = buf; (l = strchr (l, '\n')); l++)
    lines++;
  CU_ASSERT_EQUAL (lines, res.npoints + 1);
  char hdr[64];
  snprintf (hdr, sizeof hdr, "\tmin_comp\tp0\t");
  CU_ASSERT_PTR_NOT_NULL (strstr (buf, hdr));
  CU_ASSERT (res.npoints > 1);
  free (buf);
  lsc_catalogue_free (cat);
}

/* The scan's figure: at one d a panel per family whose stem heights sum
   to the Hessian's dimension k d; over three d two panels with a point
   per d and family, A's d* line at the catalogue's value. */
static void
test_scan_figure (void)
{
  lsc_catalogue *cat = read_catalogue ();
  const char *names[] = { "A", "F3" };
  double dv[] = { 10, 15, 20 };
  lsc_scan_k ks;
  lsc_scan_k_init (&ks);
  lsc_scan_opts so;
  lsc_scan_opts_init (&so);
  so.fast = 1;
  lsc_scan_set *sf = NULL;
  size_t nf = 0;
  CU_ASSERT_EQUAL_FATAL (lsc_scan_catalogue (&sf, &nf, cat, names, 2,
                                             dv + 2, 1, &ks, &so, NULL,
                                             NULL), 0);
  lsc_scan_figure fig;
  CU_ASSERT_EQUAL_FATAL (lsc_scan_figure_build (&fig, sf, nf, 1, 0, 0, &so),
                         0);
  CU_ASSERT_EQUAL (fig.npanels, 2);
  CU_ASSERT_EQUAL (fig.ncols, 2);
  for (size_t p = 0; p < fig.npanels; p++)
    {
      double sum = 0;
      for (size_t i = 0; i < fig.panel[p].nseries; i++)
        for (size_t j = 0; j < fig.panel[p].series[i].n; j++)
          sum += fig.panel[p].series[i].y[j];
      CU_ASSERT_EQUAL (sum, 400);
      CU_ASSERT_EQUAL (fig.panel[p].xlog, LSC_PLOT_LINEAR);
    }
  CU_ASSERT_STRING_EQUAL (fig.panel[0].title, "A, d = 20");
  lsc_scan_figure_free (&fig);
  lsc_scan_sets_free (sf, nf);
  CU_ASSERT_EQUAL_FATAL (lsc_scan_catalogue (&sf, &nf, cat, names, 2, dv, 3,
                                             &ks, &so, NULL, NULL), 0);
  CU_ASSERT_EQUAL_FATAL (lsc_scan_figure_build (&fig, sf, nf, 3, 1, 0, &so),
                         0);
  CU_ASSERT_EQUAL (fig.npanels, 2);
  CU_ASSERT_EQUAL (fig.panel[0].nseries, 2);
  CU_ASSERT_EQUAL (fig.panel[1].series[0].n, 3);
  CU_ASSERT_EQUAL (fig.panel[1].series[0].y[2], sf[0].rows[2].min_eig);
  CU_ASSERT_EQUAL (fig.panel[0].xlog, 1);
  CU_ASSERT_EQUAL (fig.panel[1].symc, 1e-3);
  CU_ASSERT_FATAL (fig.panel[0].nvline >= 1);
  CU_ASSERT_STRING_EQUAL (fig.panel[0].vlabel[0], "A");
  CU_ASSERT (fabs (fig.panel[0].vline[0] - 5.58550524742588) < 1e-13);
  lsc_scan_figure_free (&fig);
  lsc_scan_figure_free (NULL);
  CU_ASSERT_EQUAL (lsc_scan_figure_build (&fig, NULL, 1, 1, 0, 0, &so),
                   LSC_EFAULT);
  lsc_scan_sets_free (sf, nf);
  lsc_catalogue_free (cat);
}

/* lsc_follow_opts_check: landscape-follow's rules and messages (--to and
   --from at least 1, NaN not given; --tol; --max-step >= the first step). */
static void
test_follow_opts_check (void)
{
  lsc_follow_opts o;
  char err[256];
  lsc_follow_opts_init (&o);
  CU_ASSERT_EQUAL (lsc_follow_opts_check (&o, err, sizeof err), 0);
  CU_ASSERT_STRING_EQUAL (err, "");
  o.to = 1;
  o.from = 1;
  CU_ASSERT_EQUAL (lsc_follow_opts_check (&o, err, sizeof err), 0);
  o.to = 0.5;
  CU_ASSERT_EQUAL (lsc_follow_opts_check (&o, err, sizeof err), LSC_EINVAL);
  CU_ASSERT_STRING_EQUAL (err, "invalid argument '0.5' for --to: a "
                          "dimension must be at least 1");
  o.to = 30;
  o.from = -2;
  CU_ASSERT_EQUAL (lsc_follow_opts_check (&o, err, sizeof err), LSC_EINVAL);
  CU_ASSERT_STRING_EQUAL (err, "invalid argument '-2' for --from: a "
                          "dimension must be at least 1");
  o.from = NAN;
  o.detect_tol = 0;
  CU_ASSERT_EQUAL (lsc_follow_opts_check (&o, err, sizeof err), LSC_EINVAL);
  CU_ASSERT_STRING_EQUAL (err, "--tol must be positive");
  o.detect_tol = 1e-6;
  o.cont.hmax = o.cont.h0 / 2;
  CU_ASSERT_EQUAL (lsc_follow_opts_check (&o, err, sizeof err), LSC_EINVAL);
  CU_ASSERT (strncmp (err, "--max-step must be at least ", 28) == 0);
  o.cont.hmax = o.cont.h0;
  CU_ASSERT_EQUAL (lsc_follow_opts_check (&o, err, sizeof err), 0);
}

int
main (void)
{
  static const lsc_test_case cases[] = {
    { "eval: isotypic vs dense route, 128 vs 53 bits", test_eval_routes },
    { "eval: W = I closed form", test_eval_identity },
    { "eval: refusals and bad input", test_eval_errors },
    { "eval: polish returns to the critical point", test_eval_polish },
    { "follow: classification equals the scan's", test_follow_vs_scan },
    { "follow: detected family", test_follow_detect },
    { "follow: option checks", test_follow_opts_check },
    { "grid: closed forms and errors", test_grid },
    { "prove: scan row proved / contradicted", test_prove_row },
    { "point: read, refusals, selection", test_point_read },
    { "tables: eval and follow read back", test_job_tables },
    { "scan figure: spectra and branches", test_scan_figure },
    { NULL, NULL }
  };
  return lsc_test_run ("jobs", cases);
}
