/// Why a CHALLENGE_MESSAGE could not be read. Every case names the byte position in the message.
public enum ChallengeParseError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The message is shorter than the 48-byte fixed part.
    case messageTooShort(length: Int)
    /// Bytes 0–7 are not `NTLMSSP\0`.
    case badSignature(found: [UInt8])
    /// The message type at byte 8 is not 2.
    case wrongMessageType(found: UInt32)
    /// A varField's offset lies past the end of the message.
    case offsetPastEnd(field: ChallengeField, offset: UInt32, length: UInt16, messageLength: Int)
    /// A varField's offset is inside the message but `offset + length` runs past its end.
    case lengthPastEnd(field: ChallengeField, offset: UInt32, length: UInt16, messageLength: Int)
    /// The TargetName is flagged as Unicode but has an odd number of bytes.
    case oddUnicodeLength(field: ChallengeField, offset: UInt32, length: UInt16)
    /// An AV pair's 4-byte header or its value does not fit in TargetInfo.
    case avPairTruncated(position: Int, id: UInt16?, declaredLength: UInt16?, available: Int)
    /// TargetInfo ends without the MsvAvEOL terminator.
    case avPairsMissingEnd(position: Int)

    public var description: String {
        switch self {
        case .messageTooShort(let length):
            return "the CHALLENGE message is \(length) bytes long; expected at least 48 bytes for its fixed part"
        case .badSignature(let found):
            return "bytes 0-7 are \(hexString(found)); expected the signature NTLMSSP\\0 (4e544c4d53535000)"
        case .wrongMessageType(let found):
            return "the message type at byte 8 is \(found); expected 2 (CHALLENGE)"
        case .offsetPastEnd(let field, let offset, let length, let messageLength):
            return "\(field) (field at byte \(field.fieldPosition)) starts at byte \(offset) with length \(length), "
                + "past the end of the \(messageLength)-byte message"
        case .lengthPastEnd(let field, let offset, let length, let messageLength):
            return "\(field) (field at byte \(field.fieldPosition)) covers bytes \(offset) to "
                + "\(UInt64(offset) + UInt64(length)), past the end of the \(messageLength)-byte message"
        case .oddUnicodeLength(let field, let offset, let length):
            return "\(field) at byte \(offset) is \(length) bytes long; UTF-16LE text needs an even length"
        case .avPairTruncated(let position, let id, let declaredLength, let available):
            if let id, let declaredLength {
                let name = AVPairID(rawValue: id)
                return "the AV pair \(name) at byte \(position) declares \(declaredLength) value bytes, "
                    + "but only \(available) remain in TargetInfo"
            }
            return "the AV pair at byte \(position) is cut short: \(available) bytes remain, expected a 4-byte header"
        case .avPairsMissingEnd(let position):
            return "TargetInfo ends at byte \(position) without the MsvAvEOL terminator"
        }
    }
}

/// The two variable fields of a CHALLENGE_MESSAGE.
public enum ChallengeField: String, Sendable, Equatable, CustomStringConvertible {
    case targetName = "TargetName"
    case targetInfo = "TargetInfo"

    /// Where the field's `{Len, MaxLen, Offset}` sits in the message.
    public var fieldPosition: Int {
        switch self {
        case .targetName: return 12
        case .targetInfo: return 40
        }
    }

    public var description: String { rawValue }
}
