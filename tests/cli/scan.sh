#!/bin/sh
# Tool test of landscape-scan: the catalogue at d = k = 20 (losses against
# the catalogue, multiplicities summing to k d, reduced = full Hessian, the
# global minimum against landscape(7)'s closed forms), type A's change of type
# between 5.5 and 8, every format parsed back, LaTeX, plots, absent rows,
# bad arguments, and every EXAMPLES command of landscape-scan(1).
. "${top_srcdir:-.}/tests/cli/common.sh"
S=$(tool landscape-scan) || exit 77
P=landscape-scan
CAT=$top_srcdir/data/families.tsv
export LANDSCAPE_FAMILIES="$CAT" OPENBLAS_NUM_THREADS=1

# col NAME: the awk field number of column NAME in the header line $0.
COL='function col(n,  i) { for (i = 1; i <= NF; i++) if ($i == n) return i; return 0 }'

# ---- d = k = 20 with the full-Hessian check.
run "$S" --d 20 --k 20 --full --format tsv
expect_ok "--d 20 --k 20 --full"
table summary "$out" >"$tmp/sum"
nkd=$(awk -F'\t' '!/^#/ && NR > 1 && $2 ~ /^kd:/' "$CAT" | wc -l)
test "$(wc -l <"$tmp/sum")" -eq "$nkd" && test "$nkd" -ge 7 && pass \
  || fail "d=20: $(wc -l <"$tmp/sum") summary rows, catalogue has $nkd k=d families"
# Every row: ok, mult_sum 400, full check ok with deviation <= 1e-9, and no
# NaN anywhere.
head -n 1 "$out" >"$tmp/hdr"
cat "$tmp/hdr" "$tmp/sum" | awk -F'\t' "$COL"'
  NR == 1 { s = col("status"); m = col("mult_sum"); f = col("full"); v = col("full_dev"); next }
  $s != "ok" || $m != 400 || $f != "ok" || !($v <= 1e-9) { print; bad = 1 }
  END { exit bad }' >"$tmp/badrows" && pass || fail "d=20 rows: $(head -n 2 "$tmp/badrows")"
grep -qi 'nan' "$out" && fail "d=20: NaN in the output" || pass
# The spectrum tables' multiplicities, summed independently of mult_sum.
awk -F'\t' 'BEGIN { RS = "" } NR > 1 { s = 0; n = split($0, L, "\n")
    for (i = 2; i <= n; i++) { split(L[i], f, "\t"); s += f[5] }
    if (s != 400) { print "table " NR ": " s; bad = 1 } }
  END { exit bad }' "$out" >"$tmp/m" && pass || fail "spectrum multiplicities: $(cat "$tmp/m")"
# Losses against the catalogue's (an independent Newton solve, 1e-12).
awk -F'\t' 'NR == FNR { if ($0 !~ /^#/ && $1 != "name") L[$1] = $5; next }
  { d = $8 - L[$1]; if (d < 0) d = -d
    if (!($1 in L) || d > 1e-12 * (1 + L[$1])) { print $1, $8, L[$1]; bad = 1 } }
  END { exit bad }' "$CAT" "$tmp/sum" >"$tmp/l" && pass || fail "losses vs catalogue: $(cat "$tmp/l")"
# Types against the catalogue's kind at its reference d = 20.
awk -F'\t' 'NR == FNR { if ($0 !~ /^#/ && $1 != "name") K[$1] = $6; next }
  K[$1] != $5 { print $1, $5, K[$1]; bad = 1 } END { exit bad }' \
  "$CAT" "$tmp/sum" >"$tmp/k" && pass || fail "types vs catalogue: $(cat "$tmp/k")"
# The global minimum's spectrum against landscape(7) (closed forms, here in awk;
# the smaller root of the quadratic without cancellation).
awk -F'\t' '$1 == "global" && NF == 5 { print $4 }' "$out" | sort -g >"$tmp/g"
awk -v d=20 'BEGIN { pi = atan2(0, -1); r = sqrt(pi*pi*d*d - 16*pi + 16)
  a = 1/2 + (d-1)/(2*pi); b = (d-1)/4; c = 1/4; e = d/4 + 1/(2*pi)
  s = sqrt((a-e)*(a-e)/4 + b*c)
  printf "%.17g\n%.17g\n%.17g\n%.17g\n%.17g\n%.17g\n%.17g\n", 1/4 - 1/(2*pi),
    1/4 - 1/(2*pi), 1/4 + 1/(2*pi), (pi*pi*(4*d+4) + 16*pi - 16)/((pi*(d+2) + r)*8*pi),
    (pi*(d+2) + r)/(8*pi),
    (a+e)/2 - s, (a+e)/2 + s }' | sort -g >"$tmp/gx"
numcmp "$tmp/g" "$tmp/gx" 1e-13 1e-15 "global spectrum vs landscape(7)"

# ---- type A over 5.5:8:0.1: one change from saddle to minimum.
run "$S" --d 5.5:8:0.1 --family A --long --format tsv
expect_ok "type A range"
table summary "$out" >"$tmp/a"
test "$(wc -l <"$tmp/a")" -eq 26 && pass || fail "type A range: $(wc -l <"$tmp/a") rows, want 26"
awk -F'\t' 'NR == 1 && $5 != "saddle" { bad = 1 }
  { if ($5 != prev) changes++; prev = $5; if (NR > 1 && $2 <= d) bad = 1; d = $2
    if ($5 == "saddle" && !($10 < 0)) bad = 1
    if ($5 == "spurious-minimum" && !($10 > 0 && $6 == 0)) bad = 1 }
  END { if (changes != 2 || prev != "spurious-minimum") bad = 1; exit bad }' \
  "$tmp/a" && pass || fail "type A: saddle -> spurious-minimum once, with min_eig signs"
# The integer d of a range agree with the full Hessian; others are skipped.
run "$S" --d 5.5:8:0.5 --family A --full --format tsv --long
expect_ok "type A --full range"
table summary "$out" | awk -F'\t' '{ full = ($2 == int($2)) ? "ok" : "skip"
  if ($15 != full) bad = 1 } END { exit bad }' && pass \
  || fail "type A --full: ok at integer d, skip elsewhere"
# A log range: two points per decade, A 10^(i/2).
run "$S" --d 1e2:1e6:log2 --family A --format tsv
expect_ok "log range"
awk 'BEGIN { RS = "" } END { exit NR != 18 }' "$out" && pass \
  || fail "log range: one summary and one spectrum table per d"
run "$S" --d 1e2:1e6:log2 --family A --format tsv --long
expect_ok "log range --long"
table summary "$out" | awk -F'\t' '{ want = 100 * 10^((NR-1)/2); r = $2 / want - 1
  if (r < -1e-14 || r > 1e-14 || $4 != "ok") bad = 1 } END { exit bad || NR != 9 }' \
  && pass || fail "log range: d values or status"
# k = d + 1.
run "$S" --d 20 --k d+1 --format tsv
expect_ok "--k d+1"
# every k = d + 1 family of the catalogue (A-split-kd1 and the census's
# Y<p>e1 minima), each with k = 21, 420 eigenvalues and status ok; the
# split family a saddle (its split ratio is not counted as degenerate)
table summary "$out" | awk -F'\t' '$3 != 21 || $13 != 420 || $4 != "ok" { bad = 1 }
  $1 == "A-split-kd1" && $5 == "saddle" { a = 1 }
  $1 ~ /^Y[0-9]+e1_/ && $5 == "spurious-minimum" { y++ }
  END { exit bad || !a || y < 11 }' && pass || fail "--k d+1: the k = d + 1 families, 420 eigenvalues"
run "$S" --d 20 --k 21 --format tsv
expect_ok "--k 21"

# ---- formats parsed back against TSV.
run "$S" --d 20 --family A,F3 --full --format tsv
cp "$out" "$tmp/t.tsv"
run "$S" --d 20 --family A,F3 --full --format text
expect_ok "--format text"
# (text, Markdown and LaTeX print the gradient norms, ~1e-38, as 0: below
# the stated rounding bound 2^(8-128) 21^2 = 3.3e-34; TSV keeps them)
numcmp "$tmp/t.tsv" "$out" 0 3.4e-34 "text vs tsv"
run "$S" --d 20 --family A,F3 --full --format json
expect_ok "--format json"
# JSON Lines -> TSV rows (null -> empty); TSV without headers and blanks.
awk '{ line = ""; s = $0; sub(/^\{/, "", s); sub(/\}$/, "", s); n = 0
  while (length(s)) {
    match(s, /^"[^"]*":/); s = substr(s, RLENGTH + 1)
    if (substr(s, 1, 1) == "\"") { match(s, /^"[^"]*"/); v = substr(s, 2, RLENGTH - 2) }
    else { match(s, /^[^,]*/); v = substr(s, 1, RLENGTH); if (v == "null") v = "" }
    s = substr(s, RLENGTH + 1); sub(/^,/, "", s)
    if (n++ > 0) line = line (n > 2 ? "\t" : "") v }
  print line }' "$out" >"$tmp/j"
awk 'BEGIN { h = 1 } /^$/ { h = 1; next } h { h = 0; next } { print }' "$tmp/t.tsv" >"$tmp/tr"
numcmp "$tmp/tr" "$tmp/j" 0 0 "json vs tsv"
run "$S" --d 20 --family A,F3 --full --format markdown
expect_ok "--format markdown"
awk '/^\|/ && !/^\| *---|^\| *:---|^\|[ -:|]*$/ { sub(/^\| /, ""); sub(/ \|$/, ""); gsub(/ \| /, "\t"); print }' "$out" \
  | awk 'BEGIN { FS = "\t" } $1 != "family" { print }' >"$tmp/md"
numcmp "$tmp/tr" "$tmp/md" 0 3.4e-34 "markdown vs tsv"
# LaTeX with the TSV's columns (--columns) and digits: the summary's rows
# are the TSV's; the spectra form one longtable grouped by family.
run "$S" --d 20 --family A,F3 --full --format latex --digits 17 \
  --columns family,d,k,status,type,index,zero,loss,grad_norm,min_eig,min_comp,ndistinct,mult_sum,dstar,full,full_dev,note
expect_ok "--format latex"
cp "$out" "$tmp/t.tex"
awk '/\\midrule/ && !done { on = 1; next } /\\bottomrule/ && on { on = 0; done = 1 }
  on { sub(/ \\\\$/, ""); gsub(/ & /, "\t"); gsub(/\tmin\.\t/, "\tspurious-minimum\t"); print }' "$out" >"$tmp/tex"
head -n 2 "$tmp/tr" >"$tmp/trs"
# (LaTeX prints the gradient norms, ~1e-38, as 0: below the stated
# rounding bound 2^(8-128) 21^2 = 3.3e-34)
numcmp "$tmp/trs" "$tmp/tex" 0 3.4e-34 "latex vs tsv"
test "$(grep -c '\\begin{table}' "$out")" -eq 1 && test "$(grep -c '\\end{table}' "$out")" -eq 1 \
  && test "$(grep -c '\\begin{longtable}' "$out")" -eq 1 \
  && test "$(grep -c '\\caption{' "$out")" -eq 2 \
  && grep -q '^\\begin{tabular}{lS\[table-format=2\]S\[table-format=2\]ll' "$out" \
  && pass || fail "latex: a captioned summary float and a spectrum longtable, siunitx S columns"
if command -v pdflatex >/dev/null 2>&1; then
  { printf '\\documentclass{article}\n\\usepackage[textwidth=17cm]{geometry}\n\\usepackage{amsmath,booktabs,longtable,siunitx}\n\\begin{document}\n'
    cat "$tmp/t.tex"; printf '\\end{document}\n'; } >"$tmp/doc.tex"
  (cd "$tmp" && pdflatex -interaction=nonstopmode -halt-on-error doc.tex) >"$tmp/latex.log" 2>&1 \
    && test -s "$tmp/doc.pdf" && pass || fail "latex output does not compile: $(grep '^!' "$tmp/latex.log" | head -n 2)"
else
  echo "note: pdflatex not installed, LaTeX compile check skipped" >&2
fi
# Fewer digits: the same numbers to that precision.
run "$S" --d 20 --family A,F3 --full --format tsv --digits 6
expect_ok "--digits 6"
numcmp "$tmp/t.tsv" "$out" 5e-6 1e-300 "--digits 6 vs full precision"

# ---- MPFR path: W = I closed forms, two precisions, double agreement.
run "$S" --d 20 --family global --prec 128 --format tsv
expect_ok "--prec 128 global"
awk -F'\t' '$1 == "global" && NF == 5 { print $4 }' "$out" | sort -g >"$tmp/gm"
numcmp "$tmp/gm" "$tmp/gx" 1e-15 1e-300 "MPFR global spectrum vs landscape(7)"
# Each eigenvalue at 128 bits carries the digits its component's error
# bound leaves (at least 28 here); rounded to as many digits, the 256-bit
# value agrees with it to one unit in the last place.
for b in 128 256; do
  run "$S" --d 6.5 --family A,F3,B2 --prec $b --long --format tsv
  expect_ok "--prec $b"
  awk 'BEGIN { RS = "" } NR == 2' "$out" | awk -F'\t' 'NR > 1 { m = $4; sub(/^-/, "", m)
    e = m; sub(/.*e/, "", e); sub(/e.*/, "", m); gsub(/\./, "", m)
    print $1, $3, ($4 ~ /^-/ ? "-" : "+"), m, e + 0, $5 }' >"$tmp/p$b"
done
test -s "$tmp/p128" && paste -d ' ' "$tmp/p128" "$tmp/p256" | awk '
  # s + 1 in the last digit (digit strings)
  function inc(s,   i, c) {
    for (i = length(s); i > 0; i--) {
      c = substr(s, i, 1)
      if (c != "9") return substr(s, 1, i - 1) (c + 1) substr(s, i + 1)
      s = substr(s, 1, i - 1) "0" substr(s, i + 1)
    }
    return "1" s
  }
  {
    n = length($4)
    if ($1 != $7 || $2 != $8 || $3 != $9 || $6 != $12 || n < 28) { print "row", NR, n; bad = 1; next }
    r = substr($10, 1, n); e = $11
    if (substr($10, n + 1, 1) >= 5) { r = inc(r); if (length(r) > n) { r = substr(r, 1, n); e++ } }
    if (e != $5 && !(r == $4)) { print "exponent", NR; bad = 1; next }
    if (r != $4 && inc(r) != $4 && inc($4) != r) { print "value", NR, $4, $10; bad = 1 }
  }
  END { exit bad }' >"$tmp/bad" && pass \
  || fail "128 and 256 bits: eigenvalues differ beyond the 128-bit digits: $(head -n 2 "$tmp/bad")"
run "$S" --d 6.5 --family A,F3,B2 --long --format tsv
awk 'BEGIN { RS = "" } NR == 2' "$out" >"$tmp/dbl"
run "$S" --d 6.5 --family A,F3,B2 --prec 128 --long --format tsv
awk 'BEGIN { RS = "" } NR == 2' "$out" >"$tmp/mp"
numcmp "$tmp/dbl" "$tmp/mp" 1e-11 1e-13 "double vs MPFR spectrum at d = 6.5"

# ---- plots: PNG signature and IHDR, well-formed SVG, PDF.
run "$S" --d 20 --family A,F3 --plot "$tmp/s.png" --format tsv
expect_ok "--plot png"
sig=$(od -An -tx1 -N16 "$tmp/s.png" 2>/dev/null | tr -d ' \n')
case $sig in 89504e470d0a1a0a0000000d49484452) pass ;; *) fail "PNG signature/IHDR: $sig" ;; esac
wh=$(od -An -tu1 -j16 -N8 "$tmp/s.png" | awk '{ print $1*16777216 + $2*65536 + $3*256 + $4, $5*16777216 + $6*65536 + $7*256 + $8 }')
set -- $wh
test "${1:-0}" -ge 400 && test "${2:-0}" -ge 200 && pass || fail "PNG size $wh"
run "$S" --d 6:30:2 --family A,F4 --plot "$tmp/b.svg" --quiet --format tsv
expect_ok "--plot svg (range)"
if command -v xmllint >/dev/null 2>&1; then
  xmllint --noout "$tmp/b.svg" 2>"$err" && pass || fail "SVG not well-formed"
elif command -v python3 >/dev/null 2>&1; then
  python3 -c 'import sys, xml.etree.ElementTree as E; r = E.parse(sys.argv[1]).getroot(); sys.exit(not r.tag.endswith("svg"))' \
    "$tmp/b.svg" && pass || fail "SVG not well-formed"
fi
sed -n '1,3p' "$tmp/b.svg" | grep -q '<svg' && tail -c 20 "$tmp/b.svg" | grep -q '</svg>' \
  && pass || fail "SVG root element"
run "$S" --d 20 --family global --plot "$tmp/g.pdf" --format tsv
expect_ok "--plot pdf"
head -c 5 "$tmp/g.pdf" | grep -q '^%PDF-' && tail -c 8 "$tmp/g.pdf" | grep -q '%%EOF' \
  && pass || fail "PDF header/trailer"

# ---- absent rows (outside the family's domain): status absent, empty
# cells, a note, exit 0; the other rows intact.
run "$S" --d 4 --family B3,A --format tsv
expect_rc 0 "B3 at d = 4 (beyond its branch point at d = 5)"
table summary "$out" | awk -F'\t' '$1 == "B3" && $4 == "absent" && $5 == "" && $8 == "" && $NF ~ /domain/ { f = 1 }
  $1 == "A" && $4 == "ok" { a = 1 } END { exit !(f && a) }' && pass \
  || fail "absent row: status token and empty cells, other rows intact"
grep -qi nan "$out" && fail "NaN in an absent row" || pass

# ---- bad arguments: one line on stderr, exit 2, nothing on stdout.
run "$S" --d -3;                   expect_error 2 $P "'-3'" "--d -3"
run "$S" --d abc;                  expect_error 2 $P "'abc'" "--d abc"
run "$S" --d 8:5:1;                expect_error 2 $P "below the start" "--d 8:5:1"
run "$S" --d 5:8:0;                expect_error 2 $P "step" "--d 5:8:0"
run "$S" --d 5:8;                  expect_error 2 $P "A:B:STEP" "--d 5:8"
run "$S" --k 0;                    expect_error 2 $P "'0'" "--k 0"
run "$S" --family nosuch;          expect_error 2 $P "nosuch" "unknown family"
run "$S" --d 20 --k 7;             expect_error 2 $P "no catalogue family" "no family at (d, k)"
run "$S" --plot "$tmp/no/such/dir/p.svg"; expect_error 2 $P "p.svg" "unwritable plot file"
run "$S" --output "$tmp/no/such/dir/t.tsv"; expect_error 2 $P "t.tsv" "unwritable output file"
run "$S" --plot "$tmp/p.gif";      expect_error 2 $P ".svg, .pdf or .png" "--plot p.gif"
run "$S" --format csv;             expect_error 2 $P "csv" "--format csv"
run "$S" --digits 40;              expect_error 2 $P "--digits" "--digits 40 without --prec"
run "$S" --prec 128 --digits 50;   expect_error 2 $P "--digits" "--digits 50 at 128 bits"
run "$S" --prec 20;                expect_error 2 $P "--prec" "--prec 20"
run "$S" --catalogue "$tmp/none.tsv"; expect_error 2 $P "none.tsv" "missing catalogue"
run "$S" --bogus;                  expect_error 2 $P "--bogus" "unknown option"
run "$S" --help;    expect_ok "--help"
run "$S" --version; expect_ok "--version"
grep -q '^landscape-scan' "$out" && grep -q MPFR "$out" && pass || fail "--version text"

# ---- every EXAMPLES command of the man page runs and succeeds.
page=$top_srcdir/man/man1/landscape-scan.1
sed -n '/^\.SH EXAMPLES/,/^\.SH /p' "$page" | grep '^\$ landscape\\-scan' \
  | sed 's/^\$ //; s/\\-/-/g' >"$tmp/examples"
test "$(wc -l <"$tmp/examples")" -ge 5 && pass || fail "man page has fewer than 5 examples"
mkdir "$tmp/ex"
while IFS= read -r cmd; do
  (cd "$tmp/ex" && PATH="$top_builddir/tools:$PATH" && export PATH && eval "$cmd") \
    >"$out" 2>"$err" </dev/null
  rc=$?
  if test "$rc" -eq 0 && test -s "$out" -o -n "$(ls "$tmp/ex")" && test ! -s "$err"; then pass
  else fail "example '$cmd': exit $rc"; fi
done <"$tmp/examples"
test -s "$tmp/ex/branches.svg" && test -s "$tmp/ex/spectra.png" && test -s "$tmp/ex/A.tex" \
  && pass || fail "examples: plot and LaTeX files"
finish
