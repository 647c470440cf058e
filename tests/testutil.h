/* Small shared helpers for the CUnit test programs. */
#ifndef LSC_TESTUTIL_H
#define LSC_TESTUTIL_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <math.h>
#include <CUnit/Basic.h>
#include <dirent.h>
#include "landscape/lsc_families.h"

/* 1 when the expensive tier is requested (LSC_EXPENSIVE=1). */
static inline int
lsc_test_expensive (void)
{
  const char *e = getenv ("LSC_EXPENSIVE");
  return e && *e && strcmp (e, "0") != 0;
}

/* Relative difference |a-b| / max(|a|,|b|, floor). */
static inline double
lsc_test_reldiff (double a, double b, double floor)
{
  double m = fmax (fmax (fabs (a), fabs (b)), floor);
  return fabs (a - b) / m;
}

typedef struct
{
  const char *name;
  void (*fn) (void);
} lsc_test_case;

/* Run one suite; exit code 0 if all pass, 1 if some fail, 99 on a CUnit
   framework error (the automake convention). */
static inline int
lsc_test_run (const char *suite_name, const lsc_test_case *cases)
{
  if (CU_initialize_registry () != CUE_SUCCESS)
    return 99;
  CU_pSuite s = CU_add_suite (suite_name, NULL, NULL);
  if (!s)
    {
      CU_cleanup_registry ();
      return 99;
    }
  for (const lsc_test_case *c = cases; c->name; c++)
    if (!CU_add_test (s, c->name, c->fn))
      {
        CU_cleanup_registry ();
        return 99;
      }
  CU_basic_set_mode (CU_BRM_VERBOSE);
  if (CU_basic_run_tests () != CUE_SUCCESS)
    {
      CU_cleanup_registry ();
      return 99;
    }
  unsigned failed = CU_get_number_of_tests_failed ();
  unsigned run = CU_get_number_of_tests_run ();
  CU_cleanup_registry ();
  printf ("%u passed, %u failed\n", run - failed, failed);
  return failed ? 1 : 0;
}

/* Contents of the file at path (a static buffer of up to 255 bytes), ""
   when it cannot be read. */
static inline const char *
test_file_text (const char *path)
{
  static char buf[256];
  buf[0] = '\0';
  FILE *f = fopen (path, "r");
  if (!f)
    return buf;
  size_t n = fread (buf, 1, sizeof buf - 1, f);
  buf[n] = '\0';
  fclose (f);
  return buf;
}

/* Number of entries of directory dir other than . and .. */
static inline int
test_dir_entries (const char *dir)
{
  int n = 0;
  DIR *d = opendir (dir);
  struct dirent *e;
  while (d && (e = readdir (d)))
    n += strcmp (e->d_name, ".") != 0 && strcmp (e->d_name, "..") != 0;
  if (d)
    closedir (d);
  return n;
}

/* The catalogue of the source tree (data/families.tsv); NULL, with the
   reason on stderr, when it cannot be read (main then returns 99). */
static inline lsc_catalogue *
lsc_test_catalogue (void)
{
  lsc_catalogue *cat = NULL;
  char err[512];
  if (lsc_catalogue_read_file (&cat, LSC_SRCDIR "/data/families.tsv", err,
                               sizeof err))
    {
      fprintf (stderr, "%s\n", err);
      return NULL;
    }
  return cat;
}

/* lsc_test_run with *cat the catalogue of the source tree for the
   duration of the run (99 when it cannot be read). */
static inline int
lsc_test_run_catalogue (lsc_catalogue **cat, const char *suite_name,
                        const lsc_test_case *cases)
{
  *cat = lsc_test_catalogue ();
  if (!*cat)
    return 99;
  int rc = lsc_test_run (suite_name, cases);
  lsc_catalogue_free (*cat);
  *cat = NULL;
  return rc;
}

/* The family called name in cat (its group F->G, its point F->p at F->d);
   a fatal test failure when the catalogue has none. */
static inline const lsc_family *
lsc_test_family (const lsc_catalogue *cat, const char *name)
{
  const lsc_family *F = lsc_catalogue_find (cat, name);
  CU_ASSERT_PTR_NOT_NULL_FATAL (F);
  return F;
}

#endif
