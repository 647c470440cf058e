/* landscape-catalogue: a catalogue line (landscape-families(5)) from a
   critical point - a W file or a census end point - by isotropy detection,
   Newton on the restricted system, continuation to the reference d, type,
   loss and d*, with a name derived from the isotropy. */
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

/* The next line of f (newline kept) in buf, grown as needed; NULL at the
   end of the file.  A line longer than max bytes exits 2 (--max-line), so
   that no input makes the tool allocate without bound. */
static char *
read_line (char *buf, FILE *f, size_t max, const char *path)
{
  static size_t cap;
  size_t n = 0;
  int c;
  if (!buf)
    cap = 0;
  while ((c = getc (f)) != EOF)
    {
      if (n + 2 > cap)
        {
          size_t nc = cap ? 2 * cap : 256;
          if (nc > max + 2)
            nc = max + 2;
          char *nb = realloc (buf, nc);
          if (!nb)
            cli_fatal (CLI_EXIT_SYSTEM, "out of memory");
          buf = nb;
          cap = nc;
        }
      buf[n++] = (char) c;
      if (c == '\n')
        break;
      if (n > max)
        cli_fatal (CLI_EXIT_USAGE, "%s: a line longer than %zu bytes "
                   "(--max-line)", path, max);
    }
  if (n == 0)
    {
      if (ferror (f))
        cli_fatal (CLI_EXIT_SYSTEM, "%s: read error", path);
      free (buf);
      return NULL;
    }
  buf[n] = '\0';
  return buf;
}

/* W from run `run` of a census resume file (k >= d). */
static double *
census_point (size_t *k, size_t *d, const char *path, long run)
{
  FILE *f = fopen (path, "r");
  if (!f)
    cli_fatal (CLI_EXIT_USAGE, "cannot open '%s'", path);
  char *line = NULL;
  size_t kk = 0, dd = 0;
  double *W = NULL;
  int found = 0;
  size_t maxl = cli_io_limits ()->max_line;
  while ((line = read_line (line, f, maxl, path)) != NULL)
    {
      if (line[0] == '#')
        {
          char *p = strstr (line, "k="), *q = strstr (line, "\td=");
          if (p && q)
            {
              kk = strtoul (p + 2, NULL, 10);
              dd = strtoul (q + 3, NULL, 10);
            }
          continue;
        }
      char *fields[16];
      size_t nf = 0;
      for (char *s = line; nf < 16;)
        {
          fields[nf++] = s;
          char *t = strchr (s, '\t');
          if (!t)
            break;
          *t = 0;
          s = t + 1;
        }
      if (nf < 15 || strtol (fields[0], NULL, 10) != run)
        continue;
      if (kk == 0 || dd == 0 || kk < dd || kk > 4096)
        cli_fatal (CLI_EXIT_USAGE, "%s: needs a census header with k >= d",
                   path);
      if (strcmp (fields[13], "0") != 0)
        cli_fatal (CLI_EXIT_USAGE, "%s: run %ld did not end at a critical "
                   "point (status %s)", path, run, fields[13]);
      fields[14][strcspn (fields[14], "\n")] = 0;
      lsc_young G;
      char err[256];
      if (lsc_isotropy_parse (&G, fields[12], (double) dd, err, sizeof err))
        cli_fatal (CLI_EXIT_USAGE, "%s: run %ld: no Young isotropy (%s)",
                   path, run, fields[12]);
      size_t np = lsc_young_nparams (&G);
      double p[LSC_FAMILY_MAXP];
      size_t i = 0;
      for (char *s = fields[14]; i < np && *s; i++)
        {
          char *e;
          p[i] = strtod (s, &e);
          if (e == s || !isfinite (p[i]))
            break;
          s = *e == ',' ? e + 1 : e;
        }
      if (i != np)
        cli_fatal (CLI_EXIT_USAGE, "%s: run %ld: bad parameter list", path,
                   run);
      W = malloc (kk * dd * sizeof *W);
      if (!W)
        cli_fatal (CLI_EXIT_SYSTEM, "out of memory");
      if (lsc_young_embed (W, p, &G))
        cli_fatal (CLI_EXIT_USAGE, "%s: run %ld: cannot embed", path, run);
      found = 1;
      break;
    }
  free (line);
  fclose (f);
  if (!found)
    cli_fatal (CLI_EXIT_USAGE, "%s: no run %ld", path, run);
  *k = kk;
  *d = dd;
  return W;
}

int
main (int argc, char **argv)
{
  cli_init (argv[0]);
  gsl_set_error_handler_off ();
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
             *catpath = NULL, *outpath = NULL;
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
      case 'o': outpath = optarg; break;
      case 256: cli_limits_set_line ("--max-line", optarg); break;
      case 257: cli_limits_set_entries ("--max-entries", optarg); break;
      case 258: cli_mem_set_max ("--max-memory", optarg); break;
      case 'h': usage (); return cli_finish (CLI_EXIT_OK);
      case 'V': cli_version (); return cli_finish (CLI_EXIT_OK);
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
  if (lsc_catalogue_read_file (&cat, catpath, err, sizeof err))
    cli_fatal (CLI_EXIT_USAGE, "%s", err);
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
      W = census_point (&k, &d, census, run);
    }
  /* Is it already a catalogue family?  The census's own test. */
  {
    lsc_problem pr = { k, d, d, NULL, NULL, NULL };
    size_t n = k * d;
    cli_mem_check (((double) n * n + 8.0 * n) * sizeof (double), "the Hessian");
    double *H = malloc (n * n * sizeof *H), *ev = malloc (n * sizeof *ev);
    lsc_loss_workspace *lw = lsc_loss_workspace_alloc (k, d, d);
    lsc_eigen_workspace *ew = lsc_eigen_workspace_alloc (n, 0);
    lsc_classifier *cl = lsc_classifier_alloc (cat, k, d, NULL);
    double L;
    lsc_class c;
    if (!H || !ev || !lw || !ew || !cl)
      cli_fatal (CLI_EXIT_SYSTEM, "out of memory");
    int st = lsc_loss (&L, W, &pr, lw);
    if (!st)
      st = lsc_loss_hessian (H, W, &pr, lw);
    if (!st)
      st = lsc_eigen_symm (ev, NULL, H, n, ew);
    if (!st)
      st = lsc_classify (&c, W, ev, L, &pr, cl);
    if (st)
      cli_fatal (CLI_EXIT_USAGE, "the point cannot be evaluated: %s",
                 lsc_strerror (st));
    int known = c.kind == LSC_CLASS_CATALOGUE || c.kind == LSC_CLASS_GLOBAL;
    if (known)
      cli_error ("the point is the catalogue family '%s' at d = %zu",
                 c.kind == LSC_CLASS_GLOBAL ? "global" : c.family->name, d);
    lsc_classifier_free (cl);
    lsc_eigen_workspace_free (ew);
    lsc_loss_workspace_free (lw);
    free (H);
    free (ev);
    if (known)
      {
        free (W);
        lsc_catalogue_free (cat);
        return cli_finish (CLI_EXIT_NOCONV);
      }
  }
  lsc_family fam;
  int st = lsc_branch_entry (&fam, W, k, d, (double) dref, err, sizeof err);
  free (W);
  if (st)
    {
      cli_error ("%s", err);
      lsc_catalogue_free (cat);
      return cli_finish (st == LSC_ENOMEM ? CLI_EXIT_SYSTEM
                         : st == LSC_EUNSUP || st == LSC_EINVAL
                         ? CLI_EXIT_USAGE : CLI_EXIT_NOCONV);
    }
  if (name)
    snprintf (fam.name, sizeof fam.name, "%s", name);
  if (desc)
    snprintf (fam.description, sizeof fam.description, "%s", desc);
  /* a derived name already taken by another family: add -2, -3, ... */
  if (!name && lsc_catalogue_find (cat, fam.name))
    {
      char base[51];
      memcpy (base, fam.name, sizeof base - 1);
      base[sizeof base - 1] = 0;
      for (int i = 2; lsc_catalogue_find (cat, fam.name); i++)
        snprintf (fam.name, sizeof fam.name, "%.50s-%d", base, i % 1000);
      /* the derived description opens with the name: the suffixed one */
      size_t bl = strlen (base);
      if (!desc && strncmp (fam.description, base, bl) == 0
          && fam.description[bl] == ':')
        {
          char tmp[sizeof fam.description];
          snprintf (tmp, sizeof tmp, "%s%s", fam.name, fam.description + bl);
          memcpy (fam.description, tmp, sizeof tmp);
        }
    }
  else if (name && lsc_catalogue_find (cat, name))
    cli_fatal (CLI_EXIT_USAGE, "--name: '%s' is already in %s", name,
               catpath);
  char line[8192];
  if (lsc_branch_entry_format (line, sizeof line, &fam))
    cli_fatal (CLI_EXIT_SYSTEM, "catalogue line too long");
  /* the line must read back as a catalogue entry */
  char buf[9000];
  snprintf (buf, sizeof buf, "name\tisotropy\td\tparams\tloss\tkind\t"
            "description\tdstar\n%s\n", line);
  FILE *mf = fmemopen (buf, strlen (buf), "r");
  lsc_catalogue *chk = NULL;
  if (!mf || lsc_catalogue_read (&chk, mf, "(new line)", err, sizeof err))
    cli_fatal (CLI_EXIT_SYSTEM, "internal error: %s", err);
  fclose (mf);
  lsc_catalogue_free (chk);
  cli_redirect_stdout (outpath);
  puts (line);
  lsc_catalogue_free (cat);
  return cli_finish (CLI_EXIT_OK);
}
