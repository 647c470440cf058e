/* landscape-eval: loss, gradient norm, Morse index and grouped Hessian
   spectrum of the two-layer ReLU loss at one point W, optionally polished
   first by Newton's method on the full gradient system. */
#define _POSIX_C_SOURCE 200809L
#include <config.h>
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <math.h>
#include <gsl/gsl_errno.h>
#include "landscape.h"
#include "cli.h"
#include "landscape/lsc_job_table.h"

static void
usage (void)
{
  printf ("Usage: %s [OPTION]... [W-FILE]\n", cli_program_name ());
  puts ("Evaluate the population loss of a two-layer ReLU network under Gaussian inputs\n"
        "at W (k x d, one neuron per row; read from W-FILE, or standard input when\n"
        "W-FILE is absent or '-'): loss, gradient norm, Morse index and inertia, and\n"
        "the Hessian spectrum grouped into distinct eigenvalues with multiplicities.\n"
        "\n"
        "  -t, --target=FILE    target weights V (m x d); default V = I_d\n"
        "  -a, --alpha=FILE     student output weights (k numbers); default all 1\n"
        "  -b, --beta=FILE      target output weights (m numbers); default all 1\n"
        "  -e, --example=NAME   built-in W instead of a file: identity:D (W = V = I_D)\n"
        "  -f, --format=FMT     text, tsv, json, latex or markdown (default: from the\n"
        "                       extension of --output, else text on a terminal, tsv)\n"
        "  -o, --output=FILE    write the tables to FILE instead of standard output\n"
        "      --polish         first polish W by Newton's method on the full gradient\n"
        "                       system (exact Hessian) to the nearby critical point of\n"
        "                       any index; adds the columns status and newton_iter\n"
        "      --detect-tol=TOL isotropy detection tolerance, relative to max(1, max|W|)\n"
        "                       (default 1e-12 for the isotypic route, 1e-9 for labels)\n"
        "  -p, --prec=BITS      loss and gradient in MPFR at BITS bits (53..100000)\n"
        "      --tol=TOL        eigenvalue grouping and zero tolerance, relative to\n"
        "                       max(1, max|eigenvalue|) (default 1e-8)\n"
        "  -D, --digits=N       significant digits of doubles (1..17; default 17)\n"
        "      --max-line=BYTES longest input line accepted (default 1048576)\n"
        "      --max-entries=N  most numbers in one input matrix (default 16777216)\n"
        "      --max-memory=SIZE  refuse a Hessian needing more than SIZE (e.g. 8G;\n"
        "                       default: the memory available)\n"
        "      --dense          always build the kd x kd Hessian and solve it densely\n"
        "                       (default: the isotypic route when W has a Young-type\n"
        "                       isotropy with a large block of 3 or more; V = I only)\n"
        "  -h, --help           display this help and exit\n"
        "  -V, --version        output version information and exit\n"
        "\n"
        "Exit status: 0 ok, 1 --polish did not converge (status column), 2 usage or\n"
        "input error, 3 system error.\n"
        "See landscape-eval(1) and landscape-formats(5).");
}

static char lib_reason[200];

/* Library error hook: keep the last reason for the message. */
static void
hook (const char *reason, const char *file, int line, int status)
{
  snprintf (lib_reason, sizeof lib_reason, "%s", reason ? reason : "");
  for (char *p = lib_reason; *p; p++)
    if (*p == '\n' || *p == '\r')
      *p = ' ';
}

/* Exit after a failed library call (cli_exit_status: input-class statuses
   give 2, out of memory 3). */
static _Noreturn void
lib_fail (const char *what, int status)
{
  if (lib_reason[0])
    cli_fatal_status (status, "%s: %s (%s)", what, lsc_strerror (status),
                      lib_reason);
  cli_fatal_status (status, "%s: %s", what, lsc_strerror (status));
}

int
main (int argc, char **argv)
{
  static const struct option longopts[] = {
    { "target", required_argument, NULL, 't' },
    { "alpha", required_argument, NULL, 'a' },
    { "beta", required_argument, NULL, 'b' },
    { "example", required_argument, NULL, 'e' },
    { "format", required_argument, NULL, 'f' },
    { "prec", required_argument, NULL, 'p' },
    { "tol", required_argument, NULL, 'T' },
    { "dense", no_argument, NULL, 'S' },
    { "digits", required_argument, NULL, 'D' },
    { "max-line", required_argument, NULL, 'L' },
    { "max-entries", required_argument, NULL, 'N' },
    { "max-memory", required_argument, NULL, 'M' },
    { "help", no_argument, NULL, 'h' },
    { "version", no_argument, NULL, 'V' },
    { "output", required_argument, NULL, 'o' },
    { "polish", no_argument, NULL, 256 },
    { "detect-tol", required_argument, NULL, 257 },
    { NULL, 0, NULL, 0 }
  };
  const char *example = NULL, *wpath = "-";
  const char *vpath = NULL, *apath = NULL, *bpath = NULL;
  int polish = 0;
  long digits = 0;
  lsc_eval_opts eo;
  int c;

  cli_start (argv[0], usage);
  lsc_set_error_handler (hook);
  lsc_eval_opts_init (&eo);
  while ((c = cli_getopt (argc, argv, "t:a:b:e:f:o:p:D:hV", longopts)) != -1)
    switch (c)
      {
      case 't': vpath = optarg; break;
      case 'a': apath = optarg; break;
      case 'b': bpath = optarg; break;
      case 'e': example = optarg; break;
      case 256: polish = 1; break;
      case 257:
        eo.sym_tol = eo.label_tol = cli_parse_double ("--detect-tol", optarg);
        break;
      case 'p': eo.prec = cli_parse_long ("--prec", optarg, 53, 100000); break;
      case 'D': digits = cli_parse_long ("--digits", optarg, 1, 17); break;
      case 'L': cli_limits_set_line ("--max-line", optarg); break;
      case 'N': cli_limits_set_entries ("--max-entries", optarg); break;
      case 'M': cli_mem_set_max ("--max-memory", optarg); break;
      case 'S': eo.dense = 1; break;
      case 'T':
        eo.tol = cli_parse_double ("--tol", optarg);
        break;
      default:
        cli_fatal (CLI_EXIT_SYSTEM, "internal error: option %d", c);
      }
  if (argc - optind > 1)
    cli_fatal (CLI_EXIT_USAGE, "extra operand '%s' (try --help)",
               argv[optind + 1]);
  if (example && optind < argc)
    cli_fatal (CLI_EXIT_USAGE, "--example and a W file are exclusive");
  cli_output_resolve (1);
  char err[512];
  if (lsc_eval_opts_check (&eo, err, sizeof err))
    cli_fatal (CLI_EXIT_USAGE, "%s", err);
  int nstdin = 0;
  if (optind < argc)
    wpath = argv[optind];
  const char *paths[] = { example ? NULL : wpath, vpath, apath, bpath };
  for (int i = 0; i < 4; i++)
    nstdin += paths[i] && strcmp (paths[i], "-") == 0;
  if (nstdin > 1)
    cli_fatal (CLI_EXIT_USAGE, "standard input ('-') can be read only once");
  size_t D = 0;
  if (example)
    {
      if (strncmp (example, "identity:", 9) != 0)
        cli_fatal (CLI_EXIT_USAGE, "invalid argument '%s' for --example: "
                   "expected identity:D", example);
      D = (size_t) cli_parse_long ("--example", example + 9, 1, 10000);
      char what[64];
      snprintf (what, sizeof what, "the %zu x %zu example", D, D);
      cli_mem_check (8.0 * (double) D * (double) D, what);
    }
  lsc_point pt;
  int rc = lsc_point_read (&pt, wpath, D, vpath, apath, bpath,
                           cli_io_limits (), err, sizeof err);
  if (rc)
    cli_fatal_status (rc, "%s", err[0] ? err : lsc_strerror (rc));

  /* ---- the job: --polish first (Newton on the full gradient system,
     to the nearby critical point of any index), then the evaluation ---- */
  lsc_descent_result pres = { 0 };
  lsc_eval_result r = { 0 };
  eo.max_bytes = cli_mem_budget ();
  if (!isfinite (eo.max_bytes))
    eo.max_bytes = 0;
  rc = polish ? lsc_eval_polish (pt.W, &pres, &r, &pt.p, eo.max_bytes) : 0;
  if (polish && !rc && lsc_point_check (&pt, "the polished W", err,
                                        sizeof err))
    cli_fatal (CLI_EXIT_USAGE, "%s", err);
  if (!rc)
    rc = lsc_eval (&r, pt.W, &pt.p, &eo);
  if (rc == LSC_ENOMEM && r.need_bytes > 0)
    cli_mem_check (r.need_bytes, r.need_what);
  if (rc)
    lib_fail ("evaluation", rc);
  lsc_table_output *o = cli_output_start ((int) digits);
  lsc_eval_table_write (o, &r, &pt.p, eo.prec, polish ? &pres : NULL);
  cli_output_close (o);

  lsc_eval_result_clear (&r);
  lsc_point_clear (&pt);
  return cli_finish (polish && pres.status ? CLI_EXIT_NOCONV : CLI_EXIT_OK);
}
