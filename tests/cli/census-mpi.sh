#!/bin/sh
# Tool test of landscape-census over MPI (skipped, 77, when it was built
# without MPI or mpirun is missing): the same L-BFGS census at k = d = 8
# on one process and on two ranks (mpirun -np 2 --oversubscribe) gives the
# same rows and summary, wall time aside; a census resumed on two ranks
# from a file written by one process also equals it; GD too.
. "${top_srcdir:-.}/tests/cli/common.sh"
C=$(tool landscape-census) || exit 77
P=landscape-census
CAT="$top_srcdir/data/families.tsv"
MPIRUN=${MPIRUN:-mpirun}
command -v "$MPIRUN" >/dev/null 2>&1 || exit 77
ldd "$C" 2>/dev/null | grep -q libmpi || {
  test -f "$(dirname "$C")/.libs/$(basename "$C")" &&
    ldd "$(dirname "$C")/.libs/$(basename "$C")" | grep -q libmpi
} || exit 77
mpi () { "$MPIRUN" --allow-run-as-root --oversubscribe -np 2 "$@"; }

# All columns but the wall time (field 5 of the runs table; the summary
# has no time column).
strip () { awk -F '\t' 'BEGIN { OFS = "\t" } NF == 11 && $1 != "run" { $5 = "" } { print }' "$1"; }

for method in lbfgs gd; do
  run "$C" -c "$CAT" -k 8 -n 12 -s 5 -j 1 -m $method --maxiter 20000 -f tsv
  expect_ok "one process ($method)"
  strip "$out" >"$tmp/one.$method"
  run mpi "$C" -c "$CAT" -k 8 -n 12 -s 5 -j 1 -m $method --maxiter 20000 -f tsv
  expect_ok "two ranks ($method)"
  strip "$out" >"$tmp/two.$method"
  if cmp -s "$tmp/one.$method" "$tmp/two.$method"; then pass
  else fail "two ranks differ from one process ($method): $(diff "$tmp/one.$method" "$tmp/two.$method" | head -3 | tr '\n' ';')"; fi
done
n=$(awk -F '\t' 'NF == 11 && $1 != "run"' "$tmp/one.lbfgs" | wc -l)
if test "$n" -eq 12; then pass; else fail "expected 12 rows, got $n"; fi

# Resume: 5 runs on one process, the rest on two ranks.
rm -f "$tmp/res"
run "$C" -c "$CAT" -k 8 -n 5 -s 5 -j 1 --maxiter 20000 -f tsv -r "$tmp/res"
expect_ok "first 5 runs, one process"
run mpi "$C" -c "$CAT" -k 8 -n 12 -s 5 -j 1 --maxiter 20000 -f tsv -r "$tmp/res"
expect_ok "resumed on two ranks"
strip "$out" >"$tmp/resumed"
# resumed rows carry the recorded times: compare without field 5 anyway
if cmp -s "$tmp/one.lbfgs" "$tmp/resumed"; then pass
else fail "resumed two-rank census differs: $(diff "$tmp/one.lbfgs" "$tmp/resumed" | head -3 | tr '\n' ';')"; fi
n=$(grep -c . "$tmp/res")
if test "$n" -eq 13; then pass; else fail "resume file: expected 13 lines, got $n"; fi

# --fractions reads and prints on rank 0 only: two ranks print the tables
# once, the same bytes as one process; a bad file gives one error line.
run "$C" --fractions -c "$CAT" "$tmp/res" -f tsv
expect_ok "--fractions, one process"
cp "$out" "$tmp/fr1"
run mpi "$C" --fractions -c "$CAT" "$tmp/res" -f tsv
expect_ok "--fractions, two ranks"
if cmp -s "$tmp/fr1" "$out"; then pass
else fail "--fractions on two ranks differs: $(diff "$tmp/fr1" "$out" | head -3 | tr '\n' ';')"; fi
run mpi "$C" --fractions -c "$CAT" "$tmp/nonexistent.res"
n=$(grep -c "nonexistent.res" "$err")
if test "$rc" -ne 0 && test "$n" -eq 1; then pass
else fail "--fractions, bad file on two ranks: rc $rc, $n error lines"; fi

finish
