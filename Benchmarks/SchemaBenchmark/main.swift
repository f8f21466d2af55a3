// Schema benchmark: (a) the draft-07 meta-schema validating itself; (b) a generated ~10 MB KrakenD
// configuration against the project's multi-file 2019-09 schema (schemas/krakend.json); (c) the same
// configuration with a few mistakes (errors collected).
// Prints validations per second for the yes/no path and for full error collection, and writes the
// inputs to .build-bench/ so scripts/bench-schema.sh can time the Python peers on the same bytes.
//
// Usage: SchemaBenchmark [--shared DIR] [--schemas DIR] [--entry FILE] [--size BYTES] [--seconds S] [--out DIR]
//                        [--only a_isvalid|b_isvalid|...]  (times only that measurement, for a profiler)
import ConfigTree
import Foundation
import JSONSchema

struct Settings {
    var shared = "../shared"
    var schemas = "schemas"
    var entry = "krakend.json"
    var size = 10_000_000
    var seconds = 3.0
    var out = ".build-bench"
    /// When set, only the measurement of that name is timed (the others run once or not at all).
    var only: String?

    init(_ arguments: [String]) {
        var iterator = arguments.dropFirst().makeIterator()
        while let flag = iterator.next() {
            guard let value = iterator.next() else { break }
            switch flag {
            case "--shared": shared = value
            case "--schemas": schemas = value
            case "--entry": entry = value
            case "--size": size = Int(value) ?? size
            case "--seconds": seconds = Double(value) ?? seconds
            case "--out": out = value
            case "--only": only = value
            default: print("unknown flag \(flag)")
            }
        }
    }
}

func load(_ path: String) -> Node {
    guard let data = FileManager.default.contents(atPath: path) else { fatalError("cannot read \(path)") }
    let result = ConfigLoader.load(SourceFile(path: path, format: SourceFormat(fileName: path) ?? .json, bytes: Array(data)))
    guard let root = result.root else { fatalError("cannot parse \(path): \(result.issues.map(\.message))") }
    return root
}

/// CPU time this thread has used, in seconds: unlike wall time, it does not grow while other
/// processes hold the cores (the machine is shared).
func threadCPUSeconds() -> Double {
    var now = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now)
    return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
}

/// What one measurement found: runs per second of wall time, the number of runs, and milliseconds of this
/// thread's CPU time per run.
typealias Rate = (perSecond: Double, runs: Int, cpuMilliseconds: Double)

/// Runs `body` repeatedly for about `seconds` (at least 3 times) and returns its rate; nil when `--only`
/// names another measurement (then `body` runs once, for what later measurements build on).
func rate(_ name: String, seconds: Double, _ body: () -> Void) -> Rate? {
    body()
    if let only = settings.only, only != name { return nil }
    var runs = 0
    let start = Date()
    let cpuStart = threadCPUSeconds()
    var elapsed = 0.0
    while runs < 3 || elapsed < seconds {
        body()
        runs += 1
        elapsed = Date().timeIntervalSince(start)
    }
    return (Double(runs) / elapsed, runs, (threadCPUSeconds() - cpuStart) * 1000 / Double(runs))
}

func format(_ value: Double) -> String { String(format: value >= 100 ? "%.0f" : "%.2f", value) }

/// Prints the result line of measurement `name`: `describe`'s text, or that it was not timed.
func report(_ name: String, _ measured: Rate?, _ describe: (Rate) -> String) {
    guard let measured else { return print("RESULT \(name) not timed (--only \(settings.only ?? ""))") }
    print("RESULT \(name) \(describe(measured))")
}

/// A generated endpoint in JSON text: the shapes KrakenD configs use most, valid against the schema.
func endpointJSON(_ index: Int) -> String {
    """
        {
          "endpoint": "/api/v1/resource-\(index)/{id}",
          "method": "\(index % 3 == 0 ? "POST" : "GET")",
          "output_encoding": "json",
          "timeout": "\(1 + index % 9)s",
          "cache_ttl": "300s",
          "concurrent_calls": \(1 + index % 3),
          "input_headers": ["Authorization", "Content-Type", "X-Request-Id"],
          "input_query_strings": ["page", "limit", "sort"],
          "extra_config": {
            "qos/ratelimit/router": {"max_rate": \(100 + index % 50), "client_max_rate": 10.5, "strategy": "ip", "every": "1m"}
          },
          "backend": [
            {
              "url_pattern": "/internal/resource-\(index)/{id}",
              "host": ["https://backend-\(index % 97).internal.example.com:8443"],
              "method": "GET",
              "encoding": "json",
              "sd": "static",
              "disable_host_sanitize": false,
              "allow": ["id", "name", "price", "description", "updated_at"],
              "mapping": {"name": "title", "descripción": "descripción_larga"},
              "extra_config": {
                "qos/circuit-breaker": {"interval": 60, "timeout": 10, "max_errors": 5, "name": "cb-resource-\(index)", "log_status_change": true},
                "qos/http-cache": {"shared": \(index % 2 == 0)}
              }
            }
          ]
        }
    """
}

/// The generated configuration; with `faulty`, every 1000th endpoint (from the 500th) carries two
/// mistakes: a duration with a space and a misspelled property.
func generatedConfig(size: Int, faulty: Bool = false) -> String {
    var endpoints: [String] = []
    var total = 0
    while total < size {
        var text = endpointJSON(endpoints.count)
        if faulty && endpoints.count % 1000 == 500 {
            text = text.replacingOccurrences(of: "\"cache_ttl\": \"300s\"", with: "\"cache_ttl\": \"300 s\", \"methd\": \"GET\"")
        }
        total += text.utf8.count + 2
        endpoints.append(text)
    }
    return """
    {
      "$schema": "https://www.krakend.io/schema/v2.9/krakend.json",
      "version": 3,
      "name": "schema benchmark",
      "port": 8080,
      "timeout": "3s",
      "cache_ttl": "300s",
      "endpoints": [
    \(endpoints.joined(separator: ",\n"))
      ]
    }
    """
}

let settings = Settings(CommandLine.arguments)
try? FileManager.default.createDirectory(atPath: settings.out, withIntermediateDirectories: true)
let cpu = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8))?.split(separator: "\n").first { $0.hasPrefix("model name") }.map { String($0.split(separator: ":").last ?? "").trimmingCharacters(in: .whitespaces) } ?? "unknown CPU"
print("machine: \(cpu), \(ProcessInfo.processInfo.activeProcessorCount) cores")

// (a) draft-07 meta-schema validating itself.
let metaPath = settings.shared + "/conformance/metaschemas/draft7/metaschema.json"
let meta = load(metaPath)
let metaRegistry = SchemaRegistry(defaultDialect: .draft7)
let metaURI = try metaRegistry.register(meta, uri: "http://json-schema.org/draft-07/schema#")
let metaValidator = try Validator(registry: metaRegistry, entry: metaURI, validateSchema: false)
precondition(metaValidator.isValid(meta), "the draft-07 meta-schema must validate itself")
let metaQuick = rate("a_isvalid", seconds: settings.seconds) { _ = metaValidator.isValid(meta) }
let metaFull = rate("a_validate", seconds: settings.seconds) { _ = metaValidator.validate(meta) }
report("a_isvalid", metaQuick) { m in "\(format(m.perSecond)) validations/s (\(m.runs) runs, \(format(m.cpuMilliseconds * 1000)) µs CPU each)" }
report("a_validate", metaFull) { m in "\(format(m.perSecond)) validations/s (\(m.runs) runs)" }
try? FileManager.default.copyItem(atPath: metaPath, toPath: settings.out + "/draft7-metaschema.json")

// (b) a large generated configuration against the multi-file schema.
let configText = generatedConfig(size: settings.size)
let configPath = settings.out + "/large-config.json"
try configText.write(toFile: configPath, atomically: true, encoding: .utf8)
let registry = SchemaRegistry(defaultDialect: .draft2019_09)
let schemaURIs = try registry.registerDirectory(URL(fileURLWithPath: settings.schemas), baseURI: "https://krakenlint.dev/schema/v3/")
let entryURI = "https://krakenlint.dev/schema/v3/" + settings.entry
let compileStart = Date()
let validator = try Validator(registry: registry, entry: entryURI, validateSchema: false)
let compileTime = Date().timeIntervalSince(compileStart)
let parseStart = Date()
let config = load(configPath)
let parseTime = Date().timeIntervalSince(parseStart)
let errors = validator.validate(config)
print("input b: \(configText.utf8.count) bytes, \(schemaURIs.count) schema files, compiled in \(format(compileTime * 1000)) ms, parsed in \(format(parseTime * 1000)) ms, \(errors.count) errors; tree values are \(MemoryLayout<Node>.stride) bytes, members \(MemoryLayout<Member>.stride)")
for error in errors.prefix(5) { print("  \(error)") }
let bigQuick = rate("b_isvalid", seconds: settings.seconds) { _ = validator.isValid(config) }
let bigFull = rate("b_validate", seconds: settings.seconds) { _ = validator.validate(config) }
report("b_isvalid", bigQuick) { m in "\(format(m.perSecond)) validations/s (\(m.runs) runs, \(format(1000 / m.perSecond)) ms each, \(format(m.cpuMilliseconds)) ms CPU)" }
report("b_validate", bigFull) { m in "\(format(m.perSecond)) validations/s (\(m.runs) runs, \(format(1000 / m.perSecond)) ms each, \(format(m.cpuMilliseconds)) ms CPU)" }

// (c) the same configuration with a few mistakes: the path a linter takes for a failing file.
let faultyPath = settings.out + "/large-config-faulty.json"
try generatedConfig(size: settings.size, faulty: true).write(toFile: faultyPath, atomically: true, encoding: .utf8)
let faulty = load(faultyPath)
let faultyErrors = validator.validate(faulty)
print("input c: \(faultyErrors.count) errors, first: \(faultyErrors.first.map { "\($0.instancePointer): \($0.message)" } ?? "none")")
// The full list, for comparing the errors of two builds.
try faultyErrors.map { "\($0.instancePointer)\t\($0.keywordLocation)\t\($0.message)" }.joined(separator: "\n")
    .write(toFile: settings.out + "/large-config-faulty-errors.txt", atomically: true, encoding: .utf8)
let faultyQuick = rate("c_isvalid", seconds: settings.seconds) { _ = validator.isValid(faulty) }
let faultyFull = rate("c_validate", seconds: settings.seconds) { _ = validator.validate(faulty) }
report("c_isvalid", faultyQuick) { m in "\(format(m.perSecond)) validations/s (\(format(1000 / m.perSecond)) ms each, \(format(m.cpuMilliseconds)) ms CPU)" }
report("c_validate", faultyFull) { m in "\(format(m.perSecond)) validations/s (\(format(1000 / m.perSecond)) ms each, \(format(m.cpuMilliseconds)) ms CPU)" }

/// Touches every key and value once: the floor any validator of this tree pays.
func walk(_ node: Node) -> Int {
    switch node.value {
    case .object(let members):
        var total = members.count
        for member in members { total &+= member.key.utf8.count &+ walk(member.value) }
        return total
    case .array(let elements):
        var total = elements.count
        for element in elements { total &+= walk(element) }
        return total
    case .string(let text): return text.utf8.count
    case .number, .bool, .null: return 1
    }
}
var walkSink = 0
let bigWalk = rate("b_walk", seconds: settings.seconds) { walkSink &+= walk(config) }
report("b_walk", bigWalk) { m in "\(format(m.perSecond)) walks/s (\(format(1000 / m.perSecond)) ms each, \(format(m.cpuMilliseconds)) ms CPU; a plain traversal touching every key and value)" }

let memberValueOffset = MemoryLayout<Member>.offset(of: \Member.value)!

/// The same traversal reading the tree in place through pointers, as the validator does (no
/// reference counting): what touching every value costs in memory accesses alone.
func walkInPlace(_ node: UnsafePointer<Node>) -> Int {
    switch node.pointee.value {
    case .object(let members):
        let buffer = members.withUnsafeBufferPointer { $0 }
        var total = buffer.count
        for index in buffer.indices {
            total &+= buffer[index].key.utf8.count
            let member = UnsafeRawPointer(buffer.baseAddress.unsafelyUnwrapped + index)
            total &+= walkInPlace((member + memberValueOffset).assumingMemoryBound(to: Node.self))
        }
        return total
    case .array(let elements):
        let buffer = elements.withUnsafeBufferPointer { $0 }
        var total = buffer.count
        for index in buffer.indices { total &+= walkInPlace(buffer.baseAddress.unsafelyUnwrapped + index) }
        return total
    case .string(let text): return text.utf8.count
    case .number, .bool, .null: return 1
    }
}
let bigWalkInPlace = rate("b_walk_in_place", seconds: settings.seconds) { walkSink &+= withUnsafePointer(to: config) { walkInPlace($0) } }
report("b_walk_in_place", bigWalkInPlace) { m in "\(format(m.perSecond)) walks/s (\(format(1000 / m.perSecond)) ms each, \(format(m.cpuMilliseconds)) ms CPU; the same through pointers, no reference counting)" }
if walkSink == 42 { print("") }
