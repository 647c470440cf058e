/* Morse indices and multiplicity sums printed exactly (cli.h).  At real d
   a multiplicity is a polynomial in the size n of the large block (1, n-1,
   (n-1)(n-2)/2, n(n-3)/2 times an integer), n = d minus an integer, so
   twice an index is an integer polynomial of degree 2 in d: for a decimal d
   with f digits after the point the index is a decimal with at most 2f+1
   digits after it.  Rounding the double to those digits removes the
   rounding noise of the sum (3.5549999999999997 -> 3.555). */
#include <config.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include "cli.h"

/* Digits after the point of the shortest decimal that is d, or -1 if d
   needs more than 6 of them (not a decimal the user typed). */
static int
decimal_places (double d)
{
  double scale = 1;
  for (int f = 0; f <= 6; f++, scale *= 10)
    {
      double x = d * scale;
      if (fabs (x - nearbyint (x)) <= 8 * 2.220446049250313e-16 * fabs (x))
        return f;
    }
  return -1;
}

void
cli_index_text (char *buf, size_t len, double v, double d)
{
  if (!isfinite (v))
    {
      snprintf (buf, len, "%.17g", v);
      return;
    }
  double r = nearbyint (v);
  if (fabs (v) < 9007199254740992.0
      && fabs (v - r) <= 1e-9 * fmax (1.0, fabs (v)))
    {
      snprintf (buf, len, "%.0f", r == 0 ? 0.0 : r);
      return;
    }
  int f = decimal_places (d);
  /* a value too long for buf in fixed notation (|v| ~ 1e31 and more with
     a 32-byte buffer: d beyond ~1e15) is written in the shortest
     round-trip form, never cut off */
  if (f >= 0 && snprintf (NULL, 0, "%.*f", 2 * f + 1, v) >= (int) len)
    f = -1;
  if (f < 0)
    {
      /* shortest round-trip form */
      for (int p = 1; p <= 17; p++)
        {
          snprintf (buf, len, "%.*g", p, v);
          double back;
          if (sscanf (buf, "%lf", &back) == 1 && back == v)
            return;
        }
      return;
    }
  snprintf (buf, len, "%.*f", 2 * f + 1, v);
  char *dot = strchr (buf, '.');
  if (dot)
    {
      char *e = buf + strlen (buf);
      while (e > dot + 1 && e[-1] == '0')
        *--e = '\0';
      if (e == dot + 1)
        *dot = '\0';
    }
}
