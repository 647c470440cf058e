"""Loading liblandscape and declaring the C functions the package calls."""
import ctypes as C
import ctypes.util
import os

from . import _types as T

_here = os.path.dirname(os.path.abspath(__file__))


def _candidates():
    env = os.environ.get("LANDSCAPE_LIB")
    if env:
        yield env
        return
    # The source or build tree: python/landscape/ -> ../../.libs
    top = os.path.dirname(os.path.dirname(_here))
    for name in ("liblandscape.so", "liblandscape.dylib"):
        path = os.path.join(top, ".libs", name)
        if os.path.exists(path):
            yield path
    try:
        from . import _config
        for name in ("liblandscape.so.0", "liblandscape.so",
                     "liblandscape.dylib"):
            path = os.path.join(_config.LIBDIR, name)
            if os.path.exists(path):
                yield path
    except ImportError:
        pass
    found = ctypes.util.find_library("landscape")
    if found:
        yield found


def _load():
    tried = []
    for path in _candidates():
        try:
            return C.CDLL(path), path
        except OSError as e:
            tried.append("%s (%s)" % (path, e))
    raise ImportError("landscape: cannot load liblandscape; tried: %s; set "
                      "LANDSCAPE_LIB to its path" % ("; ".join(tried)
                                                     or "nothing found"))


lib, path = _load()

c_int, c_size_t, c_double, c_char_p, c_void_p = (
    C.c_int, C.c_size_t, C.c_double, C.c_char_p, C.c_void_p)
P = C.POINTER
dp = T.c_double_p


def _fn(name, restype, *argtypes):
    f = getattr(lib, name)
    f.restype = restype
    f.argtypes = list(argtypes)
    return f


strerror = _fn("lsc_strerror", c_char_p, c_int)
status_token = _fn("lsc_status_token", c_char_p, c_int)

catalogue_read_file = _fn("lsc_catalogue_read_file", c_int,
                          P(P(T.Catalogue)), c_char_p, c_char_p, c_size_t)
catalogue_free = _fn("lsc_catalogue_free", None, P(T.Catalogue))
catalogue_find = _fn("lsc_catalogue_find", P(T.Family), P(T.Catalogue),
                     c_char_p)
catalogue_default_path = _fn("lsc_catalogue_default_path", c_char_p)

scan_opts_init = _fn("lsc_scan_opts_init", None, P(T.ScanOpts))
scan_opts_check = _fn("lsc_scan_opts_check", c_int, P(T.ScanOpts),
                      c_char_p, c_size_t)
scan_k_init = _fn("lsc_scan_k_init", None, P(T.ScanK))
scan_k_check = _fn("lsc_scan_k_check", c_int, P(T.ScanK), c_char_p,
                   c_size_t)
scan_catalogue = _fn("lsc_scan_catalogue", c_int, P(P(T.ScanSet)),
                     P(c_size_t), P(T.Catalogue), P(c_char_p), c_size_t,
                     dp, c_size_t, P(T.ScanK), P(T.ScanOpts),
                     T.ScanProgress, c_void_p)
scan_sets_free = _fn("lsc_scan_sets_free", None, P(T.ScanSet), c_size_t)
scan_family_dstar = _fn("lsc_scan_family_dstar", c_double, P(T.Family))
scan_full_token = _fn("lsc_scan_full_token", c_char_p, c_int)
irrep_name = _fn("lsc_irrep_name", c_char_p, c_int)

loss_workspace_alloc = _fn("lsc_loss_workspace_alloc", c_void_p, c_size_t,
                           c_size_t, c_size_t)
loss_workspace_free = _fn("lsc_loss_workspace_free", None, c_void_p)
loss = _fn("lsc_loss", c_int, dp, dp, P(T.Problem), c_void_p)
loss_grad = _fn("lsc_loss_grad", c_int, dp, dp, dp, P(T.Problem), c_void_p)
loss_hessian = _fn("lsc_loss_hessian", c_int, dp, dp, P(T.Problem),
                   c_void_p)

eigen_workspace_alloc = _fn("lsc_eigen_workspace_alloc", c_void_p, c_size_t,
                            c_int)
eigen_workspace_free = _fn("lsc_eigen_workspace_free", None, c_void_p)
eigen_symm = _fn("lsc_eigen_symm", c_int, dp, dp, dp, c_size_t, c_void_p)
eigen_group = _fn("lsc_eigen_group", c_int, P(T.EigenCluster), P(c_size_t),
                  dp, c_size_t, c_double, c_double)
inertia_count = _fn("lsc_inertia_count", c_int, P(T.Inertia), dp, c_size_t,
                    c_double)
LABEL_LEN = 16
cluster_labels = _fn("lsc_isotypic_cluster_labels", c_int,
                     P(C.c_char * LABEL_LEN), c_void_p,
                     P(T.EigenCluster), c_size_t, dp, c_size_t, c_size_t,
                     c_double, c_double)

detect_alloc = _fn("lsc_detect_alloc", c_void_p, c_size_t, c_size_t)
detect_free = _fn("lsc_detect_free", None, c_void_p)
detect = _fn("lsc_detect", c_int, P(T.Young), P(c_size_t), P(c_size_t), dp,
             P(T.DetectInfo), dp, c_size_t, c_size_t, c_double, c_void_p)
isotropy_format = _fn("lsc_isotropy_format", c_int, c_char_p, c_size_t,
                      P(T.Young))
young_nparams = _fn("lsc_young_nparams", c_size_t, P(T.Young))
young_k = _fn("lsc_young_k", c_double, P(T.Young))
young_d = _fn("lsc_young_d", c_double, P(T.Young))

cont_params_init = _fn("lsc_cont_params_init", None, P(T.ContParams))
follow_opts_init = _fn("lsc_follow_opts_init", None, P(T.FollowOpts))
follow_opts_check = _fn("lsc_follow_opts_check", c_int, P(T.FollowOpts),
                        c_char_p, c_size_t)
follow = _fn("lsc_follow", c_int, P(T.FollowResult), P(c_int), P(T.Family),
             P(T.FollowOpts), T.FollowFn, c_void_p)
follow_detect = _fn("lsc_follow_detect", c_int, P(T.Family), dp, c_size_t,
                    c_size_t, c_double)
table_index_text = _fn("lsc_table_index_text", None, c_char_p, c_size_t,
                       c_double, c_double)

descent_params_init = _fn("lsc_descent_params_init", None,
                          P(T.DescentParams))
classify_params_init = _fn("lsc_classify_params_init", None,
                           P(T.ClassifyParams))
classifier_alloc = _fn("lsc_classifier_alloc", c_void_p, P(T.Catalogue),
                       c_size_t, c_size_t, P(T.ClassifyParams))
classifier_free = _fn("lsc_classifier_free", None, c_void_p)
census = _fn("lsc_census", c_int, P(T.CensusRun), c_size_t, c_size_t,
             C.c_ulonglong, P(T.Problem), P(T.DescentParams), c_void_p)
census_config_params = _fn("lsc_census_config_params", c_int,
                           P(T.DescentParams), P(T.CensusConfig), dp,
                           c_char_p, c_size_t)
census_label_catalogue = _fn("lsc_census_label_catalogue", None,
                             P(T.CensusRun), P(T.CensusLabels), c_double,
                             P(T.Catalogue))

# the library's table writers (landscape.report.format_table)
scan_table_opts_init = _fn("lsc_scan_table_opts_init", None,
                           P(T.ScanTableOpts))
scan_table_write = _fn("lsc_scan_table_write", c_int, c_void_p,
                       P(T.ScanSet), c_size_t, dp, c_size_t, P(T.ScanOpts),
                       P(T.ScanTableOpts), P(c_size_t))
bifurcate_table_write = _fn("lsc_bifurcate_table_write", c_int, c_void_p,
                            P(P(T.BifurcateEvent)), P(c_size_t), c_size_t,
                            c_int, c_int, P(c_size_t))
census_runs_begin = _fn("lsc_census_runs_begin", c_void_p, c_void_p)
census_runs_row = _fn("lsc_census_runs_row", c_int, c_void_p,
                      P(T.CensusRun))
census_summary_write = _fn("lsc_census_summary_write", c_int, c_void_p,
                           P(T.CensusRun), c_size_t, P(T.CensusConfig))
table_end = _fn("lsc_table_end", c_int, c_void_p)

branch_options_init = _fn("lsc_branch_options_init", None,
                          P(T.BranchOptions))
branch_options_check = _fn("lsc_branch_options_check", c_int,
                           P(T.BranchOptions), c_char_p, c_size_t)
branch_workspace_alloc = _fn("lsc_branch_workspace_alloc", c_void_p,
                             P(T.Catalogue))
branch_workspace_free = _fn("lsc_branch_workspace_free", None, c_void_p)
branch_result_init = _fn("lsc_branch_result_init", None, P(T.BranchResult))
branch_result_free = _fn("lsc_branch_result_free", None, P(T.BranchResult))
branch_job = _fn("lsc_branch_job", c_int, P(T.BranchResult), P(T.Family),
                 P(T.BranchOptions), c_void_p, c_void_p)
branch_table_write = _fn("lsc_branch_table_write", c_int, c_void_p,
                         P(T.BranchResult), c_int, c_int)
branch_kind_name = _fn("lsc_branch_kind_name", c_char_p, c_int)
catalogue_selected = _fn("lsc_catalogue_selected", c_int, c_char_p,
                         c_char_p)

bifurcate_opts_init = _fn("lsc_bifurcate_opts_init", None,
                          P(T.BifurcateOpts))
bifurcate_opts_check = _fn("lsc_bifurcate_opts_check", c_int,
                           P(T.BifurcateOpts), c_char_p, c_size_t)
bifurcate_family = _fn("lsc_bifurcate_family", c_int,
                       P(P(T.BifurcateEvent)), P(c_size_t), P(T.Family),
                       P(T.BifurcateOpts))
bifurcate_events_free = _fn("lsc_bifurcate_events_free", None,
                            P(T.BifurcateEvent), c_size_t)
