/* landscape-split: the splitting table - what adding one or two neurons by
   splitting does to each k = d catalogue family (lsc_overparam(3)). */
#define _POSIX_C_SOURCE 200809L
#include <config.h>
#include <getopt.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <gsl/gsl_errno.h>
#include "landscape.h"
#include "cli.h"

static void
usage (void)
{
  printf ("Usage: %s [OPTION]...\n", cli_program_name ());
  puts ("For every k = d family of the catalogue, split one neuron of each "
        "block (k = d + 1)\nor two (k = d + 2) and report what the split "
        "point is: its Morse index,\nzero eigenvalues (the split ratios "
        "among them, structural) and type, with a\nsecond route to the "
        "index (another group for m = 1, additivity for m = 2) and\nthe "
        "full-Hessian check at integer d.\n"
        "\n"
        "  -d, --d=LIST         dimensions, comma separated (default 20)\n"
        "  -F, --family=NAMES   only these families (comma separated)\n"
        "  -c, --catalogue=FILE family catalogue (default: "
        "$LANDSCAPE_FAMILIES, the\n"
        "                       build tree's or the installed families.tsv)\n"
        "      --no-full        skip the full-Hessian check\n"
        "  -f, --format=FMT     text, tsv, json, latex or markdown (default: "
        "text on\n"
        "                       a terminal, tsv otherwise)\n"
        "  -o, --output=FILE    write the table to FILE instead of standard "
        "output\n"
        "  -h, --help           display this help and exit\n"
        "  -V, --version        output version information and exit\n"
        "\n"
        "Exit status: 0 ok, 1 some rows failed or disagree (see their "
        "status), 2 usage\nor input error, 3 system error.  See "
        "landscape-split(1).");
}

enum { OPT_NOFULL = 256 };

static const char *
split_name (const lsc_overparam_split_row *r, char *buf, size_t len)
{
  if (r->b2 < 0)
    snprintf (buf, len, "%d/%zu", r->b1, r->m + 1);
  else
    snprintf (buf, len, "%d+%d", r->b1, r->b2);
  return buf;
}

int
main (int argc, char **argv)
{
  cli_init (argv[0]);
  gsl_set_error_handler_off ();
  static const struct option lo[] = {
    { "d", required_argument, NULL, 'd' },
    { "family", required_argument, NULL, 'F' },
    { "catalogue", required_argument, NULL, 'c' },
    { "no-full", no_argument, NULL, OPT_NOFULL },
    { "format", required_argument, NULL, 'f' },
    { "help", no_argument, NULL, 'h' },
    { "output", required_argument, NULL, 'o' },
    { "version", no_argument, NULL, 'V' },
    { NULL, 0, NULL, 0 }
  };
  const char *dspec = "20", *fams = NULL, *catpath = NULL, *outpath = NULL;
  int full = 1, fmt_set = 0, opt;
  lsc_table_format fmt = LSC_TABLE_TSV;
  while ((opt = cli_getopt (argc, argv, "d:F:c:f:o:hV", lo)) != -1)
    switch (opt)
      {
      case 'd': dspec = optarg; break;
      case 'F': fams = optarg; break;
      case 'c': catpath = optarg; break;
      case OPT_NOFULL: full = 0; break;
      case 'f': fmt = cli_parse_format ("--format", optarg); fmt_set = 1;
        break;
      case 'h': usage (); return cli_finish (CLI_EXIT_OK);
      case 'o': outpath = optarg; break;
      case 'V': cli_version (); return cli_finish (CLI_EXIT_OK);
      default:
        cli_fatal (CLI_EXIT_SYSTEM, "internal error: option %d", opt);
      }
  if (optind != argc)
    cli_fatal (CLI_EXIT_USAGE, "unexpected argument '%s'", argv[optind]);
  fmt = cli_output_format (outpath, fmt_set ? fmt : cli_default_format (),
                           fmt_set);
  /* dimensions */
  double dv[64];
  size_t nd = 0;
  {
    char *s = cli_xstrdup (dspec), *save = NULL;
    for (char *t = strtok_r (s, ",", &save); t; t = strtok_r (NULL, ",",
                                                               &save))
      {
        if (nd == 64)
          cli_fatal (CLI_EXIT_USAGE, "--d: at most 64 dimensions");
        double v = cli_parse_double ("--d", t);
        if (!(v >= 2 && v <= 1e6))
          cli_fatal (CLI_EXIT_USAGE, "invalid argument '%s' for --d: must "
                     "lie in [2, 1e6]", t);
        dv[nd++] = v;
      }
    free (s);
    if (nd == 0)
      cli_fatal (CLI_EXIT_USAGE, "--d: no dimension given");
  }
  char err[512];
  lsc_catalogue *cat = NULL;
  catpath = cli_catalogue_path (catpath);
  if (lsc_catalogue_read_file (&cat, catpath, err, sizeof err))
    cli_fatal (CLI_EXIT_USAGE, "%s", err);
  /* families: the k = d ones, or those named */
  const lsc_family **sel = cli_xmalloc ((cat->n + 1) * sizeof *sel);
  size_t ns = 0;
  if (fams)
    {
      char *s = cli_xstrdup (fams), *save = NULL;
      for (char *t = strtok_r (s, ",", &save); t;
           t = strtok_r (NULL, ",", &save))
        {
          const lsc_family *f = lsc_catalogue_find (cat, t);
          if (!f)
            cli_fatal (CLI_EXIT_USAGE, "no family '%s' in %s", t, catpath);
          if (lsc_young_k (&f->G) != lsc_young_d (&f->G))
            cli_fatal (CLI_EXIT_USAGE, "family '%s' is not a k = d family",
                       t);
          if (ns < cat->n)
            sel[ns++] = f;
        }
      free (s);
      if (ns == 0)
        cli_fatal (CLI_EXIT_USAGE, "--family: no family given");
    }
  else
    for (size_t i = 0; i < cat->n; i++)
      if (lsc_young_k (&cat->fam[i].G) == lsc_young_d (&cat->fam[i].G))
        sel[ns++] = &cat->fam[i];

  static const lsc_table_column cols[] = {
    { "family", LSC_TABLE_STRING }, { "d", LSC_TABLE_REAL },
    { "m", LSC_TABLE_INT }, { "split", LSC_TABLE_STRING },
    { "status", LSC_TABLE_STATUS }, { "parent_index", LSC_TABLE_REAL },
    { "index", LSC_TABLE_REAL }, { "zero", LSC_TABLE_REAL },
    { "structural", LSC_TABLE_REAL }, { "type", LSC_TABLE_STRING },
    { "index_2nd", LSC_TABLE_REAL }, { "full", LSC_TABLE_STRING },
    { "loss", LSC_TABLE_REAL }, { "isotropy", LSC_TABLE_STRING }
  };
  cli_redirect_stdout (outpath);
  lsc_table_output *o = cli_output_open (stdout, fmt, 0);
  lsc_table *t = lsc_table_begin (o, "split", cols,
                                  sizeof cols / sizeof cols[0]);
  int bad = 0;
  lsc_overparam_split_row *rows = NULL;
  for (size_t i = 0; i < ns; i++)
    {
      const lsc_family *f = sel[i];
      rows = realloc (rows, LSC_OVERPARAM_SPLIT_MAXROWS (f->G.nrb)
                                * sizeof *rows);
      if (!rows)
        cli_fatal (CLI_EXIT_SYSTEM, "out of memory");
      for (size_t j = 0; j < nd; j++)
        {
          size_t nr = 0;
          int st = lsc_overparam_split_table (rows, &nr, f, dv[j], full);
          if (st == LSC_EDOM)
            continue;             /* the family does not exist at d */
          if (st == LSC_ENOMEM)
            cli_fatal (CLI_EXIT_SYSTEM, "out of memory");
          if (st)
            {
              bad = 1;
              cli_error ("%s at d = %g: %s", f->name, dv[j],
                         lsc_strerror (st));
              continue;
            }
          for (size_t r = 0; r < nr; r++)
            {
              const lsc_overparam_split_row *x = &rows[r];
              char nm[32];
              int st2 = x->verdict;
              const char *fl = x->full == LSC_SCAN_FULL_OK ? "agree"
                               : x->full == LSC_SCAN_FULL_MISMATCH
                               ? "MISMATCH" : "-";
              if (st2)
                bad = 1;
              lsc_table_cell_string (t, f->name);
              lsc_table_cell_real (t, x->d);
              lsc_table_cell_int (t, (long long) x->m);
              lsc_table_cell_string (t, split_name (x, nm, sizeof nm));
              lsc_table_cell_status (t, st2);
              lsc_table_cell_real (t, x->parent_index);
              if (x->status)
                {
                  for (int c = 0; c < 4; c++)
                    lsc_table_cell_empty (t);
                  lsc_table_cell_empty (t);
                  lsc_table_cell_string (t, fl);
                  lsc_table_cell_empty (t);
                }
              else
                {
                  lsc_table_cell_real (t, x->index);
                  lsc_table_cell_real (t, x->zero);
                  lsc_table_cell_real (t, x->nsplit);
                  lsc_table_cell_string (t, x->type ? x->type : "");
                  lsc_table_cell_real (t, x->second);
                  lsc_table_cell_string (t, fl);
                  lsc_table_cell_real (t, x->loss);
                }
              lsc_table_cell_string (t, x->isotropy);
              lsc_table_row_end (t);
            }
        }
    }
  lsc_table_end (t);
  cli_output_close (o);
  free (rows);
  free (sel);
  lsc_catalogue_free (cat);
  return cli_finish (bad ? CLI_EXIT_NOCONV : CLI_EXIT_OK);
}
