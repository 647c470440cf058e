/* landscape-follow: continue a catalogued family of critical points in real
   dimension d (pseudo-arclength, fold detection) and print the branch. */
#define _POSIX_C_SOURCE 200809L
#include <config.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <math.h>
#include <gsl/gsl_errno.h>
#include "landscape.h"
#include "cli.h"
#include "landscape/lsc_job_table.h"

static void
usage (void)
{
  printf ("Usage: %s [OPTION]... FAMILY\n"
          "  or:  %s [OPTION]... --weights=FILE\n", cli_program_name (),
          cli_program_name ());
  puts ("Continue the family FAMILY of the catalogue in the real dimension d from its\n"
        "reference point to --to, printing one row per point: d, loss, residual (full\n"
        "gradient norm), d-tangent, fold flag, status, type, Morse index, smallest\n"
        "Hessian eigenvalue with its component, and the parameters.\n"
        "\n"
        "      --to=D            end of the range (required; at least 1)\n"
        "      --from=D          start at D (default: the family's reference d)\n"
        "  -c, --catalogue=FILE  family catalogue (default: $LANDSCAPE_FAMILIES, the\n"
        "                        build tree's or the installed families.tsv)\n"
        "  -w, --weights=FILE    start from the matrix W in FILE (k x d, one neuron per\n"
        "                        row; V = I) instead of a FAMILY: its Young-type\n"
        "                        isotropy is detected and the family through it followed\n"
        "      --tol=TOL         detection tolerance for --weights (default 1e-6)\n"
        "      --max-step=H      largest arclength step (default 2; at least the first\n"
        "                        step, 0.1)\n"
        "      --pass-folds      continue through folds (default: stop at the first)\n"
        "      --past-branch     continue past a branch point where the family's\n"
        "                        isotropy grows (default: stop there, the end of its\n"
        "                        domain)\n"
        "  -f, --format=FMT      text, tsv, json, latex or markdown (default: from the\n"
        "                        extension of --output, else text on a terminal, tsv)\n"
        "  -o, --output=FILE     write the table to FILE instead of standard output\n"
        "  -D, --digits=N        significant digits (default: round-trip)\n"
        "      --max-line=BYTES  longest line of the --weights file (default 1048576)\n"
        "      --max-entries=N   most numbers in the --weights file (default 16777216)\n"
        "      --list            list the catalogue's families and exit\n"
        "      --domains         print the catalogue with its domain column regenerated\n"
        "                        (each family followed both ways to the ends of its\n"
        "                        branch: fold, edge or branch point) and exit\n"
        "  -h, --help            display this help and exit\n"
        "  -V, --version         output version information and exit\n"
        "\n"
        "Exit status: 0 if the branch was followed to D or to its end (fold,\n"
        "degeneration), 1 if the continuation failed (step underflow, singular\n"
        "system, point limit), 2 for usage or input errors, 3 for system errors.");
}

/* The table's row, then progress on a terminal. */
static int
row (const lsc_follow_point *fp, void *data)
{
  lsc_follow_table_row (fp, data);
  if (isatty (STDERR_FILENO))
    fprintf (stderr, "\r%s: point %zu, d = %.6g   ", cli_program_name (),
             lsc_follow_table_rows (data), fp->pt->d);
  return 0;
}

int
main (int argc, char **argv)
{
  cli_start (argv[0], usage);
  enum { OPT_MAXSTEP = 256, OPT_PASS, OPT_DIGITS, OPT_FROM, OPT_TOL,
         OPT_MAXLINE, OPT_MAXENTRIES, OPT_DOMAINS, OPT_PASTBRANCH, OPT_TO,
         OPT_LIST };
  static const struct option longopts[] = {
    { "to", required_argument, NULL, OPT_TO },
    { "output", required_argument, NULL, 'o' },
    { "from", required_argument, NULL, OPT_FROM },
    { "catalogue", required_argument, NULL, 'c' },
    { "weights", required_argument, NULL, 'w' },
    { "tol", required_argument, NULL, OPT_TOL },
    { "max-step", required_argument, NULL, OPT_MAXSTEP },
    { "pass-folds", no_argument, NULL, OPT_PASS },
    { "format", required_argument, NULL, 'f' },
    { "digits", required_argument, NULL, 'D' },
    { "list", no_argument, NULL, OPT_LIST },
    { "max-line", required_argument, NULL, OPT_MAXLINE },
    { "max-entries", required_argument, NULL, OPT_MAXENTRIES },
    { "domains", no_argument, NULL, OPT_DOMAINS },
    { "past-branch", no_argument, NULL, OPT_PASTBRANCH },
    { "help", no_argument, NULL, 'h' },
    { "version", no_argument, NULL, 'V' },
    { NULL, 0, NULL, 0 } };
  double to = NAN, from = NAN;
  const char *catpath = NULL, *wpath = NULL;
  int digits = 0, list = 0, domains = 0, past_branch = 0, opt;
  lsc_follow_opts fo;
  lsc_follow_opts_init (&fo);
  lsc_cont_params *par = &fo.cont;
  while ((opt = cli_getopt (argc, argv, "c:w:f:o:D:hV", longopts)) != -1)
    switch (opt)
      {
      case OPT_TO:
        to = cli_parse_double ("--to", optarg);
        if (!(to >= 1))
          cli_fatal (CLI_EXIT_USAGE, "invalid argument '%s' for --to: a "
                     "dimension must be at least 1", optarg);
        break;
      case OPT_FROM:
        from = cli_parse_double ("--from", optarg);
        if (!(from >= 1))
          cli_fatal (CLI_EXIT_USAGE, "invalid argument '%s' for --from: a "
                     "dimension must be at least 1", optarg);
        break;
      case OPT_MAXLINE: cli_limits_set_line ("--max-line", optarg); break;
      case OPT_MAXENTRIES:
        cli_limits_set_entries ("--max-entries", optarg);
        break;
      case 'c': catpath = optarg; break;
      case 'w': wpath = optarg; break;
      case OPT_TOL:
        fo.detect_tol = cli_parse_double ("--tol", optarg);
        break;
      case OPT_MAXSTEP:
        par->hmax = cli_parse_double ("--max-step", optarg);
        break;
      case OPT_PASS: par->stop_at_fold = 0; break;
      case 'D':
        digits = (int) cli_parse_long ("--digits", optarg, 1, 17);
        break;
      case OPT_LIST: list = 1; break;
      case OPT_DOMAINS: domains = 1; break;
      case OPT_PASTBRANCH: past_branch = 1; break;
      default:
        cli_fatal (CLI_EXIT_SYSTEM, "internal error: option %d", opt);
      }
  cli_output_resolve (!(list || domains));
  char err[512];
  if (lsc_follow_opts_check (&fo, err, sizeof err))
    cli_fatal (CLI_EXIT_USAGE, "%s", err);
  lsc_catalogue *cat = NULL;
  int st = 0;
  catpath = cli_catalogue_path (catpath);
  if (!wpath || list || domains) /* --weights needs no catalogue */
    {
      st = lsc_catalogue_read_file (&cat, catpath, err, sizeof err);
      if (st)
        cli_fatal_status (st, "%s", err);
    }
  cli_redirect_stdout (cli_out.path);
  if (domains)
    {
      st = lsc_catalogue_write_domains (stdout, cat, catpath, err, sizeof err);
      if (st)
        cli_fatal_status (st, "%s", err);
      lsc_catalogue_free (cat);
      return cli_finish (CLI_EXIT_OK);
    }
  if (list)
    {
      for (size_t i = 0; i < cat->n; i++)
        printf ("%s\t%s\t%s\t%s\n", cat->fam[i].name, cat->fam[i].isotropy,
                cat->fam[i].kind, cat->fam[i].description);
      lsc_catalogue_free (cat);
      return cli_finish (CLI_EXIT_OK);
    }
  lsc_family detected;
  const lsc_family *fam;
  if (wpath)
    {
      if (optind != argc)
        cli_fatal (CLI_EXIT_USAGE, "give either FAMILY or --weights, not both");
      lsc_point pt;
      st = lsc_point_read (&pt, wpath, 0, NULL, NULL, NULL, cli_io_limits (),
                           err, sizeof err);
      if (st)
        cli_fatal_status (st, "%s", err[0] ? err : lsc_strerror (st));
      st = lsc_follow_detect (&detected, pt.W, pt.k, pt.d,
                              fo.detect_tol);
      lsc_point_clear (&pt);
      if (st == LSC_EUNSUP || st == LSC_ENOTFIX)
        cli_fatal (CLI_EXIT_USAGE, "%s: no Young-type isotropy within --tol "
                   "%g (%s)", wpath, fo.detect_tol, lsc_strerror (st));
      if (st == LSC_EDOM)
        cli_fatal (CLI_EXIT_USAGE, "%s: the detected group has no large "
                   "block (block sizes too small to follow in d)", wpath);
      if (st)
        cli_fatal_status (st, "%s: %s", wpath, lsc_strerror (st));
      fam = &detected;
    }
  else
    {
      if (optind != argc - 1)
        cli_fatal (CLI_EXIT_USAGE,
                   "expected one FAMILY argument or --weights (try --list)");
      fam = lsc_catalogue_find (cat, argv[optind]);
      if (fam == NULL)
        cli_fatal (CLI_EXIT_USAGE, "no family '%s' in %s (try --list)",
                   argv[optind], catpath);
    }
  if (isnan (to))
    cli_fatal (CLI_EXIT_USAGE, "--to is required");
  lsc_table_output *o = cli_output_start (digits);
  lsc_follow_table *x = lsc_follow_table_alloc (o, fam);
  if (!x)
    cli_fatal (CLI_EXIT_SYSTEM, "out of memory");
  lsc_follow_result res;
  int where;
  fo.from = from;
  fo.to = to;
  fo.past_branch = past_branch;
  st = lsc_follow (&res, &where, fam, &fo, row, x);
  if (st == LSC_ENOMEM)
    cli_fatal (CLI_EXIT_SYSTEM, "out of memory");
  if (st && where == 1)   /* outside the family's domain: 2; a failed step: 1 */
    cli_fatal_status (st, "cannot reach --from %g from d = %g: %s",
                      isnan (from) ? fam->d : from, fam->d, lsc_strerror (st));
  if (st)
    cli_fatal_status (st, "no critical point at d = %g: %s",
                      isnan (from) ? fam->d : from, lsc_strerror (st));
  lsc_follow_table_end (x);
  lsc_follow_table_free (x);
  cli_output_close (o);
  if (isatty (STDERR_FILENO))
    fputc ('\n', stderr);
  int rc = CLI_EXIT_OK;
  if (res.branch_end)
    cli_error ("branch ends at d = %.17g: branch point (the isotropy grows: "
               "the point is that of a family of larger isotropy)", res.d_end);
  else if (res.status == LSC_EFOLD || res.status == LSC_EDOM)
    cli_error ("branch ends at d = %.17g: %s", res.d_end,
               lsc_strerror (res.status));
  else if (res.status)
    {
      cli_error ("continuation stopped at d = %.17g: %s", res.d_end,
                 lsc_strerror (res.status));
      rc = CLI_EXIT_NOCONV;
    }
  lsc_catalogue_free (cat);
  return cli_finish (rc);
}
