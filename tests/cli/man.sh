#!/bin/sh
# Man page lint: every page passes `groff -ww -z -man` without a warning,
# and every option a tool prints in --help appears in its man1 page.
. "${top_srcdir:-.}/tests/cli/common.sh"
if ! command -v groff >/dev/null 2>&1; then
  echo "SKIP: groff not installed (Debian package groff-base)" >&2
  exit 77
fi

pages=$(ls "$top_srcdir"/man/man[1357]/*.[1357] 2>/dev/null)
test -n "$pages" || { fail "no man pages under $top_srcdir/man"; finish; }
for page in $pages; do
  groff -ww -z -man "$page" >"$out" 2>"$err"
  if test $? -eq 0 && test ! -s "$err"; then pass
  else fail "groff -ww -z -man $page"; fi
  # A page must have a NAME section and a title matching its file name.
  base=$(basename "$page")
  name=${base%.*}
  sect=${base##*.}
  if grep -qi "^\.TH \"\{0,1\}$name\"\{0,1\} $sect " "$page" && grep -q '^\.SH NAME' "$page"; then pass
  else fail "$page: .TH $name $sect or .SH NAME missing"; fi
done

# Options from --help, e.g. "  -f, --format=FMT" -> --format; each must be
# in the page (roff writes "\-\-format" or "\-\-format\fR=").
for t in "$top_builddir"/tools/landscape-*; do
  test -x "$t" || continue
  case $t in *.o|*.c) continue ;; esac
  prog=$(basename "$t")
  page="$top_srcdir/man/man1/$prog.1"
  if test ! -f "$page"; then fail "$prog has no man page $page"; continue; fi
  "$t" --help >"$out" 2>"$err" || { fail "$prog --help failed"; continue; }
  opts=$(grep -o -- '--[a-z][a-z0-9-]*' "$out" | sort -u)
  test -n "$opts" || fail "$prog --help lists no options"
  sed 's/\\-/-/g; s/\\f[BIRP]//g; s/\\f(..//g' "$page" >"$tmp/page"
  for o in $opts; do
    if grep -q -- "$o\\b" "$tmp/page"; then pass
    else fail "$prog: option $o of --help is not in $page"; fi
  done
  # Each option of the page's OPTIONS section is also in --help.
  sed -n '/^\.SH OPTIONS/,/^\.SH /p' "$tmp/page" | grep -o -- '--[a-z][a-z0-9-]*' \
    | sort -u >"$tmp/manopts"
  for o in $(cat "$tmp/manopts"); do
    if grep -q -- "$o\\b" "$out"; then pass
    else fail "$prog: option $o of the man page is not in --help"; fi
  done
done
finish
