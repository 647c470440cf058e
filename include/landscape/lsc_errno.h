/* Status codes and the single error hook of liblandscape. */
#ifndef LSC_ERRNO_H
#define LSC_ERRNO_H

#ifdef __cplusplus
extern "C" {
#endif
#pragma GCC visibility push(default)

/* Every library function that can fail returns one of these.  Codes 1..32
   are numerically equal to GSL's codes of the same meaning; project codes
   start at 64. */
enum {
  LSC_SUCCESS = 0,
  LSC_EDOM = 1,         /* input outside the domain (e.g. a zero row)      */
  LSC_ERANGE = 2,       /* result not representable                        */
  LSC_EFAULT = 3,       /* invalid pointer                                  */
  LSC_EINVAL = 4,       /* invalid argument                                 */
  LSC_EFAILED = 5,      /* generic failure                                  */
  LSC_ENOMEM = 8,       /* allocation failed                                */
  LSC_EMAXITER = 11,    /* iteration limit reached                          */
  LSC_EBADTOL = 13,     /* tolerance out of range                           */
  LSC_EBADLEN = 19,     /* sizes do not match                               */
  LSC_ESING = 21,       /* singular system                                  */
  LSC_EUNSUP = 23,      /* requested feature not supported                  */
  LSC_EOF = 32,         /* unexpected end of input                          */
  LSC_ENOCONV = 64,     /* a solver did not converge                        */
  LSC_ENOTFIX = 65,     /* point is not in the fixed-point space            */
  LSC_ESTEPUNDER = 66,  /* step size underflow (continuation, line search)  */
  LSC_EPREC = 67,       /* requested precision not reached                  */
  LSC_EPARSE = 68,      /* malformed input text                             */
  LSC_ENONFINITE = 69,  /* NaN or infinity in an input                      */
  LSC_ELAPACK = 70,     /* LAPACK reported failure (info != 0)              */
  LSC_EFOLD = 71,       /* continuation stopped at a fold                   */
  LSC_ELIMIT = 72       /* input beyond a size limit (line, matrix, memory) */
};

/* Human-readable message for a status (never NULL). */
const char *lsc_strerror(int status);

/* Stable lower-case token for machine output, e.g. "ok", "edom", "noconv". */
const char *lsc_status_token(int status);

/* The error hook: called by a failing public function with a reason,
   source location and the status it returns; nested calls may report the
   same failure again on its way up, and failures the library recovers from
   itself (a rejected continuation step, a Newton trial point off the
   domain) are reported too, so the hook is a trace, not a count.  The default hook does
   nothing (the library never prints, aborts or exits).  Returns the
   previous hook; NULL restores the default.  The hook is process-wide
   (read atomically) and is called in the failing thread, from several at
   once in a parallel census (lsc_census_drive): it must be reentrant,
   and set before the threads start. */
typedef void lsc_error_handler_t(const char *reason, const char *file,
                                 int line, int status);
lsc_error_handler_t *lsc_set_error_handler(lsc_error_handler_t *handler);

/* Report through the hook (used by the library; public for extensions). */
void lsc_error(const char *reason, const char *file, int line, int status);

#pragma GCC visibility pop
#ifdef __cplusplus
}
#endif
#endif
