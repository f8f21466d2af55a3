import XCTest

@testable import NTLM

final class AuthenticateMessageTests: XCTestCase {
    /// README 4.3: go-ntlmssp's answer to the spec CHALLENGE with KEY_EXCH cleared, 168 bytes.
    static let expectedSpecAuthenticate = bytes(
        hex: """
            4e 54 4c 4d 53 53 50 00 03 00 00 00 00 00 00 00
            40 00 00 00 54 00 54 00 40 00 00 00 0c 00 0c 00
            94 00 00 00 08 00 08 00 a0 00 00 00 00 00 00 00
            a8 00 00 00 00 00 00 00 00 00 00 00 33 82 8a a0
            68 cd 0a b8 51 e5 1c 96 aa bc 92 7b eb ef 6a 1c
            01 01 00 00 00 00 00 00 00 00 00 00 00 00 00 00
            aa aa aa aa aa aa aa aa 00 00 00 00 02 00 0c 00
            44 00 6f 00 6d 00 61 00 69 00 6e 00 01 00 0c 00
            53 00 65 00 72 00 76 00 65 00 72 00 00 00 00 00
            00 00 00 00 44 00 6f 00 6d 00 61 00 69 00 6e 00
            55 00 73 00 65 00 72 00
            """)

    func testSpecChallengeWithoutKeyExchangeGivesTheDerivedVector() throws {
        let message = try makeAuthenticateMessage(
            challenge: Vectors.specChallengeWithoutKeyExchange,
            credentials: NTLMCredentials(user: "Domain\\User", password: "Password"), profile: .current,
            clientChallenge: Vectors.clientChallengeAA, now: FileTime(rawValue: 0))
        XCTAssertEqual(message.count, 168)
        XCTAssertEqual(hex(message), hex(Self.expectedSpecAuthenticate))
    }

    func testSpecChallengeAsPublishedIsRefusedForKeyExchange() {
        XCTAssertThrowsError(
            try makeAuthenticateMessage(
                challenge: Vectors.specChallenge,
                credentials: NTLMCredentials(user: "Domain\\User", password: "Password"), profile: .current)
        ) { error in
            XCTAssertEqual(error as? ClientRefusal, .keyExchangeRequested)
        }
    }

    func testChallengeWithoutTargetInfoGetsLMv2AndTheClientClock() throws {
        // Davenport inputs without TargetInfo, the shape Apache with gss-ntlmssp sends (flags 0xA20A8201).
        let challenge = makeChallenge(flags: 0xA20A_8201, targetName: UTF16LE.encode("DOMAIN"), targetInfo: nil)
        let clientChallenge = ClientChallenge(bytes(hex: "ffffff0011223344"))!
        let now = FileTime(rawValue: 0x01c3_34b7_36d3_9000)
        let message = try makeAuthenticateMessage(
            challenge: challenge, credentials: NTLMCredentials(user: "DOMAIN\\user", password: "SecREt01"),
            profile: .current, clientChallenge: clientChallenge, now: now)
        let fields = try AuthenticateFields(message)
        XCTAssertEqual(hex(fields.lmResponse), "d6e6152ea25d03b7c6ba6629c2d6aaf0ffffff0011223344")
        XCTAssertEqual(fields.ntResponse.count, 16 + 32)
        XCTAssertEqual(
            hex(Array(fields.ntResponse[16...])),
            "0101000000000000" + "0090d336b734c301" + "ffffff0011223344" + "00000000" + "00000000")
        XCTAssertEqual(fields.domain, "DOMAIN")
        XCTAssertEqual(fields.user, "user")
        XCTAssertEqual(fields.workstation, "")
        XCTAssertEqual(fields.flags, 0xA00A_8201)
    }

    func testDavenportTargetInfoGivesTheDavenportProofThroughTheWholeMessage() throws {
        let challenge = makeChallenge(
            flags: 0x0082_8201, targetName: UTF16LE.encode("DOMAIN"), targetInfo: DavenportVector.targetInfo)
        let message = try makeAuthenticateMessage(
            challenge: challenge, credentials: NTLMCredentials(user: "DOMAIN\\user", password: "SecREt01"),
            profile: .current, clientChallenge: ClientChallenge(bytes(hex: "ffffff0011223344"))!,
            now: FileTime(rawValue: 0x01c3_34b7_36d3_9000))
        let fields = try AuthenticateFields(message)
        XCTAssertEqual(fields.lmResponse, [], "no LM response when the challenge has TargetInfo")
        XCTAssertEqual(hex(Array(fields.ntResponse[0..<16])), "cbabbca713eb795d04c97abc01ee4983")
        XCTAssertEqual(fields.ntResponse.count, 48 + DavenportVector.targetInfo.count)
    }

    func testServerTimestampIsUsedInsteadOfTheClientClock() throws {
        let serverTime = bytes(hex: "0102030405060708")
        let info = avPair(2, UTF16LE.encode("TESTDOM")) + avPair(7, serverTime) + avEndOfList
        let challenge = makeChallenge(flags: 0xA28A_8235, targetName: UTF16LE.encode("TESTDOM"), targetInfo: info)
        let fields = try AuthenticateFields(
            makeAuthenticateMessage(
                challenge: challenge, credentials: NTLMCredentials(user: "TESTDOM\\alice", password: "S3cret!pw"),
                profile: .current, clientChallenge: Vectors.clientChallengeAA, now: FileTime(rawValue: 42)))
        XCTAssertEqual(Array(fields.ntResponse[24..<32]), serverTime)
        XCTAssertEqual(Array(fields.ntResponse[44..<(44 + info.count)]), info, "TargetInfo copied unmodified")
    }

    func testLastDuplicateTimestampWins() throws {
        let first = bytes(hex: "1111111111111111")
        let last = bytes(hex: "2222222222222222")
        let info = avPair(7, first) + avPair(7, last) + avEndOfList
        let challenge = makeChallenge(flags: 0xA28A_8235, targetName: [], targetInfo: info)
        let fields = try AuthenticateFields(
            makeAuthenticateMessage(
                challenge: challenge, credentials: NTLMCredentials(user: "alice", password: "pw"),
                profile: .current, clientChallenge: Vectors.clientChallengeAA, now: FileTime(rawValue: 42)))
        XCTAssertEqual(Array(fields.ntResponse[24..<32]), last)
    }

    func testLegacyProfileHashesWithTheServersTargetName() throws {
        let challenge = try ChallengeMessage.parse(Vectors.specChallengeWithoutKeyExchange)
        let legacy = try makeAuthenticateMessage(
            challenge: challenge, credentials: NTLMCredentials(user: "Domain\\User", password: "Password"),
            profile: .legacy, clientChallenge: Vectors.clientChallengeAA, now: FileTime(rawValue: 0))
        let currentWithTargetName = try makeAuthenticateMessage(
            challenge: challenge, credentials: NTLMCredentials(user: "Server\\User", password: "Password"),
            profile: .current, clientChallenge: Vectors.clientChallengeAA, now: FileTime(rawValue: 0))
        XCTAssertEqual(legacy, currentWithTargetName)
        XCTAssertNotEqual(legacy, Self.expectedSpecAuthenticate)
        XCTAssertEqual(try AuthenticateFields(legacy).domain, "Server")
    }

    func testLogonIdentityPerProfile() throws {
        let challenge = try ChallengeMessage.parse(Vectors.specChallengeWithoutKeyExchange)
        let cases: [(user: String, current: String, legacy: String)] = [
            ("TESTDOM\\alice", "TESTDOM\\alice", "Server\\alice"),
            ("alice", "alice", "Server\\alice"),
            ("carol@EXAMPLE.COM", "carol@EXAMPLE.COM", "carol@EXAMPLE.COM"),
            ("DOM\\carol@EXAMPLE.COM", "DOM\\carol@EXAMPLE.COM", "Server\\carol@EXAMPLE.COM"),
        ]
        for entry in cases {
            let credentials = NTLMCredentials(user: entry.user, password: "pw")
            XCTAssertEqual(
                logonIdentity(challenge: challenge, credentials: credentials, profile: .current).description,
                entry.current, entry.user)
            XCTAssertEqual(
                logonIdentity(challenge: challenge, credentials: credentials, profile: .legacy).description,
                entry.legacy, entry.user)
        }
    }

    func testProfileDifferenceIsReportedOnlyWhenTheDomainsDiffer() throws {
        let challenge = try ChallengeMessage.parse(Vectors.specChallengeWithoutKeyExchange)  // TargetName "Server"
        XCTAssertNil(profileDifference(challenge: challenge, credentials: NTLMCredentials(user: "SERVER\\u", password: "p")))
        XCTAssertNil(
            profileDifference(challenge: challenge, credentials: NTLMCredentials(user: "u@example.com", password: "p")))
        XCTAssertEqual(
            profileDifference(challenge: challenge, credentials: NTLMCredentials(user: "TESTDOM\\alice", password: "p")),
            "go-ntlmssp v0.1.x logs on as \"TESTDOM\\\\alice\" but the 2022-era library as \"Server\\\\alice\" "
                + "(it takes the domain from the server's target name), "
                + "so the result depends on the go-ntlmssp version KrakenD embeds")
        XCTAssertNotNil(profileDifference(challenge: challenge, credentials: NTLMCredentials(user: "alice", password: "p")))
    }

    func testRefusalsComeInGoNTLMSSPOrder() {
        let valid = NTLMCredentials(user: "alice", password: "pw")
        let anonymous = NTLMCredentials(user: "", password: "")
        let cases: [(challenge: [UInt8], credentials: NTLMCredentials, expected: ClientRefusal)] = [
            ([1, 2, 3], anonymous, .anonymousCredentials),
            ([1, 2, 3], valid, .malformedChallenge(.messageTooShort(length: 3))),
            (makeChallenge(flags: 0x4000_0081, targetName: [], targetInfo: nil), valid, .lmKeyRequested),
            (makeChallenge(flags: 0x4000_0001, targetName: [], targetInfo: nil), valid, .keyExchangeRequested),
            (makeChallenge(flags: 0x0000_0002, targetName: [], targetInfo: nil), valid, .unicodeNotOffered),
        ]
        for entry in cases {
            XCTAssertThrowsError(
                try makeAuthenticateMessage(
                    challenge: entry.challenge, credentials: entry.credentials, profile: .current)
            ) { error in
                XCTAssertEqual(error as? ClientRefusal, entry.expected)
            }
        }
    }

    func testAnonymousRuleDiffersBetweenProfiles() throws {
        let challenge = makeChallenge(flags: 0xA20A_8201, targetName: [], targetInfo: nil)
        let domainOnly = NTLMCredentials(user: "DOM\\", password: "")
        XCTAssertNoThrow(try makeAuthenticateMessage(challenge: challenge, credentials: domainOnly, profile: .current))
        XCTAssertThrowsError(try makeAuthenticateMessage(challenge: challenge, credentials: domainOnly, profile: .legacy))
        // A user with an empty password is not anonymous.
        XCTAssertNoThrow(
            try makeAuthenticateMessage(
                challenge: challenge, credentials: NTLMCredentials(user: "alice", password: ""), profile: .current))
    }

    func testRandomClientChallengesDiffer() {
        let challenges = Set((0..<8).map { _ in hex(ClientChallenge.random().bytes) })
        XCTAssertGreaterThan(challenges.count, 1)
        XCTAssertNil(ClientChallenge([1, 2, 3]))
    }
}

/// Reads back an AUTHENTICATE_MESSAGE's fields, checking go-ntlmssp's layout on the way.
struct AuthenticateFields {
    let lmResponse: [UInt8]
    let ntResponse: [UInt8]
    let domain: String
    let user: String
    let workstation: String
    let flags: UInt32

    struct LayoutError: Error, CustomStringConvertible {
        let description: String
    }

    init(_ message: [UInt8]) throws {
        guard message.count >= 64, Array(message[0..<8]) == ntlmSignature, message.littleEndianUInt32(at: 8) == 3
        else { throw LayoutError(description: "not an AUTHENTICATE message") }
        var expectedOffset = 64
        var items: [[UInt8]] = []
        for position in stride(from: 12, to: 52, by: 8) {
            let length = Int(message.littleEndianUInt16(at: position)!)
            let maxLength = Int(message.littleEndianUInt16(at: position + 2)!)
            let offset = Int(message.littleEndianUInt32(at: position + 4)!)
            guard length == maxLength, offset == expectedOffset, offset + length <= message.count else {
                throw LayoutError(description: "field at \(position) is {\(length),\(maxLength),\(offset)}")
            }
            items.append(Array(message[offset..<(offset + length)]))
            expectedOffset += length
        }
        guard expectedOffset == message.count, message[52..<60].allSatisfy({ $0 == 0 }) else {
            throw LayoutError(description: "payload does not end the message or session key not empty")
        }
        lmResponse = items[0]
        ntResponse = items[1]
        domain = UTF16LE.decode(items[2][...]) ?? "?"
        user = UTF16LE.decode(items[3][...]) ?? "?"
        workstation = UTF16LE.decode(items[4][...]) ?? "?"
        flags = message.littleEndianUInt32(at: 60)!
    }
}
