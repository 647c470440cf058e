"""Tables in the tools' formats (lsc_table(3)): text, TSV, JSON Lines,
LaTeX and Markdown, written by the library's table writers, so that a
table made here is byte for byte the table a landscape-* tool prints.

    import landscape
    from landscape.report import format_table
    print(format_table(landscape.scan(20, families="A"), "latex"))
    print(format_table("runs", [("run", "int"), ("loss", "real"),
                                ("status", "status")],
                       [{"run": 0, "loss": 0.5, "status": "ok"}], "latex"))

A Table returned by landscape.scan, landscape.census or
landscape.bifurcate is written by the writer the tool uses
(lsc_scan_table_write, lsc_census_summary_write and the runs table,
lsc_bifurcate_table_write) from the same C results; any other table is
written cell by cell through lsc_table.
"""
import ctypes as C
import math

from . import _lib as L

_TYPES = {"int": 0, "real": 1, "decimal": 2, "string": 3, "status": 4}
_FORMATS = ("text", "tsv", "json", "latex", "markdown")


class _Column(C.Structure):
    _fields_ = [("name", C.c_char_p), ("type", C.c_int),
                ("tex", C.c_char_p), ("flags", C.c_int)]


class _Opts(C.Structure):
    _fields_ = [("digits", C.c_int), ("columns", C.c_char_p),
                ("standalone", C.c_int), ("label", C.c_char_p)]


_libc = C.CDLL(None)
_libc.open_memstream.restype = C.c_void_p
_libc.open_memstream.argtypes = [C.POINTER(C.c_void_p),
                                 C.POINTER(C.c_size_t)]
_libc.fclose.argtypes = [C.c_void_p]
_libc.free.argtypes = [C.c_void_p]

_f = L._fn
_alloc = _f("lsc_table_output_alloc", C.c_void_p, C.c_void_p, C.c_int,
            C.POINTER(_Opts))
_free = _f("lsc_table_output_free", C.c_int, C.c_void_p)
_demoted = _f("lsc_table_output_demoted", C.c_size_t, C.c_void_p)
_status = _f("lsc_table_output_status", C.c_int, C.c_void_p)
_begin = _f("lsc_table_begin_paper", C.c_void_p, C.c_void_p, C.c_char_p,
            C.c_char_p, C.POINTER(_Column), C.c_size_t, C.c_int)
_cell_int = _f("lsc_table_cell_int", C.c_int, C.c_void_p, C.c_longlong)
_cell_real = _f("lsc_table_cell_real", C.c_int, C.c_void_p, C.c_double)
_cell_dec = _f("lsc_table_cell_decimal", C.c_int, C.c_void_p, C.c_char_p)
_cell_str = _f("lsc_table_cell_string", C.c_int, C.c_void_p, C.c_char_p)
_cell_st = _f("lsc_table_cell_status", C.c_int, C.c_void_p, C.c_int)
_cell_tok = _f("lsc_table_cell_status_token", C.c_int, C.c_void_p,
               C.c_char_p)
_cell_empty = _f("lsc_table_cell_empty", C.c_int, C.c_void_p)
_row_end = _f("lsc_table_row_end", C.c_int, C.c_void_p)
_end = _f("lsc_table_end", C.c_int, C.c_void_p)


def _error(status, what):
    from . import LandscapeError
    return LandscapeError(status, what)


def _cell(t, kind, v):
    if v is None or (isinstance(v, float) and math.isnan(v)
                     and kind != "real"):
        return _cell_empty(t)
    if kind == "int":
        return _cell_int(t, int(v))
    if kind == "real":
        return _cell_real(t, float(v))
    if kind == "decimal":
        return _cell_dec(t, str(v).encode())
    if kind == "status":
        if isinstance(v, int):
            return _cell_st(t, v)
        return _cell_tok(t, str(v).encode())
    return _cell_str(t, str(v).encode())


def _render(fmt, digits, label, write):
    """Text of the output written by write(out) (a status) in format fmt
    with digits significant digits and LaTeX labels tab:LABEL-NAME."""
    if fmt not in _FORMATS:
        raise _error(4, "format_table: format %r" % (fmt,))
    buf, size = C.c_void_p(), C.c_size_t()
    stream = _libc.open_memstream(C.byref(buf), C.byref(size))
    if not stream:
        raise _error(8, "format_table")
    opts = _Opts(int(digits), None, 0, label.encode() if label else None)
    out = _alloc(stream, _FORMATS.index(fmt), C.byref(opts))
    st = 8 if not out else 0
    if out:
        write(out)
        st = _free(out)
    _libc.fclose(stream)
    text = C.string_at(buf, size.value).decode() if buf else ""
    _libc.free(buf)
    if st:
        raise _error(st, "format_table")
    return text


def format_table(name, columns=None, rows=None, fmt="tsv", digits=0,
                 caption=None):
    """A result of landscape.scan, census or bifurcate (name; columns,
    if given, is the format) as the tool prints it: format_table(t,
    "latex").  Or the table name with columns [(name, type), ...] (type:
    int, real, decimal, string or status) and rows (dicts by column name,
    or sequences in column order).  fmt: text, tsv, json, latex,
    markdown; digits: significant digits of reals and decimals (0: round
    trip).  None is a missing value; a NaN on an ok row makes its status
    enonfinite, as in the tools.  Errors raise LandscapeError with the
    library's status."""
    if not isinstance(name, str):
        writer = getattr(name, "_writer", None)
        if writer is None:
            raise TypeError("format_table: a table of landscape.scan, "
                            "census or bifurcate, or a name")
        if isinstance(columns, str):
            fmt = columns
        return _render(fmt, digits, name._label, writer)
    if columns is None or rows is None:
        raise TypeError("format_table: columns and rows are needed")
    cols = (_Column * max(1, len(columns)))()
    kinds = []
    for j, (cname, kind) in enumerate(columns):
        if kind not in _TYPES:
            raise _error(4, "format_table: column type %r" % (kind,))
        cols[j] = _Column(cname.encode(), _TYPES[kind], None, 0)
        kinds.append(kind)

    def write(out):
        t = _begin(out, name.encode(), caption.encode() if caption else None,
                   cols, len(columns), 0)
        for r in rows if t else ():
            vals = ([r.get(c) for c, _ in columns] if isinstance(r, dict)
                    else list(r))
            if len(vals) != len(columns):
                _cell_empty(t)          # a row of the wrong length: EINVAL
                break
            for k, v in zip(kinds, vals):
                _cell(t, k, v)
            _row_end(t)
        return _end(t)
    return _render(fmt, digits, None, write)
