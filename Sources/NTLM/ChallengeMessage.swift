/// A parsed CHALLENGE_MESSAGE, read the way go-ntlmssp reads it but trusting nothing.
public struct ChallengeMessage: Sendable, Equatable {
    /// The message exactly as received.
    public let bytes: [UInt8]
    public let flags: NegotiateFlags
    /// The 8-byte server challenge.
    public let serverChallenge: [UInt8]
    /// The TargetName: UTF-16LE when the challenge sets UNICODE, otherwise its raw bytes read as UTF-8.
    public let targetName: String
    /// TargetInfo exactly as sent (it is copied into the response), or nil when its length is 0.
    public let targetInfoRaw: [UInt8]?
    /// TargetInfo's AV pairs in the order sent, up to but not including MsvAvEOL; ids may repeat.
    public let targetInfo: [AVPair]
    /// The VERSION at bytes 48–55 when VERSION is flagged and the payload leaves room for it.
    public let version: ServerVersion?

    /// Layout constants of the fixed part.
    static let fixedLength = 48
    static let versionLength = 8

    /// Parses a CHALLENGE_MESSAGE. Checks the length of the fixed part, the signature and the type, every
    /// varField's bounds in 64-bit arithmetic, and the AV pairs up to MsvAvEOL.
    public static func parse(_ bytes: [UInt8]) throws(ChallengeParseError) -> ChallengeMessage {
        guard bytes.count >= fixedLength else {
            throw .messageTooShort(length: bytes.count)
        }
        let signature = Array(bytes[0..<8])
        guard signature == ntlmSignature else {
            throw .badSignature(found: signature)
        }
        let type = bytes.littleEndianUInt32(at: 8) ?? 0
        guard type == 2 else {
            throw .wrongMessageType(found: type)
        }
        let flags = NegotiateFlags(rawValue: bytes.littleEndianUInt32(at: 20) ?? 0)
        let serverChallenge = Array(bytes[24..<32])

        var targetName = ""
        let nameField = VarField(bytes: bytes, at: ChallengeField.targetName.fieldPosition)
        if nameField.length > 0 {
            let range = try nameField.range(in: bytes, field: .targetName)
            if flags.contains(.unicode) {
                guard let text = UTF16LE.decode(bytes[range]) else {
                    throw .oddUnicodeLength(field: .targetName, offset: nameField.offset, length: nameField.length)
                }
                targetName = text
            } else {
                targetName = String(decoding: bytes[range], as: UTF8.self)
            }
        }

        var targetInfoRaw: [UInt8]?
        var targetInfo: [AVPair] = []
        let infoField = VarField(bytes: bytes, at: ChallengeField.targetInfo.fieldPosition)
        if infoField.length > 0 {
            let range = try infoField.range(in: bytes, field: .targetInfo)
            targetInfoRaw = Array(bytes[range])
            targetInfo = try parseAVPairs(bytes[range])
        }

        return ChallengeMessage(
            bytes: bytes, flags: flags, serverChallenge: serverChallenge, targetName: targetName,
            targetInfoRaw: targetInfoRaw, targetInfo: targetInfo,
            version: readVersion(bytes, flags: flags, fields: [nameField, infoField]))
    }

    /// The value of the last AV pair with this id, as go-ntlmssp keeps the last of duplicates.
    public func value(for id: AVPairID) -> [UInt8]? {
        targetInfo.last(where: { $0.id == id })?.value
    }

    /// What the challenge tells about the server.
    public var serverInfo: ServerInfo {
        let timestampBytes = value(for: .timestamp)
        return ServerInfo(
            targetName: targetName,
            netbiosComputer: text(for: .netBIOSComputerName),
            netbiosDomain: text(for: .netBIOSDomainName),
            dnsComputer: text(for: .dnsComputerName),
            dnsDomain: text(for: .dnsDomainName),
            dnsTree: text(for: .dnsTreeName),
            version: version,
            timestamp: timestampBytes.flatMap { $0.count == 8 ? $0.littleEndianUInt64(at: 0) : nil }
                .map(FileTime.init(rawValue:)),
            flags: flags)
    }

    /// The refusal go-ntlmssp makes for this challenge, checked in its order (LM_KEY, KEY_EXCH, no UNICODE),
    /// or nil when it would answer it.
    public func clientRefusal() -> ClientRefusal? {
        if flags.contains(.lmKey) {
            return .lmKeyRequested
        }
        if flags.contains(.keyExchange) {
            return .keyExchangeRequested
        }
        if !flags.contains(.unicode) {
            return .unicodeNotOffered
        }
        return nil
    }

    private func text(for id: AVPairID) -> String? {
        value(for: id).map { UTF16LE.decodeLeniently($0[...]) }
    }

    /// Reads `{AvId, AvLen, Value}` entries until MsvAvEOL. Anything after the EOL id is ignored, as go-ntlmssp
    /// stops there without reading the EOL's length.
    private static func parseAVPairs(_ data: ArraySlice<UInt8>) throws(ChallengeParseError) -> [AVPair] {
        var pairs: [AVPair] = []
        var position = data.startIndex
        while true {
            let remaining = data.endIndex - position
            if remaining == 0 {
                throw .avPairsMissingEnd(position: position)
            }
            guard remaining >= 2 else {
                throw .avPairTruncated(position: position, id: nil, declaredLength: nil, available: remaining)
            }
            let id = UInt16(data[position]) | UInt16(data[position + 1]) << 8
            if id == AVPairID.endOfList.rawValue {
                return pairs
            }
            guard remaining >= 4 else {
                throw .avPairTruncated(position: position, id: nil, declaredLength: nil, available: remaining)
            }
            let length = UInt16(data[position + 2]) | UInt16(data[position + 3]) << 8
            let valueStart = position + 4
            let available = data.endIndex - valueStart
            guard Int(length) <= available else {
                throw .avPairTruncated(position: position, id: id, declaredLength: length, available: available)
            }
            let valueEnd = valueStart + Int(length)
            pairs.append(AVPair(id: AVPairID(rawValue: id), value: Array(data[valueStart..<valueEnd])))
            position = valueEnd
        }
    }

    /// The VERSION structure is only meaningful when flagged and when no payload starts before byte 56.
    private static func readVersion(_ bytes: [UInt8], flags: NegotiateFlags, fields: [VarField]) -> ServerVersion? {
        guard flags.contains(.version), bytes.count >= fixedLength + versionLength else { return nil }
        let versionEnd = UInt64(fixedLength + versionLength)
        for field in fields where field.length > 0 && UInt64(field.offset) < versionEnd {
            return nil
        }
        return ServerVersion(
            major: bytes[48], minor: bytes[49], build: bytes.littleEndianUInt16(at: 50) ?? 0,
            ntlmRevision: bytes[55])
    }
}

/// A `{Len u16, MaxLen u16, Offset u32}` field; MaxLen is ignored, as go-ntlmssp does.
struct VarField: Equatable {
    let length: UInt16
    let offset: UInt32

    init(bytes: [UInt8], at position: Int) {
        length = bytes.littleEndianUInt16(at: position) ?? 0
        offset = bytes.littleEndianUInt32(at: position + 4) ?? 0
    }

    /// The byte range the field covers, checked in 64-bit arithmetic so `offset + length` cannot wrap.
    func range(in bytes: [UInt8], field: ChallengeField) throws(ChallengeParseError) -> Range<Int> {
        let start = UInt64(offset)
        let end = start + UInt64(length)
        let messageLength = UInt64(bytes.count)
        guard start <= messageLength else {
            throw .offsetPastEnd(field: field, offset: offset, length: length, messageLength: bytes.count)
        }
        guard end <= messageLength else {
            throw .lengthPastEnd(field: field, offset: offset, length: length, messageLength: bytes.count)
        }
        return Int(start)..<Int(end)
    }
}
