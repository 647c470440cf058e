/* Status messages, machine tokens and the process-wide error hook. */
#include <config.h>
#include <stdatomic.h>
#include <stddef.h>
#include "landscape/lsc_errno.h"

/* Read by every thread that reports a failure (a parallel census): an
   atomic pointer, so that setting it is never a data race. */
static lsc_error_handler_t *_Atomic current_handler = NULL;

static const struct
{
  int status;
  const char *token;
  const char *message;
} table[] = {
  { LSC_SUCCESS, "ok", "success" },
  { LSC_EDOM, "edom", "input domain error" },
  { LSC_ERANGE, "erange", "result out of range" },
  { LSC_EFAULT, "efault", "invalid pointer" },
  { LSC_EINVAL, "einval", "invalid argument" },
  { LSC_EFAILED, "efailed", "generic failure" },
  { LSC_ENOMEM, "enomem", "out of memory" },
  { LSC_EMAXITER, "emaxiter", "iteration limit reached" },
  { LSC_EBADTOL, "ebadtol", "invalid tolerance" },
  { LSC_EBADLEN, "ebadlen", "sizes do not match" },
  { LSC_ESING, "esing", "singular system" },
  { LSC_EUNSUP, "eunsup", "not supported" },
  { LSC_EOF, "eof", "unexpected end of input" },
  { LSC_ENOCONV, "noconv", "solver did not converge" },
  { LSC_ENOTFIX, "notfix", "point is not in the fixed-point space" },
  { LSC_ESTEPUNDER, "stepunder", "step size underflow" },
  { LSC_EPREC, "eprec", "requested precision not reached" },
  { LSC_EPARSE, "eparse", "malformed input" },
  { LSC_ENONFINITE, "enonfinite", "NaN or infinity in input" },
  { LSC_ELAPACK, "elapack", "LAPACK reported failure" },
  { LSC_EFOLD, "fold", "continuation stopped at a fold" },
  { LSC_ELIMIT, "elimit", "input beyond a size limit" },
};

const char *
lsc_strerror (int status)
{
  for (size_t i = 0; i < sizeof table / sizeof table[0]; i++)
    if (table[i].status == status)
      return table[i].message;
  return "unknown error";
}

const char *
lsc_status_token (int status)
{
  for (size_t i = 0; i < sizeof table / sizeof table[0]; i++)
    if (table[i].status == status)
      return table[i].token;
  return "unknown";
}

lsc_error_handler_t *
lsc_set_error_handler (lsc_error_handler_t *handler)
{
  return atomic_exchange (&current_handler, handler);
}

void
lsc_error (const char *reason, const char *file, int line, int status)
{
  lsc_error_handler_t *h = atomic_load (&current_handler);
  if (h)
    h (reason, file, line, status);
}
