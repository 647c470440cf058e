"""landscape: loss landscapes of two-layer ReLU networks under Gaussian
inputs, from Python.

A thin layer (ctypes) over liblandscape: every number comes from the same
library routines as the landscape-* tools, and results carry the tools'
TSV column names.  Matrices are numpy arrays (row = neuron); tables are
lists of dicts (class Table, printed as an aligned table).  A failing call
raises LandscapeError with the library's status.

    >>> import landscape
    >>> rows = landscape.scan(20)            # every catalogue family, k = d
    >>> [(r["family"], r["type"], r["index"]) for r in rows][:2]
"""
import ctypes as C
import math
import numbers

import numpy as np

from . import _lib as L
from . import _types as T

__all__ = ["LandscapeError", "Table", "catalogue", "scan", "follow",
           "bifurcate", "census", "loss",
           "gradient", "hessian", "evaluate", "spectrum", "detect",
           "strerror", "status_token"]
__version__ = "0.1.0"


class LandscapeError(Exception):
    """A library call failed: status (int), token ("edom", ...), message."""

    def __init__(self, status, what=""):
        self.status = int(status)
        self.token = status_token(status)
        msg = strerror(status)
        super().__init__("%s: %s (%s)" % (what, msg, self.token) if what
                         else "%s (%s)" % (msg, self.token))


def strerror(status):
    """The library's message for a status."""
    return L.strerror(int(status)).decode()


def status_token(status):
    """The stable token of a status, as in the TSV status columns."""
    return L.status_token(int(status)).decode()


# statuses (lsc_errno.h) the bindings tell apart
_EDOM, _EUNSUP, _ENOTFIX = 1, 23, 65


def _check(status, what):
    if status:
        raise LandscapeError(status, what)


class Table(list):
    """Rows (dicts with the TSV column names) printed as an aligned table;
    columns holds the names in order."""

    def __init__(self, rows=(), columns=None, **attrs):
        super().__init__(rows)
        self.columns = list(columns) if columns else (
            list(self[0].keys()) if self else [])
        for k, v in attrs.items():
            setattr(self, k, v)

    @staticmethod
    def _cell(v):
        if v is None:
            return ""
        if isinstance(v, float):
            return "%.10g" % v
        if isinstance(v, (list, np.ndarray)):
            return "[%d]" % len(v)
        return str(v)

    def __str__(self):
        cols = [c for c in self.columns
                if not any(isinstance(r.get(c), (list, np.ndarray))
                           for r in self)]
        cells = [[self._cell(r.get(c)) for c in cols] for r in self]
        width = [max([len(c)] + [len(row[i]) for row in cells])
                 for i, c in enumerate(cols)]
        lines = ["  ".join(c.ljust(w) for c, w in zip(cols, width))]
        lines += ["  ".join(x.ljust(w) for x, w in zip(row, width))
                  for row in cells]
        return "\n".join(line.rstrip() for line in lines)

    def __repr__(self):
        return "Table(%d rows: %s)\n%s" % (len(self), ", ".join(
            self.columns), self.__str__())


class _Owner:
    """Frees C results (kept for landscape.report.format_table) when the
    Table holding it is collected."""

    def __init__(self, free):
        self._free = free

    def __del__(self):
        f, self._free = self._free, None
        if f:
            f()


def _keep(table, label, writer, *objs):
    """Attach to table what format_table needs: the tool's label (LaTeX
    tab:LABEL-...), a writer(out) calling the library's table writer, and
    the C objects it reads."""
    table._label, table._writer, table._objs = label, writer, objs
    return table


# ---------------------------------------------------------------- catalogue

class _Catalogue:
    """A catalogue read by the library (freed with the object)."""

    def __init__(self, path=None):
        if path is None:
            path = _default_catalogue()
        self.path = path
        self.ptr = C.POINTER(T.Catalogue)()
        err = C.create_string_buffer(512)
        st = L.catalogue_read_file(C.byref(self.ptr), str(path).encode(),
                                   err, len(err))
        if st:
            e = LandscapeError(st, err.value.decode() or str(path))
            raise e

    def __del__(self):
        if getattr(self, "ptr", None):
            L.catalogue_free(self.ptr)
            self.ptr = None

    def families(self):
        c = self.ptr.contents
        return [c.fam[i] for i in range(c.n)]

    def find(self, name):
        f = L.catalogue_find(self.ptr, name.encode())
        if not f:
            raise LandscapeError(4, "no family '%s' in %s"
                                 % (name, self.path))
        return f


def _default_catalogue():
    # the library's one rule (lsc_catalogue_default_path(3)):
    # $LANDSCAPE_FAMILIES, the source tree's file when the library runs
    # from its build tree, else the installed one
    return L.catalogue_default_path().decode()


def _nan_to_none(x):
    return None if isinstance(x, float) and math.isnan(x) else x


def catalogue(path=None):
    """The families of the catalogue (default: the installed one): name,
    isotropy, kind, d, loss, dstar, description and the parameters p."""
    cat = _Catalogue(path)
    rows = []
    for f in cat.families():
        rows.append({"name": f.name.decode(), "isotropy": f.isotropy.decode(),
                     "kind": f.kind.decode(), "d": f.d, "loss": f.loss,
                     "dstar": _nan_to_none(f.dstar),
                     "description": f.description.decode(),
                     "p": np.array(f.p[:f.nparams])})
    return Table(rows, ["name", "isotropy", "kind", "d", "loss", "dstar",
                        "description", "p"])


# ---------------------------------------------------------------- scan

SCAN_COLUMNS = ["family", "d", "k", "status", "type", "index", "zero",
                "loss", "grad_norm", "min_eig", "min_comp", "ndistinct",
                "mult_sum", "dstar"]


def _k_spec(k):
    ks = T.ScanK()
    L.scan_k_init(C.byref(ks))
    if k is None or k == "d":
        return ks
    if isinstance(k, str):
        if not k.startswith("d+"):
            raise ValueError("k must be a number, 'd' or 'd+N': %r" % k)
        ks.value = float(int(k[2:]))
    else:
        if not isinstance(k, numbers.Real):
            raise ValueError("k must be a number, 'd' or 'd+N': %r" % (k,))
        ks.relative = 0
        ks.value = float(k)
    # landscape-scan's check of --k (lsc_scan_k_check)
    err = C.create_string_buffer(512)
    st = L.scan_k_check(C.byref(ks), err, len(err))
    if st:
        raise LandscapeError(st, err.value.decode())
    return ks


def scan(d, k=None, families=None, *, catalogue=None, full=False,
         fast=False, tol=1e-8, prec=0, digits=0):
    """Every catalogue family (or those named in families: a list or a
    comma-separated string) at each dimension d (a number or a sequence)
    where it exists with k neurons (None or "d": k = d; "d+N"; a number):
    the critical point continued in d from the catalogue, its loss,
    gradient residual, type, Morse index and the distinct Hessian
    eigenvalues by isotypic component, as landscape-scan computes them.

    Returns a Table with landscape-scan's summary columns (family, d, k,
    status, type, index, zero, loss, grad_norm, min_eig, min_comp,
    ndistinct, mult_sum, dstar; with full=True also full and full_dev,
    with fast=True eig_err, the eigenvalues' error bound),
    rows ordered by d then catalogue order; each row also holds "p" (the
    parameters, numpy) and "spectrum" (a Table with component, value,
    mult).  With prec > 0 the loss, grad_norm, min_eig and eigenvalues are
    decimal strings at that precision (digits: significant digits, 0 for
    all).  A row whose solve failed has its status token and None
    elsewhere."""
    dv = np.atleast_1d(np.asarray(d, dtype=float)).ravel()
    if dv.size == 0:
        raise ValueError("no dimension given")
    if not np.all(np.isfinite(dv)) or not np.all(dv > 0):
        raise ValueError("d must be positive and finite")
    if isinstance(families, str):
        families = [s for s in families.split(",") if s]
    opts = T.ScanOpts()
    L.scan_opts_init(C.byref(opts))
    opts.full, opts.fast = int(bool(full)), int(bool(fast))
    prec, digits = int(prec), int(digits)
    if prec and not 53 <= prec <= 100000:
        raise ValueError("prec must be 0 or in 53..100000")
    opts.ztol, opts.prec, opts.digits = float(tol), prec, digits
    # the tool's checks (lsc_scan_opts_check): tol, and the digits that
    # prec bits hold
    err = C.create_string_buffer(512)
    st = L.scan_opts_check(C.byref(opts), err, len(err))
    if st:
        raise LandscapeError(st, err.value.decode())
    ks = _k_spec(k)
    cat = _Catalogue(catalogue)
    if families is not None:
        for name in families:
            cat.find(name)
        names = (C.c_char_p * max(1, len(families)))(
            *[n.encode() for n in families])
        nnames = len(families)
    else:
        names, nnames = None, 0
    darr = np.ascontiguousarray(dv)
    sets = C.POINTER(T.ScanSet)()
    nsets = C.c_size_t()
    st = L.scan_catalogue(C.byref(sets), C.byref(nsets), cat.ptr, names,
                          nnames, darr.ctypes.data_as(T.c_double_p),
                          darr.size, C.byref(ks), C.byref(opts),
                          T.ScanProgress(), None)
    _check(st, "scan")
    owner = _Owner(lambda: L.scan_sets_free(sets, nsets.value))
    rows = []
    for dj in dv:
        for i in range(nsets.value):
            s = sets[i]
            for j in range(s.n):
                if s.rows[j].d == dj:
                    rows.append(_scan_row(s.rows[j], opts))
                    break
    cols = SCAN_COLUMNS + (["full", "full_dev"] if full else []) \
        + (["eig_err"] if fast else [])

    def writer(out):
        to = T.ScanTableOpts()
        L.scan_table_opts_init(C.byref(to))
        return L.scan_table_write(out, sets, nsets.value,
                                  darr.ctypes.data_as(T.c_double_p),
                                  darr.size, C.byref(opts), C.byref(to),
                                  None)
    return _keep(Table(rows, cols + ["p", "spectrum"]), "scan", writer,
                 owner, cat, darr, opts)


def _scan_row(r, opts):
    f = r.fam.contents
    dstar = L.scan_family_dstar(r.fam)
    row = {"family": f.name.decode(), "d": r.d, "k": r.k,
           "status": status_token(r.status)}
    rest = SCAN_COLUMNS[4:] + (["full", "full_dev"] if opts.full else []) \
        + (["eig_err"] if opts.fast else [])
    if r.status or r.absent:
        # an absent row (d outside the family's domain) has status 0 and
        # nothing else, as in the tool's table
        if r.absent:
            row["status"] = "absent"
        row.update({c: None for c in rest})
        row["p"] = None
        row["spectrum"] = Table([], ["component", "value", "mult"])
        return row
    dec = bool(r.loss_dec)
    row.update({
        # above LSC_SCAN_LARGE_D the exact index (past 2^53) as an int
        "type": r.type.decode() if r.type else None,
        "index": int(r.index_dec) if r.index_dec else r.index,
        "zero": r.zero,
        "loss": r.loss_dec.decode() if dec else r.loss,
        "grad_norm": r.resid_dec.decode() if dec else r.resid,
        "min_eig": r.ev_dec[r.min_idx].decode() if dec else r.min_eig,
        "min_comp": L.irrep_name(r.min_irrep).decode(),
        "ndistinct": int(r.nev), "mult_sum": r.total,
        "dstar": _nan_to_none(dstar)})
    if opts.full:
        row["full"] = L.scan_full_token(r.full).decode()
        row["full_dev"] = r.full_dev if r.full in (1, 2) else None
    if opts.fast:
        row["eig_err"] = r.ev_err
    if r.coincident:
        # the same critical point as a family of larger isotropy: status
        # coincident and no type, as in the tool's table
        row["status"] = "coincident"
        row["type"] = None
    row["p"] = np.array(r.p[:r.np])
    spec = []
    for i in range(r.nev):
        e = r.ev[i]
        spec.append({"component": L.irrep_name(e.irrep).decode(),
                     "value": r.ev_dec[i].decode() if dec else e.value,
                     "mult": e.mult})
    # a coincident row's spectrum is listed under the other family only
    row["spectrum"] = Table([] if r.coincident else spec,
                            ["component", "value", "mult"])
    return row


# ---------------------------------------------------------------- loss

def _problem(W, V, alpha, beta):
    W = np.ascontiguousarray(np.atleast_2d(np.asarray(W, dtype=float)))
    if W.ndim != 2 or W.size == 0:
        raise ValueError("W must be a nonempty k x d matrix")
    k, d = W.shape
    keep = [W]
    pr = T.Problem(k, d, d, None, None, None)
    if V is not None:
        V = np.ascontiguousarray(np.atleast_2d(np.asarray(V, dtype=float)))
        if V.ndim != 2 or V.shape[1] != d:
            raise ValueError("V must be m x %d" % d)
        pr.m = V.shape[0]
        pr.V = V.ctypes.data_as(T.c_double_p)
        keep.append(V)
    if alpha is not None:
        alpha = np.ascontiguousarray(np.asarray(alpha, dtype=float).ravel())
        if alpha.size != k:
            raise ValueError("alpha must have k = %d entries" % k)
        pr.alpha = alpha.ctypes.data_as(T.c_double_p)
        keep.append(alpha)
    if beta is not None:
        beta = np.ascontiguousarray(np.asarray(beta, dtype=float).ravel())
        if beta.size != pr.m:
            raise ValueError("beta must have m = %d entries" % pr.m)
        pr.beta = beta.ctypes.data_as(T.c_double_p)
        keep.append(beta)
    if V is None and k < 1:
        raise ValueError("W must have at least one row")
    return W, pr, keep


class _LossWs:
    def __init__(self, pr):
        self.ws = L.loss_workspace_alloc(pr.k, pr.d, pr.m)
        if not self.ws:
            raise MemoryError("liblandscape: loss workspace")

    def __enter__(self):
        return self.ws

    def __exit__(self, *a):
        L.loss_workspace_free(self.ws)


def loss(W, V=None, alpha=None, beta=None):
    """Population loss L(W) (float) for the target V (default I_d) and
    output weights alpha, beta (default ones)."""
    W, pr, keep = _problem(W, V, alpha, beta)
    out = C.c_double()
    with _LossWs(pr) as ws:
        _check(L.loss(C.byref(out), W.ctypes.data_as(T.c_double_p),
                      C.byref(pr), ws), "loss")
    return out.value


def gradient(W, V=None, alpha=None, beta=None):
    """Gradient of the loss, a k x d array."""
    W, pr, keep = _problem(W, V, alpha, beta)
    G = np.empty_like(W)
    with _LossWs(pr) as ws:
        _check(L.loss_grad(None, G.ctypes.data_as(T.c_double_p),
                           W.ctypes.data_as(T.c_double_p), C.byref(pr), ws),
               "gradient")
    return G


def hessian(W, V=None, alpha=None, beta=None):
    """Hessian of the loss, a kd x kd array (index i*d + a: neuron i,
    coordinate a), exactly symmetric."""
    W, pr, keep = _problem(W, V, alpha, beta)
    n = W.size
    H = np.empty((n, n))
    with _LossWs(pr) as ws:
        _check(L.loss_hessian(H.ctypes.data_as(T.c_double_p),
                              W.ctypes.data_as(T.c_double_p), C.byref(pr),
                              ws), "hessian")
    return H


def _eigenvalues(H):
    n = H.shape[0]
    A = np.array(H, dtype=float, order="C")
    ev = np.empty(n)
    ws = L.eigen_workspace_alloc(n, 0)
    if not ws:
        raise MemoryError("liblandscape: eigen workspace")
    try:
        _check(L.eigen_symm(ev.ctypes.data_as(T.c_double_p), None,
                            A.ctypes.data_as(T.c_double_p), n, ws),
               "eigenvalues")
    finally:
        L.eigen_workspace_free(ws)
    return ev


# landscape-eval's isotropy tolerance for labels (relative to max(1, max|W|))
_LABEL_TOL = 1e-9


def _spectrum(W, V, alpha, beta, tol):
    if not 0 < tol < 1:
        raise ValueError("tol must be in (0, 1)")
    ev = _eigenvalues(hessian(W, V, alpha, beta))
    n = ev.size
    grp = (T.EigenCluster * n)()
    ng = C.c_size_t()
    evp = ev.ctypes.data_as(T.c_double_p)
    _check(L.eigen_group(grp, C.byref(ng), evp, n, tol, tol), "grouping")
    emax = max(1.0, abs(ev[0]), abs(ev[-1]))
    inert = T.Inertia()
    _check(L.inertia_count(C.byref(inert), evp, n, tol * emax), "inertia")
    rows = [{"value": grp[i].value, "mult": int(grp[i].mult),
             "spread": grp[i].spread} for i in range(ng.value)]
    # the component column of landscape-eval: for the study's target
    # (V = I, alpha = beta = 1) the components of the detected isotropy's
    # large block holding each value ("" when none is detected)
    if V is None and alpha is None and beta is None:
        W2 = np.ascontiguousarray(np.atleast_2d(np.asarray(W, dtype=float)))
        k, d = W2.shape
        lab = ((C.c_char * L.LABEL_LEN) * max(ng.value, 1))()
        _check(L.cluster_labels(lab, None, grp, ng.value,
                                W2.ctypes.data_as(T.c_double_p), k, d,
                                tol * emax, _LABEL_TOL), "isotypic labels")
        for i, r in enumerate(rows):
            r["component"] = lab[i].value.decode()
    else:
        for r in rows:
            r["component"] = ""
    return ev, rows, inert


def spectrum(W, V=None, alpha=None, beta=None, tol=1e-8):
    """Distinct Hessian eigenvalues at W as landscape-eval groups them
    (eigenvalues closer than tol max(1, max |eigenvalue|) merged): a Table
    with value, mult, spread and component (the isotypic components holding
    the value, as landscape-eval's column: for V = I and unit alpha, beta
    when W has a Young-type isotropy with a large block of 3 or more, else
    ""); .eigenvalues holds all kd of them (ascending)."""
    ev, rows, inert = _spectrum(W, V, alpha, beta, tol)
    return Table(rows, ["value", "mult", "spread", "component"],
                 eigenvalues=ev)


def evaluate(W, V=None, alpha=None, beta=None, tol=1e-8):
    """landscape-eval's summary at W: k, d, m, loss, grad_norm (Frobenius)
    and the inertia index, zero, pos (eigenvalues below -tol s, within,
    above; s = max(1, max |eigenvalue|))."""
    W2, pr, keep = _problem(W, V, alpha, beta)
    G = gradient(W, V, alpha, beta)
    ev, rows, inert = _spectrum(W, V, alpha, beta, tol)
    return {"k": pr.k, "d": pr.d, "m": pr.m,
            "loss": loss(W, V, alpha, beta),
            # summed in order, as landscape-eval does
            "grad_norm": math.sqrt(sum(x * x for x in G.ravel().tolist())),
            "index": inert.neg, "zero": inert.zero, "pos": inert.pos}


# ---------------------------------------------------------------- detect

def _detect(W, tol):
    W = np.ascontiguousarray(np.atleast_2d(np.asarray(W, dtype=float)))
    if W.ndim != 2 or W.size == 0:
        raise ValueError("W must be a nonempty k x d matrix")
    if not (math.isfinite(tol) and tol > 0):
        raise ValueError("tol must be positive and finite")
    k, d = W.shape
    G = T.Young()
    rp = (C.c_size_t * k)()
    cp = (C.c_size_t * d)()
    p = (C.c_double * T.DETECT_MAXPARAMS)()
    info = T.DetectInfo()
    w = L.detect_alloc(k, d)
    if not w:
        raise MemoryError("liblandscape: detect workspace")
    try:
        st = L.detect(C.byref(G), rp, cp, p, C.byref(info),
                      W.ctypes.data_as(T.c_double_p), k, d, float(tol), w)
    finally:
        L.detect_free(w)
    _check(st, "detect")
    return G, np.array(p[:L.young_nparams(C.byref(G))]), rp, cp, info


def detect(W, tol=1e-6):
    """The largest Young-type group whose fixed space holds W (k x d,
    target V = I) up to tol: isotropy (catalogue spec), k, d, the
    parameters p, the row and column permutations to block form and the
    distances dist (Frobenius) and maxdev (entrywise)."""
    G, p, rp, cp, info = _detect(W, tol)
    spec = C.create_string_buffer(512)
    _check(L.isotropy_format(spec, len(spec), C.byref(G)), "isotropy")
    return {"isotropy": spec.value.decode(), "k": len(rp), "d": len(cp),
            "p": p, "rowperm": np.array(rp[:], dtype=int),
            "colperm": np.array(cp[:], dtype=int), "dist": info.dist,
            "maxdev": info.maxdev, "nvalues": info.nvalues,
            "rounds": info.rounds}


# ---------------------------------------------------------------- follow

FOLLOW_COLUMNS = ["d", "loss", "residual", "tangent_d", "fold", "status",
                  "type", "index", "min_eig", "min_comp"]


def _follow_row(fp, n):
    """landscape-follow's row of one point (lsc_follow_table_row): the
    classification columns None when the point is not classified; the
    index as the tool writes it (lsc_table_index_text: an int when it is
    one, else its exact decimal as a float)."""
    q = fp.pt.contents
    row = {"d": q.d, "loss": q.loss, "residual": q.residual,
           "tangent_d": q.tangent_d, "fold": q.fold,
           "status": status_token(q.status)}
    if fp.classified:
        ib = C.create_string_buffer(32)
        L.table_index_text(ib, len(ib), fp.index, q.d)
        txt = ib.value.decode()
        row.update({"type": fp.type.decode(),
                    "index": int(txt) if txt.lstrip("-").isdigit()
                    else float(txt),
                    "min_eig": fp.min_eig,
                    "min_comp": L.irrep_name(fp.min_irrep).decode()})
    else:
        row.update({"type": None, "index": None, "min_eig": None,
                    "min_comp": None})
    for i in range(n):
        row["p%d" % i] = q.p[i]
    return row


def follow(family, to, start=None, *, catalogue=None, max_step=2.0,
           pass_folds=False, tol=1e-6, past_branch=False):
    """Continue a catalogue family (its name; or a matrix W, whose detected
    isotropy and parameters give the family, as landscape-follow
    --weights) in the real dimension d from its reference point (or from
    start) to `to`, one row per accepted point with landscape-follow's
    columns: d, loss, residual, tangent_d, fold, status, type, index,
    min_eig, min_comp, p0, p1, ...  The job is the library's (lsc_follow),
    the tool's: the rows stop where the family's domain ends at a branch
    point (its isotropy grows) unless past_branch.  The Table's status is
    the run's token: "ok", "fold"/"edom" where the branch ends (a fold, a
    block reaching size 1), another token when the continuation failed;
    end is the last d, branch_end True when the rows stop at a branch
    point."""
    to = float(to)
    if not math.isfinite(to):
        raise ValueError("to must be finite")
    # landscape-follow's checks (lsc_follow_opts_check): to and start at
    # least 1, tol positive, max_step at least the first step
    fo = T.FollowOpts()
    L.follow_opts_init(C.byref(fo))
    fo.to = to
    fo.from_ = math.nan if start is None else float(start)
    fo.detect_tol = float(tol)
    fo.cont.hmax = float(max_step)
    fo.cont.stop_at_fold = 0 if pass_folds else 1
    fo.past_branch = 1 if past_branch else 0
    err = C.create_string_buffer(512)
    st = L.follow_opts_check(C.byref(fo), err, len(err))
    if st:
        raise LandscapeError(st, err.value.decode())
    if isinstance(family, str):
        cat = _Catalogue(catalogue)
        fam = cat.find(family)
    else:
        # the tool's --weights: lsc_follow_detect
        W = np.ascontiguousarray(np.atleast_2d(np.asarray(family,
                                                          dtype=float)))
        if W.ndim != 2 or W.size == 0:
            raise ValueError("W must be a nonempty k x d matrix")
        fam = C.pointer(T.Family())
        st = L.follow_detect(fam, W.ctypes.data_as(T.c_double_p),
                             W.shape[0], W.shape[1], fo.detect_tol)
        if st == _EDOM:
            raise ValueError("the detected group has no large block (block "
                             "sizes too small to follow in d)")
        _check(st, "no Young-type isotropy within tol %g" % fo.detect_tol
               if st in (_EUNSUP, _ENOTFIX) else "detect")
    f = fam.contents
    n = f.nparams
    rows = []

    def cb(fp, data):
        rows.append(_follow_row(fp.contents, n))
        return 0

    res = T.FollowResult()
    where = C.c_int()
    st = L.follow(C.byref(res), C.byref(where), fam, C.byref(fo),
                  T.FollowFn(cb), None)
    d0 = f.d if start is None else float(start)
    if st and where.value == 1:
        raise LandscapeError(st, "cannot reach start = %g from d = %g"
                             % (d0, f.d))
    _check(st, "no critical point at d = %g" % d0)
    return Table(rows, FOLLOW_COLUMNS + ["p%d" % i for i in range(n)],
                 family=f.name.decode(), status=status_token(res.status),
                 end=res.d_end, branch_end=bool(res.branch_end))


# ---------------------------------------------------------------- census

CENSUS_COLUMNS = ["run", "seed", "iterations", "gradients", "time", "loss",
                  "grad_norm", "index", "family", "isotropy", "status"]


def census(k, d=None, runs=10, seed=1, *, V=None, method="lbfgs", step=2.0,
           gtol=1e-8, maxiter=100000, catalogue=None):
    """A census as landscape-census makes it: runs random Xavier starts
    (run i from the stream (seed, i)) of the k-neuron student in dimension
    d (default k; V: target, default I_d), each descended (method "lbfgs"
    or "gd" with step c/k), polished by Newton and classified against the
    catalogue.  A Table with landscape-census's run columns (run, seed,
    iterations, gradients, time, loss, grad_norm, index, family,
    isotropy, status) plus min_eig, kind and the parameters p; results do
    not depend on anything but the arguments (time excepted)."""
    k = int(k)
    if k < 1:
        raise ValueError("k must be at least 1")
    keep = []
    if V is not None:
        V = np.ascontiguousarray(np.atleast_2d(np.asarray(V, dtype=float)))
        m, dv = V.shape
        if d is not None and int(d) != dv:
            raise ValueError("d must equal the columns of V")
        d = dv
        keep.append(V)
    else:
        d = k if d is None else int(d)
        m = d
    if d < 1 or int(runs) < 0 or int(seed) < 0:
        raise ValueError("d must be >= 1, runs and seed >= 0")
    if int(maxiter) < 0:     # a size_t
        raise ValueError("maxiter must not be negative")
    # the settings as landscape-census records them, and the descent
    # parameters the library makes of them (the target checked)
    cf = T.CensusConfig(k, d, m, int(seed), str(method).encode(),
                        float(step),
                        float(gtol), int(maxiter),
                        b"identity" if V is None else b"file", 0, 0)
    par = T.DescentParams()
    err = C.create_string_buffer(512)
    st = L.census_config_params(C.byref(par), C.byref(cf),
                                V.ctypes.data_as(T.c_double_p)
                                if V is not None else None, err, len(err))
    if st:
        raise LandscapeError(st, err.value.decode())
    pr = T.Problem(k, d, m, V.ctypes.data_as(T.c_double_p)
                   if V is not None else None, None, None)
    cat = _Catalogue(catalogue)
    cpar = T.ClassifyParams()
    L.classify_params_init(C.byref(cpar))
    cl = L.classifier_alloc(cat.ptr, k, d, C.byref(cpar))
    if not cl:
        raise MemoryError("liblandscape: classifier")
    n = int(runs)
    out = (T.CensusRun * max(1, n))()
    try:
        _check(L.census(out, 0, n, int(seed), C.byref(pr), C.byref(par),
                        cl), "census")
    finally:
        L.classifier_free(cl)
    labels = T.CensusLabels()
    rows = []
    for i in range(n):
        r = out[i]
        # the labels of landscape-census: new families never take a
        # catalogue name
        L.census_label_catalogue(C.byref(out[i]), C.byref(labels),
                                 cpar.ptol, cat.ptr)
        rows.append({"run": r.run, "seed": r.seed, "iterations": r.iter,
                     "gradients": r.nfev, "time": r.time, "loss": r.loss,
                     "grad_norm": r.gnorm,
                     "index": r.index if r.kind >= 0 else None,
                     "family": r.family.decode(),
                     "isotropy": r.isotropy.decode(),
                     "status": status_token(r.status),
                     "min_eig": r.min_eig, "kind": r.kind,
                     "p": np.array(r.p[:r.np])})
    def writer(o):
        t = L.census_runs_begin(o)
        for i in range(n):
            L.census_runs_row(t, C.byref(out[i]))
        L.table_end(t)
        return L.census_summary_write(o, out, n, C.byref(cf))
    return _keep(Table(rows, CENSUS_COLUMNS + ["min_eig", "kind", "p"]),
                 "census", writer, out, cf, cat)


# ---------------------------------------------------------------- bifurcate

BIFURCATE_COLUMNS = ["family", "event", "component", "inner", "mult",
                     "d_star", "change", "index_below", "index_above", "loss",
                     "residual", "digits", "status"]


def bifurcate(families=None, *, start=2.0, to=100.0, digits=30,
              params=False, catalogue=None):
    """Where each catalogue family (all, or those named: a list or a
    comma-separated string; rows in catalogue order) changes type between d = start and d = to (the
    range widened to hold its reference d): eigenvalue crossings by
    isotypic component and folds, d* to `digits` significant digits
    (confirmed by a second solve at higher precision), as
    landscape-bifurcate computes them.  A Table with its columns (family,
    event, component, inner, mult, d_star, change, index_below,
    index_above, loss, residual, digits, status); d_star and loss are
    decimal strings, "d" holds d* as a float, and with params=True "p"
    holds the parameters at d* as decimal strings."""
    o = T.BifurcateOpts()
    L.bifurcate_opts_init(C.byref(o))
    if not 1 <= int(digits) <= 1000:       # before the unsigned conversion
        raise ValueError("digits must be in 1..1000")
    o.from_, o.to, o.digits, o.params = float(start), float(to), \
        int(digits), int(bool(params))
    err = C.create_string_buffer(512)
    st = L.bifurcate_opts_check(C.byref(o), err, len(err))
    if st:                                 # the tool's rule and message
        raise LandscapeError(st, err.value.decode())
    if isinstance(families, str):
        families = [s for s in families.split(",") if s]
    cat = _Catalogue(catalogue)
    if families is not None:
        for n in families:
            cat.find(n)
    # catalogue order, as landscape-bifurcate
    ptrs = [C.pointer(f) for f in cat.families()
            if families is None or f.name.decode() in families]
    rows = []
    seen = set()
    evs, nevs = [], []
    owner = _Owner(lambda: [L.bifurcate_events_free(e, m)
                            for e, m in zip(evs, nevs)])
    for fp in ptrs:
        f = fp.contents
        name = f.name.decode()
        if name in seen:
            continue
        seen.add(name)
        ev = C.POINTER(T.BifurcateEvent)()
        n = C.c_size_t()
        _check(L.bifurcate_family(C.byref(ev), C.byref(n), fp, C.byref(o)),
               "bifurcate %s" % name)
        evs.append(ev)
        nevs.append(n.value)
        for i in range(n.value):
            rows.append(_bif_row(name, ev[i], params))
    nf = len(evs)
    evarr = (C.POINTER(T.BifurcateEvent) * max(1, nf))(*evs)
    nevarr = (C.c_size_t * max(1, nf))(*nevs)

    def writer(out):
        return L.bifurcate_table_write(out, evarr, nevarr, nf, 0,
                                       int(bool(params)), None)
    return _keep(Table(rows, BIFURCATE_COLUMNS + ["d"]
                       + (["p"] if params else [])), "bifurcate", writer,
                 owner, evarr, nevarr, cat)


def _bif_row(name, e, params):
    def num(x):
        return None if math.isnan(x) else x
    scan_failed = e.event == b"scan"
    row = {"family": name, "event": e.event.decode(),
           "component": None if scan_failed
           else L.irrep_name(e.irrep).decode(),
           "inner": None if scan_failed else e.inner,
           "mult": None if scan_failed else num(e.mult),
           "d_star": e.d_star.decode() if e.d_star else None,
           "change": None if scan_failed else e.change.decode(),
           "index_below": None if scan_failed else num(e.index_below),
           "index_above": None if scan_failed else num(e.index_above),
           "loss": e.loss.decode() if e.loss else None,
           "residual": num(e.residual),
           "digits": None if scan_failed else e.digits_agree,
           "status": status_token(e.status), "d": num(e.d)}
    if params:
        row["p"] = [e.p[i].decode() if e.p[i] else None
                    for i in range(e.np)] if e.p else None
    return row


# ---------------------------------------------------------------- branch

BRANCH_COLUMNS = ["parent", "d_star", "component", "inner", "kind",
                  "theory", "child", "split", "below", "above", "end_below",
                  "end_above", "meets", "checks", "status"]


def branch(families=None, *, start=None, to=None, amp=None, max_p=None,
           checks=True, graph=False, tangent=False, catalogue=None):
    """The branches born where each catalogue family (all, or those named:
    a list or a comma-separated string; rows in catalogue order) changes
    type between d = start and d = to (library defaults 2 and 20): the
    axial Young children at each crossing, both halves followed, as
    landscape-branch computes them (checks=False: --no-checks; amp, max_p:
    --amp, --max-p).  A Table with its columns (parent, d_star, component,
    inner, kind, theory, child, split, below, above, end_below, end_above,
    meets, checks, status); .graph holds the family graph's edges (from,
    to, d, relation) and .tangents the tangents (parent, d_star, child,
    index, tangent).  format_table writes the branches table, or with
    graph=True the graph table, then with tangent=True the tangents, as
    the tool's --graph and --tangent do."""
    o = T.BranchOptions()
    L.branch_options_init(C.byref(o))
    if start is not None:
        o.d_lo = float(start)
    if to is not None:
        o.d_hi = float(to)
    if amp is not None:
        o.amp = float(amp)
    if max_p is not None:
        if not 1 <= int(max_p) <= 64:
            raise ValueError("max_p must be in 1..64")
        o.pmax = int(max_p)
    o.integer_checks = int(bool(checks))
    err = C.create_string_buffer(512)
    st = L.branch_options_check(C.byref(o), err, len(err))
    if st:
        raise LandscapeError(st, err.value.decode())
    if isinstance(families, str):
        families = families.split(",")
    cat = _Catalogue(catalogue)
    if families is not None:
        if not families or not all(families):
            raise ValueError("an empty family name")
        for n in families:
            cat.find(n)
    res = T.BranchResult()
    L.branch_result_init(C.byref(res))
    owner = _Owner(lambda: L.branch_result_free(C.byref(res)))
    w = L.branch_workspace_alloc(cat.ptr)
    if not w:
        raise LandscapeError(8, "branch")     # LSC_ENOMEM
    try:
        for i in range(cat.ptr.contents.n):
            f = cat.ptr.contents.fam[i]
            name = f.name.decode()
            if families is not None and name not in families:
                continue
            _check(L.branch_job(C.byref(res), C.pointer(f), C.byref(o), w,
                                None), "branch %s" % name)
    finally:
        L.branch_workspace_free(w)
    rows = [_branch_row(res.rows[i]) for i in range(res.nrows)]
    edges = [{"from": e.parent.decode(), "to": e.child.decode(), "d": e.d,
              "relation": e.relation.decode()}
             for e in (res.edges[i] for i in range(res.nedges))]
    tangents = [{"parent": v.parent.decode(), "d_star": v.dstar,
                 "child": v.child.decode(), "index": v.index,
                 "tangent": v.value}
                for v in (res.tangents[i] for i in range(res.ntangents))]

    def writer(out):
        return L.branch_table_write(out, C.byref(res), int(bool(graph)),
                                    int(bool(tangent)))
    return _keep(Table(rows, BRANCH_COLUMNS, graph=edges, tangents=tangents),
                 "branch", writer, owner, res, cat)


def _branch_row(r):
    row = dict.fromkeys(BRANCH_COLUMNS)
    row["parent"], row["status"] = r.parent.decode(), status_token(r.status)
    if r.what == 2:                     # LSC_BRANCH_ROW_FAILED
        return row
    row.update({"d_star": r.dstar if math.isfinite(r.dstar) else None,
                "component": L.irrep_name(r.irrep).decode(),
                "inner": r.inner, "kind": L.branch_kind_name(r.kind).decode(),
                "child": r.child.decode(), "split": r.split.decode()})
    if r.what == 0:                     # LSC_BRANCH_ROW_CHILD
        row.update({"theory": L.branch_kind_name(r.theory).decode(),
                    "below": r.below.decode(), "above": r.above.decode(),
                    "end_below": r.end_below.decode(),
                    "end_above": r.end_above.decode(),
                    "meets": r.meets.decode(), "checks": r.checks.decode()})
    return row
