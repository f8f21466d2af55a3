#!/usr/bin/env bash
# Full prober soak: `scripts/soak-probe.sh [TARGETS]` (default 500) probes TARGETS targets spread over five
# misbehaving servers on 127.0.0.1 (reset mid-handshake, stall after the challenge, trickle, close half-way,
# endless headers), 50 at a time, and checks every target's outcome and deadline, the order of the results,
# that no file descriptor leaks and that memory stays flat (Tests/NTLMProbeTests/ProbeSoakTests.swift; the
# normal suite runs it with 25 targets).
set -euo pipefail
cd "$(dirname "$0")/.."
KRAKENLINT_SOAK_TARGETS="${1:-500}" swift test --filter ProbeSoakTests 2>&1 | grep -E "probe soak:|error|Executed [0-9]+ test" 
