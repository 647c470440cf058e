/* landscape-bifurcate: the fractional dimensions d* at which families of
   critical points change type (an isotypic eigenvalue crosses zero) or fold,
   to many digits in MPFR, certified by a second solve at higher precision. */
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
#include "cli.h"


static void
usage (void)
{
  printf ("Usage: %s [OPTION]...\n", cli_program_name ());
  puts ("Find the real dimensions d* at which catalogued families of critical "
        "points\n"
        "change type (an eigenvalue of one isotypic component of the Hessian "
        "crosses\n"
        "zero) or fold, and print d* to the requested number of digits, "
        "certified by\n"
        "a second solve at higher precision.\n"
        "\n"
        "  -F, --family=NAME[,NAME]  families to treat (default: all)\n"
        "  -n, --digits=N        significant digits of d* (default 30, at "
        "most 1000)\n"
        "      --from=D          lower end of the scan in d (default 2)\n"
        "  -t, --to=D            upper end of the scan in d (default 100)\n"
        "  -c, --catalogue=FILE  family catalogue (default: the installed "
        "families.tsv)\n"
        "  -p, --params          also print the parameters at each d* (a "
        "second table)\n"
        "  -f, --format=FMT      text, tsv, json, latex or markdown\n"
        "  -q, --quiet           no progress on stderr\n"
        "  -h, --help            display this help and exit\n"
        "  -V, --version         output version information and exit\n"
        "\n"
        "Exit status: 0 if every d* was found and certified, 1 if some row "
        "was not\n"
        "(its status says why), 2 for usage or input errors, 3 for system "
        "errors.");
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

int
main (int argc, char **argv)
{
  cli_init (argv[0]);
  gsl_set_error_handler_off ();
  static const struct option longopts[] = {
    { "family", required_argument, NULL, 'F' },
    { "digits", required_argument, NULL, 'n' },
    { "from", required_argument, NULL, 256 },
    { "to", required_argument, NULL, 't' },
    { "catalogue", required_argument, NULL, 'c' },
    { "params", no_argument, NULL, 'p' },
    { "format", required_argument, NULL, 'f' },
    { "quiet", no_argument, NULL, 'q' },
    { "help", no_argument, NULL, 'h' },
    { "version", no_argument, NULL, 'V' },
    { NULL, 0, NULL, 0 } };
  const char *families = NULL, *catpath = NULL;
  double from = 2, to = 100;
  unsigned digits = 30;
  int params = 0, quiet = 0, opt;
  cli_format fmt = cli_default_format ();
  while ((opt = getopt_long (argc, argv, "F:n:t:c:pf:qhV", longopts, NULL))
         != -1)
    switch (opt)
      {
      case 'F': families = optarg; break;
      case 'n': digits = (unsigned) cli_parse_long ("--digits", optarg, 1, 1000); break;
      case 256: from = cli_parse_double ("--from", optarg); break;
      case 't': to = cli_parse_double ("--to", optarg); break;
      case 'c': catpath = optarg; break;
      case 'p': params = 1; break;
      case 'f': fmt = cli_parse_format ("--format", optarg); break;
      case 'q': quiet = 1; break;
      case 'h': usage (); return cli_finish (CLI_EXIT_OK);
      case 'V': cli_version (); return cli_finish (CLI_EXIT_OK);
      default:
        fprintf (stderr, "Try '%s --help' for more information.\n",
                 cli_program_name ());
        return CLI_EXIT_USAGE;
      }
  if (optind != argc)
    cli_fatal (CLI_EXIT_USAGE, "unexpected argument '%s'", argv[optind]);
  if (!(from >= 1) || !(to > from))
    cli_fatal (CLI_EXIT_USAGE, "the scan range needs 1 <= --from < --to");
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
  int progress = !quiet && isatty (STDERR_FILENO);

  cli_output *o = cli_output_new (stdout, fmt, 0);
  static const cli_column cols[] = {
    { "family", CLI_COL_STRING },   { "event", CLI_COL_STRING },
    { "component", CLI_COL_STRING },{ "inner", CLI_COL_INT },
    { "mult", CLI_COL_REAL },       { "d_star", CLI_COL_DECIMAL },
    { "change", CLI_COL_STRING },   { "index_below", CLI_COL_REAL },
    { "index_above", CLI_COL_REAL },{ "loss", CLI_COL_DECIMAL },
    { "residual", CLI_COL_REAL },   { "digits", CLI_COL_INT },
    { "status", CLI_COL_STATUS } };
  size_t ncol = sizeof cols / sizeof cols[0];
  if (!o)
    cli_fatal (CLI_EXIT_SYSTEM, "out of memory");
  cli_table *t = cli_table_begin_captioned (
      o, "bifurcations",
      "Fractional dimensions $d^*$ at which an eigenvalue of one isotypic "
      "component of the Hessian crosses zero along a family (or the family "
      "folds); mult = inner $\\times$ dim of the component at $d^*$; Morse "
      "indices just below and above $d^*$; loss at $d^*$; residual = "
      "$|\\lambda(d^*)|$ (crossing) or the augmented residual (fold).",
      cols, ncol);
  /* parameter rows are collected and printed as a second table */
  typedef struct { lsc_bifurcate_event *ev; size_t n; } fam_events;
  fam_events *all = calloc (cat->n ? cat->n : 1, sizeof *all);
  if (!all)
    cli_fatal (CLI_EXIT_SYSTEM, "out of memory");
  int exit_rc = CLI_EXIT_OK;
  lsc_bifurcate_opts bo;
  lsc_bifurcate_opts_init (&bo);
  bo.from = from;
  bo.to = to;
  bo.digits = digits;
  bo.params = params;
  for (size_t f = 0; f < cat->n; f++)
    {
      const lsc_family *F = &cat->fam[f];
      if (!in_list (families, F->name))
        continue;
      if (progress)
        fprintf (stderr, "\r%s: %s ...            ", cli_program_name (),
                 F->name);
      int st = lsc_bifurcate_family (&all[f].ev, &all[f].n, F, &bo);
      if (st)
        cli_fatal (st == LSC_ENOMEM ? CLI_EXIT_SYSTEM : CLI_EXIT_USAGE,
                   "%s: %s", F->name, lsc_strerror (st));
      for (size_t b = 0; b < all[f].n; b++)
        {
          const lsc_bifurcate_event *e = &all[f].ev[b];
          if (e->status)
            exit_rc = CLI_EXIT_NOCONV;
          cli_cell_string (t, F->name);
          cli_cell_string (t, e->event);
          if (strcmp (e->event, "scan") == 0)
            {
              for (size_t i = 2; i < ncol - 1; i++)
                cli_cell_empty (t);
              cli_cell_status (t, e->status);
              cli_row_end (t);
              continue;
            }
          cli_cell_string (t, lsc_irrep_name (e->irrep));
          cli_cell_int (t, (long long) e->inner);
          if (isnan (e->mult))
            cli_cell_empty (t);
          else
            cli_cell_real (t, e->mult);
          if (e->d_star)
            cli_cell_decimal (t, e->d_star);
          else
            cli_cell_empty (t);
          cli_cell_string (t, e->change);
          if (isnan (e->index_below))
            cli_cell_empty (t);
          else
            cli_cell_real (t, e->index_below);
          if (isnan (e->index_above))
            cli_cell_empty (t);
          else
            cli_cell_real (t, e->index_above);
          if (e->loss)
            cli_cell_decimal (t, e->loss);
          else
            cli_cell_empty (t);
          if (isnan (e->residual))
            cli_cell_empty (t);
          else
            cli_cell_real (t, e->residual);
          cli_cell_int (t, (long long) e->digits_agree);
          cli_cell_status (t, e->status);
          cli_row_end (t);
        }
    }
  cli_table_end (t);
  if (params)
    {
      static const cli_column pc[] = { { "family", CLI_COL_STRING },
                                       { "d_star", CLI_COL_DECIMAL },
                                       { "index", CLI_COL_INT },
                                       { "value", CLI_COL_DECIMAL } };
      cli_table *pt = cli_table_begin (o, "parameters", pc, 4);
      for (size_t f = 0; f < cat->n; f++)
        for (size_t b = 0; b < all[f].n; b++)
          {
            const lsc_bifurcate_event *e = &all[f].ev[b];
            if (!e->d_star)
              continue;
            for (size_t i = 0; i < e->np; i++)
              {
                cli_cell_string (pt, e->fam->name);
                cli_cell_decimal (pt, e->d_star20);
                cli_cell_int (pt, (long long) i);
                if (e->p && e->p[i])
                  cli_cell_decimal (pt, e->p[i]);
                else
                  cli_cell_empty (pt);
                cli_row_end (pt);
              }
          }
      cli_table_end (pt);
    }
  for (size_t f = 0; f < cat->n; f++)
    lsc_bifurcate_events_free (all[f].ev, all[f].n);
  free (all);
  cli_output_free (o);
  if (progress)
    fputc ('\n', stderr);
  lsc_catalogue_free (cat);
  return cli_finish (exit_rc);
}
