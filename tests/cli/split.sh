#!/bin/sh
# Tests of landscape-split: the splitting table of type A and F5 at d = 20
# (every split a saddle with d - 1 new negative directions per split, one
# structural zero per extra neuron, second route and full Hessian agree),
# Y10_af's 0+0 split (its large block below a small one),
# a family absent at d, and errors.
. "$top_srcdir/tests/cli/common.sh"
S=$(tool landscape-split) || exit 77
CAT=$top_srcdir/data/families.tsv

run "$S" -c "$CAT" -F A,F5 --d 20 -f tsv
expect_ok "A, F5 at 20"
# A: blocks 0 and 1 -> 2 rows at m = 1, 4 at m = 2; F5: 1 + 2.
if test "$(awk 'END { print NR }' "$out")" -eq 10; then pass; else fail "row count"; fi
# index = parent + m (d - 1); zero = structural = m; routes agree.
if awk -F '\t' 'NR > 1 && ($5 != "ok" || $7 != $6 + $3 * 19 || $8 != $3 || $9 != $3 || $11 != $7 || $12 != "agree" || $10 != "saddle") { bad = 1 } END { exit bad }' "$out"
then pass; else fail "split rows"; fi
# the loss is the parent's
if awk -F '\t' 'NR > 1 && $1 == "A" && ($13 < 0.0112755819475 || $13 > 0.0112755819476) { bad = 1 } END { exit bad }' "$out"
then pass; else fail "loss of A's splits"; fi

# Y10_af's 0+0 split (rows:L,10,2,2 with L = 8 at d = 20: too many blocks
# for the reduced spectrum with the large block first) is scanned with its
# largest block first: index 2 (d - 1) = 38, the full Hessian agrees.
run "$S" -c "$CAT" -F Y10_af --d 20 -f tsv
expect_ok "Y10_af at 20"
if awk -F '\t' '$4 == "0+0" { n++; if ($5 != "ok" || $7 != 38 || $8 != 2 || $9 != 2 || $12 != "agree" || $11 != 38) bad = 1 }
   NR > 1 && $5 != "ok" { bad = 1 } END { exit bad || n != 1 }' "$out"
then pass; else fail "Y10_af 0+0 split row"; fi

# Y6-1_aff exists only between two folds (18.7 .. 23.6): no rows at d = 30.
run "$S" -c "$CAT" -F Y6-1_aff --d 30 --no-full -f tsv
expect_ok "absent family"
if test "$(awk 'END { print NR }' "$out")" -eq 1; then pass; else fail "absent family has rows"; fi

run "$S" -c "$CAT" -F A --d 1
expect_error 2 landscape-split "--d" "d below 2"
run "$S" -c "$CAT" -F A --d 20,x
expect_error 2 landscape-split "--d" "bad d"
run "$S" -c "$CAT" -F nosuch
expect_error 2 landscape-split "no family" "unknown family"
run "$S" -c "$CAT" -F A-split-kd1
expect_error 2 landscape-split "k = d" "k = d + 1 family"
run "$S" -c /nonexistent
expect_rc 2 "missing catalogue"
finish
