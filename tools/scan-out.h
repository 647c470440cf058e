/* landscape-scan's input ranges, tables and plots (the computation is
   lsc_scan(3)). */
#ifndef LSC_SCAN_OUT_H
#define LSC_SCAN_OUT_H

#include <stddef.h>
#include <stdio.h>
#include "cli.h"
#include "landscape.h"

/* A family's rows, in ascending d. */
typedef lsc_scan_set scan_fam;

/* Parse D, A:B:STEP or A:B:logN (N points per decade: A 10^(i/N)) into an
   ascending malloc'd array; linear points are rounded to 12 significant
   digits.  The end B is always the last point: the grid's last point is
   snapped to it within 1e-9 B, else B is appended.  Exits with status 2 and a message naming opt on bad input. */
double *scan_parse_range (size_t *n, const char *opt, const char *spec);

/* Write the tables (one block per d, or with longfmt one summary and one
   spectrum table for all d).  Returns CLI_EXIT_OK or CLI_EXIT_NOCONV if a
   row failed or the full check disagreed. */
int scan_print (lsc_table_output *o, const scan_fam *sf, size_t nf,
                const double *dv, size_t nd, int longfmt,
                const lsc_scan_opts *so);

/* --poly: the spectrum's multiplicities as polynomials in d. */
extern int scan_poly;
/* Check --columns and --standalone (cli_table_check) against the scan's
   tables. */
void scan_check_columns (lsc_table_format fmt);

/* Plot: for one d, the spectrum of each family (eigenvalue against
   multiplicity, log scale); for several, loss and smallest eigenvalue
   against d with d* marked.  0, or -1 with a message in err. */
int scan_plot (FILE *f, const char *path, const scan_fam *sf, size_t nf,
               size_t nd, const char *dspec, const lsc_scan_opts *so,
               char *err, size_t errlen);
/* Bound on the rounding error of the loss and the gradient norm of a row
   at k neurons (2^(8-p) (k+1)^2, p the bits of the evaluation): smaller
   values are printed as 0 and left off log axes. */
double scan_noise_bound (const lsc_scan_opts *so, double k);


/* --prove (scan-prove.c): add the summary column "proved": "proved" when
   lsc_certify proves the row's critical point (Krawczyk) and its Morse
   index (ball inertia of every isotypic block) and that index is the
   row's; "contradicted" when the proved index differs; "not-proved"
   otherwise. */
extern int scan_prove;
const char *scan_prove_row (const lsc_scan_row *r);

#endif
