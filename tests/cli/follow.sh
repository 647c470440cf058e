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
run "$F" --bogus
expect_rc 2 "unknown option"
run "$F" --help
expect_ok "--help"
run "$F" --version
expect_ok "--version"
finish
