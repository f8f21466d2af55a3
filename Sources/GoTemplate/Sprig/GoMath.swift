/// The parts of Go's `math` package whose results can differ in the last bit from the C library's.
enum GoMath {
    /// Go's `math.Pow(10, exponent)` for an integer exponent: successive squarings of the mantissa with the
    /// binary exponent kept apart, as Go computes it (glibc's `pow` may round differently above 10^22).
    static func powerOfTen(_ exponent: Int) -> Double {
        if exponent == 0 { return 1 }
        if exponent == 1 { return 10 }
        var accumulated = 1.0
        var accumulatedExponent = 0
        // frexp(10) = 0.625 × 2^4
        var mantissa = 0.625
        var binaryExponent = 4
        var remaining = exponent.magnitude
        while remaining != 0 {
            if binaryExponent < -(1 << 12) || (1 << 12) < binaryExponent {
                accumulatedExponent += binaryExponent
                break
            }
            if remaining & 1 == 1 {
                accumulated *= mantissa
                accumulatedExponent += binaryExponent
            }
            mantissa *= mantissa
            binaryExponent <<= 1
            if mantissa < 0.5 {
                mantissa += mantissa
                binaryExponent -= 1
            }
            remaining >>= 1
        }
        if exponent < 0 {
            accumulated = 1 / accumulated
            accumulatedExponent = -accumulatedExponent
        }
        return loadExponent(accumulated, accumulatedExponent)
    }

    /// `math.Ldexp`: `fraction × 2^exponent`, rounded once, saturating to 0 or infinity.
    static func loadExponent(_ fraction: Double, _ exponent: Int) -> Double {
        let clamped = max(min(exponent, 4000), -4000)
        var result = fraction
        var remaining = clamped
        // Scale in steps that keep every intermediate exact except the last one into the subnormal range.
        while remaining > 1000 { result *= 0x1p1000; remaining -= 1000 }
        while remaining < -1000 {
            if result == 0 { return result }
            result *= 0x1p-1000
            remaining += 1000
        }
        return result * Double(sign: .plus, exponent: remaining, significand: 1)
    }
}
