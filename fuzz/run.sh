#!/bin/sh
# fuzz/run.sh: build the libFuzzer harnesses of fuzz/ with clang (library and
# tools compiled with -fsanitize=fuzzer-no-link,address,undefined) and run
# each for a bounded time on its seed corpus.  Called by `make fuzz`, which
# passes the variables below; see fuzz/README.
#   CLANG SRCDIR BUILDDIR FUZZ_CPPFLAGS FUZZ_LIBS LIB_SOURCES TOOL_SOURCES
#   FUZZ_SECONDS (per harness, default 60)  FUZZ_RUNS (0: no limit)
#   FUZZ_HARNESSES (default: all)  FUZZ_JOBS (parallel harnesses, default 1)
set -eu
: "${CLANG:?}" "${SRCDIR:?}" "${BUILDDIR:?}"
FUZZ_SECONDS=${FUZZ_SECONDS:-60}
FUZZ_RUNS=${FUZZ_RUNS:-0}
FUZZ_HARNESSES=${FUZZ_HARNESSES:-"matrix catalogue isotropy loss cli"}
out=$BUILDDIR/fuzz
mkdir -p "$out/obj"
SAN="-fsanitize=address,undefined -fno-sanitize-recover=undefined"
CF="-g -O1 -std=c11 -fno-omit-frame-pointer $SAN -I$BUILDDIR $FUZZ_CPPFLAGS"

# compile SRC to an object (suffix TAG) unless it is up to date
cc1 () {
  src=$1 tag=$2; shift 2
  o=$out/obj/$(echo "$src" | tr / _ | sed 's/\.c$//')$tag.o
  if [ ! -f "$o" ] || [ "$SRCDIR/$src" -nt "$o" ] \
     || [ "$BUILDDIR/config.h" -nt "$o" ]; then
    echo "  CLANG    $src" >&2
    $CLANG $CF -fsanitize=fuzzer-no-link "$@" -c "$SRCDIR/$src" -o "$o"
  fi
  echo "$o"
}

libobjs=""
for s in $LIB_SOURCES; do
  case $s in *.c) libobjs="$libobjs $(cc1 "$s" "")";; esac
done
toolobjs=""
for s in $TOOL_SOURCES; do
  case $s in
    tools/landscape-eval.c) toolobjs="$toolobjs $(cc1 "$s" "" -Dmain=eval_main)";;
    tools/landscape-follow.c) toolobjs="$toolobjs $(cc1 "$s" "" -Dmain=follow_main)";;
    tools/landscape-scan.c) toolobjs="$toolobjs $(cc1 "$s" "" -Dmain=scan_main)";;
    *.c) toolobjs="$toolobjs $(cc1 "$s" "")";;
  esac
done
WRAPS="-Wl,--wrap=exit -Wl,--wrap=malloc -Wl,--wrap=calloc -Wl,--wrap=realloc \
 -Wl,--wrap=free -Wl,--wrap=fopen -Wl,--wrap=freopen -Wl,--wrap=fclose \
 -Wl,--wrap=lsc_loss_workspace_alloc -Wl,--wrap=lsc_cont_alloc \
 -Wl,--wrap=lsc_scan_family"

status=0
for h in $FUZZ_HARNESSES; do
  bin=$out/fuzz-$h
  ho=$(cc1 "fuzz/fuzz-$h.c" "" -I"$SRCDIR/tools")
  extra=""
  [ "$h" = cli ] && extra="$toolobjs $WRAPS"
  echo "  LINK     fuzz-$h" >&2
  # shellcheck disable=SC2086
  $CLANG $CF -fsanitize=fuzzer "$ho" $libobjs $extra $FUZZ_LIBS -o "$bin"
  [ "${FUZZ_BUILD_ONLY:-0}" = 1 ] && continue
  work=$out/corpus/$h
  mkdir -p "$work" "$out/artifacts"
  opts="-max_total_time=$FUZZ_SECONDS -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix=$out/artifacts/$h-"
  [ "$FUZZ_RUNS" != 0 ] && opts="$opts -runs=$FUZZ_RUNS"
  asan=""
  case $h in
    # A run ended by exit() leaves what the tool would have freed at exit
    # (e.g. scan_parse_range's copy of its argument): no leak checks here;
    # fuzz-cli.c releases its tracked allocations after every run.
    cli) opts="$opts -close_fd_mask=2 -detect_leaks=0 -max_len=512"
         asan="detect_leaks=0";;
    loss) opts="$opts -max_len=1024";;
    *) opts="$opts -max_len=4096";;
  esac
  dict=$SRCDIR/fuzz/$h.dict
  [ -f "$dict" ] && opts="$opts -dict=$dict"
  echo "fuzz-$h: $FUZZ_SECONDS s" >&2
  # shellcheck disable=SC2086
  if ! ASAN_OPTIONS=$asan OPENBLAS_NUM_THREADS=1 "$bin" $opts "$work" "$SRCDIR/fuzz/corpus/$h" \
       >"$out/fuzz-$h.log" 2>&1; then
    echo "fuzz-$h: FAILED (see $out/fuzz-$h.log and $out/artifacts/)" >&2
    tail -40 "$out/fuzz-$h.log" >&2
    status=1
  else
    grep -E '^stat::number_of_executed_units|^Done|cov:' "$out/fuzz-$h.log" | tail -3 >&2
  fi
done
exit $status
