#!/bin/sh
# Tool test of landscape-census: a small census at k = d = 12 (every run
# classified, same-family losses agree to 1e-12, identical rows with 1 and
# 2 threads, the same classification with --dense), the resume file (interrupted and resumed census gives the same
# rows; a file of another census is refused), and bad input (exit 2, one
# stderr line).
. "${top_srcdir:-.}/tests/cli/common.sh"
C=$(tool landscape-census) || exit 77
P=landscape-census
CAT="$top_srcdir/data/families.tsv"

# Columns compared between runs: everything but the wall time (field 5).
rows () { awk -F '\t' 'NR > 1 && NF == 11 { $5 = ""; print }' "$1"; }

run "$C" -c "$CAT" -k 12 -n 6 -s 3 -j 1 -f tsv
expect_ok "census 1 thread"
cp "$out" "$tmp/one"
run "$C" -c "$CAT" -k 12 -n 6 -s 3 -j 2 -f tsv
expect_ok "census 2 threads"
rows "$tmp/one" >"$tmp/r1"
rows "$out" >"$tmp/r2"
if cmp -s "$tmp/r1" "$tmp/r2"; then pass; else fail "1 vs 2 threads differ"; fi
n=$(wc -l <"$tmp/r1")
if test "$n" -eq 6; then pass; else fail "expected 6 run rows, got $n"; fi
# --dense (kd x kd Hessian, dense eigensolve) against the default
# symmetric route: same index, family, isotropy and status in every row,
# losses within 1e-12 (absolute: the global minima are at rounding level).
run "$C" -c "$CAT" -k 12 -n 6 -s 3 -j 1 -f tsv --dense
expect_ok "census --dense"
if awk -F '\t' 'NR == FNR { if (FNR > 1 && NF == 11) { l[$1] = $6; c[$1] = $8 " " $9 " " $10 " " $11 }; next }
     FNR > 1 && NF == 11 { n++; if (c[$1] != $8 " " $9 " " $10 " " $11) bad = 1
                           d = l[$1] - $6; if (d < 0) d = -d; if (d > 1e-12) bad = 1 }
     END { exit bad || n != 6 }' "$tmp/one" "$out"
then pass; else fail "--dense classifies differently"; fi
# Every run ok and classified (a family other than "-").
if awk -F '\t' 'NR > 1 && NF == 11 && ($11 != "ok" || $9 == "-" || $9 == "") { bad = 1 } END { exit bad }' "$tmp/one"
then pass; else fail "unclassified or failed run"; fi
# Runs in the same family: losses within 1e-12 (and the summary's spread).
if awk -F '\t' 'NR > 1 && NF == 11 { if ($9 in lo) { if ($6 < lo[$9]) lo[$9] = $6; if ($6 > hi[$9]) hi[$9] = $6 } else lo[$9] = hi[$9] = $6 }
     END { for (f in lo) if (hi[f] - lo[f] > 1e-12) bad = 1; exit bad }' "$tmp/one"
then pass; else fail "same-family losses differ by more than 1e-12"; fi
# Catalogue type A at k = d = 12 (continued from d = 20) is found with
# seed 3; its loss matches landscape-follow's value at d = 12.
if grep -q "	A	kd:L,1	ok" "$tmp/one"; then pass; else fail "no type A run"; fi
# Totals: 6 runs, none failed.
awk -F '\t' '/^runs\tglobal/ { getline; print $1, $5 }' "$tmp/one" >"$tmp/got"
echo "6 0" >"$tmp/want"
numcmp "$tmp/want" "$tmp/got" 0 0 "totals"

# GD gives the same classification format; iterations > L-BFGS's.
run "$C" -c "$CAT" -k 6 -n 2 -m gd --step 2 -j 1 -f json
expect_ok "gd json"
if grep -q '"table":"runs"' "$out" && grep -q '"table":"totals"' "$out"
then pass; else fail "json tables"; fi

# --plot: an SVG histogram (when built with cairo).
run "$C" -c "$CAT" -k 6 -n 2 -j 1 -q -P "$tmp/h.svg"
if test "$rc" -eq 2 && grep -q "without cairo" "$err"; then pass
elif test "$rc" -eq 0 && grep -q "<svg" "$tmp/h.svg"; then pass
else fail "--plot svg"; fi

# Resume: 3 runs recorded, then 6 (only 3 new), same rows as straight.
R="$tmp/resume.txt"
run "$C" -c "$CAT" -k 12 -n 3 -s 3 -j 2 -r "$R" -f tsv
expect_ok "resume part 1"
if test "$(wc -l <"$R")" -eq 4; then pass; else fail "resume file lines"; fi
# A torn last line (interrupted write) is dropped.
printf '5\t123\t4' >>"$R"
run "$C" -c "$CAT" -k 12 -n 6 -s 3 -j 2 -r "$R" -f tsv
expect_ok "resume part 2"
rows "$out" >"$tmp/r3"
if cmp -s "$tmp/r1" "$tmp/r3"; then pass; else fail "resumed census differs"; fi
if test "$(wc -l <"$R")" -eq 7; then pass; else fail "resume file after part 2"; fi
# Another census's file is refused.
run "$C" -c "$CAT" -k 12 -n 6 -s 4 -r "$R"
expect_error 2 $P "written by a different census" "resume of another census"
# a malformed line after a valid first line
head -n 1 "$R" >"$tmp/bad.txt"
echo foo >>"$tmp/bad.txt"
run "$C" -c "$CAT" -k 12 -n 6 -s 3 -r "$tmp/bad.txt"
expect_error 2 $P "bad.txt:2: malformed" "malformed resume line"
# A file of the first format (no target hash) is refused with the reason.
printf '#landscape-census-resume 1\tk=12\td=12\tm=12\tseed=3\tmethod=lbfgs\tstep=2\tgtol=1e-08\tmaxiter=100000\ttarget=identity\n' >"$tmp/old.txt"
run "$C" -c "$CAT" -k 12 -n 6 -s 3 -r "$tmp/old.txt"
expect_error 2 $P "older landscape-census" "resume file of format 1"

# Bad arguments and unreadable targets: one line, exit 2.
run "$C" -c "$CAT" -n 3
expect_error 2 $P "--k is required" "missing --k"
run "$C" -c "$CAT" -k 0
expect_error 2 $P "'0'" "k = 0"
run "$C" -c "$CAT" -k 4 --runs x
expect_error 2 $P "'x'" "bad --runs"
run "$C" -c "$CAT" -k 4 -m newton
expect_error 2 $P "'newton'" "bad --method"
run "$C" -c "$CAT" -k 4 --step -1
expect_error 2 $P "--step" "negative step"
run "$C" -c "$CAT" -k 4 --gtol 0
expect_error 2 $P "--gtol" "zero gtol"
run "$C" -c "$CAT" -k 4 -t "$tmp/nonexistent.txt"
expect_error 2 $P "nonexistent.txt" "unreadable target"
printf '1 0 0\n0 1\n' >"$tmp/ragged.txt"
run "$C" -c "$CAT" -k 4 -t "$tmp/ragged.txt"
expect_error 2 $P "ragged.txt" "ragged target"
printf '1 0 0\n0 0 0\n' >"$tmp/zero.txt"
run "$C" -c "$CAT" -k 4 -t "$tmp/zero.txt"
expect_error 2 $P "row 2 of the target is zero" "zero target row"
printf '1 0 0\n0 1 0\n' >"$tmp/v.txt"
run "$C" -c "$CAT" -k 4 -d 4 -t "$tmp/v.txt"
expect_error 2 $P "3 columns" "target columns vs --d"
run "$C" -c "$CAT" -k 4 -P "$tmp/plot.txt"
expect_error 2 $P "plot.txt" "bad plot extension"
run "$C" -c "$tmp/nonexistent.tsv" -k 4
expect_error 2 $P "nonexistent.tsv" "missing catalogue"
run "$C" -c "$CAT" -k 4 extra
expect_error 2 $P "unexpected argument" "extra argument"
# A non-identity target: runs end unclassified (k = 3 students, 2 targets).
run "$C" -c "$CAT" -k 3 -t "$tmp/v.txt" -n 2 -j 1 -f tsv
expect_rc 0 "target file"
if awk -F '\t' 'NR > 1 && NF == 11 && $9 != "unclassified" && $9 != "global" { bad = 1 } END { exit bad }' "$out"
then pass; else fail "non-identity target classification"; fi
run "$C" --bogus
expect_rc 2 "unknown option"
run "$C" --help
expect_ok "--help"
run "$C" --version
expect_ok "--version"
# the memory budget (lsc_census_memory_check): the 4e6 x 4e6 Hessian
# alone, 8 * 1.6e13 bytes = 1.19e5 GiB, refused before anything runs
run "$C" -c "$CAT" -k 2000 -n 1 -j 1 --max-memory 1G
expect_error 3 landscape-census "a census with 1 thread at k = 2000, d = 2000 needs 1.19e+05 GiB, more than the 1 GiB allowed by --max-memory" "over --max-memory"
finish
