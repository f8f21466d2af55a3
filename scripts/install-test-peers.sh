#!/usr/bin/env bash
# Installs what building krakenlint and running its whole test suite need, where a Debian/Ubuntu machine
# lacks it (see scripts/test.sh for what each peer is for). Run as root, or with sudo available.
set -euo pipefail

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

need_apt=()
pkg-config --exists yaml-0.1 2>/dev/null || need_apt+=(libyaml-dev pkg-config)
[ -f /usr/share/unicode/UnicodeData.txt ] || need_apt+=(unicode-data)
command -v curl >/dev/null 2>&1 || need_apt+=(curl)
command -v openssl >/dev/null 2>&1 || need_apt+=(openssl)
# strace: the release smoke (scripts/test-release.sh) counts the static executable's mprotect calls.
command -v strace >/dev/null 2>&1 || need_apt+=(strace)
command -v go >/dev/null 2>&1 || need_apt+=(golang-go)
[ -d /usr/share/gocode/src/github.com/Masterminds/sprig ] || need_apt+=(golang-github-masterminds-sprig-dev)
if [ "${#need_apt[@]}" -gt 0 ]; then
    echo "== installing ${need_apt[*]}"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}"
fi
if ! python3 -c 'import spnego' 2>/dev/null; then
    echo "== installing pyspnego"
    python3 -m pip install --quiet pyspnego
fi

