/// Byte-level UTF-8 facts the readers share: sequence validation, byte-order mark, binary sniffing.
enum UTF8Scanning {
    /// The three bytes of a UTF-8 byte-order mark.
    static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// True when `bytes` starts with a UTF-8 byte-order mark.
    static func startsWithByteOrderMark(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
    }

    /// The length of the well-formed multi-byte sequence starting at `offset` (whose first byte is >= 0x80),
    /// or nil when the bytes there are not UTF-8 (bad lead byte, missing continuation, overlong form,
    /// surrogate, or a value above U+10FFFF).
    @inline(__always)
    static func sequenceLength(in bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> Int? {
        let lead = bytes[offset]
        let length: Int
        var secondLow: UInt8 = 0x80
        var secondHigh: UInt8 = 0xBF
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; secondLow = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; secondHigh = 0x9F
        case 0xF0: length = 4; secondLow = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; secondHigh = 0x8F
        default: return nil
        }
        guard offset + length <= bytes.count else { return nil }
        let second = bytes[offset + 1]
        guard second >= secondLow, second <= secondHigh else { return nil }
        var index = offset + 2
        while index < offset + length {
            guard bytes[index] & 0xC0 == 0x80 else { return nil }
            index += 1
        }
        return length
    }

    /// The number of bytes of the character whose first byte is `lead`, in text already known to be
    /// UTF-8: 1 for ASCII (and for a byte that cannot start a sequence), else 2, 3 or 4.
    @inline(__always)
    static func width(ofLead lead: UInt8) -> Int {
        lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
    }

    /// Whether the eight bytes at `pointer` are all ASCII (the caller makes sure there are eight).
    @inline(__always)
    static func eightBytesAreASCII(at pointer: UnsafePointer<UInt8>) -> Bool {
        UnsafeRawPointer(pointer).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0
    }

    /// The offset of a NUL byte among the first `window` bytes: text configurations never contain one,
    /// binary files (images, archives, executables) almost always do early on.
    static func binaryMarkerOffset(in bytes: UnsafeBufferPointer<UInt8>, window: Int = 8192) -> Int? {
        let limit = min(bytes.count, window)
        var index = 0
        while index < limit {
            if bytes[index] == 0 { return index }
            index += 1
        }
        return nil
    }
}
