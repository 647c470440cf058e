#!/bin/sh
# The range theorems of the catalogue (issue 13), too long for CI.  Every
# spurious-minimum family (the catalogue's type is its type at d = 20) is
# followed on [a, b]: a = d* + 1e-6 (families without a d*: 20, their
# reference point), b = min(1e6, end of its domain); a domain ending at a
# fold (in the catalogue, or found on [a, b]) stops 0.1 % before it, where
# the Jacobian is not yet singular.  The index changes on [a, b] come from
# landscape-bifurcate (the library's detection: every crossing of an
# isotypic eigenvalue along the branch, c_1 < c_2 < ...), and the range is
# cut there: the family's type (a minimum) proved on [a, c_1 - 1e-6]; each
# crossing proved enclosed to 1e-31 and unique in [c_i - 1e-6, c_i + 1e-6]
# with the Morse index at both ends (landscape-certify --dstar --d);
# between and after the crossings, the inertia found there proved constant
# (--index: "nondegenerate-saddle" of the printed index, or a minimum
# again).  Type A is also proved on [d* + 1e-10, 1e9], and every saddle
# family's index at d = 20.
# Output: one TSV row per statement on standard output, in catalogue order
# whatever the parallelism; its first column names the statement:
#   range     landscape-certify's "ranges" row (family, a, b, theorem,
#             pieces, failed, seconds, status, cpu_seconds, neg_t, neg_s,
#             neg_x, neg_y, index)
#   crossing  its "dstar_range" row (family, component, d_lo, d_hi, width,
#             a, b, unique, block_neg, index_a, theorem_a, index_b,
#             theorem_b, seconds, status, reason, multiplicity)
#   point     its point row (family, d, theorem, index, ...)
# Run from the build tree: make certify-ranges [CERTIFY_JOBS=J]
# Options: -j J runs J statements at a time (default 1; the rows still
# come out in catalogue order); -n prints the statements (one a line:
# number, family, kind, d or a:b) without proving them;
# LANDSCAPE_CERTIFY_FAMILIES=A,B2 restricts the families.  Exit status 0
# when every statement was proved, 1 if some was not, 2 for usage errors,
# 3 for system errors.
set -u
jobs=1
dry=0
while getopts j:n opt; do
  case $opt in
    j) jobs=$OPTARG ;;
    n) dry=1 ;;
    *) echo "usage: certify-ranges.sh [-n] [-j JOBS]" >&2; exit 2 ;;
  esac
done
case $jobs in
  ''|*[!0-9]*|0) echo "certify-ranges.sh: -j needs a positive integer" >&2; exit 2 ;;
esac
C=${LANDSCAPE_CERTIFY:-tools/landscape-certify}
B=${LANDSCAPE_BIFURCATE:-tools/landscape-bifurcate}
CAT=${LANDSCAPE_FAMILIES:-${srcdir:-.}/data/families.tsv}
only=${LANDSCAPE_CERTIFY_FAMILIES:-}
test -r "$CAT" || { echo "certify-ranges.sh: cannot read $CAT" >&2; exit 2; }
dir=$(mktemp -d) || exit 3
trap 'rm -rf "$dir"' EXIT
trap 'exit 3' HUP INT TERM
# the families and their ranges: family, kind (point or range), d or a:b
awk -F '\t' -v only=",$only," '
  function show(x) { return sprintf("%.17g", x) }
  !/^#/ && $1 != "name" {
    if (only != ",," && index(only, "," $1 ",") == 0) next
    if ($6 != "spurious-minimum") { print $1, "point", 20; next }
    hi = $9; sub(/.*,/, "", hi); sub(/:.*/, "", hi); hi += 0
    a = ($8 == "-" || $8 == "") ? 20 : show($8 + 1e-6)
    b = hi < 1e6 ? show(hi * (1 - 1e-3)) : 1e6
    print $1, "range", a ":" b
    if ($1 == "A") print $1, "extra", show($8 + 1e-10) ":1e9"
  }' "$CAT" >"$dir/fams" || exit 3
# the statements, one a line: number, family, kind, d or a:b; the
# crossings and folds of each range from landscape-bifurcate
rc=0
while read -r name kind d; do
  if test "$kind" != range; then
    echo "0 $name $kind $d"; continue
  fi
  a=${d%%:*}
  b=${d#*:}
  "$B" -c "$CAT" -F "$name" --from "$a" --to "$b" -D 20 -f tsv -q \
    >"$dir/bif" 2>"$dir/bif.err"
  s=$?
  if test $s -gt 1 || ! awk -F '\t' 'NR > 1 && $13 != "ok" { bad = 1 } END { exit bad }' "$dir/bif"; then
    echo "certify-ranges.sh: $name: landscape-bifurcate on [$a, $b] failed (exit $s): $(head -c 300 "$dir/bif.err")" >&2
    rc=1
    continue
  fi
  # events inside (a, b) in increasing d: a fold ends the range 0.1 %
  # before it; each crossing cuts it
  awk -F '\t' -v a="$a" -v b="$b" -v name="$name" '
    function show(x) { return sprintf("%.17g", x) }
    NR > 1 && ($2 == "crossing" || $2 == "fold") && $6 + 0 > a + 0 && $6 + 0 < b + 0 {
      ev[++m] = $2; at[m] = $6 }
    END {
      # insertion sort by d
      for (i = 2; i <= m; i++)
        for (j = i; j > 1 && at[j] + 0 < at[j - 1] + 0; j--) {
          t = at[j]; at[j] = at[j - 1]; at[j - 1] = t
          t = ev[j]; ev[j] = ev[j - 1]; ev[j - 1] = t }
      lo = a; first = 1
      for (i = 1; i <= m; i++) {
        c = at[i] + 0
        if (ev[i] == "fold") { b = show(c * (1 - 1e-3)); break }
        print 0, name, first ? "range" : "index", lo ":" show(c - 1e-6)
        print 0, name, "crossing", show(c - 1e-6) ":" show(c + 1e-6)
        lo = show(c + 1e-6); first = 0
      }
      if (lo + 0 < b + 0) print 0, name, first ? "range" : "index", lo ":" b
    }' "$dir/bif" || exit 3
done <"$dir/fams" >"$dir/list.tmp"
# number the statements
awk '{ $1 = NR; print }' "$dir/list.tmp" >"$dir/list" || exit 3
if test $dry = 1; then
  cat "$dir/list"
  exit $rc
fi
# one statement: its rows to $dir/N.out, its status to $dir/N.rc
export C CAT dir
xargs -P "$jobs" -L 1 sh -c '
  case $3 in
    range) set -- "$1" "$2" "$3" --d "$4" ;;
    index) set -- "$1" "$2" "$3" --index --d "$4" ;;
    crossing) set -- "$1" "$2" "$3" --dstar --d "$4" ;;
    *) set -- "$1" "$2" "$3" --d "$4" ;;
  esac
  i=$1 name=$2; shift 3
  "$C" -c "$CAT" -F "$name" "$@" -f tsv -q >"$dir/$i.out"
  echo $? >"$dir/$i.rc"' sh <"$dir/list" || exit 3
while read -r i name kind d; do
  case $kind in
    range|index|extra) tag=range ;;
    crossing) tag=crossing ;;
    *) tag=point ;;
  esac
  tail -n +2 "$dir/$i.out" 2>/dev/null | sed "s/^/$tag	/"
  s=$(cat "$dir/$i.rc" 2>/dev/null) || s=3
  case $s in
    0) ;;
    1) test $rc -ge 1 || rc=1 ;;
    *) echo "certify-ranges.sh: $name $kind $d: exit status $s" >&2; rc=3 ;;
  esac
done <"$dir/list"
exit $rc
