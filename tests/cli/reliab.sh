#!/bin/sh
# Tool test of the reliability promises (issue 17): bounded reading and
# memory, honest statuses and the same exit status for the same input error
# in every tool, census resume files (long header, lock, target hash,
# outputs checked first), signals leave no temporaries, one-line getopt
# errors naming the right argument, control characters escaped, CI stages.
. "${top_srcdir:-.}/tests/cli/common.sh"
E=$(tool landscape-eval) || exit 77
F=$(tool landscape-follow) || exit 77
S=$(tool landscape-scan) || exit 77
B=$(tool landscape-bifurcate) || exit 77
C=$(tool landscape-census) || exit 77
SE=$(tool landscape-series) || SE=
CAT=$top_srcdir/data/families.tsv

# real NAME: the binary itself (not a libtool wrapper script, which forks
# under a memory limit and retries forever), with its library path.
real () {
  if test -x "$top_builddir/tools/.libs/$1"; then
    echo "$top_builddir/tools/.libs/$1"
  else
    echo "$top_builddir/tools/$1"
  fi
}
LD_LIBRARY_PATH=$top_builddir/.libs${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}
export LD_LIBRARY_PATH
RE=$(real landscape-eval)
RC=$(real landscape-census)

# ---- bounded reading: line length, matrix size, memory
run "$E" /dev/zero
expect_error 2 landscape-eval "line longer than 1048576 bytes" "/dev/zero"
# every matrix and catalogue reader of every tool shares the bounded path
for a in "$E --target /dev/zero --example identity:3" \
         "$E --alpha /dev/zero --example identity:2" \
         "$F --to 5 -w /dev/zero" "$F -c /dev/zero --to 5 B3" \
         "$S -c /dev/zero -d 5" "$B -c /dev/zero -F A" \
         "$C -c $CAT --k 3 -n 1 -t /dev/zero" "$C -c /dev/zero --k 3 -n 1" \
         ${SE:+"$SE -c /dev/zero -F A"}; do
  run $a
  expect_error 2 "$(basename "${a%% *}")" "/dev/zero:1: line longer than 1048576 bytes" "$a"
done
printf '1 0 0\n0 1 0\n' >"$tmp/w"
run "$E" --max-line 4 "$tmp/w"
expect_error 2 landscape-eval "w:1: line longer than 4 bytes" "--max-line"
run "$E" --max-entries 5 "$tmp/w"
expect_error 2 landscape-eval "more than 5 numbers" "--max-entries"
run "$F" --max-entries 5 --to 3 -w "$tmp/w"
expect_error 2 landscape-follow "more than 5 numbers" "follow --max-entries"
run "$C" -c "$CAT" --k 3 --max-line 4 -t "$tmp/w"
expect_error 2 landscape-census "line longer than 4 bytes" "census --max-line"
run "$E" --max-line 0 "$tmp/w"
expect_error 2 landscape-eval "invalid argument '0' for --max-line" "--max-line 0"
# k = d = 235: the Hessian (22.8 GiB) is sized before it is allocated
run "$E" --example identity:235 --dense --max-memory 16G
expect_error 3 landscape-eval "55225 x 55225 Hessian needs 22.7 GiB" "k = d = 235 over --max-memory"
run "$E" --example identity:5 --max-memory 1M
expect_rc 0 "small problem within --max-memory"
run "$E" --max-memory 12Q --example identity:2
expect_error 2 landscape-eval "invalid argument '12Q' for --max-memory" "bad --max-memory"
# The cases under ulimit -v need a build that can start under an address-
# space limit: an AddressSanitizer build reserves terabytes of shadow memory
# at start-up and cannot (those cases are skipped there, with a message).
if (ulimit -v 600000 && exec "$RE" --version) >/dev/null 2>&1; then
  vlimit=1
else
  vlimit=0
  echo "SKIP: the ulimit -v cases (the tools cannot start under an address-space limit: a sanitizer build?)"
fi
# the budget follows the address-space limit when there is one
if test $vlimit = 1; then
(ulimit -v 2000000 && exec "$RE" --example identity:235 --dense) >"$out" 2>"$err"
rc=$?
expect_error 3 landscape-eval "more than the 1.91 GiB available" "k = d = 235 under ulimit -v"
fi
run "$C" -c "$CAT" --k 40 -n 1 -j 1 --max-memory 1M
expect_error 3 landscape-census "needs" "census over --max-memory"
# out of memory while reading is exit 3 "out of memory", never bad input
# (12 million numbers need 128 MB while read: more than the limit leaves)
awk 'BEGIN { for (i = 0; i < 12000000; i++) printf "1 "; print "" }' >"$tmp/big"
if test $vlimit = 1; then
(ulimit -v 200000 && exec timeout 60 "$RE" --max-line 100000000 --max-entries 100000000 "$tmp/big") >"$out" 2>"$err"
rc=$?
expect_rc 3 "reading under a memory limit"
if grep -q -e 'no data' -e 'empty input' "$err"; then
  fail "out of memory reported as bad input"; else pass; fi
fi

# ---- statuses: no NaN on an ok row; usage errors exit 2 everywhere
run "$F" -c "$CAT" --to 4 B3
# B3's branch ends at a branch point at d = 5 (its domain): the rows stop
# there, every one computed (before, rows below 4.29 printed NaN losses)
expect_rc 0 "follow B3 to 4 (ends at its branch point)"
if grep -qi nan "$out"; then fail "follow B3: NaN printed"; else pass; fi
if awk -F '\t' 'NR > 1 && $6 == "ok" && ($2 == "" || $1 == "")' "$out" | grep -q .; then
  fail "follow B3: an ok row with a missing number"; else pass; fi
if grep -q "branch ends at d = 5: branch point" "$err"; then pass; else
  fail "follow B3: the end of its domain is not reported"; fi
run "$F" -c "$CAT" --to -5 B3
expect_error 2 landscape-follow "for --to" "follow --to -5"
run "$F" -c "$CAT" --from -3 --to 5 B3
expect_error 2 landscape-follow "for --from" "follow --from -3"
printf '1 0\n0 0\n' >"$tmp/zero"
run "$F" --to 3 -w "$tmp/zero"
expect_error 2 landscape-follow "row 2 of W is zero" "follow zero row in --weights"
run "$E" "$tmp/zero"
expect_error 2 landscape-eval "row 2 of W is zero" "eval zero row"
run "$B" -c "$CAT" -F ''
expect_error 2 landscape-bifurcate "--family" "bifurcate -F ''"
mkdir "$tmp/dir"
run "$E" "$tmp/dir"
expect_error 2 landscape-eval "Is a directory" "eval: a directory as input"
run "$F" --to 3 -w "$tmp/dir"
expect_error 2 landscape-follow "Is a directory" "follow: a directory as --weights"
run "$F" -c "$tmp/dir" --to 3 B3
expect_error 2 landscape-follow "Is a directory" "follow: a directory as catalogue"
run "$S" -c "$tmp/dir" -d 5
expect_error 2 landscape-scan "Is a directory" "scan: a directory as catalogue"
run "$B" -c "$tmp/dir"
expect_error 2 landscape-bifurcate "Is a directory" "bifurcate: a directory as catalogue"
run "$C" -c "$CAT" --k 3 -t "$tmp/dir"
expect_error 2 landscape-census "Is a directory" "census: a directory as target"
# libgomp cannot create the threads: one line of ours, exit 3
if test $vlimit = 1; then
(ulimit -v 600000 && exec "$RC" -c "$CAT" --k 3 -n 2 -j 400 -q) >"$out" 2>"$err"
rc=$?
expect_error 3 landscape-census "cannot start 400 threads" "threads that cannot be created"
fi

# ---- one-line getopt errors naming the argument, in every tool
for t in "$E" "$F" "$S" "$B" "$C" $SE; do
  p=$(basename "$t")
  run "$t" --bogus
  expect_error 2 "$p" "unrecognized option '--bogus'" "$p --bogus"
  case $p in
    landscape-eval) bundle="--digits=3 -Z" ;;   # after a long option
    landscape-follow) bundle="--to=3 -Z" ;;   # no flag letter to bundle
    *) bundle=-qZ ;;
  esac
  run "$t" $bundle
  expect_error 2 "$p" "invalid option -- 'Z'" "$p $bundle (the bad letter named)"
  run "$t" --help=1
  expect_error 2 "$p" "option '--help' doesn't allow an argument" "$p --help=1"
  run "$t" --format
  expect_error 2 "$p" "option '--format' requires an argument" "$p --format"
  run "$t" -f
  expect_error 2 "$p" "option requires an argument -- 'f'" "$p -f"
done
run "$E" "$(printf 'a\nb\033c')"
expect_error 2 landscape-eval 'a\nb\x1bc' "a newline and ESC in a file name are escaped"

# ---- census resume files
long=$tmp/$(printf 'd%.0s' $(seq 1 150))
mkdir -p "$long/$(printf 'e%.0s' $(seq 1 150))/$(printf 'f%.0s' $(seq 1 150))"
tgt=$long/$(printf 'e%.0s' $(seq 1 150))/$(printf 'f%.0s' $(seq 1 150))/V.txt
printf '1 0 0\n0 1 0\n0 0 1\n' >"$tgt"
R=$tmp/resume.txt
run "$C" -c "$CAT" --k 3 -n 3 -t "$tgt" -r "$R" -q
expect_rc 0 "census with a target path of $(printf %s "$tgt" | wc -c) characters"
run "$C" -c "$CAT" --k 3 -n 5 -t "$tgt" -r "$R" -q
expect_rc 0 "resume with the long target path"
if test "$(wc -l <"$R")" -eq 6; then pass; else fail "resume file: $(wc -l <"$R") lines, expected 6"; fi
printf '1 0 0\n0 1 0\n0 0 2\n' >"$tgt"
run "$C" -c "$CAT" --k 3 -n 5 -t "$tgt" -r "$R" -q
expect_error 2 landscape-census "target file changed" "resume with a changed target"
R2=$tmp/lock.txt
"$C" -c "$CAT" --k 12 -n 100000 -j 1 -r "$R2" -q >/dev/null 2>&1 &
pid=$!
i=0
while test ! -s "$R2" && test $i -lt 100; do sleep 0.1; i=$((i + 1)); done
run "$C" -c "$CAT" --k 12 -n 100000 -r "$R2" -q
expect_error 2 landscape-census "in use by another landscape-census" "second census on a resume file"
kill "$pid" 2>/dev/null
wait "$pid" 2>/dev/null
start=$(date +%s)
run "$C" -c "$CAT" --k 12 -n 100000 -P "$tmp/nodir/h.svg" -q
expect_error 2 landscape-census "cannot write the plot file" "unwritable --plot before the runs"
run "$C" -c "$CAT" --k 12 -n 100000 -o "$tmp/nodir/o.tsv" -q
expect_error 2 landscape-census "cannot write" "unwritable --output before the runs"
if test $(( $(date +%s) - start )) -le 30; then pass; else fail "output paths not checked at once"; fi

# ---- signals: no temporaries, targets unchanged
mkdir "$tmp/sig"
for sig in TERM INT HUP; do
  echo old >"$tmp/sig/out.tsv"
  # (default dispositions: a shell's background job starts with INT
  # ignored, and under nohup HUP is ignored too; an ignored signal stays
  # ignored in the tool, as it should)
  env --default-signal=HUP,INT,TERM "$S" -c "$CAT" -d 2:20:0.005 -q -o "$tmp/sig/out.tsv" \
    -P "$tmp/sig/out.svg" >/dev/null 2>&1 &
  pid=$!
  sleep 1
  kill -$sig "$pid"
  # a tool that does not die within 60 s has lost the signal: fail, not hang
  ( trap 'kill "$s" 2>/dev/null; exit 0' TERM
    sleep 60 & s=$!; wait "$s"; kill -9 "$pid" 2>/dev/null ) &
  watchdog=$!
  wait "$pid"
  st=$?
  kill "$watchdog" 2>/dev/null
  wait "$watchdog" 2>/dev/null
  left=$(ls -A "$tmp/sig" | grep -v '^out.tsv$' | tr '\n' ' ')
  if test -n "$left"; then fail "SIG$sig: left behind: $left"; else pass; fi
  if test "$(cat "$tmp/sig/out.tsv")" = old; then pass; else fail "SIG$sig: target changed"; fi
  if test "$st" -gt 128 && test "$(kill -l $((st - 128)))" = "$sig"; then pass
  else fail "SIG$sig: exit status $st, not killed by SIG$sig"; fi
done

# ---- one status -> exit code mapping: no tool keeps its own
if grep -n 'CLI_EXIT_SYSTEM *: *CLI_EXIT_USAGE\|CLI_EXIT_USAGE *: *CLI_EXIT_SYSTEM' \
     "$top_srcdir"/tools/landscape-*.c >"$tmp/maps"; then
  fail "a tool maps statuses itself: $(head -n 1 "$tmp/maps")"; else pass; fi

# ---- CI: no stage is skipped for time
if grep -n 'elapsed)" -lt' "$top_srcdir/.ci/run" >"$tmp/ci"; then
  fail ".ci/run skips a stage for time: $(head -n 1 "$tmp/ci")"; else pass; fi
finish
