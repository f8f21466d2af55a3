/// strconv's `FormatFloat`: the formats `b e E f g G x X`, shortest (precision -1) or fixed precision,
/// for float64 or float32.
enum FloatFormatting {
    /// Appends `value` formatted as `strconv.AppendFloat(dst, value, format, precision, bitSize)` would.
    static func append(_ value: Double, format: UInt8, precision: Int, bitSize: Int, to output: inout [UInt8]) {
        let negative: Bool
        var binaryExponent: Int
        var mantissa: UInt64
        let mantissaBits: Int
        if bitSize == 32 {
            let narrow = Float(value)
            if narrow.isNaN || narrow.isInfinite {
                appendSpecial(nan: narrow.isNaN, negative: narrow.sign == .minus, to: &output)
                return
            }
            negative = narrow.sign == .minus
            mantissaBits = 23
            (mantissa, binaryExponent) = components(
                fraction: UInt64(narrow.significandBitPattern), biasedExponent: Int(narrow.exponentBitPattern),
                mantissaBits: 23, bias: -127)
        } else {
            if value.isNaN || value.isInfinite {
                appendSpecial(nan: value.isNaN, negative: value.sign == .minus, to: &output)
                return
            }
            negative = value.sign == .minus
            mantissaBits = 52
            (mantissa, binaryExponent) = components(
                fraction: value.significandBitPattern, biasedExponent: Int(value.exponentBitPattern),
                mantissaBits: 52, bias: -1023)
        }

        switch format {
        case UInt8(ascii: "b"):
            appendBinary(negative: negative, mantissa: mantissa, exponent: binaryExponent - mantissaBits, to: &output)
            return
        case UInt8(ascii: "x"), UInt8(ascii: "X"):
            appendHexadecimal(
                negative: negative, mantissa: mantissa, exponent: binaryExponent, mantissaBits: mantissaBits,
                precision: precision, format: format, to: &output)
            return
        default: break
        }

        var precision = precision
        var digits: DecimalDigits
        let shortest = precision < 0
        if shortest {
            digits = DecimalDigits.shortest(abs(value), bitSize: bitSize)
            switch format {
            case UInt8(ascii: "e"), UInt8(ascii: "E"): precision = max(digits.digits.count - 1, 0)
            case UInt8(ascii: "f"): precision = max(digits.digits.count - digits.decimalPoint, 0)
            case UInt8(ascii: "g"), UInt8(ascii: "G"): precision = digits.digits.count
            default: break
            }
        } else if format == UInt8(ascii: "f"),
            let rounded = DecimalDigits.roundedFixed(
                mantissa: mantissa, binaryExponent: binaryExponent - mantissaBits, fractionDigits: precision)
        {
            digits = rounded
        } else {
            digits = DecimalDigits.exact(mantissa: mantissa, binaryExponent: binaryExponent - mantissaBits)
            switch format {
            case UInt8(ascii: "e"), UInt8(ascii: "E"):
                digits.round(toCount: precision + 1)
            case UInt8(ascii: "f"):
                digits.round(toCount: digits.decimalPoint + precision)
            case UInt8(ascii: "g"), UInt8(ascii: "G"):
                if precision == 0 { precision = 1 }
                digits.round(toCount: precision)
            default:
                digits.round(toCount: 1)
            }
        }
        appendDigits(digits, negative: negative, shortest: shortest, precision: precision, format: format, to: &output)
    }

    private static func components(
        fraction: UInt64, biasedExponent: Int, mantissaBits: Int, bias: Int
    ) -> (mantissa: UInt64, exponent: Int) {
        if biasedExponent == 0 {
            return (fraction, 1 + bias)  // subnormal
        }
        return (fraction | (UInt64(1) << UInt64(mantissaBits)), biasedExponent + bias)
    }

    private static func appendSpecial(nan: Bool, negative: Bool, to output: inout [UInt8]) {
        if nan {
            output.append(contentsOf: "NaN".utf8)
        } else {
            output.append(contentsOf: (negative ? "-Inf" : "+Inf").utf8)
        }
    }

    private static func appendDigits(
        _ digits: DecimalDigits, negative: Bool, shortest: Bool, precision: Int, format: UInt8,
        to output: inout [UInt8]
    ) {
        switch format {
        case UInt8(ascii: "e"), UInt8(ascii: "E"):
            appendExponential(digits, negative: negative, precision: precision, format: format, to: &output)
        case UInt8(ascii: "f"):
            appendFixed(digits, negative: negative, precision: precision, to: &output)
        case UInt8(ascii: "g"), UInt8(ascii: "G"):
            var exponentPrecision = precision
            if exponentPrecision > digits.digits.count && digits.digits.count >= digits.decimalPoint {
                exponentPrecision = digits.digits.count
            }
            if shortest { exponentPrecision = 6 }
            let exponent = digits.decimalPoint - 1
            if exponent < -4 || exponent >= exponentPrecision {
                let digitsAfterPoint = min(precision, digits.digits.count) - 1
                let letter = format == UInt8(ascii: "g") ? UInt8(ascii: "e") : UInt8(ascii: "E")
                appendExponential(
                    digits, negative: negative, precision: digitsAfterPoint, format: letter, to: &output)
                return
            }
            let significant = precision > digits.decimalPoint ? digits.digits.count : precision
            appendFixed(digits, negative: negative, precision: max(significant - digits.decimalPoint, 0), to: &output)
        default:
            output.append(UInt8(ascii: "%"))
            output.append(format)
        }
    }

    private static func appendExponential(
        _ digits: DecimalDigits, negative: Bool, precision: Int, format: UInt8, to output: inout [UInt8]
    ) {
        if negative { output.append(UInt8(ascii: "-")) }
        let count = digits.digits.count
        output.append(count == 0 ? UInt8(ascii: "0") : digits.digits[0])
        if precision > 0 {
            output.append(UInt8(ascii: "."))
            var index = 1
            let end = min(count, precision + 1)
            if index < end {
                output.append(contentsOf: digits.digits[index..<end])
                index = end
            }
            while index <= precision {
                output.append(UInt8(ascii: "0"))
                index += 1
            }
        }
        output.append(format)
        var exponent = count == 0 ? 0 : digits.decimalPoint - 1
        if exponent < 0 {
            output.append(UInt8(ascii: "-"))
            exponent = -exponent
        } else {
            output.append(UInt8(ascii: "+"))
        }
        let zero = UInt8(ascii: "0")
        if exponent < 10 {
            output.append(zero)
            output.append(zero + UInt8(exponent))
        } else if exponent < 100 {
            output.append(zero + UInt8(exponent / 10))
            output.append(zero + UInt8(exponent % 10))
        } else {
            output.append(zero + UInt8(exponent / 100))
            output.append(zero + UInt8(exponent / 10 % 10))
            output.append(zero + UInt8(exponent % 10))
        }
    }

    private static func appendFixed(_ digits: DecimalDigits, negative: Bool, precision: Int, to output: inout [UInt8]) {
        if negative { output.append(UInt8(ascii: "-")) }
        let count = digits.digits.count
        let point = digits.decimalPoint
        if point > 0 {
            let end = min(count, point)
            output.append(contentsOf: digits.digits[0..<end])
            if end < point { output.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: point - end)) }
        } else {
            output.append(UInt8(ascii: "0"))
        }
        if precision > 0 {
            output.append(UInt8(ascii: "."))
            for offset in 0..<precision {
                let index = point + offset
                output.append(index >= 0 && index < count ? digits.digits[index] : UInt8(ascii: "0"))
            }
        }
    }

    /// The `b` format: decimal mantissa, `p`, binary exponent (`4503599627370496p-52`).
    private static func appendBinary(negative: Bool, mantissa: UInt64, exponent: Int, to output: inout [UInt8]) {
        if negative { output.append(UInt8(ascii: "-")) }
        output.append(contentsOf: String(mantissa).utf8)
        output.append(UInt8(ascii: "p"))
        if exponent >= 0 { output.append(UInt8(ascii: "+")) }
        output.append(contentsOf: String(exponent).utf8)
    }

    /// The `x`/`X` formats: `-0x1.8p+01`, rounded to `precision` hexadecimal digits (ties to even).
    private static func appendHexadecimal(
        negative: Bool, mantissa: UInt64, exponent: Int, mantissaBits: Int, precision: Int, format: UInt8,
        to output: inout [UInt8]
    ) {
        var mantissa = mantissa
        var exponent = mantissa == 0 ? 0 : exponent
        let leadingBit: UInt64 = 1 << 60
        mantissa <<= UInt64(60 - mantissaBits)
        while mantissa != 0 && mantissa & leadingBit == 0 {
            mantissa <<= 1
            exponent -= 1
        }
        if precision >= 0 && precision < 15 {
            let shift = UInt64(precision * 4)
            let extra = (mantissa << shift) & (leadingBit - 1)
            mantissa >>= 60 - shift
            if extra | (mantissa & 1) > 1 << 59 { mantissa += 1 }
            mantissa <<= 60 - shift
            if mantissa & (1 << 61) != 0 {
                mantissa >>= 1
                exponent += 1
            }
        }
        let hexDigits = Array((format == UInt8(ascii: "X") ? "0123456789ABCDEF" : "0123456789abcdef").utf8)
        if negative { output.append(UInt8(ascii: "-")) }
        output.append(UInt8(ascii: "0"))
        output.append(format)
        output.append(UInt8(ascii: "0") + UInt8((mantissa >> 60) & 1))
        mantissa <<= 4
        if precision < 0 && mantissa != 0 {
            output.append(UInt8(ascii: "."))
            while mantissa != 0 {
                output.append(hexDigits[Int((mantissa >> 60) & 15)])
                mantissa <<= 4
            }
        } else if precision > 0 {
            output.append(UInt8(ascii: "."))
            for _ in 0..<precision {
                output.append(hexDigits[Int((mantissa >> 60) & 15)])
                mantissa <<= 4
            }
        }
        output.append(format == UInt8(ascii: "X") ? UInt8(ascii: "P") : UInt8(ascii: "p"))
        if exponent < 0 {
            output.append(UInt8(ascii: "-"))
            exponent = -exponent
        } else {
            output.append(UInt8(ascii: "+"))
        }
        let zero = UInt8(ascii: "0")
        if exponent < 100 {
            output.append(zero + UInt8(exponent / 10))
            output.append(zero + UInt8(exponent % 10))
        } else if exponent < 1000 {
            output.append(zero + UInt8(exponent / 100))
            output.append(zero + UInt8(exponent / 10 % 10))
            output.append(zero + UInt8(exponent % 10))
        } else {
            output.append(zero + UInt8(exponent / 1000))
            output.append(zero + UInt8(exponent / 100 % 10))
            output.append(zero + UInt8(exponent / 10 % 10))
            output.append(zero + UInt8(exponent % 10))
        }
    }
}
