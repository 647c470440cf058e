/* libFuzzer harness: lsc_catalogue_read on arbitrary bytes (fmemopen), then
   lookups and a check of every loaded family's group. */
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
  lsc_catalogue *cat = NULL;
  lsc_set_error_handler (quiet);
  if (size == 0)
    return 0;
  FILE *f = fmemopen ((void *) data, size, "r");
  if (!f)
    return 0;
  memset (err, 'X', sizeof err);
  int rc = lsc_catalogue_read (&cat, f, "fuzz", err, sizeof err);
  fclose (f);
  if (rc != LSC_SUCCESS)
    {
      if (cat != NULL || !memchr (err, '\0', sizeof err))
        abort ();
      return 0;
    }
  if (!cat)
    abort ();
  for (size_t i = 0; i < cat->n; i++)
    {
      const lsc_family *fa = &cat->fam[i];
      /* Loaded entries are NUL-terminated, valid groups, finite numbers. */
      if (!memchr (fa->name, '\0', sizeof fa->name)
          || !memchr (fa->kind, '\0', sizeof fa->kind)
          || !memchr (fa->description, '\0', sizeof fa->description)
          || !memchr (fa->isotropy, '\0', sizeof fa->isotropy))
        abort ();
      if (lsc_young_check (&fa->G) != LSC_SUCCESS)
        abort ();
      if (fa->nparams != lsc_young_nparams (&fa->G)
          || fa->nparams > LSC_FAMILY_MAXP)
        abort ();
      if (!isfinite (fa->d) || !isfinite (fa->loss))
        abort ();
      for (size_t j = 0; j < fa->nparams; j++)
        if (!isfinite (fa->p[j]))
          abort ();
      if (lsc_catalogue_find (cat, fa->name) == NULL)
        abort ();
    }
  lsc_catalogue_find (cat, "");
  lsc_catalogue_free (cat);
  return 0;
}
