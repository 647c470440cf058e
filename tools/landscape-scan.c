/* landscape-scan: every catalogue family at the requested dimensions -
   critical point, loss, type, Morse index, isotypic Hessian spectrum - as
   tables for papers and plots. */
#define _POSIX_C_SOURCE 200809L
#include <config.h>
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <math.h>
#include <unistd.h>
#include <gsl/gsl_errno.h>
#include "landscape.h"
#include "landscape/lsc_families.h"
#include "cli.h"
#include "cli-atomic.h"
#include "cli-plot.h"
#include "landscape/lsc_scan_table.h"

static void
usage (void)
{
  printf ("Usage: %s [OPTION]...\n", cli_program_name ());
  puts ("For every catalogue family of critical points of the two-layer ReLU loss that\n"
        "exists at the requested dimension: the critical point continued in d from the\n"
        "catalogue, its loss, gradient residual, type and Morse index, and the distinct\n"
        "Hessian eigenvalues with multiplicities by isotypic component.\n"
        "\n"
        "  -d, --d=SPEC         dimension: D (real), A:B:STEP, or A:B:logN (N points\n"
        "                       per decade); default 20\n"
        "  -k, --k=K            neurons: a number, d or d+N (default d)\n"
        "  -F, --family=NAMES   only these families (comma-separated)\n"
        "  -c, --catalogue=FILE family catalogue (default: $LANDSCAPE_FAMILIES, the\n"
        "                       build tree's or the installed families.tsv)\n"
        "  -l, --long           one summary and one spectrum table for all d (tidy rows)\n"
        "      --full           check against the full Hessian at integer d\n"
        "      --fast           double-precision point and spectrum only (no MPFR\n"
        "                       refinement; error ~ d eps of the largest eigenvalue)\n"
        "      --tol=TOL        zero tolerance of eigenvalues, relative to\n"
        "                       max(1, max|eigenvalue|) (default 1e-8)\n"
        "  -f, --format=FMT     text, tsv, json, latex or markdown (default: from the\n"
        "                       extension of --output, else text on a terminal, tsv)\n"
        "  -D, --digits=N       significant digits of reals (1..17, more with --prec;\n"
        "                       default: all that identify the value)\n"
        "  -p, --prec=BITS      refine the point and compute loss and spectrum in MPFR\n"
        "                       at BITS bits (53..100000), printed as decimals\n"
        "  -P, --plot=FILE      also plot to FILE (.svg, .pdf or .png)\n"
        "  -o, --output=FILE    write the tables to FILE instead of standard output\n"
        "  -q, --quiet          no progress report on standard error\n"
        "      --prove          add the column proved: the point and its Morse index\n"
        "                       proved in ball arithmetic (landscape-certify)\n"
        "      --columns=LIST   columns to show, in this order (names of the TSV\n"
        "                       header, all, default); LaTeX default: family,\n"
        "                       isotropy, type, index, loss, min_eig, dstar\n"
        "      --standalone     LaTeX: a complete document, not a fragment\n"
        "      --poly           multiplicities as polynomials in d\n"
        "      --size=WxH       plot size, e.g. 8.5cmx6cm, 17cm, 3.3in (default:\n"
        "                       8.5 cm wide for one panel, 17 cm for more)\n"
        "      --font-size=PT   plot font size in points (default 8)\n"
        "      --dpi=N          PNG resolution (default 300)\n"
        "      --symlog[=C]     eigenvalue axes in signed log, linear within C\n"
        "                       (default 1e-3)\n"
        "      --plot-data=FILE also write the plotted points as TSV (pgfplots)\n"
        "  -h, --help           display this help and exit\n"
        "  -V, --version        output version information and exit\n"
        "\n"
        "Exit status: 0 ok, 1 some rows failed (see their status), 2 usage or input\n"
        "error, 3 system error.  See landscape-scan(1) and landscape-formats(5).");
}

/* Library error hook: the tool reports statuses in rows, not messages. */
static void
hook (const char *reason, const char *file, int line, int status)
{
  (void) reason; (void) file; (void) line; (void) status;
}

/* k as requested: a fixed number, d or d+N. */
static lsc_scan_k
parse_k (const char *arg)
{
  lsc_scan_k k;
  lsc_scan_k_init (&k);
  if (strcmp (arg, "d") == 0)
    return k;
  if (strncmp (arg, "d+", 2) == 0)
    {
      k.value = (double) cli_parse_long ("--k", arg + 2, 0, 1000);
      return k;
    }
  k.relative = 0;
  k.value = cli_parse_double ("--k", arg);
  if (!(k.value >= 1))
    cli_fatal (CLI_EXIT_USAGE, "invalid argument '%s' for --k: must be at "
               "least 1 (or d, d+N)", arg);
  return k;
}

static double
positive (const char *opt, const char *s, const char *what)
{
  double v = cli_parse_double (opt, s);
  if (!(v > 0))
    cli_fatal (CLI_EXIT_USAGE, "invalid argument '%s' for %s: %s must be "
               "positive", s, opt, what);
  return v;
}

/* Parse D, A:B:STEP or A:B:logN (N points per decade) into the grid of
   lsc_grid (malloc'd); exits 2 with a message naming opt on bad input. */
static double *
parse_range (size_t *n, const char *opt, const char *spec)
{
  char *s = strdup (spec), *c1, *c2 = NULL;
  if (!s)
    cli_fatal (CLI_EXIT_SYSTEM, "out of memory");
  double a, b, step = 0;
  long perdec = 0;
  if ((c1 = strchr (s, ':')))
    {
      *c1++ = '\0';
      c2 = strchr (c1, ':');
      if (!c2 || strchr (c2 + 1, ':'))
        cli_fatal (CLI_EXIT_USAGE, "invalid argument '%s' for %s: expected "
                   "D, A:B:STEP or A:B:logN", spec, opt);
      *c2++ = '\0';
    }
  a = positive (opt, s, c1 ? "the start" : "the dimension");
  b = c1 ? positive (opt, c1, "the end") : a;
  if (b < a)
    cli_fatal (CLI_EXIT_USAGE, "invalid argument '%s' for %s: the end is "
               "below the start", spec, opt);
  if (c2 && strncmp (c2, "log", 3) == 0)
    perdec = cli_parse_long (opt, c2 + 3, 1, 1000);
  else if (c2)
    step = positive (opt, c2, "the step");
  double *v;
  int st = lsc_grid (&v, n, a, b, c1 ? step : 1, perdec);
  if (st == LSC_ELIMIT)
    cli_fatal (CLI_EXIT_USAGE, "invalid argument '%s' for %s: more than %d "
               "points", spec, opt, LSC_GRID_MAX);
  if (st)
    cli_fatal_status (st, "%s: %s", opt, lsc_strerror (st));
  free (s);
  return v;
}

/* Progress on standard error (a terminal only). */
static void
progress (const lsc_family *f, size_t i, size_t n, void *data)
{
  (void) data;
  fprintf (stderr, "\r%s: family %s (%zu of %zu)\033[K",
           cli_program_name (), f->name, i + 1, n);
}

int
main (int argc, char **argv)
{
  static const struct option longopts[] = {
    { "d", required_argument, NULL, 'd' },
    { "k", required_argument, NULL, 'k' },
    { "family", required_argument, NULL, 'F' },
    { "catalogue", required_argument, NULL, 'c' },
    { "long", no_argument, NULL, 'l' },
    { "full", no_argument, NULL, 'U' },
    { "fast", no_argument, NULL, 'X' },
    { "tol", required_argument, NULL, 'T' },
    { "format", required_argument, NULL, 'f' },
    { "digits", required_argument, NULL, 'D' },
    { "prec", required_argument, NULL, 'p' },
    { "plot", required_argument, NULL, 'P' },
    { "output", required_argument, NULL, 'o' },
    { "quiet", no_argument, NULL, 'q' },
    { "prove", no_argument, NULL, 'R' },
    { "help", no_argument, NULL, 'h' },
    { "version", no_argument, NULL, 'V' },
    { "poly", no_argument, NULL, 0x2200 },
    CLI_TABLE_LONGOPTS, CLI_PLOT_LONGOPTS,
    { NULL, 0, NULL, 0 }
  };
  const char *dspec = "20", *families = NULL, *catpath = NULL;
  const char *plotpath = NULL;
  lsc_scan_k ks;
  lsc_scan_opts so;
  lsc_scan_table_opts to;
  lsc_scan_table_opts_init (&to);
  int longfmt = 0, quiet = 0, c;
  long digits = 0, prec = 0;

  cli_start (argv[0], usage);
  lsc_set_error_handler (hook);
  lsc_scan_k_init (&ks);
  lsc_scan_opts_init (&so);
  while ((c = cli_getopt (argc, argv, "d:k:F:c:lf:D:p:P:o:qhV", longopts))
         != -1)
    switch (c)
      {
      case 'd': dspec = optarg; break;
      case 'k': ks = parse_k (optarg); break;
      case 'F': families = optarg; break;
      case 'c': catpath = optarg; break;
      case 'l': longfmt = 1; break;
      case 'U': so.full = 1; break;
      case 'X': so.fast = 1; break;
      case 'T': so.ztol = cli_parse_double ("--tol", optarg); break;
      case 'D': digits = cli_parse_long ("--digits", optarg, 1, 30000);
        break;
      case 'p': prec = cli_parse_long ("--prec", optarg, 53, 100000); break;
      case 'P': plotpath = optarg; break;
      case 'q': quiet = 1; break;
      case 'R': to.prove = 1; break;
      case 0x2200: to.poly = 1; break;
      case CLI_PLOT_OPT_SIZE: case CLI_PLOT_OPT_FONT: case CLI_PLOT_OPT_DPI:
      case CLI_PLOT_OPT_SYMLOG: case CLI_PLOT_OPT_DATA:
        cli_plot_option (c, optarg);
        break;
      default:
        cli_fatal (CLI_EXIT_SYSTEM, "internal error: option %d", c);
      }
  if (optind < argc)
    cli_fatal (CLI_EXIT_USAGE, "extra operand '%s' (try --help)",
               argv[optind]);
  so.prec = prec;
  so.digits = (int) digits;
  char err[512];
  if (lsc_scan_opts_check (&so, err, sizeof err))
    cli_fatal (CLI_EXIT_USAGE, "%s", err);
  size_t nd = 0;
  /* static: still reachable when an error exits (cli_fatal) below */
  static double *dv;
  dv = parse_range (&nd, "--d", dspec);
  if (plotpath && lsc_plot_check_path (plotpath) != 0)
    cli_fatal (CLI_EXIT_USAGE, "invalid argument '%s' for --plot: the file "
               "name must end in .svg, .pdf or .png", plotpath);
  if (plotpath && !lsc_plot_available ())
    cli_fatal (CLI_EXIT_USAGE, "--plot: this build has no cairo (install "
               "libcairo2-dev and reconfigure)");

  /* ---- catalogue and the (family, d) pairs ---- */
  static lsc_catalogue *cat;
  catpath = cli_catalogue_path (catpath);
  int rc = lsc_catalogue_read_file (&cat, catpath, err, sizeof err);
  if (rc)
    cli_fatal_status (rc, "%s", err[0] ? err : lsc_strerror (rc));
  /* static: still reachable when an error exits (cli_fatal) below */
  static const char **names;
  size_t nnames = cli_families (cat, families, catpath, NULL, 0);
  if (families)
    {
      static const lsc_family **sel;
      sel = cli_xmalloc (nnames * sizeof *sel);
      names = cli_xmalloc (nnames * sizeof *names);
      cli_families (cat, families, catpath, sel, nnames);
      for (size_t i = 0; i < nnames; i++)
        names[i] = sel[i]->name;
      free (sel);
    }
  /* Output files are opened before the work, so that a bad name fails
     at once. */
  /* Both are written to a temporary renamed at the end (cli_atomic), so a
     failure never leaves a half-written file in place of a good one. */
  FILE *plotf = NULL;
  if (plotpath && !(plotf = cli_atomic_open (plotpath)))
    cli_fatal (CLI_EXIT_USAGE, "cannot write the plot file %s: %s", plotpath,
               strerror (errno));
  cli_redirect_stdout (cli_out.path);
  lsc_table_format fmt = cli_output_resolve (1);
  size_t ns, np, nm;
  const lsc_table_pcolumn *sc = lsc_scan_table_columns (0, &ns),
                          *pc = lsc_scan_table_columns (1, &np),
                          *mc = lsc_scan_table_columns (2, &nm);
  cli_table_check (fmt, 3, sc, ns, pc, np, mc, nm);
  if (cli_plot_options.data && !plotpath)
    cli_fatal (CLI_EXIT_USAGE, "--plot-data needs --plot");

  /* ---- computation ---- */
  int progress_on = !quiet && isatty (STDERR_FILENO)
    && (nd > 1 || !names || nnames > 1);
  lsc_scan_set *sf = NULL;
  size_t nf = 0;
  rc = lsc_scan_catalogue (&sf, &nf, cat, (const char *const *) names,
                           nnames, dv, nd, &ks, &so,
                           progress_on ? progress : NULL, NULL);
  if (progress_on)
    fprintf (stderr, "\r\033[K");
  if (rc == LSC_EDOM)
    cli_fatal (CLI_EXIT_USAGE, "no %s family exists at --d %s with --k %s",
               families ? "selected" : "catalogue", dspec,
               ks.relative ? (ks.value ? "d+N" : "d") : "as given");
  if (rc)
    cli_fatal_status (rc, "%s", lsc_strerror (rc));

  /* ---- output ---- */
  lsc_table_output *o = cli_output_start ((int) digits);
  to.longfmt = longfmt;
  size_t nbad = 0;
  lsc_scan_table_write (o, sf, nf, dv, nd, &so, &to, &nbad);
  int status = nbad ? CLI_EXIT_NOCONV : CLI_EXIT_OK;
  cli_output_close (o);
  if (plotf)
    {
      lsc_scan_figure fig;
      int pr = lsc_scan_figure_build (&fig, sf, nf, nd,
                                      strstr (dspec, ":log") != NULL,
                                      cli_plot_options.symlog, &so);
      if (pr)
        snprintf (err, sizeof err, "out of memory");
      else
        pr = cli_plot_write (plotf, plotpath, fig.panel, fig.npanels,
                             fig.ncols, err, sizeof err);
      lsc_scan_figure_free (&fig);
      if (pr == 0 && cli_atomic_commit (plotf) != 0)
        {
          snprintf (err, sizeof err, "%s: %s", plotpath, strerror (errno));
          pr = -1;
        }
      else if (pr)
        cli_atomic_discard (plotf);
      if (pr)
        {
          cli_error ("%s", err);
          status = CLI_EXIT_SYSTEM;
        }
    }
  lsc_scan_sets_free (sf, nf);
  free (names);
  free (dv);
  lsc_catalogue_free (cat);
  return cli_finish (status);
}
