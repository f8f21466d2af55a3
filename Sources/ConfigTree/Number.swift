/// A number exactly as the source wrote it, so `1`, `1.0` and `12345678901234567890` stay distinct and exact.
///
/// `literal` is the text in the file. `canonical` is the same value in JSON number grammar
/// (YAML's `0x1F` becomes `31`, `+1` becomes `1`); it is `nil` only for the YAML specials
/// `.inf`, `-.inf` and `.nan`, which JSON cannot express and which `special` names.
public struct Number: Hashable, Sendable, CustomStringConvertible {
    public enum Special: String, Hashable, Sendable {
        case infinity, negativeInfinity, nan
    }

    public let literal: String
    public let canonical: String?
    public let special: Special?

    /// A number written in JSON grammar (the literal is already canonical).
    public init(json literal: String) {
        self.literal = literal
        self.canonical = literal
        self.special = nil
    }

    /// A number from another syntax with its JSON-grammar equivalent.
    public init(literal: String, canonical: String) {
        self.literal = literal
        self.canonical = canonical
        self.special = nil
    }

    /// One of the non-finite YAML floats.
    public init(literal: String, special: Special) {
        self.literal = literal
        self.canonical = nil
        self.special = special
    }

    /// The nearest `Double` (infinite or NaN for the specials).
    public var doubleValue: Double {
        switch special {
        case .infinity: return .infinity
        case .negativeInfinity: return -.infinity
        case .nan: return .nan
        case nil: return Double(canonical ?? literal) ?? .nan
        }
    }

    /// True when the value is mathematically an integer (`1`, `1.0`, `1e3`, `-0`), judged on the text, not a float.
    public var isInteger: Bool {
        guard let text = canonical else { return false }
        var mantissa = Substring(text)
        var exponent = 0
        if let e = mantissa.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            guard let parsed = Int(mantissa[mantissa.index(after: e)...]) else { return false }
            exponent = parsed
            mantissa = mantissa[..<e]
        }
        guard let dot = mantissa.firstIndex(of: ".") else { return true }
        let fraction = mantissa[mantissa.index(after: dot)...]
        var significant = fraction.count
        for character in fraction.reversed() {
            if character == "0" { significant -= 1 } else { break }
        }
        return significant <= exponent
    }

    /// The value as `Int` when it is an integer that fits.
    public var intValue: Int? {
        guard isInteger, let text = canonical else { return nil }
        if let exact = Int(text) { return exact }
        let double = doubleValue
        guard double.isFinite, abs(double) < 9.0e15 else { return nil }
        return Int(double)
    }

    public var description: String { literal }
}
