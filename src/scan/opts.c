/* The scan's options checked (lsc_scan(3)): tolerances and the digits a
   working precision can hold. */
#include <config.h>
#include <stdio.h>
#include "landscape/lsc_errno.h"
#include "landscape/lsc_scan.h"

/* Decimal digits that prec bits hold: floor (prec log10 2). */
long
lsc_scan_prec_digits (long prec)
{
  return (long) ((double) prec * 0.30103);
}

int
lsc_scan_opts_check (const lsc_scan_opts *o, char *err, size_t errlen)
{
  if (errlen)
    err[0] = '\0';
  if (!(o->ztol > 0 && o->ztol < 1))
    {
      snprintf (err, errlen, "invalid argument '%g' for --tol: must be in "
                "(0, 1)", o->ztol);
      return LSC_EINVAL;
    }
  if (!(o->rtol > 0 && o->rtol < 1) || !(o->full_tol > 0 && o->full_tol < 1))
    {
      snprintf (err, errlen, "the merging and --full tolerances must be in "
                "(0, 1)");
      return LSC_EINVAL;
    }
  if (o->prec < 0 || (o->prec > 0 && o->prec < 53))
    {
      snprintf (err, errlen, "invalid argument '%ld' for --prec: must be at "
                "least 53 bits", o->prec);
      return LSC_EINVAL;
    }
  if (o->digits < 0)
    {
      snprintf (err, errlen, "invalid argument '%d' for --digits: must be "
                "positive", o->digits);
      return LSC_EINVAL;
    }
  /* a double holds 17 significant digits; prec bits about
     prec log10 2 of them: more would print digits that are noise */
  if (o->digits > 17 && !o->prec)
    {
      snprintf (err, errlen, "invalid argument '%d' for --digits: more than "
                "17 needs --prec", o->digits);
      return LSC_EINVAL;
    }
  if (o->prec && o->digits > lsc_scan_prec_digits (o->prec))
    {
      snprintf (err, errlen, "invalid argument '%d' for --digits: %ld bits "
                "hold about %ld digits", o->digits, o->prec,
                lsc_scan_prec_digits (o->prec));
      return LSC_EINVAL;
    }
  return LSC_SUCCESS;
}
