/* Tests of the matrix reader (lsc_io.h): formats accepted, every error
   status provoked, CRLF, comments, exponents, very long lines, random
   inputs. */
#define _POSIX_C_SOURCE 200809L
#include <config.h>
#include <locale.h>
#include <stdint.h>
#include <unistd.h>
#include "landscape/lsc_io.h"
#include "landscape/lsc_errno.h"
#include "testutil.h"

static char err[256];
static double *M;
static size_t R, C;

/* Parse the n bytes of s through fmemopen; the matrix lands in M, R, C. */
static int
parse_n (const char *s, size_t n)
{
  free (M);
  M = NULL;
  R = C = 0;
  /* fmemopen on 0 bytes is not portable: use an empty tmpfile then. */
  FILE *f = n ? fmemopen ((void *) s, n, "r") : tmpfile ();
  CU_ASSERT_PTR_NOT_NULL_FATAL (f);
  int rc = lsc_matrix_read (&M, &R, &C, f, "in.txt", err, sizeof err);
  fclose (f);
  return rc;
}

static int
parse (const char *s)
{
  return parse_n (s, strlen (s));
}

/* Assert a failure with status st whose message contains each of a, b. */
static void
expect_fail (const char *s, int st, const char *a, const char *b)
{
  int rc = parse (s);
  CU_ASSERT_EQUAL (rc, st);
  CU_ASSERT_PTR_NULL (M);
  CU_ASSERT_PTR_NOT_NULL (strstr (err, a));
  if (b)
    CU_ASSERT_PTR_NOT_NULL (strstr (err, b));
  CU_ASSERT_PTR_NULL (strchr (err, '\n'));
  if (rc != st || !strstr (err, a) || (b && !strstr (err, b)))
    fprintf (stderr, "\n  input '%s': rc %d, message '%s'\n", s, rc, err);
}

static void
test_basic (void)
{
  CU_ASSERT_EQUAL (parse ("1 2 3\n4 5 6\n"), LSC_SUCCESS);
  CU_ASSERT (R == 2 && C == 3);
  for (int i = 0; i < 6; i++)
    CU_ASSERT_EQUAL (M[i], i + 1.0);
  /* TSV, no final newline, blanks around TABs. */
  CU_ASSERT_EQUAL (parse ("1\t2\n3 \t 4"), LSC_SUCCESS);
  CU_ASSERT (R == 2 && C == 2 && M[3] == 4.0);
  /* Runs of blanks, leading and trailing blanks. */
  CU_ASSERT_EQUAL (parse ("   -1    2  \n"), LSC_SUCCESS);
  CU_ASSERT (R == 1 && C == 2 && M[0] == -1.0 && M[1] == 2.0);
}

static void
test_comments_blank_lines (void)
{
  const char *s = "# header\n\n  \n1 2 # trailing\n#x y\n\n3 4\n# end";
  FILE *f = fmemopen ((void *) s, strlen (s), "r");
  size_t *lines = NULL;
  free (M);
  M = NULL;
  CU_ASSERT_EQUAL (lsc_matrix_read_lines (&M, &R, &C, &lines, f, "c",
                                          err, sizeof err), LSC_SUCCESS);
  fclose (f);
  CU_ASSERT (R == 2 && C == 2 && M[0] == 1 && M[3] == 4);
  CU_ASSERT_PTR_NOT_NULL_FATAL (lines);
  CU_ASSERT_EQUAL (lines[0], 4);
  CU_ASSERT_EQUAL (lines[1], 7);
  free (lines);
  CU_ASSERT_STRING_EQUAL (err, "");
}

static void
test_crlf (void)
{
  CU_ASSERT_EQUAL (parse ("1 2\r\n3 4\r\n"), LSC_SUCCESS);
  CU_ASSERT (R == 2 && C == 2 && M[1] == 2 && M[3] == 4);
  CU_ASSERT_EQUAL (parse ("1\t2\r\n# c\r\n\r\n3\t4\r\n"), LSC_SUCCESS);
  CU_ASSERT (R == 2 && C == 2 && M[2] == 3);
  /* A CR inside a line is not a separator. */
  expect_fail ("1\r2\n", LSC_EPARSE, "in.txt:1:", "1?2");
}

static void
test_exponents (void)
{
  /* Expected values are C literals, converted by the compiler, not by the
     run-time strtod under test. */
  CU_ASSERT_EQUAL (parse ("1e3 -2.5E-2 +.5 5. 0.1 -0 1E+2 007\n"),
                   LSC_SUCCESS);
  const double want[] = { 1e3, -2.5E-2, .5, 5., 0.1, -0.0, 1E+2, 7 };
  CU_ASSERT_EQUAL_FATAL (C, 8);
  for (int i = 0; i < 8; i++)
    CU_ASSERT_EQUAL (M[i], want[i]);
  CU_ASSERT (signbit (M[5]));
  /* Extremes: largest finite, smallest subnormal, underflow to zero. */
  CU_ASSERT_EQUAL (parse ("1.7976931348623157e308 4.9406564584124654e-324 "
                          "1e-400 -2.2250738585072014E-308\n"), LSC_SUCCESS);
  CU_ASSERT_EQUAL (M[0], 1.7976931348623157e308);
  CU_ASSERT_EQUAL (M[1], 4.9406564584124654e-324);
  CU_ASSERT_EQUAL (M[2], 0.0);
  CU_ASSERT_EQUAL (M[3], -2.2250738585072014E-308);
  /* Round trip of %.17g for awkward values. */
  const double rt[] = { 0.1, 1.0 / 3.0, -2.0 / 7.0, 6.02214076e23,
                        0.090845056908730544 };
  char buf[256] = "";
  for (int i = 0; i < 5; i++)
    snprintf (buf + strlen (buf), sizeof buf - strlen (buf), "%.17g\t",
              rt[i]);
  buf[strlen (buf) - 1] = '\n';
  CU_ASSERT_EQUAL (parse (buf), LSC_SUCCESS);
  for (int i = 0; i < 5; i++)
    CU_ASSERT_EQUAL (M[i], rt[i]);
}

static void
test_parse_errors (void)
{
  expect_fail ("1.0abc 2\n", LSC_EPARSE, "in.txt:1: field 1", "'1.0abc'");
  expect_fail ("1 2\n3 0x10\n", LSC_EPARSE, "in.txt:2: field 2", "0x10");
  expect_fail ("1,5 2\n", LSC_EPARSE, "in.txt:1:", "'1,5'");
  expect_fail (". 1\n", LSC_EPARSE, "in.txt:1:", "'.'");
  expect_fail ("e5\n", LSC_EPARSE, "in.txt:1:", "'e5'");
  expect_fail ("1e\n", LSC_EPARSE, "in.txt:1:", "'1e'");
  expect_fail ("1e+\n", LSC_EPARSE, "in.txt:1:", NULL);
  expect_fail ("--1\n", LSC_EPARSE, "in.txt:1:", NULL);
  expect_fail ("1.2.3\n", LSC_EPARSE, "in.txt:1:", NULL);
  expect_fail ("1 2;\n", LSC_EPARSE, "in.txt:1: field 2", NULL);
  /* Empty TSV fields. */
  expect_fail ("1\t\t2\n", LSC_EPARSE, "in.txt:1:", "empty field");
  expect_fail ("1\t \t2\n", LSC_EPARSE, "in.txt:1:", "empty field");
  expect_fail ("1\t2\n\t3\t4\n", LSC_EPARSE, "in.txt:2:", "empty field");
  expect_fail ("1\t2\t\n", LSC_EPARSE, "in.txt:1:", "empty field");
  /* Ragged rows, both directions; the line number counts comments. */
  expect_fail ("1 2 3\n# c\n4 5\n", LSC_EPARSE, "in.txt:3:",
               "expected 3 fields (as on line 1), found 2");
  expect_fail ("\n1\n2 3\n", LSC_EPARSE, "in.txt:3:",
               "expected 1 fields (as on line 2), found 2");
  /* An embedded NUL byte is an invalid character, not an end of line. */
  {
    static const char s[] = "1 2\n3 4\0 5\n";
    CU_ASSERT_EQUAL (parse_n (s, sizeof s - 1), LSC_EPARSE);
    CU_ASSERT_PTR_NOT_NULL (strstr (err, "in.txt:2:"));
  }
  /* Long garbage is quoted in truncated form: the message stays short. */
  char big[400];
  memset (big, 'x', sizeof big - 2);
  big[sizeof big - 2] = '\n';
  big[sizeof big - 1] = '\0';
  expect_fail (big, LSC_EPARSE, "in.txt:1:", "...");
  CU_ASSERT (strlen (err) < 120);
}

static void
test_nonfinite (void)
{
  expect_fail ("1 nan\n", LSC_ENONFINITE, "in.txt:1: field 2", "'nan'");
  expect_fail ("NaN(123)\n", LSC_ENONFINITE, "in.txt:1:", NULL);
  expect_fail ("inf\n", LSC_ENONFINITE, "in.txt:1:", "'inf'");
  expect_fail ("1\n-Infinity\n", LSC_ENONFINITE, "in.txt:2:", NULL);
  expect_fail ("+INF\n", LSC_ENONFINITE, "in.txt:1:", NULL);
  expect_fail ("1e309\n", LSC_ENONFINITE, "in.txt:1:", "overflows");
  expect_fail ("-1.8e308\n", LSC_ENONFINITE, "in.txt:1:", "overflows");
  /* "info" is not a spelling of infinity: a parse error. */
  expect_fail ("info\n", LSC_EPARSE, "in.txt:1:", NULL);
}

static void
test_empty (void)
{
  expect_fail ("", LSC_EOF, "in.txt: ", "empty");
  expect_fail ("\n\n   \n", LSC_EOF, "in.txt: ", "empty");
  expect_fail ("# only a comment\n# another\r\n", LSC_EOF, "in.txt: ", NULL);
}

static void
test_long_lines (void)
{
  /* Two rows of 100000 fields each (about 1.1 MB of text). */
  const size_t n = 100000;
  size_t cap = 2 * n * 12 + 16, len = 0;
  char *s = malloc (cap);
  CU_ASSERT_PTR_NOT_NULL_FATAL (s);
  for (size_t r = 0; r < 2; r++)
    {
      for (size_t j = 0; j < n; j++)
        len += (size_t) snprintf (s + len, cap - len, "%zu%c",
                                  r * n + j, j + 1 < n ? '\t' : '\n');
    }
  CU_ASSERT_EQUAL (parse_n (s, len), LSC_SUCCESS);
  CU_ASSERT (R == 2 && C == n);
  int ok = 1;
  for (size_t i = 0; i < 2 * n && M; i++)
    ok &= M[i] == (double) i;
  CU_ASSERT (ok);
  /* One number spelled with 20000 digits: 0.000...0125 = 1.25e-19997
     underflows to zero, and 1 followed by zeros with a long fraction. */
  len = 0;
  len += (size_t) snprintf (s, cap, "0.");
  memset (s + len, '0', 19996);
  len += 19996;
  len += (size_t) snprintf (s + len, cap - len, "125 1");
  memset (s + len, '0', 300);
  len += 300;
  len += (size_t) snprintf (s + len, cap - len, "e-300\n");
  CU_ASSERT_EQUAL (parse_n (s, len), LSC_SUCCESS);
  CU_ASSERT (C == 2 && M[0] == 0.0 && M[1] == 1.0);
  free (s);
}

static int hook_calls, hook_status;
static void
hook (const char *reason, const char *file, int line, int status)
{
  hook_calls++;
  hook_status = status;
}

static void
test_hook_and_errbuf (void)
{
  lsc_error_handler_t *old = lsc_set_error_handler (hook);
  hook_calls = 0;
  CU_ASSERT_EQUAL (parse ("1 x\n"), LSC_EPARSE);
  CU_ASSERT_EQUAL (hook_calls, 1);
  CU_ASSERT_EQUAL (hook_status, LSC_EPARSE);
  hook_calls = 0;
  CU_ASSERT_EQUAL (parse ("1 2\n"), LSC_SUCCESS);
  CU_ASSERT_EQUAL (hook_calls, 0);
  /* Tiny and absent message buffers. */
  free (M);
  M = NULL;
  char small[8];
  FILE *f = fmemopen ((void *) "nan\n", 4, "r");
  CU_ASSERT_EQUAL (lsc_matrix_read (&M, &R, &C, f, "a-long-name", small,
                                    sizeof small), LSC_ENONFINITE);
  fclose (f);
  CU_ASSERT_EQUAL (strlen (small), sizeof small - 1);
  f = fmemopen ((void *) "1 2\n3\n", 6, "r");
  CU_ASSERT_EQUAL (lsc_matrix_read (&M, &R, &C, f, NULL, NULL, 0),
                   LSC_EPARSE);
  fclose (f);
  /* Null arguments. */
  hook_calls = 0;
  CU_ASSERT_EQUAL (lsc_matrix_read (&M, &R, &C, NULL, "x", err, sizeof err),
                   LSC_EFAULT);
  CU_ASSERT_EQUAL (lsc_matrix_read_file (&M, &R, &C, NULL, err, sizeof err),
                   LSC_EFAULT);
  CU_ASSERT_EQUAL (hook_calls, 2);
  M = NULL;
  lsc_set_error_handler (old);
}

static void
test_read_file (void)
{
  char path[] = "/tmp/t-io-XXXXXX";
  int fd = mkstemp (path);
  CU_ASSERT_FATAL (fd >= 0);
  const char *s = "# W\n1 0\n0 1\n";
  CU_ASSERT_EQUAL (write (fd, s, strlen (s)), (ssize_t) strlen (s));
  close (fd);
  CU_ASSERT_EQUAL (lsc_matrix_read_file (&M, &R, &C, path, err, sizeof err),
                   LSC_SUCCESS);
  CU_ASSERT (R == 2 && C == 2 && M[0] == 1 && M[1] == 0 && M[3] == 1);
  free (M);
  M = NULL;
  unlink (path);
  /* Missing file: an input error (LSC_EINVAL) naming the path and the
     reason. */
  CU_ASSERT_EQUAL (lsc_matrix_read_file (&M, &R, &C, path, err, sizeof err),
                   LSC_EINVAL);
  CU_ASSERT_PTR_NOT_NULL (strstr (err, path));
  CU_ASSERT_PTR_NOT_NULL (strstr (err, "No such file"));
  /* A directory opens but cannot be read: the caller's mistake
     (LSC_EINVAL, as for a missing file), not a system failure. */
  CU_ASSERT_EQUAL (lsc_matrix_read_file (&M, &R, &C, "/", err, sizeof err),
                   LSC_EINVAL);
  CU_ASSERT_PTR_NOT_NULL (strstr (err, "/: read error"));
}

/* The process locale must not matter: under a locale with a decimal comma
   (when one is installed) "1.5" still reads as 1.5, and the locale is
   left as it was. */
static void
test_locale (void)
{
  static const char *const names[] = { "de_DE.UTF-8", "fr_FR.UTF-8",
                                       "de_DE", "ru_RU.UTF-8", NULL };
  const char *set = NULL;
  for (int i = 0; names[i] && !set; i++)
    set = setlocale (LC_NUMERIC, names[i]);
  if (!set || strcmp (localeconv ()->decimal_point, ",") != 0)
    {
      setlocale (LC_NUMERIC, "C");
      /* No decimal-comma locale installed; one can be supplied with
         localedef -i de_DE -f UTF-8 DIR/de_DE.UTF-8 and LOCPATH=DIR. */
      printf ("(skipped: no decimal-comma locale) ");
      return;
    }
  CU_ASSERT_EQUAL_FATAL (parse ("1.5 -2.25e1\n"), LSC_SUCCESS);
  CU_ASSERT (M[0] == 1.5 && M[1] == -22.5);
  CU_ASSERT_STRING_EQUAL (localeconv ()->decimal_point, ",");
  setlocale (LC_NUMERIC, "C");
}

/* Random inputs from an alphabet rich in separators and number pieces:
   never a crash, always a documented status, consistent sizes. */
static void
test_random_inputs (void)
{
  static const char alpha[] = "0123456789.eE+-\t  #\r\n\nnaifx\0";
  uint64_t x = 0x9E3779B97F4A7C15u;
  char s[96];
  int bad = 0, okcount = 0;
  for (int t = 0; t < 5000; t++)
    {
      size_t n = 1 + t % 95;
      for (size_t i = 0; i < n; i++)
        {
          x ^= x << 13, x ^= x >> 7, x ^= x << 17;
          s[i] = alpha[x % (sizeof alpha - 1)];
        }
      int rc = parse_n (s, n);
      if (rc == LSC_SUCCESS)
        {
          okcount++;
          bad += !M || R == 0 || C == 0;
          for (size_t i = 0; M && i < R * C; i++)
            bad += !isfinite (M[i]);
        }
      else
        bad += !(rc == LSC_EPARSE || rc == LSC_ENONFINITE || rc == LSC_EOF)
          || M != NULL || strchr (err, '\n') != NULL
          || strncmp (err, "in.txt:", 7) != 0;
    }
  CU_ASSERT_EQUAL (bad, 0);
  CU_ASSERT (okcount > 100);   /* the alphabet does produce valid input */
}

int
main (void)
{
  static const lsc_test_case cases[] = {
    { "basic", test_basic },
    { "comments and blank lines", test_comments_blank_lines },
    { "CRLF line endings", test_crlf },
    { "exponent formats and extremes", test_exponents },
    { "parse errors", test_parse_errors },
    { "NaN, inf, overflow", test_nonfinite },
    { "empty input", test_empty },
    { "very long lines", test_long_lines },
    { "error hook and message buffers", test_hook_and_errbuf },
    { "read from a file", test_read_file },
    { "independent of the process locale", test_locale },
    { "random inputs", test_random_inputs },
    { NULL, NULL }
  };
  int rc = lsc_test_run ("io", cases);
  free (M);
  return rc;
}
