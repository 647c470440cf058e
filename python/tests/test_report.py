"""landscape.report: tables through the library's writer (lsc_table(3)),
byte for byte those of the tools."""
import math
import os
import subprocess

import pytest

from landscape import LandscapeError
from landscape.report import format_table

COLS = [("name", "string"), ("status", "status"), ("loss", "real"),
        ("exact", "decimal")]


def test_tsv_and_nan():
    text = format_table("t", COLS, [["fine", "ok", 0.5, "0.5"],
                                    {"name": "bad", "status": 0,
                                     "loss": math.nan, "exact": "1"}])
    assert text == ("name\tstatus\tloss\texact\nfine\tok\t0.5\t0.5\n"
                    "bad\tenonfinite\t\t1\n")


def test_formats_and_errors():
    rows = [["a_b", "noconv", 1e-3, "0.09999999999"]]
    assert '"status":"noconv"' in format_table("t", COLS, rows, "json")
    assert "a\\_b" in format_table("t", COLS, rows, "latex")
    assert format_table("t", COLS, rows, "tsv", digits=1).endswith("0.1\n")
    with pytest.raises(LandscapeError) as e:
        format_table("t", COLS, [["a", "ok", "x"]])     # too few cells
    assert e.value.token == "einval"
    with pytest.raises(LandscapeError):
        format_table("t", COLS, rows, "html")


def test_same_as_tool():
    """landscape-split's TSV rebuilt cell by cell equals the tool's."""
    top = os.environ.get("top_builddir")
    tool = os.path.join(top or "", "tools", "landscape-split")
    if not top or not os.path.exists(tool):
        pytest.skip("tools not built (top_builddir unset)")
    out = subprocess.run([tool, "-d", "6", "-F", "A", "-f", "tsv"],
                         capture_output=True, text=True, check=True).stdout
    lines = out.splitlines()
    names = lines[0].split("\t")
    def kind(col):
        vals = [ln.split("\t")[names.index(col)] for ln in lines[1:]]
        if col == "status":
            return "status"
        if all(v.lstrip("-").isdigit() for v in vals if v):
            return "int"
        try:
            [float(v) for v in vals if v]
            return "decimal"
        except ValueError:
            return "string"
    cols = [(n, kind(n)) for n in names]
    rows = [[None if v == "" else v for v in ln.split("\t")]
            for ln in lines[1:]]
    assert format_table("split", cols, rows) == out


def _tool(name, *args):
    top = os.environ.get("top_builddir")
    tool = os.path.join(top or "", "tools", "landscape-" + name)
    if not top or not os.path.exists(tool):
        pytest.skip("tools not built (top_builddir unset)")
    cat = os.path.join(os.environ.get("top_srcdir", top), "data",
                       "families.tsv")
    r = subprocess.run([tool, "-c", cat] + list(args), capture_output=True,
                       text=True)
    assert r.returncode in (0, 1), r.stderr
    return r.stdout


def test_scan_table_same_as_tool():
    """lsc_scan_table_write from Python equals landscape-scan's output,
    in TSV and in LaTeX (captions and labels included)."""
    import landscape
    t = landscape.scan(7, families="A,B2")
    for fmt in ("tsv", "latex"):
        assert format_table(t, fmt) == _tool("scan", "-d", "7", "-F", "A,B2",
                                             "-f", fmt)


def test_bifurcate_table_same_as_tool():
    import landscape
    t = landscape.bifurcate("A", start=2, to=8, digits=20)
    assert format_table(t, fmt="tsv") == _tool(
        "bifurcate", "-F", "A", "--from", "2", "--to", "8", "-D", "20",
        "-f", "tsv", "-q")


def test_census_table_same_as_tool():
    """The census's runs, summary and totals tables equal the tool's, wall
    time aside; the rows equal the Table's."""
    import landscape
    t = landscape.census(6, runs=3, seed=2)
    def strip(text):
        return [ln.split("\t")[:4] + ln.split("\t")[5:]
                if ln.count("\t") == 10 and ln[:1].isdigit() else ln
                for ln in text.splitlines()]
    mine = format_table(t, "tsv")
    assert strip(mine) == strip(_tool("census", "-k", "6", "-n", "3", "-s",
                                      "2", "-j", "1", "-q", "-f", "tsv"))
    runs = [ln.split("\t") for ln in mine.splitlines()[1:4]]
    assert [r[8] for r in runs] == [r["family"] for r in t]
    assert "tab:census-summary" in format_table(t, "latex")


def test_format_table_rejects_other_objects():
    with pytest.raises(TypeError):
        format_table([1, 2, 3])


def test_census_zero_target_row():
    """The target check of lsc_census_config_params, the tool's rule."""
    import landscape
    with pytest.raises(LandscapeError) as e:
        landscape.census(2, V=[[1.0, 0.0], [0.0, 0.0]], runs=1)
    assert e.value.token == "edom"
    assert "row 2 of the target is zero" in str(e.value)


def test_branch_table_same_as_tool():
    """landscape.branch is the landscape-branch job: its table byte for
    byte the tool's, with --graph too; the rows equal the table's."""
    import landscape
    t = landscape.branch("F5", checks=False)
    mine = format_table(t, "tsv")
    assert mine == _tool("branch", "-F", "F5", "--no-checks", "-f", "tsv",
                         "-q")
    lines = [ln.split("\t") for ln in mine.splitlines()]
    assert [r["child"] for r in t] == [ln[6] for ln in lines[1:]]
    assert [r["status"] for r in t] == [ln[14] for ln in lines[1:]]
    g = landscape.branch("F5", checks=False, graph=True)
    assert format_table(g, "tsv") == _tool(
        "branch", "-F", "F5", "--no-checks", "-g", "-f", "tsv", "-q")
    assert len(g.graph) == len(format_table(g, "tsv").splitlines()) - 1


def test_branch_options_checked_as_the_tool():
    """lsc_branch_options_check: the tool's rule and message."""
    import landscape
    with pytest.raises(LandscapeError) as e:
        landscape.branch("F5", start=5, to=3)
    assert e.value.token == "einval"
    assert "1 <= --from < --to <= 1e6" in str(e.value)
    with pytest.raises(LandscapeError):
        landscape.branch("F5", amp=2)
    with pytest.raises(LandscapeError) as e:
        landscape.branch("nosuch")
    assert e.value.token == "einval"
