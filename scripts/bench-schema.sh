#!/bin/sh
# Schema benchmark side by side with the Python peers, same machine, same inputs:
#   jsonschema-rs (Rust, via PyPI) and jsonschema (Python's reference implementation).
# Builds SchemaBenchmark in release mode, runs it (it writes its inputs to .build-bench/), then
# times the peers in-process with timeit on those inputs and prints validations/s and ratios, by wall
# time and by the validating thread's CPU time (the second holds up better on a loaded machine).
# Usage: [SCRATCH=.build-release] scripts/bench-schema.sh [seconds-per-measurement] [schemas-dir]
set -eu
cd "$(dirname "$0")/.."
SECONDS_PER_RUN="${1:-3}"
SCHEMAS="${2:-schemas}"
BENCH=.build-bench
# The build directory (SCRATCH=.build-release keeps release objects apart from a debug .build).
SCRATCH="${SCRATCH:-.build}"
mkdir -p "$BENCH"

swift build -c release --product SchemaBenchmark --scratch-path "$SCRATCH"
"$(swift build -c release --scratch-path "$SCRATCH" --show-bin-path)/SchemaBenchmark" --seconds "$SECONDS_PER_RUN" --schemas "$SCHEMAS" --out "$BENCH" | tee "$BENCH/swift.txt"

if [ ! -x "$BENCH/venv/bin/python" ]; then
    python3 -m venv "$BENCH/venv"
    "$BENCH/venv/bin/pip" install --quiet jsonschema-rs jsonschema
fi

"$BENCH/venv/bin/python" - "$BENCH" "$SCHEMAS" "$SECONDS_PER_RUN" <<'PY'
import json, pathlib, re, sys, time, timeit
import jsonschema, jsonschema_rs
from referencing import Registry, Resource

bench, schemas_dir, seconds = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2]), float(sys.argv[3])
base = "https://krakenlint.dev/schema/v3/"

def rate(fn):
    """Validations per second of wall time, and per second of this thread's CPU time (which does not
    grow while other processes hold the cores: the machine may be shared). Calls are timed in batches of
    about 10 ms, and the CPU time is read around the same batches as the wall time: read around the whole
    loop, it also counted the loop's own work between batches, about a microsecond a call, which made a
    fast call look a tenth slower per CPU second than per wall second."""
    fn()
    timer = timeit.Timer(fn)
    single = timer.timeit(number=1)
    batch = max(1, int(0.01 / max(single, 1e-9)))
    runs, elapsed, cpu = 0, 0.0, 0.0
    while runs < 3 or elapsed < seconds:
        cpu_start = time.thread_time()
        elapsed += timer.timeit(number=batch)
        cpu += time.thread_time() - cpu_start
        runs += batch
    return runs / elapsed, runs / cpu

def retrieve_document(uri):
    if not uri.startswith(base):
        raise ValueError("no network: " + uri)
    return json.loads((schemas_dir / uri[len(base):]).read_text())

swift, swift_cpu = {}, {}
for line in (bench / "swift.txt").read_text().splitlines():
    m = re.match(r"RESULT (\S+) ([0-9.]+)", line)
    if m:
        swift[m.group(1)] = float(m.group(2))
    m = re.match(r"RESULT (\S+) .*?([0-9.]+) (µs|ms) CPU", line)
    if m:
        swift_cpu[m.group(1)] = (1e6 if m.group(3) == "µs" else 1e3) / float(m.group(2))

meta = json.loads((bench / "draft7-metaschema.json").read_text())
config = json.loads((bench / "large-config.json").read_text())
entry = retrieve_document(base + "krakend.json")

results = {}
rs_meta = jsonschema_rs.validator_for(meta)
results["a", "jsonschema-rs"] = rate(lambda: rs_meta.is_valid(meta))
py_meta = jsonschema.Draft7Validator(meta)
results["a", "jsonschema"] = rate(lambda: py_meta.is_valid(meta))

rs_big = jsonschema_rs.validator_for(entry, retriever=retrieve_document)
assert rs_big.is_valid(config), "jsonschema-rs finds the generated config invalid"
results["b", "jsonschema-rs"] = rate(lambda: rs_big.is_valid(config))
registry = Registry(retrieve=lambda uri: Resource.from_contents(retrieve_document(uri)))
py_big = jsonschema.Draft201909Validator(entry, registry=registry)
results["b", "jsonschema"] = rate(lambda: py_big.is_valid(config))

print()
print(f"{'benchmark':<44}{'validations/s':>14}{'krakenlint is':>16}{'per CPU second':>16}{'krakenlint is':>16}")
for case, title in (("a", "(a) draft-07 meta-schema validates itself"), ("b", "(b) ~10 MB config, multi-file 2019-09")):
    ours = swift.get(case + "_isvalid", 0.0)
    ours_cpu = swift_cpu.get(case + "_isvalid", 0.0)
    print(f"{title:<44}")
    print(f"{'  krakenlint (isValid)':<44}{ours:>14.2f}{'':>16}{ours_cpu:>16.2f}")
    for peer in ("jsonschema-rs", "jsonschema"):
        theirs, theirs_cpu = results[case, peer]
        print(f"{'  ' + peer + ' (is_valid)':<44}{theirs:>14.2f}{ours / theirs:>15.2f}x{theirs_cpu:>16.2f}{ours_cpu / theirs_cpu:>15.2f}x")
PY
