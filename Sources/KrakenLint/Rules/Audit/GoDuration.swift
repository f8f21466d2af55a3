/// Go's `time.ParseDuration`, which KrakenD's decoder applies to duration strings: a sign, then one or
/// more decimal numbers each with a unit (`ns`, `us`, `µs`, `ms`, `s`, `m`, `h`), such as `1m30s` or `1.5s`.
enum GoDuration {
    /// Nanoseconds, or nil where Go returns an error (no unit, unknown unit, overflow, empty text).
    static func parse(_ text: String) -> Int64? {
        var text = text
        return text.withUTF8 { parse($0) }
    }

    /// `parse(_:)` of UTF-8 bytes, read in place by index (a walk over a substring's view cost ten times as
    /// much, once for each endpoint of a large configuration).
    private static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Int64? {
        var index = 0
        let end = bytes.count
        var negative = false
        if index < end, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
            negative = bytes[index] == UInt8(ascii: "-")
            index += 1
        }
        if end - index == 1, bytes[index] == UInt8(ascii: "0") { return 0 }
        guard index < end else { return nil }
        let limit: UInt64 = 1 << 63
        var total: UInt64 = 0
        while index < end {
            guard bytes[index] == UInt8(ascii: ".") || isDigit(bytes[index]) else { return nil }
            // The integer part.
            var value: UInt64 = 0
            let before = index
            while index < end, isDigit(bytes[index]) {
                guard value <= (limit - 1) / 10 else { return nil }
                value = value * 10 + UInt64(bytes[index] - UInt8(ascii: "0"))
                guard value <= limit else { return nil }
                index += 1
            }
            let hasInteger = index != before
            // The fraction: digits past what fits are read and ignored, as Go does.
            var fraction: UInt64 = 0
            var scale = 1.0
            var hasFraction = false
            if index < end, bytes[index] == UInt8(ascii: ".") {
                index += 1
                let start = index
                var overflowed = false
                while index < end, isDigit(bytes[index]) {
                    if !overflowed {
                        if fraction > (limit - 1) / 10 {
                            overflowed = true
                        } else {
                            let next = fraction * 10 + UInt64(bytes[index] - UInt8(ascii: "0"))
                            if next > limit { overflowed = true } else {
                                fraction = next
                                scale *= 10
                            }
                        }
                    }
                    index += 1
                }
                hasFraction = index != start
            }
            guard hasInteger || hasFraction else { return nil }
            // The unit: everything up to the next digit or dot.
            let unitStart = index
            while index < end, bytes[index] != UInt8(ascii: "."), !isDigit(bytes[index]) { index += 1 }
            guard let unit = unit(UnsafeBufferPointer(rebasing: bytes[unitStart..<index])) else { return nil }
            guard value <= limit / unit else { return nil }
            value *= unit
            if fraction > 0 {
                value += UInt64(Double(fraction) * (Double(unit) / scale))
                guard value <= limit else { return nil }
            }
            total += value
            guard total <= limit else { return nil }
        }
        if negative { return total == limit ? Int64.min : -Int64(total) }
        guard total <= limit - 1 else { return nil }
        return Int64(total)
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    /// Nanoseconds per unit: `ns`, `us`, `µs` (U+00B5 or U+03BC), `ms`, `s`, `m`, `h`; nil for anything else.
    private static func unit(_ name: UnsafeBufferPointer<UInt8>) -> UInt64? {
        switch name.count {
        case 1:
            switch name[0] {
            case UInt8(ascii: "s"): return 1_000_000_000
            case UInt8(ascii: "m"): return 60_000_000_000
            case UInt8(ascii: "h"): return 3_600_000_000_000
            default: return nil
            }
        case 2:
            guard name[1] == UInt8(ascii: "s") else { return nil }
            switch name[0] {
            case UInt8(ascii: "n"): return 1
            case UInt8(ascii: "u"): return 1_000
            case UInt8(ascii: "m"): return 1_000_000
            default: return nil
            }
        case 3:
            // µ as U+00B5 (C2 B5) or U+03BC (CE BC), then s.
            guard name[2] == UInt8(ascii: "s"), (name[0] == 0xC2 && name[1] == 0xB5) || (name[0] == 0xCE && name[1] == 0xBC) else { return nil }
            return 1_000
        default:
            return nil
        }
    }
}
