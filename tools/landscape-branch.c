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

#define MAXEV 32

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

/* "saddle(2)" etc. for the halves on one side of d*. */
static void
side_text (char *buf, size_t len, const lsc_branch_half *h, int side)
{
  size_t o = 0;
  buf[0] = 0;
  for (int k = 0; k < 2; k++)
    if (h[k].status == 0 && h[k].side == side)
      {
        int w;
        if (h[k].type == LSC_BRANCH_TYPE_UNKNOWN)
          w = snprintf (buf + o, len - o, "%s-", o ? "," : "");
        else
          {
            /* the index exactly (lsc_table_index_text), never %g-rounded */
            char ib[48];
            lsc_table_index_text (ib, sizeof ib, h[k].index, h[k].d1);
            w = snprintf (buf + o, len - o, "%s%s(%s)", o ? "," : "",
                          lsc_branch_type_name (h[k].type), ib);
          }
        if (w > 0 && (size_t) w < len - o)
          o += (size_t) w;
      }
  if (!o)
    snprintf (buf, len, "absent");
}

static int
half_status (const lsc_branch_half *h)
{
  if (h->status)
    return h->status;
  return h->end == LSC_BRANCH_END_FAIL ? h->end_status : LSC_SUCCESS;
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
  if (families)
    for (const char *p = families; *p;)
      {
        const char *e = strchr (p, ',');
        size_t m = e ? (size_t) (e - p) : strlen (p);
        char name[64];
        if (m == 0 || m >= sizeof name)
          cli_fatal (CLI_EXIT_USAGE, "invalid family list '%s'", families);
        memcpy (name, p, m);
        name[m] = 0;
        if (!lsc_catalogue_find (cat, name))
          cli_fatal (CLI_EXIT_USAGE, "no family '%s' in %s", name, catpath);
        p += m + (e != NULL);
      }
  cli_redirect_stdout (outpath);
  int progress = !quiet && isatty (STDERR_FILENO);
  lsc_branch_workspace *w = lsc_branch_workspace_alloc (cat);
  lsc_branch_event *ev = malloc (MAXEV * sizeof *ev);
  lsc_branch_child *ch = malloc (LSC_BRANCH_MAXCHILD * sizeof *ch);
  lsc_table_output *o = dot ? NULL : cli_output_open (stdout, fmt, 0);
  if (!w || !ev || !ch || (!dot && !o))
    cli_fatal (CLI_EXIT_SYSTEM, "out of memory");
  static const lsc_table_column cols[] = {
    { "parent", LSC_TABLE_STRING },    { "d_star", LSC_TABLE_REAL },
    { "component", LSC_TABLE_STRING }, { "inner", LSC_TABLE_INT },
    { "kind", LSC_TABLE_STRING },      { "theory", LSC_TABLE_STRING },
    { "child", LSC_TABLE_STRING },     { "split", LSC_TABLE_STRING },
    { "below", LSC_TABLE_STRING },     { "above", LSC_TABLE_STRING },
    { "end_below", LSC_TABLE_STRING }, { "end_above", LSC_TABLE_STRING },
    { "meets", LSC_TABLE_STRING },     { "checks", LSC_TABLE_STRING },
    { "status", LSC_TABLE_STATUS } };
  static const lsc_table_column gcols[] = {
    { "from", LSC_TABLE_STRING }, { "to", LSC_TABLE_STRING },
    { "d", LSC_TABLE_REAL },      { "relation", LSC_TABLE_STRING } };
  lsc_table *t = NULL;
  if (o && graph)
    t = lsc_table_begin (o, "graph", gcols, 4);
  else if (o)
    t = lsc_table_begin_captioned (
        o, "branches",
        "Branches born at the crossings $d^*$ of each family: the crossing "
        "component, the kind of bifurcation (from the quadratic coefficient; "
        "theory: from the symmetry), the child's isotropy (an axial Young "
        "subgroup), its type (Morse index) just below and above $d^*$, how "
        "each half ends, the catalogue families it meets at integer $d$, and "
        "the integer-$d$ points whose full-Hessian inertia agrees with the "
        "isotypic one.", cols, sizeof cols / sizeof cols[0]);
  bgraph_edge *edges = NULL;
  size_t nedges = 0;
  typedef struct { char parent[64], child[160]; double dstar, v; size_t i; }
    trow;
  trow *trows = NULL;
  size_t ntrows = 0;
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
      size_t nev = 0;
      int st = lsc_branch_events (ev, &nev, MAXEV, &F->G, F->p, F->d,
                                  bo.d_lo, bo.d_hi);
      if (st && t && !graph)
        {
          lsc_table_cell_string (t, F->name);
          for (size_t i = 1; i < sizeof cols / sizeof cols[0] - 1; i++)
            lsc_table_cell_empty (t);
          lsc_table_cell_status (t, st);
          lsc_table_row_end (t);
          exit_rc = CLI_EXIT_NOCONV;
        }
      for (size_t e = 0; e < nev; e++)
        {
          size_t nch = 0;
          if (ev[e].status == 0 || ev[e].status == LSC_EPREC)
            st = lsc_branch_analyse (ch, &nch, LSC_BRANCH_MAXCHILD, &F->G,
                                     ev[e].pstar, ev[e].dstar, &bo);
          else
            st = ev[e].status;
          size_t nax = 0;
          for (size_t c = 0; !st && c < nch; c++)
            {
              if (!ch[c].axial)
                continue;
              nax++;
              lsc_branch_half h[2];
              color++;
              if (plot)
                {
                  char lab[96];
                  snprintf (lab, sizeof lab, "%s %s", F->name,
                            ch[c].isotropy);
                  pc.curve[0] = bdiag_curve_new (&g, lab, color);
                  pc.curve[1] = bdiag_curve_new (&g, "", color);
                  g.c[pc.curve[1]].label[0] = 0;
                  /* the crossing marker at the parent's point */
                }
              int fs = lsc_branch_follow_child (h, &ch[c], (int) c, &F->G,
                                                ev[e].pstar, ev[e].dstar, w,
                                                &bo, point_cb, &pc);
              if (plot && h[0].npoints)
                bdiag_mark (&g, 1, ev[e].dstar,
                            yamp ? 0 : g.c[pc.curve[0]].y[0]);
              int rs = fs ? fs : half_status (&h[0]);
              if (!rs)
                rs = half_status (&h[1]);
              if (rs)
                exit_rc = CLI_EXIT_NOCONV;
              char meets[160] = "";
              for (int k = 0; k < 2; k++)
                if (h[k].family[0])
                  {
                    size_t l = strlen (meets);
                    snprintf (meets + l, sizeof meets - l, "%s%s@%.0f",
                              l ? "," : "", h[k].family, h[k].family_d);
                  }
              char dst[32];
              snprintf (dst, sizeof dst, "%.17g", ev[e].dstar);
              /* graph: parent -> child branch (born at d*), child branch
                 -> each catalogue family it meets (at integer d) */
              char node[192];
              snprintf (node, sizeof node, "%s %s (d* = %.6g)", F->name,
                        ch[c].isotropy, ev[e].dstar);
              for (int k = -1; k < 2; k++)
                {
                  if (k >= 0 && !h[k].family[0])
                    continue;
                  bgraph_edge E;
                  if (k < 0)
                    {
                      snprintf (E.parent, sizeof E.parent, "%s", F->name);
                      snprintf (E.child, sizeof E.child, "%s", node);
                      snprintf (E.kind, sizeof E.kind, "%s",
                                lsc_branch_kind_name (ch[c].ki.kind));
                      snprintf (E.dstar, sizeof E.dstar, "%.6g",
                                ev[e].dstar);
                    }
                  else
                    {
                      snprintf (E.parent, sizeof E.parent, "%s", node);
                      snprintf (E.child, sizeof E.child, "%s", h[k].family);
                      snprintf (E.kind, sizeof E.kind, "meets");
                      snprintf (E.dstar, sizeof E.dstar, "%.6g",
                                h[k].family_d);
                    }
                  bgraph_edge *ne = realloc (edges,
                                             (nedges + 1) * sizeof *edges);
                  if (!ne)
                    cli_fatal (CLI_EXIT_SYSTEM, "out of memory");
                  edges = ne;
                  edges[nedges++] = E;
                  if (t && graph)
                    {
                      lsc_table_cell_string (t, E.parent);
                      lsc_table_cell_string (t, E.child);
                      lsc_table_cell_real (t, k < 0 ? ev[e].dstar : h[k].family_d);
                      lsc_table_cell_string (t, E.kind);
                      lsc_table_row_end (t);
                    }
                }
              for (size_t i = 0; tangent && i < lsc_young_nparams (&ch[c].H);
                   i++)
                {
                  trow *nt = realloc (trows, (ntrows + 1) * sizeof *trows);
                  if (!nt)
                    cli_fatal (CLI_EXIT_SYSTEM, "out of memory");
                  trows = nt;
                  trow *r = &trows[ntrows++];
                  snprintf (r->parent, sizeof r->parent, "%s", F->name);
                  snprintf (r->child, sizeof r->child, "%s", ch[c].isotropy);
                  r->dstar = ev[e].dstar;
                  r->i = i;
                  r->v = ch[c].tangent[i];
                }
              if (!t || graph)
                continue;
              char below[128], above[128], chk[32];
              side_text (below, sizeof below, h, -1);
              side_text (above, sizeof above, h, 1);
              lsc_table_cell_string (t, F->name);
              lsc_table_cell_real (t, ev[e].dstar);
              lsc_table_cell_string (t, lsc_irrep_name (ev[e].irrep));
              lsc_table_cell_int (t, (long long) ev[e].inner);
              lsc_table_cell_string (t, lsc_branch_kind_name (ch[c].ki.kind));
              lsc_table_cell_string (t, lsc_branch_kind_name (ch[c].theory_kind));
              lsc_table_cell_string (t, ch[c].isotropy);
              lsc_table_cell_string (t, ch[c].split);
              lsc_table_cell_string (t, below);
              lsc_table_cell_string (t, above);
              /* end of the half below (side -1) and above */
              char eb[48] = "-", ea[48] = "-";
              for (int k = 0; k < 2; k++)
                if (h[k].status == 0)
                  snprintf (h[k].side < 0 ? eb : ea, sizeof eb, "%s@%.6g",
                            lsc_branch_end_name (h[k].end), h[k].d_end);
              lsc_table_cell_string (t, eb);
              lsc_table_cell_string (t, ea);
              lsc_table_cell_string (t, meets[0] ? meets : "-");
              snprintf (chk, sizeof chk, "%zu/%zu",
                        h[0].nint_agree + h[1].nint_agree,
                        h[0].nint + h[1].nint);
              lsc_table_cell_string (t, chk);
              lsc_table_cell_status (t, rs);
              lsc_table_row_end (t);
            }
          if ((st || nax == 0) && t && !graph)
            {
              lsc_table_cell_string (t, F->name);
              if (isfinite (ev[e].dstar))
                lsc_table_cell_real (t, ev[e].dstar);
              else
                lsc_table_cell_empty (t);
              lsc_table_cell_string (t, lsc_irrep_name (ev[e].irrep));
              lsc_table_cell_int (t, (long long) ev[e].inner);
              lsc_table_cell_string (t, "none");
              lsc_table_cell_empty (t);
              lsc_table_cell_string (t, "-");
              lsc_table_cell_string (t, st ? "-" : "no candidate Young subgroup "
                               "fixes a kernel line: the axial subgroups are "
                               "not of Young type (not followed)");
              for (int i = 0; i < 6; i++)
                lsc_table_cell_empty (t);
              lsc_table_cell_status (t, st);
              lsc_table_row_end (t);
              if (st)
                exit_rc = CLI_EXIT_NOCONV;
            }
        }
      color++;
    }
  if (t)
    lsc_table_end (t);
  if (o && tangent)
    {
      static const lsc_table_column tc[] = {
        { "parent", LSC_TABLE_STRING }, { "d_star", LSC_TABLE_REAL },
        { "child", LSC_TABLE_STRING },  { "index", LSC_TABLE_INT },
        { "tangent", LSC_TABLE_REAL } };
      lsc_table *tt = lsc_table_begin (o, "tangents", tc, 5);
      for (size_t r = 0; r < ntrows; r++)
        {
          lsc_table_cell_string (tt, trows[r].parent);
          lsc_table_cell_real (tt, trows[r].dstar);
          lsc_table_cell_string (tt, trows[r].child);
          lsc_table_cell_int (tt, (long long) trows[r].i);
          lsc_table_cell_real (tt, trows[r].v);
          lsc_table_row_end (tt);
        }
      lsc_table_end (tt);
    }
  free (trows);
  if (dot)
    bgraph_dot (stdout, edges, nedges);
  if (progress)
    fputc ('\n', stderr);
  if (plot && bdiag_write (&g, plot, yamp ? "amplitude" : "loss", logd, err,
                           sizeof err) != 0)
    {
      cli_error ("%s", err);
      exit_rc = CLI_EXIT_SYSTEM;
    }
  bdiag_free (&g);
  free (edges);
  free (ev);
  free (ch);
  cli_output_close (o);
  lsc_branch_workspace_free (w);
  lsc_catalogue_free (cat);
  return cli_finish (exit_rc);
}
