/* Output files of the landscape-* tools that are replaced atomically: the
   data go to a temporary file in the destination's directory, renamed over
   the destination only when every write and the close succeeded, so that a
   full disk or an error never leaves a half-written file in place of a good
   one. */
#ifndef LSC_CLI_ATOMIC_H
#define LSC_CLI_ATOMIC_H

#include <stdio.h>

/* Open path for writing.  A regular file (or a new name) gets a temporary
   "DIR/.NAME.XXXXXX" (mode 0666 & ~umask) renamed at commit; anything else
   (/dev/stdout, /dev/full, a FIFO) is opened directly.  "-" means stdout.
   NULL with errno set on failure.  Temporaries not committed are removed at
   exit (also after cli_fatal) and on SIGINT, SIGTERM and SIGHUP (then the
   signal is raised again with its default action, so the tool still dies
   of it; a signal the tool was started with ignored stays ignored).  At
   most 16 open at a time. */
FILE *cli_atomic_open (const char *path);

/* Flush, check and close f, then rename the temporary onto the destination.
   0 on success; on failure -1 with errno set, the temporary removed and the
   destination untouched.  For stdout, flushes and checks only (cli_finish
   closes it). */
int cli_atomic_commit (FILE *f);

/* Close f and remove its temporary, leaving the destination untouched. */
void cli_atomic_discard (FILE *f);

#endif
