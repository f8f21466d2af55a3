import ConfigTree
@testable import KrakenLint
import XCTest

/// The same auth/ntlm block written in JSON and in YAML gives the same NTLM findings.
final class NTLMFormatParityTests: XCTestCase {
    /// (JSON value of auth/ntlm, the same block in YAML, the host).
    static let pairs: [(json: String, yaml: String, host: String)] = [
        (#"{"user": "CONTOSO\\svc-krakend", "password": "{{ env `NTLM_PASSWORD` }}"}"#,
         "user: CONTOSO\\svc-krakend\npassword: '{{ env \"NTLM_PASSWORD\" }}'", NTLMExample.secureHost),
        (#"{"user": "CONTOSO\\svc-krakend", "password": "Tr0ub4dor&3-krakenlint-example"}"#,
         "user: 'CONTOSO\\svc-krakend'\npassword: Tr0ub4dor&3-krakenlint-example", "http://crm.contoso.local"),
        (#"{"user": "CONTOSO\\svc-krakend", "password": 1234}"#,
         "user: CONTOSO\\svc-krakend\npassword: 1234", NTLMExample.secureHost),
        (#"{"user": "", "password": "  "}"#,
         "user: ''\npassword: \"  \"", NTLMExample.secureHost),
        (#"{"username": "svc", "domain": "CONTOSO", "pass": "changeme", "@comment": "x"}"#,
         "username: svc\ndomain: CONTOSO\npass: changeme\n\"@comment\": x", "crm.contoso.local"),
        (#"{"user": "CONTOSO/svc-krakend", "password": "svc-krakend"}"#,
         "user: CONTOSO/svc-krakend\npassword: svc-krakend", NTLMExample.secureHost),
        (#"{"user": "CONTOSO\tsvc-krakend", "password": "${NTLM_PASSWORD}"}"#,
         "user: \"CONTOSO\\tsvc-krakend\"\npassword: ${NTLM_PASSWORD}", NTLMExample.secureHost),
    ]

    func testJSONAndYAMLGiveTheSameNTLMFindings() {
        for (index, pair) in Self.pairs.enumerated() {
            for edition in [nil, Edition.ce] {
                let json = findings(NTLMExample.json(pair.json, host: pair.host, edition: edition))
                let yaml = findings(NTLMExample.yaml(pair.yaml, host: pair.host, edition: edition))
                XCTAssertFalse(json.isEmpty, "pair \(index) produced nothing")
                XCTAssertEqual(json, yaml, "pair \(index), edition \(edition?.rawValue ?? "none")")
            }
        }
    }

    /// Rule id and message of each NTLM and secret finding, sorted (positions differ between the formats).
    private func findings(_ example: RuleExample) -> [String] {
        let file = SourceFile(path: "p.\(example.format.rawValue)", format: example.format, text: example.source)
        let report = Linter(options: LintOptions(edition: example.edition)).lint(file)
        XCTAssertFalse(report.diagnostics.contains { $0.ruleID == "syntax" }, example.source)
        return report.diagnostics.filter { $0.ruleID.hasPrefix("ntlm/") || $0.ruleID.hasPrefix("secret/") }
            .map { "\($0.ruleID): \($0.message)" }.sorted()
    }
}

/// Every NTLM and secret rule documents itself in both formats.
final class NTLMExampleCoverageTests: XCTestCase {
    func testEveryNTLMAndSecretRuleHasTriggeringAndNonTriggeringExamplesInJSONAndYAML() {
        let rules = RuleRegistry.allDescriptions.filter { $0.family == "ntlm" || $0.family == "secret" }
        XCTAssertEqual(rules.count, 14)
        for rule in rules {
            for format in SourceFormat.allCases {
                XCTAssertTrue(rule.triggeringExamples.contains { $0.format == format }, "\(rule.id) has no triggering \(format) example")
                XCTAssertTrue(rule.nonTriggeringExamples.contains { $0.format == format }, "\(rule.id) has no non-triggering \(format) example")
            }
        }
    }
}
