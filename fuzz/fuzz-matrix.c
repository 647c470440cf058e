/* libFuzzer harness: lsc_matrix_read_lines on arbitrary bytes (fmemopen). */
#define _POSIX_C_SOURCE 200809L
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <math.h>
#include "landscape.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static void
quiet (const char *reason, const char *file, int line, int status)
{
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  char err[256];
  double *x = NULL;
  size_t rows = 0, cols = 0, *lines = NULL;
  lsc_set_error_handler (quiet);
  if (size == 0)
    return 0;
  FILE *f = fmemopen ((void *) data, size, "r");
  if (!f)
    return 0;
  memset (err, 'X', sizeof err);
  int rc = lsc_matrix_read_lines (&x, &rows, &cols, &lines, f, "fuzz",
                                  err, sizeof err);
  fclose (f);
  if (rc == LSC_SUCCESS)
    {
      /* Contract: at least one row, a rectangular finite matrix, line
         numbers increasing within the input. */
      if (rows == 0 || cols == 0 || !x || !lines)
        abort ();
      for (size_t i = 0; i < rows * cols; i++)
        if (!isfinite (x[i]))
          abort ();
      for (size_t i = 1; i < rows; i++)
        if (lines[i] <= lines[i - 1])
          abort ();
    }
  else
    {
      /* errbuf always NUL-terminated, and no output on failure. */
      if (!memchr (err, '\0', sizeof err))
        abort ();
      if (rc != LSC_EPARSE && rc != LSC_ENONFINITE && rc != LSC_EOF
          && rc != LSC_ENOMEM && rc != LSC_EFAILED && rc != LSC_ERANGE)
        abort ();
    }
  free (x);
  free (lines);
  return 0;
}
