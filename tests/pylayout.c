/* pylayout: sizes and field offsets of the public structs the Python
 package mirrors with ctypes (python/landscape/_types.py), one line each:
 "struct size" then "struct.field offset"; its test compares them. */
#include <config.h>
#include <stddef.h>
#include <stdio.h>
#include "landscape.h"

#define S(t) printf ("%s %zu\n", #t, sizeof (t))
#define F(t, f) printf ("%s.%s %zu\n", #t, #f, offsetof (t, f))

int
main (void)
{
  S (lsc_young);
  F (lsc_young, nrb);
  F (lsc_young, ncb);
  F (lsc_young, rsize);
  F (lsc_young, csize);
  F (lsc_young, pair);
  S (lsc_family);
  F (lsc_family, name);
  F (lsc_family, isotropy);
  F (lsc_family, G);
  F (lsc_family, d);
  F (lsc_family, nparams);
  F (lsc_family, p);
  F (lsc_family, loss);
  F (lsc_family, kind);
  F (lsc_family, description);
  F (lsc_family, dstar);
  F (lsc_family, dstar_text);
  S (lsc_catalogue);
  F (lsc_catalogue, n);
  F (lsc_catalogue, fam);
  S (lsc_iso_eigen);
  F (lsc_iso_eigen, value);
  F (lsc_iso_eigen, irrep);
  F (lsc_iso_eigen, inner);
  F (lsc_iso_eigen, mult);
  F (lsc_iso_eigen, spread);
  S (lsc_scan_opts);
  F (lsc_scan_opts, rtol);
  F (lsc_scan_opts, ztol);
  F (lsc_scan_opts, full_tol);
  F (lsc_scan_opts, full);
  F (lsc_scan_opts, fast);
  F (lsc_scan_opts, prec);
  F (lsc_scan_opts, digits);
  S (lsc_scan_row);
  F (lsc_scan_row, fam);
  F (lsc_scan_row, d);
  F (lsc_scan_row, k);
  F (lsc_scan_row, status);
  F (lsc_scan_row, p);
  F (lsc_scan_row, np);
  F (lsc_scan_row, loss);
  F (lsc_scan_row, resid);
  F (lsc_scan_row, ev);
  F (lsc_scan_row, nev);
  F (lsc_scan_row, index);
  F (lsc_scan_row, zero);
  F (lsc_scan_row, total);
  F (lsc_scan_row, min_eig);
  F (lsc_scan_row, min_irrep);
  F (lsc_scan_row, type);
  F (lsc_scan_row, full);
  F (lsc_scan_row, full_dev);
  F (lsc_scan_row, loss_dec);
  F (lsc_scan_row, resid_dec);
  F (lsc_scan_row, ev_dec);
  F (lsc_scan_row, min_idx);
  S (lsc_scan_set);
  F (lsc_scan_set, fam);
  F (lsc_scan_set, rows);
  F (lsc_scan_set, n);
  S (lsc_scan_k);
  F (lsc_scan_k, relative);
  F (lsc_scan_k, value);
  S (lsc_problem);
  F (lsc_problem, k);
  F (lsc_problem, d);
  F (lsc_problem, m);
  F (lsc_problem, V);
  F (lsc_problem, alpha);
  F (lsc_problem, beta);
  S (lsc_eigen_cluster);
  F (lsc_eigen_cluster, value);
  F (lsc_eigen_cluster, mult);
  F (lsc_eigen_cluster, spread);
  F (lsc_eigen_cluster, first);
  S (lsc_inertia);
  F (lsc_inertia, neg);
  F (lsc_inertia, zero);
  F (lsc_inertia, pos);
  S (lsc_detect_info);
  F (lsc_detect_info, dist);
  F (lsc_detect_info, maxdev);
  F (lsc_detect_info, nvalues);
  F (lsc_detect_info, rounds);
  S (lsc_cont_function);
  F (lsc_cont_function, n);
  F (lsc_cont_function, fdf);
  F (lsc_cont_function, dd);
  F (lsc_cont_function, loss);
  F (lsc_cont_function, params);
  S (lsc_cont_restricted);
  F (lsc_cont_restricted, G);
  S (lsc_cont_params);
  F (lsc_cont_params, h0);
  F (lsc_cont_params, hmin);
  F (lsc_cont_params, hmax);
  F (lsc_cont_params, grow);
  F (lsc_cont_params, shrink);
  F (lsc_cont_params, easy_iter);
  F (lsc_cont_params, corr_maxiter);
  F (lsc_cont_params, epsabs);
  F (lsc_cont_params, epsx);
  F (lsc_cont_params, epsstall);
  F (lsc_cont_params, cos_min);
  F (lsc_cont_params, dlog);
  F (lsc_cont_params, fd_rel);
  F (lsc_cont_params, max_points);
  F (lsc_cont_params, stop_at_fold);
  S (lsc_cont_point);
  F (lsc_cont_point, d);
  F (lsc_cont_point, p);
  F (lsc_cont_point, loss);
  F (lsc_cont_point, residual);
  F (lsc_cont_point, tangent_d);
  F (lsc_cont_point, h);
  F (lsc_cont_point, iter);
  F (lsc_cont_point, fold);
  F (lsc_cont_point, status);
  return 0;
}
