import ConfigTree
import KrakenLint
import Reporting
import XCTest

/// The value of a secret field never appears in any format: not from the source excerpt, not from a
/// message or fix that quotes it, not from a copy of it elsewhere on the line.
final class FormatSecretTests: XCTestCase {
    func testNoFormatPrintsTheSecret() {
        for format in ReportFormat.allCases {
            for color in [false, true] {
                let output = format.reporter(ReportSettings(verbose: true, color: color, paths: ReportFixtures.paths)).render(ReportFixtures.run)
                XCTAssertFalse(output.isEmpty, "\(format) printed nothing")
                XCTAssertFalse(output.contains(ReportFixtures.secret), "\(format) (color \(color)) leaked the secret:\n\(output)")
                XCTAssertFalse(output.contains("Sup3r"), "\(format) leaked part of the secret")
            }
        }
    }

    func testEveryFormatStillReportsTheFindingNextToTheSecret() {
        for format in ReportFormat.allCases {
            let output = format.reporter(ReportSettings(paths: ReportFixtures.paths)).render(ReportFixtures.run)
            XCTAssertTrue(output.contains("ntlm/plaintext-password"), "\(format) lost the finding")
        }
    }

    func testSecretsInLongMinifiedLinesAreMaskedInTheExcerpt() {
        let padding = String(repeating: "\"k\": 1, ", count: 300)
        let text = "{\(padding)\"password\": \"\(ReportFixtures.secret)\", \(padding)\"x\": 2}\n"
        let file = SourceFile(path: "min.json", format: .json, text: text)
        let password = ReportFixtures.span(of: "\"\(ReportFixtures.secret)\"", in: file)
        let finding = Diagnostic(ruleID: "ntlm/plaintext-password", severity: .error, message: "clear text",
                                 span: ReportFixtures.span(of: "\"password\"", in: file), pointer: .root)
        let report = Report(file: file, findings: [finding], secrets: [SecretValue(ReportFixtures.secret, span: password)])
        let output = TextReporter().render(Run(reports: [report], toolVersion: "t"))
        XCTAssertFalse(output.contains(ReportFixtures.secret), output)
        XCTAssertTrue(output.contains("\"password\": ********"), output)
        XCTAssertLessThan(output.count, 1000, "a long line is shown as a window, not whole")
    }

    func testACopyOfTheSecretSplitByTheWindowEdgeIsMaskedWhole() {
        let secret = ReportFixtures.secret
        for shift in 0..<40 {
            let padding = String(repeating: "x", count: 100 + shift)
            let text = "{\"password\": \"\(secret)\", \"a\": 1, \"url\": \"\(padding)\(secret)\(padding)\", \"b\": 2}\n"
            let file = SourceFile(path: "w.json", format: .json, text: text)
            let finding = Diagnostic(ruleID: "r/x", severity: .error, message: "m", span: ReportFixtures.span(of: "\"a\"", in: file), pointer: .root)
            let report = Report(file: file, findings: [finding],
                                    secrets: [SecretValue(secret, span: ReportFixtures.span(of: "\"\(secret)\"", in: file))])
            let output = TextReporter().render(Run(reports: [report], toolVersion: "t"))
            for length in 3...secret.count {
                for start in 0...(secret.count - length) {
                    let piece = String(Array(secret)[start..<(start + length)])
                    XCTAssertFalse(output.contains(piece), "shift \(shift): \"\(piece)\" of the secret shows at the window's edge:\n\(output)")
                }
            }
        }
    }
}
