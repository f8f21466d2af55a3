/// spf13/cast's `ToInt64` and `ToFloat64`, which sprig's math functions apply to every argument: numbers
/// convert as Go converts them, strings parse with Go's `strconv` grammar, `true` is 1, and anything that
/// does not convert (nil, a list, a bad string) is 0.
enum SprigCast {
    /// `cast.ToInt64`.
    static func toInt64(_ value: Value) -> Int64 {
        switch value.storage {
        case .nil: return 0
        case .bool(let flag): return flag ? 1 : 0
        case .int(let integer, _): return integer
        case .uint(let integer, _): return Int64(bitPattern: integer)
        case .float(let number, _): return goInt64(truncating: number)
        case .string(let text): return GoNumberParsing.parseInt64(trimmingZeroDecimal(text)) ?? 0
        case .byteString, .complex, .list, .map, .object: return 0
        }
    }

    /// `cast.ToFloat64`.
    static func toFloat64(_ value: Value) -> Double {
        switch value.storage {
        case .nil: return 0
        case .bool(let flag): return flag ? 1 : 0
        case .int(let integer, _): return Double(integer)
        case .uint(let integer, _): return Double(integer)
        case .float(let number, _): return number
        case .string(let text): return GoNumberParsing.parseFloat64(text) ?? 0
        case .byteString, .complex, .list, .map, .object: return 0
        }
    }

    /// Go's `int64(f)` on amd64: truncation toward zero, and the most negative int64 for NaN and for values
    /// out of range.
    static func goInt64(truncating number: Double) -> Int64 {
        guard number.isFinite, number >= -9_223_372_036_854_775_808.0, number < 9_223_372_036_854_775_808.0 else {
            return Int64.min
        }
        return Int64(number.rounded(.towardZero))
    }

    /// cast's `trimZeroDecimal`: `"12.000"` becomes `"12"`; `"12.50"` stays as it is.
    private static func trimmingZeroDecimal(_ text: String) -> String {
        var sawZero = false
        var index = text.utf8.endIndex
        while index > text.utf8.startIndex {
            let previous = text.utf8.index(before: index)
            switch text.utf8[previous] {
            case UInt8(ascii: "."):
                if sawZero { return String(text[..<previous]) }
            case UInt8(ascii: "0"):
                sawZero = true
            default:
                return text
            }
            index = previous
        }
        return text
    }
}
