#!/usr/bin/env bash
# Release smoke: builds the release executable (on Linux a static program, unlike the debug build the tests
# run) and checks what only that build can get wrong:
#   1. `lint examples/` prints what the debug build printed (.build/examples-lint.txt, written by .ci/run),
#      with the same exit status 2.
#   2. A template nested 5,000 levels deep renders: the template engine's stack guard must measure the
#      thread's real stack (a static program that looked pthread_getattr_np up with dlsym found nothing,
#      took every stack for 512 KiB and stopped at 2,000 levels).
#   3. A 2 MB configuration (linted on two threads) makes fewer than 100 mprotect calls: glibc's malloc
#      headroom (mallopt M_TOP_PAD in main.swift) applies (without it, about 2,000; 10,282 on 10 MB).
# Usage: scripts/test-release.sh  (SCRATCH=dir for the build folder, .build-release by default)
set -euo pipefail
cd "$(dirname "$0")/.."
SCRATCH="${SCRATCH:-.build-release}"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

swift build -c release --product krakenlint --scratch-path "$SCRATCH"
BIN="$(swift build -c release --scratch-path "$SCRATCH" --show-bin-path)/krakenlint"
fail() { echo "release smoke: $*" >&2; exit 1; }

echo "== release: lint examples/ as the debug build does"
status=0
"$BIN" lint examples/ > "$WORK/examples-lint.txt" || status=$?
[ "$status" -eq 2 ] || fail "lint examples/ exited $status, expected 2"
if [ -f .build/examples-lint.txt ]; then
    diff -u .build/examples-lint.txt "$WORK/examples-lint.txt" || fail "release and debug builds print different findings for examples/"
fi

echo "== release: a template nested 5,000 levels deep"
printf '{{define "r"}}{{if gt . 0}}{{template "r" (sub . 1)}}{{end}}{{end}}{"version": 3, "x": "{{template "r" 5000}}"}\n' > "$WORK/deep.tmpl"
"$BIN" render --out "$WORK/deep.json" "$WORK/deep.tmpl" 2> "$WORK/deep.err" || { cat "$WORK/deep.err" >&2; fail "the 5,000-level template did not render"; }
grep -q '"version": 3' "$WORK/deep.json" || fail "the 5,000-level template rendered no configuration"

if [ "$(uname)" = Linux ] && command -v strace > /dev/null 2>&1 && ! strace -o /dev/null true 2> /dev/null; then
    # A container without ptrace rights: the one check strace makes cannot run, and says so.
    echo "== release: strace may not trace here; the mprotect count is not checked"
elif [ "$(uname)" = Linux ] && command -v strace > /dev/null 2>&1; then
    echo "== release: malloc headroom on a 2 MB configuration"
    python3 scripts/gen-large-config.py --endpoints 1000 --out "$WORK" > /dev/null
    strace -f -c -e trace=mprotect -o "$WORK/strace.txt" "$BIN" lint "$WORK/big.json" > /dev/null || fail "lint of the 2 MB configuration failed"
    calls=$(awk '$NF == "mprotect" { print $4 }' "$WORK/strace.txt")
    calls="${calls:-0}"
    echo "mprotect calls: $calls"
    [ "$calls" -lt 100 ] || fail "$calls mprotect calls: glibc's malloc headroom (M_TOP_PAD) does not apply"
elif [ "$(uname)" = Linux ]; then
    fail "strace is missing (scripts/install-test-peers.sh installs it)"
fi
echo "release smoke: passed"
