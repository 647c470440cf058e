/* Atomic replacement of the tools' output files (write a temporary in the
   same directory, rename on success; cli-atomic.h). */
#define _POSIX_C_SOURCE 200809L
#include <config.h>
#include <errno.h>
#include <signal.h>
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

/* The signals that end a tool by default and after which no temporary
   may stay behind.  The handler only unlinks (async-signal-safe) and
   re-raises the signal with its default action, so the exit status still
   says which signal ended the tool.  The slots are changed only with these
   signals blocked (see block), so the handler never sees half a slot. */
static const int fatal_signals[] = { SIGINT, SIGTERM, SIGHUP, SIGPIPE };
#define NFATAL (sizeof fatal_signals / sizeof fatal_signals[0])

static void
on_signal (int sig)
{
  cleanup_at_exit ();
  signal (sig, SIG_DFL);
  raise (sig);
}

/* Catch the fatal signals, except those the tool was started with
   ignored (nohup ignores SIGHUP: it stays ignored). */
static void
install_handlers (void)
{
  for (size_t i = 0; i < NFATAL; i++)
    {
      struct sigaction old, sa;
      if (sigaction (fatal_signals[i], NULL, &old) != 0
          || old.sa_handler == SIG_IGN)
        continue;
      memset (&sa, 0, sizeof sa);
      sa.sa_handler = on_signal;
      sigemptyset (&sa.sa_mask);
      for (size_t j = 0; j < NFATAL; j++)
        sigaddset (&sa.sa_mask, fatal_signals[j]);
      sigaction (fatal_signals[i], &sa, NULL);
    }
}

/* Block (on = 1) or restore (on = 0) the fatal signals around a change of
   the slots. */
static void
block (int on, sigset_t *saved)
{
  if (on)
    {
      sigset_t set;
      sigemptyset (&set);
      for (size_t j = 0; j < NFATAL; j++)
        sigaddset (&set, fatal_signals[j]);
      sigprocmask (SIG_BLOCK, &set, saved);
    }
  else
    sigprocmask (SIG_SETMASK, saved, NULL);
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
  sigset_t saved;
  block (1, &saved);
  char *tmp = slots[i].tmp, *path = slots[i].path;
  slots[i].f = NULL;
  slots[i].tmp = slots[i].path = NULL;
  block (0, &saved);
  free (tmp);
  free (path);
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
      install_handlers ();
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
  /* from mkstemp to the slot, a signal would leave the temporary behind:
     keep the fatal signals blocked until the slot holds its name */
  sigset_t saved;
  block (1, &saved);
  if ((fd = mkstemp (tmp)) < 0 || fchmod (fd, 0666 & ~mask) != 0)
    {
      block (0, &saved);
      goto fail;
    }
  FILE *f = fdopen (fd, "w");
  if (!f)
    {
      block (0, &saved);
      goto fail;
    }
  slots[i].f = f;
  slots[i].tmp = tmp;
  slots[i].path = dup;
  block (0, &saved);
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
