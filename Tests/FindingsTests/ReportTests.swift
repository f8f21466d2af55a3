import ConfigTree
import Findings
import XCTest

final class ReportTests: XCTestCase {
    let main = SourceFile(path: "krakend.tmpl", format: .json, text: "{\n  \"a\": 1\n}\n")
    let partial = SourceFile(path: "partials/b.tmpl", format: .json, text: "\"b\": 2\n")

    func testAFindingWithoutAFileIsGivenTheReportsInput() {
        let finding = Finding(ruleID: "r/x", severity: .error, message: "m", span: Span(at: 4), pointer: .root)
        XCTAssertNil(finding.location.file)
        let report = Report(file: main, findings: [finding])
        XCTAssertTrue(report.findings[0].location.file === main)
    }

    func testAFindingKeepsItsOwnFileAndItsRelatedLocationsTheirs() {
        let rendered = RelatedLocation(Location(span: Span(at: 4)), message: "rendered here")
        let finding = Finding(ruleID: "r/x", severity: .warning, message: "m", location: Location(file: partial, span: Span(at: 0)),
                              pointer: .root, related: [rendered], properties: ["krakend_severity": .string("HIGH"), "score": .number(7.5)])
        var report = Report(file: main, findings: [])
        report.findings = [finding]
        XCTAssertEqual(report.findings[0].location.file?.path, "partials/b.tmpl")
        XCTAssertEqual(report.findings[0].related[0].location.file?.path, "krakend.tmpl", "a related location without a file is in the input")
        XCTAssertEqual(report.findings[0].properties["score"], .number(7.5))
        XCTAssertEqual(report.file(of: report.findings[0].location).path, "partials/b.tmpl")
    }

    func testFindingsSortByFileThenPositionThenRule() {
        let a = Finding(ruleID: "b", severity: .error, message: "m", location: Location(file: partial, span: Span(at: 0)), pointer: .root)
        let b = Finding(ruleID: "b", severity: .error, message: "m", location: Location(file: main, span: Span(at: 5)), pointer: .root)
        let c = Finding(ruleID: "a", severity: .error, message: "m", location: Location(file: main, span: Span(at: 5)), pointer: .root)
        XCTAssertEqual([a, b, c].sorted(by: Finding.ordered).map(\.ruleID), ["a", "b", "b"])
        XCTAssertEqual([a, b, c].sorted(by: Finding.ordered).last?.location.file?.path, "partials/b.tmpl")
    }

    func testTheSameSpanInTwoReadsOfOneFileIsOneLocation() {
        let again = SourceFile(path: "krakend.tmpl", format: .json, bytes: main.bytes)
        XCTAssertEqual(Location(file: main, span: Span(at: 3)), Location(file: again, span: Span(at: 3)))
        XCTAssertNotEqual(Location(file: main, span: Span(at: 3)), Location(file: partial, span: Span(at: 3)))
    }

    func testTheFailLevelDecidesWhetherAReportFails() {
        let warning = Finding(ruleID: "r/x", severity: .warning, message: "m", span: Span(at: 0), pointer: .root)
        XCTAssertFalse(Report(file: main, findings: [warning]).fails)
        XCTAssertTrue(Report(file: main, findings: [warning], failLevel: .warning).fails)
        XCTAssertEqual(Run(reports: [Report(file: main, findings: [warning, warning])], toolVersion: "t").count(.warning), 2)
    }
}
