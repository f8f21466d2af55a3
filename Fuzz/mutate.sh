#!/usr/bin/env bash
# Deterministic mutation run over the CHALLENGE parser: `Fuzz/mutate.sh [COUNT] [SEED]` (default 1,000,000).
# A trap would end the process with a non-zero status; invariant violations are counted and fail the run.
set -euo pipefail
source "$(dirname "$0")/sources.sh"

swiftc -O -parse-as-library -module-name NTLMChallengeMutate "${PARSER_FILES[@]}" "$ROOT/Fuzz/MutationMain.swift" \
  -o "$OUT/challenge-mutate"
"$OUT/challenge-mutate" "$@"
