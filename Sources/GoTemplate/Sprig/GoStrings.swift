/// The functions of Go's `strings` package that sprig calls, on bytes as Go's strings are (Swift's own string
/// comparisons follow canonical equivalence, which Go's do not: in Go, `"e\u0301"` has the prefix `"e"`).
enum GoStrings {
    /// `strings.Index`: the byte offset of the first `needle` in `haystack`.
    static func index(of needle: [UInt8], in haystack: [UInt8], from start: Int = 0) -> Int? {
        guard needle.count <= haystack.count - start else { return nil }
        guard let first = needle.first else { return start }
        var position = start
        let last = haystack.count - needle.count
        while position <= last {
            if haystack[position] == first && haystack[position..<position + needle.count].elementsEqual(needle) {
                return position
            }
            position += 1
        }
        return nil
    }

    static func contains(_ text: String, _ part: String) -> Bool {
        index(of: Array(part.utf8), in: Array(text.utf8)) != nil
    }

    static func hasPrefix(_ text: String, _ prefix: String) -> Bool { text.utf8.starts(with: prefix.utf8) }

    static func hasSuffix(_ text: String, _ suffix: String) -> Bool {
        text.utf8.reversed().starts(with: suffix.utf8.reversed())
    }

    static func trimPrefix(_ text: String, _ prefix: String) -> String {
        hasPrefix(text, prefix) ? String(goBytes: text.utf8.dropFirst(prefix.utf8.count)) : text
    }

    static func trimSuffix(_ text: String, _ suffix: String) -> String {
        hasSuffix(text, suffix) ? String(goBytes: text.utf8.dropLast(suffix.utf8.count)) : text
    }

    /// `strings.TrimSpace`: strips `unicode.IsSpace` runes from both ends.
    static func trimSpace(_ text: String) -> String { trim(text) { GoUnicode.isSpace($0) } }

    /// `strings.Trim`: strips the runes of `cutset` from both ends.
    static func trim(_ text: String, cutset: String) -> String {
        let runes = Set(cutset.unicodeScalars)
        return trim(text) { runes.contains($0) }
    }

    private static func trim(_ text: String, where shouldTrim: (Unicode.Scalar) -> Bool) -> String {
        let scalars = text.unicodeScalars
        guard let start = scalars.firstIndex(where: { !shouldTrim($0) }) else { return "" }
        guard let last = scalars.lastIndex(where: { !shouldTrim($0) }) else { return "" }
        return String(scalars[start...last])
    }

    /// `strings.Replace(text, old, new, -1)`. An empty `old` matches before every rune and at the end.
    static func replaceAll(_ text: String, _ old: String, _ new: String, maximumBytes: Int) throws -> String {
        let bytes = Array(text.utf8), oldBytes = Array(old.utf8), newBytes = Array(new.utf8)
        var result: [UInt8] = []
        if oldBytes.isEmpty {
            let insertions = text.unicodeScalars.count + 1
            try SprigLimits.check(bytes.count + insertions * newBytes.count, maximumBytes)
            for scalar in text.unicodeScalars {
                result += newBytes
                result += String(scalar).utf8
            }
            result += newBytes
            return String(goBytes: result)
        }
        var position = 0
        while let match = index(of: oldBytes, in: bytes, from: position) {
            result += bytes[position..<match]
            result += newBytes
            try SprigLimits.check(result.count, maximumBytes)
            position = match + oldBytes.count
        }
        guard position > 0 else { return text }
        result += bytes[position...]
        return String(goBytes: result)
    }

    /// `strings.SplitN`: `limit` < 0 means every part, 0 means none; an empty separator splits into runes.
    static func split(_ text: String, separator: String, limit: Int = -1) -> [String] {
        if limit == 0 { return [] }
        if separator.isEmpty {
            let runes = text.unicodeScalars.map { String($0) }
            guard limit > 0, runes.count > limit else { return runes }
            return Array(runes[..<(limit - 1)]) + [String(text.unicodeScalars.dropFirst(limit - 1))]
        }
        let bytes = Array(text.utf8), separatorBytes = Array(separator.utf8)
        var parts: [String] = []
        var position = 0
        while limit < 0 || parts.count < limit - 1, let match = index(of: separatorBytes, in: bytes, from: position) {
            parts.append(String(goBytes: bytes[position..<match]))
            position = match + separatorBytes.count
        }
        parts.append(String(goBytes: bytes[position...]))
        return parts
    }

    /// `strings.Repeat`, with Go's panics for a negative count and the caller's size limit.
    static func repeating(_ text: String, count: Int, maximumBytes: Int) throws -> String {
        guard count >= 0 else { throw FunctionError("strings: negative Repeat count") }
        let (size, overflow) = text.utf8.count.multipliedReportingOverflow(by: count)
        guard !overflow else { throw FunctionError("strings: Repeat count causes overflow") }
        try SprigLimits.check(size, maximumBytes)
        return String(repeating: text, count: count)
    }

    /// `strings.ToUpper`, `strings.ToLower` and `strings.Title`.
    static func map(_ text: String, _ transform: (Unicode.Scalar) -> Unicode.Scalar) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars { scalars.append(transform(scalar)) }
        return String(scalars)
    }

    static func upper(_ text: String) -> String { map(text, GoUnicode.toUpper) }
    static func lower(_ text: String) -> String { map(text, GoUnicode.toLower) }

    /// `strings.Title`: the first rune after a separator becomes titlecase.
    static func title(_ text: String) -> String {
        var previous: Unicode.Scalar = " "
        return map(text) { rune in
            defer { previous = rune }
            return isTitleSeparator(previous) ? GoUnicode.toTitle(rune) : rune
        }
    }

    private static func isTitleSeparator(_ rune: Unicode.Scalar) -> Bool {
        if rune.value <= 0x7F {
            switch rune {
            case "0"..."9", "a"..."z", "A"..."Z", "_": return false
            default: return true
            }
        }
        if GoUnicode.isLetter(rune) || GoUnicode.isDigit(rune) { return false }
        return GoUnicode.isSpace(rune)
    }
}

extension String {
    /// A Go string built from bytes. Go keeps any bytes; a Swift string cannot hold invalid UTF-8, so a sequence
    /// that a byte-wise cut left incomplete becomes U+FFFD.
    init(goBytes bytes: some Collection<UInt8>) {
        self = String(decoding: bytes, as: UTF8.self)
    }
}
