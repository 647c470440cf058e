/* The scan job's tables (lsc_scan_table(3)): the summary and spectrum
   column sets, the status words of a row, the LaTeX captions and the
   cells of each row, written through lsc_table(3) (formats of
   landscape-formats(5)). */
#define _POSIX_C_SOURCE 200809L
#include <config.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <mpfr.h>
#include "landscape.h"
#include "landscape/lsc_jobs.h"
#include "landscape/lsc_scan_table.h"
#include "internal.h"

/* x = m 10^e with 1 <= m < 10 (x > 0). */
static double
frexp10 (double x, int *e)
{
  *e = (int) floor (log10 (x));
  double m = x / pow (10, *e);
  if (m >= 10 - 1e-12)
    m /= 10, ++*e;
  return fabs (m - round (m)) < 1e-9 ? round (m) : m;
}

/* ---------------------------------------------------------------- tables */

#define P LSC_TABLE_PAPER
#define X LSC_TABLE_EXTRA
static const lsc_table_pcolumn sum_cols[] = {
  { "family", LSC_TABLE_STRING, NULL, P },
  { "isotropy", LSC_TABLE_STRING, NULL, P | X },
  { "d", LSC_TABLE_REAL, "$d$", 0 }, { "k", LSC_TABLE_REAL, "$k$", 0 },
  { "status", LSC_TABLE_STATUS, NULL, 0 }, { "type", LSC_TABLE_STRING, NULL, P },
  { "index", LSC_TABLE_REAL, NULL, P },
  { "zero", LSC_TABLE_REAL, NULL, LSC_TABLE_EXACT },
  { "loss", LSC_TABLE_REAL, "$L$", P },
  { "grad_norm", LSC_TABLE_REAL, "$\\|\\nabla L\\|$", 0 },
  { "min_eig", LSC_TABLE_REAL, "$\\lambda_{\\min}$", P },
  { "min_comp", LSC_TABLE_STRING, "comp.", 0 },
  { "ndistinct", LSC_TABLE_INT, "distinct", 0 },
  { "mult_sum", LSC_TABLE_REAL, "$\\sum m$", LSC_TABLE_EXACT },
  { "dstar", LSC_TABLE_REAL, "$d^*$", P }, { "full", LSC_TABLE_STRING, NULL, 0 },
  { "full_dev", LSC_TABLE_REAL, "full dev.", 0 },
  { "note", LSC_TABLE_STRING, NULL, 0 }
};
#define NSUM 15                 /* without the two --full columns */
#define NOTE (sizeof sum_cols / sizeof sum_cols[0] - 1)

static const lsc_table_pcolumn spec_cols[] = {
  { "family", LSC_TABLE_STRING, NULL, P }, { "d", LSC_TABLE_REAL, "$d$", 0 },
  { "component", LSC_TABLE_STRING, "comp.", P },
  { "value", LSC_TABLE_REAL, "$\\lambda$", P },
  { "mult", LSC_TABLE_DECIMAL, "mult.", P | LSC_TABLE_EXACT }
};
#undef P
#undef X

void
lsc_scan_table_opts_init (lsc_scan_table_opts *to)
{
  memset (to, 0, sizeof *to);
}

static const lsc_table_pcolumn more_cols[] = {
  { "eig_err", LSC_TABLE_REAL, NULL, 0 }, { "proved", LSC_TABLE_STRING, NULL, 0 }
};

const lsc_table_pcolumn *
lsc_scan_table_columns (int which, size_t *n)
{
  static const struct { const lsc_table_pcolumn *c; size_t n; } set[] = {
    { sum_cols, sizeof sum_cols / sizeof sum_cols[0] },
    { spec_cols, sizeof spec_cols / sizeof spec_cols[0] },
    { more_cols, sizeof more_cols / sizeof more_cols[0] } };
  if (which < 0 || which > 2)
    return NULL;
  if (n)
    *n = set[which].n;
  return set[which].c;
}

/* LaTeX-safe copy of a family name (for captions). */
static void
tex_name (char *out, size_t len, const char *s)
{
  size_t j = 0;
  for (; *s && j + 3 < len; s++)
    {
      if (strchr ("&%$#_{}", *s))
        out[j++] = '\\';
      out[j++] = *s;
    }
  out[j] = '\0';
}

/* The type in LaTeX, short enough for the 12.2 cm tables (the caption
   says what the words mean). */
static const char *
type_tex (const char *type)
{
  static const char *const map[][2] = {
    { "global-minimum", "global" }, { "spurious-minimum", "min." },
    { "degenerate", "degen." } };
  for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
    if (strcmp (type, map[i][0]) == 0)
      return map[i][1];
  return type;
}

/* The summary table; large: some row lies above LSC_SCAN_LARGE_D (its
   eig_err is the large-d path's bound, not the double path's). */
static lsc_table *
begin_summary (lsc_table_output *o, const lsc_scan_opts *so,
               const lsc_scan_table_opts *to, double d, double k, int large)
{
  char cap[2560], where[80] = "", err_tex[1024] = "";
  if (isfinite (d))
    snprintf (where, sizeof where, " at $d = %g$, $k = %g$", d, k);
  /* the zero tolerance as LaTeX: 1e-08 -> 10^{-8} */
  char ztol_tex[48];
  int ze;
  double zm = frexp10 (so->ztol, &ze);
  if (zm == 1)
    snprintf (ztol_tex, sizeof ztol_tex, "10^{%d}", ze);
  else
    snprintf (ztol_tex, sizeof ztol_tex, "%g \\cdot 10^{%d}", zm, ze);
  /* eig_err as lsc_scan computes it: below LSC_SCAN_LARGE_D the double
     path's bound (lsc_scan_classify), above it the large-d path's bound
     of each component plus half an ulp of the printed double */
  if (isfinite (d))
    large = d > LSC_SCAN_LARGE_D;
  if (so->fast && !(isfinite (d) && large))
    snprintf (err_tex, sizeof err_tex, " eig\\_err: bound on the error of "
              "every eigenvalue of the double path, $16 d^2 2^{-53} \\max(1, "
              "\\max|\\lambda|)$ (measured: at most $3 d^2 2^{-53} "
              "\\max(1, \\max|\\lambda|)$ for $d \\le 10^6$); where "
              "$16 d^2 2^{-53}$ exceeds the zero tolerance the spectrum is "
              "the 128-bit one and the bound half an ulp plus "
              "$(2^{-90} + d^2 2^{-110}) \\max(1, \\max|\\lambda|)$, and "
              "the zero tolerance absolute%s",
              large ? "; for $d > 10^6$ the bound of the large-$d$ path: "
                      "its error bound for the component plus half an ulp "
                      "of the printed value." : ".");
  else if (so->fast)
    snprintf (err_tex, sizeof err_tex, " eig\\_err: bound on the error of "
              "every printed eigenvalue: the error bound of the large-$d$ "
              "path for its component plus half an ulp of the printed "
              "value.");
  snprintf (cap, sizeof cap, "Critical points of the two-layer ReLU loss%s "
            "($V = I_d$, $\\alpha = \\beta = 1$), continued in $d$ from the "
            "catalogue. Type (global: the global minimum; min.: a spurious "
            "minimum; saddle; degen.: a zero eigenvalue) and Morse index from "
            "the isotypic Hessian spectrum; an eigenvalue counts as zero when "
            "$|\\lambda| \\le %s%s$. Residual: "
            "Frobenius norm of the gradient; $L$ and $\\|\\nabla L\\|$ "
            "within their rounding error $2^{8-p}(k+1)^2$ ($p$ the bits of "
            "the evaluation) are printed as 0; $d^*$: where the family "
            "becomes a minimum (catalogue).%s", where, ztol_tex,
            so->fast ? " \\max(1, \\max|\\lambda|)" : "",
            err_tex);
  lsc_table_pcolumn cols[NSUM + 4];
  memcpy (cols, sum_cols, sizeof sum_cols);
  size_t nc = so->full ? NSUM + 2 : NSUM;
  if (so->fast) /* the double path's error bound (scan_classify) */
    cols[nc++] = (lsc_table_pcolumn){ "eig_err", LSC_TABLE_REAL, NULL, 0 };
  if (to->prove)
    cols[nc++] = (lsc_table_pcolumn){ "proved", LSC_TABLE_STRING, NULL, 0 };
  cols[6].type = LSC_TABLE_DECIMAL; /* the index: exact integers past 2^53 */
  cols[7].type = LSC_TABLE_DECIMAL; /* zero count: exact (lsc_table_index_text) */
  cols[13].type = LSC_TABLE_DECIMAL; /* mult_sum: exact (lsc_table_index_text) */
  if (so->prec)
    cols[8].type = cols[9].type = cols[10].type = LSC_TABLE_DECIMAL;
  cols[nc] = sum_cols[NOTE]; /* the note column last */
  return lsc_table_begin_paper (o, "summary", cap, cols, nc + 1, 0);
}

/* The spectrum table of the row r (r NULL: of all families at all d, in
   one table; grouped: of all families at one d, r any of them, in one
   LaTeX longtable grouped by family). */
static lsc_table *
begin_spectrum (lsc_table_output *o, const lsc_scan_row *r, int grouped,
                const lsc_scan_opts *so, const lsc_scan_table_opts *to)
{
  char cap[800], name[160], where[240] = " at all $d$ of the scan";
  if (r && grouped)
    snprintf (where, sizeof where, " at $d = %g$, $k = %g$", r->d, r->k);
  else if (r)
    {
      tex_name (name, sizeof name, r->fam->name);
      snprintf (where, sizeof where, " of family %s at $d = %g$, $k = %g$",
                name, r->d, r->k);
    }
  snprintf (cap, sizeof cap, "Distinct Hessian eigenvalues%s, by isotypic "
            "component of $S_n$ ($n$ the size of the large block; t trivial, "
            "s standard, x exterior square, y the partition $(n-2,2)$); "
            "multiplicities in $M(k,d)$%s.", where,
            to->poly ? ", as polynomials in $d$" : "");
  lsc_table_pcolumn cols[5];
  memcpy (cols, spec_cols, sizeof cols);
  if (!r) /* several d: the d column is part of the LaTeX defaults */
    cols[1].flags |= LSC_TABLE_PAPER;
  if (to->poly)
    cols[4].type = LSC_TABLE_STRING;
  if (so->prec)
    cols[3].type = LSC_TABLE_DECIMAL;
  return lsc_table_begin_paper (o, "spectrum", cap, cols, 5, grouped
                                || (!r && lsc_table_output_format (o)
                                    == LSC_TABLE_LATEX));
}

static int
summary_row (lsc_table *t, const lsc_scan_row *r, const lsc_scan_opts *so,
             const lsc_scan_table_opts *to)
{
  int bad = r->status != 0;
  char iso[512];
  lsc_table_isotropy_tex (iso, sizeof iso, r->fam->isotropy);
  lsc_table_cell_string (t, r->fam->name);
  lsc_table_cell_string_tex (t, r->fam->isotropy, iso);
  lsc_table_cell_real (t, r->d);
  lsc_table_cell_real (t, r->k);
  /* absent (outside the family's domain), coincident (reported under the
     family of larger isotropy) and incomplete (no type) are not failures */
  if (bad)
    lsc_table_cell_status (t, r->status);
  else
    lsc_table_cell_status_token (t, r->absent ? "absent"
                           : r->coincident ? "coincident"
                           : r->incomplete ? "incomplete" : "ok");
  if (bad || r->absent)
    {
      for (int j = 5; j < (so->full ? NSUM + 2 : NSUM) + (so->fast != 0); j++)
        lsc_table_cell_empty (t);
      if (to->prove)
        lsc_table_cell_string (t, "not-proved");
    }
  else
    {
      if (r->type && !r->coincident)
        lsc_table_cell_string_tex (t, r->type, type_tex (r->type));
      else
        lsc_table_cell_empty (t);
      /* Decimal: exact beyond 2^53 (index_dec, d > LSC_SCAN_LARGE_D). */
      char ib[32], zb[32];
      lsc_table_index_text (ib, sizeof ib, r->index, r->d);
      lsc_table_cell_decimal (t, r->index_dec ? r->index_dec : ib);
      lsc_table_index_text (zb, sizeof zb, r->zero, r->d);
      lsc_table_cell_decimal (t, zb);
      double noise = lsc_scan_noise_bound (so, r->k);
      if (r->loss_dec)
        {
          lsc_table_cell_decimal_err (t, r->loss_dec, noise);
          lsc_table_cell_decimal_err (t, r->resid_dec, noise);
          lsc_table_cell_decimal (t, r->ev_dec[r->min_idx]);
        }
      else
        {
          lsc_table_cell_real_err (t, r->loss, noise);
          lsc_table_cell_real_err (t, r->resid, noise);
          lsc_table_cell_real (t, r->min_eig);
        }
      lsc_table_cell_string (t, lsc_irrep_name (r->min_irrep));
      lsc_table_cell_int (t, (long long) r->nev);
      char tb[32];
      lsc_table_index_text (tb, sizeof tb, r->total, r->d);
      lsc_table_cell_decimal (t, tb);
      double ds = lsc_scan_family_dstar (r->fam);
      if (isfinite (ds))
        lsc_table_cell_real (t, ds);
      else
        lsc_table_cell_empty (t);
      if (so->full)
        {
          static const char *const tok[] = { "", "ok", "mismatch", "skip" };
          lsc_table_cell_string (t, tok[r->full]);
          if (r->full == LSC_SCAN_FULL_OK || r->full == LSC_SCAN_FULL_MISMATCH)
            lsc_table_cell_real (t, r->full_dev);
          else
            lsc_table_cell_empty (t);
        }
      if (so->fast)
        lsc_table_cell_real (t, r->ev_err);
      if (to->prove)
        lsc_table_cell_string (t, lsc_prove_token (lsc_prove_scan_row (r)));
    }
  if (r->note[0])
    lsc_table_cell_string (t, r->note);
  else
    lsc_table_cell_empty (t);
  lsc_table_row_end (t);
  return bad || r->full == LSC_SCAN_FULL_MISMATCH;
}

static void
spectrum_rows (lsc_table *t, const lsc_scan_row *r,
               const lsc_scan_table_opts *to)
{
  for (size_t i = 0; i < r->nev; i++)
    {
      lsc_table_cell_string (t, r->fam->name);
      lsc_table_cell_real (t, r->d);
      lsc_table_cell_string (t, lsc_irrep_name (r->ev[i].irrep));
      if (r->ev_dec)
        lsc_table_cell_decimal (t, r->ev_dec[i]);
      else
        lsc_table_cell_real (t, r->ev[i].value);
      /* exact integers past 2^53 on the large-d path */
      char mb[96];
      lsc_table_index_text (mb, sizeof mb, r->ev[i].mult, r->d);
      if (to->poly)
        {
          lsc_series_poly m;
          char tex[100];
          lsc_series_mult (&m, &r->ev[i], &r->fam->G);
          lsc_series_poly_str (mb, sizeof mb, &m);
          snprintf (tex, sizeof tex, "$%s$", mb);
          lsc_table_cell_string_tex (t, mb, tex);
          lsc_table_row_end (t);
          continue;
        }
      if (r->index_dec)
        {
          lsc_series_poly m;
          mpfr_t dm;
          mpfr_init2 (dm, 128);
          mpfr_set_d (dm, r->d, MPFR_RNDN);
          lsc_series_mult (&m, &r->ev[i], &r->fam->G);
          lsc_series_poly_eval_str (mb, sizeof mb, &m, dm);
          mpfr_clear (dm);
        }
      lsc_table_cell_decimal (t, mb);
      lsc_table_row_end (t);
    }
}

/* The row of family f at d, or NULL. */
static const lsc_scan_row *
row_at (const lsc_scan_set *f, double d)
{
  for (size_t i = 0; i < f->n; i++)
    if (f->rows[i].d == d)
      return &f->rows[i];
  return NULL;
}

int
lsc_scan_table_write (lsc_table_output *o, const lsc_scan_set *sf,
                      size_t nf, const double *dv, size_t nd,
                      const lsc_scan_opts *so, const lsc_scan_table_opts *to,
                      size_t *nbad)
{
  if (!o || (nf && !sf) || (nd && !dv) || !so)
    LSC_ERROR ("lsc_scan_table_write: NULL argument", LSC_EFAULT);
  lsc_scan_table_opts def;
  if (!to)
    {
      lsc_scan_table_opts_init (&def);
      to = &def;
    }
  size_t bad = 0;
  int large = 0;
  for (size_t j = 0; j < nd; j++)
    large |= dv[j] > LSC_SCAN_LARGE_D;
  lsc_table *t;
  if (to->longfmt)
    {
      t = begin_summary (o, so, to, NAN, NAN, large);
      for (size_t j = 0; j < nd; j++)
        for (size_t i = 0; i < nf; i++)
          {
            const lsc_scan_row *r = row_at (&sf[i], dv[j]);
            if (r)
              bad += summary_row (t, r, so, to);
          }
      lsc_table_end (t);
      t = begin_spectrum (o, NULL, 0, so, to);
      for (size_t j = 0; j < nd; j++)
        for (size_t i = 0; i < nf; i++)
          {
            const lsc_scan_row *r = row_at (&sf[i], dv[j]);
            if (r && r->status == 0 && !r->absent && !r->coincident)
              spectrum_rows (t, r, to);
          }
      lsc_table_end (t);
    }
  else
    for (size_t j = 0; j < nd; j++)
      {
        t = NULL;
        for (size_t i = 0; i < nf; i++)
          {
            const lsc_scan_row *r = row_at (&sf[i], dv[j]);
            if (!r)
              continue;
            if (!t)
              t = begin_summary (o, so, to, r->d, r->k, large);
            bad += summary_row (t, r, so, to);
          }
        lsc_table_end (t);
        /* LaTeX: one longtable of all families at this d; else one table
           per family */
        int grouped = lsc_table_output_format (o) == LSC_TABLE_LATEX;
        t = NULL;
        for (size_t i = 0; i < nf; i++)
          {
            const lsc_scan_row *r = row_at (&sf[i], dv[j]);
            if (!r || r->status != 0 || r->absent || r->coincident)
              continue;
            if (!t)
              t = begin_spectrum (o, r, grouped, so, to);
            spectrum_rows (t, r, to);
            if (!grouped)
              {
                lsc_table_end (t);
                t = NULL;
              }
          }
        lsc_table_end (t);
      }
  if (nbad)
    *nbad = bad;
  return lsc_table_output_status (o);
}
