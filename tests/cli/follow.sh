#!/bin/sh
# Tool test of landscape-follow: the type-A branch (start matches the
# catalogue, end at d = 1e7 exactly, residual column small, degeneration at
# d = 3 downwards), formats, and bad input (exit 2, one stderr line).
. "${top_srcdir:-.}/tests/cli/common.sh"
F=$(tool landscape-follow) || exit 77
P=landscape-follow
CAT="$top_srcdir/data/families.tsv"

run "$F" -c "$CAT" --to 1e7 -f tsv A
expect_ok "A to 1e7"
# First row: d = 20 and the catalogue's parameters (Newton re-solve).
awk -F '\t' 'NR == 2 { print $1, $7, $8, $9, $10, $11 }' "$out" >"$tmp/got"
awk -F '\t' '$1 == "A" { gsub(",", " ", $4); print $3, $4 }' "$CAT" >"$tmp/want"
numcmp "$tmp/want" "$tmp/got" 1e-13 1e-16 "A start vs catalogue"
# Last row at d = 1e7 exactly; every residual reported and <= 1e-5.
tail -n 1 "$out" | cut -f 1 >"$tmp/got"
echo 10000000 >"$tmp/want"
numcmp "$tmp/want" "$tmp/got" 0 0 "A ends at 1e7"
if awk -F '\t' 'NR > 1 && !($3 >= 0 && $3 <= 1e-5) { bad = 1 } END { exit bad }' "$out"
then pass; else fail "A residual column"; fi
n=$(awk 'END { print NR }' "$out")
if test "$n" -gt 20 && test "$n" -lt 400; then pass; else fail "A point count $n"; fi

# Down: the branch continues analytically to the edge of its domain, where
# the large block reaches size 1 (d -> 2): exit 0, a note, and the last row
# within 1e-5 of d = 2 with status ok or fold.
run "$F" -c "$CAT" --to 1.5 -f json A
expect_rc 0 "A down"
if grep -q "^$P: branch ends at d = 2\.0000" "$err"; then pass; else fail "A down: end note"; fi
if tail -n 1 "$out" | grep -q '"status":"\(ok\|fold\)"' && tail -n 1 "$out" | grep -q '"d":2\.0000'; then pass; else fail "A down json"; fi

run "$F" -c "$CAT" --list
expect_ok "--list"
if grep -q "^A-split-kd1	rows:L,2;cols:L,1;pair:0=0	saddle" "$out"; then pass; else fail "--list"; fi

run "$F" -c "$CAT" --to 30
expect_error 2 $P "expected one FAMILY" "no family argument"
run "$F" -c "$CAT" --to x A
expect_error 2 $P "'x'" "bad --to"
run "$F" -c "$CAT" A
expect_error 2 $P "--to is required" "missing --to"
run "$F" -c "$CAT" --to 30 nonesuch
expect_error 2 $P "no family 'nonesuch'" "unknown family"
printf 'name\tisotropy\td\tparams\tloss\tkind\tdescription\nA\tkd:L,1\t20\t1,2\t0\tsaddle\tx\n' >"$tmp/bad.tsv"
run "$F" -c "$tmp/bad.tsv" --to 30 A
expect_error 2 $P "bad.tsv:2: 2 parameters" "bad catalogue"
run "$F" -c "$tmp/nonexistent.tsv" --to 30 A
expect_error 2 $P "nonexistent.tsv" "missing catalogue"
# --weights: type A at d = 20 embedded from the catalogue's parameters, rows
# and columns permuted together (i -> 7 i mod 20): the detected family is
# followed along the same branch as the catalogue's A (d, loss columns).
awk -F '\t' '$1 == "A" { print $4 }' "$CAT" | awk -F , -v n=20 '{
  for (i = 0; i < n; i++) {
    line = ""
    for (j = 0; j < n; j++) {
      pi = (7 * i) % n; pj = (7 * j) % n
      if (pi < n - 1 && pj < n - 1) v = (pi == pj) ? $1 : $2
      else if (pi < n - 1) v = $3
      else if (pj < n - 1) v = $4
      else v = $5
      line = line (j ? " " : "") v
    }
    print line
  } }' >"$tmp/A20.txt"
run "$F" -c "$CAT" --to 40 -f tsv A
cut -f 1,2 "$out" >"$tmp/catalogue_branch"
run "$F" -w "$tmp/A20.txt" --to 40 -f tsv
expect_ok "--weights"
cut -f 1,2 "$out" >"$tmp/detected_branch"
numcmp "$tmp/catalogue_branch" "$tmp/detected_branch" 1e-12 1e-15 "--weights follows type A"
printf '1 2 3\n4 5\n' >"$tmp/ragged.txt"
run "$F" -w "$tmp/ragged.txt" --to 30
expect_error 2 $P "ragged.txt:2" "--weights ragged file"
printf '0.3 -1.2 0.7\n2.2 0.1 -0.4\n-0.9 1.7 0.05\n0.6 0.2 1.1\n' >"$tmp/generic.txt"
run "$F" -w "$tmp/generic.txt" --to 30
expect_error 2 $P "generic.txt" "--weights without symmetry"
run "$F" -w "$tmp/A20.txt" --to 30 A
expect_error 2 $P "not both" "--weights and FAMILY"
run "$F" -w "$tmp/A20.txt" --tol 0 --to 30
expect_error 2 $P "--tol" "--tol 0"

run "$F" --bogus
expect_rc 2 "unknown option"
run "$F" --help
expect_ok "--help"
run "$F" --version
expect_ok "--version"
finish
