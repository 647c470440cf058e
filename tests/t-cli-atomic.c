/* Tests of the tools' atomic output files (tools/cli-atomic.c): commit
   replaces, discard and failures leave the old file, exit before commit
   leaves no temporary, devices are written in place (/dev/full fails). */
#define _POSIX_C_SOURCE 200809L
#include <config.h>
#include <errno.h>
#include <dirent.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include "testutil.h"
#include "cli-atomic.h"

static char dir[64];

static void
put (const char *path, const char *text)
{
  FILE *f = fopen (path, "w");
  CU_ASSERT_FATAL (f != NULL);
  fputs (text, f);
  fclose (f);
}

static void
clean (void)
{
  DIR *d = opendir (dir);
  struct dirent *e;
  char p[512];
  while (d && (e = readdir (d)))
    if (e->d_name[0] != '.' || (e->d_name[1] && strcmp (e->d_name, "..")))
      {
        snprintf (p, sizeof p, "%s/%s", dir, e->d_name);
        unlink (p);
      }
  if (d)
    closedir (d);
}

static void
test_commit_replaces (void)
{
  char path[128];
  snprintf (path, sizeof path, "%s/out.tsv", dir);
  put (path, "old\n");
  FILE *f = cli_atomic_open (path);
  CU_ASSERT_FATAL (f != NULL);
  fputs ("new\n", f);
  /* Until the commit the destination keeps its old contents. */
  CU_ASSERT_STRING_EQUAL (test_file_text (path), "old\n");
  CU_ASSERT_EQUAL (test_dir_entries (dir), 2);
  CU_ASSERT_EQUAL (cli_atomic_commit (f), 0);
  CU_ASSERT_STRING_EQUAL (test_file_text (path), "new\n");
  CU_ASSERT_EQUAL (test_dir_entries (dir), 1);
  /* Mode follows the umask, not mkstemp's 0600. */
  struct stat st;
  mode_t mask = umask (0);
  umask (mask);
  CU_ASSERT (stat (path, &st) == 0 && (st.st_mode & 0777) == (0666 & ~mask));
  /* A new name works too, also without a directory part. */
  CU_ASSERT_EQUAL (chdir (dir), 0);
  f = cli_atomic_open ("fresh");
  CU_ASSERT_FATAL (f != NULL);
  fputs ("x", f);
  CU_ASSERT_EQUAL (cli_atomic_commit (f), 0);
  CU_ASSERT_STRING_EQUAL (test_file_text ("fresh"), "x");
  CU_ASSERT_EQUAL (chdir ("/"), 0);
  clean ();
}

static void
test_discard_keeps_old (void)
{
  char path[128];
  snprintf (path, sizeof path, "%s/out.tsv", dir);
  put (path, "old\n");
  FILE *f = cli_atomic_open (path);
  CU_ASSERT_FATAL (f != NULL);
  fputs ("half", f);
  cli_atomic_discard (f);
  CU_ASSERT_STRING_EQUAL (test_file_text (path), "old\n");
  CU_ASSERT_EQUAL (test_dir_entries (dir), 1);
  clean ();
}

/* A tool dying (exit after an error) between open and commit. */
static void
test_exit_before_commit (void)
{
  char path[128];
  snprintf (path, sizeof path, "%s/out.tsv", dir);
  put (path, "old\n");
  fflush (NULL);
  pid_t pid = fork ();
  CU_ASSERT_FATAL (pid >= 0);
  if (pid == 0)
    {
      FILE *f = cli_atomic_open (path);
      if (!f)
        _exit (5);
      fputs ("half", f);
      exit (2);
    }
  int status;
  CU_ASSERT_EQUAL (waitpid (pid, &status, 0), pid);
  CU_ASSERT (WIFEXITED (status) && WEXITSTATUS (status) == 2);
  CU_ASSERT_STRING_EQUAL (test_file_text (path), "old\n");
  CU_ASSERT_EQUAL (test_dir_entries (dir), 1);
  clean ();
}

static void
test_errors (void)
{
  char path[128];
  /* Directory missing: open fails with ENOENT, nothing created. */
  snprintf (path, sizeof path, "%s/no/such/file", dir);
  errno = 0;
  CU_ASSERT_PTR_NULL (cli_atomic_open (path));
  CU_ASSERT_EQUAL (errno, ENOENT);
  CU_ASSERT_PTR_NULL (cli_atomic_open (""));
  CU_ASSERT_PTR_NULL (cli_atomic_open (NULL));
  CU_ASSERT_EQUAL (test_dir_entries (dir), 0);
  /* A full device: written in place, the commit reports ENOSPC. */
  FILE *f = cli_atomic_open ("/dev/full");
  if (f)
    {
      for (int i = 0; i < 10000; i++)
        fputs ("0123456789", f);
      errno = 0;
      CU_ASSERT_EQUAL (cli_atomic_commit (f), -1);
      CU_ASSERT_EQUAL (errno, ENOSPC);
    }
  /* "-" is stdout, and unknown streams are rejected. */
  CU_ASSERT_PTR_EQUAL (cli_atomic_open ("-"), stdout);
  CU_ASSERT_EQUAL (cli_atomic_commit (stdout), 0);
  CU_ASSERT_EQUAL (cli_atomic_commit (stderr), -1);
  cli_atomic_discard (NULL);
  CU_ASSERT_EQUAL (test_dir_entries (dir), 0);
}

/* Sixteen outputs at once; the seventeenth is refused with EMFILE. */
static void
test_slots (void)
{
  FILE *f[17];
  char path[128];
  for (int i = 0; i < 16; i++)
    {
      snprintf (path, sizeof path, "%s/o%d", dir, i);
      f[i] = cli_atomic_open (path);
      CU_ASSERT (f[i] != NULL);
    }
  snprintf (path, sizeof path, "%s/o16", dir);
  errno = 0;
  CU_ASSERT_PTR_NULL (f[16] = cli_atomic_open (path));
  CU_ASSERT_EQUAL (errno, EMFILE);
  for (int i = 0; i < 16; i++)
    if (f[i])
      CU_ASSERT_EQUAL (cli_atomic_commit (f[i]), 0);
  CU_ASSERT_EQUAL (test_dir_entries (dir), 16);
  clean ();
}

int
main (void)
{
  snprintf (dir, sizeof dir, "/tmp/t-cli-atomic.XXXXXX");
  if (!mkdtemp (dir))
    return 99;
  static const lsc_test_case cases[] = {
    { "commit replaces the destination", test_commit_replaces },
    { "discard keeps the old file", test_discard_keeps_old },
    { "exit before commit leaves no temporary", test_exit_before_commit },
    { "errors: missing directory, /dev/full, bad streams", test_errors },
    { "sixteen outputs at once", test_slots },
    { NULL, NULL }
  };
  int rc = lsc_test_run ("cli-atomic", cases);
  clean ();
  rmdir (dir);
  return rc;
}
