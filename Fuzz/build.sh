#!/usr/bin/env bash
# Builds one libFuzzer target, instrumented with -sanitize=fuzzer,address: `Fuzz/build.sh TARGET` writes
# fuzz-out/TARGET-fuzzer. Targets: json-reader, yaml-reader, lint, schema, template (and challenge, via run.sh).
# The template target links GoTemplate's package dependencies (swift-crypto, swift-certificates, swift-asn1)
# uninstrumented from the debug build: run `swift build --target GoTemplate` first.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/modules.sh"

target_modules() {
  case "$1" in
    json-reader|yaml-reader) echo ConfigTree ;;
    schema) echo ConfigTree JSONSchema ;;
    lint) echo ConfigTree JSONSchema Findings KrakenDModel KrakenLint Reporting ;;
    template) echo ConfigTree GoTemplate ;;  # ConfigTree for FuzzSupport
    *) echo "unknown fuzz target: $1 (json-reader, yaml-reader, lint, schema, template)" >&2; return 1 ;;
  esac
}

target_source() {
  case "$1" in
    json-reader) echo JSONReaderFuzzer ;;
    yaml-reader) echo YAMLReaderFuzzer ;;
    schema) echo SchemaFuzzer ;;
    lint) echo LintFuzzer ;;
    template) echo TemplateFuzzer ;;
  esac
}

build_target() {
  local target="$1" modules objects=() name
  modules="$(target_modules "$target")"
  # shellcheck disable=SC2086
  build_modules $modules
  for name in $modules; do objects+=("$MODULES/$name.o"); done
  local dependency_flags=""
  if [[ "$target" == template ]]; then
    mapfile -t -O "${#objects[@]}" objects < <(package_dependency_objects)
    dependency_flags="$(package_dependency_flags)"
  fi
  local binary="$OUT/$target-fuzzer" source="$ROOT/Fuzz/Targets/$(target_source "$target").swift"
  local support=("$ROOT/Fuzz/Targets/FuzzSupport.swift")
  case "$target" in lint|schema) support+=("$ROOT/Fuzz/Targets/StructureMutator.swift") ;; esac
  if [[ -x "$binary" && "$binary" -nt "$source" && "$binary" -nt "$ROOT/Fuzz/Targets/FuzzSupport.swift" && "$binary" -nt "$ROOT/Fuzz/Targets/StructureMutator.swift" ]] \
     && [[ -z "$(find "$MODULES" -name '*.o' -newer "$binary")" ]]; then
    echo "$binary"; return 0
  fi
  echo "fuzz: linking $target-fuzzer" >&2
  # ld.gold prints harmless "Cannot export local symbol" warnings for the sanitizer runtime: keep them in a log.
  # shellcheck disable=SC2086
  swiftc $SANITIZE -O -parse-as-library -package-name krakenlint -module-name "FuzzTarget" -I "$ROOT/Sources/CYAML" -I "$ROOT/Sources/CGlibcExtensions" -I "$ROOT/Sources/CMemoryHints" -I "$MODULES" $dependency_flags \
    "${support[@]}" "$source" "${objects[@]}" -lyaml -o "$binary" >"$OUT/$target-build.log" 2>&1 \
    || { grep -v "Cannot export local symbol" "$OUT/$target-build.log" >&2; return 1; }
  echo "$binary"
}

if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
  for target in "$@"; do build_target "$target"; done
fi
