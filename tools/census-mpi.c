/* landscape-census over MPI ranks (see census-mpi.h).  The run records
   are sent as bytes: the ranks of one census run the same binary (a
   homogeneous cluster), as mpirun and srun start it. */
#include <config.h>
#include "census-mpi.h"

#ifdef HAVE_MPI
#include <mpi.h>

enum { TAG_RUN = 18 };

void
census_mpi_begin (int *argc, char ***argv)
{
  int provided;
  MPI_Init_thread (argc, argv, MPI_THREAD_SERIALIZED, &provided);
}

void
census_mpi_end (void)
{
  MPI_Finalize ();
}

int
census_mpi_rank (void)
{
  int r;
  MPI_Comm_rank (MPI_COMM_WORLD, &r);
  return r;
}

int
census_mpi_size (void)
{
  int s;
  MPI_Comm_size (MPI_COMM_WORLD, &s);
  return s;
}

int
census_mpi_mine (size_t run)
{
  return run % (size_t) census_mpi_size () == (size_t) census_mpi_rank ();
}

void
census_mpi_share (census_run *runs, size_t n)
{
  if (census_mpi_size () == 1)
    return;
  /* in pieces below INT_MAX bytes */
  size_t per = (size_t) (1 << 30) / sizeof *runs;
  for (size_t i = 0; i < n; i += per)
    MPI_Bcast (runs + i, (int) ((n - i < per ? n - i : per) * sizeof *runs),
               MPI_BYTE, 0, MPI_COMM_WORLD);
}

void
census_mpi_send (const census_run *r)
{
  MPI_Send (r, (int) sizeof *r, MPI_BYTE, 0, TAG_RUN, MPI_COMM_WORLD);
}

int
census_mpi_recv (census_run *r, int block)
{
  if (census_mpi_size () == 1)
    return 0;
  if (!block)
    {
      int flag = 0;
      MPI_Iprobe (MPI_ANY_SOURCE, TAG_RUN, MPI_COMM_WORLD, &flag,
                  MPI_STATUS_IGNORE);
      if (!flag)
        return 0;
    }
  MPI_Recv (r, (int) sizeof *r, MPI_BYTE, MPI_ANY_SOURCE, TAG_RUN,
            MPI_COMM_WORLD, MPI_STATUS_IGNORE);
  return 1;
}

#else /* one process */

void
census_mpi_begin (int *argc, char ***argv)
{
  (void) argc;
  (void) argv;
}

void
census_mpi_end (void)
{
}

int
census_mpi_rank (void)
{
  return 0;
}

int
census_mpi_size (void)
{
  return 1;
}

int
census_mpi_mine (size_t run)
{
  (void) run;
  return 1;
}

void
census_mpi_share (census_run *runs, size_t n)
{
  (void) runs;
  (void) n;
}

void
census_mpi_send (const census_run *r)
{
  (void) r;
}

int
census_mpi_recv (census_run *r, int block)
{
  (void) r;
  (void) block;
  return 0;
}
#endif
