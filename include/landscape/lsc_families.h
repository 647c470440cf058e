/* The catalogue of families of critical points (data/families.tsv): the
   isotropy syntax, loading with validation, lookup.  Format:
   landscape-families(5). */
#ifndef LSC_FAMILIES_H
#define LSC_FAMILIES_H

#include <stddef.h>
#include <stdio.h>
#include "landscape/lsc_young.h"

#ifdef __cplusplus
extern "C" {
#endif
#pragma GCC visibility push(default)

#define LSC_FAMILY_MAXP (LSC_YOUNG_MAX * LSC_YOUNG_MAX * 2)

/* One family: its group at the reference dimension d, the critical point's
   parameters there (order of lsc_young_param), the loss at d, its kind
   ("global-minimum", "spurious-minimum", "saddle") and a description. */
typedef struct
{
  char name[64];
  char isotropy[160];
  lsc_young G;
  double d;
  size_t nparams;
  double p[LSC_FAMILY_MAXP];
  double loss;
  char kind[32];
  char description[256];
  double dstar;          /* the largest d at which the family turns from a
                            saddle into a minimum as d grows (optional
                            catalogue column; NaN when absent)           */
  char dstar_text[64];   /* its digits as given in the catalogue ("")    */
} lsc_family;

/* lsc_family has the dstar fields. */
#define LSC_FAMILY_HAS_DSTAR 1

typedef struct
{
  size_t n;
  lsc_family *fam;
} lsc_catalogue;

/* Parse an isotropy spec at dimension d into G:
     kd:L,s1,...        k = d, Delta(S_L x S_s1 x ...), L = d - sum s_i
     rows:L,r1,...;cols:L,c1,...;pair:0=0,i=j,...
                        row and column partitions; pair r=c pairs row block
                        r with column block c (equal sizes); 0=0 required.
   Sizes other than L are positive integers.  Returns LSC_EPARSE (syntax;
   message in errbuf), LSC_EDOM (d leaves L < 1), LSC_EINVAL (group). */
int lsc_isotropy_parse (lsc_young *G, const char *spec, double d,
                        char *errbuf, size_t errlen);

/* Read a catalogue.  Every field is validated; the first error returns
   LSC_EPARSE (or LSC_EOF for a missing header, LSC_ENOMEM) with
   "NAME:LINE: message" in errbuf.  *cat is NULL on failure. */
int lsc_catalogue_read (lsc_catalogue **cat, FILE *f, const char *name,
                        char *errbuf, size_t errlen);
int lsc_catalogue_read_file (lsc_catalogue **cat, const char *path,
                             char *errbuf, size_t errlen);
void lsc_catalogue_free (lsc_catalogue *cat);

/* Family by name, or NULL. */
const lsc_family *lsc_catalogue_find (const lsc_catalogue *cat,
                                      const char *name);

/* The installed catalogue: $LANDSCAPE_FAMILIES if set, else
   PKGDATADIR/families.tsv. */
const char *lsc_catalogue_default_path (void);

#pragma GCC visibility pop
#ifdef __cplusplus
}
#endif
#endif
