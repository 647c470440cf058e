/* landscape-split: the splitting table - what adding one or two neurons by
   splitting does to each k = d catalogue family (lsc_overparam(3)). */
#define _POSIX_C_SOURCE 200809L
#include <config.h>
#include <getopt.h>
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

static void
fail (const lsc_family *f, double d, int status, void *ctx)
{
  (void) ctx;
  cli_error ("%s at d = %g: %s", f->name, d, lsc_strerror (status));
}

int
main (int argc, char **argv)
{
  cli_start (argv[0], usage);
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
  const char *dspec = "20", *fams = NULL, *catpath = NULL;
  int full = 1, opt;
  while ((opt = cli_getopt (argc, argv, "d:F:c:f:o:hV", lo)) != -1)
    switch (opt)
      {
      case 'd': dspec = optarg; break;
      case 'F': fams = optarg; break;
      case 'c': catpath = optarg; break;
      case OPT_NOFULL: full = 0; break;
      default:
        cli_fatal (CLI_EXIT_SYSTEM, "internal error: option %d", opt);
      }
  if (optind != argc)
    cli_fatal (CLI_EXIT_USAGE, "unexpected argument '%s'", argv[optind]);
  cli_output_resolve (1);
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
  int cst = lsc_catalogue_read_file (&cat, catpath, err, sizeof err);
  if (cst)
    cli_fatal_status (cst, "%s", err);
  /* families: those named (each a k = d family), else all k = d ones */
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
          if (!lsc_overparam_split_family_ok (f))
            cli_fatal (CLI_EXIT_USAGE, "family '%s' is not a k = d family",
                       t);
          if (ns < cat->n)
            sel[ns++] = f;
        }
      free (s);
      if (ns == 0)
        cli_fatal (CLI_EXIT_USAGE, "--family: no family given");
    }
  lsc_table_output *o = cli_output_start (0);
  size_t bad = 0;
  int st = lsc_overparam_split_write (o, cat, fams ? sel : NULL, ns, dv, nd,
                                      full, fail, NULL, &bad);
  if (st == LSC_ENOMEM)
    cli_fatal (CLI_EXIT_SYSTEM, "out of memory");
  cli_output_close (o);
  free (sel);
  lsc_catalogue_free (cat);
  return cli_finish (bad ? CLI_EXIT_NOCONV : CLI_EXIT_OK);
}
