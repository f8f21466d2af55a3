/// Upper-casing as Go's `strings.ToUpper` does it: each scalar on its own, with the *simple* mapping, so the
/// result never expands (`ß` stays `ß`, `ﬁ` stays `ﬁ`), unlike Swift's `uppercased()`.
///
/// Swift exposes only the full mapping. Where the full mapping is a single scalar it equals the simple one;
/// where it expands, the simple mapping is the scalar itself except for the Greek letters with
/// ypogegrammeni, which map to their prosgegrammeni capitals.
enum GoUppercase {
    static func uppercased(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            result.append(uppercased(scalar))
        }
        return String(result)
    }

    static func uppercased(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        if scalar.isASCII {
            guard scalar.value >= 0x61, scalar.value <= 0x7a else { return scalar }
            return Unicode.Scalar(UInt8(scalar.value - 0x20))
        }
        if let capital = ypogegrammeniCapital(scalar) {
            return capital
        }
        let mapping = scalar.properties.uppercaseMapping.unicodeScalars
        guard mapping.count == 1, let single = mapping.first else { return scalar }
        return single
    }

    /// U+1F80–1F87, 1F90–1F97, 1FA0–1FA7 → +8; U+1FB3 → 1FBC; U+1FC3 → 1FCC; U+1FF3 → 1FFC.
    private static func ypogegrammeniCapital(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
        let value = scalar.value
        switch value {
        case 0x1F80...0x1F87, 0x1F90...0x1F97, 0x1FA0...0x1FA7:
            return Unicode.Scalar(value + 8)
        case 0x1FB3, 0x1FC3, 0x1FF3:
            return Unicode.Scalar(value + 9)
        default:
            return nil
        }
    }
}
