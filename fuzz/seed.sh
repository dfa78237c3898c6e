#!/usr/bin/env bash
# Seed the fuzz corpus: every fixture, and the bundled graph as one input (its files joined
# at `//@@` lines, as the target splits them). Then:
#   cargo +nightly fuzz run load_check_draw -- -max_total_time=600
set -euo pipefail
cd "$(dirname "$0")"
mkdir -p corpus/load_check_draw
cp ../tests/fixtures/*.ron corpus/load_check_draw/
python3 - <<'PY'
import glob
parts = [open(f).read() for f in sorted(glob.glob("../data/*.ron"))]
open("corpus/load_check_draw/bundled-all.ron", "w").write("\n//@@\n".join(parts))
PY
