/* The options of the eval and follow jobs checked (lsc_jobs(3)), one rule
   for the tools and the Python bindings. */
#include <config.h>
#include <math.h>
#include <stdio.h>
#include "landscape/lsc_errno.h"
#include "landscape/lsc_jobs.h"

int
lsc_eval_opts_check (const lsc_eval_opts *o, char *err, size_t errlen)
{
  if (errlen)
    err[0] = '\0';
  if (!(o->tol > 0 && o->tol < 1))
    {
      snprintf (err, errlen, "invalid argument '%g' for --tol: must be in "
                "(0, 1)", o->tol);
      return LSC_EINVAL;
    }
  if (!(o->sym_tol > 0 && o->sym_tol < 1)
      || !(o->label_tol > 0 && o->label_tol < 1))
    {
      snprintf (err, errlen, "invalid argument '%g' for --detect-tol: must "
                "be in (0, 1)", !(o->sym_tol > 0 && o->sym_tol < 1)
                ? o->sym_tol : o->label_tol);
      return LSC_EINVAL;
    }
  if (o->prec < 0 || (o->prec > 0 && o->prec < 53) || !(o->max_bytes >= 0))
    {
      snprintf (err, errlen, "--prec must be 0 or at least 53 bits, and the "
                "memory limit not negative");
      return LSC_EINVAL;
    }
  return LSC_SUCCESS;
}

int
lsc_follow_opts_check (const lsc_follow_opts *o, char *err, size_t errlen)
{
  if (errlen)
    err[0] = '\0';
  if (!(o->detect_tol > 0))
    {
      snprintf (err, errlen, "--tol must be positive");
      return LSC_EINVAL;
    }
  /* a largest step below the first one would stop the continuation at
     its first step */
  if (!(o->cont.hmax >= o->cont.h0))
    {
      snprintf (err, errlen, "--max-step must be at least %g", o->cont.h0);
      return LSC_EINVAL;
    }
  return LSC_SUCCESS;
}
