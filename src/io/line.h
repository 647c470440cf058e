/* Bounded line reading shared by the library's text readers (matrices,
   the family catalogue): a line longer than a limit is an input error,
   never an unbounded allocation. */
#ifndef LSC_IO_LINE_H
#define LSC_IO_LINE_H

#include <stddef.h>
#include <stdio.h>

/* Read one line of f into *line (grown as needed up to max + 2 bytes; the
   caller frees it), without its newline, NUL-terminated, its length in
   *len.  Returns LSC_SUCCESS, LSC_EOF at the end of input (no bytes
   read), LSC_ELIMIT if the line holds more than max bytes (the rest of
   the line is not read), LSC_ENOMEM if the buffer cannot grow, or
   LSC_EFAILED on a read error (errno kept).  A NUL byte in the line is
   kept; callers treat it as a malformed character. */
int lsc_io_getline (char **line, size_t *cap, size_t *len, FILE *f,
                    size_t max);

#endif
