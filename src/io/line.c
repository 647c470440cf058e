/* Bounded line reading (line.h): getc-level reading into a buffer that
   never grows past the caller's limit. */
#define _POSIX_C_SOURCE 200809L
#include <config.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include "io/line.h"
#include "internal.h"

int
lsc_io_getline (char **line, size_t *cap, size_t *len, FILE *f, size_t max)
{
  size_t n = 0;
  int c, any = 0;
  *len = 0;
  if (max > ((size_t) -1) / 2 - 2)
    max = ((size_t) -1) / 2 - 2;
  if (*cap == 0 || *line == NULL)
    {
      size_t c0 = max + 2 < 256 ? max + 2 : 256;
      char *b = realloc (*line, c0);
      if (!b)
        return LSC_ENOMEM;
      *line = b;
      *cap = c0;
    }
  errno = 0;
  flockfile (f);
  while ((c = getc_unlocked (f)) != EOF)
    {
      any = 1;
      if (c == '\n')
        break;
      if (n == max)
        {
          funlockfile (f);
          (*line)[n] = '\0';
          *len = n;
          return LSC_ELIMIT;
        }
      if (n + 2 > *cap)
        {
          size_t nc = 2 * *cap;
          if (nc > max + 2)
            nc = max + 2;
          char *b = realloc (*line, nc);
          if (!b)
            {
              funlockfile (f);
              return LSC_ENOMEM;
            }
          *line = b;
          *cap = nc;
        }
      (*line)[n++] = (char) c;
    }
  int err = ferror (f);
  funlockfile (f);
  (*line)[n] = '\0';
  *len = n;
  if (err)
    {
      if (errno == 0)
        errno = EIO;
      return LSC_EFAILED;
    }
  return any ? LSC_SUCCESS : LSC_EOF;
}
