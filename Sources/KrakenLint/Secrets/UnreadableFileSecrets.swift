import ConfigTree

extension SecretCatalog {
    /// Key names whose values are secrets, for files that could not be parsed.
    static let secretKeyNames: Set<String> = Set(fields.compactMap { field -> String? in
        field.kind == .literal ? field.lastKey : nil
    })

    /// Secrets of a file the reader could not turn into a tree (a syntax error, an unterminated string).
    ///
    /// Without a tree there are no spans to trust, so this works line by line: wherever a secret key
    /// (`password`, `client_secret`... or any key that looks like a password) is followed by `:`, the
    /// quoted string after it, or the rest of the line when the string does not close, is treated as the
    /// secret. It over-masks rather than risk printing a password. The spans never overlap.
    public static func secrets(inUnreadable file: SourceFile) -> [SecretValue] {
        var found: [SecretValue] = []
        for line in 1...max(1, file.lineCount) {
            guard let range = file.byteRange(ofLine: line) else { continue }
            let bytes = file.bytes[range]
            var index = bytes.startIndex
            while index < bytes.endIndex {
                defer { index += 1 }
                guard bytes[index] == UInt8(ascii: ":"), let key = keyBefore(index, in: bytes),
                      secretKeyNames.contains(key) || looksLikePasswordKey(key),
                      let value = valueRange(after: index, in: bytes) else { continue }
                let text = String(decoding: bytes[value], as: UTF8.self)
                let span = Span(start: value.lowerBound, end: value.upperBound)
                found.append(SecretValue(unquoted(text), span: span))
                // Spans must not overlap: continue after this value.
                index = value.upperBound - 1
            }
        }
        return found
    }

    /// The key that ends just before `colon` (quoted or not), if it is made of key characters.
    private static func keyBefore(_ colon: Int, in bytes: ArraySlice<UInt8>) -> String? {
        var end = colon
        while end > bytes.startIndex, bytes[end - 1] == UInt8(ascii: " ") { end -= 1 }
        if end > bytes.startIndex, bytes[end - 1] == UInt8(ascii: "\"") || bytes[end - 1] == UInt8(ascii: "'") { end -= 1 }
        var start = end
        while start > bytes.startIndex, isKeyByte(bytes[start - 1]) { start -= 1 }
        guard start < end else { return nil }
        if start > bytes.startIndex, isKeyByte(bytes[start - 1]) { return nil }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    /// The value after `colon`: a quoted string up to its closing quote, or else everything up to the end of
    /// the line (an unterminated string, a plain scalar), without surrounding spaces and a trailing comma;
    /// nil when nothing scalar follows (a nested object or list, or nothing at all).
    private static func valueRange(after colon: Int, in bytes: ArraySlice<UInt8>) -> Range<Int>? {
        var start = colon + 1
        while start < bytes.endIndex, bytes[start] == UInt8(ascii: " ") || bytes[start] == UInt8(ascii: "\t") { start += 1 }
        if start < bytes.endIndex, bytes[start] == UInt8(ascii: "\""), let close = closingQuote(after: start, in: bytes) {
            return start..<(close + 1)
        }
        var end = bytes.endIndex
        while end > start, bytes[end - 1] == UInt8(ascii: " ") || bytes[end - 1] == UInt8(ascii: "\t") || bytes[end - 1] == UInt8(ascii: ",") { end -= 1 }
        guard start < end else { return nil }
        let first = bytes[start]
        if first == UInt8(ascii: "{") || first == UInt8(ascii: "[") || first == UInt8(ascii: "|") || first == UInt8(ascii: ">") { return nil }
        return start..<end
    }

    /// The index of the `"` that closes the string opened at `open`, skipping backslash escapes.
    private static func closingQuote(after open: Int, in bytes: ArraySlice<UInt8>) -> Int? {
        var index = open + 1
        while index < bytes.endIndex {
            if bytes[index] == UInt8(ascii: "\\") {
                index += 2
                continue
            }
            if bytes[index] == UInt8(ascii: "\"") { return index }
            index += 1
        }
        return nil
    }

    private static func isKeyByte(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
    }

    private static func unquoted(_ text: String) -> String {
        var result = Substring(text)
        if let first = result.first, first == "\"" || first == "'" { result = result.dropFirst() }
        if let last = result.last, last == "\"" || last == "'" { result = result.dropLast() }
        return result.isEmpty ? text : String(result)
    }
}
