/// Go's `unicode/utf8` decoding over bytes: an invalid or truncated sequence decodes as U+FFFD of width 1.
enum UTF8Decoding {
    static let replacementCharacter: UInt32 = 0xFFFD
    static let maximumRune: UInt32 = 0x10FFFF

    /// The rune starting at `index` and its width in bytes (`utf8.DecodeRune`).
    static func decodeRune<Bytes: BidirectionalCollection>(
        _ bytes: Bytes, at index: Bytes.Index
    ) -> (rune: UInt32, width: Int) where Bytes.Element == UInt8 {
        let first = bytes[index]
        if first < 0x80 { return (UInt32(first), 1) }
        func continuation(_ offset: Int) -> UInt32? {
            guard let position = bytes.index(index, offsetBy: offset, limitedBy: bytes.endIndex),
                position != bytes.endIndex
            else { return nil }
            let byte = bytes[position]
            return byte & 0xC0 == 0x80 ? UInt32(byte & 0x3F) : nil
        }
        switch first {
        case 0xC2...0xDF:
            guard let second = continuation(1) else { break }
            return (UInt32(first & 0x1F) << 6 | second, 2)
        case 0xE0...0xEF:
            guard let second = continuation(1), let third = continuation(2) else { break }
            let rune = UInt32(first & 0x0F) << 12 | second << 6 | third
            if rune < 0x800 || (0xD800...0xDFFF).contains(rune) { break }
            return (rune, 3)
        case 0xF0...0xF4:
            guard let second = continuation(1), let third = continuation(2), let fourth = continuation(3) else { break }
            let rune = UInt32(first & 0x07) << 18 | second << 12 | third << 6 | fourth
            if rune < 0x10000 || rune > maximumRune { break }
            return (rune, 4)
        default: break
        }
        return (replacementCharacter, 1)
    }

    /// The number of runes, counting each invalid byte as one (`utf8.RuneCount`).
    static func runeCount<Bytes: BidirectionalCollection>(_ bytes: Bytes) -> Int where Bytes.Element == UInt8 {
        var count = 0
        var index = bytes.startIndex
        while index != bytes.endIndex {
            let width = bytes[index] < 0x80 ? 1 : decodeRune(bytes, at: index).width
            index = bytes.index(index, offsetBy: width)
            count += 1
        }
        return count
    }

    /// A valid Unicode scalar value (`utf8.ValidRune`).
    static func isValidRune(_ rune: UInt32) -> Bool {
        rune <= maximumRune && !(0xD800...0xDFFF).contains(rune)
    }

    /// Appends the UTF-8 encoding of `rune`, or of U+FFFD when it is not a valid scalar (`utf8.EncodeRune`).
    static func append(rune: UInt32, to output: inout [UInt8]) {
        let rune = isValidRune(rune) ? rune : replacementCharacter
        switch rune {
        case 0..<0x80:
            output.append(UInt8(rune))
        case 0x80..<0x800:
            output.append(0xC0 | UInt8(rune >> 6))
            output.append(0x80 | UInt8(rune & 0x3F))
        case 0x800..<0x10000:
            output.append(0xE0 | UInt8(rune >> 12))
            output.append(0x80 | UInt8((rune >> 6) & 0x3F))
            output.append(0x80 | UInt8(rune & 0x3F))
        default:
            output.append(0xF0 | UInt8(rune >> 18))
            output.append(0x80 | UInt8((rune >> 12) & 0x3F))
            output.append(0x80 | UInt8((rune >> 6) & 0x3F))
            output.append(0x80 | UInt8(rune & 0x3F))
        }
    }
}
