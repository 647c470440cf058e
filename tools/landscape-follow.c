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

static void
usage (void)
{
  printf ("Usage: %s [OPTION]... FAMILY\n"
          "  or:  %s [OPTION]... --weights=FILE\n", cli_program_name (),
          cli_program_name ());
  puts ("Continue the family FAMILY of the catalogue in the real dimension d "
        "from its\n"
        "reference point to --to, printing one row per point: d, loss, "
        "residual (full\n"
        "gradient norm), d-tangent, fold flag, status, type, Morse index, "
        "smallest\n"
        "Hessian eigenvalue with its component, and the parameters.\n"
        "\n"
        "      --to=D            end of the range (required; at least 1)\n"
        "      --from=D          start at D (default: the family's reference "
        "d)\n"
        "  -c, --catalogue=FILE  family catalogue (default: $LANDSCAPE_FAMILIES, "
        "the\n"
        "                        build tree's or the installed families.tsv)\n"
        "  -w, --weights=FILE    start from the matrix W in FILE (k x d, one "
        "neuron per\n"
        "                        row; V = I) instead of a FAMILY: its "
        "Young-type\n"
        "                        isotropy is detected and the family through "
        "it followed\n"
        "      --tol=TOL         detection tolerance for --weights (default "
        "1e-6)\n"
        "      --max-step=H      largest arclength step (default 2; at least "
        "the first\n"
        "                        step, 0.1)\n"
        "      --pass-folds      continue through folds (default: stop at the "
        "first)\n"
        "      --past-branch     continue past a branch point where the "
        "family's\n"
        "                        isotropy grows (default: stop there, the end "
        "of its\n"
        "                        domain)\n"
        "  -f, --format=FMT      text, tsv, json, latex or markdown (default: "
        "from the\n"
        "                        extension of --output, else text on a "
        "terminal, tsv)\n"
        "  -o, --output=FILE     write the table to FILE instead of standard "
        "output\n"
        "  -D, --digits=N        significant digits (default: round-trip)\n"
        "      --max-line=BYTES  longest line of the --weights file (default "
        "1048576)\n"
        "      --max-entries=N   most numbers in the --weights file (default "
        "16777216)\n"
        "      --list            list the catalogue's families and exit\n"
        "      --domains         print the catalogue with its domain column "
        "regenerated\n"
        "                        (each family followed both ways to the ends "
        "of its\n"
        "                        branch: fold, edge or branch point) and "
        "exit\n"
        "  -h, --help            display this help and exit\n"
        "  -V, --version         output version information and exit\n"
        "\n"
        "Exit status: 0 if the branch was followed to D or to its end "
        "(fold,\n"
        "degeneration), 1 if the continuation failed (step underflow, "
        "singular\n"
        "system, point limit), 2 for usage or input errors, 3 for system "
        "errors.");
}

typedef struct
{
  lsc_table *t;
  size_t n, npts;
  int progress;
  lsc_table_output *o;           /* the table begins with the first point */
  const char *name;
  const lsc_table_column *cols;
  size_t ncol;
} follow_ctx;

/* One row per point (lsc_follow classifies it). */
static int
row (const lsc_follow_point *fp, void *data)
{
  follow_ctx *x = data;
  const lsc_cont_point *pt = fp->pt;
  if (!x->t)
    x->t = lsc_table_begin (x->o, x->name, x->cols, x->ncol);
  lsc_table_cell_real (x->t, pt->d);
  lsc_table_cell_real (x->t, pt->loss);
  lsc_table_cell_real (x->t, pt->residual);
  lsc_table_cell_real (x->t, pt->tangent_d);
  lsc_table_cell_int (x->t, pt->fold);
  lsc_table_cell_status (x->t, pt->status);
  if (fp->classified)
    {
      char ib[32];
      lsc_table_cell_string (x->t, fp->type);
      lsc_table_index_text (ib, sizeof ib, fp->index, pt->d);
      lsc_table_cell_decimal (x->t, ib);
      lsc_table_cell_real (x->t, fp->min_eig);
      lsc_table_cell_string (x->t, lsc_irrep_name (fp->min_irrep));
    }
  else
    for (int i = 0; i < 4; i++)
      lsc_table_cell_empty (x->t);
  for (size_t i = 0; i < x->n; i++)
    lsc_table_cell_real (x->t, pt->p[i]);
  lsc_table_row_end (x->t);
  x->npts++;
  if (x->progress)
    fprintf (stderr, "\r%s: point %zu, d = %.6g   ", cli_program_name (),
             x->npts, pt->d);
  return 0;
}

/* The family through the matrix in path (lsc_follow_detect).  Errors
   exit 2. */
static const lsc_family *
detect_family (lsc_family *fam, const char *path, double tol)
{
  char err[512];
  double *W = NULL;
  size_t k, d;
  size_t *lines = NULL;
  int st = lsc_matrix_read_file_limited (&W, &k, &d, &lines, path,
                                         cli_io_limits (), err, sizeof err);
  if (st)
    cli_fatal_status (st, "%s", err);
  for (size_t i = 0; i < k; i++)
    {
      size_t j = 0;
      while (j < d && W[i * d + j] == 0.0)
        j++;
      if (j == d) /* the loss is not differentiable there (as eval says) */
        cli_fatal (CLI_EXIT_USAGE, "%s:%zu: row %zu of W is zero (the loss "
                   "is not differentiable there)", path, lines[i], i + 1);
    }
  free (lines);
  st = lsc_follow_detect (fam, W, k, d, tol);
  free (W);
  if (st == LSC_EUNSUP || st == LSC_ENOTFIX)
    cli_fatal (CLI_EXIT_USAGE, "%s: no Young-type isotropy within --tol %g "
               "(%s)", path, tol, lsc_strerror (st));
  if (st == LSC_EDOM)
    cli_fatal (CLI_EXIT_USAGE, "%s: the detected group has no large block "
               "(block sizes too small to follow in d)", path);
  if (st)
    cli_fatal_status (st, "%s: %s", path, lsc_strerror (st));
  return fam;
}

/* --domains: copy the catalogue file, comments verbatim, with the domain
   column (landscape-families(5)) recomputed for every family by
   lsc_family_follow.  The catalogue was read and validated before. */
static int
print_domains (const lsc_catalogue *cat, const char *path)
{
  static const char hdr[] = "name\tisotropy\td\tparams\tloss\tkind\t"
                            "description\tdstar\tdomain";
  FILE *f = fopen (path, "r");
  if (!f)
    cli_fatal (CLI_EXIT_USAGE, "%s: cannot open", path);
  char *line = NULL;
  size_t cap = 0, fam = 0;
  ssize_t len;
  int header = 0;
  while ((len = getline (&line, &cap, f)) != -1)
    {
      while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
        line[--len] = '\0';
      if (len == 0 || line[0] == '#')
        {
          printf ("%s\n", line);
          continue;
        }
      if (!header)
        {
          header = 1;
          printf ("%s\n", hdr);
          continue;
        }
      /* the first eight fields, then the new domain */
      int tabs = 0;
      for (ssize_t i = 0; i < len; i++)
        if (line[i] == '\t' && ++tabs == 8)
          line[i] = '\0';
      const lsc_family *F = &cat->fam[fam++];
      lsc_family_ws *w = lsc_family_ws_alloc (F->nparams);
      lsc_family_domain dom;
      char buf[128];
      if (!w || lsc_family_follow (NULL, NULL, &dom, F, NULL, 0, NULL, w)
          || lsc_family_domain_format (buf, sizeof buf, &dom))
        cli_fatal (CLI_EXIT_SYSTEM, "family %s: domain not computed",
                   F->name);
      lsc_family_ws_free (w);
      printf ("%s%s%s\t%s\n", line, tabs >= 7 ? "" : "\t",
              tabs >= 7 ? "" : "-", buf);
    }
  free (line);
  fclose (f);
  return CLI_EXIT_OK;
}

int
main (int argc, char **argv)
{
  cli_init (argv[0]);
  gsl_set_error_handler_off ();
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
  const char *catpath = NULL, *wpath = NULL, *outpath = NULL;
  int fmt_given = 0;
  double tol = 1e-6;
  lsc_table_format fmt = cli_default_format ();
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
        tol = cli_parse_double ("--tol", optarg);
        if (!(tol > 0))
          cli_fatal (CLI_EXIT_USAGE, "--tol must be positive");
        break;
      case OPT_MAXSTEP:
        par->hmax = cli_parse_double ("--max-step", optarg);
        if (!(par->hmax >= par->h0))
          cli_fatal (CLI_EXIT_USAGE, "--max-step must be at least %g",
                     par->h0);
        break;
      case OPT_PASS: par->stop_at_fold = 0; break;
      case 'f': fmt = cli_parse_format ("--format", optarg); fmt_given = 1; break;
      case 'o': outpath = optarg; break;
      case 'D':
        digits = (int) cli_parse_long ("--digits", optarg, 1, 17);
        break;
      case OPT_LIST: list = 1; break;
      case OPT_DOMAINS: domains = 1; break;
      case OPT_PASTBRANCH: past_branch = 1; break;
      case 'h': usage (); return cli_finish (CLI_EXIT_OK);
      case 'V': cli_version (); return cli_finish (CLI_EXIT_OK);
      default:
        cli_fatal (CLI_EXIT_SYSTEM, "internal error: option %d", opt);
      }
  fmt = cli_output_format (list || domains ? NULL : outpath, fmt, fmt_given);
  char err[512];
  lsc_catalogue *cat = NULL;
  int st = 0;
  catpath = cli_catalogue_path (catpath);
  if (!wpath || list || domains) /* --weights needs no catalogue */
    {
      st = lsc_catalogue_read_file (&cat, catpath, err, sizeof err);
      if (st)
        cli_fatal_status (st, "%s", err);
    }
  cli_redirect_stdout (outpath);
  if (domains)
    {
      int dst = print_domains (cat, catpath);
      lsc_catalogue_free (cat);
      return cli_finish (dst);
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
      fam = detect_family (&detected, wpath, tol);
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
  size_t np = fam->nparams;
  lsc_table_output *o = cli_output_open (stdout, fmt, digits);
  size_t ncol = 10 + np;
  lsc_table_column *cols = calloc (ncol, sizeof *cols);
  char (*names)[24] = calloc (np ? np : 1, sizeof *names);
  if (!o || !cols || !names)
    cli_fatal (CLI_EXIT_SYSTEM, "out of memory");
  const char *fixed[] = { "d", "loss", "residual", "tangent_d", "fold",
                          "status", "type", "index", "min_eig", "min_comp" };
  lsc_table_coltype ft[] = { LSC_TABLE_REAL, LSC_TABLE_REAL, LSC_TABLE_REAL, LSC_TABLE_REAL,
                       LSC_TABLE_INT, LSC_TABLE_STATUS, LSC_TABLE_STRING,
                       LSC_TABLE_DECIMAL, LSC_TABLE_REAL, LSC_TABLE_STRING };
  for (size_t i = 0; i < 10; i++)
    cols[i].name = fixed[i], cols[i].type = ft[i];
  for (size_t i = 0; i < np; i++)
    {
      snprintf (names[i], sizeof names[i], "p%zu", i);
      cols[10 + i].name = names[i], cols[10 + i].type = LSC_TABLE_REAL;
    }
  follow_ctx x = { NULL, np, 0, isatty (STDERR_FILENO), o, fam->name, cols,
                   ncol };
  lsc_follow_result res;
  int where;
  fo.from = from;
  fo.to = to;
  fo.past_branch = past_branch;
  st = lsc_follow (&res, &where, fam, &fo, row, &x);
  if (st == LSC_ENOMEM)
    cli_fatal (CLI_EXIT_SYSTEM, "out of memory");
  if (st && where == 1)   /* outside the family's domain: 2; a failed step: 1 */
    cli_fatal_status (st, "cannot reach --from %g from d = %g: %s",
                      isnan (from) ? fam->d : from, fam->d, lsc_strerror (st));
  if (st)
    cli_fatal_status (st, "no critical point at d = %g: %s",
                      isnan (from) ? fam->d : from, lsc_strerror (st));
  if (!x.t) /* a run without points still prints the header */
    x.t = lsc_table_begin (o, fam->name, cols, ncol);
  lsc_table_end (x.t);
  cli_output_close (o);
  if (x.progress)
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
  free (cols);
  free (names);
  lsc_catalogue_free (cat);
  return cli_finish (rc);
}
