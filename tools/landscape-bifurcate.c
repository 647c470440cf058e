/* landscape-bifurcate: the fractional dimensions d* at which families of
   critical points change type (an isotypic eigenvalue crosses zero) or fold,
   to many digits in MPFR, agreed by a second solve at higher precision, and
   with --prove proved in ball arithmetic (lsc_certify). */
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
#include "landscape/lsc_families.h"
#include "landscape/lsc_jobs.h"
#include "cli.h"
#include "landscape/lsc_bifurcate_table.h"

static void
usage (void)
{
  printf ("Usage: %s [OPTION]...\n", cli_program_name ());
  puts ("Find the real dimensions d* at which catalogued families of critical points\n"
        "change type (an eigenvalue of one isotypic component of the Hessian crosses\n"
        "zero) or fold, and print d* to the requested number of digits, agreed by\n"
        "a second solve at higher precision (agreement, not a proof: --prove adds a\n"
        "proof in ball arithmetic of each crossing).\n"
        "\n"
        "  -F, --family=NAME[,NAME]  families to treat (default: all)\n"
        "  -D, --digits=N        significant digits of d* (default 30, at most 1000)\n"
        "      --from=D          lower end of the scan in d (default 2)\n"
        "      --to=D            upper end of the scan in d (default 100)\n"
        "  -c, --catalogue=FILE  family catalogue (default: $LANDSCAPE_FAMILIES, the\n"
        "                        build tree's or the installed families.tsv)\n"
        "      --prove           prove each crossing: exactly one d* in an interval\n"
        "                        inside the printed digits (column proof)\n"
        "      --params          also print the parameters at each d* (a second table)\n"
        "  -f, --format=FMT      text, tsv, json, latex or markdown (default: from the\n"
        "                        extension of --output, else text on a terminal, tsv)\n"
        "  -o, --output=FILE     write the tables to FILE instead of standard output\n"
        "      --columns=LIST    columns to show, in this order (names of the TSV\n"
        "                        header, all, default); LaTeX default: family, event,\n"
        "                        component, mult, d_star, index_below,\n"
        "                        index_above, status\n"
        "      --standalone      LaTeX: a complete document, not a fragment\n"
        "  -q, --quiet           no progress on stderr\n"
        "  -h, --help            display this help and exit\n"
        "  -V, --version         output version information and exit\n"
        "\n"
        "Exit status: 0 if every d* was found and agreed (and proved with --prove), 1 if some row was not\n"
        "(its status says why), 2 for usage or input errors, 3 for system errors.");
}

int
main (int argc, char **argv)
{
  cli_start (argv[0], usage);
  static const struct option longopts[] = {
    { "family", required_argument, NULL, 'F' },
    { "digits", required_argument, NULL, 'D' },
    { "from", required_argument, NULL, 256 },
    { "to", required_argument, NULL, 257 },
    { "catalogue", required_argument, NULL, 'c' },
    { "params", no_argument, NULL, 258 },
    { "prove", no_argument, NULL, 259 },
    { "output", required_argument, NULL, 'o' },
    { "format", required_argument, NULL, 'f' },
    { "quiet", no_argument, NULL, 'q' },
    { "help", no_argument, NULL, 'h' },
    { "version", no_argument, NULL, 'V' },
    CLI_TABLE_LONGOPTS,
    { NULL, 0, NULL, 0 } };
  const char *families = NULL, *catpath = NULL;
  lsc_bifurcate_opts bo;
  lsc_bifurcate_opts_init (&bo);
  int digits_set = 0, prove = 0, quiet = 0, opt;
  while ((opt = cli_getopt (argc, argv, "F:D:c:f:o:qhV", longopts)) != -1)
    switch (opt)
      {
      case 'F': families = optarg; break;
      case 'D': bo.digits = (unsigned) cli_parse_long ("--digits", optarg, 1, 1000);
        digits_set = 1;
        break;
      case 256: bo.from = cli_parse_double ("--from", optarg); break;
      case 257: bo.to = cli_parse_double ("--to", optarg); break;
      case 'c': catpath = optarg; break;
      case 258: bo.params = 1; break;
      case 259: prove = 1; break;
      case 'q': quiet = 1; break;
      default:
        cli_fatal (CLI_EXIT_SYSTEM, "internal error: option %d", opt);
      }
  if (optind != argc)
    cli_fatal (CLI_EXIT_USAGE, "unexpected argument '%s'", argv[optind]);
  char err[512];
  if (lsc_bifurcate_opts_check (&bo, err, sizeof err))
    cli_fatal (CLI_EXIT_USAGE, "%s", err);
  lsc_table_format fmt = cli_output_resolve (1);
  lsc_catalogue *cat = NULL;
  catpath = cli_catalogue_path (catpath);
  int rst = lsc_catalogue_read_file (&cat, catpath, err, sizeof err);
  if (rst)
    cli_fatal_status (rst, "%s", err);
  if (families && !*families)
    cli_fatal (CLI_EXIT_USAGE, "invalid argument '' for --family: no "
               "family named");
  cli_families (cat, families, catpath, NULL, 0);
  int progress = !quiet && isatty (STDERR_FILENO);

  /* printed to --digits; by default all digits (LaTeX: LSC_TABLE_LATEX_DIGITS) */
  lsc_table_output *o = cli_output_start (digits_set ? (int) bo.digits : 0);
  size_t ncol;
  const lsc_table_pcolumn *cols = lsc_bifurcate_table_columns (&ncol);
  cli_table_check (fmt, 1, cols, ncol);
  if (!o)
    cli_fatal (CLI_EXIT_SYSTEM, "out of memory");
  /* the events of each family (none for those not selected) */
  lsc_bifurcate_event **ev = calloc (cat->n ? cat->n : 1, sizeof *ev);
  size_t *nev = calloc (cat->n ? cat->n : 1, sizeof *nev);
  if (!ev || !nev)
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
      int st = lsc_bifurcate_family (&ev[f], &nev[f], F, &bo);
      if (st)
        cli_fatal_status (st, "%s: %s", F->name, lsc_strerror (st));
    }
  size_t nbad = 0;
  lsc_bifurcate_table_write (o, (const lsc_bifurcate_event *const *) ev, nev,
                             cat->n, prove, bo.params, &nbad);
  if (nbad)
    exit_rc = CLI_EXIT_NOCONV;
  for (size_t f = 0; f < cat->n; f++)
    lsc_bifurcate_events_free (ev[f], nev[f]);
  free (ev);
  free (nev);
  cli_output_close (o);
  if (progress)
    fputc ('\n', stderr);
  lsc_catalogue_free (cat);
  return cli_finish (exit_rc);
}
