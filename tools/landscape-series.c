/* landscape-series: the expansions in eps = d^{-1/2} of catalogue families
   (parameters, loss, isotypic eigenvalues) with verified digits and
   recognised closed forms, the spectral-concentration table, and the
   point, spectrum and type at any large d. */
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
#include "series-tables.h"

static void
usage (void)
{
  printf ("Usage: %s [OPTION]...\n", cli_program_name ());
  puts ("Expand catalogued families of critical points in eps = d^(-1/2): the\n"
        "coefficients of every fixed-space parameter, of the loss and of every\n"
        "isotypic Hessian eigenvalue, each with its verified digits (two windows\n"
        "and two precisions compared) and a closed form when an integer relation\n"
        "over 1, 1/pi, ..., 1/pi^6 is recognised.\n"
        "\n"
        "  -F, --family=NAME[,NAME]  families to treat (default: all)\n"
        "  -N, --terms=N         coefficients per quantity from the leading one\n"
        "                        (default 6, at most 20)\n"
        "  -D, --digits=N        at most N significant digits per coefficient\n"
        "                        (default 30; fewer when fewer are verified)\n"
        "  -L, --limits          the spectral-concentration table instead: limits,\n"
        "                        Theta(d) slopes, shares and the comparison with\n"
        "                        the global minimum\n"
        "  -d, --d=D             no expansion: the point's loss, spectrum, error\n"
        "                        bound, type and exact Morse index at D (any D\n"
        "                        from the catalogue's d upwards, e.g. 1e30)\n"
        "      --no-spectrum     expand the parameters and the loss only\n"
        "      --no-recognise    no closed-form search\n"
        "  -c, --catalogue=FILE  family catalogue (default: $LANDSCAPE_FAMILIES, the\n"
        "                        build tree's or the installed families.tsv)\n"
        "  -f, --format=FMT      text, tsv, json, latex or markdown (default: from the\n"
        "                        extension of --output, else text on a terminal, tsv)\n"
        "  -o, --output=FILE     write the tables to FILE instead of standard output\n"
        "  -q, --quiet           no progress on stderr\n"
        "  -h, --help            display this help and exit\n"
        "  -V, --version         output version information and exit\n"
        "\n"
        "Exit status: 0 if every family was treated, 1 if some failed (its row\n"
        "carries the status), 2 for usage or input errors, 3 for system errors.");
}

/* x with at most n significant digits, or "0" when it is zero within its
   bound (digits == 0). */
static void
coef_str (char *buf, size_t len, const mpfr_t x, int digits, int maxd)
{
  int n = digits < maxd ? digits : maxd;
  if (n < 1)
    snprintf (buf, len, "0");
  else
    mpfr_snprintf (buf, len, "%.*Rg", n, x);
}

static const char *
kind_name (int kind)
{
  return kind == LSC_SERIES_PARAM ? "param"
         : kind == LSC_SERIES_LOSS ? "loss" : "eigenvalue";
}

static int
expand_table (lsc_table *t, const lsc_family *f, const lsc_series_opts *o,
              int maxd)
{
  lsc_series_expansion *e = NULL;
  char note[160];
  /* A family whose branch ends (fold, edge, branch point) below large d
     has no expansion there: absent, with the end named, not a failure. */
  int absent = !lsc_series_has_large_d (f, note, sizeof note);
  int rc = absent ? LSC_SUCCESS : lsc_series_expand (&e, f, o);
  if (rc || absent)
    {
      lsc_table_cell_string (t, f->name);
      for (int i = 0; i < 9; i++)
        lsc_table_cell_empty (t);
      lsc_table_cell_string (t, "");
      if (absent)
        lsc_table_cell_status_token (t, "absent");
      else
        lsc_table_cell_status (t, rc);
      lsc_table_cell_string (t, absent ? note : "");
      lsc_table_row_end (t);
      return rc;
    }
  for (size_t q = 0; q < e->nq; q++)
    {
      const lsc_series_quantity *Q = &e->q[q];
      char ord[32], mult[96] = "", buf[1200];
      lsc_series_order_str (ord, sizeof ord, Q->lead, Q->allzero);
      if (Q->kind == LSC_SERIES_EIGEN)
        lsc_series_poly_str (mult, sizeof mult, &Q->mult);
      for (size_t j = 0; j < Q->n; j++)
        {
          lsc_table_cell_string (t, f->name);
          lsc_table_cell_string (t, Q->name);
          lsc_table_cell_string (t, kind_name (Q->kind));
          lsc_table_cell_string (t, ord);
          lsc_table_cell_string (t, mult);
          lsc_table_cell_int (t, (long long) (Q->lead + (int) j));
          coef_str (buf, sizeof buf, Q->c[j], Q->digits[j], maxd);
          lsc_table_cell_decimal (t, buf);
          lsc_table_cell_real (t, Q->err[j]);
          lsc_table_cell_int (t, Q->digits[j]);
          lsc_table_cell_string (t, Q->closed[j][0] ? "recognised" : "");
          lsc_table_cell_string (t, Q->closed[j]);
          lsc_table_cell_status (t, LSC_SUCCESS);
          if (Q->partner[0])
            snprintf (buf, sizeof buf, "near crossing: fitted as a pair "
                      "with %s", Q->partner);
          else
            buf[0] = 0;
          lsc_table_cell_string (t, buf);
          lsc_table_row_end (t);
        }
    }
  lsc_series_expansion_free (e);
  return LSC_SUCCESS;
}

int
main (int argc, char **argv)
{
  cli_start (argv[0], usage);
  static const struct option longopts[] = {
    { "family", required_argument, NULL, 'F' },
    { "terms", required_argument, NULL, 'N' },
    { "digits", required_argument, NULL, 'D' },
    { "output", required_argument, NULL, 'o' },
    { "limits", no_argument, NULL, 'L' },
    { "d", required_argument, NULL, 'd' },
    { "no-spectrum", no_argument, NULL, 256 },
    { "no-recognise", no_argument, NULL, 257 },
    { "catalogue", required_argument, NULL, 'c' },
    { "format", required_argument, NULL, 'f' },
    { "quiet", no_argument, NULL, 'q' },
    { "help", no_argument, NULL, 'h' },
    { "version", no_argument, NULL, 'V' },
    { NULL, 0, NULL, 0 } };
  const char *families = NULL, *catpath = NULL, *dspec = NULL;
  int maxd = 30, limits = 0, quiet = 0, opt;
  lsc_series_opts so;
  lsc_series_opts_init (&so);
  while ((opt = cli_getopt (argc, argv, "F:N:D:Ld:c:f:o:qhV", longopts)) != -1)
    switch (opt)
      {
      case 'F': families = optarg; break;
      case 'N': so.nterms = (size_t) cli_parse_long ("--terms", optarg, 1, 20); break;
      case 'D': maxd = (int) cli_parse_long ("--digits", optarg, 1, 1000); break;
      case 'L': limits = 1; break;
      case 'd': dspec = optarg; break;
      case 256: so.spectrum = 0; break;
      case 257: so.recognise = 0; break;
      case 'c': catpath = optarg; break;
      case 'q': quiet = 1; break;
      default:
        cli_fatal (CLI_EXIT_SYSTEM, "internal error: option %d", opt);
      }
  if (optind != argc)
    cli_fatal (CLI_EXIT_USAGE, "unexpected argument '%s'", argv[optind]);
  if (limits && dspec)
    cli_fatal (CLI_EXIT_USAGE, "--limits and --d exclude each other");
  cli_output_resolve (1);
  char err[512];
  lsc_catalogue *cat = NULL;
  catpath = cli_catalogue_path (catpath);
  int rst = lsc_catalogue_read_file (&cat, catpath, err, sizeof err);
  if (rst)
    cli_fatal_status (rst, "%s", err);
  if (families && !*families)
    cli_fatal (CLI_EXIT_USAGE, "invalid argument '' for --family: no "
               "family named");
  size_t nsel = 0;
  const lsc_family **sel = calloc (cat->n + 1, sizeof *sel);
  if (!sel)
    cli_fatal (CLI_EXIT_SYSTEM, "out of memory");
  if (families)
    {
      nsel = cli_families (cat, families, catpath, sel, cat->n);
      if (nsel > cat->n)
        nsel = cat->n;
    }
  else
    for (size_t i = 0; i < cat->n; i++)
      sel[nsel++] = &cat->fam[i];
  int progress = !quiet && isatty (STDERR_FILENO);
  int status = CLI_EXIT_OK;
  lsc_table_output *o = cli_output_start (0);
  if (dspec)
    status = point_tables (o, cat, sel, nsel, dspec, progress);
  else if (limits)
    status = limits_table (o, cat, sel, nsel, progress);
  else
    {
      static const lsc_table_column cols[] = {
        { "family", LSC_TABLE_STRING },  { "quantity", LSC_TABLE_STRING },
        { "kind", LSC_TABLE_STRING },    { "order", LSC_TABLE_STRING },
        { "mult", LSC_TABLE_STRING },    { "power", LSC_TABLE_INT },
        { "coefficient", LSC_TABLE_DECIMAL }, { "error", LSC_TABLE_REAL },
        { "digits", LSC_TABLE_INT },     { "closed_label", LSC_TABLE_STRING },
        { "closed_form", LSC_TABLE_STRING }, { "status", LSC_TABLE_STATUS },
        { "note", LSC_TABLE_STRING } };
      lsc_table *t = lsc_table_begin_captioned (
          o, "series",
          "Coefficients of the expansions in $\\varepsilon = d^{-1/2}$: "
          "quantity $= \\sum_j c_j \\varepsilon^{\\mathrm{power}}$",
          cols, sizeof cols / sizeof cols[0]);
      for (size_t i = 0; i < nsel; i++)
        {
          if (progress)
            fprintf (stderr, "%s: expanding %s\n", cli_program_name (),
                     sel[i]->name);
          if (expand_table (t, sel[i], &so, maxd))
            status = CLI_EXIT_NOCONV;
        }
      lsc_table_end (t);
    }
  cli_output_close (o);
  free (sel);
  lsc_catalogue_free (cat);
  return cli_finish (status);
}
