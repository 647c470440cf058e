/* Grouping of sorted eigenvalues into distinct values with multiplicities, and inertia counts. */
#include <config.h>
#include <math.h>
#include "internal.h"
#include "landscape/lsc_spectrum.h"

/* Group the ascending eigenvalues eval[0..n-1] into clusters.  With
   tol = max(atol, rtol * max_i |eval[i]|), eval[i] joins the group of
   eval[i-1] when eval[i] - eval[i-1] <= tol (single linkage: a group may
   be wider than tol when its members are chained; its spread says so).
   Each group reports the mean of its members (computed as the first member
   plus the mean offset, so rounding acts on the spread only), the
   multiplicity, the spread max - min, and the index of its first member.
   groups must hold n entries; *ngroups receives their number.  n = 0
   gives no groups.

   Choosing the tolerance: eigenvalues from lsc_eigen_symm carry absolute
   errors of order n eps ||A||_2, so rtol of about 1e3 n eps (with ||A||_2
   = max|eval|) merges rounding-split copies of one eigenvalue while
   keeping eigenvalues that differ by more than that apart.

   Errors: LSC_EFAULT (NULL pointer), LSC_EBADTOL (rtol or atol negative or
   not finite), LSC_ENONFINITE (NaN or infinity in eval), LSC_EINVAL (eval
   not in ascending order). */
int
lsc_eigen_group (lsc_eigen_cluster *groups, size_t *ngroups,
                 const double *eval, size_t n, double rtol, double atol)
{
  if (!groups || !ngroups || !eval)
    LSC_ERROR ("eigen_group: NULL pointer", LSC_EFAULT);
  if (!(rtol >= 0.0) || !(atol >= 0.0) || !isfinite (rtol)
      || !isfinite (atol))
    LSC_ERROR ("eigen_group: tolerances must be finite and >= 0",
               LSC_EBADTOL);
  if (!lsc_all_finite (eval, n))
    LSC_ERROR ("eigen_group: NaN or infinity in the eigenvalues",
               LSC_ENONFINITE);
  double amax = 0.0;
  for (size_t i = 0; i < n; i++)
    {
      if (i > 0 && eval[i] < eval[i - 1])
        LSC_ERROR ("eigen_group: eigenvalues not in ascending order",
                   LSC_EINVAL);
      amax = fmax (amax, fabs (eval[i]));
    }
  double tol = fmax (atol, rtol * amax);

  size_t ng = 0;
  size_t i = 0;
  while (i < n)
    {
      size_t j = i + 1;
      while (j < n && eval[j] - eval[j - 1] <= tol)
        j++;
      /* Members i..j-1.  Mean as first + mean of the offsets: rounding
         then acts on the offsets (of the size of the spread), not on n
         copies of a large common value, and the mean stays inside
         [min, max] up to an ulp. */
      double off = 0.0;
      for (size_t t = i + 1; t < j; t++)
        off += eval[t] - eval[i];
      groups[ng].value = eval[i] + off / (double) (j - i);
      groups[ng].mult = j - i;
      groups[ng].spread = eval[j - 1] - eval[i];
      groups[ng].first = i;
      ng++;
      i = j;
    }
  *ngroups = ng;
  return LSC_SUCCESS;
}

/* Inertia of a list of eigenvalues (any order): the numbers of values
   < -tol, in [-tol, tol], and > tol.  tol is the caller's judgement of the
   eigenvalues' absolute error (for lsc_eigen_symm output, a small multiple
   of n eps max|eval|).  Errors: LSC_EFAULT (NULL pointer), LSC_EBADTOL (tol
   negative or not finite), LSC_ENONFINITE (NaN or infinity in eval). */
int
lsc_inertia_count (lsc_inertia *in, const double *eval, size_t n, double tol)
{
  if (!in || !eval)
    LSC_ERROR ("inertia_count: NULL pointer", LSC_EFAULT);
  if (!(tol >= 0.0) || !isfinite (tol))
    LSC_ERROR ("inertia_count: tolerance must be finite and >= 0",
               LSC_EBADTOL);
  if (!lsc_all_finite (eval, n))
    LSC_ERROR ("inertia_count: NaN or infinity in the eigenvalues",
               LSC_ENONFINITE);
  lsc_inertia c = { 0, 0, 0 };
  for (size_t i = 0; i < n; i++)
    {
      if (eval[i] < -tol)
        c.neg++;
      else if (eval[i] > tol)
        c.pos++;
      else
        c.zero++;
    }
  *in = c;
  return LSC_SUCCESS;
}
