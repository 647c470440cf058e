/* landscape-branch: branch switching at the crossings d* of catalogued
   families - the axial Young children, the kind of each bifurcation, both
   halves of every branch followed and classified - as tables, the family
   graph (table or Graphviz DOT) and a branch diagram. */
#define _POSIX_C_SOURCE 200809L
#include <config.h>
#include <errno.h>
#include <getopt.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <gsl/gsl_errno.h>
#include "landscape.h"
#include "cli.h"
#include "cli-atomic.h"
#include "cli-plot.h"
#include "landscape/lsc_branch_table.h"

static void
usage (void)
{
  printf ("Usage: %s [OPTION]...\n", cli_program_name ());
  puts ("At every crossing d* of the catalogued families (an eigenvalue of one isotypic\n"
        "component of the Hessian crosses zero), find the kernel, the axial Young\n"
        "subgroups (equivariant branching lemma), the branch tangent and the kind\n"
        "(transcritical or pitchfork); step onto each branch on both sides, follow it,\n"
        "classify it and identify it with the catalogue.\n"
        "\n"
        "  -F, --family=NAME[,NAME]  families to treat (default: all)\n"
        "      --from=D          lower end of the range in d (default 2)\n"
        "      --to=D            upper end of the range in d (default 20)\n"
        "      --amp=A           amplitude of the first point on a branch (default 0.02)\n"
        "      --max-p=P         largest block split off the large block (default n/2)\n"
        "      --no-checks       skip the full-Hessian checks and catalogue\n"
        "                        identification at integer d\n"
        "  -g, --graph           print the family graph table instead of the branches\n"
        "      --dot             print the family graph as Graphviz DOT text\n"
        "  -P, --plot=FILE       branch diagram (.svg, .pdf, .png)\n"
        "  -y, --y=WHAT          diagram ordinate: loss (default) or amp\n"
        "      --log-d           logarithmic d axis in the diagram\n"
        "      --tangent         also print each branch tangent (a second table)\n"
        "  -c, --catalogue=FILE  family catalogue (default: $LANDSCAPE_FAMILIES, the\n"
        "                        build tree's or the installed families.tsv)\n"
        "  -f, --format=FMT      text, tsv, json, latex or markdown (default: from the\n"
        "                        extension of --output, else text on a terminal, tsv)\n"
        "  -o, --output=FILE     write the tables to FILE instead of standard output\n"
        "  -q, --quiet           no progress on stderr\n"
        "  -h, --help            display this help and exit\n"
        "  -V, --version         output version information and exit\n"
        "\n"
        "Exit status: 0 if every branch was followed, 1 if some row was not (its status\n"
        "says why), 2 for usage or input errors, 3 for system errors.");
}

int
main (int argc, char **argv)
{
  cli_start (argv[0], usage);
  enum { OPT_FROM = 256, OPT_AMP, OPT_MAXP, OPT_NOCHECK, OPT_DOT, OPT_LOGD,
         OPT_TANGENT, OPT_TO };
  static const struct option longopts[] = {
    { "family", required_argument, NULL, 'F' },
    { "from", required_argument, NULL, OPT_FROM },
    { "to", required_argument, NULL, OPT_TO },
    { "amp", required_argument, NULL, OPT_AMP },
    { "max-p", required_argument, NULL, OPT_MAXP },
    { "no-checks", no_argument, NULL, OPT_NOCHECK },
    { "graph", no_argument, NULL, 'g' },
    { "dot", no_argument, NULL, OPT_DOT },
    { "plot", required_argument, NULL, 'P' },
    { "output", required_argument, NULL, 'o' },
    { "y", required_argument, NULL, 'y' },
    { "log-d", no_argument, NULL, OPT_LOGD },
    { "tangent", no_argument, NULL, OPT_TANGENT },
    { "catalogue", required_argument, NULL, 'c' },
    { "format", required_argument, NULL, 'f' },
    { "quiet", no_argument, NULL, 'q' },
    { "help", no_argument, NULL, 'h' },
    { "version", no_argument, NULL, 'V' },
    { NULL, 0, NULL, 0 } };
  const char *families = NULL, *catpath = NULL, *plot = NULL;
  lsc_branch_options bo;
  lsc_branch_options_init (&bo);
  int graph = 0, dot = 0, quiet = 0, yamp = 0, logd = 0, tangent = 0, opt;
  while ((opt = cli_getopt (argc, argv, "F:gP:y:c:f:o:qhV", longopts)) != -1)
    switch (opt)
      {
      case 'F': families = optarg; break;
      case OPT_FROM: bo.d_lo = cli_parse_double ("--from", optarg); break;
      case OPT_TO: bo.d_hi = cli_parse_double ("--to", optarg); break;
      case OPT_AMP: bo.amp = cli_parse_double ("--amp", optarg); break;
      case OPT_MAXP:
        bo.pmax = (size_t) cli_parse_long ("--max-p", optarg, 1, 64);
        break;
      case OPT_NOCHECK: bo.integer_checks = 0; break;
      case 'g': graph = 1; break;
      case OPT_DOT: dot = 1; break;
      case 'P': plot = optarg; break;
      case 'y':
        if (strcmp (optarg, "loss") == 0)
          yamp = 0;
        else if (strcmp (optarg, "amp") == 0)
          yamp = 1;
        else
          cli_fatal (CLI_EXIT_USAGE, "invalid argument '%s' for --y: loss "
                     "or amp", optarg);
        break;
      case OPT_LOGD: logd = 1; break;
      case OPT_TANGENT: tangent = 1; break;
      case 'c': catpath = optarg; break;
      case 'q': quiet = 1; break;
      default:
        cli_fatal (CLI_EXIT_SYSTEM, "internal error: option %d", opt);
      }
  if (optind != argc)
    cli_fatal (CLI_EXIT_USAGE, "unexpected argument '%s'", argv[optind]);
  char err[512];
  if (lsc_branch_options_check (&bo, err, sizeof err))
    cli_fatal (CLI_EXIT_USAGE, "%s", err);
  if (plot && lsc_plot_check_path (plot) != 0)
    cli_fatal (CLI_EXIT_USAGE, "--plot: '%s' must end in .svg, .pdf or .png",
               plot);
  if (plot && !lsc_plot_available ())
    cli_fatal (CLI_EXIT_USAGE, "--plot: built without cairo");
  if (graph && dot)
    cli_fatal (CLI_EXIT_USAGE, "--graph and --dot exclude each other");
  cli_output_resolve (!dot);
  lsc_catalogue *cat = NULL;
  catpath = cli_catalogue_path (catpath);
  int cst = lsc_catalogue_read_file (&cat, catpath, err, sizeof err);
  if (cst)
    cli_fatal_status (cst, "%s", err);
  cli_families (cat, families, catpath, NULL, 0);
  cli_redirect_stdout (cli_out.path);
  /* the diagram is written to a temporary renamed at the end */
  FILE *pf = plot ? cli_atomic_open (plot) : NULL;
  if (plot && !pf)
    cli_fatal (CLI_EXIT_USAGE, "cannot write the plot file %s: %s", plot,
               strerror (errno));
  int progress = !quiet && isatty (STDERR_FILENO);
  lsc_branch_workspace *w = lsc_branch_workspace_alloc (cat);
  lsc_table_output *o = dot ? NULL : cli_output_start (0);
  if (!w || (!dot && !o))
    cli_fatal (CLI_EXIT_SYSTEM, "out of memory");
  lsc_branch_result res;
  lsc_branch_result_init (&res);
  lsc_branch_diagram *g = plot ? lsc_branch_diagram_alloc (yamp) : NULL;
  if (plot && !g)
    cli_fatal (CLI_EXIT_SYSTEM, "out of memory");
  int exit_rc = CLI_EXIT_OK;
  for (size_t f = 0; f < cat->n; f++)
    {
      const lsc_family *F = &cat->fam[f];
      if (!lsc_catalogue_selected (families, F->name))
        continue;
      if (progress)
        fprintf (stderr, "\r%s: %s ...            ", cli_program_name (),
                 F->name);
      lsc_branch_hooks hk;
      if ((g && lsc_branch_diagram_family (g, &hk, F, &bo, w))
          || lsc_branch_job (&res, F, &bo, w, g ? &hk : NULL))
        cli_fatal (CLI_EXIT_SYSTEM, "out of memory");
    }
  for (size_t i = 0; i < res.nrows; i++)
    if (res.rows[i].status)
      exit_rc = CLI_EXIT_NOCONV;
  if (o)
    lsc_branch_table_write (o, &res, graph, tangent);
  if (dot)
    lsc_branch_dot (stdout, &res);
  if (progress)
    fputc ('\n', stderr);
  const lsc_plot_panel *pp;
  if (g && lsc_branch_diagram_panel (&pp, g, logd))
    cli_fatal (CLI_EXIT_SYSTEM, "out of memory");
  if (g && cli_plot_write (pf, plot, pp, 1, 1, err, sizeof err))
    cli_atomic_discard (pf);
  else if (g && cli_atomic_commit (pf))
    snprintf (err, sizeof err, "%s: %s", plot, strerror (errno));
  else
    err[0] = 0;
  if (g && err[0])
    {
      cli_error ("%s", err);
      exit_rc = CLI_EXIT_SYSTEM;
    }
  lsc_branch_diagram_free (g);
  lsc_branch_result_free (&res);
  cli_output_close (o);
  lsc_branch_workspace_free (w);
  lsc_catalogue_free (cat);
  return cli_finish (exit_rc);
}
