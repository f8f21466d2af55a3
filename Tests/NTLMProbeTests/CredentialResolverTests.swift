import NTLM
import NTLMProbe
import Findings
import ConfigTree
import XCTest

final class CredentialResolverTests: XCTestCase {
    private func configured(_ user: String, _ password: String) -> ConfiguredCredentials {
        ConfiguredCredentials(user: .text(SecretValue(user, span: Span(at: 0))), password: .text(SecretValue(password, span: Span(at: 0))))
    }

    func testLiteralsAreUsedAsWritten() throws {
        let credentials = try CredentialResolver.resolve(configured("CORP\\svc", "pw"), environment: [:]).get()
        XCTAssertEqual(credentials.domain, "CORP")
        XCTAssertEqual(credentials.userName, "svc")
    }

    func testTemplatesAreRenderedFromTheInjectedEnvironment() throws {
        let credentials = try CredentialResolver.resolve(
            configured(#"{{ env "U" }}"#, #"{{ env "P" }}"#), environment: ["U": "CORP\\svc", "P": "pw"]
        ).get()
        XCTAssertEqual(credentials.user, "CORP\\svc")
    }

    func testAMissingVariableIsAProblemNamingTheFieldAndVariable() {
        let result = CredentialResolver.resolve(configured("svc", #"{{ env "NTLM_PASSWORD" }}"#), environment: [:])
        guard case .failure(let problem) = result else { return XCTFail("resolved") }
        XCTAssertEqual(problem.message, "auth/ntlm password: environment variable NTLM_PASSWORD is not set")
    }

    func testBothEmptyIsRefusedLikeGoNtlmssp() {
        let result = CredentialResolver.resolve(configured("", ""), environment: [:])
        guard case .failure(let problem) = result else { return XCTFail("resolved") }
        XCTAssertTrue(problem.message.contains("anonymous"), problem.message)
    }

    func testAMissingPasswordIsAProblem() {
        let result = CredentialResolver.resolve(
            ConfiguredCredentials(user: .text(SecretValue("svc", span: Span(at: 0))), password: .missing), environment: [:])
        guard case .failure(let problem) = result else { return XCTFail("resolved") }
        XCTAssertEqual(problem.message, "auth/ntlm has no password; expected a string")
    }

    /// One mask everywhere: the findings' secrets and the NTLM module's passwords print the same.
    func testEverySecretWrapperPrintsTheSameMask() {
        XCTAssertEqual(redactedText, SecretValue.mask)
        XCTAssertEqual("\(NTLMPassword("hunter2"))", SecretValue.mask)
        XCTAssertEqual("\(SecretValue("hunter2", span: Span(at: 0)))", SecretValue.mask)
    }

    func testASecretCredentialNeverPrintsItsValue() {
        let secret = SecretValue("hunter2-marker", span: Span(at: 0))
        let configured = ConfiguredCredentials(user: .text(SecretValue("u", span: Span(at: 0))), password: .text(secret))
        for text in ["\(secret)", String(reflecting: secret), "\(configured)", String(reflecting: configured)] {
            XCTAssertFalse(text.contains("hunter2"), text)
        }
        var dumped = ""
        dump(configured, to: &dumped)
        XCTAssertFalse(dumped.contains("hunter2"), dumped)
    }
}
