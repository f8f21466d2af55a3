/// A number exactly as the source wrote it, so `1`, `1.0` and `12345678901234567890` stay distinct and exact.
///
/// `literal` is the text in the file. `canonical` is the same value in JSON number grammar
/// (YAML's `0x1F` becomes `31`, `+1` becomes `1`); it is `nil` only for the YAML specials
/// `.inf`, `-.inf` and `.nan`, which JSON cannot express and which `special` names.
public struct Number: Hashable, Sendable, CustomStringConvertible {
    public enum Special: String, Hashable, Sendable {
        case infinity, negativeInfinity, nan
    }

    /// A JSON-grammar number is its literal alone (16 bytes, stored inside the node); the rare rest
    /// (YAML's `0x1F`, `+1`, `.inf`) keeps its two texts in a shared object.
    fileprivate enum Storage: Sendable {
        case json(String)
        case converted(Converted)
    }

    fileprivate final class Converted: Sendable {
        let literal: String
        let canonical: String?
        let special: Special?

        init(literal: String, canonical: String?, special: Special?) {
            self.literal = literal
            self.canonical = canonical
            self.special = special
        }
    }

    fileprivate let storage: Storage

    /// The text in the file.
    public var literal: String {
        switch storage {
        case .json(let text): return text
        case .converted(let converted): return converted.literal
        }
    }

    /// The value in JSON number grammar; nil only for the YAML specials.
    public var canonical: String? {
        switch storage {
        case .json(let text): return text
        case .converted(let converted): return converted.canonical
        }
    }

    /// Which non-finite YAML float this is, if it is one.
    public var special: Special? {
        switch storage {
        case .json: return nil
        case .converted(let converted): return converted.special
        }
    }

    /// A number written in JSON grammar (the literal is already canonical).
    public init(json literal: String) {
        storage = .json(literal)
    }

    /// A number from another syntax with its JSON-grammar equivalent.
    public init(literal: String, canonical: String) {
        storage = literal == canonical ? .json(literal) : .converted(Converted(literal: literal, canonical: canonical, special: nil))
    }

    /// One of the non-finite YAML floats.
    public init(literal: String, special: Special) {
        storage = .converted(Converted(literal: literal, canonical: nil, special: special))
    }

    public static func == (lhs: Number, rhs: Number) -> Bool {
        lhs.literal == rhs.literal && lhs.canonical == rhs.canonical && lhs.special == rhs.special
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(literal)
        hasher.combine(canonical)
        hasher.combine(special)
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

extension Node {
    /// Whether the value at `node` is a number written in JSON grammar with neither a fraction nor an exponent
    /// (so an integer), read in place: a schema's `integer` test asks it of every number, and copying the
    /// number out of the tree retained and released its text. False for anything else, including integers
    /// written `1.0` or `1e2`, which `Number.isInteger` decides.
    public static func isPlainIntegerLiteral(at node: UnsafePointer<Node>) -> Bool {
        guard case .number(let number) = node.pointee.value, case .json(let text) = number.storage else { return false }
        for byte in text.utf8 where byte == UInt8(ascii: ".") || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") {
            return false
        }
        return true
    }
}
