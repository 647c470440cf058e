/* The isotypic spectrum at large d with an absolute error bound, exact
   multiplicity polynomials, and the type decided only on proven signs. */
#include <config.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <gmp.h>
#include "internal.h"
#include "kernel/kernel_mpfr.h"
#include "landscape/lsc_series.h"

/* The spectrum is accepted when its two precisions agree to this
   (absolute); otherwise the precision is raised. */
#define ACCEPT_ERR 1e-8

/* Sum of the column sizes outside the large block (an integer). */
static long long
other_cols (const lsc_young *G)
{
  double o = 0;
  for (size_t c = 0; c < G->ncb; c++)
    if ((int) c != G->pair[0])
      o += G->csize[c];
  return (long long) o;
}

void
lsc_series_mult (lsc_series_poly *m, const lsc_iso_eigen *e,
                 const lsc_young *G)
{
  /* n = d - o; t: 1, s: n - 1, x: (n-1)(n-2)/2, y: n(n-3)/2. */
  long long o = other_cols (G), in = (long long) e->inner;
  *m = (lsc_series_poly){ 0, 0, 0, 1 };
  switch (e->irrep)
    {
    case LSC_IRREP_T:
      m->c0 = in;
      break;
    case LSC_IRREP_S:
      m->c1 = in;
      m->c0 = -in * (o + 1);
      break;
    case LSC_IRREP_X: /* (d - o - 1)(d - o - 2) / 2 */
      m->c2 = in;
      m->c1 = -in * (2 * o + 3);
      m->c0 = in * (o + 1) * (o + 2);
      m->den = 2;
      break;
    case LSC_IRREP_Y: /* (d - o)(d - o - 3) / 2 */
      m->c2 = in;
      m->c1 = -in * (2 * o + 3);
      m->c0 = in * o * (o + 3);
      m->den = 2;
      break;
    default:
      break;
    }
}

void
lsc_series_poly_add (lsc_series_poly *r, const lsc_series_poly *a)
{
  /* Common denominator 2 at most (dens are 1 or 2). */
  long den = r->den > a->den ? r->den : a->den;
  long fr = den / r->den, fa = den / a->den;
  r->c2 = r->c2 * fr + a->c2 * fa;
  r->c1 = r->c1 * fr + a->c1 * fa;
  r->c0 = r->c0 * fr + a->c0 * fa;
  r->den = den;
  if (den == 2 && r->c2 % 2 == 0 && r->c1 % 2 == 0 && r->c0 % 2 == 0)
    {
      r->c2 /= 2, r->c1 /= 2, r->c0 /= 2;
      r->den = 1;
    }
}

void
lsc_series_poly_str (char *buf, size_t len, const lsc_series_poly *m)
{
  char t[160];
  size_t k = 0;
  long long c[3] = { m->c2, m->c1, m->c0 };
  const char *pw[3] = { " d^2", " d", "" };
  t[0] = 0;
  for (int i = 0; i < 3; i++)
    {
      if (c[i] == 0)
        continue;
      long long a = c[i] < 0 ? -c[i] : c[i];
      const char *sg = c[i] < 0 ? (k ? " - " : "-") : (k ? " + " : "");
      if (a == 1 && i < 2)
        k += (size_t) snprintf (t + k, sizeof t - k, "%s%s", sg, pw[i] + 1);
      else
        k += (size_t) snprintf (t + k, sizeof t - k, "%s%lld%s", sg, a,
                                pw[i]);
    }
  if (k == 0)
    snprintf (t, sizeof t, "0");
  if (m->den != 1 && k > 0)
    snprintf (buf, len, "(%s)/%ld", t, m->den);
  else
    snprintf (buf, len, "%s", t);
}

void
lsc_series_poly_eval_str (char *buf, size_t len, const lsc_series_poly *m,
                          const mpfr_t d)
{
  if (mpfr_integer_p (d))
    {
      mpz_t z, v;
      mpz_inits (z, v, NULL);
      mpfr_get_z (z, d, MPFR_RNDN);
      mpz_set_si (v, (long) m->c2);
      mpz_mul (v, v, z);
      if (m->c1 >= 0)
        mpz_add_ui (v, v, (unsigned long) m->c1);
      else
        mpz_sub_ui (v, v, (unsigned long) -m->c1);
      mpz_mul (v, v, z);
      if (m->c0 >= 0)
        mpz_add_ui (v, v, (unsigned long) m->c0);
      else
        mpz_sub_ui (v, v, (unsigned long) -m->c0);
      mpz_tdiv_q_ui (v, v, (unsigned long) m->den);
      gmp_snprintf (buf, len, "%Zd", v);
      mpz_clears (z, v, NULL);
      return;
    }
  mpfr_t v;
  mpfr_init2 (v, mpfr_get_prec (d) + 64);
  mpfr_mul_si (v, d, (long) m->c2, MPFR_RNDN);
  mpfr_add_si (v, v, (long) m->c1, MPFR_RNDN);
  mpfr_mul (v, v, d, MPFR_RNDN);
  mpfr_add_si (v, v, (long) m->c0, MPFR_RNDN);
  mpfr_div_si (v, v, m->den, MPFR_RNDN);
  mpfr_snprintf (buf, len, "%.17Rg", v);
  mpfr_clear (v);
}

lsc_series_spectrum *
lsc_series_spectrum_alloc (const lsc_young *G, mpfr_prec_t prec)
{
  size_t cap = G ? lsc_isotypic_max_mpfr (G) : 0;
  if (cap == 0 || prec < MPFR_PREC_MIN)
    return NULL;
  lsc_series_spectrum *s = calloc (1, sizeof *s);
  if (!s)
    return NULL;
  s->cap = cap;
  s->values = lsc_mpfr_vec_alloc (cap, prec);
  s->info = calloc (cap, sizeof *s->info);
  if (!s->values || !s->info)
    {
      lsc_series_spectrum_free (s);
      return NULL;
    }
  return s;
}

void
lsc_series_spectrum_free (lsc_series_spectrum *s)
{
  if (!s)
    return;
  lsc_mpfr_vec_free (s->values, s->values ? s->cap : 0);
  free (s->info);
  free (s);
}

/* Index, undecided count and type from the values and the bound of
   each one's component. */
static void
classify (lsc_series_spectrum *s, const lsc_young *G, int global)
{
  s->index = s->zero = (lsc_series_poly){ 0, 0, 0, 1 };
  s->nundecided = 0;
  size_t nneg = 0;
  for (size_t i = 0; i < s->n; i++)
    {
      lsc_series_poly m;
      lsc_series_mult (&m, &s->info[i], G);
      if (fabs (mpfr_get_d (s->values[i], MPFR_RNDN))
          <= s->comp_err[s->info[i].irrep])
        {
          lsc_series_poly_add (&s->zero, &m);
          s->nundecided++;
        }
      else if (mpfr_sgn (s->values[i]) < 0)
        {
          lsc_series_poly_add (&s->index, &m);
          nneg++;
        }
    }
  s->type = nneg ? "saddle"
                 : s->nundecided ? "degenerate"
                 : global ? "global-minimum" : "spurious-minimum";
}

/* The point refined at the precision of s->values from p, then the
   unmerged spectrum there (every eigenvalue of every component's
   compressed matrix, ascending within the component; only exactly equal
   ones are joined). */
static int
refine_and_compute (lsc_series_spectrum *s, const mpfr_t *p,
                    const lsc_young *G, const mpfr_t d)
{
  mpfr_prec_t prec = mpfr_get_prec (s->values[0]);
  size_t np = lsc_young_nparams (G);
  mpfr_t *q = lsc_mpfr_vec_alloc (np, prec);
  if (!q)
    LSC_ERROR ("out of memory", LSC_ENOMEM);
  for (size_t i = 0; i < np; i++)
    mpfr_set (q[i], p[i], MPFR_RNDN);
  int rc = lsc_series_newton (q, NULL, G, d, 40);
  if (!rc)
    rc = lsc_isotypic_spectrum_mpfr (s->values, s->info, &s->n,
                                     (const mpfr_t *) q, G, d, 0.0, 0.0);
  lsc_mpfr_vec_free (q, np);
  return rc;
}

/* The unmerged eigenvalues of a, each repeated by its inner
   multiplicity (the isotypic code joins exactly equal ones, which
   depends on the rounding): entry k of the expanded list is
   a->values[idx[k]].  Returns the length (at most cap). */
static size_t
total_inner (const lsc_series_spectrum *a)
{
  size_t m = 0;
  for (size_t i = 0; i < a->n; i++)
    m += a->info[i].inner;
  return m;
}

static size_t
expand_idx (size_t *idx, const lsc_series_spectrum *a, size_t cap)
{
  size_t m = 0;
  for (size_t i = 0; i < a->n; i++)
    for (size_t j = 0; j < a->info[i].inner && m < cap; j++)
      idx[m++] = i;
  return m;
}

/* The same components with the same number of eigenvalues each? */
static int
same_shape (const lsc_series_spectrum *a, const size_t *ia, size_t na,
            const lsc_series_spectrum *b, const size_t *ib, size_t nb)
{
  if (na != nb)
    return 0;
  for (size_t k = 0; k < na; k++)
    if (a->info[ia[k]].irrep != b->info[ib[k]].irrep)
      return 0;
  return 1;
}

/* Per-component bounds from the two precisions' expanded spectra a (at
   prec) and b (at prec + 64, same shape) into a->comp_err and a->err. */
static void
component_bounds (lsc_series_spectrum *a, const size_t *ia,
                  const lsc_series_spectrum *b, const size_t *ib, size_t n,
                  mpfr_prec_t prec, mpfr_t t)
{
  double diff[4] = { 0, 0, 0, 0 }, big[4] = { 1, 1, 1, 1 };
  int has[4] = { 0, 0, 0, 0 };
  for (size_t k = 0; k < n; k++)
    {
      int c = a->info[ia[k]].irrep;
      mpfr_sub (t, a->values[ia[k]], b->values[ib[k]], MPFR_RNDN);
      diff[c] = fmax (diff[c], fabs (mpfr_get_d (t, MPFR_RNDU)));
      big[c] = fmax (big[c], fabs (mpfr_get_d (b->values[ib[k]], MPFR_RNDU)));
      has[c] = 1;
    }
  a->err = 0;
  for (int c = 0; c < 4; c++)
    {
      a->comp_err[c] = has[c] ? 4 * diff[c] + ldexp (big[c], 16 - (int) prec)
                              : 0;
      a->err = fmax (a->err, a->comp_err[c]);
    }
}

/* Into s: b's expanded values (the more accurate), merged within each
   component where neighbours differ by at most 2 comp_err: the distinct
   eigenvalues with their inner multiplicities, averaged. */
static void
merge_bounded (lsc_series_spectrum *s, const lsc_series_spectrum *b,
               const size_t *ib, size_t n, double L, mpfr_t t, mpfr_t u)
{
  size_t w = 0, g = 0;
  while (g < n)
    {
      int c = b->info[ib[g]].irrep;
      double tol = 2 * s->comp_err[c];
      size_t h = g + 1;
      while (h < n && b->info[ib[h]].irrep == c)
        {
          mpfr_sub (u, b->values[ib[h]], b->values[ib[h - 1]], MPFR_RNDN);
          if (mpfr_cmp_d (u, tol) > 0)
            break;
          h++;
        }
      mpfr_set_zero (t, 1);
      for (size_t j = g; j < h; j++)
        mpfr_add (t, t, b->values[ib[j]], MPFR_RNDN);
      mpfr_div_ui (s->values[w], t, (unsigned long) (h - g), MPFR_RNDN);
      mpfr_sub (u, b->values[ib[h - 1]], b->values[ib[g]], MPFR_RNDN);
      s->info[w].value = mpfr_get_d (s->values[w], MPFR_RNDN);
      s->info[w].irrep = c;
      s->info[w].inner = h - g;
      s->info[w].mult = (double) (h - g) * lsc_irrep_dim (c, L);
      s->info[w].spread = mpfr_get_d (u, MPFR_RNDU);
      w++;
      g = h;
    }
  s->n = w;
}

int
lsc_series_spectrum_compute (lsc_series_spectrum *s, const mpfr_t *p,
                             const lsc_young *G, const mpfr_t d, int global)
{
  if (!s || !p || !G || !d)
    LSC_ERROR ("NULL argument", LSC_EFAULT);
  mpfr_prec_t prec = mpfr_get_prec (s->values[0]);
  lsc_series_spectrum *s2 = NULL;
  int rc = LSC_SUCCESS;
  double L = mpfr_get_d (d, MPFR_RNDN) - (double) other_cols (G);
  size_t *ia = NULL, *ib;
  for (int attempt = 0; attempt < 4; attempt++, prec += prec / 2 + 64)
    {
      /* The unmerged spectrum at prec (into s) and at prec + 64 (into
         s2): their differences, component by component, with the
         spectrum's own rounding, are the stated bounds. */
      lsc_series_spectrum_free (s2);
      s2 = lsc_series_spectrum_alloc (G, prec + 64);
      if (!s2)
        {
          rc = LSC_ENOMEM;
          lsc_error ("out of memory", __FILE__, __LINE__, rc);
          break;
        }
      if (attempt > 0)
        for (size_t i = 0; i < s->cap; i++)
          mpfr_set_prec (s->values[i], prec);
      rc = refine_and_compute (s, p, G, d);
      if (!rc)
        rc = refine_and_compute (s2, p, G, d);
      if (rc)
        break;
      /* the expanded lists: one entry per copy (inner multiplicities
         count whole irreducibles of the small blocks' groups) */
      size_t ma = total_inner (s), mb = total_inner (s2);
      size_t cap = ma > mb ? ma : mb;
      free (ia);
      if (!(ia = malloc (2 * (cap ? cap : 1) * sizeof *ia)))
        {
          rc = LSC_ENOMEM;
          lsc_error ("out of memory", __FILE__, __LINE__, rc);
          break;
        }
      ib = ia + cap;
      size_t na = expand_idx (ia, s, cap), nb = expand_idx (ib, s2, cap);
      if (!same_shape (s, ia, na, s2, ib, nb))
        continue;
      mpfr_t t, u;
      mpfr_inits2 (prec + 64, t, u, (mpfr_ptr) 0);
      component_bounds (s, ia, s2, ib, na, prec, t);
      /* Accept when the two precisions agree far better than the
         values' size: otherwise the precision is too low for this d. */
      if (s->err < ACCEPT_ERR)
        {
          merge_bounded (s, s2, ib, nb, L, t, u);
          classify (s, G, global);
          mpfr_clears (t, u, (mpfr_ptr) 0);
          goto done;
        }
      mpfr_clears (t, u, (mpfr_ptr) 0);
    }
  if (!rc)
    {
      rc = LSC_EPREC;
      lsc_error ("spectrum not stable between two precisions", __FILE__,
                 __LINE__, rc);
    }
done:
  free (ia);
  lsc_series_spectrum_free (s2);
  return rc;
}
