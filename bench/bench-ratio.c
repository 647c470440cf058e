/* Benchmark against the numpy baseline (bench/numpy_baseline.py): times
   of gradient alone, loss + gradient and one gradient-descent step of the
   census (gradient, then W -= h G) at the points the baseline dumped, so
   that both programs time the same W.  Driven by bench/ratio.sh, which
   prints the ratios; by hand:
     bench-ratio PREFIX K...   reads PREFIX-K.txt (K x K, one row a line)
   and prints "K grad loss+grad gd-step loss slowdown" per size, where
   slowdown is the core-sharing probe below (about 1 on an unshared core). */
#define _POSIX_C_SOURCE 200809L
#include <config.h>
#include <stdio.h>
#include <stdlib.h>
#include "landscape/lsc_loss.h"
#include "landscape/lsc_descent.h"
#include "landscape/lsc_errno.h"
#include <time.h>

/* Process CPU time: the ratios compare CPU time on both sides (numpy's
   time.process_time), so that other jobs on a shared machine do not decide
   them; both programs are single-threaded (one BLAS thread). */
static double
cpu_now (void)
{
  struct timespec ts;
  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return (double) ts.tv_sec + 1e-9 * (double) ts.tv_nsec;
}

/* Core-sharing probe: the time of a chain of dependent one-cycle integer
   additions over that of a chain of dependent multiplications (3 cycles
   each on x86-64), times 3: about 1 when the core runs this thread alone
   at any clock frequency (both chains scale with it).  On a virtual
   machine whose virtual CPU shares a physical core with another busy
   hardware thread (simultaneous multithreading on the host, invisible to
   the guest), the addition chain, limited by the shared front end, slows
   to 1.5-2 while the multiplication chain does not: the gradient is then
   about 25 % slower at k = 100.  The empty asm keeps each step. */
static int
cmp_double (const void *a, const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

static double
chain_probe (void)
{
  enum { ROUNDS = 9 };
  double r[ROUNDS];
  for (int round = 0; round < ROUNDS; round++)
    {
      unsigned long x = 1, y = 3;
      const long n = 2000000;
      double t0 = cpu_now ();
      for (long i = 0; i < n; i++)
        {
          x += 1;
          __asm__ volatile ("" : "+r" (x));
        }
      double t1 = cpu_now ();
      for (long i = 0; i < n / 4; i++)
        {
          y *= 0x9E3779B97F4A7C15ul;
          __asm__ volatile ("" : "+r" (y));
        }
      double t2 = cpu_now ();
      r[round] = x && y && t2 > t1 ? 3.0 * (t1 - t0) / n / ((t2 - t1) / (n / 4))
                                   : 0.0;
    }
  qsort (r, ROUNDS, sizeof r[0], cmp_double);
  return r[ROUNDS / 2];   /* the median: a preemption inflates one chain */
}

typedef struct
{
  double *W, *G;
  lsc_problem p;
  lsc_loss_workspace *ws;
  lsc_descent_workspace *dw;
  lsc_descent_params par;
} job;

static int
f_grad (job *j)
{
  return lsc_loss_grad (NULL, j->G, j->W, &j->p, j->ws);
}

static int
f_lossgrad (job *j)
{
  double L;
  return lsc_loss_grad (&L, j->G, j->W, &j->p, j->ws);
}

/* GDSTEPS steps of the census's gradient descent through the library's
   driver (lsc_descent_gd with maxiter = GDSTEPS: GDSTEPS + 1 gradients,
   one loss at the end); the caller divides by GDSTEPS. */
#define GDSTEPS 50
static int
f_gdstep (job *j)
{
  lsc_descent_result r;
  int st = lsc_descent_gd (j->W, &r, &j->p, &j->par, j->dw);
  return st == LSC_EMAXITER ? 0 : st;
}

/* Best of 3 rounds of repeats sized to about 0.1 s of CPU time each. */
static double
time_it (int (*f) (job *), job *j)
{
  if (f (j))
    return -1.0;
  double t0 = cpu_now ();
  f (j);
  double t1 = cpu_now () - t0;
  int n = t1 > 0.1 ? 1 : (int) (0.1 / (t1 > 1e-7 ? t1 : 1e-7)) + 1;
  double best = 1e300;
  for (int round = 0; round < 3; round++)
    {
      t0 = cpu_now ();
      for (int r = 0; r < n; r++)
        f (j);
      double t = (cpu_now () - t0) / n;
      best = t < best ? t : best;
    }
  return best;
}

int
main (int argc, char **argv)
{
  if (argc < 3)
    {
      fprintf (stderr, "usage: bench-ratio PREFIX K...\n");
      return 2;
    }
  for (int a = 2; a < argc; a++)
    {
      size_t k = strtoul (argv[a], NULL, 10), n = k * k;
      char name[4096];
      snprintf (name, sizeof name, "%s-%zu.txt", argv[1], k);
      FILE *fp = fopen (name, "r");
      job j;
      j.W = malloc (n * sizeof (double));
      j.G = malloc (n * sizeof (double));
      double *W0 = malloc (n * sizeof (double));
      if (!fp || !j.W || !j.G || !W0)
        {
          fprintf (stderr, "bench-ratio: cannot read %s\n", name);
          return 3;
        }
      for (size_t i = 0; i < n; i++)
        if (fscanf (fp, "%lf", &W0[i]) != 1)
          {
            fprintf (stderr, "bench-ratio: short file %s\n", name);
            return 3;
          }
      fclose (fp);
      lsc_problem p = { k, k, k, NULL, NULL, NULL };
      j.p = p;
      j.ws = lsc_loss_workspace_alloc (k, k, k);
      j.dw = lsc_descent_alloc (k, k, k, 0, 0);
      lsc_descent_params_init (&j.par);
      j.par.method = LSC_DESCENT_GD;
      j.par.maxiter = GDSTEPS;
      j.par.gtol = 0.0;
      j.par.step_c = 0.1;
      for (size_t i = 0; i < n; i++)
        j.W[i] = W0[i];
      double L;
      lsc_loss (&L, j.W, &j.p, j.ws);
      double pr = chain_probe ();
      double tg = time_it (f_grad, &j), tlg = time_it (f_lossgrad, &j);
      double ts = time_it (f_gdstep, &j) / GDSTEPS;
      pr = 0.5 * (pr + chain_probe ());
      printf ("%zu %.6e %.6e %.6e %.17g %.2f\n", k, tg, tlg, ts, L, pr);
      fflush (stdout);
      lsc_loss_workspace_free (j.ws);
      lsc_descent_free (j.dw);
      free (j.W);
      free (j.G);
      free (W0);
    }
  return 0;
}
