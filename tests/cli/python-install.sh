#!/bin/sh
# The Python package after `make install` into a temporary prefix: the
# installed package (PYTHONPATH) loads the installed library (not the build
# tree's), `import landscape; print(landscape.scan(20))` works, and the
# pytest suite passes against the installed library and tools (their TSV
# output equals the bindings' results).  Skipped like python.sh.
. "${top_srcdir:-.}/tests/cli/common.sh"
need_python
inst=$tmp/inst
# prefix given to make (not to configure): the build stays as configured;
# the installed catalogue is then not where the library was compiled to
# look, so LANDSCAPE_FAMILIES names the installed copy.
${MAKE:-make} -s -C "$top_builddir" install prefix="$inst" \
  >"$tmp/install.log" 2>&1 \
  || { cat "$tmp/install.log"; fail "make install prefix=$inst"; finish; }
pkg=$(find "$inst" -name __init__.py -path '*/landscape/__init__.py' | head -n 1)
test -n "$pkg" && pass || { fail "no installed package under $inst"; finish; }
pydir=$(dirname "$(dirname "$pkg")")
test -f "$inst/lib/liblandscape.so" && pass || fail "no installed library"
grep -q "LIBDIR = \"$inst/lib\"" "$pydir/landscape/_config.py" && pass \
  || fail "installed _config.py does not name $inst/lib"
# run from an empty directory, with nothing of the build tree in reach
mkdir "$tmp/run"
cd "$tmp/run" || exit 99
run_py () {
  env -u LANDSCAPE_LIB PYTHONPATH="$pydir" PYTHONDONTWRITEBYTECODE=1 \
    LANDSCAPE_FAMILIES="$inst/share/landscape/families.tsv" \
    LANDSCAPE_BINDIR="$inst/bin" LANDSCAPE_TEST_INSTALLED=1 \
    LD_LIBRARY_PATH="$inst/lib${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}" \
    "$PYTHON" "$@"
}
run_py -c 'import landscape, landscape._lib as L; print(L.path); print(landscape.scan(20))' \
  >"$out" 2>"$err"
test $? -eq 0 && pass || { cat "$err"; fail "import landscape; landscape.scan(20)"; }
case $(head -n 1 "$out") in
  "$inst"/lib/*) pass ;;
  *) fail "the installed package loaded $(head -n 1 "$out"), not $inst/lib" ;;
esac
grep -q '^family  *d  *k  *status  *type' "$out" \
  && grep -q '^global  *20  *20  *ok  *global-minimum' "$out" && pass \
  || fail "scan(20) is not the table with the global minimum"
# the suite against the installed package, library and tools (the tools
# of a prefix outside the loader's path find the library by
# LD_LIBRARY_PATH, as after any such install; the package needs none)
run_py -m pytest -q -p no:cacheprovider "$top_srcdir/python/tests" \
  >"$out" 2>"$err"
rc=$?
cat "$out"
test $rc -eq 0 && pass || fail "pytest against the install (status $rc)"
finish
