import ConfigTree
import Foundation
import KrakenLint
import XCTest

/// Lints every file of the top-level `examples/` directory and compares the findings of the rule families
/// these examples demonstrate (ntlm/*, secret/*, and the loader's own findings) with hand-checked positions.
final class ExamplesTests: XCTestCase {
    /// Findings as `rule@line:column`, in the order the linter sorts them (by position, then rule id).
    static let expected: [String: [String]] = [
        "ntlm-clean.json": ["ntlm/deprecated@15:13"],
        "ntlm-clean.yaml": ["ntlm/deprecated@13:11"],
        "ntlm-plaintext-password.json": ["ntlm/deprecated@12:13", "ntlm/plaintext-password@14:27"],
        "ntlm-missing-password.json": ["ntlm/deprecated@12:13", "ntlm/missing-field@12:13"],
        "ntlm-endpoint-level.json": ["ntlm/deprecated@8:9", "ntlm/misplaced@8:9"],
        "broken.json": ["syntax@13:31"],
        "ntlm-wrong-type.yaml": ["ntlm/deprecated@10:11", "ntlm/plaintext-password@12:23", "ntlm/wrong-type@12:23"],
        "ntlm-user-format.json": ["ntlm/deprecated@12:13", "ntlm/user-format@13:23", "ntlm/user-format@28:23"],
        "ntlm-unknown-field.json": [
            "ntlm/deprecated@12:13", "ntlm/missing-field@12:13", "ntlm/unknown-field@14:15", "ntlm/unknown-field@15:15",
        ],
        "ntlm-insecure-transport.json": [
            "ntlm/deprecated@12:13", "ntlm/insecure-transport@12:13", "ntlm/insecure-transport@24:20", "ntlm/insecure-transport@24:53",
        ],
        "ntlm-shared-credentials.json": [
            "ntlm/deprecated@12:13", "ntlm/shared-credentials@12:13", "ntlm/plaintext-password@12:71",
            "ntlm/plaintext-password@23:71", "ntlm/plaintext-password@34:71",
        ],
        "ntlm-placeholder-password.yaml": [
            "ntlm/deprecated@9:11", "ntlm/placeholder-password@11:23", "ntlm/plaintext-password@11:23", "ntlm/placeholder-password@19:23",
        ],
        "ntlm-conflicting-auth.json": ["ntlm/conflicting-auth@12:13", "ntlm/deprecated@17:13"],
        "secrets-plaintext.json": ["secret/plaintext@8:20", "secret/plaintext@13:78", "secret/plaintext@30:32"],
        "secrets-plaintext.yaml": ["secret/plaintext@19:15", "secret/plaintext@37:29"],
    ]

    /// Rule ids outside the ntlm/ and secret/ families that these examples assert on.
    static let loaderRules: Set<String> = ["syntax", "encoding", "duplicate-key", "limit", "structure", "krakend/unsupported-version"]

    static func isAsserted(_ ruleID: String) -> Bool {
        ruleID.hasPrefix("ntlm/") || ruleID.hasPrefix("secret/") || loaderRules.contains(ruleID)
    }

    static var examplesDirectory: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("examples")
    }

    func testEveryExampleFileHasExpectations() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.examplesDirectory.path)
            .filter { SourceFormat(fileName: $0) != nil }
        XCTAssertEqual(Set(names), Set(Self.expected.keys), "examples/ and the expectations list different files")
    }

    func testEachExampleProducesExactlyTheExpectedFindings() throws {
        for (name, expected) in Self.expected.sorted(by: { $0.key < $1.key }) {
            let report = try Self.lint(name)
            let findings = report.diagnostics
                .filter { Self.isAsserted($0.ruleID) }
                .map { "\($0.ruleID)@\(report.file.position(ofOffset: $0.span.start))" }
            XCTAssertEqual(findings, expected, name)
        }
    }

    func testExamplePasswordsNeverAppearInMessagesOrFixes() throws {
        for name in Self.expected.keys {
            for diagnostic in try Self.lint(name).diagnostics {
                XCTAssertFalse(diagnostic.message.contains("Tr0ub4dor"), "\(name): \(diagnostic.ruleID) message shows the password")
                XCTAssertFalse(diagnostic.fix?.contains("Tr0ub4dor") ?? false, "\(name): \(diagnostic.ruleID) fix shows the password")
                XCTAssertFalse(diagnostic.message.contains("changeme"), "\(name): \(diagnostic.ruleID) message shows the placeholder")
                XCTAssertFalse(diagnostic.message.contains("20251124"), "\(name): \(diagnostic.ruleID) message shows the number password")
            }
        }
    }

    func testTheCleanJSONAndYAMLExamplesAgree() throws {
        let json = try Self.lint("ntlm-clean.json").diagnostics.map(\.ruleID).filter(Self.isAsserted)
        let yaml = try Self.lint("ntlm-clean.yaml").diagnostics.map(\.ruleID).filter(Self.isAsserted)
        XCTAssertEqual(json, yaml)
    }

    static func lint(_ name: String) throws -> FileReport {
        let url = examplesDirectory.appendingPathComponent(name)
        let data = try Data(contentsOf: url)
        let format = try XCTUnwrap(SourceFormat(fileName: name))
        return Linter().lint(SourceFile(path: "examples/" + name, format: format, bytes: Array(data)))
    }
}
