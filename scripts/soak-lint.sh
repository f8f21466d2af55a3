#!/usr/bin/env bash
# Lint soak: `scripts/soak-lint.sh [FILES]` (default 10,000) lints FILES generated configurations (JSON and YAML,
# clean ones, ones with findings, broken ones, a few nested folders) in one run, and a tenth of them in another, and
# checks that the output is complete and ordered (every file reported once, in sorted path order) and that peak
# memory stays flat: the full run's peak may not exceed the small run's by more than the trees of the files
# themselves (reports are kept until the end) plus 60 %. Uses KRAKENLINT (default: the release build, else
# the debug build). Prints files, seconds and peak resident memory of both runs.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
COUNT="${1:-10000}"
BIN="${KRAKENLINT:-}"
if [[ -z "$BIN" ]]; then
  if [[ -x "$ROOT/.build/release/krakenlint" ]]; then BIN="$ROOT/.build/release/krakenlint"; else BIN="$ROOT/.build/debug/krakenlint"; fi
fi
[[ -x "$BIN" ]] || { echo "soak-lint: build krakenlint first (swift build -c release --product krakenlint)" >&2; exit 2; }
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

python3 - "$WORK" "$COUNT" <<'PY'
import json, os, random, sys
work, count = sys.argv[1], int(sys.argv[2])
rng = random.Random(18)
for name, total in (("full", count), ("small", max(1, count // 10))):
    for index in range(total):
        folder = os.path.join(work, name, f"team-{index % 37:02}", f"svc-{index % 11}")
        os.makedirs(folder, exist_ok=True)
        endpoints = [{"endpoint": f"/v1/e{index}/{n}", "method": rng.choice(["GET", "POST", "get"]),
                      "backend": [{"url_pattern": f"/b/{n}", "host": [rng.choice(["https://api", "http://legacy:8080"])],
                                   **({"extra_config": {"auth/ntlm": {"user": "CORP\\svc", "password": "pw"}}} if n % 5 == 0 else {})}]}
                     for n in range(rng.randrange(1, 12))]
        config = {"version": 3, "timeout": rng.choice(["3s", "3 seconds"]), "endpoints": endpoints}
        kind = index % 10
        if kind < 6:
            text, extension = json.dumps(config, indent=2), "json"
        elif kind < 9:
            text = "version: 3\nendpoints:\n" + "".join(
                f"  - endpoint: {e['endpoint']}\n    backend:\n      - url_pattern: {e['backend'][0]['url_pattern']}\n        host: [{e['backend'][0]['host'][0]}]\n"
                for e in endpoints)
            extension = "yaml"
        else:
            text, extension = json.dumps(config)[:-7] + ",}", "json"
        with open(os.path.join(folder, f"krakend-{index:05}.{extension}"), "w") as handle:
            handle.write(text)
PY

measure() {
  local name="$1"
  local status=0
  /usr/bin/time -f "%e %M" -o "$WORK/$name.time" "$BIN" lint --format json --color never "$WORK/$name" >"$WORK/$name.out" 2>"$WORK/$name.err" || status=$?
  # Broken files are among the inputs: exit 2 is expected, 3 (an internal error) or a signal is not.
  if [[ $status -ne 2 ]]; then echo "soak-lint: $name run ended with status $status" >&2; tail -5 "$WORK/$name.err" >&2; exit 1; fi
}
measure small
measure full

python3 - "$WORK" <<'PY'
import json, os, sys
work = sys.argv[1]
def check(name):
    expected = sorted(os.path.join(root, file) for root, _, files in os.walk(os.path.join(work, name)) for file in files)
    report = json.load(open(os.path.join(work, name + ".out")))
    paths = [entry["path"] for entry in report["files"]]
    assert paths == expected, f"{name}: {len(paths)} files reported, {len(expected)} expected, or out of order"
    assert report["summary"]["files"] == len(expected)
    for entry in report["files"]:
        lines = [(d["line"], d["column"]) for d in entry["diagnostics"]]
        assert lines == sorted(lines), f"{entry['path']}: findings out of order"
    # /usr/bin/time writes "Command exited with non-zero status 2" first: the figures are the last line.
    seconds, peak = open(os.path.join(work, name + ".time")).read().split()[-2:]
    size = sum(os.path.getsize(path) for path in expected)
    return len(expected), float(seconds), int(peak) / 1024, size / 1048576
small, full = check("small"), check("full")
for name, (files, seconds, peak, size) in (("small", small), ("full", full)):
    print(f"soak-lint {name}: {files} files ({size:.1f} MB), {seconds:.1f} s, peak resident {peak:.0f} MB")
# Flat: what the full run adds over the small one is bounded by its extra input (the kept trees, about 12 bytes
# of tree per byte of input at most) plus 60 % of the small run's peak.
allowed = small[2] * 1.6 + (full[3] - small[3]) * 12
assert full[2] <= allowed, f"peak memory grows with the number of files: {full[2]:.0f} MB > {allowed:.0f} MB"
print(f"soak-lint: output complete and ordered, peak memory within {allowed:.0f} MB")
PY
