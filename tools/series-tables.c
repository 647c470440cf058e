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
  lsc_series_point *pt = calloc (nsel + 1, sizeof *pt);
  if (!pt)
    cli_fatal (CLI_EXIT_SYSTEM, "out of memory");
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
      lsc_series_point *r = &pt[i];
      int rc = lsc_series_point_eval (r, f, d, prec);
      int absent = r->absent;
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
          lsc_table_cell_string (t, absent ? r->note : "");
        }
      else
        {
          const lsc_series_spectrum *sp = r->sp;
          char ib[128], ipoly[96], lb[64], zpoly[96];
          lsc_series_poly_eval_str (ib, sizeof ib, &sp->index, d);
          lsc_series_poly_str (ipoly, sizeof ipoly, &sp->index);
          mpfr_snprintf (lb, sizeof lb, "%.17Rg", r->loss);
          lsc_table_cell_string (t, sp->type);
          lsc_series_poly_str (zpoly, sizeof zpoly, &sp->zero);
          lsc_table_cell_decimal (t, ib);
          lsc_table_cell_string (t, ipoly);
          lsc_table_cell_string (t, zpoly);
          lsc_table_cell_decimal (t, lb);
          lsc_table_cell_real (t, sp->err);
          lsc_table_cell_int (t, (long long) sp->n);
          lsc_table_cell_string (t, "");
        }
      lsc_table_row_end (t);
    }
  lsc_table_end (t);
  for (size_t i = 0; i < nsel; i++)
    {
      const lsc_series_spectrum *sp = pt[i].sp;
      if (sp)
        {
          t = lsc_table_begin (o, "spectrum", sc, sizeof sc / sizeof sc[0]);
          for (size_t j = 0; j < sp->n; j++)
            {
              char vb[64], mb[128], mp[96];
              lsc_series_poly m;
              lsc_series_mult (&m, &sp->info[j], &sel[i]->G);
              mpfr_snprintf (vb, sizeof vb, "%.*Rg",
                             lsc_series_spectrum_digits (sp, j),
                             sp->values[j]);
              lsc_series_poly_eval_str (mb, sizeof mb, &m, d);
              lsc_series_poly_str (mp, sizeof mp, &m);
              lsc_table_cell_string (t, sel[i]->name);
              lsc_table_cell_string (t, lsc_irrep_name (sp->info[j].irrep));
              lsc_table_cell_decimal (t, vb);
              lsc_table_cell_decimal (t, mb);
              lsc_table_cell_string (t, mp);
              lsc_table_row_end (t);
            }
          lsc_table_end (t);
        }
      lsc_series_point_clear (&pt[i]);
    }
  free (pt);
  mpfr_clear (d);
  return status;
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
  lsc_series_opts_limits (&so);
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
      for (size_t q = 0; q < E->nq; q++)
        {
          const lsc_series_quantity *Q = &E->q[q];
          if (Q->kind != LSC_SERIES_EIGEN)
            continue;
          char mb[96];
          lsc_series_limit L;
          lsc_series_limit_describe (&L, Q, f != gf ? g : NULL);
          lsc_series_poly_str (mb, sizeof mb, &Q->mult);
          lsc_table_cell_string (t, f->name);
          lsc_table_cell_string (t, kb);
          lsc_table_cell_string (t, Q->name);
          lsc_table_cell_string (t, mb);
          lsc_table_cell_real (t, L.share);
          lsc_table_cell_string (t, L.growth);
          if (L.leading[0])
            lsc_table_cell_decimal (t, L.leading);
          else
            lsc_table_cell_empty (t);
          lsc_table_cell_int (t, L.digits);
          lsc_table_cell_string (t, Q->closed[0]);
          lsc_table_cell_string (t, L.global);
          lsc_table_cell_string (t, L.difference);
          lsc_table_cell_status (t, L.status);
          lsc_table_cell_string (t, L.note);
          if (L.status)
            status = CLI_EXIT_NOCONV;
          lsc_table_row_end (t);
        }
      lsc_series_expansion_free (e);
    }
  lsc_table_end (t);
  lsc_series_expansion_free (g);
  return status;
}
