/// A pattern that is only a start anchor and a fixed sequence of single characters, each a literal
/// or a plain character class (`^[@$_#]`, `^x-`, `^[a-z][0-9]$`), matched without a regex engine.
///
/// ECMA-262 semantics in unicode mode: each position matches exactly one code point; `^` is the
/// start of the text (no multiline flag in JSON Schema) and a final `$` its very end. Anything else
/// (quantifiers, groups, alternation, escapes other than escaped punctuation, `.`) is left to the
/// full engine, so `parse` returns nil for it.
struct AnchoredPrefix: Sendable {
    /// One position of the pattern: a set of code points as sorted inclusive ranges, or its complement.
    struct CharacterSet: Sendable {
        var ranges: [ClosedRange<UInt32>]
        var negated: Bool

        func contains(_ scalar: Unicode.Scalar) -> Bool {
            let value = scalar.value
            var inside = false
            for range in ranges where range.contains(value) {
                inside = true
                break
            }
            return inside != negated
        }
    }

    let positions: [CharacterSet]
    /// True when the pattern ends in `$`: the text must end right after the last position.
    let anchoredAtEnd: Bool

    /// The fast form of `source`, or nil when the pattern uses anything beyond the plain shape.
    static func parse(_ source: String) -> AnchoredPrefix? {
        let scalars = Array(source.unicodeScalars)
        guard scalars.first == "^" else { return nil }
        var positions: [CharacterSet] = []
        var index = 1
        var anchoredAtEnd = false
        while index < scalars.count {
            let scalar = scalars[index]
            switch scalar {
            case "$":
                guard index == scalars.count - 1 else { return nil }
                anchoredAtEnd = true
                index += 1
            case "[":
                guard let (set, next) = parseClass(scalars, from: index + 1) else { return nil }
                positions.append(set)
                index = next
            case "\\":
                guard index + 1 < scalars.count, isIdentityEscape(scalars[index + 1]) else { return nil }
                positions.append(CharacterSet(ranges: [scalars[index + 1].value...scalars[index + 1].value], negated: false))
                index += 2
            default:
                guard !isSyntax(scalar) else { return nil }
                positions.append(CharacterSet(ranges: [scalar.value...scalar.value], negated: false))
                index += 1
            }
            // A quantifier would apply to the position just read: not the plain shape.
            if index < scalars.count, ["*", "+", "?", "{"].contains(scalars[index]) { return nil }
        }
        return AnchoredPrefix(positions: positions, anchoredAtEnd: anchoredAtEnd)
    }

    /// True when `text` starts with the positions (and, with `$`, has nothing after them).
    func matches(_ text: String) -> Bool {
        var iterator = text.unicodeScalars.makeIterator()
        for position in positions {
            guard let scalar = iterator.next(), position.contains(scalar) else { return false }
        }
        return !anchoredAtEnd || iterator.next() == nil
    }

    /// A class of literals and literal ranges, `[` already consumed; returns the set and the index after `]`.
    private static func parseClass(_ scalars: [Unicode.Scalar], from start: Int) -> (CharacterSet, Int)? {
        var index = start
        var negated = false
        if index < scalars.count, scalars[index] == "^" {
            negated = true
            index += 1
        }
        var ranges: [ClosedRange<UInt32>] = []
        while index < scalars.count, scalars[index] != "]" {
            let low = scalars[index]
            guard low != "\\" else { return nil }
            if index + 2 < scalars.count, scalars[index + 1] == "-", scalars[index + 2] != "]" {
                let high = scalars[index + 2]
                guard high != "\\", low.value <= high.value else { return nil }
                ranges.append(low.value...high.value)
                index += 3
            } else {
                ranges.append(low.value...low.value)
                index += 1
            }
        }
        // `[]` and `[^]` are legal but unusual; leave them (and an unterminated class) to the engine.
        guard index < scalars.count, !ranges.isEmpty else { return nil }
        return (CharacterSet(ranges: ranges, negated: negated), index + 1)
    }

    private static func isSyntax(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "^", "$", "\\", ".", "|", "?", "*", "+", "(", ")", "[", "]", "{", "}": return true
        default: return false
        }
    }

    /// Escaped ASCII punctuation stands for itself (the translator accepts the same set).
    private static func isIdentityEscape(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value >= 0x21 && scalar.value < 0x7F && !scalar.isASCIILetter && !scalar.isASCIIDigit
    }
}
