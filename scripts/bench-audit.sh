#!/bin/sh
# Whole-process audit benchmark: `krakenlint lint`, `krakenlint lint --audit` and `krakenlint audit` of the
# generated 5,000-endpoint configuration (the one scripts/bench-lint.sh uses, JSON and YAML), timed in
# interleaved rounds so a burst of load from another process hits every command alike. Prints min, median
# and CPU time per command, and what the audit adds to lint's time (goal: under 20%), for text output and,
# on big.json, for --format json.
#
# Usage: scripts/bench-audit.sh [runs] [endpoints]     (defaults: 15 runs, 5000 endpoints)
# KRAKENLINT_SCRATCH=DIR builds the release binary there instead of .build (so a debug build or a test
# run in .build is not blocked meanwhile); KRAKENLINT_BIN=PATH times that binary and builds nothing.
set -eu
cd "$(dirname "$0")/.."
RUNS="${1:-15}"
ENDPOINTS="${2:-5000}"
BENCH=.build-bench
mkdir -p "$BENCH"

if [ -n "${KRAKENLINT_BIN:-}" ]; then
    KRAKENLINT="$KRAKENLINT_BIN"
else
    SCRATCH="${KRAKENLINT_SCRATCH:-.build}"
    swift build -c release --product krakenlint --scratch-path "$SCRATCH"
    KRAKENLINT="$(swift build -c release --scratch-path "$SCRATCH" --show-bin-path)/krakenlint"
fi

if [ ! -f "$BENCH/big.json" ] || [ ! -f "$BENCH/big-endpoints-$ENDPOINTS" ] || [ scripts/gen-large-config.py -nt "$BENCH/big.json" ]; then
    rm -f "$BENCH"/big-endpoints-*
    python3 scripts/gen-large-config.py --endpoints "$ENDPOINTS" --out "$BENCH"
    touch "$BENCH/big-endpoints-$ENDPOINTS"
fi

echo "== sanity: what each command reports on big.json"
for args in "lint" "lint --audit" "audit"; do
    set +e; $KRAKENLINT $args "$BENCH/big.json" > "$BENCH/audit-last.txt" 2>&1; got=$?; set -e
    echo "krakenlint $args big.json: exit $got, $(grep -c '\[[a-z/0-9.-]*\]$' "$BENCH/audit-last.txt" || true) findings:" \
        "$(grep -o '\[[a-z/0-9.-]*\]$' "$BENCH/audit-last.txt" | sort | uniq -c | sort -rn | tr -s ' ' | tr '\n' ';')"
done

python3 - "$KRAKENLINT" "$BENCH" "$RUNS" <<'PY'
import os, statistics, subprocess, sys, time
binary, bench, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
commands = []
for name in ("big.json", "big.yaml"):
    path = f"{bench}/{name}"
    commands += [(f"lint {name}", [binary, "lint", path]), (f"lint --audit {name}", [binary, "lint", "--audit", path]),
                 (f"audit {name}", [binary, "audit", path])]
# JSON output (14,557 findings are about 9 MB of it), against lint's JSON.
commands += [("lint -f json big.json", [binary, "lint", "--format", "json", f"{bench}/big.json"]),
             ("lint --audit -f json big.json", [binary, "lint", "--audit", "--format", "json", f"{bench}/big.json"]),
             ("audit -f json big.json", [binary, "audit", "--format", "json", f"{bench}/big.json"])]
measured = {label: {"wall": [], "cpu": []} for label, _ in commands}
for round in range(runs + 1):  # one warm-up round
    for label, argv in commands:
        start = time.perf_counter()
        child = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _, _, usage = os.wait4(child.pid, 0)
        if round > 0:
            measured[label]["wall"].append(time.perf_counter() - start)
            measured[label]["cpu"].append(usage.ru_utime + usage.ru_stime)
model = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "unknown CPU")
print(f"\nmachine: {os.cpu_count()} cores, {model}; load average now {open('/proc/loadavg').read().split()[:3]}")
header = f"{'command':<32}{'runs':>5}{'min s':>9}{'median s':>10}{'CPU s':>8}"
print(header)
print("-" * len(header))
for label, m in measured.items():
    print(f"{label:<32}{len(m['wall']):>5}{min(m['wall']):>9.3f}{statistics.median(m['wall']):>10.3f}{statistics.mean(m['cpu']):>8.3f}")
print("\nwhat the audit adds to lint (goal: lint --audit under 1.20x lint)")
# A virtual machine's speed drifts by tens of percent within minutes, which a ratio of two medians taken over
# the whole run takes in. The commands of one round run one right after the other, so the ratio of each round
# (then its median and quartiles over the rounds) compares them at the same speed.
def quartiles(values):
    q = statistics.quantiles(values, n=4) if len(values) > 1 else [values[0]] * 3
    return f"{q[1]:.3f}x ({q[0]:.3f}-{q[2]:.3f})"
for name, suffix in (("big.json", " big.json"), ("big.yaml", " big.yaml"), ("big.json, json", " -f json big.json")):
    base, both, alone = (measured[f"{c}{suffix}"] for c in ("lint", "lint --audit", "audit"))
    for what, m in (("lint --audit", both), ("audit alone", alone)):
        wall = [a / b for a, b in zip(m["wall"], base["wall"])]
        cpu = [a / b for a, b in zip(m["cpu"], base["cpu"])]
        print(f"  {what:<13} {name}: median {statistics.median(m['wall']) / statistics.median(base['wall']):.3f}x, "
              f"min {min(m['wall']) / min(base['wall']):.3f}x, CPU {statistics.mean(m['cpu']) / statistics.mean(base['cpu']):.3f}x of lint; "
              f"per round: wall {quartiles(wall)}, CPU {quartiles(cpu)}")
PY
