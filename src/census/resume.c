/* The census resume file (lsc_census(3)): settings header, one line per
   run, the lock, and the hashes that keep a resume honest. */
#define _POSIX_C_SOURCE 200809L
#include <config.h>
#include <errno.h>
#include <limits.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <math.h>
#include "landscape.h"
#include "internal.h"

unsigned long long
lsc_census_hash (const void *bytes, size_t n)
{
  unsigned long long h = 14695981039346656037ULL;
  const unsigned char *b = bytes;
  for (size_t i = 0; i < n; i++)
    {
      h ^= b[i];
      h *= 1099511628211ULL;
    }
  return h;
}

/* Format 3: the settings, the target's name and hash, and the hash of
   the family catalogue whose names label the runs. */
#define CENSUS_HEADER_FMT                                                   \
  "#landscape-census-resume 3\tk=%zu\td=%zu\tm=%zu\tseed=%llu\t"          \
  "method=%s\tstep=%.17g\tgtol=%.17g\tmaxiter=%zu\ttarget=%s\t"           \
  "target-fnv1a64=%016llx\tcatalogue-fnv1a64=%016llx\n"
#define CENSUS_HEADER_ARGS                                                  \
  cf->k, cf->d, cf->m, cf->seed, cf->method, cf->step, cf->gtol,            \
  cf->maxiter, t, cf->target_hash, cf->catalogue_hash

int
lsc_census_file_hash (unsigned long long *h, const char *path)
{
  FILE *f = fopen (path, "rb");
  if (!f)
    return LSC_EFAILED;
  unsigned long long x = 14695981039346656037ULL;
  unsigned char buf[65536];
  size_t n;
  while ((n = fread (buf, 1, sizeof buf, f)) > 0)
    for (size_t i = 0; i < n; i++)
      {
        x ^= buf[i];
        x *= 1099511628211ULL;
      }
  int e = ferror (f) ? (errno ? errno : EIO) : 0;
  fclose (f);
  if (e)
    {
      errno = e;
      return LSC_EFAILED;
    }
  *h = x;
  return LSC_SUCCESS;
}

char *
lsc_census_header (const lsc_census_config *cf)
{
  /* the target's name escaped: a TAB or newline in it must not split the
     header into fields or lines */
  size_t tl = strlen (cf->target);
  char *t = malloc (4 * tl + 1), *q = t;
  if (!t)
    return NULL;
  for (const unsigned char *c = (const unsigned char *) cf->target; *c; c++)
    if (*c == '\\')
      q += sprintf (q, "\\\\");
    else if (*c < 0x20 || *c == 0x7f)
      q += sprintf (q, "\\x%02x", *c);
    else
      *q++ = (char) *c;
  *q = '\0';
  char *h = NULL;
  int n = snprintf (NULL, 0, CENSUS_HEADER_FMT, CENSUS_HEADER_ARGS);
  if (n > 0 && (h = malloc ((size_t) n + 1)) != NULL)
    snprintf (h, (size_t) n + 1, CENSUS_HEADER_FMT, CENSUS_HEADER_ARGS);
  free (t);
  return h;
}

void
lsc_census_format_line (char *buf, size_t len, const lsc_census_run *r)
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

int
lsc_census_parse_line (lsc_census_run *r, char *line)
{
  char *f[16];
  size_t nf = 0;
  char *save = NULL;
  for (char *t = strtok_r (line, "\t", &save); t && nf < 16;
       t = strtok_r (NULL, "\t", &save))
    f[nf++] = t;
  if (nf != 15)
    return LSC_EPARSE;
  memset (r, 0, sizeof *r);
  char *e;
  errno = 0;
#define ULL(i, dst) do { if (f[i][0] == '-') return LSC_EPARSE;                 \
                         unsigned long long v_ = strtoull (f[i], &e, 10); \
                         if (*e || e == f[i] || errno) return LSC_EPARSE;       \
                         dst = v_; } while (0)
#define DBL(i, dst) do { dst = strtod (f[i], &e);                      \
                         if (*e || e == f[i]) return LSC_EPARSE; } while (0)
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
    return LSC_EPARSE;
  if (strlen (f[11]) >= sizeof r->family
      || strlen (f[12]) >= sizeof r->isotropy)
    return LSC_EPARSE;
  strcpy (r->family, f[11]);
  strcpy (r->isotropy, strcmp (f[12], "-") ? f[12] : "");
  long st = strtol (f[13], &e, 10);
  if (*e || e == f[13] || st < 0 || st > 255)
    return LSC_EPARSE;
  r->status = (int) st;
  if (strcmp (f[14], "-") != 0)
    for (char *s = f[14];; s = e + 1)
      {
        if (r->np == LSC_FAMILY_MAXP)
          return LSC_EPARSE;
        r->p[r->np++] = strtod (s, &e);
        if (e == s || (*e != ',' && *e != '\0'))
          return LSC_EPARSE;
        if (*e == '\0')
          break;
      }
#undef ULL
#undef DBL
  if ((r->status == 0) != (r->kind >= 0))
    return LSC_EPARSE;
  r->done = 1;
  return LSC_SUCCESS;
}

/* Why the first line of a resume file is not head: the target changed
   (same settings, another hash), an older format, or another census. */
static void
header_mismatch (char *err, size_t errlen, const char *path,
                 const char *line, const char *head)
{
  const char *hl = strstr (line, "\ttarget-fnv1a64=");
  const char *hh = strstr (head, "\ttarget-fnv1a64=");
  const char *cl = strstr (line, "\tcatalogue-fnv1a64=");
  const char *ch = strstr (head, "\tcatalogue-fnv1a64=");
  if (cl && ch && cl - line == ch - head
      && strncmp (line, head, (size_t) (ch - head)) == 0)
    snprintf (err, errlen, "%s: the family catalogue changed since this "
              "census began (its runs are labelled by the old one); start a "
              "new resume file, or resume with the catalogue it was written "
              "with (--catalogue)", path);
  else if (strncmp (line, "#landscape-census-resume 2\t", 27) == 0)
    snprintf (err, errlen, "%s: written by an older landscape-census "
              "(format 2, without the catalogue's hash: its labels cannot "
              "be checked against the catalogue); start a new resume file",
              path);
  else if (hl && hh && hl - line == hh - head
      && strncmp (line, head, (size_t) (hh - head)) == 0)
    snprintf (err, errlen, "%s: the target file changed since this census "
              "began (its numbers differ from those the resume file "
              "records)", path);
  else if (strncmp (line, "#landscape-census-resume 1\t", 27) == 0)
    snprintf (err, errlen, "%s: written by an older landscape-census "
              "(format 1, without the target's hash); start a new resume "
              "file", path);
  else
    snprintf (err, errlen, "%s: written by a different census (first line "
              "differs from: %.*s)", path, (int) strlen (head) - 1, head);
}

int
lsc_census_resume_open (int *fdp, const char *path,
                        const lsc_census_config *cf, lsc_census_run *runs,
                        size_t n, size_t *nloaded, char *err, size_t errlen)
{
  char *head = lsc_census_header (cf);
  FILE *f = NULL;
  *nloaded = 0;
  *fdp = -1;
  int fd = -1, st;
  if (!head)
    {
      errno = ENOMEM;
      goto sys;
    }
  if ((fd = open (path, O_RDWR | O_CREAT | O_APPEND, 0666)) < 0)
    goto sys;
  struct stat sb;
  if (fstat (fd, &sb) != 0)
    goto sys;
  if (!S_ISREG (sb.st_mode))
    {
      snprintf (err, errlen, "%s: not a regular file", path);
      goto bad;
    }
  /* one census per resume file: two appending to it would duplicate runs
     and break every later resume */
  if (flock (fd, LOCK_EX | LOCK_NB) != 0)
    {
      if (errno != EWOULDBLOCK)
        goto sys;
      snprintf (err, errlen, "%s: in use by another landscape-census (the "
                "file is locked)", path);
      goto bad;
    }
  /* the size again, under the lock: a census that held it may have
     written since the fstat above */
  if (fstat (fd, &sb) != 0)
    goto sys;
  if (sb.st_size == 0)
    {
      if (lsc_census_resume_append (fd, head) != 0)
        goto sys;
      free (head);
      *fdp = fd;
      return LSC_SUCCESS;
    }
  int fd2 = dup (fd);
  if (fd2 < 0 || !(f = fdopen (fd2, "r")))
    {
      if (fd2 >= 0)
        close (fd2);
      goto sys;
    }
  /* Lines are bounded: the header's length, or 8 KiB for a run (a run's
     line is at most about 4 KiB); a longer one is malformed, never an
     unbounded allocation. */
  size_t cap = strlen (head) + 8192, lineno = 0;
  char *line = malloc (cap);
  off_t good = 0;             /* end of the last complete line */
  size_t len;
  int bad = 0;
  if (!line)
    {
      errno = ENOMEM;
      goto sys;
    }
  while (fgets (line, (int) (cap < INT_MAX ? cap : INT_MAX), f)
         && (len = strlen (line)) > 0)
    {
      lineno++;
      if (line[len - 1] != '\n')
        {
          if (len + 1 < cap && feof (f))
            break;            /* torn last line: dropped below */
          snprintf (err, errlen, "%s:%zu: malformed census line (too long "
                    "or holding a NUL byte)", path, lineno);
          bad = 1;
          break;
        }
      if (lineno == 1)
        {
          if (strcmp (line, head) != 0)
            {
              header_mismatch (err, errlen, path, line, head);
              bad = 1;
              break;
            }
        }
      else
        {
          lsc_census_run r;
          line[len - 1] = '\0';
          if (lsc_census_parse_line (&r, line) != 0)
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
      good += (off_t) len;
    }
  free (line);
  if (ferror (f))
    {
      int e = errno;
      fclose (f);
      errno = e;
      goto sys;
    }
  fclose (f);
  f = NULL;
  if (bad)
    goto bad;
  if (lineno == 0 || good == 0)
    {
      snprintf (err, errlen, "%s: not a census resume file (no complete "
                "first line)", path);
      goto bad;
    }
  if (good < sb.st_size && ftruncate (fd, good) != 0)
    goto sys;
  free (head);
  *fdp = fd;
  return LSC_SUCCESS;
sys:
  snprintf (err, errlen, "%s: %s", path, strerror (errno));
  st = LSC_EFAILED;
  goto out;
bad:
  st = LSC_EINVAL;
out:
  free (head);
  if (f)
    fclose (f);
  if (fd >= 0)
    close (fd);
  return st;
}

int
lsc_census_resume_append (int fd, const char *line)
{
  size_t len = strlen (line), off = 0;
  while (off < len)
    {
      ssize_t w = write (fd, line + off, len - off);
      if (w < 0)
        {
          if (errno == EINTR)
            continue;
          return LSC_EFAILED;
        }
      off += (size_t) w;
    }
  return fsync (fd) == 0 ? LSC_SUCCESS : LSC_EFAILED;
}
