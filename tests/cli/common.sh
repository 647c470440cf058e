# Shell helpers of the tool tests (sourced): run a tool, check its exit
# status and stderr, compare numeric output token by token with tolerances.

if test -z "$top_builddir" || test -z "$top_srcdir"; then
  echo "top_builddir and top_srcdir must be set (make check sets them)" >&2
  exit 77
fi
LC_ALL=C
export LC_ALL
# The tests run small problems on a shared machine: one BLAS thread.
OPENBLAS_NUM_THREADS=1
export OPENBLAS_NUM_THREADS

tmp=$(mktemp -d "${TMPDIR:-/tmp}/lsc-cli.XXXXXX") || exit 99
trap 'rm -rf "$tmp"' EXIT
out=$tmp/out
err=$tmp/err
failures=0
checks=0

# fail MESSAGE: record a failed check (the script goes on).
fail () {
  failures=$((failures + 1))
  echo "FAIL: $*" >&2
  if test -s "$err"; then sed 's/^/  stderr: /' "$err" >&2; fi
}

# pass: count a passed check.
pass () {
  checks=$((checks + 1))
}

# tool NAME: print the path of a built tool, or fail if it is missing;
# use as  E=$(tool landscape-eval) || exit 77
tool () {
  if test ! -x "$top_builddir/tools/$1"; then
    echo "SKIP: $top_builddir/tools/$1 not built" >&2
    return 1
  fi
  echo "$top_builddir/tools/$1"
}

# run TOOL ARGS...: run with stdout in $out, stderr in $err, status in $rc.
# Standard input is the caller's (redirect the call to feed it).  With
# VALGRIND set (e.g. "valgrind -q --error-exitcode=9 --leak-check=full"),
# the tool runs under it: valgrind's reports break the stderr checks and
# its exit code breaks the status checks.  Needs real binaries, not libtool
# wrappers (configure --disable-shared).
run () {
  $VALGRIND "$@" >"$out" 2>"$err"
  rc=$?
}

# expect_rc N WHAT: the last run exited with status N.
expect_rc () {
  if test "$rc" -eq "$1"; then pass; else fail "$2: exit status $rc, expected $1"; fi
}

# expect_ok WHAT: status 0 and an empty stderr.
expect_ok () {
  if test "$rc" -eq 0 && test ! -s "$err"; then pass
  else fail "$1: exit status $rc (expected 0) or stderr not empty"; fi
}

# expect_error N PROG PATTERN WHAT: status N, stdout empty, stderr exactly
# one line of the form "PROG: ..." containing the fixed string PATTERN.
expect_error () {
  _lines=$(wc -l <"$err")
  if test "$rc" -ne "$1"; then
    fail "$4: exit status $rc, expected $1"
  elif test "$_lines" -ne 1; then
    fail "$4: stderr has $_lines lines, expected 1"
  elif ! head -n 1 "$err" | grep -q "^$2: "; then
    fail "$4: stderr does not start with '$2: '"
  elif ! grep -qF -- "$3" "$err"; then
    fail "$4: stderr does not mention '$3'"
  elif test -s "$out"; then
    fail "$4: output on stdout despite the error"
  else
    pass
  fi
}

# numcmp FILE1 FILE2 RTOL ATOL WHAT: the files have the same tokens (split
# at blanks and TABs, line by line); tokens that are both numbers agree
# within max(ATOL, RTOL * max(|a|, |b|)), other tokens are equal.
numcmp () {
  if awk -v rtol="$3" -v atol="$4" '
    function isnum(s) {
      return s ~ /^[-+]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][-+]?[0-9]+)?$/
    }
    function abs(x) { return x < 0 ? -x : x }
    NR == FNR { a[FNR] = $0; na = FNR; next }
    {
      nb = FNR
      n1 = split(a[FNR], x, /[ \t]+/); n2 = split($0, y, /[ \t]+/)
      if (n1 != n2) { printf "line %d: %d vs %d tokens\n", FNR, n1, n2; bad = 1; next }
      for (i = 1; i <= n1; i++) {
        if (isnum(x[i]) && isnum(y[i])) {
          u = x[i] + 0; v = y[i] + 0
          m = abs(u) > abs(v) ? abs(u) : abs(v)
          tol = rtol * m > atol ? rtol * m : atol
          if (abs(u - v) > tol) { printf "line %d field %d: %s vs %s\n", FNR, i, x[i], y[i]; bad = 1 }
        } else if (x[i] != y[i]) {
          printf "line %d field %d: \"%s\" vs \"%s\"\n", FNR, i, x[i], y[i]; bad = 1
        }
      }
    }
    END { if (na != nb) { printf "%d vs %d lines\n", na, nb; bad = 1 } exit bad }
  ' "$1" "$2" >"$tmp/numcmp" 2>&1; then
    pass
  else
    fail "$5: outputs differ: $(head -n 3 "$tmp/numcmp" | tr '\n' ';')"
  fi
}

# table NAME FILE: print the rows (without header) of the TSV table NAME
# ("summary" is the first table, "spectrum" the second) of FILE.
table () {
  awk -v want="$1" 'BEGIN { t = 1 } /^$/ { t++; h = 0; next }
    { if (!h) { h = 1; next } }
    (want == "summary" && t == 1) || (want == "spectrum" && t == 2)' "$2"
}

# finish: report and exit with the automake status.
finish () {
  echo "$checks checks passed, $failures failed"
  test "$failures" -eq 0 && exit 0
  exit 1
}

# need_python: exit 77 (skip) with a message unless configure found a
# Python 3 ($PYTHON) with numpy and pytest, and the shared library is
# built (the package loads it with ctypes): the Python tests' preamble.
need_python () {
  if test -z "$PYTHON" || test "$PYTHON" = ":"; then
    echo "SKIP: configure found no Python 3 with numpy (Debian: python3-numpy)" >&2
    exit 77
  fi
  if ! "$PYTHON" -c 'import numpy, pytest' >/dev/null 2>&1; then
    echo "SKIP: $PYTHON lacks numpy or pytest (Debian: python3-numpy python3-pytest)" >&2
    exit 77
  fi
  if test ! -f "$top_builddir/.libs/liblandscape.so"; then
    echo "SKIP: $top_builddir/.libs/liblandscape.so not built (configure --disable-shared?)" >&2
    exit 77
  fi
}
