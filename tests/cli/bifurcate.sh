#!/bin/sh
# Tests of landscape-bifurcate: type A's d* to 30 and 100 digits against
# each other and against the crossing seen by landscape-scan, certification,
# formats parsed back, every minimum family of the catalogue has a
# saddle->minimum crossing, errors.
. "$top_srcdir/tests/cli/common.sh"
B=$(tool landscape-bifurcate) || exit 77
S=$(tool landscape-scan) || exit 77
CAT=$top_srcdir/data/families.tsv
P=landscape-bifurcate

# Type A at 30 and 100 digits: the 100-digit value extends the 30-digit one.
run "$B" -c "$CAT" -F A -f tsv
expect_ok "A 30 digits"
d30=$(awk -F '\t' 'NR == 2 { print $6 }' "$out")
st=$(awk -F '\t' 'NR == 2 { print $2, $3, $7, $12, $13 }' "$out")
if test "$st" = "crossing s saddle->minimum 30 ok"; then pass; else fail "A row: $st"; fi
run "$B" -c "$CAT" -F A -D 100 -f json
expect_ok "A 100 digits"
d100=$(sed -n 's/.*"d_star":"\{0,1\}\([0-9.e+-]*\).*/\1/p' "$out" | head -n 1)
if awk -v a="$d30" -v b="$d100" 'BEGIN { exit !(length(b) >= 100 && substr(b, 1, 28) == substr(a, 1, 28)) }'; then pass
else fail "100 digits do not extend the 30 digits: $d30 vs $d100"; fi
if grep -q '"digits":100' "$out" && grep -q '"status":"ok"' "$out"; then pass; else fail "A 100 digits certified"; fi

# Independent route: landscape-scan's type changes bracket d*.
run "$S" -c "$CAT" --family A --d 5.5:5.7:0.01 --long -f tsv
below=$(awk -F '\t' -v d="$d30" 'NR > 1 && $2 + 0 < d + 0' "$out" | wc -l)
if awk -v d="$d30" 'BEGIN { exit !(d > 5.58 && d < 5.59) }'; then pass; else fail "A d* = $d30 not in (5.58, 5.59)"; fi
run "$S" -c "$CAT" --family A --d 5.58 -f tsv
if grep -q "saddle" "$out"; then pass; else fail "scan: A is not a saddle at 5.58"; fi
run "$S" -c "$CAT" --family A --d 5.59 -f tsv
if grep -q "spurious" "$out"; then pass; else fail "scan: A is not a minimum at 5.59"; fi

# Every family that is a minimum at d = 20 with a d* in the catalogue has
# a certified saddle->minimum crossing below 20 (the rows with d* "-" are
# minima down to the edge of their domain or from a fold).  The rows of
# landscape-catalogue (names Y...: about 40 s more) only with
# LSC_EXPENSIVE=1.
fams=$(awk -F '\t' -v all="${LSC_EXPENSIVE:-0}" '!/^#/ && NF >= 7 && $1 != "name" && (all != "0" || $1 !~ /^Y/) { printf "%s%s", n++ ? "," : "", $1 }' "$CAT")
run "$B" -c "$CAT" -F "$fams" -f tsv -q
for f in $(awk -F '\t' -v all="${LSC_EXPENSIVE:-0}" '!/^#/ && $6 == "spurious-minimum" && $8 != "-" && (all != "0" || $1 !~ /^Y/) { print $1 }' "$CAT"); do
  if awk -F '\t' -v f="$f" '$1 == f && $7 == "saddle->minimum" && $12 + 0 >= 30 && $13 == "ok" { found = 1 } END { exit !found }' "$out"
  then pass; else fail "no certified saddle->minimum crossing for $f"; fi
done

# The catalogue's dstar column is the largest saddle->minimum d* found now
# (to 25 digits).
for f in $(awk -F '\t' -v all="${LSC_EXPENSIVE:-0}" '!/^#/ && NR > 1 && $8 != "-" && $8 != "dstar" && (all != "0" || $1 !~ /^Y/) { print $1 }' "$CAT"); do
  c=$(awk -F '\t' -v f="$f" '$1 == f { print $8 }' "$CAT")
  t=$(awk -F '\t' -v f="$f" '$1 == f && $7 == "saddle->minimum" { print $6 }' "$out" | sort -g | tail -n 1)
  if test -n "$t" && test "$(echo "$c" | cut -c1-26)" = "$(echo "$t" | cut -c1-26)"; then pass
  else fail "catalogue dstar of $f ($c) differs from the computed $t"; fi
done

# Formats: JSON and TSV carry the same d*; LaTeX has a booktabs table.
run "$B" -c "$CAT" -F F5 -f tsv
t=$(awk -F '\t' 'NR == 2 { print $6 }' "$out")
run "$B" -c "$CAT" -F F5 -f json
j=$(sed -n 's/.*"d_star":"\{0,1\}\([0-9.e+-]*\).*/\1/p' "$out" | head -n 1)
if test -n "$t" && test "$t" = "$j"; then pass; else fail "TSV/JSON d* differ: $t vs $j"; fi
run "$B" -c "$CAT" -F F5 -f latex
if grep -q '\\toprule' "$out" && grep -q '\\bottomrule' "$out"; then pass; else fail "latex"; fi
run "$B" -c "$CAT" -F F5 --params -f tsv
if grep -q "^family	d_star	index	value" "$out"; then pass; else fail "--params table"; fi

# Errors: one line, exit 2.
run "$B" -c "$CAT" -F nosuch
expect_error 2 "$P" "nosuch" "unknown family"
run "$B" -c "$CAT" -D 0
expect_error 2 "$P" "--digits" "--digits 0"
run "$B" -c "$CAT" -D abc
expect_error 2 "$P" "--digits" "--digits abc"
run "$B" -c "$CAT" --from 30 --to 20
expect_error 2 "$P" "range" "empty range"
run "$B" -c /nonexistent/families.tsv
expect_error 2 "$P" "/nonexistent/families.tsv" "missing catalogue"
run "$B" -c "$CAT" extra
expect_error 2 "$P" "extra" "extra argument"
# --prove: "proved" only from the ball-arithmetic proof; without it the
# proof column stays empty (agreement is not called a proof).
run "$B" -c "$CAT" -F A --prove -f tsv -q
expect_ok "A --prove"
if awk -F '\t' 'NR == 1 { exit !($14 == "proof") } ' "$out" \
   && awk -F '\t' 'NR == 2 { exit !($13 == "ok" && $14 == "proved") }' "$out"
then pass; else fail "A --prove: proof column"; fi
run "$B" -c "$CAT" -F A -f tsv -q
if awk -F '\t' 'NR == 2 { exit !($14 == "") }' "$out"; then pass; else fail "proof column without --prove"; fi
run "$B" --help
expect_ok "--help"
run "$B" --version
expect_ok "--version"
finish
