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
#include "landscape/lsc_certify.h"
#include "cli.h"

#define MAXB 32

static void
usage (void)
{
  printf ("Usage: %s [OPTION]...\n", cli_program_name ());
  puts ("Find the real dimensions d* at which catalogued families of critical "
        "points\n"
        "change type (an eigenvalue of one isotypic component of the Hessian "
        "crosses\n"
        "zero) or fold, and print d* to the requested number of digits, "
        "agreed by\n"
        "a second solve at higher precision (agreement, not a proof: --prove "
        "adds a\n"
        "proof in ball arithmetic of each crossing).\n"
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
        "  -P, --prove           prove each crossing: exactly one d* in an "
        "interval\n"
        "                        inside the printed digits (column proof)\n"
        "  -f, --format=FMT      text, tsv, json, latex or markdown\n"
        "  -q, --quiet           no progress on stderr\n"
        "  -h, --help            display this help and exit\n"
        "  -V, --version         output version information and exit\n"
        "\n"
        "Exit status: 0 if every d* was found and agreed (and proved with "
        "--prove), 1 if some row "
        "was not\n"
        "(its status says why), 2 for usage or input errors, 3 for system "
        "errors.");
}

/* Name of the type change of a crossing from the Morse indices on both
   sides (as d grows). */
static const char *
change_name (const lsc_bif_bracket *b)
{
  if (b->fold)
    return "fold";
  if (isnan (b->index_lo) || isnan (b->index_hi))
    return "unknown";
  if (b->index_lo > 0 && b->index_hi == 0)
    return "saddle->minimum";
  if (b->index_lo == 0 && b->index_hi > 0)
    return "minimum->saddle";
  return "saddle->saddle";
}

/* Decimal string of x with digits significant digits (malloc'd). */
static char *
decimal (const mpfr_t x, unsigned digits)
{
  size_t len = digits + 32;
  char *s = malloc (len);
  if (s)
    mpfr_snprintf (s, len, "%.*Rg", (int) digits, x);
  return s;
}

/* A proof of the crossing near the decimal d (lsc_certify_dstar) whose
   interval lies within half a unit in the last printed digit. */
static int
prove_row (const lsc_family *F, const char *d)
{
  lsc_cert_dstar r;
  lsc_cert_dstar_init (&r);
  int ok = !lsc_certify_dstar (&r, &F->G, F->p, F->d, d, NULL) && r.proved;
  if (ok)
    {
      const char *dot = strchr (d, '.'), *e = strpbrk (d, "eE");
      long frac = dot ? (long) ((e ? e : d + strlen (d)) - dot - 1) : 0;
      long ex = e ? strtol (e + 1, NULL, 10) : 0;
      arb_t c;
      arb_init (c);
      arb_set_str (c, d, 512);
      mag_set_d (arb_radref (c), 0.5 * pow (10.0, (double) (ex - frac)));
      ok = arb_contains (c, r.dstar);
      arb_clear (c);
    }
  lsc_cert_dstar_clear (&r);
  return ok;
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
    { "prove", no_argument, NULL, 'P' },
    { "format", required_argument, NULL, 'f' },
    { "quiet", no_argument, NULL, 'q' },
    { "help", no_argument, NULL, 'h' },
    { "version", no_argument, NULL, 'V' },
    { NULL, 0, NULL, 0 } };
  const char *families = NULL, *catpath = NULL;
  double from = 2, to = 100;
  unsigned digits = 30;
  int params = 0, prove = 0, quiet = 0, opt;
  cli_format fmt = cli_default_format ();
  while ((opt = getopt_long (argc, argv, "F:n:t:c:pPf:qhV", longopts, NULL))
         != -1)
    switch (opt)
      {
      case 'F': families = optarg; break;
      case 'n': digits = (unsigned) cli_parse_long ("--digits", optarg, 1, 1000); break;
      case 256: from = cli_parse_double ("--from", optarg); break;
      case 't': to = cli_parse_double ("--to", optarg); break;
      case 'c': catpath = optarg; break;
      case 'p': params = 1; break;
      case 'P': prove = 1; break;
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
    { "status", CLI_COL_STATUS },   { "proof", CLI_COL_STRING } };
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
  typedef struct { char fam[64]; char dstar[48]; size_t np; char **p; } prow;
  prow *prows = NULL;
  size_t nprows = 0;
  int exit_rc = CLI_EXIT_OK;
  lsc_bif_options bo;
  lsc_bif_options_init (&bo);
  bo.digits = digits;
  for (size_t f = 0; f < cat->n; f++)
    {
      const lsc_family *F = &cat->fam[f];
      if (!in_list (families, F->name))
        continue;
      if (progress)
        fprintf (stderr, "\r%s: %s ...            ", cli_program_name (),
                 F->name);
      double lo = fmin (from, F->d), hi = fmax (to, F->d);
      lsc_bif_bracket br[MAXB];
      size_t nb = 0;
      int st = lsc_bif_scan (br, &nb, MAXB, &F->G, F->p, F->d, lo, hi);
      if (st)
        {
          cli_cell_string (t, F->name);
          cli_cell_string (t, "scan");
          for (size_t i = 2; i < ncol - 2; i++)
            cli_cell_empty (t);
          cli_cell_status (t, st);
          cli_cell_empty (t);
          cli_row_end (t);
          exit_rc = CLI_EXIT_NOCONV;
          continue;
        }
      for (size_t b = 0; b < nb; b++)
        {
          lsc_bif_family fam;
          lsc_bif_restricted rr;
          lsc_bif_restricted_init (&fam, &rr, &F->G, br[b].irrep);
          mpfr_prec_t wp = lsc_bif_prec (&bo, 1);
          mpfr_t ds, L;
          mpfr_init2 (ds, wp);
          mpfr_init2 (L, wp);
          mpfr_t *ps = malloc (fam.n * sizeof (mpfr_t));
          if (!ps)
            cli_fatal (CLI_EXIT_SYSTEM, "out of memory");
          for (size_t i = 0; i < fam.n; i++)
            mpfr_init2 (ps[i], wp);
          lsc_bif_result res;
          if (br[b].fold)
            st = lsc_bif_fold (ds, ps, &res, &fam, br[b].d_lo, br[b].p_lo,
                               NULL, &bo);
          else
            st = lsc_bif_crossing (ds, ps, &res, &fam, br[b].d_lo,
                                   br[b].d_hi, br[b].p_lo, br[b].p_hi, &bo);
          int have = st == LSC_SUCCESS || st == LSC_EPREC;
          cli_cell_string (t, F->name);
          cli_cell_string (t, br[b].fold ? "fold" : "crossing");
          cli_cell_string (t, lsc_irrep_name (br[b].irrep));
          cli_cell_int (t, (long long) br[b].inner);
          double dd = have ? mpfr_get_d (ds, MPFR_RNDN) : NAN;
          lsc_young G = F->G;
          if (have && !br[b].fold && !lsc_young_set_d (&G, dd))
            cli_cell_real (t, br[b].inner * lsc_irrep_dim (br[b].irrep, G.rsize[0]));
          else
            cli_cell_empty (t);
          char *dstr = have ? decimal (ds, digits) : NULL;
          if (dstr)
            cli_cell_decimal (t, dstr);
          else
            cli_cell_empty (t);
          cli_cell_string (t, change_name (&br[b]));
          if (isnan (br[b].index_lo))
            cli_cell_empty (t);
          else
            cli_cell_real (t, br[b].index_lo);
          if (isnan (br[b].index_hi))
            cli_cell_empty (t);
          else
            cli_cell_real (t, br[b].index_hi);
          int lst = have ? lsc_young_set_d (&G, dd) : 1;
          if (!lst)
            lst = lsc_restricted_eval_mpfr (L, NULL, NULL, (const mpfr_t *) ps,
                                            &G, ds);
          char *lstr = !lst ? decimal (L, digits) : NULL;
          if (lstr)
            cli_cell_decimal (t, lstr);
          else
            cli_cell_empty (t);
          if (have)
            cli_cell_real (t, res.lam_abs);
          else
            cli_cell_empty (t);
          cli_cell_int (t, (long long) res.digits_agree);
          cli_cell_status (t, st);
          /* "proved" only for a ball-arithmetic proof of exactly one
             crossing in an interval inside the printed digits */
          if (prove && dstr && !br[b].fold)
            {
              int pr = prove_row (F, dstr);
              cli_cell_string (t, pr ? "proved" : "not-proved");
              if (!pr)
                exit_rc = CLI_EXIT_NOCONV;
            }
          else
            cli_cell_empty (t);
          cli_row_end (t);
          if (st)
            exit_rc = CLI_EXIT_NOCONV;
          if (params && have)
            {
              prow *nr = realloc (prows, (nprows + 1) * sizeof *prows);
              if (!nr)
                cli_fatal (CLI_EXIT_SYSTEM, "out of memory");
              prows = nr;
              prow *pr = &prows[nprows++];
              snprintf (pr->fam, sizeof pr->fam, "%s", F->name);
              mpfr_snprintf (pr->dstar, sizeof pr->dstar, "%.20Rg", ds);
              pr->np = fam.n;
              pr->p = malloc (fam.n * sizeof (char *));
              for (size_t i = 0; pr->p && i < fam.n; i++)
                pr->p[i] = decimal (ps[i], digits);
            }
          free (dstr);
          free (lstr);
          for (size_t i = 0; i < fam.n; i++)
            mpfr_clear (ps[i]);
          free (ps);
          mpfr_clears (ds, L, (mpfr_ptr) 0);
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
      for (size_t r = 0; r < nprows; r++)
        {
          for (size_t i = 0; i < prows[r].np; i++)
            {
              cli_cell_string (pt, prows[r].fam);
              cli_cell_decimal (pt, prows[r].dstar);
              cli_cell_int (pt, (long long) i);
              if (prows[r].p && prows[r].p[i])
                cli_cell_decimal (pt, prows[r].p[i]);
              else
                cli_cell_empty (pt);
              cli_row_end (pt);
              if (prows[r].p)
                free (prows[r].p[i]);
            }
          free (prows[r].p);
        }
      cli_table_end (pt);
    }
  free (prows);
  cli_output_free (o);
  if (progress)
    fputc ('\n', stderr);
  lsc_catalogue_free (cat);
  return cli_finish (exit_rc);
}
