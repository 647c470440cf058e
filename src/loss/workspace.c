/* The loss workspace: every array of lsc_loss_prepare and the loss,
   gradient and Hessian passes for problems of size (k, d, m), allocated
   once, aligned on cache lines. */
#include <config.h>
#include <stdlib.h>
#include <stdint.h>
#include "landscape/lsc_loss.h"
#include "loss_impl.h"
#include "internal.h"
#include "../kernel/vgemm.h"

/* Workspace arrays start on a cache line (64 bytes), so that the
   AVX-512 kernels' full vectors of aligned rows do not straddle lines. */
static void *
amalloc (size_t n)
{
  /* C11: the size a multiple of the alignment */
  return n > SIZE_MAX - 64 ? NULL : aligned_alloc (64, (n + 63) / 64 * 64);
}

/* Workspace for problems of size (k, d, m): O((k+m)(k+m+d)) doubles.
   NULL on a zero size (reported as LSC_EBADLEN) or when memory runs out or
   the sizes overflow (LSC_ENOMEM). */
lsc_loss_workspace *
lsc_loss_workspace_alloc (size_t k, size_t d, size_t m)
{
  if (k == 0 || d == 0 || m == 0)
    {
      lsc_error ("lsc_loss_workspace_alloc: zero size", __FILE__, __LINE__,
                 LSC_EBADLEN);
      return NULL;
    }
  size_t nr = k + m;
  lsc_loss_workspace *ws = NULL;
  /* the largest block is nr x max(nr, d) doubles: refuse sizes whose byte
     count would overflow size_t */
  size_t big = nr > d ? nr : d;
  if (nr < k || big > SIZE_MAX / sizeof (double) / nr)
    goto fail;
  ws = calloc (1, sizeof *ws);
  if (!ws)
    goto fail;
  ws->k = k;
  ws->d = d;
  ws->m = m;
  ws->nr = nr;
  ws->Y = amalloc (nr * d * sizeof (double));
  ws->Yh = amalloc (nr * d * sizeof (double));
  ws->gam = malloc (nr * sizeof (double));
  ws->nrm = malloc (nr * sizeof (double));
  ws->C = amalloc (nr * nr * sizeof (double));
  ws->T = amalloc (k * nr * sizeof (double));
  ws->N = amalloc (nr * d * sizeof (double));
  ws->M = amalloc (nr * d * sizeof (double));
  ws->r = amalloc (d * sizeof (double));
  ws->p = malloc (d * sizeof (double));
  ws->q = malloc (d * sizeof (double));
  ws->sc = amalloc (nr * sizeof (double));
  ws->scc = malloc (nr * sizeof (double));
  ws->comp = malloc (nr * sizeof (size_t));
  ws->OM = amalloc (k * nr * sizeof (double));
  ws->F = amalloc (nr * nr * sizeof (double));
  ws->gn = amalloc (nr * sizeof (double));
  ws->n2 = amalloc (2 * nr * sizeof (double));
  ws->axis = malloc (m * sizeof (size_t));
  ws->axsg = malloc (m * sizeof (double));
  ws->rc = amalloc (d * sizeof (double));
  ws->nnear = calloc (nr, sizeof (size_t));
  ws->nearidx = malloc (nr * sizeof (size_t));
  ws->head = malloc (nr * sizeof (size_t));
  ws->link = malloc (nr * sizeof (size_t));
  ws->vg = lsc_vg_alloc (nr, d);
  if (!ws->vg || !ws->Y || !ws->Yh || !ws->gam || !ws->nrm || !ws->C || !ws->T || !ws->N
      || !ws->M || !ws->r || !ws->p || !ws->q || !ws->sc || !ws->scc
      || !ws->comp || !ws->OM || !ws->F || !ws->gn || !ws->rc || !ws->nnear
      || !ws->n2
      || !ws->nearidx || !ws->head || !ws->link)
    goto fail;
  return ws;
fail:
  lsc_loss_workspace_free (ws);
  lsc_error ("lsc_loss_workspace_alloc: out of memory", __FILE__, __LINE__,
             LSC_ENOMEM);
  return NULL;
}

void
lsc_loss_workspace_free (lsc_loss_workspace *ws)
{
  if (!ws)
    return;
  free (ws->Y);
  free (ws->Yh);
  free (ws->gam);
  free (ws->nrm);
  free (ws->C);
  free (ws->T);
  free (ws->N);
  free (ws->M);
  free (ws->r);
  free (ws->p);
  free (ws->q);
  free (ws->sc);
  free (ws->scc);
  free (ws->comp);
  free (ws->OM);
  free (ws->F);
  free (ws->gn);
  free (ws->n2);
  free (ws->axis);
  free (ws->axsg);
  free (ws->rc);
  free (ws->nnear);
  free (ws->nearidx);
  free (ws->head);
  free (ws->link);
  lsc_vg_free (ws->vg);
  free (ws);
}
