/* Tests of the census driver and its files (lsc_census(3)): the parallel
   driver equals the serial census labelled in run order (2 threads, and
   two simulated ranks through an lsc_census_comm); the resume file round
   trip (an interrupted census resumed equals the straight one, the lock,
   the header checks, a torn line); resume lines parsed back exactly and
   malformed ones refused; a saved census read back equals its summary;
   the error hook is called from the census threads and changes nothing. */
#define _POSIX_C_SOURCE 200809L
#include <config.h>
#include <math.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "testutil.h"
#include "landscape.h"

enum { K = 6, N = 8 };

static lsc_catalogue *cat;
static lsc_classifier *cl;
static lsc_classify_params cpar;
static lsc_problem prob = { K, K, K, NULL, NULL, NULL };
static lsc_descent_params par;
static lsc_census_run serial[N];     /* lsc_census, labelled in order */
static char dir[64];

/* Every field but the wall time. */
static int
same_run (const lsc_census_run *a, const lsc_census_run *b)
{
  int ok = a->done == b->done && a->run == b->run && a->seed == b->seed
    && a->iter == b->iter && a->nfev == b->nfev && a->index == b->index
    && a->nzero == b->nzero && a->status == b->status && a->kind == b->kind
    && a->np == b->np && !strcmp (a->family, b->family)
    && !strcmp (a->isotropy, b->isotropy)
    && !memcmp (&a->loss, &b->loss, sizeof a->loss)
    && !memcmp (&a->gnorm, &b->gnorm, sizeof a->gnorm)
    && !memcmp (&a->min_eig, &b->min_eig, sizeof a->min_eig);
  for (size_t i = 0; ok && i < a->np; i++)
    ok = a->p[i] == b->p[i];
  return ok;
}

typedef struct
{
  size_t rows[N], nrows, last_done;
} seen;

static void
row (const lsc_census_run *r, void *ctx)
{
  seen *s = ctx;
  if (s->nrows < N)
    s->rows[s->nrows] = r->run;
  s->nrows++;
}

static void
progress (size_t done, size_t n, void *ctx)
{
  (void) n;
  ((seen *) ctx)->last_done = done;
}

static lsc_census_job
job_for (seen *s, int threads)
{
  lsc_census_job j = { 11, &prob, &par, cl, cat, cpar.ptol, threads, -1,
                       NULL, row, progress, NULL, s, 0, 0, 0 };
  return j;
}

static void
setup (void)
{
  char err[256];
  CU_ASSERT_EQUAL_FATAL (lsc_catalogue_read_file (
      &cat, LSC_SRCDIR "/data/families.tsv", err, sizeof err), 0);
  lsc_classify_params_init (&cpar);
  cl = lsc_classifier_alloc (cat, K, K, &cpar);
  lsc_descent_params_init (&par);
  CU_ASSERT_EQUAL_FATAL (lsc_census (serial, 0, N, 11, &prob, &par, cl), 0);
  lsc_census_labels lb = { 0 };
  for (size_t i = 0; i < N; i++)
    lsc_census_label_catalogue (&serial[i], &lb, cpar.ptol, cat);
  snprintf (dir, sizeof dir, "%s/t-census-drive.XXXXXX",
            getenv ("TMPDIR") ? getenv ("TMPDIR") : "/tmp");
  CU_ASSERT_FATAL (mkdtemp (dir) != NULL);
}

/* 1 and 2 threads: the serial census, rows in run order. */
static void
test_threads (void)
{
  for (int th = 1; th <= 2; th++)
    {
      lsc_census_run runs[N] = { 0 };
      seen s = { { 0 }, 0, 0 };
      lsc_census_job j = job_for (&s, th);
      CU_ASSERT_EQUAL (lsc_census_drive (runs, N, &j), 0);
      CU_ASSERT_EQUAL (j.ndone, N);
      CU_ASSERT_EQUAL (s.nrows, N);
      CU_ASSERT_EQUAL (s.last_done, N);
      for (size_t i = 0; i < N; i++)
        {
          CU_ASSERT (same_run (&runs[i], &serial[i]));
          CU_ASSERT_EQUAL (s.rows[i], i);
        }
    }
}

/* Two ranks simulated in one process: rank 1 sends its runs into a
   queue, then rank 0 makes its own and receives rank 1's. */
typedef struct
{
  lsc_census_run q[N];
  size_t n, head;
} queue;

static void
q_send (const lsc_census_run *r, void *ctx)
{
  queue *q = ctx;
  q->q[q->n++] = *r;
}

static int
q_recv (lsc_census_run *r, int block, void *ctx)
{
  (void) block;
  queue *q = ctx;
  if (q->head == q->n)
    return 0;
  *r = q->q[q->head++];
  return 1;
}

static void
q_share (lsc_census_run *runs, size_t n, void *ctx)
{
  (void) runs; (void) n; (void) ctx;
}

static void
test_ranks (void)
{
  queue q = { .n = 0 };
  lsc_census_comm c1 = { 1, 2, q_share, q_send, q_recv, &q };
  lsc_census_comm c0 = { 0, 2, q_share, q_send, q_recv, &q };
  lsc_census_run r1[N] = { 0 }, r0[N] = { 0 };
  seen s1 = { { 0 }, 0, 0 }, s0 = { { 0 }, 0, 0 };
  lsc_census_job j1 = job_for (&s1, 2), j0 = job_for (&s0, 2);
  j1.comm = &c1;
  j0.comm = &c0;
  CU_ASSERT_EQUAL (lsc_census_drive (r1, N, &j1), 0);
  CU_ASSERT_EQUAL (q.n, N / 2);        /* the odd runs */
  CU_ASSERT_EQUAL (s1.nrows, 0);       /* rank 1 records nothing */
  CU_ASSERT_EQUAL (lsc_census_drive (r0, N, &j0), 0);
  CU_ASSERT_EQUAL (s0.nrows, N);
  for (size_t i = 0; i < N; i++)
    {
      CU_ASSERT (same_run (&r0[i], &serial[i]));
      CU_ASSERT_EQUAL (s0.rows[i], i);
    }
  lsc_census_comm bad = { 2, 2, q_share, q_send, q_recv, &q };
  j0.comm = &bad;
  CU_ASSERT_EQUAL (lsc_census_drive (r0, N, &j0), LSC_EINVAL);
}

static lsc_census_config
config (void)
{
  lsc_census_config cf = { K, K, K, 11, "lbfgs", par.step_c, par.gtol,
                           par.maxiter, "identity", 0, 0 };
  CU_ASSERT_EQUAL (lsc_census_file_hash (&cf.catalogue_hash,
                                         LSC_SRCDIR "/data/families.tsv"),
                   0);
  return cf;
}

/* Resume: 3 runs, a torn line, then all N; locks and header checks. */
static void
test_resume (void)
{
  lsc_census_config cf = config ();
  char path[128], err[512];
  snprintf (path, sizeof path, "%s/res", dir);
  lsc_census_run runs[N] = { 0 };
  size_t nl;
  int fd;
  seen s = { { 0 }, 0, 0 };
  lsc_census_job j = job_for (&s, 2);
  CU_ASSERT_EQUAL_FATAL (lsc_census_resume_open (&fd, path, &cf, runs, 3,
                                                 &nl, err, sizeof err), 0);
  CU_ASSERT_EQUAL (nl, 0);
  j.resume_fd = fd;
  CU_ASSERT_EQUAL (lsc_census_drive (runs, 3, &j), 0);
  CU_ASSERT_EQUAL (j.resume_errno, 0);
  /* a second census on the file while the first holds it */
  lsc_census_run other[N] = { 0 };
  int fd2;
  CU_ASSERT_EQUAL (lsc_census_resume_open (&fd2, path, &cf, other, N, &nl,
                                           err, sizeof err), LSC_EINVAL);
  CU_ASSERT (strstr (err, "in use") != NULL);
  CU_ASSERT_EQUAL (lsc_census_resume_append (fd, "5\t123\t4"), 0);
  close (fd);
  /* resumed: the 3 runs loaded, the torn line dropped, the rest made */
  lsc_census_run all[N] = { 0 };
  seen s2 = { { 0 }, 0, 0 };
  lsc_census_job j2 = job_for (&s2, 2);
  CU_ASSERT_EQUAL_FATAL (lsc_census_resume_open (&fd, path, &cf, all, N,
                                                 &nl, err, sizeof err), 0);
  CU_ASSERT_EQUAL (nl, 3);
  j2.resume_fd = fd;
  CU_ASSERT_EQUAL (lsc_census_drive (all, N, &j2), 0);
  close (fd);
  for (size_t i = 0; i < N; i++)
    CU_ASSERT (same_run (&all[i], &serial[i]));
  /* header checks: another seed, another catalogue, another target */
  lsc_census_config c2 = cf;
  c2.seed = 12;
  memset (other, 0, sizeof other);
  CU_ASSERT_EQUAL (lsc_census_resume_open (&fd2, path, &c2, other, N, &nl,
                                           err, sizeof err), LSC_EINVAL);
  CU_ASSERT (strstr (err, "different census") != NULL);
  c2 = cf;
  c2.catalogue_hash ^= 1;
  CU_ASSERT_EQUAL (lsc_census_resume_open (&fd2, path, &c2, other, N, &nl,
                                           err, sizeof err), LSC_EINVAL);
  CU_ASSERT (strstr (err, "catalogue changed") != NULL);
  c2 = cf;
  c2.target_hash = 1;
  CU_ASSERT_EQUAL (lsc_census_resume_open (&fd2, path, &c2, other, N, &nl,
                                           err, sizeof err), LSC_EINVAL);
  CU_ASSERT (strstr (err, "target file changed") != NULL);

  /* read back as a saved census: its summary is the runs' summary */
  lsc_census_saved sv;
  CU_ASSERT_EQUAL_FATAL (lsc_census_saved_read (&sv, path, cf.catalogue_hash,
                                                err, sizeof err), 0);
  CU_ASSERT_EQUAL (sv.n, N);
  CU_ASSERT_EQUAL (sv.k, K);
  CU_ASSERT_STRING_EQUAL (sv.method, "lbfgs");
  CU_ASSERT_STRING_EQUAL (sv.target, "identity");
  lsc_census_summary sm;
  CU_ASSERT_EQUAL_FATAL (lsc_census_summarize (&sm, serial, N, K), 0);
  CU_ASSERT_EQUAL (sv.sm.nfam, sm.nfam);
  for (int o = 0; o < 4; o++)
    CU_ASSERT_EQUAL (sv.sm.count[o], sm.count[o]);
  for (size_t i = 0; i < sm.nfam && i < sv.sm.nfam; i++)
    CU_ASSERT_STRING_EQUAL (sv.sm.fam[i].family, sm.fam[i].family);
  lsc_census_summary_clear (&sm);
  lsc_census_saved two[2];
  two[0] = sv;
  two[1] = sv;
  CU_ASSERT_EQUAL (lsc_census_saved_sort (two, 2, err, sizeof err),
                   LSC_EINVAL);
  CU_ASSERT (strstr (err, "two censuses at k = 6, d = 6") != NULL);
  lsc_census_saved_clear (&sv);
  lsc_census_saved bad;
  CU_ASSERT_EQUAL (lsc_census_saved_read (&bad, path, cf.catalogue_hash ^ 1,
                                          err, sizeof err), LSC_EINVAL);
  CU_ASSERT (strstr (err, "another family catalogue") != NULL);
  lsc_census_saved_clear (&bad);

  /* each classified run's point rebuilt from the file and classified by
     the dense route: the family the census (symmetric route) gave */
  for (size_t i = 0; i < N; i++)
    {
      double *W;
      size_t k, d;
      CU_ASSERT_EQUAL_FATAL (lsc_census_resume_point (&W, &k, &d, path,
                                                      (long) i, 1 << 20, err,
                                                      sizeof err), 0);
      CU_ASSERT (k == K && d == K);
      lsc_class c;
      CU_ASSERT_EQUAL (lsc_census_classify_point (&c, W, k, d, cl), 0);
      CU_ASSERT_EQUAL ((int) c.kind, serial[i].kind);
      CU_ASSERT_EQUAL (c.index, serial[i].index);
      free (W);
    }
  double *W;
  size_t k, d;
  CU_ASSERT_EQUAL (lsc_census_resume_point (&W, &k, &d, path, N, 1 << 20,
                                            err, sizeof err), LSC_EINVAL);
  CU_ASSERT (strstr (err, "no run 8") != NULL);
  CU_ASSERT_EQUAL (lsc_census_resume_point (&W, &k, &d, path, 0, 16, err,
                                            sizeof err), LSC_ELIMIT);
  unlink (path);
}

/* Every run's line parses back to the same run; malformed lines are
   refused. */
static void
test_lines (void)
{
  char line[4096];
  for (size_t i = 0; i < N; i++)
    {
      lsc_census_run r;
      lsc_census_format_line (line, sizeof line, &serial[i]);
      size_t len = strlen (line);
      CU_ASSERT (len > 0 && line[len - 1] == '\n');
      line[len - 1] = '\0';
      CU_ASSERT_EQUAL (lsc_census_parse_line (&r, line), 0);
      CU_ASSERT (r.time == serial[i].time && same_run (&r, &serial[i]));
    }
  static const char *bad[] = {
    "",
    "1\t2\t3",
    /* status 0 but not classified */
    "0\t1\t2\t3\t0.1\t0.5\t1e-9\t0\t0\t0.1\t-\t-\t-\t0\t-",
    /* classified but failed */
    "0\t1\t2\t3\t0.1\t0.5\t1e-9\t0\t0\t0.1\tglobal\tglobal\tkd:L\t64\t-",
    /* unknown kind, negative count, bad parameter list */
    "0\t1\t2\t3\t0.1\t0.5\t1e-9\t0\t0\t0.1\tfoo\tA\tkd:L\t0\t-",
    "0\t1\t-2\t3\t0.1\t0.5\t1e-9\t0\t0\t0.1\tglobal\tA\tkd:L\t0\t-",
    "0\t1\t2\t3\t0.1\t0.5\t1e-9\t0\t0\t0.1\tglobal\tA\tkd:L\t0\t1,,2",
    NULL };
  for (int i = 0; bad[i]; i++)
    {
      lsc_census_run r;
      snprintf (line, sizeof line, "%s", bad[i]);
      CU_ASSERT_EQUAL (lsc_census_parse_line (&r, line), LSC_EPARSE);
    }
}

/* The error hook is called from the census threads (a classifier made
   for other sizes fails every run) and changes no result. */
static atomic_size_t calls;

static void
counting (const char *reason, const char *file, int line, int status)
{
  (void) reason; (void) file; (void) line; (void) status;
  atomic_fetch_add (&calls, 1);
}

static void
test_error_hook (void)
{
  lsc_classifier *other = lsc_classifier_alloc (cat, K + 1, K + 1, &cpar);
  lsc_census_run a[4] = { 0 }, b[4] = { 0 };
  seen s = { { 0 }, 0, 0 };
  lsc_census_job j = job_for (&s, 2);
  j.cl = other;
  lsc_error_handler_t *old = lsc_set_error_handler (NULL);
  CU_ASSERT_EQUAL (lsc_census_drive (a, 4, &j), 0);
  lsc_set_error_handler (counting);
  atomic_store (&calls, 0);
  CU_ASSERT_EQUAL (lsc_census_drive (b, 4, &j), 0);
  lsc_set_error_handler (old);
  CU_ASSERT (atomic_load (&calls) >= 4);
  for (size_t i = 0; i < 4; i++)
    {
      CU_ASSERT_EQUAL (a[i].status, LSC_EBADLEN);
      CU_ASSERT (same_run (&a[i], &b[i]));
    }
  lsc_classifier_free (other);
}

/* Points saved from the point hook: the files read back as W. */
static int
save (const lsc_census_run *r, const double *W, void *ctx)
{
  return lsc_census_save_point (dir, r->run, W, ctx);
}

static void
test_points (void)
{
  lsc_census_config cf = config ();
  char err[256], path[128];
  CU_ASSERT_EQUAL (lsc_census_points_dir (dir, err, sizeof err), 0);
  snprintf (path, sizeof path, "%s/file", dir);
  FILE *f = fopen (path, "w");
  CU_ASSERT_FATAL (f != NULL);
  fclose (f);
  CU_ASSERT_EQUAL (lsc_census_points_dir (path, err, sizeof err),
                   LSC_EINVAL);
  CU_ASSERT (strstr (err, "not a directory") != NULL);
  unlink (path);
  lsc_census_run runs[2] = { 0 };
  seen s = { { 0 }, 0, 0 };
  lsc_census_job j = job_for (&s, 2);
  j.point = save;
  j.ctx = &cf;
  j.row = NULL;
  j.progress = NULL;
  CU_ASSERT_EQUAL (lsc_census_drive (runs, 2, &j), 0);
  CU_ASSERT_EQUAL (j.point_errno, 0);
  for (size_t r = 0; r < 2; r++)
    {
      double *W = NULL;
      size_t rows, cols;
      snprintf (path, sizeof path, "%s/run-%zu.tsv", dir, r);
      CU_ASSERT_EQUAL_FATAL (lsc_matrix_read_file_limited (
          &W, &rows, &cols, NULL, path, NULL, err, sizeof err), 0);
      CU_ASSERT (rows == K && cols == K);
      /* the run's point, made again */
      lsc_census_workspace *w = lsc_census_alloc (K, K, K, &par);
      lsc_census_run q;
      lsc_census_do_run (&q, 11, r, &prob, &par, cl, w);
      CU_ASSERT (memcmp (W, lsc_census_point (w), K * K * sizeof *W) == 0);
      lsc_census_free (w);
      free (W);
      unlink (path);
    }
}

static void
teardown (void)
{
  rmdir (dir);
  lsc_classifier_free (cl);
  lsc_catalogue_free (cat);
}

int
main (void)
{
  static const lsc_test_case cases[] = {
    { "the serial census, labelled in run order", setup },
    { "1 and 2 threads equal the serial census", test_threads },
    { "two ranks through a communicator", test_ranks },
    { "resume file: interrupted = straight; lock, headers; saved read",
      test_resume },
    { "resume lines round trip; malformed refused", test_lines },
    { "error hook from the threads changes nothing", test_error_hook },
    { "points saved by the point hook", test_points },
    { "cleanup", teardown },
    { NULL, NULL } };
  return lsc_test_run ("census-drive", cases);
}
