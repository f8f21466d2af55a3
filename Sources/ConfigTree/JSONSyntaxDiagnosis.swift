/// Error messages of the JSON reader: what was expected, what was found, and specific help for the
/// mistakes people make in hand-written KrakenD files.
///
/// Messages never quote text from the file other than structural characters and fixed spellings
/// (`NaN`, `True`, ...): the text at a syntax error may be a broken secret value.
extension JSONParser {
    /// A syntax error at `offset` naming what was expected; recognises comments, single quotes, NaN,
    /// capitalised literals, a leading '+', control characters and invalid UTF-8 there.
    func failure(at offset: Int, expected: String) -> JSONFailure {
        guard offset < end else {
            return failure(at: offset, message: "unexpected end of file; expected \(expected)")
        }
        let byte = bytes[offset]
        if byte >= 0x80, UTF8Scanning.sequenceLength(in: bytes, at: offset) == nil {
            return invalidUTF8(at: offset)
        }
        if byte == UInt8(ascii: "/"), offset + 1 < end, bytes[offset + 1] == UInt8(ascii: "/") || bytes[offset + 1] == UInt8(ascii: "*") {
            return failure(at: offset, message: "a comment; JSON has no comments (expected \(expected))",
                           hint: "remove the comment; KrakenD ignores keys starting with \"@\", so keep notes in a key such as \"@comment\": \"...\"")
        }
        if byte == UInt8(ascii: "'") {
            return failure(at: offset, message: "a single-quoted string; JSON strings use double quotes (expected \(expected))",
                           hint: "write \"text\" instead of 'text'")
        }
        if byte < 0x20 || byte == 0x7F {
            return failure(at: offset, message: "expected \(expected); found \(Self.controlCharacterName(byte))")
        }
        let word = literalWord(at: offset)
        if let word {
            switch word {
            case "NaN", "Infinity", "-Infinity", "+Infinity", "inf", "-inf", "nan":
                return failure(at: offset, message: "\(word) is not a JSON value (expected \(expected))",
                               hint: "JSON has no NaN or infinity; use a finite number or null")
            case "True", "TRUE", "False", "FALSE", "Null", "NULL", "None", "nil":
                let lower = word == "None" || word == "nil" ? "null" : word.lowercased()
                return failure(at: offset, message: "expected \(expected); found '\(word)'",
                               hint: "JSON literals are lowercase: write \(lower)")
            case "true", "false", "null":
                return failure(at: offset, message: "expected \(expected); found '\(word)'")
            case "undefined":
                return failure(at: offset, message: "expected \(expected); found 'undefined'", hint: "JSON has no undefined; use null or remove the member")
            default:
                break
            }
            if word.hasPrefix("+"), word.utf8.dropFirst().first.map(Self.isDigit) == true {
                return failure(at: offset, message: "number with a leading '+'; JSON numbers have no plus sign",
                               hint: "remove the '+'")
            }
        }
        let found = word.map { Self.isDigit($0.utf8.first ?? 0) || $0.hasPrefix("-") ? "a number" : "an unquoted word" } ?? describe(offset)
        return failure(at: offset, message: "expected \(expected); found \(found)")
    }

    /// A syntax error with a fixed message; a line holding a flexible-config template gets a hint about it.
    func failure(at offset: Int, message: String, hint: String? = nil) -> JSONFailure {
        let position = file.position(ofOffset: offset)
        var hint = hint
        if hint == nil, let text = file.lineText(position.line), text.contains("{{") {
            hint = "this line holds a template ({{ ... }}); check the rendered file instead (flexible config with FC_OUT)"
        }
        return JSONFailure(issue: LoadIssue(code: .syntax, message: message, span: Span(at: offset), hint: hint))
    }

    func trailingComma(at comma: Int, closer: String) -> JSONFailure {
        let kind = closer == "}" ? "member" : "element"
        return failure(at: comma, message: "trailing ',' before '\(closer)'; JSON allows no comma after the last \(kind)",
                       hint: "remove this comma")
    }

    func controlCharacterInString(at offset: Int, open: Int) -> JSONFailure {
        let byte = bytes[offset]
        let name = Self.controlCharacterName(byte)
        let escape: String
        switch byte {
        case 0x09: escape = "\\t"
        case 0x0A: escape = "\\n"
        case 0x0D: escape = "\\r"
        default: escape = "\\u" + String(repeating: "0", count: 4 - String(byte, radix: 16).count) + String(byte, radix: 16, uppercase: true)
        }
        if byte == 0x0A || byte == 0x0D {
            let start = file.position(ofOffset: open)
            return failure(at: offset, message: "unescaped \(name) inside the string that starts at \(start.line):\(start.column)",
                           hint: "close the string with '\"' on its line, or write \(escape) for a line break inside it")
        }
        return failure(at: offset, message: "unescaped \(name) inside a string", hint: "write \(escape) instead")
    }

    /// An escape that is not one of JSON's; the message names the rule, not the characters (they may be a secret).
    func invalidEscape(at backslash: Int) -> JSONFailure {
        let isUnicode = backslash + 1 < end && bytes[backslash + 1] == UInt8(ascii: "u")
        let detail = isUnicode
            ? "'\\u' must be followed by 4 hex digits"
            : "a backslash must be followed by one of \" \\ / b f n r t u"
        return failure(at: backslash, message: "invalid escape in a string: \(detail)",
                       hint: "a backslash in a JSON string starts an escape; write \\\\ for a literal backslash, e.g. \"DOMAIN\\\\user\"")
    }

    func loneSurrogate(at backslash: Int, unit: UInt16) -> JSONFailure {
        let detail = unit >= 0xDC00
            ? "a low surrogate (\\uDC00-\\uDFFF) without a high surrogate before it"
            : "a high surrogate (\\uD800-\\uDBFF) not followed by a low surrogate escape (\\uDC00-\\uDFFF)"
        return failure(at: backslash, message: "lone surrogate escape: \(detail)",
                       hint: "write the character itself, or its full surrogate pair")
    }

    func unterminatedString(open: Int) -> JSONFailure {
        failure(at: open, message: "unterminated string: no closing '\"' before the end of the file")
    }

    func invalidUTF8(at offset: Int) -> JSONFailure {
        let hex = String(bytes[offset], radix: 16, uppercase: true)
        return JSONFailure(issue: LoadIssue(
            code: .encoding,
            message: "invalid UTF-8 at byte offset \(offset) (byte 0x\(hex.count == 1 ? "0" + hex : hex))",
            span: Span(at: offset),
            hint: "save the file as UTF-8"))
    }

    /// A short run of word characters at `offset` (with a leading sign), for naming what was found.
    func literalWord(at offset: Int) -> String? {
        var last = offset
        if last < end, bytes[last] == UInt8(ascii: "-") || bytes[last] == UInt8(ascii: "+") { last += 1 }
        while last < end, last - offset < 40 {
            let byte = bytes[last]
            let isWordByte = (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
                || Self.isDigit(byte) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".")
            guard isWordByte else { break }
            last += 1
        }
        let hasWordCharacter = (offset..<last).contains { bytes[$0] != UInt8(ascii: "-") && bytes[$0] != UInt8(ascii: "+") }
        guard last > offset, hasWordCharacter else { return nil }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[offset..<last]), as: UTF8.self)
    }

    /// The character at `offset` as a message shows it.
    func describe(_ offset: Int) -> String {
        guard offset < end else { return "end of file" }
        let byte = bytes[offset]
        if byte < 0x20 || byte == 0x7F { return Self.controlCharacterName(byte) }
        return byte < 0x80 ? "'\(Character(Unicode.Scalar(byte)))'" : "a non-ASCII character"
    }

    static func controlCharacterName(_ byte: UInt8) -> String {
        switch byte {
        case 0x00: return "NUL character (U+0000)"
        case 0x09: return "tab"
        case 0x0A: return "newline"
        case 0x0D: return "carriage return"
        case 0x0C: return "form feed"
        case 0x08: return "backspace"
        case 0x7F: return "DEL character (U+007F)"
        default:
            let hex = String(byte, radix: 16, uppercase: true)
            return "control character U+00\(hex.count == 1 ? "0" + hex : hex)"
        }
    }
}
