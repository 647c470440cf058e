/* Benchmark: loss+gradient and Hessian assembly (full, and the lower
   triangle against the memory-write floor of a memset of the same size) at k = d in {20, 60, 100,
   200} (V = I), per-call times with repeats sized to about 0.2 s. */
#define _POSIX_C_SOURCE 200809L
#include <config.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <gsl/gsl_rng.h>
#include "landscape/lsc_loss.h"
#include "bench.h"


/* MemAvailable from /proc/meminfo in bytes, or 0 if unknown. */
static double
mem_available (void)
{
  FILE *f = fopen ("/proc/meminfo", "r");
  char line[256];
  double kb = 0.0;
  if (!f)
    return 0.0;
  while (fgets (line, sizeof line, f))
    if (sscanf (line, "MemAvailable: %lf kB", &kb) == 1)
      break;
  fclose (f);
  return kb * 1024.0;
}

typedef int (*bench_fn) (double *out, const double *W, const lsc_problem *p,
                         lsc_loss_workspace *ws);

static int
run_lossgrad (double *G, const double *W, const lsc_problem *p,
              lsc_loss_workspace *ws)
{
  double L;
  return lsc_loss_grad (&L, G, W, p, ws);
}

/* Per-call seconds: a warm-up call, one timed call to size the repeat
   count for ~0.2 s, then the timed repeats. */
static double
time_it (bench_fn f, double *out, const double *W, const lsc_problem *p,
         lsc_loss_workspace *ws, int *reps)
{
  *reps = 0;
  if (f (out, W, p, ws))
    return -1.0;
  double t0 = now ();
  f (out, W, p, ws);
  double t1 = now () - t0;
  int n = t1 > 0.2 ? 1 : (int) (0.2 / (t1 > 1e-7 ? t1 : 1e-7)) + 1;
  t0 = now ();
  for (int r = 0; r < n; r++)
    f (out, W, p, ws);
  *reps = n;
  return (now () - t0) / n;
}

int
main (int argc, char **argv)
{
  size_t sizes[] = { 20, 60, 100, 200 };
  size_t nsizes = sizeof sizes / sizeof *sizes;
  if (argc > 1)   /* optional: one size given on the command line */
    {
      sizes[0] = strtoul (argv[1], NULL, 10);
      nsizes = sizes[0] > 0;
    }
  gsl_rng *rng = gsl_rng_alloc (gsl_rng_mt19937);
  gsl_rng_set (rng, 1);
  printf ("%-5s %-14s %12s %8s\n", "k=d", "task", "seconds/call", "repeats");
  for (size_t t = 0; t < nsizes; t++)
    {
      size_t d = sizes[t], n = d * d;
      double *W = malloc (n * sizeof *W), *G = malloc (n * sizeof *G);
      lsc_loss_workspace *ws = lsc_loss_workspace_alloc (d, d, d);
      lsc_problem p = { d, d, d, NULL, NULL, NULL };
      if (!W || !G || !ws)
        {
          fprintf (stderr, "bench-loss: out of memory at d = %zu\n", d);
          return 3;
        }
      for (size_t i = 0; i < n; i++)
        W[i] = (i / d == i % d) + 0.1 * (2 * gsl_rng_uniform (rng) - 1);
      int reps = 0;
      double s = time_it (run_lossgrad, G, W, &p, ws, &reps);
      printf ("%-5zu %-14s %12.3e %8d\n", d, "loss+gradient", s, reps);
      fflush (stdout);
      /* Hessian: (kd)^2 doubles; allocate only with 25% headroom in
         MemAvailable, since the machine may be shared. */
      double bytes = (double) n * n * sizeof (double), avail = mem_available ();
      double *H = NULL;
      if (avail > 0 && bytes * 1.25 < avail)
        H = malloc ((size_t) bytes);
      if (!H)
        printf ("%-5zu %-14s skipped: needs %.1f GB, %.1f GB available\n", d,
                "hessian", bytes / 1e9, avail / 1e9);
      else
        {
          s = time_it (lsc_loss_hessian, H, W, &p, ws, &reps);
          printf ("%-5zu %-14s %12.3e %8d\n", d, "hessian", s, reps);
          double sl = time_it (lsc_loss_hessian_lower, H, W, &p, ws, &reps);
          printf ("%-5zu %-14s %12.3e %8d\n", d, "hessian-lower", sl, reps);
          /* the memory-write floor: memset of the whole (kd)^2 matrix,
             best of three (the pages are already mapped) */
          double fl = 1e300;
          for (int r = 0; r < 3; r++)
            {
              double t0 = now ();
              memset (H, r, (size_t) bytes);
              double dt = now () - t0;
              fl = dt < fl ? dt : fl;
            }
          printf ("%-5zu %-14s %12.3e %8d  (hessian-lower / floor = %.2f)\n",
                  d, "memset-floor", fl, 3, sl / fl);
          /* ---- Hessian + eigensolve: to be added by the spectrum module
             (time lsc_loss_hessian followed by the spectrum call on H
             here, while H is allocated). ---- */
          free (H);
        }
      fflush (stdout);
      lsc_loss_workspace_free (ws);
      free (W);
      free (G);
    }
  gsl_rng_free (rng);
  return 0;
}
