/* Internal: eigenvalues followed by continuity through a fitting window
   (lsc_series_expand). */
#ifndef LSC_SERIES_TRACK_H
#define LSC_SERIES_TRACK_H

#include <stddef.h>
#include <mpfr.h>
#include "landscape/lsc_isotypic.h"

/* The distinct eigenvalues of node j (n of them, yj[c] = eps^2 lambda,
   info[c] their component and inner multiplicity, ascending within a
   component) continue the n tracks whose values at nodes 0 .. j-1 are
   y[i * nodes + l] (shape[i]: track i's component and inner
   multiplicity; t: the nodes, eps = h t): perm[i] receives the index c
   continuing track i.  Nodes 0 and 1 (deep in the asymptotic regime)
   keep the ascending order; from node 2 on each track is extrapolated
   (a Theta(1) one as lambda, a Theta(d) one by its divided difference
   (y - y_0) / (t^2 - t_0^2), polynomials through the last six nodes)
   and the values of its component and inner multiplicity are assigned
   to the nearest predictions, so that two eigenvalues that cross between
   nodes keep their tracks; where the predictions cannot tell two values
   apart (a swap no worse than twice the chosen distances) the values go
   to the tracks in the order of their predictions.  LSC_EFAILED when a component's count changes;
   LSC_ENOMEM. */
int lsc_series_track_match (size_t *perm, const mpfr_t *yj,
                            const lsc_iso_eigen *info, size_t n,
                            const lsc_iso_eigen *shape, const mpfr_t *y,
                            const mpfr_t *t, size_t nodes, size_t j,
                            double h);

/* The tracks of window 1 (coefficients c1[i][0 .. nc), shapes s1) that
   are window 2's tracks (c2, s2): m[i] is the window-1 track of window-2
   track i, the one of the same component and inner multiplicity whose
   polynomial is nearest on (0, h] (max_k |c1_k - c2_k| h^k), with the
   same ambiguity test; tracks it cannot pair (not analytic through the
   windows, as at an avoided crossing) keep their rank, and the two
   routes' difference then marks their coefficients unresolved.
   LSC_EFAILED when the two windows' components differ, LSC_ENOMEM. */
int lsc_series_track_pair (size_t *m, mpfr_t *const *c1, mpfr_t *const *c2,
                           const lsc_iso_eigen *s1, const lsc_iso_eigen *s2,
                           size_t n, size_t nc, double h);

/* The coefficients c[0 .. n) in powers of eps = h t of the polynomial
   through (t[j], y[j]), j < n: Newton divided differences, then the
   monomial form (working precision that of c[0]; src/series/interp.c).
   LSC_SUCCESS or LSC_ENOMEM. */
int lsc_series_interpolate (mpfr_t *c, const mpfr_t *t, const mpfr_t *y,
                             size_t n, double h);

/* Near crossings (src/series/pair.c): two tracks of one group whose gap,
   over both windows' nodes, falls below a tenth of its largest value
   while every other track of the group stays farther away are refitted
   as a pair - their sum S and squared difference D (analytic through an
   avoided crossing) interpolated in each window, and the two recovered
   as (S -+ sqrt(D)) / 2 with sqrt(D) as a formal series (D(0) > 0).
   c1[i], c2[i]: window 1's and 2's coefficients (y-form, nodes of them)
   of track i, overwritten for refitted pairs; y1, y2 the node values
   (track i at y[i * nodes + j]), t1, t2 the nodes, h1, h2 the windows;
   m[i] the window-1 track of window-2 track i; shape window 2's groups.
   partner[i] receives the window-2 track refitted with track i, or
   (size_t) -1.  LSC_ENOMEM. */
int lsc_series_pair_refit (size_t *partner, mpfr_t *const *c1,
                           mpfr_t *const *c2, const mpfr_t *y1,
                           const mpfr_t *t1, double h1, const mpfr_t *y2,
                           const mpfr_t *t2, double h2, const size_t *m,
                           const lsc_iso_eigen *shape, size_t n,
                           size_t nodes);

#endif
