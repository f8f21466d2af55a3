// Load benchmark: generates a ~10 MB KrakenD-like configuration in JSON and in YAML, then times the
// JSON reader, the YAML reader and libyaml's bare event parse of the same YAML (best of several runs).
import ConfigTree
import CYAML
import Foundation

/// The shape of the generated configuration, independent of the syntax it is written in.
indirect enum Value {
    case object([(String, Value)])
    case array([Value])
    case string(String)
    case number(String)
    case bool(Bool)
}

func endpoint(_ index: Int) -> Value {
    let backend: Value = .object([
        ("url_pattern", .string("/internal/resource-\(index)/{id}")),
        ("host", .array([.string("https://backend-\(index % 97).internal.example.com:8443")])),
        ("method", .string("GET")),
        ("encoding", .string("json")),
        ("sd", .string("static")),
        ("disable_host_sanitize", .bool(false)),
        ("allow", .array(["id", "name", "price", "description", "updated_at"].map { Value.string($0) })),
        ("mapping", .object([("name", .string("title")), ("descripción", .string("descripción_larga"))])),
        ("extra_config", .object([
            ("auth/ntlm", .object([
                ("user", .string("SVC_ACCOUNT_\(index)")),
                ("password", .string("{{ env \"NTLM_PASSWORD_\(index % 13)\" }}")),
                ("domain", .string("CORP")),
                ("workstation", .string("GATEWAY-\(index % 7)")),
            ])),
            ("qos/circuit-breaker", .object([
                ("interval", .number("60")), ("timeout", .number("10")), ("max_errors", .number("5")),
                ("name", .string("cb-resource-\(index)")), ("log_status_change", .bool(true)),
            ])),
            ("qos/http-cache", .object([("shared", .bool(index % 2 == 0))])),
        ])),
    ])
    return .object([
        ("@comment", .string("Endpoint number \(index), generated for the load benchmark")),
        ("endpoint", .string("/api/v1/resource-\(index)/{id}")),
        ("method", .string(index % 3 == 0 ? "POST" : "GET")),
        ("output_encoding", .string("json")),
        ("timeout", .string("\(1 + index % 9)s")),
        ("cache_ttl", .string("300s")),
        ("concurrent_calls", .number("\(1 + index % 3)")),
        ("input_headers", .array(["Authorization", "Content-Type", "X-Request-Id"].map { Value.string($0) })),
        ("input_query_strings", .array(["page", "limit", "sort"].map { Value.string($0) })),
        ("extra_config", .object([
            ("qos/ratelimit/router", .object([
                ("max_rate", .number("\(100 + index % 50)")), ("client_max_rate", .number("10.5")),
                ("strategy", .string("ip")), ("every", .string("1m")),
            ])),
            ("validation/cel", .array([.object([("check_expr", .string("'Bearer' in req_headers['Authorization'][0]"))])])),
        ])),
        ("backend", .array([backend])),
    ])
}

func configuration(targetBytes: Int) -> Value {
    // About 1.9 KB of JSON per endpoint.
    let count = max(1, targetBytes / 1900)
    return .object([
        ("$schema", .string("https://www.krakend.io/schema/v2.13/krakend.json")),
        ("version", .number("3")),
        ("name", .string("load benchmark gateway")),
        ("port", .number("8080")),
        ("timeout", .string("3000ms")),
        ("extra_config", .object([("telemetry/logging", .object([("level", .string("WARNING")), ("stdout", .bool(true))]))])),
        ("endpoints", .array((0..<count).map(endpoint))),
    ])
}

// MARK: Writers

func jsonQuoted(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        default: out.unicodeScalars.append(scalar)
        }
    }
    return out + "\""
}

func writeJSON(_ value: Value, indent: Int, into out: inout String) {
    let pad = String(repeating: " ", count: indent + 2)
    switch value {
    case .object(let members):
        out += "{\n"
        for (index, (key, member)) in members.enumerated() {
            out += pad + jsonQuoted(key) + ": "
            writeJSON(member, indent: indent + 2, into: &out)
            out += index + 1 < members.count ? ",\n" : "\n"
        }
        out += String(repeating: " ", count: indent) + "}"
    case .array(let elements):
        out += "[\n"
        for (index, element) in elements.enumerated() {
            out += pad
            writeJSON(element, indent: indent + 2, into: &out)
            out += index + 1 < elements.count ? ",\n" : "\n"
        }
        out += String(repeating: " ", count: indent) + "]"
    case .string(let text): out += jsonQuoted(text)
    case .number(let literal): out += literal
    case .bool(let flag): out += flag ? "true" : "false"
    }
}

/// Plain YAML scalars where that reads the same, double quotes otherwise.
func yamlScalar(_ text: String) -> String {
    let plainSafe = text.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || "0123456789_-/.{}".unicodeScalars.contains($0) }
    let first = text.unicodeScalars.first
    let resolvesToOther = ["true", "false", "null", "~"].contains(text.lowercased()) || first.map { "0123456789-.".unicodeScalars.contains($0) } != false
    if plainSafe, !resolvesToOther, first != "{" { return text }
    return jsonQuoted(text)
}

func writeYAML(_ value: Value, indent: Int, into out: inout String) {
    let pad = String(repeating: " ", count: indent)
    switch value {
    case .object(let members):
        for (key, member) in members {
            out += pad + yamlScalar(key) + ":"
            writeYAMLChild(member, indent: indent, into: &out)
        }
    case .array(let elements):
        for element in elements {
            out += pad + "-"
            switch element {
            case .object(let members) where !members.isEmpty:
                // First member on the dash line, the rest aligned under it.
                var first = ""
                writeYAML(element, indent: indent + 2, into: &first)
                out += " " + first.dropFirst(indent + 2)
            default:
                writeYAMLChild(element, indent: indent, into: &out)
            }
        }
    case .string, .number, .bool:
        out += pad
        writeYAMLChild(value, indent: indent, into: &out)
    }
}

func writeYAMLChild(_ value: Value, indent: Int, into out: inout String) {
    switch value {
    case .object(let members) where members.isEmpty: out += " {}\n"
    case .array(let elements) where elements.isEmpty: out += " []\n"
    case .object:
        out += "\n"
        writeYAML(value, indent: indent + 2, into: &out)
    case .array:
        out += "\n"
        writeYAML(value, indent: indent + 2, into: &out)
    case .string(let text): out += " " + yamlScalar(text) + "\n"
    case .number(let literal): out += " " + literal + "\n"
    case .bool(let flag): out += flag ? " true\n" : " false\n"
    }
}

// MARK: Timing

/// Wall-clock and on-CPU seconds of one run (the CPU figure is steadier on a shared machine, and counts
/// every thread: the YAML reader parses large files on a second one).
struct Timing {
    var wall: Double
    var cpu: Double
}

func processCPUSeconds() -> Double {
    var spec = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &spec)
    return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
}

/// Times `body`; what it returns is freed after the clock stops, so freeing the tree is not counted.
func measure<Result>(_ body: () -> Result) -> Timing {
    let wallStart = DispatchTime.now().uptimeNanoseconds
    let cpuStart = processCPUSeconds()
    let result = body()
    let timing = Timing(wall: Double(DispatchTime.now().uptimeNanoseconds - wallStart) / 1e9, cpu: processCPUSeconds() - cpuStart)
    withExtendedLifetime(result) {}
    return timing
}

/// libyaml's event parse to the end of the stream, building nothing; returns the number of events.
func bareLibYAMLEvents(_ bytes: [UInt8]) -> Int {
    var parser = yaml_parser_t()
    guard yaml_parser_initialize(&parser) == 1 else { return -1 }
    defer { yaml_parser_delete(&parser) }
    var events = 0
    bytes.withUnsafeBufferPointer { buffer in
        yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
        var event = yaml_event_t()
        while yaml_parser_parse(&parser, &event) == 1 {
            events += 1
            let done = event.type == YAML_STREAM_END_EVENT
            yaml_event_delete(&event)
            if done { return }
        }
        events = -1
    }
    return events
}

func machineDescription() -> String {
    let cores = ProcessInfo.processInfo.activeProcessorCount
    let cpuinfo = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
    let model = cpuinfo.split(separator: "\n").first { $0.hasPrefix("model name") }
        .map { $0.split(separator: ":", maxSplits: 1).last.map { $0.trimmingCharacters(in: .whitespaces) } ?? "" } ?? "unknown CPU"
    return "\(cores) cores (nproc), \(model)"
}

func rate(_ bytes: Int, _ timing: Timing) -> String {
    guard timing.wall.isFinite else { return "not run" }
    return String(format: "%7.1f MB/s wall (%6.1f ms), %7.1f MB/s CPU (%6.1f ms)",
                  Double(bytes) / 1e6 / timing.wall, timing.wall * 1000, Double(bytes) / 1e6 / timing.cpu, timing.cpu * 1000)
}

let arguments = CommandLine.arguments
let targetBytes = arguments.count > 1 ? (Int(arguments[1]) ?? 10_000_000) : 10_000_000
let runs = arguments.count > 2 ? (Int(arguments[2]) ?? 5) : 5
// Optional third argument: which parts to time, e.g. "json" or "yaml,libyaml" (for profiling one part).
let parts = Set((arguments.count > 3 ? arguments[3] : "json,foundation,yaml,libyaml").split(separator: ",").map(String.init))

let config = configuration(targetBytes: targetBytes)
var jsonText = ""
writeJSON(config, indent: 0, into: &jsonText)
jsonText += "\n"
var yamlText = ""
writeYAML(config, indent: 0, into: &yamlText)
let jsonFile = SourceFile(path: "bench.json", format: .json, text: jsonText)
let yamlFile = SourceFile(path: "bench.yaml", format: .yaml, text: yamlText)

print("machine: \(machineDescription())")
print("input:   JSON \(jsonFile.bytes.count) bytes, \(jsonFile.lineCount) lines; YAML \(yamlFile.bytes.count) bytes, \(yamlFile.lineCount) lines; best of \(runs) runs")

// Rounds interleave the parts, so a burst of load on a shared machine hits them alike; each keeps its best.
var jsonIssues: [LoadIssue] = []
var yamlIssues: [LoadIssue] = []
var foundationFailed = false
var events = 0
let foundationData = Data(jsonFile.bytes)
let unmeasured = Timing(wall: .infinity, cpu: .infinity)
var jsonTime = unmeasured, foundationTime = unmeasured, yamlTime = unmeasured, bareTime = unmeasured

func keepBest(_ best: inout Timing, _ timing: Timing) {
    best = Timing(wall: min(best.wall, timing.wall), cpu: min(best.cpu, timing.cpu))
}

for _ in 0..<runs {
    if parts.contains("json") {
        keepBest(&jsonTime, measure { () -> LoadResult in
            let result = ConfigLoader.load(jsonFile)
            jsonIssues = result.issues
            return result
        })
    }
    if parts.contains("foundation") {
        keepBest(&foundationTime, measure { () -> Any? in
            let value = try? JSONSerialization.jsonObject(with: foundationData)
            foundationFailed = value == nil
            return value
        })
    }
    if parts.contains("yaml") {
        keepBest(&yamlTime, measure { () -> LoadResult in
            let result = ConfigLoader.load(yamlFile)
            yamlIssues = result.issues
            return result
        })
    }
    if parts.contains("libyaml") {
        keepBest(&bareTime, measure { events = bareLibYAMLEvents(yamlFile.bytes) })
    }
}

func status(_ issues: [LoadIssue]) -> String {
    guard let first = issues.first(where: { $0.severity == .error }) else { return "ok" }
    return "FAILED at \(first.span.start): \(first.message)"
}

print("JSON reader:         \(rate(jsonFile.bytes.count, jsonTime))  \(status(jsonIssues))")
print("JSONSerialization:   \(rate(jsonFile.bytes.count, foundationTime))  \(foundationFailed ? "FAILED" : "ok") (Foundation, peer: no positions)")
print("YAML reader:         \(rate(yamlFile.bytes.count, yamlTime))  \(status(yamlIssues))")
print("libyaml events only: \(rate(yamlFile.bytes.count, bareTime))  \(events) events")
print(String(format: "YAML reader / bare libyaml: %.2fx wall, %.2fx CPU (target <= 1.5x); JSON target >= 200 MB/s",
             yamlTime.wall / bareTime.wall, yamlTime.cpu / bareTime.cpu))
print("load average while running: \((try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?.split(separator: " ").prefix(3).joined(separator: " ") ?? "unknown")")
