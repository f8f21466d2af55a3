import Foundation
import GoTemplate

/// Our side of the differential tests: a case rendered with ``TemplateSet``, sprig's generic map, the same
/// stubs for the non-deterministic functions as the Go peer, and KrakenD's `marshal` and `include` written
/// here as KrakenD writes them in Go.
enum OurEngine {
    /// The Go peer's `now`: 2024-05-06 07:08:09.123456789 UTC, made by our own `toDate`.
    static let fixedNowLayout = "2006-01-02T15:04:05.999999999Z07:00"
    static let fixedNowText = "2024-05-06T07:08:09.123456789Z"

    /// The stubs of `peer.go`, by name: what the clock, randomness and the network are replaced with.
    static func stubs(sprig: FunctionMap) -> FunctionMap {
        var stubs: FunctionMap = [
            "ago": TemplateFunction(parameters: [.interface], result: .string) { _, _ in .string("stub-ago") },
            "randAlphaNum": repeating("a"),
            "randAlpha": repeating("b"),
            "randAscii": repeating("c"),
            "randNumeric": repeating("7"),
            "randBytes": TemplateFunction(parameters: [.int], result: .string) { arguments, _ in
                .string(Data(count: max(0, try count(arguments[0]))).base64EncodedString())
            },
            "randInt": TemplateFunction(parameters: [.int, .int], result: .int) { arguments, _ in arguments[0] },
            "uuidv4": TemplateFunction(parameters: [], result: .string) { _, _ in
                .string("00000000-0000-4000-8000-000000000000")
            },
            "shuffle": TemplateFunction(parameters: [.string], result: .string) { arguments, _ in arguments[0] },
            "getHostByName": TemplateFunction(parameters: [.string], result: .string) { _, _ in .string("192.0.2.1") },
        ]
        if let toDate = sprig["toDate"] {
            stubs["now"] = TemplateFunction(parameters: [], result: .named("time.Time")) { _, context in
                try toDate.body([.string(fixedNowLayout), .string(fixedNowText)], context)
            }
        }
        return stubs
    }

    /// Go's `strings.Repeat(letter, count)`, which panics on a negative count.
    private static func repeating(_ letter: String) -> TemplateFunction {
        TemplateFunction(parameters: [.int], result: .string) { arguments, _ in
            let count = try count(arguments[0])
            guard count >= 0 else { throw FunctionError("strings: negative Repeat count") }
            return .string(String(repeating: letter, count: count))
        }
    }

    private static func count(_ value: Value) throws -> Int {
        guard case .int(let count, _) = value.storage, let result = Int(exactly: count) else {
            throw FunctionError("stub: expected an int")
        }
        return result
    }

    /// KrakenD's `marshal`: `json.Marshal(v)` as a string, `""` when encoding fails.
    static let marshal = TemplateFunction(parameters: [.interface], result: .string) { arguments, _ in
        .string((try? GoJSON.marshal(arguments[0])) ?? "")
    }

    /// KrakenD's `include`: the raw bytes of `path.Join(partials, name)`, `""` when they cannot be read; a name
    /// that is not a string panics in Go's type assertion.
    static func include(partials: String) -> TemplateFunction {
        TemplateFunction(parameters: [.interface], result: .string) { arguments, _ in
            guard let name = arguments[0].goStringText else {
                let type = arguments[0].isNil ? "nil" : arguments[0].goType.description
                throw FunctionError("interface conversion: interface {} is \(type), not string")
            }
            let path = GoPathJoin.join(partials, name)
            guard !path.isEmpty, let bytes = FileManager.default.contents(atPath: path) else { return .string("") }
            return .goString(bytes)
        }
    }

    /// The function map of a case: sprig, the stubs, `marshal` and `include`.
    static func functions(sprig: FunctionMap, partials: String?) -> FunctionMap {
        var functions = sprig
        functions.merge(stubs(sprig: sprig)) { _, stub in stub }
        functions["marshal"] = marshal
        functions["include"] = include(partials: partials ?? "")
        return functions
    }

    static func missingKeyPolicy(_ option: String?) -> MissingKeyPolicy {
        switch option {
        case "zero": return .zero
        case "error": return .error
        default: return .default
        }
    }

    /// Renders one case: its templates parsed in order into one set, then the named template executed.
    static func render(_ testCase: TemplateCase, sprig: FunctionMap, recordSourceMap: Bool = false) -> Outcome {
        do {
            let data = try testCase.dataJSON.map { try GoJSON.decode($0) } ?? .nil
            let set = TemplateSet(functions: functions(sprig: sprig, partials: testCase.partials))
            for source in testCase.templates {
                try set.parse(name: source.name, text: source.text)
            }
            let options = ExecutionOptions(
                context: FunctionContext(environment: testCase.environment), recordSourceMap: recordSourceMap,
                missingKey: missingKeyPolicy(testCase.missingKey))
            return .output(try set.execute(testCase.executedName, data: data, options: options).output)
        } catch let error as TemplateError {
            return .error(error.description)
        } catch let error as FunctionError {
            return .error("data: " + error.message)
        } catch {
            return .error("\(error)")
        }
    }
}

/// Go's `path.Join` for two elements: joined with a slash, empty elements dropped, then cleaned.
enum GoPathJoin {
    static func join(_ first: String, _ second: String) -> String {
        let elements = [first, second].filter { !$0.isEmpty }
        return elements.isEmpty ? "" : clean(elements.joined(separator: "/"))
    }

    /// Go's `path.Clean`: no repeated slashes, no `.` elements, `..` resolved where it can be.
    static func clean(_ path: String) -> String {
        if path.isEmpty { return "." }
        let rooted = path.hasPrefix("/")
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == "..", let last = parts.last, last != ".." {
                parts.removeLast()
            } else if part == "..", rooted {
                continue
            } else {
                parts.append(part)
            }
        }
        let joined = parts.joined(separator: "/")
        if rooted { return "/" + joined }
        return joined.isEmpty ? "." : joined
    }
}
