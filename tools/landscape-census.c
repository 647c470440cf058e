/* landscape-census: random-start descent census of the two-layer ReLU loss,
   each end point polished and classified by symmetry (landscape(7)). */
#define _POSIX_C_SOURCE 200809L
#include <config.h>
#include <errno.h>
#include <getopt.h>
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

static void
usage (void)
{
  printf ("Usage: %s --k=K [OPTION]...\n"
          "  or:  %s --fractions [OPTION]... RESUME-FILE...\n",
          cli_program_name (), cli_program_name ());
  puts ("Run gradient-based descent from N random (Xavier) starts on the "
        "population loss\nof a two-layer ReLU network with k neurons in "
        "dimension d, polish each end\npoint by Newton's method with the "
        "exact Hessian, and classify it: Morse index,\nglobal minimum, a "
        "catalogue family, a new Young-type family, or no symmetry.\n"
        "One row per run, then a summary per family and the totals.\n"
        "With --fractions, read saved censuses (their resume files) and "
        "print the\nspurious fraction of each against d for each k - d, "
        "and each spurious\nfamily's share.\n"
        "\n"
        "  -k, --k=K            neurons (required)\n"
        "  -d, --d=D            input dimension (default: K, or the "
        "target's columns)\n"
        "  -n, --runs=N         number of runs (default 10)\n"
        "  -s, --seed=S         census seed; run i uses the stream "
        "(S, i) (default 1)\n"
        "  -t, --target=FILE    target weights V (m x d); default V = I_d\n"
        "  -m, --method=M       gd (step c/k, no line search) or lbfgs "
        "(default)\n"
        "      --step=C         gradient-descent step constant c "
        "(default 2)\n"
        "      --gtol=TOL       descent stops at |grad L|_F <= TOL "
        "(default 1e-8)\n"
        "      --maxiter=N      descent iteration limit (default 100000)\n"
        "      --dense          polish and classify every end point with "
        "the dense\n"
        "                       kd x kd Hessian (default: the symmetric "
        "route,\n"
        "                       no kd x kd matrix, at points with Young-type "
        "isotropy)\n"
        "  -j, --threads=T      parallel runs (default: all cores); results "
        "do not\n"
        "                       depend on T\n"
        "  -r, --resume=FILE    record each finished run in FILE and skip "
        "runs\n"
        "                       already recorded there\n"
        "  -c, --catalogue=FILE family catalogue (default: $LANDSCAPE_FAMILIES, "
        "the\n"
        "                       build tree's or the installed families.tsv)\n"
        "  -f, --format=FMT     text, tsv, json, latex or markdown (default: "
        "from the\n"
        "                       extension of --output, else text on a "
        "terminal, tsv)\n"
        "      --save-points=DIR  write the end point W of each run made to "
        "DIR/run-N.tsv\n"
        "                       (k rows of d numbers; DIR is created if "
        "missing)\n"
        "  -P, --plot=FILE      histogram of the losses (.svg, .pdf, .png); "
        "with\n"
        "                       --fractions, the spurious fraction against d\n"
        "      --fractions      aggregate the censuses saved in the "
        "RESUME-FILEs\n"
        "                       (written by --resume with the same "
        "catalogue)\n"
        "  -D, --digits=N       significant digits of reals (1..17; "
        "default: all\n"
        "                       that identify the value, 6 in LaTeX)\n"
        "      --columns=LIST   columns to show, in this order (names of "
        "the TSV\n"
        "                       headers, all, default)\n"
        "      --standalone     LaTeX: a complete document, not a fragment\n"
        "      --per-run        LaTeX: also the table of every run (default: "
        "the\n"
        "                       summary and totals only)\n"
        "  -o, --output=FILE    write the tables to FILE instead of standard "
        "output\n"
        "      --max-memory=SIZE  refuse a census needing more than SIZE "
        "(e.g. 8G;\n"
        "                       default: the memory available)\n"
        "      --max-line=BYTES longest line of the target file (default "
        "1048576)\n"
        "      --max-entries=N  most numbers in the target file (default "
        "16777216)\n"
        "  -q, --quiet          no progress on standard error\n"
        "  -h, --help           display this help and exit\n"
        "  -V, --version        output version information and exit\n"
        "\n"
        "Exit status: 0 ok, 1 some runs failed (see their status), 2 usage "
        "or input\nerror, 3 system error.  See landscape-census(1).");
}

enum { OPT_STEP = 256, OPT_GTOL, OPT_MAXITER, OPT_VERSION, OPT_MAXMEM,
       OPT_MAXLINE, OPT_MAXENTRIES, OPT_DENSE, OPT_SAVE, OPT_PERRUN,
       OPT_FRACTIONS };

typedef struct
{
  lsc_census_config cf;
  size_t runs;
  int threads;
  const char *resume, *catalogue, *plot, *output, *save;
  lsc_table_format fmt;
  int fmt_given;
  int quiet, dense;
  int digits, per_run;
  int fractions;             /* --fractions: the files are argv[first..) */
  int first;
  double *V;
} options;

/* --columns and --standalone against the tables to come (exits 2). */
static void
check_columns (lsc_table_format fmt, int fractions)
{
  char err[2560];
  if (cli_table_standalone && fmt != LSC_TABLE_LATEX)
    cli_fatal (CLI_EXIT_USAGE, "--standalone needs --format latex");
  if (lsc_census_table_check (err, sizeof err, cli_table_columns, fractions))
    cli_fatal (CLI_EXIT_USAGE, "%s", err);
}

static void
parse_args (options *o, int argc, char **argv)
{
  static const struct option lo[] = {
    { "k", required_argument, NULL, 'k' },
    { "d", required_argument, NULL, 'd' },
    { "runs", required_argument, NULL, 'n' },
    { "seed", required_argument, NULL, 's' },
    { "target", required_argument, NULL, 't' },
    { "method", required_argument, NULL, 'm' },
    { "step", required_argument, NULL, OPT_STEP },
    { "gtol", required_argument, NULL, OPT_GTOL },
    { "maxiter", required_argument, NULL, OPT_MAXITER },
    { "dense", no_argument, NULL, OPT_DENSE },
    { "threads", required_argument, NULL, 'j' },
    { "resume", required_argument, NULL, 'r' },
    { "catalogue", required_argument, NULL, 'c' },
    { "format", required_argument, NULL, 'f' },
    { "plot", required_argument, NULL, 'P' },
    { "save-points", required_argument, NULL, OPT_SAVE },
    { "output", required_argument, NULL, 'o' },
    { "max-memory", required_argument, NULL, OPT_MAXMEM },
    { "max-line", required_argument, NULL, OPT_MAXLINE },
    { "max-entries", required_argument, NULL, OPT_MAXENTRIES },
    { "quiet", no_argument, NULL, 'q' },
    { "help", no_argument, NULL, 'h' },
    { "version", no_argument, NULL, 'V' },
    { "digits", required_argument, NULL, 'D' },
    { "per-run", no_argument, NULL, OPT_PERRUN },
    { "fractions", no_argument, NULL, OPT_FRACTIONS },
    CLI_TABLE_LONGOPTS,
    { NULL, 0, NULL, 0 }
  };
  long k = 0, d = 0;
  o->cf.seed = 1;
  o->cf.method = "lbfgs";
  o->cf.step = 2.0;
  o->cf.gtol = 1e-8;
  o->cf.maxiter = 100000;
  o->cf.target = "identity";
  o->runs = 10;
  o->fmt = cli_default_format ();
  int c;
  while ((c = cli_getopt (argc, argv, "k:d:n:s:t:m:j:r:c:f:P:o:D:qhV", lo))
         != -1)
    switch (c)
      {
      case 'k': k = cli_parse_long ("--k", optarg, 1, 100000); break;
      case 'd': d = cli_parse_long ("--d", optarg, 1, 100000); break;
      case 'n': o->runs = cli_parse_long ("--runs", optarg, 1, 100000000);
        break;
      case 's': o->cf.seed = (unsigned long long)
          cli_parse_long ("--seed", optarg, 0, 2147483647L); break;
      case 't': o->cf.target = optarg; break;
      case 'm':
        if (strcmp (optarg, "gd") && strcmp (optarg, "lbfgs"))
          cli_fatal (CLI_EXIT_USAGE, "invalid argument '%s' for --method: "
                     "expected gd or lbfgs", optarg);
        o->cf.method = optarg;
        break;
      case OPT_STEP:
        o->cf.step = cli_parse_double ("--step", optarg);
        if (!(o->cf.step > 0))
          cli_fatal (CLI_EXIT_USAGE, "invalid argument '%s' for --step: "
                     "must be positive", optarg);
        break;
      case OPT_GTOL:
        o->cf.gtol = cli_parse_double ("--gtol", optarg);
        if (!(o->cf.gtol > 0))
          cli_fatal (CLI_EXIT_USAGE, "invalid argument '%s' for --gtol: "
                     "must be positive", optarg);
        break;
      case OPT_MAXITER:
        o->cf.maxiter = cli_parse_long ("--maxiter", optarg, 1, 1000000000L);
        break;
      case OPT_DENSE: o->dense = 1; break;
      case 'j': o->threads = cli_parse_long ("--threads", optarg, 1, 4096);
        break;
      case 'r': o->resume = optarg; break;
      case 'c': o->catalogue = optarg; break;
      case 'f': o->fmt = cli_parse_format ("--format", optarg);
        o->fmt_given = 1; break;
      case 'P': o->plot = optarg; break;
      case OPT_SAVE: o->save = optarg; break;
      case 'o': o->output = optarg; break;
      case OPT_MAXMEM: cli_mem_set_max ("--max-memory", optarg); break;
      case OPT_MAXLINE: cli_limits_set_line ("--max-line", optarg); break;
      case OPT_MAXENTRIES:
        cli_limits_set_entries ("--max-entries", optarg);
        break;
      case 'q': o->quiet = 1; break;
      case 'D':
        o->digits = (int) cli_parse_long ("--digits", optarg, 1, 17);
        break;
      case OPT_PERRUN: o->per_run = 1; break;
      case OPT_FRACTIONS: o->fractions = 1; break;
      case CLI_OPT_COLUMNS: cli_table_columns = optarg; break;
      case CLI_OPT_STANDALONE: cli_table_standalone = 1; break;
      case 'h': usage (); exit (cli_finish (CLI_EXIT_OK));
      case 'V': cli_version (); exit (cli_finish (CLI_EXIT_OK));
      default:
        cli_fatal (CLI_EXIT_SYSTEM, "internal error: option %d", c);
      }
  o->first = optind;
  if (o->fractions)
    {
      if (optind == argc)
        cli_fatal (CLI_EXIT_USAGE, "--fractions needs the resume files of "
                   "the censuses");
      if (k || d || o->resume || o->save || o->per_run)
        cli_fatal (CLI_EXIT_USAGE, "--fractions reads saved censuses: "
                   "--k, --d, --resume, --save-points and --per-run do "
                   "not apply");
    }
  else if (optind < argc)
    cli_fatal (CLI_EXIT_USAGE, "unexpected argument '%s'", argv[optind]);
  else if (k == 0)
    cli_fatal (CLI_EXIT_USAGE, "--k is required");
  o->fmt = cli_output_format (o->output, o->fmt, o->fmt_given);
  if (o->plot && lsc_plot_check_path (o->plot) != 0)
    cli_fatal (CLI_EXIT_USAGE, "%s: --plot needs a .svg, .pdf or .png file",
               o->plot);
  if (o->plot && !lsc_plot_available ())
    cli_fatal (CLI_EXIT_USAGE, "--plot: built without cairo");
  check_columns (o->fmt, o->fractions);
  if (o->fractions)
    return;
  if (o->save && !*o->save)
    cli_fatal (CLI_EXIT_USAGE, "invalid argument '' for --save-points: no "
               "directory named");
  o->cf.k = (size_t) k;
  o->cf.m = 0;
  if (strcmp (o->cf.target, "identity") != 0)
    {
      char err[512];
      size_t rows, cols;
      int st = lsc_matrix_read_file_limited (&o->V, &rows, &cols, NULL,
                                             o->cf.target, cli_io_limits (),
                                             err, sizeof err);
      if (st)
        cli_fatal_status (st, "%s", err);
      o->cf.target_hash = lsc_census_hash (o->V, rows * cols * sizeof *o->V);
      if (d && (size_t) d != cols)
        cli_fatal (CLI_EXIT_USAGE, "%s: target has %zu columns, --d is %ld",
                   o->cf.target, cols, d);
      d = (long) cols;
      o->cf.m = rows;
    }
  o->cf.d = d ? (size_t) d : (size_t) k;
  if (!o->cf.m)
    o->cf.m = o->cf.d;
}

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
fractions (const options *o, char **files, size_t n, unsigned long long cat)
{
  char err[768];
  FILE *ff = stdout;
  if (o->output && !(ff = cli_atomic_open (o->output)))
    cli_fatal (CLI_EXIT_USAGE, "cannot write %s: %s", o->output,
               strerror (errno));
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
  lsc_table_output *fo = cli_output_open (ff, o->fmt, o->digits);
  st = lsc_census_fractions_write (fo, c, n);
  if (st == LSC_SUCCESS && o->plot)
    plot (o->plot, NULL, n, NULL, c);
  cli_output_close (fo);
  if (o->output && cli_atomic_commit (ff) != 0)
    cli_fatal (CLI_EXIT_SYSTEM, "write error: %s: %s", o->output,
               strerror (errno));
  for (size_t i = 0; i < n; i++)
    lsc_census_saved_clear (&c[i]);
  free (c);
  return cli_finish (CLI_EXIT_OK);
}

int
main (int argc, char **argv)
{
  census_mpi_begin (&argc, &argv);
  cli_init (argv[0]);
  gsl_set_error_handler_off ();
  /* Under MPI, rank 0 prints, keeps the resume file and the summary;
     every rank computes the runs i with i mod size == rank. */
  const int root = census_mpi_rank () == 0;
  options o = { 0 };
  parse_args (&o, argc, argv);
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
  FILE *outf = stdout;
  if (o.output && root && !(outf = cli_atomic_open (o.output)))
    cli_fatal (CLI_EXIT_USAGE, "cannot write %s: %s", o.output,
               strerror (errno));
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
      out = cli_output_open (outf, o.fmt, o.digits);
      if (o.fmt != LSC_TABLE_LATEX || o.per_run)
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
      if (o.output && cli_atomic_commit (outf) != 0)
        cli_fatal (CLI_EXIT_SYSTEM, "write error: %s: %s", o.output,
                   strerror (errno));
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
