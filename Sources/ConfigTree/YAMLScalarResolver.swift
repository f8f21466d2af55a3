/// Turns YAML scalars into values the way gopkg.in/yaml.v3 (the library KrakenD reads YAML with) does:
/// the YAML 1.2 core schema, so only `true`/`false` in three spellings are booleans (`yes`, `on` stay
/// strings); `~`, `null` and empty are null; integers may be `0x`, `0o`, `0b` or legacy `0777` octal,
/// with `_` ignored; `.inf`, `-.inf`, `.nan` are the non-finite floats; quoted and block scalars are strings.
/// Timestamps stay strings (the tree has no date type).
enum YAMLScalarResolver {
    /// The outcome: a value, or why an explicitly tagged scalar cannot be read as its tag says (without
    /// quoting the scalar, which may be a secret).
    enum Resolution: Equatable {
        case value(ResolvedScalar)
        case failure(String)
    }

    /// A resolved scalar, before it gets a span.
    enum ResolvedScalar: Equatable {
        case string
        case null
        case bool(Bool)
        case integer(canonical: String)
        case float(canonical: String)
        case special(Number.Special)
        case merge

        var tagName: String {
            switch self {
            case .string: return "!!str"
            case .null: return "!!null"
            case .bool: return "!!bool"
            case .integer: return "!!int"
            case .float, .special: return "!!float"
            case .merge: return "!!merge"
            }
        }
    }

    static let longTagPrefix = "tag:yaml.org,2002:"

    /// `tag:yaml.org,2002:int` becomes `!!int`; other tags are unchanged.
    static func shortTag(_ tag: String) -> String {
        tag.hasPrefix(longTagPrefix) ? "!!" + tag.dropFirst(longTagPrefix.utf8.count) : tag
    }

    /// Resolves the scalar `text` (its UTF-8 bytes) written `plain` or not, with an optional explicit tag.
    static func resolve(_ text: UnsafeBufferPointer<UInt8>, plain: Bool, tag: String?) -> Resolution {
        guard let tag, tag != "!" else {
            return .value(plain ? resolvePlain(text) : .string)
        }
        let short = shortTag(tag)
        switch short {
        case "!!bool", "!!int", "!!float", "!!null":
            let resolved = resolvePlain(text)
            if resolved.tagName == short { return .value(resolved) }
            if short == "!!float", case .integer(let canonical) = resolved { return .value(.float(canonical: canonical)) }
            return .failure("cannot decode a \(resolved.tagName) value as a \(short)")
        default:
            // !!str, !!binary, !!timestamp and tags of other vocabularies keep the text.
            return .value(.string)
        }
    }

    /// True when an untagged plain scalar cannot be anything but a string, judged from its first byte
    /// (the cheap test that spares most scalars the full resolution).
    @inline(__always)
    static func isCertainlyString(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = text.first else { return false }
        switch first {
        case UInt8(ascii: "y"), UInt8(ascii: "Y"), UInt8(ascii: "n"), UInt8(ascii: "N"), UInt8(ascii: "t"), UInt8(ascii: "T"),
             UInt8(ascii: "f"), UInt8(ascii: "F"), UInt8(ascii: "o"), UInt8(ascii: "O"), UInt8(ascii: "~"), UInt8(ascii: "."),
             UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "<"):
            return false
        default:
            return true
        }
    }

    /// Resolution of an untagged plain scalar.
    static func resolvePlain(_ text: UnsafeBufferPointer<UInt8>) -> ResolvedScalar {
        guard let first = text.first else { return .null }
        switch first {
        case UInt8(ascii: "y"), UInt8(ascii: "Y"), UInt8(ascii: "n"), UInt8(ascii: "N"), UInt8(ascii: "t"), UInt8(ascii: "T"),
             UInt8(ascii: "f"), UInt8(ascii: "F"), UInt8(ascii: "o"), UInt8(ascii: "O"), UInt8(ascii: "~"):
            return keyword(text) ?? .string
        case UInt8(ascii: "."):
            if let found = keyword(text) { return found }
            return decimalFloat(text) ?? .string
        case UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            if let found = keyword(text) { return found }
            guard text.contains(UInt8(ascii: "_")) else { return number(text) }
            return text.filter { $0 != UInt8(ascii: "_") }.withUnsafeBufferPointer(number)
        case UInt8(ascii: "<"):
            return text.count == 2 && text[1] == UInt8(ascii: "<") ? .merge : .string
        default:
            return .string
        }
    }

    /// An integer or a float, from text whose underscores are already gone.
    private static func number(_ plain: UnsafeBufferPointer<UInt8>) -> ResolvedScalar {
        if let canonical = goInteger(plain) { return .integer(canonical: canonical) }
        return decimalFloat(plain) ?? .string
    }

    /// The spellings yaml.v3 looks up in its table.
    private static let keywords: [(spelling: StaticString, value: ResolvedScalar)] = [
        ("true", .bool(true)), ("True", .bool(true)), ("TRUE", .bool(true)),
        ("false", .bool(false)), ("False", .bool(false)), ("FALSE", .bool(false)),
        ("~", .null), ("null", .null), ("Null", .null), ("NULL", .null),
        (".nan", .special(.nan)), (".NaN", .special(.nan)), (".NAN", .special(.nan)),
        (".inf", .special(.infinity)), (".Inf", .special(.infinity)), (".INF", .special(.infinity)),
        ("+.inf", .special(.infinity)), ("+.Inf", .special(.infinity)), ("+.INF", .special(.infinity)),
        ("-.inf", .special(.negativeInfinity)), ("-.Inf", .special(.negativeInfinity)), ("-.INF", .special(.negativeInfinity)),
    ]

    private static func keyword(_ text: UnsafeBufferPointer<UInt8>) -> ResolvedScalar? {
        guard text.count <= 5 else { return nil }
        for entry in keywords where entry.spelling.utf8CodeUnitCount == text.count {
            let spelling = UnsafeBufferPointer(start: entry.spelling.utf8Start, count: text.count)
            if spelling.elementsEqual(text) { return entry.value }
        }
        return nil
    }

    /// An integer as Go's `strconv.ParseInt(s, 0, 64)` or `ParseUint(s, 0, 64)` reads it, in decimal; nil otherwise.
    static func goInteger(_ text: UnsafeBufferPointer<UInt8>) -> String? {
        var index = 0
        var negative = false
        var signed = false
        if let sign = text.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
            negative = sign == UInt8(ascii: "-")
            signed = true
            index = 1
        }
        var base: UInt64 = 10
        if index + 1 < text.count, text[index] == UInt8(ascii: "0") {
            switch text[index + 1] | 0x20 {
            case UInt8(ascii: "x"): base = 16; index += 2
            case UInt8(ascii: "b"): base = 2; index += 2
            case UInt8(ascii: "o"): base = 8; index += 2
            default: base = 8; index += 1
            }
        }
        guard index < text.count else { return nil }
        var magnitude: UInt64 = 0
        while index < text.count {
            let byte = text[index]
            let digit: UInt64
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt64(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt64(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt64(byte - UInt8(ascii: "A") + 10)
            default: return nil
            }
            guard digit < base else { return nil }
            let (shifted, overflowA) = magnitude.multipliedReportingOverflow(by: base)
            let (next, overflowB) = shifted.addingReportingOverflow(digit)
            guard !overflowA, !overflowB else { return nil }
            magnitude = next
            index += 1
        }
        if negative {
            guard magnitude <= UInt64(Int64.max) + 1 else { return nil }
            return magnitude == 0 ? "0" : "-" + String(magnitude)
        }
        // ParseUint takes no sign, so "+" limits the value to ParseInt's range.
        if signed, magnitude > UInt64(Int64.max) { return nil }
        return String(magnitude)
    }

    /// A float in yaml.v3's decimal syntax (`[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?`) that
    /// does not overflow, written in JSON number grammar; nil otherwise.
    static func decimalFloat(_ text: UnsafeBufferPointer<UInt8>) -> ResolvedScalar? {
        var index = 0
        var sign = ""
        if let first = text.first, first == UInt8(ascii: "+") || first == UInt8(ascii: "-") {
            if first == UInt8(ascii: "-") { sign = "-" }
            index = 1
        }
        let integerStart = index
        while index < text.count, isDigit(text[index]) { index += 1 }
        let integerDigits = text[integerStart..<index]
        var fractionDigits = text[index..<index]
        if index < text.count, text[index] == UInt8(ascii: ".") {
            index += 1
            let fractionStart = index
            while index < text.count, isDigit(text[index]) { index += 1 }
            fractionDigits = text[fractionStart..<index]
            if integerDigits.isEmpty, fractionDigits.isEmpty { return nil }
        } else if integerDigits.isEmpty {
            return nil
        }
        var exponent = ""
        if index < text.count, text[index] | 0x20 == UInt8(ascii: "e") {
            index += 1
            var exponentSign = ""
            if index < text.count, text[index] == UInt8(ascii: "+") || text[index] == UInt8(ascii: "-") {
                exponentSign = text[index] == UInt8(ascii: "-") ? "-" : "+"
                index += 1
            }
            let exponentStart = index
            while index < text.count, isDigit(text[index]) { index += 1 }
            guard index > exponentStart else { return nil }
            exponent = "e" + exponentSign + String(decoding: text[exponentStart..<index], as: UTF8.self)
        }
        guard index == text.count else { return nil }
        let significant = integerDigits.drop { $0 == UInt8(ascii: "0") }
        let integerText = significant.isEmpty ? "0" : String(decoding: significant, as: UTF8.self)
        let fractionText = fractionDigits.isEmpty ? "" : "." + String(decoding: fractionDigits, as: UTF8.self)
        let canonical = sign + integerText + fractionText + exponent
        // Go's ParseFloat refuses values beyond the float64 range; yaml.v3 then keeps the text as a string.
        guard let value = Double(canonical), value.isFinite else { return nil }
        return .float(canonical: canonical)
    }

    @inline(__always)
    private static func isDigit(_ byte: UInt8) -> Bool {
        byte &- UInt8(ascii: "0") < 10
    }
}
