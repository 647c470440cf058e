#!/bin/sh
# Tool test of hostile numerics (issue 8): near-zero rows, 1e-150 and 1e150
# scales, overflow, parallel and antiparallel rows, d = 1, k = 1, k >> d,
# NaN/inf in every input file, d = 1e9 in landscape-scan's reduced path.
# Each run either succeeds with finite numbers (closed forms where known)
# or fails with exit 2 and one stderr line; no NaN or inf is ever printed.
. "${top_srcdir:-.}/tests/cli/common.sh"
E=$(tool landscape-eval) || exit 77
P=landscape-eval

# no_nonfinite WHAT: the last output has no nan/inf token.
no_nonfinite () {
  if grep -qiE '(^|[^a-z])(-?nan|-?inf(inity)?)([^a-z]|$)' "$out"; then
    fail "$1: non-finite number printed"
  else pass; fi
}

# feed TEXT TOOL ARGS...: run with TEXT (printf format) on standard input.
feed () {
  printf "$1" >"$tmp/in"; shift
  run "$@" <"$tmp/in"
}

# loss_is VALUE RTOL WHAT: the summary's loss column.
loss_is () {
  table summary "$out" | cut -f 5 >"$tmp/got"
  echo "$1" >"$tmp/want"
  numcmp "$tmp/want" "$tmp/got" "$2" 0 "$3"
}

# ---- successes with closed forms: W = diag(a, 1), V = I: L = (a - 1)^2/4
for a in 1e-150 1e-300 1e150; do
  feed "$a 0\n0 1\n" "$E" --format tsv
  expect_ok "row scale $a"
  no_nonfinite "row scale $a"
  want=$(awk -v a="$a" 'BEGIN { printf "%.17g", (a - 1) * (a - 1) / 4 }')
  loss_is "$want" 1e-14 "row scale $a loss"
done
# d = 1, k = 1: W = [2]: L = 1/4; d = 1, k = 4: L = ((3-1)^2 + 4^2)/4 = 5
feed '2\n' "$E" --format tsv; expect_ok "d = k = 1"; loss_is 0.25 1e-15 "d = k = 1"
feed "1\n-1\n2\n-3\n" "$E" --format tsv
expect_ok "d = 1, k = 4"; loss_is 5 1e-15 "d = 1, k = 4"
# parallel rows act as one neuron: [u; 0.7 u] == [1.7 u]
feed "0.6 -0.3 0.2\n0.42 -0.21 0.14\n" "$E" --format tsv
cp "$out" "$tmp/par"
feed "1.02 -0.51 0.34\n" "$E" --format tsv
table summary "$out" | cut -f 5 >"$tmp/want"
table summary "$tmp/par" | cut -f 5 >"$tmp/got"
numcmp "$tmp/want" "$tmp/got" 1e-14 0 "parallel rows = one neuron"
# antiparallel rows, a row on a target and one opposite to it
feed "1 1\n-1 -1\n" "$E" --format tsv; expect_ok antiparallel
no_nonfinite antiparallel
feed "1 0 0\n-2 0 0\n0 0 3\n" "$E" --format tsv; expect_ok "on/opposite target"
no_nonfinite "on/opposite target"
# k >> d: 40 neurons in the plane
awk 'BEGIN { for (i = 0; i < 40; i++) printf "%.17g %.17g\n", cos(0.37*i+0.1), sin(0.37*i+0.1) }' >"$tmp/w40"
run "$E" --format tsv "$tmp/w40"; expect_ok "k = 40, d = 2"; no_nonfinite "k = 40, d = 2"

# ---- overflow: a clear error, never a number
feed "1e200 0\n0 1\n" "$E" --format tsv
expect_error 2 "$P" "out of range" "row of norm 1e200"
feed "5e-324 0\n0 1\n" "$E" --format tsv
expect_error 2 "$P" "out of range" "row of subnormal norm (Hessian overflows)"
feed "0 0\n0 1\n" "$E" --format tsv
expect_error 2 "$P" "zero" "zero row"

# ---- NaN/inf in each input file
printf '1 0\n0 1\n' >"$tmp/w"
printf '1 2\n' >"$tmp/ab"
for bad in nan NaN inf -inf Infinity 1e999; do
  printf '1 0\n0 %s\n' "$bad" >"$tmp/bad2"
  printf '1 %s\n' "$bad" >"$tmp/bad1"
  run "$E" "$tmp/bad2"; expect_rc 2 "W with $bad"
  run "$E" --target "$tmp/bad2" "$tmp/w"; expect_rc 2 "V with $bad"
  run "$E" --alpha "$tmp/bad1" "$tmp/w"; expect_rc 2 "alpha with $bad"
  run "$E" --beta "$tmp/bad1" "$tmp/w"; expect_rc 2 "beta with $bad"
  test -s "$out" && fail "$bad: output despite the error" || pass
done

# ---- landscape-scan: d = 1e9 (reduced path), d = 1, d = 2.5
if S=$(tool landscape-scan 2>/dev/null); then
  for d in 1e9 1 2.5; do
    run "$S" --d "$d" --family global,F6 --format tsv
    case $rc in 0|1) pass;; *) fail "scan --d $d: exit status $rc";; esac
    no_nonfinite "scan --d $d"
  done
  run "$S" --d nan; expect_rc 2 "scan --d nan"
  run "$S" --d 1e999; expect_rc 2 "scan --d 1e999"
  run "$S" --d 0; expect_rc 2 "scan --d 0"
fi
finish
