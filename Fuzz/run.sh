#!/usr/bin/env bash
# libFuzzer run over the CHALLENGE parser: `Fuzz/run.sh [RUNS]` (default 1,000,000 inputs).
# Builds with address sanitizer and libFuzzer instrumentation, seeds the corpus with the valid challenges,
# and prints libFuzzer's final statistics. Output goes to fuzz-out/ (git-ignored).
set -euo pipefail
source "$(dirname "$0")/sources.sh"
RUNS="${1:-1000000}"

# The sanitizer runtime makes ld.gold print harmless "Cannot export local symbol" warnings; keep them in a log.
swiftc -sanitize=fuzzer,address -parse-as-library -O -module-name NTLMChallengeFuzz \
  "${PARSER_FILES[@]}" "$ROOT/Fuzz/ChallengeFuzzer.swift" -o "$OUT/challenge-fuzzer" \
  >"$OUT/build.log" 2>&1 || { grep -v "Cannot export local symbol" "$OUT/build.log"; exit 1; }
swiftc -O -parse-as-library -module-name NTLMChallengeMutate "${PARSER_FILES[@]}" "$ROOT/Fuzz/MutationMain.swift" \
  -o "$OUT/challenge-mutate"

CORPUS="$OUT/corpus"
mkdir -p "$CORPUS"
"$OUT/challenge-mutate" --write-seeds "$CORPUS"
"$OUT/challenge-fuzzer" -runs="$RUNS" -max_len=4096 -seed=1 -print_final_stats=1 "$CORPUS" \
  >"$OUT/fuzz.log" 2>&1 || { tail -40 "$OUT/fuzz.log"; exit 1; }
grep -E "^(Done|stat::)" "$OUT/fuzz.log"
