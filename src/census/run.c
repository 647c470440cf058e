/* Census job: one run (Xavier start, descent, Newton polish, spectrum,
   classification) and a serial census of runs. */
#define _POSIX_C_SOURCE 200809L
#include <config.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <gsl/gsl_rng.h>
#include "landscape.h"
#include "internal.h"

/* ws serves the descent and the symmetric route (no Hessian); hws, with
   the kd x kd Hessian, is allocated at the first end point that needs the
   dense route and kept for the later ones. */
struct lsc_census_workspace
{
  size_t k, d, m;
  lsc_descent_workspace *ws, *hws;
  double *W, *ev;
  gsl_rng *rng;
};

lsc_census_workspace *
lsc_census_alloc (size_t k, size_t d, size_t m,
                  const lsc_descent_params *par)
{
  lsc_descent_params def;
  if (!par)
    {
      lsc_descent_params_init (&def);
      par = &def;
    }
  if (k == 0 || d == 0 || m == 0 || k > ((size_t) -1) / d / sizeof (double))
    return NULL;
  lsc_census_workspace *w = calloc (1, sizeof *w);
  if (!w)
    return NULL;
  w->k = k;
  w->d = d;
  w->m = m;
  w->ws = lsc_descent_alloc (k, d, m, par->lbfgs_m, 0);
  w->W = malloc (k * d * sizeof *w->W);
  w->ev = malloc (k * d * sizeof *w->ev);
  w->rng = gsl_rng_alloc (gsl_rng_mt19937);
  if (!w->ws || !w->W || !w->ev || !w->rng)
    {
      lsc_census_free (w);
      return NULL;
    }
  return w;
}

void
lsc_census_free (lsc_census_workspace *w)
{
  if (!w)
    return;
  lsc_descent_free (w->ws);
  lsc_descent_free (w->hws);
  free (w->W);
  free (w->ev);
  if (w->rng)
    gsl_rng_free (w->rng);
  free (w);
}

const double *
lsc_census_point (const lsc_census_workspace *w)
{
  return w->W;
}

static double
now (void)
{
  struct timespec t;
  clock_gettime (CLOCK_MONOTONIC, &t);
  return (double) t.tv_sec + 1e-9 * (double) t.tv_nsec;
}

int
lsc_census_do_run (lsc_census_run *r, unsigned long long seed, size_t run,
                   const lsc_problem *p, const lsc_descent_params *par,
                   const lsc_classifier *cl, lsc_census_workspace *w)
{
  double t0 = now ();
  memset (r, 0, sizeof *r);
  r->run = run;
  r->kind = -1;
  r->loss = r->gnorm = r->min_eig = NAN;
  strcpy (r->family, "-");
  if (!w || !p || !par || p->k != w->k || p->d != w->d || p->m != w->m)
    {
      r->status = LSC_EBADLEN;
      LSC_ERROR ("lsc_census_do_run: workspace of other sizes", LSC_EBADLEN);
    }
  r->seed = lsc_descent_stream_seed (seed, run);
  gsl_rng_set (w->rng, r->seed);
  lsc_descent_result dr, nr;
  int st = lsc_descent_xavier (w->W, p->k, p->d, w->rng);
  if (!st)
    {
      st = lsc_descent_run (w->W, &dr, p, par, w->ws);
      r->iter = dr.iter;
      r->nfev = dr.nfev;
      r->loss = dr.loss;
      r->gnorm = dr.gnorm;
    }
  /* An iteration limit or a line-search stall still leaves a point worth
     polishing; other failures (domain, overflow) do not. */
  if (!st || st == LSC_EMAXITER || st == LSC_ESTEPUNDER)
    {
      /* the symmetric route first (fixed-space Newton, isotypic
         spectrum: no kd x kd matrix); the dense one where it does not
         apply or fails (W is then unchanged) */
      const lsc_classify_params *cp = lsc_classifier_params (cl);
      int sym = 0;
      if (cp && !cp->dense)
        {
          sym = lsc_descent_polish_symmetric (w->W, w->ev, &nr, p, par,
                                              cp->detect_tol, w->ws) == 0;
          if (sym)
            {
              r->nfev += nr.nfev;
              r->loss = nr.loss;
              r->gnorm = nr.gnorm;
              st = LSC_SUCCESS;
            }
        }
      if (!sym)
        {
          if (!w->hws
              && !(w->hws = lsc_descent_alloc (p->k, p->d, p->m, 0, 1)))
            st = LSC_ENOMEM;
          else
            {
              st = lsc_descent_newton (w->W, &nr, p, par, w->hws);
              r->nfev += nr.nfev;
              if (isfinite (nr.loss))
                {
                  r->loss = nr.loss;
                  r->gnorm = nr.gnorm;
                }
              if (!st)
                st = lsc_descent_hessian_eigen (w->ev, w->W, p, w->hws);
            }
        }
    }
  lsc_class c;
  if (!st)
    st = lsc_classify (&c, w->W, w->ev, r->loss, p, cl);
  r->status = st;
  if (!st)
    {
      r->kind = (int) c.kind;
      r->index = c.index;
      r->nzero = c.nzero;
      r->min_eig = c.min_eig;
      snprintf (r->isotropy, sizeof r->isotropy, "%s", c.isotropy);
      if (c.kind == LSC_CLASS_GLOBAL)
        strcpy (r->family, "global");
      else if (c.kind == LSC_CLASS_CATALOGUE)
        snprintf (r->family, sizeof r->family, "%s", c.family->name);
      r->np = c.np;
      memcpy (r->p, c.p, c.np * sizeof (double));
    }
  r->time = now () - t0;
  r->done = 1;
  return st;
}

int
lsc_census (lsc_census_run *runs, size_t first, size_t n,
            unsigned long long seed, const lsc_problem *p,
            const lsc_descent_params *par, const lsc_classifier *cl)
{
  lsc_descent_params def;
  if (!par)
    {
      lsc_descent_params_init (&def);
      par = &def;
    }
  lsc_census_workspace *w = lsc_census_alloc (p->k, p->d, p->m, par);
  if (!w)
    LSC_ERROR ("lsc_census: out of memory", LSC_ENOMEM);
  int rc = LSC_SUCCESS;
  for (size_t i = 0; i < n; i++)
    if (lsc_census_do_run (&runs[i], seed, first + i, p, par, cl, w)
        == LSC_EBADLEN)
      {
        rc = LSC_EBADLEN;
        break;
      }
  lsc_census_free (w);
  return rc;
}

static const char *const kinds[] = { "global", "catalogue", "new", "nosym",
                                     "unsup" };

const char *
lsc_census_kind_token (int kind)
{
  return kind >= 0 && kind <= 4 ? kinds[kind] : "-";
}

int
lsc_census_kind_parse (const char *token)
{
  if (strcmp (token, "-") == 0)
    return -1;
  for (int k = 0; k <= 4; k++)
    if (strcmp (token, kinds[k]) == 0)
      return k;
  return -2;
}
