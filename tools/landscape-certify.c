/* landscape-certify: theorems in ball arithmetic (Arb) about catalogued
   families: a unique critical point in an explicit box with its Morse
   index proved, at one d or for every d in an interval, and proved
   crossing dimensions d*.  The proofs and the rules that call a statement
   proved are lsc_certify(3)'s; this tool parses, calls and prints. */
#define _POSIX_C_SOURCE 200809L
#include <config.h>
#include <getopt.h>
#include <stdarg.h>
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
  puts ("Prove, in ball arithmetic, statements about catalogued families of critical\n"
        "points: existence and uniqueness of the critical point in an explicit box and\n"
        "its Morse index, at one d or for every real d in an interval A:B, or the\n"
        "crossing dimension d* to 30 digits with its uniqueness.\n\n"
        "  -F, --family=NAME[,NAME]  families to treat (default: all)\n"
        "  -d, --d=D|A:B         one dimension, or every d in [A, B] (default 20)\n"
        "      --dstar           prove the catalogue's d* instead (width --width)\n"
        "      --width=W         width of the proved d* interval (default 1e-31)\n"
        "      --minimum         range: prove a nondegenerate minimum (the default for\n"
        "                        spurious minima; saddles get their index)\n"
        "      --bits=N          working precision in bits (default: 192 + 5 log2 d)\n"
        "      --evidence        also print the cover (every subinterval) of a range\n"
        "  -c, --catalogue=FILE  family catalogue (default: $LANDSCAPE_FAMILIES, the\n"
        "                        build tree's or the installed families.tsv)\n"
        "  -f, --format=FMT      text, tsv, json, latex or markdown (default: from the\n"
        "                        extension of --output, else text on a terminal, tsv)\n"
        "  -o, --output=FILE     write the tables to FILE instead of standard output\n"
        "  -q, --quiet           no progress on stderr\n"
        "  -h, --help            display this help and exit\n"
        "  -V, --version         output version information and exit\n\n"
        "Exit status: 0 if every statement was proved, 1 if some was not (its reason\n"
        "is printed), 2 for usage or input errors, 3 for system errors.");
}

/* Table cells from a format: s string, d decimal, r real, i integer,
   - empty, . end of the row; each cell takes one argument (none for -
   and .). */
static void
cells (lsc_table *t, const char *fmt, ...)
{
  va_list ap;
  va_start (ap, fmt);
  for (; *fmt; fmt++)
    switch (*fmt)
      {
      case 's': lsc_table_cell_string (t, va_arg (ap, const char *)); break;
      case 'd': lsc_table_cell_decimal (t, va_arg (ap, const char *)); break;
      case 'r': lsc_table_cell_real (t, va_arg (ap, double)); break;
      case 'i': lsc_table_cell_int (t, va_arg (ap, long long)); break;
      case '.': lsc_table_row_end (t); break;
      default: lsc_table_cell_empty (t); break;
      }
  va_end (ap);
}

static lsc_table *cover; /* --evidence */
static const char *fam_name;

static int
cover_cb (const lsc_cert_piece *pc, void *arg)
{
  (void) arg;
  const size_t *n = pc->morse.nneg;
  cells (cover, "srrs", fam_name, pc->a, pc->b,
         pc->proved ? "proved" : "not-proved");
  cells (cover, pc->morse.proved ? "iiii" : "----", (long long) n[0],
         (long long) n[1], (long long) n[2], (long long) n[3]);
  cells (cover, "rs.", pc->radius, pc->reason);
  return 0;
}

static int
do_point (lsc_table *t, const lsc_family *F, double d,
          const lsc_certify_options *o)
{
  lsc_cert_point r;
  if (lsc_cert_point_init (&r, F->nparams))
    cli_fatal (CLI_EXIT_SYSTEM, "out of memory");
  int rc = lsc_certify_point (&r, &F->G, F->p, F->d, d, o), box;
  if (rc == LSC_ENOMEM)
    cli_fatal (CLI_EXIT_SYSTEM, "out of memory");
  const char *why;
  int ok = lsc_cert_point_verdict (&r, rc, &box, &why);
  const size_t *n = r.morse.nneg;
  char *loss = box ? arb_get_str (r.crit.loss, 30, 0) : NULL;
  cells (t, "srs", F->name, d, ok ? lsc_cert_morse_theorem (&r.morse) : "");
  cells (t, ok && isfinite (r.index) ? "r" : "-", r.index);
  cells (t, ok ? "iiii" : "----", (long long) n[0], (long long) n[1],
         (long long) n[2], (long long) n[3]);
  cells (t, box ? "sr" : "--", loss, r.crit.radius);
  cells (t, ok ? "rssi." : "rss-.", r.seconds, ok ? "proved" : "not-proved",
         why, (long long) r.morse.nzero[0]);
  flint_free (loss);
  lsc_cert_point_clear (&r);
  return !ok;
}

static int
do_dstar (lsc_table *t, const lsc_family *F, const lsc_certify_options *o)
{
  lsc_cert_dstar r;
  lsc_cert_dstar_init (&r);
  if (lsc_certify_dstar (&r, &F->G, F->p, F->d, F->dstar_text, o)
      == LSC_ENOMEM)
    cli_fatal (CLI_EXIT_SYSTEM, "out of memory");
  int contains;
  const char *why, *irrep = r.irrep >= 0 ? lsc_irrep_name (r.irrep) : "";
  int ok = lsc_cert_dstar_verdict (&r, F->dstar_text, &contains, &why);
  char lo[96], hi[96], chg[64];
  if (r.proved)
    {
      lsc_cert_endpoint (lo, sizeof lo, r.dstar, 0, 40);
      lsc_cert_endpoint (hi, sizeof hi, r.dstar, 1, 40);
      snprintf (chg, sizeof chg, "%zu->%zu", r.nneg_lo, r.nneg_hi);
      cells (t, "ssddrdssrssi.", F->name, irrep, lo, hi,
           2 * mag_get_d (arb_radref (r.dstar)), F->dstar_text,
           contains ? "yes" : "no", chg, r.seconds,
           ok ? "proved" : "not-proved", why, (long long) r.multiplicity);
    }
  else
    cells (t, "ss---dssrss-.", F->name, irrep, F->dstar_text, "", "",
         r.seconds, "not-proved", why);
  lsc_cert_dstar_clear (&r);
  return !ok;
}

static const lsc_table_column point_cols[] = {
  { "family", LSC_TABLE_STRING }, { "d", LSC_TABLE_REAL },
  { "theorem", LSC_TABLE_STRING }, { "index", LSC_TABLE_REAL },
  { "neg_t", LSC_TABLE_INT }, { "neg_s", LSC_TABLE_INT },
  { "neg_x", LSC_TABLE_INT }, { "neg_y", LSC_TABLE_INT },
  { "loss", LSC_TABLE_STRING }, { "radius", LSC_TABLE_REAL },
  { "seconds", LSC_TABLE_REAL }, { "status", LSC_TABLE_STRING },
  { "reason", LSC_TABLE_STRING }, { "flat", LSC_TABLE_INT } };
static const lsc_table_column dstar_cols[] = {
  { "family", LSC_TABLE_STRING }, { "component", LSC_TABLE_STRING },
  { "d_lo", LSC_TABLE_DECIMAL }, { "d_hi", LSC_TABLE_DECIMAL },
  { "width", LSC_TABLE_REAL }, { "catalogue", LSC_TABLE_DECIMAL },
  { "contains", LSC_TABLE_STRING }, { "block_neg", LSC_TABLE_STRING },
  { "seconds", LSC_TABLE_REAL }, { "status", LSC_TABLE_STRING },
  { "reason", LSC_TABLE_STRING }, { "multiplicity", LSC_TABLE_INT } };
static const lsc_table_column range_cols[] = {
  { "family", LSC_TABLE_STRING }, { "a", LSC_TABLE_REAL },
  { "b", LSC_TABLE_REAL }, { "theorem", LSC_TABLE_STRING },
  { "pieces", LSC_TABLE_INT }, { "failed", LSC_TABLE_INT },
  { "seconds", LSC_TABLE_REAL }, { "status", LSC_TABLE_STRING },
  { "cpu_seconds", LSC_TABLE_REAL } };
static const lsc_table_column cover_cols[] = {
  { "family", LSC_TABLE_STRING }, { "a", LSC_TABLE_REAL },
  { "b", LSC_TABLE_REAL }, { "status", LSC_TABLE_STRING },
  { "neg_t", LSC_TABLE_INT }, { "neg_s", LSC_TABLE_INT },
  { "neg_x", LSC_TABLE_INT }, { "neg_y", LSC_TABLE_INT },
  { "radius", LSC_TABLE_REAL }, { "reason", LSC_TABLE_STRING } };
#define NCOLS(c) (sizeof c / sizeof *c)

/* --version: the ball arithmetic's libraries too. */
static void
arb_versions (void)
{
  printf ("Arb %s, FLINT %s\n", arb_version, flint_version);
}

int
main (int argc, char **argv)
{
  cli_start (argv[0], usage);
  cli_version_extra = arb_versions;
  /* --dstar, --width, --minimum, --bits, --evidence are long only (their
     letters mean other things in the other tools) */
  static const struct option longopts[] = {
    { "family", required_argument, NULL, 'F' }, { "d", required_argument, NULL, 'd' },
    { "dstar", no_argument, NULL, 's' }, { "width", required_argument, NULL, 'w' },
    { "minimum", no_argument, NULL, 'm' }, { "bits", required_argument, NULL, 'b' },
    { "evidence", no_argument, NULL, 'e' }, { "output", required_argument, NULL, 'o' },
    { "catalogue", required_argument, NULL, 'c' }, { "format", required_argument, NULL, 'f' },
    { "quiet", no_argument, NULL, 'q' }, { "help", no_argument, NULL, 'h' },
    { "version", no_argument, NULL, 'V' }, { NULL, 0, NULL, 0 } };
  const char *families = NULL, *catpath = NULL, *drange = NULL;
  int dstar = 0, minimum = 0, evidence = 0, quiet = 0, opt;
  lsc_certify_options co;
  lsc_certify_options_init (&co);
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
      case 'q': quiet = 1; break;
      default: cli_fatal (CLI_EXIT_SYSTEM, "internal error: option %d", opt);
      }
  if (optind != argc)
    cli_fatal (CLI_EXIT_USAGE, "unexpected argument '%s'", argv[optind]);
  if (dstar && drange)
    cli_fatal (CLI_EXIT_USAGE, "--dstar and --d are exclusive");
  cli_output_resolve (1);
  double da = 20, db = 20;
  if (drange)
    {
      char a[128];
      size_t m = strcspn (drange, ":");
      if (drange[m] && (m == 0 || m >= sizeof a))
        cli_fatal (CLI_EXIT_USAGE, "invalid range '%s' for --d", drange);
      if (drange[m])
        {
          memcpy (a, drange, m);
          a[m] = 0;
          da = cli_parse_double ("--d", a);
          db = cli_parse_double ("--d", drange + m + 1);
        }
      else
        da = db = cli_parse_double ("--d", drange);
      if (!(da > 0) || !(db >= da) || db > 1e15)
        cli_fatal (CLI_EXIT_USAGE, "--d needs 0 < A <= B <= 1e15");
    }
  char err[512];
  lsc_catalogue *cat = NULL;
  catpath = cli_catalogue_path (catpath);
  int cst = lsc_catalogue_read_file (&cat, catpath, err, sizeof err);
  if (cst)
    cli_fatal_status (cst, "%s", err);
  /* the families asked for, in catalogue order */
  const lsc_family **sel = cli_xmalloc ((cat->n + 1) * sizeof *sel);
  size_t nsel = cli_families (cat, families, catpath, sel, cat->n);
  int progress = !quiet && isatty (STDERR_FILENO), fail = 0;
  lsc_table_output *o = cli_output_start (0);
  lsc_cert_range_stat *st = calloc (cat->n, sizeof *st);
  if (!o || !st)
    cli_fatal (CLI_EXIT_SYSTEM, "out of memory");
  lsc_table *t = dstar ? lsc_table_begin_captioned (
      o, "dstar", "Proved crossing dimensions: exactly one $d^*$ in "
      "$[d_{lo}, d_{hi}]$ at which the component's block of the Hessian is "
      "singular along the family; multiplicity: that eigenvalue's in the "
      "block (p - 1 in the standard representation of a small block's "
      "$S_p$).", dstar_cols, NCOLS (dstar_cols))
    : da == db ? lsc_table_begin_captioned (
      o, "certify", "Proved critical points: a unique zero of the restricted "
      "gradient in a box of the given radius, the negative eigenvalues of "
      "each isotypic block, and the Morse index.", point_cols,
      NCOLS (point_cols))
    : evidence ? lsc_table_begin (o, "cover", cover_cols, NCOLS (cover_cols))
    : NULL;
  cover = t;
  for (size_t f = 0; f < cat->n; f++)
    {
      const lsc_family *F = &cat->fam[f];
      int chosen = !families;
      for (size_t i = 0; i < nsel && !chosen; i++)
        chosen = sel[i] == F;
      if (!chosen || (dstar && (!F->dstar_text[0] || !strcmp (F->dstar_text, "-"))))
        continue;
      if (progress)
        fprintf (stderr, dstar ? "%s: d* of %s ...\n" : da == db
                 ? "%s: %s at d = %g ...\n" : "%s: %s on [%g, %g] ...\n",
                 cli_program_name (), F->name, da, db);
      fam_name = F->name;
      if (dstar)
        fail |= do_dstar (t, F, &co);
      else if (da == db)
        fail |= do_point (t, F, da, &co);
      else if (lsc_certify_range_stat (&st[f], &F->G, F->p, F->d, da, db,
                                       minimum ? LSC_CERT_MINIMUM
                                       : lsc_certify_range_kind (F->kind),
                                       cover ? cover_cb : NULL, NULL, &co)
               == LSC_ENOMEM)
        cli_fatal (CLI_EXIT_SYSTEM, "out of memory");
      else
        fail |= !st[f].proved;
    }
  if (t)
    lsc_table_end (t);
  if (!dstar && da != db)
    {
      /* the summary rows follow the covers */
      t = lsc_table_begin_captioned (
          o, "ranges", "Range theorems: for every real $d$ in $[a, b]$ the "
          "family's critical point exists, is unique in its box, and has the "
          "stated type; the cover (--evidence) is the proof's evidence.",
          range_cols, NCOLS (range_cols));
      for (size_t f = 0; f < cat->n; f++)
        if (st[f].theorem)
          cells (t, "srrsiirsr.", cat->fam[f].name, da, db, st[f].theorem,
               (long long) st[f].pieces, (long long) st[f].failed,
               st[f].seconds, st[f].proved ? "proved" : "not-proved",
               st[f].cpu_seconds);
      lsc_table_end (t);
    }
  free (st);
  free (sel);
  cli_output_close (o);
  lsc_catalogue_free (cat);
  return cli_finish (fail ? CLI_EXIT_NOCONV : CLI_EXIT_OK);
}
