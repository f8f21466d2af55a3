#!/bin/sh
# Builds the load benchmark in release mode and runs it.
# Usage: scripts/bench-load.sh [target-bytes] [runs]
set -eu
cd "$(dirname "$0")/.."
swift build -c release --product LoadBenchmark
"$(swift build -c release --show-bin-path)/LoadBenchmark" "$@"
