/* The verdicts of the certify jobs: a range theorem run with its cover
   counted and timed, and a proved d* held against a catalogue's digits.
   The rules by which a statement is called proved live here, not in the
   tools that print them. */
#define _POSIX_C_SOURCE 200809L
#include <config.h>
#include <math.h>
#include <string.h>
#include <time.h>
#include "internal.h"
#include "landscape/lsc_certify.h"
#include "certify/certify_impl.h"

static double
clock_s (clockid_t id)
{
  struct timespec ts;
  clock_gettime (id, &ts);
  return (double) ts.tv_sec + 1e-9 * (double) ts.tv_nsec;
}

typedef struct
{
  lsc_cert_range_stat *s;
  int (*cb) (const lsc_cert_piece *, void *);
  void *arg;
} counter;

static int
count (const lsc_cert_piece *pc, void *arg)
{
  counter *c = arg;
  c->s->pieces++;
  c->s->failed += !pc->proved;
  /* lsc_certify_range proves every piece with the first one's inertia */
  if (pc->proved && !c->s->morse.proved)
    c->s->morse = pc->morse;
  return c->cb ? c->cb (pc, c->arg) : 0;
}

int
lsc_certify_range_stat (lsc_cert_range_stat *s, const lsc_young *G,
                        const double *p, double dp, double a, double b,
                        int want,
                        int (*cb) (const lsc_cert_piece *piece, void *arg),
                        void *arg, const lsc_certify_options *opt)
{
  if (!s)
    LSC_ERROR ("NULL argument", LSC_EFAULT);
  memset (s, 0, sizeof *s);
  s->theorem = want == LSC_CERT_MINIMUM ? "nondegenerate-minimum"
                                        : "constant-index";
  counter c = { s, cb, arg };
  int proved = 0;
  double t0 = clock_s (CLOCK_MONOTONIC),
         c0 = clock_s (CLOCK_PROCESS_CPUTIME_ID);
  int rc = lsc_certify_range (&proved, G, p, dp, a, b, want, count, &c, opt);
  s->seconds = clock_s (CLOCK_MONOTONIC) - t0;
  s->cpu_seconds = clock_s (CLOCK_PROCESS_CPUTIME_ID) - c0;
  s->proved = proved && !rc;
  const lsc_cert_morse *m = &s->morse;
  s->index = s->proved && !m->nneg[1] && !m->nneg[2] && !m->nneg[3]
             ? (double) m->nneg[0] : NAN;
  if (s->proved && want == LSC_CERT_INDEX)
    s->theorem = lsc_cert_morse_theorem (m);
  return rc;
}

int
lsc_cert_options (lsc_certify_options *o, const lsc_young *G,
                  const lsc_certify_options *opt)
{
  int rc = lsc_young_check (G);
  if (rc)
    return rc;
  if (opt)
    *o = *opt;
  else
    lsc_certify_options_init (o);
  return LSC_SUCCESS;
}

double
lsc_cert_wall (void)
{
  return clock_s (CLOCK_MONOTONIC);
}

int
lsc_cert_point_verdict (const lsc_cert_point *r, int rc, int *box,
                        const char **reason)
{
  int ok = r && !rc && r->proved;
  if (box)
    *box = r && !rc && r->crit.proved;
  if (reason)
    *reason = rc ? lsc_strerror (rc) : r ? r->reason : "";
  return ok;
}

int
lsc_cert_dstar_verdict (const lsc_cert_dstar *r, const char *digits,
                        int *contains, const char **reason)
{
  int in = r && r->proved && digits && lsc_cert_dstar_within (r, digits);
  if (contains)
    *contains = in;
  if (reason)
    *reason = !r ? "" : r->proved && !in
              ? "the proved interval is not within the catalogue's digits"
              : r->reason;
  return r && r->proved && in;
}
