/* Files replaced atomically (lsc_io(3)): the data go to a temporary
   beside the destination, synced and renamed over it only when every
   write succeeded, so that a full disk or an error never leaves a
   half-written file in place of a good one. */
#define _POSIX_C_SOURCE 200809L
#include <config.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include "landscape/lsc_io.h"

/* Create "DIR/.NAME.XXXXXX" exclusively with mode 0666 less the umask
   (as fopen would create NAME; mkstemp's 0600 would need the umask, which
   cannot be read without changing it, a process-wide race).  The six
   characters come from a generator local to the call, seeded from the
   clock, the process id and the stack address: no state is shared. */
static int
create_temp (char *tmp, size_t at)
{
  static const char chars[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTU"
    "VWXYZ0123456789";
  struct timespec ts;
  clock_gettime (CLOCK_REALTIME, &ts);
  uint64_t x = (uint64_t) ts.tv_nsec * 0x9e3779b97f4a7c15u
    ^ (uint64_t) ts.tv_sec ^ ((uint64_t) getpid () << 32)
    ^ (uint64_t) (uintptr_t) &ts;
  for (int attempt = 0; attempt < 1000; attempt++)
    {
      for (int i = 0; i < 6; i++)
        {
          x ^= x << 13;
          x ^= x >> 7;
          x ^= x << 17;
          tmp[at + (size_t) i] = chars[x % (sizeof chars - 1)];
        }
      int fd = open (tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
      if (fd >= 0 || errno != EEXIST)
        return fd;
    }
  errno = EEXIST;
  return -1;
}

int
lsc_atomic_open (lsc_atomic_file *a, const char *path)
{
  struct stat st;
  a->f = NULL;
  a->tmp = a->path = NULL;
  if (!path || !*path)
    {
      errno = EINVAL;
      return -1;
    }
  if (stat (path, &st) == 0 && !S_ISREG (st.st_mode))
    {
      /* A device or FIFO: no rename possible, written in place. */
      a->f = fopen (path, "w");
      return a->f ? 0 : -1;
    }
  size_t n = strlen (path);
  const char *slash = strrchr (path, '/');
  size_t dirlen = slash ? (size_t) (slash - path) + 1 : 0;
  char *tmp = malloc (n + 9), *dup = malloc (n + 1);
  if (!tmp || !dup)
    {
      free (tmp);
      free (dup);
      errno = ENOMEM;
      return -1;
    }
  memcpy (dup, path, n + 1);
  memcpy (tmp, path, dirlen);
  snprintf (tmp + dirlen, n + 9 - dirlen, ".%s.XXXXXX", path + dirlen);
  int fd = create_temp (tmp, n + 2);
  FILE *f = fd >= 0 ? fdopen (fd, "w") : NULL;
  if (!f)
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
      return -1;
    }
  a->f = f;
  a->tmp = tmp;
  a->path = dup;
  return 0;
}

/* Forget the names (the struct is then as after a failed open). */
static void
release (lsc_atomic_file *a)
{
  free (a->tmp);
  free (a->path);
  a->f = NULL;
  a->tmp = a->path = NULL;
}

int
lsc_atomic_commit (lsc_atomic_file *a)
{
  if (!a->f)
    {
      errno = EINVAL;
      return -1;
    }
  int e = 0;
  if (fflush (a->f) != 0 || ferror (a->f))
    e = errno ? errno : EIO;
  /* fsync before the rename: after a crash the new name holds the whole
     new content or the old file, never an empty one.  EINVAL: a file
     system without fsync. */
  if (!e && a->tmp && fsync (fileno (a->f)) != 0 && errno != EINVAL)
    e = errno;
  if (fclose (a->f) != 0 && !e)
    e = errno ? errno : EIO;
  if (a->tmp)
    {
      if (!e && rename (a->tmp, a->path) != 0)
        e = errno;
      if (e)
        unlink (a->tmp);
    }
  release (a);
  errno = e;
  return e ? -1 : 0;
}

void
lsc_atomic_discard (lsc_atomic_file *a)
{
  if (!a->f)
    return;
  fclose (a->f);
  if (a->tmp)
    unlink (a->tmp);
  release (a);
}
