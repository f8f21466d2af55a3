import Foundation
import XCTest

@testable import NTLM

final class NegotiateMessageTests: XCTestCase {
    func testCurrentProfileSendsGoNTLMSSPDefaultBytes() {
        for user in ["alice", "TESTDOM\\alice", "carol@EXAMPLE.COM"] {
            let message = makeNegotiateMessage(
                profile: .current, credentials: NTLMCredentials(user: user, password: "pw"))
            XCTAssertEqual(
                hex(message), "4e544c4d5353500001000000018288a0000000002800000000000000280000000601b11d0000000f",
                "user \(user)")
            XCTAssertEqual(
                "NTLM " + Data(message).base64EncodedString(),
                "NTLM TlRMTVNTUAABAAAAAYKIoAAAAAAoAAAAAAAAACgAAAAGAbEdAAAADw==")
        }
    }

    func testDomainAndWorkstationVectorMatches() {
        let message = encodeNegotiateMessage(
            flags: NegotiateMessageLayout.currentFlags, domain: "MYDOMAIN", workstation: "MYPC")
        XCTAssertEqual(message.count, 52)
        XCTAssertEqual(
            hex(message),
            "4e544c4d535350000100000001b288a0080008002800000004000400300000000601b11d0000000f4d59444f4d41494e4d595043")
    }

    func testLegacyProfileSendsTheUsersDomainUppercased() {
        let message = makeNegotiateMessage(
            profile: .legacy, credentials: NTLMCredentials(user: "TestDom\\alice", password: "pw"))
        XCTAssertEqual(message.count, 47)
        XCTAssertEqual(message.littleEndianUInt32(at: 12), 0xA088_1001)
        XCTAssertEqual(Array(message[16..<24]), [7, 0, 7, 0, 40, 0, 0, 0])
        XCTAssertEqual(Array(message[24..<32]), [0, 0, 0, 0, 47, 0, 0, 0])
        XCTAssertEqual(Array(message[32..<40]), NegotiateMessageLayout.versionBytes)
        XCTAssertEqual(String(decoding: message[40...], as: UTF8.self), "TESTDOM")
    }

    func testLegacyProfileWithoutDomainSendsFortyBytes() {
        for user in ["alice", "carol@EXAMPLE.COM"] {
            let message = makeNegotiateMessage(
                profile: .legacy, credentials: NTLMCredentials(user: user, password: "pw"))
            XCTAssertEqual(
                hex(message), "4e544c4d5353500001000000010088a0000000002800000000000000280000000601b11d0000000f")
        }
    }

    func testProfilesAreSelectableByStableName() {
        XCTAssertEqual(NTLMClientProfile(rawValue: "go-ntlmssp"), .current)
        XCTAssertEqual(NTLMClientProfile(rawValue: "go-ntlmssp-legacy"), .legacy)
        XCTAssertNil(NTLMClientProfile(rawValue: "curl"))
        XCTAssertEqual(NTLMClientProfile.allCases.count, 2)
    }
}
