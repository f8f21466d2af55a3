import ConfigTree
import KrakenLint
import XCTest

/// Runs every rule's documented examples: each triggering example must produce the rule's finding at
/// exactly its `↓` markers, and each non-triggering example must produce none of it.
final class RuleExampleTests: XCTestCase {
    func testEveryRuleHasATriggeringOrNonTriggeringExample() {
        for rule in RuleRegistry.allDescriptions {
            XCTAssertFalse(rule.triggeringExamples.isEmpty && rule.nonTriggeringExamples.isEmpty, "\(rule.id) has no examples")
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

    private func findings(of rule: RuleDescription, in example: RuleExample) -> [Int] {
        let file = SourceFile(path: "example.\(example.format.rawValue)", format: example.format, text: example.source)
        let audit: AuditMode = rule.family == "audit" ? .alongside : .off
        let report = Linter(options: LintOptions(edition: example.edition, audit: audit)).lint(file)
        return report.diagnostics.filter { $0.ruleID == rule.id }.map(\.span.start).sorted()
    }
}
