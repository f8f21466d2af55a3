import XCTest

@testable import NTLM

final class ChallengeMessageTests: XCTestCase {
    func testSpecChallengeParses() throws {
        let challenge = try ChallengeMessage.parse(Vectors.specChallenge)
        XCTAssertEqual(challenge.flags.rawValue, 0xE28A_8233)
        XCTAssertEqual(challenge.serverChallenge, Vectors.serverChallenge)
        XCTAssertEqual(challenge.targetName, "Server")
        XCTAssertEqual(challenge.targetInfoRaw, Vectors.specTargetInfo)
        XCTAssertEqual(
            challenge.targetInfo,
            [
                AVPair(id: .netBIOSDomainName, value: UTF16LE.encode("Domain")),
                AVPair(id: .netBIOSComputerName, value: UTF16LE.encode("Server")),
            ])
        XCTAssertEqual(challenge.version, ServerVersion(major: 6, minor: 0, build: 6000, ntlmRevision: 15))
        XCTAssertEqual(challenge.clientRefusal(), .keyExchangeRequested)
    }

    func testServerInfoNamesEverythingAUserWantsToSee() throws {
        let info = avPair(1, UTF16LE.encode("WEB01")) + avPair(2, UTF16LE.encode("CORP"))
            + avPair(3, UTF16LE.encode("web01.corp.example")) + avPair(4, UTF16LE.encode("corp.example"))
            + avPair(5, UTF16LE.encode("example")) + avPair(7, bytes(hex: "008085825a9bda01")) + avEndOfList
        let message = makeChallenge(
            flags: 0xA28A_8205, targetName: UTF16LE.encode("CORP"), targetInfo: info,
            version: [10, 0, 0x63, 0x45, 0, 0, 0, 15])
        let server = try ChallengeMessage.parse(message).serverInfo
        XCTAssertEqual(server.targetName, "CORP")
        XCTAssertEqual(server.netbiosComputer, "WEB01")
        XCTAssertEqual(server.netbiosDomain, "CORP")
        XCTAssertEqual(server.dnsComputer, "web01.corp.example")
        XCTAssertEqual(server.dnsDomain, "corp.example")
        XCTAssertEqual(server.dnsTree, "example")
        XCTAssertEqual(server.version?.description, "10.0.17763")
        XCTAssertEqual(server.timestamp?.rawValue, 0x01da_9b5a_8285_8000)
        XCTAssertEqual(
            server.flagNames,
            ["UNICODE", "REQUEST_TARGET", "NTLM", "ALWAYS_SIGN", "TARGET_TYPE_SERVER", "EXTENDED_SESSIONSECURITY",
             "TARGET_INFO", "VERSION", "128", "56"])
        XCTAssertEqual(
            server.description,
            "target name \"CORP\", NetBIOS computer \"WEB01\", NetBIOS domain \"CORP\", "
                + "DNS computer \"web01.corp.example\", DNS domain \"corp.example\", DNS tree \"example\", "
                + "version 10.0.17763, timestamp 2024-05-01T00:00:00Z, "
                + "flags 0xa28a8205 (UNICODE|REQUEST_TARGET|NTLM|ALWAYS_SIGN|TARGET_TYPE_SERVER|"
                + "EXTENDED_SESSIONSECURITY|TARGET_INFO|VERSION|128|56)")
    }

    func testVersionIsIgnoredWhenUnflaggedOrOverlappedByPayload() throws {
        let unflagged = makeChallenge(
            flags: 0x0000_0001, targetName: [], targetInfo: nil, version: [10, 0, 0x63, 0x45, 0, 0, 0, 15])
        XCTAssertNil(try ChallengeMessage.parse(unflagged).version)
        let payloadAt48 = makeChallenge(flags: 0x0200_0001, targetName: UTF16LE.encode("ABCDEFGH"), targetInfo: nil)
        XCTAssertNil(try ChallengeMessage.parse(payloadAt48).version)
    }

    func testHostileNamesAreEscapedForDisplay() throws {
        let info = avPair(1, UTF16LE.encode("evil\u{1B}[2J\"x\u{202E}")) + avEndOfList
        let message = makeChallenge(flags: 0x0080_0001, targetName: UTF16LE.encode("a\nb"), targetInfo: info)
        let text = try ChallengeMessage.parse(message).serverInfo.description
        XCTAssertTrue(text.contains("target name \"a\\u{a}b\""), text)
        XCTAssertTrue(text.contains("NetBIOS computer \"evil\\u{1b}[2J\\\"x\\u{202e}\""), text)
        XCTAssertFalse(text.unicodeScalars.contains { $0.value < 0x20 })
    }

    func testDuplicateAVPairsAreKeptAndTheLastWins() throws {
        let info = avPair(1, UTF16LE.encode("FIRST")) + avPair(1, UTF16LE.encode("SECOND")) + avEndOfList
        let challenge = try ChallengeMessage.parse(makeChallenge(flags: 1, targetName: [], targetInfo: info))
        XCTAssertEqual(challenge.targetInfo.count, 2)
        XCTAssertEqual(challenge.serverInfo.netbiosComputer, "SECOND")
    }

    func testBytesAfterEndOfListAreIgnoredAsGoDoes() throws {
        // go-ntlmssp stops at the EOL id without reading its length, so a bare 2-byte EOL and trailing junk pass.
        let info = avPair(2, UTF16LE.encode("D")) + [0, 0] + [0xff, 0xff, 0xff]
        let challenge = try ChallengeMessage.parse(makeChallenge(flags: 1, targetName: [], targetInfo: info))
        XCTAssertEqual(challenge.targetInfo.count, 1)
        XCTAssertEqual(challenge.targetInfoRaw, info)
    }

    func testOEMTargetNameIsKeptAsBytes() throws {
        let challenge = try ChallengeMessage.parse(
            makeChallenge(flags: 0x0000_0002, targetName: Array("WORKGROUP".utf8), targetInfo: nil))
        XCTAssertEqual(challenge.targetName, "WORKGROUP")
        XCTAssertEqual(challenge.clientRefusal(), .unicodeNotOffered)
    }

    func testZeroLengthFieldsAreNotBoundsChecked() throws {
        var message = makeChallenge(flags: 1, targetName: [], targetInfo: nil)
        message.replaceSubrange(16..<20, with: [0xff, 0xff, 0xff, 0xff])
        message.replaceSubrange(44..<48, with: [0xff, 0xff, 0xff, 0xff])
        let challenge = try ChallengeMessage.parse(message)
        XCTAssertEqual(challenge.targetName, "")
        XCTAssertNil(challenge.targetInfoRaw)
    }

    // MARK: refusals

    func testEveryMalformationHasItsOwnError() {
        let valid = Vectors.specChallengeWithoutKeyExchange
        func tampered(_ range: Range<Int>, _ replacement: [UInt8]) -> [UInt8] {
            var message = valid
            message.replaceSubrange(range, with: replacement)
            return message
        }
        let targetInfoBody = avPair(1, UTF16LE.encode("S"))
        let cases: [(String, [UInt8], ChallengeParseError)] = [
            ("empty", [], .messageTooShort(length: 0)),
            ("truncated fixed part", Array(valid[0..<47]), .messageTooShort(length: 47)),
            ("bad signature", tampered(0..<1, [0x6e]), .badSignature(found: Array("nTLMSSP".utf8) + [0])),
            ("wrong type", tampered(8..<9, [1]), .wrongMessageType(found: 1)),
            (
                "TargetName offset past end", tampered(16..<20, [0x69, 0, 0, 0]),
                .offsetPastEnd(field: .targetName, offset: 105, length: 12, messageLength: 104)
            ),
            (
                "TargetName length past end", tampered(16..<20, [0x60, 0, 0, 0]),
                .lengthPastEnd(field: .targetName, offset: 96, length: 12, messageLength: 104)
            ),
            (
                "TargetInfo offset + length overflows 32 bits", tampered(44..<48, [0xf0, 0xff, 0xff, 0xff]),
                .offsetPastEnd(field: .targetInfo, offset: 0xffff_fff0, length: 36, messageLength: 104)
            ),
            (
                "TargetInfo length overflow to the end", tampered(40..<44, [0xff, 0xff, 0xff, 0xff]),
                .lengthPastEnd(field: .targetInfo, offset: 68, length: 0xffff, messageLength: 104)
            ),
            (
                "odd Unicode TargetName", tampered(12..<16, [11, 0, 11, 0]),
                .oddUnicodeLength(field: .targetName, offset: 56, length: 11)
            ),
            (
                "AV pair value cut short", makeChallenge(flags: 1, targetName: [], targetInfo: Array(targetInfoBody.dropLast())),
                .avPairTruncated(position: 48, id: 1, declaredLength: 2, available: 1)
            ),
            (
                "AV pair header cut short", makeChallenge(flags: 1, targetName: [], targetInfo: targetInfoBody + [7, 0, 8]),
                .avPairTruncated(position: 54, id: nil, declaredLength: nil, available: 3)
            ),
            (
                "AV pair id cut short", makeChallenge(flags: 1, targetName: [], targetInfo: targetInfoBody + [7]),
                .avPairTruncated(position: 54, id: nil, declaredLength: nil, available: 1)
            ),
            (
                "no EOL", makeChallenge(flags: 1, targetName: [], targetInfo: targetInfoBody),
                .avPairsMissingEnd(position: 54)
            ),
        ]
        for (name, message, expected) in cases {
            XCTAssertThrowsError(try ChallengeMessage.parse(message), name) { error in
                XCTAssertEqual(error as? ChallengeParseError, expected, name)
            }
        }
    }

    func testErrorMessagesNamePositionsAndExpectations() {
        let messages = [
            ChallengeParseError.messageTooShort(length: 20).description,
            ChallengeParseError.wrongMessageType(found: 1).description,
            ChallengeParseError.lengthPastEnd(field: .targetInfo, offset: 68, length: 100, messageLength: 104)
                .description,
            ChallengeParseError.avPairTruncated(position: 60, id: 7, declaredLength: 8, available: 3).description,
            ChallengeParseError.avPairsMissingEnd(position: 90).description,
        ]
        XCTAssertEqual(
            messages,
            [
                "the CHALLENGE message is 20 bytes long; expected at least 48 bytes for its fixed part",
                "the message type at byte 8 is 1; expected 2 (CHALLENGE)",
                "TargetInfo (field at byte 40) covers bytes 68 to 168, past the end of the 104-byte message",
                "the AV pair MsvAvTimestamp at byte 60 declares 8 value bytes, but only 3 remain in TargetInfo",
                "TargetInfo ends at byte 90 without the MsvAvEOL terminator",
            ])
    }

    func testRefusalsHavePlainReasonsAndStableCodes() {
        let refusals: [ClientRefusal] = [
            .anonymousCredentials, .malformedChallenge(.messageTooShort(length: 3)), .lmKeyRequested,
            .keyExchangeRequested, .unicodeNotOffered,
        ]
        XCTAssertEqual(
            refusals.map(\.code),
            ["anonymous-credentials", "malformed-challenge", "lm-key-requested", "key-exchange-requested",
             "unicode-not-offered"])
        XCTAssertTrue(ClientRefusal.keyExchangeRequested.reason.contains("KEY_EXCH"))
        XCTAssertTrue(ClientRefusal.lmKeyRequested.reason.contains("LM_KEY"))
        XCTAssertTrue(ClientRefusal.unicodeNotOffered.reason.contains("UNICODE"))
        XCTAssertTrue(
            ClientRefusal.malformedChallenge(.messageTooShort(length: 3)).reason.contains("3 bytes long"))
    }

    func testLMKeyIsReportedBeforeKeyExchangeAndUnicode() throws {
        let challenge = try ChallengeMessage.parse(makeChallenge(flags: 0x4000_0080, targetName: [], targetInfo: nil))
        XCTAssertEqual(challenge.clientRefusal(), .lmKeyRequested)
    }
}
