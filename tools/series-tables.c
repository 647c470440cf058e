/* landscape-series --d and --limits: the point at one large d, and the
   spectral-concentration table of the families' expansions. */
#include <config.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "series-tables.h"

/* Extra rows over d: 0 for k = d, 1 for k = d + 1, ... */
static long
extra_rows (const lsc_young *G)
{
  return lrint (lsc_young_k (G) - lsc_young_d (G));
}

static void
k_str (char *buf, size_t len, const lsc_young *G)
{
  long x = extra_rows (G);
  if (x == 0)
    snprintf (buf, len, "d");
  else
    snprintf (buf, len, "d %c %ld", x > 0 ? '+' : '-', labs (x));
}

int
point_tables (lsc_table_output *o, const lsc_catalogue *cat,
              const lsc_family **sel, size_t nsel, const char *dspec,
              int progress)
{
  (void) cat;
  mpfr_t d;
  mpfr_init2 (d, 256);
  char *end;
  if (mpfr_strtofr (d, dspec, &end, 10, MPFR_RNDN) , *end || !mpfr_number_p (d)
      || mpfr_cmp_ui (d, 2) < 0 || mpfr_cmp_d (d, 1e300) > 0)
    cli_fatal (CLI_EXIT_USAGE,
               "invalid argument '%s' for --d: a number from 2 to 1e300",
               dspec);
  int status = CLI_EXIT_OK;
  static const lsc_table_column pc[] = {
    { "family", LSC_TABLE_STRING }, { "d", LSC_TABLE_DECIMAL },
    { "k", LSC_TABLE_STRING },      { "status", LSC_TABLE_STATUS },
    { "type", LSC_TABLE_STRING },   { "index", LSC_TABLE_DECIMAL },
    { "index_poly", LSC_TABLE_STRING }, { "zero", LSC_TABLE_STRING },
    { "loss", LSC_TABLE_DECIMAL },
    { "eig_err", LSC_TABLE_REAL },  { "ndistinct", LSC_TABLE_INT },
    { "note", LSC_TABLE_STRING } };
  static const lsc_table_column sc[] = {
    { "family", LSC_TABLE_STRING },   { "component", LSC_TABLE_STRING },
    { "value", LSC_TABLE_DECIMAL },   { "mult", LSC_TABLE_DECIMAL },
    { "mult_poly", LSC_TABLE_STRING } };
  char dbuf[128];
  mpfr_snprintf (dbuf, sizeof dbuf, "%.30Rg", d);
  lsc_table *t = lsc_table_begin (o, "point", pc, sizeof pc / sizeof pc[0]);
  lsc_series_spectrum **sp = calloc (nsel + 1, sizeof *sp);
  int lg = (int) mpfr_get_exp (d);
  mpfr_prec_t prec = 128 + 3 * (mpfr_prec_t) (lg > 0 ? lg : 1);
  for (size_t i = 0; i < nsel; i++)
    {
      const lsc_family *f = sel[i];
      char kb[32];
      k_str (kb, sizeof kb, &f->G);
      if (progress)
        fprintf (stderr, "%s: %s at d = %s\n", cli_program_name (), f->name,
                 dbuf);
      int rc = 0;
      size_t np = lsc_young_nparams (&f->G);
      /* outside the catalogue's domain (beyond a fold, an edge or a
         branch point): absent, as in landscape-scan */
      char note[160];
      int absent = !lsc_series_in_domain (f, mpfr_get_d (d, MPFR_RNDN),
                                          note, sizeof note);
      lsc_series_path *P = absent ? NULL : lsc_series_path_alloc (f, &rc);
      mpfr_t p[LSC_FAMILY_MAXP], L;
      for (size_t j = 0; j < np; j++)
        mpfr_init2 (p[j], prec);
      mpfr_init2 (L, prec);
      if (P)
        rc = lsc_series_path_point (p, P, d);
      if (P && !rc)
        rc = lsc_restricted_eval_mpfr (L, NULL, NULL, (const mpfr_t *) p,
                                       &f->G, d);
      if (P && !rc)
        {
          sp[i] = lsc_series_spectrum_alloc (&f->G, prec);
          rc = sp[i] ? lsc_series_spectrum_compute (
                           sp[i], (const mpfr_t *) p, &f->G, d,
                           strcmp (f->kind, "global-minimum") == 0)
                     : LSC_ENOMEM;
        }
      lsc_table_cell_string (t, f->name);
      lsc_table_cell_decimal (t, dbuf);
      lsc_table_cell_string (t, kb);
      if (absent)
        lsc_table_cell_status_token (t, "absent");
      else
        lsc_table_cell_status (t, rc);
      if (rc || absent)
        {
          if (rc)
            status = CLI_EXIT_NOCONV;
          for (int c = 0; c < 7; c++)
            lsc_table_cell_empty (t);
          lsc_table_cell_string (t, absent ? note : "");
          lsc_series_spectrum_free (sp[i]);
          sp[i] = NULL;
        }
      else
        {
          char ib[128], ipoly[96], lb[64];
          lsc_series_poly_eval_str (ib, sizeof ib, &sp[i]->index, d);
          lsc_series_poly_str (ipoly, sizeof ipoly, &sp[i]->index);
          mpfr_snprintf (lb, sizeof lb, "%.17Rg", L);
          lsc_table_cell_string (t, sp[i]->type);
          char zpoly[96];
          lsc_series_poly_str (zpoly, sizeof zpoly, &sp[i]->zero);
          lsc_table_cell_decimal (t, ib);
          lsc_table_cell_string (t, ipoly);
          lsc_table_cell_string (t, zpoly);
          lsc_table_cell_decimal (t, lb);
          lsc_table_cell_real (t, sp[i]->err);
          lsc_table_cell_int (t, (long long) sp[i]->n);
          lsc_table_cell_string (t, "");
        }
      lsc_table_row_end (t);
      for (size_t j = 0; j < np; j++)
        mpfr_clear (p[j]);
      mpfr_clear (L);
      lsc_series_path_free (P);
    }
  lsc_table_end (t);
  for (size_t i = 0; i < nsel; i++)
    {
      if (!sp[i])
        continue;
      t = lsc_table_begin (o, "spectrum", sc, sizeof sc / sizeof sc[0]);
      for (size_t j = 0; j < sp[i]->n; j++)
        {
          char vb[64], mb[128], mp[96];
          lsc_series_poly m;
          lsc_series_mult (&m, &sp[i]->info[j], &sel[i]->G);
          /* digits the error bound leaves, at most 20 */
          double a = fabs (mpfr_get_d (sp[i]->values[j], MPFR_RNDN));
          double er = sp[i]->comp_err[sp[i]->info[j].irrep];
          int dg = a > er ? (int) floor (log10 (a / er)) : 1;
          dg = dg < 1 ? 1 : dg > 20 ? 20 : dg;
          mpfr_snprintf (vb, sizeof vb, "%.*Rg", dg, sp[i]->values[j]);
          lsc_series_poly_eval_str (mb, sizeof mb, &m, d);
          lsc_series_poly_str (mp, sizeof mp, &m);
          lsc_table_cell_string (t, sel[i]->name);
          lsc_table_cell_string (t, lsc_irrep_name (sp[i]->info[j].irrep));
          lsc_table_cell_decimal (t, vb);
          lsc_table_cell_decimal (t, mb);
          lsc_table_cell_string (t, mp);
          lsc_table_row_end (t);
        }
      lsc_table_end (t);
      lsc_series_spectrum_free (sp[i]);
    }
  free (sp);
  mpfr_clear (d);
  return status;
}

/* The global minimum's eigenvalue of the same growth whose coefficients
   agree with Q's longest (the same component preferred on ties); the
   order (power of eps) of the first coefficient where they differ into
   *pw (1 << 30: none within the terms both have). */
static const lsc_series_quantity *
match_global (int *pw, const lsc_series_quantity *Q,
              const lsc_series_expansion *g)
{
  const lsc_series_quantity *best = NULL;
  size_t bestj = 0;
  int bestsame = 0;
  for (size_t i = 0; g && i < g->nq; i++)
    {
      const lsc_series_quantity *R = &g->q[i];
      if (R->kind != LSC_SERIES_EIGEN || R->lead != Q->lead || R->allzero
          || Q->allzero)
        continue;
      size_t n = R->n < Q->n ? R->n : Q->n;
      size_t j = 0;
      mpfr_t t;
      mpfr_init2 (t, mpfr_get_prec (Q->c[0]));
      for (; j < n; j++)
        {
          mpfr_sub (t, Q->c[j], R->c[j], MPFR_RNDN);
          if (fabs (mpfr_get_d (t, MPFR_RNDN))
              > 8 * (Q->err[j] + R->err[j]))
            break;
        }
      mpfr_clear (t);
      int same = R->irrep == Q->irrep;
      /* longest agreement first, then the same component */
      if (j > 0 && (j > bestj || (j == bestj && same && !bestsame)))
        {
          best = R;
          bestj = j;
          bestsame = same;
          *pw = j < n ? Q->lead + (int) j : 1 << 30;
        }
    }
  return best;
}

/* The library's last error message, for the note of a failed row (the
   library reports through the handler only; the expansion's decisive
   failure is the last one it reports). */
static char last_reason[120];

static void
keep_reason (const char *reason, const char *file, int line, int status)
{
  (void) file, (void) line, (void) status;
  snprintf (last_reason, sizeof last_reason, "%s", reason ? reason : "");
}

int
limits_table (lsc_table_output *o, const lsc_catalogue *cat,
              const lsc_family **sel, size_t nsel, int progress)
{
  lsc_series_opts so;
  lsc_series_opts_init (&so);
  so.nterms = 4;
  so.nodes = 16;
  so.prec1 = 256;
  so.prec2 = 384;
  int status = CLI_EXIT_OK;
  lsc_series_expansion *g = NULL;
  const lsc_family *gf = NULL;
  for (size_t i = 0; i < cat->n && !gf; i++)
    if (strcmp (cat->fam[i].kind, "global-minimum") == 0)
      gf = &cat->fam[i];
  if (gf)
    {
      if (progress)
        fprintf (stderr, "%s: expanding %s\n", cli_program_name (), gf->name);
      if (lsc_series_expand (&g, gf, &so))
        g = NULL;
    }
  static const lsc_table_column cols[] = {
    { "family", LSC_TABLE_STRING },    { "k", LSC_TABLE_STRING },
    { "eigenvalue", LSC_TABLE_STRING }, { "mult", LSC_TABLE_STRING },
    { "share", LSC_TABLE_REAL },        { "growth", LSC_TABLE_STRING },
    { "leading", LSC_TABLE_DECIMAL },   { "digits", LSC_TABLE_INT },
    { "closed_form", LSC_TABLE_STRING }, { "global", LSC_TABLE_STRING },
    { "difference", LSC_TABLE_STRING }, { "status", LSC_TABLE_STATUS },
    { "note", LSC_TABLE_STRING } };
  lsc_table *t = lsc_table_begin_captioned (
      o, "limits",
      "Spectral concentration: limits of the eigenvalues ($\\Theta(1)$) "
      "or slopes ($\\Theta(d)$) as $d \\to \\infty$",
      cols, sizeof cols / sizeof cols[0]);
  for (size_t i = 0; i < nsel; i++)
    {
      const lsc_family *f = sel[i];
      if (progress)
        fprintf (stderr, "%s: expanding %s\n", cli_program_name (), f->name);
      lsc_series_expansion *e = NULL;
      char note[160];
      int absent = !lsc_series_has_large_d (f, note, sizeof note);
      last_reason[0] = 0;
      lsc_error_handler_t *old = lsc_set_error_handler (keep_reason);
      int rc = absent || (f == gf && g) ? LSC_SUCCESS
                                        : lsc_series_expand (&e, f, &so);
      lsc_set_error_handler (old);
      const lsc_series_expansion *E = f == gf && g ? g : e;
      char kb[32];
      k_str (kb, sizeof kb, &f->G);
      if (rc || absent)
        {
          if (rc)
            status = CLI_EXIT_NOCONV;
          lsc_table_cell_string (t, f->name);
          lsc_table_cell_string (t, kb);
          for (int c = 0; c < 9; c++)
            lsc_table_cell_empty (t);
          if (absent)
            lsc_table_cell_status_token (t, "absent");
          else
            lsc_table_cell_status (t, rc);
          lsc_table_cell_string (t, absent ? note : last_reason);
          lsc_table_row_end (t);
          continue;
        }
      long x = extra_rows (&f->G);
      for (size_t q = 0; q < E->nq; q++)
        {
          const lsc_series_quantity *Q = &E->q[q];
          if (Q->kind != LSC_SERIES_EIGEN)
            continue;
          char mb[96], grow[32], lim[64], gname[48] = "-", diff[48] = "-";
          /* every coefficient within its bound of zero: a zero (A-split-kd1's
             split ratio, bounds ~1e-150) or, when the two routes differ by
             more than rounding, an eigenvalue they do not resolve (two
             close ones, ordered differently in the two windows) */
          int unres = Q->allzero && Q->n > 0 && !(Q->err[0] <= 1e-30);
          lsc_series_poly_str (mb, sizeof mb, &Q->mult);
          /* share of the k d = d^2 + x d eigenvalues as d -> infinity */
          double share = (double) Q->mult.c2 / (double) Q->mult.den;
          (void) x;
          if (unres)
            snprintf (grow, sizeof grow, "unresolved");
          else if (Q->allzero)
            snprintf (grow, sizeof grow, "0");
          else if (Q->lead == -2)
            snprintf (grow, sizeof grow, "Theta(d)");
          else if (Q->lead == 0)
            snprintf (grow, sizeof grow, "Theta(1)");
          else if (Q->lead % 2 == 0)
            snprintf (grow, sizeof grow, "Theta(d^%d)", -Q->lead / 2);
          else
            snprintf (grow, sizeof grow, "Theta(d^%d/2)", -Q->lead);
          int dg = Q->allzero ? 0 : Q->digits[0];
          /* the leading coefficient: the limit of a Theta(1) eigenvalue,
             the slope of a Theta(d) one, the coefficient of d^-1/2 of
             one that vanishes like d^-1/2 */
          if (unres)
            lim[0] = 0;
          else if (Q->allzero)
            snprintf (lim, sizeof lim, "0");
          else
            mpfr_snprintf (lim, sizeof lim, "%.*Rg", dg < 20 ? dg : 20,
                           Q->c[0]);
          int pw;
          const lsc_series_quantity *R = f != gf ? match_global (&pw, Q, g)
                                                 : NULL;
          if (R)
            {
              snprintf (gname, sizeof gname, "=%s", R->name);
              if (pw == 1 << 30)
                snprintf (diff, sizeof diff, "none in %zu terms", Q->n);
              else if (pw == 0)
                snprintf (diff, sizeof diff, "O(1)");
              else if (pw % 2 == 0)
                snprintf (diff, sizeof diff, "O(d^%d)", -pw / 2);
              else
                snprintf (diff, sizeof diff, "O(d^%d/2)", -pw);
            }
          lsc_table_cell_string (t, f->name);
          lsc_table_cell_string (t, kb);
          lsc_table_cell_string (t, Q->name);
          lsc_table_cell_string (t, mb);
          lsc_table_cell_real (t, share);
          lsc_table_cell_string (t, grow);
          if (lim[0])
            lsc_table_cell_decimal (t, lim);
          else
            lsc_table_cell_empty (t);
          lsc_table_cell_int (t, dg);
          lsc_table_cell_string (t, Q->closed[0]);
          lsc_table_cell_string (t, gname);
          lsc_table_cell_string (t, diff);
          lsc_table_cell_status (t, unres ? LSC_EPREC : LSC_SUCCESS);
          if (unres)
            {
              char nb[160];
              snprintf (nb, sizeof nb, "no coefficient resolved: the two "
                        "routes differ by %.1e or the eigenvalue is not "
                        "analytic in the windows (a near crossing)",
                        Q->err[0]);
              lsc_table_cell_string (t, nb);
              status = CLI_EXIT_NOCONV;
            }
          else
            lsc_table_cell_string (t, "");
          lsc_table_row_end (t);
        }
      lsc_series_expansion_free (e);
    }
  lsc_table_end (t);
  lsc_series_expansion_free (g);
  return status;
}
