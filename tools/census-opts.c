/* landscape-census's command line (census-opts.h): the help text, the
   options with the library's defaults (lsc_census_config_init) and their
   checks before any work. */
#define _POSIX_C_SOURCE 200809L
#include <config.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "landscape.h"
#include "cli.h"
#include "cli-plot.h"
#include "census-opts.h"

void
census_usage (void)
{
  printf ("Usage: %s --k=K [OPTION]...\n"
          "  or:  %s --fractions [OPTION]... RESUME-FILE...\n",
          cli_program_name (), cli_program_name ());
  puts ("Run gradient-based descent from N random (Xavier) starts on the population loss\n"
        "of a two-layer ReLU network with k neurons in dimension d, polish each end\n"
        "point by Newton's method with the exact Hessian, and classify it: Morse index,\n"
        "global minimum, a catalogue family, a new Young-type family, or no symmetry.\n"
        "One row per run, then a summary per family and the totals.\n"
        "With --fractions, read saved censuses (their resume files) and print the\n"
        "spurious fraction of each against d for each k - d, and each spurious\n"
        "family's share.\n"
        "\n"
        "  -k, --k=K            neurons (required)\n"
        "  -d, --d=D            input dimension (default: K, or the target's columns)\n"
        "  -n, --runs=N         number of runs (default 10)\n"
        "  -s, --seed=S         census seed; run i uses the stream (S, i) (default 1)\n"
        "  -t, --target=FILE    target weights V (m x d); default V = I_d\n"
        "  -m, --method=M       gd (step c/k, no line search) or lbfgs (default)\n"
        "      --step=C         gradient-descent step constant c (default 2)\n"
        "      --gtol=TOL       descent stops at |grad L|_F <= TOL (default 1e-8)\n"
        "      --maxiter=N      descent iteration limit (default 100000)\n"
        "      --dense          polish and classify every end point with the dense\n"
        "                       kd x kd Hessian (default: the symmetric route,\n"
        "                       no kd x kd matrix, at points with Young-type isotropy)\n"
        "  -j, --threads=T      parallel runs (default: all cores); results do not\n"
        "                       depend on T\n"
        "  -r, --resume=FILE    record each finished run in FILE and skip runs\n"
        "                       already recorded there\n"
        "  -c, --catalogue=FILE family catalogue (default: $LANDSCAPE_FAMILIES, the\n"
        "                       build tree's or the installed families.tsv)\n"
        "  -f, --format=FMT     text, tsv, json, latex or markdown (default: from the\n"
        "                       extension of --output, else text on a terminal, tsv)\n"
        "      --save-points=DIR  write the end point W of each run made to DIR/run-N.tsv\n"
        "                       (k rows of d numbers; DIR is created if missing)\n"
        "  -P, --plot=FILE      histogram of the losses (.svg, .pdf, .png); with\n"
        "                       --fractions, the spurious fraction against d\n"
        "      --fractions      aggregate the censuses saved in the RESUME-FILEs\n"
        "                       (written by --resume with the same catalogue)\n"
        "  -D, --digits=N       significant digits of reals (1..17; default: all\n"
        "                       that identify the value, 6 in LaTeX)\n"
        "      --columns=LIST   columns to show, in this order (names of the TSV\n"
        "                       headers, all, default)\n"
        "      --standalone     LaTeX: a complete document, not a fragment\n"
        "      --per-run        LaTeX: also the table of every run (default: the\n"
        "                       summary and totals only)\n"
        "  -o, --output=FILE    write the tables to FILE instead of standard output\n"
        "      --max-memory=SIZE  refuse a census needing more than SIZE (e.g. 8G;\n"
        "                       default: the memory available)\n"
        "      --max-line=BYTES longest line of the target file (default 1048576)\n"
        "      --max-entries=N  most numbers in the target file (default 16777216)\n"
        "  -q, --quiet          no progress on standard error\n"
        "  -h, --help           display this help and exit\n"
        "  -V, --version        output version information and exit\n"
        "\n"
        "Exit status: 0 ok, 1 some runs failed (see their status), 2 usage or input\n"
        "error, 3 system error.  See landscape-census(1).");
}

enum { OPT_STEP = 256, OPT_GTOL, OPT_MAXITER, OPT_VERSION, OPT_MAXMEM,
       OPT_MAXLINE, OPT_MAXENTRIES, OPT_DENSE, OPT_SAVE, OPT_PERRUN,
       OPT_FRACTIONS };


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

void
census_parse_args (census_options *o, int argc, char **argv)
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
  lsc_census_config_init (&o->cf);
  o->runs = 10;
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
      case 'm': o->cf.method = optarg; break;
      case OPT_STEP: o->cf.step = cli_parse_double ("--step", optarg); break;
      case OPT_GTOL: o->cf.gtol = cli_parse_double ("--gtol", optarg); break;
      case OPT_MAXITER:
        o->cf.maxiter = cli_parse_long ("--maxiter", optarg, 1, 1000000000L);
        break;
      case OPT_DENSE: o->dense = 1; break;
      case 'j': o->threads = cli_parse_long ("--threads", optarg, 1, 4096);
        break;
      case 'r': o->resume = optarg; break;
      case 'c': o->catalogue = optarg; break;
      case 'P': o->plot = optarg; break;
      case OPT_SAVE: o->save = optarg; break;
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
  cli_output_resolve (1);
  if (o->plot && lsc_plot_check_path (o->plot) != 0)
    cli_fatal (CLI_EXIT_USAGE, "%s: --plot needs a .svg, .pdf or .png file",
               o->plot);
  if (o->plot && !lsc_plot_available ())
    cli_fatal (CLI_EXIT_USAGE, "--plot: built without cairo");
  check_columns (cli_out.fmt, o->fractions);
  if (o->fractions)
    return;
  if (o->save && !*o->save)
    cli_fatal (CLI_EXIT_USAGE, "invalid argument '' for --save-points: no "
               "directory named");
  char err[512];
  int st = lsc_census_config_sizes (&o->cf, &o->V, (size_t) k, (size_t) d,
                                    cli_io_limits (), err, sizeof err);
  if (st)
    cli_fatal_status (st, "%s", err);
}

