/// The text functions of Masterminds goutils that sprig exposes (`abbrev`, `initials`, `nospace`, `swapcase`,
/// `untitle`, `wrap`, `wrapWith`), with goutils' quirks: several of them walk the string byte by byte and treat
/// each byte as a Latin-1 rune, so non-ASCII text comes out re-encoded, as it does in Go.
enum GoUtilsText {
    /// `goutils.AbbreviateFull` on the bytes of a Go string (it cuts by byte, so the result may end inside a
    /// character); its errors (a width below 4, or below 7 with an offset) give `""`, as sprig ignores them.
    static func abbreviate(_ bytes: [UInt8], offset: Int, maxWidth: Int) -> [UInt8] {
        let ellipsis = Array("...".utf8)
        guard !bytes.isEmpty else { return [] }
        guard maxWidth >= 4 else { return [] }
        let length = bytes.count
        if length <= maxWidth { return bytes }
        var offset = min(offset, length)
        if length &- offset < maxWidth &- 3 { offset = length &- (maxWidth &- 3) }
        if offset <= 4 { return bytes[0..<(maxWidth - 3)] + ellipsis }
        guard maxWidth >= 7 else { return [] }
        if offset &+ maxWidth &- 3 < length {
            return ellipsis + abbreviate(Array(bytes[offset...]), offset: 0, maxWidth: maxWidth - 3)
        }
        return ellipsis + bytes[(length - (maxWidth - 3))...]
    }

    /// `goutils.Initials` with whitespace as the delimiter, byte by byte.
    static func initials(_ text: String) -> String { initials(bytes: Array(text.utf8)) }

    /// ``initials(_:)`` of the bytes of a Go string, valid UTF-8 or not.
    static func initials(bytes: [UInt8]) -> String {
        var result = String.UnicodeScalarView()
        var lastWasGap = true
        for byte in bytes {
            let rune = Unicode.Scalar(byte)
            if GoUnicode.isSpace(rune) {
                lastWasGap = true
            } else if lastWasGap {
                result.append(rune)
                lastWasGap = false
            }
        }
        return String(result)
    }

    /// `goutils.DeleteWhiteSpace`, byte by byte: the bytes 0x85 and 0xA0 count as spaces even inside a UTF-8
    /// sequence, and when anything was deleted the other bytes come back as Latin-1 runes.
    static func deleteWhiteSpace(_ text: String) -> String {
        deleteWhiteSpace(bytes: Array(text.utf8)).goStringText ?? ""
    }

    /// ``deleteWhiteSpace(_:)`` of the bytes of a Go string, valid UTF-8 or not.
    static func deleteWhiteSpace(bytes: [UInt8]) -> Value {
        var result = String.UnicodeScalarView()
        var deleted = false
        for byte in bytes {
            let rune = Unicode.Scalar(byte)
            if GoUnicode.isSpace(rune) { deleted = true } else { result.append(rune) }
        }
        return deleted ? .string(String(result)) : .goString(bytes)
    }

    /// `goutils.SwapCase`: upper and title case become lower; lower case becomes title case at the start of a
    /// word and upper case elsewhere.
    static func swapCase(_ text: String) -> String {
        var whitespace = true
        return GoStrings.map(text) { rune in
            if GoUnicode.isUpper(rune) || GoUnicode.isTitle(rune) {
                whitespace = false
                return GoUnicode.toLower(rune)
            }
            if GoUnicode.isLower(rune) {
                defer { whitespace = false }
                return whitespace ? GoUnicode.toTitle(rune) : GoUnicode.toUpper(rune)
            }
            whitespace = GoUnicode.isSpace(rune)
            return rune
        }
    }

    /// `goutils.Uncapitalize`: the first rune of each whitespace-separated word becomes lower case.
    static func uncapitalize(_ text: String) -> String {
        var next = true
        return GoStrings.map(text) { rune in
            if GoUnicode.isSpace(rune) {
                next = true
                return rune
            }
            guard next else { return rune }
            next = false
            return GoUnicode.toLower(rune)
        }
    }

    /// `goutils.WrapCustom`: breaks the line at the last space before the column; words longer than a line
    /// are cut at the column when `wrapLongWords` is set and kept whole otherwise. Works on bytes.
    static func wrap(_ bytes: [UInt8], length: Int, newline: [UInt8], wrapLongWords: Bool) -> [UInt8] {
        guard !bytes.isEmpty else { return [] }
        let newlineBytes = newline.isEmpty ? [UInt8(ascii: "\n")] : newline
        let length = max(length, 1)
        let space = UInt8(ascii: " ")
        var result: [UInt8] = []
        var offset = 0
        while bytes.count - offset > length {
            if bytes[offset] == space {
                offset += 1
                continue
            }
            let end = length + offset + 1
            if let spaceIndex = bytes[offset..<end].lastIndex(of: space) {
                result += bytes[offset..<spaceIndex]
                result += newlineBytes
                offset = spaceIndex + 1
            } else if wrapLongWords {
                result += bytes[offset..<(offset + length)]
                result += newlineBytes
                offset += length
            } else if let spaceIndex = bytes[(offset + length)...].firstIndex(of: space) {
                result += bytes[offset..<spaceIndex]
                result += newlineBytes
                offset = spaceIndex + 1
            } else {
                result += bytes[offset...]
                offset = bytes.count
            }
        }
        result += bytes[offset...]
        return result
    }
}
