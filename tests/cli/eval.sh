#!/bin/sh
# Tool test of landscape-eval: closed-form spectrum at W = I (landscape(7)),
# file round trips, formats parsed back, homogeneity identities, the MPFR
# path, and every bad-input case (exit 2, one stderr line naming the file).
. "${top_srcdir:-.}/tests/cli/common.sh"
E=$(tool landscape-eval) || exit 77
P=landscape-eval

# ---- W = I_d: six distinct eigenvalues, closed form computed here in awk.
expected_spectrum () {
  awk -v d="$1" 'BEGIN {
    pi = atan2(0, -1)
    v[1] = 1/4 - 1/(2*pi);  m[1] = d*(d-1)/2
    v[2] = 1/4 + 1/(2*pi);  m[2] = d*(d-3)/2
    r = sqrt(pi*pi*d*d - 16*pi + 16)
    v[3] = (pi*(d+2) - r)/(8*pi); m[3] = d-1
    v[4] = (pi*(d+2) + r)/(8*pi); m[4] = d-1
    a = 1/2 + (d-1)/(2*pi); b = (d-1)/4; c = 1/4; e = d/4 + 1/(2*pi)
    s = sqrt((a-e)*(a-e)/4 + b*c)
    v[5] = (a+e)/2 - s; m[5] = 1
    v[6] = (a+e)/2 + s; m[6] = 1
    for (i = 1; i <= 6; i++) if (m[i] > 0) printf "%.17g\t%d\n", v[i], m[i]
  }' | sort -g
}
for d in 4 7 20; do
  run "$E" --example "identity:$d" --format tsv
  expect_ok "identity:$d"
  expected_spectrum "$d" >"$tmp/want"
  table spectrum "$out" | cut -f 1,2 >"$tmp/got"
  numcmp "$tmp/want" "$tmp/got" 1e-12 1e-14 "identity:$d spectrum vs closed form"
  printf '%s\t%s\t%s\t53\t0\t0\t0\t0\t%s\tkd:L\n' "$d" "$d" "$d" $((d * d)) >"$tmp/want"
  table summary "$out" >"$tmp/got"
  numcmp "$tmp/want" "$tmp/got" 0 1e-13 "identity:$d summary"
done
# The multiplicities the issue names for d = 20, in ascending value order.
run "$E" --example identity:20 --format tsv
mults=$(table spectrum "$out" | cut -f 2 | tr '\n' ' ')
test "$mults" = "190 19 170 1 19 1 " && pass || fail "identity:20 multiplicities: $mults"
cp "$out" "$tmp/id20.tsv"

# ---- W files: the same I_20 as TSV, with blanks, comments and CRLF.
awk 'BEGIN { for (i = 0; i < 20; i++) { for (j = 0; j < 20; j++)
  printf "%s%d", (j ? "\t" : ""), (i == j); printf "\n" } }' >"$tmp/i20.tsv"
awk 'BEGIN { print "# I_20, blank separated, CRLF"; for (i = 0; i < 20; i++) {
  printf "  "; for (j = 0; j < 20; j++) printf "%s ", (i == j ? "1.0" : "0e0");
  printf "# row %d\r\n\r\n", i } }' >"$tmp/i20.txt"
for f in i20.tsv i20.txt; do
  run "$E" --format tsv "$tmp/$f"
  expect_ok "W file $f"
  numcmp "$tmp/id20.tsv" "$out" 0 0 "W file $f vs --example identity:20"
done
run "$E" --format tsv <"$tmp/i20.tsv"
numcmp "$tmp/id20.tsv" "$out" 0 0 "W on standard input"
run "$E" --format tsv - <"$tmp/i20.tsv"
numcmp "$tmp/id20.tsv" "$out" 0 0 "W on standard input as '-'"

# ---- A perturbed point (nonzero loss and gradient) written with %.17g.
awk 'BEGIN { for (i = 0; i < 5; i++) { for (j = 0; j < 5; j++)
  printf "%s%.17g", (j ? "\t" : ""), (i == j) + 0.05 * sin(7*i + 3*j + 1);
  printf "\n" } }' >"$tmp/w5"
awk '{ for (i = 1; i <= NF; i++) printf "%s%.17g", (i > 1 ? " " : ""), 2 * $i;
  printf "\n" }' "$tmp/w5" >"$tmp/w5x2"
run "$E" --format tsv "$tmp/w5"
expect_ok "perturbed W"
cp "$out" "$tmp/w5.tsv"
loss=$(table summary "$out" | cut -f 5)
awk -v l="$loss" 'BEGIN { exit !(l > 1e-6) }' && pass || fail "perturbed loss $loss not > 0"

# Homogeneity (relu(a t) = a relu(t), a > 0): alpha = 2 at W equals alpha = 1
# at 2W in loss; the gradient doubles and the Hessian scales by 4.
printf '2\n2\n2\n2\n2\n' >"$tmp/alpha2"
run "$E" --format tsv --alpha "$tmp/alpha2" "$tmp/w5"
expect_ok "--alpha"
cp "$out" "$tmp/a2.tsv"
run "$E" --format tsv "$tmp/w5x2"
expect_ok "W = 2 W5"
# scaled FILE G H: summary with grad_norm times G, spectrum as value * H, mult.
scaled () {
  table summary "$1" | awk -F '\t' -v g="$2" '{ $6 = sprintf("%.17g", $6 * g); print }' OFS='\t'
  table spectrum "$1" | awk -F '\t' -v h="$3" '{ printf "%.17g\t%s\n", $1 * h, $2 }'
}
scaled "$out" 2 4 >"$tmp/want"
scaled "$tmp/a2.tsv" 1 1 >"$tmp/got"
numcmp "$tmp/want" "$tmp/got" 1e-12 1e-14 "alpha = 2 at W vs alpha = 1 at 2W"
# alpha all ones from a file (one row) is the default.
echo "1 1 1 1 1" >"$tmp/ones"
run "$E" --format tsv --alpha "$tmp/ones" --beta "$tmp/ones" "$tmp/w5"
numcmp "$tmp/w5.tsv" "$out" 0 0 "alpha = beta = 1 from files vs defaults"
# Target: V = I_5 from a file is the default; beta = 2 with V equals 2V.
awk 'BEGIN { for (i = 0; i < 5; i++) { for (j = 0; j < 5; j++)
  printf "%d ", (i == j); printf "\n" } }' >"$tmp/v5"
run "$E" --format tsv --target "$tmp/v5" "$tmp/w5"
numcmp "$tmp/w5.tsv" "$out" 0 0 "V = I from a file vs default"
awk '{ for (i = 1; i <= NF; i++) printf "%d ", 2 * $i; printf "\n" }' "$tmp/v5" >"$tmp/v5x2"
run "$E" --format tsv --target "$tmp/v5x2" "$tmp/w5"
cp "$out" "$tmp/v2.tsv"
run "$E" --format tsv --target "$tmp/v5" --beta "$tmp/alpha2" "$tmp/w5"
numcmp "$tmp/v2.tsv" "$out" 1e-12 1e-14 "beta = 2 with V vs beta = 1 with 2V"
# A non-square problem: k = 3 students, m = 2 targets in d = 4.
printf '1 0.1 0 0\n0 1 0.2 0\n0.3 0 0 1\n' >"$tmp/w34"
printf '1 0 0 0\n0 0 1 0\n' >"$tmp/v24"
run "$E" --format tsv --target "$tmp/v24" "$tmp/w34"
expect_ok "k = 3, m = 2, d = 4"
sizes=$(table summary "$out" | cut -f 1-3 | tr '\t' ' ')
test "$sizes" = "3 4 2" && pass || fail "k, d, m printed as '$sizes'"
total=$(table spectrum "$out" | awk -F '\t' '{ s += $2 } END { print s }')
test "$total" = 12 && pass || fail "multiplicities sum to $total, expected kd = 12"

# ---- JSON Lines parsed back into TSV equals the TSV output.
run "$E" --format json "$tmp/w5"
expect_ok "--format json"
awk '{ sub(/^\{/, ""); sub(/\}$/, ""); n = split($0, kv, ",")
  split(kv[1], t, ":"); if (t[2] != last) { if (last != "") print ""; h = 1; last = t[2] }
  hdr = ""; row = ""
  for (i = 2; i <= n; i++) { split(kv[i], p, ":"); gsub(/"/, "", p[1])
    if (p[2] == "null") p[2] = ""
    hdr = hdr (i > 2 ? "\t" : "") p[1]; row = row (i > 2 ? "\t" : "") p[2] }
  if (h) { print hdr; h = 0 } print row }' "$out" >"$tmp/fromjson"
numcmp "$tmp/w5.tsv" "$tmp/fromjson" 0 0 "JSON parsed back vs TSV"
if command -v python3 >/dev/null 2>&1; then
  python3 -c 'import json, sys
for l in sys.stdin: json.loads(l)' <"$out" && pass || fail "JSON Lines not valid JSON"
fi

# ---- Other formats: structure.
run "$E" --example identity:4 --format latex
expect_ok "--format latex"
test "$(grep -c '^\\begin{tabular}' "$out")$(grep -c '^\\toprule$' "$out")$(grep -c '^\\bottomrule$' "$out")" = 222 \
  && grep -q 'grad\\_norm' "$out" && pass || fail "latex: booktabs structure"
run "$E" --example identity:4 --format markdown
expect_ok "--format markdown"
awk 'NF && !/^\|.*\|$/ { exit 1 }' "$out" && test "$(grep -c '^| ---:' "$out")" = 2 \
  && pass || fail "markdown: pipe tables"
run "$E" --example identity:4 --format text
expect_ok "--format text"
# (right-aligned numeric columns end at the same offset in every line; the
# last, left-aligned text column may be ragged: trailing blanks removed)
awk 'BEGIN { t = 1 } /^$/ { t++; next } { sub(/ +$/, ""); match($0, /^ *[^ ]+ +[^ ]+/);
  if (!(t in w)) w[t] = RLENGTH; else if (RLENGTH != w[t]) exit 1 }' "$out" \
  && pass || fail "text: columns not aligned"
run "$E" --example identity:4 --format tsv --digits 5
table spectrum "$out" | cut -f 1 | awk 'length($1) > 8 { exit 1 }' && pass \
  || fail "--digits 5 still prints long numbers"

# ---- MPFR path: loss and gradient norm agree with the double path.
for bits in 53 128 300; do
  run "$E" --format tsv --prec "$bits" "$tmp/w5"
  expect_ok "--prec $bits"
  table summary "$out" | cut -f 1-3,5,6 >"$tmp/got"
  table summary "$tmp/w5.tsv" | cut -f 1-3,5,6 >"$tmp/want"
  numcmp "$tmp/want" "$tmp/got" 1e-12 1e-15 "--prec $bits vs double loss and gradient norm"
  test "$(table summary "$out" | cut -f 4)" = "$bits" && pass || fail "--prec $bits: prec column"
  table spectrum "$out" >"$tmp/got"
  table spectrum "$tmp/w5.tsv" >"$tmp/want"
  numcmp "$tmp/want" "$tmp/got" 0 0 "--prec $bits: spectrum unchanged"
done
# Digits: 1 + ceil(128 log10 2) = 40 significant digits at 128 bits.
run "$E" --format tsv --prec 128 "$tmp/w5"
nd=$(table summary "$out" | cut -f 5 | sed 's/e.*//; s/[-.]//g' | awk '{ print length($0) }')
test "$nd" = 40 && pass || fail "--prec 128 prints $nd digits, expected 40"
# Two precisions agree to far beyond double.
run "$E" --format tsv --prec 200 "$tmp/w5"
l200=$(table summary "$out" | cut -f 5)
run "$E" --format tsv --prec 300 "$tmp/w5"
l300=$(table summary "$out" | cut -f 5)
test "$(echo "$l200" | cut -c 1-30)" = "$(echo "$l300" | cut -c 1-30)" && pass \
  || fail "--prec 200 and 300 losses differ in the first 28 digits: $l200 $l300"

# ---- Bad input: exit 2, one stderr line naming the file (and line).
bad () {  # bad CONTENT PATTERN WHAT [extra args...]
  printf "$1" >"$tmp/w.txt"
  _pat=$2; _what=$3; shift 3
  run "$E" "$@" "$tmp/w.txt"
  expect_error 2 "$P" "$_pat" "$_what"
}
bad '1 2\n3\n' "$tmp/w.txt:2: expected 2 fields" "ragged rows"
bad '1 x\n0 1\n' "$tmp/w.txt:1:" "non-number"
bad '1 0\n1.0abc 1\n' "$tmp/w.txt:2:" "trailing garbage"
bad '1 0x10\n0 1\n' "$tmp/w.txt:1:" "hexadecimal"
bad '1\t\t0\n0\t1\n' "$tmp/w.txt:1: empty field" "empty TSV field"
bad '1 nan\n0 1\n' "$tmp/w.txt:1:" "NaN"
bad '1 0\n0 -inf\n' "$tmp/w.txt:2:" "infinity"
bad '1 0\n0 1e400\n' "$tmp/w.txt:2:" "overflow"
bad '# c\n1 0\n\n0 0\n' "$tmp/w.txt:4: row 2 of W is zero" "zero row"
bad '' "$tmp/w.txt" "empty file"
bad '# nothing\n\n' "$tmp/w.txt" "comment-only file"
printf '1 0 0\n0 1 0\n' >"$tmp/v23"
bad '1 0\n0 1\n' "$tmp/v23:1: V has 3 columns but W has 2" "V columns != W columns" --target "$tmp/v23"
printf '1 0\n0 0\n' >"$tmp/vz"
bad '1 0\n0 1\n' "$tmp/vz:2: row 2 of V is zero" "zero row in V" --target "$tmp/vz"
printf '1\n1\n1\n' >"$tmp/a3"
bad '1 0\n0 1\n' "$tmp/a3: alpha has 3 entries, expected 2" "alpha length != k" --alpha "$tmp/a3"
printf '1 1\n1 1\n' >"$tmp/a22"
bad '1 0\n0 1\n' "$tmp/a22: alpha must be one number per line" "alpha shape" --alpha "$tmp/a22"
printf '1\nnan\n' >"$tmp/anan"
bad '1 0\n0 1\n' "$tmp/anan:2:" "NaN in alpha" --alpha "$tmp/anan"
bad '1 0\n0 1\n' "$tmp/a3: beta has 3 entries, expected 2" "beta length != m" --beta "$tmp/a3"
bad '1 0\n0 1\n' "$tmp/missing" "missing target file" --target "$tmp/missing"
run "$E" "$tmp/does-not-exist"
expect_error 2 "$P" "$tmp/does-not-exist: No such file" "missing W file"
run "$E" </dev/null
expect_error 2 "$P" "(stdin)" "empty standard input"
printf '1 2\n3\n' | { run "$E"; expect_error 2 "$P" "(stdin):2: expected 2 fields" "ragged standard input"; echo "$checks $failures" >"$tmp/sub"; }
read checks failures <"$tmp/sub"

# ---- Usage errors: exit 2, one line.
for args in "--format=xml" "--tol=abc" "--tol=0" "--tol=1e400" "--prec=10" "--prec=12x" \
    "--digits=0" "--example=foo:3" "--example=identity:0" "--example=identity:2x" \
    "--bogus" "-Z" "--format" "--example=identity:2 $tmp/w5" "$tmp/w5 $tmp/w5" \
    "--target=- -"; do
  run "$E" $args </dev/null
  expect_error 2 "$P" "" "usage error: $args"
done

# ---- Help, version, write errors.
# Isotypic labels (issue 4): W = I_20 has isotropy kd:L and the six
# distinct eigenvalues in the components of landscape(7) (1/4 - 1/(2 pi) in
# both s and x); a generic W has none; with a target V no labels.
run "$E" --example identity:20 --format tsv
expect_ok "labels identity:20"
got=$(table spectrum "$out" | cut -f 4 | tr '\n' ' ')
if test "$got" = "s+x s y t s t "; then pass; else fail "identity:20 labels: $got"; fi
if table summary "$out" | cut -f 10 | grep -qx "kd:L"; then pass; else fail "identity:20 isotropy"; fi
printf '0.3 -1.2 0.7\n2.2 0.1 -0.4\n-0.9 1.7 0.05\n' >"$tmp/generic.txt"
run "$E" --format tsv "$tmp/generic.txt"
expect_ok "labels generic W"
if table spectrum "$out" | cut -f 4 | grep -q .; then fail "generic W has labels"; else pass; fi
printf '1 0 0 0\n0 1 0 0\n0 0 1 0\n0 0 0 1\n' >"$tmp/I4.txt"
run "$E" --format tsv --target "$tmp/I4.txt" "$tmp/I4.txt"
expect_ok "labels with --target"
if table spectrum "$out" | cut -f 4 | grep -q .; then fail "labels despite --target"; else pass; fi

# Isotypic route (issue 18): type A (catalogue parameters at d = 20) with
# rows and columns permuted has isotropy kd:L,1; the spectrum from the
# isotypic route equals the dense solve's (--dense): same groups,
# multiplicities, labels and inertia, values within 1e-12.  At d = 200 the
# dense Hessian would need 12.8 GB; the isotypic route gives index 0 and
# 40000 positive eigenvalues in 12 groups.
typea () {
  awk -v d="$1" -v a="$2" -v b="$3" -v c="$4" -v e="$5" -v f="$6" 'BEGIN {
    for (i = 0; i < d; i++) for (j = 0; j < d; j++) {
      v = i < d - 1 ? (j < d - 1 ? (i == j ? a : b) : c) : (j < d - 1 ? e : f)
      W[(7 * i + 3) % d, (3 * j + 1) % d] = v }
    for (i = 0; i < d; i++) { s = ""
      for (j = 0; j < d; j++) s = s (j ? " " : "") sprintf("%.17g", W[i, j])
      print s } }'
}
typea 20 1.0030037460070858 -0.0036551406778795631 0.093187408299376176 \
  0.063714710241327438 -0.81002057561256147 >"$tmp/pA20.txt"
run "$E" --format tsv "$tmp/pA20.txt"
expect_ok "isotypic route, permuted type A d = 20"
cp "$out" "$tmp/iso20.out"
if table summary "$out" | cut -f 7-10 | grep -qx "0	0	400	kd:L,1"; then pass
else fail "isotypic route summary: $(table summary "$out")"; fi
run "$E" --dense --format tsv "$tmp/pA20.txt"
expect_ok "--dense, permuted type A d = 20"
numcmp "$tmp/iso20.out" "$out" 1e-12 1e-12 "isotypic route vs --dense"
typea 200 1.0000561376851098 -3.349448267287359e-05 0.009894963034076795 \
  0.006581331368255559 -0.9746379934733922 >"$tmp/pA200.txt"
run "$E" --format tsv "$tmp/pA200.txt"
expect_ok "isotypic route, permuted type A d = 200"
if table summary "$out" | cut -f 7-10 | grep -qx "0	0	40000	kd:L,1"; then pass
else fail "d = 200 summary: $(table summary "$out")"; fi
got=$(table spectrum "$out" | awk -F '\t' '{ n++; s += $2 } END { print n, s }')
if test "$got" = "12 40000"; then pass; else fail "d = 200 groups: $got"; fi

run "$E" --help
expect_ok "--help"
grep -q '^Usage: landscape-eval ' "$out" && pass || fail "--help: no Usage line"
run "$E" --version
expect_ok "--version"
for lib in "landscape-eval (landscape) " "liblandscape " "GSL " "MPFR " "LAPACK "; do
  grep -q "^$lib[0-9]" "$out" && pass || fail "--version does not name $lib"
done
if test -w /dev/full; then
  "$E" --example identity:4 --format tsv >/dev/full 2>"$err"
  rc=$?
  : >"$out"
  expect_error 3 "$P" "write error" "writing to /dev/full"
fi

finish
