/* The memory budget of a landscape-* tool: large allocations are sized
   first and refused with a one-line message when they exceed what the
   machine has, instead of being killed by the out-of-memory killer. */
#ifndef LSC_CLI_MEM_H
#define LSC_CLI_MEM_H

#include "landscape/lsc_io.h"

/* Set the budget from a --max-memory argument (cli_parse_bytes syntax:
   512M, 4G, ...); exits 2 on a malformed value. */
void cli_mem_set_max (const char *opt, const char *arg);

/* Bytes the tool may allocate: the --max-memory value if given, else
   lsc_memory_available (3). */
double cli_mem_budget (void);

/* Exit 3 with "prog: WHAT needs N GiB, more than the M GiB available
   (--max-memory)" if bytes exceeds cli_mem_budget (); else return. */
void cli_mem_check (double bytes, const char *what);

/* Whose budget it is, the end of cli_mem_check's message: "allowed by
   --max-memory" or "available (see --max-memory)". */
const char *cli_mem_whose (void);

/* Exit 3 with a refusal of lsc_census_memory_check: msg, and whose
   budget was exceeded unless need is infinite (LAPACK's integers). */
void cli_mem_refuse (const char *msg, double need);

/* The input bounds of the tool's matrix readers (lsc_io.h): the library
   defaults (1 MiB lines, 2^24 numbers) unless changed by --max-line and
   --max-entries, which these parse (1 .. 2^40; exit 2 otherwise). */
void cli_limits_set_line (const char *opt, const char *arg);
void cli_limits_set_entries (const char *opt, const char *arg);
const lsc_io_limits *cli_io_limits (void);

#endif
