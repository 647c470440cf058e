/* libFuzzer harness: lsc_isotropy_parse.  Input: a dimension d (text up to
   the first newline, or 20 when there is none), then the spec; then, for an
   accepted group, lsc_young_set_d at hostile dimensions and the restricted
   loss at a point near the identity. */
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
  char err[256], dbuf[64], *spec;
  double d = 20;
  lsc_young G;
  lsc_set_error_handler (quiet);
  if (size > 4096)
    return 0;
  const uint8_t *nl = memchr (data, '\n', size);
  if (nl && (size_t) (nl - data) < sizeof dbuf)
    {
      size_t n = (size_t) (nl - data);
      memcpy (dbuf, data, n);
      dbuf[n] = '\0';
      d = strtod (dbuf, NULL);
      size -= n + 1;
      data = nl + 1;
    }
  spec = malloc (size + 1);
  if (!spec)
    return 0;
  memcpy (spec, data, size);
  spec[size] = '\0';
  memset (err, 'X', sizeof err);
  int rc = lsc_isotropy_parse (&G, spec, d, err, sizeof err);
  free (spec);
  if (rc != LSC_SUCCESS)
    {
      if (rc != LSC_EPARSE && rc != LSC_EDOM && rc != LSC_EINVAL)
        abort ();
      return 0;
    }
  if (lsc_young_check (&G) != LSC_SUCCESS)
    abort ();
  size_t np = lsc_young_nparams (&G);
  if (np == 0 || np > LSC_FAMILY_MAXP)
    abort ();
  /* The restricted loss at p = (1 on DIAG, 0.01 elsewhere): finite or an
     error status, at the parsed d and at hostile ones. */
  double p[LSC_FAMILY_MAXP], g[LSC_FAMILY_MAXP], L;
  static const double ds[] = { 0, 1e9, 1e300, 3.5, 1 };
  /* The restricted loss costs O(np^2): large groups are parsed only, so
     that the parser gets most of the executions. */
  if (np > 24)
    return 0;
  for (size_t t = 0; t < sizeof ds / sizeof ds[0]; t++)
    {
      if (t > 0 && lsc_young_set_d (&G, ds[t]) != LSC_SUCCESS)
        continue;
      for (size_t i = 0; i < np; i++)
        {
          lsc_param_info info;
          if (lsc_young_param (&info, &G, i) != LSC_SUCCESS)
            abort ();
          p[i] = info.kind == LSC_PARAM_DIAG ? 1.0 : 0.01;
        }
      rc = lsc_restricted_grad (&L, g, p, &G);
      if (rc == LSC_SUCCESS)
        {
          if (!isfinite (L))
            abort ();
          for (size_t i = 0; i < np; i++)
            if (!isfinite (g[i]))
              abort ();
        }
    }
  return 0;
}
