#!/bin/sh
# The shared library's dynamic symbol table: it exports exactly the
# functions the installed public headers declare (all named lsc_*), and
# nothing internal.
. "${top_srcdir:-.}/tests/cli/common.sh"
lib=$top_builddir/.libs/liblandscape.so
if test ! -f "$lib"; then
  echo "SKIP: $lib not built (configure --disable-shared?)" >&2
  exit 77
fi
if ! command -v nm >/dev/null 2>&1; then
  echo "SKIP: nm not installed (Debian package binutils)" >&2
  exit 77
fi

# Defined dynamic symbols (functions and data), without the version node.
nm -D --defined-only "$lib" | awk 'NF == 3 && $2 != "A" { print $3 }' \
  | sort -u >"$tmp/exported"
test -s "$tmp/exported" || fail "nm -D $lib lists no symbols"

# Every exported symbol is public: named lsc_*.
grep -v '^lsc_' "$tmp/exported" >"$tmp/bad"
if test -s "$tmp/bad"; then
  fail "exported but not lsc_: $(tr '\n' ' ' <"$tmp/bad")"
else pass; fi

# The functions the public headers declare: comments and typedefs dropped,
# then every "lsc_name (" that is not a static inline definition.
for h in "$top_srcdir"/include/landscape.h "$top_srcdir"/include/landscape/*.h; do
  awk '
    { line = $0; out = "" }
    { while (line != "") {
        if (incomment) {
          i = index (line, "*/")
          if (i == 0) { line = "" } else { line = substr (line, i + 2); incomment = 0 }
        } else {
          i = index (line, "/*")
          if (i == 0) { out = out line; line = "" }
          else { out = out substr (line, 1, i - 1); line = substr (line, i + 2); incomment = 1 }
        }
      }
      print out }' "$h"
done | tr '\n' ' ' | tr ';{}' '\n\n\n' \
  | grep -v '^[[:space:]]*typedef' | grep -v 'static[[:space:]]*inline' \
  >"$tmp/statements"
{ grep -oE '\blsc_[a-z0-9_]+ ?\(' "$tmp/statements" | sed 's/ *($//'
  # data: "extern const T *lsc_name;"
  grep -E '^[[:space:]]*extern[^(]*lsc_[a-z0-9_]+[[:space:]]*$' "$tmp/statements" \
    | grep -oE 'lsc_[a-z0-9_]+[[:space:]]*$' | tr -d ' '
} | sort -u >"$tmp/declared"
test -s "$tmp/declared" || fail "no lsc_ function found in the public headers"

comm -13 "$tmp/declared" "$tmp/exported" >"$tmp/extra"
if test -s "$tmp/extra"; then
  fail "exported but not declared in a public header (internal symbols leak): $(tr '\n' ' ' <"$tmp/extra")"
else pass; fi
comm -23 "$tmp/declared" "$tmp/exported" >"$tmp/missing"
if test -s "$tmp/missing"; then
  fail "declared in a public header but not exported (missing #pragma GCC visibility push(default)?): $(tr '\n' ' ' <"$tmp/missing")"
else pass; fi
finish
