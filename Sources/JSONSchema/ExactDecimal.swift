import ConfigTree

/// A decimal number held exactly: `digits × 10^exponent` with a sign.
///
/// `digits` has no leading or trailing zeros (empty means zero), so equal values have equal
/// representations. Used for numeric keywords, `multipleOf` and equality, where binary floating
/// point would give wrong answers (`0.0075` is a multiple of `0.0001`; big integers stay exact).
struct ExactDecimal: Hashable, Sendable, Comparable {
    let negative: Bool
    /// Decimal digits, each 0...9, most significant first.
    let digits: [UInt8]
    let exponent: Int

    static let zero = ExactDecimal(negative: false, digits: [], exponent: 0)

    private init(negative: Bool, digits: [UInt8], exponent: Int) {
        self.negative = negative
        self.digits = digits
        self.exponent = exponent
    }

    /// Exponents beyond this are clamped; far outside any value a schema or config can meaningfully hold.
    static let exponentLimit = 1_000_000_000

    /// Parses JSON number grammar (also accepts a leading `+`); nil when the text is not a number.
    init?(parsing text: String) {
        var bytes = Array(text.utf8)[...]
        var negative = false
        if let first = bytes.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
            negative = first == UInt8(ascii: "-")
            bytes = bytes.dropFirst()
        }
        var mantissa: [UInt8] = []
        var exponent = 0
        var sawDot = false
        var sawDigit = false
        while let byte = bytes.first {
            if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
                mantissa.append(byte - UInt8(ascii: "0"))
                if sawDot { exponent -= 1 }
                sawDigit = true
            } else if byte == UInt8(ascii: ".") && !sawDot {
                sawDot = true
            } else {
                break
            }
            bytes = bytes.dropFirst()
        }
        guard sawDigit else { return nil }
        if let byte = bytes.first {
            guard byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") else { return nil }
            bytes = bytes.dropFirst()
            var exponentNegative = false
            if let sign = bytes.first, sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") {
                exponentNegative = sign == UInt8(ascii: "-")
                bytes = bytes.dropFirst()
            }
            guard !bytes.isEmpty else { return nil }
            var value = 0
            for byte in bytes {
                guard byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") else { return nil }
                value = min(value * 10 + Int(byte - UInt8(ascii: "0")), ExactDecimal.exponentLimit)
            }
            exponent += exponentNegative ? -value : value
        }
        self = ExactDecimal.normalized(negative: negative, digits: mantissa, exponent: exponent)
    }

    /// The exact value of a tree number; nil for YAML's infinities and NaN.
    init?(_ number: Number) {
        guard let canonical = number.canonical else { return nil }
        self.init(parsing: canonical)
    }

    init(_ value: Int) {
        self.init(parsing: String(value))!
    }

    private static func normalized(negative: Bool, digits: [UInt8], exponent: Int) -> ExactDecimal {
        guard let first = digits.firstIndex(where: { $0 != 0 }) else { return .zero }
        let last = digits.lastIndex(where: { $0 != 0 })!
        let trimmed = Array(digits[first...last])
        return ExactDecimal(negative: negative, digits: trimmed, exponent: exponent + (digits.count - 1 - last))
    }

    var isZero: Bool { digits.isEmpty }
    var isInteger: Bool { exponent >= 0 }

    /// Position of the most significant digit (value lies in [10^(m-1), 10^m)).
    private var magnitude: Int { digits.count + exponent }

    private static func compareMagnitude(_ lhs: ExactDecimal, _ rhs: ExactDecimal) -> Int {
        if lhs.isZero || rhs.isZero { return (lhs.isZero ? 0 : 1) - (rhs.isZero ? 0 : 1) }
        if lhs.magnitude != rhs.magnitude { return lhs.magnitude < rhs.magnitude ? -1 : 1 }
        let count = max(lhs.digits.count, rhs.digits.count)
        for index in 0..<count {
            let left = index < lhs.digits.count ? lhs.digits[index] : 0
            let right = index < rhs.digits.count ? rhs.digits[index] : 0
            if left != right { return left < right ? -1 : 1 }
        }
        return 0
    }

    static func < (lhs: ExactDecimal, rhs: ExactDecimal) -> Bool {
        let lhsNegative = lhs.negative && !lhs.isZero
        let rhsNegative = rhs.negative && !rhs.isZero
        if lhsNegative != rhsNegative { return lhsNegative }
        let order = compareMagnitude(lhs, rhs)
        return lhsNegative ? order > 0 : order < 0
    }

    static func == (lhs: ExactDecimal, rhs: ExactDecimal) -> Bool {
        if lhs.isZero && rhs.isZero { return true }
        return lhs.negative == rhs.negative && lhs.exponent == rhs.exponent && lhs.digits == rhs.digits
    }

    func hash(into hasher: inout Hasher) {
        if isZero {
            hasher.combine(0)
            return
        }
        hasher.combine(negative)
        hasher.combine(exponent)
        hasher.combine(digits)
    }

    /// Largest power-of-ten shift `isMultiple(of:)` performs exactly; beyond it the answer comes from the exponents alone.
    static let shiftLimit = 100_000

    /// True when `self / divisor` is an integer. `divisor` must be positive.
    func isMultiple(of divisor: ExactDecimal) -> Bool {
        if isZero { return true }
        guard !divisor.isZero else { return false }
        // self = a·10^ea, divisor = b·10^eb. Integer quotient iff b divides a·10^(ea-eb) (ea ≥ eb),
        // or b·10^(eb-ea) divides a (ea < eb).
        let shift = exponent - divisor.exponent
        if shift >= 0 {
            if divisor.digits == [1] { return true }
            if shift > ExactDecimal.shiftLimit {
                // b's factors other than 2 and 5 must divide a; decide on the part that is not a power of ten.
                return ExactDecimal.remainder(of: digits, shiftedBy: ExactDecimal.shiftLimit, dividedBy: divisor.digits).allSatisfy { $0 == 0 }
            }
            return ExactDecimal.remainder(of: digits, shiftedBy: shift, dividedBy: divisor.digits).allSatisfy { $0 == 0 }
        }
        // a must be divisible by b·10^(-shift): a has no trailing zeros, so it fails unless -shift == 0.
        return false
    }

    /// Remainder of (dividend · 10^shift) ÷ divisor on decimal digit arrays.
    private static func remainder(of dividend: [UInt8], shiftedBy shift: Int, dividedBy divisor: [UInt8]) -> [UInt8] {
        if let small = smallValue(divisor) {
            var rest: UInt64 = 0
            for digit in dividend { rest = (rest * 10 + UInt64(digit)) % small }
            for _ in 0..<shift {
                rest = (rest * 10) % small
                if rest == 0 { break }
            }
            return rest == 0 ? [] : [1]
        }
        var rest: [UInt8] = []
        func step(_ digit: UInt8) {
            if !(rest.isEmpty && digit == 0) { rest.append(digit) }
            while compareDigits(rest, divisor) >= 0 { rest = subtractDigits(rest, divisor) }
        }
        for digit in dividend { step(digit) }
        for _ in 0..<shift { step(0) }
        return rest
    }

    private static func smallValue(_ digits: [UInt8]) -> UInt64? {
        guard digits.count <= 17 else { return nil }
        return digits.reduce(0) { $0 * 10 + UInt64($1) }
    }

    private static func compareDigits(_ lhs: [UInt8], _ rhs: [UInt8]) -> Int {
        if lhs.count != rhs.count { return lhs.count < rhs.count ? -1 : 1 }
        for (left, right) in zip(lhs, rhs) where left != right { return left < right ? -1 : 1 }
        return 0
    }

    /// lhs - rhs for lhs ≥ rhs, both without leading zeros; the result has none either.
    private static func subtractDigits(_ lhs: [UInt8], _ rhs: [UInt8]) -> [UInt8] {
        var result = lhs
        var borrow: Int = 0
        var rhsIndex = rhs.count - 1
        var index = result.count - 1
        while index >= 0 {
            var value = Int(result[index]) - borrow - (rhsIndex >= 0 ? Int(rhs[rhsIndex]) : 0)
            borrow = 0
            if value < 0 {
                value += 10
                borrow = 1
            }
            result[index] = UInt8(value)
            index -= 1
            rhsIndex -= 1
        }
        let firstNonZero = result.firstIndex { $0 != 0 } ?? result.count
        return Array(result[firstNonZero...])
    }

    /// The value as JSON number text (for messages).
    var text: String {
        if isZero { return "0" }
        let sign = negative ? "-" : ""
        let body = digits.map { String($0) }.joined()
        if exponent >= 0 && exponent <= 20 { return sign + body + String(repeating: "0", count: exponent) }
        if exponent < 0 && -exponent < digits.count { 
            let split = digits.count + exponent
            return sign + body.prefix(split) + "." + body.dropFirst(split)
        }
        if exponent < 0 && -exponent - digits.count <= 6 {
            return sign + "0." + String(repeating: "0", count: -exponent - digits.count) + body
        }
        return sign + body + "e" + String(exponent)
    }
}
