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
        let credentials = try CredentialResolver.resolve(configured("CORP\\svc", "pw")).get()
        XCTAssertEqual(credentials.domain, "CORP")
        XCTAssertEqual(credentials.userName, "svc")
    }

    func testTemplateTextIsNotRenderedHere() throws {
        // Rendering is the flexible-configuration renderer's job; the resolver takes the rendered string as is.
        let credentials = try CredentialResolver.resolve(configured("svc", #"{{ env "P" }}"#)).get()
        XCTAssertEqual(credentials.password, NTLMPassword(#"{{ env "P" }}"#))
    }

    func testAnEmptyFieldFromUnsetVariablesIsAProblemNamingTheFieldAndVariables() {
        var configured = configured("svc", "")
        configured.unsetVariables = ["NTLM_PASSWORD", "NTLM_DOMAIN"]
        guard case .failure(let problem) = CredentialResolver.resolve(configured) else { return XCTFail("resolved") }
        XCTAssertEqual(
            problem.message,
            "auth/ntlm password is empty after rendering: the template reads NTLM_PASSWORD, NTLM_DOMAIN, which are not "
                + "set in this environment (KrakenD renders an unset variable as an empty string)")
        configured.password = .text(SecretValue("pw", span: Span(at: 0)))
        configured.user = .text(SecretValue("", span: Span(at: 0)))
        guard case .failure(let user) = CredentialResolver.resolve(configured) else { return XCTFail("resolved") }
        XCTAssertTrue(user.message.hasPrefix("auth/ntlm user is empty after rendering"), user.message)
    }

    func testAnEmptyPasswordWithEveryVariableSetIsSentAsKrakenDSendsIt() throws {
        XCTAssertEqual(try CredentialResolver.resolve(configured("svc", "")).get().user, "svc")
    }

    func testBothEmptyIsRefusedLikeGoNtlmssp() {
        let result = CredentialResolver.resolve(configured("", ""))
        guard case .failure(let problem) = result else { return XCTFail("resolved") }
        XCTAssertTrue(problem.message.contains("anonymous"), problem.message)
    }

    func testAMissingPasswordIsAProblem() {
        let result = CredentialResolver.resolve(
            ConfiguredCredentials(user: .text(SecretValue("svc", span: Span(at: 0))), password: .missing))
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
