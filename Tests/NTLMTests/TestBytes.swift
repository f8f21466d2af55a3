@testable import NTLM

/// Bytes from lowercase or uppercase hex; whitespace is ignored. Test vectors only.
func bytes(hex: String) -> [UInt8] {
    let digits = hex.unicodeScalars.filter { !$0.properties.isWhitespace }.map { Character($0) }
    precondition(digits.count % 2 == 0, "odd number of hex digits in a test vector")
    var result: [UInt8] = []
    var index = 0
    while index < digits.count {
        guard let byte = UInt8(String(digits[index...index + 1]), radix: 16) else {
            preconditionFailure("not a hex digit in a test vector")
        }
        result.append(byte)
        index += 2
    }
    return result
}

func hex(_ bytes: [UInt8]) -> String {
    hexString(bytes)
}

/// Known messages from ../shared/ntlm/README.md section 4.
enum Vectors {
    /// MS-NLMP 4.2.4.3 CHALLENGE (104 bytes): flags 0xE28A8233, TargetName "Server", AV pairs Domain/Server.
    static let specChallenge = bytes(
        hex: """
            4e544c4d53535000020000000c000c003800000033828ae20123456789abcdef
            00000000000000002400240044000000060070170000000f5300650072007600
            6500720002000c0044006f006d00610069006e0001000c005300650072007600
            6500720000000000
            """)

    /// The spec CHALLENGE with KEY_EXCH cleared (flags 0xA28A8233), as used for the 4.3 vector.
    static var specChallengeWithoutKeyExchange: [UInt8] {
        var message = specChallenge
        message.replaceSubrange(20..<24, with: [0x33, 0x82, 0x8a, 0xa2])
        return message
    }

    /// The spec's TargetInfo: NbDomainName "Domain", NbComputerName "Server", EOL.
    static let specTargetInfo = bytes(
        hex: "02000c0044006f006d00610069006e0001000c0053006500720076006500720000000000")

    static let serverChallenge = bytes(hex: "0123456789abcdef")
    static let clientChallengeAA = ClientChallenge([UInt8](repeating: 0xaa, count: 8))!
}

/// Builds a CHALLENGE_MESSAGE: fixed part, optional version, then TargetName and TargetInfo payloads.
func makeChallenge(
    flags: UInt32, targetName: [UInt8], targetInfo: [UInt8]?, serverChallenge: [UInt8] = Vectors.serverChallenge,
    version: [UInt8]? = nil
) -> [UInt8] {
    var message = ntlmSignature
    message.appendLittleEndian(UInt32(2))
    let payloadStart = 48 + (version?.count ?? 0)
    message.appendVarField(length: targetName.count, offset: payloadStart)
    message.appendLittleEndian(flags)
    message += serverChallenge
    message += [UInt8](repeating: 0, count: 8)
    let infoLength = targetInfo?.count ?? 0
    message.appendVarField(length: infoLength, offset: targetInfo == nil ? 0 : payloadStart + targetName.count)
    if let version {
        message += version
    }
    message += targetName
    if let targetInfo {
        message += targetInfo
    }
    return message
}

/// One AV pair's bytes.
func avPair(_ id: UInt16, _ value: [UInt8]) -> [UInt8] {
    var pair: [UInt8] = []
    pair.appendLittleEndian(id)
    pair.appendLittleEndian(UInt16(value.count))
    return pair + value
}

let avEndOfList: [UInt8] = [0, 0, 0, 0]
