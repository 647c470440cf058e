/* A census end point as a point (lsc_census(3)): a run of a resume file
   rebuilt from its isotropy and fixed-space parameters, and a point
   classified against the catalogue as a census classifies it (dense
   Hessian). */
#define _POSIX_C_SOURCE 200809L
#include <config.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "landscape.h"
#include "internal.h"

/* The next line of f (with its newline) in *buf, at most max bytes:
   1, 0 at the end, or a status with a message. */
static int
next_line (char **buf, size_t *cap, FILE *f, size_t max, const char *path,
           char *err, size_t errlen)
{
  size_t n = 0;
  int c;
  while ((c = getc (f)) != EOF)
    {
      if (n + 2 > *cap)
        {
          size_t nc = *cap ? 2 * *cap : 256;
          if (nc > max + 2)
            nc = max + 2;
          char *nb = realloc (*buf, nc);
          if (!nb)
            {
              snprintf (err, errlen, "out of memory");
              return -LSC_ENOMEM;
            }
          *buf = nb;
          *cap = nc;
        }
      (*buf)[n++] = (char) c;
      if (c == '\n')
        break;
      if (n > max)
        {
          snprintf (err, errlen, "%s: a line longer than %zu bytes "
                    "(--max-line)", path, max);
          return -LSC_ELIMIT;
        }
    }
  if (n == 0)
    {
      if (ferror (f))
        {
          snprintf (err, errlen, "%s: read error", path);
          return -LSC_EFAILED;
        }
      return 0;
    }
  (*buf)[n] = '\0';
  return 1;
}

#define BAD(...) do { snprintf (err, errlen, __VA_ARGS__);              \
                      st = LSC_EINVAL; goto out; } while (0)

int
lsc_census_resume_point (double **Wp, size_t *k, size_t *d, const char *path,
                         long run, size_t max_line, char *err, size_t errlen)
{
  *Wp = NULL;
  FILE *f = fopen (path, "r");
  if (!f)
    {
      snprintf (err, errlen, "cannot open '%s'", path);
      return LSC_EINVAL;
    }
  char *line = NULL;
  size_t cap = 0, kk = 0, dd = 0;
  double *W = NULL;
  int st = LSC_SUCCESS, r;
  while ((r = next_line (&line, &cap, f, max_line, path, err, errlen)) == 1)
    {
      if (line[0] == '#')
        {
          char *p = strstr (line, "k="), *q = strstr (line, "\td=");
          if (p && q)
            {
              kk = strtoul (p + 2, NULL, 10);
              dd = strtoul (q + 3, NULL, 10);
            }
          continue;
        }
      char *fields[16];
      size_t nf = 0;
      for (char *s = line; nf < 16;)
        {
          fields[nf++] = s;
          char *t = strchr (s, '\t');
          if (!t)
            break;
          *t = 0;
          s = t + 1;
        }
      if (nf < 15 || strtol (fields[0], NULL, 10) != run)
        continue;
      if (kk == 0 || dd == 0 || kk < dd || kk > 4096)
        BAD ("%s: needs a census header with k >= d", path);
      if (strcmp (fields[13], "0") != 0)
        BAD ("%s: run %ld did not end at a critical point (status %s)", path,
             run, fields[13]);
      fields[14][strcspn (fields[14], "\n")] = 0;
      lsc_young G;
      char e2[256];
      if (lsc_isotropy_parse (&G, fields[12], (double) dd, e2, sizeof e2))
        BAD ("%s: run %ld: no Young isotropy (%s)", path, run, fields[12]);
      size_t np = lsc_young_nparams (&G), i = 0;
      double p[LSC_FAMILY_MAXP];
      for (char *s = fields[14]; i < np && *s; i++)
        {
          char *e;
          p[i] = strtod (s, &e);
          if (e == s || !isfinite (p[i]))
            break;
          s = *e == ',' ? e + 1 : e;
        }
      if (i != np)
        BAD ("%s: run %ld: bad parameter list", path, run);
      if (!(W = malloc (kk * dd * sizeof *W)))
        {
          snprintf (err, errlen, "out of memory");
          st = LSC_ENOMEM;
          goto out;
        }
      if (lsc_young_embed (W, p, &G))
        BAD ("%s: run %ld: cannot embed", path, run);
      break;
    }
  if (r < 0)
    st = -r;
  else if (!W)
    BAD ("%s: no run %ld", path, run);
out:
  free (line);
  fclose (f);
  if (st)
    {
      free (W);
      return st;
    }
  *Wp = W;
  *k = kk;
  *d = dd;
  return LSC_SUCCESS;
}

int
lsc_census_classify_point (lsc_class *c, const double *W, size_t k,
                           size_t d, const lsc_classifier *cl)
{
  lsc_problem pr = { k, d, d, NULL, NULL, NULL };
  size_t n = k * d;
  double *H = malloc (n * n * sizeof *H), *ev = malloc (n * sizeof *ev);
  lsc_loss_workspace *lw = lsc_loss_workspace_alloc (k, d, d);
  lsc_eigen_workspace *ew = lsc_eigen_workspace_alloc (n, 0);
  double L;
  int st = LSC_ENOMEM;
  if (H && ev && lw && ew)
    {
      st = lsc_loss (&L, W, &pr, lw);
      if (!st)
        st = lsc_loss_hessian (H, W, &pr, lw);
      if (!st)
        st = lsc_eigen_symm (ev, NULL, H, n, ew);
      if (!st)
        st = lsc_classify (c, W, ev, L, &pr, cl);
    }
  lsc_eigen_workspace_free (ew);
  lsc_loss_workspace_free (lw);
  free (H);
  free (ev);
  if (st)
    LSC_ERROR ("lsc_census_classify_point: cannot classify", st);
  return LSC_SUCCESS;
}
