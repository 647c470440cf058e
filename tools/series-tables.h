/* landscape-series' two other tables: the point at one large d and the
   spectral-concentration table. */
#ifndef LSC_SERIES_TABLES_H
#define LSC_SERIES_TABLES_H

#include <stddef.h>
#include "landscape.h"
#include "cli.h"

/* Loss, type, exact Morse index and spectrum of each family at the
   dimension given as text (parsed exactly: 1e30 is the integer 10^30).
   Returns the exit status (1 when some family failed). */
int point_tables (lsc_table_output *o, const lsc_catalogue *cat,
                  const lsc_family **sel, size_t nsel, const char *dspec,
                  int progress);

/* One row per distinct eigenvalue of each family: its limit or Theta(d)
   slope, share of the k d eigenvalues, and comparison with the global
   minimum's expansion. */
int limits_table (lsc_table_output *o, const lsc_catalogue *cat,
                  const lsc_family **sel, size_t nsel, int progress);

#endif
