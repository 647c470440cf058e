#!/bin/sh
# Tests of landscape-branch and landscape-catalogue: F5's pitchfork and
# type A's transcritical branches as tables (TSV, JSON), the family graph
# as a table and as DOT, the diagram, a catalogue line from a census end
# point and from a W file that reads back as the catalogue row, errors.
. "$top_srcdir/tests/cli/common.sh"
B=$(tool landscape-branch) || exit 77
C=$(tool landscape-catalogue) || exit 77
CAT=$top_srcdir/data/families.tsv

# F5: one crossing (x), the only axial Young child kd:L,1,1, a pitchfork,
# both halves above d* (saddles of index 1), followed to d = 20.
run "$B" -c "$CAT" -F F5 --no-checks -f tsv
expect_ok "F5"
row=$(awk -F '\t' 'NR == 2 { print $3, $5, $6, $7, $9, $10, $12, $15 }' "$out")
if test "$row" = "x pitchfork pitchfork kd:L,1,1 absent saddle(1),saddle(1) range@20 ok"
then pass; else fail "F5 row: $row"; fi
if test "$(awk 'END { print NR }' "$out")" -eq 2; then pass; else fail "F5: one branch row"; fi

# Type A: two axial children, both transcritical, halves on both sides;
# the integer-d checks all agree with the full Hessian.
run "$B" -c "$CAT" -F A -f json --to 8
expect_ok "A json"
if test "$(grep -c '"kind":"transcritical"' "$out")" -eq 2; then pass; else fail "A: two transcritical rows"; fi
if grep -q '"child":"kd:L,1,1"' "$out" && grep -q '"child":"kd:L,1,2"' "$out"; then pass; else fail "A children"; fi
if awk -F'"checks":"' 'NF > 1 { split($2, a, "\""); split(a[1], b, "/"); if (b[1] != b[2] || b[2] == 0) bad = 1; n++ } END { exit bad || n != 2 }' "$out"
then pass; else fail "A: integer checks disagree"; fi
if grep -q '"meets":"F4@4"' "$out"; then pass; else fail "A kd:L,1,1 branch meets F4 at d = 4"; fi

# The family graph, as a table and as DOT.
run "$B" -c "$CAT" -F A --to 8 -g -f tsv
expect_ok "graph"
if grep -q "^A kd:L,1,1 (d\* = 5.58551)	F4	4	meets$" "$out"; then pass; else fail "graph table"; fi
run "$B" -c "$CAT" -F A --to 8 --dot
expect_ok "dot"
if head -n 1 "$out" | grep -q '^digraph families {$' && tail -n 1 "$out" | grep -q '^}$' \
   && grep -q '"A" -> "A kd:L,1,1 (d\* = 5.58551)"' "$out"; then pass; else fail "dot"; fi

# The diagram.
if "$B" -c "$CAT" -F F5 --no-checks -q -P "$tmp/d.svg" >/dev/null 2>"$err" 2>&1; then
  if grep -q '<svg' "$tmp/d.svg"; then pass; else fail "diagram not SVG"; fi
else
  fail "diagram"
fi

# Errors.
run "$B" -c "$CAT" -F nosuch
expect_error 2 landscape-branch "no family 'nosuch'" "unknown family"
run "$B" -c "$CAT" --from 5 --to 3
expect_error 2 landscape-branch "--from < --to" "bad range"
run "$B" -c "$CAT" -y foo
expect_error 2 landscape-branch "--y" "bad --y"
run "$B" -c "$CAT" -P out.txt
expect_error 2 landscape-branch "--plot" "bad plot name"
run "$B" -c "$CAT" -g --dot
expect_error 2 landscape-branch "exclude" "graph and dot"

# landscape-catalogue: B4's point at d = 20 is already catalogued (exit 1);
# the Y4_fa row re-derived from its own W at d = 20 reads back equal.
printf '# census-like point\n' >/dev/null
awk -F '\t' '$1 == "Y4_fa"' "$CAT" >"$tmp/row"
cut -f2 "$tmp/row" >/dev/null
grep -v '^Y4_fa	' "$CAT" >"$tmp/cat.tsv"
# the W of Y4_fa at d = 20 from the catalogue (landscape-eval is not
# needed: embed through a one-run resume file)
params=$(cut -f4 "$tmp/row")
printf '#landscape-census-resume 1\tk=20\td=20\tm=20\tseed=1\tmethod=lbfgs\tstep=2\tgtol=1e-08\tmaxiter=100000\ttarget=identity\n0\t1\t1\t1\t0\t0.09\t0\t0\t0\t0\tnew\t-\tkd:L,4\t0\t%s\n' "$params" >"$tmp/res"
run "$C" -c "$tmp/cat.tsv" --census "$tmp/res" --run 0
expect_ok "catalogue line"
if test "$(cut -f1,2,3,6 "$out")" = "$(cut -f1,2,3,6 "$tmp/row")"; then pass; else fail "catalogue line fields: $(cut -f1,2,3,6 "$out")"; fi
cut -f4,5,8 "$out" | tr ',' '\t' >"$tmp/a"
cut -f4,5,8 "$tmp/row" | tr ',' '\t' >"$tmp/b"
numcmp "$tmp/a" "$tmp/b" 1e-9 1e-12 "Y4_fa re-derived"
run "$C" -c "$CAT" --census "$tmp/res" --run 0
expect_error 1 landscape-catalogue "Y4_fa" "already catalogued"
run "$C" -c "$CAT"
expect_error 2 landscape-catalogue "exactly one" "no input"
run "$C" -c "$CAT" --census "$tmp/res"
expect_error 2 landscape-catalogue "--run" "census without run"
run "$C" -c "$CAT" --census "$tmp/res" --run 7
expect_error 2 landscape-catalogue "no run 7" "missing run"
printf '1 0 0\n0 1 0\n' >"$tmp/w"
run "$C" -c "$CAT" --matrix "$tmp/w"
expect_error 2 landscape-catalogue "k >= d" "k < d"
# the memory budget (lsc_census_memory_check): k = d = 200 needs the
# 40000 x 40000 Hessian, 8 * 40000^2 bytes = 11.9 GiB
awk 'BEGIN { for (i = 0; i < 200; i++) { for (j = 0; j < 200; j++)
  printf "%s%d", j ? " " : "", i == j; print "" } }' >"$tmp/w200"
run "$C" -c "$CAT" --max-memory 1M --matrix "$tmp/w200"
expect_error 3 landscape-catalogue "the Hessian needs 11.9 GiB, more than the 0.000977 GiB allowed by --max-memory" "over --max-memory"
finish
