/* The memory a job may allocate (lsc_io(3)): what the machine, its
   cgroup and the process limits allow, so that a job too large is
   refused before it allocates instead of being killed. */
#define _POSIX_C_SOURCE 200809L
#include <config.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>
#include "landscape/lsc_io.h"

/* A number (in bytes) from a one-value file; -1 if absent or "max". */
static double
read_value (const char *path)
{
  FILE *f = fopen (path, "r");
  double v = -1;
  char buf[64];
  if (!f)
    return -1;
  if (fgets (buf, sizeof buf, f) && buf[0] >= '0' && buf[0] <= '9')
    v = strtod (buf, NULL);
  fclose (f);
  return v;
}

/* MemAvailable of /proc/meminfo in bytes; -1 if not found. */
static double
mem_available (void)
{
  FILE *f = fopen ("/proc/meminfo", "r");
  char line[256];
  double v = -1;
  if (!f)
    return -1;
  while (fgets (line, sizeof line, f))
    if (strncmp (line, "MemAvailable:", 13) == 0)
      {
        v = strtod (line + 13, NULL) * 1024.0;   /* the file says kB */
        break;
      }
  fclose (f);
  return v;
}

double
lsc_memory_available (void)
{
  /* 90% of what the kernel says is available: the rest of the machine
     goes on allocating while we compute */
  double b = 0.9 * mem_available ();
  if (b < 0)
    {
      long pages = sysconf (_SC_PHYS_PAGES), size = sysconf (_SC_PAGESIZE);
      b = pages > 0 && size > 0 ? 0.9 * (double) pages * (double) size
                                : INFINITY;
    }
  double cmax = read_value ("/sys/fs/cgroup/memory.max");
  if (cmax >= 0)
    {
      double cur = read_value ("/sys/fs/cgroup/memory.current");
      b = fmin (b, 0.9 * (cmax - (cur > 0 ? cur : 0)));
    }
  struct rlimit rl;
  if (getrlimit (RLIMIT_AS, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY)
    b = fmin (b, (double) rl.rlim_cur);
  return b > 0 ? b : 0;
}
