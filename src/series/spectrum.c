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

/* Index, undecided count and type from the values and s->err. */
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
      if (fabs (mpfr_get_d (s->values[i], MPFR_RNDN)) <= s->err)
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

/* Spectrum and signs at the precision of s->values. */
static int
compute_once (lsc_series_spectrum *s, const mpfr_t *p, const lsc_young *G,
              const mpfr_t d, int global)
{
  mpfr_prec_t prec = mpfr_get_prec (s->values[0]);
  double rtol = ldexp (1.0, 24 - (int) prec);
  int rc = lsc_isotypic_spectrum_mpfr (s->values, s->info, &s->n, p, G, d,
                                       rtol, 0.0);
  if (rc)
    return rc;
  double big = 1;
  for (size_t i = 0; i < s->n; i++)
    if (fabs (s->info[i].value) > big)
      big = fabs (s->info[i].value);
  s->err = ldexp (big, 16 - (int) prec);
  classify (s, G, global);
  return LSC_SUCCESS;
}

/* The point refined at the precision of s->values from p, then the
   spectrum there. */
static int
refine_and_compute (lsc_series_spectrum *s, const mpfr_t *p,
                    const lsc_young *G, const mpfr_t d, int global)
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
    rc = compute_once (s, (const mpfr_t *) q, G, d, global);
  lsc_mpfr_vec_free (q, np);
  return rc;
}

/* Same list of values (components and multiplicities)? */
static int
same_shape (const lsc_series_spectrum *a, const lsc_series_spectrum *b)
{
  if (a->n != b->n)
    return 0;
  for (size_t i = 0; i < a->n; i++)
    if (a->info[i].irrep != b->info[i].irrep
        || a->info[i].inner != b->info[i].inner)
      return 0;
  return 1;
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
  for (int attempt = 0; attempt < 4; attempt++, prec += prec / 2 + 64)
    {
      /* The spectrum at prec (into s) and at prec + 64 (into s2): their
         difference, with the spectrum's own bound, is the stated error. */
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
      rc = refine_and_compute (s, p, G, d, global);
      if (!rc)
        rc = refine_and_compute (s2, p, G, d, global);
      if (rc)
        break;
      if (!same_shape (s, s2))
        continue;
      mpfr_t t;
      mpfr_init2 (t, prec + 64);
      double diff = 0;
      for (size_t i = 0; i < s->n; i++)
        {
          mpfr_sub (t, s->values[i], s2->values[i], MPFR_RNDN);
          double a = fabs (mpfr_get_d (t, MPFR_RNDN));
          if (a > diff)
            diff = a;
        }
      mpfr_clear (t);
      double err = 4 * diff + s->err;
      /* Accept when the two precisions agree far better than the
         values' size: otherwise the precision is too low for this d. */
      if (err < ACCEPT_ERR)
        {
          /* Keep the more accurate values, rounded to s's precision. */
          for (size_t i = 0; i < s->n; i++)
            mpfr_set (s->values[i], s2->values[i], MPFR_RNDN);
          s->err = err;
          classify (s, G, global);
          goto done;
        }
    }
  if (!rc)
    {
      rc = LSC_EPREC;
      lsc_error ("spectrum not stable between two precisions", __FILE__,
                 __LINE__, rc);
    }
done:
  lsc_series_spectrum_free (s2);
  return rc;
}
