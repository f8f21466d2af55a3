/// Go's `time.ParseDuration`, which KrakenD's decoder applies to duration strings: a sign, then one or
/// more decimal numbers each with a unit (`ns`, `us`, `µs`, `ms`, `s`, `m`, `h`), such as `1m30s` or `1.5s`.
enum GoDuration {
    /// Nanoseconds, or nil where Go returns an error (no unit, unknown unit, overflow, empty text).
    static func parse(_ text: String) -> Int64? {
        var bytes = Substring(text).utf8[...]
        var negative = false
        if let first = bytes.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
            negative = first == UInt8(ascii: "-")
            bytes = bytes.dropFirst()
        }
        if bytes.elementsEqual("0".utf8) { return 0 }
        guard !bytes.isEmpty else { return nil }
        let limit: UInt64 = 1 << 63
        var total: UInt64 = 0
        while !bytes.isEmpty {
            guard let head = bytes.first, head == UInt8(ascii: ".") || isDigit(head) else { return nil }
            // The integer part.
            var value: UInt64 = 0
            let before = bytes.count
            while let byte = bytes.first, isDigit(byte) {
                guard value <= (limit - 1) / 10 else { return nil }
                value = value * 10 + UInt64(byte - UInt8(ascii: "0"))
                guard value <= limit else { return nil }
                bytes = bytes.dropFirst()
            }
            let hasInteger = bytes.count != before
            // The fraction: digits past what fits are read and ignored, as Go does.
            var fraction: UInt64 = 0
            var scale = 1.0
            var hasFraction = false
            if bytes.first == UInt8(ascii: ".") {
                bytes = bytes.dropFirst()
                let start = bytes.count
                var overflowed = false
                while let byte = bytes.first, isDigit(byte) {
                    if !overflowed {
                        if fraction > (limit - 1) / 10 {
                            overflowed = true
                        } else {
                            let next = fraction * 10 + UInt64(byte - UInt8(ascii: "0"))
                            if next > limit { overflowed = true } else {
                                fraction = next
                                scale *= 10
                            }
                        }
                    }
                    bytes = bytes.dropFirst()
                }
                hasFraction = bytes.count != start
            }
            guard hasInteger || hasFraction else { return nil }
            // The unit: everything up to the next digit or dot.
            let unitAndRest = bytes
            while let byte = bytes.first, byte != UInt8(ascii: "."), !isDigit(byte) { bytes = bytes.dropFirst() }
            guard let unit = unit(unitAndRest[unitAndRest.startIndex..<bytes.startIndex]) else { return nil }
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
    private static func unit(_ name: Substring.UTF8View) -> UInt64? {
        var iterator = name.makeIterator()
        guard let first = iterator.next() else { return nil }
        guard let second = iterator.next() else {
            switch first {
            case UInt8(ascii: "s"): return 1_000_000_000
            case UInt8(ascii: "m"): return 60_000_000_000
            case UInt8(ascii: "h"): return 3_600_000_000_000
            default: return nil
            }
        }
        guard let third = iterator.next() else {
            guard second == UInt8(ascii: "s") else { return nil }
            switch first {
            case UInt8(ascii: "n"): return 1
            case UInt8(ascii: "u"): return 1_000
            case UInt8(ascii: "m"): return 1_000_000
            default: return nil
            }
        }
        // µ as U+00B5 (C2 B5) or U+03BC (CE BC), then s.
        guard iterator.next() == nil, third == UInt8(ascii: "s"),
              (first == 0xC2 && second == 0xB5) || (first == 0xCE && second == 0xBC) else { return nil }
        return 1_000
    }
}
