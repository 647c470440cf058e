/* The table writer, number part (lsc_table.h, report_impl.h): the number
   grammars (JSON, and the decimal literals of the tools' options), decimal strings rounded to significant digits, Morse
   indices as exact text and isotropy specs in LaTeX. */
#define _POSIX_C_SOURCE 200809L
#include <config.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "report_impl.h"

static int
is_digit (char c)
{
  return c >= '0' && c <= '9';
}

/* 1 if s is empty or an exponent [eE][+-]?d+ and nothing more. */
static int
exponent_ends (const char *s)
{
  if (*s == 'e' || *s == 'E')
    {
      s++;
      if (*s == '+' || *s == '-')
        s++;
      if (!is_digit (*s))
        return 0;
      while (is_digit (*s))
        s++;
    }
  return *s == '\0';
}

static int
is_json_number (const char *s)
{
  if (*s == '-')
    s++;
  if (*s == '0')
    s++;
  else if (*s >= '1' && *s <= '9')
    while (is_digit (*s))
      s++;
  else
    return 0;
  if (*s == '.')
    {
      if (!is_digit (*++s))
        return 0;
      while (is_digit (*s))
        s++;
    }
  return exponent_ends (s);
}

/* [+-](d+[.d*]|.d+)([eE][+-]d+)? */
static int
is_decimal (const char *s)
{
  size_t mant = 0;
  if (*s == '+' || *s == '-')
    s++;
  for (; is_digit (*s); s++)
    mant++;
  if (*s == '.')
    for (s++; is_digit (*s); s++)
      mant++;
  return mant > 0 && exponent_ends (s);
}

int
lsc_table_number_syntax (const char *s, int grammar)
{
  if (!s)
    return 0;
  if (grammar == LSC_TABLE_NUMBER_JSON)
    return is_json_number (s);
  if (grammar == LSC_TABLE_NUMBER_DECIMAL)
    return is_decimal (s);
  return 0;
}

void
lsc_table_isotropy_tex (char *buf, size_t len, const char *spec)
{
  size_t k = 0;
  long sum = 0, nb = 0;
  char blocks[512] = "";
  const char *p;
  /* spec[4] is read only after the first four characters matched (a
     shorter spec ends before it) */
  if (strncmp (spec, "kd:L", 4) != 0 || (spec[4] && spec[4] != ','))
    goto verbatim;
  p = spec[4] ? spec + 5 : spec + 4;
  while (*p)
    {
      char *end;
      long b = strtol (p, &end, 10);
      if (end == p || b <= 0 || b > 100000 || (*end && *end != ','))
        goto verbatim;
      sum += b;
      nb++;
      k += (size_t) snprintf (blocks + k, k < sizeof blocks
                              ? sizeof blocks - k : 0,
                              "\\times S_{%ld}", b);
      if (k >= sizeof blocks)
        goto verbatim;
      p = *end ? end + 1 : end;
    }
  if (nb == 0)
    snprintf (buf, len, "$\\Delta S_{d}$");
  else
    snprintf (buf, len, "$\\Delta(S_{d-%ld}%s)$", sum, blocks);
  return;
verbatim:
  k = 0;
  for (; *spec && k + 3 < len; spec++)
    {
      if (strchr ("&%$#_{}", *spec))
        buf[k++] = '\\';
      buf[k++] = *spec;
    }
  buf[k] = '\0';
}

/* Round the decimal digits of s (sign, digits, optional point, optional
   exponent) to digits significant digits, half to even on an exact tie
   of the digits given. */
char *
lsc_rpt_round_decimal (const char *s, int digits)
{
  const char *p = s;
  int neg = 0;
  if (*p == '-' || *p == '+')
    neg = *p++ == '-';
  char m[512];
  size_t nm = 0;
  long point = -1, exp10 = 0;   /* digits before the point */
  for (; (*p >= '0' && *p <= '9') || *p == '.'; p++)
    {
      if (*p == '.')
        {
          if (point >= 0)
            return strdup (s);
          point = (long) nm;
        }
      else if (nm + 1 < sizeof m)
        m[nm++] = *p;
      else
        return strdup (s);
    }
  if (point < 0)
    point = (long) nm;
  if (*p == 'e' || *p == 'E')
    {
      char *end;
      exp10 = strtol (p + 1, &end, 10);
      p = end;
    }
  if (*p || nm == 0 || (point == (long) nm && !strpbrk (s, "eE")))
    return strdup (s);     /* not a number, or an integer (a count) */
  /* leading zeros are not significant */
  size_t lead = 0;
  while (lead < nm && m[lead] == '0')
    lead++;
  if (lead == nm || nm - lead <= (size_t) digits)
    return strdup (s);
  size_t cut = lead + (size_t) digits;    /* keep m[0..cut) */
  int up = m[cut] > '5';
  if (m[cut] == '5')
    {
      int rest = 0;
      for (size_t i = cut + 1; i < nm; i++)
        rest |= m[i] != '0';
      up = rest || (m[cut - 1] - '0') % 2 == 1;
    }
  long e10 = point + exp10;             /* value = 0.m * 10^e10 */
  if (up)
    {
      size_t i = cut;
      while (i > 0 && m[i - 1] == '9')
        m[--i] = '0';
      if (i == 0)
        {
          memmove (m + 1, m, cut);
          m[0] = '1';
          cut++;
          e10++;
        }
      else
        m[i - 1]++;
    }
  m[cut] = '\0';
  /* print as %g would: the significant digits d1.d2... and an exponent,
     fixed notation when -4 <= exponent < digits.  The carry may have
     moved the first significant digit left (0.0999 -> 0.1000): count the
     leading zeros again from the start. */
  lead = 0;
  while (lead < cut && m[lead] == '0')
    lead++;
  const char *sig = m + lead;
  size_t ns = strlen (sig);
  while (ns > 1 && sig[ns - 1] == '0')
    ns--;
  long e = e10 - (long) lead - 1;       /* exponent of the first digit */
  char out[600];
  size_t k = 0;
  if (neg)
    out[k++] = '-';
  if (e >= -4 && e < digits)
    {
      if (e < 0)
        {
          k += (size_t) snprintf (out + k, sizeof out - k, "0.");
          for (long z = -1; z > e; z--)
            out[k++] = '0';
          memcpy (out + k, sig, ns);
          k += ns;
        }
      else
        for (size_t i = 0; i < ns || (long) i <= e; i++)
          {
            if ((long) i == e + 1)
              out[k++] = '.';
            out[k++] = i < ns ? sig[i] : '0';
          }
      out[k] = '\0';
      if (strchr (out, '.') && k > 0 && out[k - 1] == '.')
        out[--k] = '\0';
    }
  else
    {
      out[k++] = sig[0];
      if (ns > 1)
        {
          out[k++] = '.';
          memcpy (out + k, sig + 1, ns - 1);
          k += ns - 1;
        }
      snprintf (out + k, sizeof out - k, "e%s%02ld", e < 0 ? "-" : "+",
                e < 0 ? -e : e);
    }
  return strdup (out);
}

/* Morse indices and multiplicity sums printed exactly.  At real d a
   multiplicity is a polynomial in the size n of the large block (1, n-1,
   (n-1)(n-2)/2, n(n-3)/2 times an integer), n = d minus an integer, so
   twice an index is an integer polynomial of degree 2 in d: for a decimal
   d with f digits after the point the index is a decimal with at most
   2f+1 digits after it.  Rounding the double to those digits removes the
   rounding noise of the sum (3.5549999999999997 -> 3.555). */
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
lsc_table_index_text (char *buf, size_t len, double v, double d)
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
