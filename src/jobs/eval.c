/* Evaluate one point: loss, gradient norm (double and MPFR), the route to
   the Hessian spectrum (isotypic or dense), inertia and component labels
   (landscape-eval's job, lsc_jobs(3)). */
#include <config.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <mpfr.h>
#include "landscape.h"
#include "landscape/lsc_jobs.h"
#include "internal.h"

void
lsc_eval_opts_init (lsc_eval_opts *o)
{
  o->tol = 1e-8;
  o->sym_tol = 1e-12;
  o->label_tol = 1e-9;
  o->prec = 0;
  o->dense = 0;
  o->max_bytes = 0;
}

void
lsc_eval_result_clear (lsc_eval_result *r)
{
  if (r->loss_dec)
    mpfr_free_str (r->loss_dec);
  if (r->grad_dec)
    mpfr_free_str (r->grad_dec);
  free (r->grp);
  free (r->label);
  r->loss_dec = r->grad_dec = NULL;
  r->grp = NULL;
  r->label = NULL;
  r->ng = 0;
}

/* LSC_ENOMEM with what the step needs, when it exceeds max (> 0). */
static int
refuse (lsc_eval_result *r, double bytes, double max, const char *what)
{
  if (!(max > 0) || bytes <= max)
    return 0;
  if (r)
    {
      r->need_bytes = bytes;
      snprintf (r->need_what, sizeof r->need_what, "%s", what);
    }
  return 1;
}

int
lsc_eval_polish (double *W, lsc_descent_result *res, lsc_eval_result *r,
                 const lsc_problem *p, double max_bytes)
{
  double nn = (double) p->k * (double) p->d;
  if (refuse (r, 8.0 * (2.0 * nn * nn + 8.0 * nn)
              + lsc_eigen_workspace_bytes (p->k * p->d, 1), max_bytes,
              "the Newton polish's Hessian"))
    return LSC_ENOMEM;
  lsc_descent_workspace *dw = lsc_descent_alloc (p->k, p->d, p->m, 1, 1);
  if (!dw)
    return LSC_ENOMEM;
  lsc_descent_params dp;
  lsc_descent_params_init (&dp);
  memset (res, 0, sizeof *res);
  /* a polish that does not converge is an outcome, not an error */
  lsc_error_handler_t *old = lsc_set_error_handler (NULL);
  int st = lsc_descent_newton (W, res, p, &dp, dw);
  lsc_set_error_handler (old);
  lsc_descent_free (dw);
  res->status = st;
  return st == LSC_ENOMEM ? LSC_ENOMEM : LSC_SUCCESS;
}

/* x as a decimal string with the digits that round-trip at its precision. */
static char *
decimal (mpfr_t x)
{
  char *s = NULL;
  size_t nd = mpfr_get_str_ndigits (10, mpfr_get_prec (x));
  if (mpfr_asprintf (&s, "%.*Re", (int) nd - 1, x) < 0)
    return NULL;
  return s;
}

/* Loss and gradient norm in MPFR at prec bits (prec >= 53: every double
   converts exactly). */
static int
eval_mpfr (lsc_eval_result *r, const double *W, const lsc_problem *p,
           long prec)
{
  size_t k = p->k, d = p->d, m = p->m;
  size_t nw = k * d, nv = p->V ? m * d : 0, na = p->alpha ? k : 0;
  size_t nb = p->beta ? m : 0, ntot = 2 * nw + nv + na + nb + 2;
  mpfr_t *all = malloc (ntot * sizeof *all);
  if (!all)
    return LSC_ENOMEM;
  for (size_t i = 0; i < ntot; i++)
    mpfr_init2 (all[i], (mpfr_prec_t) prec);
  mpfr_t *Wm = all, *Gm = all + nw, *Vm = Gm + nw, *Am = Vm + nv;
  mpfr_t *Bm = Am + na, *Lm = Bm + nb, *Nm = Lm + 1;
  for (size_t i = 0; i < nw; i++)
    mpfr_set_d (Wm[i], W[i], MPFR_RNDN);
  for (size_t i = 0; i < nv; i++)
    mpfr_set_d (Vm[i], p->V[i], MPFR_RNDN);
  for (size_t i = 0; i < na; i++)
    mpfr_set_d (Am[i], p->alpha[i], MPFR_RNDN);
  for (size_t i = 0; i < nb; i++)
    mpfr_set_d (Bm[i], p->beta[i], MPFR_RNDN);
  lsc_problem_mpfr pm = { k, d, m, nv ? (const mpfr_t *) Vm : NULL,
                          na ? (const mpfr_t *) Am : NULL,
                          nb ? (const mpfr_t *) Bm : NULL };
  int st = lsc_loss_grad_mpfr (*Lm, Gm, (const mpfr_t *) Wm, &pm);
  if (!st)
    {
      mpfr_set_zero (*Nm, 1);
      for (size_t i = 0; i < nw; i++)
        mpfr_fma (*Nm, Gm[i], Gm[i], *Nm, MPFR_RNDN);
      mpfr_sqrt (*Nm, *Nm, MPFR_RNDN);
      r->loss_dec = decimal (*Lm);
      r->grad_dec = decimal (*Nm);
      if (!r->loss_dec || !r->grad_dec)
        st = LSC_ENOMEM;
    }
  for (size_t i = 0; i < ntot; i++)
    mpfr_clear (all[i]);
  free (all);
  mpfr_free_cache ();
  return st;
}

/* The isotypic route: 0 when W has a Young-type isotropy within the
   tolerance and the reduced spectrum is complete, else nonzero (the
   caller takes the dense route). */
static int
isotypic_route (lsc_eval_result *r, unsigned *comp, const double *W,
                size_t k, size_t d, const lsc_eval_opts *o)
{
  double wmax = 1;
  for (size_t i = 0; i < k * d; i++)
    wmax = fmax (wmax, fabs (W[i]));
  lsc_young Gs;
  /* no symmetry is an outcome here (the dense route follows), not an error */
  lsc_error_handler_t *old = lsc_set_error_handler (NULL);
  int st = lsc_isotypic_full (r->grp, comp, &r->ng, &Gs, W, k, d,
                              o->sym_tol * wmax, o->tol, o->tol);
  lsc_set_error_handler (old);
  if (st)
    return st;
  if (!(r->label = calloc (r->ng ? r->ng : 1, sizeof *r->label)))
    return LSC_ENOMEM;
  double emax = 1.0;
  for (size_t g = 0; g < r->ng; g++)
    emax = fmax (emax, fabs (r->grp[g].value));
  for (size_t g = 0; g < r->ng; g++)
    {
      if (r->grp[g].value < -o->tol * emax)
        r->in.neg += r->grp[g].mult;
      else if (r->grp[g].value > o->tol * emax)
        r->in.pos += r->grp[g].mult;
      else
        r->in.zero += r->grp[g].mult;
    }
  for (size_t g = 0; g < r->ng; g++)
    for (int c = 0; c < 4; c++)
      if (comp[g] & (1u << c))
        {
          size_t l = strlen (r->label[g]);
          snprintf (r->label[g] + l, sizeof r->label[g] - l, "%s%s",
                    l ? "+" : "", lsc_irrep_name (c));
        }
  lsc_isotropy_format (r->isotropy, sizeof r->isotropy, &Gs);
  r->isotypic = 1;
  return 0;
}

/* The dense route: the kd x kd Hessian, its eigenvalues, groups, inertia
   and (study target) component labels. */
static int
dense_route (lsc_eval_result *r, const double *W, const lsc_problem *p,
             int target, lsc_loss_workspace *ws, const lsc_eval_opts *o)
{
  size_t k = p->k, d = p->d, n = k * d;
  double nr = (double) (k + p->m);
  char what[96];
  snprintf (what, sizeof what, "the %zu x %zu Hessian", n, n);
  /* the matrix alone first: LAPACK's workspace query is slow for huge n */
  if (refuse (r, 8.0 * (double) n * (double) n, o->max_bytes, what))
    return LSC_ENOMEM;
  double ewb = lsc_eigen_workspace_bytes (n, 0);
  if (n > SIZE_MAX / sizeof (double) / n || ewb == 0)
    return LSC_ELIMIT;
  double need = 8.0 * (double) n * (double) n + ewb
    + (double) n * (2 * sizeof (double) + sizeof (lsc_eigen_cluster) + 16)
    + 8.0 * (4 * nr * (double) d + nr * nr + (double) k * nr + 8 * nr
             + 3.0 * (double) d);
  if (o->prec)
    need += (2.0 * (double) n + (double) (p->m * d + k + p->m) + 2)
      * (sizeof (mpfr_t) + (double) o->prec / 8 + 16);
  if (refuse (r, need, o->max_bytes, what))
    return LSC_ENOMEM;
  double *H = malloc (n * n * sizeof *H), *ev = malloc (n * sizeof *ev);
  lsc_eigen_workspace *ews = lsc_eigen_workspace_alloc (n, 0);
  int st = !H || !ev || !ews ? LSC_ENOMEM : 0;
  if (!st)
    st = lsc_loss_hessian_lower (H, W, p, ws);
  if (!st)
    st = lsc_eigen_symm (ev, NULL, H, n, ews);
  if (!st)
    st = lsc_eigen_group (r->grp, &r->ng, ev, n, o->tol, o->tol);
  double emax = st ? 1 : fmax (1.0, fmax (fabs (ev[0]), fabs (ev[n - 1])));
  if (!st)
    st = lsc_inertia_count (&r->in, ev, n, o->tol * emax);
  if (!st && !(r->label = calloc (r->ng ? r->ng : 1, sizeof *r->label)))
    st = LSC_ENOMEM;
  /* the study target: a detected Young-type isotropy labels each distinct
     eigenvalue with the components of the large block's S_n that hold it
     (equivariance holds at any point of Fix(G), critical or not) */
  if (!st && target)
    {
      lsc_young LG;
      st = lsc_isotypic_cluster_labels (r->label, &LG, r->grp, r->ng, W, k,
                                        d, o->tol * emax, o->label_tol);
      if (!st && LG.nrb)
        lsc_isotropy_format (r->isotropy, sizeof r->isotropy, &LG);
    }
  free (H);
  free (ev);
  lsc_eigen_workspace_free (ews);
  return st;
}

int
lsc_eval (lsc_eval_result *r, const double *W, const lsc_problem *p,
          const lsc_eval_opts *o)
{
  memset (r, 0, sizeof *r);
  lsc_eval_opts def;
  if (!o)
    {
      lsc_eval_opts_init (&def);
      o = &def;
    }
  if (!(o->tol > 0 && o->tol < 1) || !(o->sym_tol > 0)
      || !(o->label_tol > 0) || (o->prec && o->prec < 53))
    LSC_ERROR ("lsc_eval: invalid option", LSC_EINVAL);
  size_t k = p->k, d = p->d, n = k * d;
  int st = lsc_problem_check (p, W);
  if (st)
    return st;
  lsc_loss_workspace *ws = lsc_loss_workspace_alloc (k, d, p->m);
  double *G = malloc (n * sizeof *G);
  unsigned *comp = malloc (n * sizeof *comp);
  r->grp = malloc (n * sizeof *r->grp);
  if (!ws || !G || !comp || !r->grp)
    st = LSC_ENOMEM;
  if (!st)
    st = lsc_loss_grad (&r->loss, G, W, p, ws);
  if (!st)
    {
      double g2 = 0;
      for (size_t i = 0; i < n; i++)
        g2 += G[i] * G[i];
      r->grad_norm = sqrt (g2);
    }
  if (!st && o->prec)
    st = eval_mpfr (r, W, p, o->prec);
  int target = !p->V && !p->alpha && !p->beta && p->m == d;
  if (!st && (o->dense || !target || isotypic_route (r, comp, W, k, d, o)))
    {
      memset (&r->in, 0, sizeof r->in);
      free (r->label);
      r->label = NULL;
      r->isotropy[0] = '\0';
      r->ng = 0;
      st = dense_route (r, W, p, target, ws, o);
    }
  free (G);
  free (comp);
  lsc_loss_workspace_free (ws);
  return st;
}
