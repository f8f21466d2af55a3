/// Go strings are bytes. A ``Value`` keeps one as a Swift `String` when the bytes are valid UTF-8 and as
/// ``Value/Storage/byteString(_:)`` when they are not; these read either form.
extension Value {
    /// A Go string of these bytes: ``Storage/string(_:)`` when they are valid UTF-8,
    /// ``Storage/byteString(_:)`` otherwise.
    public static func goString<Bytes: Collection>(_ bytes: Bytes, origin: ValueOrigin? = nil) -> Value
    where Bytes.Element == UInt8 {
        if let text = String(validating: bytes, as: UTF8.self) { return Value(.string(text), origin: origin) }
        return Value(.byteString(Array(bytes)), origin: origin)
    }

    /// Whether the value is a Go string, valid UTF-8 or not.
    public var isGoString: Bool {
        switch storage {
        case .string, .byteString: return true
        default: return false
        }
    }

    /// The bytes of a Go string; nil for any other value.
    public var goStringBytes: [UInt8]? {
        switch storage {
        case .string(let text): return Array(text.utf8)
        case .byteString(let bytes): return bytes
        default: return nil
        }
    }

    /// The text of a Go string as Go's `range` over it reads it: each byte that does not start a valid UTF-8
    /// sequence as U+FFFD; nil for any other value.
    public var goStringText: String? {
        switch storage {
        case .string(let text): return text
        case .byteString(let bytes): return GoText.replacingInvalidBytes(bytes)
        default: return nil
        }
    }
}

/// Go's reading of bytes as text.
public enum GoText {
    /// The bytes with each byte that does not start a valid UTF-8 sequence replaced by U+FFFD, one per byte,
    /// as `for _, r := range s` and `strings.ToValidUTF8`-free conversions to runes see them. Swift's own
    /// decoding replaces a truncated sequence by a single U+FFFD, which is not Go's count.
    public static func replacingInvalidBytes<Bytes: BidirectionalCollection>(_ bytes: Bytes) -> String
    where Bytes.Element == UInt8 {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + 8)
        var index = bytes.startIndex
        while index != bytes.endIndex {
            let (rune, width) = UTF8Decoding.decodeRune(bytes, at: index)
            let next = bytes.index(index, offsetBy: width)
            if width == 1 && rune == UTF8Decoding.replacementCharacter {
                output.append(contentsOf: [0xEF, 0xBF, 0xBD])
            } else {
                output.append(contentsOf: bytes[index..<next])
            }
            index = next
        }
        return String(decoding: output, as: UTF8.self)
    }
}
