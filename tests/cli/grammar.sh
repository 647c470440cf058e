#!/bin/sh
# One command-line grammar for every landscape-* tool (issue 15): for every
# option meaning the same letter and long name in all tools (read from
# --help and checked against what the tool accepts), -V/--version and
# -o/--output everywhere, the output format from -o's extension, one rule
# for finding the catalogue, a quiet end on a closed pipe, ranges that
# include their end, Morse indices printed exactly, eval --polish, follow's
# spectrum columns, census --save-points, catalogue --max-line.
. "${top_srcdir:-.}/tests/cli/common.sh"

tools="bifurcate branch catalogue census certify eval follow scan series split"
for t in $tools; do tool landscape-$t >/dev/null || exit 77; done
CAT="$top_srcdir/data/families.tsv"

# ---- the table: meaning (long name) -> letter, fixed for all tools
canon="help:h version:V output:o format:f quiet:q catalogue:c family:F d:d
k:k digits:D prec:p plot:P target:t runs:n seed:s method:m threads:j
resume:r weights:w long:l terms:N limits:L graph:g y:y alpha:a beta:b
example:e"
# long names that are long-only in every tool (their letters mean other
# things elsewhere)
longonly="to from list params prove matrix census run d-ref name description
dstar width minimum bits evidence tol max-line max-entries max-memory
save-points polish detect-tol columns standalone per-run poly size font-size
dpi symlog plot-data no-full fractions"

: >"$tmp/pairs"
for t in $tools; do
  T=$top_builddir/tools/landscape-$t
  "$T" --help >"$tmp/help.$t" 2>"$err"
  # "  -x, --long[=ARG]" -> "t x long arg|noarg"; "      --long" -> "t - long"
  sed -n 's/^  -\([A-Za-z]\), --\([a-z][a-z0-9-]*\)\(=*\).*/\1 \2 \3/p;
           s/^      --\([a-z][a-z0-9-]*\)\(=*\).*/- \1 \2/p' "$tmp/help.$t" |
    awk -v t="$t" '{ print t, $1, $2, ($3 == "=" ? "arg" : "noarg") }' \
    >>"$tmp/pairs"
done
test -s "$tmp/pairs" && pass || fail "no options parsed from --help"

# every letter means one long name across tools, every long name has one
# letter (or none) across tools
awk '$2 != "-" { l = $2; if ((l in L) && L[l] != $3) print "letter -" l ": --" L[l] " (" T[l] ") and --" $3 " (" $1 ")"; L[l] = $3; T[l] = $1 }
     { if (($3 in S) && S[$3] != $2) print "--" $3 ": -" S[$3] " (" U[$3] ") and -" $2 " (" $1 ")"; S[$3] = $2; U[$3] = $1 }' \
  "$tmp/pairs" >"$tmp/clash"
if test -s "$tmp/clash"; then fail "grammar clashes: $(tr '\n' ';' <"$tmp/clash")"; else pass; fi

# the canonical letters
for cl in $canon; do
  long=${cl%%:*}; letter=${cl#*:}
  awk -v L="$long" -v x="$letter" '$3 == L && $2 != x { print $1 }' "$tmp/pairs" >"$tmp/bad"
  if test -s "$tmp/bad"; then fail "--$long is not -$letter in: $(tr '\n' ' ' <"$tmp/bad")"; else pass; fi
done
for long in $longonly; do
  awk -v L="$long" '$3 == L && $2 != "-" { print $1 }' "$tmp/pairs" >"$tmp/bad"
  if test -s "$tmp/bad"; then fail "--$long has a letter in: $(tr '\n' ' ' <"$tmp/bad")"; else pass; fi
done
# every long name of every tool is in one of the two lists (a new option
# must be placed in the grammar)
for long in $(awk '{ print $3 }' "$tmp/pairs" | sort -u); do
  case " $(echo $canon | sed 's/:[A-Za-z]//g') $(echo $longonly) " in
    *" $long "*) pass ;;
    *) case $long in no-*|amp|max-p|dot|log-d|tangent|full|fast|dense|step|gtol|maxiter|max-step|pass-folds|past-branch|domains) pass ;;
       *) fail "--$long is in no grammar list of grammar.sh" ;; esac ;;
  esac
done

# -V and -o in every tool, and what --help says is what the tool parses
for t in $tools; do
  T=$top_builddir/tools/landscape-$t
  for o in V o h; do
    if grep -q "^ $t $o " "$tmp/pairs" || grep -q "^$t $o " "$tmp/pairs"; then pass
    else fail "$t: no -$o in --help"; fi
  done
  run "$T" -V
  if test "$rc" -eq 0 && grep -q "^landscape-$t (landscape) " "$out"; then pass
  else fail "$t -V: status $rc"; fi
  run "$T" --version
  if test "$rc" -eq 0 && grep -q "^landscape-$t (landscape) " "$out"; then pass
  else fail "$t --version: status $rc"; fi
  letters=$(awk -v t="$t" '$1 == t && $2 != "-" { printf "%s", $2 }' "$tmp/pairs")
  # no hidden letters: the short-option string the tool parses with
  # (cli_getopt, the one parser) holds exactly the letters of --help
  # the tool's sources: landscape-T.c and, if split off, T-opts.c
  src=$top_srcdir/tools/landscape-$t.c
  test -f "$top_srcdir/tools/$t-opts.c" && src="$src $top_srcdir/tools/$t-opts.c"
  if grep -q 'getopt_long *(' $src; then fail "$t calls getopt_long itself (not cli_getopt)"; else pass; fi
  so=$(sed -n 's/.*cli_getopt (argc, argv, "\([^"]*\)".*/\1/p' $src | tr -d ':+-')
  a=$(echo "$so" | fold -w1 | sort | tr -d '\n'); b=$(echo "$letters" | fold -w1 | sort | tr -d '\n')
  if test -n "$so" && test "$a" = "$b"; then pass
  else fail "$t parses the letters '$so' but --help lists '$letters'"; fi
done

# ---- -o: the format from the extension, a disagreeing --format refused
S=$top_builddir/tools/landscape-scan
E=$top_builddir/tools/landscape-eval
run "$S" -c "$CAT" -d 20 -F A -q -o "$tmp/a.tex"
expect_ok "scan -o a.tex"
if grep -q '\\begin{tabular}\|\\begin{table}' "$tmp/a.tex" && ! grep -q "	" "$tmp/a.tex"; then pass
else fail "scan -o a.tex did not write LaTeX"; fi
run "$S" -c "$CAT" -d 20 -F A -q -o "$tmp/b.tex" -f tsv
expect_error 2 landscape-scan "disagrees with the extension" "scan -o b.tex -f tsv"
test ! -e "$tmp/b.tex" && pass || fail "scan left b.tex after the error"
run "$E" -e identity:3 -o "$tmp/e.json"
expect_ok "eval -o e.json"
if head -n 1 "$tmp/e.json" | grep -q '^{"table":"summary"'; then pass; else fail "eval -o e.json is not JSON"; fi
run "$E" -e identity:3 -o "$tmp/e.md"
if grep -q '^| k ' "$tmp/e.md"; then pass; else fail "eval -o e.md is not Markdown"; fi
run "$E" -e identity:3 -o "$tmp/e.out"
if head -n 1 "$tmp/e.out" | grep -q '^k	d	m	'; then pass; else fail "eval -o e.out (unknown extension) is not TSV"; fi
run "$E" -e identity:3 -o "$tmp/e.out" -f json
if head -n 1 "$tmp/e.out" | grep -q '^{'; then pass; else fail "eval -o e.out -f json is not JSON"; fi
run "$E" -e identity:3 -o "$tmp/nodir/e.tsv"
expect_error 2 landscape-eval "cannot write" "eval -o into a missing directory"
F=$top_builddir/tools/landscape-follow
run "$F" -c "$CAT" --to 20.5 A -o "$tmp/f.tsv"
expect_ok "follow -o f.tsv"
if head -n 1 "$tmp/f.tsv" | grep -q '^d	loss	'; then pass; else fail "follow -o f.tsv"; fi
run "$top_builddir/tools/landscape-census" -c "$CAT" -k 3 -n 1 -j 1 -q -o "$tmp/c.json"
expect_ok "census -o c.json"
if head -n 1 "$tmp/c.json" | grep -q '^{"table":"runs"'; then pass; else fail "census -o c.json is not JSON"; fi

# ---- the catalogue: $LANDSCAPE_FAMILIES, then the build tree, then the
# installed file; messages name the file actually read
abs_srcdir=$(cd "$top_srcdir" && pwd)
run env -u LANDSCAPE_FAMILIES "$S" -F Z -q
expect_error 2 landscape-scan "no family 'Z' in $abs_srcdir/data/families.tsv" "scan -F Z from the build tree"
run env LANDSCAPE_FAMILIES="$tmp/none.tsv" "$S" -F A -q
expect_error 2 landscape-scan "$tmp/none.tsv" "scan with LANDSCAPE_FAMILIES"
for t in bifurcate branch census certify follow series; do
  T=$top_builddir/tools/landscape-$t
  case $t in
    census) set -- -k 3 -n 1 -j 1 -q ;;
    follow) set -- --to 20.2 A ;;
    certify) set -- -F A -q ;;
    *) set -- -F Q -q ;;
  esac
  run env LANDSCAPE_FAMILIES="$tmp/none.tsv" "$T" "$@"
  expect_error 2 "landscape-$t" "$tmp/none.tsv" "$t with LANDSCAPE_FAMILIES"
done
run env -u LANDSCAPE_FAMILIES "$top_builddir/tools/landscape-census" -k 3 -n 1 -j 1 -q
expect_ok "census from the build tree without a catalogue option"

# ---- a closed pipe ends a tool quietly (killed by SIGPIPE, no message)
for t in eval scan; do
  case $t in eval) set -- -e identity:3 ;; scan) set -- -c "$CAT" -d 20 -F A -q ;; esac
  { sleep 1; "$top_builddir/tools/landscape-$t" "$@"; echo $? >"$tmp/pipe.rc"; } 2>"$err" | true
  r=$(cat "$tmp/pipe.rc")
  if test ! -s "$err" && { test "$r" -eq 141 || test "$r" -eq 0; }; then pass
  else fail "$t into a closed pipe: status $r, stderr $(cat "$err")"; fi
done

# ---- ranges include their end point (snapped within rounding)
run "$S" -c "$CAT" -d 4:1e6:log4 -F A -q -f tsv -l
last=$(table summary "$out" | awk -F'\t' '$1 == "A" { d = $2 } END { print d }')
test "$last" = 1000000 && pass || fail "4:1e6:log4 ends at $last, not 1000000"
run "$S" -c "$CAT" -d 2:3:0.3 -F A -q -f tsv -l
ds=$(table summary "$out" | awk -F'\t' '$1 == "A" { printf "%s ", $2 }')
test "$ds" = "2 2.3 2.6 2.9 3 " && pass || fail "2:3:0.3 gives $ds"
run "$S" -c "$CAT" -d 2:3:0.25 -F A -q -f tsv -l
ds=$(table summary "$out" | awk -F'\t' '$1 == "A" { printf "%s ", $2 }')
test "$ds" = "2 2.25 2.5 2.75 3 " && pass || fail "2:3:0.25 gives $ds"

# ---- Morse indices exactly: at d = 7.11 every index is a decimal with at
# most 2*2+1 = 5 digits after the point, and equals the sum of the
# multiplicities of the negative eigenvalues of its spectrum table (a
# second route: the spectrum rows, summed here)
run "$S" -c "$CAT" -d 7.11 -q -f tsv
table summary "$out" | awk -F'\t' '$4 == "ok" && $6 != "" { print $1, $6 }' >"$tmp/idx"
test -s "$tmp/idx" && pass || fail "no indices at d = 7.11"
if awk '{ n = split($2, x, "."); if (x[1] !~ /^[0-9]+$/ || (n == 2 && (x[2] !~ /^[0-9]+$/ || length(x[2]) > 5)) || n > 2) { print; bad = 1 } } END { exit bad }' "$tmp/idx" >"$tmp/badidx"; then pass
else fail "indices not exact: $(tr '\n' ';' <"$tmp/badidx")"; fi
grep -q ' 4\.11$' "$tmp/idx" && pass || fail "no fractional index 4.11 at d = 7.11 (B2)"
# every family's spectrum table: family d component value mult
awk -F'\t' 'NF == 5 && $3 ~ /^[tsxy]$/ && $4 + 0 < 0 { s[$1] += $5 } END { for (f in s) printf "%s %.6f\n", f, s[f] }' "$out" | sort >"$tmp/idx2"
awk '$2 + 0 > 0 { printf "%s %.6f\n", $1, $2 }' "$tmp/idx" | sort >"$tmp/idx1"
if cmp -s "$tmp/idx1" "$tmp/idx2"; then pass
else fail "index vs negative multiplicities: $(diff "$tmp/idx1" "$tmp/idx2" | head -4 | tr '\n' ';')"; fi

# ---- landscape-follow: a dimension below 1 and a step below the first
# are usage errors; type, index and smallest eigenvalue agree with scan's
run "$F" -c "$CAT" --to -3 A
expect_error 2 landscape-follow "--to" "follow --to -3"
run "$F" -c "$CAT" --to 22 --max-step 0.01 A
expect_error 2 landscape-follow "at least" "follow --max-step below the first step"
grep -q "at least the first" "$tmp/help.follow" && pass || fail "follow --help does not state the --max-step minimum"
run "$F" -c "$CAT" --to 20.5 B2 -f tsv
expect_ok "follow B2"
awk -F'\t' 'NR == 2 { print $1, $7, $8, $9 }' "$out" >"$tmp/fl"
run "$S" -c "$CAT" -d 20 -F B2 -q -f tsv
table summary "$out" | awk -F'\t' '{ print $2, $5, $6, $10 }' >"$tmp/sc"
numcmp "$tmp/fl" "$tmp/sc" 1e-12 1e-15 "follow's first row vs scan at d = 20"

# ---- landscape-eval --polish: Newton from a perturbed W = I reaches the
# global minimum (loss 0 to rounding, gradient at the floor, isotropy
# detected); the spectrum equals that of the exact W = I (second route)
printf '1 1e-7 0\n0 1.000001 0\n0 -2e-7 1\n' >"$tmp/wp"
run "$E" -f tsv "$tmp/wp"
table summary "$out" | awk -F'\t' '{ print $10 }' >"$tmp/iso0"
test ! -s "$tmp/iso0" || test "$(cat "$tmp/iso0")" = "" && pass || fail "the perturbed W already has an isotropy"
run "$E" --polish -f tsv "$tmp/wp"
expect_ok "eval --polish"
table summary "$out" | awk -F'\t' '$6 + 0 < 1e-12 && $5 + 0 < 1e-24 && $10 == "kd:L" && $11 == "ok" { ok = 1 } END { exit !ok }' && pass \
  || fail "eval --polish: $(table summary "$out")"
table spectrum "$out" | cut -f 1,2 >"$tmp/sp1"
run "$E" -f tsv -e identity:3
table spectrum "$out" | cut -f 1,2 >"$tmp/sp2"
numcmp "$tmp/sp1" "$tmp/sp2" 1e-9 1e-12 "polished spectrum vs W = I"
run "$E" --detect-tol 0 -e identity:3
expect_error 2 landscape-eval "--detect-tol" "eval --detect-tol 0"

# ---- census --save-points: each run's end point as a matrix that eval
# reads back with the census's loss
C=$top_builddir/tools/landscape-census
run "$C" -c "$CAT" -k 4 -n 2 -j 1 -q -f tsv --save-points "$tmp/pts"
expect_ok "census --save-points"
for i in 0 1; do
  l1=$(awk -F'\t' -v r=$i 'NR > 1 && $1 == r { print $6; exit }' "$out")
  run "$E" -f tsv "$tmp/pts/run-$i.tsv"
  l2=$(table summary "$out" | cut -f 5)
  echo "$l1" >"$tmp/l1"; echo "$l2" >"$tmp/l2"
  numcmp "$tmp/l1" "$tmp/l2" 1e-9 1e-28 "saved point $i: loss"
  run "$C" -c "$CAT" -k 4 -n 2 -j 1 -q -f tsv
done
: >"$tmp/notdir"
run "$C" -c "$CAT" -k 4 -n 1 -j 1 -q --save-points "$tmp/notdir"
expect_error 2 landscape-census "not a directory" "census --save-points on a file"

# ---- landscape-catalogue: --max-line bounds the census file's lines
awk 'BEGIN { printf "#"; for (i = 0; i < 5000; i++) printf "x"; print "" }' >"$tmp/long"
run "$top_builddir/tools/landscape-catalogue" -c "$CAT" --census "$tmp/long" --run 0 --max-line 1000
expect_error 2 landscape-catalogue "--max-line" "catalogue --max-line"

finish
