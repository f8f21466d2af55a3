import XCTest

@testable import NTLM

/// MS-NLMP 4.2.4 (inputs of 4.2.1) and the davenport vectors, item by item.
final class NTLMv2VectorTests: XCTestCase {
    func testSpecNTHashAndResponseKeyMatch() {
        let ntHash = NTLMv2.ntHash(password: NTLMPassword("Password"))
        XCTAssertEqual(hex(ntHash.bytes), "a4f49c406510bdcab6824ee7c30fd852")
        let key = NTLMv2.responseKey(ntHash: ntHash, user: "User", domain: "Domain")
        XCTAssertEqual(hex(key.bytes), "0c868a403bfd7a93a3001ef22ef02e3f")
    }

    func testSpecBlobNTProofAndLMv2Match() {
        let key = NTLMv2.responseKey(
            ntHash: NTLMv2.ntHash(password: NTLMPassword("Password")), user: "User", domain: "Domain")
        let blob = NTLMv2.blob(
            time: [UInt8](repeating: 0, count: 8), clientChallenge: Vectors.clientChallengeAA.bytes,
            targetInfo: Vectors.specTargetInfo)
        XCTAssertEqual(blob.count, 68)
        XCTAssertEqual(
            hex(blob),
            "01010000000000000000000000000000aaaaaaaaaaaaaaaa0000000002000c0044006f006d00610069006e00"
                + "01000c005300650072007600650072000000000000000000")
        XCTAssertEqual(
            hex(NTLMv2.ntProof(responseKey: key, serverChallenge: Vectors.serverChallenge, blob: blob)),
            "68cd0ab851e51c96aabc927bebef6a1c")
        XCTAssertEqual(
            hex(
                NTLMv2.lmv2Response(
                    responseKey: key, serverChallenge: Vectors.serverChallenge,
                    clientChallenge: Vectors.clientChallengeAA.bytes)),
            "86c35097ac9cec102554764a57cccc19aaaaaaaaaaaaaaaa")
    }

    func testOnlyTheUserIsUppercasedInTheResponseKey() {
        let ntHash = NTLMv2.ntHash(password: NTLMPassword("Password"))
        let reference = NTLMv2.responseKey(ntHash: ntHash, user: "User", domain: "Domain")
        XCTAssertEqual(NTLMv2.responseKey(ntHash: ntHash, user: "user", domain: "Domain"), reference)
        XCTAssertNotEqual(NTLMv2.responseKey(ntHash: ntHash, user: "User", domain: "DOMAIN"), reference)
    }

    func testDavenportVectorsMatch() {
        let ntHash = NTLMv2.ntHash(password: NTLMPassword("SecREt01"))
        XCTAssertEqual(hex(ntHash.bytes), "cd06ca7c7e10c99b1d33b7485a2ed808")
        let key = NTLMv2.responseKey(ntHash: ntHash, user: "user", domain: "DOMAIN")
        XCTAssertEqual(hex(key.bytes), "04b8e0ba74289cc540826bab1dee63ae")
        let clientChallenge = bytes(hex: "ffffff0011223344")
        let blob = NTLMv2.blob(
            time: bytes(hex: "0090d336b734c301"), clientChallenge: clientChallenge,
            targetInfo: DavenportVector.targetInfo)
        XCTAssertEqual(
            hex(NTLMv2.ntProof(responseKey: key, serverChallenge: Vectors.serverChallenge, blob: blob)),
            "cbabbca713eb795d04c97abc01ee4983")
        XCTAssertEqual(
            hex(
                NTLMv2.lmv2Response(
                    responseKey: key, serverChallenge: Vectors.serverChallenge, clientChallenge: clientChallenge)),
            "d6e6152ea25d03b7c6ba6629c2d6aaf0ffffff0011223344")
    }
}

enum DavenportVector {
    /// NbDomainName DOMAIN, NbComputerName SERVER, DnsDomainName domain.com, DnsComputerName server.domain.com, EOL.
    static let targetInfo = bytes(
        hex: """
            02000c0044004f004d00410049004e0001000c00530045005200560045005200
            0400140064006f006d00610069006e002e0063006f006d000300220073006500
            72007600650072002e0064006f006d00610069006e002e0063006f006d000000
            0000
            """)
}
