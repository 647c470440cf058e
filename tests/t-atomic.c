/* Tests of lsc_atomic_open(3): commit replaces the destination, discard
   and failed writes leave it as it was, no temporary stays behind, the
   temporary's mode follows the umask as fopen's would, devices are
   written in place (/dev/full: the commit fails with ENOSPC). */
#define _POSIX_C_SOURCE 200809L
#include <config.h>
#include <errno.h>
#include <dirent.h>
#include <sys/stat.h>
#include <unistd.h>
#include "testutil.h"
#include "landscape.h"

static char dir[64];

static void
test_replace (void)
{
  char path[128];
  snprintf (path, sizeof path, "%s/out.tsv", dir);
  lsc_atomic_file a;
  /* a new name */
  CU_ASSERT_EQUAL_FATAL (lsc_atomic_open (&a, path), 0);
  CU_ASSERT (a.tmp != NULL && strstr (a.tmp, "/.out.tsv.") != NULL);
  CU_ASSERT_EQUAL (strlen (a.tmp), strlen (path) + 8);
  fputs ("one\n", a.f);
  CU_ASSERT_STRING_EQUAL (test_file_text (path), "");      /* not there before */
  CU_ASSERT_EQUAL (test_dir_entries (dir), 1);
  CU_ASSERT_EQUAL (lsc_atomic_commit (&a), 0);
  CU_ASSERT (a.f == NULL && a.tmp == NULL && a.path == NULL);
  CU_ASSERT_STRING_EQUAL (test_file_text (path), "one\n");
  /* replace, with the old content visible until the commit */
  CU_ASSERT_EQUAL_FATAL (lsc_atomic_open (&a, path), 0);
  fputs ("two\n", a.f);
  fflush (a.f);
  CU_ASSERT_STRING_EQUAL (test_file_text (path), "one\n");
  CU_ASSERT_EQUAL (test_dir_entries (dir), 2);
  CU_ASSERT_EQUAL (lsc_atomic_commit (&a), 0);
  CU_ASSERT_STRING_EQUAL (test_file_text (path), "two\n");
  /* discard keeps the old file */
  CU_ASSERT_EQUAL_FATAL (lsc_atomic_open (&a, path), 0);
  fputs ("three\n", a.f);
  lsc_atomic_discard (&a);
  lsc_atomic_discard (&a);      /* a no-op on an empty struct */
  CU_ASSERT_STRING_EQUAL (test_file_text (path), "two\n");
  CU_ASSERT_EQUAL (test_dir_entries (dir), 1);
  /* an empty struct cannot be committed */
  errno = 0;
  CU_ASSERT_EQUAL (lsc_atomic_commit (&a), -1);
  CU_ASSERT_EQUAL (errno, EINVAL);
  unlink (path);
}

/* The mode of a committed file is 0666 less the umask, as fopen gives,
   for two umasks (mkstemp alone would give 0600). */
static void
test_mode (void)
{
  static const mode_t masks[] = { 022, 077, 002 };
  char path[128];
  snprintf (path, sizeof path, "%s/m.txt", dir);
  for (size_t i = 0; i < 3; i++)
    {
      mode_t old = umask (masks[i]);
      lsc_atomic_file a;
      CU_ASSERT_EQUAL_FATAL (lsc_atomic_open (&a, path), 0);
      CU_ASSERT_EQUAL (lsc_atomic_commit (&a), 0);
      struct stat st;
      CU_ASSERT_EQUAL (stat (path, &st), 0);
      CU_ASSERT_EQUAL (st.st_mode & 0777, 0666 & ~masks[i]);
      umask (old);
      unlink (path);
    }
}

static void
test_failures (void)
{
  lsc_atomic_file a;
  char path[128];
  errno = 0;
  CU_ASSERT_EQUAL (lsc_atomic_open (&a, ""), -1);
  CU_ASSERT_EQUAL (errno, EINVAL);
  CU_ASSERT (a.f == NULL);
  snprintf (path, sizeof path, "%s/nodir/x", dir);
  CU_ASSERT_EQUAL (lsc_atomic_open (&a, path), -1);
  CU_ASSERT_EQUAL (errno, ENOENT);
  CU_ASSERT_EQUAL (test_dir_entries (dir), 0);
  /* a device is written in place; the full disk shows at the commit */
  if (access ("/dev/full", W_OK) == 0)
    {
      CU_ASSERT_EQUAL_FATAL (lsc_atomic_open (&a, "/dev/full"), 0);
      CU_ASSERT (a.tmp == NULL);
      fputs ("0123456789\n", a.f);   /* buffered: fails at the flush */
      errno = 0;
      CU_ASSERT_EQUAL (lsc_atomic_commit (&a), -1);
      CU_ASSERT_EQUAL (errno, ENOSPC);
    }
  /* many temporaries at once get distinct names */
  lsc_atomic_file m[40];
  snprintf (path, sizeof path, "%s/same", dir);
  for (int i = 0; i < 40; i++)
    CU_ASSERT_EQUAL_FATAL (lsc_atomic_open (&m[i], path), 0);
  CU_ASSERT_EQUAL (test_dir_entries (dir), 40);
  for (int i = 0; i < 40; i++)
    lsc_atomic_discard (&m[i]);
  CU_ASSERT_EQUAL (test_dir_entries (dir), 0);
}

int
main (void)
{
  const char *t = getenv ("TMPDIR");
  snprintf (dir, sizeof dir, "%s/t-atomic.XXXXXX", t && *t && strlen (t) < 40
            ? t : "/tmp");
  if (!mkdtemp (dir))
    return 99;
  static const lsc_test_case cases[] = {
    { "commit replaces, discard keeps", test_replace },
    { "mode follows the umask", test_mode },
    { "failures leave nothing behind", test_failures },
    { NULL, NULL } };
  int rc = lsc_test_run ("atomic", cases);
  rmdir (dir);
  return rc;
}
