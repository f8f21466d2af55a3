#!/usr/bin/env bash
# CI-sized fuzz smoke: every libFuzzer target for FUZZ_SMOKE_SECONDS (default 40) from its committed seeds,
# one after the other, then the CHALLENGE parser for 20,000 inputs. About 4 minutes of fuzzing plus the
# instrumented build (a few minutes the first time). Exit status 1 when any target finds a crash, a leak or a
# broken invariant; the input is then in fuzz-out/crashes/TARGET/ (turn it into a regression test).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
SECONDS_PER_TARGET="${FUZZ_SMOKE_SECONDS:-40}"
status=0
for target in json-reader yaml-reader schema lint template; do
  # Runs are bounded by time, not count: -runs is set beyond what the time allows.
  FUZZ_MAX_LEN="${FUZZ_MAX_LEN:-8192}" "$ROOT/scripts/fuzz.sh" "$target" 100000000 "$SECONDS_PER_TARGET" || status=1
done
nice -n 10 "$ROOT/Fuzz/run.sh" 20000 || status=1
exit $status
