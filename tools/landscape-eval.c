/* landscape-eval: loss, gradient norm, Morse index and grouped Hessian
   spectrum of the two-layer ReLU loss at one point W, optionally polished
   first by Newton's method on the full gradient system. */
#define _POSIX_C_SOURCE 200809L
#include <config.h>
#include <errno.h>
#include <getopt.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <math.h>
#include <gsl/gsl_errno.h>
#include <mpfr.h>
#include "landscape.h"
#include "cli.h"

#define DEFAULT_TOL 1e-8
/* Entrywise tolerance (times max(1, max|W|)) for taking the isotypic
   route: W must be that close to its symmetrised point. */
#define SYM_TOL 1e-12
/* Same, for the isotropy labels of the dense route (--detect-tol). */
#define LABEL_TOL 1e-9

/* A matrix read from a file, with the source line of each row. */
typedef struct
{
  const char *path;      /* as given ("-" for stdin), NULL if absent */
  const char *name;      /* for messages                             */
  double *x;
  size_t rows, cols;
  size_t *lines;
} matrix;

static void
usage (void)
{
  printf ("Usage: %s [OPTION]... [W-FILE]\n", cli_program_name ());
  puts ("Evaluate the population loss of a two-layer ReLU network under "
        "Gaussian inputs\n"
        "at W (k x d, one neuron per row; read from W-FILE, or standard "
        "input when\n"
        "W-FILE is absent or '-'): loss, gradient norm, Morse index and "
        "inertia, and\n"
        "the Hessian spectrum grouped into distinct eigenvalues with "
        "multiplicities.\n"
        "\n"
        "  -t, --target=FILE    target weights V (m x d); default V = I_d\n"
        "  -a, --alpha=FILE     student output weights (k numbers); default "
        "all 1\n"
        "  -b, --beta=FILE      target output weights (m numbers); default "
        "all 1\n"
        "  -e, --example=NAME   built-in W instead of a file: identity:D "
        "(W = V = I_D)\n"
        "  -f, --format=FMT     text, tsv, json, latex or markdown (default: "
        "from the\n"
        "                       extension of --output, else text on a "
        "terminal, tsv)\n"
        "  -o, --output=FILE    write the tables to FILE instead of standard "
        "output\n"
        "      --polish         first polish W by Newton's method on the full "
        "gradient\n"
        "                       system (exact Hessian) to the nearby critical "
        "point of\n"
        "                       any index; adds the columns status and "
        "newton_iter\n"
        "      --detect-tol=TOL isotropy detection tolerance, relative to "
        "max(1, max|W|)\n"
        "                       (default 1e-12 for the isotypic route, 1e-9 "
        "for labels)\n"
        "  -p, --prec=BITS      loss and gradient in MPFR at BITS bits "
        "(53..100000)\n"
        "      --tol=TOL        eigenvalue grouping and zero tolerance, "
        "relative to\n"
        "                       max(1, max|eigenvalue|) (default 1e-8)\n"
        "  -D, --digits=N       significant digits of doubles (1..17; "
        "default 17)\n"
        "      --max-line=BYTES longest input line accepted (default "
        "1048576)\n"
        "      --max-entries=N  most numbers in one input matrix (default "
        "16777216)\n"
        "      --max-memory=SIZE  refuse a Hessian needing more than SIZE "
        "(e.g. 8G;\n"
        "                       default: the memory available)\n"
        "      --dense          always build the kd x kd Hessian and solve it "
        "densely\n"
        "                       (default: the isotypic route when W has a "
        "Young-type\n"
        "                       isotropy with a large block of 3 or more; "
        "V = I only)\n"
        "  -h, --help           display this help and exit\n"
        "  -V, --version        output version information and exit\n"
        "\n"
        "Exit status: 0 ok, 1 --polish did not converge (status column), 2 "
        "usage or\n"
        "input error, 3 system error.\n"
        "See landscape-eval(1) and landscape-formats(5).");
}

static char lib_reason[200];

/* Library error hook: keep the last reason for the message. */
static void
hook (const char *reason, const char *file, int line, int status)
{
  snprintf (lib_reason, sizeof lib_reason, "%s", reason ? reason : "");
  for (char *p = lib_reason; *p; p++)
    if (*p == '\n' || *p == '\r')
      *p = ' ';
}

/* Exit after a failed library call (cli_exit_status: input-class statuses
   give 2, out of memory 3). */
static _Noreturn void
lib_fail (const char *what, int status)
{
  if (lib_reason[0])
    cli_fatal_status (status, "%s: %s (%s)", what, lsc_strerror (status),
                      lib_reason);
  cli_fatal_status (status, "%s: %s", what, lsc_strerror (status));
}

static void
read_matrix (matrix *m)
{
  char err[512];
  m->name = strcmp (m->path, "-") != 0 ? m->path : "(stdin)";
  int rc = lsc_matrix_read_file_limited (&m->x, &m->rows, &m->cols,
                                         &m->lines, m->path, cli_io_limits (),
                                         err, sizeof err);
  if (rc != LSC_SUCCESS)
    cli_fatal_status (rc, "%s", err);
}

/* A weight vector: one number per line or a single row. */
static void
read_vector (matrix *m, const char *what, size_t want, const char *whence)
{
  read_matrix (m);
  if (m->rows != 1 && m->cols != 1)
    cli_fatal (CLI_EXIT_USAGE, "%s: %s must be one number per line or one "
               "row, found %zu rows of %zu", m->name, what, m->rows, m->cols);
  if (m->rows * m->cols != want)
    cli_fatal (CLI_EXIT_USAGE, "%s: %s has %zu entries, expected %zu (%s)",
               m->name, what, m->rows * m->cols, want, whence);
}

/* Reject a zero row (the loss is not differentiable there). */
static void
check_rows (const matrix *m, const char *what)
{
  for (size_t i = 0; i < m->rows; i++)
    {
      size_t j = 0;
      while (j < m->cols && m->x[i * m->cols + j] == 0.0)
        j++;
      if (j == m->cols)
        cli_fatal (CLI_EXIT_USAGE, "%s:%zu: row %zu of %s is zero (the loss "
                   "is not differentiable there)", m->name,
                   m->lines ? m->lines[i] : i + 1, i + 1, what);
    }
}

static void
free_matrix (matrix *m)
{
  free (m->x);
  free (m->lines);
}

/* x as a decimal string with the digits that round-trip at its precision. */
static char *
mpfr_decimal (mpfr_t x)
{
  char *s = NULL;
  size_t nd = mpfr_get_str_ndigits (10, mpfr_get_prec (x));
  if (mpfr_asprintf (&s, "%.*Re", (int) nd - 1, x) < 0)
    cli_fatal (CLI_EXIT_SYSTEM, "out of memory");
  return s;
}

int
main (int argc, char **argv)
{
  static const struct option longopts[] = {
    { "target", required_argument, NULL, 't' },
    { "alpha", required_argument, NULL, 'a' },
    { "beta", required_argument, NULL, 'b' },
    { "example", required_argument, NULL, 'e' },
    { "format", required_argument, NULL, 'f' },
    { "prec", required_argument, NULL, 'p' },
    { "tol", required_argument, NULL, 'T' },
    { "dense", no_argument, NULL, 'S' },
    { "digits", required_argument, NULL, 'D' },
    { "max-line", required_argument, NULL, 'L' },
    { "max-entries", required_argument, NULL, 'N' },
    { "max-memory", required_argument, NULL, 'M' },
    { "help", no_argument, NULL, 'h' },
    { "version", no_argument, NULL, 'V' },
    { "output", required_argument, NULL, 'o' },
    { "polish", no_argument, NULL, 256 },
    { "detect-tol", required_argument, NULL, 257 },
    { NULL, 0, NULL, 0 }
  };
  matrix W = { 0 }, V = { 0 }, A = { 0 }, B = { 0 };
  const char *example = NULL, *outpath = NULL;
  int fmt_given = 0, polish = 0;
  double dtol = 0;
  lsc_table_format fmt = cli_default_format ();
  long prec = 0, digits = 0;
  double tol = DEFAULT_TOL;
  int dense = 0;
  int c;

  gsl_set_error_handler_off ();
  lsc_set_error_handler (hook);
  cli_init (argv[0]);
  while ((c = cli_getopt (argc, argv, "t:a:b:e:f:o:p:D:hV", longopts)) != -1)
    switch (c)
      {
      case 't': V.path = optarg; break;
      case 'a': A.path = optarg; break;
      case 'b': B.path = optarg; break;
      case 'e': example = optarg; break;
      case 'f': fmt = cli_parse_format ("--format", optarg); fmt_given = 1; break;
      case 'o': outpath = optarg; break;
      case 256: polish = 1; break;
      case 257:
        dtol = cli_parse_double ("--detect-tol", optarg);
        if (!(dtol > 0 && dtol < 1))
          cli_fatal (CLI_EXIT_USAGE, "invalid argument '%s' for --detect-tol: "
                     "must be in (0, 1)", optarg);
        break;
      case 'p': prec = cli_parse_long ("--prec", optarg, 53, 100000); break;
      case 'D': digits = cli_parse_long ("--digits", optarg, 1, 17); break;
      case 'L': cli_limits_set_line ("--max-line", optarg); break;
      case 'N': cli_limits_set_entries ("--max-entries", optarg); break;
      case 'M': cli_mem_set_max ("--max-memory", optarg); break;
      case 'S': dense = 1; break;
      case 'T':
        tol = cli_parse_double ("--tol", optarg);
        if (!(tol > 0 && tol < 1))
          cli_fatal (CLI_EXIT_USAGE, "invalid argument '%s' for --tol: must "
                     "be in (0, 1)", optarg);
        break;
      case 'h': usage (); return cli_finish (CLI_EXIT_OK);
      case 'V': cli_version (); return cli_finish (CLI_EXIT_OK);
      default:
        cli_fatal (CLI_EXIT_SYSTEM, "internal error: option %d", c);
      }
  if (argc - optind > 1)
    cli_fatal (CLI_EXIT_USAGE, "extra operand '%s' (try --help)",
               argv[optind + 1]);
  if (example && optind < argc)
    cli_fatal (CLI_EXIT_USAGE, "--example and a W file are exclusive");
  fmt = cli_output_format (outpath, fmt, fmt_given);
  int nstdin = 0;
  W.path = optind < argc ? argv[optind] : "-";
  const char *paths[] = { example ? NULL : W.path, V.path, A.path, B.path };
  for (int i = 0; i < 4; i++)
    nstdin += paths[i] && strcmp (paths[i], "-") == 0;
  if (nstdin > 1)
    cli_fatal (CLI_EXIT_USAGE, "standard input ('-') can be read only once");

  /* ---- input ---- */
  if (example)
    {
      if (strncmp (example, "identity:", 9) != 0)
        cli_fatal (CLI_EXIT_USAGE, "invalid argument '%s' for --example: "
                   "expected identity:D", example);
      size_t D = (size_t) cli_parse_long ("--example", example + 9, 1, 10000);
      char what[64];
      snprintf (what, sizeof what, "the %zu x %zu example", D, D);
      cli_mem_check (8.0 * (double) D * (double) D, what);
      W.name = "identity";
      W.rows = W.cols = D;
      W.x = calloc (D * D, sizeof (double));
      if (!W.x)
        cli_fatal (CLI_EXIT_SYSTEM, "out of memory");
      for (size_t i = 0; i < D; i++)
        W.x[i * D + i] = 1.0;
    }
  else
    read_matrix (&W);
  check_rows (&W, "W");
  size_t k = W.rows, d = W.cols, m = d;
  if (V.path)
    {
      read_matrix (&V);
      if (V.cols != d)
        cli_fatal (CLI_EXIT_USAGE, "%s:%zu: V has %zu columns but W has %zu",
                   V.name, V.lines[0], V.cols, d);
      check_rows (&V, "V");
      m = V.rows;
    }
  if (A.path)
    read_vector (&A, "alpha", k, "the number of rows of W");
  if (B.path)
    read_vector (&B, "beta", m, V.path ? "the number of rows of V"
                 : "the number of columns of W");
  lsc_problem p = { k, d, m, V.x, A.x, B.x };

  /* ---- --polish: Newton on the full gradient system from W (exact
     Hessian, eigendecomposition step: converges to the nearby critical
     point whatever its index) ---- */
  lsc_descent_result pres = { 0 };
  if (polish)
    {
      double nn = (double) k * (double) d;
      cli_mem_check (8.0 * (2.0 * nn * nn + 8.0 * nn)
                     + (double) lsc_eigen_workspace_bytes (k * d, 1),
                     "the Newton polish's Hessian");
      lsc_descent_workspace *dw = lsc_descent_alloc (k, d, m, 1, 1);
      if (!dw)
        cli_fatal (CLI_EXIT_SYSTEM, "out of memory for the Newton polish");
      lsc_descent_params dp;
      lsc_descent_params_init (&dp);
      lsc_error_handler_t *old = lsc_set_error_handler (NULL);
      int prc = lsc_descent_newton (W.x, &pres, &p, &dp, dw);
      lsc_set_error_handler (old);
      lsc_descent_free (dw);
      if (prc == LSC_ENOMEM)
        cli_fatal (CLI_EXIT_SYSTEM, "out of memory in the Newton polish");
      pres.status = prc;
      check_rows (&W, "the polished W");
    }
  double sym_tol = dtol > 0 ? dtol : SYM_TOL;
  double label_tol = dtol > 0 ? dtol : LABEL_TOL;

  /* ---- memory: all that follows is sized first, so that a problem the
     machine cannot hold is refused with its size (an allocation that
     succeeds but cannot be backed is killed later, when touched, by the
     out-of-memory killer) ---- */
  size_t n = k * d;
  double nr = (double) (k + m);
  char what[96];
  snprintf (what, sizeof what, "the %zu x %zu Hessian", n, n);
  /* the dense route's needs are checked where it is taken (below): a
     symmetric point takes the isotypic route and needs no kd x kd matrix */

  /* ---- loss and gradient ---- */
  lsc_loss_workspace *ws = lsc_loss_workspace_alloc (k, d, m);
  double *G = malloc (k * d * sizeof *G);
  if (!ws || !G)
    cli_fatal (CLI_EXIT_SYSTEM, "out of memory");
  double L = 0, gnorm = 0;
  char *Ls = NULL, *gs = NULL;
  int rc = lsc_loss_grad (&L, G, W.x, &p, ws);
  if (rc)
    lib_fail ("loss and gradient", rc);
  for (size_t i = 0; i < k * d; i++)
    gnorm += G[i] * G[i];
  gnorm = sqrt (gnorm);
  if (prec)
    {
      /* Exact conversion: prec >= 53, so every double is representable. */
      size_t nw = k * d, nv = V.x ? m * d : 0, na = A.x ? k : 0;
      size_t nb = B.x ? m : 0, ntot = 2 * nw + nv + na + nb;
      mpfr_t *all = malloc ((ntot + 2) * sizeof *all);
      if (!all)
        cli_fatal (CLI_EXIT_SYSTEM, "out of memory");
      for (size_t i = 0; i < ntot + 2; i++)
        mpfr_init2 (all[i], (mpfr_prec_t) prec);
      mpfr_t *Wm = all, *Gm = all + nw, *Vm = Gm + nw, *Am = Vm + nv;
      mpfr_t *Bm = Am + na, *Lm = Bm + nb, *Nm = Lm + 1;
      for (size_t i = 0; i < nw; i++)
        mpfr_set_d (Wm[i], W.x[i], MPFR_RNDN);
      for (size_t i = 0; i < nv; i++)
        mpfr_set_d (Vm[i], V.x[i], MPFR_RNDN);
      for (size_t i = 0; i < na; i++)
        mpfr_set_d (Am[i], A.x[i], MPFR_RNDN);
      for (size_t i = 0; i < nb; i++)
        mpfr_set_d (Bm[i], B.x[i], MPFR_RNDN);
      lsc_problem_mpfr pm = { k, d, m, nv ? (const mpfr_t *) Vm : NULL,
                              na ? (const mpfr_t *) Am : NULL,
                              nb ? (const mpfr_t *) Bm : NULL };
      rc = lsc_loss_grad_mpfr (*Lm, Gm, (const mpfr_t *) Wm, &pm);
      if (rc)
        lib_fail ("loss and gradient (MPFR)", rc);
      mpfr_set_zero (*Nm, 1);
      for (size_t i = 0; i < nw; i++)
        mpfr_fma (*Nm, Gm[i], Gm[i], *Nm, MPFR_RNDN);
      mpfr_sqrt (*Nm, *Nm, MPFR_RNDN);
      Ls = mpfr_decimal (*Lm);
      gs = mpfr_decimal (*Nm);
      for (size_t i = 0; i < ntot + 2; i++)
        mpfr_clear (all[i]);
      free (all);
      mpfr_free_cache ();
    }

  /* ---- spectrum: at a point with Young-type isotropy (study target,
     integer sizes) the isotypic route gives the full spectrum at a cost
     independent of d (lsc_isotypic_full; W within SYM_TOL max(1, max|W|)
     of the symmetric point in every entry); otherwise, or with --dense,
     the dense kd x kd Hessian ---- */
  size_t ng = 0;
  char iso[160] = "";
  char (*label)[LSC_LABEL_LEN] = NULL;
  lsc_inertia in = { 0, 0, 0 };
  lsc_eigen_cluster *grp = malloc (n * sizeof *grp);
  unsigned *comp = malloc (n * sizeof *comp);
  double *H = NULL, *ev = NULL;
  lsc_eigen_workspace *ews = NULL;
  int symmetric = 0;
  if (!grp || !comp)
    cli_fatal (CLI_EXIT_SYSTEM, "out of memory");
  if (!dense && !V.x && !A.x && !B.x && m == d)
    {
      double wmax = 1;
      for (size_t i = 0; i < k * d; i++)
        wmax = fmax (wmax, fabs (W.x[i]));
      lsc_young Gs;
      lsc_error_handler_t *old = lsc_set_error_handler (NULL);
      symmetric = lsc_isotypic_full (grp, comp, &ng, &Gs, W.x, k, d,
                                     sym_tol * wmax, tol, tol) == 0;
      lsc_set_error_handler (old);
      if (symmetric)
        {
          double emax = 1.0;
          for (size_t g = 0; g < ng; g++)
            emax = fmax (emax, fabs (grp[g].value));
          for (size_t g = 0; g < ng; g++)
            {
              if (grp[g].value < -tol * emax)
                in.neg += grp[g].mult;
              else if (grp[g].value > tol * emax)
                in.pos += grp[g].mult;
              else
                in.zero += grp[g].mult;
            }
          label = calloc (ng ? ng : 1, sizeof *label);
          if (!label)
            cli_fatal (CLI_EXIT_SYSTEM, "out of memory");
          for (size_t g = 0; g < ng; g++)
            for (int r = 0; r < 4; r++)
              if (comp[g] & (1u << r))
                {
                  size_t l = strlen (label[g]);
                  snprintf (label[g] + l, sizeof label[g] - l, "%s%s",
                            l ? "+" : "", lsc_irrep_name (r));
                }
          lsc_isotropy_format (iso, sizeof iso, &Gs);
        }
    }
  if (!symmetric)
    {
      /* the matrix alone first: LAPACK's workspace query is slow for huge n */
      cli_mem_check (8.0 * (double) n * (double) n, what);
      double ewb = lsc_eigen_workspace_bytes (n, 0);
      if (n > SIZE_MAX / sizeof (double) / n || ewb == 0)
        cli_fatal (CLI_EXIT_SYSTEM, "%s is too large for this machine's "
                   "integers", what);
      double need = 8.0 * (double) n * (double) n + ewb              /* H, LAPACK */
        + (double) n * (2 * sizeof (double) + sizeof (lsc_eigen_cluster) + 16)
        + 8.0 * (4 * nr * (double) d + nr * nr + (double) k * nr + 8 * nr
                 + 3.0 * (double) d);                                /* loss ws */
      if (prec)
        need += (2.0 * (double) n + (double) (m * d + k + m) + 2)
          * (sizeof (mpfr_t) + (double) prec / 8 + 16);
      cli_mem_check (need, what);
      H = malloc (n * n * sizeof *H);
      ev = malloc (n * sizeof *ev);
      ews = lsc_eigen_workspace_alloc (n, 0);
      if (!H || !ev || !ews)
        cli_fatal (CLI_EXIT_SYSTEM, "out of memory for the %zu x %zu Hessian",
                   n, n);
      if ((rc = lsc_loss_hessian_lower (H, W.x, &p, ws)))
        lib_fail ("Hessian", rc);
      if ((rc = lsc_eigen_symm (ev, NULL, H, n, ews)))
        lib_fail ("eigenvalues", rc);
      if ((rc = lsc_eigen_group (grp, &ng, ev, n, tol, tol)))
        lib_fail ("eigenvalue grouping", rc);
      double emax = fmax (1.0, fmax (fabs (ev[0]), fabs (ev[n - 1])));
      if ((rc = lsc_inertia_count (&in, ev, n, tol * emax)))
        lib_fail ("inertia", rc);

      /* ---- isotypic labels: for the study's target (V = I,
         alpha = beta = 1, k >= d) a detected Young-type isotropy of W labels
         each distinct eigenvalue with the components of the large block's
         S_n that hold it, from the reduced spectrum at the detected
         parameters (equivariance holds at any point of Fix(G), critical or
         not) ---- */
      label = calloc (ng ? ng : 1, sizeof *label);
      if (!label)
        cli_fatal (CLI_EXIT_SYSTEM, "out of memory");
      if (!V.x && !A.x && !B.x && m == d)
        {
          lsc_young LG;
          if ((rc = lsc_isotypic_cluster_labels (label, &LG, grp, ng, W.x, k,
                                                 d, tol * emax, label_tol)))
            lib_fail ("isotypic labels", rc);
          if (LG.nrb)
            lsc_isotropy_format (iso, sizeof iso, &LG);
        }
    }

  /* ---- output ---- */
  lsc_table_coltype num = prec ? LSC_TABLE_DECIMAL : LSC_TABLE_REAL;
  const lsc_table_column scols[] = {
    { "k", LSC_TABLE_INT }, { "d", LSC_TABLE_INT }, { "m", LSC_TABLE_INT },
    { "prec", LSC_TABLE_INT }, { "loss", num }, { "grad_norm", num },
    { "index", LSC_TABLE_INT }, { "zero", LSC_TABLE_INT }, { "pos", LSC_TABLE_INT },
    { "isotropy", LSC_TABLE_STRING }, { "status", LSC_TABLE_STATUS },
    { "newton_iter", LSC_TABLE_INT }
  };
  const lsc_table_column gcols[] = {
    { "value", LSC_TABLE_REAL }, { "mult", LSC_TABLE_INT },
    { "spread", LSC_TABLE_REAL }, { "component", LSC_TABLE_STRING }
  };
  cli_redirect_stdout (outpath);
  lsc_table_output *o = cli_output_open (stdout, fmt, (int) digits);
  lsc_table *t = lsc_table_begin (o, "summary", scols, polish ? 12 : 10);
  lsc_table_cell_int (t, (long long) k);
  lsc_table_cell_int (t, (long long) d);
  lsc_table_cell_int (t, (long long) m);
  lsc_table_cell_int (t, prec ? prec : 53);
  if (prec)
    {
      lsc_table_cell_decimal (t, Ls);
      lsc_table_cell_decimal (t, gs);
    }
  else
    {
      lsc_table_cell_real (t, L);
      lsc_table_cell_real (t, gnorm);
    }
  lsc_table_cell_int (t, (long long) in.neg);
  lsc_table_cell_int (t, (long long) in.zero);
  lsc_table_cell_int (t, (long long) in.pos);
  if (iso[0])
    lsc_table_cell_string (t, iso);
  else
    lsc_table_cell_empty (t);
  if (polish)
    {
      lsc_table_cell_status (t, pres.status);
      lsc_table_cell_int (t, (long long) pres.iter);
    }
  lsc_table_row_end (t);
  lsc_table_end (t);
  t = lsc_table_begin (o, "spectrum", gcols, 4);
  for (size_t g = 0; g < ng; g++)
    {
      lsc_table_cell_real (t, grp[g].value);
      lsc_table_cell_int (t, (long long) grp[g].mult);
      lsc_table_cell_real (t, grp[g].spread);
      if (label[g][0])
        lsc_table_cell_string (t, label[g]);
      else
        lsc_table_cell_empty (t);
      lsc_table_row_end (t);
    }
  lsc_table_end (t);
  cli_output_close (o);

  if (Ls)
    mpfr_free_str (Ls);
  if (gs)
    mpfr_free_str (gs);
  free (H);
  free (ev);
  free (grp);
  free (comp);
  free (label);
  free (G);
  lsc_eigen_workspace_free (ews);
  lsc_loss_workspace_free (ws);
  free_matrix (&W);
  free_matrix (&V);
  free_matrix (&A);
  free_matrix (&B);
  return cli_finish (polish && pres.status ? CLI_EXIT_NOCONV : CLI_EXIT_OK);
}
