/// The decimal digits of a non-negative number, as strconv renders them: the value is
/// `0.d₁d₂…dₙ × 10^decimalPoint`, with no trailing zero digits (zero has no digits and point 0).
struct DecimalDigits {
    /// ASCII digits `0`…`9`.
    var digits: [UInt8]
    var decimalPoint: Int

    static let zero = DecimalDigits(digits: [], decimalPoint: 0)

    /// The shortest digits that read back as the same `Double` (or `Float` when `bitSize` is 32), taken
    /// from Swift's `description`, which like Go's Ryu picks the shortest round-tripping digits closest to
    /// the exact value. `magnitude` is finite and not negative.
    static func shortest(_ magnitude: Double, bitSize: Int) -> DecimalDigits {
        if magnitude == 0 { return .zero }
        if bitSize == 64 && magnitude < 1e15 && Double(UInt64(magnitude)) == magnitude {
            // Integers below 2⁵³ are exact and one apart at most, so their own digits are the shortest.
            var result = DecimalDigits(digits: Array(String(UInt64(magnitude)).utf8), decimalPoint: 0)
            result.decimalPoint = result.digits.count
            result.trim()
            return result
        }
        let text = bitSize == 32 ? Float(magnitude).description : magnitude.description
        var digits: [UInt8] = []
        digits.reserveCapacity(20)
        var integerDigits = 0
        var seenPoint = false
        var exponent = 0
        var exponentSign = 1
        var inExponent = false
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                if inExponent {
                    exponent = exponent * 10 + Int(byte - UInt8(ascii: "0"))
                } else {
                    digits.append(byte)
                    if !seenPoint { integerDigits += 1 }
                }
            case UInt8(ascii: "."): seenPoint = true
            case UInt8(ascii: "e"), UInt8(ascii: "E"): inExponent = true
            case UInt8(ascii: "-"): exponentSign = -1
            default: break
            }
        }
        var result = DecimalDigits(digits: digits, decimalPoint: integerDigits + exponentSign * exponent)
        result.trim()
        return result
    }

    /// The exact decimal expansion of `mantissa × 2^binaryExponent`.
    static func exact(mantissa: UInt64, binaryExponent: Int) -> DecimalDigits {
        if mantissa == 0 { return .zero }
        var number = BigDecimalInteger(mantissa)
        var fractionDigits = 0
        if binaryExponent >= 0 {
            var remaining = binaryExponent
            while remaining > 0 {
                let step = min(remaining, 32)
                number.multiply(by: UInt64(1) << UInt64(step))
                remaining -= step
            }
        } else {
            // m × 2^-n = m × 5^n / 10^n.
            var remaining = -binaryExponent
            fractionDigits = remaining
            while remaining > 0 {
                let step = min(remaining, 13)
                var power: UInt64 = 1
                for _ in 0..<step { power *= 5 }
                number.multiply(by: power)
                remaining -= step
            }
        }
        let digits = number.decimalDigits()
        var result = DecimalDigits(digits: digits, decimalPoint: digits.count - fractionDigits)
        result.trim()
        return result
    }

    /// `mantissa × 2^binaryExponent` rounded to `fractionDigits` decimals (ties to even) with 128-bit integer
    /// arithmetic, or nil when the operands are outside what that covers (then use ``exact(mantissa:binaryExponent:)``
    /// and ``round(toCount:)``, which give the same digits).
    static func roundedFixed(mantissa: UInt64, binaryExponent: Int, fractionDigits: Int) -> DecimalDigits? {
        guard fractionDigits >= 0, fractionDigits < powersOfTen.count, mantissa < 1 << 53 else { return nil }
        if binaryExponent >= 0 {
            guard binaryExponent <= 10 else { return nil }
            return fromInteger(mantissa << UInt64(binaryExponent), fractionDigits: 0)
        }
        let (high, low) = mantissa.multipliedFullWidth(by: powersOfTen[fractionDigits])
        let shift = -binaryExponent
        var quotient: UInt64
        var roundUp: Bool
        if shift >= 128 {
            return .zero  // the product is below 2¹¹⁷, under half a unit
        } else if shift >= 64 {
            let inner = shift - 64
            quotient = inner == 0 ? high : high >> UInt64(inner)
            let remainderHigh = inner == 0 ? 0 : high & ((1 << UInt64(inner)) - 1)
            // Compare (remainderHigh:low) with half = 2^(shift-1).
            if inner == 0 {
                roundUp = low > 1 << 63 || (low == 1 << 63 && quotient & 1 == 1)
            } else {
                let halfHigh: UInt64 = 1 << UInt64(inner - 1)
                roundUp = remainderHigh > halfHigh || (remainderHigh == halfHigh && (low > 0 || quotient & 1 == 1))
            }
        } else {
            guard high >> UInt64(shift) == 0 else { return nil }
            quotient = shift == 0 ? low : (high << UInt64(64 - shift)) | (low >> UInt64(shift))
            if shift == 0 {
                roundUp = false
            } else {
                let remainder = low & ((1 << UInt64(shift)) - 1)
                let half: UInt64 = 1 << UInt64(shift - 1)
                roundUp = remainder > half || (remainder == half && quotient & 1 == 1)
            }
        }
        if roundUp {
            guard quotient < UInt64.max else { return nil }
            quotient += 1
        }
        return fromInteger(quotient, fractionDigits: fractionDigits)
    }

    private static let powersOfTen: [UInt64] = {
        var powers: [UInt64] = [1]
        for _ in 1...19 { powers.append(powers[powers.count - 1] * 10) }
        return powers
    }()

    /// The digits of `integer × 10^-fractionDigits`.
    private static func fromInteger(_ integer: UInt64, fractionDigits: Int) -> DecimalDigits {
        if integer == 0 { return .zero }
        var reversed: [UInt8] = []
        reversed.reserveCapacity(20)
        var rest = integer
        while rest > 0 {
            reversed.append(UInt8(ascii: "0") + UInt8(rest % 10))
            rest /= 10
        }
        var result = DecimalDigits(digits: reversed.reversed(), decimalPoint: reversed.count - fractionDigits)
        result.trim()
        return result
    }

    /// Drops trailing zero digits; no digits left means the value zero.
    mutating func trim() {
        var end = digits.count
        var start = 0
        while start < end && digits[start] == UInt8(ascii: "0") {
            start += 1
            decimalPoint -= 1
        }
        while end > start && digits[end - 1] == UInt8(ascii: "0") { end -= 1 }
        if start > 0 || end < digits.count { digits = Array(digits[start..<end]) }
        if digits.isEmpty { decimalPoint = 0 }
    }

    /// Rounds to `count` significant digits, ties to even on the exact digits (strconv's `decimal.Round`).
    /// A count below zero or at least the number of digits leaves the value alone.
    mutating func round(toCount count: Int) {
        guard count >= 0, count < digits.count else { return }
        if shouldRoundUp(at: count) {
            var index = count - 1
            while index >= 0 && digits[index] == UInt8(ascii: "9") { index -= 1 }
            if index < 0 {
                digits = [UInt8(ascii: "1")]
                decimalPoint += 1
            } else {
                digits[index] += 1
                digits.removeSubrange((index + 1)...)
            }
        } else {
            digits.removeSubrange(count...)
            trim()
        }
    }

    private func shouldRoundUp(at count: Int) -> Bool {
        if digits[count] == UInt8(ascii: "5") && count + 1 == digits.count {
            // Exactly half way: round to even.
            return count > 0 && (digits[count - 1] - UInt8(ascii: "0")) % 2 == 1
        }
        return digits[count] >= UInt8(ascii: "5")
    }
}

/// A non-negative integer in base 10⁹ limbs (least significant first), just big enough for the exact
/// expansion of a double: at most 1,074 binary fraction digits or 2¹⁰²⁴.
struct BigDecimalInteger {
    private static let limbBase: UInt64 = 1_000_000_000
    private var limbs: [UInt64]

    init(_ value: UInt64) {
        limbs = []
        var rest = value
        repeat {
            limbs.append(rest % Self.limbBase)
            rest /= Self.limbBase
        } while rest > 0
    }

    /// Multiplies in place by `factor`, which must be below 2³³ so no limb product overflows.
    mutating func multiply(by factor: UInt64) {
        var carry: UInt64 = 0
        for index in limbs.indices {
            let product = limbs[index] * factor + carry
            limbs[index] = product % Self.limbBase
            carry = product / Self.limbBase
        }
        while carry > 0 {
            limbs.append(carry % Self.limbBase)
            carry /= Self.limbBase
        }
    }

    /// The ASCII decimal digits, most significant first, without leading zeros.
    func decimalDigits() -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(limbs.count * 9)
        var leading = true
        for limb in limbs.reversed() {
            var divisor: UInt64 = 100_000_000
            while divisor > 0 {
                let digit = limb / divisor % 10
                if digit != 0 || !leading {
                    result.append(UInt8(ascii: "0") + UInt8(digit))
                    leading = false
                }
                divisor /= 10
            }
        }
        return result
    }
}
