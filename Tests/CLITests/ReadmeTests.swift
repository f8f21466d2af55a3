import Foundation
import KrakenLint
import XCTest

/// The README's rule table comes from the rule registry; this keeps the two from drifting apart.
final class ReadmeTests: XCTestCase {
    func testTheReadmeListsEveryRuleWithItsDefaultSeverity() throws {
        let readme = try String(contentsOf: packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        for rule in RuleRegistry.allDescriptions {
            XCTAssertTrue(
                readme.contains("| `\(rule.id)` | \(rule.defaultSeverity.rawValue) | \(rule.summary) |"),
                "README.md's rule table lacks or misstates \(rule.id)"
            )
        }
    }

    /// And the other way: every row of the README's rule table is a registered rule, as registered.
    func testEveryRuleInTheReadmesTableIsRegistered() throws {
        let readme = try String(contentsOf: packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let row = try NSRegularExpression(pattern: #"^\| `([^`]+)` \| (error|warning|info) \| (.*) \|$"#, options: [.anchorsMatchLines])
        let rows = row.matches(in: readme, range: NSRange(readme.startIndex..., in: readme))
        XCTAssertEqual(rows.count, RuleRegistry.allDescriptions.count, "the README's rule table has one row per rule")
        for match in rows {
            let id = Range(match.range(at: 1), in: readme).map { String(readme[$0]) } ?? ""
            let severity = Range(match.range(at: 2), in: readme).map { String(readme[$0]) } ?? ""
            let summary = Range(match.range(at: 3), in: readme).map { String(readme[$0]) } ?? ""
            let rule = RuleRegistry.description(for: id)
            XCTAssertNotNil(rule, "README.md lists \(id), which is not a rule")
            XCTAssertEqual(rule?.defaultSeverity.rawValue, severity, id)
            XCTAssertEqual(rule?.summary, summary, id)
        }
    }

    func testTheReadmeStartsWithTheTwoSetUpCommands() throws {
        let readme = try String(contentsOf: packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let firstBlock = try XCTUnwrap(readme.components(separatedBy: "```sh\n").dropFirst().first?.components(separatedBy: "```").first)
        let commands = firstBlock.split(separator: "\n").map(String.init)
        XCTAssertEqual(commands.count, 2)
        XCTAssertTrue(commands[0].hasSuffix("swift run krakenlint lint examples/"), commands[0])
        XCTAssertEqual(commands[1], "bash scripts/test.sh")
    }
}
