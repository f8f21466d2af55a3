import NTLM
import NTLMProbe
import XCTest

final class CredentialResolverTests: XCTestCase {
    private func configured(_ user: String, _ password: String) -> ConfiguredCredentials {
        ConfiguredCredentials(user: .text(SecretText(user)), password: .text(SecretText(password)))
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
            ConfiguredCredentials(user: .text(SecretText("svc")), password: .missing), environment: [:])
        guard case .failure(let problem) = result else { return XCTFail("resolved") }
        XCTAssertEqual(problem.message, "auth/ntlm has no password; expected a string")
    }

    func testSecretTextNeverPrintsItsValue() {
        let secret = SecretText("hunter2-marker")
        let configured = ConfiguredCredentials(user: .text(SecretText("u")), password: .text(secret))
        for text in ["\(secret)", String(reflecting: secret), "\(configured)", String(reflecting: configured)] {
            XCTAssertFalse(text.contains("hunter2"), text)
        }
        var dumped = ""
        dump(configured, to: &dumped)
        XCTAssertFalse(dumped.contains("hunter2"), dumped)
    }
}
