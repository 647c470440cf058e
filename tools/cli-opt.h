/* Option parsing of the landscape-* tools: checked number conversions and
   getopt_long with one-line error messages that name the argument. */
#ifndef LSC_CLI_OPT_H
#define LSC_CLI_OPT_H

#include <stddef.h>
#include <getopt.h>

/* Checked conversions of an option argument, in the C locale whatever the
   process locale: the whole string must be a decimal number (no hex, no
   inf/nan), finite, and for integers within [min, max].  On failure print
   "prog: invalid argument 'ARG' for OPT: reason" and exit 2. */
double cli_parse_double (const char *opt, const char *arg);
long cli_parse_long (const char *opt, const char *arg, long min, long max);

/* A byte count: a positive decimal number with an optional binary suffix
   K, M, G or T (KiB, MiB, GiB, TiB; "B" or "iB" may follow), e.g. 512M,
   1.5G, 2GiB.  Exit 2 on anything else or on a value below 1 MiB. */
double cli_parse_bytes (const char *opt, const char *arg);

/* getopt_long with the tools' error handling: opterr is cleared and an
   unknown, ambiguous or malformed option gives one line
     prog: unrecognized option '--foo' (try --help)
     prog: invalid option -- 'x' (try --help)
     prog: option '--to' requires an argument (try --help)
     prog: option '--help' doesn't allow an argument (try --help)
     prog: option '--f' is ambiguous (try --help)
   naming the argument at fault (also inside a bundle such as -qx), and
   exit 2.  Returns the next option as getopt_long does, or -1. */
int cli_getopt (int argc, char *const *argv, const char *shortopts,
                const struct option *longopts);

#endif
