import CYAML

/// Converts libyaml marks into byte offsets of the source file.
///
/// libyaml counts `mark.index` in characters (a UTF-8 sequence is one, `\r\n` two) after a skipped
/// byte-order mark. In a file of ASCII text, the usual configuration, that index is the byte offset itself.
/// Elsewhere a cursor walks from the last mark to the next one, backwards when the next one lies behind,
/// so marks that arrive in order cost one pass over the file in all.
///
/// libyaml's own line and column are not used: it counts line breaks (`\r` alone, U+0085, U+2028, U+2029)
/// that `SourceFile` does not, and lines and columns are worked out from offsets by the file anyway.
struct YAMLMarkCursor {
    let bytes: UnsafeBufferPointer<UInt8>
    /// True when every byte is ASCII (and so there is no byte-order mark): offsets equal character indexes.
    private let isASCII: Bool
    /// Where character index 0 is: after a byte-order mark, or at the start.
    private let origin: Int
    private var characterIndex = 0
    private var offset: Int

    init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        origin = UTF8Scanning.startsWithByteOrderMark(bytes) ? 3 : 0
        offset = origin
        isASCII = Self.allASCII(bytes)
    }

    /// True when no byte has its high bit set (eight bytes at a time).
    private static func allASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        var bits: UInt64 = 0
        var index = 0
        while index + 32 <= bytes.count {
            let raw = UnsafeRawPointer(base + index)
            bits |= raw.loadUnaligned(as: UInt64.self) | raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self)
                | raw.loadUnaligned(fromByteOffset: 16, as: UInt64.self) | raw.loadUnaligned(fromByteOffset: 24, as: UInt64.self)
            index += 32
        }
        while index < bytes.count {
            bits |= UInt64(bytes[index])
            index += 1
        }
        return bits & 0x8080_8080_8080_8080 == 0
    }

    @inline(__always)
    private static func hasNoHighBit(_ word: UInt64) -> Bool { word & 0x8080_8080_8080_8080 == 0 }

    /// The byte offset of a libyaml mark.
    @inline(__always)
    mutating func offset(of mark: yaml_mark_t) -> Int {
        let target = Int(mark.index)
        if isASCII { return min(target, bytes.count) }
        return offset(ofCharacterIndex: target)
    }

    /// The byte offset of the character with libyaml's `index`, by walking from the last one.
    mutating func offset(ofCharacterIndex target: Int) -> Int {
        let count = bytes.count
        while characterIndex > target, offset > origin {
            offset -= 1
            while offset > origin, bytes[offset] & 0xC0 == 0x80 { offset -= 1 }
            characterIndex -= 1
        }
        while characterIndex < target, offset < count {
            // Eight ASCII bytes advance eight characters at once.
            if target - characterIndex >= 8, offset + 8 <= count, let base = bytes.baseAddress,
               Self.hasNoHighBit(UnsafeRawPointer(base + offset).loadUnaligned(as: UInt64.self)) {
                offset += 8
                characterIndex += 8
                continue
            }
            let byte = bytes[offset]
            offset = min(offset + (byte < 0x80 ? 1 : byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2), count)
            characterIndex += 1
        }
        return offset
    }
}
