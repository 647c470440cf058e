/* libFuzzer harness for the tools' command lines: the checked option
   parsers of tools/cli.c, landscape-scan's range syntax, and the main()
   of landscape-eval, -follow and -scan run in-process on a fuzzed argv and
   standard input.  exit() is diverted to a longjmp (link with
   -Wl,--wrap=exit and the other wraps below); allocations and opened
   files of a run are tracked and released after it; the computation
   itself is cut off at its first allocation (the library's numerics have
   their own harnesses), and output files are never opened for writing.
   Input: byte 0 selects the target, the rest is the argument text; for
   the tools, arguments are separated by NUL bytes and a 0x01 byte starts
   the text given on standard input. */
#define _GNU_SOURCE
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <getopt.h>
#include <errno.h>
#include <math.h>
#include "landscape.h"
#include "cli.h"
#include "scan-out.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);
int LLVMFuzzerInitialize (int *argc, char ***argv);
int eval_main (int argc, char **argv);
int follow_main (int argc, char **argv);
int scan_main (int argc, char **argv);

/* ---- run state ---- */
static jmp_buf run_env;
static int in_run;

void __real_exit (int status) __attribute__ ((noreturn));
void __wrap_exit (int status) __attribute__ ((noreturn));
void
__wrap_exit (int status)
{
  if (in_run)
    longjmp (run_env, status + 1000);
  __real_exit (status);
}

/* ---- allocation tracking: an open-addressing set of live pointers ---- */
#define TRACK (1u << 16)
static void *live[TRACK];
static size_t nlive;
static int track_full;

static size_t
slot (void *p)
{
  return ((uintptr_t) p >> 4) * 2654435761u & (TRACK - 1);
}

static void
track_add (void *p)
{
  if (!p || !in_run)
    return;
  if (nlive >= TRACK / 2)
    {
      track_full = 1;
      return;
    }
  size_t i = slot (p);
  while (live[i])
    i = (i + 1) & (TRACK - 1);
  live[i] = p;
  nlive++;
}

static void
track_del (void *p)
{
  if (!p || nlive == 0)
    return;
  size_t i = slot (p);
  while (live[i] && live[i] != p)
    i = (i + 1) & (TRACK - 1);
  if (!live[i])
    return;
  live[i] = NULL;
  nlive--;
  /* Re-insert the rest of the cluster (linear probing deletion). */
  for (size_t j = (i + 1) & (TRACK - 1); live[j]; j = (j + 1) & (TRACK - 1))
    {
      void *q = live[j];
      live[j] = NULL;
      size_t h = slot (q);
      while (live[h])
        h = (h + 1) & (TRACK - 1);
      live[h] = q;
    }
}

/* A cap on one allocation: the fuzzer's --example identity:10000 must
   meet the tools' out-of-memory path, not exhaust the machine. */
#define ALLOC_CAP ((size_t) 64 << 20)
void *__real_malloc (size_t);
void *__real_calloc (size_t, size_t);
void *__real_realloc (void *, size_t);
void __real_free (void *);
void *__wrap_malloc (size_t);
void *__wrap_calloc (size_t, size_t);
void *__wrap_realloc (void *, size_t);
void __wrap_free (void *);

void *
__wrap_malloc (size_t n)
{
  if (in_run && n > ALLOC_CAP)
    return NULL;
  void *p = __real_malloc (n);
  track_add (p);
  return p;
}

void *
__wrap_calloc (size_t n, size_t s)
{
  if (in_run && s && n > ALLOC_CAP / s)
    return NULL;
  void *p = __real_calloc (n, s);
  track_add (p);
  return p;
}

void *
__wrap_realloc (void *p, size_t n)
{
  if (in_run && n > ALLOC_CAP)
    return NULL;
  void *q = __real_realloc (p, n);
  if (q)
    {
      track_del (p);
      track_add (q);
    }
  return q;
}

void
__wrap_free (void *p)
{
  track_del (p);
  __real_free (p);
}

/* ---- files: reads only (no devices), writes refused ---- */
#define NFILES 64
static FILE *open_files[NFILES];
FILE *__real_fopen (const char *, const char *);
FILE *__wrap_fopen (const char *, const char *);
FILE *__real_freopen (const char *, const char *, FILE *);
FILE *__wrap_freopen (const char *, const char *, FILE *);
int __real_fclose (FILE *);
int __wrap_fclose (FILE *);

FILE *
__wrap_fopen (const char *path, const char *mode)
{
  if (!in_run)
    return __real_fopen (path, mode);
  if (strpbrk (mode, "wa+") || strncmp (path, "/dev", 4) == 0
      || strncmp (path, "/proc", 5) == 0 || strncmp (path, "/sys", 4) == 0)
    {
      errno = EACCES;
      return NULL;
    }
  FILE *f = __real_fopen (path, mode);
  for (int i = 0; f && i < NFILES; i++)
    if (!open_files[i])
      {
        open_files[i] = f;
        break;
      }
  return f;
}

FILE *
__wrap_freopen (const char *path, const char *mode, FILE *f)
{
  if (in_run)
    {
      errno = EACCES;
      return NULL;
    }
  return __real_freopen (path, mode, f);
}

int
__wrap_fclose (FILE *f)
{
  if (f == stdout || f == stdin || f == stderr)
    return fflush (f);
  for (int i = 0; i < NFILES; i++)
    if (open_files[i] == f)
      open_files[i] = NULL;
  return __real_fclose (f);
}

/* ---- the computation is cut at its first allocation ---- */
lsc_loss_workspace *__wrap_lsc_loss_workspace_alloc (size_t, size_t,
                                                     size_t);
lsc_cont *__wrap_lsc_cont_alloc (size_t);
int __wrap_lsc_scan_family (lsc_scan_row *, const lsc_family *, const double *,
                        size_t, const lsc_scan_opts *);

lsc_loss_workspace *
__wrap_lsc_loss_workspace_alloc (size_t k, size_t d, size_t m)
{
  if (!(k > 0 && d > 0 && m > 0))
    abort ();
  return NULL;
}

lsc_cont *
__wrap_lsc_cont_alloc (size_t n)
{
  if (n == 0 || n > LSC_FAMILY_MAXP)
    abort ();
  return NULL;
}

int
__wrap_lsc_scan_family (lsc_scan_row *rows, const lsc_family *f, const double *d,
                    size_t nd, const lsc_scan_opts *so)
{
  for (size_t i = 0; i < nd; i++)
    if (!(d[i] > 0) || !isfinite (d[i]))
      abort ();
  return -1;
}

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  setenv ("LANDSCAPE_FAMILIES", LSC_SRCDIR "/data/families.tsv", 1);
  if (!__real_freopen ("/dev/null", "w", stdout))
    abort ();
  return 0;
}

/* Release what a run left behind (it may have ended in exit()). */
static void
run_cleanup (void)
{
  in_run = 0;
  for (int i = 0; i < NFILES; i++)
    if (open_files[i])
      {
        __real_fclose (open_files[i]);
        open_files[i] = NULL;
      }
  for (size_t i = 0; i < TRACK && nlive; i++)
    if (live[i])
      {
        __real_free (live[i]);
        live[i] = NULL;
        nlive--;
      }
  nlive = 0;
  clearerr (stdout);
}

static void
run_tool (int (*tool) (int, char **), const char *argv0, const char *text,
          size_t n)
{
  char *argv[33];
  int argc = 0;
  const char *in = memchr (text, '\x01', n);
  size_t nargs = in ? (size_t) (in - text) : n;
  char *args = __real_malloc (nargs + 1);
  memcpy (args, text, nargs);
  args[nargs] = '\0';
  argv[argc++] = (char *) argv0;
  for (char *s = args; s < args + nargs && argc < 32; s += strlen (s) + 1)
    argv[argc++] = s;
  argv[argc] = NULL;
  FILE *saved_stdin = stdin;
  FILE *fin = fmemopen ((void *) (in ? in + 1 : ""),
                        in ? n - nargs - 1 : 0, "r");
  if (fin)
    stdin = fin;
  optind = 0;
  in_run = 1;
  if (setjmp (run_env) == 0)
    tool (argc, argv);
  run_cleanup ();
  stdin = saved_stdin;
  if (fin)
    __real_fclose (fin);
  __real_free (args);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  if (size < 1 || size > 4096)
    return 0;
  int sel = data[0] % 7;
  size_t n = size - 1;
  char *s = __real_malloc (n + 1);
  memcpy (s, data + 1, n);
  s[n] = '\0';
  if (sel >= 4)
    {
      run_tool (sel == 4 ? eval_main : sel == 5 ? follow_main : scan_main,
                sel == 4 ? "landscape-eval" : sel == 5 ? "landscape-follow"
                : "landscape-scan", s, n);
      __real_free (s);
      return 0;
    }
  in_run = 1;
  if (setjmp (run_env) == 0)
    {
      if (sel == 0)
        {
          double x = cli_parse_double ("--x", s);
          if (!isfinite (x))
            abort ();
        }
      else if (sel == 1)
        {
          long v = cli_parse_long ("--n", s, -5, 1000);
          if (v < -5 || v > 1000)
            abort ();
        }
      else if (sel == 2)
        {
          lsc_table_format f = cli_parse_format ("--format", s);
          if (f < LSC_TABLE_TEXT || f > LSC_TABLE_MARKDOWN)
            abort ();
        }
      else
        {
          size_t nd = 0;
          double *v = scan_parse_range (&nd, "--d", s);
          if (nd < 1 || nd > 100000)
            abort ();
          for (size_t i = 0; i < nd; i++)
            if (!(v[i] > 0) || !isfinite (v[i]) || (i && !(v[i] > v[i - 1])))
              abort ();
          free (v);
        }
    }
  run_cleanup ();
  __real_free (s);
  return 0;
}
