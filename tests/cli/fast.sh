#!/bin/sh
# landscape-scan --fast at d = 1e6 against --prec 160 (an independent
# route: the point refined at 160 bits, the spectrum by MPFR Jacobi at two
# precisions, against --fast's 128-bit point and double-double Jacobi):
# every eigenvalue within 1e-12 relative and within the printed eig_err,
# the same distinct values, types and indices; a zero eigenvalue (the
# split ratio of k = d + 1) within eig_err of zero.  A few k = d and k = d + 1
# families here; every family in the expensive tier.
. "$top_srcdir/tests/cli/common.sh"
S=$(tool landscape-scan) || exit 77
CAT=$top_srcdir/data/families.tsv

fams_d="A,F3,F6"
fams_d1="A-split-kd1"
if test -n "$LSC_EXPENSIVE" && test "$LSC_EXPENSIVE" != 0; then
  fams_d=$(awk -F '\t' '!/^#/ && $1 != "name" && $2 ~ /^kd:/ { printf "%s%s", s, $1; s = "," }' "$CAT")
  fams_d1=$(awk -F '\t' '!/^#/ && $1 != "name" && $2 ~ /^rows:/ { printf "%s%s", s, $1; s = "," }' "$CAT")
fi
for k in d d+1; do
  if test "$k" = d; then fams=$fams_d; else fams=$fams_d1; fi
  run "$S" -c "$CAT" -F "$fams" --k "$k" --d 1e6 --fast -f tsv -q
  cp "$out" "$tmp/fast"
  rc_fast=$rc
  run "$S" -c "$CAT" -F "$fams" --k "$k" --d 1e6 --prec 160 -f tsv -q
  cp "$out" "$tmp/prec"
  if test "$rc_fast" = "$rc"; then pass; else fail "k = $k: exit $rc_fast (--fast) vs $rc (--prec)"; fi
  # summary: family -> type, index, ndistinct, eig_err; then the spectra
  # compared row by row (the same order: both are the accurate spectrum)
  awk -F '\t' '
    FNR == 1 { part = 0 }
    $1 == "family" && $3 == "k" { part = 1; for (i = 1; i <= NF; i++) col[FILENAME, $i] = i; next }
    $1 == "family" && $3 == "component" { part = 2; n[FILENAME] = 0; next }
    $0 == "" { next }
    part == 1 {
      key = FILENAME SUBSEP $1
      typ[key] = $col[FILENAME, "type"]; idx[key] = $col[FILENAME, "index"]
      nd[key] = $col[FILENAME, "ndistinct"]; st[key] = $col[FILENAME, "status"]
      if ((FILENAME, "eig_err") in col) err[$1] = $col[FILENAME, "eig_err"]
      fam[FILENAME, ++nf[FILENAME]] = $1
    }
    part == 2 { m = ++n[FILENAME]; v[FILENAME, m] = $4; f[FILENAME, m] = $1; c[FILENAME, m] = $3 }
    END {
      F = ARGV[1]; P = ARGV[2]; bad = 0
      if (nf[F] != nf[P] || nf[F] == 0) { print "families:", nf[F], nf[P]; bad = 1 }
      for (i = 1; i <= nf[F]; i++) {
        a = F SUBSEP fam[F, i]; b = P SUBSEP fam[F, i]
        # outside its domain (Y6-1_aff ends at a fold): absent both ways
        if (st[a] == "absent" && st[b] == "absent") continue
        if (st[a] != "ok" || typ[a] != typ[b] || idx[a] != idx[b] || nd[a] != nd[b]) {
          print fam[F, i], st[a], typ[a], typ[b], idx[a], idx[b], nd[a], nd[b]; bad = 1 }
        if (!(err[fam[F, i]] > 0 && err[fam[F, i]] < 1e-10)) { print fam[F, i], "eig_err", err[fam[F, i]]; bad = 1 }
      }
      if (n[F] != n[P] || n[F] == 0) { print "eigenvalues:", n[F], n[P]; bad = 1 }
      for (j = 1; j <= n[F]; j++) {
        x = v[F, j] + 0; y = v[P, j] + 0; d = x - y; if (d < 0) d = -d
        ay = y < 0 ? -y : y
        # a zero eigenvalue (a split ratio of k = d + 1: |value| < 2^-100
        # at 160 bits) has no relative error: within eig_err of zero
        rel = ay < 7.9e-31 ? 1 : d <= 1e-12 * ay
        if (f[F, j] != f[P, j] || c[F, j] != c[P, j] || !rel || !(d <= err[f[F, j]])) {
          print f[F, j], c[F, j], v[F, j], v[P, j], d; bad = 1 }
      }
      exit bad
    }' "$tmp/fast" "$tmp/prec" >"$tmp/bad" && pass || fail "k = $k: --fast vs --prec 160 at 1e6: $(head -n 5 "$tmp/bad")"
done
finish
