#!/bin/sh
# Flexible-configuration benchmark (issue 15, item 9), whole process, against Go.
#
# 1. scripts/gen-fc-project.py writes a KrakenD CE flexible-configuration project with ENDPOINTS endpoints
#    (a range over a settings array, template, include, marshal, if) to .build-bench/fc-project;
# 2. scripts/go-fc-render.go is built (Go's text/template + sprig + KrakenD's marshal and include, wired as
#    KrakenD CE wires them: it lists and decodes the settings folder and parses the templates folder itself);
# 3. sanity: `krakenlint render` and go-fc-render must write the same bytes, which must be JSON; the project's
#    differential Go peer (scripts/go-template-peer.sh) renders the same templates and data as a third opinion;
#    both lint commands below must report the same thing;
# 4. timing, in interleaved rounds after one warm-up round (a burst of load from another process hits every
#    command alike), wall time and CPU time (user + sys, from wait4's rusage, as /usr/bin/time reports it) of:
#      render  krakenlint     krakenlint render --settings settings --partials partials --templates templates krakend.tmpl
#      render  Go             go-fc-render (same flags), output through a 1 MiB buffer
#      render  Go unbuffered  go-fc-render -unbuffered: executes straight into the file, as KrakenD does
#      lint    krakenlint     krakenlint lint --flexible-config (same flags) krakend.tmpl
#      lint    Go + lint      go-fc-render > file, then krakenlint lint file (the two processes' times summed)
#    Output goes to /dev/null, except the Go render of the last row, which writes the file that lint reads.
# Prints figures and ratios only; nothing is asserted.
#
# Usage: scripts/bench-render.sh [runs] [endpoints]      (defaults: 10 runs, 5000 endpoints)
# KRAKENLINT_SCRATCH=DIR builds the release binary there instead of .build (so a debug build or a test run in
# .build is not blocked meanwhile); KRAKENLINT=PATH uses that binary and builds nothing.
set -eu
cd "$(dirname "$0")/.."
ROOT="$PWD"
RUNS="${1:-10}"
ENDPOINTS="${2:-5000}"
BENCH="$ROOT/.build-bench"
PROJECT="$BENCH/fc-project"
mkdir -p "$BENCH"

if [ -n "${KRAKENLINT:-}" ]; then
    KRAKENLINT="$(cd "$(dirname "$KRAKENLINT")" && pwd)/$(basename "$KRAKENLINT")"
else
    SCRATCH="${KRAKENLINT_SCRATCH:-.build}"
    swift build -c release --product krakenlint --scratch-path "$SCRATCH"
    KRAKENLINT="$(swift build -c release --scratch-path "$SCRATCH" --show-bin-path)/krakenlint"
fi

GO_RENDER="$BENCH/go-fc-render"
if [ ! -x "$GO_RENDER" ] || [ scripts/go-fc-render.go -nt "$GO_RENDER" ]; then
    if [ -z "${GOCACHE:-}" ] && [ -z "${HOME:-}" ]; then
        export GOCACHE="$BENCH/go-cache"
    fi
    GO111MODULE=off GOPATH="${GO_TEMPLATE_PEER_GOPATH:-/usr/share/gocode}" go build -o "$GO_RENDER" scripts/go-fc-render.go
fi

STAMP="$PROJECT/.endpoints-$ENDPOINTS"
if [ ! -f "$STAMP" ] || [ scripts/gen-fc-project.py -nt "$STAMP" ]; then
    rm -rf "$PROJECT"
    python3 scripts/gen-fc-project.py --endpoints "$ENDPOINTS" --out "$PROJECT"
    touch "$STAMP"
fi

FLAGS="--settings settings --partials partials --templates templates"
GO_FLAGS="-settings settings -partials partials -templates templates"

echo "== sanity"
cd "$PROJECT"
# shellcheck disable=SC2086
"$KRAKENLINT" render $FLAGS krakend.tmpl >"$BENCH/fc-rendered-krakenlint.json"
# shellcheck disable=SC2086
"$GO_RENDER" $GO_FLAGS krakend.tmpl >"$BENCH/fc-rendered-go.json"
# shellcheck disable=SC2086
"$GO_RENDER" -unbuffered $GO_FLAGS krakend.tmpl >"$BENCH/fc-rendered-go-unbuffered.json"
if cmp -s "$BENCH/fc-rendered-go.json" "$BENCH/fc-rendered-krakenlint.json" &&
    cmp -s "$BENCH/fc-rendered-go.json" "$BENCH/fc-rendered-go-unbuffered.json"; then
    echo "render outputs: byte-identical ($(wc -c <"$BENCH/fc-rendered-go.json") bytes)"
else
    echo "render outputs: DIFFERENT (see $BENCH/fc-rendered-*.json)"
fi
python3 -c 'import json, sys; c = json.load(open(sys.argv[1])); print("rendered JSON: version", c["version"], "with", len(c["endpoints"]), "endpoints")' \
    "$BENCH/fc-rendered-go.json"
# The project's differential Go peer, fed the same templates, settings (re-encoded) and partials folder.
if PEER="$(cd "$ROOT" && scripts/go-template-peer.sh .build-bench/go-template-peer 2>/dev/null)"; then
    python3 - "$BENCH/fc-peer-case.json" <<'PY'
import json, os, sys
data = {name[:-5]: json.load(open(os.path.join("settings", name))) for name in sorted(os.listdir("settings")) if name.endswith(".json")}
case = {"name": "fc-project", "templates": [{"name": "krakend.tmpl", "text": open("krakend.tmpl").read()},
                                            {"name": "endpoint.tmpl", "text": open("templates/endpoint.tmpl").read()}],
        "dataJSON": json.dumps(data), "options": {"partials": "partials"}}
json.dump([case], open(sys.argv[1], "w"))
PY
    "$ROOT/$PEER" -raw "$BENCH/fc-peer-case.json" >"$BENCH/fc-rendered-peer.json"
    if cmp -s "$BENCH/fc-rendered-go.json" "$BENCH/fc-rendered-peer.json"; then
        echo "go-template-peer: byte-identical too"
    else
        echo "go-template-peer: DIFFERENT (see $BENCH/fc-rendered-peer.json)"
    fi
else
    echo "go-template-peer: not built (Go or sprig missing), skipped"
fi
set +e
# shellcheck disable=SC2086
"$KRAKENLINT" lint --flexible-config $FLAGS krakend.tmpl >"$BENCH/fc-lint-flexible.txt" 2>&1
LINT_FC=$?
"$KRAKENLINT" lint "$BENCH/fc-rendered-go.json" >"$BENCH/fc-lint-rendered.txt" 2>&1
LINT_RENDERED=$?
set -e
echo "lint --flexible-config: exit $LINT_FC, $(wc -l <"$BENCH/fc-lint-flexible.txt") lines of output;" \
    "lint of Go's rendered file: exit $LINT_RENDERED, $(wc -l <"$BENCH/fc-lint-rendered.txt") lines"

python3 - "$KRAKENLINT" "$GO_RENDER" "$BENCH" "$RUNS" <<'PY'
import os, statistics, subprocess, sys, time
krakenlint, go_render, bench, runs = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
folders = ["settings", "partials", "templates"]
kl_flags = [arg for f in folders for arg in (f"--{f}", f)]
go_flags = [arg for f in folders for arg in (f"-{f}", f)]
rendered = f"{bench}/fc-rendered-go-timed.json"

def run(argv, stdout_path="/dev/null"):
    """Runs one process; returns (wall seconds, CPU seconds = user + sys)."""
    with open(stdout_path, "wb") as out:
        start = time.perf_counter()
        child = subprocess.Popen(argv, stdout=out, stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        sys.exit(f"{argv}: exit status {os.waitstatus_to_exitcode(status)}")
    return wall, usage.ru_utime + usage.ru_stime

def go_then_lint():
    w1, c1 = run([go_render, *go_flags, "krakend.tmpl"], rendered)
    w2, c2 = run([krakenlint, "lint", rendered])
    return w1 + w2, c1 + c2

commands = [
    ("render  krakenlint", lambda: run([krakenlint, "render", *kl_flags, "krakend.tmpl"])),
    ("render  Go", lambda: run([go_render, *go_flags, "krakend.tmpl"])),
    ("render  Go unbuffered", lambda: run([go_render, "-unbuffered", *go_flags, "krakend.tmpl"])),
    ("lint --flexible-config", lambda: run([krakenlint, "lint", "--flexible-config", *kl_flags, "krakend.tmpl"])),
    ("Go render + lint", go_then_lint),
]
load_before = open("/proc/loadavg").read().split()[:3]
measured = {label: {"wall": [], "cpu": []} for label, _ in commands}
for round in range(runs + 1):  # round 0 is a warm-up
    for label, command in commands:
        wall, cpu = command()
        if round > 0:
            measured[label]["wall"].append(wall)
            measured[label]["cpu"].append(cpu)
load_after = open("/proc/loadavg").read().split()[:3]
model = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "unknown CPU")
print(f"\nmachine: {os.cpu_count()} cores, {model}")
print(f"load average before: {' '.join(load_before)}   after: {' '.join(load_after)}")
print(f"{runs} interleaved rounds after one warm-up round\n")
header = f"{'command':<24}{'runs':>5}{'min s':>9}{'median s':>10}{'CPU min s':>11}{'CPU med s':>11}"
print(header)
print("-" * len(header))
for label, m in measured.items():
    print(f"{label:<24}{len(m['wall']):>5}{min(m['wall']):>9.3f}{statistics.median(m['wall']):>10.3f}"
          f"{min(m['cpu']):>11.3f}{statistics.median(m['cpu']):>11.3f}")

def ratio(a, b, what):
    x, y = measured[a], measured[b]
    print(f"  {what:<44} wall median {statistics.median(x['wall']) / statistics.median(y['wall']):.3f}x, "
          f"wall min {min(x['wall']) / min(y['wall']):.3f}x, "
          f"CPU median {statistics.median(x['cpu']) / statistics.median(y['cpu']):.3f}x")
print("\nratios (below 1 = krakenlint faster)")
ratio("render  krakenlint", "render  Go", "render krakenlint / Go")
ratio("render  krakenlint", "render  Go unbuffered", "render krakenlint / Go unbuffered (KrakenD)")
ratio("lint --flexible-config", "Go render + lint", "lint --flexible-config / (Go render + lint)")
PY
