#!/bin/sh
# make stress: the reliability attack of issue 17, rerunnable and bounded in
# time.  Random command lines over every tool (options from each tool's
# --help, good and hostile values, bundles, control characters) and
# malformed input files (every input option of every tool) are run with a
# time limit each; each run is checked against the promises:
#   - it ends by itself with status 0, 1, 2 or 3 (no signal, no hang beyond
#     STRESS_TIMEOUT seconds, no sanitizer or libgomp message);
#   - status 2 or 3: exactly one line on stderr, "PROG: ...", no control
#     characters in it;
#   - no "nan"/"inf" token in the output, no ok row with an empty number;
#   - no temporary ".NAME.XXXXXX" left in the output directory.
# Prints the figures (runs, files, statuses, violations) and exits 1 on any
# violation.  STRESS_SECONDS (default 240) bounds the argument fuzzing,
# STRESS_SEED makes a run reproducible.
set -u
builddir=${top_builddir:-.}
srcdir=${top_srcdir:-.}
seconds=${STRESS_SECONDS:-240}
timeout_s=${STRESS_TIMEOUT:-20}
seed=${STRESS_SEED:-$(date +%s)}
OPENBLAS_NUM_THREADS=1
LC_ALL=C
export OPENBLAS_NUM_THREADS LC_ALL
CAT=$srcdir/data/families.tsv
tmp=$(mktemp -d "${TMPDIR:-/tmp}/lsc-stress.XXXXXX") || exit 99
trap 'rm -rf "$tmp"' EXIT
tools="landscape-eval landscape-follow landscape-scan landscape-bifurcate landscape-census"
# the binaries themselves, not their libtool wrapper scripts (a shell per
# run would cost more than most runs)
bin=$builddir/tools
if test -x "$builddir/tools/.libs/landscape-eval"; then
  bin=$builddir/tools/.libs
  LD_LIBRARY_PATH=$builddir/.libs${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}
  export LD_LIBRARY_PATH
fi
runs=0 viol=0 files=0
s0=0 s1=0 s2=0 s3=0
echo "stress: seed $seed, $seconds s of argument fuzzing, ${timeout_s} s per run"

# violation WHAT: record and show one broken promise.
violation () {
  viol=$((viol + 1))
  echo "VIOLATION: $*" >&2
  sed 's/^/  stderr: /' "$tmp/err" | head -n 3 >&2
}

# check TOOL ARGS...: run one command line and check the promises.
check () {
  t=$1
  shift
  rm -f "$tmp/out" "$tmp/err"
  # each run under a 4 GB address-space limit: a legitimate but huge
  # problem (the 1 x 40000 W of "wide" needs a 12.8 GB Hessian and hours
  # of eigensolve) is then refused at once, whatever memory the machine
  # has free, so the outcome does not depend on the machine's load
  (ulimit -v 4000000 && cd "$tmp/w" && timeout -k 5 "$timeout_s" "$bin/$t" "$@" \
      </dev/null >"$tmp/out" 2>"$tmp/err")
  st=$?
  runs=$((runs + 1))
  desc="$t $(printf '%s ' "$@" | tr -c '[:print:]' '?' | cut -c1-160)"
  case $st in
    0) s0=$((s0 + 1)) ;;
    1) s1=$((s1 + 1)) ;;
    2) s2=$((s2 + 1)) ;;
    3) s3=$((s3 + 1)) ;;
    124|137) violation "timeout after ${timeout_s} s: $desc"; return ;;
    *) violation "exit status $st: $desc"; return ;;
  esac
  if grep -q -e 'libgomp' -e 'Sanitizer' -e 'runtime error' "$tmp/err"; then
    violation "foreign message: $desc"
  fi
  if test "$st" -ge 2; then
    n=$(wc -l <"$tmp/err")
    if test "$n" -ne 1 || ! grep -q "^$t: " "$tmp/err"; then
      violation "status $st with $n stderr lines (expected one '$t: ...'): $desc"
    elif LC_ALL=C grep -q '[[:cntrl:]]' "$tmp/err"; then
      violation "control character in the message: $desc"
    fi
  fi
  if grep -qiE '(^|[^a-z])(-?nan|-?inf(inity)?)([^a-z]|$)' "$tmp/out"; then
    violation "NaN or inf printed: $desc"
  fi
  if awk -F '\t' '
      /^$/ { h = 0; next }
      !h { h = 1; sc = 0; for (i = 1; i <= NF; i++) if ($i == "status") sc = i; next }
      sc && $sc == "ok" { for (i = 1; i <= NF; i++) if ($i == "" && (i == 2 || i == 1)) bad = 1 }
      END { exit !bad }' "$tmp/out" 2>/dev/null; then
    violation "ok row with an empty number: $desc"
  fi
  left=$(ls -A "$tmp/w" | grep '^\.' | head -n 3 | tr '\n' ' ')
  if test -n "$left"; then
    violation "temporary left behind ($left): $desc"
    rm -f "$tmp/w"/.??*
  fi
}

mkdir "$tmp/w" "$tmp/dir"
# ---- malformed files, each given to every input option
i=0
mk () { i=$((i + 1)); printf "$1" >"$tmp/f$i"; files=$((files + 1)); }
mk ''
mk '\n\n# only a comment\n'
mk '1 0\n0'
mk '1 0\n0 1 2\n'
mk '1\t\t0\n0\t1\n'
mk 'nan 0\n0 1\n'
mk '1e999 0\n0 1\n'
mk '0x10 0\n0 1\n'
mk '1,5 0\n0 1\n'
mk '0 0\n0 1\n'
mk '1 0\r\n0 1\r\n'
mk '\000\001\002\n'
mk '1 0\n0 1'
mk '\033[31m1 0\n0 1\n'
mk 'family\tisotropy\n'
mk 'name\tisotropy\tkind\tk\td\tparams\tdescription\nX\tkd:?\tsaddle\t1\t1\t-\tbad\n'
head -c 3000000 /dev/zero >"$tmp/zeros"; files=$((files + 1))
awk 'BEGIN { for (i = 0; i < 40000; i++) printf "1 "; print "" }' >"$tmp/wide"; files=$((files + 1))
flist="$tmp/dir /dev/null $tmp/zeros $tmp/wide $tmp/missing"
j=1
while test $j -le $i; do flist="$flist $tmp/f$j"; j=$((j + 1)); done
for f in $flist; do
  check landscape-eval "$f"
  check landscape-eval --target "$f" --example identity:3
  check landscape-eval --alpha "$f" --example identity:2
  check landscape-follow --to 5 --weights "$f"
  check landscape-follow -c "$f" --to 5 B3
  check landscape-scan -c "$f" -d 5
  check landscape-bifurcate -c "$f" -F A --to 8
  check landscape-census -c "$CAT" --k 2 -n 1 -t "$f"
  check landscape-census -c "$f" --k 2 -n 1
  check landscape-census -c "$CAT" --k 2 -n 2 -r "$f"
done
fixed=$runs

# ---- argument fuzzing: options from --help, values good and hostile
fuzz_tools="$tools landscape-series landscape-certify landscape-branch landscape-catalogue"
for t in $fuzz_tools; do
  "$bin/$t" --help 2>/dev/null | grep -oE -- '--[a-z][a-z-]*' | sort -u >"$tmp/opts.$t"
  "$bin/$t" --help 2>/dev/null | grep -oE -- '(^| )-[a-zA-Z],' | tr -d ' ,' | sort -u >"$tmp/short.$t"
done
printf '%s\n' 0 1 -1 2 3 5 7.8 20 -5 1e6 1e-300 1e999 nan inf 0x10 '' ' ' \
  abc 2:10:0.5 20:1e6:log2 8:2:1 5:5:0 'A' 'B3' 'A,B3' ',' 'F5,nope' \
  identity:3 identity:0 identity:-1 tsv json latex markdown text bogus \
  1G 1Q 100000 99999999999999999999 "$tmp/dir" "$tmp/f1" "$tmp/f4" \
  /dev/null /nonexistent/x.tsv out.tsv out.svg out.png lbfgs gd d+1 \
  "$(printf 'a\nb')" "$(printf '\033[2J')" -- - >"$tmp/vals"
# The command lines are drawn by one awk program and written as a shell
# script of quoted "check TOOL ARGS..." lines (a few thousand a second),
# then run; a time check every 10 lines keeps the loop within its seconds.
# STRESS_LINES bounds the number of lines (default: as many as fit).
lines=${STRESS_LINES:-1000000}
end=$(( $(date +%s) + seconds ))
awk -v seed="$seed" -v lines="$lines" -v tools="$fuzz_tools" -v tmp="$tmp" \
    -v CAT="$CAT" '
  function q(s) { gsub(/\047/, "\047\\\047\047", s); return "\047" s "\047" }
  function pick(a, n) { return a[int(rand() * n) + 1] }
  BEGIN {
    srand(seed)
    nv = 0; while ((getline l < (tmp "/vals")) > 0) V[++nv] = l
    nt = split(tools, T, " ")
    for (i = 1; i <= nt; i++) {
      t = T[i]; no[t] = 0; ns[t] = 0
      while ((getline l < (tmp "/opts." t)) > 0) O[t, ++no[t]] = l
      while ((getline l < (tmp "/short." t)) > 0) S[t, ++ns[t]] = l
    }
    pre["landscape-census"] = "--k 3 -n 2 -j 1 -q -c " q(CAT)
    pre["landscape-eval"] = ""
    pre["landscape-series"] = "-c " q(CAT) " -F A -N 2 --no-recognise -q"
    pre["landscape-certify"] = "-c " q(CAT) " -F A -q"
    pre["landscape-branch"] = "-c " q(CAT) " -F F5 --no-checks --from 5 --to 6 -q"
    pre["landscape-catalogue"] = "-c " q(CAT)
    pre["landscape-bifurcate"] = "-c " q(CAT) " -F A --to 8 -q"
    for (n = 0; n < lines; ) {
      for (i = 1; i <= nt && n < lines; i++) {
        n++
        t = T[i]
        line = "check " t
        if (t in pre) { if (pre[t] != "") line = line " " pre[t] }
        else line = line " -c " q(CAT)
        nopt = int(rand() * 5)
        for (k = 0; k <= nopt; k++) {
          c = int(rand() * 6)
          if (c <= 2) {
            o = O[t, int(rand() * no[t]) + 1]; v = V[int(rand() * nv) + 1]
            if (rand() < 0.5) line = line " " q(o "=" v)
            else line = line " " q(o) " " q(v)
          } else if (c == 3) {
            j = int(rand() * (ns[t] + 1)) + 1
            o = j <= ns[t] ? S[t, j] : "-Z"
            line = line " " q(o V[int(rand() * nv) + 1])
          } else if (c == 4)
            line = line " " q(V[int(rand() * nv) + 1])
          else
            line = line " " q("-" substr("qlhZxp", int(rand() * 6) + 1, 1) substr("qlZf", int(rand() * 4) + 1, 1))
        }
        print line
        if (n % 10 == 0) print "test \"$(date +%s)\" -lt \"$end\" || return 0"
      }
    }
  }' >"$tmp/lines.sh"
. "$tmp/lines.sh"
echo "stress: $runs runs ($fixed on $files malformed files, $((runs - fixed)) fuzzed command lines)"
echo "stress: exit statuses: 0: $s0, 1: $s1, 2: $s2, 3: $s3"
echo "stress: $viol promise violations"
test "$viol" -eq 0
