#!/usr/bin/env bash
# Whole-process figures for the command-line lookups: median wall time of 30 runs and
# peak memory, on the release build. Usage: benches/startup.sh
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
bin=target/release/symptom-explorer
median_ms() {
  local times=()
  for _ in $(seq 30); do
    local start end
    start=$(date +%s%N)
    "$bin" "$@" >/dev/null
    end=$(date +%s%N)
    times+=($(( (end - start) / 1000 )))
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {printf "%.1f ms", a[int((NR+1)/2)]/1000}'
}
for args in "causes" "search sci" "show sciatica" "rank --region lower-back --finding radiates-below-knee" "check"; do
  # shellcheck disable=SC2086
  printf '%-60s median %s\n' "symptom-explorer $args" "$(median_ms $args)"
done
peak=$(/usr/bin/time -f '%M' "$bin" rank --region lower-back 2>&1 >/dev/null | tail -1)
echo "peak memory (rank): ${peak} KiB"
