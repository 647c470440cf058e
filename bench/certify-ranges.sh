#!/bin/sh
# The range theorems of the catalogue (issue 13), too long for CI: every
# spurious-minimum family proved a nondegenerate minimum on
# [d* + 1e-6, min(1e6, end of its domain)] (families without a d*: from
# d = 20, their reference point; a domain ending at a fold: to 0.1 % before
# it, where the Jacobian is not yet singular), type A also on
# [d* + 1e-10, 1e9], and every saddle family's index proved at d = 20.
# One TSV row per statement on standard output, in catalogue order
# whatever the parallelism: ranges as landscape-certify's "ranges" table
# (family, a, b, theorem, pieces, failed, seconds, status, cpu_seconds),
# saddles as its point table (family, d, theorem, index, ...).
# Run from the build tree: make certify-ranges [CERTIFY_JOBS=J]
# Options: -j J runs J statements at a time (default 1; the rows still
# come out in catalogue order); LANDSCAPE_CERTIFY_FAMILIES=A,B2 restricts
# the families.  Exit status 0 when every statement was proved, 1 if some
# was not, 2 for usage errors, 3 for system errors.
set -u
jobs=1
while getopts j: opt; do
  case $opt in
    j) jobs=$OPTARG ;;
    *) echo "usage: certify-ranges.sh [-j JOBS]" >&2; exit 2 ;;
  esac
done
case $jobs in
  ''|*[!0-9]*|0) echo "certify-ranges.sh: -j needs a positive integer" >&2; exit 2 ;;
esac
C=${LANDSCAPE_CERTIFY:-tools/landscape-certify}
CAT=${LANDSCAPE_FAMILIES:-${srcdir:-.}/data/families.tsv}
only=${LANDSCAPE_CERTIFY_FAMILIES:-}
test -r "$CAT" || { echo "certify-ranges.sh: cannot read $CAT" >&2; exit 2; }
dir=$(mktemp -d) || exit 3
trap 'rm -rf "$dir"' EXIT
trap 'exit 3' HUP INT TERM
# the statements, one a line: index, family, d or a:b
awk -F '\t' -v only=",$only," '
  function show(x) { return sprintf("%.17g", x) }
  !/^#/ && $1 != "name" {
    if (only != ",," && index(only, "," $1 ",") == 0) next
    if ($6 != "spurious-minimum") { print ++n, $1, 20; next }
    hi = $9; sub(/.*,/, "", hi); sub(/:.*/, "", hi); hi += 0
    a = ($8 == "-" || $8 == "") ? 20 : show($8 + 1e-6)
    b = hi < 1e6 ? show(hi * (1 - 1e-3)) : 1e6
    print ++n, $1, a ":" b
    if ($1 == "A") print ++n, $1, show($8 + 1e-10) ":1e9"
  }' "$CAT" >"$dir/list" || exit 3
# one statement: its rows to $dir/N.tsv, its status to $dir/N.rc
export C CAT dir
xargs -P "$jobs" -L 1 sh -c '
  "$C" -c "$CAT" -F "$2" --d "$3" -f tsv -q >"$dir/$1.out"
  echo $? >"$dir/$1.rc"' sh <"$dir/list" || exit 3
rc=0
while read -r i name d; do
  tail -n +2 "$dir/$i.out" 2>/dev/null
  s=$(cat "$dir/$i.rc" 2>/dev/null) || s=3
  case $s in
    0) ;;
    1) test $rc -ge 1 || rc=1 ;;
    *) echo "certify-ranges.sh: $name --d $d: exit status $s" >&2; rc=3 ;;
  esac
done <"$dir/list"
exit $rc
