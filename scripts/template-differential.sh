#!/bin/sh
# Differential campaign of the GoTemplate engine against Go (issue 18): N grammar-generated random templates
# (valid and mutated) over random JSON data, each rendered by our engine and by the Go peer; prints the
# agreement counts and writes every difference, with the program and data to reproduce it, to
# .build/template-differential/differences.txt.
#   Usage: scripts/template-differential.sh [N=100000] [SEED=1]
# Needs Go and sprig (see scripts/go-template-peer.sh). Runs GoDifferentialTests/testGeneratedProgramsAgreeWithGo
# (debug build, the one `swift build --build-tests` makes; about 4,000 programs a minute); the test fails when any program differs. If our engine crashes, the program it was rendering
# stays in .build/template-differential/current-program.json (the Go peer reads it as it is).
set -eu
cd "$(dirname "$0")/.."
COUNT="${1:-100000}"
SEED="${2:-1}"
REPORT="$PWD/.build/template-differential"
mkdir -p "$REPORT"
scripts/go-template-peer.sh >/dev/null

set +e
GO_TEMPLATE_PROGRAMS="$COUNT" GO_TEMPLATE_SEED="$SEED" GO_TEMPLATE_REPORT="$REPORT" \
    swift test --filter 'GoDifferentialTests/testGeneratedProgramsAgreeWithGo' \
    >"$REPORT/test-output.txt" 2>&1
status=$?
set -e
grep -E '^generated programs' "$REPORT/test-output.txt" || tail -n 30 "$REPORT/test-output.txt"
if [ -f "$REPORT/current-program.json" ]; then
    echo "the run stopped while rendering $REPORT/current-program.json" >&2
fi
echo "differences: $REPORT/differences.txt"
exit "$status"
