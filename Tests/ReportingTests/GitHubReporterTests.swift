import Reporting
import XCTest

/// Workflow commands escape like the Actions toolkit, so messages and file names survive intact.
final class GitHubReporterTests: XCTestCase {
    func testMessagesEscapePercentAndLineBreaks() {
        XCTAssertEqual(GitHubReporter.escapeData("100% done\r\nnext: a, b"), "100%25 done%0D%0Anext: a, b")
    }

    func testPropertiesAlsoEscapeColonAndComma() {
        XCTAssertEqual(GitHubReporter.escapeProperty("odd name,v2.json: 50%"), "odd name%2Cv2.json%3A 50%25")
    }

    func testInfoFindingsBecomeNotices() {
        let output = GitHubReporter(paths: ReportFixtures.paths).render(ReportFixtures.run)
        let lines = output.split(separator: "\n")
        XCTAssertEqual(lines.count, 6)
        XCTAssertTrue(lines.allSatisfy { $0.hasPrefix("::error ") || $0.hasPrefix("::warning ") || $0.hasPrefix("::notice ") }, output)
        XCTAssertTrue(lines.contains { $0.hasPrefix("::notice file=gateway/krakend.json,line=9,") }, output)
        XCTAssertTrue(output.contains("file=gateway/odd name%2Cv2.json,"), output)
    }
}
