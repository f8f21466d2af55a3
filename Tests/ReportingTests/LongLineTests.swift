import ConfigTree
import Foundation
import KrakenLint
import Reporting
import XCTest

/// Findings on one long line (a minified file): each format places them at the columns a count from the line's
/// start gives, and the text format shows each with the excerpt it would show alone, though the reporters count
/// each column on from the previous finding's.
final class LongLineTests: XCTestCase {
    /// One line of about 60,000 bytes with characters of one to four bytes, a second short line, and 120 findings
    /// in order on the long line (some at continuation bytes), each with a related location elsewhere on it.
    private static let file: SourceFile = {
        let pieces = ["{\"a\":1,", "\"é\":\"ü\",", "\"€\":[2,3],", "\"𝄞\":\"x\",", "\"k\":\"日本語\",", "\"t\":\"\t\","]
        var text = ""
        var index = 0
        while text.utf8.count < 60_000 {
            text += pieces[index % pieces.count]
            index += 1
        }
        return SourceFile(path: "min.json", format: .json, text: text + "\"end\":0}\n{\"second\": 2}\n")
    }()

    private static let findings: [Diagnostic] = {
        let size = 60_000
        let starts = (0..<120).map { ($0 * 7_919 + $0 * $0 * 13) % size }.sorted()
        return starts.enumerated().map { index, start in
            let related = RelatedLocation(Location(span: Span(start: (start * 31 + 1_000) % size, end: (start * 31 + 1_005) % size)),
                                          message: "related \(index)")
            return Diagnostic(ruleID: "r/long", severity: .warning, message: "finding \(index)",
                              location: Location(span: Span(start: start, end: start + [0, 1, 6, 300][index % 4])), pointer: .root,
                              related: index % 3 == 0 ? [related] : [])
        }
    }()

    private func render(_ format: ReportFormat, _ findings: [Diagnostic]) -> String {
        let report = Report(file: Self.file, findings: findings)
        return format.reporter(ReportSettings(paths: ArtifactPath(root: "/p", currentDirectory: "/p"))).render(Run(reports: [report], toolVersion: "t"))
    }

    /// `line:column` of a span's start and end, counted from the line's start.
    private func expected(_ span: Span) -> (start: SourcePosition, end: SourcePosition) {
        let (start, end) = Self.file.positions(of: span)
        return (start, end.offset >= start.offset ? end : start)
    }

    func testTheTextFormatShowsEachFindingAsItWouldAlone() {
        let together = render(.text, Self.findings)
        let alone = Self.findings.map { finding in
            let text = render(.text, [finding])
            return String(text[..<text.range(of: "\n", options: .backwards, range: text.startIndex..<text.index(before: text.endIndex))!.upperBound])
        }.joined()
        XCTAssertTrue(together.hasPrefix(alone), "the findings rendered together differ from each rendered alone")
        XCTAssertLessThan(together.utf8.count, Self.findings.count * 1_200, "excerpts of a long line are windows, not the line")
    }

    func testTheJSONFormatGivesTheColumnsCountedFromTheLineStart() throws {
        let document = try JSONSerialization.jsonObject(with: Data(render(.json, Self.findings).utf8)) as! [String: Any]
        let diagnostics = (document["files"] as! [[String: Any]])[0]["diagnostics"] as! [[String: Any]]
        XCTAssertEqual(diagnostics.count, Self.findings.count)
        for (finding, diagnostic) in zip(Self.findings, diagnostics) {
            let (start, end) = expected(finding.span)
            XCTAssertEqual([diagnostic["line"], diagnostic["column"], diagnostic["end_line"], diagnostic["end_column"]] as? [Int],
                           [start.line, start.column, end.line, end.column], finding.message)
            for (related, object) in zip(finding.related, diagnostic["related"] as? [[String: Any]] ?? []) {
                let (start, end) = expected(related.location.span)
                XCTAssertEqual([object["line"], object["column"], object["end_line"], object["end_column"]] as? [Int],
                               [start.line, start.column, end.line, end.column], related.message)
            }
        }
    }

    func testSARIFRegionsAndFingerprintsAreThoseOfEachFindingAlone() throws {
        func results(_ text: String) throws -> [[String: Any]] {
            let document = try JSONSerialization.jsonObject(with: Data(text.utf8)) as! [String: Any]
            return (document["runs"] as! [[String: Any]])[0]["results"] as! [[String: Any]]
        }
        func region(_ result: [String: Any]) -> [String: Int] {
            let location = (result["locations"] as! [[String: Any]])[0]["physicalLocation"] as! [String: Any]
            return location["region"] as! [String: Int]
        }
        func fingerprint(_ result: [String: Any]) -> Substring {
            let text = (result["partialFingerprints"] as! [String: String])[SARIFReporter.fingerprintKey]!
            return text[..<text.lastIndex(of: ":")!]
        }
        let together = try results(render(.sarif, Self.findings))
        XCTAssertEqual(together.count, Self.findings.count)
        for (finding, result) in zip(Self.findings, together) {
            let alone = try results(render(.sarif, [finding]))[0]
            let (start, end) = expected(finding.span)
            XCTAssertEqual(region(result), ["startLine": start.line, "startColumn": start.column, "endLine": end.line, "endColumn": end.column])
            XCTAssertEqual(region(result), region(alone), finding.message)
            XCTAssertEqual(fingerprint(result), fingerprint(alone), finding.message)
        }
    }

    func testGitHubCheckstyleAndJUnitGiveTheColumnsCountedFromTheLineStart() {
        var columns: [Int] = [], notes: [Int] = []
        for finding in Self.findings {
            columns.append(expected(finding.span).start.column)
            notes += finding.related.map { expected($0.location.span).start.column }
        }
        func numbers(after prefix: String, in text: String) -> [Int] {
            text.components(separatedBy: prefix).dropFirst().map { Int($0.prefix { $0.isNumber })! }
        }
        XCTAssertEqual(numbers(after: ",col=", in: render(.github, Self.findings)), columns)
        XCTAssertEqual(numbers(after: "note: min.json:1:", in: render(.github, Self.findings)), notes)
        XCTAssertEqual(numbers(after: "column=\"", in: render(.checkstyle, Self.findings)), columns)
        XCTAssertEqual(numbers(after: "note: min.json:1:", in: render(.checkstyle, Self.findings)), notes)
        let junit = render(.junit, Self.findings)
        XCTAssertEqual(numbers(after: "\nmin.json:1:", in: "\n" + junit.replacingOccurrences(of: ">min.json", with: ">\nmin.json")), columns)
        XCTAssertEqual(numbers(after: "note: min.json:1:", in: junit), notes)
    }
}
