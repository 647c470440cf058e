/* The branch diagram of landscape-branch: curves of loss or amplitude
   against d, minima solid, saddles dashed, markers (the tables and the
   DOT graph are lsc_branch_table(3)). */
#ifndef LSC_BRANCH_OUT_H
#define LSC_BRANCH_OUT_H

#include <stddef.h>
#include <stdio.h>

/* One curve of the diagram: points with their type (1 minimum, 2 saddle,
   0 unknown). */
typedef struct
{
  char label[96];
  size_t n, cap;
  double *d, *y;
  int *type;
  int color;
} bdiag_curve;

typedef struct
{
  size_t n, cap;
  bdiag_curve *c;
  /* markers: folds, crossings (d*), branch points (identified) */
  size_t nm[3], capm[3];
  double *md[3], *my[3];
} bdiag;

void bdiag_init (bdiag *g);
void bdiag_free (bdiag *g);
/* Start a new curve; returns its index. */
size_t bdiag_curve_new (bdiag *g, const char *label, int color);
void bdiag_add (bdiag *g, size_t curve, double d, double y, int type);
/* kind 0 fold, 1 crossing, 2 branch point */
void bdiag_mark (bdiag *g, int kind, double d, double y);
/* Write the diagram to path (.svg/.pdf/.png); 0 or -1 with err. */
int bdiag_write (const bdiag *g, const char *path, const char *ylabel,
                 int logd, char *err, size_t errlen);

#endif
