#!/bin/bash
# `symptom-explorer search --limit 0 QUERY` against `fzf --filter QUERY` over the same names
# (the `causes` list), whole process each, 7 runs interleaved, medians and their ratio.
#
#   scripts/search-vs-fzf.sh GRAPH QUERY...
#
# GRAPH is `bundled` or a directory of graph files (examples/gen_graph writes them, for
# example /tmp/symptom-explorer-scale/10000). BIN picks the binary (default: the release
# build). The first run keeps the caches, as a person's first lookup would.
set -euo pipefail
BIN=${BIN:-target/release/symptom-explorer}
GRAPH=$1; shift
ARGS=()
if [ "$GRAPH" != bundled ]; then for f in "$GRAPH"/*.ron; do ARGS+=(--graph "$f"); done; fi
NAMES=$(mktemp)
trap 'rm -f "$NAMES"' EXIT
"$BIN" "${ARGS[@]}" causes > "$NAMES"
python3 - "$BIN" "$NAMES" "$*" "${ARGS[@]}" <<'PY'
import statistics, subprocess, sys, time
binary, names, query, graph = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
ours, theirs = [], []
for _ in range(7):
    t = time.perf_counter()
    subprocess.run([binary, *graph, "search", "--limit", "0", *query.split()], capture_output=True)
    ours.append(time.perf_counter() - t)
    with open(names) as f:
        t = time.perf_counter()
        subprocess.run(["fzf", "--filter", query], stdin=f, capture_output=True)
        theirs.append(time.perf_counter() - t)
a, b = statistics.median(ours), statistics.median(theirs)
print(f"{query!r}: search {a * 1000:.1f} ms, fzf {b * 1000:.1f} ms, ratio {a / b:.2f}")
PY
