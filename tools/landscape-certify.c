/* landscape-certify: theorems in ball arithmetic (Arb) about catalogued
   families: a unique critical point in an explicit box with its Morse
   index proved, at one d or for every d in an interval, and proved
   crossing dimensions d*. */
#define _POSIX_C_SOURCE 200809L
#include <config.h>
#include <getopt.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <gsl/gsl_errno.h>
#include "landscape.h"
#include "landscape/lsc_families.h"
#include "landscape/lsc_certify.h"
#include "cli.h"

static void
usage (void)
{
  printf ("Usage: %s [OPTION]...\n", cli_program_name ());
  puts ("Prove, in ball arithmetic, statements about catalogued families of "
        "critical\n"
        "points: existence and uniqueness of the critical point in an "
        "explicit box and\n"
        "its Morse index, at one d or for every real d in an interval "
        "A:B, or the\n"
        "crossing dimension d* to 30 digits with its uniqueness.\n"
        "\n"
        "  -F, --family=NAME[,NAME]  families to treat (default: all)\n"
        "  -d, --d=D|A:B         one dimension, or every d in [A, B] "
        "(default 20)\n"
        "      --dstar           prove the catalogue's d* instead (width "
        "--width)\n"
        "      --width=W         width of the proved d* interval (default "
        "1e-31)\n"
        "      --minimum         range: prove a nondegenerate minimum (the "
        "default for\n"
        "                        spurious minima; saddles get their index)\n"
        "      --bits=N          working precision in bits (default: 192 + "
        "5 log2 d)\n"
        "      --evidence        also print the cover (every subinterval) "
        "of a range\n"
        "  -c, --catalogue=FILE  family catalogue (default: $LANDSCAPE_FAMILIES, "
        "the\n"
        "                        build tree's or the installed families.tsv)\n"
        "  -f, --format=FMT      text, tsv, json, latex or markdown (default: "
        "from the\n"
        "                        extension of --output, else text on a "
        "terminal, tsv)\n"
        "  -o, --output=FILE     write the tables to FILE instead of standard "
        "output\n"
        "  -q, --quiet           no progress on stderr\n"
        "  -h, --help            display this help and exit\n"
        "  -V, --version         output version information and exit\n"
        "\n"
        "Exit status: 0 if every statement was proved, 1 if some was not "
        "(its reason\n"
        "is printed), 2 for usage or input errors, 3 for system errors.");
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

/* CPU time of the process (user + system), seconds */
static double
cpu (void)
{
  struct timespec ts;
  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return (double) ts.tv_sec + 1e-9 * (double) ts.tv_nsec;
}

static double
now (void)
{
  struct timespec ts;
  clock_gettime (CLOCK_MONOTONIC, &ts);
  return (double) ts.tv_sec + 1e-9 * (double) ts.tv_nsec;
}

typedef struct
{
  lsc_table *t;
  const char *fam;
  size_t pieces, failed;
} cover_arg;

static int
cover_cb (const lsc_cert_piece *pc, void *arg)
{
  cover_arg *c = arg;
  c->pieces++;
  c->failed += !pc->proved;
  if (!c->t)
    return 0;
  lsc_table_cell_string (c->t, c->fam);
  lsc_table_cell_real (c->t, pc->a);
  lsc_table_cell_real (c->t, pc->b);
  lsc_table_cell_string (c->t, pc->proved ? "proved" : "not-proved");
  for (int k = 0; k < 4; k++)
    if (pc->morse.proved)
      lsc_table_cell_int (c->t, (long long) pc->morse.nneg[k]);
    else
      lsc_table_cell_empty (c->t);
  lsc_table_cell_real (c->t, pc->radius);
  lsc_table_cell_string (c->t, pc->reason);
  lsc_table_row_end (c->t);
  return 0;
}

static int do_point (lsc_table *t, const lsc_family *F, double d,
                     const lsc_certify_options *o);
static int do_dstar (lsc_table *t, const lsc_family *F,
                     const lsc_certify_options *o);

int
main (int argc, char **argv)
{
  cli_init (argv[0]);
  gsl_set_error_handler_off ();
  static const struct option longopts[] = {
    { "family", required_argument, NULL, 'F' },
    { "d", required_argument, NULL, 'd' },
    { "dstar", no_argument, NULL, 's' },
    { "width", required_argument, NULL, 'w' },
    { "minimum", no_argument, NULL, 'm' },
    { "bits", required_argument, NULL, 'b' },
    { "evidence", no_argument, NULL, 'e' },
    { "output", required_argument, NULL, 'o' },
    { "catalogue", required_argument, NULL, 'c' },
    { "format", required_argument, NULL, 'f' },
    { "quiet", no_argument, NULL, 'q' },
    { "help", no_argument, NULL, 'h' },
    { "version", no_argument, NULL, 'V' },
    { NULL, 0, NULL, 0 } };
  const char *families = NULL, *catpath = NULL, *drange = NULL;
  const char *outpath = NULL;
  int dstar = 0, minimum = 0, evidence = 0, quiet = 0, opt, fmt_given = 0;
  lsc_certify_options co;
  lsc_certify_options_init (&co);
  lsc_table_format fmt = cli_default_format ();
  /* --dstar, --width, --minimum, --bits, --evidence are long only (their
     letters mean other things in the other tools) */
  while ((opt = cli_getopt (argc, argv, "F:d:c:f:o:qhV", longopts)) != -1)
    switch (opt)
      {
      case 'F': families = optarg; break;
      case 'd': drange = optarg; break;
      case 's': dstar = 1; break;
      case 'w':
        co.dstar_width = cli_parse_double ("--width", optarg);
        if (!(co.dstar_width >= 1e-200 && co.dstar_width <= 1e-3))
          cli_fatal (CLI_EXIT_USAGE, "--width must be in [1e-200, 1e-3]");
        break;
      case 'm': minimum = 1; break;
      case 'b': co.prec = cli_parse_long ("--bits", optarg, 64, 100000); break;
      case 'e': evidence = 1; break;
      case 'c': catpath = optarg; break;
      case 'f': fmt = cli_parse_format ("--format", optarg); fmt_given = 1; break;
      case 'o': outpath = optarg; break;
      case 'q': quiet = 1; break;
      case 'h': usage (); return cli_finish (CLI_EXIT_OK);
      case 'V':
        cli_version ();
        printf ("Arb %s, FLINT %s\n", arb_version, flint_version);
        return cli_finish (CLI_EXIT_OK);
      default:
        cli_fatal (CLI_EXIT_SYSTEM, "internal error: option %d", opt);
      }
  if (optind != argc)
    cli_fatal (CLI_EXIT_USAGE, "unexpected argument '%s'", argv[optind]);
  if (dstar && drange)
    cli_fatal (CLI_EXIT_USAGE, "--dstar and --d are exclusive");
  fmt = cli_output_format (outpath, fmt, fmt_given);
  double da = 20, db = 20;
  if (drange)
    {
      const char *colon = strchr (drange, ':');
      if (colon)
        {
          char a[128];
          size_t m = (size_t) (colon - drange);
          if (m == 0 || m >= sizeof a)
            cli_fatal (CLI_EXIT_USAGE, "invalid range '%s' for --d", drange);
          memcpy (a, drange, m);
          a[m] = 0;
          da = cli_parse_double ("--d", a);
          db = cli_parse_double ("--d", colon + 1);
        }
      else
        da = db = cli_parse_double ("--d", drange);
      if (!(da > 0) || !(db >= da) || db > 1e15)
        cli_fatal (CLI_EXIT_USAGE, "--d needs 0 < A <= B <= 1e15");
    }
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
        const lsc_family *F = lsc_catalogue_find (cat, name);
        if (!F)
          cli_fatal (CLI_EXIT_USAGE, "no family '%s' in %s", name, catpath);
        p += m + (e != NULL);
      }
  cli_redirect_stdout (outpath);
  int progress = !quiet && isatty (STDERR_FILENO);
  lsc_table_output *o = cli_output_open (stdout, fmt, 0);
  if (!o)
    cli_fatal (CLI_EXIT_SYSTEM, "out of memory");
  int exit_rc = CLI_EXIT_OK;
  if (dstar)
    {
      static const lsc_table_column cols[] = {
        { "family", LSC_TABLE_STRING },    { "component", LSC_TABLE_STRING },
        { "d_lo", LSC_TABLE_DECIMAL },     { "d_hi", LSC_TABLE_DECIMAL },
        { "width", LSC_TABLE_REAL },       { "catalogue", LSC_TABLE_DECIMAL },
        { "contains", LSC_TABLE_STRING },  { "block_neg", LSC_TABLE_STRING },
        { "seconds", LSC_TABLE_REAL },     { "status", LSC_TABLE_STRING },
        { "reason", LSC_TABLE_STRING },    { "multiplicity", LSC_TABLE_INT } };
      lsc_table *t = lsc_table_begin_captioned (
          o, "dstar", "Proved crossing dimensions: exactly one $d^*$ in "
          "$[d_{lo}, d_{hi}]$ at which the component's block of the Hessian "
          "is singular along the family; multiplicity: that eigenvalue's in "
          "the block (p - 1 in the standard representation of a small "
          "block's $S_p$).", cols, sizeof cols / sizeof *cols);
      for (size_t f = 0; f < cat->n; f++)
        {
          const lsc_family *F = &cat->fam[f];
          if (!in_list (families, F->name) || !F->dstar_text[0]
              || strcmp (F->dstar_text, "-") == 0)
            continue;
          if (progress)
            fprintf (stderr, "%s: d* of %s ...\n", cli_program_name (),
                     F->name);
          if (do_dstar (t, F, &co))
            exit_rc = CLI_EXIT_NOCONV;
        }
      lsc_table_end (t);
    }
  else if (da == db)
    {
      static const lsc_table_column cols[] = {
        { "family", LSC_TABLE_STRING },   { "d", LSC_TABLE_REAL },
        { "theorem", LSC_TABLE_STRING },  { "index", LSC_TABLE_REAL },
        { "neg_t", LSC_TABLE_INT },       { "neg_s", LSC_TABLE_INT },
        { "neg_x", LSC_TABLE_INT },       { "neg_y", LSC_TABLE_INT },
        { "loss", LSC_TABLE_STRING },     { "radius", LSC_TABLE_REAL },
        { "seconds", LSC_TABLE_REAL },    { "status", LSC_TABLE_STRING },
        { "reason", LSC_TABLE_STRING },   { "flat", LSC_TABLE_INT } };
      lsc_table *t = lsc_table_begin_captioned (
          o, "certify", "Proved critical points: a unique zero of the "
          "restricted gradient in a box of the given radius, the negative "
          "eigenvalues of each isotypic block, and the Morse index.", cols,
          sizeof cols / sizeof *cols);
      for (size_t f = 0; f < cat->n; f++)
        {
          const lsc_family *F = &cat->fam[f];
          if (!in_list (families, F->name))
            continue;
          if (progress)
            fprintf (stderr, "%s: %s at d = %g ...\n", cli_program_name (),
                     F->name, da);
          if (do_point (t, F, da, &co))
            exit_rc = CLI_EXIT_NOCONV;
        }
      lsc_table_end (t);
    }
  else
    {
      static const lsc_table_column cols[] = {
        { "family", LSC_TABLE_STRING },   { "a", LSC_TABLE_REAL },
        { "b", LSC_TABLE_REAL },          { "theorem", LSC_TABLE_STRING },
        { "pieces", LSC_TABLE_INT },      { "failed", LSC_TABLE_INT },
        { "seconds", LSC_TABLE_REAL },    { "status", LSC_TABLE_STRING },
        { "cpu_seconds", LSC_TABLE_REAL } };
      static const lsc_table_column ccols[] = {
        { "family", LSC_TABLE_STRING },   { "a", LSC_TABLE_REAL },
        { "b", LSC_TABLE_REAL },          { "status", LSC_TABLE_STRING },
        { "neg_t", LSC_TABLE_INT },       { "neg_s", LSC_TABLE_INT },
        { "neg_x", LSC_TABLE_INT },       { "neg_y", LSC_TABLE_INT },
        { "radius", LSC_TABLE_REAL },     { "reason", LSC_TABLE_STRING } };
      cover_arg ca = { NULL, NULL, 0, 0 };
      lsc_table *ct = NULL, *t = NULL;
      if (evidence)
        ct = lsc_table_begin (o, "cover", ccols, sizeof ccols / sizeof *ccols);
      /* the summary rows are printed after the covers */
      typedef struct { const char *fam; char th[48]; size_t n, nf; double s, cpu; int ok; } srow;
      srow *rows = calloc (cat->n, sizeof *rows);
      size_t nrows = 0;
      if (!rows)
        cli_fatal (CLI_EXIT_SYSTEM, "out of memory");
      for (size_t f = 0; f < cat->n; f++)
        {
          const lsc_family *F = &cat->fam[f];
          if (!in_list (families, F->name))
            continue;
          int want = minimum ? LSC_CERT_MINIMUM
                             : lsc_certify_range_kind (F->kind);
          if (progress)
            fprintf (stderr, "%s: %s on [%g, %g] ...\n", cli_program_name (),
                     F->name, da, db);
          ca.t = ct;
          ca.fam = F->name;
          ca.pieces = ca.failed = 0;
          int proved = 0;
          double t0 = now (), c0 = cpu ();
          int st = lsc_certify_range (&proved, &F->G, F->p, F->d, da, db,
                                      want, cover_cb, &ca, &co);
          if (st == LSC_ENOMEM)
            cli_fatal (CLI_EXIT_SYSTEM, "out of memory");
          srow *r = &rows[nrows++];
          r->fam = F->name;
          snprintf (r->th, sizeof r->th, "%s",
                    want == LSC_CERT_MINIMUM ? "nondegenerate-minimum"
                                             : "constant-index");
          r->n = ca.pieces;
          r->nf = ca.failed;
          r->s = now () - t0;
          r->cpu = cpu () - c0;
          r->ok = proved && !st;
          if (!r->ok)
            exit_rc = CLI_EXIT_NOCONV;
        }
      if (ct)
        lsc_table_end (ct);
      t = lsc_table_begin_captioned (
          o, "ranges", "Range theorems: for every real $d$ in $[a, b]$ the "
          "family's critical point exists, is unique in its box, and has the "
          "stated type; the cover (--evidence) is the proof's evidence.",
          cols, sizeof cols / sizeof *cols);
      for (size_t i = 0; i < nrows; i++)
        {
          lsc_table_cell_string (t, rows[i].fam);
          lsc_table_cell_real (t, da);
          lsc_table_cell_real (t, db);
          lsc_table_cell_string (t, rows[i].th);
          lsc_table_cell_int (t, (long long) rows[i].n);
          lsc_table_cell_int (t, (long long) rows[i].nf);
          lsc_table_cell_real (t, rows[i].s);
          lsc_table_cell_string (t, rows[i].ok ? "proved" : "not-proved");
          lsc_table_cell_real (t, rows[i].cpu);
          lsc_table_row_end (t);
        }
      lsc_table_end (t);
      free (rows);
    }
  cli_output_close (o);
  lsc_catalogue_free (cat);
  return cli_finish (exit_rc);
}

static int
do_point (lsc_table *t, const lsc_family *F, double d,
          const lsc_certify_options *o)
{
  double t0 = now ();
  lsc_cert_point r;
  if (lsc_cert_point_init (&r, F->nparams))
    cli_fatal (CLI_EXIT_SYSTEM, "out of memory");
  int rc = lsc_certify_point (&r, &F->G, F->p, F->d, d, o);
  if (rc == LSC_ENOMEM)
    cli_fatal (CLI_EXIT_SYSTEM, "out of memory");
  int proved = !rc && r.proved;
  lsc_table_cell_string (t, F->name);
  lsc_table_cell_real (t, d);
  lsc_table_cell_string (t, proved ? lsc_cert_morse_theorem (&r.morse) : "");
  if (proved && isfinite (r.index))
    lsc_table_cell_real (t, r.index);
  else
    lsc_table_cell_empty (t);
  for (int k = 0; k < 4; k++)
    if (proved)
      lsc_table_cell_int (t, (long long) r.morse.nneg[k]);
    else
      lsc_table_cell_empty (t);
  if (!rc && r.crit.proved)
    {
      char *s = arb_get_str (r.crit.loss, 30, 0);
      lsc_table_cell_string (t, s);
      flint_free (s);
      lsc_table_cell_real (t, r.crit.radius);
    }
  else
    {
      lsc_table_cell_empty (t);
      lsc_table_cell_empty (t);
    }
  lsc_table_cell_real (t, now () - t0);
  lsc_table_cell_string (t, proved ? "proved" : "not-proved");
  lsc_table_cell_string (t, rc ? lsc_strerror (rc) : r.reason);
  if (proved)
    lsc_table_cell_int (t, (long long) r.morse.nzero[0]);
  else
    lsc_table_cell_empty (t);
  lsc_table_row_end (t);
  lsc_cert_point_clear (&r);
  return !proved;
}

static int
do_dstar (lsc_table *t, const lsc_family *F, const lsc_certify_options *o)
{
  double t0 = now ();
  lsc_cert_dstar r;
  lsc_cert_dstar_init (&r);
  int rc = lsc_certify_dstar (&r, &F->G, F->p, F->d, F->dstar_text, o);
  if (rc == LSC_ENOMEM)
    cli_fatal (CLI_EXIT_SYSTEM, "out of memory");
  char lo[96] = "", hi[96] = "";
  int contains = lsc_cert_dstar_within (&r, F->dstar_text);
  lsc_table_cell_string (t, F->name);
  lsc_table_cell_string (t, r.irrep >= 0 ? lsc_irrep_name (r.irrep) : "");
  if (r.proved)
    {
      lsc_cert_endpoint (lo, sizeof lo, r.dstar, 0, 40);
      lsc_cert_endpoint (hi, sizeof hi, r.dstar, 1, 40);
      lsc_table_cell_decimal (t, lo);
      lsc_table_cell_decimal (t, hi);
      lsc_table_cell_real (t, 2 * mag_get_d (arb_radref (r.dstar)));
    }
  else
    {
      lsc_table_cell_empty (t);
      lsc_table_cell_empty (t);
      lsc_table_cell_empty (t);
    }
  lsc_table_cell_decimal (t, F->dstar_text);
  lsc_table_cell_string (t, r.proved ? (contains ? "yes" : "no") : "");
  char chg[64] = "";
  if (r.proved)
    snprintf (chg, sizeof chg, "%zu->%zu", r.nneg_lo, r.nneg_hi);
  lsc_table_cell_string (t, chg);
  lsc_table_cell_real (t, now () - t0);
  int ok = r.proved && contains;
  lsc_table_cell_string (t, ok ? "proved" : "not-proved");
  lsc_table_cell_string (t, r.proved && !contains
                          ? "the proved interval is not within the "
                            "catalogue's digits"
                          : r.reason);
  if (r.proved)
    lsc_table_cell_int (t, (long long) r.multiplicity);
  else
    lsc_table_cell_empty (t);
  lsc_table_row_end (t);
  lsc_cert_dstar_clear (&r);
  return !ok;
}
