/* Classification of descent end points: Morse index from the Hessian
   spectrum, isotropy by lsc_detect, catalogue families continued to d. */
#include <config.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <math.h>
#include "landscape/lsc_descent.h"
#include "landscape/lsc_detect.h"
#include "landscape/lsc_newton.h"
#include "landscape/lsc_families.h"
#include "landscape/lsc_overparam.h"
#include "internal.h"
#include "descent_impl.h"

/* A catalogue family at the classifier's d. */
typedef struct
{
  const lsc_family *fam;
  lsc_young G;
  size_t np;
  double p[LSC_FAMILY_MAXP];
} fam_at_d;

struct lsc_classifier
{
  size_t k, d;
  lsc_classify_params par;
  size_t n;
  fam_at_d *f;
};

void
lsc_classify_params_init (lsc_classify_params *par)
{
  par->loss_tol = 1e-12;
  par->ztol = 1e-8;
  par->detect_tol = 1e-6;
  par->ptol = 1e-6;
  par->dense = 0;
}

/* Family fam at d through the library's driver (lsc_family_follow); 0 on
   success, LSC_EDOM when d is outside the family's domain. */
static int
continue_family (fam_at_d *e, const lsc_family *fam, double d)
{
  lsc_family_ws *w = lsc_family_ws_alloc (fam->nparams);
  if (!w)
    return LSC_ENOMEM;
  int st = lsc_family_at (e->p, fam, d, w);
  lsc_family_ws_free (w);
  return st;
}

lsc_classifier *
lsc_classifier_alloc (const lsc_catalogue *cat, size_t k, size_t d,
                      const lsc_classify_params *par)
{
  if (k == 0 || d == 0)
    {
      lsc_error ("lsc_classifier_alloc: k and d must be positive", __FILE__,
                 __LINE__, LSC_EINVAL);
      return NULL;
    }
  lsc_classifier *c = calloc (1, sizeof *c);
  size_t nf = cat ? cat->n : 0;
  if (!c || !(c->f = calloc (nf ? nf : 1, sizeof *c->f)))
    {
      free (c);
      lsc_error ("lsc_classifier_alloc: out of memory", __FILE__, __LINE__,
                 LSC_ENOMEM);
      return NULL;
    }
  c->k = k;
  c->d = d;
  if (par)
    c->par = *par;
  else
    lsc_classify_params_init (&c->par);
  for (size_t i = 0; i < nf; i++)
    {
      const lsc_family *fam = &cat->fam[i];
      fam_at_d *e = &c->f[c->n];
      /* The family's own group moved to d (no spec string re-parsed). */
      e->G = fam->G;
      if (lsc_young_set_d (&e->G, (double) d) != 0
          || lsc_young_k (&e->G) != (double) k
          || !lsc_young_is_integral (&e->G))
        continue;
      e->fam = fam;
      e->np = fam->nparams;
      if ((double) d == fam->d)
        memcpy (e->p, fam->p, fam->nparams * sizeof (double));
      else if (continue_family (e, fam, (double) d) != 0)
        continue;              /* fold or degeneration: not at this d */
      c->n++;
    }
  return c;
}

void
lsc_classifier_free (lsc_classifier *c)
{
  if (!c)
    return;
  free (c->f);
  free (c);
}

const lsc_classify_params *
lsc_classifier_params (const lsc_classifier *c)
{
  return c ? &c->par : NULL;
}

size_t
lsc_classifier_nfamilies (const lsc_classifier *c)
{
  return c ? c->n : 0;
}

int
lsc_isotropy_format (char *buf, size_t len, const lsc_young *G)
{
  if (!buf || !G || len == 0)
    LSC_ERROR ("lsc_isotropy_format: NULL argument", LSC_EFAULT);
  int kd = G->nrb == G->ncb;
  for (size_t r = 0; kd && r < G->nrb; r++)
    kd = G->pair[r] == (int) r;
  size_t o = 0;
#define PUT(...) do { int w_ = snprintf (buf + o, o < len ? len - o : 0, \
                                         __VA_ARGS__);                \
                      o += w_ > 0 ? (size_t) w_ : 0; } while (0)
  if (kd)
    {
      PUT ("kd:L");
      for (size_t r = 1; r < G->nrb; r++)
        PUT (",%.0f", G->rsize[r]);
    }
  else
    {
      PUT ("rows:L");
      for (size_t r = 1; r < G->nrb; r++)
        PUT (",%.0f", G->rsize[r]);
      PUT (";cols:L");
      for (size_t c = 1; c < G->ncb; c++)
        PUT (",%.0f", G->csize[c]);
      PUT (";pair:0=%d", G->pair[0]);
      for (size_t r = 1; r < G->nrb; r++)
        if (G->pair[r] >= 0)
          PUT (",%zu=%d", r, G->pair[r]);
    }
#undef PUT
  if (o >= len)
    LSC_ERROR ("lsc_isotropy_format: buffer too short", LSC_ERANGE);
  return LSC_SUCCESS;
}

static int
same_group (const lsc_young *a, const lsc_young *b)
{
  if (a->nrb != b->nrb || a->ncb != b->ncb)
    return 0;
  for (size_t r = 0; r < a->nrb; r++)
    if (a->rsize[r] != b->rsize[r] || a->pair[r] != b->pair[r])
      return 0;
  for (size_t c = 0; c < a->ncb; c++)
    if (a->csize[c] != b->csize[c])
      return 0;
  return 1;
}

/* The default target: V = NULL or exactly I, alpha and beta all ones. */
int
lsc_descent_identity_target (const lsc_problem *p)
{
  if (p->m != p->d || p->k == 0)
    return 0;
  if (p->V)
    for (size_t i = 0; i < p->m; i++)
      for (size_t j = 0; j < p->d; j++)
        if (p->V[i * p->d + j] != (i == j ? 1.0 : 0.0))
          return 0;
  for (size_t i = 0; p->alpha && i < p->k; i++)
    if (p->alpha[i] != 1.0)
      return 0;
  for (size_t i = 0; p->beta && i < p->m; i++)
    if (p->beta[i] != 1.0)
      return 0;
  return 1;
}

/* Index, zero band and smallest value of an ascending spectrum of n. */
static void
count_spectrum (lsc_class *cl, const double *eval, size_t n, double ztol)
{
  cl->min_eig = eval[0];
  cl->index = cl->nzero = 0;
  double emax = fmax (1.0, fmax (fabs (eval[0]), fabs (eval[n - 1])));
  double zt = ztol * emax;
  for (size_t i = 0; i < n; i++)
    {
      if (eval[i] < -zt)
        cl->index++;
      else if (eval[i] <= zt)
        cl->nzero++;
    }
}

/* Euclidean norm of x (n), scaled so that no square overflows or
   underflows to a wrong zero. */
static double
row_norm (const double *x, size_t n)
{
  double s = 0.0, t = 0.0;
  for (size_t i = 0; i < n; i++)
    t = fmax (t, fabs (x[i]));
  if (t == 0.0 || !isfinite (t))
    return t;
  for (size_t i = 0; i < n; i++)
    s += (x[i] / t) * (x[i] / t);
  return t * sqrt (s);
}

/* Rows of W (k x d) of norm at most tol max(1, largest row norm). */
static size_t
count_vanished (const double *W, size_t k, size_t d, double tol)
{
  double big = 1.0;
  for (size_t i = 0; i < k; i++)
    big = fmax (big, row_norm (W + i * d, d));
  size_t nv = 0;
  for (size_t i = 0; i < k; i++)
    if (row_norm (W + i * d, d) <= tol * big)
      nv++;
  return nv;
}

/* The spectrum of the network without W's vanished rows: the loss's
   terms in a row are positively homogeneous of degree 1 in it, so at a
   zero row the other rows' block of the Hessian is the smaller
   network's Hessian, while the zero row's own directions are a cone
   (first order).  Sets index, nzero and min_eig from those
   (k - nvanish) d eigenvalues. */
static int
reduced_spectrum (lsc_class *cl, const double *W, const lsc_problem *p,
                  const lsc_classifier *c)
{
  const size_t d = c->d, kr = c->k - cl->nvanish;
  if (kr == 0)
    return LSC_EUNSUP;
  double big = 1.0;
  for (size_t i = 0; i < c->k; i++)
    big = fmax (big, row_norm (W + i * d, d));
  double *Wr = malloc (kr * d * sizeof *Wr);
  double *ar = p->alpha ? malloc (kr * sizeof *ar) : NULL;
  double *ev = malloc (kr * d * sizeof *ev);
  lsc_descent_workspace *ws = lsc_descent_alloc (kr, d, p->m, 0, 1);
  int st = LSC_SUCCESS;
  if (!Wr || !ev || !ws || (p->alpha && !ar))
    st = LSC_ENOMEM;
  else
    {
      size_t r = 0;
      for (size_t i = 0; i < c->k; i++)
        if (row_norm (W + i * d, d) > c->par.detect_tol * big)
          {
            memcpy (Wr + r * d, W + i * d, d * sizeof *Wr);
            if (ar)
              ar[r] = p->alpha[i];
            r++;
          }
      lsc_problem pr = *p;
      pr.k = kr;
      pr.alpha = ar;
      st = lsc_descent_hessian_eigen (ev, Wr, &pr, ws);
      if (!st)
        count_spectrum (cl, ev, kr * d, c->par.ztol);
    }
  lsc_descent_free (ws);
  free (ev);
  free (ar);
  free (Wr);
  if (st == LSC_ENOMEM)
    LSC_ERROR ("lsc_classify: out of memory", LSC_ENOMEM);
  return st;
}

int
lsc_classify (lsc_class *cl, const double *W, const double *eval,
              double loss, const lsc_problem *p, const lsc_classifier *c)
{
  if (!cl || !W || !eval || !p || !c)
    LSC_ERROR ("lsc_classify: NULL argument", LSC_EFAULT);
  if (p->k != c->k || p->d != c->d)
    LSC_ERROR ("lsc_classify: sizes differ from the classifier",
               LSC_EBADLEN);
  const size_t n = c->k * c->d;
  memset (cl, 0, sizeof *cl);
  int global = loss <= c->par.loss_tol;
  cl->nvanish = count_vanished (W, c->k, c->d, c->par.detect_tol);
  if (cl->nvanish)
    {
      /* A vanished neuron: the full Hessian is no second-order model
         there.  A global minimum is classified by the spectrum of the
         network without those rows; another point is not classified
         (whether the vanished neuron would grow is not tested). */
      if (!global)
        return LSC_EUNSUP;
      int st = reduced_spectrum (cl, W, p, c);
      if (st)
        return st;
    }
  else
    count_spectrum (cl, eval, n, c->par.ztol);
  if (!lsc_descent_identity_target (p))
    {
      cl->kind = global ? LSC_CLASS_GLOBAL : LSC_CLASS_UNSUP;
      return LSC_SUCCESS;
    }
  /* Split neurons (rows that are positive multiples of each other) lie
     on a line of critical points whose split ratios are structural zero
     modes: classify the canonical equal-share point of that line
     (lsc_overparam(3)); nsplit counts those zeros (they are among
     nzero). */
  double *Wc = malloc (n * sizeof *Wc);
  lsc_detect_workspace *w = lsc_detect_alloc (c->k, c->d);
  if (!w || !Wc)
    {
      free (Wc);
      lsc_detect_free (w);
      LSC_ERROR ("lsc_classify: out of memory", LSC_ENOMEM);
    }
  if (lsc_overparam_canonical (Wc, &cl->nsplit, W, c->k, c->d,
                               c->par.detect_tol) != 0)
    {
      memcpy (Wc, W, n * sizeof *Wc);
      cl->nsplit = 0;
    }
  lsc_detect_info info;
  int st = lsc_detect (&cl->G, NULL, NULL, cl->p, &info, Wc, c->k, c->d,
                       c->par.detect_tol, w);
  lsc_detect_free (w);
  free (Wc);
  if (st == LSC_EUNSUP || st == LSC_ENOTFIX)
    {
      memset (&cl->G, 0, sizeof cl->G);
      cl->kind = global ? LSC_CLASS_GLOBAL : LSC_CLASS_NOSYM;
      return LSC_SUCCESS;
    }
  if (st)
    return st;
  cl->np = lsc_young_nparams (&cl->G);
  /* Re-solve in the fixed space: parameters to the rounding floor. */
  double q[LSC_DETECT_MAXPARAMS];
  memcpy (q, cl->p, cl->np * sizeof (double));
  lsc_newton_params np;
  lsc_newton_params_init (&np);
  np.epsx = 1e-15;
  if (lsc_newton_restricted (q, NULL, &cl->G, &np) == LSC_SUCCESS)
    {
      double dev = 0.0;
      for (size_t i = 0; i < cl->np; i++)
        dev = fmax (dev, fabs (q[i] - cl->p[i]));
      if (dev <= c->par.detect_tol)
        memcpy (cl->p, q, cl->np * sizeof (double));
    }
  if ((st = lsc_isotropy_format (cl->isotropy, sizeof cl->isotropy,
                                 &cl->G)) != 0)
    return st;
  if (global)
    {
      cl->kind = LSC_CLASS_GLOBAL;
      return LSC_SUCCESS;
    }
  cl->kind = LSC_CLASS_NEW;
  for (size_t i = 0; i < c->n; i++)
    {
      const fam_at_d *e = &c->f[i];
      if (!same_group (&e->G, &cl->G) || e->np != cl->np)
        continue;
      double dev = 0.0;
      for (size_t j = 0; j < e->np; j++)
        dev = fmax (dev, fabs (e->p[j] - cl->p[j]));
      if (dev <= c->par.ptol)
        {
          cl->kind = LSC_CLASS_CATALOGUE;
          cl->family = e->fam;
          break;
        }
    }
  return LSC_SUCCESS;
}
