#!/usr/bin/env bash
# Builds the library modules a fuzz target needs, instrumented for libFuzzer and AddressSanitizer, into
# fuzz-out/modules/: `source Fuzz/modules.sh; build_modules ConfigTree JSONSchema ...`. Each module is one
# object file and one .swiftmodule, compiled whole-module like SwiftPM's release build. Sourced by build.sh.
#
# Swift on Linux accepts -sanitize=fuzzer,address (not undefined: swiftc refuses it for this target); Swift
# code traps on integer overflow, out-of-range indexes and bad unwraps by itself, which is what UBSan adds
# for C, and libFuzzer reports such a trap as a crash. The system libyaml is linked as it is, uninstrumented.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="${FUZZ_OUT:-$ROOT/fuzz-out}"
MODULES="$OUT/modules"
SANITIZE="-sanitize=fuzzer,address"
mkdir -p "$MODULES"

# The KrakenD schema, embedded as Swift source the way the EmbedSchemas build plugin does it.
embedded_schemas() {
  local embedder="$MODULES/SchemaEmbedder"
  if [[ ! -x "$embedder" || "$ROOT/Plugins/SchemaEmbedder/main.swift" -nt "$embedder" ]]; then
    swiftc -O "$ROOT/Plugins/SchemaEmbedder/main.swift" -o "$embedder"
  fi
  # Replaced only when the schemas changed, so an unchanged KrakenLint is not compiled again.
  "$embedder" "$ROOT/schemas" "$MODULES/EmbeddedSchemas.new.swift"
  if cmp -s "$MODULES/EmbeddedSchemas.new.swift" "$MODULES/EmbeddedSchemas.swift"; then
    rm "$MODULES/EmbeddedSchemas.new.swift"
  else
    mv "$MODULES/EmbeddedSchemas.new.swift" "$MODULES/EmbeddedSchemas.swift"
  fi
  echo "$MODULES/EmbeddedSchemas.swift"
}

# GoTemplate imports swift-crypto, swift-certificates and swift-asn1. They are not instrumented: their modules
# and objects come from SwiftPM's debug build (like the system libyaml, they are fuzzed upstream).
DEPENDENCY_BUILD="${FUZZ_DEPENDENCY_BUILD:-$ROOT/.build/debug}"
# The package dependencies GoTemplate needs, by their SwiftPM build folders.
DEPENDENCY_TARGETS="Crypto _CryptoExtras CryptoExtras CryptoBoringWrapper CCryptoBoringSSL CCryptoBoringSSLShims CXKCP CXKCPShims X509 SwiftASN1 _CertificateInternals"

package_dependency_flags() {
  local checkout="$ROOT/.build/checkouts/swift-crypto/Sources" name
  echo "-I $DEPENDENCY_BUILD/Modules"
  for name in CXKCPShims CXKCP CCryptoBoringSSLShims CCryptoBoringSSL; do
    echo "-Xcc -fmodule-map-file=$checkout/$name/include/module.modulemap -Xcc -I -Xcc $checkout/$name/include"
  done
}

package_dependency_objects() {
  local name found=0
  for name in $DEPENDENCY_TARGETS; do
    [[ -d "$DEPENDENCY_BUILD/$name.build" ]] || continue
    find "$DEPENDENCY_BUILD/$name.build" -name '*.o' ! -name '*.swiftmodule.o'
    found=1
  done
  [[ $found -eq 1 ]] || { echo "fuzz: no package dependencies in $DEPENDENCY_BUILD; run swift build --target GoTemplate" >&2; return 1; }
}

# build_modules NAME...: compiles each Sources/NAME (in dependency order) unless its object is newer than
# every source file of it and than the objects of the modules listed before it.
build_modules() {
  local name files object newest dependency stale built=()
  for name in "$@"; do
    mapfile -t files < <(find "$ROOT/Sources/$name" -name '*.swift' | sort)
    if [[ "$name" == KrakenLint ]]; then files+=("$(embedded_schemas)"); fi
    object="$MODULES/$name.o"
    # sed reads all of ls's output: with pipefail, head closing the pipe early could fail the build silently.
    newest="$(ls -t "${files[@]}" | sed -n 1p)"
    # Stale when a source changed, or when a module listed before it (a dependency) was rebuilt since.
    stale=0
    [[ -f "$object" && "$object" -nt "$newest" ]] || stale=1
    for dependency in "${built[@]}"; do [[ "$MODULES/$dependency.o" -nt "$object" ]] && stale=1; done
    built+=("$name")
    if [[ $stale -eq 0 ]]; then continue; fi
    echo "fuzz: compiling $name (${#files[@]} files, instrumented)" >&2
    # One package name for every module: ConfigTree shares its byte appenders with the others at `package` access.
    # ConfigTree is built for @testable import, so the YAML target can drive both reader paths.
    local testing="" dependencies=""
    if [[ "$name" == ConfigTree ]]; then testing="-enable-testing"; fi
    # The dependency build's folder comes after ours: it also holds SwiftPM's uninstrumented ConfigTree, compiled
    # under another package name, which would hide the instrumented one (and its package-level appenders).
    if [[ "$name" == GoTemplate ]]; then dependencies="$(package_dependency_flags)"; fi
    # shellcheck disable=SC2086
    swiftc $SANITIZE $testing -O -wmo -parse-as-library -package-name krakenlint -module-name "$name" -I "$ROOT/Sources/CYAML" -I "$ROOT/Sources/CGlibcExtensions" -I "$ROOT/Sources/CMemoryHints" -I "$MODULES" $dependencies \
      -emit-module -emit-module-path "$MODULES/$name.swiftmodule" -c "${files[@]}" -o "$object" \
      >"$MODULES/$name.log" 2>&1 || { cat "$MODULES/$name.log" >&2; return 1; }
  done
}
