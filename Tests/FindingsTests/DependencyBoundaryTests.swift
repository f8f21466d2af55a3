import Foundation
import XCTest

/// The layers stay apart: the findings module knows only the tree, the reporters know no rule, the prober
/// links no lint rule and no schema, and the lint engine prints nothing. Checked on Package.swift (what
/// each target may link) and on the sources (what each file imports and calls).
final class DependencyBoundaryTests: XCTestCase {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    func testFindingsDependsOnTheTreeOnly() throws {
        XCTAssertEqual(try Self.closure(of: "Findings"), ["ConfigTree", "CYAML"])
        try assertImports(of: "Findings", within: ["ConfigTree", "Foundation"])
    }

    func testReportingKnowsNoRuleAndNoKrakenD() throws {
        XCTAssertEqual(try Self.closure(of: "Reporting"), ["ConfigTree", "CYAML", "Findings"])
        try assertImports(of: "Reporting", within: ["ConfigTree", "Findings", "Foundation"])
        for (file, text) in try Self.sources(of: "Reporting") {
            for word in ["RuleRegistry", "RuleDescription", "\"ntlm/", "\"krakend/", "\"schema/", "\"probe/", "auth/ntlm"] {
                XCTAssertFalse(text.contains(word), "Reporting/\(file) mentions \(word)")
            }
        }
    }

    func testTheKrakenDModelThatLintAndProbeShareKnowsOnlyTheTree() throws {
        XCTAssertEqual(try Self.closure(of: "KrakenDModel"), ["ConfigTree", "CYAML"])
        XCTAssertTrue(try Self.closure(of: "NTLMProbe").contains("KrakenDModel"), "probe targets come from the shared model")
        XCTAssertTrue(try Self.closure(of: "KrakenLint").contains("KrakenDModel"))
    }

    func testTheProberLinksNoLintRuleAndNoSchema() throws {
        let linked = try Self.closure(of: "NTLMProbe")
        XCTAssertFalse(linked.contains("KrakenLint"), "NTLMProbe links \(linked.sorted())")
        XCTAssertFalse(linked.contains("JSONSchema"), "NTLMProbe links \(linked.sorted())")
        for (file, text) in try Self.sources(of: "NTLMProbe") {
            XCTAssertFalse(text.contains("import KrakenLint") || text.contains("import JSONSchema"), "NTLMProbe/\(file)")
        }
    }

    func testTheLintEngineAndTheProberPrintNothing() throws {
        for module in ["KrakenLint", "NTLMProbe", "Findings", "Reporting", "JSONSchema", "ConfigTree"] {
            for (file, text) in try Self.sources(of: module) {
                let range = NSRange(text.startIndex..., in: text)
                if let match = Self.terminalOutput.firstMatch(in: text, range: range), let found = Range(match.range, in: text) {
                    XCTFail("\(module)/\(file) writes to the terminal: \(text[found])")
                }
            }
        }
    }

    // MARK: Helpers

    /// Calls that write to standard output or error.
    static let terminalOutput = try! NSRegularExpression(
        pattern: #"(^|[^A-Za-z0-9_.])(print|debugPrint|dump|fputs|fwrite|putchar|puts)\(|FileHandle\.standard(Output|Error)|STD(OUT|ERR)_FILENO|\bstd(out|err)\b\)"#,
        options: [.anchorsMatchLines]
    )

    /// Every local target `target` links, directly or not, read from Package.swift.
    static func closure(of target: String) throws -> Set<String> {
        let graph = try targetGraph()
        XCTAssertNotNil(graph[target], "no target \(target) in Package.swift")
        var seen: Set<String> = []
        var pending = graph[target] ?? []
        while let next = pending.popLast() {
            guard graph[next] != nil, seen.insert(next).inserted else { continue }
            pending += graph[next] ?? []
        }
        return seen
    }

    /// Local target name → the quoted names in its `dependencies: [...]` (products of other packages
    /// appear too and are dropped by `closure`, since they are not local targets).
    static func targetGraph() throws -> [String: [String]] {
        let text = try String(contentsOf: packageRoot.appendingPathComponent("Package.swift"), encoding: .utf8)
        var graph: [String: [String]] = [:]
        let kinds = [".target(", ".systemLibrary(", ".executableTarget(", ".plugin(", ".testTarget("]
        var cursor = text.startIndex
        while let range = kinds.compactMap({ text.range(of: $0, range: cursor..<text.endIndex) }).min(by: { $0.lowerBound < $1.lowerBound }) {
            // The declaration runs to its matching parenthesis.
            var depth = 1
            var end = range.upperBound
            while end < text.endIndex, depth > 0 {
                if text[end] == "(" { depth += 1 } else if text[end] == ")" { depth -= 1 }
                end = text.index(after: end)
            }
            let declaration = String(text[range.upperBound..<end])
            cursor = end
            guard let name = quoted(after: "name:", in: declaration) else { continue }
            var dependencies: [String] = []
            if let list = declaration.range(of: "dependencies: [") {
                var depthBrackets = 1
                var index = list.upperBound
                while index < declaration.endIndex, depthBrackets > 0 {
                    if declaration[index] == "[" { depthBrackets += 1 } else if declaration[index] == "]" { depthBrackets -= 1 }
                    index = declaration.index(after: index)
                }
                dependencies = declaration[list.upperBound..<index].split(separator: "\"", omittingEmptySubsequences: false)
                    .enumerated().filter { $0.offset % 2 == 1 }.map { String($0.element) }
            }
            graph[name] = dependencies
        }
        return graph
    }

    private static func quoted(after label: String, in text: String) -> String? {
        guard let label = text.range(of: label), let open = text.range(of: "\"", range: label.upperBound..<text.endIndex),
              let close = text.range(of: "\"", range: open.upperBound..<text.endIndex) else { return nil }
        return String(text[open.upperBound..<close.lowerBound])
    }

    /// The Swift sources of a module, by file name.
    static func sources(of module: String) throws -> [(String, String)] {
        let directory = packageRoot.appendingPathComponent("Sources/\(module)")
        guard let walker = FileManager.default.enumerator(atPath: directory.path) else { return [] }
        var found: [(String, String)] = []
        for case let path as String in walker where path.hasSuffix(".swift") {
            found.append((path, try String(contentsOf: directory.appendingPathComponent(path), encoding: .utf8)))
        }
        XCTAssertFalse(found.isEmpty, "no sources in Sources/\(module)")
        return found
    }

    private func assertImports(of module: String, within allowed: Set<String>, file: StaticString = #filePath, line: UInt = #line) throws {
        for (name, text) in try Self.sources(of: module) {
            for sourceLine in text.split(separator: "\n") {
                let words = sourceLine.split(separator: " ")
                guard let index = words.firstIndex(where: { $0 == "import" }), index + 1 < words.count else { continue }
                let imported = String(words[index + 1])
                XCTAssertTrue(allowed.contains(imported), "\(module)/\(name) imports \(imported)", file: file, line: line)
            }
        }
    }
}
