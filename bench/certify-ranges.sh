#!/bin/sh
# The range theorems of the catalogue (issue 13), too long for CI: every
# spurious-minimum family proved a nondegenerate minimum on
# [d* + 1e-6, min(1e6, end of its domain)] (families without a d*: from
# d = 20, their reference point; a domain ending at a fold: to 0.1 % before
# it, where the Jacobian is not yet singular), type A also on
# [d* + 1e-10, 1e9], and
# every saddle family's index proved at d = 20.  One TSV row per
# statement (family, a, b, theorem, pieces, failed, seconds, status,
# cpu_seconds) on
# standard output.  Run from the build tree: make certify-ranges
# (LANDSCAPE_CERTIFY_FAMILIES=A,B2 restricts the families).  A few hours
# of CPU in all.
set -u
C=${LANDSCAPE_CERTIFY:-tools/landscape-certify}
CAT=${LANDSCAPE_FAMILIES:-${srcdir:-.}/data/families.tsv}
only=${LANDSCAPE_CERTIFY_FAMILIES:-}
rc=0
list=$(mktemp) || exit 3
trap 'rm -f "$list"' EXIT
awk -F '\t' '!/^#/ && $1 != "name" { print $1, $6, $8, $9 }' "$CAT" >"$list"
while read -r name kind dstar domain; do
  case ",$only," in ,,) ;; *",$name,"*) ;; *) continue ;; esac
  if test "$kind" != spurious-minimum; then
    "$C" -c "$CAT" -F "$name" --d 20 -f tsv -q | tail -n +2 || rc=1
    continue
  fi
  # the domain's upper end (open: 1e7) and the start d* + 1e-6 or 20
  hi=$(printf '%s\n' "$domain" | sed 's/.*,\([^:]*\):.*/\1/')
  if test "$dstar" = - || test -z "$dstar"; then a=20
  else a=$(awk -v s="$dstar" 'BEGIN { printf "%.17g", s + 1e-6 }'); fi
  b=$(awk -v h="$hi" 'BEGIN { printf "%.17g", (h + 0 < 1e6) ? h * (1 - 1e-3) : 1e6 }')
  "$C" -c "$CAT" -F "$name" --d "$a:$b" -f tsv -q | tail -n +2 || rc=1
  if test "$name" = A; then
    a=$(awk -v s="$dstar" 'BEGIN { printf "%.17g", s + 1e-10 }')
    "$C" -c "$CAT" -F A --d "$a:1e9" -f tsv -q | tail -n +2 || rc=1
  fi
done <"$list"
exit $rc
