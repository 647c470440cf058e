/* Atomic replacement of the tools' output files (write a temporary in the
   same directory, rename on success; cli-atomic.h). */
#define _POSIX_C_SOURCE 200809L
#include <config.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "cli-atomic.h"

#define NSLOTS 16

/* Open outputs: stream, temporary name (NULL: written in place), target.
   Process-wide state of the tool, not of the library. */
static struct
{
  FILE *f;
  char *tmp;
  char *path;
} slots[NSLOTS];
static int registered;

static void
cleanup_at_exit (void)
{
  for (int i = 0; i < NSLOTS; i++)
    if (slots[i].f && slots[i].tmp)
      unlink (slots[i].tmp);
}

static int
find (FILE *f)
{
  for (int i = 0; i < NSLOTS; i++)
    if (slots[i].f == f)
      return i;
  return -1;
}

static void
release (int i)
{
  free (slots[i].tmp);
  free (slots[i].path);
  slots[i].f = NULL;
  slots[i].tmp = slots[i].path = NULL;
}

FILE *
cli_atomic_open (const char *path)
{
  struct stat st;
  int i = find (NULL), fd = -1;
  if (!path || !*path)
    {
      errno = EINVAL;
      return NULL;
    }
  if (strcmp (path, "-") == 0)
    return stdout;
  if (i < 0)
    {
      errno = EMFILE;
      return NULL;
    }
  if (!registered)
    {
      if (atexit (cleanup_at_exit) != 0)
        return NULL;
      registered = 1;
    }
  if (stat (path, &st) == 0 && !S_ISREG (st.st_mode))
    {
      /* A device or FIFO: no rename possible, write in place. */
      FILE *f = fopen (path, "w");
      if (!f)
        return NULL;
      slots[i].f = f;
      return f;
    }
  const char *slash = strrchr (path, '/');
  size_t dirlen = slash ? (size_t) (slash - path) + 1 : 0;
  char *tmp = malloc (strlen (path) + 9);
  char *dup = malloc (strlen (path) + 1);
  if (!tmp || !dup)
    {
      free (tmp);
      free (dup);
      errno = ENOMEM;
      return NULL;
    }
  strcpy (dup, path);
  memcpy (tmp, path, dirlen);
  sprintf (tmp + dirlen, ".%s.XXXXXX", path + dirlen);
  mode_t mask = umask (0);
  umask (mask);
  if ((fd = mkstemp (tmp)) < 0 || fchmod (fd, 0666 & ~mask) != 0)
    goto fail;
  FILE *f = fdopen (fd, "w");
  if (!f)
    goto fail;
  slots[i].f = f;
  slots[i].tmp = tmp;
  slots[i].path = dup;
  return f;
fail:
  {
    int e = errno;
    if (fd >= 0)
      {
        close (fd);
        unlink (tmp);
      }
    free (tmp);
    free (dup);
    errno = e;
    return NULL;
  }
}

int
cli_atomic_commit (FILE *f)
{
  if (f == stdout)
    return fflush (f) != 0 || ferror (f) ? -1 : 0;
  int i = find (f);
  if (!f || i < 0)
    {
      errno = EINVAL;
      return -1;
    }
  int e = 0;
  if (fflush (f) != 0 || ferror (f))
    e = errno ? errno : EIO;
  if (!e && slots[i].tmp && fsync (fileno (f)) != 0 && errno != EINVAL)
    e = errno;
  if (fclose (f) != 0 && !e)
    e = errno ? errno : EIO;
  if (slots[i].tmp)
    {
      if (!e && rename (slots[i].tmp, slots[i].path) != 0)
        e = errno;
      if (e)
        unlink (slots[i].tmp);
    }
  release (i);
  errno = e;
  return e ? -1 : 0;
}

void
cli_atomic_discard (FILE *f)
{
  int i = find (f);
  if (!f || f == stdout || i < 0)
    return;
  fclose (f);
  if (slots[i].tmp)
    unlink (slots[i].tmp);
  release (i);
}
