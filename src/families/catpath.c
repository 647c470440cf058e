/* The one rule that finds the family catalogue (library, tools and the
   Python package all ask lsc_catalogue_default_path): $LANDSCAPE_FAMILIES
   when set; the source tree's data/families.tsv when this library runs
   from its build tree (uninstalled tools, tests, the Python package over
   .libs); else the installed pkgdatadir/families.tsv. */
#define _GNU_SOURCE 1
#include <config.h>
#include <limits.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#ifdef HAVE_DLADDR
#include <dlfcn.h>
#endif
#include "landscape/lsc_families.h"

#ifndef PATH_MAX
#define PATH_MAX 4096
#endif

static pthread_once_t once = PTHREAD_ONCE_INIT;
static char source_catalogue[PATH_MAX];   /* "" when not in the build tree */

/* 1 if the file f (resolved) lies below the directory dir (resolved). */
static int
below (const char *f, const char *dir)
{
  char rf[PATH_MAX], rd[PATH_MAX];
  if (!realpath (f, rf) || !realpath (dir, rd))
    return 0;
  size_t n = strlen (rd);
  return strncmp (rf, rd, n) == 0 && rf[n] == '/';
}

/* The file holding this code: the shared library, or the program that
   linked it statically (/proc/self/exe without dladdr). */
static int
code_file (char *buf, size_t len)
{
#ifdef HAVE_DLADDR
  Dl_info info;
  if (dladdr ((void *) &lsc_catalogue_default_path, &info) && info.dli_fname
      && info.dli_fname[0] == '/' && strlen (info.dli_fname) < len)
    {
      strcpy (buf, info.dli_fname);
      return 0;
    }
#endif
  ssize_t n = readlink ("/proc/self/exe", buf, len - 1);
  if (n <= 0)
    return -1;
  buf[n] = '\0';
  return 0;
}

static void
find_source_catalogue (void)
{
  char self[PATH_MAX];
  source_catalogue[0] = '\0';
  if (code_file (self, sizeof self) || !below (self, LSC_BUILDDIR))
    return;
  /* The source directory as configure saw it may hold "..", as in a
     VPATH build (distcheck): messages name the resolved file. */
  if (!realpath (LSC_SRCDIR "/data/families.tsv", source_catalogue))
    source_catalogue[0] = '\0';
}

const char *
lsc_catalogue_default_path (void)
{
  const char *e = getenv ("LANDSCAPE_FAMILIES");
  if (e && *e)
    return e;
  pthread_once (&once, find_source_catalogue);
  return source_catalogue[0] ? source_catalogue
                             : LSC_PKGDATADIR "/families.tsv";
}

int
lsc_catalogue_selected (const char *list, const char *name)
{
  if (!list)
    return 1;
  if (!name)
    return 0;
  size_t n = strlen (name);
  for (const char *p = list; *p;)
    {
      size_t m = strcspn (p, ",");
      if (m == n && strncmp (p, name, n) == 0)
        return 1;
      p += m + (p[m] == ',');
    }
  return 0;
}
