"""The Python bindings against independent oracles: a numpy
implementation of the closed-form loss, finite differences, numpy's
eigenvalues, the C struct layouts, and the library's error statuses."""
import math
import os
import subprocess

import numpy as np
import pytest

import landscape
from landscape import _types as T


def builddir():
    return os.environ.get("top_builddir") or os.path.dirname(
        os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


# ---------------------------------------------------------------- layout

def test_struct_layout_matches_c():
    prog = os.path.join(builddir(), "tests", "pylayout")
    if not os.path.exists(prog):
        pytest.skip("tests/pylayout not built")
    seen = 0
    for line in subprocess.run([prog], check=True, capture_output=True,
                               text=True).stdout.split("\n"):
        if not line:
            continue
        key, value = line.split()
        name, _, field = key.partition(".")
        field = "from_" if field == "from" else field   # a Python keyword
        cls = T.LAYOUT[name]
        got = (getattr(cls, field).offset if field
               else __import__("ctypes").sizeof(cls))
        assert got == int(value), key
        seen += 1
    assert seen > 100


# ---------------------------------------------------------------- loss

def kappa(w, v):
    nw, nv = np.linalg.norm(w), np.linalg.norm(v)
    c = np.clip(w @ v / (nw * nv), -1, 1)
    th = math.acos(c)
    return nw * nv * (math.sin(th) + (math.pi - th) * c) / (2 * math.pi)


def ref_loss(W, V, a, b):
    """The closed form, term by term (an independent reimplementation
    in numpy; angles by acos, fine away from 0 and pi)."""
    k, m = len(W), len(V)
    s = 0.0
    for i in range(k):
        for j in range(k):
            s += 0.5 * a[i] * a[j] * (W[i] @ W[i] / 2 if i == j
                                      else kappa(W[i], W[j]))
        for j in range(m):
            s -= a[i] * b[j] * kappa(W[i], V[j])
    for i in range(m):
        for j in range(m):
            s += 0.5 * b[i] * b[j] * (V[i] @ V[i] / 2 if i == j
                                      else kappa(V[i], V[j]))
    return s


@pytest.fixture
def rng():
    return np.random.default_rng(20261130)


def test_loss_identity_is_zero():
    assert abs(landscape.loss(np.eye(5))) < 1e-15


def test_loss_against_numpy_closed_form(rng):
    for k, d, m in [(3, 3, 3), (4, 3, 2), (2, 5, 5)]:
        W = rng.normal(size=(k, d))
        V = rng.normal(size=(m, d))
        a, b = rng.normal(size=k), rng.normal(size=m)
        want = ref_loss(W, V, a, b)
        got = landscape.loss(W, V, a, b)
        assert got == pytest.approx(want, rel=1e-12, abs=1e-14)
    W = rng.normal(size=(4, 4))
    assert landscape.loss(W) == pytest.approx(
        ref_loss(W, np.eye(4), np.ones(4), np.ones(4)), rel=1e-12)


def test_gradient_by_central_differences(rng):
    W = rng.normal(size=(3, 4))
    V = rng.normal(size=(3, 4))
    G = landscape.gradient(W, V)
    assert G.shape == W.shape
    h = 1e-5
    for i in range(3):
        for a in range(4):
            E = np.zeros_like(W)
            E[i, a] = h
            fd = (ref_loss(W + E, V, np.ones(3), np.ones(3))
                  - ref_loss(W - E, V, np.ones(3), np.ones(3))) / (2 * h)
            assert G[i, a] == pytest.approx(fd, rel=1e-7, abs=1e-9)


def test_hessian_symmetric_and_by_differences_of_gradient(rng):
    W = rng.normal(size=(3, 3))
    H = landscape.hessian(W)
    assert H.shape == (9, 9)
    assert np.array_equal(H, H.T)
    h = 1e-6
    for c in range(9):
        E = np.zeros(9)
        E[c] = h
        E = E.reshape(3, 3)
        fd = (landscape.gradient(W + E) - landscape.gradient(W - E)) / (2 * h)
        assert np.allclose(H[:, c], fd.ravel(), rtol=1e-6, atol=1e-8)


def test_spectrum_against_numpy_eigvalsh(rng):
    W = rng.normal(size=(4, 4))
    s = landscape.spectrum(W)
    ev = np.linalg.eigvalsh(landscape.hessian(W))
    assert np.allclose(s.eigenvalues, ev, rtol=0, atol=1e-12 * max(1, abs(ev).max()))
    assert sum(r["mult"] for r in s) == 16
    e = landscape.evaluate(W)
    assert e["index"] == int(np.sum(ev < -1e-8 * max(1, abs(ev).max())))
    assert e["index"] + e["zero"] + e["pos"] == 16
    assert e["grad_norm"] == pytest.approx(
        np.linalg.norm(landscape.gradient(W)), rel=1e-15)


def test_full_spectrum_equals_reduced_spectrum():
    # Two routes to the Hessian spectrum at the global minimum W = V = I_6:
    # the full 36 x 36 matrix (spectrum) and the isotypic reduction of the
    # scan, merged by value.
    full = landscape.spectrum(np.eye(6))
    red = landscape.scan(6, families="global")[0]["spectrum"]
    merged = {}
    for e in red:
        key = round(e["value"], 9)
        merged[key] = merged.get(key, 0) + e["mult"]
    assert len(full) == len(merged)
    for r in full:
        key = round(r["value"], 9)
        assert merged[key] == r["mult"]
    assert sum(r["mult"] for r in full) == 36


# ---------------------------------------------------------------- detect

def test_detect_recovers_permuted_group(rng):
    d = 7
    W = 0.9 * np.eye(d) + 0.05 * (np.ones((d, d)) - np.eye(d))
    r = landscape.detect(W)
    assert r["isotropy"] == "kd:L"
    assert np.allclose(sorted(r["p"]), sorted([0.9, 0.05]))
    P, Q = rng.permutation(d), rng.permutation(d)
    r2 = landscape.detect(W[P][:, P])
    assert r2["isotropy"] == "kd:L"
    assert r2["dist"] <= 1e-12
    # a 2-block group: the last two neurons differ
    W2 = W.copy()
    W2[5:, :] *= 1.1
    r3 = landscape.detect(W2)
    assert r3["isotropy"] != "kd:L"
    assert landscape.detect(W2[Q][:, Q])["isotropy"] == r3["isotropy"]


# ---------------------------------------------------------------- scan

def test_scan_rows_and_catalogue():
    rows = landscape.scan(20)
    names = [f["name"] for f in landscape.catalogue()]
    got = [r["family"] for r in rows]
    assert got == [n for n in names if n in got]   # catalogue order
    assert "global" in got and "A" in got
    for r in rows:
        assert r["status"] == "ok"
        assert r["mult_sum"] == 400
        assert sum(e["mult"] for e in r["spectrum"]) == 400
        assert r["ndistinct"] == len(r["spectrum"])
        assert r["grad_norm"] < 1e-12
        # the type follows from the spectrum
        neg = sum(e["mult"] for e in r["spectrum"] if e["value"] < -1e-8)
        assert r["index"] == neg
        assert (r["type"] == "saddle") == (neg > 0)
    A = next(r for r in rows if r["family"] == "A")
    cat = next(f for f in landscape.catalogue() if f["name"] == "A")
    assert A["loss"] == pytest.approx(cat["loss"], rel=1e-12)
    # the restricted loss equals the full loss at the embedded point
    assert str(landscape.scan(20, families="A")[0]["loss"]) == str(A["loss"])


def test_scan_full_hessian_check():
    r = landscape.scan(8, families=["A"], full=True)[0]
    assert r["full"] == "ok" and r["full_dev"] <= 1e-9


def test_scan_k_and_selection():
    rows = landscape.scan([10, 12], k="d", families="A,B2,A")
    assert [(r["family"], r["d"]) for r in rows] == [
        ("A", 10), ("B2", 10), ("A", 12), ("B2", 12)]
    with pytest.raises(landscape.LandscapeError) as e:
        landscape.scan(20, families="nosuch")
    assert e.value.status == 4 and e.value.token == "einval"
    with pytest.raises(landscape.LandscapeError) as e:
        landscape.scan(20, k=3)
    assert e.value.token == "edom"
    with pytest.raises(ValueError):
        landscape.scan(-1)
    with pytest.raises(ValueError):
        landscape.scan(float("nan"))
    # the tool's option checks, one implementation (lsc_scan_opts_check):
    # 60 bits hold about 18 digits, as landscape-scan --prec 60 -D 20 says
    with pytest.raises(landscape.LandscapeError) as e:
        landscape.scan(20, families="A", prec=60, digits=20)
    assert e.value.token == "einval" and "60 bits hold about 18" in str(e.value)
    with pytest.raises(landscape.LandscapeError) as e:
        landscape.scan(20, families="A", digits=18)
    assert e.value.token == "einval"
    with pytest.raises(landscape.LandscapeError) as e:
        landscape.scan(20, families="A", tol=2)
    assert e.value.token == "einval"
    # --k (lsc_scan_k_check), the tool's message
    for k in (0, 0.5, "d+-1"):
        with pytest.raises(landscape.LandscapeError) as e:
            landscape.scan(20, k=k)
        assert e.value.token == "einval" and "for --k:" in str(e.value)


def test_scan_mpfr_decimals():
    r = landscape.scan(20, families="A", prec=128)[0]
    assert isinstance(r["loss"], str)
    assert float(r["loss"]) == pytest.approx(
        landscape.scan(20, families="A")[0]["loss"], rel=1e-15)


# ---------------------------------------------------------------- follow

def test_follow_reaches_target_on_branch():
    t = landscape.follow("A", 22)
    assert t.status == "ok"
    assert t[0]["d"] == 20 and t[-1]["d"] == 22
    last = t[-1]
    s = landscape.scan(22, families="A")[0]
    assert last["loss"] == pytest.approx(s["loss"], rel=1e-10)
    assert last["residual"] < 1e-10
    # the classification columns agree with the scan's at d = 22
    assert (last["type"], last["index"], last["min_comp"]) == \
        (s["type"], s["index"], s["min_comp"])
    assert last["min_eig"] == pytest.approx(s["min_eig"], rel=1e-8)


def test_follow_option_checks():
    # landscape-follow's rules (lsc_follow_opts_check): --to, --from and
    # --max-step refused with the library's status and the tool's message
    for args, kw, what in ((("A", 0.5), {}, "for --to: a dimension"),
                           (("A", 30), {"start": 0}, "for --from:"),
                           (("A", 30), {"max_step": 0},
                            "--max-step must be at least")):
        with pytest.raises(landscape.LandscapeError) as e:
            landscape.follow(*args, **kw)
        assert e.value.token == "einval" and what in str(e.value)


def test_follow_from_matrix():
    t = landscape.follow(np.eye(6), 8)
    assert t.family == "detected" and t[-1]["d"] == 8
    assert abs(t[-1]["loss"]) < 1e-12


# ---------------------------------------------------------------- census

def test_census_deterministic_and_classified():
    a = landscape.census(6, runs=6, seed=11)
    b = landscape.census(6, runs=6, seed=11)
    for x, y in zip(a, b):
        for c in a.columns:
            if c == "p":
                assert np.array_equal(x[c], y[c])
            elif c != "time":
                assert x[c] == y[c]
    for r in a:
        assert r["status"] == "ok" and r["grad_norm"] <= 1e-8
        if r["family"] == "global":
            assert r["loss"] <= 1e-12
        else:
            # a catalogue family: its loss is the scan's at d = 6
            s = landscape.scan(6, families=r["family"])[0]
            assert r["loss"] == pytest.approx(s["loss"], rel=1e-9)
            assert r["index"] == s["index"]
    with pytest.raises(ValueError):
        landscape.census(0)
    # landscape-census's checks (lsc_census_config_params): the library's
    # status and message
    for kw, opt in ((dict(method="sgd"), "--method"), (dict(step=0), "--step"),
                    (dict(gtol=-1.0), "--gtol"), (dict(maxiter=0),
                                                  "--maxiter")):
        with pytest.raises(landscape.LandscapeError) as e:
            landscape.census(4, runs=1, **kw)
        assert e.value.status == 4 and e.value.token == "einval"
        assert ("for %s:" % opt) in str(e.value)


# ---------------------------------------------------------------- bifurcate

def test_bifurcate_dstar_separates_saddle_from_minimum():
    # d* of A by the MPFR crossing solver; the scan (continuation and the
    # isotypic spectrum, another route) sees a saddle just below and a
    # minimum just above.
    (e,) = [r for r in landscape.bifurcate("A", digits=20)
            if r["change"] == "saddle->minimum"]
    assert e["status"] == "ok" and e["digits"] >= 20
    d = float(e["d_star"])
    assert d == e["d"]
    below, above = landscape.scan([d - 1e-4, d + 1e-4], k=None,
                                  families="A", fast=True)
    assert below["index"] > 0 and below["type"] == "saddle"
    assert above["index"] == 0 and above["type"] == "spurious-minimum"
    assert abs(below["min_eig"]) < 1e-3 and abs(above["min_eig"]) < 1e-3


def test_bifurcate_digits_stable():
    a = landscape.bifurcate("B2", digits=20, params=True)
    b = landscape.bifurcate("B2", digits=40)
    assert len(a) == len(b)
    for x, y in zip(a, b):
        assert y["d_star"][:19] == x["d_star"][:19]
        assert len(x["p"]) > 0
    with pytest.raises(landscape.LandscapeError) as e:
        landscape.bifurcate("A", start=5, to=3)
    assert e.value.token == "einval"      # lsc_bifurcate_opts_check
    assert "1 <= --from < --to" in str(e.value)


# ---------------------------------------------------------------- errors

def test_errors_carry_status():
    W = np.eye(3)
    W[1] = 0
    with pytest.raises(landscape.LandscapeError) as e:
        landscape.loss(W)
    assert e.value.status == 1 and e.value.token == "edom"
    W[1, 1] = float("nan")
    with pytest.raises(landscape.LandscapeError) as e:
        landscape.gradient(W)
    assert e.value.status == 69
    with pytest.raises(ValueError):
        landscape.loss(np.eye(3), V=np.eye(2))
    with pytest.raises(ValueError):
        landscape.hessian(np.eye(3), alpha=[1, 2])
    with pytest.raises(landscape.LandscapeError) as e:
        landscape.follow("nosuch", 25)
    assert "nosuch" in str(e.value)
