// libFuzzer target: parse and execute arbitrary Go templates with arbitrary data, through the GoTemplate engine
// with sprig and KrakenD's `marshal` and `include`, as a flexible-configuration project runs them.
//
// Input: sections separated by NUL bytes. With one section it is the template and the data is a fixed JSON
// document; with more, the last section is the data (JSON, as a settings file; when it does not decode, the
// fixed document again) and every other section is a template, `NAME\u{1}TEXT` or just `TEXT` (named `tN`).
// All templates are parsed into one set and the first is executed. A data section starting with `!` runs with
// `missingkey=error`, with `?` with `missingkey=zero`.
//
// The engine's bounds are set low (depth 64, 64 KiB of output and of any function result, 20,000 range
// iterations), so that a hostile template meets them instead of the fuzzer's timeout. Functions whose result
// depends on the clock, randomness, the network or that are deliberately slow (key generation, bcrypt, the
// master-password KDF) are replaced with fixed stubs of the same signature; `include` reads no file and `env`
// sees a fixed environment.
//
// Never crashes; output stays within its bound; every error names a position inside its template; every
// output byte has an origin in the source map, and every origin lies inside the template text it names.
import GoTemplate

private enum TemplateFuzz {
    static let maximumOutput = 64 << 10

    static let options: ExecutionOptions = {
        var options = ExecutionOptions()
        options.context = FunctionContext(
            environment: ["HOME": "/home/fuzz", "FC_ENV": "production", "SECRET": "hunter2-secret"],
            maximumResultSize: maximumOutput, localTimeZone: "Europe/Madrid")
        options.maximumDepth = 64
        options.maximumOutputBytes = maximumOutput
        options.maximumRangeIterations = 20_000
        options.recordSourceMap = true
        return options
    }()

    /// sprig's generic map with the stubs, `marshal` and `include`: built once per process.
    static let functions: FunctionMap = {
        var functions = Sprig.genericFunctionMap()
        for (name, function) in functions where stubbed.contains(name) || (!function.isDeterministic && !keptReal.contains(name)) {
            functions[name] = stub(name, like: function, toDate: functions["toDate"])
        }
        functions["marshal"] = TemplateFunction(parameters: [.interface], result: .string) { arguments, _ in
            .string((try? GoJSON.marshal(arguments[0])) ?? "")
        }
        // KrakenD's include reads a partial; here a fixed one, so no file is ever opened.
        functions["include"] = TemplateFunction(parameters: [.interface], result: .string) { arguments, _ in
            guard let name = arguments[0].goStringText else {
                throw FunctionError("interface conversion: interface {} is \(arguments[0].goType), not string")
            }
            return .string(name == "partial.json" ? "\"partial\": {{ not parsed }}" : "")
        }
        return functions
    }()

    /// Deterministic functions that are too slow to run on every input (scrypt, bcrypt, RSA key generation).
    static let stubbed: Set<String> = ["derivePassword", "bcrypt", "htpasswd", "genPrivateKey"]

    /// Marked non-deterministic because they may read the clock's zone, which the context fixes here.
    static let keptReal: Set<String> = ["date", "dateInZone", "htmlDate", "htmlDateInZone"]

    /// A function with the same signature that returns a fixed value: the clock stops at 2024-05-06 07:08:09 UTC.
    static func stub(_ name: String, like original: TemplateFunction, toDate: TemplateFunction?) -> TemplateFunction {
        TemplateFunction(parameters: original.parameters, variadic: original.variadic, result: original.result) { arguments, context in
            switch original.result {
            case .named("time.Time"):
                guard let toDate else { throw FunctionError("\(name): stubbed") }
                return try toDate.body([.string("2006-01-02T15:04:05Z07:00"), .string("2024-05-06T07:08:09Z")], context)
            case .string: return .string("stub-\(name)")
            case .integer: return arguments.first ?? .int(0)
            default: throw FunctionError("\(name): stubbed in the fuzz target")
            }
        }
    }

    /// The data a template sees when the input brings none (or none that decodes).
    static let standardData: Value = (try? GoJSON.decode("""
        {"s": "hello", "n": 42, "f": 3.5, "neg": -7, "z": 0, "huge": 5368709120, "tiny": 1e-06, "t": true, "fl": false,
         "nil": null, "list": [1, "two", 3.5, true, null], "strs": ["b", "a", "c"], "nums": [3, 1, 2],
         "m": {"b": 2, "a": 1, "c": {"d": "deep"}}, "empty": "", "emptyList": [], "emptyMap": {},
         "html": "<a href=\\"x\\">&'</a>", "uni": "héllo wörld ✓", "hosts": ["http://a:8080", "http://b:8080"],
         "service": {"port": 8080, "name": "gw", "timeout": "3s", "extra": {"telemetry/logging": {"level": "DEBUG"}}},
         "endpoints": [{"path": "/a", "method": "get", "hosts": ["http://x"]}, {"path": "/b", "hosts": []}],
         "ver": "1.2.3", "url": "https://user:pw@example.com:8080/p/a?q=1&r=x#frag"}
        """)) ?? .nil
}

@_cdecl("LLVMFuzzerTestOneInput")
public func templateFuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = fuzzInput(data, size)
    var sections = bytes.split(separator: 0, omittingEmptySubsequences: false).map { Array($0) }
    var dataSection: [UInt8] = []
    if sections.count > 1 { dataSection = sections.removeLast() }
    var options = TemplateFuzz.options
    switch dataSection.first {
    case UInt8(ascii: "!"): options.missingKey = .error; dataSection.removeFirst()
    case UInt8(ascii: "?"): options.missingKey = .zero; dataSection.removeFirst()
    default: break
    }
    let value = dataSection.isEmpty ? TemplateFuzz.standardData
        : (try? GoJSON.decode(String(decoding: dataSection, as: UTF8.self))) ?? TemplateFuzz.standardData

    // Each template's name, source name and text (as parsed: invalid UTF-8 repaired, as the renderer does).
    var texts: [String: [UInt8]] = [:]
    let set = TemplateSet(functions: TemplateFuzz.functions)
    var firstName: String?
    for (index, section) in sections.enumerated() {
        var name = "t\(index)", body = section
        if let mark = section.firstIndex(of: 1) {
            name = String(decoding: section[..<mark], as: UTF8.self)
            body = Array(section[(mark + 1)...])
        }
        let text = String(decoding: body, as: UTF8.self)
        let source = "section\(index).tmpl"
        texts[source] = Array(text.utf8)
        if firstName == nil { firstName = name }
        do {
            try set.parse(name: name, text: text, source: source)
        } catch {
            checkPosition(of: error, texts: texts)
            return 0
        }
    }
    guard let firstName else { return 0 }
    do {
        let result = try set.execute(firstName, data: value, options: options)
        if result.output.count > TemplateFuzz.maximumOutput {
            violated("output of \(result.output.count) bytes passed the limit of \(TemplateFuzz.maximumOutput)")
        }
        if let map = result.sourceMap { checkSourceMap(map, outputCount: result.output.count, texts: texts) }
    } catch {
        checkPosition(of: error, texts: texts)
    }
    return 0
}

/// An error that gives a position gives one inside the template it names.
private func checkPosition(of error: TemplateError, texts: [String: [UInt8]]) {
    if let line = error.line, line < 1 { violated("error at line \(line): \(error.description)") }
    if let column = error.column, column < 0 { violated("error at column \(column): \(error.description)") }
    guard let offset = error.offset else { return }
    guard let source = error.source, let text = texts[source] else {
        violated("error with offset \(offset) but no known source (\(error.source ?? "nil")): \(error.description)")
    }
    if offset < 0 || offset > text.count {
        violated("error at offset \(offset) of \(source), which has \(text.count) bytes: \(error.description)")
    }
}

/// Every output byte has an origin, and every template span in it lies inside its template's text.
private func checkSourceMap(_ map: SourceMap, outputCount: Int, texts: [String: [UInt8]]) {
    for offset in 0..<outputCount {
        let chain = map.origins(ofOutputOffset: offset)
        guard !chain.isEmpty else { violated("output byte \(offset) of \(outputCount) has no origin") }
        for origin in chain {
            let span: TemplateSpan
            switch origin {
            case .literal(let s), .action(let s), .templateCall(let s, _), .rangeIteration(let s, _, _): span = s
            case .value: continue
            }
            guard let source = span.source, let text = texts[source] else {
                violated("output byte \(offset) comes from \(span), a template of no known source")
            }
            if span.range.lowerBound < 0 || span.range.upperBound > text.count {
                violated("output byte \(offset) comes from \(span), outside the \(text.count) bytes of \(source)")
            }
        }
    }
}
