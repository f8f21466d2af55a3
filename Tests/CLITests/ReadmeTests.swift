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

    func testTheReadmeStartsWithTheTwoSetUpCommands() throws {
        let readme = try String(contentsOf: packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let firstBlock = try XCTUnwrap(readme.components(separatedBy: "```sh\n").dropFirst().first?.components(separatedBy: "```").first)
        let commands = firstBlock.split(separator: "\n").map(String.init)
        XCTAssertEqual(commands.count, 2)
        XCTAssertTrue(commands[0].hasSuffix("swift run krakenlint lint examples/"), commands[0])
        XCTAssertEqual(commands[1], "bash scripts/test.sh")
    }
}
