import ConfigTree
import Foundation
import XCTest
@testable import JSONSchema

/// Runs the official JSON-Schema-Test-Suite: every required test of draft-07, 2019-09 and 2020-12
/// must pass, with the schema compiled up front and compiled on first use; of the optional and format
/// tests, exactly the known failures below fail (so a regression fails the test, and a fix updates the list).
final class ConformanceTests: XCTestCase {
    struct Tally {
        var passed = 0
        var failed: [String] = []
    }

    private func baseRegistry(shared: URL, dialect: Dialect) throws -> SchemaRegistry {
        let registry = SchemaRegistry(defaultDialect: dialect)
        try registry.registerMetaSchemas(from: shared.appendingPathComponent("conformance/metaschemas"))
        registry.mapPrefix("http://localhost:1234/", toDirectory: shared.appendingPathComponent("conformance/JSON-Schema-Test-Suite/remotes"))
        return registry
    }

    private func run(file: URL, registry: SchemaRegistry, formatAssertion: Bool, compilation: SchemaCompilation) throws -> Tally {
        var tally = Tally()
        let cases = try TestSupport.load(file)
        for (caseIndex, testCase) in (cases.elements ?? []).enumerated() {
            let description = testCase["description"]?.string ?? "case \(caseIndex)"
            guard let schema = testCase["schema"], let tests = testCase["tests"]?.elements else { continue }
            let validator: Validator
            do {
                validator = try Validator(schema: schema, uri: "urn:krakenlint:suite", registry: registry, options: ValidationOptions(formatAssertion: formatAssertion), validateSchema: true, compilation: compilation)
            } catch {
                tally.failed.append("\(description): schema does not compile: \(error)")
                continue
            }
            for test in tests {
                guard let data = test["data"], let expected = test["valid"]?.bool else { continue }
                let quick = validator.isValid(data)
                let errors = validator.validate(data)
                if quick == expected && errors.isEmpty == expected {
                    tally.passed += 1
                } else {
                    let name = test["description"]?.string ?? "?"
                    tally.failed.append("\(description) / \(name): expected \(expected ? "valid" : "invalid"), isValid=\(quick), errors=\(errors.prefix(2).map(\.message))")
                }
            }
        }
        return tally
    }

    private func runDraft(_ folder: String, dialect: Dialect, expectedCount: Int) throws {
        for compilation in [SchemaCompilation.eager, .onFirstUse] {
            try runDraft(folder, dialect: dialect, expectedCount: expectedCount, compilation: compilation)
        }
    }

    private func runDraft(_ folder: String, dialect: Dialect, expectedCount: Int, compilation: SchemaCompilation) throws {
        let shared = try TestSupport.requireShared()
        let suite = shared.appendingPathComponent("conformance/JSON-Schema-Test-Suite/tests/\(folder)")
        let registry = try baseRegistry(shared: shared, dialect: dialect)
        let fileManager = FileManager.default
        let required = try fileManager.contentsOfDirectory(atPath: suite.path).filter { $0.hasSuffix(".json") }.sorted()
        var passed = 0
        var failures: [String] = []
        for name in required {
            let tally = try run(file: suite.appendingPathComponent(name), registry: registry, formatAssertion: false, compilation: compilation)
            passed += tally.passed
            failures += tally.failed.map { "\(name): \($0)" }
        }
        print("[\(folder), compiled \(compilation)] required: \(passed) passed, \(failures.count) failed (suite count \(expectedCount))")
        for failure in failures.prefix(60) { print("  FAIL \(failure)") }
        XCTAssertEqual(failures.count, 0, "\(folder) (\(compilation)): \(failures.count) required tests failed")
        XCTAssertEqual(passed + failures.count, expectedCount, "\(folder) (\(compilation)): test count differs from the issue's")

        var optionalFailures: [String] = []
        for sub in ["optional", "optional/format"] {
            let directory = suite.appendingPathComponent(sub)
            guard let names = try? fileManager.contentsOfDirectory(atPath: directory.path) else { continue }
            var total = 0
            var totalPassed = 0
            for name in names.filter({ $0.hasSuffix(".json") }).sorted() {
                let tally = try run(file: directory.appendingPathComponent(name), registry: registry, formatAssertion: sub.hasSuffix("format") || name == "format-assertion.json", compilation: compilation)
                total += tally.passed + tally.failed.count
                totalPassed += tally.passed
                optionalFailures += tally.failed.map { "\(sub)/\(name): \($0.prefix { $0 != ":" })" }
                print("[\(folder)/\(sub), \(compilation)] \(name): \(tally.passed)/\(tally.passed + tally.failed.count)")
                if ProcessInfo.processInfo.environment["SCHEMA_SUITE_VERBOSE"] != nil {
                    for failure in tally.failed { print("    fail \(failure)") }
                }
            }
            print("[\(folder)/\(sub), \(compilation)] total: \(totalPassed)/\(total)")
        }
        XCTAssertEqual(optionalFailures.sorted(), Self.knownOptionalFailures(folder).sorted(), "\(folder) (\(compilation)): optional tests")
    }

    /// The optional tests that fail, by design: ECMAScript's variable-width lookbehind, which the linear-time
    /// regex engine does not take; and in draft-07, where content keywords may assert, checking the decoded
    /// content (later drafts make them annotations only, as this engine treats them).
    static func knownOptionalFailures(_ folder: String) -> [String] {
        let lookbehind = "optional/format/ecmascript-regex.json: ECMA 262 lookbehind is valid, including variable width / a variable-width lookbehind (ES2018)"
        guard folder == "draft7" else { return [lookbehind] }
        return [lookbehind] + [
            "validation of string-encoded content based on media type / an invalid JSON document",
            "validation of binary string-encoding / an invalid base64 string (% is not a valid character)",
            "validation of binary-encoded media type documents / a validly-encoded invalid JSON document",
            "validation of binary-encoded media type documents / an invalid base64 string that is valid JSON",
        ].map { "optional/content.json: \($0)" }
    }

    func testDraft7() throws { try runDraft("draft7", dialect: .draft7, expectedCount: 927) }
    func testDraft2019_09() throws { try runDraft("draft2019-09", dialect: .draft2019_09, expectedCount: 1259) }
    func testDraft2020_12() throws { try runDraft("draft2020-12", dialect: .draft2020_12, expectedCount: 1299) }
}
