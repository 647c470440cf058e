/* The branch job of one family (lsc_branch_job): its crossings, the axial
   Young children at each, both halves of each followed, as the rows,
   graph edges and tangents that landscape-branch prints. */
#include <config.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "landscape.h"
#include "internal.h"

#define MAXEV 32

int
lsc_branch_options_check (const lsc_branch_options *opt, char *err,
                          size_t errlen)
{
  if (errlen)
    err[0] = '\0';
  /* below d = 1 no family exists; above 1e6 the double continuation
     loses the O(1) eigenvalues (lsc_scan(3), LSC_SCAN_LARGE_D) */
  if (!(opt->d_lo >= 1) || !(opt->d_hi > opt->d_lo) || opt->d_hi > 1e6)
    {
      snprintf (err, errlen, "the range needs 1 <= --from < --to <= 1e6");
      return LSC_EINVAL;
    }
  if (!(opt->amp > 0 && opt->amp <= 1))
    {
      snprintf (err, errlen, "--amp must lie in (0, 1]");
      return LSC_EINVAL;
    }
  return LSC_SUCCESS;
}

void
lsc_branch_result_init (lsc_branch_result *r)
{
  memset (r, 0, sizeof *r);
}

void
lsc_branch_result_free (lsc_branch_result *r)
{
  if (!r)
    return;
  free (r->rows);
  free (r->edges);
  free (r->tangents);
  memset (r, 0, sizeof *r);
}

/* Room for one more element of an array of size bytes each. */
static int
grow (void **a, size_t *cap, size_t n, size_t size)
{
  if (n < *cap)
    return 0;
  size_t nc = *cap ? 2 * *cap : 16;
  void *q = realloc (*a, nc * size);
  if (!q)
    return -1;
  *a = q;
  *cap = nc;
  return 0;
}

static lsc_branch_row *
new_row (lsc_branch_result *r)
{
  if (grow ((void **) &r->rows, &r->caprows, r->nrows, sizeof *r->rows))
    return NULL;
  lsc_branch_row *w = &r->rows[r->nrows++];
  memset (w, 0, sizeof *w);
  w->dstar = NAN;
  return w;
}

/* "saddle(2)" etc. for the halves on one side of d*. */
static void
side_text (char *buf, size_t len, const lsc_branch_half *h, int side)
{
  size_t o = 0;
  buf[0] = 0;
  for (int k = 0; k < 2; k++)
    if (h[k].status == 0 && h[k].side == side)
      {
        int w;
        if (h[k].type == LSC_BRANCH_TYPE_UNKNOWN)
          w = snprintf (buf + o, len - o, "%s-", o ? "," : "");
        else
          {
            /* the index exactly (lsc_table_index_text), never %g-rounded */
            char ib[48];
            lsc_table_index_text (ib, sizeof ib, h[k].index, h[k].d1);
            w = snprintf (buf + o, len - o, "%s%s(%s)", o ? "," : "",
                          lsc_branch_type_name (h[k].type), ib);
          }
        if (w > 0 && (size_t) w < len - o)
          o += (size_t) w;
      }
  if (!o)
    snprintf (buf, len, "absent");
}

static int
half_status (const lsc_branch_half *h)
{
  if (h->status)
    return h->status;
  return h->end == LSC_BRANCH_END_FAIL ? h->end_status : LSC_SUCCESS;
}

/* The row, edges and tangent of one followed axial child. */
static int
child_result (lsc_branch_result *res, const lsc_family *F,
              const lsc_branch_event *ev, const lsc_branch_child *c,
              const lsc_branch_half *h, int fs)
{
  int rs = fs ? fs : half_status (&h[0]);
  if (!rs)
    rs = half_status (&h[1]);
  lsc_branch_row *r = new_row (res);
  if (!r)
    return LSC_ENOMEM;
  r->what = LSC_BRANCH_ROW_CHILD;
  snprintf (r->parent, sizeof r->parent, "%s", F->name);
  r->dstar = ev->dstar;
  r->irrep = ev->irrep;
  r->inner = ev->inner;
  r->kind = c->ki.kind;
  r->theory = c->theory_kind;
  snprintf (r->child, sizeof r->child, "%s", c->isotropy);
  snprintf (r->split, sizeof r->split, "%s", c->split);
  side_text (r->below, sizeof r->below, h, -1);
  side_text (r->above, sizeof r->above, h, 1);
  /* end of the half below (side -1) and above */
  snprintf (r->end_below, sizeof r->end_below, "-");
  snprintf (r->end_above, sizeof r->end_above, "-");
  for (int k = 0; k < 2; k++)
    if (h[k].status == 0)
      snprintf (h[k].side < 0 ? r->end_below : r->end_above,
                sizeof r->end_below, "%s@%.6g",
                lsc_branch_end_name (h[k].end), h[k].d_end);
  for (int k = 0; k < 2; k++)
    if (h[k].family[0])
      {
        size_t l = strlen (r->meets);
        snprintf (r->meets + l, sizeof r->meets - l, "%s%s@%.0f",
                  l ? "," : "", h[k].family, h[k].family_d);
      }
  if (!r->meets[0])
    snprintf (r->meets, sizeof r->meets, "-");
  snprintf (r->checks, sizeof r->checks, "%zu/%zu",
            h[0].nint_agree + h[1].nint_agree, h[0].nint + h[1].nint);
  r->status = rs;
  /* graph: parent -> child branch (born at d*), child branch -> each
     catalogue family it meets (at integer d) */
  char node[192];
  snprintf (node, sizeof node, "%s %s (d* = %.6g)", F->name, c->isotropy,
            ev->dstar);
  for (int k = -1; k < 2; k++)
    {
      if (k >= 0 && !h[k].family[0])
        continue;
      if (grow ((void **) &res->edges, &res->capedges, res->nedges,
                sizeof *res->edges))
        return LSC_ENOMEM;
      lsc_branch_edge *e = &res->edges[res->nedges++];
      snprintf (e->parent, sizeof e->parent, "%s", k < 0 ? F->name : node);
      snprintf (e->child, sizeof e->child, "%s", k < 0 ? node : h[k].family);
      snprintf (e->relation, sizeof e->relation, "%s",
                k < 0 ? lsc_branch_kind_name (c->ki.kind) : "meets");
      e->d = k < 0 ? ev->dstar : h[k].family_d;
    }
  for (size_t i = 0; i < lsc_young_nparams (&c->H); i++)
    {
      if (grow ((void **) &res->tangents, &res->captangents, res->ntangents,
                sizeof *res->tangents))
        return LSC_ENOMEM;
      lsc_branch_tangent *t = &res->tangents[res->ntangents++];
      snprintf (t->parent, sizeof t->parent, "%s", F->name);
      snprintf (t->child, sizeof t->child, "%s", c->isotropy);
      t->dstar = ev->dstar;
      t->index = i;
      t->value = c->tangent[i];
    }
  return LSC_SUCCESS;
}

int
lsc_branch_job (lsc_branch_result *res, const lsc_family *F,
                const lsc_branch_options *opt, lsc_branch_workspace *w,
                const lsc_branch_hooks *hooks)
{
  if (!res || !F || !opt)
    LSC_ERROR ("lsc_branch_job: NULL argument", LSC_EFAULT);
  lsc_branch_hooks none = { NULL, NULL, NULL, NULL };
  if (!hooks)
    hooks = &none;
  lsc_branch_event *ev = malloc (MAXEV * sizeof *ev);
  lsc_branch_child *ch = malloc (LSC_BRANCH_MAXCHILD * sizeof *ch);
  int rc = LSC_SUCCESS;
  if (!ev || !ch)
    {
      rc = LSC_ENOMEM;
      goto done;
    }
  size_t nev = 0;
  int st = lsc_branch_events (ev, &nev, MAXEV, &F->G, F->p, F->d, opt->d_lo,
                              opt->d_hi);
  if (st)
    {
      lsc_branch_row *r = new_row (res);
      if (!r)
        {
          rc = LSC_ENOMEM;
          goto done;
        }
      r->what = LSC_BRANCH_ROW_FAILED;
      snprintf (r->parent, sizeof r->parent, "%s", F->name);
      r->status = st;
    }
  for (size_t e = 0; !rc && e < nev; e++)
    {
      size_t nch = 0, nax = 0;
      if (ev[e].status == 0 || ev[e].status == LSC_EPREC)
        st = lsc_branch_analyse (ch, &nch, LSC_BRANCH_MAXCHILD, &F->G,
                                 ev[e].pstar, ev[e].dstar, opt);
      else
        st = ev[e].status;
      for (size_t c = 0; !st && !rc && c < nch; c++)
        {
          if (!ch[c].axial)
            continue;
          nax++;
          lsc_branch_half h[2];
          if (hooks->child_begin)
            hooks->child_begin (F, &ch[c], hooks->data);
          int fs = lsc_branch_follow_child (h, &ch[c], (int) c, &F->G,
                                            ev[e].pstar, ev[e].dstar, w, opt,
                                            hooks->point, hooks->data);
          if (hooks->child_end)
            hooks->child_end (&ev[e], h, hooks->data);
          rc = child_result (res, F, &ev[e], &ch[c], h, fs);
        }
      if (!rc && (st || nax == 0))
        {
          lsc_branch_row *r = new_row (res);
          if (!r)
            {
              rc = LSC_ENOMEM;
              break;
            }
          r->what = LSC_BRANCH_ROW_NONE;
          snprintf (r->parent, sizeof r->parent, "%s", F->name);
          r->dstar = ev[e].dstar;
          r->irrep = ev[e].irrep;
          r->inner = ev[e].inner;
          r->kind = LSC_BRANCH_NONE;
          snprintf (r->child, sizeof r->child, "-");
          snprintf (r->split, sizeof r->split, "%s",
                    st ? "-" : "no candidate Young subgroup fixes a kernel "
                               "line: the axial subgroups are not of Young "
                               "type (not followed)");
          r->status = st;
        }
    }
done:
  free (ev);
  free (ch);
  if (rc)
    LSC_ERROR ("lsc_branch_job: out of memory", rc);
  return rc;
}
