#!/bin/sh
# One d alone vs the same d inside a range, for every catalogue family
# (issue 17): landscape-scan over a grid (one process, --long), then each d
# of the grid in a process of its own; the rows of that d must be the same
# text, cell for cell: status, type, index, zero count, loss, residual,
# smallest eigenvalue, note, and every spectrum row (value, multiplicity,
# component) to the printed digits.
#
#   GRIDS   the grids (default "2:20:0.05 20:1e6:log20", issue 17's)
#   KS      the k of the catalogue's rows (default "d d+1")
#   EVERY   compare every EVERY-th d of each grid (default 1: all)
#   SCANOPT extra landscape-scan options (e.g. --fast)
#   DSEL    LO:HI, compare only the d of the grids in [LO, HI] (the range
#           is still scanned whole): a piece of the comparison
#   FAMILIES  a comma list of families (-F) for range and alone alike
#   KEEP    a directory where each range's tables are kept and reused, so
#           that pieces (DSEL) of one grid scan the range once
#
# The full grids on the default (accurate) path take about 30 min of CPU:
# run by `make scan-grid`, outside make check.  make check runs a sample
# of them through tests/cli/scan-domains.sh.
. "${top_srcdir:-.}/tests/cli/common.sh"
S=$(tool landscape-scan) || exit 77
# the binary itself, not its libtool wrapper script (a shell and a
# relink check per run would cost more than most runs)
if test -x "$top_builddir/tools/.libs/landscape-scan"; then
  S=$top_builddir/tools/.libs/landscape-scan
  LD_LIBRARY_PATH=$top_builddir/.libs${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}
  export LD_LIBRARY_PATH
fi
CAT=$top_srcdir/data/families.tsv
export LANDSCAPE_FAMILIES="$CAT"
grids=${GRIDS:-"2:20:0.05 20:1e6:log20"}
every=${EVERY:-1}
ks=${KS:-"d d+1"}
dsel=${DSEL:-0:inf}
fopt=${FAMILIES:+--family=$FAMILIES}

npairs=0 ndiff=0 nd=0
for k in $ks; do
for g in $grids; do
  key=$(printf '%s' "$g k=$k $FAMILIES $SCANOPT" | tr -c 'A-Za-z0-9.=+-' _)
  if test -n "${KEEP:-}" && test -s "$KEEP/$key.sum"; then
    cp "$KEEP/$key.sum" "$tmp/rsum"
    cp "$KEEP/$key.spec" "$tmp/rspec"
  else
    run "$S" --d "$g" --k "$k" --long --format tsv --quiet $fopt $SCANOPT
    test "$rc" -le 1 || { fail "range $g: exit $rc"; continue; }
    table summary "$out" >"$tmp/rsum"
    table spectrum "$out" >"$tmp/rspec"
    if test -n "${KEEP:-}"; then
      mkdir -p "$KEEP" && cp "$tmp/rsum" "$KEEP/$key.sum" \
        && cp "$tmp/rspec" "$KEEP/$key.spec"
    fi
  fi
  lo=${dsel%%:*} hi=${dsel#*:}
  for d in $(awk -F'\t' -v e="$every" -v lo="$lo" -v hi="$hi" '
      !($2 in s) && $2 + 0 >= lo + 0 && (hi == "inf" || $2 + 0 <= hi + 0) {
        s[$2] = 1; if (n++ % e == 0) print $2 }' "$tmp/rsum"); do
    nd=$((nd + 1))
    run "$S" --d "$d" --k "$k" --long --format tsv --quiet $fopt $SCANOPT
    test "$rc" -le 1 || { fail "d = $d alone: exit $rc"; continue; }
    table summary "$out" >"$tmp/osum"
    table spectrum "$out" >"$tmp/ospec"
    # the d column as printed by the range (the value round-trips)
    awk -F'\t' -v d="$d" '$2 == d' "$tmp/rsum" >"$tmp/rs"
    awk -F'\t' -v d="$d" '$2 == d' "$tmp/rspec" >"$tmp/rp"
    # one line per (family, d): agreement of the summary row and of the
    # family's spectrum rows, or the first differing cell
    awk -F'\t' -v d="$d" -v g="$g, k = $k" '
      FILENAME == ARGV[1] { sr[$1] = $0; fam[++n] = $1; next }
      FILENAME == ARGV[2] { so[$1] = $0; next }
      FILENAME == ARGV[3] { rp[$1] = rp[$1] $0 "\n"; next }
      FILENAME == ARGV[4] { op[$1] = op[$1] $0 "\n"; next }
      END {
        split("family d k status type index zero loss grad_norm min_eig min_comp ndistinct mult_sum dstar note", h, " ")
        for (i = 1; i <= n; i++) {
          x = fam[i]
          if (!(x in so)) { print "DIFF " x " d=" d " (" g "): missing alone"; continue }
          if (sr[x] != so[x]) {
            na = split(sr[x], a, "\t"); split(so[x], b, "\t")
            for (j = 1; j <= na && a[j] == b[j]; j++) ;
            print "DIFF " x " d=" d " (" g "): " h[j] ": range \"" a[j] "\" alone \"" b[j] "\""
            continue
          }
          if (rp[x] != op[x]) { print "DIFF " x " d=" d " (" g "): spectrum rows differ"; continue }
          print "SAME " x
        }
        for (x in so) if (!(x in sr)) print "DIFF " x " d=" d " (" g "): missing in range"
      }' "$tmp/rs" "$tmp/osum" "$tmp/rp" "$tmp/ospec" >"$tmp/cmp"
    p=$(grep -c '^SAME' "$tmp/cmp")
    q=$(grep -c '^DIFF' "$tmp/cmp")
    npairs=$((npairs + p + q))
    ndiff=$((ndiff + q))
    if test "$q" -gt 0; then
      fail "$(grep '^DIFF' "$tmp/cmp" | sed 's/^DIFF //')"
    else
      pass
    fi
  done
done
done
echo "one d alone vs in range: $nd d, $npairs (family, d) pairs, $ndiff differ"
test "$npairs" -gt 0 || fail "nothing compared"
finish
