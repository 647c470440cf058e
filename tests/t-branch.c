/* Tests of the branch module: synthetic equivariant normal forms whose
   branches are known in closed form (a Z_2 pitchfork, an S_3 transcritical
   bifurcation in the fixed space of S_2 x S_1 with its Gram metric), and
   the branches born at type A's and F5's d*, checked against the full
   Hessian at every integer d on each branch. */
#include <config.h>
#include "landscape/lsc_branch_table.h"
#include "testutil.h"
#include "landscape.h"

/* ---- Z_2 pitchfork: F = (a-1)^2/2 + (d-2) b^2/2 + b^4/4 + a b^2/2;
   trivial branch (1, 0), d* = 1, branch b^2 = 2 (1 - d), a = d (d < 1). */
static int
z2_fdf (double *g, double *J, const double *x, double d, void *params)
{
  (void) params;
  double a = x[0], b = x[1];
  g[0] = a - 1 + 0.5 * b * b;
  g[1] = (d - 2 + a + b * b) * b;
  if (J)
    {
      J[0] = 1, J[1] = b;
      J[2] = b, J[3] = d - 2 + a + 3 * b * b;
    }
  return 0;
}

static void
test_z2_pitchfork (void)
{
  lsc_cont_function f = { 2, z2_fdf, NULL, NULL, NULL };
  static const double A[2] = { 1, 0 };
  lsc_branch_space S = { &f, NULL, NULL, A, 1 };
  lsc_branch_options o;
  lsc_branch_options_init (&o);
  double xs[2] = { 1, 0 }, v[2];
  lsc_branch_kernel_info ki;
  CU_ASSERT_EQUAL_FATAL (lsc_branch_kernel (v, &ki, &S, xs, 1.0, &o), 0);
  CU_ASSERT_EQUAL (ki.ncomp, 1);
  CU_ASSERT_EQUAL (ki.kerdim, 1);
  CU_ASSERT (fabs (v[0]) < 1e-15 && fabs (v[1] - 1) < 1e-15);
  CU_ASSERT (fabs (ki.c2) < 1e-10);
  CU_ASSERT_EQUAL (ki.kind, LSC_BRANCH_PITCHFORK);
  for (int sg = -1; sg <= 1; sg += 2)
    {
      double s = 0.1 * sg, x1[2], d1;
      lsc_newton_result r;
      CU_ASSERT_EQUAL_FATAL (lsc_branch_step (x1, &d1, &r, &S, xs, 1.0, v, s,
                                              NULL), 0);
      /* closed form: b = s, d = 1 - s^2 / 2, a = d */
      CU_ASSERT (fabs (x1[1] - s) < 1e-14);
      CU_ASSERT (fabs (d1 - (1 - s * s / 2)) < 1e-13);
      CU_ASSERT (fabs (x1[0] - d1) < 1e-13);
      double amp;
      CU_ASSERT_EQUAL (lsc_branch_amplitude (&amp, &S, x1, d1), 0);
      CU_ASSERT (fabs (amp - fabs (s)) < 1e-14);
    }
  /* a child space that adds nothing: LSC_EINVAL */
  static const double I2[4] = { 1, 0, 0, 1 };
  lsc_branch_space S2 = { &f, NULL, NULL, I2, 2 };
  CU_ASSERT_EQUAL (lsc_branch_kernel (v, &ki, &S2, xs, 1.0, &o), LSC_EINVAL);
  CU_ASSERT_EQUAL (lsc_branch_kernel (NULL, &ki, &S, xs, 1.0, &o),
                   LSC_EFAULT);
}

/* ---- S_3 transcritical: F(x) = sum_i ((d-1) x_i^2 / 2 + x_i^3 / 3)
   + (sum_i x_i)^2 / 2 on R^3, restricted to Fix(S_2 x S_1) = {(u,u,w)}
   (metric 2, 1); parent Fix(S_3) = {(a,a,a)}, point 0, d* = 1 (the
   standard representation's eigenvalue d - 1).  Branch through 0:
   u = (-d + sqrt(d^2 + 4d - 4)) / 2, w = 1 - d - u, on both sides. */
static int
s3_fdf (double *g, double *J, const double *x, double d, void *params)
{
  (void) params;
  double u = x[0], w = x[1], S = 2 * u + w;
  double gu = 2 * ((d - 1) * u + u * u + S), gw = (d - 1) * w + w * w + S;
  double r2 = 1 / sqrt (2.0);
  g[0] = gu * r2;
  g[1] = gw;
  if (J)
    {
      J[0] = (2 * (d - 1) + 4 * u + 4) * r2, J[1] = 2 * r2;
      J[2] = 2, J[3] = d - 1 + 2 * w + 1;
    }
  return 0;
}

static int
s3_metric (double *sqm, double d, void *params)
{
  (void) d, (void) params;
  sqm[0] = sqrt (2.0);
  sqm[1] = 1;
  return 0;
}

static void
test_s3_transcritical (void)
{
  lsc_cont_function f = { 2, s3_fdf, NULL, NULL, NULL };
  static const double A[2] = { 1, 1 };
  lsc_branch_space S = { &f, s3_metric, NULL, A, 1 };
  lsc_branch_options o;
  lsc_branch_options_init (&o);
  double xs[2] = { 0, 0 }, v[2];
  lsc_branch_kernel_info ki;
  CU_ASSERT_EQUAL_FATAL (lsc_branch_kernel (v, &ki, &S, xs, 1.0, &o), 0);
  CU_ASSERT_EQUAL (ki.kerdim, 1);
  /* tangent: the standard representation's (t, t, -2t), metric norm 1 */
  CU_ASSERT (fabs (v[1] + 2 * v[0]) < 1e-14);
  CU_ASSERT (fabs (2 * v[0] * v[0] + v[1] * v[1] - 1) < 1e-14);
  /* quadratic coefficient: third derivative of (2u^3 + w^3)/3 along v */
  double c2 = 2 * (2 * v[0] * v[0] * v[0] + v[1] * v[1] * v[1]);
  CU_ASSERT (fabs (ki.c2 - c2) < 1e-9);
  CU_ASSERT (fabs (fabs (c2) - 2 / sqrt (6.0)) < 1e-14);
  CU_ASSERT_EQUAL (ki.kind, LSC_BRANCH_TRANSCRITICAL);
  int side[2];
  for (int h = 0; h < 2; h++)
    {
      double s = h ? 0.05 : -0.05, x1[2], d1;
      CU_ASSERT_EQUAL_FATAL (lsc_branch_step (x1, &d1, NULL, &S, xs, 1.0, v,
                                              s, NULL), 0);
      double u = (-d1 + sqrt (d1 * d1 + 4 * d1 - 4)) / 2;
      CU_ASSERT (fabs (x1[0] - u) < 1e-12);
      CU_ASSERT (fabs (x1[1] - (1 - d1 - u)) < 1e-12);
      /* the pin: <v, x1>_M = s */
      CU_ASSERT (fabs (2 * v[0] * x1[0] + v[1] * x1[1] - s) < 1e-14);
      side[h] = d1 > 1 ? 1 : -1;
    }
  CU_ASSERT_EQUAL (side[0], -side[1]);      /* both sides: transcritical */
}

/* ---- the catalogue's type A and F5 ---- */
static lsc_catalogue *cat;

static const lsc_family *
family (const char *name)
{
  if (!cat)
    {
      char err[256];
      if (lsc_catalogue_read_file (&cat, LSC_SRCDIR "/data/families.tsv",
                                   err, sizeof err))
        return NULL;
    }
  return lsc_catalogue_find (cat, name);
}

typedef struct
{
  int bad;          /* points with NaN loss or a jump in isotropy */
  size_t n;
} pt_stats;

static int
check_point (const lsc_branch_point *pt, int child, int half, void *data)
{
  (void) child, (void) half;
  pt_stats *s = data;
  s->n++;
  if (!isfinite (pt->loss) || !(pt->amp > 0))
    s->bad++;
  return 0;
}

static void
test_type_a (void)
{
  const lsc_family *F = family ("A");
  CU_ASSERT_PTR_NOT_NULL_FATAL (F);
  lsc_branch_event ev[8];
  size_t nev;
  CU_ASSERT_EQUAL_FATAL (lsc_branch_events (ev, &nev, 8, &F->G, F->p, F->d,
                                            2, 20), 0);
  CU_ASSERT_EQUAL_FATAL (nev, 1);
  CU_ASSERT_EQUAL (ev[0].irrep, LSC_IRREP_S);
  /* d* of the catalogue (30 digits, landscape-bifurcate) */
  CU_ASSERT (fabs (ev[0].dstar - 5.58550524742588000694117627762) < 1e-13);
  lsc_branch_child ch[LSC_BRANCH_MAXCHILD];
  size_t nch;
  lsc_branch_options o;
  lsc_branch_options_init (&o);
  CU_ASSERT_EQUAL_FATAL (lsc_branch_analyse (ch, &nch, LSC_BRANCH_MAXCHILD,
                                             &F->G, ev[0].pstar, ev[0].dstar,
                                             &o), 0);
  /* axial: S_{n-1} x S_1 and S_{n-2} x S_2 (n = 4.59: p <= 2), both
     transcritical as the symmetry predicts; (n-2,1,1) has the
     two-dimensional kernel of s restricted to S_{n-2} */
  size_t nax = 0;
  int first = -1;
  for (size_t c = 0; c < nch; c++)
    {
      if (ch[c].split_x)
        CU_ASSERT_EQUAL (ch[c].ki.kerdim, 2);
      if (!ch[c].axial)
        continue;
      nax++;
      CU_ASSERT (ch[c].split_p == 1 || ch[c].split_p == 2);
      CU_ASSERT_EQUAL (ch[c].ki.kind, LSC_BRANCH_TRANSCRITICAL);
      CU_ASSERT_EQUAL (ch[c].ki.kind, ch[c].theory_kind);
      CU_ASSERT (fabs (ch[c].ki.lam0) < 1e-12 * ch[c].ki.scale);
      if (ch[c].split_p == 1)
        first = (int) c;
    }
  CU_ASSERT_EQUAL (nax, 2);
  CU_ASSERT_FATAL (first >= 0);
  lsc_branch_workspace *w = lsc_branch_workspace_alloc (cat);
  lsc_branch_half h[2];
  pt_stats st = { 0, 0 };
  CU_ASSERT_EQUAL_FATAL (lsc_branch_follow_child (h, &ch[first], first,
                                                  &F->G, ev[0].pstar,
                                                  ev[0].dstar, w, &o,
                                                  check_point, &st), 0);
  CU_ASSERT_EQUAL (st.bad, 0);
  CU_ASSERT_EQUAL (h[0].side, -h[1].side);  /* transcritical */
  int found_f4 = 0;
  for (int k = 0; k < 2; k++)
    {
      CU_ASSERT_EQUAL (h[k].status, 0);
      CU_ASSERT (h[k].end != LSC_BRANCH_END_FAIL);
      /* full gradient and full-Hessian inertia at every integer d */
      CU_ASSERT (h[k].nint >= 2);
      CU_ASSERT_EQUAL (h[k].nint_agree, h[k].nint);
      CU_ASSERT (h[k].grad_max < 1e-10);
      if (h[k].side > 0)
        {
          CU_ASSERT_EQUAL (h[k].end, LSC_BRANCH_END_RANGE);
          CU_ASSERT_EQUAL (h[k].type, LSC_BRANCH_TYPE_SADDLE);
          CU_ASSERT_EQUAL (h[k].index, 1);
          CU_ASSERT_EQUAL (h[k].nint, 15);   /* d = 6 .. 20 */
        }
      /* the half below meets F4 (isotropy Delta(S_{d-1} x S_1)) at d = 4 */
      if (strcmp (h[k].family, "F4") == 0 && h[k].family_d == 4)
        found_f4 = 1;
    }
  CU_ASSERT (found_f4);
  lsc_branch_workspace_free (w);
}

static void
test_f5 (void)
{
  const lsc_family *F = family ("F5");
  CU_ASSERT_PTR_NOT_NULL_FATAL (F);
  lsc_branch_event ev[8];
  size_t nev;
  CU_ASSERT_EQUAL_FATAL (lsc_branch_events (ev, &nev, 8, &F->G, F->p, F->d,
                                            2, 20), 0);
  CU_ASSERT_EQUAL_FATAL (nev, 1);
  CU_ASSERT_EQUAL (ev[0].irrep, LSC_IRREP_X);
  CU_ASSERT (fabs (ev[0].dstar - 5.76381273491957116692455955808) < 1e-13);
  lsc_branch_child ch[LSC_BRANCH_MAXCHILD];
  size_t nch;
  CU_ASSERT_EQUAL_FATAL (lsc_branch_analyse (ch, &nch, LSC_BRANCH_MAXCHILD,
                                             &F->G, ev[0].pstar, ev[0].dstar,
                                             NULL), 0);
  /* x (exterior square): the only axial Young subgroup is
     S_{n-2} x S_1 x S_1, and the swap of the two singletons maps the
     tangent to its negative: a pitchfork */
  int ax = -1;
  size_t nax = 0;
  for (size_t c = 0; c < nch; c++)
    if (ch[c].axial)
      {
        nax++;
        ax = (int) c;
      }
  CU_ASSERT_EQUAL_FATAL (nax, 1);
  CU_ASSERT (ch[ax].split_x);
  CU_ASSERT_EQUAL (ch[ax].ki.kind, LSC_BRANCH_PITCHFORK);
  CU_ASSERT_EQUAL (ch[ax].theory_kind, LSC_BRANCH_PITCHFORK);
  lsc_branch_workspace *w = lsc_branch_workspace_alloc (cat);
  lsc_branch_half h[2];
  pt_stats st = { 0, 0 };
  lsc_branch_options o;
  lsc_branch_options_init (&o);
  CU_ASSERT_EQUAL_FATAL (lsc_branch_follow_child (h, &ch[ax], ax, &F->G,
                                                  ev[0].pstar, ev[0].dstar,
                                                  w, &o, check_point, &st),
                         0);
  CU_ASSERT_EQUAL (st.bad, 0);
  /* both halves on one side, conjugate: same d, loss and type */
  CU_ASSERT_EQUAL (h[0].side, h[1].side);
  CU_ASSERT (fabs (h[0].d1 - h[1].d1) < 1e-12);
  CU_ASSERT (lsc_test_reldiff (h[0].loss, h[1].loss, 1e-300) < 1e-12);
  for (int k = 0; k < 2; k++)
    {
      CU_ASSERT_EQUAL (h[k].type, LSC_BRANCH_TYPE_SADDLE);
      CU_ASSERT (h[k].nint >= 14);
      CU_ASSERT_EQUAL (h[k].nint_agree, h[k].nint);
      CU_ASSERT (h[k].grad_max < 1e-10);
    }
  lsc_branch_workspace_free (w);
}

/* The branch diagram of F5 on [5, 8]: its own branch as a curve rising in
   d, the pitchfork child's two halves labelled after it, the crossing
   marked at the d* of lsc_branch_events (and of the closed value), the
   child's points those of the job's halves. */
static void
test_diagram (void)
{
  const lsc_family *F = family ("F5");
  CU_ASSERT_PTR_NOT_NULL_FATAL (F);
  lsc_branch_workspace *w = lsc_branch_workspace_alloc (cat);
  lsc_branch_options o;
  lsc_branch_options_init (&o);
  o.d_lo = 5;
  o.d_hi = 8;
  o.integer_checks = 0;
  lsc_branch_diagram *g = lsc_branch_diagram_alloc (0);
  CU_ASSERT_PTR_NOT_NULL_FATAL (g);
  lsc_branch_hooks hk;
  CU_ASSERT_EQUAL (lsc_branch_diagram_family (g, &hk, F, &o, w), 0);
  lsc_branch_result res;
  lsc_branch_result_init (&res);
  CU_ASSERT_EQUAL_FATAL (lsc_branch_job (&res, F, &o, w, &hk), 0);
  const lsc_plot_panel *pp;
  CU_ASSERT_EQUAL_FATAL (lsc_branch_diagram_panel (&pp, g, 1), 0);
  CU_ASSERT_EQUAL (pp->xlog, LSC_PLOT_LOG);
  CU_ASSERT_STRING_EQUAL (pp->ylabel, "loss");
  int fam = 0, child = 0, cross = 0;
  size_t nline = 0;
  for (size_t i = 0; i < pp->nseries; i++)
    {
      const lsc_plot_series *se = &pp->series[i];
      if (se->style != LSC_PLOT_POINTS)
        nline += se->n;
      if (se->label && strcmp (se->label, "F5") == 0)
        {
          fam++;
          CU_ASSERT (se->n >= 2 && se->x[0] < se->x[se->n - 1]);
        }
      if (se->label && strcmp (se->label, "F5 kd:L,1,1") == 0)
        child++;
      if (se->label && strcmp (se->label, "crossing d*") == 0)
        {
          cross++;
          CU_ASSERT_EQUAL (se->n, 1);
          CU_ASSERT (fabs (se->x[0] - 5.76381273491957116692455955808)
                     < 1e-13);
        }
    }
  CU_ASSERT_EQUAL (fam, 1);
  CU_ASSERT_EQUAL (child, 1);
  CU_ASSERT_EQUAL (cross, 1);
  CU_ASSERT_EQUAL_FATAL (res.nrows, 1);
  /* the line series hold every followed point (runs share joints) */
  CU_ASSERT (nline > 4);
  CU_ASSERT_EQUAL (lsc_branch_diagram_panel (NULL, g, 0), LSC_EFAULT);
  CU_ASSERT_EQUAL (lsc_branch_diagram_family (g, NULL, F, &o, w),
                   LSC_EFAULT);
  lsc_branch_result_free (&res);
  lsc_branch_diagram_free (g);
  lsc_branch_diagram_free (NULL);
  lsc_branch_workspace_free (w);
}

/* The derived names and the catalogue line round trip. */
static void
test_names (void)
{
  const lsc_family *F = family ("B4");
  CU_ASSERT_PTR_NOT_NULL_FATAL (F);
  char name[64];
  CU_ASSERT_EQUAL (lsc_branch_family_name (name, sizeof name, &F->G, F->p),
                   0);
  CU_ASSERT_STRING_EQUAL (name, "Y4_af");
  const lsc_family *Y = family ("Y4_fa");
  CU_ASSERT_PTR_NOT_NULL_FATAL (Y);
  CU_ASSERT_EQUAL (lsc_branch_family_name (name, sizeof name, &Y->G, Y->p),
                   0);
  CU_ASSERT_STRING_EQUAL (name, "Y4_fa");
  char line[4096];
  CU_ASSERT_EQUAL (lsc_branch_entry_format (line, sizeof line, Y), 0);
  CU_ASSERT (strncmp (line, "Y4_fa\tkd:L,4\t20\t", 16) == 0);
  CU_ASSERT_EQUAL (lsc_branch_entry_format (line, 8, Y), LSC_ERANGE);
}

int
main (void)
{
  static const lsc_test_case cases[] = {
    { "Z_2 pitchfork in closed form", test_z2_pitchfork },
    { "S_3 transcritical in closed form", test_s3_transcritical },
    { "type A: branches at d*, full Hessian at integer d", test_type_a },
    { "F5: pitchfork at d*, full Hessian at integer d", test_f5 },
    { "derived names, catalogue line", test_names },
    { "F5: the branch diagram", test_diagram },
    { NULL, NULL } };
  int rc = lsc_test_run ("branch", cases);
  lsc_catalogue_free (cat);
  return rc;
}
