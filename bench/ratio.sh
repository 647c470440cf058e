#!/bin/sh
# bench/ratio.sh: landscape against the numpy baseline in one run.
# Usage: bench/ratio.sh [K...]   (default 20 60 100 200); run from the
# build tree after `make bench`.  Both sides use one BLAS thread; numpy runs
# with glibc malloc told to keep freed memory (on virtual machines where a
# page fault is expensive, numpy's per-call temporaries otherwise make the
# baseline several times slower and the ratios flattering).  For each size
# the two programs alternate three times and the best CPU time of each is
# kept (process CPU time on both sides: other jobs do not decide the ratio).
# Ratio = numpy time / landscape time (above 1: landscape is faster).
# The last line of each size gives bench-ratio's core-sharing probe for
# its three runs (about 1 on an unshared core, 1.5-2 when a hidden host
# hardware thread shares the core: see bench-ratio.c) and how many runs
# were in that slow mode (probe above 1.3).
set -e
srcdir=$(dirname "$0")
PY=${PYTHON:-/usr/bin/python3}
sizes=${*:-20 60 100 200}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1
for k in $sizes; do
  for round in 1 2 3; do
    MALLOC_TRIM_THRESHOLD_=4000000000 MALLOC_MMAP_THRESHOLD_=4000000000 \
      MALLOC_TOP_PAD_=268435456 \
      "$PY" "$srcdir/numpy_baseline.py" --dump "$tmp/W" "$k" >> "$tmp/np.$k"
    ./bench/bench-ratio "$tmp/W" "$k" >> "$tmp/c.$k"
  done
done
printf '%-5s %-22s %12s %12s %7s\n' k=d task numpy_s landscape_s ratio
for k in $sizes; do
  awk -v k="$k" '
    FNR == 1 { f++ }
    { for (c = 2; c <= 4; c++) if (f == 1) { if (!(c in np) || $c < np[c]) np[c] = $c }
                               else { if (!(c in lc) || $c < lc[c]) lc[c] = $c }
      if (f == 1) nl = $5; else { cl = $5; pr = pr " " $6; ns += ($6 > 1.3) ; nr++ } }
    END {
      split("gradient loss+gradient gd-step", name, " ")
      for (c = 2; c <= 4; c++)
        printf "%-5s %-22s %12.4e %12.4e %7.2f\n", k, name[c-1], np[c], lc[c], np[c] / lc[c]
      printf "%-5s %-22s %12.17g %12.17g %7.1e\n", k, "loss (relative diff)", nl, cl, (nl - cl) / cl
      printf "%-5s %-22s %s (slow mode: %d of %d runs)\n", k, "core-sharing probe", pr, ns, nr
    }' "$tmp/np.$k" "$tmp/c.$k"
done
