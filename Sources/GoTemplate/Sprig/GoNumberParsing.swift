/// Go's `strconv.ParseInt` and `strconv.ParseFloat` grammar, for the string conversions sprig makes through
/// spf13/cast: base prefixes (`0x`, `0o`, `0b`, a leading `0` for octal), digit-separating underscores,
/// hexadecimal floats (`0x1.8p1`), `inf`/`infinity`/`nan` in any case, and out-of-range as a failure.
enum GoNumberParsing {
    /// `strconv.ParseInt(text, 0, 64)`, or nil where Go returns an error (syntax or range).
    static func parseInt64(_ text: String) -> Int64? {
        var bytes = Array(text.utf8)
        guard !bytes.isEmpty else { return nil }
        var negative = false
        if bytes[0] == UInt8(ascii: "+") || bytes[0] == UInt8(ascii: "-") {
            negative = bytes[0] == UInt8(ascii: "-")
            bytes.removeFirst()
        }
        guard let magnitude = parseUInt64(bytes) else { return nil }
        if negative {
            guard magnitude <= UInt64(Int64.max) + 1 else { return nil }
            return magnitude == UInt64(Int64.max) + 1 ? Int64.min : -Int64(magnitude)
        }
        guard magnitude <= UInt64(Int64.max) else { return nil }
        return Int64(magnitude)
    }

    /// `strconv.ParseUint(text, 0, 64)` on unsigned digits (the sign already removed).
    private static func parseUInt64(_ original: [UInt8]) -> UInt64? {
        guard !original.isEmpty else { return nil }
        var digits = original[...]
        var base: UInt64 = 10
        if original[0] == UInt8(ascii: "0") {
            let prefix = original.count >= 3 ? lowercased(original[1]) : 0
            switch prefix {
            case UInt8(ascii: "b"): base = 2; digits = original[2...]
            case UInt8(ascii: "o"): base = 8; digits = original[2...]
            case UInt8(ascii: "x"): base = 16; digits = original[2...]
            default: base = 8; digits = original[1...]
            }
        }
        var sawUnderscore = false
        var value: UInt64 = 0
        for byte in digits {
            let digit: UInt64
            switch byte {
            case UInt8(ascii: "_"): sawUnderscore = true; continue
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt64(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"):
                digit = UInt64(lowercased(byte) - UInt8(ascii: "a")) + 10
            default: return nil
            }
            guard digit < base else { return nil }
            let (shifted, overflowA) = value.multipliedReportingOverflow(by: base)
            let (sum, overflowB) = shifted.addingReportingOverflow(digit)
            guard !overflowA, !overflowB else { return nil }
            value = sum
        }
        if sawUnderscore && !underscoresSeparateDigits(original[...]) { return nil }
        return value
    }

    /// `strconv.ParseFloat(text, 64)`, or nil where Go returns an error (bad syntax, or a finite number
    /// too large for a float64).
    static func parseFloat64(_ text: String) -> Double? {
        let bytes = Array(text.utf8)
        if let special = special(bytes) { return special }
        guard isFloatSyntax(bytes) else { return nil }
        let cleaned = String(decoding: bytes.filter { $0 != UInt8(ascii: "_") }, as: UTF8.self)
        guard let value = Double(cleaned), value.isFinite else { return nil }
        return value
    }

    /// Go's `special`: `inf`, `infinity` (with an optional sign) and `nan`, in any case, as the whole text.
    private static func special(_ bytes: [UInt8]) -> Double? {
        let lower = String(decoding: bytes.map(lowercased), as: UTF8.self)
        switch lower {
        case "inf", "+inf", "infinity", "+infinity": return .infinity
        case "-inf", "-infinity": return -.infinity
        case "nan": return .nan
        default: return nil
        }
    }

    /// Go's `readFloat` accepting the whole text.
    private static func isFloatSyntax(_ bytes: [UInt8]) -> Bool {
        var index = 0
        if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
        var hex = false
        if index + 2 < bytes.count, bytes[index] == UInt8(ascii: "0"), lowercased(bytes[index + 1]) == UInt8(ascii: "x") {
            hex = true
            index += 2
        }
        var sawDot = false, sawDigits = false, sawUnderscore = false
        scan: while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "_"): sawUnderscore = true
            case UInt8(ascii: "."):
                if sawDot { break scan }
                sawDot = true
            case UInt8(ascii: "0")...UInt8(ascii: "9"): sawDigits = true
            case _ where hex && (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(lowercased(byte)): sawDigits = true
            default: break scan
            }
            index += 1
        }
        guard sawDigits else { return false }
        let exponentMark = hex ? UInt8(ascii: "p") : UInt8(ascii: "e")
        if index < bytes.count, lowercased(bytes[index]) == exponentMark {
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            guard index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) else { return false }
            while index < bytes.count,
                (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) || bytes[index] == UInt8(ascii: "_")
            {
                if bytes[index] == UInt8(ascii: "_") { sawUnderscore = true }
                index += 1
            }
        } else if hex {
            return false
        }
        guard index == bytes.count else { return false }
        return !sawUnderscore || underscoresSeparateDigits(bytes[...])
    }

    /// Go's `underscoreOK`: every underscore sits between digits (a base prefix counts as a digit).
    private static func underscoresSeparateDigits(_ text: ArraySlice<UInt8>) -> Bool {
        var bytes = text
        if let first = bytes.first, first == UInt8(ascii: "+") || first == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
        enum Last { case start, digit, underscore, other }
        var last = Last.start
        var hex = false
        if bytes.count >= 2, bytes.first == UInt8(ascii: "0") {
            let marker = lowercased(bytes[bytes.startIndex + 1])
            if marker == UInt8(ascii: "b") || marker == UInt8(ascii: "o") || marker == UInt8(ascii: "x") {
                hex = marker == UInt8(ascii: "x")
                last = .digit
                bytes = bytes.dropFirst(2)
            }
        }
        for byte in bytes {
            let isDigit = (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                || (hex && (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(lowercased(byte)))
            if isDigit {
                last = .digit
            } else if byte == UInt8(ascii: "_") {
                guard last == .digit else { return false }
                last = .underscore
            } else {
                if last == .underscore { return false }
                last = .other
            }
        }
        return last != .underscore
    }

    private static func lowercased(_ byte: UInt8) -> UInt8 {
        (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte | 0x20 : byte
    }
}
