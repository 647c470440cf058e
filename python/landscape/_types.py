"""ctypes mirrors of the plain-data structs of liblandscape's public
headers (include/landscape/lsc_*.h).  tests/pylayout prints the C sizes
and offsets; python/tests/test_landscape.py checks these against them."""
import ctypes as C

YOUNG_MAX = 16                       # LSC_YOUNG_MAX
FAMILY_MAXP = YOUNG_MAX * YOUNG_MAX * 2   # LSC_FAMILY_MAXP
DETECT_MAXPARAMS = YOUNG_MAX * (YOUNG_MAX + 1)  # LSC_DETECT_MAXPARAMS

c_double_p = C.POINTER(C.c_double)


class Young(C.Structure):
    _fields_ = [("nrb", C.c_size_t), ("ncb", C.c_size_t),
                ("rsize", C.c_double * YOUNG_MAX),
                ("csize", C.c_double * YOUNG_MAX),
                ("pair", C.c_int * YOUNG_MAX)]


class FamilyDomain(C.Structure):
    _fields_ = [("lo", C.c_double), ("hi", C.c_double),
                ("end_lo", C.c_int), ("end_hi", C.c_int)]


class Family(C.Structure):
    _fields_ = [("name", C.c_char * 64), ("isotropy", C.c_char * 160),
                ("G", Young), ("d", C.c_double), ("nparams", C.c_size_t),
                ("p", C.c_double * FAMILY_MAXP), ("loss", C.c_double),
                ("kind", C.c_char * 32), ("description", C.c_char * 256),
                ("dstar", C.c_double), ("dstar_text", C.c_char * 64),
                ("has_domain", C.c_int), ("domain", FamilyDomain)]


class Catalogue(C.Structure):
    _fields_ = [("n", C.c_size_t), ("fam", C.POINTER(Family))]


class IsoEigen(C.Structure):
    _fields_ = [("value", C.c_double), ("irrep", C.c_int),
                ("inner", C.c_size_t), ("mult", C.c_double),
                ("spread", C.c_double)]


class ScanOpts(C.Structure):
    _fields_ = [("rtol", C.c_double), ("ztol", C.c_double),
                ("full_tol", C.c_double), ("full", C.c_int),
                ("fast", C.c_int), ("prec", C.c_long), ("digits", C.c_int)]


class ScanRow(C.Structure):
    _fields_ = [("fam", C.POINTER(Family)), ("d", C.c_double),
                ("k", C.c_double), ("status", C.c_int),
                ("p", C.c_double * FAMILY_MAXP), ("np", C.c_size_t),
                ("loss", C.c_double), ("resid", C.c_double),
                ("ev", C.POINTER(IsoEigen)), ("nev", C.c_size_t),
                ("index", C.c_double), ("zero", C.c_double),
                ("total", C.c_double), ("min_eig", C.c_double),
                ("min_irrep", C.c_int), ("type", C.c_char_p),
                ("full", C.c_int), ("full_dev", C.c_double),
                ("loss_dec", C.c_char_p), ("resid_dec", C.c_char_p),
                ("ev_dec", C.POINTER(C.c_char_p)), ("min_idx", C.c_size_t),
                ("index_dec", C.c_char_p), ("ev_err", C.c_double),
                ("absent", C.c_int), ("coincident", C.c_int),
                ("incomplete", C.c_int), ("note", C.c_char * 160)]


class ScanSet(C.Structure):
    _fields_ = [("fam", C.POINTER(Family)), ("rows", C.POINTER(ScanRow)),
                ("n", C.c_size_t)]


class ScanK(C.Structure):
    _fields_ = [("relative", C.c_int), ("value", C.c_double)]


class Problem(C.Structure):
    _fields_ = [("k", C.c_size_t), ("d", C.c_size_t), ("m", C.c_size_t),
                ("V", c_double_p), ("alpha", c_double_p),
                ("beta", c_double_p)]


class EigenCluster(C.Structure):
    _fields_ = [("value", C.c_double), ("mult", C.c_size_t),
                ("spread", C.c_double), ("first", C.c_size_t)]


class Inertia(C.Structure):
    _fields_ = [("neg", C.c_size_t), ("zero", C.c_size_t),
                ("pos", C.c_size_t)]


class DetectInfo(C.Structure):
    _fields_ = [("dist", C.c_double), ("maxdev", C.c_double),
                ("nvalues", C.c_size_t), ("rounds", C.c_size_t)]


ContFdf = C.CFUNCTYPE(C.c_int, c_double_p, c_double_p, c_double_p,
                      C.c_double, C.c_void_p)


class ContFunction(C.Structure):
    _fields_ = [("n", C.c_size_t), ("fdf", C.c_void_p), ("dd", C.c_void_p),
                ("loss", C.c_void_p), ("params", C.c_void_p)]


class ContRestricted(C.Structure):
    _fields_ = [("G", Young)]


class ContParams(C.Structure):
    _fields_ = [("h0", C.c_double), ("hmin", C.c_double),
                ("hmax", C.c_double), ("grow", C.c_double),
                ("shrink", C.c_double), ("easy_iter", C.c_size_t),
                ("corr_maxiter", C.c_size_t), ("epsabs", C.c_double),
                ("epsx", C.c_double), ("epsstall", C.c_double),
                ("alpha_max", C.c_double), ("kappa_max", C.c_double),
                ("delta_max", C.c_double), ("dlog", C.c_double),
                ("fd_rel", C.c_double), ("max_points", C.c_size_t),
                ("stop_at_fold", C.c_int)]


class FollowOpts(C.Structure):
    _fields_ = [("cont", ContParams), ("from_", C.c_double),
                ("to", C.c_double), ("past_branch", C.c_int),
                ("detect_tol", C.c_double)]


class ContPoint(C.Structure):
    _fields_ = [("d", C.c_double), ("p", c_double_p), ("loss", C.c_double),
                ("residual", C.c_double), ("tangent_d", C.c_double),
                ("h", C.c_double), ("iter", C.c_size_t), ("fold", C.c_int),
                ("status", C.c_int)]


class FollowPoint(C.Structure):
    _fields_ = [("pt", C.POINTER(ContPoint)), ("classified", C.c_int),
                ("type", C.c_char_p), ("index", C.c_double),
                ("min_eig", C.c_double), ("min_irrep", C.c_int)]


class FollowResult(C.Structure):
    _fields_ = [("status", C.c_int), ("d_end", C.c_double),
                ("branch_end", C.c_int), ("npoints", C.c_size_t)]


class DescentParams(C.Structure):
    _fields_ = [("method", C.c_int), ("step_c", C.c_double),
                ("gtol", C.c_double), ("maxiter", C.c_size_t),
                ("lbfgs_m", C.c_size_t), ("armijo", C.c_double),
                ("ls_max", C.c_size_t), ("newton_tol", C.c_double),
                ("newton_tol_x", C.c_double),
                ("newton_maxiter", C.c_size_t),
                ("newton_accept", C.c_double)]


class ClassifyParams(C.Structure):
    _fields_ = [("loss_tol", C.c_double), ("ztol", C.c_double),
                ("detect_tol", C.c_double), ("ptol", C.c_double),
                ("dense", C.c_int)]


class CensusRun(C.Structure):
    _fields_ = [("done", C.c_int), ("run", C.c_size_t),
                ("seed", C.c_ulong), ("iter", C.c_size_t),
                ("nfev", C.c_size_t), ("time", C.c_double),
                ("loss", C.c_double), ("gnorm", C.c_double),
                ("min_eig", C.c_double), ("index", C.c_size_t),
                ("nzero", C.c_size_t), ("status", C.c_int),
                ("kind", C.c_int), ("family", C.c_char * 64),
                ("isotropy", C.c_char * 160), ("np", C.c_size_t),
                ("p", C.c_double * FAMILY_MAXP)]


class CensusConfig(C.Structure):
    _fields_ = [("k", C.c_size_t), ("d", C.c_size_t), ("m", C.c_size_t),
                ("seed", C.c_ulonglong), ("method", C.c_char_p),
                ("step", C.c_double), ("gtol", C.c_double),
                ("maxiter", C.c_size_t), ("target", C.c_char_p),
                ("target_hash", C.c_ulonglong),
                ("catalogue_hash", C.c_ulonglong)]


class ScanTableOpts(C.Structure):
    _fields_ = [("longfmt", C.c_int), ("poly", C.c_int), ("prove", C.c_int)]


class CensusLabels(C.Structure):
    _fields_ = [("n", C.c_size_t), ("first", C.c_void_p * 256)]


class BifurcateEvent(C.Structure):
    _fields_ = [("fam", C.POINTER(Family)), ("event", C.c_char_p),
                ("irrep", C.c_int), ("inner", C.c_size_t),
                ("mult", C.c_double), ("d", C.c_double),
                ("d_star", C.c_char_p), ("change", C.c_char_p),
                ("index_below", C.c_double), ("index_above", C.c_double),
                ("loss", C.c_char_p), ("residual", C.c_double),
                ("digits_agree", C.c_size_t), ("status", C.c_int),
                ("d_star20", C.c_char * 48), ("np", C.c_size_t),
                ("p", C.POINTER(C.c_char_p))]


class BifurcateOpts(C.Structure):
    _fields_ = [("from_", C.c_double), ("to", C.c_double),
                ("digits", C.c_uint), ("params", C.c_int),
                ("max_brackets", C.c_size_t)]


class BranchOptions(C.Structure):
    _fields_ = [("ktol", C.c_double), ("ctol", C.c_double),
                ("fd_h", C.c_double), ("amp", C.c_double),
                ("amp_rejoin", C.c_double), ("d_lo", C.c_double),
                ("d_hi", C.c_double), ("max_folds", C.c_size_t),
                ("pmax", C.c_size_t), ("integer_checks", C.c_int),
                ("zero_rtol", C.c_double)]


class BranchRow(C.Structure):
    _fields_ = [("what", C.c_int), ("parent", C.c_char * 64),
                ("dstar", C.c_double), ("irrep", C.c_int),
                ("inner", C.c_size_t), ("kind", C.c_int),
                ("theory", C.c_int), ("child", C.c_char * 160),
                ("split", C.c_char * 160), ("below", C.c_char * 128),
                ("above", C.c_char * 128), ("end_below", C.c_char * 48),
                ("end_above", C.c_char * 48), ("meets", C.c_char * 160),
                ("checks", C.c_char * 32), ("status", C.c_int)]


class BranchEdge(C.Structure):
    _fields_ = [("parent", C.c_char * 192), ("child", C.c_char * 192),
                ("relation", C.c_char * 16), ("d", C.c_double)]


class BranchTangent(C.Structure):
    _fields_ = [("parent", C.c_char * 64), ("child", C.c_char * 160),
                ("dstar", C.c_double), ("value", C.c_double),
                ("index", C.c_size_t)]


class BranchResult(C.Structure):
    _fields_ = [("rows", C.POINTER(BranchRow)), ("nrows", C.c_size_t),
                ("caprows", C.c_size_t),
                ("edges", C.POINTER(BranchEdge)), ("nedges", C.c_size_t),
                ("capedges", C.c_size_t),
                ("tangents", C.POINTER(BranchTangent)),
                ("ntangents", C.c_size_t), ("captangents", C.c_size_t)]


FollowFn = C.CFUNCTYPE(C.c_int, C.POINTER(FollowPoint), C.c_void_p)
ScanProgress = C.CFUNCTYPE(None, C.POINTER(Family), C.c_size_t, C.c_size_t,
                           C.c_void_p)

# name -> (ctypes class, C type name) for the layout check
LAYOUT = {
    "lsc_young": Young, "lsc_family": Family, "lsc_catalogue": Catalogue,
    "lsc_iso_eigen": IsoEigen, "lsc_scan_opts": ScanOpts,
    "lsc_scan_row": ScanRow, "lsc_scan_set": ScanSet, "lsc_scan_k": ScanK,
    "lsc_problem": Problem, "lsc_eigen_cluster": EigenCluster,
    "lsc_inertia": Inertia, "lsc_detect_info": DetectInfo,
    "lsc_cont_function": ContFunction,
    "lsc_cont_restricted": ContRestricted, "lsc_cont_params": ContParams,
    "lsc_cont_point": ContPoint, "lsc_follow_opts": FollowOpts,
    "lsc_follow_point": FollowPoint, "lsc_follow_result": FollowResult,
    "lsc_descent_params": DescentParams,
    "lsc_classify_params": ClassifyParams, "lsc_census_run": CensusRun,
    "lsc_census_labels": CensusLabels,
    "lsc_census_config": CensusConfig,
    "lsc_scan_table_opts": ScanTableOpts,
    "lsc_bifurcate_event": BifurcateEvent,
    "lsc_bifurcate_opts": BifurcateOpts,
    "lsc_branch_options": BranchOptions, "lsc_branch_row": BranchRow,
    "lsc_branch_edge": BranchEdge, "lsc_branch_tangent": BranchTangent,
    "lsc_branch_result": BranchResult,
}
