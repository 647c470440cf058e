#!/bin/sh
# Tests of landscape-certify: proofs at d = 20 (minimum and saddle indices
# against the catalogue's kinds), d* of type A within the catalogue's
# digits and the same row from landscape-bifurcate, a range theorem, the
# inertia proved constant whatever the catalogue type (--index), the
# crossing found in an interval (--dstar --d A:B), a saddle refused as a
# minimum (exit 1 with its reason), usage errors.
. "$top_srcdir/tests/cli/common.sh"
C=$(tool landscape-certify) || exit 77
CAT=$top_srcdir/data/families.tsv

run "$C" -c "$CAT" -F A,F3,F6 --d 20 -f tsv
expect_ok "A, F3, F6 at d = 20"
row=$(awk -F '\t' '$1 == "A" { print $3, $4, $12 }' "$out")
if test "$row" = "nondegenerate-minimum 0 proved"; then pass; else fail "A: $row"; fi
row=$(awk -F '\t' '$1 == "F3" { print $3, $4, $5, $12 }' "$out")
if test "$row" = "nondegenerate-saddle 1 1 proved"; then pass; else fail "F3: $row"; fi
row=$(awk -F '\t' '$1 == "F6" { print $3, $4, $12 }' "$out")
if test "$row" = "nondegenerate-saddle 19 proved"; then pass; else fail "F6: $row"; fi
# the loss enclosure contains the catalogue's loss (printed to 17 digits)
lc=$(awk -F '\t' '$1 == "A" { print $5 }' "$CAT")
le=$(awk -F '\t' '$1 == "A" { print $9 }' "$out")
if awk -v c="$lc" -v e="$le" 'BEGIN { gsub(/[\[\]]/, "", e); split(e, a, " "); m = a[1] + 0; exit !((m - c) < 1e-16 && (c - m) < 1e-16) }'
then pass; else fail "A loss $le vs catalogue $lc"; fi

# The global minimum (the exact point W = V, every student row parallel to
# its target: theta = 0 exactly), a k = d + 1 minimum and the split family
# A-split-kd1 (two identical rows: their split ratio is an exact flat
# direction; the catalogue's full Hessian at d = 20 gives "Morse index 19,
# one zero eigenvalue").
run "$C" -c "$CAT" -F global,A-split-kd1,Y1e1_af --d 20 -f tsv
expect_ok "global, A-split-kd1, Y1e1_af at d = 20"
row=$(awk -F '\t' '$1 == "global" { print $3, $4, $9, $12, $14 }' "$out")
if test "$row" = "nondegenerate-minimum 0 0 proved 0"; then pass; else fail "global: $row"; fi
row=$(awk -F '\t' '$1 == "A-split-kd1" { print $3, $4, $12, $14 }' "$out")
if test "$row" = "saddle-with-flat-directions 19 proved 1"; then pass; else fail "A-split-kd1: $row"; fi
if awk -F '\t' '$1 == "A-split-kd1" { print $7 }' "$CAT" | grep -q "Morse index 19, one zero eigenvalue"
then pass; else fail "A-split-kd1: catalogue description changed"; fi
row=$(awk -F '\t' '$1 == "Y1e1_af" { print $3, $4, $12, $14 }' "$out")
if test "$row" = "nondegenerate-minimum 0 proved 0"; then pass; else fail "Y1e1_af: $row"; fi
# a flat direction is no minimum theorem, and the split saddle is none
run "$C" -c "$CAT" -F A-split-kd1 --d 20:20.01 --minimum --evidence -f tsv
expect_rc 1 "A-split-kd1 as a minimum"
if grep -q "proved NOT a minimum" "$out"; then pass; else fail "A-split-kd1 reason"; fi

# A census family with a small block of 4 (Y4_fa): a proved minimum.
run "$C" -c "$CAT" -F Y4_fa --d 20 -f tsv
expect_ok "Y4_fa at d = 20"
row=$(awk -F '\t' '$1 == "Y4_fa" { print $3, $4, $12 }' "$out")
if test "$row" = "nondegenerate-minimum 0 proved"; then pass; else fail "Y4_fa: $row"; fi

# A range at large d (Taylor models in d): one or a few pieces.
run "$C" -c "$CAT" -F A --d 1e6:1.005e6 --evidence -f tsv
expect_ok "A on [1e6, 1.005e6]"
if awk -F '\t' '$1 == "A" && $4 == "nondegenerate-minimum" && $6 == 0 && $8 == "proved" && $5 <= 8 { f = 1 } END { exit !f }' "$out"
then pass; else fail "A range at 1e6"; fi

# d*: proved, inside the catalogue's digits, and bracketing them.
run "$C" -c "$CAT" -F A --dstar -f tsv
expect_ok "A d*"
row=$(awk -F '\t' 'NR == 2 { print $2, $7, $8, $10 }' "$out")
if test "$row" = "s yes 1->0 proved"; then pass; else fail "A d* row: $row"; fi
lo=$(awk -F '\t' 'NR == 2 { print $3 }' "$out")
hi=$(awk -F '\t' 'NR == 2 { print $4 }' "$out")
cd=$(awk -F '\t' '$1 == "A" { print $8 }' "$CAT")
if test "$(printf '%s' "$lo" | cut -c1-30)" = "$(printf '%s' "$cd" | cut -c1-30)" \
   && test "$(printf '%s' "$hi" | cut -c1-30)" = "$(printf '%s' "$cd" | cut -c1-30)"
then pass; else fail "A d* [$lo, $hi] vs catalogue $cd"; fi

# A crossing of multiplicity p - 1 = 2 (the standard representation of the
# small block's S_3): proved inside the catalogue's digits, multiplicity 2.
run "$C" -c "$CAT" -F Y3e1_af-2 --dstar -f tsv
expect_ok "Y3e1_af-2 d*"
row=$(awk -F '\t' 'NR == 2 { print $2, $7, $8, $10, $12 }' "$out")
if test "$row" = "t yes 1->0 proved 2"; then pass; else fail "Y3e1_af-2 d* row: $row"; fi
lo=$(awk -F '\t' 'NR == 2 { print $3 }' "$out")
hi=$(awk -F '\t' 'NR == 2 { print $4 }' "$out")
cd=$(awk -F '\t' '$1 == "Y3e1_af-2" { print $8 }' "$CAT")
if test "$(printf '%s' "$lo" | cut -c1-31)" = "$(printf '%s' "$cd" | cut -c1-31)" \
   && test "$(printf '%s' "$hi" | cut -c1-31)" = "$(printf '%s' "$cd" | cut -c1-31)"
then pass; else fail "Y3e1_af-2 d* [$lo, $hi] vs catalogue $cd"; fi

# A range theorem with its cover.
run "$C" -c "$CAT" -F A --d 20:20.1 --evidence -f tsv
expect_ok "A on [20, 20.1]"
if awk -F '\t' '$1 == "A" && $4 == "nondegenerate-minimum" && $6 == 0 && $8 == "proved" && $2 == 20 && $3 + 0 == 20.1 { f = 1 } END { exit !f }' "$out"
then pass; else fail "A range row"; fi
if awk -F '\t' '$1 == "A" && $4 == "proved" { n++ } END { exit !(n >= 1) }' "$out"; then pass; else fail "A cover rows"; fi

# --index: the inertia found at A proved on all of [A, B] whatever the
# catalogue's type; the same question asked two ways (a minimum by
# default and by --index) gets the same theorem; the saddle's index and
# negative counts are printed (F3: one negative t eigenvalue, index 1).
run "$C" -c "$CAT" -F A,F3 --index --d 20:20.05 -f tsv
expect_ok "A, F3 --index on [20, 20.05]"
row=$(awk -F '\t' '$1 == "A" { print $4, $8, $10, $11, $12, $13, $14 }' "$out")
if test "$row" = "nondegenerate-minimum proved 0 0 0 0 0"; then pass; else fail "A --index: $row"; fi
row=$(awk -F '\t' '$1 == "F3" { print $4, $8, $10, $11, $12, $13, $14 }' "$out")
if test "$row" = "nondegenerate-saddle proved 1 0 0 0 1"; then pass; else fail "F3 --index: $row"; fi
run "$C" -c "$CAT" -F A --d 20:20.05 -f tsv
row=$(awk -F '\t' '$1 == "A" { print $4, $8, $10, $14 }' "$out")
if test "$row" = "nondegenerate-minimum proved 0 0"; then pass; else fail "A default: $row"; fi

# --dstar --d A:B: the crossing of type A found in d* -+ 1e-6 (no
# catalogue digits used), unique there, inside the catalogue's digits,
# with the Morse index at both ends (n - 1 = d - 2 below, 0 above).
cd=$(awk -F '\t' '$1 == "A" { print $8 }' "$CAT")
lo=$(awk -v c="$cd" 'BEGIN { printf "%.17g", c - 1e-6 }')
hi=$(awk -v c="$cd" 'BEGIN { printf "%.17g", c + 1e-6 }')
run "$C" -c "$CAT" -F A --dstar --d "$lo:$hi" -f tsv
expect_ok "A --dstar --d d* -+ 1e-6"
row=$(awk -F '\t' 'NR == 2 { print $2, $8, $9, $11, $12, $13, $15 }' "$out")
if test "$row" = "s yes 1->0 nondegenerate-saddle 0 nondegenerate-minimum proved"
then pass; else fail "A --dstar --d row: $row"; fi
dlo=$(awk -F '\t' 'NR == 2 { print $3 }' "$out")
dhi=$(awk -F '\t' 'NR == 2 { print $4 }' "$out")
if test "$(printf '%s' "$dlo" | cut -c1-30)" = "$(printf '%s' "$cd" | cut -c1-30)" \
   && test "$(printf '%s' "$dhi" | cut -c1-30)" = "$(printf '%s' "$cd" | cut -c1-30)"
then pass; else fail "A --dstar --d [$dlo, $dhi] vs catalogue $cd"; fi
if awk -F '\t' -v lo="$lo" 'NR == 2 { d = $10 - (lo - 2); exit !(d > -1e-9 && d < 1e-9) }' "$out"
then pass; else fail "A --dstar --d: index below"; fi
# no crossing in an interval above d*: exit 1 with the reason
run "$C" -c "$CAT" -F A --dstar --d 6:6.001 -f tsv
expect_rc 1 "A --dstar --d without a crossing"
if grep -q "no crossing" "$out"; then pass; else fail "no-crossing reason"; fi

# A saddle asked to be a minimum: exit 1, the reason says why.
run "$C" -c "$CAT" -F F3 --d 19.99:20.01 --minimum --evidence -f tsv
expect_rc 1 "F3 as a minimum"
if grep -q "proved NOT a minimum" "$out"; then pass; else fail "F3 reason"; fi
if awk -F '\t' '$1 == "F3" && NF == 14 && $8 == "not-proved" { f = 1 } END { exit !f }' "$out"
then pass; else fail "F3 summary status"; fi

# landscape-scan --prove: the summary's proved column agrees with the
# scan's own index (computed by the reduced MPFR spectrum).
S=$(tool landscape-scan) || exit 77
run "$S" -c "$CAT" -F A,F3,F6 --d 20 --prove -f tsv -q
expect_ok "scan --prove"
n=$(awk -F '\t' 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == "proved") c = i; next }
  $1 != "family" && c && $c == "proved"' "$out" | wc -l)
if test "$n" -eq 3; then pass; else fail "scan --prove: $n of 3 rows proved"; fi
run "$S" -c "$CAT" -F A --d 20 -f tsv -q
if head -n 1 "$out" | grep -q proved; then fail "proved column without --prove"; else pass; fi

# Expensive tier: every catalogue d* proved (width 1e-31) inside its
# digits, the k = d + 1 rows (rows:...;cols:... isotropy) included.  Five
# of them cross in the standard representation of their small block's S_p
# (multiplicity p - 1 in the t block of Fix(G0)): their multiplicity
# column must say p - 1, every other row's 1.
multi=",Y4e1_af,Y5e1_af,Y6e1_af,Y7e1_af,Y3e1_af-2,"
if test -n "$LSC_EXPENSIVE" && test "$LSC_EXPENSIVE" != 0; then
  all=$(awk -F '\t' '!/^#/ && $1 != "name" && $8 != "-" && $8 != "" { printf "%s%s", s, $1; s = "," }' "$CAT")
  run "$C" -c "$CAT" --dstar -F "$all" -f tsv -q
  expect_ok "every catalogue d*"
  want=$(awk -F '\t' '!/^#/ && $1 != "name" && $8 != "-" && $8 != "" { n++ } END { print n }' "$CAT")
  if test "$want" -ge 22; then pass; else fail "only $want d* rows checked"; fi
  got=$(awk -F '\t' 'NR > 1 && $7 == "yes" && $10 == "proved"' "$out" | wc -l)
  if test "$got" -eq "$want"; then pass; else fail "d* proved: $got of $want"; fi
  bad=$(awk -F '\t' -v m="$multi" -v cat="$CAT" '
    BEGIN { while ((getline l < cat) > 0) { split (l, f, "\t"); iso[f[1]] = f[2] } }
    NR > 1 { want = 1
             if (index (m, "," $1 ",")) { split (iso[$1], r, /[;,]/); want = r[2] - 1 }
             if ($12 != want) print $1 ": " $12 " (want " want ")" }' "$out")
  if test -z "$bad"; then pass; else fail "multiplicities: $bad"; fi
fi

# Expensive tier: type A over [1e6, 1e7] (about 900 pieces).
if test -n "$LSC_EXPENSIVE" && test "$LSC_EXPENSIVE" != 0; then
  run "$C" -c "$CAT" -F A --d 1e6:1e7 -f tsv -q
  expect_ok "A on [1e6, 1e7]"
  if awk -F '\t' '$1 == "A" && $8 == "proved" && $6 == 0 { f = 1 } END { exit !f }' "$out"
  then pass; else fail "A on [1e6, 1e7]"; fi
fi

# Usage errors: exit 2 with one line.
for args in "--d 0" "--d 5:4" "--d x" "--dstar --d 20" "--index --d 20" \
            "--minimum --index --d 20:21" "-F nosuch" "-F A,,B" \
            "--bits 3" "--width 1" "--format xml" "extra"; do
  run "$C" -c "$CAT" $args
  expect_rc 2 "usage: $args"
  if test "$(wc -l <"$err")" -le 2; then pass; else fail "usage: $args: long stderr"; fi
done
finish
