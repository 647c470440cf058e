/* The census over MPI ranks: an lsc_census_comm for lsc_census_drive
   (runs split by run number, results sent to rank 0).  Compiled into
   landscape-census only, so that liblandscape does not link MPI; without
   MPI (configure --without-mpi, or none found) it is the one-process
   case. */
#ifndef LSC_CENSUS_COMM_MPI_H
#define LSC_CENSUS_COMM_MPI_H

#include "landscape.h"

/* MPI_Init_thread (serialized: every MPI call of the census is made
   outside parallel regions or inside its one critical section). */
void census_mpi_begin (int *argc, char ***argv);
/* MPI_Finalize (a second call does nothing). */
void census_mpi_end (void);
/* This process's rank (0 without MPI). */
int census_mpi_rank (void);
/* The communicator of MPI_COMM_WORLD, NULL for one process. */
const lsc_census_comm *census_mpi_comm (void);

#endif
