/* landscape-census: random-start descent census of the two-layer ReLU loss,
   each end point polished and classified by symmetry (landscape(7)). */
#define _POSIX_C_SOURCE 200809L
#include <config.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <math.h>
#include <gsl/gsl_errno.h>
#ifdef _OPENMP
#include <omp.h>
#endif
#include "landscape.h"
#include "cli.h"
#include "cli-atomic.h"
#include "cli-plot.h"
#include "census/comm_mpi.h"
#include "census-opts.h"

/* Refuse a census whose workspaces (one per thread) exceed the memory
   budget, before allocating them; the dense Hessian alone first (LAPACK's
   workspace query is slow for huge kd). */
static void
check_memory (const lsc_census_config *cf, int threads, size_t lbfgs_m)
{
  double n = (double) cf->k * (double) cf->d;
  char what[128];
  snprintf (what, sizeof what, "a census with %d thread%s at k = %zu, "
            "d = %zu", threads, threads > 1 ? "s" : "", cf->k, cf->d);
  cli_mem_check (threads * 8 * n * n, what);
  double per = lsc_census_thread_bytes (cf->k, cf->d, cf->m, lbfgs_m);
  if (per == 0)
    cli_fatal (CLI_EXIT_SYSTEM, "%s: the %.0f x %.0f Hessian is too large "
               "for LAPACK's integers", what, n, n);
  cli_mem_check (threads * per, what);
}

/* The hooks of lsc_census_drive. */
typedef struct
{
  lsc_table *table;
  int progress;
  const char *save;
  const lsc_census_config *cf;
} hooks;

static void
print_run (const lsc_census_run *r, void *ctx)
{
  if (((hooks *) ctx)->table)   /* LaTeX without --per-run: no runs */
    lsc_census_runs_row (((hooks *) ctx)->table, r);
}

/* A figure of the census (runs) or of saved censuses (c) to path,
   replaced atomically; exits 3 on failure. */
static void
plot (const char *path, const lsc_census_run *runs, size_t n,
      const lsc_census_config *cf, const lsc_census_saved *c)
{
  char err[256];
  FILE *f = cli_atomic_open (path);
  if (!f)
    cli_fatal (CLI_EXIT_SYSTEM, "%s: %s", path, strerror (errno));
  lsc_plot_opts po = cli_plot_opts ();
  int st = runs ? lsc_census_plot_write (f, path, runs, n, cf, &po, err,
                                         sizeof err)
           : lsc_census_fractions_plot_write (f, path, c, n, &po, err,
                                              sizeof err);
  cli_plot_release ();
  if (st)
    cli_fatal (CLI_EXIT_SYSTEM, "%s", err);
  if (cli_atomic_commit (f) != 0)
    cli_fatal (CLI_EXIT_SYSTEM, "%s: %s", path, strerror (errno));
}

static void
progress (size_t done, size_t n, void *ctx)
{
  if (((hooks *) ctx)->progress)
    fprintf (stderr, "\r%s: %zu/%zu runs", cli_program_name (), done, n);
}

static int
save_point (const lsc_census_run *r, const double *W, void *ctx)
{
  hooks *h = ctx;
  return h->save ? lsc_census_save_point (h->save, r->run, W, h->cf) : 0;
}

/* --fractions (rank 0 only): the saved censuses as tables. */
static int
fractions (const census_options *o, char **files, size_t n,
           unsigned long long cat)
{
  char err[768];
  cli_redirect_stdout (cli_out.path);
  lsc_census_saved *c = cli_xmalloc (n * sizeof *c);
  for (size_t i = 0; i < n; i++)
    {
      int st = lsc_census_saved_read (&c[i], files[i], cat, err, sizeof err);
      if (st)
        cli_fatal_status (st, "%s", err);
    }
  int st = lsc_census_saved_sort (c, n, err, sizeof err);
  if (st)
    cli_fatal_status (st, "%s", err);
  lsc_table_output *fo = cli_output_open (stdout, cli_out.fmt, o->digits);
  st = lsc_census_fractions_write (fo, c, n);
  if (st == LSC_SUCCESS && o->plot)
    plot (o->plot, NULL, n, NULL, c);
  cli_output_close (fo);
  for (size_t i = 0; i < n; i++)
    lsc_census_saved_clear (&c[i]);
  free (c);
  return cli_finish (CLI_EXIT_OK);
}

int
main (int argc, char **argv)
{
  census_mpi_begin (&argc, &argv);
  cli_start (argv[0], census_usage);
  /* Under MPI, rank 0 prints, keeps the resume file and the summary;
     every rank computes the runs i with i mod size == rank. */
  const int root = census_mpi_rank () == 0;
  census_options o = { 0 };
  census_parse_args (&o, argc, argv);
  const lsc_census_config *cf = &o.cf;
  lsc_problem p = { cf->k, cf->d, cf->m, o.V, NULL, NULL };
  char err[768];
  lsc_descent_params par;
  int st = lsc_census_config_params (&par, cf, o.V, err, sizeof err);
  if (st)
    cli_fatal_status (st, "%s", err);
  lsc_catalogue *cat = NULL;
  const char *cpath = cli_catalogue_path (o.catalogue);
  st = lsc_catalogue_read_file (&cat, cpath, err, sizeof err);
  if (st)
    cli_fatal_status (st, "%s", err);
  /* the runs' labels are the catalogue's names: a resume file records
     which catalogue (lsc_census_header) */
  if (lsc_census_file_hash (&o.cf.catalogue_hash, cpath) != 0)
    cli_fatal (CLI_EXIT_USAGE, "%s: %s", cpath, strerror (errno));
  if (o.fractions)
    {
      /* saved censuses: one process reads and prints */
      census_mpi_end ();
      if (!root)
        return CLI_EXIT_OK;
      st = fractions (&o, argv + o.first, (size_t) (argc - o.first),
                      o.cf.catalogue_hash);
      lsc_catalogue_free (cat);
      return st;
    }
  int nthreads, made;
  if (lsc_census_threads (o.threads, &nthreads, &made) != 0)
    cli_fatal (CLI_EXIT_SYSTEM, "cannot start %d threads: %s (only %d "
               "could be; try --threads=%d)", nthreads, strerror (errno),
               made, made);
  check_memory (cf, nthreads, par.lbfgs_m);
  /* every output path is checked before the first run: a census of hours
     must not end in "cannot write" */
  if (root)
    cli_redirect_stdout (cli_out.path);
  if (o.plot && root)
    {
      FILE *pf = cli_atomic_open (o.plot);
      if (!pf)
        cli_fatal (CLI_EXIT_USAGE, "cannot write the plot file %s: %s",
                   o.plot, strerror (errno));
      cli_atomic_discard (pf);
    }
  if (o.save && (st = lsc_census_points_dir (o.save, err, sizeof err)))
    cli_fatal_status (st, "--save-points: %s", err);
  lsc_classify_params cpar;
  lsc_classify_params_init (&cpar);
  cpar.dense = o.dense;
  lsc_classifier *cl = lsc_classifier_alloc (cat, cf->k, cf->d, &cpar);
  lsc_census_run *runs = calloc (o.runs, sizeof *runs);
  if (!cl || !runs)
    cli_fatal (CLI_EXIT_SYSTEM, "out of memory");
  hooks h = { NULL, root && !o.quiet && isatty (STDERR_FILENO), o.save, cf };
  lsc_census_job job = { cf->seed, &p, &par, cl, cat, cpar.ptol, nthreads,
                         -1, census_mpi_comm (), print_run, progress,
                         o.save ? save_point : NULL, &h, 0, 0, 0 };
  if (o.resume && root)
    {
      size_t nl;
      st = lsc_census_resume_open (&job.resume_fd, o.resume, cf, runs,
                                   o.runs, &nl, err, sizeof err);
      if (st)
        cli_fatal_status (st, "%s", err);
    }
  lsc_table_output *out = NULL;
  if (root)
    {
      out = cli_output_open (stdout, cli_out.fmt, o.digits);
      if (cli_out.fmt != LSC_TABLE_LATEX || o.per_run)
        h.table = lsc_census_runs_begin (out);
    }
  st = lsc_census_drive (runs, o.runs, &job);
  if (st)
    cli_fatal_status (st, "%s", st == LSC_ENOMEM ? "out of memory"
                      : lsc_strerror (st));
  if (job.point_errno)
    cli_fatal (CLI_EXIT_SYSTEM, "--save-points %s: %s", o.save,
               strerror (job.point_errno));
  census_mpi_end ();
  if (root)
    {
      if (h.progress)
        fputc ('\n', stderr);
      if (job.resume_errno)
        cli_fatal (CLI_EXIT_SYSTEM, "%s: %s", o.resume,
                   strerror (job.resume_errno));
      if (job.resume_fd >= 0 && close (job.resume_fd) != 0)
        cli_fatal (CLI_EXIT_SYSTEM, "%s: %s", o.resume, strerror (errno));
      lsc_table_end (h.table);
      if (lsc_census_summary_write (out, runs, o.runs, cf) == LSC_ENOMEM)
        cli_fatal (CLI_EXIT_SYSTEM, "out of memory");
      cli_output_close (out);
      if (o.plot)
        plot (o.plot, runs, o.runs, cf, NULL);
    }
  int status = CLI_EXIT_OK;
  for (size_t i = 0; root && i < o.runs; i++)
    if (runs[i].status != 0)
      status = CLI_EXIT_NOCONV;
  free (runs);
  free (o.V);
  lsc_classifier_free (cl);
  lsc_catalogue_free (cat);
  return root ? cli_finish (status) : CLI_EXIT_OK;
}
