#!/bin/sh
# Tool test of landscape-follow: the type-A branch (start matches the
# catalogue, end at d = 1e7 exactly, residual column small, its branch
# point at d = 3), issue 11's symptoms (folds, no NaN, no jump), the
# regenerated domain column, formats, and bad input (exit 2, one line).
. "${top_srcdir:-.}/tests/cli/common.sh"
F=$(tool landscape-follow) || exit 77
P=landscape-follow
CAT="$top_srcdir/data/families.tsv"

run "$F" -c "$CAT" --to 1e7 -f tsv A
expect_ok "A to 1e7"
# First row: d = 20 and the catalogue's parameters (Newton re-solve).
awk -F '\t' 'NR == 2 { print $1, $11, $12, $13, $14, $15 }' "$out" >"$tmp/got"
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

# Down: type A ends at its branch point d = 3 (the large block has size 2
# and the point is F5's): exit 0, a note, the last row at d = 3 exactly.
run "$F" -c "$CAT" --to 1.5 -f json A
expect_rc 0 "A down"
if grep -q "^$P: branch ends at d = 3: branch point" "$err"; then pass; else fail "A down: end note"; fi
if tail -n 1 "$out" | grep -q '"status":"ok"' && tail -n 1 "$out" | grep -q '"d":3,'; then pass; else fail "A down json"; fi
# Past the branch point the restricted branch continues analytically to the
# edge where the large block reaches size 1 (d -> 2).
run "$F" -c "$CAT" --to 1.5 --past-branch -f json A
expect_rc 0 "A down --past-branch"
if grep -q "^$P: branch ends at d = 2\.0000" "$err"; then pass; else fail "A --past-branch: end note"; fi

# Issue 11's symptoms, with default step control: no NaN and no status ok on
# a point that cannot be computed, and every fold of landscape-bifurcate
# located (B3 4.5639621325245, B6 7.7227094425445, B5 6.6870477032137).
for a in "B3 --to 2" "B6 --to 2" "B5 --to 6" "--to 4 B3"; do
  run "$F" -c "$CAT" $a -f tsv
  expect_rc 0 "$a"
  grep -qi nan "$out" && fail "$a: NaN in the output" || pass
done
for fd in B3:4.56396213252452686 B6:7.72270944254454372 B5:6.68704770321367312; do
  f=${fd%:*}; d=${fd#*:}
  run "$F" -c "$CAT" --to 2 --past-branch -f tsv $f
  expect_rc 0 "$f --past-branch"
  grep -qi nan "$out" && fail "$f: NaN" || pass
  tail -n 1 "$out" | cut -f 1,5,6 >"$tmp/got"
  printf '%s\t1\tfold\n' "$d" >"$tmp/want"
  numcmp "$tmp/want" "$tmp/got" 1e-12 0 "$f fold with default steps"
  # no jump: the loss moves by less than 0.05 per unit of d between rows
  awk -F '\t' 'NR > 2 { s = ($2 - l) / ($1 - d); if (s < 0) s = -s; if (s > 0.05) bad = 1 }
    NR > 1 { l = $2; d = $1 } END { exit bad }' "$out" && pass || fail "$f: loss jumps"
done
# The domain column, regenerated, equals the catalogue's (never hand-typed).
run "$F" -c "$CAT" --domains
expect_ok "--domains"
tr ',:' '  ' <"$out" >"$tmp/dom_new"
tr ',:' '  ' <"$CAT" >"$tmp/dom_cat"
numcmp "$tmp/dom_cat" "$tmp/dom_new" 1e-9 0 "--domains vs the catalogue"


run "$F" -c "$CAT" --list
expect_ok "--list"
if grep -q "^A-split-kd1	rows:L,2;cols:L,1;pair:0=0	saddle" "$out"; then pass; else fail "--list"; fi

run "$F" -c "$CAT" --to 30
expect_error 2 $P "expected one FAMILY" "no family argument"
run "$F" -c "$CAT" --to x A
expect_error 2 $P "'x'" "bad --to"
run "$F" -c "$CAT" --to 0.5 A
expect_error 2 $P "invalid argument '0.5' for --to: a dimension must be at least 1" "--to below 1"
run "$F" -c "$CAT" --from 0 --to 30 A
expect_error 2 $P "invalid argument '0' for --from: a dimension must be at least 1" "--from below 1"
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
