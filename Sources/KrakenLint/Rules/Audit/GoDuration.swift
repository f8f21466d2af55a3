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
            var unitBytes: [UInt8] = []
            while let byte = bytes.first, byte != UInt8(ascii: "."), !isDigit(byte) {
                unitBytes.append(byte)
                bytes = bytes.dropFirst()
            }
            guard !unitBytes.isEmpty, let unit = units[String(decoding: unitBytes, as: UTF8.self)] else { return nil }
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

    private static let units: [String: UInt64] = [
        "ns": 1, "us": 1_000, "\u{00B5}s": 1_000, "\u{03BC}s": 1_000, "ms": 1_000_000,
        "s": 1_000_000_000, "m": 60_000_000_000, "h": 3_600_000_000_000,
    ]
}
