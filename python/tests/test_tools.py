"""The bindings give the tools' numbers: landscape-scan, landscape-follow
and landscape-eval run on the same questions, their TSV parsed and
compared field by field (reals as parsed doubles: the tools print them
round-trippable, so equality is exact)."""
import os
import subprocess
import tempfile

import numpy as np
import pytest

import landscape


def tool(name):
    """The tool of the build tree, or with LANDSCAPE_BINDIR the installed
    one."""
    top = os.environ.get("top_builddir") or os.path.dirname(os.path.dirname(
        os.path.dirname(os.path.abspath(__file__))))
    path = os.path.join(os.environ.get("LANDSCAPE_BINDIR")
                        or os.path.join(top, "tools"), name)
    if not os.path.exists(path):
        pytest.skip("%s not built" % path)
    return path


def tsv_tables(*argv):
    """Run a tool with -f tsv; its tables as lists of dicts of strings."""
    out = subprocess.run(list(argv) + ["-f", "tsv"], capture_output=True,
                         text=True, env=dict(os.environ, LC_ALL="C"))
    assert out.returncode == 0, out.stderr
    tables = []
    for block in out.stdout.strip("\n").split("\n\n"):
        lines = block.split("\n")
        head = lines[0].split("\t")
        tables.append([dict(zip(head, line.split("\t")))
                       for line in lines[1:]])
    return tables


def same(text, value):
    """A TSV field equals a Python value: empty for None, else the same
    double (or the same string)."""
    if value is None:
        return text == ""
    if isinstance(value, str):
        return text == value
    return float(text) == float(value)


def check_scan(tables, rows, columns):
    summary, spectrum = tables
    assert len(summary) == len(rows)
    for t, r in zip(summary, rows):
        for c in columns:
            assert same(t[c], r[c]), (r["family"], r["d"], c, t[c], r[c])
    flat = [(r["family"], r["d"], e) for r in rows for e in r["spectrum"]]
    assert len(spectrum) == len(flat)
    for t, (fam, d, e) in zip(spectrum, flat):
        assert t["family"] == fam and float(t["d"]) == d
        for c in ("component", "value", "mult"):
            assert same(t[c], e[c]), (fam, d, c)


def test_scan_d20_equals_tool():
    tables = tsv_tables(tool("landscape-scan"), "-d", "20", "-l")
    check_scan(tables, landscape.scan(20), landscape.SCAN_COLUMNS)


def test_scan_range_full_equals_tool():
    tables = tsv_tables(tool("landscape-scan"), "-d", "10:20:5", "-F",
                        "A,F3", "--full", "-l")
    rows = landscape.scan(np.arange(10, 21, 5), families="A,F3",
                          full=True)
    check_scan(tables, rows, landscape.SCAN_COLUMNS + ["full", "full_dev"])


def test_scan_k_offset_fast_equals_tool():
    tables = tsv_tables(tool("landscape-scan"), "-d", "10:12:1", "-k", "d+1",
                        "--fast", "-l")
    rows = landscape.scan([10, 11, 12], k="d+1", fast=True)
    assert rows, "some family has k = d + 1"
    check_scan(tables, rows, landscape.SCAN_COLUMNS + ["eig_err"])


def test_scan_mpfr_equals_tool():
    tables = tsv_tables(tool("landscape-scan"), "-d", "20", "-F", "A,global",
                        "-p", "100", "-l")
    rows = landscape.scan(20, families="A,global", prec=100)
    check_scan(tables, rows, landscape.SCAN_COLUMNS)


def check_follow(argv, rows):
    """landscape-follow's TSV (argv) and the rows of landscape.follow: the
    same columns in the same order, every field equal at full precision
    (reals as parsed doubles: the tool prints them round-trippable)."""
    out = subprocess.run([tool("landscape-follow")] + list(argv)
                         + ["-f", "tsv"], capture_output=True, text=True,
                         env=dict(os.environ, LC_ALL="C"))
    assert out.returncode == 0, out.stderr
    lines = out.stdout.rstrip("\n").split("\n")
    head = lines[0].split("\t")
    assert head == rows.columns
    table = [dict(zip(head, line.split("\t"))) for line in lines[1:]]
    assert len(table) == len(rows) and rows
    for t, r in zip(table, rows):
        for c in rows.columns:
            assert same(t[c], r[c]), (r["d"], c, t[c], r[c])
    assert float(table[-1]["d"]) == rows.end
    return out.stderr


def test_follow_equals_tool():
    # a catalogue family from its reference point
    rows = landscape.follow("A", 24)
    check_follow(["A", "--to", "24"], rows)
    assert rows.status == "ok" and rows.end == 24 and not rows.branch_end


def test_follow_from_start_equals_tool():
    # a start other than the reference point (reached by the family's
    # driver), down through non-integer d (a fractional index column)
    rows = landscape.follow("A-split-kd1", 20, start=20.5)
    check_follow(["A-split-kd1", "--from", "20.5", "--to", "20"], rows)
    assert rows[0]["d"] == 20.5 and rows.end == 20
    assert rows[0]["index"] == 19.5
    assert any(isinstance(r["index"], float) for r in rows)


def test_follow_fold_equals_tool():
    # Y6-1_aff's branch ends at a fold near d = 23.64 (its domain): the
    # run's status fold (LSC_EFOLD), the last row the fold
    rows = landscape.follow("Y6-1_aff", 30)
    err = check_follow(["Y6-1_aff", "--to", "30"], rows)
    assert rows.status == "fold" and rows[-1]["fold"] == 1
    assert "branch ends at d = %.17g" % rows.end in err


def test_follow_branch_point_equals_tool():
    # A down to its branch point d = 3 (the rows stop there: beyond, the
    # points are F5's), and past it with past_branch
    rows = landscape.follow("A", 1.5)
    err = check_follow(["A", "--to", "1.5"], rows)
    assert rows.branch_end and rows.end == 3 and rows.status == "ok"
    assert "branch point" in err
    past = landscape.follow("A", 1.5, past_branch=True)
    check_follow(["A", "--to", "1.5", "--past-branch"], past)
    assert not past.branch_end and past.end < 3


def test_follow_weights_equals_tool():
    # a family given by a point (--weights: lsc_follow_detect)
    W = np.eye(6)
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as f:
        for row in W:
            f.write(" ".join("%.17g" % x for x in row) + "\n")
    try:
        rows = landscape.follow(W, 8)
        check_follow(["--weights", f.name, "--to", "8"], rows)
    finally:
        os.unlink(f.name)
    assert rows.family == "detected"


def test_eval_equals_tool():
    rng = np.random.default_rng(7)
    W = np.eye(4) + 0.3 * rng.normal(size=(4, 4))
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as f:
        for row in W:
            f.write(" ".join("%.17g" % x for x in row) + "\n")
    try:
        summary, spec = tsv_tables(tool("landscape-eval"), f.name)
    finally:
        os.unlink(f.name)
    e = landscape.evaluate(W)
    for c in ("k", "d", "m", "loss", "grad_norm", "index", "zero", "pos"):
        assert same(summary[0][c], e[c]), c
    s = landscape.spectrum(W)
    assert len(spec) == len(s)
    for t, r in zip(spec, s):
        for c in ("value", "mult", "spread", "component"):
            assert same(t[c], r[c]), c


def test_spectrum_components_equal_tool():
    # a point of Fix(Delta S_5): a I + b 1 1^T, its distinct eigenvalues
    # labelled by the components of S_5 as landscape-eval --dense labels
    # them (the same dense spectrum, the same library labelling)
    W = 0.9 * np.eye(5) + 0.05 * np.ones((5, 5))
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as f:
        for row in W:
            f.write(" ".join("%.17g" % x for x in row) + "\n")
    try:
        summary, spec = tsv_tables(tool("landscape-eval"), "--dense", f.name)
    finally:
        os.unlink(f.name)
    s = landscape.spectrum(W)
    assert list(s.columns) == ["value", "mult", "spread", "component"]
    assert len(spec) == len(s)
    for t, r in zip(spec, s):
        for c in ("value", "mult", "spread", "component"):
            assert same(t[c], r[c]), c
        assert r["component"] not in ("", "?")
    # the multiplicities of the labels: t and x have dimension 1 and
    # (n-1)(n-2)/2 = 6, s has n - 1 = 4, y has n(n-3)/2 = 5 (n = 5)
    dim = {"t": 1, "s": 4, "x": 6, "y": 5}
    assert sum(r["mult"] for r in s) == 25
    for r in s:
        parts = r["component"].split("+")
        assert r["mult"] >= sum(dim[p] for p in parts)
    # no isotropy detected (a generic W): empty labels, as the tool's
    rng = np.random.default_rng(3)
    G = np.eye(4) + 0.3 * rng.normal(size=(4, 4))
    assert all(r["component"] == "" for r in landscape.spectrum(G))


def test_census_equals_tool():
    tables = tsv_tables(tool("landscape-census"), "-k", "8", "-n", "12",
                        "-s", "3", "-j", "1", "-q")
    table = tables[0]
    rows = landscape.census(8, runs=12, seed=3)
    assert len(table) == len(rows) == 12
    for t, r in zip(table, rows):
        for c in landscape.CENSUS_COLUMNS:
            if c != "time":                 # wall clock
                assert same(t[c], r[c]), (r["run"], c, t[c], r[c])


def test_bifurcate_equals_tool():
    tables = tsv_tables(tool("landscape-bifurcate"), "-F", "A,F3,B2", "--params",
                        "--digits", "25", "-q")
    events, params = tables
    rows = landscape.bifurcate("A,F3,B2", digits=25, params=True)
    assert len(events) == len(rows)
    for t, r in zip(events, rows):
        for c in landscape.BIFURCATE_COLUMNS:
            assert same(t[c], r[c]), (r["family"], c, t[c], r[c])
    flat = [(r["family"], v) for r in rows for v in r["p"]]
    assert [(t["family"], t["value"]) for t in params] == flat
