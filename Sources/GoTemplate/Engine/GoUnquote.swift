/// Go's `strconv.Unquote` and `UnquoteChar`, for string, raw string and character literals in templates.
enum GoUnquote {
    /// Unquotes a `"…"` or `` `…` `` literal into the bytes of the Go string, which `\x` and octal escapes
    /// make any bytes at all; Go's `invalid syntax` otherwise.
    static func unquoteBytes(_ quoted: String) throws(LiteralError) -> [UInt8] {
        let scalars = Array(quoted.unicodeScalars)
        guard scalars.count >= 2, let quote = scalars.first, scalars.last == quote else {
            throw LiteralError("invalid syntax")
        }
        let body = Array(scalars[1..<(scalars.count - 1)])
        if quote == "`" {
            if body.contains("`") { throw LiteralError("invalid syntax") }
            var text = String.UnicodeScalarView()
            text.append(contentsOf: body.filter { $0 != "\r" })
            return Array(String(text).utf8)
        }
        guard quote == "\"" else { throw LiteralError("invalid syntax") }
        var bytes: [UInt8] = []
        var rest = body[...]
        while !rest.isEmpty {
            if rest.first == "\"" || rest.first == "\n" { throw LiteralError("invalid syntax") }
            let (value, remainder, isByte) = try unquoteOne(rest, quote: "\"")
            if isByte {
                bytes.append(UInt8(value.value))
            } else {
                bytes.append(contentsOf: String(Character(value)).utf8)
            }
            rest = remainder
        }
        return bytes
    }

    /// Decodes one character of a quoted literal; returns it and what follows.
    static func unquoteCharacter(_ scalars: [Unicode.Scalar], quote: Unicode.Scalar) throws(LiteralError)
        -> (Unicode.Scalar, [Unicode.Scalar])
    {
        guard let first = scalars.first, first != quote || quote == "`" else { throw LiteralError("invalid syntax") }
        let (value, rest, _) = try unquoteOne(scalars[...], quote: quote)
        return (value, Array(rest))
    }

    /// One character: a plain scalar or an escape. `isByte` marks `\x` and octal escapes in strings, which
    /// are raw bytes.
    private static func unquoteOne(_ scalars: ArraySlice<Unicode.Scalar>, quote: Unicode.Scalar) throws(LiteralError)
        -> (Unicode.Scalar, ArraySlice<Unicode.Scalar>, Bool)
    {
        guard let first = scalars.first else { throw LiteralError("invalid syntax") }
        if first == quote && (quote == "'" || quote == "\"") { throw LiteralError("invalid syntax") }
        if first != "\\" { return (first, scalars.dropFirst(), false) }
        var rest = scalars.dropFirst()
        guard let escape = rest.first else { throw LiteralError("invalid syntax") }
        rest = rest.dropFirst()
        switch escape {
        case "a": return ("\u{07}", rest, false)
        case "b": return ("\u{08}", rest, false)
        case "f": return ("\u{0C}", rest, false)
        case "n": return ("\n", rest, false)
        case "r": return ("\r", rest, false)
        case "t": return ("\t", rest, false)
        case "v": return ("\u{0B}", rest, false)
        case "x", "u", "U":
            let count = escape == "x" ? 2 : escape == "u" ? 4 : 8
            guard rest.count >= count else { throw LiteralError("invalid syntax") }
            var value: UInt32 = 0
            for scalar in rest.prefix(count) {
                guard let digit = Character(scalar).hexDigitValue else { throw LiteralError("invalid syntax") }
                value = value << 4 | UInt32(digit)
            }
            rest = rest.dropFirst(count)
            if escape == "x" {
                if quote == "'" { return (Unicode.Scalar(UInt8(value)), rest, false) }
                return (Unicode.Scalar(UInt8(value)), rest, true)
            }
            guard let scalar = Unicode.Scalar(value) else { throw LiteralError("invalid syntax") }
            return (scalar, rest, false)
        case "0"..."7":
            var value = escape.value - 0x30
            guard rest.count >= 2 else { throw LiteralError("invalid syntax") }
            for scalar in rest.prefix(2) {
                guard ("0"..."7").contains(scalar) else { throw LiteralError("invalid syntax") }
                value = value << 3 | (scalar.value - 0x30)
            }
            guard value <= 255 else { throw LiteralError("invalid syntax") }
            rest = rest.dropFirst(2)
            return (Unicode.Scalar(UInt8(value)), rest, quote != "'")
        case "\\":
            return ("\\", rest, false)
        case "'", "\"":
            guard escape == quote else { throw LiteralError("invalid syntax") }
            return (escape, rest, false)
        default:
            throw LiteralError("invalid syntax")
        }
    }
}
