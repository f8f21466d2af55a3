import ConfigTree
@testable import KrakenLint
import XCTest

/// What the linter does to findings after the rules: audit properties, the configuration's levels, order,
/// and exact duplicates removed.
final class FinalizeTests: XCTestCase {
    private func finding(_ rule: String, at offset: Int, _ message: String = "m", fix: String? = nil) -> Diagnostic {
        Diagnostic(ruleID: rule, severity: .warning, message: message, span: Span(at: offset), pointer: .root, fix: fix)
    }

    func testSortedWithoutExactDuplicatesKeepingFindingsThatDifferOnlyOutsideTheSortKey() {
        let a = finding("r/a", at: 5), b = finding("r/b", at: 1)
        let aWithFix = finding("r/a", at: 5, fix: "do this")
        let result = Linter().finalize([a, b, a, aWithFix, a, b], root: nil, file: SourceFile(path: "k.json", format: .json, text: "{}"))
        XCTAssertEqual(result.map(\.ruleID), ["r/b", "r/a", "r/a"])
        XCTAssertEqual(result.filter { $0.ruleID == "r/a" }.map(\.fix), [nil, "do this"])
    }

    func testTheSortOrderIsDiagnosticsOrder() {
        let a = SourceFile(path: "a.json", format: .json, text: "{}"), b = SourceFile(path: "b.json", format: .json, text: "{}")
        let aAgain = SourceFile(path: "a.json", format: .json, text: "{}")
        var findings: [Diagnostic] = []
        for (index, file) in [a, b, aAgain, nil, a].enumerated() {
            for offset in [3, 1, 3] {
                var diagnostic = finding(index % 2 == 0 ? "r/a" : "r/b", at: offset, "m\(index % 3)")
                diagnostic.location.file = file
                findings.append(diagnostic)
            }
        }
        XCTAssertEqual(findings.sorted(by: Linter.sortOrder), findings.sorted(by: Diagnostic.ordered))
    }

    func testFindingsWithoutAFileGetTheLintedOne() {
        let file = SourceFile(path: "k.json", format: .json, text: "{}")
        let result = Linter().finalize([finding("r/a", at: 0)], root: nil, file: file)
        XCTAssertTrue(result.first?.location.file === file)
    }

    func testAuditFindingsCarryKrakenDsIDAndSeverity() {
        let result = Linter().finalize([finding("audit/3.3.4", at: 0)], root: nil, file: SourceFile(path: "k.json", format: .json, text: "{}"))
        XCTAssertEqual(result.first?.properties, ["krakend_id": .string("3.3.4"), "krakend_severity": .string("CRITICAL")])
    }
}
