/// The arbitrary-precision decimal of shopspring/decimal, as far as sprig's float functions use it
/// (`addf`, `subf`, `mulf`, `divf`, `add1f`): a float64 enters as its shortest decimal form, sums and products
/// are exact, a quotient has 16 decimal places rounded half away from zero, and the result returns to the
/// nearest float64.
struct DecimalNumber {
    /// The value is `coefficient × 10^exponent`.
    var coefficient: DecimalInteger
    var exponent: Int

    /// Division keeps this many decimal places, as shopspring's `DivisionPrecision`.
    static let divisionPrecision = 16

    /// `decimal.NewFromFloat`: fails, as Go panics, for NaN and infinities.
    init(_ number: Double) throws {
        guard number.isFinite else {
            throw FunctionError("Cannot create a Decimal from \(number.isNaN ? "NaN" : number > 0 ? "+Inf" : "-Inf")")
        }
        var text = number.magnitude.description[...]
        var exponent = 0
        if let marker = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            exponent = Int(text[text.index(after: marker)...]) ?? 0
            text = text[..<marker]
        }
        var digits = ""
        if let dot = text.firstIndex(of: ".") {
            let fraction = text[text.index(after: dot)...]
            exponent -= fraction.count
            digits = String(text[..<dot]) + fraction
        } else {
            digits = String(text)
        }
        var magnitude = DecimalInteger(digits: digits)
        while magnitude.digits.count > 1, magnitude.digits.first == 0 {
            magnitude.digits.removeFirst()
            exponent += 1
        }
        magnitude.isNegative = number < 0 && !magnitude.isZero
        self.coefficient = magnitude
        self.exponent = magnitude.isZero ? 0 : exponent
    }

    init(coefficient: DecimalInteger, exponent: Int) {
        self.coefficient = coefficient
        self.exponent = exponent
    }

    /// The nearest float64 (`Decimal.Float64`), infinite when out of range.
    var doubleValue: Double {
        if coefficient.isZero { return 0 }
        let text = (coefficient.isNegative ? "-" : "") + coefficient.magnitudeText + "e" + String(exponent)
        return Double(text) ?? 0
    }

    static func + (lhs: DecimalNumber, rhs: DecimalNumber) -> DecimalNumber {
        let (left, right) = aligned(lhs, rhs)
        return DecimalNumber(coefficient: left.coefficient + right.coefficient, exponent: left.exponent)
    }

    static func - (lhs: DecimalNumber, rhs: DecimalNumber) -> DecimalNumber {
        lhs + DecimalNumber(coefficient: rhs.coefficient.negated, exponent: rhs.exponent)
    }

    static func * (lhs: DecimalNumber, rhs: DecimalNumber) -> DecimalNumber {
        DecimalNumber(coefficient: lhs.coefficient * rhs.coefficient, exponent: lhs.exponent + rhs.exponent)
    }

    /// `Decimal.Div`: the quotient to ``divisionPrecision`` places, half away from zero.
    func divided(by divisor: DecimalNumber) throws -> DecimalNumber {
        guard !divisor.coefficient.isZero else { throw FunctionError("decimal division by 0") }
        let precision = Self.divisionPrecision
        let shift = exponent - divisor.exponent + precision
        let dividend: DecimalInteger, scaledDivisor: DecimalInteger, remainderExponent: Int
        if shift < 0 {
            dividend = coefficient
            scaledDivisor = divisor.coefficient.shiftedLeft(-shift)
            remainderExponent = exponent
        } else {
            dividend = coefficient.shiftedLeft(shift)
            scaledDivisor = divisor.coefficient
            remainderExponent = divisor.exponent - precision
        }
        let (quotientValue, remainderValue) = dividend.quotientAndRemainder(dividingBy: scaledDivisor)
        let quotient = DecimalNumber(coefficient: quotientValue, exponent: -precision)
        var doubledRemainder = remainderValue
        doubledRemainder.isNegative = false
        doubledRemainder = doubledRemainder + doubledRemainder
        let twiceRemainder = DecimalNumber(coefficient: doubledRemainder, exponent: remainderExponent + precision)
        var divisorMagnitude = divisor
        divisorMagnitude.coefficient.isNegative = false
        guard twiceRemainder.compare(divisorMagnitude) >= 0 else { return quotient }
        let unit = DecimalNumber(coefficient: DecimalInteger(digits: "1"), exponent: -precision)
        return coefficient.isNegative != divisor.coefficient.isNegative ? quotient - unit : quotient + unit
    }

    /// -1, 0 or 1 as `self` is less than, equal to or greater than `other`.
    func compare(_ other: DecimalNumber) -> Int {
        let (left, right) = Self.aligned(self, other)
        return (left.coefficient - right.coefficient).signum
    }

    /// Both numbers with the smaller exponent (shopspring's `RescalePair`).
    private static func aligned(_ lhs: DecimalNumber, _ rhs: DecimalNumber) -> (DecimalNumber, DecimalNumber) {
        if lhs.exponent == rhs.exponent { return (lhs, rhs) }
        if lhs.exponent > rhs.exponent {
            return (DecimalNumber(coefficient: lhs.coefficient.shiftedLeft(lhs.exponent - rhs.exponent), exponent: rhs.exponent), rhs)
        }
        return (lhs, DecimalNumber(coefficient: rhs.coefficient.shiftedLeft(rhs.exponent - lhs.exponent), exponent: lhs.exponent))
    }
}

/// A signed integer of any size, as decimal digits: what ``DecimalNumber`` needs of Go's `big.Int`.
struct DecimalInteger {
    /// Decimal digits, most significant first, without leading zeros (zero is `[0]`).
    var digits: [UInt8]
    var isNegative: Bool

    init(digits text: String) {
        let values = text.utf8.compactMap { byte -> UInt8? in
            (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) ? byte - UInt8(ascii: "0") : nil
        }
        self.init(magnitude: values, isNegative: false)
    }

    init(magnitude: [UInt8], isNegative: Bool) {
        var trimmed = magnitude[...]
        while trimmed.count > 1, trimmed.first == 0 { trimmed = trimmed.dropFirst() }
        digits = trimmed.isEmpty ? [0] : Array(trimmed)
        self.isNegative = isNegative && digits != [0]
    }

    var isZero: Bool { digits == [0] }
    var signum: Int { isZero ? 0 : isNegative ? -1 : 1 }
    var negated: DecimalInteger { DecimalInteger(magnitude: digits, isNegative: !isNegative) }
    var magnitudeText: String { String(decoding: digits.map { $0 + UInt8(ascii: "0") }, as: UTF8.self) }

    /// `self × 10^count`.
    func shiftedLeft(_ count: Int) -> DecimalInteger {
        isZero || count <= 0 ? self : DecimalInteger(magnitude: digits + [UInt8](repeating: 0, count: count), isNegative: isNegative)
    }

    static func + (lhs: DecimalInteger, rhs: DecimalInteger) -> DecimalInteger {
        if lhs.isNegative == rhs.isNegative {
            return DecimalInteger(magnitude: addMagnitudes(lhs.digits, rhs.digits), isNegative: lhs.isNegative)
        }
        if compareMagnitudes(lhs.digits, rhs.digits) >= 0 {
            return DecimalInteger(magnitude: subtractMagnitudes(lhs.digits, rhs.digits), isNegative: lhs.isNegative)
        }
        return DecimalInteger(magnitude: subtractMagnitudes(rhs.digits, lhs.digits), isNegative: rhs.isNegative)
    }

    static func - (lhs: DecimalInteger, rhs: DecimalInteger) -> DecimalInteger { lhs + rhs.negated }

    static func * (lhs: DecimalInteger, rhs: DecimalInteger) -> DecimalInteger {
        if lhs.isZero || rhs.isZero { return DecimalInteger(magnitude: [0], isNegative: false) }
        var product = [Int](repeating: 0, count: lhs.digits.count + rhs.digits.count)
        for (i, left) in lhs.digits.reversed().enumerated() where left != 0 {
            for (j, right) in rhs.digits.reversed().enumerated() {
                product[i + j] += Int(left) * Int(right)
            }
            // Carry after each row keeps every slot far below Int's range.
            var carry = 0
            for index in product.indices {
                let total = product[index] + carry
                product[index] = total % 10
                carry = total / 10
            }
        }
        return DecimalInteger(magnitude: product.reversed().map { UInt8($0) }, isNegative: lhs.isNegative != rhs.isNegative)
    }

    /// Go's `big.Int.QuoRem`: the quotient truncated toward zero, the remainder with the dividend's sign.
    func quotientAndRemainder(dividingBy divisor: DecimalInteger) -> (DecimalInteger, DecimalInteger) {
        var quotient = [UInt8]()
        quotient.reserveCapacity(digits.count)
        var remainder: [UInt8] = [0]
        for digit in digits {
            remainder = remainder == [0] ? [digit] : remainder + [digit]
            var count: UInt8 = 0
            while Self.compareMagnitudes(remainder, divisor.digits) >= 0 {
                remainder = Self.subtractMagnitudes(remainder, divisor.digits)
                count += 1
            }
            quotient.append(count)
        }
        return (
            DecimalInteger(magnitude: quotient, isNegative: isNegative != divisor.isNegative),
            DecimalInteger(magnitude: remainder, isNegative: isNegative)
        )
    }

    private static func compareMagnitudes(_ lhs: [UInt8], _ rhs: [UInt8]) -> Int {
        let left = lhs.drop { $0 == 0 }, right = rhs.drop { $0 == 0 }
        if left.count != right.count { return left.count < right.count ? -1 : 1 }
        for (a, b) in zip(left, right) where a != b { return a < b ? -1 : 1 }
        return 0
    }

    private static func addMagnitudes(_ lhs: [UInt8], _ rhs: [UInt8]) -> [UInt8] {
        var result = [UInt8]()
        result.reserveCapacity(max(lhs.count, rhs.count) + 1)
        var carry: UInt8 = 0
        var i = lhs.count - 1, j = rhs.count - 1
        while i >= 0 || j >= 0 || carry > 0 {
            let total = (i >= 0 ? lhs[i] : 0) + (j >= 0 ? rhs[j] : 0) + carry
            result.append(total % 10)
            carry = total / 10
            i -= 1
            j -= 1
        }
        return result.reversed()
    }

    /// `lhs - rhs` for `lhs >= rhs`.
    private static func subtractMagnitudes(_ lhs: [UInt8], _ rhs: [UInt8]) -> [UInt8] {
        var result = [UInt8]()
        result.reserveCapacity(lhs.count)
        var borrow: Int = 0
        var j = rhs.count - 1
        for i in stride(from: lhs.count - 1, through: 0, by: -1) {
            var difference = Int(lhs[i]) - (j >= 0 ? Int(rhs[j]) : 0) - borrow
            borrow = difference < 0 ? 1 : 0
            if difference < 0 { difference += 10 }
            result.append(UInt8(difference))
            j -= 1
        }
        let trimmed = Array(result.reversed().drop { $0 == 0 })
        return trimmed.isEmpty ? [0] : trimmed
    }
}
