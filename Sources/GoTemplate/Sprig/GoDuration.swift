/// Go's `time.Duration` as sprig uses it: `String` (`1h2m3.5s`), `time.ParseDuration`, `Round`, and `Since`.
enum GoDuration {
    static let microsecond: Int64 = 1000, millisecond: Int64 = 1_000_000
    static let second: Int64 = 1_000_000_000, minute: Int64 = 60 * second, hour: Int64 = 60 * minute

    /// `Duration.String`.
    static func format(_ duration: Int64) -> String {
        var magnitude = duration.magnitude
        if magnitude == 0 { return "0s" }
        var output: [UInt8]
        if magnitude < UInt64(second) {
            let (precision, unit) =
                magnitude < UInt64(microsecond) ? (0, "ns") : magnitude < UInt64(millisecond) ? (3, "µs") : (6, "ms")
            let fraction = fractionText(&magnitude, digits: precision)
            output = Array(String(magnitude).utf8) + fraction + Array(unit.utf8)
        } else {
            let fraction = fractionText(&magnitude, digits: 9)
            output = Array(String(magnitude % 60).utf8) + fraction + Array("s".utf8)
            magnitude /= 60
            if magnitude > 0 {
                output = Array(String(magnitude % 60).utf8) + Array("m".utf8) + output
                magnitude /= 60
                if magnitude > 0 { output = Array(String(magnitude).utf8) + Array("h".utf8) + output }
            }
        }
        if duration < 0 { output.insert(UInt8(ascii: "-"), at: 0) }
        return String(decoding: output, as: UTF8.self)
    }

    /// Go's `fmtFrac`: the last `digits` decimal digits of `value` as a fraction (`.5`, trailing zeros and a
    /// zero fraction dropped), leaving the integer part in `value`.
    private static func fractionText(_ value: inout UInt64, digits: Int) -> [UInt8] {
        var fraction: [UInt8] = []
        var printing = false
        for _ in 0..<digits {
            let digit = UInt8(value % 10)
            printing = printing || digit != 0
            if printing { fraction.insert(digit + UInt8(ascii: "0"), at: 0) }
            value /= 10
        }
        if printing { fraction.insert(UInt8(ascii: "."), at: 0) }
        return fraction
    }

    /// `time.ParseDuration`, failing with its error texts.
    static func parse(_ text: String) throws(FunctionError) -> Int64 {
        let original = text
        var bytes = Array(text.utf8)[...]
        let invalid = FunctionError("time: invalid duration " + GoFormat.quote(original))
        var negative = false
        if let first = bytes.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
            negative = first == UInt8(ascii: "-")
            bytes = bytes.dropFirst()
        }
        if bytes.elementsEqual("0".utf8) { return 0 }
        if bytes.isEmpty { throw invalid }
        let limit: UInt64 = 1 << 63
        var total: UInt64 = 0
        func isDigit(_ byte: UInt8) -> Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }
        while let first = bytes.first {
            guard first == UInt8(ascii: ".") || isDigit(first) else { throw invalid }
            var value: UInt64 = 0
            var consumedWhole = false
            while let byte = bytes.first, isDigit(byte) {
                guard value <= limit / 10 else { throw invalid }
                value = value * 10 + UInt64(byte - UInt8(ascii: "0"))
                guard value <= limit else { throw invalid }
                bytes = bytes.dropFirst()
                consumedWhole = true
            }
            var fraction: UInt64 = 0
            var scale = 1.0
            var consumedFraction = false
            if bytes.first == UInt8(ascii: ".") {
                bytes = bytes.dropFirst()
                var overflow = false
                while let byte = bytes.first, isDigit(byte) {
                    bytes = bytes.dropFirst()
                    consumedFraction = true
                    if overflow { continue }
                    if fraction > (limit - 1) / 10 { overflow = true; continue }
                    let next = fraction * 10 + UInt64(byte - UInt8(ascii: "0"))
                    if next > limit { overflow = true; continue }
                    fraction = next
                    scale *= 10
                }
            }
            guard consumedWhole || consumedFraction else { throw invalid }
            let unitBytes = bytes.prefix { $0 != UInt8(ascii: ".") && !isDigit($0) }
            guard !unitBytes.isEmpty else {
                throw FunctionError("time: missing unit in duration " + GoFormat.quote(original))
            }
            bytes = bytes.dropFirst(unitBytes.count)
            let unitName = String(decoding: unitBytes, as: UTF8.self)
            guard let unit = units[unitName] else {
                throw FunctionError("time: unknown unit " + GoFormat.quote(unitName) + " in duration " + GoFormat.quote(original))
            }
            guard value <= limit / unit else { throw invalid }
            value *= unit
            if fraction > 0 {
                value += UInt64(Double(fraction) * (Double(unit) / scale))
                guard value <= limit else { throw invalid }
            }
            total += value
            guard total <= limit else { throw invalid }
        }
        if negative { return Int64(bitPattern: 0 &- total) }
        guard total <= limit - 1 else { throw invalid }
        return Int64(total)
    }

    private static let units: [String: UInt64] = [
        "ns": 1, "us": 1000, "µs": 1000, "μs": 1000, "ms": 1_000_000, "s": 1_000_000_000,
        "m": 60_000_000_000, "h": 3_600_000_000_000,
    ]

    /// `Duration.Round(multiple)`: half away from zero, saturating.
    static func round(_ duration: Int64, toMultipleOf multiple: Int64) -> Int64 {
        guard multiple > 0 else { return duration }
        func lessThanHalf(_ x: Int64, _ y: Int64) -> Bool { UInt64(bitPattern: x) &+ UInt64(bitPattern: x) < UInt64(bitPattern: y) }
        var remainder = duration % multiple
        if duration < 0 {
            remainder = -remainder
            if lessThanHalf(remainder, multiple) { return duration + remainder }
            let rounded = duration &- multiple &+ remainder
            return rounded < duration ? rounded : Int64.min
        }
        if lessThanHalf(remainder, multiple) { return duration - remainder }
        let rounded = duration &+ multiple &- remainder
        return rounded > duration ? rounded : Int64.max
    }
}
