/* landscape-census over MPI ranks: runs split by run number (run i on rank
   i mod size), results sent to rank 0, which prints, writes the resume
   file and the summary.  Without MPI (configure --without-mpi, or no MPI
   found) every function is the one-process case. */
#ifndef LSC_CENSUS_MPI_H
#define LSC_CENSUS_MPI_H

#include <stddef.h>
#include "census.h"

/* MPI_Init_thread (serialized: every MPI call of the census is made
   outside parallel regions or inside its one critical section). */
void census_mpi_begin (int *argc, char ***argv);
/* MPI_Finalize. */
void census_mpi_end (void);
int census_mpi_rank (void);
int census_mpi_size (void);
/* 1 if run belongs to this rank. */
int census_mpi_mine (size_t run);
/* Rank 0's runs[] (loaded from a resume file) to every rank. */
void census_mpi_share (census_run *runs, size_t n);
/* Non-root ranks: send a finished run to rank 0. */
void census_mpi_send (const census_run *r);
/* Rank 0: receive one finished run into *r; wait when block != 0, else
   return 0 when none is pending.  Returns 1 when *r was filled. */
int census_mpi_recv (census_run *r, int block);

#endif
