/* landscape-catalogue: a catalogue line (landscape-families(5)) from a
   critical point - a W file or a census end point - by isotropy detection,
   Newton on the restricted system, continuation to the reference d, type,
   loss and d*, with a name derived from the isotropy. */
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
  printf ("Usage: %s [OPTION]... (--matrix=FILE | --census=FILE --run=N)\n",
          cli_program_name ());
  puts ("Turn a critical point into a line of the family catalogue "
        "(landscape-families(5)):\n"
        "detect its Young-type isotropy, solve the restricted system by "
        "Newton's\n"
        "method, continue the family to the reference d, and compute its "
        "loss, type,\n"
        "Morse index and d* there.  The name is derived from the isotropy "
        "and the\n"
        "signs of the block diagonals; the line is printed on stdout, ready "
        "to be\n"
        "appended to the catalogue.\n"
        "\n"
        "      --matrix=FILE     the point W (k x d, k >= d; - for stdin)\n"
        "      --census=FILE     a landscape-census resume file ...\n"
        "      --run=N           ... and the run whose end point to take\n"
        "      --d-ref=D         reference dimension (integer, default 20)\n"
        "      --name=NAME       use NAME instead of the derived name\n"
        "      --description=TEXT  use TEXT as the description\n"
        "  -c, --catalogue=FILE  catalogue checked for the same family and "
        "names\n"
        "                        (default: $LANDSCAPE_FAMILIES, the build "
        "tree's or\n"
        "                        the installed families.tsv)\n"
        "  -o, --output=FILE     write the line to FILE instead of standard "
        "output\n"
        "      --max-line=BYTES  longest input line accepted (default "
        "1048576)\n"
        "      --max-entries=N   most numbers in the --matrix file (default "
        "16777216)\n"
        "      --max-memory=SIZE  refuse a Hessian needing more than SIZE "
        "(e.g. 8G;\n"
        "                        default: the memory available)\n"
        "  -h, --help            display this help and exit\n"
        "  -V, --version         output version information and exit\n"
        "\n"
        "Exit status: 0 on success, 1 if the point is already a catalogue "
        "family or\n"
        "its family cannot be continued to the reference d, 2 for usage or "
        "input\n"
        "errors, 3 for system errors.");
}

int
main (int argc, char **argv)
{
  cli_start (argv[0], usage);
  static const struct option longopts[] = {
    { "matrix", required_argument, NULL, 'm' },
    { "census", required_argument, NULL, 'r' },
    { "run", required_argument, NULL, 'n' },
    { "d-ref", required_argument, NULL, 'd' },
    { "name", required_argument, NULL, 'N' },
    { "description", required_argument, NULL, 'D' },
    { "output", required_argument, NULL, 'o' },
    { "max-line", required_argument, NULL, 256 },
    { "max-entries", required_argument, NULL, 257 },
    { "max-memory", required_argument, NULL, 258 },
    { "catalogue", required_argument, NULL, 'c' },
    { "help", no_argument, NULL, 'h' },
    { "version", no_argument, NULL, 'V' },
    { NULL, 0, NULL, 0 } };
  const char *matrix = NULL, *census = NULL, *name = NULL, *desc = NULL,
             *catpath = NULL;
  long run = -1, dref = 20;
  int opt;
  /* the tool's own options are long only (the letters m, r, n, d, N, D
     mean other things in the other tools) */
  while ((opt = cli_getopt (argc, argv, "c:o:hV", longopts)) != -1)
    switch (opt)
      {
      case 'm': matrix = optarg; break;
      case 'r': census = optarg; break;
      case 'n': run = cli_parse_long ("--run", optarg, 0, 1L << 40); break;
      case 'd': dref = cli_parse_long ("--d-ref", optarg, 3, 4096); break;
      case 'N': name = optarg; break;
      case 'D': desc = optarg; break;
      case 'c': catpath = optarg; break;
      case 256: cli_limits_set_line ("--max-line", optarg); break;
      case 257: cli_limits_set_entries ("--max-entries", optarg); break;
      case 258: cli_mem_set_max ("--max-memory", optarg); break;
      default:
        cli_fatal (CLI_EXIT_SYSTEM, "internal error: option %d", opt);
      }
  if (optind != argc)
    cli_fatal (CLI_EXIT_USAGE, "unexpected argument '%s'", argv[optind]);
  if (!matrix == !census)
    cli_fatal (CLI_EXIT_USAGE, "give exactly one of --matrix and --census");
  if (census && run < 0)
    cli_fatal (CLI_EXIT_USAGE, "--census needs --run");
  if (name && (!*name || strlen (name) >= 64
               || strspn (name, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnop"
                                "qrstuvwxyz0123456789-_") != strlen (name)))
    cli_fatal (CLI_EXIT_USAGE, "--name: letters, digits, - and _ only");
  if (desc && (!*desc || strlen (desc) >= 256 || strchr (desc, '\t')
               || strchr (desc, '\n')))
    cli_fatal (CLI_EXIT_USAGE, "--description: one line without TAB, "
               "under 256 bytes");
  char err[512];
  lsc_catalogue *cat = NULL;
  catpath = cli_catalogue_path (catpath);
  int cst = lsc_catalogue_read_file (&cat, catpath, err, sizeof err);
  if (cst)
    cli_fatal_status (cst, "%s", err);
  size_t k, d;
  double *W;
  if (matrix)
    {
      int rst = lsc_matrix_read_file_limited (&W, &k, &d, NULL, matrix,
                                              cli_io_limits (), err,
                                              sizeof err);
      if (rst)
        cli_fatal_status (rst, "%s", err);
      if (k < d)
        cli_fatal (CLI_EXIT_USAGE, "%s: k = %zu rows but d = %zu columns; "
                   "catalogue entries need k >= d", matrix, k, d);
    }
  else
    {
      int rst = lsc_census_resume_point (&W, &k, &d, census, run,
                                         cli_io_limits ()->max_line, err,
                                         sizeof err);
      if (rst)
        cli_fatal_status (rst, "%s", err);
    }
  double n = (double) k * (double) d;
  cli_mem_check ((n * n + 8.0 * n) * sizeof (double), "the Hessian");
  lsc_family fam;
  const char *known;
  char line[8192];
  int st = lsc_census_catalogue_entry (&fam, &known, line, sizeof line, W,
                                       k, d, cat, (double) dref, name, desc,
                                       err, sizeof err);
  free (W);
  if (st)
    cli_fatal_status (st, "%s", err);
  if (known)
    {
      cli_error ("the point is the catalogue family '%s' at d = %zu",
                 known, d);
      lsc_catalogue_free (cat);
      return cli_finish (CLI_EXIT_NOCONV);
    }
  if (name && lsc_catalogue_find (cat, name))
    cli_fatal (CLI_EXIT_USAGE, "--name: '%s' is already in %s", name,
               catpath);
  cli_redirect_stdout (cli_out.path);
  puts (line);
  lsc_catalogue_free (cat);
  return cli_finish (CLI_EXIT_OK);
}
