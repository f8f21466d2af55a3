import ConfigTree
import KrakenLint
@testable import Reporting
import XCTest

/// The terminal format: carets under the whole span, masked secrets that do not shift them, colors only when asked.
final class TextReporterTests: XCTestCase {
    private func render(_ text: String, needle: String, secret: String? = nil, color: Bool = false) -> [String] {
        let file = SourceFile(path: "k.json", format: .json, text: text)
        let finding = Diagnostic(ruleID: "r/x", severity: .warning, message: "m", span: ReportFixtures.span(of: needle, in: file), pointer: .root)
        let secrets = secret.map { [SecretValue($0, span: ReportFixtures.span(of: "\"\($0)\"", in: file))] } ?? []
        let report = Report(file: file, findings: [finding], secrets: secrets)
        return TextReporter(color: color).render(Run(reports: [report], toolVersion: "t")).components(separatedBy: "\n")
    }

    /// The source text above the caret line's `^~~~`, compared in terminal cells (tabs taken as one cell
    /// each, since the padding copies them): wide characters take two.
    private func caretTarget(_ lines: [String]) -> String {
        var cells: [Character?] = []
        for character in lines[1] {
            let wide = character.unicodeScalars.first.map { $0.properties.isEmojiPresentation || (0x4E00...0x9FFF).contains($0.value) } ?? false
            cells.append(character)
            if wide { cells.append(nil) }
        }
        let carets = Array(lines[2])
        let start = carets.firstIndex(of: "^") ?? 0
        let end = (carets.lastIndex(where: { $0 == "~" || $0 == "^" }) ?? start) + 1
        return String(cells[start..<min(end, cells.count)].compactMap { $0 })
    }

    func testCaretUnderlinesTheWholeSpan() {
        let lines = render("{\"version\": 2, \"port\": 80}\n", needle: "\"port\"")
        XCTAssertEqual(lines[0], "k.json:1:16: warning: m [r/x]")
        XCTAssertEqual(caretTarget(lines), "\"port\"")
    }

    func testALongSecretBeforeTheSpanDoesNotShiftTheCaret() {
        let secret = String(repeating: "x", count: 40)
        let lines = render("{\"password\": \"\(secret)\", \"port\": 80}\n", needle: "\"port\"", secret: secret)
        XCTAssertFalse(lines.joined().contains(secret))
        XCTAssertEqual(caretTarget(lines), "\"port\"")
    }

    func testAShortSecretBeforeTheSpanDoesNotShiftTheCaret() {
        let lines = render("{\"password\": \"ab\", \"port\": 80}\n", needle: "\"port\"", secret: "ab")
        XCTAssertTrue(lines[1].contains("********"))
        XCTAssertEqual(caretTarget(lines), "\"port\"")
    }

    func testCaretUnderTheSecretCoversTheMask() {
        let lines = render("{\"password\": \"hunter22\"}\n", needle: "\"hunter22\"", secret: "hunter22")
        XCTAssertEqual(caretTarget(lines), "********")
    }

    func testNonASCIIAndTabsKeepTheCaretAligned() {
        let lines = render("{\t\"café ☕\": 1, \"port\": 80}\n", needle: "\"port\"")
        XCTAssertEqual(caretTarget(lines), "\"port\"")
        let wide = render("{\"名前\": \"☕☕\", \"port\": 80}\n", needle: "\"☕☕\"")
        XCTAssertEqual(caretTarget(wide), "\"☕☕\"", "wide characters take two cells, before and under the caret")
        XCTAssertTrue(lines[2].contains("\t"), "a tab in the line is a tab in the padding")
    }

    func testColorsOnlyWhenAsked() {
        XCTAssertFalse(render("{\"port\": 80}\n", needle: "80").joined().contains("\u{1B}["))
        XCTAssertTrue(render("{\"port\": 80}\n", needle: "80", color: true).joined().contains("\u{1B}[1;33m"))
    }

    func testControlCharactersInMessagesAreNotSentToTheTerminal() {
        let file = SourceFile(path: "k.json", format: .json, text: "{}\n")
        let finding = Diagnostic(ruleID: "r/x", severity: .error, message: "key \"\u{1B}[31mred\" unknown\nsecond line", span: Span(at: 0), pointer: .root)
        let output = TextReporter().render(Run(reports: [Report(file: file, findings: [finding], secrets: [])], toolVersion: "t"))
        XCTAssertFalse(output.contains("\u{1B}"))
        XCTAssertTrue(output.hasPrefix("k.json:1:1: error: key \"\u{FFFD}[31mred\" unknown second line [r/x]\n"), output)
    }

    func testASpanRunningPastItsLineIsUnderlinedToTheLineEnd() {
        let lines = render("{\"a\": [1,\n 2]}\n", needle: "[1,\n 2]")
        XCTAssertEqual(lines[1], " 1 | {\"a\": [1,")
        XCTAssertEqual(lines[2], "   |       ^~~")
    }

    func testAPlainLineHoldingACopyOfASecretIsStillMasked() {
        let text = "{\"password\": \"hunter22x\",\n \"url\": \"http://u:hunter22x@h\"}\n"
        let lines = render(text, needle: "\"url\"", secret: "hunter22x")
        XCTAssertEqual(lines[1], " 2 |  \"url\": \"http://u:********@h\"}")
        XCTAssertEqual(caretTarget(lines), "\"url\"")
    }

    func testThousandsOfFindingsComeOutInOrder() {
        let count = 3 * TextReporter.findingsPerSlice + 7
        let text = (0..<count).map { "{\"line\": \($0)}" }.joined(separator: "\n") + "\n"
        let file = SourceFile(path: "k.json", format: .json, text: text)
        let findings = (0..<count).map { index in
            Diagnostic(ruleID: "r/x", severity: .info, message: "m\(index)", span: Span(at: file.byteRange(ofLine: index + 1)?.lowerBound ?? 0), pointer: .root)
        }
        let output = TextReporter().render(Run(reports: [Report(file: file, findings: findings, secrets: [])], toolVersion: "t"))
        let headers = output.split(separator: "\n").filter { $0.hasPrefix("k.json:") }
        XCTAssertEqual(headers.count, count)
        for (index, header) in headers.enumerated() {
            XCTAssertEqual(header, "k.json:\(index + 1):1: info: m\(index) [r/x]")
        }
    }

    func testSummaryCountsOnlyWhatWasFound() {
        let output = TextReporter().render(ReportFixtures.run)
        XCTAssertTrue(output.hasSuffix("3 errors, 2 warnings, 1 info in 4 files\n"), output)
    }
}
