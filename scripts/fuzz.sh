#!/usr/bin/env bash
# Long libFuzzer campaigns: `scripts/fuzz.sh TARGET [RUNS] [MAX_SECONDS]`, TARGET one of json-reader, yaml-reader,
# lint, schema, template, challenge, or all (each in turn, never two at once). Defaults: 1,000,000 runs, at most 4 hours.
# Builds the target instrumented (Fuzz/build.sh), seeds it from Fuzz/Seeds/TARGET (the lint target also from
# examples/ and ../shared/corpus/configs when present, the template target also from the projects of
# ../shared/fc-corpus, converted by Fuzz/template-seeds.py into fuzz-out/seeds/template-fc), runs it at nice 10, and prints libFuzzer's final
# statistics. The growing corpus stays in fuzz-out/corpus/TARGET (reused by the next run), crashes go to
# fuzz-out/crashes/TARGET/, the log to fuzz-out/TARGET.log. Exit status 1 when libFuzzer found a crash or a leak.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
TARGET="${1:?usage: scripts/fuzz.sh TARGET [RUNS] [MAX_SECONDS]}"
RUNS="${2:-1000000}"
SECONDS_MAX="${3:-14400}"
OUT="${FUZZ_OUT:-$ROOT/fuzz-out}"

if [[ "$TARGET" == all ]]; then
  status=0
  for target in json-reader yaml-reader schema lint template challenge; do
    "$0" "$target" "$RUNS" "$SECONDS_MAX" || status=1
  done
  exit $status
fi
if [[ "$TARGET" == challenge ]]; then
  exec nice -n 10 "$ROOT/Fuzz/run.sh" "$RUNS"
fi

binary="$("$ROOT/Fuzz/build.sh" "$TARGET" | tail -1)"
corpus="$OUT/corpus/$TARGET"
crashes="$OUT/crashes/$TARGET"
mkdir -p "$corpus" "$crashes"
seeds=("$ROOT/Fuzz/Seeds/$TARGET")
case "$TARGET" in
  lint)
    seeds+=("$ROOT/examples" "$ROOT/Fuzz/Seeds/json-reader" "$ROOT/Fuzz/Seeds/yaml-reader")
    shared="$ROOT/../shared/corpus/configs"
    [[ -d "$shared" ]] || shared="/work/shared/corpus/configs"
    [[ -d "$shared" ]] && seeds+=("$shared")
    ;;
  template)
    projects="$ROOT/../shared/fc-corpus"
    [[ -d "$projects" ]] || projects="/work/shared/fc-corpus"
    if [[ -d "$projects" ]]; then
      python3 "$ROOT/Fuzz/template-seeds.py" fc-corpus "$projects" "$OUT/seeds/template-fc" >&2
      seeds+=("$OUT/seeds/template-fc")
    fi
    ;;
esac
options=(-runs="$RUNS" -max_total_time="$SECONDS_MAX" -max_len="${FUZZ_MAX_LEN:-65536}" -timeout="${FUZZ_TIMEOUT:-25}"
  -rss_limit_mb="${FUZZ_RSS_MB:-3072}" -print_final_stats=1 -artifact_prefix="$crashes/")
# The lint target's linter works on dispatch worker threads and fills lazy caches, so an input rarely frees
# exactly what it allocated; libFuzzer then reruns it and scans the whole ASan heap for leaks, which took 80%
# of the time (2 inputs a second). Leaks are checked once at exit instead (LeakSanitizer's default); the
# readers and the schema, which the linter runs, keep their per-input check in their own targets.
[[ "$TARGET" == lint ]] && options+=(-detect_leaks=0)
[[ -f "$ROOT/Fuzz/Dictionaries/$TARGET.dict" ]] && options+=(-dict="$ROOT/Fuzz/Dictionaries/$TARGET.dict")

# Leaks in the system libraries that krakenlint cannot fix (each explained in the file).
# Swift's own crash handler would print a second report (and trip ASan reading the stack) after libFuzzer's.
export SWIFT_BACKTRACE=enable=no
export LSAN_OPTIONS="suppressions=$ROOT/Fuzz/lsan.supp${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
# Campaign speed: ASan recorded a 30-frame stack for every allocation (a fifth of the lint target's time) and
# filled each new block; 8 frames still name the allocating function, and filling finds nothing in Swift,
# which initialises what it allocates. Reproduce a finding with full stacks: ASAN_OPTIONS=malloc_context_size=30.
# ASan's fake stacks (detect_stack_use_after_return, on by default) move every local whose address is taken to
# the heap, and that is how the template engine's stack guard measures the native stack: with them, deep
# nesting went past the guard and overflowed the 8 MiB main thread. Swift has no use-after-return to find.
export ASAN_OPTIONS="malloc_context_size=8:max_malloc_fill_size=0:detect_stack_use_after_return=0${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
log="$OUT/$TARGET.log"
echo "fuzz: $TARGET, $RUNS runs or $SECONDS_MAX s, log in $log" >&2
status=0
nice -n 10 "$binary" "${options[@]}" "$corpus" "${seeds[@]}" >"$log" 2>&1 || status=$?
grep -E "^(Done|stat::)" "$log" || true
if [[ $status -ne 0 ]]; then
  grep -E "ERROR|invariant violated|Fatal error|Test unit written" "$log" | sed -n 1,20p
  echo "fuzz: $TARGET FAILED (status $status); the input is in $crashes" >&2
  exit 1
fi
