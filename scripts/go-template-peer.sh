#!/bin/sh
# Builds the Go peer of the GoTemplate differential tests (Tests/GoTemplateTests/Peer/peer.go) to
# .build/go-template-peer, with Debian's Go and sprig in GOPATH mode: no module downloads.
#   apt-get install golang-go golang-github-masterminds-sprig-dev
# Prints the peer's path. Exit 1, with a message, when Go or sprig is absent.
# Usage: scripts/go-template-peer.sh [output-path]
set -eu
cd "$(dirname "$0")/.."
OUTPUT="${1:-.build/go-template-peer}"
GOPATH_DIR="${GO_TEMPLATE_PEER_GOPATH:-/usr/share/gocode}"

if ! command -v go >/dev/null 2>&1; then
    echo "go-template-peer: Go is not installed (apt-get install golang-go)" >&2
    exit 1
fi
if [ ! -d "$GOPATH_DIR/src/github.com/Masterminds/sprig" ]; then
    echo "go-template-peer: sprig is not in $GOPATH_DIR (apt-get install golang-github-masterminds-sprig-dev)" >&2
    exit 1
fi

mkdir -p "$(dirname "$OUTPUT")"
# Rebuild only when the source is newer than the binary.
if [ ! -x "$OUTPUT" ] || [ Tests/GoTemplateTests/Peer/peer.go -nt "$OUTPUT" ]; then
    if [ -z "${GOCACHE:-}" ] && [ -z "${HOME:-}" ]; then
        export GOCACHE="$PWD/.build/go-cache"
    fi
    GO111MODULE=off GOPATH="$GOPATH_DIR" go build -o "$OUTPUT" Tests/GoTemplateTests/Peer/peer.go
fi
echo "$OUTPUT"
