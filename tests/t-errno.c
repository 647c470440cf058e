/* Tests of the status codes, their messages and tokens, and the error hook. */
#include <config.h>
#include "landscape/lsc_errno.h"
#include "landscape/lsc_spectrum.h"
#include "testutil.h"

/* Every code declared in lsc_errno.h, with its numeric value as documented
   there (codes 1..32 equal GSL's of the same meaning). */
static const struct
{
  int code, value;
} codes[] = {
  { LSC_SUCCESS, 0 }, { LSC_EDOM, 1 }, { LSC_ERANGE, 2 }, { LSC_EFAULT, 3 },
  { LSC_EINVAL, 4 }, { LSC_EFAILED, 5 }, { LSC_ENOMEM, 8 },
  { LSC_EMAXITER, 11 }, { LSC_EBADTOL, 13 }, { LSC_EBADLEN, 19 },
  { LSC_ESING, 21 }, { LSC_EUNSUP, 23 }, { LSC_EOF, 32 },
  { LSC_ENOCONV, 64 }, { LSC_ENOTFIX, 65 }, { LSC_ESTEPUNDER, 66 },
  { LSC_EPREC, 67 }, { LSC_EPARSE, 68 }, { LSC_ENONFINITE, 69 },
  { LSC_ELAPACK, 70 }, { LSC_EFOLD, 71 },
  { LSC_ELIMIT, 72 },
};
#define NCODES (sizeof codes / sizeof codes[0])

/* Values and tokens are stable: part of the machine-readable output. */
static void
test_values (void)
{
  for (size_t i = 0; i < NCODES; i++)
    CU_ASSERT_EQUAL (codes[i].code, codes[i].value);
  CU_ASSERT_STRING_EQUAL (lsc_status_token (LSC_SUCCESS), "ok");
  CU_ASSERT_STRING_EQUAL (lsc_status_token (LSC_EDOM), "edom");
}

/* Messages and tokens exist for every code; tokens and messages are
   pairwise distinct, tokens are lower case without blanks. */
static void
test_strings (void)
{
  const char *unknown_msg = lsc_strerror (12345);
  const char *unknown_tok = lsc_status_token (12345);
  for (size_t i = 0; i < NCODES; i++)
    {
      const char *m = lsc_strerror (codes[i].code);
      const char *t = lsc_status_token (codes[i].code);
      CU_ASSERT_PTR_NOT_NULL_FATAL (m);
      CU_ASSERT_PTR_NOT_NULL_FATAL (t);
      CU_ASSERT (strlen (m) > 0 && strlen (t) > 0);
      CU_ASSERT (strcmp (m, unknown_msg) != 0);
      CU_ASSERT (strcmp (t, unknown_tok) != 0);
      for (const char *c = t; *c; c++)
        CU_ASSERT ((*c >= 'a' && *c <= 'z') || (*c >= '0' && *c <= '9')
                   || *c == '_');
      for (size_t j = 0; j < i; j++)
        {
          CU_ASSERT (strcmp (t, lsc_status_token (codes[j].code)) != 0);
          CU_ASSERT (strcmp (m, lsc_strerror (codes[j].code)) != 0);
        }
    }
}

/* Codes that are not declared get the non-NULL "unknown" answers. */
static void
test_unknown (void)
{
  static const int bad[] = { -1, 6, 7, 33, 63, 73, 1000, -2147483647 - 1 };
  for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
    {
      const char *m = lsc_strerror (bad[i]), *t = lsc_status_token (bad[i]);
      CU_ASSERT_PTR_NOT_NULL_FATAL (m);
      CU_ASSERT_PTR_NOT_NULL_FATAL (t);
      CU_ASSERT_STRING_EQUAL (t, "unknown");
      for (size_t j = 0; j < NCODES; j++)
        CU_ASSERT (strcmp (t, lsc_status_token (codes[j].code)) != 0);
    }
}

/* ---- the hook ---- */
static int calls_a, calls_b, last_line, last_status;
static char last_reason[256], last_file[256];

static void
hook_a (const char *reason, const char *file, int line, int status)
{
  calls_a++;
  snprintf (last_reason, sizeof last_reason, "%s", reason ? reason : "");
  snprintf (last_file, sizeof last_file, "%s", file ? file : "");
  last_line = line;
  last_status = status;
}

static void
hook_b (const char *reason, const char *file, int line, int status)
{
  calls_b++;
}

/* lsc_set_error_handler returns the previous hook; NULL restores the
   silent default. */
static void
test_set_handler (void)
{
  lsc_error_handler_t *orig = lsc_set_error_handler (hook_a);
  CU_ASSERT_PTR_NULL (orig);   /* the default hook is no hook */
  CU_ASSERT_PTR_EQUAL (lsc_set_error_handler (hook_b), hook_a);
  CU_ASSERT_PTR_EQUAL (lsc_set_error_handler (NULL), hook_b);
  CU_ASSERT_PTR_NULL (lsc_set_error_handler (orig));
}

/* A failing library function calls the hook exactly once, with its reason,
   its source file and line, and the status it returns. */
static void
test_hook_receives (void)
{
  lsc_error_handler_t *old = lsc_set_error_handler (hook_a);
  double A = 1.0;
  calls_a = 0;
  last_line = 0;
  last_status = -1;
  int st = lsc_eigen_symm (NULL, NULL, &A, 1, NULL);
  CU_ASSERT_EQUAL (st, LSC_EFAULT);
  CU_ASSERT_EQUAL (calls_a, 1);
  CU_ASSERT_EQUAL (last_status, st);
  CU_ASSERT (strlen (last_reason) > 0);
  CU_ASSERT (strstr (last_file, "eigen.c") != NULL);
  CU_ASSERT (last_line > 0);

  /* a direct lsc_error call passes its arguments through unchanged */
  calls_a = 0;
  lsc_error ("custom reason", "some/file.c", 42, LSC_EPREC);
  CU_ASSERT_EQUAL (calls_a, 1);
  CU_ASSERT_STRING_EQUAL (last_reason, "custom reason");
  CU_ASSERT_STRING_EQUAL (last_file, "some/file.c");
  CU_ASSERT_EQUAL (last_line, 42);
  CU_ASSERT_EQUAL (last_status, LSC_EPREC);

  /* a succeeding call does not call the hook */
  calls_a = 0;
  lsc_eigen_workspace *ws = lsc_eigen_workspace_alloc (1, 0);
  double ev;
  CU_ASSERT_EQUAL (lsc_eigen_symm (&ev, NULL, &A, 1, ws), LSC_SUCCESS);
  CU_ASSERT_EQUAL (calls_a, 0);
  lsc_eigen_workspace_free (ws);

  /* after restoring the default, failures are silent (and still
     returned) */
  lsc_set_error_handler (NULL);
  calls_a = 0;
  CU_ASSERT_EQUAL (lsc_eigen_symm (NULL, NULL, &A, 1, NULL), LSC_EFAULT);
  CU_ASSERT_EQUAL (calls_a, 0);
  lsc_set_error_handler (old);
}

int
main (void)
{
  static const lsc_test_case cases[] = {
    { "documented numeric values", test_values },
    { "messages and tokens: present, distinct", test_strings },
    { "unknown codes", test_unknown },
    { "set_error_handler returns the previous hook", test_set_handler },
    { "hook receives reason, file, line, status", test_hook_receives },
    { NULL, NULL }
  };
  return lsc_test_run ("errno", cases);
}
