/* Umbrella header of liblandscape. */
#ifndef LANDSCAPE_H
#define LANDSCAPE_H

#include "landscape/lsc_errno.h"
#include "landscape/lsc_kernel.h"
#include "landscape/lsc_loss.h"
#include "landscape/lsc_spectrum.h"
#include "landscape/lsc_io.h"
#include "landscape/lsc_young.h"
#include "landscape/lsc_detect.h"
#include "landscape/lsc_restricted.h"
#include "landscape/lsc_isotypic.h"
#include "landscape/lsc_bifurcation.h"
#include "landscape/lsc_newton.h"
#include "landscape/lsc_continuation.h"
#include "landscape/lsc_families.h"
#include "landscape/lsc_descent.h"
#include "landscape/lsc_branch.h"
#include "landscape/lsc_series.h"
#include "landscape/lsc_scan.h"
#include "landscape/lsc_census.h"
#include "landscape/lsc_census_table.h"
#include "landscape/lsc_bifurcate.h"
#include "landscape/lsc_overparam.h"
#include "landscape/lsc_jobs.h"
#include "landscape/lsc_table.h"
#include "landscape/lsc_scan_table.h"
#include "landscape/lsc_branch_table.h"
#include "landscape/lsc_bifurcate_table.h"
#include "landscape/lsc_plot.h"

#endif
