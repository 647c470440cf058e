/* A point and its problem read from files (lsc_jobs(3)): W, the optional
   target V and output weights alpha and beta, checked against each other
   and for zero rows (where the loss is not differentiable), with messages
   that name the file and line. */
#define _POSIX_C_SOURCE 200809L
#include <config.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "landscape.h"
#include "landscape/lsc_jobs.h"

/* One matrix from path, its name for messages in *name. */
static int
read_one (double **x, size_t *rows, size_t *cols, size_t **lines,
      const char **name, const char *path, const lsc_io_limits *lim,
      char *err, size_t errlen)
{
  *name = strcmp (path, "-") != 0 ? path : "(stdin)";
  return lsc_matrix_read_file_limited (x, rows, cols, lines, path, lim, err,
                                       errlen);
}

/* A weight vector: one number per line or a single row, want entries. */
static int
read_vector (double **x, const char *path, const char *what, size_t want,
             const char *whence, const lsc_io_limits *lim, char *err,
             size_t errlen)
{
  size_t r, c, *lines = NULL;
  const char *name;
  int st = read_one (x, &r, &c, &lines, &name, path, lim, err, errlen);
  free (lines);
  if (st)
    return st;
  if (r != 1 && c != 1)
    snprintf (err, errlen, "%s: %s must be one number per line or one row, "
              "found %zu rows of %zu", name, what, r, c);
  else if (r * c != want)
    snprintf (err, errlen, "%s: %s has %zu entries, expected %zu (%s)", name,
              what, r * c, want, whence);
  else
    return LSC_SUCCESS;
  return LSC_EINVAL;
}

/* LSC_EDOM and a message when a row of x is zero. */
static int
zero_rows (const double *x, size_t rows, size_t cols, const size_t *lines,
           const char *name, const char *what, char *err, size_t errlen)
{
  for (size_t i = 0; i < rows; i++)
    {
      size_t j = 0;
      while (j < cols && x[i * cols + j] == 0.0)
        j++;
      if (j == cols)
        {
          snprintf (err, errlen, "%s:%zu: row %zu of %s is zero (the loss is "
                    "not differentiable there)", name,
                    lines ? lines[i] : i + 1, i + 1, what);
          return LSC_EDOM;
        }
    }
  return LSC_SUCCESS;
}

int
lsc_point_read (lsc_point *pt, const char *wpath, size_t identity,
                const char *vpath, const char *apath, const char *bpath,
                const lsc_io_limits *lim, char *err, size_t errlen)
{
  memset (pt, 0, sizeof *pt);
  err[0] = 0;
  int st;
  if (identity)
    {
      pt->name = "identity";
      pt->k = pt->d = identity;
      if (!(pt->W = calloc (identity * identity, sizeof (double))))
        return LSC_ENOMEM;
      for (size_t i = 0; i < identity; i++)
        pt->W[i * identity + i] = 1.0;
    }
  else if ((st = read_one (&pt->W, &pt->k, &pt->d, &pt->lines, &pt->name,
                           wpath, lim, err, errlen)))
    return st;
  if ((st = lsc_point_check (pt, "W", err, errlen)))
    return st;
  pt->m = pt->d;
  if (vpath)
    {
      size_t rows, cols, *vl = NULL;
      const char *vname;
      st = read_one (&pt->V, &rows, &cols, &vl, &vname, vpath, lim, err,
                     errlen);
      if (!st && cols != pt->d)
        {
          snprintf (err, errlen, "%s:%zu: V has %zu columns but W has %zu",
                    vname, vl[0], cols, pt->d);
          st = LSC_EINVAL;
        }
      if (!st)
        st = zero_rows (pt->V, rows, cols, vl, vname, "V", err, errlen);
      free (vl);
      if (st)
        return st;
      pt->m = rows;
    }
  if (apath && (st = read_vector (&pt->alpha, apath, "alpha", pt->k,
                                  "the number of rows of W", lim, err,
                                  errlen)))
    return st;
  if (bpath && (st = read_vector (&pt->beta, bpath, "beta", pt->m,
                                  vpath ? "the number of rows of V"
                                  : "the number of columns of W", lim, err,
                                  errlen)))
    return st;
  pt->p = (lsc_problem) { pt->k, pt->d, pt->m, pt->V, pt->alpha, pt->beta };
  return LSC_SUCCESS;
}

int
lsc_point_check (const lsc_point *pt, const char *what, char *err,
                 size_t errlen)
{
  return zero_rows (pt->W, pt->k, pt->d, pt->lines, pt->name, what, err,
                    errlen);
}

void
lsc_point_clear (lsc_point *pt)
{
  if (!pt)
    return;
  free (pt->W);
  free (pt->V);
  free (pt->alpha);
  free (pt->beta);
  free (pt->lines);
  memset (pt, 0, sizeof *pt);
}
