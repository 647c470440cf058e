/* The tools' atomic output files (cli-atomic.h): lsc_atomic_open(3) does
   the temporary-and-rename; this file keeps only what is process-wide -
   the list of open temporaries, removed at exit and on a fatal signal. */
#define _POSIX_C_SOURCE 200809L
#include <config.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "landscape/lsc_io.h"
#include "cli-atomic.h"

#define NSLOTS 16

/* Open outputs (f NULL: free).  Process-wide state of the tool, not of
   the library. */
static lsc_atomic_file slots[NSLOTS];
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

FILE *
cli_atomic_open (const char *path)
{
  int i = find (NULL);
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
  /* from the temporary's creation to the slot holding its name, a signal
     would leave it behind: the fatal signals stay blocked until then */
  sigset_t saved;
  block (1, &saved);
  int rc = lsc_atomic_open (&slots[i], path);
  int e = errno;
  block (0, &saved);
  errno = e;
  return rc == 0 ? slots[i].f : NULL;
}

/* Commit (ok) or discard slot i with the fatal signals blocked: the
   handler must not read a name being freed. */
static int
finish (int i, int ok)
{
  sigset_t saved;
  block (1, &saved);
  int rc = 0;
  if (ok)
    rc = lsc_atomic_commit (&slots[i]);
  else
    lsc_atomic_discard (&slots[i]);
  int e = errno;
  block (0, &saved);
  errno = e;
  return rc;
}

int
cli_atomic_commit (FILE *f)
{
  if (f == stdout)
    return fflush (f) != 0 || ferror (f) ? -1 : 0;
  int i = f ? find (f) : -1;
  if (i < 0)
    {
      errno = EINVAL;
      return -1;
    }
  return finish (i, 1);
}

void
cli_atomic_discard (FILE *f)
{
  int i = f && f != stdout ? find (f) : -1;
  if (i >= 0)
    finish (i, 0);
}
