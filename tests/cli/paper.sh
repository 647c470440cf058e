#!/bin/sh
# Tables and figures for papers (landscape-scan, -bifurcate, -census):
# LaTeX at d = 20 compiles at body size (no \resizebox, no overfull box,
# rendered to PNG), default and chosen columns, --digits, noise printed as
# 0, isotropy column, polynomial multiplicities, one spectrum longtable,
# census summary only; figures: sizes, legend and labels clear of every
# curve (from the layout dump), no zeros or noise on log axes, --symlog,
# plotted data as TSV.
. "$top_srcdir/tests/cli/common.sh"
S=$(tool landscape-scan) || exit 77
B=$(tool landscape-bifurcate) || exit 77
C=$(tool landscape-census) || exit 77
CAT=$top_srcdir/data/families.tsv
FAM=global,A,F3,B2,Y6-1_aff

# ---- scan LaTeX at d = 20: default columns, human headers, noise as 0
run "$S" -c "$CAT" --d 20 --family $FAM --format latex --standalone -q
expect_ok "scan --format latex --standalone"
cp "$out" "$tmp/scan.tex"
grep -qF 'family & isotropy & type & {index} & {$L$} & {$\lambda_{\min}$} & {$d^*$} \\' "$out" \
  && pass || fail "scan latex: default columns and headers"
grep -q '^global & \$\\Delta S_{d}\$ & global & 0 & 0 & ' "$out" \
  && pass || fail "scan latex: the global minimum's loss (1e-53) printed as 0"
grep -qF 'A & $\Delta(S_{d-1}\times S_{1})$ &' "$out" && pass || fail "scan latex: isotropy"
test "$(grep -c '\\begin{longtable}' "$out")" -eq 1 && test "$(grep -c '\\begin{table}' "$out")" -eq 1 \
  && pass || fail "scan latex: one summary float and one spectrum longtable"
grep -q 'resizebox\|\\tiny\|\\scriptsize' "$out" && fail "scan latex shrinks its tables" || pass
# each float labelled tab:TOOL-TABLE after its caption, set at \small (9 pt)
grep -q '^\\caption{Critical points.*}\\label{tab:scan-summary}$' "$out" \
  && grep -q '\\label{tab:scan-spectrum}' "$out" && test "$(grep -c '^\\small\\setlength' "$out")" -eq 1 \
  && test "$(grep -c '^{\\small\\setlength' "$out")" -eq 1 && pass || fail "scan latex: labels and table size"
# the loss of A to 6 digits, rounded from the TSV's 17 by awk
run "$S" -c "$CAT" --d 20 --family A --format tsv -q
lA=$(awk -F'\t' 'NR == 2 { printf "%.6g", $8 }' "$out")
grep -q "^A & .* & $lA & " "$tmp/scan.tex" && pass || fail "scan latex: loss of A is not $lA"
# --digits with --prec: decimals rounded (awk on the 38-digit decimal)
run "$S" -c "$CAT" --d 20 --family A --prec 128 --format tsv -q
l38=$(awk -F'\t' 'NR == 2 { print $8 }' "$out")
run "$S" -c "$CAT" --d 20 --family A --prec 128 --digits 10 --format latex --columns loss,family -q
awk -v v="$l38" '/& A / { w = $1; n = w; sub(/e.*/, "", n); gsub(/[^0-9]/, "", n); sub(/^0+/, "", n)
  ok = length(n) <= 10 && sprintf("%.10g", v) + 0 == w + 0 } END { exit !ok }' "$out" \
  && pass || fail "--digits 10 with --prec: $(grep '& A' "$out") is not $l38 to 10 digits"
# --columns: order, all, errors before any work
run "$S" -c "$CAT" --d 20 --family A --format tsv --columns index,family,isotropy -q
test "$(head -n 1 "$out")" = "index	family	isotropy" && pass || fail "--columns order"
run "$S" -c "$CAT" --d 20 --family A --format tsv -q
test "$(head -n 1 "$out" | tr '\t' '\n' | grep -c .)" -eq 15 && pass || fail "tsv default: no isotropy column"
run "$S" -c "$CAT" --d 20 --family A --columns nosuch; expect_error 2 landscape-scan "no column 'nosuch'" "--columns nosuch"
run "$S" -c "$CAT" --d 20 --family A --standalone --format tsv; expect_error 2 landscape-scan "--standalone needs" "--standalone tsv"
# --poly: each polynomial at d = 20 equals the multiplicity (python, not C)
run "$S" -c "$CAT" --d 20 --family B2 --format tsv -q
table spectrum "$out" | cut -f5 >"$tmp/m"
run "$S" -c "$CAT" --d 20 --family B2 --format tsv --poly -q
table spectrum "$out" | cut -f5 >"$tmp/p"
if /usr/bin/python3 -c '
import re, sys
m = [int(x) for x in open(sys.argv[1])]
p = [l.strip() for l in open(sys.argv[2])]
assert len(m) == len(p) and any("d" in q for q in p)
for a, q in zip(m, p):
    e = re.sub(r"(\d) d", r"\1*d", q.replace("^", "**"))
    assert eval(e, {"d": 20}) == a, (q, a)
' "$tmp/m" "$tmp/p"; then pass; else fail "--poly: polynomials disagree with the multiplicities"; fi

# ---- bifurcate and census LaTeX
run "$B" -c "$CAT" -F A,B2 --to 30 --format latex --standalone -q
expect_ok "bifurcate --format latex --standalone"
cp "$out" "$tmp/bif.tex"
grep -qF 'family & event & comp. & {mult.} & {$d^*$}' "$out" && pass || fail "bifurcate latex headers"
# d* (30 digits computed) rounded to 6 in the writer, against awk's
# rounding of the TSV's decimal; first crossing of each family
run "$B" -c "$CAT" -F A,B2 --to 30 --format tsv -q
cp "$out" "$tmp/bif.tsv"
awk -F'\t' 'NR > 1 && $2 == "crossing" && $6 != "" { printf "%s %.6g\n", $1, $6 }' "$out" >"$tmp/d6"
awk '/^(A|B2) & crossing/ { print $1, $9 }' "$tmp/bif.tex" >"$tmp/l6"
test -s "$tmp/d6" && numcmp "$tmp/d6" "$tmp/l6" 0 0 "bifurcate latex d* to 6 digits"
# Morse indices exactly: integers as integers, fractional sums as the
# shortest decimal of the double (no exponent, no rounding noise); with
# --digits 3 the LaTeX rounds the fractional ones (awk) and keeps integers
awk -F'\t' 'NR > 1 { for (i = 8; i <= 9; i++) if ($i != "") { n++; if ($i !~ /^[0-9]+(\.[0-9]*[1-9])?$/) bad = bad " " $i; if ($i ~ /\./) fr++ } }
  END { if (bad != "" || !n || !fr) { print bad; exit 1 } }' "$tmp/bif.tsv" >"$tmp/ix.msg" \
  && pass || fail "bifurcate indices not exact: $(cat "$tmp/ix.msg")"
run "$B" -c "$CAT" -F A,B2 --to 30 --format latex --digits 3 -q
awk -F'\t' 'NR > 1 && $2 == "crossing" { print $8 == "" ? "-" : $8, $9 == "" ? "-" : $9 }' "$tmp/bif.tsv" >"$tmp/ixt"
awk -F' & ' '/& crossing &/ { print $6 == "" || $6 == " " ? "-" : $6, $7 == "" || $7 == " " ? "-" : $7 }' "$out" >"$tmp/ixl"
awk 'NR == FNR { a[FNR] = $0; next } { split(a[FNR], t, " ")
  for (i = 1; i <= 2; i++) { e = t[i] == "-" ? "-" : t[i] ~ /\./ ? sprintf("%.3g", t[i]) : t[i]; if (e != $i) bad = bad " " e "/" $i } }
  END { if (bad != "" || FNR < 3) { print bad; exit 1 } }' "$tmp/ixt" "$tmp/ixl" >"$tmp/ix.msg" \
  && pass || fail "bifurcate latex --digits 3 indices: $(cat "$tmp/ix.msg")"
run "$C" -c "$CAT" -k 20 -n 6 --format latex --standalone -q
expect_ok "census --format latex --standalone"
cp "$out" "$tmp/census.tex"
grep -q '% table: runs' "$out" && fail "census latex prints every run by default" || pass
grep -q '% table: summary' "$out" && grep -q '% table: totals' "$out" && pass || fail "census latex summary"
# the totals table is a captioned, labelled float like the summary
awk '/% table: totals/ { t = 1 } t && /^\\begin\{table\}/ { f = 1 } t && f && /^\\caption\{Totals of the census of 6 runs.*\}\\label\{tab:census-totals\}$/ { ok = 1 }
  END { exit !ok }' "$out" && grep -q '\\label{tab:census-summary}' "$out" && pass || fail "census totals: no caption or label"
run "$C" -c "$CAT" -k 20 -n 2 --format latex --per-run -q
grep -q '% table: runs' "$out" && pass || fail "census --per-run"

# compile, no overfull box (the tables fit at body size), render to PNG
if command -v pdflatex >/dev/null 2>&1 && command -v pdftoppm >/dev/null 2>&1; then
  for doc in scan bif census; do
    # twice: longtable settles its column widths in the second run
    (cd "$tmp" && pdflatex -interaction=nonstopmode -halt-on-error $doc.tex \
      && pdflatex -interaction=nonstopmode -halt-on-error $doc.tex) >"$tmp/$doc.log" 2>&1 \
      && test -s "$tmp/$doc.pdf" && pass || fail "$doc latex does not compile: $(grep '^!' "$tmp/$doc.log" | head -n 2)"
    grep -q 'Overfull \\hbox' "$tmp/$doc.log" && fail "$doc latex: a table is wider than the text" || pass
    grep -q 'Rerun\|have changed' "$tmp/$doc.log" && fail "$doc latex: column widths unsettled" || pass
    pdftoppm -r 100 -png -f 1 -l 1 "$tmp/$doc.pdf" "$tmp/$doc" && test -s "$tmp/$doc-1.png" \
      && pass || fail "$doc: no PNG rendering"
    # the ink of every page (tables protrude when too wide) within the
    # 12.2 cm text width (+ 1 pt), measured on a 144 dpi grey rendering
    pdftoppm -r 144 -gray "$tmp/$doc.pdf" "$tmp/$doc-g" \
      && /usr/bin/python3 -c '
import sys
worst = 0
for f in sys.argv[1:]:
    b = open(f, "rb").read()
    hdr = b.split(maxsplit=4)
    assert hdr[0] == b"P5"
    w, h = int(hdr[1]), int(hdr[2])
    px = b[-w * h:]
    cols = [x for x in range(w) if min(px[x::w]) < 128]
    worst = max(worst, (cols[-1] - cols[0] + 1) / 144 * 2.54 if cols else 0)
print("%.2f" % worst)
sys.exit(not 0 < worst <= 12.2 + 2.54 / 72)' "$tmp/$doc"-g-*.pgm >"$tmp/w.msg" \
      && pass || fail "$doc latex: ink $(cat "$tmp/w.msg") cm wide, more than the 12.2 cm text width"
    if test -n "$LSC_PAPER_KEEP"; then cp "$tmp/$doc.tex" "$tmp/$doc.pdf" "$tmp"/$doc-*.png "$LSC_PAPER_KEEP"/; fi
  done
else
  echo "note: pdflatex or pdftoppm missing, LaTeX compile check skipped" >&2
fi

# ---- figures: layout from the dump (points, y down)
# check_layout FILE WHAT: legend, labels and texts (ticks, titles) clear of
# curves and markers, of the frames and of each other, inside the figure;
# log axes with no value <= 1e-30
check_layout () {
  if awk '
    function ov(a0, b0, a1, b1, c0, d0, c1, d1) { return a0 < c1 && c0 < a1 && b0 < d1 && d0 < b1 }
    # segment (x0,y0)-(x1,y1) meets box [a0,a1]x[b0,b1]: clip (Liang-Barsky)
    function hit(x0, y0, x1, y1, a0, b0, a1, b1,   t0, t1, dx, dy, p, q, i, r) {
      t0 = 0; t1 = 1; dx = x1 - x0; dy = y1 - y0
      p[1] = -dx; q[1] = x0 - a0; p[2] = dx; q[2] = a1 - x0
      p[3] = -dy; q[3] = y0 - b0; p[4] = dy; q[4] = b1 - y0
      for (i = 1; i <= 4; i++) {
        if (p[i] == 0) { if (q[i] < 0) return 0; continue }
        r = q[i] / p[i]
        if (p[i] < 0) { if (r > t1) return 0; if (r > t0) t0 = r }
        else { if (r < t0) return 0; if (r < t1) t1 = r }
      }
      return 1
    }
    $1 == "seg" { ns++; S[ns] = $3 " " $4 " " $5 " " $6 }
    $1 == "mark" { nm++; M[nm] = ($3 - $5) " " ($4 - $5) " " ($3 + $5) " " ($4 + $5) }
    $1 == "frame" { nf++; F[nf] = $3 " " $4 " " $5 " " $6 }
    $1 == "label" || $1 == "legend" || $1 == "text" { nb++; Bx[nb] = ($1 == "legend" ? $2 " " $3 " " $4 " " $5 : $3 " " $4 " " $5 " " $6); Bn[nb] = $1 " " $NF }
    $1 == "figure" { FW = $2; FH = $3 }
    $1 == "legend" { LX0 = $2; LX1 = $4; nl++ }
    $1 == "text" && $NF ~ /^-?[0-9.]+[eE][-+]?[0-9]+$/ { print "tick label " $NF " in e-notation"; bad = 1 }
    $1 == "point" && (($3 == 1 && $5 <= 1e-30) || ($4 == 1 && $6 <= 1e-30)) { print "log axis holds " $5 ", " $6; bad = 1 }
    $1 == "axis" && $4 == 1 && $5 < -30 { print "log axis reaches 1e" $5; bad = 1 }
    END {
      for (b = 1; b <= nb; b++) {
        split(Bx[b], r, " ")
        if (r[1] < -0.5 || r[2] < -0.5 || r[3] > FW + 0.5 || r[4] > FH + 0.5) { print Bn[b] " outside the figure"; bad = 1 }
        for (s = 1; s <= ns; s++) { split(S[s], g, " "); if (hit(g[1], g[2], g[3], g[4], r[1], r[2], r[3], r[4])) { print Bn[b] " covers a curve"; bad = 1; break } }
        for (m = 1; m <= nm; m++) { split(M[m], g, " "); if (ov(r[1], r[2], r[3], r[4], g[1], g[2], g[3], g[4])) { print Bn[b] " covers a marker"; bad = 1; break } }
        for (f = 1; f <= nf; f++) { split(F[f], g, " "); if (ov(r[1], r[2], r[3], r[4], g[1], g[2], g[3], g[4])) { print Bn[b] " inside a frame"; bad = 1 } }
        for (c = b + 1; c <= nb; c++) { split(Bx[c], g, " "); if (ov(r[1], r[2], r[3], r[4], g[1], g[2], g[3], g[4])) { print Bn[b] " overlaps " Bn[c]; bad = 1 } }
      }
      if (ns + nm == 0 || nb == 0) { print "empty layout"; bad = 1 }
      if (nl && (LX0 < 1 || LX1 > FW - 1)) { print "the legend touches the figure edge"; bad = 1 }
      exit bad
    }' "$1" >"$tmp/lay.msg"; then pass; else fail "$2: $(head -n 3 "$tmp/lay.msg" | tr '\n' ';')"; fi
}
if "$S" --help | grep -q -- '--plot=' && "$S" -c "$CAT" --d 20 --family A --plot "$tmp/x.svg" -q --format tsv >/dev/null 2>&1; then
  F12=global,A,F3,F4,F5,F6,B2,B3,B4,B5,B6,Y4_fa
  rm -f "$tmp/lay"
  LANDSCAPE_PLOT_LAYOUT=$tmp/lay run "$S" -c "$CAT" --d 6:30:8 --family $F12 --plot "$tmp/b.png" \
    --plot-data "$tmp/b.dat" --format tsv --fast -q
  expect_ok "scan --plot (12 families)"
  check_layout "$tmp/lay" "branches, 12 families"
  cp "$tmp/lay" "$tmp/lay0"
  grep -q '^figure 481.89' "$tmp/lay" && pass || fail "two panels: 17 cm wide by default"
  # 12 series, 12 distinct (colour, marker, dash) styles in each panel
  test "$(awk '$1 == "style" && $2 == 0 { print $4, $5, $6 }' "$tmp/lay" | sort -u | wc -l)" -eq 12 \
    && test "$(awk '$1 == "style" && $2 == 0' "$tmp/lay" | wc -l)" -eq 12 \
    && pass || fail "12 series: styles not distinct"
  # PNG at 300 dpi: 17 cm = 2008 px (IHDR width)
  w=$(od -An -tu1 -j16 -N4 "$tmp/b.png" | awk '{ print $1 * 16777216 + $2 * 65536 + $3 * 256 + $4 }')
  test "$w" = 2008 && pass || fail "PNG width $w px, expected 2008 (17 cm at 300 dpi)"
  # the plotted data: every drawn point, and A's losses equal the table's
  test "$(grep -c '^point' "$tmp/lay")" -eq "$(($(wc -l <"$tmp/b.dat") - 1))" && pass || fail "--plot-data rows"
  awk -F'\t' '$1 == 0 && $3 == "global"' "$tmp/b.dat" | grep -q . && fail "global's loss noise on the log axis" || pass
  awk -F'\t' '$1 == 0 && $3 == "A" { print $4, $5 }' "$tmp/b.dat" >"$tmp/pa"
  run "$S" -c "$CAT" --d 6:30:8 --family A --format tsv --fast --long -q
  table summary "$out" | awk -F'\t' '{ print $2, $8 }' >"$tmp/ta"
  numcmp "$tmp/pa" "$tmp/ta" 1e-15 0 "--plot-data vs the summary table"
  # one panel: 8.5 cm; --size, --font-size; spectra with --symlog
  rm -f "$tmp/lay"
  LANDSCAPE_PLOT_LAYOUT=$tmp/lay run "$S" -c "$CAT" --d 20 --family A --plot "$tmp/s.pdf" --symlog --format tsv -q
  expect_ok "spectrum plot --symlog"
  grep -q '^figure 240.94' "$tmp/lay" && grep -q '^axis 0 x 2 ' "$tmp/lay" && pass || fail "one panel 8.5 cm, symlog x"
  check_layout "$tmp/lay" "spectrum"
  rm -f "$tmp/lay"
  LANDSCAPE_PLOT_LAYOUT=$tmp/lay run "$S" -c "$CAT" --d 6:20:7 --family A,B2,F4 --plot "$tmp/c.svg" \
    --size 3.3inx3in --font-size 9 --format tsv --fast -q
  grep -q '^figure 237.600 216.000' "$tmp/lay" && pass || fail "--size 3.3inx3in"
  check_layout "$tmp/lay" "branches at 3.3 in"
  # log axes: ticks are powers of ten (set as 10 with a raised exponent)
  grep -q '^text 0 .* 10^-[0-9]*$' "$tmp/lay0" && ! grep -q '^text .* 1e-\?[0-9]' "$tmp/lay0" \
    && pass || fail "log tick labels are not powers of ten"
  # the other default figures: census histogram and branch diagram
  rm -f "$tmp/lay"
  LANDSCAPE_PLOT_LAYOUT=$tmp/lay run "$C" -c "$CAT" -k 20 -n 6 --plot "$tmp/h.png" --format tsv -q
  expect_ok "census --plot"
  check_layout "$tmp/lay" "census histogram"
  awk '$1 == "point" && $4 == 0 && $6 == 0 { z = 1 } END { exit z }' "$tmp/lay" && pass || fail "census histogram draws empty bins"
  if Br=$(tool landscape-branch); then
    rm -f "$tmp/lay"
    LANDSCAPE_PLOT_LAYOUT=$tmp/lay run "$Br" -c "$CAT" -F A --to 8 --plot "$tmp/br.png" --format tsv -q
    expect_ok "branch --plot"
    check_layout "$tmp/lay" "branch diagram"
    # the child's index below d* exactly (was %.4g: saddle(2.529))
    awk -F'\t' 'NR == 2 { exit !($9 ~ /^saddle\([0-9]+\.[0-9][0-9][0-9][0-9][0-9][0-9]+\)$/ && $10 == "saddle(1)") }' "$out" \
      && pass || fail "branch: index not exact: $(sed -n 2p "$out" | cut -f9,10)"
  fi
  run "$S" --plot "$tmp/x.png" --size 8.5; expect_error 2 landscape-scan "cm, mm, in or pt" "--size without unit"
  run "$S" --plot "$tmp/x.png" --size 1cm; expect_error 2 landscape-scan "2 cm to 100 cm" "--size 1cm"
  run "$S" --plot "$tmp/x.png" --dpi 10; expect_error 2 landscape-scan "--dpi" "--dpi 10"
  run "$S" --plot "$tmp/x.png" --font-size 0; expect_error 2 landscape-scan "--font-size" "--font-size 0"
  run "$S" --plot-data "$tmp/x.tsv"; expect_error 2 landscape-scan "--plot-data needs --plot" "--plot-data alone"
else
  echo "note: no cairo, figure checks skipped" >&2
fi
finish
