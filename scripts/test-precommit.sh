#!/usr/bin/env bash
# Runs this repository's .pre-commit-hooks.yaml with the real pre-commit (from PyPI) against a scratch git
# repository: a good config passes, a bad one fails with krakenlint's message, other JSON files are not linted.
# Uses the `krakenlint-system` hook with the binary from .build (the `swift` hook would fetch packages).
# Exit status: 0 when every check passed, 1 otherwise.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
cd "$repo"

bin_dir="$(swift build --show-bin-path)"
if [ ! -x "$bin_dir/krakenlint" ]; then
    echo "== building krakenlint"
    swift build --product krakenlint
fi

venv="$repo/.build-precommit/venv"
if [ ! -x "$venv/bin/pre-commit" ]; then
    echo "== installing pre-commit into $venv"
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet pre-commit
fi
export PATH="$bin_dir:$PATH"
export PRE_COMMIT_HOME="$repo/.build-precommit/cache"

failures=0
check() { # check NAME EXPECTED_STATUS ACTUAL_STATUS OUTPUT_FILE [TEXT_THAT_MUST_APPEAR]
    local name="$1" expected="$2" actual="$3" output="$4" needle="${5:-}"
    if [ "$actual" != "$expected" ]; then
        echo "FAIL $name: exit $actual, expected $expected"; sed 's/^/    /' "$output"; failures=$((failures + 1)); return
    fi
    if [ -n "$needle" ] && ! grep -qF -- "$needle" "$output"; then
        echo "FAIL $name: output lacks: $needle"; sed 's/^/    /' "$output"; failures=$((failures + 1)); return
    fi
    echo "ok   $name"
}

out="$(mktemp)"
set +e
"$venv/bin/pre-commit" validate-manifest .pre-commit-hooks.yaml >"$out" 2>&1
check "the hooks manifest is valid" 0 $? "$out"
set -e

scratch="$(mktemp -d)"
trap 'rm -rf "$scratch" "$out"' EXIT
git -C "$scratch" init --quiet
git -C "$scratch" config user.email test@example.invalid
git -C "$scratch" config user.name test
printf '{"version": 3, "endpoints": []}\n' >"$scratch/krakend.json"
printf '{"version": 2, "name": "not a gateway"}\n' >"$scratch/package.json"
git -C "$scratch" add krakend.json package.json

run_hook() { # run_hook HOOK: runs one hook of this repository on every file of the scratch repository
    (cd "$scratch" && "$venv/bin/pre-commit" try-repo "$repo" "$1" --all-files --color never) >"$out" 2>&1
}

set +e
run_hook krakenlint-system
check "a good config passes (package.json is not a KrakenD config)" 0 $? "$out" "Passed"

mkdir -p "$scratch/gateway"
printf 'version: 2\nendpoints: []\n' >"$scratch/gateway/api.krakend.yaml"
git -C "$scratch" add gateway/api.krakend.yaml
run_hook krakenlint-system
check "a bad config fails with its finding" 1 $? "$out" "gateway/api.krakend.yaml:1:10: error: unsupported version 2"
grep -q "package.json" "$out"
check "files outside the pattern are not linted" 1 $? "$out"
set -e

if [ "$failures" -ne 0 ]; then
    echo "pre-commit hook test: $failures check(s) failed"
    exit 1
fi
echo "pre-commit hook test: all checks passed"
