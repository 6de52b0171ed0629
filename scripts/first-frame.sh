#!/usr/bin/env bash
# How long the app takes to its first frame on a workspace, and the memory it holds then:
# launches marz under Xvfb RUNS times with MARZ_EXIT_AFTER_FIRST_FRAME (it exits once the
# first frame is drawn and prints its resident memory) and prints each run's wall time.
# Usage: scripts/first-frame.sh DATA_DIR [RUNS] [path/to/marz]
# A workspace with 10,000 clients and 10,000 letters is written by
#   MARZ_BENCH_DIR=DIR cargo bench --bench gui -- 10,000
# as DIR/big-gui (register in place) and DIR/big-gui-fresh (letters only in history/).
set -euo pipefail
cd "$(dirname "$0")/.."

data=${1:?usage: scripts/first-frame.sh DATA_DIR [RUNS] [path/to/marz]}
runs=${2:-5}
bin=${3:-target/release/marz}

display=:${DISPLAY_NUMBER:-96}
Xvfb "$display" -screen 0 1280x860x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
trap 'kill "$xvfb" 2>/dev/null || true' EXIT
export DISPLAY=$display
sleep 1

for i in $(seq 1 "$runs"); do
  start=$(date +%s%N)
  said=$(MARZ_EXIT_AFTER_FIRST_FRAME=1 ICED_BACKEND=tiny-skia "$bin" --data-dir "$data" 2>&1 >/dev/null)
  end=$(date +%s%N)
  echo "run $i: $(( (end - start) / 1000000 )) ms to the first frame and exit; ${said##*; }"
done
