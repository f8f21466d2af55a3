extension JSONParser {
    /// Reads the string value whose opening quote is at `index`, validating UTF-8 and decoding escapes;
    /// leaves `index` just past the closing quote. Repeated long values share one string.
    @inline(__always)
    mutating func readString() throws(JSONFailure) -> String {
        switch try scanString() {
        case .plain(let text):
            return values.string(text)
        case .escaped(let open, let firstEscape):
            return try readEscapedString(open: open, firstEscape: firstEscape)
        }
    }

    /// Reads a member name like `readString`, sharing long names through the key table; also returns the
    /// name's `RepeatedKeys` hash.
    @inline(__always)
    mutating func readKeyString() throws(JSONFailure) -> (key: String, hash: UInt64) {
        switch try scanString() {
        case .plain(let text):
            let hash = RepeatedKeys.hash(text)
            return (keys.string(text, hash: hash), hash)
        case .escaped(let open, let firstEscape):
            let key = try readEscapedString(open: open, firstEscape: firstEscape)
            return (key, RepeatedKeys.hash(key))
        }
    }

    /// What the fast scan of a string found.
    enum StringScan {
        /// No escape: the bytes between the quotes are the text (UTF-8 checked); `index` is past the string.
        case plain(UnsafeBufferPointer<UInt8>)
        /// An escape at `firstEscape`: the slow path decodes from there; `index` has not moved.
        case escaped(open: Int, firstEscape: Int)
    }

    /// Scans the string whose opening quote is at `index` up to its closing quote or its first escape.
    @inline(__always)
    mutating func scanString() throws(JSONFailure) -> StringScan {
        let open = index
        var cursor = open + 1
        while cursor < end {
            let byte = bytes[cursor]
            if byte >= 0x20, byte != UInt8(ascii: "\""), byte != UInt8(ascii: "\\"), byte < 0x80 {
                cursor += 1
                continue
            }
            if byte == UInt8(ascii: "\"") {
                index = cursor + 1
                return .plain(UnsafeBufferPointer(rebasing: bytes[(open + 1)..<cursor]))
            }
            if byte == UInt8(ascii: "\\") {
                return .escaped(open: open, firstEscape: cursor)
            }
            if byte < 0x20 { throw controlCharacterInString(at: cursor, open: open) }
            guard let length = UTF8Scanning.sequenceLength(in: bytes, at: cursor) else { throw invalidUTF8(at: cursor) }
            cursor += length
        }
        throw unterminatedString(open: open)
    }

    /// The slow path for strings with escapes: copies into a byte buffer while decoding.
    mutating func readEscapedString(open: Int, firstEscape: Int) throws(JSONFailure) -> String {
        var decoded: [UInt8] = []
        decoded.reserveCapacity(firstEscape - open + 16)
        decoded.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[(open + 1)..<firstEscape]))
        var cursor = firstEscape
        while cursor < end {
            let byte = bytes[cursor]
            switch byte {
            case UInt8(ascii: "\""):
                index = cursor + 1
                return String(decoding: decoded, as: UTF8.self)
            case UInt8(ascii: "\\"):
                cursor = try decodeEscape(at: cursor, open: open, into: &decoded)
            case 0..<0x20:
                throw controlCharacterInString(at: cursor, open: open)
            case 0x80...:
                guard let length = UTF8Scanning.sequenceLength(in: bytes, at: cursor) else { throw invalidUTF8(at: cursor) }
                decoded.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[cursor..<(cursor + length)]))
                cursor += length
            default:
                decoded.append(byte)
                cursor += 1
            }
        }
        throw unterminatedString(open: open)
    }

    /// Decodes the escape whose backslash is at `backslash`; returns the offset after it.
    mutating func decodeEscape(at backslash: Int, open: Int, into decoded: inout [UInt8]) throws(JSONFailure) -> Int {
        guard backslash + 1 < end else { throw unterminatedString(open: open) }
        let simple: UInt8
        switch bytes[backslash + 1] {
        case UInt8(ascii: "\""): simple = UInt8(ascii: "\"")
        case UInt8(ascii: "\\"): simple = UInt8(ascii: "\\")
        case UInt8(ascii: "/"): simple = UInt8(ascii: "/")
        case UInt8(ascii: "b"): simple = 0x08
        case UInt8(ascii: "f"): simple = 0x0C
        case UInt8(ascii: "n"): simple = 0x0A
        case UInt8(ascii: "r"): simple = 0x0D
        case UInt8(ascii: "t"): simple = 0x09
        case UInt8(ascii: "u"):
            return try decodeUnicodeEscape(at: backslash, into: &decoded)
        default:
            throw invalidEscape(at: backslash)
        }
        decoded.append(simple)
        return backslash + 2
    }

    /// Decodes `\uXXXX`, or a surrogate pair `\uD83D\uDE00`, into UTF-8.
    mutating func decodeUnicodeEscape(at backslash: Int, into decoded: inout [UInt8]) throws(JSONFailure) -> Int {
        guard let unit = hexQuad(at: backslash + 2) else { throw invalidEscape(at: backslash) }
        var scalarValue = UInt32(unit)
        var next = backslash + 6
        switch unit {
        case 0xD800...0xDBFF:
            guard next + 1 < end, bytes[next] == UInt8(ascii: "\\"), bytes[next + 1] == UInt8(ascii: "u"),
                  let low = hexQuad(at: next + 2), (0xDC00...0xDFFF).contains(low) else {
                throw loneSurrogate(at: backslash, unit: unit)
            }
            scalarValue = 0x10000 + ((UInt32(unit) - 0xD800) << 10) + (UInt32(low) - 0xDC00)
            next += 6
        case 0xDC00...0xDFFF:
            throw loneSurrogate(at: backslash, unit: unit)
        default:
            break
        }
        guard let scalar = Unicode.Scalar(scalarValue) else { throw loneSurrogate(at: backslash, unit: unit) }
        for codeUnit in UTF8.encode(scalar) ?? UTF8.EncodedScalar() {
            decoded.append(codeUnit)
        }
        return next
    }

    /// The value of four hex digits at `offset`, or nil.
    func hexQuad(at offset: Int) -> UInt16? {
        guard offset + 4 <= end else { return nil }
        var value: UInt16 = 0
        for position in offset..<(offset + 4) {
            let byte = bytes[position]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: return nil
            }
            value = value << 4 | UInt16(digit)
        }
        return value
    }
}
