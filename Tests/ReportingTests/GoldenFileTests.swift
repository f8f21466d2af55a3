import Foundation
import KrakenLint
import Reporting
import XCTest

/// Every format rendered from the same fixed run, compared with the reviewed files in Golden/.
/// Set KRAKENLINT_UPDATE_GOLDEN=1 to rewrite them after an intended change, then review the diff.
final class GoldenFileTests: XCTestCase {
    static let goldenDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    private func check(_ name: String, _ actual: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let url = Self.goldenDirectory.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["KRAKENLINT_UPDATE_GOLDEN"] == "1" {
            try actual.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            return XCTFail("missing golden file \(name); run with KRAKENLINT_UPDATE_GOLDEN=1 to create it", file: file, line: line)
        }
        XCTAssertEqual(actual, expected, "\(name) differs from the golden file", file: file, line: line)
    }

    private func render(_ format: ReportFormat, color: Bool = false, run: Run = ReportFixtures.run) -> String {
        format.reporter(ReportSettings(verbose: false, color: color, paths: ReportFixtures.paths)).render(run)
    }

    func testTextMatchesGolden() throws { try check("text.txt", render(.text)) }
    func testColoredTextMatchesGolden() throws { try check("text-color.txt", render(.text, color: true)) }
    func testJSONMatchesGolden() throws { try check("json.json", render(.json)) }
    /// The driver lists a fixed set of rules here, so new rules elsewhere do not churn this file;
    /// `SARIFReporterTests` checks that the real driver lists every registered rule.
    func testSARIFMatchesGolden() throws {
        try check("sarif.json", SARIFReporter(paths: ReportFixtures.paths, rules: ReportFixtures.rules).render(ReportFixtures.run))
    }
    func testGitHubMatchesGolden() throws { try check("github.txt", render(.github)) }
    func testJUnitMatchesGolden() throws { try check("junit.xml", render(.junit)) }
    func testCheckstyleMatchesGolden() throws { try check("checkstyle.xml", render(.checkstyle)) }

    /// A finding in a partial, with related locations in the template and in a settings file, in every format.
    func testRelatedLocationsMatchGoldenInEveryFormat() throws {
        for format in ReportFormat.allCases {
            let name = "related-" + format.rawValue + (format == .json || format == .sarif ? ".json" : format == .junit || format == .checkstyle ? ".xml" : ".txt")
            let reporter = format == .sarif
                ? SARIFReporter(paths: ReportFixtures.paths, rules: ReportFixtures.rules)
                : format.reporter(ReportSettings(verbose: false, color: false, paths: ReportFixtures.paths))
            let output = reporter.render(ReportFixtures.templatedRun)
            XCTAssertFalse(output.contains(ReportFixtures.secret), "\(format) shows the secret:\n\(output)")
            XCTAssertTrue(output.contains("gateway/settings/env.json"), "\(format) lacks the related file:\n\(output)")
            try check(name, output)
        }
    }

    func testEveryFormatHasAGoldenTest() {
        let tested: Set<ReportFormat> = [.text, .json, .sarif, .github, .junit, .checkstyle]
        XCTAssertEqual(Set(ReportFormat.allCases), tested)
    }

    func testTextIsQuietOnACleanRunAndSummarizesWhenVerbose() {
        XCTAssertEqual(render(.text, run: ReportFixtures.cleanRun), "")
        let verbose = TextReporter(verbose: true).render(ReportFixtures.cleanRun)
        XCTAssertEqual(verbose, "no problems in 1 file\n")
    }
}
