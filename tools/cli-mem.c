/* Resource limits of the landscape-* tools (cli-mem.h): the memory budget
   (--max-memory, or what the machine, its cgroup and the process limits
   allow) and the input bounds of the matrix readers. */
#define _POSIX_C_SOURCE 200809L
#include <config.h>
#include <math.h>
#include <stdio.h>
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

double
cli_mem_budget (void)
{
  return max_memory > 0 ? max_memory : lsc_memory_available ();
}

const char *
cli_mem_whose (void)
{
  return max_memory > 0 ? (max_opt[0] ? "allowed by --max-memory"
                                      : "allowed")
                        : "available (see --max-memory)";
}

void
cli_mem_check (double bytes, const char *what)
{
  double b = cli_mem_budget ();
  if (bytes <= b)
    return;
  const double gib = 1073741824.0;
  cli_fatal (CLI_EXIT_SYSTEM, "%s needs %.3g GiB, more than the %.3g GiB "
             "%s", what, bytes / gib, b / gib, cli_mem_whose ());
}

void
cli_mem_refuse (const char *msg, double need)
{
  if (isinf (need))
    cli_fatal (CLI_EXIT_SYSTEM, "%s", msg);
  cli_fatal (CLI_EXIT_SYSTEM, "%s %s", msg, cli_mem_whose ());
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
