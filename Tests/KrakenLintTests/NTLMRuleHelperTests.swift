import ConfigTree
@testable import KrakenLint
import XCTest

/// The small decisions inside the NTLM rules, checked directly.
final class NTLMRuleHelperTests: XCTestCase {
    func testUnknownKeysSuggestTheKeyTheyResemble() {
        XCTAssertEqual(NTLMUnknownFieldRule.suggestion(for: "username"), "user")
        XCTAssertEqual(NTLMUnknownFieldRule.suggestion(for: "User"), "user")
        XCTAssertEqual(NTLMUnknownFieldRule.suggestion(for: "usr"), "user")
        XCTAssertEqual(NTLMUnknownFieldRule.suggestion(for: "pass"), "password")
        XCTAssertEqual(NTLMUnknownFieldRule.suggestion(for: "pwd"), "password")
        XCTAssertEqual(NTLMUnknownFieldRule.suggestion(for: "pasword"), "password")
        XCTAssertNil(NTLMUnknownFieldRule.suggestion(for: "timeout"))
        XCTAssertEqual(EditDistance.between("kitten", "sitting"), 3)
        XCTAssertEqual(EditDistance.between("", "user"), 4)
        XCTAssertEqual(EditDistance.between("usre", "user"), 1, "an adjacent transposition is one edit")
    }

    func testUserFormatFindsEachListedCase() {
        XCTAssertTrue(NTLMUserFormatRule.problems(in: "CONTOSO\\svc").isEmpty)
        XCTAssertTrue(NTLMUserFormatRule.problems(in: "svc@contoso.local").isEmpty)
        XCTAssertTrue(NTLMUserFormatRule.problems(in: "svc").isEmpty)
        XCTAssertEqual(NTLMUserFormatRule.problems(in: "CONTOSO/svc"), [NTLMUserFormatRule.Message.forwardSlash])
        XCTAssertEqual(NTLMUserFormatRule.problems(in: " CONTOSO\\svc"), [NTLMUserFormatRule.Message.spaces])
        XCTAssertEqual(NTLMUserFormatRule.problems(in: "\\svc"), [NTLMUserFormatRule.Message.emptyDomain])
        XCTAssertEqual(NTLMUserFormatRule.problems(in: "CONTOSO\\"), [NTLMUserFormatRule.Message.emptyAccount])
        XCTAssertEqual(NTLMUserFormatRule.problems(in: "A\\B\\svc"), [NTLMUserFormatRule.Message.manyBackslashes])
        XCTAssertEqual(NTLMUserFormatRule.problems(in: "CONTOSO\tsvc"), [NTLMUserFormatRule.Message.control("tab")])
        XCTAssertEqual(NTLMUserFormatRule.shown("A\tB\n"), "A\\tB\\n")
        XCTAssertEqual(NTLMUserFormatRule.shown(String(repeating: "x", count: 500)).count, NTLMUserFormatRule.shownLimit + 1)
    }

    func testPlaceholdersAndUserEchoesAreRecognised() {
        XCTAssertTrue(NTLMPlaceholderPasswordRule.isPlaceholder("ChangeMe"))
        XCTAssertTrue(NTLMPlaceholderPasswordRule.isPlaceholder("<your password>"))
        XCTAssertTrue(NTLMPlaceholderPasswordRule.isPlaceholder("xxxxxxxx"))
        XCTAssertFalse(NTLMPlaceholderPasswordRule.isPlaceholder("Tr0ub4dor&3-krakenlint-example"))
        XCTAssertTrue(NTLMPlaceholderPasswordRule.matchesUser("svc-krakend", "CONTOSO\\svc-krakend"))
        XCTAssertTrue(NTLMPlaceholderPasswordRule.matchesUser("SVC", "svc@contoso.local"))
        XCTAssertFalse(NTLMPlaceholderPasswordRule.matchesUser("contoso", "CONTOSO\\svc"))
    }

    func testTransportIsJudgedLikeKrakenDsHostSanitizer() {
        XCTAssertEqual(NTLMInsecureTransportRule.transport(of: "https://crm"), .tls)
        XCTAssertEqual(NTLMInsecureTransportRule.transport(of: "HTTP://crm"), .plainHTTP)
        XCTAssertEqual(NTLMInsecureTransportRule.transport(of: "crm:8080"), .noScheme)
        XCTAssertEqual(NTLMInsecureTransportRule.transport(of: "{{ env `CRM_HOST` }}"), .tls)
        XCTAssertEqual(NTLMInsecureTransportRule.transport(of: "amqp://rabbit"), .tls)
    }

    func testSharedCredentialsSpeakFromThreeBackendsOnOnePair() {
        func config(_ users: [String]) -> String {
            let endpoints = users.enumerated().map { index, user in
                "{\"endpoint\": \"/e\(index)\", \"backend\": [{\"host\": [\"https://crm\"], \"url_pattern\": \"/\", \"extra_config\": {\"auth/ntlm\": {\"user\": \"\(user)\", \"password\": \"Shared-pw-9\"}}}]}"
            }
            return "{\"version\": 3, \"endpoints\": [\(endpoints.joined(separator: ", "))]}"
        }
        func count(_ users: [String]) -> Int {
            Linter().lint(SourceFile(path: "s.json", format: .json, text: config(users))).diagnostics
                .filter { $0.ruleID == "ntlm/shared-credentials" }.count
        }
        XCTAssertEqual(count(["a", "a"]), 0)
        XCTAssertEqual(count(["a", "a", "a"]), 1)
        XCTAssertEqual(count(["a", "a", "a", "b", "b", "b", "b"]), 2)
        XCTAssertEqual(count(["a", "b", "a", "b"]), 0)
    }
}
