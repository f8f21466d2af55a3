#!/bin/sh
# Whole-process lint benchmark: `krakenlint lint` of a generated 5,000-endpoint KrakenD config (JSON
# and YAML) side by side with two peers validating the same JSON file against the same schema
# (schemas/krakend.json): jsonschema-rs (Rust, from PyPI, driven by scripts/peer-jsonschema-rs.py)
# and check-jsonschema (Python). Same machine, same files. Times every command in interleaved rounds
# (a Python loop), peak memory with /usr/bin/time -v, and prints a table
# with ratios (peer / krakenlint) and krakenlint's peak RSS against the file size.
#
# Peers run with the HTTP(S) proxy pointed at a closed local port, so a schema they tried to fetch
# from the network would fail loudly instead of being measured.
#
# It then times small files, where start-up is most of the work (pre-commit hooks, editors): the minimal
# config {"version": 3}, an 8.5 KB real config (KrakenD CE's own krakend.json, from ../shared/corpus) and
# a directory of 100 small real configs, against `jq empty` (parsing only), check-jsonschema and
# jsonschema-rs, wall and CPU time per whole process.
#
# Usage: scripts/bench-lint.sh [runs] [endpoints]     (defaults: 10 runs, 5000 endpoints)
#        scripts/bench-lint.sh small [runs]           (the small-file table alone; default 40 runs)
# KRAKENLINT=path/to/krakenlint uses that binary instead of building one; SHARED=dir for ../shared.
set -eu
cd "$(dirname "$0")/.."
SMALL_ONLY=no
if [ "${1:-}" = small ]; then SMALL_ONLY=yes; shift; fi
RUNS="${1:-10}"
ENDPOINTS="${2:-5000}"
SLOW_RUNS=3
BENCH=.build-bench
SHARED="${SHARED:-../shared}"
mkdir -p "$BENCH"

if [ -z "${KRAKENLINT:-}" ]; then
    swift build -c release --product krakenlint
    KRAKENLINT="$(swift build -c release --show-bin-path)/krakenlint"
fi

if [ ! -x "$BENCH/venv/bin/check-jsonschema" ] || ! "$BENCH/venv/bin/python" -c "import jsonschema_rs" 2>/dev/null; then
    python3 -m venv "$BENCH/venv"
    "$BENCH/venv/bin/pip" install --quiet jsonschema-rs check-jsonschema
fi
PY="$BENCH/venv/bin/python"
OFFLINE="env https_proxy=http://127.0.0.1:9 HTTPS_PROXY=http://127.0.0.1:9 http_proxy=http://127.0.0.1:9 HTTP_PROXY=http://127.0.0.1:9"
SCHEMA_URI="file://$PWD/schemas/krakend.json"

small_files() {
    SMALL_RUNS="$1"
    REAL="$SHARED/corpus/configs/krakend__krakend-ce__krakend.json"
    if [ ! -f "$REAL" ]; then echo "small-file table skipped: $REAL not found (set SHARED)"; return 0; fi
    SMALL="$BENCH/small"
    rm -rf "$SMALL"
    mkdir -p "$SMALL/dir"
    printf '{"version": 3}\n' > "$SMALL/minimal.json"
    cp "$REAL" "$SMALL/real.json"
    # 100 files: the corpus configs upstream finds valid and that are under 16 KB, taken in turn.
    "$PY" - "$SHARED/corpus" "$SMALL/dir" <<'PY'
import os, shutil, sys
corpus, out = sys.argv[1], sys.argv[2]
names = [line.split("\t")[0] for line in open(os.path.join(corpus, "upstream-verdicts.tsv")) if line.split("\t")[1:2] == ["valid"]]
names = sorted(n for n in names if n.endswith(".json") and os.path.getsize(os.path.join(corpus, "configs", n)) < 16384)
for i in range(100):
    shutil.copy(os.path.join(corpus, "configs", names[i % len(names)]), os.path.join(out, f"config-{i:03d}.json"))
print(f"100-file directory: {len(names)} distinct corpus configs, {sum(os.path.getsize(os.path.join(out, f)) for f in os.listdir(out)):,} bytes")
PY
    echo "== small files: sanity (exit status and output lines of each command)"
    for file in "$SMALL/minimal.json" "$SMALL/real.json"; do
        for command in "$KRAKENLINT lint $file" "jq empty $file" "$OFFLINE $PY scripts/peer-jsonschema-rs.py $file" \
                       "$OFFLINE $BENCH/venv/bin/check-jsonschema --schemafile schemas/krakend.json --base-uri $SCHEMA_URI $file"; do
            set +e; $command > "$BENCH/last-output.txt" 2>&1; got=$?; set -e
            echo "  exit $got, $(wc -l < "$BENCH/last-output.txt") lines: ${command#"$OFFLINE "}"
        done
    done
    "$PY" - "$SMALL" "$SMALL_RUNS" "$KRAKENLINT" "$PY" "$OFFLINE" "$SCHEMA_URI" "$BENCH/venv/bin/check-jsonschema" <<'PY'
# Interleaved rounds (one warm-up), each process started with posix_spawn and reaped with wait4: wall
# time from perf_counter, CPU time (user + system, all threads) from the child's rusage.
import glob, os, shlex, statistics, sys, time
small, runs, krakenlint, py, offline, schema_uri, cj = sys.argv[1], int(sys.argv[2]), *sys.argv[3:]
files = sorted(glob.glob(os.path.join(small, "dir", "*.json")))
inputs = [("minimal {\"version\": 3}", [os.path.join(small, "minimal.json")]),
          (f"real config, {os.path.getsize(os.path.join(small, 'real.json')):,} bytes", [os.path.join(small, "real.json")]),
          ("100-file directory", None)]
def commands(paths):
    directory = paths is None
    args = files if directory else paths
    return [
        ("krakenlint lint", [krakenlint, "lint", os.path.join(small, "dir") if directory else args[0]]),
        ("jq empty", ["jq", "empty", *args]),
        ("jsonschema-rs (python3 script)", shlex.split(offline) + [py, "scripts/peer-jsonschema-rs.py", *args]),
        ("check-jsonschema", shlex.split(offline) + [cj, "--schemafile", "schemas/krakend.json", "--base-uri", schema_uri, *args]),
    ]
devnull = os.open(os.devnull, os.O_WRONLY)
actions = [(os.POSIX_SPAWN_DUP2, devnull, 1), (os.POSIX_SPAWN_DUP2, devnull, 2)]
def run(argv):
    start = time.perf_counter()
    pid = os.posix_spawnp(argv[0], argv, os.environ, file_actions=actions)
    _, _, usage = os.wait4(pid, 0)
    return time.perf_counter() - start, usage.ru_utime + usage.ru_stime
nothing = ["true"]
print()
print(f"machine: {os.cpu_count()} cores; load average before: {' '.join(open('/proc/loadavg').read().split()[:3])}")
header = f"{'input':<28}{'command':<32}{'runs':>5}{'min ms':>9}{'median ms':>11}{'CPU ms':>9}{'vs krakenlint':>15}"
print(header)
print("-" * len(header))
for label, paths in inputs:
    chosen = commands(paths)
    slow = {"check-jsonschema"}
    measured = {name: ([], []) for name, _ in chosen}
    measured["(a process doing nothing)"] = ([], [])
    for round in range(runs + 1):
        for name, argv in chosen + [("(a process doing nothing)", nothing)]:
            if name in slow and round > max(3, runs // 8):
                continue
            wall, cpu = run(argv)
            if round > 0:
                measured[name][0].append(wall)
                measured[name][1].append(cpu)
    base = statistics.median(measured["krakenlint lint"][0])
    for name, (walls, cpus) in measured.items():
        ratio = statistics.median(walls) / base
        print(f"{label:<28}{name:<32}{len(walls):>5}{min(walls) * 1000:>9.1f}{statistics.median(walls) * 1000:>11.1f}"
              f"{statistics.median(cpus) * 1000:>9.1f}{ratio:>14.2f}x")
        label = ""
print(f"load average after: {' '.join(open('/proc/loadavg').read().split()[:3])}")
print("(\"vs krakenlint\": the command's median wall time over krakenlint's; above 1 means krakenlint is faster)")
PY
}

if [ "$SMALL_ONLY" = yes ]; then
    small_files "${1:-40}"
    exit 0
fi

if [ ! -f "$BENCH/big.json" ] || [ ! -f "$BENCH/big-endpoints-$ENDPOINTS" ] || [ scripts/gen-large-config.py -nt "$BENCH/big.json" ]; then
    rm -f "$BENCH"/big-endpoints-*
    python3 scripts/gen-large-config.py --endpoints "$ENDPOINTS" --out "$BENCH"
    touch "$BENCH/big-endpoints-$ENDPOINTS"
fi

CMD_KL_JSON="$KRAKENLINT lint $BENCH/big.json"
CMD_KL_YAML="$KRAKENLINT lint $BENCH/big.yaml"
CMD_RS="$OFFLINE $PY scripts/peer-jsonschema-rs.py $BENCH/big.json"
# check-jsonschema resolves a relative $ref against the schema's $id (https://krakenlint.dev/...);
# --base-uri replaces the root's $id with the file's own URI, and from there every file is read locally.
CMD_CJ="$OFFLINE $BENCH/venv/bin/check-jsonschema --schemafile schemas/krakend.json --base-uri $SCHEMA_URI $BENCH/big.json"

echo "== sanity: the clean files pass, the files with mistakes fail, for every tool"
expect() { # expect STATUS LABEL COMMAND...
    want="$1"; label="$2"; shift 2
    set +e; "$@" > "$BENCH/last-output.txt" 2>&1; got=$?; set -e
    lines=$(wc -l < "$BENCH/last-output.txt")
    if [ "$got" -ne "$want" ]; then
        echo "FAILED: $label exited $got, expected $want; its output:"; head -20 "$BENCH/last-output.txt"; exit 1
    fi
    echo "ok: $label exits $got ($lines lines of output)"
}
expect 0 "krakenlint lint big.json" $CMD_KL_JSON
expect 0 "krakenlint lint big.yaml" $CMD_KL_YAML
expect 1 "krakenlint lint big-errors.json" $KRAKENLINT lint "$BENCH/big-errors.json"
sed 's/^/    /' "$BENCH/last-output.txt"
expect 1 "krakenlint lint big-errors.yaml" $KRAKENLINT lint "$BENCH/big-errors.yaml"
expect 0 "jsonschema-rs big.json" $CMD_RS
expect 1 "jsonschema-rs big-errors.json" $OFFLINE "$PY" scripts/peer-jsonschema-rs.py "$BENCH/big-errors.json"
expect 0 "check-jsonschema big.json" $CMD_CJ
expect 1 "check-jsonschema big-errors.json" $OFFLINE "$BENCH/venv/bin/check-jsonschema" --schemafile schemas/krakend.json --base-uri "$SCHEMA_URI" "$BENCH/big-errors.json"

echo "== timing (wall and CPU seconds per whole process, commands interleaved)"
rm -f "$BENCH"/timing-*.json
"$PY" - "$BENCH" "$RUNS" "$SLOW_RUNS" "$CMD_KL_JSON" "$CMD_KL_YAML" "$CMD_RS" "$CMD_CJ" <<'PY'
# Rounds interleave the fast commands, so a burst of load on a shared machine hits them alike (timing one
# command's runs in a block, as hyperfine does, lets a burst land on one command only). One warm-up round.
# Wall time from perf_counter, CPU time (user + system) from wait4's rusage.
import json, os, shlex, subprocess, sys, time
bench, runs, slow_runs, commands = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4:]
names = ["krakenlint lint big.json", "krakenlint lint big.yaml", "jsonschema-rs (python3 script) big.json", "check-jsonschema big.json"]
measured = {name: {"times": [], "user": [], "system": []} for name in names}

def run(name, command, record):
    start = time.perf_counter()
    child = subprocess.Popen(shlex.split(command), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, _, usage = os.wait4(child.pid, 0)
    if record:
        measured[name]["times"].append(time.perf_counter() - start)
        measured[name]["user"].append(usage.ru_utime)
        measured[name]["system"].append(usage.ru_stime)

# The three fast commands in interleaved rounds; check-jsonschema (about 80 times slower) afterwards on
# its own, so its long runs do not sit between the fast ones.
for round in range(runs + 1):
    for name, command in list(zip(names, commands))[:3]:
        run(name, command, record=round > 0)
for round in range(slow_runs + 1):
    run(names[3], commands[3], record=round > 0)
results = [{"command": name, "times": m["times"], "user": sum(m["user"]) / len(m["user"]), "system": sum(m["system"]) / len(m["system"])}
           for name, m in measured.items()]
for result in results:
    print(f"{result['command']}: best {min(result['times']):.3f} s over {len(result['times'])} runs")
json.dump({"results": results}, open(f"{bench}/timing-interleaved.json", "w"))
PY

echo "== in-process jsonschema-rs (best of $RUNS): read + parse, compile, validate"
: > "$BENCH/rs-inprocess.txt"
i=0
while [ "$i" -lt "$RUNS" ]; do
    $CMD_RS --timings | grep '^TIMING' >> "$BENCH/rs-inprocess.txt"
    i=$((i + 1))
done

echo "== peak memory (/usr/bin/time -v, maximum resident set size)"
: > "$BENCH/rss.txt"
for pair in "krakenlint lint big.json|$CMD_KL_JSON" "krakenlint lint big.yaml|$CMD_KL_YAML" \
            "jsonschema-rs (python3 script) big.json|$CMD_RS" "check-jsonschema big.json|$CMD_CJ"; do
    name="${pair%%|*}"
    command="${pair#*|}"
    /usr/bin/time -v $command > /dev/null 2> "$BENCH/time-v.txt" || true
    kb=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$BENCH/time-v.txt")
    echo "$name|$kb" >> "$BENCH/rss.txt"
done

"$PY" - "$BENCH" <<'PY'
import glob, json, os, pathlib, re, statistics, sys
bench = pathlib.Path(sys.argv[1])
rows = {}
for path in sorted(glob.glob(str(bench / "timing-*.json"))):
    for result in json.load(open(path))["results"]:
        rows[result["command"]] = result
rss = dict(line.rsplit("|", 1) for line in (bench / "rss.txt").read_text().splitlines())
sizes = {"json": (bench / "big.json").stat().st_size, "yaml": (bench / "big.yaml").stat().st_size}

def size_of(name):
    return sizes["yaml" if name.endswith(".yaml") else "json"]

cores = os.cpu_count()
model = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "unknown CPU")
print()
print(f"machine: {cores} cores, {model}; load average now {open('/proc/loadavg').read().split()[:3]}")
print(f"files: big.json {sizes['json']:,} bytes, big.yaml {sizes['yaml']:,} bytes")
print()
header = f"{'command':<42}{'runs':>5}{'min s':>9}{'median s':>10}{'CPU s':>8}{'peak RSS MB':>13}{'RSS/file':>10}"
print(header)
print("-" * len(header))
base = rows.get("krakenlint lint big.json")
for name, result in rows.items():
    times = result["times"]
    cpu = result["user"] + result["system"]
    kb = int(rss.get(name, "0") or 0)
    print(f"{name:<42}{len(times):>5}{min(times):>9.3f}{statistics.median(times):>10.3f}{cpu:>8.3f}"
          f"{kb / 1024:>13.1f}{kb * 1024 / size_of(name):>9.1f}x")
print()
print("ratios against krakenlint lint big.json (peer / krakenlint; above 1 means krakenlint is faster)")
for name, result in rows.items():
    if name.startswith("krakenlint") or base is None:
        continue
    ratio_min = min(result["times"]) / min(base["times"])
    ratio_median = statistics.median(result["times"]) / statistics.median(base["times"])
    ratio_cpu = (result["user"] + result["system"]) / (base["user"] + base["system"])
    print(f"  {name:<40} min {ratio_min:6.2f}x   median {ratio_median:6.2f}x   CPU {ratio_cpu:6.2f}x")
timings = [list(map(float, re.findall(r"[0-9.]+", line))) for line in (bench / "rs-inprocess.txt").read_text().splitlines()]
if timings:
    best = [min(column) for column in zip(*timings)]
    print(f"jsonschema-rs in-process, best of {len(timings)}: json.load {best[0]:.3f} s, compile {best[1]:.3f} s, validate {best[2]:.3f} s")
yaml = rows.get("krakenlint lint big.yaml")
print()
print("goals:")
if base and "jsonschema-rs (python3 script) big.json" in rows:
    peer = rows["jsonschema-rs (python3 script) big.json"]
    print(f"  JSON faster than jsonschema-rs whole process: {'met' if statistics.median(base['times']) < statistics.median(peer['times']) else 'MISSED'} (median)")
if yaml:
    print(f"  YAML under one second: {'met' if statistics.median(yaml['times']) < 1.0 else 'MISSED'} (median {statistics.median(yaml['times']):.3f} s)")
for name in ("krakenlint lint big.json", "krakenlint lint big.yaml"):
    kb = int(rss.get(name, "0") or 0)
    ratio = kb * 1024 / size_of(name)
    print(f"  peak memory under 10x the file ({name}): {'met' if ratio < 10 else 'MISSED'} ({ratio:.1f}x)")
PY

echo
echo "== small files (start-up latency)"
small_files "$((RUNS * 4))"
