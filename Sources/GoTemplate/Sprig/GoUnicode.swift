/// Go's `unicode` predicates and simple case mappings, which sprig's string functions (and the libraries they
/// call, goutils and xstrings) apply rune by rune.
///
/// Go classifies by general category (`IsUpper` is `Lu`, not the wider `Uppercase` property) and maps case one
/// rune to one rune (the simple mappings of `UnicodeData.txt`), never to a sequence as `SpecialCasing.txt` does.
/// Go 1.19's tables are Unicode 13.0: a character assigned later is unassigned to Go, and a case mapping to one
/// (`ƛ` to `Ƛ`, added in Unicode 16) does not exist.
enum GoUnicode {
    /// The general category as Go 1.19 knows it.
    private static func category(_ rune: Unicode.Scalar) -> Unicode.GeneralCategory {
        isInGosTables(rune) ? rune.properties.generalCategory : .unassigned
    }

    /// Whether the character was assigned by Unicode 13.0, the version of Go 1.19's tables.
    private static func isInGosTables(_ rune: Unicode.Scalar) -> Bool {
        guard let age = rune.properties.age else { return false }
        return age.major < 13 || (age.major == 13 && age.minor == 0)
    }

    /// `unicode.IsSpace`: the Latin-1 spaces (including U+0085 and U+00A0), then the `White_Space` property.
    static func isSpace(_ rune: Unicode.Scalar) -> Bool {
        switch rune.value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0: return true
        case 0...0xFF: return false
        default: return rune.properties.isWhitespace
        }
    }

    static func isUpper(_ rune: Unicode.Scalar) -> Bool { category(rune) == .uppercaseLetter }
    static func isLower(_ rune: Unicode.Scalar) -> Bool { category(rune) == .lowercaseLetter }
    static func isTitle(_ rune: Unicode.Scalar) -> Bool { category(rune) == .titlecaseLetter }

    static func isLetter(_ rune: Unicode.Scalar) -> Bool {
        switch category(rune) {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: return true
        default: return false
        }
    }

    /// `unicode.IsDigit`: category `Nd`.
    static func isDigit(_ rune: Unicode.Scalar) -> Bool { category(rune) == .decimalNumber }

    /// `unicode.IsNumber`: categories `Nd`, `Nl`, `No`.
    static func isNumber(_ rune: Unicode.Scalar) -> Bool {
        switch category(rune) {
        case .decimalNumber, .letterNumber, .otherNumber: return true
        default: return false
        }
    }

    /// `unicode.IsPunct`: the `P` categories.
    static func isPunct(_ rune: Unicode.Scalar) -> Bool {
        switch category(rune) {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
            .initialPunctuation, .finalPunctuation, .otherPunctuation:
            return true
        default: return false
        }
    }

    /// `unicode.ToUpper`. Where the full mapping is a sequence (`ß` → `SS`, `ᾳ` → `ΑΙ`), the simple mapping is
    /// the titlecase form when that is one rune (`ᾳ` → `ᾼ`), and the rune itself otherwise.
    static func toUpper(_ rune: Unicode.Scalar) -> Unicode.Scalar {
        if rune.value < 0x80 {
            return (0x61...0x7A).contains(rune.value) ? Unicode.Scalar(UInt8(rune.value - 0x20)) : rune
        }
        guard isInGosTables(rune) else { return rune }
        return single(rune.properties.uppercaseMapping) ?? single(rune.properties.titlecaseMapping) ?? rune
    }

    /// `unicode.ToLower`. Only `İ` has a sequence as its full lowercase; its simple one is `i`.
    static func toLower(_ rune: Unicode.Scalar) -> Unicode.Scalar {
        if rune.value < 0x80 {
            return (0x41...0x5A).contains(rune.value) ? Unicode.Scalar(UInt8(rune.value + 0x20)) : rune
        }
        if rune.value == 0x130 { return "i" }
        guard isInGosTables(rune) else { return rune }
        return single(rune.properties.lowercaseMapping) ?? rune
    }

    /// `unicode.ToTitle`.
    static func toTitle(_ rune: Unicode.Scalar) -> Unicode.Scalar {
        if rune.value < 0x80 { return toUpper(rune) }
        guard isInGosTables(rune) else { return rune }
        return single(rune.properties.titlecaseMapping) ?? rune
    }

    /// The mapping when it is one rune that Go's tables know.
    private static func single(_ mapping: String) -> Unicode.Scalar? {
        let scalars = mapping.unicodeScalars
        guard let first = scalars.first, scalars.index(after: scalars.startIndex) == scalars.endIndex,
            isInGosTables(first)
        else { return nil }
        return first
    }
}
