/* landscape-census internals: the resume file (the runs themselves are
   lsc_census(3)). */
#define _POSIX_C_SOURCE 200809L
#include <config.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/stat.h>
#include <math.h>
#include "census.h"

void
census_header (char *buf, size_t len, const census_config *cf)
{
  snprintf (buf, len, "#landscape-census-resume 1\tk=%zu\td=%zu\tm=%zu\t"
            "seed=%llu\tmethod=%s\tstep=%.17g\tgtol=%.17g\tmaxiter=%zu\t"
            "target=%s\n", cf->k, cf->d, cf->m, cf->seed, cf->method,
            cf->step, cf->gtol, cf->maxiter, cf->target);
}

void
census_format (char *buf, size_t len, const census_run *r)
{
  size_t o = 0;
#define PUT(...) do { int w_ = snprintf (buf + o, o < len ? len - o : 0, \
                                         __VA_ARGS__);                \
                      o += w_ > 0 ? (size_t) w_ : 0; } while (0)
  PUT ("%zu\t%lu\t%zu\t%zu\t%.17g\t%.17g\t%.17g\t%zu\t%zu\t%.17g\t%s\t%s\t"
       "%s\t%d\t", r->run, r->seed, r->iter, r->nfev, r->time, r->loss,
       r->gnorm, r->index, r->nzero, r->min_eig, lsc_census_kind_token (r->kind),
       r->family, r->isotropy[0] ? r->isotropy : "-", r->status);
  if (r->np == 0)
    PUT ("-");
  for (size_t i = 0; i < r->np; i++)
    PUT ("%s%.17g", i ? "," : "", r->p[i]);
  PUT ("\n");
#undef PUT
}

/* Parse one resume line into r; 0 or -1. */
static int
parse_line (census_run *r, char *line)
{
  char *f[16];
  size_t nf = 0;
  char *save = NULL;
  for (char *t = strtok_r (line, "\t", &save); t && nf < 16;
       t = strtok_r (NULL, "\t", &save))
    f[nf++] = t;
  if (nf != 15)
    return -1;
  memset (r, 0, sizeof *r);
  char *e;
  errno = 0;
#define ULL(i, dst) do { if (f[i][0] == '-') return -1;                 \
                         unsigned long long v_ = strtoull (f[i], &e, 10); \
                         if (*e || e == f[i] || errno) return -1;       \
                         dst = v_; } while (0)
#define DBL(i, dst) do { dst = strtod (f[i], &e);                      \
                         if (*e || e == f[i]) return -1; } while (0)
  ULL (0, r->run);
  ULL (1, r->seed);
  ULL (2, r->iter);
  ULL (3, r->nfev);
  DBL (4, r->time);
  DBL (5, r->loss);
  DBL (6, r->gnorm);
  ULL (7, r->index);
  ULL (8, r->nzero);
  DBL (9, r->min_eig);
  if ((r->kind = lsc_census_kind_parse (f[10])) < -1)
    return -1;
  if (strlen (f[11]) >= sizeof r->family
      || strlen (f[12]) >= sizeof r->isotropy)
    return -1;
  strcpy (r->family, f[11]);
  strcpy (r->isotropy, strcmp (f[12], "-") ? f[12] : "");
  long st = strtol (f[13], &e, 10);
  if (*e || e == f[13] || st < 0 || st > 255)
    return -1;
  r->status = (int) st;
  if (strcmp (f[14], "-") != 0)
    for (char *s = f[14];; s = e + 1)
      {
        if (r->np == LSC_FAMILY_MAXP)
          return -1;
        r->p[r->np++] = strtod (s, &e);
        if (e == s || (*e != ',' && *e != '\0'))
          return -1;
        if (*e == '\0')
          break;
      }
#undef ULL
#undef DBL
  if ((r->status == 0) != (r->kind >= 0))
    return -1;
  r->done = 1;
  return 0;
}

int
census_resume_open (const char *path, const census_config *cf,
                    census_run *runs, size_t n, size_t *nloaded, char *err,
                    size_t errlen, int *syserr)
{
  char head[512];
  census_header (head, sizeof head, cf);
  *nloaded = 0;
  *syserr = 0;
  int fd = open (path, O_RDWR | O_CREAT | O_APPEND, 0666);
  if (fd < 0)
    goto sys;
  struct stat sb;
  if (fstat (fd, &sb) != 0)
    goto sys;
  if (sb.st_size == 0)
    {
      if (census_resume_append (fd, head) != 0)
        goto sys;
      return fd;
    }
  FILE *f = fdopen (dup (fd), "r");
  if (!f)
    goto sys;
  char *line = NULL;
  size_t cap = 0, lineno = 0;
  off_t good = 0;             /* end of the last complete line */
  ssize_t len;
  int bad = 0;
  while ((len = getline (&line, &cap, f)) > 0)
    {
      lineno++;
      if (line[len - 1] != '\n')
        break;                /* torn last line: dropped below */
      if (lineno == 1)
        {
          if (strcmp (line, head) != 0)
            {
              snprintf (err, errlen, "%s: written by a different census "
                        "(first line differs from: %.*s)", path,
                        (int) strlen (head) - 1, head);
              bad = 1;
              break;
            }
        }
      else
        {
          census_run r;
          line[len - 1] = '\0';
          if (parse_line (&r, line) != 0)
            {
              snprintf (err, errlen, "%s:%zu: malformed census line", path,
                        lineno);
              bad = 1;
              break;
            }
          if (r.run < n)
            {
              if (runs[r.run].done)
                {
                  snprintf (err, errlen, "%s:%zu: run %zu appears twice",
                            path, lineno, r.run);
                  bad = 1;
                  break;
                }
              runs[r.run] = r;
              (*nloaded)++;
            }
        }
      good += len;
    }
  free (line);
  fclose (f);
  if (bad)
    {
      close (fd);
      return -1;
    }
  if (lineno == 0 || good == 0)
    {
      snprintf (err, errlen, "%s: not a census resume file (no complete "
                "first line)", path);
      close (fd);
      return -1;
    }
  if (good < sb.st_size && ftruncate (fd, good) != 0)
    goto sys;
  return fd;
sys:
  snprintf (err, errlen, "%s: %s", path, strerror (errno));
  *syserr = 1;
  if (fd >= 0)
    close (fd);
  return -1;
}

int
census_resume_append (int fd, const char *line)
{
  size_t len = strlen (line), off = 0;
  while (off < len)
    {
      ssize_t w = write (fd, line + off, len - off);
      if (w < 0)
        {
          if (errno == EINTR)
            continue;
          return -1;
        }
      off += (size_t) w;
    }
  return fsync (fd);
}
