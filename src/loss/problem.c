/* placeholder: not yet written */
typedef int lsc_placeholder_problem;
