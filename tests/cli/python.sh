#!/bin/sh
# The Python package's pytest suite (python/tests) against this build's
# library and tools; skipped when configure found no Python with numpy or
# pytest is missing.
. "${top_srcdir:-.}/tests/cli/common.sh"
if test -z "$PYTHON" || test "$PYTHON" = ":"; then
  echo "SKIP: configure found no Python 3 with numpy (Debian: python3-numpy)" >&2
  exit 77
fi
if ! "$PYTHON" -c 'import numpy, pytest' >/dev/null 2>&1; then
  echo "SKIP: $PYTHON lacks numpy or pytest (Debian: python3-numpy python3-pytest)" >&2
  exit 77
fi
lib=$top_builddir/.libs/liblandscape.so
if test ! -f "$lib"; then
  echo "SKIP: $lib not built (configure --disable-shared?)" >&2
  exit 77
fi
LANDSCAPE_LIB=$lib LANDSCAPE_FAMILIES=$top_srcdir/data/families.tsv \
PYTHONPATH=$top_srcdir/python PYTHONDONTWRITEBYTECODE=1 \
  "$PYTHON" -m pytest -q -p no:cacheprovider "$top_srcdir/python/tests" \
  >"$out" 2>"$err"
rc=$?
cat "$out"
if test $rc -eq 0; then pass; else fail "pytest python/tests (status $rc)"; fi
finish
