// Template benchmark (issue 14, item 6): a KrakenD-like template whose `range` runs 5,000 times, each
// iteration calling a `define`d template that formats its fields with `printf`. Renders it in-process
// without and with the source map and prints milliseconds per render and the source map's cost; writes the
// same case (templates and data) for the Go peer, so scripts/bench-template.sh can time Go on the same input,
// in-process (`go-template-peer -bench N`) and as a whole process (hyperfine).
//
// Usage: TemplateBenchmark [--seconds S] [--iterations N] [--out DIR]   in-process figures, writes DIR/template-case.json
//        TemplateBenchmark --once [--iterations N]                      parse and render once, output to stdout
import Foundation
import GoTemplate

struct Settings {
    var seconds = 3.0
    var iterations = 5_000
    var out = ".build-bench"
    var once = false

    init(_ arguments: [String]) {
        var iterator = arguments.dropFirst().makeIterator()
        while let flag = iterator.next() {
            if flag == "--once" {
                once = true
                continue
            }
            guard let value = iterator.next() else { break }
            switch flag {
            case "--seconds": seconds = Double(value) ?? seconds
            case "--iterations": iterations = Int(value) ?? iterations
            case "--out": out = value
            default: FileHandle.standardError.write(Data("unknown flag \(flag)\n".utf8))
            }
        }
    }
}

let mainTemplate = """
    {
      "version": 3,
      "name": "{{ .service.name }}",
      "endpoints": [
    {{- range $index, $endpoint := .endpoints }}{{ if $index }},{{ end }}
        {{ template "endpoint.tmpl" $endpoint }}
    {{- end }}
      ]
    }

    """

let endpointTemplate = """
    {
          "endpoint": "/api/{{ .name }}/{{ printf "%04.0f" .id }}",
          "method": "{{ .method }}",
          "timeout": "{{ printf "%.0fms" .timeout }}",
          "backend": [{"host": ["{{ .host }}"], "url_pattern": "{{ printf "/v%v/%s" .version .name }}", "cache": {{ .cache }}}]
        }
    """

/// The settings: `iterations` endpoints, as JSON text (what KrakenD would read from a settings file).
func settingsJSON(iterations: Int) -> String {
    var endpoints: [String] = []
    endpoints.reserveCapacity(iterations)
    for index in 0..<iterations {
        let method = index % 3 == 0 ? "POST" : "GET"
        endpoints.append("""
            {"name": "svc-\(index)", "id": \(index), "method": "\(method)", "timeout": \(1000 + index % 7 * 500), \
            "host": "http://backend-\(index % 10):8080", "version": \(index % 3 + 1), "cache": \(index % 2 == 0)}
            """)
    }
    return "{\"service\": {\"name\": \"bench\"}, \"endpoints\": [" + endpoints.joined(separator: ",") + "]}"
}

func makeSet() -> TemplateSet {
    let set = TemplateSet(functions: Sprig.genericFunctionMap())
    do {
        try set.parse(name: "krakend.tmpl", text: mainTemplate)
        try set.parse(name: "endpoint.tmpl", text: endpointTemplate)
    } catch {
        fatalError("the benchmark template does not parse: \(error)")
    }
    return set
}

func render(_ set: TemplateSet, data: Value, sourceMap: Bool) -> RenderResult {
    do {
        return try set.execute("krakend.tmpl", data: data, options: ExecutionOptions(recordSourceMap: sourceMap))
    } catch {
        fatalError("the benchmark template fails: \(error)")
    }
}

/// Runs `body` for about `seconds` (at least 5 times, after one warm-up run) and returns milliseconds per run.
func millisecondsPerRun(seconds: Double, _ body: () -> Void) -> (milliseconds: Double, runs: Int) {
    body()
    var runs = 0
    let start = DispatchTime.now().uptimeNanoseconds
    var elapsed = 0.0
    while runs < 5 || elapsed < seconds {
        body()
        runs += 1
        elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }
    return (elapsed * 1000 / Double(runs), runs)
}

let settings = Settings(CommandLine.arguments)
let json = settingsJSON(iterations: settings.iterations)
let data: Value
do {
    data = try GoJSON.decode(json)
} catch {
    fatalError("the benchmark settings do not decode: \(error)")
}

if settings.once {
    let output = render(makeSet(), data: data, sourceMap: false).output
    FileHandle.standardOutput.write(Data(output))
    exit(0)
}

let outFolder = URL(fileURLWithPath: settings.out)
try? FileManager.default.createDirectory(at: outFolder, withIntermediateDirectories: true)
let peerCase: [String: Any] = [
    "name": "range-\(settings.iterations)",
    "templates": [["name": "krakend.tmpl", "text": mainTemplate], ["name": "endpoint.tmpl", "text": endpointTemplate]],
    "dataJSON": json,
]
if let caseData = try? JSONSerialization.data(withJSONObject: [peerCase]) {
    try? caseData.write(to: outFolder.appendingPathComponent("template-case.json"))
}

let set = makeSet()
let plain = render(set, data: data, sourceMap: false)
let mapped = render(set, data: data, sourceMap: true)
try? Data(plain.output).write(to: outFolder.appendingPathComponent("template-output-swift.txt"))
print("template benchmark: range over \(settings.iterations) endpoints, \(plain.output.count) bytes of output")
if mapped.output != plain.output { print("WARNING: the output with the source map differs from the output without") }
if let map = mapped.sourceMap { print("source map: \(map.segmentCount) segments") }

let withoutMap = millisecondsPerRun(seconds: settings.seconds) { _ = render(set, data: data, sourceMap: false) }
let withMap = millisecondsPerRun(seconds: settings.seconds) { _ = render(set, data: data, sourceMap: true) }
let parseAndRender = millisecondsPerRun(seconds: settings.seconds) { _ = render(makeSet(), data: data, sourceMap: false) }
let overhead = (withMap.milliseconds / withoutMap.milliseconds - 1) * 100

print(String(format: "RESULT swift execute_ms %.3f runs %d", withoutMap.milliseconds, withoutMap.runs))
print(String(format: "RESULT swift execute_sourcemap_ms %.3f runs %d", withMap.milliseconds, withMap.runs))
print(String(format: "RESULT swift parse_execute_ms %.3f runs %d", parseAndRender.milliseconds, parseAndRender.runs))
print(String(format: "source map cost: %+.1f%%", overhead))
