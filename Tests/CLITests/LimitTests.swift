import Foundation
import XCTest

/// One test per resource limit: a hostile input stops with exit status 2 and an error that names the file,
/// the position and the limit, and the limit's flag lets the same input through. Defaults: docs/reliability.md.
final class LimitTests: XCTestCase {
    private func lint(_ files: [String: String], _ arguments: [String]) throws -> CLIRun {
        let tree = try TemporaryTree(files)
        return withExtendedLifetime(tree) { runCLI(["lint"] + arguments.map { $0.hasPrefix("@") ? tree.path(String($0.dropFirst())) : $0 }) }
    }

    private let config = #"{"version": 3, "endpoints": []}"#

    func testFileSize() throws {
        let refused = try lint(["k.json": config], ["--max-file-size", "10", "@k.json"])
        XCTAssertEqual(refused.status, 2)
        XCTAssertTrue(refused.stderr.contains("k.json: file is 31 bytes, more than the limit of 10 (raise it with --max-file-size)"), refused.stderr)
        XCTAssertTrue(refused.stdout.isEmpty, "nothing is written when an input is refused: \(refused.stdout)")
        XCTAssertEqual(try lint(["k.json": config], ["--max-file-size", "31", "@k.json"]).status, 0)
    }

    func testFileSizeOfStandardInput() {
        let run = runCLI(["lint", "--max-file-size", "10", "--stdin-filename", "k.json", "-"], stdin: config)
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.stderr.contains("k.json: standard input is 31 bytes, more than the limit of 10"), run.stderr)
    }

    func testNestingDepth() throws {
        let deep = #"{"version": 3, "x": "# + String(repeating: "[", count: 40) + String(repeating: "]", count: 40) + "}"
        let refused = try lint(["k.json": deep], ["--max-depth", "20", "@k.json"])
        XCTAssertEqual(refused.status, 2)
        XCTAssertTrue(refused.stdout.contains("k.json:1:40: error: nesting deeper than 20 levels"), refused.stdout)
        XCTAssertTrue(refused.stdout.contains("--max-depth"), refused.stdout)
        XCTAssertNotEqual(try lint(["k.json": deep], ["--max-depth", "50", "@k.json"]).status, 2)
    }

    func testYAMLNestingDepth() throws {
        var yaml = "version: 3\nx:\n"
        for level in 1...30 { yaml += String(repeating: "  ", count: level) + "k\(level):\n" }
        yaml += String(repeating: "  ", count: 31) + "leaf: 1\n"
        let refused = try lint(["k.yaml": yaml], ["--max-depth", "10", "@k.yaml"])
        XCTAssertEqual(refused.status, 2)
        XCTAssertTrue(refused.stdout.contains("k.yaml:12:21: error: nesting deeper than 10 levels"), refused.stdout)
        XCTAssertTrue(refused.stdout.contains("nesting deeper than 10 levels"), refused.stdout)
        XCTAssertNotEqual(try lint(["k.yaml": yaml], ["--max-depth", "40", "@k.yaml"]).status, 2)
    }

    func testKeyLength() throws {
        let text = #"{"version": 3, "a_long_key": 1}"#
        let refused = try lint(["k.json": text], ["--max-key-length", "7", "@k.json"])
        XCTAssertEqual(refused.status, 2)
        XCTAssertTrue(refused.stdout.contains("k.json:1:16: error: key of 10 bytes, more than the limit of 7"), refused.stdout)
        XCTAssertNotEqual(try lint(["k.json": text], ["--max-key-length", "10", "@k.json"]).status, 2)
    }

    func testYAMLAliasExpansion() throws {
        var text = "version: 3\na: &a [x, x, x, x, x, x, x, x, x, x]\n"
        for (previous, name) in zip(["a", "b", "c"], ["b", "c", "d"]) {
            text += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 10).joined(separator: ", ") + "]\n"
        }
        // Ten thousand and some nodes in all.
        let refused = try lint(["k.yaml": text], ["--max-yaml-nodes", "5000", "@k.yaml"])
        XCTAssertEqual(refused.status, 2)
        XCTAssertTrue(refused.stdout.contains("k.yaml:5:"), refused.stdout)
        XCTAssertTrue(refused.stdout.contains("expands to more than 5000 nodes through aliases"), refused.stdout)
        XCTAssertTrue(refused.stdout.contains("--max-yaml-nodes"), refused.stdout)
        XCTAssertNotEqual(try lint(["k.yaml": text], ["--max-yaml-nodes", "20000", "@k.yaml"]).status, 2)
    }

    func testJSONNodeCount() throws {
        // The object, "version", 3, the array, then 100 elements at columns 22, 24, 26…: the 51st value is element 47.
        let text = #"{"version": 3, "x": ["# + Array(repeating: "0", count: 100).joined(separator: ",") + "]}"
        let refused = try lint(["k.json": text], ["--max-json-nodes", "50", "@k.json"])
        XCTAssertEqual(refused.status, 2)
        XCTAssertTrue(refused.stdout.contains("k.json:1:116: error: more than 50 values (objects, arrays, strings, numbers…) in the document"), refused.stdout)
        XCTAssertTrue(refused.stdout.contains("--max-json-nodes"), refused.stdout)
        XCTAssertNotEqual(try lint(["k.json": text], ["--max-json-nodes", "104", "@k.json"]).status, 2)
    }

    func testPerFileTimeBudget() throws {
        // Four thousand endpoints take far longer than a millisecond to lint, and a few seconds at most.
        let endpoints = (0..<4000).map { #"{"endpoint": "/e\#($0)", "backend": [{"host": ["https://b"], "url_pattern": "/b\#($0)"}]}"# }
        let text = #"{"version": 3, "endpoints": ["# + endpoints.joined(separator: ",\n") + "]}"
        let refused = try lint(["big.json": text, "small.json": config], ["--time-budget", "0.001", "@big.json"])
        XCTAssertEqual(refused.status, 2)
        XCTAssertTrue(refused.stdout.contains("big.json:1:1: error: checking this file took more than the time budget of 0.001 s"), refused.stdout)
        XCTAssertTrue(refused.stdout.contains("--time-budget"), refused.stdout)
        XCTAssertEqual(try lint(["big.json": text], ["--time-budget", "300", "@big.json"]).status, 0)
    }

    func testLimitFlagsRefuseNonsense() throws {
        for arguments in [["--max-depth", "0"], ["--time-budget", "0"], ["--time-budget", "nan"], ["--max-file-size", "-1"], ["--max-json-nodes", "0"]] {
            let run = try lint(["k.json": config], arguments + ["@k.json"])
            XCTAssertEqual(run.status, 2, "\(arguments): \(run.stderr)")
        }
    }

    // MARK: validate: hostile schemas and pathological patterns

    private func validate(schema: String, instance: String, _ arguments: [String] = []) throws -> CLIRun {
        let tree = try TemporaryTree(["s.json": schema, "i.json": instance])
        return withExtendedLifetime(tree) { runCLI(["validate", "--schema", tree.path("s.json")] + arguments + [tree.path("i.json")]) }
    }

    func testACatastrophicPatternIsStoppedByTheStepLimit() throws {
        let schema = #"{"properties": {"name": {"pattern": "^(a|aa)+$"}}}"#
        let instance = #"{"name": ""# + String(repeating: "a", count: 60) + "!\"}"
        let stopped = try validate(schema: schema, instance: instance, ["--regex-step-limit", "10000"])
        XCTAssertEqual(stopped.status, 2, stopped.stdout + stopped.stderr)
        XCTAssertTrue(stopped.stdout.contains("i.json:1:10: error: matching the pattern"), stopped.stdout)
        XCTAssertTrue(stopped.stderr.contains("--regex-step-limit"), stopped.stderr)
    }

    func testAPatternInputLongerThanTheLimit() throws {
        let schema = #"{"pattern": "^a+$"}"#
        let stopped = try validate(schema: schema, instance: "\"" + String(repeating: "a", count: 200) + "\"", ["--max-pattern-input", "100"])
        XCTAssertEqual(stopped.status, 2, stopped.stdout + stopped.stderr)
        XCTAssertTrue(stopped.stdout.contains("i.json:1:1: error: the text is 200 characters long, more than the 100"), stopped.stdout)
        XCTAssertEqual(try validate(schema: schema, instance: "\"" + String(repeating: "a", count: 200) + "\"", ["--max-pattern-input", "200"]).status, 0)
    }

    func testAReferenceLoopIsStoppedByTheChainLimit() throws {
        let schema = ##"{"$defs": {"a": {"$ref": "#/$defs/b"}, "b": {"$ref": "#/$defs/a"}}, "$ref": "#/$defs/a"}"##
        let stopped = try validate(schema: schema, instance: "{\"x\": 1}")
        XCTAssertEqual(stopped.status, 2, stopped.stdout + stopped.stderr)
        XCTAssertTrue(stopped.stdout.contains("i.json:1:1: error: the schema applies more than 64 subschemas"), stopped.stdout)
        XCTAssertTrue(stopped.stderr.contains("--max-ref-chain"), stopped.stderr)
    }

    func testAnInstanceDeeperThanTheLimit() throws {
        let instance = String(repeating: "[", count: 30) + String(repeating: "]", count: 30)
        let refused = try validate(schema: "{}", instance: instance, ["--max-depth", "10"])
        XCTAssertEqual(refused.status, 2)
        XCTAssertTrue(refused.stdout.contains("i.json:1:11: error: nesting deeper than 10 levels"), refused.stdout)
        XCTAssertEqual(try validate(schema: "{}", instance: instance, ["--max-depth", "30"]).status, 0)
    }

    func testAHostileSchemaTooDeepToRead() throws {
        let schema = String(repeating: #"{"allOf": ["#, count: 600) + "{}" + String(repeating: "]}", count: 600)
        let refused = try validate(schema: schema, instance: "1")
        XCTAssertEqual(refused.status, 2)
        XCTAssertTrue(refused.stderr.contains("nesting deeper than 1000"), refused.stderr)
    }

    func testFourHundredNestedAllOfsAreStoppedByTheChainLimitUnlessRaised() throws {
        let schema = String(repeating: #"{"allOf": ["#, count: 400) + #"{"type": "string"}"# + String(repeating: "]}", count: 400)
        let stopped = try validate(schema: schema, instance: "1")
        XCTAssertEqual(stopped.status, 2, stopped.stdout + stopped.stderr)
        XCTAssertTrue(stopped.stdout.contains("i.json:1:1: error: the schema applies more than 64 subschemas"), stopped.stdout)
        let raised = try validate(schema: schema, instance: "1", ["--max-ref-chain", "1000"])
        XCTAssertEqual(raised.status, 1, raised.stdout + raised.stderr)
        XCTAssertTrue(raised.stdout.contains("i.json:1:1: error:"), raised.stdout)
        XCTAssertTrue(raised.stdout.contains("[schema/type]"), raised.stdout)
    }
}
