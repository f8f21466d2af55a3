import Foundation
import XCTest

/// `krakenlint audit --format '{{…}}'`: KrakenD's `-f` templates, compared with what Go's text/template
/// prints for the same templates and data (recorded by `Golden/audit-template/peer`, see its header).
final class AuditTemplateFormatTests: XCTestCase {
    /// Fires rules of every severity (3.3.4 is CRITICAL), and 2.2.3, whose message has quotes to escape.
    static let config = #"""
        {"version": 3, "timeout": "90s",
         "endpoints": [{"endpoint": "/a", "input_headers": ["*"],
           "backend": [{"url_pattern": "/a", "host": ["http://a"],
             "extra_config": {"auth/ntlm": {"user": "svc", "password": "Hunter2-Secret"}}}]}]}
        """#

    private struct Case: Decodable {
        let template: String
        let output: String?
        let error: String?
    }

    private func recorded() throws -> [Case] {
        let url = packageRoot.appendingPathComponent("Tests/CLITests/Golden/audit-template/expected.json")
        return try JSONDecoder().decode([Case].self, from: Data(contentsOf: url))
    }

    private func audit(_ arguments: [String]) throws -> CLIRun {
        let tree = try TemporaryTree(["krakend.json": Self.config])
        return runCLI(["audit"] + arguments + [tree.path("krakend.json")])
    }

    func testTemplatesPrintWhatGoPrintsForTheSameData() throws {
        let cases = try recorded().filter { $0.output != nil }
        XCTAssertGreaterThanOrEqual(cases.count, 6)
        for recorded in cases {
            let run = try audit(["-f", recorded.template])
            XCTAssertEqual(run.status, 1, "\(recorded.template): \(run.stderr)")
            XCTAssertEqual(run.stderr, recorded.output, recorded.template)
            XCTAssertEqual(run.stdout, "", recorded.template)
        }
    }

    func testTemplateErrorsGiveGoMessageAPositionAndExitTwo() throws {
        let cases = try recorded().filter { $0.error != nil }
        XCTAssertGreaterThanOrEqual(cases.count, 5)
        for recorded in cases {
            let run = try audit(["-f", recorded.template])
            XCTAssertEqual(run.status, 2, recorded.template)
            XCTAssertTrue(run.stderr.hasPrefix("krakenlint: --format template: \(recorded.error ?? "")\n"), "\(recorded.template): \(run.stderr)")
        }
    }

    func testAnErrorShowsTheTemplateLineWithACaret() throws {
        let run = try audit(["-f", "{{range .Recommendations}}\n  {{.Rule.X}}{{end}}"])
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.stderr.contains("template: audit:2:9: executing \"audit\" at <.Rule.X>"), run.stderr)
        // Go's column 9 is the byte offset of ".X" in the line: the caret goes under it.
        XCTAssertTrue(run.stderr.hasSuffix(" 2 |   {{.Rule.X}}{{end}}\n   | " + String(repeating: " ", count: 9) + "^\n"), run.stderr)
    }

    func testAParseErrorStopsBeforeAnyAudit() throws {
        let run = runCLI(["audit", "-f", "{{if}}", "/nonexistent/krakend.json"])
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.stderr.contains("template: audit:1: missing value for if"), run.stderr)
        XCTAssertFalse(run.stderr.contains("nonexistent"), run.stderr)
    }

    func testColorNeverTurnsColoredOff() throws {
        let run = try audit(["--color", "never", "-s", "CRITICAL", "-f", "{{range .Recommendations}}{{colored .Severity}} {{.Rule}}{{end}}"])
        XCTAssertEqual(run.status, 1)
        XCTAssertEqual(run.stderr, "CRITICAL 3.3.4")
    }

    func testNothingFiredGivesEmptyRecommendationsAndExitZero() throws {
        let run = try audit(["-s", "NONE", "-f", "{{marshal .}}"])
        XCTAssertEqual(run.status, 0)
        XCTAssertTrue(run.stderr.hasSuffix(#"{"recommendations":[],"stats":{}}"#), run.stderr)
    }

    func testSuppressedAndIgnoredRulesAreLeftOut() throws {
        let run = try audit(["-i", "3.3.1,2.1.2", "-f", "{{range .Recommendations}}{{.Rule}} {{end}}"])
        XCTAssertEqual(run.stderr, "1.2.1 2.1.7 2.2.1 2.2.2 2.2.3 3.1.1 3.1.2 3.1.3 3.3.2 3.3.3 3.3.4 4.1.1 4.2.1 4.3.1 5.2.2 ")
    }

    func testNoPasswordReachesTheTemplateOutput() throws {
        for template in ["{{marshal .}}", "{{printf \"%v\" .}}", "{{range .Recommendations}}{{.Message}}{{end}}"] {
            let run = try audit(["-f", template])
            XCTAssertEqual(run.status, 1)
            XCTAssertFalse(run.stderr.contains("Hunter2"), template)
            XCTAssertFalse(run.stdout.contains("Hunter2"), template)
        }
    }

    func testEachFileGetsItsOwnExecutionAndARefusedFileItsErrors() throws {
        let tree = try TemporaryTree(["a.json": Self.config, "b.json": #"{"version": 2}"#])
        let run = runCLI(["audit", "-s", "CRITICAL", "-f", "{{range .Recommendations}}{{.Rule}};{{end}}", tree.path("a.json"), tree.path("b.json")])
        XCTAssertEqual(run.status, 1)
        XCTAssertTrue(run.stderr.hasPrefix("3.3.4;"), run.stderr)
        XCTAssertTrue(run.stderr.contains("[krakend/unsupported-version]"), run.stderr)
    }
}
