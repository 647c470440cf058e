/* The census over MPI ranks (comm_mpi.h).  The run records are sent as
   bytes: the ranks of one census run the same binary (a homogeneous
   cluster), as mpirun and srun start it. */
#include <config.h>
#include "comm_mpi.h"

#ifdef HAVE_MPI
#include <mpi.h>

enum { TAG_RUN = 18 };
static int finalized;

void
census_mpi_begin (int *argc, char ***argv)
{
  int provided;
  MPI_Init_thread (argc, argv, MPI_THREAD_SERIALIZED, &provided);
}

void
census_mpi_end (void)
{
  if (!finalized)
    MPI_Finalize ();
  finalized = 1;
}

int
census_mpi_rank (void)
{
  int r;
  MPI_Comm_rank (MPI_COMM_WORLD, &r);
  return r;
}

static void
share (lsc_census_run *runs, size_t n, void *ctx)
{
  (void) ctx;
  /* in pieces below INT_MAX bytes */
  size_t per = (size_t) (1 << 30) / sizeof *runs;
  for (size_t i = 0; i < n; i += per)
    MPI_Bcast (runs + i, (int) ((n - i < per ? n - i : per) * sizeof *runs),
               MPI_BYTE, 0, MPI_COMM_WORLD);
}

static void
send (const lsc_census_run *r, void *ctx)
{
  (void) ctx;
  MPI_Send (r, (int) sizeof *r, MPI_BYTE, 0, TAG_RUN, MPI_COMM_WORLD);
}

static int
recv (lsc_census_run *r, int block, void *ctx)
{
  (void) ctx;
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

const lsc_census_comm *
census_mpi_comm (void)
{
  static lsc_census_comm c = { 0, 1, share, send, recv, NULL };
  MPI_Comm_rank (MPI_COMM_WORLD, &c.rank);
  MPI_Comm_size (MPI_COMM_WORLD, &c.size);
  return c.size > 1 ? &c : NULL;
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

const lsc_census_comm *
census_mpi_comm (void)
{
  return NULL;
}
#endif
