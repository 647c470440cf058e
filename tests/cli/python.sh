#!/bin/sh
# The Python package's pytest suite (python/tests) against this build's
# library and tools; skipped when configure found no Python with numpy or
# pytest is missing.
. "${top_srcdir:-.}/tests/cli/common.sh"
need_python
lib=$top_builddir/.libs/liblandscape.so
LANDSCAPE_LIB=$lib LANDSCAPE_FAMILIES=$top_srcdir/data/families.tsv \
PYTHONPATH=$top_srcdir/python PYTHONDONTWRITEBYTECODE=1 \
  "$PYTHON" -m pytest -q -p no:cacheprovider "$top_srcdir/python/tests" \
  >"$out" 2>"$err"
rc=$?
cat "$out"
if test $rc -eq 0; then pass; else fail "pytest python/tests (status $rc)"; fi
finish
