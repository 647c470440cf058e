#!/bin/sh
# Tool test of landscape-census --fractions: three small saved censuses
# (k = d = 9 and 10, k = 10 at d = 9, 12 runs each) read back; each
# census's spurious fraction equals the totals table of the census itself
# (the same question asked two ways), the spurious families' shares add up
# to it, rows come by k - d then d, LaTeX/markdown/plot outputs; a resume
# or --fractions against a changed catalogue is refused, and bad input
# (exit 2, one stderr line).
. "${top_srcdir:-.}/tests/cli/common.sh"
C=$(tool landscape-census) || exit 77
P=landscape-census
CAT="$top_srcdir/data/families.tsv"

for kd in "10 9" "9 9" "10 10"; do
  set -- $kd
  run "$C" -c "$CAT" -k "$1" -d "$2" -n 12 -j 1 -q -r "$tmp/k$1-d$2.res" -f tsv
  expect_ok "census k = $1, d = $2"
  # the totals row: runs .. spurious_fraction
  awk -F '\t' 'p { print $6; exit } $1 == "runs" && $2 == "global" { p = 1 }' \
    "$out" >"$tmp/tot-$1-$2"
done

run "$C" --fractions -c "$CAT" "$tmp/k10-d10.res" "$tmp/k10-d9.res" \
  "$tmp/k9-d9.res" -f tsv
expect_ok "--fractions tsv"
cp "$out" "$tmp/fr.tsv"
# rows by k - d, then d: (0, 9), (0, 10), (1, 9)
if test "$(awk -F '\t' '$1 == "extra" && $2 == "d" { t++; next } t == 1 && NF == 12 { printf "%s/%s ", $1, $2 }' "$tmp/fr.tsv")" = "0/9 0/10 1/9 "
then pass; else fail "row order"; fi
# each fraction is the census's own totals' spurious_fraction
bad=0
for kd in "9 9" "10 10" "10 9"; do
  set -- $kd
  f=$(awk -F '\t' -v k="$1" -v d="$2" '$1 == "extra" { t++; next } t == 1 && $3 == k && $2 == d { print $11 }' "$tmp/fr.tsv")
  test -n "$f" && test "$f" = "$(cat "$tmp/tot-$1-$2")" || bad=1
done
if test $bad -eq 0; then pass; else fail "fractions differ from the census totals"; fi
# the shares of a census add up to its spurious fraction (to rounding);
# the k = d censuses at d = 9, 10 find type A spurious minima
if awk -F '\t' '$1 == "extra" { t++; next }
  t == 1 && NF == 12 { fr[$1 "/" $2] = $11; sp[$1 "/" $2] = $8 }
  t == 2 && NF == 7 { s[$1 "/" $2] += $6; c[$1 "/" $2] += $5 }
  END { for (x in fr) { d = s[x] - fr[x]; if (d < -1e-12 || d > 1e-12 || c[x] != sp[x]) bad = 1 }
        if (sp["0/9"] + sp["0/10"] == 0) bad = 1; exit bad }' "$tmp/fr.tsv"
then pass; else fail "shares do not add up to the fraction"; fi

run "$C" --fractions -c "$CAT" "$tmp/k9-d9.res" "$tmp/k10-d10.res" -f latex
expect_ok "--fractions latex"
if grep -q 'tab:census-fractions' "$out" && grep -q 'tab:census-shares' "$out" \
   && grep -q '^0 & 10 & 10 & L-BFGS & 12 &' "$out"
then pass; else fail "latex tables"; fi
run "$C" --fractions -c "$CAT" "$tmp/k9-d9.res" -f markdown
expect_ok "--fractions markdown"
run "$C" --fractions -c "$CAT" "$tmp/k9-d9.res" "$tmp/k10-d9.res" -q \
  -P "$tmp/f.svg" -o "$tmp/f.tsv"
if test "$rc" -eq 2 && grep -q "without cairo" "$err"; then pass
elif test "$rc" -eq 0 && grep -q "<svg" "$tmp/f.svg" \
  && grep -q "^extra	d	k" "$tmp/f.tsv"; then pass
else fail "--fractions --plot svg"; fi

# A changed catalogue: the saved labels may be stale.
cp "$CAT" "$tmp/cat2.tsv"
echo "# one more line" >>"$tmp/cat2.tsv"
run "$C" --fractions -c "$tmp/cat2.tsv" "$tmp/k9-d9.res"
expect_error 2 $P "another family catalogue" "--fractions, changed catalogue"
run "$C" -c "$tmp/cat2.tsv" -k 9 -n 13 -j 1 -q -r "$tmp/k9-d9.res"
expect_error 2 $P "catalogue changed" "resume with a changed catalogue"
# the same catalogue resumes (one more run)
run "$C" -c "$CAT" -k 9 -n 13 -j 1 -q -r "$tmp/k9-d9.res" -f tsv
expect_ok "resume with the same catalogue"
if test "$(wc -l <"$tmp/k9-d9.res")" -eq 14; then pass; else fail "resumed run count"; fi

# Bad input.
printf '#landscape-census-resume 2\tk=9\td=9\tm=9\tseed=1\tmethod=lbfgs\tstep=2\tgtol=1e-08\tmaxiter=100000\ttarget=identity\ttarget-fnv1a64=0000000000000000\n' >"$tmp/v2.txt"
run "$C" --fractions -c "$CAT" "$tmp/v2.txt"
expect_error 2 $P "format 3" "--fractions of a format-2 file"
run "$C" -c "$CAT" -k 9 -n 2 -q -r "$tmp/v2.txt"
expect_error 2 $P "format 2" "resume of a format-2 file"
cp "$tmp/k10-d10.res" "$tmp/dup.res"
run "$C" --fractions -c "$CAT" "$tmp/k10-d10.res" "$tmp/dup.res"
expect_error 2 $P "two censuses at k = 10, d = 10" "two censuses at one (k, d)"
run "$C" --fractions -c "$CAT"
expect_error 2 $P "resume files" "--fractions without files"
run "$C" --fractions -c "$CAT" -k 9 "$tmp/k9-d9.res"
expect_error 2 $P "do not apply" "--fractions with --k"
run "$C" --fractions -c "$CAT" "$tmp/nonexistent.res"
expect_error 2 $P "nonexistent.res" "missing file"
run "$C" -c "$CAT" -k 9 "$tmp/k9-d9.res"
expect_error 2 $P "unexpected argument" "file without --fractions"
finish
