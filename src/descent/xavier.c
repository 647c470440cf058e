/* Xavier initialisation and the per-run RNG stream seeds of a census. */
#include <config.h>
#include <math.h>
#include <gsl/gsl_randist.h>
#include "landscape/lsc_descent.h"
#include "internal.h"

/* splitmix64 (Steele, Lea & Flood 2014): a bijective mixer; applied to a
   counter it is the SplittableRandom generator. */
static uint64_t
splitmix64 (uint64_t x)
{
  x += UINT64_C (0x9E3779B97F4A7C15);
  x = (x ^ (x >> 30)) * UINT64_C (0xBF58476D1CE4E5B9);
  x = (x ^ (x >> 27)) * UINT64_C (0x94D049BB133111EB);
  return x ^ (x >> 31);
}

unsigned long
lsc_descent_stream_seed (uint64_t seed, uint64_t run)
{
  /* Output number run of the splitmix64 stream started at splitmix64(seed):
     distinct runs never share a state, and streams of different seeds
     overlap only if their starts are within N of each other (probability
     about N^2 / 2^64). */
  uint64_t h = splitmix64 (splitmix64 (seed) + run);
  /* 32 bits: gsl_rng_mt19937 uses only the low 32 bits of its seed. */
  unsigned long s = (unsigned long) ((h ^ (h >> 32)) & 0xFFFFFFFFu);
  return s ? s : 1;
}

int
lsc_descent_xavier (double *W, size_t k, size_t d, gsl_rng *r)
{
  if (!W || !r)
    LSC_ERROR ("lsc_descent_xavier: NULL argument", LSC_EFAULT);
  if (k == 0 || d == 0)
    LSC_ERROR ("lsc_descent_xavier: k and d must be positive", LSC_EINVAL);
  double sigma = 1.0 / sqrt ((double) d);
  for (size_t i = 0; i < k * d; i++)
    W[i] = gsl_ran_gaussian_ziggurat (r, sigma);
  return LSC_SUCCESS;
}
