import XCTest

@testable import NTLM

final class CredentialsTests: XCTestCase {
    func testUserIsSplitAtTheFirstBackslashOnly() {
        let cases: [(user: String, domain: String, userName: String)] = [
            ("DOMAIN\\alice", "DOMAIN", "alice"),
            ("DOMAIN\\sub\\alice", "DOMAIN", "sub\\alice"),
            ("alice@example.com", "", "alice@example.com"),
            ("alice", "", "alice"),
            ("\\alice", "", "alice"),
            ("DOMAIN\\", "DOMAIN", ""),
            ("", "", ""),
            ("DÖMÄIN\\\u{301}bob", "DÖMÄIN", "\u{301}bob"),
        ]
        for entry in cases {
            let credentials = NTLMCredentials(user: entry.user, password: "x")
            XCTAssertEqual(credentials.domain, entry.domain, entry.user)
            XCTAssertEqual(credentials.userName, entry.userName, entry.user)
        }
    }

    func testPasswordNeverAppearsInAnyPrintedForm() {
        let secret = "Tr0ub4dor&3-unique-marker"
        let credentials = NTLMCredentials(user: "CORP\\svc", password: secret)
        var dumped = ""
        dump(credentials, to: &dumped)
        var dumpedPassword = ""
        dump(credentials.password, to: &dumpedPassword)
        let renderings = [
            String(describing: credentials), String(reflecting: credentials), "\(credentials)", dumped,
            String(describing: credentials.password), String(reflecting: credentials.password), dumpedPassword,
            String(describing: Mirror(reflecting: credentials).children.map { $0.value }),
        ]
        for text in renderings {
            XCTAssertFalse(text.contains(secret), text)
            XCTAssertFalse(text.contains("Tr0ub"), text)
        }
        XCTAssertTrue(String(describing: credentials).contains("CORP\\\\svc"))
        XCTAssertTrue(dumped.contains("********"), dumped)
    }

    func testDerivedKeysNeverAppearInAnyPrintedForm() {
        let ntHash = NTLMv2.ntHash(password: NTLMPassword("Password"))
        let key = NTLMv2.responseKey(ntHash: ntHash, user: "User", domain: "Domain")
        for secret in [ntHash, key] {
            var dumped = ""
            dump(secret, to: &dumped)
            for text in [String(describing: secret), String(reflecting: secret), dumped] {
                XCTAssertFalse(text.contains(hex(secret.bytes)), text)
                XCTAssertFalse(text.contains(String(describing: secret.bytes)), text)
            }
        }
    }

    func testRefusalsAndErrorsDoNotCarryThePassword() throws {
        let secret = "unique-marker-pw"
        do {
            _ = try makeAuthenticateMessage(
                challenge: [0x4e], credentials: NTLMCredentials(user: "a", password: secret), profile: .current)
            XCTFail("a 1-byte challenge must be refused")
        } catch {
            XCTAssertFalse(String(describing: error).contains(secret))
            XCTAssertFalse(error.reason.contains(secret))
        }
    }
}
