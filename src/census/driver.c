/* The census driver (lsc_census(3)): the runs not yet made, in parallel
   threads and over the ranks of an lsc_census_comm, each recorded on
   rank 0 (runs[], the resume file, the labels in run order, the caller's
   row and progress hooks); the thread start check and the memory bound
   of a thread. */
#define _POSIX_C_SOURCE 200809L
#include <config.h>
#include <errno.h>
#include <math.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#ifdef _OPENMP
#include <omp.h>
#endif
#include "landscape.h"
#include "internal.h"

double
lsc_census_thread_bytes (size_t k, size_t d, size_t m, size_t lbfgs_m)
{
  double n = (double) k * (double) d, nr = (double) (k + m);
  double ew = lsc_eigen_workspace_bytes ((size_t) n, 1);
  if (ew == 0)
    return 0;
  return 8 * n * n + ew + 8 * n * (2.0 * (double) lbfgs_m + 10)
    + 8.0 * (4 * nr * (double) d + nr * nr + (double) k * nr + 8 * nr
             + 3.0 * (double) d);
}

int
lsc_census_memory_check (size_t k, size_t d, size_t m, size_t lbfgs_m,
                         int threads, double budget, const char *what,
                         double *need, char *err, size_t errlen)
{
  char buf[128];
  if (errlen)
    err[0] = '\0';
  if (!what)
    {
      snprintf (buf, sizeof buf, "a census with %d thread%s at k = %zu, "
                "d = %zu", threads, threads > 1 ? "s" : "", k, d);
      what = buf;
    }
  const double gib = 1073741824.0;
  double n = (double) k * (double) d, t = threads > 1 ? threads : 1;
  /* the dense Hessian alone first: LAPACK's workspace query is slow for
     a huge kd */
  double b = t * 8 * n * n;
  if (b <= budget)
    {
      double per = lsc_census_thread_bytes (k, d, m, lbfgs_m);
      if (per == 0)
        {
          if (need)
            *need = INFINITY;
          snprintf (err, errlen, "%s: the %.0f x %.0f Hessian is too large "
                    "for LAPACK's integers", what, n, n);
          return LSC_ELIMIT;
        }
      b = t * per;
    }
  if (need)
    *need = b;
  if (b <= budget)
    return LSC_SUCCESS;
  snprintf (err, errlen, "%s needs %.3g GiB, more than the %.3g GiB", what,
            b / gib, budget / gib);
  return LSC_ELIMIT;
}

static pthread_mutex_t go_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t go_cond = PTHREAD_COND_INITIALIZER;
static int go;

static void *
idle_thread (void *arg)
{
  (void) arg;
  pthread_mutex_lock (&go_lock);
  while (!go)
    pthread_cond_wait (&go_cond, &go_lock);
  pthread_mutex_unlock (&go_lock);
  return NULL;
}

int
lsc_census_threads (int asked, int *wanted, int *made_out)
{
#ifdef _OPENMP
  int n = asked > 0 ? asked : omp_get_max_threads ();
#else
  int n = 1;
  (void) asked;
#endif
  *wanted = n;
  pthread_t *t = malloc ((size_t) n * sizeof *t);
  if (!t)
    {
      *made_out = 1;
      errno = ENOMEM;
      return LSC_EFAILED;
    }
  int made = 0, e = 0;
  pthread_mutex_lock (&go_lock);
  go = 0;
  pthread_mutex_unlock (&go_lock);
  /* all alive at once, as in the parallel region (the calling thread is
     the first of them) */
  while (made < n - 1 && (e = pthread_create (&t[made], NULL, idle_thread,
                                              NULL)) == 0)
    made++;
  pthread_mutex_lock (&go_lock);
  go = 1;
  pthread_cond_broadcast (&go_cond);
  pthread_mutex_unlock (&go_lock);
  for (int i = 0; i < made; i++)
    pthread_join (t[i], NULL);
  free (t);
  *made_out = made + 1;
  if (made < n - 1)
    {
      errno = e;
      return LSC_EFAILED;
    }
  return LSC_SUCCESS;
}

/* Rank 0's state, touched only inside the critical section. */
typedef struct
{
  lsc_census_run *runs;
  size_t n, next;
  lsc_census_labels labels;
  lsc_census_job *job;
} recorder;

/* Label and hand on the finished prefix of runs in run order. */
static void
flush_rows (recorder *s)
{
  lsc_census_job *j = s->job;
  while (s->next < s->n && s->runs[s->next].done)
    {
      lsc_census_label_catalogue (&s->runs[s->next], &s->labels, j->ptol,
                                  j->cat);
      if (j->row)
        j->row (&s->runs[s->next], j->ctx);
      s->next++;
    }
  if (j->progress)
    j->progress (j->ndone, s->n, j->ctx);
}

/* A finished run: store it, append it to the resume file, flush. */
static void
record (recorder *s, const lsc_census_run *r)
{
  lsc_census_job *j = s->job;
  s->runs[r->run] = *r;
  j->ndone++;
  if (j->resume_fd >= 0 && !j->resume_errno)
    {
      char line[4096];
      lsc_census_format_line (line, sizeof line, r);
      if (lsc_census_resume_append (j->resume_fd, line) != 0)
        j->resume_errno = errno ? errno : EIO;
    }
  flush_rows (s);
}

int
lsc_census_drive (lsc_census_run *runs, size_t n, lsc_census_job *job)
{
  if (!job || (n && !runs) || !job->problem || !job->par || !job->cl)
    LSC_ERROR ("lsc_census_drive: NULL argument", LSC_EFAULT);
  const lsc_census_comm one = { 0, 1, NULL, NULL, NULL, NULL };
  const lsc_census_comm *cm = job->comm ? job->comm : &one;
  if (cm->size < 1 || cm->rank < 0 || cm->rank >= cm->size
      || (cm->size > 1 && (!cm->share || !cm->send || !cm->recv)))
    LSC_ERROR ("lsc_census_drive: bad communicator", LSC_EINVAL);
  const int root = cm->rank == 0;
  const lsc_problem *p = job->problem;
  const lsc_descent_params *par = job->par;
  recorder s = { runs, n, 0, { 0 }, job };
  job->ndone = 0;
  job->resume_errno = job->point_errno = 0;
  for (size_t i = 0; i < n; i++)
    job->ndone += runs[i].done != 0;
  if (cm->size > 1)
    cm->share (runs, n, cm->ctx);
  if (root)
    flush_rows (&s);
  int nomem = 0, point_errno = 0;
#ifdef _OPENMP
  int nt = job->threads > 0 ? job->threads : omp_get_max_threads ();
  /* a lock of this call (a named critical section would export its
     global lock symbol from the library) */
  omp_lock_t lock;
  omp_init_lock (&lock);
#endif
#pragma omp parallel num_threads (nt)
  {
    lsc_census_workspace *w = lsc_census_alloc (p->k, p->d, p->m, par);
    if (!w)
      {
#pragma omp atomic write
        nomem = 1;
      }
#pragma omp for schedule(dynamic, 1)
    for (long i = 0; i < (long) n; i++)
      {
        if (!w || runs[i].done
            || (size_t) i % (size_t) cm->size != (size_t) cm->rank)
          continue;
        lsc_census_run r;
        lsc_census_do_run (&r, job->seed, (size_t) i, p, par, job->cl, w);
        if (job->point && job->point (&r, lsc_census_point (w), job->ctx))
          {
#pragma omp atomic write
            point_errno = errno ? errno : EIO;
          }
#ifdef _OPENMP
        omp_set_lock (&lock);
#endif
        {
          if (root)
            {
              lsc_census_run q;
              record (&s, &r);
              while (cm->size > 1 && cm->recv (&q, 0, cm->ctx))
                record (&s, &q);
            }
          else
            cm->send (&r, cm->ctx);
        }
#ifdef _OPENMP
        omp_unset_lock (&lock);
#endif
      }
    lsc_census_free (w);
  }
#ifdef _OPENMP
  omp_destroy_lock (&lock);
#endif
  job->point_errno = point_errno;
  if (nomem)
    LSC_ERROR ("lsc_census_drive: out of memory", LSC_ENOMEM);
  if (point_errno || !root)
    return LSC_SUCCESS;
  /* the other ranks' remaining runs */
  while (cm->size > 1 && job->ndone < n)
    {
      lsc_census_run q;
      if (!cm->recv (&q, 1, cm->ctx))
        break;
      record (&s, &q);
    }
  return LSC_SUCCESS;
}
