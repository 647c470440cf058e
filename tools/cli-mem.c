/* Resource limits of the landscape-* tools (cli-mem.h): the memory budget
   (--max-memory, or what the machine, its cgroup and the process limits
   allow) and the input bounds of the matrix readers. */
#define _POSIX_C_SOURCE 200809L
#include <config.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>
#include "cli.h"

/* Process-wide setting of the tool (not of the library). */
static double max_memory = 0;   /* 0: not given */
static const char *max_opt = "--max-memory";

void
cli_mem_set_max (const char *opt, const char *arg)
{
  max_memory = cli_parse_bytes (opt, arg);
  max_opt = opt;
}

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
cli_mem_budget (void)
{
  if (max_memory > 0)
    return max_memory;
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

void
cli_mem_check (double bytes, const char *what)
{
  double b = cli_mem_budget ();
  if (bytes <= b)
    return;
  const double gib = 1073741824.0;
  cli_fatal (CLI_EXIT_SYSTEM, "%s needs %.3g GiB, more than the %.3g GiB "
             "%s", what, bytes / gib, b / gib, max_memory > 0
             ? (max_opt[0] ? "allowed by --max-memory" : "allowed")
             : "available (see --max-memory)");
}

static lsc_io_limits io_limits = { LSC_IO_MAX_LINE, LSC_IO_MAX_ENTRIES };

void
cli_limits_set_line (const char *opt, const char *arg)
{
  io_limits.max_line = (size_t) cli_parse_long (opt, arg, 1, 1L << 40);
}

void
cli_limits_set_entries (const char *opt, const char *arg)
{
  io_limits.max_entries = (size_t) cli_parse_long (opt, arg, 1, 1L << 40);
}

const lsc_io_limits *
cli_io_limits (void)
{
  return &io_limits;
}
