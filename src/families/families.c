/* The family catalogue: isotropy spec parser and the validating TSV
   reader (format in landscape-families(5)). */
#define _POSIX_C_SOURCE 200809L
#include <config.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdarg.h>
#include <errno.h>
#include <locale.h>
#include <math.h>
#include "landscape/lsc_families.h"
#include "landscape/lsc_io.h"
#include "internal.h"
#include "io/line.h"

static const char header[] =
  "name\tisotropy\td\tparams\tloss\tkind\tdescription";
/* The same with the optional d* column (landscape-families(5)). */
static const char header_dstar[] =
  "name\tisotropy\td\tparams\tloss\tkind\tdescription\tdstar";
/* And with the domain column (a row may omit it: domain unknown). */
static const char header_domain[] =
  "name\tisotropy\td\tparams\tloss\tkind\tdescription\tdstar\tdomain";

static void
msg (char *buf, size_t len, const char *fmt, ...)
{
  if (buf == NULL || len == 0)
    return;
  va_list ap;
  va_start (ap, fmt);
  vsnprintf (buf, len, fmt, ap);
  va_end (ap);
}

/* Checked strtod in the C locale: whole token, finite. */
static int
parse_double (double *x, const char *s)
{
  char *end;
  errno = 0;
  locale_t c = newlocale (LC_NUMERIC_MASK, "C", (locale_t) 0);
  locale_t old = c ? uselocale (c) : (locale_t) 0;
  *x = strtod (s, &end);
  if (c)
    {
      uselocale (old);
      freelocale (c);
    }
  return end != s && *end == '\0' && errno == 0 && isfinite (*x);
}

/* A list "L,1,2" (L allowed only first when allow_L) into sizes. */
static int
parse_sizes (double *sz, size_t *n, char *s, char *err, size_t errlen)
{
  *n = 0;
  size_t len = strlen (s);
  if (len == 0 || s[0] == ',' || s[len - 1] == ',' || strstr (s, ",,"))
    return msg (err, errlen, "empty block in list '%s'", s), LSC_EPARSE;
  for (char *tok = strtok (s, ","); tok; tok = strtok (NULL, ","))
    {
      if (*n >= LSC_YOUNG_MAX)
        return msg (err, errlen, "more than %d blocks", LSC_YOUNG_MAX),
               LSC_EPARSE;
      if (strcmp (tok, "L") == 0)
        {
          if (*n != 0)
            return msg (err, errlen, "'L' must be the first block"),
                   LSC_EPARSE;
          sz[(*n)++] = 1.0;
          continue;
        }
      char *end;
      long v = strtol (tok, &end, 10);
      if (end == tok || *end || v < 1 || v > 1000000)
        return msg (err, errlen, "bad block size '%s'", tok), LSC_EPARSE;
      sz[(*n)++] = (double) v;
    }
  if (*n == 0)
    return msg (err, errlen, "empty block list"), LSC_EPARSE;
  return 0;
}

int
lsc_isotropy_parse (lsc_young *G, const char *spec, double d, char *err,
                    size_t errlen)
{
  char buf[256];
  if (G == NULL || spec == NULL)
    LSC_ERROR ("lsc_isotropy_parse: NULL argument", LSC_EFAULT);
  if (strlen (spec) >= sizeof buf)
    {
      msg (err, errlen, "isotropy spec too long");
      LSC_ERROR ("lsc_isotropy_parse: spec too long", LSC_EPARSE);
    }
  strcpy (buf, spec);
  int st;
  memset (G, 0, sizeof *G);
  if (strncmp (buf, "kd:", 3) == 0)
    {
      double sz[LSC_YOUNG_MAX];
      size_t n;
      if ((st = parse_sizes (sz, &n, buf + 3, err, errlen)) != 0)
        LSC_ERROR ("lsc_isotropy_parse: bad kd list", st);
      if (sz[0] != 1.0 || strncmp (buf + 3, "L", 1) != 0)
        {
          msg (err, errlen, "the first block must be 'L'");
          LSC_ERROR ("lsc_isotropy_parse: no L", LSC_EPARSE);
        }
      if ((st = lsc_young_init_kd (G, sz, n)) != 0)
        {
          msg (err, errlen, "invalid group");
          LSC_ERROR ("lsc_isotropy_parse: invalid group", st);
        }
    }
  else
    {
      int have_r = 0, have_c = 0, have_p = 0;
      for (size_t i = 0; i < LSC_YOUNG_MAX; i++)
        G->pair[i] = -1;
      char *save = NULL;
      for (char *sec = strtok_r (buf, ";", &save); sec;
           sec = strtok_r (NULL, ";", &save))
        {
          if (strncmp (sec, "rows:", 5) == 0 && !have_r)
            {
              have_r = 1;
              if ((st = parse_sizes (G->rsize, &G->nrb, sec + 5, err,
                                     errlen)) != 0)
                LSC_ERROR ("lsc_isotropy_parse: bad rows", st);
            }
          else if (strncmp (sec, "cols:", 5) == 0 && !have_c)
            {
              have_c = 1;
              if (sec[5] != 'L' || (sec[6] != ',' && sec[6] != '\0'))
                {
                  msg (err, errlen, "the first column block must be 'L'");
                  LSC_ERROR ("lsc_isotropy_parse: cols without L",
                             LSC_EPARSE);
                }
              if ((st = parse_sizes (G->csize, &G->ncb, sec + 5, err,
                                     errlen)) != 0)
                LSC_ERROR ("lsc_isotropy_parse: bad cols", st);
            }
          else if (strncmp (sec, "pair:", 5) == 0 && !have_p)
            {
              have_p = 1;
              char *s2 = NULL;
              for (char *t = strtok_r (sec + 5, ",", &s2); t;
                   t = strtok_r (NULL, ",", &s2))
                {
                  int r, c, nch = 0;
                  if (sscanf (t, "%d=%d%n", &r, &c, &nch) != 2
                      || t[nch] != '\0' || r < 0 || c < 0
                      || r >= LSC_YOUNG_MAX || G->pair[r] != -1)
                    {
                      msg (err, errlen, "bad pair '%s'", t);
                      LSC_ERROR ("lsc_isotropy_parse: bad pair", LSC_EPARSE);
                    }
                  G->pair[r] = c;
                }
            }
          else
            {
              msg (err, errlen, "unknown or repeated section '%s' (want "
                   "kd:..., or rows:...;cols:...;pair:...)", sec);
              LSC_ERROR ("lsc_isotropy_parse: bad section", LSC_EPARSE);
            }
        }
      if (!have_r || !have_c || !have_p || G->pair[0] != 0
          || strncmp (spec, "rows:L", 6) != 0)
        {
          msg (err, errlen, "need rows:L,...;cols:L,...;pair:0=0,...");
          LSC_ERROR ("lsc_isotropy_parse: incomplete spec", LSC_EPARSE);
        }
      for (size_t r = G->nrb; r < LSC_YOUNG_MAX; r++)
        if (G->pair[r] != -1)
          {
            msg (err, errlen, "pair names row block %zu of %zu", r, G->nrb);
            LSC_ERROR ("lsc_isotropy_parse: bad pair", LSC_EPARSE);
          }
    }
  for (size_t r = 0; r < G->nrb; r++)
    if (G->pair[r] >= (int) G->ncb)
      {
        msg (err, errlen, "pair %zu=%d names column block %d of %zu", r,
             G->pair[r], G->pair[r], G->ncb);
        LSC_ERROR ("lsc_isotropy_parse: bad pair", LSC_EPARSE);
      }
  if ((st = lsc_young_set_d (G, d)) != 0)
    {
      if (isfinite (d))
        msg (err, errlen, "d = %g leaves the large block below 1", d);
      else
        msg (err, errlen, "d is not finite");
      LSC_ERROR ("lsc_isotropy_parse: bad d", st);
    }
  if ((st = lsc_young_check (G)) != 0)
    {
      msg (err, errlen, "invalid group (pairs need equal sizes)");
      LSC_ERROR ("lsc_isotropy_parse: invalid group", st);
    }
  return LSC_SUCCESS;
}

static int
valid_name (const char *s)
{
  if (!*s || strlen (s) >= 64)
    return 0;
  for (; *s; s++)
    if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z')
          || (*s >= '0' && *s <= '9') || *s == '-' || *s == '_'))
      return 0;
  return 1;
}

/* Parse one data line (NUL-terminated, no newline) into fam. */
static int
parse_line (lsc_family *fam, char *line, int with_dstar, char *err,
            size_t errlen)
{
  char *f[9];
  size_t nf = 0, want_nf = with_dstar == 2 ? 9 : with_dstar ? 8 : 7;
  for (char *s = line;; )
    {
      char *tab = strchr (s, '\t');
      if (nf == want_nf)
        return msg (err, errlen, "more than %zu fields", want_nf),
               LSC_EPARSE;
      f[nf++] = s;
      if (!tab)
        break;
      *tab = '\0';
      s = tab + 1;
    }
  if (nf != want_nf && !(with_dstar == 2 && nf == 8))
    return msg (err, errlen, "%zu fields, want %zu (%s)", nf, want_nf,
                with_dstar == 2 ? header_domain
                : with_dstar ? header_dstar : header),
           LSC_EPARSE;
  memset (fam, 0, sizeof *fam);
  if (!valid_name (f[0]))
    return msg (err, errlen, "bad name '%s' (letters, digits, -, _)", f[0]),
           LSC_EPARSE;
  strcpy (fam->name, f[0]);
  if (!parse_double (&fam->d, f[2]) || fam->d < 1)
    return msg (err, errlen, "bad reference d '%s'", f[2]), LSC_EPARSE;
  char ierr[160] = "";
  if (lsc_isotropy_parse (&fam->G, f[1], fam->d, ierr, sizeof ierr) != 0)
    return msg (err, errlen, "isotropy '%s': %s", f[1], ierr), LSC_EPARSE;
  if (strlen (f[1]) >= sizeof fam->isotropy)
    return msg (err, errlen, "isotropy too long"), LSC_EPARSE;
  strcpy (fam->isotropy, f[1]);
  size_t want = lsc_young_nparams (&fam->G), n = 0;
  char *save = NULL;
  for (char *t = strtok_r (f[3], ",", &save); t;
       t = strtok_r (NULL, ",", &save))
    {
      if (n >= want)
        return msg (err, errlen, "more than %zu parameters", want),
               LSC_EPARSE;
      if (!parse_double (&fam->p[n], t))
        return msg (err, errlen, "bad parameter '%s'", t), LSC_EPARSE;
      n++;
    }
  if (n != want)
    return msg (err, errlen, "%zu parameters, isotropy needs %zu", n, want),
           LSC_EPARSE;
  fam->nparams = n;
  if (!parse_double (&fam->loss, f[4]) || fam->loss < 0)
    return msg (err, errlen, "bad loss '%s'", f[4]), LSC_EPARSE;
  if (strcmp (f[5], "global-minimum") && strcmp (f[5], "spurious-minimum")
      && strcmp (f[5], "saddle"))
    return msg (err, errlen, "bad kind '%s' (global-minimum, "
                "spurious-minimum, saddle)", f[5]), LSC_EPARSE;
  strcpy (fam->kind, f[5]);
  if (!*f[6] || strlen (f[6]) >= sizeof fam->description)
    return msg (err, errlen, "empty or too long description"), LSC_EPARSE;
  strcpy (fam->description, f[6]);
  fam->dstar = NAN;
  if (with_dstar && strcmp (f[7], "-") != 0)
    {
      if (!parse_double (&fam->dstar, f[7]) || !(fam->dstar >= 1)
          || strlen (f[7]) >= sizeof fam->dstar_text)
        return msg (err, errlen, "bad dstar '%s' (a dimension >= 1 or -)",
                    f[7]), LSC_EPARSE;
      strcpy (fam->dstar_text, f[7]);
    }
  if (nf == 9 && strcmp (f[8], "-") != 0)
    {
      if (lsc_family_domain_parse (&fam->domain, f[8])
          || !(fam->domain.lo <= fam->d && fam->d <= fam->domain.hi))
        return msg (err, errlen, "bad domain '%s' (LO:KIND,HI:KIND around "
                    "the reference d, or -)", f[8]), LSC_EPARSE;
      fam->has_domain = 1;
    }
  return 0;
}

int
lsc_catalogue_read (lsc_catalogue **cat, FILE *f, const char *name,
                    char *errbuf, size_t errlen)
{
  int rc = LSC_SUCCESS;
  char *line = NULL, err[256];
  size_t cap = 0, lineno = 0, alloc = 0;
  lsc_catalogue *c = NULL;
  int have_header = 0, with_dstar = 0;
  if (cat == NULL || f == NULL)
    LSC_ERROR ("lsc_catalogue_read: NULL argument", LSC_EFAULT);
  *cat = NULL;
  if (name == NULL)
    name = "(catalogue)";
  msg (errbuf, errlen, "%s", "");
  if ((c = calloc (1, sizeof *c)) == NULL)
    LSC_FAIL ("lsc_catalogue_read: out of memory", LSC_ENOMEM);
  size_t len;
  int gst;
  /* lines are bounded (lsc_io.h): an endless line is an error, not an
     endless allocation */
  while ((gst = lsc_io_getline (&line, &cap, &len, f, LSC_IO_MAX_LINE))
         != LSC_EOF)
    {
      lineno++;
      if (gst == LSC_ENOMEM)
        LSC_FAIL ("lsc_catalogue_read: out of memory", LSC_ENOMEM);
      if (gst == LSC_ELIMIT)
        {
          msg (errbuf, errlen, "%s:%zu: line longer than %zu bytes", name,
               lineno, (size_t) LSC_IO_MAX_LINE);
          LSC_FAIL ("lsc_catalogue_read: line too long", LSC_ELIMIT);
        }
      if (gst != LSC_SUCCESS)
        break;                  /* read error: reported below */
      while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
        line[--len] = '\0';
      if (len == 0 || line[0] == '#')
        continue;
      if (!have_header)
        {
          with_dstar = strcmp (line, header_domain) == 0 ? 2
                       : strcmp (line, header_dstar) == 0;
          if (!with_dstar && strcmp (line, header) != 0)
            {
              msg (errbuf, errlen, "%s:%zu: header must be '%s'", name,
                   lineno, header);
              LSC_FAIL ("lsc_catalogue_read: bad header", LSC_EPARSE);
            }
          have_header = 1;
          continue;
        }
      if (c->n == alloc)
        {
          size_t na = alloc ? 2 * alloc : 16;
          lsc_family *nf = realloc (c->fam, na * sizeof *nf);
          if (nf == NULL)
            LSC_FAIL ("lsc_catalogue_read: out of memory", LSC_ENOMEM);
          c->fam = nf, alloc = na;
        }
      if (parse_line (&c->fam[c->n], line, with_dstar, err, sizeof err) != 0)
        {
          msg (errbuf, errlen, "%s:%zu: %s", name, lineno, err);
          LSC_FAIL ("lsc_catalogue_read: bad line", LSC_EPARSE);
        }
      if (lsc_catalogue_find (c, c->fam[c->n].name))
        {
          msg (errbuf, errlen, "%s:%zu: duplicate name '%s'", name, lineno,
               c->fam[c->n].name);
          LSC_FAIL ("lsc_catalogue_read: duplicate", LSC_EPARSE);
        }
      c->n++;
    }
  if (ferror (f))
    {
      int e = errno;
      msg (errbuf, errlen, "%s: read error: %s", name, strerror (e));
      LSC_FAIL ("lsc_catalogue_read: read error",
                e == EISDIR ? LSC_EINVAL : LSC_EFAILED);
    }
  if (!have_header)
    {
      msg (errbuf, errlen, "%s:%zu: no header line", name, lineno);
      LSC_FAIL ("lsc_catalogue_read: empty", LSC_EOF);
    }
  *cat = c;
  c = NULL;
cleanup:
  free (line);
  lsc_catalogue_free (c);
  return rc;
}

int
lsc_catalogue_read_file (lsc_catalogue **cat, const char *path, char *errbuf,
                         size_t errlen)
{
  if (cat)
    *cat = NULL;
  if (path == NULL)
    LSC_ERROR ("lsc_catalogue_read_file: NULL path", LSC_EFAULT);
  FILE *f = fopen (path, "r");
  if (f == NULL)
    {
      msg (errbuf, errlen, "%s: %s", path, strerror (errno));
      LSC_ERROR ("lsc_catalogue_read_file: cannot open", LSC_EINVAL);
    }
  int st = lsc_catalogue_read (cat, f, path, errbuf, errlen);
  fclose (f);
  return st;
}

void
lsc_catalogue_free (lsc_catalogue *cat)
{
  if (cat == NULL)
    return;
  free (cat->fam);
  free (cat);
}

const lsc_family *
lsc_catalogue_find (const lsc_catalogue *cat, const char *name)
{
  if (cat == NULL || name == NULL)
    return NULL;
  for (size_t i = 0; i < cat->n; i++)
    if (strcmp (cat->fam[i].name, name) == 0)
      return &cat->fam[i];
  return NULL;
}
