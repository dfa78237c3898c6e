#!/usr/bin/env bash
# Whole-process figures for BENCHMARKS.md: synthetic graphs of 1k, 10k and 100k causes
# (examples/gen_graph.rs), each command run 5 times; the median wall time and the median
# peak resident memory (/usr/bin/time -v) are printed.
#
#   scripts/measure-scale.sh [BIN_DIR]    (default target/release, built beforehand with
#                                          cargo build --release --bins --examples)
#
# The graphs are written to $SCALE_DIR (default /tmp/symptom-explorer-scale). Lookups are
# timed without stamps (SYMPTOM_EXPLORER_NO_STAMPS=1: parse and validate) and with a stamp
# (the second run on the same bytes: parse only). 100k causes are over the 32 MiB the
# command line reads in all, so they are timed with examples/time_load only.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-target/release}
dir=${SCALE_DIR:-/tmp/symptom-explorer-scale}
runs=5
tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT

# median wall seconds and median peak KiB of a command, over $runs runs
measure() {
  local times=() mems=()
  for _ in $(seq "$runs"); do
    local out
    /usr/bin/time -o "$tmp" -f "%e %M" "$@" >/dev/null 2>&1 || true
    out=$(tail -1 "$tmp")
    times+=("${out% *}")
    mems+=("${out#* }")
  done
  local t m
  t=$(printf '%s\n' "${times[@]}" | sort -n | sed -n "$(((runs + 1) / 2))p")
  m=$(printf '%s\n' "${mems[@]}" | sort -n | sed -n "$(((runs + 1) / 2))p")
  echo "${t} s, ${m} KiB"
}

for n in 1000 10000 100000; do
  [ -d "$dir/$n" ] || "$bin/examples/gen_graph" "$n" "$dir/$n" >/dev/null
  files=("$dir/$n"/*.ron)
  bytes=$(cat "${files[@]}" | wc -c)
  echo "== $n causes, ${#files[@]} files, $bytes bytes"
  echo "time_load (parse + validate): $(measure "$bin/examples/time_load" "${files[@]}")"
  echo "time_load --parse-only:       $(measure "$bin/examples/time_load" --parse-only "${files[@]}")"
  "$bin/examples/time_load" "${files[@]}"
  if [ "$n" -le 10000 ]; then
    graph=()
    for f in "${files[@]}"; do graph+=(--graph "$f"); done
    echo "check:                        $(measure "$bin/symptom-explorer" check "${files[@]}")"
    echo "search stra, no stamp:        $(SYMPTOM_EXPLORER_NO_STAMPS=1 measure "$bin/symptom-explorer" search stra "${graph[@]}")"
    "$bin/symptom-explorer" search stra "${graph[@]}" >/dev/null 2>&1 || true
    echo "search stra, stamped:         $(measure "$bin/symptom-explorer" search stra "${graph[@]}")"
    echo "rank, no stamp:               $(SYMPTOM_EXPLORER_NO_STAMPS=1 measure "$bin/symptom-explorer" rank --region part-3 --finding asked-1 --finding f-2 "${graph[@]}")"
    echo "rank, stamped:                $(measure "$bin/symptom-explorer" rank --region part-3 --finding asked-1 --finding f-2 "${graph[@]}")"
  fi
done
