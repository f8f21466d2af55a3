import ConfigTree
import KrakenLint
import Foundation
import XCTest

/// Runs every rule's documented examples: each triggering example must produce the rule's finding at
/// exactly its `↓` markers, and each non-triggering example must produce none of it.
final class RuleExampleTests: XCTestCase {
    /// The one rule the bundled schema cannot trigger: it has no `maxLength` anywhere, so `schema/max-length`
    /// fires only with `--schema` (the id exists so it can be configured and explained).
    static let onlyWithACustomSchema: Set<String> = ["schema/max-length"]
    /// Audit rules that KrakenD's own evaluator never fires (4.1.2 is an unimplemented stub upstream; 5.2.1's
    /// condition cannot hold for a configuration that passed Init): an example that triggers them would be
    /// a lie. Their non-triggering examples still run.
    static let neverFireInKrakenD: Set<String> = ["audit/4.1.2", "audit/5.2.1"]
    /// The audit's one visitor joins the walk through `LintOptions.audit`, not through the registry.
    static let joinsThroughAuditMode: Set<String> = ["AuditCollector"]

    /// A triggering example is what fails when a rule is dropped from the registry, so every rule has one.
    func testEveryRuleHasATriggeringExampleAndDocumentation() {
        for rule in RuleRegistry.allDescriptions {
            if Self.onlyWithACustomSchema.contains(rule.id) {
                XCTAssertTrue(rule.triggeringExamples.isEmpty, "\(rule.id) has an example now; drop it from the exception list")
                XCTAssertFalse(KrakenDSchemaKeywords.bundledUses("maxLength"), "the bundled schema uses maxLength now; give \(rule.id) an example")
            } else if Self.neverFireInKrakenD.contains(rule.id) {
                XCTAssertTrue(rule.triggeringExamples.isEmpty, "\(rule.id) has a triggering example, but KrakenD never fires it")
            } else {
                XCTAssertFalse(rule.triggeringExamples.isEmpty, "\(rule.id) has no triggering example")
            }
            XCTAssertFalse(rule.nonTriggeringExamples.isEmpty, "\(rule.id) has no non-triggering example")
            XCTAssertFalse(rule.summary.isEmpty, "\(rule.id) has no summary")
            XCTAssertFalse(rule.explanation.isEmpty, "\(rule.id) has no explanation")
            XCTAssertFalse(rule.fix.isEmpty, "\(rule.id) has no fix")
        }
    }

    func testRuleIDsAreUnique() {
        let ids = RuleRegistry.allDescriptions.map(\.id)
        XCTAssertEqual(ids.count, Set(ids).count)
    }

    func testTriggeringExamplesFireAtTheirMarkers() {
        for rule in RuleRegistry.allDescriptions {
            for example in rule.triggeringExamples {
                let found = findings(of: rule, in: example)
                let expected = example.markedOffsets
                XCTAssertFalse(expected.isEmpty, "\(rule.id): a triggering example needs a ↓ marker" + " (\(example.file):\(example.line))")
                XCTAssertEqual(found, expected, "\(rule.id): findings at byte offsets \(found), markers at \(expected)" + " (\(example.file):\(example.line))")
            }
        }
    }

    func testNonTriggeringExamplesDoNotFire() {
        for rule in RuleRegistry.allDescriptions {
            for example in rule.nonTriggeringExamples {
                XCTAssertEqual(findings(of: rule, in: example), [], "\(rule.id) fired on a non-triggering example" + " (\(example.file):\(example.line))")
            }
        }
    }

    /// A rule type in Sources/KrakenLint/Rules that no registry lists would never run: find them all.
    func testEveryRuleTypeInTheSourcesIsRegistered() throws {
        let rules = packageRoot.appendingPathComponent("Sources/KrakenLint/Rules")
        let walker = try XCTUnwrap(FileManager.default.enumerator(atPath: rules.path))
        let declaration = try NSRegularExpression(pattern: #"class\s+(\w+)\s*:\s*([^{]+)\{"#)
        let registered = Set(RuleRegistry.visitorRules.map { String(describing: $0) })
        var found: [String] = []
        for case let path as String in walker where path.hasSuffix(".swift") {
            let text = try String(contentsOf: rules.appendingPathComponent(path), encoding: .utf8)
            for match in declaration.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                guard let name = Range(match.range(at: 1), in: text).map({ String(text[$0]) }),
                      let conformances = Range(match.range(at: 2), in: text).map({ text[$0] }) else { continue }
                let isRule = conformances.split(separator: ",").contains { $0.trimmingCharacters(in: .whitespaces).hasSuffix("Rule") }
                guard isRule, !Self.joinsThroughAuditMode.contains(name) else { continue }
                found.append(name)
                XCTAssertTrue(registered.contains(name), "\(name) (\(path)) is a rule in no registry: add it to its family's `all`")
            }
        }
        XCTAssertEqual(found.count, registered.count, "every registered rule type was found in the sources")
    }

    private func findings(of rule: RuleDescription, in example: RuleExample) -> [Int] {
        if rule.id.hasPrefix("config/") && rule.triggeringExamples.contains(where: { $0.file == example.file && $0.line == example.line }) {
            // Configuration rules check .krakenlint.yml files: their triggering examples are parsed as one.
            let file = SourceFile(path: ".krakenlint.yml", format: example.format, text: example.source)
            return ConfigurationParser.parse(file, directory: "/").diagnostics.filter { $0.ruleID == rule.id }.map(\.span.start).sorted()
        }
        let file = SourceFile(path: "example.\(example.format.rawValue)", format: example.format, text: example.source)
        let audit: AuditMode = rule.family == "audit" ? .alongside : .off
        let report = Linter(options: LintOptions(edition: example.edition, audit: audit)).lint(file)
        return report.diagnostics.filter { $0.ruleID == rule.id }.map(\.span.start).sorted()
    }
}

/// Whether the bundled KrakenD schema uses a keyword anywhere (read from schemas/).
enum KrakenDSchemaKeywords {
    static func bundledUses(_ keyword: String) -> Bool {
        let schemas = packageRoot.appendingPathComponent("schemas")
        guard let walker = FileManager.default.enumerator(atPath: schemas.path) else { return false }
        for case let path as String in walker where path.hasSuffix(".json") {
            if let text = try? String(contentsOf: schemas.appendingPathComponent(path), encoding: .utf8), text.contains("\"\(keyword)\"") { return true }
        }
        return false
    }
}

/// The package root, found from this file's location.
private let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
