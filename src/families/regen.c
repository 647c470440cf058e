/* The catalogue with its domain column regenerated (lsc_families(3)):
   the file copied, comments verbatim, with each family's domain recomputed
   by lsc_family_follow (landscape-follow --domains). */
#define _POSIX_C_SOURCE 200809L
#include <config.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include "landscape/lsc_errno.h"
#include "landscape/lsc_families.h"

int
lsc_catalogue_write_domains (FILE *out, const lsc_catalogue *cat,
                             const char *path, char *err, size_t errlen)
{
  static const char hdr[] = "name\tisotropy\td\tparams\tloss\tkind\t"
                            "description\tdstar\tdomain";
  FILE *f = fopen (path, "r");
  if (!f)
    {
      snprintf (err, errlen, "%s: cannot open", path);
      return LSC_EINVAL;
    }
  char *line = NULL;
  size_t cap = 0, fam = 0;
  ssize_t len;
  int header = 0, st = LSC_SUCCESS;
  while (!st && (len = getline (&line, &cap, f)) != -1)
    {
      while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
        line[--len] = '\0';
      if (len == 0 || line[0] == '#' || !header)
        {
          fprintf (out, "%s\n", len == 0 || line[0] == '#' ? line : hdr);
          header |= len > 0 && line[0] != '#';
          continue;
        }
      /* the first eight fields, then the new domain */
      int tabs = 0;
      for (ssize_t i = 0; i < len; i++)
        if (line[i] == '\t' && ++tabs == 8)
          line[i] = '\0';
      if (fam >= cat->n)
        {
          snprintf (err, errlen, "%s: more families than read", path);
          st = LSC_EINVAL;
          break;
        }
      const lsc_family *F = &cat->fam[fam++];
      lsc_family_ws *w = lsc_family_ws_alloc (F->nparams);
      lsc_family_domain dom;
      char buf[128];
      if (!w || lsc_family_follow (NULL, NULL, &dom, F, NULL, 0, NULL, w)
          || lsc_family_domain_format (buf, sizeof buf, &dom))
        {
          snprintf (err, errlen, "family %s: domain not computed", F->name);
          st = w ? LSC_EFAILED : LSC_ENOMEM;
        }
      else
        fprintf (out, "%s%s%s\t%s\n", line, tabs >= 7 ? "" : "\t",
                 tabs >= 7 ? "" : "-", buf);
      lsc_family_ws_free (w);
    }
  free (line);
  fclose (f);
  return st;
}
