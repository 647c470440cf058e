/* A census's end points saved (lsc_census(3)): each run's W as a matrix
   file (landscape-formats(5): k rows of d numbers) in a directory. */
#define _POSIX_C_SOURCE 200809L
#include <config.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "landscape.h"

int
lsc_census_points_dir (const char *dir, char *err, size_t errlen)
{
  struct stat st;
  if (stat (dir, &st) != 0)
    {
      if (errno != ENOENT || mkdir (dir, 0777) != 0)
        {
          snprintf (err, errlen, "cannot create the directory %s: %s", dir,
                    strerror (errno));
          return LSC_EINVAL;
        }
    }
  else if (!S_ISDIR (st.st_mode))
    {
      snprintf (err, errlen, "%s is not a directory", dir);
      return LSC_EINVAL;
    }
  if (access (dir, W_OK | X_OK) != 0)
    {
      snprintf (err, errlen, "cannot write in %s: %s", dir, strerror (errno));
      return LSC_EINVAL;
    }
  return LSC_SUCCESS;
}

int
lsc_census_save_point (const char *dir, size_t run, const double *W,
                       const lsc_census_config *cf)
{
  size_t n = strlen (dir) + 64;
  char *path = malloc (n);
  if (!path)
    {
      errno = ENOMEM;
      return LSC_EFAILED;
    }
  snprintf (path, n, "%s/run-%zu.tsv", dir, run);
  /* replaced atomically (lsc_atomic_open): a reader never sees half a
     point, and a failed write leaves no file behind */
  lsc_atomic_file a;
  int rc = lsc_atomic_open (&a, path);
  int e = errno;
  free (path);
  if (rc != 0)
    {
      errno = e;
      return LSC_EFAILED;
    }
  fprintf (a.f, "# landscape-census run %zu seed %llu k=%zu d=%zu\n", run,
           cf->seed, cf->k, cf->d);
  for (size_t i = 0; i < cf->k; i++)
    for (size_t j = 0; j < cf->d; j++)
      fprintf (a.f, "%.17g%c", W[i * cf->d + j], j + 1 < cf->d ? '\t' : '\n');
  return lsc_atomic_commit (&a) == 0 ? LSC_SUCCESS : LSC_EFAILED;
}
