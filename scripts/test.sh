#!/usr/bin/env bash
# The whole test suite with every real peer installed: nothing is skipped for lack of one.
#
# First installs what a fresh Debian/Ubuntu machine lacks (scripts/install-test-peers.sh; as root, or
# with sudo available):
#   libyaml-dev, pkg-config  the YAML reader's system library
#   golang-go, golang-github-masterminds-sprig-dev
#                            Go's own text/template with sprig: the template engine's differential peer
#   curl, openssl            the prober's tests compare verdicts with curl --ntlm and make a TLS certificate
#   unicode-data             the NTLM upper-casing test reads UnicodeData.txt
#   pyspnego (PyPI)          a real NTLM acceptor on 127.0.0.1 for the prober's tests
# then runs `swift test` with KRAKENLINT_REQUIRE_PEERS=1, under which a test whose peer is missing fails
# instead of skipping; so does one whose shared facts are missing (the folder `shared` beside the package,
# or $KRAKENLINT_SHARED: the corpus, the conformance suite, the flexible-config projects). Extra arguments
# go to `swift test` (for example --filter).
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-test-peers.sh

export KRAKENLINT_REQUIRE_PEERS=1
exec swift test "$@"
