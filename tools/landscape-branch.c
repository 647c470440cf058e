/* landscape-branch: branch switching at the crossings d* of catalogued
   families - the axial Young children, the kind of each bifurcation, both
   halves of every branch followed and classified - as tables, the family
   graph (table or Graphviz DOT) and a branch diagram. */
#define _POSIX_C_SOURCE 200809L
#include <config.h>
#include <getopt.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <gsl/gsl_errno.h>
#include "landscape.h"
#include "cli.h"
#include "branch-out.h"
#include "cli-plot.h"
#include "landscape/lsc_branch_table.h"

static void
usage (void)
{
  printf ("Usage: %s [OPTION]...\n", cli_program_name ());
  puts ("At every crossing d* of the catalogued families (an eigenvalue of "
        "one isotypic\n"
        "component of the Hessian crosses zero), find the kernel, the axial "
        "Young\n"
        "subgroups (equivariant branching lemma), the branch tangent and the "
        "kind\n"
        "(transcritical or pitchfork); step onto each branch on both sides, "
        "follow it,\n"
        "classify it and identify it with the catalogue.\n"
        "\n"
        "  -F, --family=NAME[,NAME]  families to treat (default: all)\n"
        "      --from=D          lower end of the range in d (default 2)\n"
        "      --to=D            upper end of the range in d (default 20)\n"
        "      --amp=A           amplitude of the first point on a branch "
        "(default 0.02)\n"
        "      --max-p=P         largest block split off the large block "
        "(default n/2)\n"
        "      --no-checks       skip the full-Hessian checks and catalogue\n"
        "                        identification at integer d\n"
        "  -g, --graph           print the family graph table instead of the "
        "branches\n"
        "      --dot             print the family graph as Graphviz DOT text\n"
        "  -P, --plot=FILE       branch diagram (.svg, .pdf, .png)\n"
        "  -y, --y=WHAT          diagram ordinate: loss (default) or amp\n"
        "      --log-d           logarithmic d axis in the diagram\n"
        "      --tangent         also print each branch tangent (a second "
        "table)\n"
        "  -c, --catalogue=FILE  family catalogue (default: $LANDSCAPE_FAMILIES, "
        "the\n"
        "                        build tree's or the installed families.tsv)\n"
        "  -f, --format=FMT      text, tsv, json, latex or markdown (default: "
        "from the\n"
        "                        extension of --output, else text on a "
        "terminal, tsv)\n"
        "  -o, --output=FILE     write the tables to FILE instead of standard "
        "output\n"
        "  -q, --quiet           no progress on stderr\n"
        "  -h, --help            display this help and exit\n"
        "  -V, --version         output version information and exit\n"
        "\n"
        "Exit status: 0 if every branch was followed, 1 if some row was not "
        "(its status\n"
        "says why), 2 for usage or input errors, 3 for system errors.");
}

static int
in_list (const char *list, const char *name)
{
  if (!list)
    return 1;
  size_t n = strlen (name);
  for (const char *p = list; *p;)
    {
      const char *e = strchr (p, ',');
      size_t m = e ? (size_t) (e - p) : strlen (p);
      if (m == n && strncmp (p, name, n) == 0)
        return 1;
      p += m + (e != NULL);
    }
  return 0;
}

/* Context of the point callback: diagram curves. */
typedef struct
{
  bdiag *g;
  int want;            /* plot requested */
  int yamp;
  size_t curve[2];     /* curve index per half */
  int color;
} pctx;

static int
point_cb (const lsc_branch_point *pt, int child, int half, void *data)
{
  (void) child;
  pctx *c = data;
  if (!c->want)
    return 0;
  double y = c->yamp ? pt->amp : pt->loss;
  int type = pt->type == LSC_BRANCH_TYPE_MINIMUM ? 1
             : pt->type == LSC_BRANCH_TYPE_SADDLE ? 2 : 0;
  bdiag_add (c->g, c->curve[half], pt->d, y, type);
  if (pt->fold)
    bdiag_mark (c->g, 0, pt->d, y);
  if (pt->integer && pt->family[0] && child >= 0)
    bdiag_mark (c->g, 2, pt->d, y);
  return 0;
}

/* The diagram's hooks: two curves per axial child (one per half), the
   crossing marked at the first point of the first half. */
static void
child_begin (const lsc_family *F, const lsc_branch_child *c, void *data)
{
  pctx *x = data;
  x->color++;
  if (!x->want)
    return;
  char lab[224]; /* bdiag_curve_new keeps the first 95 bytes */
  snprintf (lab, sizeof lab, "%s %s", F->name, c->isotropy);
  x->curve[0] = bdiag_curve_new (x->g, lab, x->color);
  x->curve[1] = bdiag_curve_new (x->g, "", x->color);
  x->g->c[x->curve[1]].label[0] = 0;
}

static void
child_end (const lsc_branch_event *ev, const lsc_branch_half h[2], void *data)
{
  pctx *x = data;
  if (x->want && h[0].npoints)
    bdiag_mark (x->g, 1, ev->dstar, x->yamp ? 0 : x->g->c[x->curve[0]].y[0]);
}

int
main (int argc, char **argv)
{
  cli_init (argv[0]);
  gsl_set_error_handler_off ();
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
  const char *families = NULL, *catpath = NULL, *plot = NULL, *outpath = NULL;
  lsc_branch_options bo;
  lsc_branch_options_init (&bo);
  int graph = 0, dot = 0, quiet = 0, yamp = 0, logd = 0, tangent = 0, opt;
  int fmt_given = 0;
  lsc_table_format fmt = cli_default_format ();
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
      case 'o': outpath = optarg; break;
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
      case 'f': fmt = cli_parse_format ("--format", optarg); fmt_given = 1; break;
      case 'q': quiet = 1; break;
      case 'h': usage (); return cli_finish (CLI_EXIT_OK);
      case 'V': cli_version (); return cli_finish (CLI_EXIT_OK);
      default:
        cli_fatal (CLI_EXIT_SYSTEM, "internal error: option %d", opt);
      }
  if (optind != argc)
    cli_fatal (CLI_EXIT_USAGE, "unexpected argument '%s'", argv[optind]);
  if (!(bo.d_lo >= 1) || !(bo.d_hi > bo.d_lo) || bo.d_hi > 1e6)
    cli_fatal (CLI_EXIT_USAGE, "the range needs 1 <= --from < --to <= 1e6");
  if (!(bo.amp > 0 && bo.amp <= 1))
    cli_fatal (CLI_EXIT_USAGE, "--amp must lie in (0, 1]");
  if (plot && lsc_plot_check_path (plot) != 0)
    cli_fatal (CLI_EXIT_USAGE, "--plot: '%s' must end in .svg, .pdf or .png",
               plot);
  if (plot && !lsc_plot_available ())
    cli_fatal (CLI_EXIT_USAGE, "--plot: built without cairo");
  if (graph && dot)
    cli_fatal (CLI_EXIT_USAGE, "--graph and --dot exclude each other");
  fmt = cli_output_format (dot ? NULL : outpath, fmt, fmt_given);
  char err[512];
  lsc_catalogue *cat = NULL;
  catpath = cli_catalogue_path (catpath);
  if (lsc_catalogue_read_file (&cat, catpath, err, sizeof err))
    cli_fatal (CLI_EXIT_USAGE, "%s", err);
  cli_families (cat, families, catpath, NULL, 0);
  cli_redirect_stdout (outpath);
  int progress = !quiet && isatty (STDERR_FILENO);
  lsc_branch_workspace *w = lsc_branch_workspace_alloc (cat);
  lsc_table_output *o = dot ? NULL : cli_output_open (stdout, fmt, 0);
  if (!w || (!dot && !o))
    cli_fatal (CLI_EXIT_SYSTEM, "out of memory");
  lsc_branch_result res;
  lsc_branch_result_init (&res);
  bdiag g;
  bdiag_init (&g);
  int exit_rc = CLI_EXIT_OK, color = 0;
  for (size_t f = 0; f < cat->n; f++)
    {
      const lsc_family *F = &cat->fam[f];
      if (!in_list (families, F->name))
        continue;
      if (progress)
        fprintf (stderr, "\r%s: %s ...            ", cli_program_name (),
                 F->name);
      pctx pc = { &g, plot != NULL, yamp, { 0, 0 }, color };
      if (plot)
        {
          lsc_branch_half ph[2];
          lsc_branch_options po = bo;
          po.integer_checks = 0;
          pc.curve[0] = bdiag_curve_new (&g, F->name, color);
          pc.curve[1] = bdiag_curve_new (&g, "", color);
          g.c[pc.curve[1]].label[0] = 0;
          lsc_branch_follow_family (ph, &F->G, F->p, F->d, w, &po, point_cb,
                                    &pc);
          /* the downward half runs from d0 down: reverse it */
          bdiag_curve *c0 = &g.c[pc.curve[0]];
          for (size_t i = 0; i < c0->n / 2; i++)
            {
              size_t j = c0->n - 1 - i;
              double td = c0->d[i], ty = c0->y[i];
              int tt = c0->type[i];
              c0->d[i] = c0->d[j], c0->y[i] = c0->y[j], c0->type[i] = c0->type[j];
              c0->d[j] = td, c0->y[j] = ty, c0->type[j] = tt;
            }
        }
      lsc_branch_hooks hk = { point_cb, child_begin, child_end, &pc };
      if (lsc_branch_job (&res, F, &bo, w, &hk))
        cli_fatal (CLI_EXIT_SYSTEM, "out of memory");
      color = pc.color + 1;
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
  if (plot && bdiag_write (&g, plot, yamp ? "amplitude" : "loss", logd, err,
                           sizeof err) != 0)
    {
      cli_error ("%s", err);
      exit_rc = CLI_EXIT_SYSTEM;
    }
  bdiag_free (&g);
  lsc_branch_result_free (&res);
  cli_output_close (o);
  lsc_branch_workspace_free (w);
  lsc_catalogue_free (cat);
  return cli_finish (exit_rc);
}
