#!/bin/sh
# Tool test of output safety (issue 8): standard output on a full disk
# (/dev/full) gives exit 3 and a "write error" message, a closed pipe a
# quiet end by SIGPIPE;
# output files are never left half-written (an unwritable --output or --plot
# fails cleanly, a good file survives a failed run untouched).
. "${top_srcdir:-.}/tests/cli/common.sh"
E=$(tool landscape-eval) || exit 77

# full_disk WHAT CMD...: stdout on /dev/full: exit 3, one "write error" line.
full_disk () {
  _what=$1; shift
  "$@" >/dev/full 2>"$err"
  rc=$?
  : >"$out"
  expect_error 3 "${_what%% *}" "write error" "$_what > /dev/full"
}

# closed_pipe WHAT CMD...: the reader has gone before the first write:
# the tool ends quietly, killed by SIGPIPE as the coreutils are (status
# 141 in the shell), with nothing on stderr (issue 15).
closed_pipe () {
  _what=$1; shift
  { sleep 1; "$@" 2>"$err"; echo $? >"$tmp/rc"; } | true
  rc=$(cat "$tmp/rc")
  if test "$rc" -eq 141 && test ! -s "$err"; then pass
  else fail "$_what | (closed pipe): exit status $rc, expected 141 and no message"; fi
}

if test -w /dev/full; then
  full_disk "landscape-eval --example" "$E" --example identity:4
  full_disk "landscape-eval --help" "$E" --help
  full_disk "landscape-eval --version" "$E" --version
fi
closed_pipe "landscape-eval --example" "$E" --example identity:4 --format tsv

if F=$(tool landscape-follow 2>/dev/null); then
  test -w /dev/full && full_disk "landscape-follow --list" "$F" --list
  closed_pipe "landscape-follow --list" "$F" --list
fi

if S=$(tool landscape-scan 2>/dev/null); then
  test -w /dev/full && full_disk "landscape-scan" "$S" --d 5 --family global --format tsv
  closed_pipe "landscape-scan" "$S" --d 5 --family global --format tsv
  # --output FILE: a directory that does not exist fails at once, nothing
  # is created; a good file is not replaced by a failed run.
  run "$S" --d 5 --family global --output "$tmp/no/such/dir/out.tsv"
  expect_rc 2 "scan --output into a missing directory"
  test -e "$tmp/no" && fail "scan --output created something" || pass
  echo "good" >"$tmp/keep.tsv"
  run "$S" --d 0 --family global --output "$tmp/keep.tsv"
  expect_rc 2 "scan --d 0 --output"
  test "$(cat "$tmp/keep.tsv")" = good && pass \
    || fail "a failed scan --output run changed the existing file"
  # A run that fails after opening --output (its --plot directory is
  # read-only; skipped as root, who can write there) leaves the good file as
  # it was; a successful run replaces it and leaves no temporary behind.
  mkdir "$tmp/ro" && chmod 555 "$tmp/ro"
  if ! touch "$tmp/ro/x" 2>/dev/null; then
    run "$S" --d 5 --family global --output "$tmp/keep.tsv" --plot "$tmp/ro/p.svg"
    expect_rc 2 "scan --plot into a read-only directory"
    test "$(cat "$tmp/keep.tsv")" = good && pass \
      || fail "a failed scan --plot run changed the --output file"
  fi
  run "$S" --d 5 --family global --output "$tmp/keep.tsv"
  expect_ok "scan --output replacing a file"
  grep -q "^global" "$tmp/keep.tsv" && pass || fail "scan --output: file not replaced"
  ls -A "$tmp" | grep -q "^\.keep\.tsv\." && fail "scan --output left a temporary" || pass
  if test -w /dev/full; then
    run "$S" --d 5 --family global --format tsv --output /dev/full
    case $rc in 0) fail "scan --output /dev/full: exit status 0";; *) pass;; esac
    grep -q "write error\|No space" "$err" && pass \
      || fail "scan --output /dev/full: no write error message"
  fi
fi
finish
