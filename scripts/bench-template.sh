#!/bin/sh
# Template benchmark against Go (issue 14, item 6): a 5,000-iteration range with template calls and printf.
# 1. TemplateBenchmark (release) renders it in-process without and with the source map and writes the case
#    to .build-bench/template-case.json;
# 2. the Go peer renders the same case in-process (-bench) and its output is compared with ours;
# 3. hyperfine times both whole processes (parse the settings and templates, render once, write the output);
# 4. the same whole processes again in ROUNDS interleaved rounds after one warm-up round (wall time, and user +
#    sys CPU from wait4), so that load from other processes hits every command alike; with
#    TEMPLATE_BENCH_BASELINE=PATH, that TemplateBenchmark binary (an older build) takes part too.
# Prints figures only; nothing is asserted.
#   Usage: scripts/bench-template.sh [seconds-per-measurement=3] [rounds=20]
# TEMPLATE_BENCH_SCRATCH=DIR builds the release binary there instead of .build (so a debug build or a test run
# in .build is not blocked meanwhile); TEMPLATE_BENCHMARK=PATH uses that binary and builds nothing.
set -eu
cd "$(dirname "$0")/.."
SECONDS_PER_RUN="${1:-3}"
ROUNDS="${2:-20}"
BENCH=.build-bench
mkdir -p "$BENCH"

if [ -n "${TEMPLATE_BENCHMARK:-}" ]; then
    BIN="$TEMPLATE_BENCHMARK"
else
    SCRATCH="${TEMPLATE_BENCH_SCRATCH:-.build}"
    swift build -c release --product TemplateBenchmark --scratch-path "$SCRATCH"
    BIN="$(swift build -c release --scratch-path "$SCRATCH" --show-bin-path)/TemplateBenchmark"
fi
"$BIN" --seconds "$SECONDS_PER_RUN" --out "$BENCH"

PEER="$(scripts/go-template-peer.sh)"
"$PEER" -raw "$BENCH/template-case.json" >"$BENCH/template-output-go.txt"
if cmp -s "$BENCH/template-output-go.txt" "$BENCH/template-output-swift.txt"; then
    echo "outputs: identical to Go's ($(wc -c <"$BENCH/template-output-go.txt") bytes)"
else
    echo "outputs: DIFFERENT from Go's (see $BENCH/template-output-go.txt and $BENCH/template-output-swift.txt)"
fi
# The peer runs the case about SECONDS_PER_RUN seconds' worth of times (100 renders is roughly a second).
"$PEER" -bench "$(awk "BEGIN { print int($SECONDS_PER_RUN * 100) }")" <"$BENCH/template-case.json" 2>&1 | grep RESULT

hyperfine --warmup 3 --min-runs 20 -N \
    --command-name "krakenlint TemplateBenchmark --once" "$BIN --once" \
    --command-name "go-template-peer -raw" "$PEER -raw $BENCH/template-case.json" \
    --export-markdown "$BENCH/template-hyperfine.md"

# Interleaved rounds: min and median of wall and CPU time per command.
set -- "$BIN --once" "$PEER -raw $BENCH/template-case.json"
if [ -n "${TEMPLATE_BENCH_BASELINE:-}" ]; then set -- "$TEMPLATE_BENCH_BASELINE --once" "$@"; fi
python3 - "$ROUNDS" "$@" <<'PY'
import os, shlex, statistics, subprocess, sys, time
rounds, commands = int(sys.argv[1]), sys.argv[2:]
wall = {command: [] for command in commands}
cpu = {command: [] for command in commands}
with open(os.devnull, "w") as devnull:
    for round in range(rounds + 1):
        for command in commands:
            start = time.perf_counter()
            process = subprocess.Popen(shlex.split(command), stdout=devnull)
            _, _, usage = os.wait4(process.pid, 0)
            if round > 0:
                wall[command].append(time.perf_counter() - start)
                cpu[command].append(usage.ru_utime + usage.ru_stime)
print(f"{rounds} interleaved rounds after one warm-up round")
print(f"{'wall min':>9} {'median':>7} {'CPU min':>8} {'median':>7}  command")
for command in commands:
    w, c = wall[command], cpu[command]
    print(f"{min(w):9.3f} {statistics.median(w):7.3f} {min(c):8.3f} {statistics.median(c):7.3f}  {command}")
PY
