import ConfigTree
import Foundation
@testable import KrakenLint
import XCTest

/// `krakenlint audit` over every file of `../shared/corpus/configs`: the audit rule ids of each file (or why
/// KrakenD would not audit it) against the reviewed list in Golden/audit-corpus.txt. Set
/// KRAKENLINT_UPDATE_GOLDEN=1 to rewrite it after an intended change, then review the diff.
final class AuditCorpusTests: XCTestCase {
    static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden/audit-corpus.txt")

    func testAuditRuleIDsPerCorpusFileMatchTheGoldenList() throws {
        let configs = try CorpusAgreementTests.sharedDirectory().appendingPathComponent("corpus/configs")
        var lines: [String] = []
        for name in try FileManager.default.contentsOfDirectory(atPath: configs.path).sorted() {
            let file = try SourceReader.read(path: configs.appendingPathComponent(name).path, limits: .default)
            let report = Linter(options: LintOptions(audit: .only)).lint(file)
            let ids = report.diagnostics.map(\.ruleID)
            let line: String
            if !report.isReadable {
                line = "unreadable: " + Set(ids).sorted().joined(separator: " ")
            } else if let refused = Optional(ids.filter { !$0.hasPrefix(AuditRules.prefix) }), !refused.isEmpty {
                line = "refused: " + Set(refused).sorted().joined(separator: " ")
            } else {
                // KrakenD's order (the rule table's), each id once.
                let fired = Set(ids)
                line = AuditRules.all.map(\.id).filter(fired.contains).map { String($0.dropFirst(AuditRules.prefix.count)) }.joined(separator: " ")
            }
            lines.append(name + "\t" + line)
        }
        let actual = lines.joined(separator: "\n") + "\n"
        if ProcessInfo.processInfo.environment["KRAKENLINT_UPDATE_GOLDEN"] == "1" {
            try actual.write(to: Self.golden, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: Self.golden, encoding: .utf8)
        XCTAssertEqual(actual, expected, "audit rule ids per corpus file differ from Golden/audit-corpus.txt")
    }
}
