/* The domain column of the catalogue: "LO:KIND,HI:KIND", the interval of d
   where a family's branch exists and the kind of end on each side
   (landscape-families(5)); parse and format, round-trip exact. */
#define _POSIX_C_SOURCE 200809L
#include <config.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <locale.h>
#include <math.h>
#include "landscape/lsc_families.h"
#include "internal.h"

static const char *const kinds[] = { "open", "fold", "edge", "branch",
                                     "failed" };

const char *
lsc_family_end_name (int end)
{
  return end >= LSC_END_OPEN && end <= LSC_END_FAIL ? kinds[end] : "failed";
}

/* "VALUE:KIND" from s up to the delimiter; 0 or -1. */
static int
parse_end (double *v, int *kind, const char *s, size_t len)
{
  char buf[96];
  if (len == 0 || len >= sizeof buf)
    return -1;
  memcpy (buf, s, len);
  buf[len] = '\0';
  char *colon = strchr (buf, ':');
  if (!colon)
    return -1;
  *colon = '\0';
  char *end;
  errno = 0;
  locale_t c = newlocale (LC_NUMERIC_MASK, "C", (locale_t) 0);
  locale_t old = c ? uselocale (c) : (locale_t) 0;
  *v = strtod (buf, &end);
  if (c)
    {
      uselocale (old);
      freelocale (c);
    }
  if (end == buf || *end || errno || !isfinite (*v) || *v < 1)
    return -1;
  for (int k = LSC_END_OPEN; k <= LSC_END_FAIL; k++)
    if (strcmp (colon + 1, kinds[k]) == 0)
      {
        *kind = k;
        return 0;
      }
  return -1;
}

int
lsc_family_domain_parse (lsc_family_domain *dom, const char *s)
{
  if (!dom || !s)
    LSC_ERROR ("lsc_family_domain_parse: NULL argument", LSC_EFAULT);
  const char *comma = strchr (s, ',');
  if (!comma || strchr (comma + 1, ',')
      || parse_end (&dom->lo, &dom->end_lo, s, (size_t) (comma - s))
      || parse_end (&dom->hi, &dom->end_hi, comma + 1, strlen (comma + 1))
      || !(dom->lo <= dom->hi))
    return LSC_EPARSE;
  return LSC_SUCCESS;
}

int
lsc_family_domain_format (char *buf, size_t len,
                          const lsc_family_domain *dom)
{
  if (!buf || !dom || len == 0)
    LSC_ERROR ("lsc_family_domain_format: NULL argument", LSC_EFAULT);
  locale_t c = newlocale (LC_NUMERIC_MASK, "C", (locale_t) 0);
  locale_t old = c ? uselocale (c) : (locale_t) 0;
  int n = snprintf (buf, len, "%.17g:%s,%.17g:%s", dom->lo,
                    lsc_family_end_name (dom->end_lo), dom->hi,
                    lsc_family_end_name (dom->end_hi));
  if (c)
    {
      uselocale (old);
      freelocale (c);
    }
  return n > 0 && (size_t) n < len ? LSC_SUCCESS : LSC_ERANGE;
}
